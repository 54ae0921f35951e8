//! Derived views of the corpus: counts for `ragtune corpus stats`, and the evaluation listing
//! (question, category, gold fact, gold value and document per version).

use super::model::{Split, UnanswerableKind};
use super::Corpus;
use crate::core::text::word_count;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Counts of changed and stable facts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FactCounts {
    /// Facts whose value differs between some versions.
    pub changed: usize,
    /// Facts with the same value in every version.
    pub stable: usize,
}

/// Counts of questions by role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuestionCounts {
    /// Train phrasings.
    pub train: usize,
    /// Held-out paraphrases.
    pub heldout: usize,
    /// Keyword queries.
    pub keyword: usize,
    /// Yes/no questions.
    pub yesno: usize,
    /// Direct short questions.
    pub direct: usize,
    /// Unanswerable questions.
    pub unanswerable: usize,
    /// House-format demonstrations.
    pub demonstrations: usize,
}

/// Counts for one version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VersionStats {
    /// Version id.
    pub version: String,
    /// Effective date.
    pub date: String,
    /// Documents present.
    pub documents: usize,
    /// Chunks once chunked.
    pub chunks: usize,
    /// Words in all documents.
    pub words: usize,
    /// Facts whose value differs from the previous version.
    pub facts_changed_from_previous: usize,
}

/// The corpus in numbers. `documents` and `chunks` count distinct document ids and distinct
/// chunk ids over all versions; `per_version` has the counts in each version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CorpusStats {
    /// Distinct document ids.
    pub documents: usize,
    /// Distinct chunk ids over all versions.
    pub chunks: usize,
    /// Number of versions.
    pub versions: usize,
    /// Changed and stable facts.
    pub facts: FactCounts,
    /// Questions by role.
    pub questions: QuestionCounts,
    /// Document revisions (files).
    pub revisions: usize,
    /// Unanswerable questions by kind (`near-miss`, `out-of-scope`, `false-premise`).
    pub unanswerable_kinds: BTreeMap<String, usize>,
    /// Number of demonstrations per answer type key.
    pub demonstrations_by_type: BTreeMap<String, usize>,
    /// Counts per version.
    pub per_version: Vec<VersionStats>,
}

/// Computes [`CorpusStats`].
pub fn stats(corpus: &Corpus) -> CorpusStats {
    let mut chunk_ids = BTreeSet::new();
    let mut per_version = Vec::new();
    let mut previous: Option<&str> = None;
    for v in &corpus.versions {
        let chunks = corpus.chunks_at(&v.id);
        chunk_ids.extend(chunks.iter().map(|c| c.id.clone()));
        let docs = corpus.documents_at(&v.id);
        per_version.push(VersionStats {
            version: v.id.clone(),
            date: v.date.clone(),
            documents: docs.len(),
            chunks: chunks.len(),
            words: docs.iter().map(|d| word_count(&d.text)).sum(),
            facts_changed_from_previous: previous.map_or(0, |p| {
                corpus
                    .facts
                    .iter()
                    .filter(|f| f.changed_between(p, &v.id))
                    .count()
            }),
        });
        previous = Some(&v.id);
    }
    let doc_ids: BTreeSet<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    let changed = corpus.facts.iter().filter(|f| f.changed()).count();
    let split = |s: Split| corpus.questions.iter().filter(|q| q.split == s).count();
    let kind = |k: UnanswerableKind| corpus.unanswerable.iter().filter(|u| u.kind == k).count();
    let demonstrations_by_type = crate::core::format::AnswerType::ALL
        .iter()
        .map(|t| {
            let n = corpus
                .demonstrations
                .iter()
                .filter(|d| d.answer_type == *t)
                .count();
            (t.key().to_string(), n)
        })
        .collect();
    CorpusStats {
        documents: doc_ids.len(),
        chunks: chunk_ids.len(),
        versions: corpus.versions.len(),
        facts: FactCounts {
            changed,
            stable: corpus.facts.len() - changed,
        },
        questions: QuestionCounts {
            train: split(Split::Train),
            heldout: split(Split::Heldout),
            keyword: split(Split::Keyword),
            yesno: split(Split::YesNo),
            direct: split(Split::Direct),
            unanswerable: corpus.unanswerable.len(),
            demonstrations: corpus.demonstrations.len(),
        },
        revisions: corpus.documents.len(),
        unanswerable_kinds: BTreeMap::from([
            ("near-miss".to_string(), kind(UnanswerableKind::NearMiss)),
            (
                "out-of-scope".to_string(),
                kind(UnanswerableKind::OutOfScope),
            ),
            (
                "false-premise".to_string(),
                kind(UnanswerableKind::FalsePremise),
            ),
        ]),
        demonstrations_by_type,
        per_version,
    }
}

