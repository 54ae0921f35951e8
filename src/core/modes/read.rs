//! Retrieval's half of the 2x2: the reader over the retrieved passages, and what the modes
//! keep of its pick (the quoted sentence and its citation).

use crate::core::format::Citation;
use crate::core::reader::{self, Candidate, Question, ReaderModel};
use crate::core::workbench::{Retrieval, Workbench};

use super::CitedPassage;

/// The reader's pick, as the modes need it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadOutcome {
    /// The supporting sentence (raw document text), or `None` when the reader abstained.
    pub sentence: Option<String>,
    /// The passages cited.
    pub citations: Vec<CitedPassage>,
    /// The reader's score for the sentence.
    pub score: f32,
    /// Names in the question that no retrieved passage mentions (the reader then abstains).
    pub unsupported: Vec<String>,
}

/// Per retrieved passage, the texts of its sentences (what [`reader_candidates`] borrows).
pub fn hit_sentences<'a>(bench: &'a Workbench, retrieval: &Retrieval) -> Vec<Vec<&'a str>> {
    retrieval
        .hits
        .iter()
        .map(|hit| bench.chunks()[hit.id].sentence_texts())
        .collect()
}

/// The retrieved passages as the reader sees them: scores, sentence texts and embeddings.
pub fn reader_candidates<'a>(
    bench: &'a Workbench,
    retrieval: &Retrieval,
    texts: &'a [Vec<&'a str>],
) -> Vec<Candidate<'a>> {
    retrieval
        .hits
        .iter()
        .zip(texts)
        .map(|(hit, sentences)| Candidate {
            passage: hit.id,
            passage_score: hit.score,
            sentences,
            vectors: bench.sentence_vectors(hit.id),
            words: bench.sentence_words(hit.id),
        })
        .collect()
}

/// Runs the reader over the retrieved passages.
pub fn read_passages(bench: &Workbench, question: &str, retrieval: &Retrieval) -> ReadOutcome {
    let texts = hit_sentences(bench, retrieval);
    let candidates = reader_candidates(bench, retrieval, &texts);
    let threshold = bench.settings().threshold;
    let asked = Question {
        text: question,
        query: &retrieval.query,
        lexicon: Some(bench.lexical()),
        model: Some(bench.embedder()),
    };
    let best = reader::best_sentence(asked, &candidates, &ReaderModel::default());
    let reading = match best {
        Some(reading) if reading.answers(threshold) => reading,
        other => {
            return ReadOutcome {
                sentence: None,
                citations: Vec::new(),
                score: 0.0,
                unsupported: other.map(|r| r.unsupported).unwrap_or_default(),
            }
        }
    };
    let chunk = &bench.chunks()[reading.passage];
    let span = chunk.sentences[reading.sentence];
    let relative = (span.start - chunk.span.start, span.end - chunk.span.start);
    let sentence = chunk
        .text
        .get(relative.0..relative.1)
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let citation = Citation {
        title: chunk.title.clone(),
        version: chunk.version.clone(),
        date: chunk.date.clone(),
    };
    ReadOutcome {
        sentence: Some(sentence),
        citations: vec![CitedPassage {
            chunk: reading.passage,
            doc_id: chunk.doc_id.clone(),
            citation,
            sentence: relative,
        }],
        score: reading.score,
        unsupported: Vec::new(),
    }
}
