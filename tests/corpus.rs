//! The shipped sample corpus validates and has the promised size; broken fixtures are rejected
//! with messages that name the problem (file, line, id); every demonstration passes the format
//! validator while raw document sentences do not; chunking is deterministic and keeps offsets.

use rag_or_tune::core::corpus::{
    answer_is_stale, answer_states, markdown_sentences, Corpus, Split, MAX_WORDS,
};
use rag_or_tune::core::format::{self, AnswerType};
use rag_or_tune::core::text::{content_words, word_count};
use std::collections::BTreeSet;

mod common;

use common::{describe, fixture_files};

fn shipped() -> Corpus {
    Corpus::load_default().unwrap_or_else(|errors| panic!("{}", describe(&errors)))
}

#[test]
fn shipped_corpus_has_the_promised_size() {
    let corpus = shipped();
    let stats = corpus.stats();
    assert_eq!(stats.versions, 3);
    for v in &stats.per_version {
        assert!(
            v.documents >= 30,
            "{} has {} documents",
            v.version,
            v.documents
        );
    }
    assert!(stats.chunks >= 150, "{} distinct chunks", stats.chunks);
    assert!(
        stats.facts.changed >= 12 && stats.facts.stable >= 15,
        "{:?}",
        stats.facts
    );
    assert!(stats.questions.unanswerable >= 20 && stats.questions.demonstrations >= 20);
    for fact in &corpus.facts {
        let count = |split| {
            corpus
                .questions
                .iter()
                .filter(|q| q.fact == fact.key && q.split == split)
                .count()
        };
        assert!(
            count(Split::Train) >= 3 && count(Split::Heldout) >= 3,
            "{}",
            fact.key
        );
    }
    for t in AnswerType::ALL {
        assert!(
            corpus.demonstrations.iter().any(|d| d.answer_type == t),
            "no {t} demonstration"
        );
    }
    let added: Vec<_> = corpus
        .documents
        .iter()
        .filter(|d| d.revision() != "v1")
        .map(|d| &d.id)
        .collect();
    let retired = corpus
        .documents
        .iter()
        .filter(|d| !d.in_version(corpus.latest()))
        .count();
    assert!(!added.is_empty() && retired > 0);
}

#[test]
fn facts_are_stated_by_their_passages_and_cited_in_one_chunk() {
    let corpus = shipped();
    for fact in &corpus.facts {
        for value in &fact.values {
            assert!(
                answer_states(fact, &value.version, &value.passage),
                "{}",
                fact.key
            );
            let gold = common::gold_chunk_ids(&corpus, fact, &value.version);
            assert_eq!(gold.len(), 1, "{} at {}: {gold:?}", fact.key, value.version);
            let statement = fact.statement_at(&value.version).unwrap();
            assert!(
                answer_states(fact, &value.version, &statement),
                "{}",
                fact.key
            );
        }
    }
}

#[test]
fn an_old_value_is_stale_once_the_fact_changes() {
    let corpus = shipped();
    let changed: Vec<_> = corpus.facts.iter().filter(|f| f.changed()).collect();
    for fact in changed {
        let old = fact.statement_at("v1").unwrap();
        for version in ["v2", "v3"] {
            let stale = answer_is_stale(fact, version, &old);
            assert_eq!(
                stale,
                fact.changed_between("v1", version),
                "{} at {version}",
                fact.key
            );
        }
        assert!(!answer_is_stale(fact, "v1", &old));
    }
}

#[test]
fn every_demonstration_passes_the_validator() {
    let corpus = shipped();
    for demo in &corpus.demonstrations {
        assert_eq!(
            format::validate(&demo.answer),
            Ok(demo.answer_type),
            "{}",
            demo.id
        );
    }
}

#[test]
fn raw_document_sentences_fail_the_validator() {
    let corpus = shipped();
    let mut checked = 0;
    for chunk in corpus.chunks_at(corpus.latest()) {
        for sentence in chunk.sentence_texts() {
            let violations = format::validate(sentence).expect_err(sentence);
            assert!(
                violations
                    .iter()
                    .any(|v| v.rule == format::Rule::AnswerLine),
                "{sentence}"
            );
            checked += 1;
        }
    }
    assert!(checked > 300, "{checked}");
}

