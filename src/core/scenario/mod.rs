//! The scenario file: everything the user made, in one versioned JSON document, for saving in
//! the browser and for export and import.
//!
//! [`from_json`] validates the whole file before anything is built (types, ranges, unknown
//! fields, the format name and version, the own_documents limits, duplicate ids, nesting depth) and
//! reports the first problems by JSON path, so an import either applies completely or not at
//! all. [`to_json`] writes fields in a fixed order, so `to_json(&from_json(&to_json(s))?)` is
//! byte-identical to `to_json(s)`.

mod apply;
mod checker;
mod merge;
mod settings;
mod validate;

pub use apply::{capture, restore, Restored, UserWork};
pub use merge::{merge_work, Merged};
pub use settings::{
    DataKey, IndexScenario, RetrievalScenario, ScopeKey, SelectionKey, TuningScenario,
};

use serde::{Deserialize, Serialize};

use crate::core::own_documents::{QaPair, UserDocument};

/// The `format` every scenario file carries.
pub const SCENARIO_FORMAT: &str = "rag-or-tune-scenario";
/// The scenario format version this build writes and reads.
pub const SCENARIO_VERSION: u32 = 1;
/// Largest scenario file accepted, in bytes: the user's documents at their limit plus room
/// for edits, pairs and settings.
pub const MAX_SCENARIO_BYTES: usize = 8_000_000;
/// Most sample-corpus edits a scenario may hold.
pub const MAX_EDITS: usize = 500;
pub use crate::core::text::MAX_QUESTION_CHARS;
/// Most problems [`from_json`] reports.
pub const MAX_PROBLEMS: usize = 10;

/// Which corpus the app is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActiveCorpus {
    /// The shipped sample corpus (with the user's edits).
    Sample,
    /// The learner's own documents and pairs (written "mine" in scenario files).
    #[serde(rename = "mine")]
    Own,
}

/// An edit of a sample-corpus document at one version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SampleEdit {
    /// The sample document's id.
    pub doc_id: String,
    /// The version the edit applies to ("v2").
    pub version: String,
    /// The edited text.
    pub text: String,
}

/// The 2x2 of modes: which of retrieval and tuning are on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Toggles {
    /// Retrieval on.
    pub retrieval: bool,
    /// Tuned model on.
    pub tuned: bool,
}

/// Everything the user made: which corpus is active, sample-corpus edits, their own documents
/// and pairs, retrieval settings, tuning settings (+ which version the model in use was
/// trained on, so loading retrains deterministically), the current version, the 2x2 toggles,
/// the question. Field order here is the order in the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Always [`SCENARIO_FORMAT`].
    pub format: String,
    /// Always [`SCENARIO_VERSION`] for files this build writes.
    pub version: u32,
    /// The corpus being shown.
    pub active: ActiveCorpus,
    /// The version being looked at (of the active corpus).
    pub corpus_version: String,
    /// Edits of sample-corpus documents.
    pub edits: Vec<SampleEdit>,
    /// The user's documents.
    pub documents: Vec<UserDocument>,
    /// The user's question-answer pairs.
    pub pairs: Vec<QaPair>,
    /// Retrieval settings.
    pub retrieval: RetrievalScenario,
    /// Tuning settings and the version the model in use was trained on.
    pub tuning: TuningScenario,
    /// The 2x2 toggles.
    pub toggles: Toggles,
    /// The question in the question box.
    pub question: String,
}

/// One problem found in a scenario file: where (a JSON path such as `documents[3].text`, or
/// `(file)` for the file as a whole) and what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScenarioProblem {
    /// The JSON path of the offending value.
    pub path: String,
    /// What is wrong with it.
    pub message: String,
}

impl std::fmt::Display for ScenarioProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// The scenario as pretty-printed JSON, fields in a fixed order.
pub fn to_json(s: &Scenario) -> String {
    // Serialising plain strings, numbers and booleans cannot fail; the fallback keeps the
    // signature total.
    serde_json::to_string_pretty(s).unwrap_or_default()
}

/// Validates `text` fully and builds the scenario; on failure returns the first problems (at
/// most [`MAX_PROBLEMS`]), each with a JSON path. Never a partial scenario.
pub fn from_json(text: &str) -> Result<Scenario, Vec<ScenarioProblem>> {
    validate::parse(text)
}
