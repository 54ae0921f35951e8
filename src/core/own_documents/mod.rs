//! Bring your own documents: the user's files and pasted text, and their question-answer
//! pairs, read from untrusted input and turned into a [`Corpus`] the rest of the core runs on.
//!
//! Formats:
//! - documents: `.md`/`.markdown` (front matter `title:` or the first `# ` heading is the
//!   title), `.txt`, `.html`/`.htm` (reduced to text: tags stripped, scripts and styles
//!   dropped, entities decoded; never rendered), `.json` (one `{"title", "text"}` object or an
//!   array of them), or pasted text;
//! - pairs: `.csv` with a header row `question,answer` (RFC 4180 quoting, BOM and CRLF
//!   tolerated, problems reported by line) or `.json` (an array of `{"question", "answer"}`).
//!
//! Every input is size-checked first, refused when binary, decoded (UTF-8, UTF-16 with a BOM,
//! else Latin-1) and normalised: control, zero-width and bidi-control characters go, line ends
//! become `\n`, RTL letters and emoji stay. JSON nested deeper than [`MAX_JSON_DEPTH`] is
//! refused before it is parsed. Every refusal is an [`ImportError`] whose `Display` names the
//! file and the limit, line or path; nothing here panics on any input.

mod clean;
mod corpus;
mod depth;
mod documents;
mod error;
mod html;
mod pairs;
mod repeats;

pub use clean::{is_invisible, normalise};
pub use corpus::{infer_answer_type, user_corpus};
pub use depth::first_too_deep;
pub use documents::{
    document_from_paste, documents_from_file, duplicate_key, unique_id, ACCEPTED_DOCUMENTS,
};
pub use error::{human_bytes, ImportError};
pub use html::html_to_text;
pub use pairs::{pairs_from_file, ACCEPTED_PAIRS};
pub use repeats::{question_key, repeated_questions};

use serde::{Deserialize, Serialize};

/// Largest file (or pasted text) accepted, in bytes; larger ones are refused naming the limit.
/// 1 MiB, so a file a file manager calls "1 MB" in either unit is accepted.
pub const MAX_FILE_BYTES: usize = 1_048_576;
/// Largest total of all the user's document texts together, in bytes.
pub const MAX_TOTAL_BYTES: usize = 4_000_000;
/// Most documents the user may add.
pub const MAX_DOCUMENTS: usize = 200;
/// Most question-answer pairs.
pub const MAX_PAIRS: usize = 1_000;
/// Deepest JSON nesting (arrays and objects) accepted; deeper is refused before parsing.
pub const MAX_JSON_DEPTH: usize = 32;
/// Longest question or answer of a pair, in characters.
pub const MAX_PAIR_CHARS: usize = 1_000;
/// Longest document title kept, in characters (longer ones are cut).
pub const MAX_TITLE_CHARS: usize = 200;

/// The id of the user corpus's one version. It is written `vN` because the house format's
/// `Source:` line cites versions that way, so citations of the user's documents validate and
/// the evaluation can follow them; the version's label says "My documents".
pub const USER_VERSION: &str = "v1";
/// The date the user corpus's version carries (citations need one; the user's documents have
/// none of their own).
pub const USER_DATE: &str = "2026-01-01";

/// One document the user brought (pasted or uploaded). Text is plain text (HTML is reduced to
/// text, never rendered), normalised (NUL/control chars removed, zero-width chars removed,
/// CRLF -> LF), kept otherwise as given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserDocument {
    /// Unique among the user's documents: a slug of the title ("employee-handbook-2").
    pub id: String,
    /// The title shown and cited.
    pub title: String,
    /// Where it came from: the file name, or "pasted".
    pub source: String,
    /// The document's text.
    pub text: String,
}

/// A question with the answer fine-tuning should learn (and the evaluation checks).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QaPair {
    /// The question as a user would ask it.
    pub question: String,
    /// The answer the tuned model should give.
    pub answer: String,
}

pub use crate::core::corpus::Corpus;
