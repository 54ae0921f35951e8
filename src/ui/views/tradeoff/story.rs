//! What the trade-off chart says, in words computed from the live numbers: the caption, the
//! base model's note and the timing line. Every comparison is decided by [`crate::ui::components::compare`]
//! from the numbers the sentence names; the evidence cards' lines are in [`super::evidence`].

use crate::core::eval::{EvalReport, ModeMetrics, ModeReports};
use crate::ui::components::compare::{best, count, pct, relate, Named, Relation};

pub(crate) use super::evidence::{ours_both, ours_format, ours_knowledge, BALAGUER, LIMA, OVADIA};

/// How a single-mode rival is named inside a sentence.
const RAG_ALONE: &str = "retrieval alone";
const TUNED_ALONE: &str = "the fine-tuned model alone";
const BASE: &str = "the base model";

/// What the fine-tuned points show when no model is installed: the tuned modes then decline
/// every question (see `crate::core::modes`), so no comparison with them means anything.
pub(super) const UNTUNED: &str = "no model is fine-tuned yet, so both fine-tuned points decline \
                                  every question";

/// One axis of the chart, in the words that compare "both together" with a single mode.
pub(super) struct Axis {
    /// The score on this axis.
    score: fn(&ModeMetrics) -> Option<f64>,
    /// Both together beat every single mode.
    more: &'static str,
    /// Both together are within the tolerance of the best single mode.
    about: &'static str,
    /// The best single mode beats both together.
    fewer: &'static str,
}

/// Knowledge, across.
pub(super) const FACTS: Axis = Axis {
    score: |m| m.knowledge_accuracy,
    more: "state more of today's facts than any single mode",
    about: "state about as many of today's facts as",
    fewer: "state fewer of today's facts than",
};

/// Format, up.
pub(super) const FORMAT: Axis = Axis {
    score: |m| m.format_compliance,
    more: "follow the house format more often than any single mode",
    about: "follow the house format about as often as",
    fewer: "follow the house format less often than",
};

/// "Both together" against the best of the single modes (base included) on one axis.
pub(super) struct Standing {
    /// How both together stand against that mode.
    pub(crate) relation: Relation,
    /// What the numbers show, as a verb phrase with both numbers ("state about as many of
    /// today's facts as retrieval alone (48.5% against 48.9%)").
    pub(crate) words: String,
}

/// Where "both together" stand on `axis`; `None` when a score is missing.
pub(super) fn standing(modes: &ModeReports, axis: &Axis) -> Option<Standing> {
    let both = (axis.score)(&modes.both)?;
    let top = best(&[
        Named {
            name: RAG_ALONE,
            value: (axis.score)(&modes.rag),
        },
        Named {
            name: TUNED_ALONE,
            value: (axis.score)(&modes.tuned),
        },
        Named {
            name: BASE,
            value: (axis.score)(&modes.base),
        },
    ])?;
    let rival = top.value?;
    let relation = relate(Some(both), Some(rival))?;
    let (b, r, name) = (pct(both), pct(rival), top.name);
    let words = match relation {
        Relation::Higher => format!("{} ({b} against {r} for {name})", axis.more),
        Relation::Same => format!("{} {name} ({b} against {r})", axis.about),
        Relation::Lower => format!("{} {name} ({b} against {r})", axis.fewer),
    };
    Some(Standing { relation, words })
}

/// Fine-tuned against retrieval on format: does fine-tuning lift the answers up?
fn format_clause(m: &ModeReports) -> Option<String> {
    let (tuned, rag) = (m.tuned.format_compliance?, m.rag.format_compliance?);
    let (t, r) = (pct(tuned), pct(rag));
    Some(match relate(Some(tuned), Some(rag))? {
        Relation::Higher => {
            format!("fine-tuning lifts the answers up (house format {t} against retrieval's {r})")
        }
        Relation::Same => format!(
            "fine-tuning does not lift the answers here (house format {t}, about the same as \
             retrieval's {r})"
        ),
        Relation::Lower => format!(
            "the fine-tuned answers sit lower than retrieval's (house format {t} against {r})"
        ),
    })
}

