//! The user's documents and pairs as a [`Corpus`], so the workbench, the four modes, tuning and
//! the evaluation run on them unchanged.

use std::collections::HashSet;

use super::clean::normalise;
use super::pairs::clean_pair;
use super::repeats::repeated_questions;
use super::{ImportError, QaPair, UserDocument};
use super::{MAX_DOCUMENTS, MAX_PAIRS, MAX_PAIR_CHARS, MAX_TOTAL_BYTES, USER_DATE, USER_VERSION};
use crate::core::corpus::{
    markdown_sentences, Corpus, DocKind, Document, Fact, FactValue, Quality, Question, Split,
    Version,
};
use crate::core::format::{check_detail, AnswerType};
use crate::core::text::{contains_tokens, content_words, normalise_value};

/// The answer types tried for a pair's answer, most specific first: the first whose shape the
/// answer has is the format the tuned model learns for it.
const INFERRED_TYPES: [AnswerType; 9] = [
    AnswerType::Date,
    AnswerType::Hours,
    AnswerType::Percentage,
    AnswerType::Price,
    AnswerType::Window,
    AnswerType::Limit,
    AnswerType::Policy,
    AnswerType::Steps,
    AnswerType::Name,
];

/// The house-format answer type an answer's shape suggests (a price, a date, ...); a plain
/// answer is a `Name` (the format validator then says whether it fits one).
pub fn infer_answer_type(answer: &str) -> AnswerType {
    INFERRED_TYPES
        .into_iter()
        .find(|t| check_detail(*t, answer).is_ok())
        .unwrap_or(AnswerType::Name)
}

/// Builds the user's corpus: one version ([`USER_VERSION`]), every document current, each pair a
/// fact whose value is the answer, stated by the sentence of a document that contains the
/// answer (or, when none does, the sentence sharing most words with the question and answer),
/// and whose question is its one train phrasing. Checks the limits again (a scenario file may
/// have been edited by hand). Pairs without documents are refused; no pairs is fine.
pub fn user_corpus(docs: &[UserDocument], pairs: &[QaPair]) -> Result<Corpus, ImportError> {
    let file = "Your documents".to_string();
    if docs.is_empty() && !pairs.is_empty() {
        return Err(ImportError::NoDocuments);
    }
    if docs.len() > MAX_DOCUMENTS {
        return Err(ImportError::TooMany {
            file,
            what: "documents",
            limit: MAX_DOCUMENTS,
        });
    }
    if pairs.len() > MAX_PAIRS {
        return Err(ImportError::TooMany {
            file,
            what: "question-answer pairs",
            limit: MAX_PAIRS,
        });
    }
    let total: usize = docs.iter().map(|d| d.text.len()).sum();
    if total > MAX_TOTAL_BYTES {
        return Err(ImportError::TooLarge {
            file,
            bytes: total,
            limit: MAX_TOTAL_BYTES,
            total: true,
        });
    }
    let mut ids = HashSet::new();
    let mut documents = Vec::with_capacity(docs.len());
    for doc in docs {
        if doc.id.is_empty() || !ids.insert(doc.id.as_str()) {
            return Err(ImportError::Malformed {
                file,
                at: format!("document \"{}\"", doc.title),
                reason: "its id is empty or used by another document".to_string(),
            });
        }
        documents.push(Document {
            id: doc.id.clone(),
            title: doc.title.clone(),
            kind: DocKind::Product,
            quality: Quality::Current,
            date: USER_DATE.to_string(),
            versions: vec![USER_VERSION.to_string()],
            note: None,
            text: normalise(&doc.text),
            path: format!("mine/{}", doc.id),
            body_line: 1,
        });
    }
    // Preparing every sentence for matching costs ~100 ms per MB natively: only for pairs.
    let sentences = if pairs.is_empty() {
        Vec::new()
    } else {
        sentences(&documents)
    };
    let mut facts = Vec::with_capacity(pairs.len());
    let mut questions = Vec::with_capacity(pairs.len());
    // A question asked twice is learned once, from its first row (see `repeats`).
    let repeats: HashSet<usize> = repeated_questions(pairs).iter().map(|r| r.0).collect();
    for (i, pair) in pairs.iter().enumerate() {
        if repeats.contains(&i) {
            continue;
        }
        let (question, answer) = clean_pair(pair);
        if question.is_empty()
            || answer.is_empty()
            || question.chars().count() > MAX_PAIR_CHARS
            || answer.chars().count() > MAX_PAIR_CHARS
        {
            return Err(ImportError::Malformed {
                file,
                at: format!("pair {}", i + 1),
                reason: format!(
                    "a question and its answer must each have 1 to {MAX_PAIR_CHARS} characters"
                ),
            });
        }
        let key = format!("pair.{}", i + 1);
        let (doc_id, passage) = grounding(&documents, &sentences, &question, &answer);
        facts.push(Fact {
            key: key.clone(),
            answer_type: infer_answer_type(&answer),
            about: question.clone(),
            statement: "{value}".to_string(),
            values: vec![FactValue {
                version: USER_VERSION.to_string(),
                value: answer.clone(),
                forms: vec![answer],
                doc_id,
                passage,
            }],
        });
        questions.push(Question {
            id: format!("{key}/t1"),
            text: question,
            split: Split::Train,
            fact: key,
        });
    }
    Ok(Corpus {
        name: "My documents".to_string(),
        about: "Documents and question-answer pairs you added; they stay in this browser."
            .to_string(),
        versions: vec![Version {
            id: USER_VERSION.to_string(),
            date: USER_DATE.to_string(),
            label: "My documents".to_string(),
        }],
        snapshot: USER_VERSION.to_string(),
        documents,
        facts,
        questions,
        unanswerable: Vec::new(),
        demonstrations: Vec::new(),
    })
}

