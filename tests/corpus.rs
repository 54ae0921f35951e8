//! The shipped sample corpus validates, broken fixtures are rejected with messages that name
//! the problem, demonstrations pass the format validator while raw sentences do not, and
//! chunking is deterministic.

use rag_or_tune::core::corpus::{Corpus, CorpusError};

fn shipped() -> Corpus {
    match Corpus::load_default() {
        Ok(corpus) => corpus,
        Err(errors) => panic!("{}", describe(&errors)),
    }
}

fn describe(errors: &[CorpusError]) -> String {
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    format!("{} problems:\n{}", errors.len(), lines.join("\n"))
}

#[test]
fn shipped_corpus_validates() {
    let corpus = shipped();
    assert_eq!(corpus.versions.len(), 3);
}
