//! The 2x2 of the lesson: one question answered four ways.
//!
//! | | tuned off | tuned on |
//! |---|---|---|
//! | **retrieval off** | base: knows nothing of the company | tuned: house format, facts from weights |
//! | **retrieval on** | rag: the reader's cited raw sentence | both: house format, retrieved facts, citations |

use serde::Serialize;

use crate::core::clock::{timed, Clock};
use crate::core::format::{
    render, validate, AnswerParts, AnswerSource, AnswerType, Citation, FormatViolation,
};
use crate::core::reader::expected_answer_types;
use crate::core::workbench::{Retrieval, TunedModel, Workbench};

mod diagnosis;
mod house;
mod read;

use house::{capitalise, false_premise_next_step, render_in_house_format, Recalled, NEXT_STEP};

pub use diagnosis::{diagnose, Diagnosis, FactMatch, LostAt, SAME_QUESTION_COSINE};
pub use read::{hit_sentences, read_passages, reader_candidates, ReadOutcome};

/// One cell of the 2x2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Retrieval off, tuned off.
    Base,
    /// Retrieval on, tuned off.
    Rag,
    /// Retrieval off, tuned on.
    Tuned,
    /// Retrieval on, tuned on.
    Both,
}

impl Mode {
    /// The four modes in reading order.
    pub const ALL: [Mode; 4] = [Mode::Base, Mode::Rag, Mode::Tuned, Mode::Both];

    /// The mode for the two toggles.
    pub fn from_toggles(retrieval: bool, tuned: bool) -> Mode {
        match (retrieval, tuned) {
            (false, false) => Mode::Base,
            (true, false) => Mode::Rag,
            (false, true) => Mode::Tuned,
            (true, true) => Mode::Both,
        }
    }

    /// Whether retrieval is on in this mode.
    pub fn retrieval(self) -> bool {
        matches!(self, Mode::Rag | Mode::Both)
    }

    /// Whether the tuned weights are on in this mode.
    pub fn tuned(self) -> bool {
        matches!(self, Mode::Tuned | Mode::Both)
    }

    /// The short key used in URLs and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Mode::Base => "base",
            Mode::Rag => "rag",
            Mode::Tuned => "tuned",
            Mode::Both => "both",
        }
    }

    /// The mode whose key is `key`.
    pub fn from_key(key: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.key() == key)
    }

    /// The card title.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Base => "Base model",
            Mode::Rag => "Retrieval only",
            Mode::Tuned => "Fine-tuned",
            Mode::Both => "Fine-tuned + retrieval",
        }
    }
}

/// A passage an answer cites, with the supporting sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CitedPassage {
    /// Index into [`Workbench::chunks`].
    pub chunk: usize,
    /// The document id.
    pub doc_id: String,
    /// Title, version and date, as the `Source:` line shows them.
    pub citation: Citation,
    /// Byte range of the supporting sentence within the chunk text.
    pub sentence: (usize, usize),
}

/// Milliseconds per pipeline stage (0 for a stage the mode does not run).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct StageTimings {
    /// Embedding the question.
    pub embed_ms: f64,
    /// Searching the index.
    pub search_ms: f64,
    /// Picking the supporting sentence.
    pub read_ms: f64,
    /// Running the tuned heads.
    pub infer_ms: f64,
    /// Rendering the house format.
    pub render_ms: f64,
}

impl StageTimings {
    /// The sum of every stage.
    pub fn total_ms(&self) -> f64 {
        self.embed_ms + self.search_ms + self.read_ms + self.infer_ms + self.render_ms
    }
}

/// Where a tuned answer's facts come from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FromWeights {
    /// The version the weights were trained on.
    pub trained_on: String,
    /// That version's date.
    pub date: String,
    /// The knowledge head's confidence in the sentence it recalled, 0..=1.
    pub confidence: f32,
}

