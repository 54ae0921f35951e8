//! What each mode would cost with a hosted LLM: retrieval pays per question (the retrieved
//! passages are extra input tokens every time), fine-tuning pays upfront (training tokens,
//! again at every retrain). Token counts come from our toy's own pipeline; prices are
//! editable assumptions (a provider's list prices, dated), never facts of this app.

use serde::Serialize;

use crate::core::modes::Mode;
use crate::core::workbench::Workbench;

/// When the default prices were read.
pub const PRICES_READ_ON: &str = "2025-06-05";

/// Where the default prices come from (a vendor's list prices, via a secondary copy).
pub const PRICES_SOURCE: &str = "one provider's list prices for gpt-4o-mini and \
text-embedding-3-small, from a community-maintained copy of its price list";

/// Highest price accepted, USD per million tokens (anything above is surely a typo).
pub const MAX_PRICE: f64 = 1_000.0;

/// Most retrains accepted.
pub const MAX_RETRAINS: u32 = 1_000;

/// Prices in USD per million tokens.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Prices {
    /// Fine-tuning, per training token (tokens x epochs).
    pub training: f64,
    /// Input to the fine-tuned model.
    pub tuned_input: f64,
    /// Output of the fine-tuned model.
    pub tuned_output: f64,
    /// Input to the base model.
    pub base_input: f64,
    /// Output of the base model.
    pub base_output: f64,
    /// Embedding (questions and, once, the corpus).
    pub embedding: f64,
}

impl Default for Prices {
    /// gpt-4o-mini and text-embedding-3-small list prices as read on [`PRICES_READ_ON`].
    fn default() -> Self {
        Self {
            training: 3.00,
            tuned_input: 0.30,
            tuned_output: 1.20,
            base_input: 0.15,
            base_output: 0.60,
            embedding: 0.02,
        }
    }
}

/// Why an assumption was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CostError {
    /// The text is not a number.
    NotANumber(String),
    /// The number is outside the accepted range; the text says the range.
    OutOfRange(String),
}

impl std::fmt::Display for CostError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CostError::NotANumber(text) => write!(f, "“{text}” is not a number"),
            CostError::OutOfRange(range) => write!(f, "must be {range}"),
        }
    }
}

impl std::error::Error for CostError {}

/// Parses a price typed by the learner ("0.30", "$0.30", " 3 "): a finite number from 0 to
/// [`MAX_PRICE`].
pub fn parse_price(text: &str) -> Result<f64, CostError> {
    let cleaned = text.trim().trim_start_matches('$').trim();
    // Not `str::parse`: see `decimal` for the wasm size this saves.
    let value = super::decimal::parse_f64(cleaned)
        .ok_or_else(|| CostError::NotANumber(text.trim().to_string()))?;
    if !value.is_finite() || !(0.0..=MAX_PRICE).contains(&value) {
        return Err(CostError::OutOfRange(format!(
            "between 0 and {MAX_PRICE} dollars per million tokens"
        )));
    }
    Ok(value)
}

/// Parses a number of training runs: a whole number from 1 to [`MAX_RETRAINS`].
pub fn parse_runs(text: &str) -> Result<u32, CostError> {
    let trimmed = text.trim();
    let whole = trimmed.strip_prefix('-').unwrap_or(trimmed);
    let value: u32 = match trimmed.parse() {
        Ok(value) => value,
        // "-1" or "99999999999" is a number, just not one that fits: say the range.
        Err(_) if !whole.is_empty() && whole.chars().all(|c| c.is_ascii_digit()) => 0,
        Err(_) => return Err(CostError::NotANumber(trimmed.to_string())),
    };
    if !(1..=MAX_RETRAINS).contains(&value) {
        return Err(CostError::OutOfRange(format!(
            "a whole number from 1 to {MAX_RETRAINS}"
        )));
    }
    Ok(value)
}

