//! The trade-off view's evidence cards: what published studies found, and the "our toy" line
//! under each, computed from the live numbers. "Our toy shows the same direction" is said only
//! when every comparison it rests on holds; otherwise the line says what the numbers do show.

use super::story::{standing, FACTS, FORMAT, UNTUNED};
use crate::core::eval::{EvalReport, RECALL_DEPTH};
use crate::ui::components::chart::{EvidenceItem, Verification};
use crate::ui::components::compare::{count, pct, relate, Relation};

/// Retrieval versus fine-tuning for knowledge.
pub(crate) const OVADIA: EvidenceItem = EvidenceItem {
    source: "Ovadia et al., “Fine-Tuning or Retrieval?”, EMNLP",
    year: "2024",
    reference: "arXiv:2312.05934",
    figure: "Retrieval consistently beat unsupervised fine-tuning at adding knowledge, for facts \
             the model had seen and for entirely new ones; fine-tuning learned new facts only \
             from many paraphrases of each. Reported for a current-events set: base 0.35–0.48, \
             retrieval about 0.875, fine-tuning with paraphrases about 0.50.",
    verification: Verification::Primary,
};

/// Fine-tuning teaches format and style.
pub(crate) const LIMA: EvidenceItem = EvidenceItem {
    source: "Zhou et al., “LIMA: Less Is More for Alignment”",
    year: "2023",
    reference: "arXiv:2305.11206",
    figure: "1,000 carefully chosen examples were enough to teach a model a format and style; \
             what it knew came from pre-training.",
    verification: Verification::Primary,
};

/// The two stack.
pub(crate) const BALAGUER: EvidenceItem = EvidenceItem {
    source: "Balaguer et al., “RAG vs Fine-tuning: Pipelines, Tradeoffs, and a Case Study on \
             Agriculture”",
    year: "2024",
    reference: "arXiv:2401.08406",
    figure: "Fine-tuning added over 6 points of accuracy, and retrieval about 5 more on top: the \
             two combine.",
    verification: Verification::Primary,
};

/// The line every card shows while no model is fine-tuned.
fn untuned() -> String {
    format!("Nothing to compare yet: {UNTUNED}.")
}