/// One mode's answer to one question.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ModeAnswer {
    /// Which mode answered.
    pub mode: Mode,
    /// The answer as shown (house format for tuned modes, a raw sentence for retrieval only).
    pub text: String,
    /// True when the answer declines to answer.
    pub abstained: bool,
    /// Passages cited (retrieval modes).
    pub citations: Vec<CitedPassage>,
    /// For tuned answers: the weights the facts come from.
    pub from_weights: Option<FromWeights>,
    /// The answer type a tuned mode chose.
    pub answer_type: Option<AnswerType>,
    /// The house-format validator's verdict on `text`.
    #[serde(skip)]
    pub format: Result<AnswerType, Vec<FormatViolation>>,
    /// Time per stage.
    pub timings: StageTimings,
}

impl ModeAnswer {
    /// True when the answer follows the house format.
    pub fn follows_format(&self) -> bool {
        self.format.is_ok()
    }
}

/// What the base model says: it has never seen the documents. Worded for any corpus, the sample
/// or the user's own.
pub const BASE_ANSWER: &str = "I have never seen this organisation's documents, so I can't \
answer that reliably. Its own documentation or people can.";

/// What the reader says when retrieval finds nothing good enough.
pub const NOTHING_FOUND: &str = "The documents do not say.";

/// Answers `question` in `mode`.
pub fn answer(bench: &Workbench, question: &str, mode: Mode, clock: &dyn Clock) -> ModeAnswer {
    answer_all(bench, question, clock)
        .into_iter()
        .find(|a| a.mode == mode)
        .unwrap_or_else(|| base_answer(StageTimings::default()))
}

/// Answers `question` in all four modes, sharing the embedding and the retrieval.
pub fn answer_all(bench: &Workbench, question: &str, clock: &dyn Clock) -> [ModeAnswer; 4] {
    answer_all_from(bench, question, &bench.retrieve(question, clock), clock)
}

/// Like [`answer_all`], from a retrieval the caller already made (the evaluation reuses it for
/// recall instead of ranking the question a second time).
pub fn answer_all_from(
    bench: &Workbench,
    question: &str,
    retrieval: &Retrieval,
    clock: &dyn Clock,
) -> [ModeAnswer; 4] {
    let (read, read_ms) = timed(clock, || read_passages(bench, question, retrieval));
    let shared = StageTimings {
        embed_ms: retrieval.embed_ms,
        search_ms: retrieval.search_ms,
        read_ms,
        ..StageTimings::default()
    };
    let tuned = bench.tuned();
    let rag = rag_answer(&read, shared);
    let (tuned_answer, both) = match tuned {
        Some(model) => (
            tuned_answer(
                model,
                &retrieval.query,
                StageTimings {
                    embed_ms: retrieval.embed_ms,
                    ..StageTimings::default()
                },
                clock,
            ),
            both_answer(model, question, &retrieval.query, &read, shared, clock),
        ),
        None => (untrained(Mode::Tuned), untrained(Mode::Both)),
    };
    [
        base_answer(StageTimings::default()),
        rag,
        tuned_answer,
        both,
    ]
}

fn base_answer(timings: StageTimings) -> ModeAnswer {
    ModeAnswer {
        mode: Mode::Base,
        text: BASE_ANSWER.to_string(),
        abstained: true,
        citations: Vec::new(),
        from_weights: None,
        answer_type: None,
        format: validate(BASE_ANSWER),
        timings,
    }
}

fn untrained(mode: Mode) -> ModeAnswer {
    let text =
        "No tuned model yet: train one (Training view; for your own documents, Train on my pairs)."
            .to_string();
    ModeAnswer {
        mode,
        format: validate(&text),
        text,
        abstained: true,
        citations: Vec::new(),
        from_weights: None,
        answer_type: None,
        timings: StageTimings::default(),
    }
}

fn rag_answer(read: &ReadOutcome, timings: StageTimings) -> ModeAnswer {
    let text = read.sentence.clone().unwrap_or_else(|| {
        if read.unsupported.is_empty() {
            NOTHING_FOUND.to_string()
        } else {
            // Correct the false premise as far as retrieval can: name what was not found.
            let names: Vec<String> = read.unsupported.iter().map(|n| capitalise(n)).collect();
            format!(
                "{NOTHING_FOUND} No retrieved passage mentions {}.",
                names.join(" or ")
            )
        }
    });
    ModeAnswer {
        mode: Mode::Rag,
        abstained: read.sentence.is_none(),
        citations: read.citations.clone(),
        from_weights: None,
        answer_type: None,
        format: validate(&text),
        text,
        timings,
    }
}

