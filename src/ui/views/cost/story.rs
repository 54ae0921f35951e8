//! The cost view's captions and evidence lines, computed from the live numbers.

use crate::core::cost::{CostLine, Workload};
use crate::core::eval::EvalReport;
use crate::ui::components::chart::{ms, plain_number, EvidenceItem, Verification};
use crate::ui::components::notice::Notice;

/// Dollars with the precision that matters: cents below $100, "< $0.01" for less than a cent
/// (per-question costs are given per 1,000 questions instead, see [`per_thousand`]).
pub(crate) fn dollars(value: f64) -> String {
    if value <= 0.0 {
        "$0".to_string()
    } else if value >= 100.0 {
        format!("${}", plain_number(value))
    } else if value >= 0.01 {
        format!("${value:.2}")
    } else {
        "< $0.01".to_string()
    }
}

/// A per-question cost told per 1,000 questions ("$0.07 per 1,000 questions"): a fraction of a
/// cent per question read as a row of zeros.
pub(crate) fn per_thousand(per_question: f64) -> String {
    format!("{} per 1,000 questions", dollars(per_question * 1000.0))
}

/// What a real LLM would add to the measured times, behind the latency notice.
const NO_LLM: &str = "No LLM runs here: a real model's generation time would come on top, and \
                      it grows with the prompt, which retrieval makes longer. The base model \
                      runs nothing, so it takes no time.";

/// What to notice in the latency bars.
pub(crate) fn latency_caption(report: &EvalReport) -> Notice {
    let (rag, tuned) = (
        report.modes.rag.latency_ms_mean,
        report.modes.tuned.latency_ms_mean,
    );
    if tuned < rag {
        Notice {
            headline: format!(
                "Notice: fine-tuned answers in {}, retrieval in {}.",
                ms(tuned),
                ms(rag)
            ),
            details: vec![
                "These are mean times: the fine-tuned model skips search and reading.".to_string(),
                "With a real LLM, the retrieved passages would also make every prompt longer \
                 and slower."
                    .to_string(),
                NO_LLM.to_string(),
            ],
        }
    } else {
        Notice {
            headline: format!(
                "Notice: fine-tuned is no faster: {}, retrieval {}.",
                ms(tuned),
                ms(rag)
            ),
            details: vec![NO_LLM.to_string()],
        }
    }
}

/// What to notice in the break-even chart: the headline gives the break-even, the details the
/// numbers it comes from.
pub(crate) fn break_even_caption(
    rag: &CostLine,
    tuned: &CostLine,
    workload: &Workload,
    break_even: Option<f64>,
) -> Notice {
    let context = format!(
        "Retrieval adds about {} tokens of passages to every question.",
        plain_number(workload.context_tokens())
    );
    match break_even {
        Some(n) => Notice {
            headline: format!(
                "Notice: fine-tuning becomes cheaper after about {} questions.",
                plain_number(n)
            ),
            details: vec![
                "Every retrain pushes that point further out.".to_string(),
                context,
                format!(
                    "Fine-tuning pays {} up front, then {} against retrieval's {}.",
                    dollars(tuned.upfront),
                    per_thousand(tuned.per_question),
                    per_thousand(rag.per_question)
                ),
            ],
        },
        None => Notice {
            headline: "Notice: at these prices fine-tuning's upfront cost never pays off."
                .to_string(),
            details: vec![
                context,
                format!(
                    "A fine-tuned model costs at least as much per question: {} against \
                     retrieval's {}.",
                    per_thousand(tuned.per_question),
                    per_thousand(rag.per_question)
                ),
            ],
        },
    }
}

/// The provider's list prices.
pub(crate) const PRICE_LIST: EvidenceItem = EvidenceItem {
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
pub(crate) const PHYSICS: EvidenceItem = EvidenceItem {
    source: "Allen-Zhu and Li, “Physics of Language Models: Part 3.3”",
    year: "2024",
    reference: "arXiv:2404.05405",
    figure: "Language models store at most about 2 bits of knowledge per parameter, and only \
             after about 1,000 exposures to each fact during training.",
    verification: Verification::Primary,
};

/// Our toy against [`PRICE_LIST`].
pub(crate) fn ours_prices(rag: &CostLine, tuned: &CostLine, break_even: Option<f64>) -> String {
    match break_even {
        Some(n) => format!(
            "Our toy shows the same trade-off: fine-tuning costs more per token but needs no \
             passages in the prompt, so at these prices it pays off after about {} questions \
             ({} up front).",
            plain_number(n),
            dollars(tuned.upfront)
        ),
        None => format!(
            "At these prices our toy's fine-tuned model never pays off: {} against \
             retrieval's {}.",
            per_thousand(tuned.per_question),
            per_thousand(rag.per_question)
        ),
    }
}

/// Our toy against [`PHYSICS`]: `exposures` is how often training showed each fact.
pub(crate) fn ours_exposures(workload: &Workload, exposures: f64, train_ms: f64) -> String {
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
    use crate::ui::components::notice::HEADLINE_MAX;

    #[test]
    fn dollars_keep_small_amounts_readable() {
        assert_eq!(dollars(0.0000725), "< $0.01");
        assert_eq!(dollars(0.0412), "$0.04");
        assert_eq!(per_thousand(0.0000725), "$0.07 per 1,000 questions");
        assert_eq!(dollars(1.744), "$1.74");
        assert_eq!(dollars(12_345.0), "$12,345");
        assert_eq!(dollars(0.0), "$0");
    }

    #[test]
    fn latency_headlines_fit_two_lines() {
        for (rag, tuned) in [(12.34, 0.001), (0.001, 12.34)] {
            let mut report = EvalReport::default();
            report.modes.rag.latency_ms_mean = rag;
            report.modes.tuned.latency_ms_mean = tuned;
            let headline = latency_caption(&report).headline;
            assert!(headline.chars().count() <= HEADLINE_MAX, "{headline}");
        }
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
        let notice = break_even_caption(&rag, &tuned, &w, Some(50_000.0));
        assert!(
            notice.headline.contains("after about 50,000 questions"),
            "{notice:?}"
        );
        assert!(notice.details[1].contains("about 350 tokens"), "{notice:?}");
        assert_eq!(
            notice.details[2],
            "Fine-tuning pays $1.50 up front, then $0.04 per 1,000 questions against \
             retrieval's $0.07 per 1,000 questions."
        );
        let never = break_even_caption(&rag, &tuned, &w, None);
        assert!(never.headline.contains("never pays off"));
        for headline in [&notice.headline, &never.headline] {
            assert!(headline.chars().count() <= HEADLINE_MAX, "{headline}");
        }
        for text in [&notice.headline, &never.headline]
            .into_iter()
            .chain(&notice.details)
            .chain(&never.details)
        {
            assert!(!text.contains("0.000"), "{text}");
        }
        assert!(ours_prices(&rag, &tuned, Some(50_000.0)).contains("50,000"));
    }
}