/// Retrieval against fine-tuned on out-of-date answers: does retrieval keep them current?
fn freshness_clause(m: &ModeReports) -> Option<String> {
    let (rag, tuned) = (m.rag.stale_rate?, m.tuned.stale_rate?);
    let (r, t) = (pct(rag), pct(tuned));
    Some(match relate(Some(rag), Some(tuned))? {
        Relation::Lower => format!(
            "retrieval keeps them current (out-of-date answers {r} against the fine-tuned \
             model's {t})"
        ),
        Relation::Same => format!(
            "retrieval and the fine-tuned model are about as current (out-of-date answers {r} \
             against {t})"
        ),
        Relation::Higher => format!(
            "retrieval gives more out-of-date answers than the fine-tuned model ({r} against \
             {t})"
        ),
    })
}

/// Where both together sit: "furthest up and right" only when they beat every single mode on
/// both axes; otherwise what each axis shows.
fn both_clause(m: &ModeReports) -> Option<String> {
    let facts = standing(m, &FACTS);
    let format = standing(m, &FORMAT);
    match (facts, format) {
        (Some(k), Some(f)) if k.relation == Relation::Higher && f.relation == Relation::Higher => {
            Some(format!(
                "both together sit furthest up and right: they {} and {}",
                k.words, f.words
            ))
        }
        (Some(k), Some(f)) => Some(format!("both together {} and {}", k.words, f.words)),
        (Some(one), None) | (None, Some(one)) => Some(format!("both together {}", one.words)),
        (None, None) => None,
    }
}

/// The chart's caption: one sentence on what to notice.
pub(crate) fn caption(report: &EvalReport) -> String {
    let lead = "Right means stating today's facts, up means following the house format";
    if report.tuned_on.is_none() {
        return format!("{lead}: {UNTUNED}.");
    }
    let m = &report.modes;
    let mut parts: Vec<String> = [format_clause(m), freshness_clause(m)]
        .into_iter()
        .flatten()
        .collect();
    let both = both_clause(m);
    match (parts.pop(), both) {
        (None, None) => format!("{lead}; there are no scores to compare yet."),
        (None, Some(both)) => format!("{lead}: {both}."),
        (Some(last), both) => {
            parts.push(last);
            let singles = match parts.len() {
                1 => parts.remove(0),
                _ => {
                    let last = parts.pop().unwrap_or_default();
                    format!("{}, and {last}", parts.join(", "))
                }
            };
            match both {
                Some(both) => format!("{lead}: {singles}; {both}."),
                None => format!("{lead}: {singles}."),
            }
        }
    }
}

/// The base model's honest corner, in one sentence. The questions nobody should answer are
/// named only when there are some (there are none in "My documents").
pub(crate) fn base_note(report: &EvalReport) -> String {
    let base = &report.modes.base;
    let intro = "The base model (circle) has never seen these documents and says so every time";
    let rest = base.knowledge_accuracy.map(pct);
    // "but" only where the numbers contrast.
    let but = match relate(base.abstention_accuracy, base.knowledge_accuracy) {
        Some(Relation::Higher) => "but",
        _ => "and",
    };
    match (base.abstention_accuracy.map(pct), rest) {
        (Some(declined), Some(rest)) => format!(
            "{intro}: that is honest, and it scores {declined} on the {} nobody should answer, \
             {but} {rest} on the rest.",
            count(report.questions.unanswerable, "question", "questions")
        ),
        (None, Some(rest)) => format!(
            "{intro}: every question here has its answer in the documents (none is meant to \
             be declined), so it scores {rest}."
        ),
        (Some(declined), None) => format!(
            "{intro}: it scores {declined} on the {} nobody should answer.",
            count(report.questions.unanswerable, "question", "questions")
        ),
        (None, None) => format!("{intro}; there are no questions to score it on yet."),
    }
}

