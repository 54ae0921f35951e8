//! Where retrieval only lost an answer: the passage holding the fact was not retrieved, the
//! reader picked another sentence, or it picked the right one and scored it under the
//! threshold. Telling them apart needs the fact the question asks about, so it is known only
//! for questions like the corpus's own (the same text, or close in meaning to a train
//! phrasing, said as such).

use serde::Serialize;

use crate::core::corpus::{Fact, Split};
use crate::core::embed::cosine;
use crate::core::reader::{self, Question, ReaderModel};
use crate::core::workbench::{Retrieval, Workbench};

use super::read::{hit_sentences, reader_candidates};

/// Below this cosine the closest train phrasing is not taken to ask the same thing. Seen on
/// a handful of questions typed while building this (not the evaluation set): paraphrases of
/// a train phrasing score 0.64-0.75 ("Is there a charity discount?"), unrelated questions
/// 0.14-0.54 ("Can I pay with bitcoin?"). The inspector shows the tie and its cosine, so a
/// wrong one is visible.
pub const SAME_QUESTION_COSINE: f32 = 0.6;

/// How the question was tied to a fact.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum FactMatch {
    /// A corpus question has this very text.
    SameText,
    /// The closest train phrasing in meaning (its text and cosine).
    Closest {
        /// The train phrasing.
        question: String,
        /// Its cosine with the question.
        cosine: f32,
    },
}

/// The first stage of retrieval only that lost the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum LostAt {
    /// No passage of the document that states the fact is in the top k.
    NotRetrieved,
    /// It is, but the reader's best sentence is another one.
    NotPicked,
    /// The reader picked the answering sentence but scored it under the threshold (or the
    /// question names something no passage mentions).
    BelowThreshold,
    /// Nothing was lost: retrieval only states the fact.
    Nothing,
}

/// The diagnosis of one question.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Diagnosis {
    /// The question is one of the corpus's unanswerable ones: declining is right.
    NotInDocuments,
    /// The question asks about a known fact.
    Fact {
        /// How the question was tied to it.
        matched: FactMatch,
        /// The fact's key.
        fact: String,
        /// The title of the document stating it at the current version.
        document: String,
        /// The 1-based rank of that document's best passage among the retrieved, if any.
        rank: Option<usize>,
        /// The reader's best sentence (before the threshold) and its score.
        best: Option<(String, f32)>,
        /// Where the answer was lost.
        lost_at: LostAt,
    },
}

/// Diagnoses `question`, retrieved as `retrieval`; `None` when no fact can be tied to it.
pub fn diagnose(bench: &Workbench, question: &str, retrieval: &Retrieval) -> Option<Diagnosis> {
    let corpus = bench.corpus();
    let asked = question.trim();
    if corpus
        .unanswerable
        .iter()
        .any(|q| q.text.trim().eq_ignore_ascii_case(asked))
    {
        return Some(Diagnosis::NotInDocuments);
    }
    let (fact, matched) = match_fact(bench, asked, &retrieval.query)?;
    let document = fact.at(bench.version())?;
    let chunks = bench.chunks();
    let rank = retrieval
        .hits
        .iter()
        .position(|hit| chunks[hit.id].doc_id == document.doc_id)
        .map(|p| p + 1);
    let texts = hit_sentences(bench, retrieval);
    let candidates = reader_candidates(bench, retrieval, &texts);
    let reading = reader::best_sentence(
        Question {
            text: question,
            query: &retrieval.query,
            lexicon: Some(bench.lexical()),
            model: Some(bench.embedder()),
        },
        &candidates,
        &ReaderModel::default(),
    );
    let best = reading.as_ref().map(|r| {
        let text = chunks[r.passage].sentence_texts()[r.sentence];
        (
            text.split_whitespace().collect::<Vec<_>>().join(" "),
            r.score,
        )
    });
    let picked_right = best
        .as_ref()
        .is_some_and(|(text, _)| bench.judge_fact(fact, text).correct);
    let answers = reading
        .as_ref()
        .is_some_and(|r| r.answers(bench.settings().threshold));
    // Another document may state the fact too (a changelog), so a right answer is checked
    // before the rank.
    let lost_at = match rank {
        _ if picked_right && answers => LostAt::Nothing,
        None => LostAt::NotRetrieved,
        Some(_) if !picked_right => LostAt::NotPicked,
        Some(_) => LostAt::BelowThreshold,
    };
    Some(Diagnosis::Fact {
        matched,
        fact: fact.key.clone(),
        document: document_title(bench, &document.doc_id),
        rank,
        best,
        lost_at,
    })
}

/// The fact a corpus question with this text asks about, else the one of the closest train
/// phrasing when it is close enough.
fn match_fact<'a>(
    bench: &'a Workbench,
    asked: &str,
    query: &[f32],
) -> Option<(&'a Fact, FactMatch)> {
    let corpus = bench.corpus();
    if let Some(q) = corpus
        .questions
        .iter()
        .find(|q| q.text.trim().eq_ignore_ascii_case(asked))
    {
        return Some((corpus.fact(&q.fact)?, FactMatch::SameText));
    }
    // The train phrasings are embedded once, for tuning, in each fact's file order.
    let (fact, phrasing, score) = bench
        .tuning_data()
        .facts
        .iter()
        .flat_map(|f| f.train.iter().enumerate().map(move |(i, v)| (f, i, v)))
        .map(|(f, i, v)| (f.key.as_str(), i, cosine(query, v)))
        .max_by(|a, b| a.2.total_cmp(&b.2))?;
    let closest = corpus
        .questions
        .iter()
        .filter(|q| q.fact == fact && q.split == Split::Train)
        .nth(phrasing)?;
    (score >= SAME_QUESTION_COSINE).then_some(())?;
    Some((
        corpus.fact(&closest.fact)?,
        FactMatch::Closest {
            question: closest.text.clone(),
            cosine: score,
        },
    ))
}

fn document_title(bench: &Workbench, doc_id: &str) -> String {
    bench
        .chunks()
        .iter()
        .find(|c| c.doc_id == doc_id)
        .map_or_else(|| doc_id.to_string(), |c| c.title.clone())
}