/// The behaviour head's answer types, most probable first.
fn ranked_types(model: &TunedModel, query: &[f32]) -> Vec<AnswerType> {
    model
        .behaviour
        .ranked(query)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|choice| AnswerType::from_key(&choice.answer_type))
        .collect()
}

fn tuned_answer(
    model: &TunedModel,
    query: &[f32],
    mut timings: StageTimings,
    clock: &dyn Clock,
) -> ModeAnswer {
    let ((recalled, types), infer_ms) = timed(clock, || {
        (
            model.knowledge.answer(query).ok(),
            ranked_types(model, query),
        )
    });
    timings.infer_ms = infer_ms;
    let source = AnswerSource::Weights {
        trained_on: model.version.clone(),
        date: model.date.clone(),
    };
    let sentence = recalled.as_ref().map_or("", |r| r.value.as_str());
    let ((answer_type, text), render_ms) = timed(clock, || {
        render_in_house_format(&types, sentence, Recalled::FromWeights(sentence), source)
    });
    timings.render_ms = render_ms;
    ModeAnswer {
        mode: Mode::Tuned,
        abstained: answer_type == AnswerType::Abstain,
        citations: Vec::new(),
        from_weights: Some(FromWeights {
            trained_on: model.version.clone(),
            date: model.date.clone(),
            confidence: recalled.map_or(0.0, |r| r.confidence),
        }),
        answer_type: Some(answer_type),
        format: validate(&text),
        text,
        timings,
    }
}

fn both_answer(
    model: &TunedModel,
    question: &str,
    query: &[f32],
    read: &ReadOutcome,
    mut timings: StageTimings,
    clock: &dyn Clock,
) -> ModeAnswer {
    let ((mut types, recalled), infer_ms) = timed(clock, || {
        (
            ranked_types(model, query),
            model.knowledge.answer(query).ok(),
        )
    });
    // Here the reader decides whether the documents answer; the head only picks the format.
    // Its abstention vote would throw away a sentence the reader found (and retrieval alone
    // shows), so every other type is tried: when the head voted to abstain, the kinds of value
    // the question's wording asks for first ("quota" -> a limit), then the head's order.
    if types.first() == Some(&AnswerType::Abstain) {
        let asked = expected_answer_types(question);
        types.sort_by_key(|t| !asked.contains(t));
    }
    types.retain(|&t| t != AnswerType::Abstain);
    types.push(AnswerType::Abstain);
    let value = recalled.as_ref().map_or("", |r| r.value.as_str());
    timings.infer_ms = infer_ms;
    let mut citations: Vec<Citation> = Vec::new();
    for cited in &read.citations {
        if !citations.contains(&cited.citation) {
            citations.push(cited.citation.clone());
        }
    }
    let ((answer_type, text), render_ms) = timed(clock, || match &read.sentence {
        Some(sentence) => {
            let recalled = Recalled::IfTheSentenceSaysIt(value);
            render_in_house_format(
                &types,
                sentence,
                recalled,
                AnswerSource::Documents(citations),
            )
        }
        // The style guide's false-premise rule: say what the question assumes that the
        // documents never mention.
        None if !read.unsupported.is_empty() => {
            let next = false_premise_next_step(&read.unsupported);
            (
                AnswerType::Abstain,
                render(AnswerType::Abstain, &AnswerParts::abstain(&next)),
            )
        }
        None => (
            AnswerType::Abstain,
            render(AnswerType::Abstain, &AnswerParts::abstain(NEXT_STEP)),
        ),
    });
    timings.render_ms = render_ms;
    ModeAnswer {
        mode: Mode::Both,
        abstained: answer_type == AnswerType::Abstain,
        citations: if answer_type == AnswerType::Abstain {
            Vec::new()
        } else {
            read.citations.clone()
        },
        from_weights: None,
        answer_type: Some(answer_type),
        format: validate(&text),
        text,
        timings,
    }
}
