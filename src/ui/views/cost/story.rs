//! The cost view's captions and evidence lines, computed from the live numbers.

use crate::core::cost::{CostLine, Workload};
use crate::core::eval::EvalReport;
use crate::ui::components::chart::{plain_number, EvidenceItem, Verification};

/// Dollars with enough digits to tell small per-question costs apart.
pub fn dollars(value: f64) -> String {
    if value == 0.0 {
        "$0".to_string()
    } else if value >= 100.0 {
        format!("${}", plain_number(value))
    } else if value >= 1.0 {
        format!("${value:.2}")
    } else if value >= 0.01 {
        format!("${value:.3}")
    } else {
        format!("${value:.6}")
    }
}

/// What to notice in the latency bars.
pub fn latency_caption(report: &EvalReport) -> String {
    let (rag, tuned) = (
        report.modes.rag.latency_ms_mean,
        report.modes.tuned.latency_ms_mean,
    );
    if tuned < rag {
        format!(
            "Notice: the fine-tuned model skips search and reading, so an answer takes \
             {tuned:.3} ms on average against retrieval's {rag:.3} ms; with a real LLM, the \
             retrieved passages would also make every prompt longer and slower."
        )
    } else {
        format!(
            "Right now the fine-tuned model is not faster here ({tuned:.3} ms against \
             retrieval's {rag:.3} ms on average)."
        )
    }
}

/// What to notice in the break-even chart.
pub fn break_even_caption(
    rag: &CostLine,
    tuned: &CostLine,
    workload: &Workload,
    break_even: Option<f64>,
) -> String {
    let context = format!(
        "retrieval adds about {} tokens of passages to every question",
        plain_number(workload.context_tokens())
    );
    match break_even {
        Some(n) => format!(
            "Notice: {context}, while fine-tuning pays {} up front and then {} per question \
             against retrieval's {}; it becomes the cheaper of the two after about {} \
             questions, and every retrain pushes that point further out.",
            dollars(tuned.upfront),
            dollars(tuned.per_question),
            dollars(rag.per_question),
            plain_number(n)
        ),
        None => format!(
            "Notice: {context}, but under these prices a fine-tuned model costs at least as much \
             per question ({} against {}), so its upfront cost never pays off.",
            dollars(tuned.per_question),
            dollars(rag.per_question)
        ),
    }
}

/// The provider's list prices.
pub const PRICE_LIST: EvidenceItem = EvidenceItem {
    source: "One provider's list prices (gpt-4o-mini), read 2025-06-05 from a \
             community-maintained copy",
    year: "2025",
    reference: "assumption: check current prices",
    figure: "Training $3.00 per million tokens; the fine-tuned model then costs $0.30 / $1.20 \
             per million input / output tokens against the base model's $0.15 / $0.60: \
             fine-tuned models cost 1.5–2× the base model per token.",
    verification: Verification::Vendor,
};

/// Facts need many exposures to be stored in weights.
pub const PHYSICS: EvidenceItem = EvidenceItem {
    source: "Allen-Zhu and Li, “Physics of Language Models: Part 3.3”",
    year: "2024",
    reference: "arXiv:2404.05405",
    figure: "Language models store at most about 2 bits of knowledge per parameter, and only \
             after about 1,000 exposures to each fact during training.",
    verification: Verification::Primary,
};

/// Our toy against [`PRICE_LIST`].
pub fn ours_prices(rag: &CostLine, tuned: &CostLine, break_even: Option<f64>) -> String {
    match break_even {
        Some(n) => format!(
            "Our toy shows the same trade-off: fine-tuning costs more per token but needs no \
             passages in the prompt, so at these prices it pays off after about {} questions \
             ({} up front).",
            plain_number(n),
            dollars(tuned.upfront)
        ),
        None => format!(
            "At these prices our toy's fine-tuned model never pays off: {} per question \
             against retrieval's {}.",
            dollars(tuned.per_question),
            dollars(rag.per_question)
        ),
    }
}

/// Our toy against [`PHYSICS`]: `exposures` is how often training showed each fact.
pub fn ours_exposures(workload: &Workload, exposures: f64, train_ms: f64) -> String {
    format!(
        "Our toy shows the same direction: its small model saw each fact about {} times ({} \
         epochs over {} examples, {train_ms:.0} ms here in your browser); a hosted model bills \
         that repetition as about {} training tokens per run.",
        plain_number(exposures),
        workload.epochs,
        workload.training_examples,
        plain_number(workload.training_tokens_per_run())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollars_keep_small_amounts_readable() {
        assert_eq!(dollars(0.0000725), "$0.000073");
        assert_eq!(dollars(0.0412), "$0.041");
        assert_eq!(dollars(1.744), "$1.74");
        assert_eq!(dollars(12_345.0), "$12,345");
        assert_eq!(dollars(0.0), "$0");
    }

    #[test]
    fn captions_follow_the_break_even() {
        let w = Workload {
            context_passages: 5,
            passage_tokens: 70.0,
            ..Workload::default()
        };
        let rag = CostLine {
            upfront: 0.0,
            per_question: 0.00007,
        };
        let tuned = CostLine {
            upfront: 1.5,
            per_question: 0.00004,
        };
        let text = break_even_caption(&rag, &tuned, &w, Some(50_000.0));
        assert!(text.contains("about 350 tokens"), "{text}");
        assert!(text.contains("after about 50,000 questions"), "{text}");
        let never = break_even_caption(&rag, &tuned, &w, None);
        assert!(never.contains("never pays off"));
        assert!(ours_prices(&rag, &tuned, Some(50_000.0)).contains("50,000"));
    }
}