#[test]
fn fact_answers_render_in_the_house_format_from_docs_and_weights() {
    let corpus = shipped();
    for fact in &corpus.facts {
        for value in &fact.values {
            let v = &value.version;
            let cited = corpus.citation(&value.doc_id, v).unwrap();
            let sources = [
                format::AnswerSource::Documents(vec![cited]),
                corpus.weights_source(&corpus.snapshot).unwrap(),
            ];
            for source in sources {
                let parts = corpus.fact_answer(fact, v, source).unwrap();
                let answer = format::render(fact.answer_type, &parts);
                assert_eq!(format::validate(&answer), Ok(fact.answer_type), "{answer}");
                assert!(answer_states(fact, v, &answer), "{answer}");
            }
        }
    }
}

#[test]
fn passage_sentences_can_be_rendered_by_extraction() {
    let corpus = shipped();
    let (mut total, mut rendered) = (0, 0);
    for fact in &corpus.facts {
        for value in &fact.values {
            let doc = corpus.document(&value.doc_id, &value.version).unwrap();
            let at = doc.text.find(&value.passage).unwrap();
            let sentence = markdown_sentences(&doc.text)
                .into_iter()
                .find(|u| u.span.start <= at && at < u.span.end)
                .map(|u| u.span.slice(&doc.text))
                .unwrap();
            total += 1;
            let source = format::AnswerSource::Documents(vec![corpus
                .citation(&doc.id, &value.version)
                .unwrap()]);
            if let Some(parts) = format::answer_from_sentence(fact.answer_type, sentence, source) {
                let answer = format::render(fact.answer_type, &parts);
                if format::validate(&answer).is_ok() && answer_states(fact, &value.version, &answer)
                {
                    rendered += 1;
                } else {
                    println!(
                        "not rendered: {} {}\n{answer}\n{:?}",
                        fact.key,
                        value.version,
                        format::validate(&answer)
                    );
                }
            } else {
                println!("no detail: {} {}: {sentence}", fact.key, value.version);
            }
        }
    }
    // Extraction is best-effort; the "both" mode needs it to work for nearly every fact.
    println!("extraction rendered {rendered} of {total} fact passages");
    assert!(rendered * 20 >= total * 19, "{rendered} of {total}");
}

/// Content-word sets of one fact's questions in `split`.
fn phrasing_words(corpus: &Corpus, fact: &str, split: Split) -> Vec<BTreeSet<String>> {
    corpus
        .questions
        .iter()
        .filter(|q| q.fact == fact && q.split == split)
        .map(|q| content_words(&q.text).into_iter().collect())
        .collect()
}

/// Share of `words` that also occur in any of `others`.
fn share_in(words: &BTreeSet<String>, others: &[BTreeSet<String>]) -> f64 {
    let shared = words
        .iter()
        .filter(|w| others.iter().any(|o| o.contains(*w)))
        .count();
    shared as f64 / words.len().max(1) as f64
}

// Held-out paraphrases measure whether tuning generalises beyond the phrasings it saw, so they
// must differ from their fact's train phrasings; they may name the subject as a user would
// (and so share words with the documents), since retrieval is not what the split tests.
#[test]
fn heldout_paraphrases_differ_from_their_facts_train_phrasings() {
    let corpus = shipped();
    let (mut heldout_share, mut heldout_n, mut train_share, mut train_n) = (0.0, 0, 0.0, 0);
    for fact in &corpus.facts {
        let train = phrasing_words(&corpus, &fact.key, Split::Train);
        for (i, words) in train.iter().enumerate() {
            let others: Vec<_> = [&train[..i], &train[i + 1..]].concat();
            train_share += share_in(words, &others);
            train_n += 1;
        }
        for words in phrasing_words(&corpus, &fact.key, Split::Heldout) {
            heldout_share += share_in(&words, &train);
            heldout_n += 1;
            for t in &train {
                let jaccard = words.intersection(t).count() as f64 / words.union(t).count() as f64;
                assert!(
                    jaccard < 0.6,
                    "{}: held-out {words:?} is nearly the train phrasing {t:?}",
                    fact.key
                );
            }
        }
    }
    let (heldout, train) = (
        heldout_share / heldout_n as f64,
        train_share / train_n as f64,
    );
    println!("words shared with the fact's train phrasings: held-out {heldout:.3}, train (leave one out) {train:.3}");
    assert!(
        heldout < train * 0.6,
        "held-out {heldout:.3} vs train {train:.3}"
    );
}

