//! The sample corpus: documents in three versions, the fact table, questions, unanswerable
//! questions and house-format demonstrations, parsed from in-memory files (the browser fetches
//! them; natively [`Corpus::load_dir`] reads `public/corpus/`), validated with every problem
//! reported by file and line, and chunked into passages that keep their document, version and
//! sentence offsets.
//!
//! File formats (all human-readable, see `public/corpus/README.md`):
//! - `index.json`: name, versions with effective dates, the training snapshot, the file list;
//! - `docs/*.md`: one document revision each, Markdown with a `---` front matter;
//! - `facts.txt`, `questions.txt`, `unanswerable.txt`, `demonstrations.txt`: blocks of
//!   `key: value` lines separated by blank lines (see [`records`]).

mod chunk;
mod display;
mod document;
mod edit;
mod error;
mod facts;
mod listing;
mod matching;
mod model;
mod parse;
mod questions;
pub mod records;

#[cfg(not(target_arch = "wasm32"))]
mod disk;

pub use chunk::{
    chunk_document, chunk_spans, markdown_sentences, Chunk, SentenceUnit, MAX_CHUNK_BYTES,
    MAX_SENTENCE_BYTES, MAX_WORDS, MIN_WORDS,
};
pub use display::passage_parts;
pub use edit::TextEdit;
pub use error::{CorpusError, ErrorKind};
pub use listing::{
    Category, CorpusStats, EvalItem, FactCounts, GoldAt, QuestionCounts, VersionStats,
};
pub use matching::{answer_is_stale, answer_states, form_matches, versions_stated};
pub use model::{
    Demonstration, DocKind, Document, Fact, FactValue, Quality, Question, Split, Unanswerable,
    UnanswerableKind, Version,
};

#[cfg(not(target_arch = "wasm32"))]
pub use disk::default_corpus_dir;

use crate::core::format::{AnswerParts, AnswerSource, Citation};
use serde::Serialize;

/// A parsed and validated corpus.
#[derive(Clone, Debug, Serialize)]
pub struct Corpus {
    /// Display name of the corpus.
    pub name: String,
    /// One sentence on what the corpus is (it says the company is fictional).
    pub about: String,
    /// The versions in time order, each with its effective date.
    pub versions: Vec<Version>,
    /// The version the tuned model's training snapshot is taken from ("v1").
    pub snapshot: String,
    /// Every document revision, in file-list order.
    pub documents: Vec<Document>,
    /// The fact table.
    pub facts: Vec<Fact>,
    /// Train and held-out phrasings of fact questions.
    pub questions: Vec<Question>,
    /// Questions whose right behaviour is to abstain or correct the premise.
    pub unanswerable: Vec<Unanswerable>,
    /// Questions with an ideal answer in the house format.
    pub demonstrations: Vec<Demonstration>,
}

impl Corpus {
    /// Parses and validates a corpus from `(path, content)` pairs, paths relative to the corpus
    /// root (`index.json`, `docs/pricing.v1.md`, ...). Returns every problem found.
    pub fn parse(files: &[(String, String)]) -> Result<Corpus, Vec<CorpusError>> {
        parse::parse_files(files)
    }

    /// The version with id `id`.
    pub fn version(&self, id: &str) -> Option<&Version> {
        self.versions.iter().find(|v| v.id == id)
    }

    /// The versions' ids, oldest first.
    pub fn version_ids(&self) -> Vec<String> {
        self.versions.iter().map(|v| v.id.clone()).collect()
    }

    /// The latest version's id.
    pub fn latest(&self) -> &str {
        self.versions.last().map_or("", |v| v.id.as_str())
    }

    /// The document revisions present in `version`, in file-list order.
    pub fn documents_at(&self, version: &str) -> Vec<&Document> {
        self.documents
            .iter()
            .filter(|d| d.in_version(version))
            .collect()
    }

    /// The revision of document `id` present in `version`.
    pub fn document(&self, id: &str, version: &str) -> Option<&Document> {
        self.documents
            .iter()
            .find(|d| d.id == id && d.in_version(version))
    }

    /// The fact with key `key`.
    pub fn fact(&self, key: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.key == key)
    }

    /// The chunks of every document present in `version`, in document order.
    pub fn chunks_at(&self, version: &str) -> Vec<Chunk> {
        self.documents_at(version)
            .into_iter()
            .flat_map(|d| chunk_document(d, version))
            .collect()
    }

    /// The citation for document `doc_id` as read at `version`.
    pub fn citation(&self, doc_id: &str, version: &str) -> Option<Citation> {
        let doc = self.document(doc_id, version)?;
        Some(Citation {
            title: doc.title.clone(),
            version: version.to_string(),
            date: doc.date.clone(),
        })
    }

    /// The source of an answer given from weights trained on `version`.
    pub fn weights_source(&self, version: &str) -> Option<AnswerSource> {
        let v = self.version(version)?;
        Some(AnswerSource::Weights {
            trained_on: v.id.clone(),
            date: v.date.clone(),
        })
    }

    /// Answer parts stating `fact` as it stood at `version`, with the given source:
    /// the fact's statement with the value filled in, and the value as detail.
    pub fn fact_answer(
        &self,
        fact: &Fact,
        version: &str,
        source: AnswerSource,
    ) -> Option<AnswerParts> {
        let value = fact.at(version)?;
        Some(AnswerParts {
            sentence: fact.statement_at(version)?,
            detail: value.value.clone(),
            source,
        })
    }

    /// The documents a house-format answer cites on its `Source:` line, as `(doc id, version)`
    /// pairs (matched by title at the cited version); empty for weights or no source line.
    pub fn cited_documents(&self, answer: &str) -> Vec<(String, String)> {
        let Some(line) = answer.lines().rev().find(|l| l.starts_with("Source: ")) else {
            return Vec::new();
        };
        match crate::core::format::parse_source_line(line) {
            Ok(AnswerSource::Documents(citations)) => citations
                .iter()
                .filter_map(|c| {
                    self.documents_at(&c.version)
                        .into_iter()
                        .find(|d| d.title == c.title)
                        .map(|d| (d.id.clone(), c.version.clone()))
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Counts of documents, chunks, versions, facts and questions.
    pub fn stats(&self) -> CorpusStats {
        listing::stats(self)
    }

    /// The evaluation listing: every question with its category, gold fact and gold documents
    /// per version.
    pub fn eval_items(&self) -> Vec<EvalItem> {
        listing::eval_items(self)
    }
}
