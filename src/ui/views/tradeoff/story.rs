//! What the trade-off chart says, in words computed from the live numbers: the caption and
//! the "our toy" line of each evidence card. When the toy does not show a published
//! direction, the sentence says so instead of repeating the claim.

use crate::core::eval::{EvalReport, ModeMetrics};
use crate::ui::components::chart::{percent, EvidenceItem, Verification};

/// Two modes' scores are "about the same" within this share.
const CLOSE: f64 = 0.02;

fn get(value: Option<f64>) -> f64 {
    value.unwrap_or(0.0)
}

fn pct(value: Option<f64>) -> String {
    percent(value)
}

/// The chart's caption: one sentence on what to notice.
pub fn caption(report: &EvalReport) -> String {
    let m = &report.modes;
    let mut parts = Vec::new();
    if get(m.tuned.format_compliance) > get(m.rag.format_compliance) + CLOSE {
        parts.push(format!(
            "fine-tuning lifts the answers up (house format {} against retrieval's {})",
            pct(m.tuned.format_compliance),
            pct(m.rag.format_compliance)
        ));
    }
    if get(m.rag.stale_rate) + CLOSE < get(m.tuned.stale_rate) {
        parts.push(format!(
            "retrieval keeps them current (out-of-date answers {} against the fine-tuned model's {})",
            pct(m.rag.stale_rate),
            pct(m.tuned.stale_rate)
        ));
    }
    let best_knowledge = get(m.rag.knowledge_accuracy).max(get(m.tuned.knowledge_accuracy));
    let both_top_right = get(m.both.knowledge_accuracy) + CLOSE >= best_knowledge
        && get(m.both.format_compliance) + CLOSE >= get(m.tuned.format_compliance);
    if both_top_right {
        parts.push("both together sit furthest up and right".to_string());
    }
    let lead = "Right means stating today's facts, up means following the house format";
    match parts.len() {
        0 => format!("{lead}; right now the modes do not separate clearly."),
        1 => format!("{lead}: {}.", parts[0]),
        _ => {
            let last = parts.pop().unwrap_or_default();
            format!("{lead}: {}, and {last}.", parts.join(", "))
        }
    }
}

/// The base model's honest corner, in one sentence.
pub fn base_note(base: &ModeMetrics) -> String {
    format!(
        "The base model (circle) knows nothing about the company and says so every time: that \
         is honest, and it scores {} on the questions nobody should answer, but {} on the rest.",
        pct(base.abstention_accuracy),
        pct(base.knowledge_accuracy)
    )
}