/// How much was re-evaluated and how long it took.
pub(crate) fn timing(report: &EvalReport) -> String {
    format!(
        "Re-evaluated {} in all four modes in {:.0} ms, in your browser.",
        count(
            report.questions.answerable + report.questions.unanswerable,
            "question",
            "questions"
        ),
        report.eval_ms
    )
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A report with (knowledge, format, stale) for retrieval, fine-tuned and both, a base
    /// model that declines everything, and a model tuned on v1.
    pub(crate) fn report(
        rag: (f64, f64, f64),
        tuned: (f64, f64, f64),
        both: (f64, f64, f64),
    ) -> EvalReport {
        let mut r = EvalReport::default();
        let m = |k: f64, f: f64, s: f64| ModeMetrics {
            knowledge_accuracy: Some(k),
            format_compliance: Some(f),
            stale_rate: Some(s),
            changed_accuracy: Some(k),
            ..ModeMetrics::default()
        };
        r.tuned_on = Some("v1".into());
        r.questions.answerable = 200;
        r.questions.unanswerable = 40;
        r.questions.changed_facts = 10;
        r.modes.base = ModeMetrics {
            knowledge_accuracy: Some(0.0),
            format_compliance: Some(0.0),
            abstention_accuracy: Some(1.0),
            stale_rate: Some(0.0),
            ..ModeMetrics::default()
        };
        r.modes.rag = m(rag.0, rag.1, rag.2);
        r.modes.tuned = m(tuned.0, tuned.1, tuned.2);
        r.modes.both = m(both.0, both.1, both.2);
        r
    }

    #[test]
    fn the_caption_names_what_the_numbers_show() {
        let clear = report((0.8, 0.0, 0.02), (0.4, 0.9, 0.5), (0.9, 1.0, 0.0));
        let text = caption(&clear);
        assert!(
            text.contains(
                "fine-tuning lifts the answers up (house format 90.0% against retrieval's 0.0%)"
            ),
            "{text}"
        );
        assert!(text.contains("retrieval keeps them current"), "{text}");
        assert!(
            text.contains(
                "both together sit furthest up and right: they state more of today's facts \
                 than any single mode (90.0% against 80.0% for retrieval alone) and follow \
                 the house format more often than any single mode (100.0% against 90.0% for \
                 the fine-tuned model alone)."
            ),
            "{text}"
        );
    }

    /// The audit's default state (v3, k = 5): both together 48.5% against retrieval's 48.9%.
    #[test]
    fn both_just_below_retrieval_is_not_furthest_right() {
        let v3 = report((0.489, 0.2, 0.05), (0.3, 0.97, 0.4), (0.485, 0.97, 0.05));
        let text = caption(&v3);
        assert!(!text.contains("furthest"), "{text}");
        assert!(
            text.contains(
                "both together state about as many of today's facts as retrieval alone \
                 (48.5% against 48.9%) and follow the house format about as often as the \
                 fine-tuned model alone (97.0% against 97.0%)"
            ),
            "{text}"
        );
    }

    /// Both ahead of retrieval but far behind the fine-tuned model: not furthest right.
    #[test]
    fn both_is_compared_with_every_single_mode() {
        let v1 = report((0.3, 0.2, 0.0), (0.705, 0.97, 0.0), (0.379, 0.99, 0.0));
        let text = caption(&v1);
        assert!(!text.contains("furthest"), "{text}");
        assert!(
            text.contains(
                "both together state fewer of today's facts than the fine-tuned model alone \
                 (37.9% against 70.5%)"
            ),
            "{text}"
        );
        assert!(
            text.contains("retrieval and the fine-tuned model are about as current"),
            "{text}"
        );
    }

    #[test]
    fn flat_scores_are_said_to_be_about_the_same() {
        let flat = report((0.5, 0.5, 0.1), (0.5, 0.5, 0.1), (0.5, 0.5, 0.1));
        let text = caption(&flat);
        assert!(
            text.contains("fine-tuning does not lift the answers here"),
            "{text}"
        );
        assert!(!text.contains("keeps them current"), "{text}");
        let mut untuned = flat.clone();
        untuned.tuned_on = None;
        assert!(caption(&untuned).contains("no model is fine-tuned yet"));
    }

    #[test]
    fn the_base_note_never_prints_n_a() {
        let mut r = report((0.5, 0.5, 0.1), (0.5, 0.5, 0.1), (0.5, 0.5, 0.1));
        let text = base_note(&r);
        assert!(
            text.contains("scores 100.0% on the 40 questions nobody should answer"),
            "{text}"
        );
        // "My documents": no question is meant to be declined.
        r.questions.unanswerable = 0;
        r.modes.base.abstention_accuracy = None;
        let text = base_note(&r);
        assert!(!text.contains("n/a"), "{text}");
        assert!(text.contains("none is meant to be declined"), "{text}");
        r.questions.unanswerable = 1;
        r.modes.base.abstention_accuracy = Some(1.0);
        assert!(base_note(&r).contains("on the 1 question nobody"));
    }

    #[test]
    fn the_timing_counts_one_question_in_the_singular() {
        let mut r = EvalReport::default();
        r.questions.answerable = 1;
        r.eval_ms = 12.4;
        assert_eq!(
            timing(&r),
            "Re-evaluated 1 question in all four modes in 12 ms, in your browser."
        );
        r.questions.unanswerable = 289;
        assert!(timing(&r).starts_with("Re-evaluated 290 questions"));
    }
}
