//! Chunking: Markdown body -> sentences (headings and list markers excluded) -> chunks of a few
//! sentences (about 40-90 words) that never cross documents and keep byte offsets.

use super::model::{DocKind, Document, Quality};
use crate::core::text::{split_sentences, word_count, Span};
use serde::Serialize;

/// A chunk closes at a heading once it has at least this many words.
pub const MIN_WORDS: usize = 40;
/// A chunk closes before a sentence that would take it past this many words.
pub const MAX_WORDS: usize = 90;
/// A trailing chunk shorter than this joins the chunk before it.
const TAIL_WORDS: usize = 20;
/// A sentence longer than this (bytes) is cut into pieces, so text without sentence endings
/// (a pasted log line, a minified page) still makes passages of bounded size.
pub const MAX_SENTENCE_BYTES: usize = 1_000;
/// A chunk closes before a sentence that would take it past this many bytes.
pub const MAX_CHUNK_BYTES: usize = 4_000;
/// Whitespace-separated words per piece of a cut sentence (half of [`MAX_WORDS`], since one
/// such word can hold more than one word token).
const PIECE_WORDS: usize = MAX_WORDS / 2;

/// A retrievable passage of one document revision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Chunk {
    /// `<doc id>@<revision>#<n>`: stable while the revision's text is unchanged.
    pub id: String,
    /// The document id.
    pub doc_id: String,
    /// The document title.
    pub title: String,
    /// The version the chunk was produced for.
    pub version: String,
    /// The first version of the document revision it comes from.
    pub revision: String,
    /// The document's kind.
    pub kind: DocKind,
    /// The document's quality flag.
    pub quality: Quality,
    /// The document's date.
    pub date: String,
    /// The chunk text: the document text from its first sentence's start to its last's end.
    pub text: String,
    /// Byte range of `text` in the document text.
    pub span: Span,
    /// Byte ranges of the chunk's sentences in the document text.
    pub sentences: Vec<Span>,
}

impl Chunk {
    /// What retrieval indexes (embedding and BM25): the title, then the text. A passage rarely
    /// repeats its document's subject ("Registered nonprofits get ..." under "Nonprofit
    /// discount"), and a question often names only that subject ("Do nonprofits get a
    /// discount?").
    pub fn retrieval_text(&self) -> String {
        format!("{}. {}", self.title, self.text)
    }

    /// The chunk's sentences as text.
    pub fn sentence_texts(&self) -> Vec<&str> {
        self.sentences
            .iter()
            .map(|s| {
                Span::new(s.start - self.span.start, s.end - self.span.start).slice(&self.text)
            })
            .collect()
    }
}

/// A sentence of a Markdown body and whether it opens a new section (follows a heading).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceUnit {
    /// Byte range in the body.
    pub span: Span,
    /// True for the first sentence after a heading.
    pub opens_section: bool,
}

/// Length of a list marker ("- ", "* ", "+ ", "12. ", "3) ") at the start of `line`.
fn list_marker_len(line: &str) -> usize {
    if line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ") {
        return 2;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    if digits > 0 && (rest.starts_with(". ") || rest.starts_with(") ")) {
        digits + 2
    } else {
        0
    }
}

/// The sentences of a Markdown body: paragraphs and list items are split into sentences;
/// headings are not sentences but mark the next sentence as opening a section.
pub fn markdown_sentences(body: &str) -> Vec<SentenceUnit> {
    let mut blocks: Vec<(Span, bool)> = Vec::new();
    let mut open: Option<(usize, usize, bool)> = None;
    let mut pending_section = false;
    let mut offset = 0;
    for raw in body.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let line = raw.trim_end();
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            if let Some((s, e, sec)) = open.take() {
                blocks.push((Span::new(s, e), sec));
            }
            pending_section |= trimmed.starts_with('#');
            continue;
        }
        let marker = list_marker_len(trimmed);
        let content_start = line_start + indent + marker;
        let content_end = line_start + line.len();
        match open.as_mut() {
            Some((_, end, _)) if marker == 0 => *end = content_end,
            _ => {
                if let Some((s, e, sec)) = open.take() {
                    blocks.push((Span::new(s, e), sec));
                }
                open = Some((
                    content_start,
                    content_end,
                    std::mem::take(&mut pending_section),
                ));
            }
        }
    }
    if let Some((s, e, sec)) = open {
        blocks.push((Span::new(s, e), sec));
    }
    blocks
        .into_iter()
        .flat_map(|(block, section)| {
            split_sentences(block.slice(body))
                .into_iter()
                .flat_map(move |s| bounded_pieces(block.slice(body), s))
                .enumerate()
                .map(move |(i, s)| SentenceUnit {
                    span: s.shifted(block.start),
                    opens_section: section && i == 0,
                })
        })
        .collect()
}