/// Retrieval versus fine-tuning for knowledge.
pub const OVADIA: EvidenceItem = EvidenceItem {
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
pub const LIMA: EvidenceItem = EvidenceItem {
    source: "Zhou et al., “LIMA: Less Is More for Alignment”",
    year: "2023",
    reference: "arXiv:2305.11206",
    figure: "1,000 carefully chosen examples were enough to teach a model a format and style; \
             what it knew came from pre-training.",
    verification: Verification::Primary,
};

/// The two stack.
pub const BALAGUER: EvidenceItem = EvidenceItem {
    source: "Balaguer et al., “RAG vs Fine-tuning: Pipelines, Tradeoffs, and a Case Study on \
             Agriculture”",
    year: "2024",
    reference: "arXiv:2401.08406",
    figure: "Fine-tuning added over 6 points of accuracy, and retrieval about 5 more on top: the \
             two combine.",
    verification: Verification::Primary,
};

/// Our toy against [`OVADIA`].
pub fn ours_knowledge(report: &EvalReport) -> String {
    let m = &report.modes;
    let (rag, tuned) = (m.rag.knowledge_accuracy, m.tuned.knowledge_accuracy);
    if get(rag) > get(tuned) + CLOSE {
        format!(
            "Our toy shows the same direction: retrieval states {} of today's facts, the \
             fine-tuned model {}.",
            pct(rag),
            pct(tuned)
        )
    } else {
        format!(
            "Our toy does not show this on overall accuracy right now (retrieval {}, fine-tuned \
             {}): our small reader often picks the wrong sentence. Where facts changed, the gap \
             shows: retrieval {} against the fine-tuned model's {}.",
            pct(rag),
            pct(tuned),
            pct(m.rag.changed_accuracy),
            pct(m.tuned.changed_accuracy)
        )
    }
}

/// Our toy against [`LIMA`].
pub fn ours_format(report: &EvalReport, demonstrations: usize) -> String {
    let m = &report.modes;
    if get(m.tuned.format_compliance) > get(m.rag.format_compliance) + CLOSE {
        format!(
            "Our toy shows the same direction: trained on {demonstrations} examples of the \
             house format, the fine-tuned model follows it in {} of answers; the untuned \
             reader in {}.",
            pct(m.tuned.format_compliance),
            pct(m.rag.format_compliance)
        )
    } else {
        format!(
            "Our toy does not show this right now: fine-tuned {} against retrieval's {} in the \
             house format.",
            pct(m.tuned.format_compliance),
            pct(m.rag.format_compliance)
        )
    }
}

/// Our toy against [`BALAGUER`].
pub fn ours_both(report: &EvalReport) -> String {
    let m = &report.modes;
    let knowledge_kept = get(m.both.knowledge_accuracy) + CLOSE >= get(m.rag.knowledge_accuracy);
    let format_kept = get(m.both.format_compliance) + CLOSE >= get(m.tuned.format_compliance);
    let numbers = format!(
        "both states {} of today's facts (retrieval alone {}) in the house format {} of the \
         time (fine-tuned alone {})",
        pct(m.both.knowledge_accuracy),
        pct(m.rag.knowledge_accuracy),
        pct(m.both.format_compliance),
        pct(m.tuned.format_compliance)
    );
    if knowledge_kept && format_kept {
        format!("Our toy shows the same direction: {numbers}.")
    } else {
        format!("Our toy does not fully show this right now: {numbers}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(rag: (f64, f64, f64), tuned: (f64, f64, f64), both: (f64, f64)) -> EvalReport {
        let mut r = EvalReport::default();
        let m = |k: f64, f: f64, s: f64| ModeMetrics {
            knowledge_accuracy: Some(k),
            format_compliance: Some(f),
            stale_rate: Some(s),
            changed_accuracy: Some(k),
            ..ModeMetrics::default()
        };
        r.modes.rag = m(rag.0, rag.1, rag.2);
        r.modes.tuned = m(tuned.0, tuned.1, tuned.2);
        r.modes.both = m(both.0, both.1, 0.0);
        r
    }

    #[test]
    fn the_caption_names_what_the_numbers_show() {
        let clear = report((0.9, 0.0, 0.02), (0.4, 1.0, 0.5), (0.9, 1.0));
        let text = caption(&clear);
        assert!(
            text.contains(
                "fine-tuning lifts the answers up (house format 100.0% against retrieval's 0.0%)"
            ),
            "{text}"
        );
        assert!(text.contains("retrieval keeps them current"), "{text}");
        assert!(
            text.ends_with("and both together sit furthest up and right."),
            "{text}"
        );
        let flat = report((0.5, 0.5, 0.1), (0.5, 0.5, 0.1), (0.1, 0.1));
        assert!(caption(&flat).contains("do not separate clearly"));
    }

    #[test]
    fn evidence_lines_admit_when_the_toy_disagrees() {
        let agrees = report((0.9, 0.0, 0.02), (0.4, 1.0, 0.5), (0.9, 1.0));
        assert!(ours_knowledge(&agrees).starts_with("Our toy shows the same direction"));
        assert!(ours_format(&agrees, 30).contains("30 examples"));
        assert!(ours_both(&agrees).starts_with("Our toy shows the same direction"));
        let disagrees = report((0.4, 0.0, 0.02), (0.42, 1.0, 0.5), (0.3, 0.9));
        assert!(ours_knowledge(&disagrees).starts_with("Our toy does not show this"));
        assert!(ours_both(&disagrees).starts_with("Our toy does not fully show this"));
    }
}