/// An evaluation question's category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// A phrasing tuning trains on.
    Train,
    /// A paraphrase tuning never sees.
    Heldout,
    /// A short keyword query, never seen by tuning or fitting.
    Keyword,
    /// A yes/no question, never seen by tuning or fitting.
    YesNo,
    /// A direct short question, never seen by tuning or fitting.
    Direct,
    /// Close to a fact but not answered by the corpus.
    NearMiss,
    /// Not about the company.
    OutOfScope,
    /// Rests on an untrue premise.
    FalsePremise,
}

impl Category {
    /// The category of a fact question in `split`.
    pub fn of_split(split: Split) -> Category {
        match split {
            Split::Train => Category::Train,
            Split::Heldout => Category::Heldout,
            Split::Keyword => Category::Keyword,
            Split::YesNo => Category::YesNo,
            Split::Direct => Category::Direct,
        }
    }

    /// True for the categories whose right behaviour is to abstain.
    pub fn expects_abstention(self) -> bool {
        matches!(
            self,
            Category::NearMiss | Category::OutOfScope | Category::FalsePremise
        )
    }
}

/// The gold answer of a question at one version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoldAt {
    /// Version id.
    pub version: String,
    /// Canonical value at that version.
    pub value: String,
    /// The document stating it at that version.
    pub doc_id: String,
}

/// One row of the evaluation listing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EvalItem {
    /// Question id.
    pub id: String,
    /// Question text.
    pub text: String,
    /// Category.
    pub category: Category,
    /// The gold fact (for unanswerable questions: none).
    pub fact: Option<String>,
    /// For unanswerable questions: the fact it is deceptively close to.
    pub near_fact: Option<String>,
    /// Whether the gold fact changes across versions.
    pub changed: bool,
    /// Gold value and document per version (empty for unanswerable questions).
    pub gold: Vec<GoldAt>,
}

/// Builds the evaluation listing: fact questions first (file order), then unanswerable ones.
pub fn eval_items(corpus: &Corpus) -> Vec<EvalItem> {
    let mut items: Vec<EvalItem> = corpus
        .questions
        .iter()
        .filter_map(|q| {
            let fact = corpus.fact(&q.fact)?;
            Some(EvalItem {
                id: q.id.clone(),
                text: q.text.clone(),
                category: Category::of_split(q.split),
                fact: Some(fact.key.clone()),
                near_fact: None,
                changed: fact.changed(),
                gold: fact
                    .values
                    .iter()
                    .map(|v| GoldAt {
                        version: v.version.clone(),
                        value: v.value.clone(),
                        doc_id: v.doc_id.clone(),
                    })
                    .collect(),
            })
        })
        .collect();
    items.extend(corpus.unanswerable.iter().map(|u| EvalItem {
        id: u.id.clone(),
        text: u.text.clone(),
        category: match u.kind {
            UnanswerableKind::NearMiss => Category::NearMiss,
            UnanswerableKind::OutOfScope => Category::OutOfScope,
            UnanswerableKind::FalsePremise => Category::FalsePremise,
        },
        fact: None,
        near_fact: u.near_fact.clone(),
        changed: false,
        gold: Vec::new(),
    }));
    items
}
