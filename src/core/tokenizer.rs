//! BERT WordPiece tokenisation, exactly as the teacher model (all-MiniLM-L6-v2) does it.
//!
//! Three stages, each matching the teacher's `tokenizer.json` (BertNormalizer,
//! BertPreTokenizer, WordPiece):
//! 1. normalise: drop control/format/unassigned characters, turn whitespace into a
//!    space, surround CJK ideographs with spaces, lowercase and strip accents;
//! 2. pre-tokenise: split on whitespace and isolate every punctuation character;
//! 3. WordPiece: greedy longest match from the left, continuation pieces carry `##`;
//!    a word with no full cover, or longer than 100 characters, becomes `[UNK]`.
//!
//! The Unicode behaviour comes from tables generated from the teacher tokenizer itself
//! (`tools/distill/gen_unicode_tables.py`), and `tests/tokenizer_parity.rs` checks every
//! string of a 2,000+ string parity set against the teacher's ids.
//!
//! **Special tokens in user text are plain text.** The teacher's tokenizer maps a literal
//! `[CLS]`, `[SEP]`, `[MASK]`, `[PAD]` or `[UNK]` typed inside the input to that special
//! token. Here they are tokenised like any other text (`[`, `cl`, `##s`, `]`), so a user
//! cannot inject control tokens; this is the one intended difference from the teacher,
//! and the parity test checks it explicitly.

mod norm_map;
mod unicode_tables;

use std::collections::HashMap;
use std::fmt;

use norm_map::Replacement;
use unicode_tables::{CJK, NORM_RANGES, PUNCT_RANGES, REMOVE, SPACE};

/// Words longer than this many characters become a single `[UNK]` (the teacher's setting).
pub const MAX_INPUT_CHARS_PER_WORD: usize = 100;
/// The unknown-token string the vocabulary must contain.
pub const UNK_TOKEN: &str = "[UNK]";
/// The prefix marking a piece that continues a word.
pub const CONTINUATION_PREFIX: &str = "##";

const HANGUL_FIRST: u32 = 0xAC00;
const HANGUL_LAST: u32 = 0xD7A3;

/// Why a vocabulary could not be turned into a tokenizer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenizerError {
    /// The vocabulary has no entries.
    EmptyVocab,
    /// The vocabulary has no `[UNK]` entry, so unknown words would have no id.
    MissingUnk,
    /// The same token appears twice (1-based line numbers).
    DuplicateToken {
        /// The repeated token.
        token: String,
        /// Line of the first occurrence.
        first_line: usize,
        /// Line of the repeat.
        line: usize,
    },
    /// An empty line: every line must hold one token.
    EmptyToken {
        /// The 1-based line number.
        line: usize,
    },
    /// More tokens than fit in a `u32` id.
    TooLarge,
}

impl fmt::Display for TokenizerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyVocab => write!(f, "the vocabulary is empty"),
            Self::MissingUnk => write!(f, "the vocabulary has no {UNK_TOKEN} token"),
            Self::DuplicateToken {
                token,
                first_line,
                line,
            } => write!(
                f,
                "the vocabulary lists {token:?} twice (lines {first_line} and {line})"
            ),
            Self::EmptyToken { line } => write!(f, "line {line} of the vocabulary is empty"),
            Self::TooLarge => write!(f, "the vocabulary has more than 2^32 tokens"),
        }
    }
}

impl std::error::Error for TokenizerError {}

/// A WordPiece tokenizer over a fixed vocabulary; ids are vocabulary line numbers from 0.
#[derive(Debug, Clone)]
pub struct Tokenizer {
    tokens: Vec<String>,
    /// Word-initial pieces, keyed by their text.
    starts: HashMap<String, u32>,
    /// Continuation pieces, keyed by their text without the `##` prefix.
    continuations: HashMap<String, u32>,
    unk_id: u32,
}

impl Tokenizer {
    /// Builds a tokenizer from `vocab.txt` text: one token per line, the id is the line index.
    pub fn from_vocab_text(text: &str) -> Result<Self, TokenizerError> {
        let text = text.strip_suffix('\n').unwrap_or(text);
        if text.is_empty() {
            return Err(TokenizerError::EmptyVocab);
        }
        Self::from_tokens(
            text.split('\n')
                .map(|line| line.strip_suffix('\r').unwrap_or(line).to_owned())
                .collect(),
        )
    }

    /// Builds a tokenizer from tokens in id order.
    pub fn from_tokens(tokens: Vec<String>) -> Result<Self, TokenizerError> {
        if tokens.is_empty() {
            return Err(TokenizerError::EmptyVocab);
        }
        if u32::try_from(tokens.len()).is_err() {
            return Err(TokenizerError::TooLarge);
        }
        let mut starts = HashMap::with_capacity(tokens.len());
        let mut continuations = HashMap::new();
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(tokens.len());
        for (index, token) in tokens.iter().enumerate() {
            if token.is_empty() {
                return Err(TokenizerError::EmptyToken { line: index + 1 });
            }
            if let Some(first) = seen.insert(token, index) {
                return Err(TokenizerError::DuplicateToken {
                    token: token.clone(),
                    first_line: first + 1,
                    line: index + 1,
                });
            }
            let id = index as u32;
            match token.strip_prefix(CONTINUATION_PREFIX) {
                Some(rest) if !rest.is_empty() => continuations.insert(rest.to_owned(), id),
                _ => starts.insert(token.clone(), id),
            };
        }
        let unk_id = *seen.get(UNK_TOKEN).ok_or(TokenizerError::MissingUnk)? as u32;
        Ok(Self {
            tokens,
            starts,
            continuations,
            unk_id,
        })
    }

