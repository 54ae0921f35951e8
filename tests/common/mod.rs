//! Helpers shared by the corpus tests: the broken-corpus fixtures read as the browser would
//! pass them, error lists made readable, and the chunks that state a fact.

// Each test crate that includes this module uses some of the helpers, not all.
#![allow(dead_code)]

use rag_or_tune::core::corpus::{chunk_document, Corpus, CorpusError, Fact};
use std::path::{Path, PathBuf};

/// Every error on its own line, after a count.
pub fn describe(errors: &[CorpusError]) -> String {
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    format!("{} problems:\n{}", errors.len(), lines.join("\n"))
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus_broken")
        .join(name)
}

/// Reads a fixture directory into `(path, content)` pairs, as the browser would pass them.
pub fn fixture_files(name: &str) -> Vec<(String, String)> {
    let dir = fixture(name);
    let mut files = Vec::new();
    for rel in [
        "index.json",
        "facts.txt",
        "questions.txt",
        "unanswerable.txt",
        "demonstrations.txt",
    ] {
        files.push((
            rel.to_string(),
            std::fs::read_to_string(dir.join(rel)).unwrap(),
        ));
    }
    for rel in ["docs/prices.v1.md", "docs/prices.v2.md"] {
        files.push((
            rel.to_string(),
            std::fs::read_to_string(dir.join(rel)).unwrap(),
        ));
    }
    files
}

pub fn errors_of(files: &[(String, String)]) -> Vec<CorpusError> {
    match Corpus::parse(files) {
        Ok(_) => panic!("the broken corpus was accepted"),
        Err(errors) => errors,
    }
}

pub fn replace(files: &mut [(String, String)], path: &str, from: &str, to: &str) {
    let entry = files.iter_mut().find(|(p, _)| p == path).unwrap();
    assert!(entry.1.contains(from), "{from}");
    entry.1 = entry.1.replace(from, to);
}

/// Ids of the chunks (at `version`) that overlap the passage stating `fact` at `version`:
/// where retrieval should land. Only tests ask it, so it lives here, not in the corpus.
pub fn gold_chunk_ids(corpus: &Corpus, fact: &Fact, version: &str) -> Vec<String> {
    let Some(value) = fact.at(version) else {
        return Vec::new();
    };
    let Some(doc) = corpus.document(&value.doc_id, version) else {
        return Vec::new();
    };
    let Some(at) = doc.text.find(&value.passage) else {
        return Vec::new();
    };
    let end = at + value.passage.len();
    chunk_document(doc, version)
        .into_iter()
        .filter(|c| c.span.start < end && at < c.span.end)
        .map(|c| c.id)
        .collect()
}