#[test]
fn chunks_keep_offsets_budget_and_are_deterministic() {
    let corpus = shipped();
    for version in &corpus.versions {
        let chunks = corpus.chunks_at(&version.id);
        let ids: BTreeSet<&str> = chunks.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids.len(),
            chunks.len(),
            "chunk ids are unique within a version"
        );
        for chunk in &chunks {
            let doc = corpus.document(&chunk.doc_id, &version.id).unwrap();
            assert_eq!(chunk.span.slice(&doc.text), chunk.text);
            assert!(chunk
                .sentences
                .iter()
                .all(|s| chunk.span.start <= s.start && s.end <= chunk.span.end));
            let words = word_count(&chunk.text);
            assert!(
                words <= MAX_WORDS + 20 || chunk.sentences.len() == 1,
                "{} has {words} words",
                chunk.id
            );
        }
    }
    let mut files = fixture_files("baseline");
    let first = Corpus::parse(&files).unwrap().chunks_at("v2");
    files.reverse();
    let again = Corpus::parse(&files).unwrap().chunks_at("v2");
    assert_eq!(first, again);
    assert_eq!(shipped().chunks_at("v3"), corpus.chunks_at("v3"));
}

#[test]
fn editing_a_fact_changes_only_that_version() {
    let corpus = shipped();
    let edited = corpus
        .with_fact_value("price.pro", "v3", "$16 per user per month")
        .unwrap();
    let fact = edited.fact("price.pro").unwrap();
    let doc = edited.document("pricing", "v3").unwrap();
    assert!(doc
        .text
        .contains("The Pro plan costs $16 per user per month."));
    assert!(answer_states(fact, "v3", "It is 16 dollars a seat."));
    assert!(answer_is_stale(fact, "v3", "It is $14 a seat."));
    assert_eq!(edited.chunks_at("v2"), corpus.chunks_at("v2"));
    assert_ne!(edited.chunks_at("v3"), corpus.chunks_at("v3"));
    assert_eq!(common::gold_chunk_ids(&edited, fact, "v3").len(), 1);

    let v2_doc = &corpus.document("plan-limits", "v2").unwrap().text;
    let cut = v2_doc.replace(
        "Pro includes 100 GB of storage per user",
        "Pro includes storage",
    );
    let edit = corpus
        .with_document_text("plan-limits", "v2", &cut)
        .unwrap();
    assert_eq!(edit.broken_facts, ["limit.pro-storage"]);
    assert_eq!(
        edit.corpus.document("plan-limits", "v2").unwrap().versions,
        ["v2"]
    );
    assert_eq!(edit.corpus.chunks_at("v3"), corpus.chunks_at("v3"));
}

#[test]
fn citations_on_the_source_line_map_back_to_documents() {
    let corpus = shipped();
    let demo = corpus
        .demonstrations
        .iter()
        .find(|d| d.id == "d.price-pro-v3")
        .unwrap();
    let cited = corpus.cited_documents(&demo.answer);
    assert_eq!(cited, [("pricing".to_string(), "v3".to_string())]);
    let weights = corpus
        .demonstrations
        .iter()
        .find(|d| d.id == "d.weights-pro")
        .unwrap();
    assert!(corpus.cited_documents(&weights.answer).is_empty());
}