/// Our toy against [`OVADIA`].
pub(crate) fn ours_knowledge(report: &EvalReport) -> String {
    if report.tuned_on.is_none() {
        return untuned();
    }
    let m = &report.modes;
    let (Some(rag), Some(tuned)) = (m.rag.knowledge_accuracy, m.tuned.knowledge_accuracy) else {
        return "There are no fact questions to score yet.".to_string();
    };
    let (r, t) = (pct(rag), pct(tuned));
    let overall = match relate(Some(rag), Some(tuned)) {
        Some(Relation::Higher) => {
            return format!(
                "Our toy shows the same direction: retrieval states {r} of today's facts, the \
                 fine-tuned model {t}."
            )
        }
        Some(Relation::Same) => format!(
            "Our toy does not show this on overall accuracy right now: retrieval states about \
             as many of today's facts as the fine-tuned model ({r} against {t})."
        ),
        _ => format!(
            "Our toy does not show this on overall accuracy right now: the fine-tuned model \
             states more of today's facts than retrieval ({t} against {r})."
        ),
    };
    [Some(overall), reader_gap(report), changed_facts(report)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Why retrieval can lag: the passage is found but the reader misses the fact. Said only when
/// the reader sees at least the passages recall counts and recall is clearly above accuracy.
fn reader_gap(report: &EvalReport) -> Option<String> {
    let rag = &report.modes.rag;
    let (recall, known) = (rag.recall_at_5?, rag.knowledge_accuracy?);
    (report.k >= RECALL_DEPTH && relate(Some(recall), Some(known)) == Some(Relation::Higher)).then(
        || {
            format!(
                "Retrieval puts a passage of the right document in its top {RECALL_DEPTH} for {} \
                 of the questions, but our small reader states the fact in only {}.",
                pct(recall),
                pct(known)
            )
        },
    )
}

/// The facts that changed since the model was trained: the subset where the published gap
/// should show. When there is none, the sentence says so instead of printing "n/a".
fn changed_facts(report: &EvalReport) -> Option<String> {
    let trained_on = report.tuned_on.as_deref()?;
    let m = &report.modes;
    let subset = (m.rag.changed_accuracy, m.tuned.changed_accuracy);
    let facts = count(report.questions.changed_facts, "fact", "facts");
    let (Some(rag), Some(tuned)) = subset else {
        return Some(match report.questions.changed_facts {
            0 => format!(
                "No fact has changed since the model was trained on {trained_on}, so nothing \
                 it learned is out of date yet."
            ),
            _ => format!(
                "No question here asks about the {facts} changed since the model was trained \
                 on {trained_on}, so there is no gap to measure there."
            ),
        });
    };
    let on = format!("On the {facts} changed since the model was trained on {trained_on}");
    let (r, t) = (pct(rag), pct(tuned));
    Some(match relate(Some(rag), Some(tuned))? {
        Relation::Higher => {
            format!("{on}, retrieval is ahead: {r} against the fine-tuned model's {t}.")
        }
        Relation::Same => {
            format!("{on}, the two score about the same: retrieval {r}, the fine-tuned model {t}.")
        }
        Relation::Lower => {
            format!("{on}, the fine-tuned model still scores higher: {t} against retrieval's {r}.")
        }
    })
}

/// Our toy against [`LIMA`]; `demonstrations` is how many examples the model learned from.
pub(crate) fn ours_format(report: &EvalReport, demonstrations: usize) -> String {
    if report.tuned_on.is_none() {
        return untuned();
    }
    let m = &report.modes;
    let (Some(tuned), Some(rag)) = (m.tuned.format_compliance, m.rag.format_compliance) else {
        return "There are no answers to check for the house format yet.".to_string();
    };
    let (t, r) = (pct(tuned), pct(rag));
    match relate(Some(tuned), Some(rag)) {
        Some(Relation::Higher) => {
            let trained = match demonstrations {
                0 => String::new(),
                n => format!(
                    "trained on {} of the house format, ",
                    count(n, "example", "examples")
                ),
            };
            format!(
                "Our toy shows the same direction: {trained}the fine-tuned model follows it in \
                 {t} of answers; the untuned reader in {r}."
            )
        }
        Some(Relation::Same) => format!(
            "Our toy does not show this right now: the fine-tuned model follows the house \
             format about as often as the untuned reader ({t} against {r})."
        ),
        _ => format!(
            "Our toy does not show this right now: the untuned reader follows the house format \
             more often than the fine-tuned model ({r} against {t})."
        ),
    }
}

/// Our toy against [`BALAGUER`]: "the two combine" holds when both together state more of
/// today's facts than every single mode; the house format is reported beside it.
pub(crate) fn ours_both(report: &EvalReport) -> String {
    if report.tuned_on.is_none() {
        return untuned();
    }
    let Some(facts) = standing(&report.modes, &FACTS) else {
        return "There are no fact questions to score yet.".to_string();
    };
    let verdict = match facts.relation {
        Relation::Higher => "Our toy shows the same direction",
        _ => "Our toy does not show this right now",
    };
    let format = standing(&report.modes, &FORMAT)
        .map(|f| format!(" Both together {}.", f.words))
        .unwrap_or_default();
    format!("{verdict}: here both together {}.{format}", facts.words)
}

#[cfg(test)]
mod tests {
    use super::super::story::tests::report;
    use super::*;

    #[test]
    fn evidence_lines_agree_only_when_every_comparison_holds() {
        let agrees = report((0.8, 0.0, 0.02), (0.4, 1.0, 0.5), (0.9, 1.0, 0.0));
        assert!(ours_knowledge(&agrees).starts_with("Our toy shows the same direction"));
        assert!(ours_format(&agrees, 30).contains("trained on 30 examples"));
        assert!(ours_format(&agrees, 1).contains("trained on 1 example of"));
        assert!(ours_both(&agrees).starts_with("Our toy shows the same direction"));
        let disagrees = report((0.4, 0.0, 0.02), (0.42, 1.0, 0.5), (0.3, 0.9, 0.0));
        let text = ours_knowledge(&disagrees);
        assert!(
            text.starts_with(
                "Our toy does not show this on overall accuracy right now: retrieval states \
                 about as many"
            ),
            "{text}"
        );
        assert!(ours_both(&disagrees).starts_with("Our toy does not show this"));
    }

    /// The audit's default state: both 48.5% against retrieval's 48.9% is not "the same
    /// direction" (the old line allowed a 2-point shortfall).
    #[test]
    fn both_a_little_below_retrieval_does_not_combine() {
        let v3 = report((0.489, 0.2, 0.05), (0.3, 0.97, 0.4), (0.485, 0.97, 0.05));
        let text = ours_both(&v3);
        assert!(
            text.starts_with(
                "Our toy does not show this right now: here both together state about as many \
                 of today's facts as retrieval alone (48.5% against 48.9%)."
            ),
            "{text}"
        );
    }

    /// The audit's v1, k = 1 state: the old line only compared both with retrieval.
    #[test]
    fn both_far_below_the_fine_tuned_model_does_not_combine() {
        let v1 = report((0.3, 0.2, 0.0), (0.705, 0.97, 0.0), (0.379, 0.99, 0.0));
        let text = ours_both(&v1);
        assert!(
            text.starts_with(
                "Our toy does not show this right now: here both together state fewer of \
                 today's facts than the fine-tuned model alone (37.9% against 70.5%)."
            ),
            "{text}"
        );
    }

    /// At v1 nothing changed since training: the subset is empty and said to be.
    #[test]
    fn an_empty_changed_subset_is_said_in_words() {
        let mut v1 = report((0.3, 0.2, 0.0), (0.705, 0.97, 0.0), (0.379, 0.99, 0.0));
        v1.questions.changed_facts = 0;
        v1.modes.rag.changed_accuracy = None;
        v1.modes.tuned.changed_accuracy = None;
        let text = ours_knowledge(&v1);
        assert!(!text.contains("n/a"), "{text}");
        assert!(
            text.contains("the fine-tuned model states more of today's facts than retrieval (70.5% against 30.0%)"),
            "{text}"
        );
        assert!(
            text.contains("No fact has changed since the model was trained on v1"),
            "{text}"
        );
        let mut v2 = v1.clone();
        v2.questions.changed_facts = 1;
        v2.modes.rag.changed_accuracy = Some(0.9);
        v2.modes.tuned.changed_accuracy = Some(0.0);
        let text = ours_knowledge(&v2);
        assert!(
            text.contains(
                "On the 1 fact changed since the model was trained on v1, retrieval is ahead"
            ),
            "{text}"
        );
    }

    #[test]
    fn the_reader_gap_is_named_only_when_recall_shows_it() {
        let mut r = report((0.45, 0.2, 0.05), (0.5, 0.97, 0.4), (0.485, 0.97, 0.05));
        r.k = 5;
        r.modes.rag.recall_at_5 = Some(0.8);
        assert!(ours_knowledge(&r).contains("in its top 5 for 80.0% of the questions"));
        r.k = 1;
        assert!(!ours_knowledge(&r).contains("top 5"));
    }

    #[test]
    fn without_a_model_no_card_compares() {
        let mut r = report((0.45, 0.2, 0.05), (0.0, 0.0, 0.0), (0.0, 0.0, 0.0));
        r.tuned_on = None;
        for text in [ours_knowledge(&r), ours_format(&r, 0), ours_both(&r)] {
            assert!(text.starts_with("Nothing to compare yet"), "{text}");
        }
    }
}
