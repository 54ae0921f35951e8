//! Why an import was refused, as a sentence the UI can show as is.

use std::fmt;

/// Why an import was refused. `Display` is the sentence the UI shows: it names the file (or
/// "the pasted text"), and the limit, line or JSON path where one applies. Every import
/// function returns one of these for bad input and never panics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file or text holds nothing (or only whitespace).
    Empty {
        /// The file name, or "the pasted text".
        file: String,
    },
    /// One file is over [`super::MAX_FILE_BYTES`], or all documents together would be over
    /// [`super::MAX_TOTAL_BYTES`].
    TooLarge {
        /// The file name.
        file: String,
        /// Its size (or the total it would make), in bytes.
        bytes: usize,
        /// The limit it breaks, in bytes.
        limit: usize,
        /// True when the limit is the total over all documents.
        total: bool,
    },
    /// The file looks binary (NUL bytes, or mostly bytes that are not text).
    Binary {
        /// The file name.
        file: String,
    },
    /// The file's extension is not one the importer reads.
    Unsupported {
        /// The file name.
        file: String,
        /// What is accepted, in words.
        accepted: &'static str,
    },
    /// The content does not parse: `at` says where ("line 4", "[2].text").
    Malformed {
        /// The file name.
        file: String,
        /// Where the problem is: a line (and column), or a JSON path.
        at: String,
        /// What is wrong there.
        reason: String,
    },
    /// JSON nested deeper than [`super::MAX_JSON_DEPTH`] (refused before parsing).
    TooDeep {
        /// The file name.
        file: String,
        /// The nesting limit.
        limit: usize,
        /// The line where the limit is passed.
        line: usize,
    },
    /// The same document was already added (or appears twice in one import).
    Duplicate {
        /// The file name of the new copy.
        file: String,
        /// Title of the earlier document with the same text.
        earlier: String,
    },
    /// More documents or pairs than the limit allows.
    TooMany {
        /// The file name.
        file: String,
        /// "documents" or "question-answer pairs".
        what: &'static str,
        /// The limit.
        limit: usize,
    },
    /// Nothing readable is left once markup is removed (an HTML page of scripts, say).
    NoText {
        /// The file name.
        file: String,
    },
    /// Question-answer pairs were given without any document to ground them in.
    NoDocuments,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty { file } => write!(f, "{file} is empty: there is nothing to add."),
            ImportError::TooLarge {
                file,
                bytes,
                limit,
                total: false,
            } => write!(
                f,
                "{file} is too large ({}): the limit is {} per file.",
                distinct_size(*bytes, *limit),
                human_bytes(*limit)
            ),
            ImportError::TooLarge {
                file,
                bytes,
                limit,
                total: true,
            } => write!(
                f,
                "{file} does not fit: your documents would total {}, and the limit is {} for all \
                 documents together.",
                distinct_size(*bytes, *limit),
                human_bytes(*limit)
            ),
            ImportError::Binary { file } => write!(
                f,
                "{file} looks like a binary file, not text: only text files can be added."
            ),
            ImportError::Unsupported { file, accepted } => {
                write!(f, "{file} is not a file type this page reads: {accepted}.")
            }
            ImportError::Malformed { file, at, reason } => {
                write!(f, "{file} could not be read at {at}: {reason}.")
            }
            ImportError::TooDeep { file, limit, line } => write!(
                f,
                "{file} is nested too deeply at line {line}: the limit is {limit} levels of \
                 JSON arrays and objects."
            ),
            ImportError::Duplicate { file, earlier } => write!(
                f,
                "{file} has the same text as \"{earlier}\", which is already added."
            ),
            ImportError::TooMany { file, what, limit } => {
                write!(
                    f,
                    "{file} would make more than {limit} {what}: the limit is {limit}."
                )
            }
            ImportError::NoText { file } => write!(
                f,
                "{file} has no readable text once markup and scripts are removed."
            ),
            ImportError::NoDocuments => write!(
                f,
                "Question-answer pairs need at least one document of yours to be grounded in."
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// `bytes` in words, exact when rounding would make it read the same as `limit`.
fn distinct_size(bytes: usize, limit: usize) -> String {
    // Within a tenth of the limit, rounded sizes in other units would blur which is larger.
    if bytes < limit + limit / 10 {
        format!("{} bytes", crate::core::text::thousands(bytes as u64))
    } else {
        human_bytes(bytes)
    }
}

/// One mebibyte: limits set in binary units are written in them ("1 MiB").
const MIB: usize = 1_048_576;

/// "1.2 MB", "980 KB", "12 bytes": sizes as the UI writes them (decimal units), except an
/// exact number of mebibytes, written "1 MiB" (the per-file limit).
pub fn human_bytes(bytes: usize) -> String {
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= 1_000_000 {
        let tenths = bytes / 100_000;
        if tenths.is_multiple_of(10) {
            format!("{} MB", tenths / 10)
        } else {
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    } else if bytes >= 1_000 {
        format!("{} KB", bytes / 1_000)
    } else {
        format!("{bytes} bytes")
    }
}