    /// The number of tokens in the vocabulary.
    pub fn vocab_size(&self) -> usize {
        self.tokens.len()
    }

    /// The id of `[UNK]`.
    pub fn unk_id(&self) -> u32 {
        self.unk_id
    }

    /// The text of token `id` (with its `##` prefix), if the id exists.
    pub fn token(&self, id: u32) -> Option<&str> {
        self.tokens.get(id as usize).map(String::as_str)
    }

    /// The id of a vocabulary entry written as in `vocab.txt` (e.g. `##ing`).
    pub fn id(&self, token: &str) -> Option<u32> {
        match token.strip_prefix(CONTINUATION_PREFIX) {
            Some(rest) if !rest.is_empty() => self.continuations.get(rest).copied(),
            _ => self.starts.get(token).copied(),
        }
    }

    /// Token ids of `text`, without `[CLS]`/`[SEP]`, padding or truncation.
    pub fn encode(&self, text: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        self.encode_into(text, usize::MAX, &mut ids);
        ids
    }

    /// Token ids of `text`, keeping only the first `max_tokens` (the teacher's truncation
    /// of a single sequence without special tokens).
    pub fn encode_truncated(&self, text: &str, max_tokens: usize) -> Vec<u32> {
        let mut ids = Vec::new();
        self.encode_into(text, max_tokens, &mut ids);
        ids
    }

    /// Appends the ids of `text` to `ids`, stopping once `ids` holds `max_tokens` entries.
    pub fn encode_into(&self, text: &str, max_tokens: usize, ids: &mut Vec<u32>) {
        let normalized = normalize(text);
        for word in pre_tokenize(&normalized) {
            if ids.len() >= max_tokens {
                break;
            }
            self.word_pieces(word, ids);
        }
        ids.truncate(max_tokens);
    }

    /// Greedy longest-match-first WordPiece of one pre-tokenised word.
    fn word_pieces(&self, word: &str, ids: &mut Vec<u32>) {
        let bounds: Vec<usize> = word
            .char_indices()
            .map(|(i, _)| i)
            .chain([word.len()])
            .collect();
        let chars = bounds.len() - 1;
        if chars > MAX_INPUT_CHARS_PER_WORD {
            ids.push(self.unk_id);
            return;
        }
        let mark = ids.len();
        let mut start = 0;
        while start < chars {
            let map = if start == 0 {
                &self.starts
            } else {
                &self.continuations
            };
            let found = (start + 1..=chars).rev().find_map(|end| {
                map.get(&word[bounds[start]..bounds[end]])
                    .map(|&id| (id, end))
            });
            match found {
                Some((id, end)) => {
                    ids.push(id);
                    start = end;
                }
                None => {
                    ids.truncate(mark);
                    ids.push(self.unk_id);
                    return;
                }
            }
        }
    }
}

/// The teacher's BERT normalisation of `text` (clean, pad CJK, strip accents, lowercase).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let cp = c as u32;
        if let Some(kind) = range_kind(cp) {
            match kind {
                REMOVE => {}
                SPACE => out.push(' '),
                CJK => {
                    out.push(' ');
                    out.push(c);
                    out.push(' ');
                }
                _ => out.push(c),
            }
        } else if (HANGUL_FIRST..=HANGUL_LAST).contains(&cp) {
            push_hangul_jamo(cp, &mut out);
        } else if let Some(replacement) = norm_map::lookup(cp) {
            match replacement {
                Replacement::Char(r) => out.push(r),
                Replacement::Padded(r) => {
                    out.push(' ');
                    out.push(r);
                    out.push(' ');
                }
                Replacement::Text(s) => out.push_str(s),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Splits normalised text into words: on whitespace, with each punctuation character alone.
pub fn pre_tokenize(normalized: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in normalized.char_indices() {
        if c.is_whitespace() || is_punctuation(c) {
            if let Some(s) = start.take() {
                words.push(&normalized[s..i]);
            }
            if !c.is_whitespace() {
                words.push(&normalized[i..i + c.len_utf8()]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        words.push(&normalized[s..]);
    }
    words
}

/// Whether the pre-tokenizer isolates `c` (ASCII punctuation or a Unicode P* category).
pub fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    let cp = c as u32;
    PUNCT_RANGES
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn range_kind(cp: u32) -> Option<u8> {
    NORM_RANGES
        .binary_search_by(|&(lo, hi, _)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .ok()
        .map(|i| NORM_RANGES[i].2)
}

/// NFD of a precomposed Hangul syllable (lead, vowel and optional trailing jamo).
fn push_hangul_jamo(cp: u32, out: &mut String) {
    let s = cp - HANGUL_FIRST;
    let jamo = [0x1100 + s / 588, 0x1161 + (s % 588) / 28, 0x11A7 + s % 28];
    for (n, j) in jamo.into_iter().enumerate() {
        if n == 2 && j == 0x11A7 {
            break;
        }
        out.extend(char::from_u32(j));
    }
}

#[cfg(test)]
mod tests;
