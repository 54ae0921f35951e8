//! Corpus problems, each tied to a file and line so an author can fix it.

use serde::Serialize;

/// What kind of problem a [`CorpusError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// The file cannot be read as its format (bad JSON, bad front matter, bad record line).
    Malformed,
    /// A required field is missing or a field is not known.
    BadField,
    /// Two things share an id that must be unique.
    DuplicateId,
    /// A reference to a version that does not exist.
    UnknownVersion,
    /// A reference to a document that does not exist in that version.
    DanglingDocument,
    /// A question or demonstration refers to a fact that does not exist.
    DanglingFact,
    /// A fact's passage is not in its document's text.
    MissingPassage,
    /// A passage or answer does not state the value it should.
    ValueMismatch,
    /// A file is listed but not given, or given but not listed.
    MissingFile,
    /// A demonstration breaks the house format.
    FormatViolation,
}

/// One problem in the corpus, with where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CorpusError {
    /// The file, relative to the corpus root.
    pub file: String,
    /// The line (1-based); 0 when the problem concerns the whole file.
    pub line: usize,
    /// What kind of problem.
    pub kind: ErrorKind,
    /// A readable explanation naming the offending id or value.
    pub message: String,
}

impl CorpusError {
    /// Creates an error.
    pub fn new(file: &str, line: usize, kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            file: file.to_string(),
            line,
            kind,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for CorpusError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for CorpusError {}