/// `span` of `text` as is when it is within [`MAX_WORDS`] and [`MAX_SENTENCE_BYTES`], else cut
/// at whitespace into pieces of at most [`PIECE_WORDS`] words and [`MAX_SENTENCE_BYTES`] bytes
/// (a longer run without whitespace is cut at a character boundary).
fn bounded_pieces(text: &str, span: Span) -> Vec<Span> {
    let sentence = span.slice(text);
    if sentence.len() <= MAX_SENTENCE_BYTES && word_count(sentence) <= MAX_WORDS {
        return vec![span];
    }
    let mut pieces = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut words = 0;
    let mut in_word = false;
    for (at, c) in sentence.char_indices() {
        if c.is_whitespace() {
            in_word = false;
            continue;
        }
        let next = at + c.len_utf8();
        let starts_word = !in_word;
        in_word = true;
        if let Some(s) = start {
            let full = (starts_word && words >= PIECE_WORDS) || next - s > MAX_SENTENCE_BYTES;
            if full {
                pieces.push(Span::new(s, end));
                start = None;
            }
        }
        if start.is_none() {
            start = Some(at);
            words = 0;
        }
        if starts_word || words == 0 {
            words += 1;
        }
        end = next;
    }
    if let Some(s) = start {
        pieces.push(Span::new(s, end));
    }
    pieces.into_iter().map(|p| p.shifted(span.start)).collect()
}

/// Groups a Markdown body's sentences into chunks. Returns each chunk's span and sentence spans.
pub fn chunk_spans(body: &str) -> Vec<(Span, Vec<Span>)> {
    let mut groups: Vec<(Vec<Span>, usize)> = Vec::new();
    let mut current: Vec<Span> = Vec::new();
    let mut words = 0;
    for unit in markdown_sentences(body) {
        let n = word_count(unit.span.slice(body));
        let bytes = current
            .first()
            .map_or(0, |first: &Span| unit.span.end - first.start);
        let breaks = (unit.opens_section && words >= MIN_WORDS)
            || words + n > MAX_WORDS
            || bytes > MAX_CHUNK_BYTES;
        if !current.is_empty() && breaks {
            groups.push((std::mem::take(&mut current), words));
            words = 0;
        }
        current.push(unit.span);
        words += n;
    }
    if !current.is_empty() {
        let tail_end = current.last().map_or(0, |s| s.end);
        let tail_joins = words < TAIL_WORDS
            && groups.last().is_some_and(|(prev, prev_words)| {
                prev_words + words <= MAX_WORDS + TAIL_WORDS
                    && tail_end - prev[0].start <= MAX_CHUNK_BYTES
            });
        match groups.last_mut() {
            Some((prev, prev_words)) if tail_joins => {
                prev.extend(current);
                *prev_words += words;
            }
            _ => groups.push((current, words)),
        }
    }
    groups
        .into_iter()
        .map(|(sentences, _)| {
            let span = Span::new(sentences[0].start, sentences[sentences.len() - 1].end);
            (span, sentences)
        })
        .collect()
}

/// Chunks a document revision (shipped or user-edited) as read at `version`.
pub fn chunk_document(doc: &Document, version: &str) -> Vec<Chunk> {
    chunk_spans(&doc.text)
        .into_iter()
        .enumerate()
        .map(|(n, (span, sentences))| Chunk {
            id: format!("{}@{}#{n}", doc.id, doc.revision()),
            doc_id: doc.id.clone(),
            title: doc.title.clone(),
            version: version.to_string(),
            revision: doc.revision().to_string(),
            kind: doc.kind,
            quality: doc.quality,
            date: doc.date.clone(),
            text: span.slice(&doc.text).to_string(),
            span,
            sentences,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_list_markers_are_not_sentence_text() {
        let body = "## Plans\n\nWe have plans. Pick one.\n\n- Pro: $14 per user\n- Team: $20\n  billed monthly\n";
        let units = markdown_sentences(body);
        let texts: Vec<&str> = units.iter().map(|u| u.span.slice(body)).collect();
        assert_eq!(
            texts,
            [
                "We have plans.",
                "Pick one.",
                "Pro: $14 per user",
                "Team: $20\n  billed monthly"
            ]
        );
        assert!(units[0].opens_section && !units[1].opens_section);
    }

    #[test]
    fn chunks_respect_the_word_budget_and_keep_offsets() {
        let sentence = "This sentence has exactly ten words in it, you see. ";
        let body = format!(
            "## A\n\n{}\n\n## B\n\n{}",
            sentence.repeat(12),
            sentence.repeat(3)
        );
        let chunks = chunk_spans(&body);
        for (span, sentences) in &chunks {
            let words = word_count(span.slice(&body));
            assert!(words <= MAX_WORDS, "{words}");
            assert_eq!(span.start, sentences[0].start);
        }
        // 120 words in A: 90 close the first chunk; the 30 left are under MIN_WORDS, so the
        // chunk carries on across the heading into B.
        assert_eq!(chunks.len(), 2);
        assert_eq!(word_count(chunks[0].0.slice(&body)), 90);
        assert!(chunks[1].0.slice(&body).contains("## B"));
    }

    #[test]
    fn a_huge_line_without_sentence_ends_makes_bounded_passages() {
        let spaced = "word and \u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{1f600} ".repeat(20_000);
        let solid = "\u{e9}".repeat(100_000);
        for body in [spaced, solid] {
            let chunks = chunk_spans(&body);
            assert!(chunks.len() > 10, "{}", chunks.len());
            for (span, sentences) in &chunks {
                let text = &body[span.start..span.end];
                assert!(text.len() <= MAX_CHUNK_BYTES, "{}", text.len());
                assert!(word_count(text) <= MAX_WORDS + TAIL_WORDS);
                assert!(sentences
                    .iter()
                    .all(|s| s.end - s.start <= MAX_SENTENCE_BYTES));
            }
        }
    }
}