/// Token counts of the workload, measured on the toy (WordPiece tokens of the tiny model; an
/// LLM's tokenizer counts somewhat differently).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Workload {
    /// Mean tokens of a question.
    pub question_tokens: f64,
    /// Mean tokens of a house-format answer (the demonstrations).
    pub answer_tokens: f64,
    /// Passages retrieval adds to every question (k).
    pub context_passages: usize,
    /// Mean tokens of one passage.
    pub passage_tokens: f64,
    /// Examples in one training run (knowledge and behaviour).
    pub training_examples: usize,
    /// Epochs of one training run.
    pub epochs: usize,
    /// Tokens of every passage, embedded once to build the index.
    pub corpus_tokens: f64,
    /// Training runs over the period (the first one plus every retrain).
    pub training_runs: u32,
}

impl Workload {
    /// Extra input tokens retrieval adds to each question.
    pub fn context_tokens(&self) -> f64 {
        self.context_passages as f64 * self.passage_tokens
    }

    /// Tokens billed for one training run: every example (question and answer) once per epoch.
    pub fn training_tokens_per_run(&self) -> f64 {
        self.training_examples as f64
            * (self.question_tokens + self.answer_tokens)
            * self.epochs as f64
    }

    /// Measures the workload of `bench`: its questions, passages, k and installed model
    /// (without one, the default training run's size is unknown and counts as zero).
    pub fn measure(bench: &Workbench) -> Self {
        let tokens = |text: &str| bench.embedder().tokenizer().encode(text).len() as f64;
        let mean = |values: Vec<f64>| {
            if values.is_empty() {
                0.0
            } else {
                values.iter().sum::<f64>() / values.len() as f64
            }
        };
        let corpus = bench.corpus();
        let passages: Vec<f64> = bench.chunks().iter().map(|c| tokens(&c.text)).collect();
        let (examples, epochs) = bench.tuned().map_or((0, 0), |m| {
            let knowledge = m.counts.new_examples + m.counts.replayed_examples;
            (knowledge + m.demonstrations, m.loss.len())
        });
        Self {
            question_tokens: mean(corpus.questions.iter().map(|q| tokens(&q.text)).collect()),
            answer_tokens: mean(
                corpus
                    .demonstrations
                    .iter()
                    .map(|d| tokens(&d.answer))
                    .collect(),
            ),
            context_passages: bench.settings().k,
            passage_tokens: mean(passages.clone()),
            training_examples: examples,
            epochs,
            corpus_tokens: passages.iter().sum(),
            training_runs: 1,
        }
    }
}

/// Cumulative cost `upfront + questions * per_question`, in USD.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct CostLine {
    /// Paid before the first question.
    pub upfront: f64,
    /// Paid for every question.
    pub per_question: f64,
}

impl CostLine {
    /// The total after `questions` questions.
    pub fn at(&self, questions: f64) -> f64 {
        self.upfront + questions * self.per_question
    }
}

const MILLION: f64 = 1_000_000.0;

/// The cost line of `mode` under `prices` for `workload`.
pub fn cost_line(mode: Mode, prices: &Prices, w: &Workload) -> CostLine {
    let index = w.corpus_tokens * prices.embedding / MILLION;
    let training =
        w.training_tokens_per_run() * f64::from(w.training_runs) * prices.training / MILLION;
    let embed_question = w.question_tokens * prices.embedding;
    let with_context = w.question_tokens + w.context_tokens();
    let (upfront, per_million) = match mode {
        Mode::Base => (
            0.0,
            w.question_tokens * prices.base_input + w.answer_tokens * prices.base_output,
        ),
        Mode::Rag => (
            index,
            embed_question
                + with_context * prices.base_input
                + w.answer_tokens * prices.base_output,
        ),
        Mode::Tuned => (
            training,
            w.question_tokens * prices.tuned_input + w.answer_tokens * prices.tuned_output,
        ),
        Mode::Both => (
            index + training,
            embed_question
                + with_context * prices.tuned_input
                + w.answer_tokens * prices.tuned_output,
        ),
    };
    CostLine {
        upfront,
        per_question: per_million / MILLION,
    }
}