/// A sentence of a user document, prepared once for matching every pair against it.
struct Sentence<'a> {
    doc: usize,
    text: &'a str,
    tokens: Vec<String>,
    words: HashSet<String>,
}

/// Every sentence of `documents`, with its normalised value tokens and content words.
fn sentences(documents: &[Document]) -> Vec<Sentence<'_>> {
    documents
        .iter()
        .enumerate()
        .flat_map(|(doc, d)| {
            markdown_sentences(&d.text)
                .into_iter()
                .filter_map(move |unit| {
                    let text = unit.span.slice(&d.text);
                    (!text.is_empty()).then(|| Sentence {
                        doc,
                        text,
                        tokens: normalise_value(text),
                        words: content_words(text).into_iter().collect(),
                    })
                })
        })
        .collect()
}

/// The document and verbatim passage that ground a pair: a sentence stating the answer, else
/// the sentence sharing most content words with question and answer, else the start of the
/// first document. `documents` is not empty.
fn grounding(
    documents: &[Document],
    sentences: &[Sentence<'_>],
    question: &str,
    answer: &str,
) -> (String, String) {
    let answer_tokens = normalise_value(answer);
    let stating = sentences
        .iter()
        .find(|s| !answer_tokens.is_empty() && contains_tokens(&s.tokens, &answer_tokens));
    let wanted: HashSet<String> = content_words(&format!("{question} {answer}"))
        .into_iter()
        .collect();
    let closest = || {
        let mut best: Option<(usize, &Sentence<'_>)> = None;
        for s in sentences {
            let shared = s.words.intersection(&wanted).count();
            if best.is_none_or(|(n, _)| shared > n) {
                best = Some((shared, s));
            }
        }
        best.map(|(_, s)| s)
    };
    match stating.or_else(closest) {
        Some(s) => (documents[s.doc].id.clone(), s.text.to_string()),
        None => {
            let doc = &documents[0];
            let end = doc
                .text
                .char_indices()
                .nth(200)
                .map_or(doc.text.len(), |(i, _)| i);
            (doc.id.clone(), doc.text[..end].to_string())
        }
    }
}