/// The number of questions after which `later` (more upfront, less per question) becomes
/// cheaper than `sooner` in total; `None` when it never does.
pub fn break_even(sooner: &CostLine, later: &CostLine) -> Option<f64> {
    let saving = sooner.per_question - later.per_question;
    let extra = later.upfront - sooner.upfront;
    if saving <= 0.0 {
        return None;
    }
    Some((extra / saving).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workload() -> Workload {
        Workload {
            question_tokens: 10.0,
            answer_tokens: 30.0,
            context_passages: 5,
            passage_tokens: 80.0,
            training_examples: 200,
            epochs: 3,
            corpus_tokens: 20_000.0,
            training_runs: 1,
        }
    }

    #[test]
    fn retrieval_pays_per_question_and_tuning_upfront() {
        let p = Prices::default();
        let w = workload();
        let rag = cost_line(Mode::Rag, &p, &w);
        let tuned = cost_line(Mode::Tuned, &p, &w);
        // 200 examples x 40 tokens x 3 epochs = 24,000 tokens at $3/M.
        assert!((tuned.upfront - 0.072).abs() < 1e-12);
        // 20,000 corpus tokens at $0.02/M.
        assert!((rag.upfront - 0.0004).abs() < 1e-12);
        // rag: 10 x 0.02 + 410 x 0.15 + 30 x 0.60 = 79.7 per million questions' tokens.
        assert!((rag.per_question - 79.7e-6).abs() < 1e-15);
        // tuned: 10 x 0.30 + 30 x 1.20 = 39.
        assert!((tuned.per_question - 39e-6).abs() < 1e-15);
        let n = break_even(&rag, &tuned).unwrap();
        assert!((rag.at(n) - tuned.at(n)).abs() < 1e-9);
        assert!((n - (0.072 - 0.0004) / 40.7e-6).abs() < 1e-6);
    }

    #[test]
    fn more_retrains_push_the_break_even_later_and_dearer_tuning_can_never_pay_off() {
        let p = Prices::default();
        let mut w = workload();
        let once = break_even(
            &cost_line(Mode::Rag, &p, &w),
            &cost_line(Mode::Tuned, &p, &w),
        );
        w.training_runs = 4;
        let four = break_even(
            &cost_line(Mode::Rag, &p, &w),
            &cost_line(Mode::Tuned, &p, &w),
        );
        assert!(four.unwrap() > 3.9 * once.unwrap());
        let dear = Prices {
            tuned_output: 10.0,
            ..p
        };
        assert_eq!(
            break_even(
                &cost_line(Mode::Rag, &dear, &w),
                &cost_line(Mode::Tuned, &dear, &w)
            ),
            None
        );
    }

    #[test]
    fn both_pays_for_the_index_the_training_and_the_context() {
        let p = Prices::default();
        let w = workload();
        let both = cost_line(Mode::Both, &p, &w);
        let rag = cost_line(Mode::Rag, &p, &w);
        let tuned = cost_line(Mode::Tuned, &p, &w);
        assert!((both.upfront - (rag.upfront + tuned.upfront)).abs() < 1e-12);
        assert!(both.per_question > rag.per_question && both.per_question > tuned.per_question);
        assert_eq!(cost_line(Mode::Base, &p, &w).upfront, 0.0);
    }

    #[test]
    fn bad_input_is_refused_with_a_reason() {
        assert_eq!(parse_price(" $0.30 "), Ok(0.3));
        assert_eq!(parse_price("3"), Ok(3.0));
        assert!(matches!(parse_price("abc"), Err(CostError::NotANumber(_))));
        assert!(matches!(parse_price("-1"), Err(CostError::OutOfRange(_))));
        assert!(matches!(parse_price("NaN"), Err(CostError::OutOfRange(_))));
        assert!(matches!(parse_price("1e9"), Err(CostError::OutOfRange(_))));
        assert!(matches!(parse_price(""), Err(CostError::NotANumber(_))));
        assert_eq!(parse_runs("3"), Ok(3));
        assert!(parse_runs("0").is_err() && parse_runs("2.5").is_err() && parse_runs("x").is_err());
        // A whole number out of range says the range, not "not a number".
        for out in ["-1", "0", "99999999999"] {
            assert!(
                matches!(parse_runs(out), Err(CostError::OutOfRange(_))),
                "{out}"
            );
        }
        assert_eq!(
            parse_price("-1").unwrap_err().to_string(),
            "must be between 0 and 1000 dollars per million tokens"
        );
    }
}
