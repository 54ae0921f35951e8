//! The live pipeline on the shipped model and corpus: versions, edits, retrieval, tuning.

mod common;

use rag_or_tune::core::clock::NoClock;
use rag_or_tune::core::corpus::{Corpus, Quality};
use rag_or_tune::core::embed::native::load_shipped;
use rag_or_tune::core::workbench::{FactState, TrainData, TuneSettings, Workbench};

fn bench() -> Workbench {
    let corpus = Corpus::load_default().expect("shipped corpus");
    Workbench::new(load_shipped().expect("shipped model"), corpus, &NoClock).expect("index")
}

#[test]
fn starts_at_the_latest_version_with_every_chunk_indexed() {
    let bench = bench();
    assert_eq!(bench.version(), bench.corpus().latest());
    assert_eq!(bench.chunks().len(), bench.index().len());
    let all = bench.corpus().chunks_at(bench.version());
    let kept = all.iter().filter(|c| c.quality == Quality::Current).count();
    assert!(
        bench.settings().curated,
        "flagged documents are left out by default"
    );
    assert_eq!(bench.chunks().len(), kept);
    assert!(kept < all.len(), "the sample corpus has flagged documents");
}

#[test]
fn switching_curation_off_brings_the_flagged_documents_back() {
    let mut bench = bench();
    let mut settings = bench.settings();
    settings.curated = false;
    bench.set_settings(settings, &NoClock).unwrap();
    assert_eq!(
        bench.chunks().len(),
        bench.corpus().chunks_at(bench.version()).len()
    );
    assert!(bench.chunks().iter().any(|c| c.quality != Quality::Current));
}

#[test]
fn switching_versions_reindexes_that_version() {
    let mut bench = bench();
    bench.set_version("v1", &NoClock).unwrap();
    assert_eq!(bench.version(), "v1");
    assert!(bench.chunks().iter().all(|c| c.version == "v1"));
    bench.set_version("no-such-version", &NoClock).unwrap();
    assert_eq!(bench.version(), "v1");
}

#[test]
fn retrieval_finds_the_passage_stating_a_fact() {
    let bench = bench();
    let corpus = bench.corpus();
    let version = bench.version().to_string();
    let mut found = 0;
    let mut asked = 0;
    for question in corpus.questions.iter().take(40) {
        let fact = corpus.fact(&question.fact).unwrap();
        let gold = common::gold_chunk_ids(corpus, fact, &version);
        if gold.is_empty() {
            continue;
        }
        asked += 1;
        let retrieval = bench.retrieve(&question.text, &NoClock);
        if retrieval
            .hits
            .iter()
            .any(|h| gold.contains(&bench.chunks()[h.id].id))
        {
            found += 1;
        }
    }
    assert!(asked > 20);
    assert!(
        found * 10 >= asked * 6,
        "top-5 found the gold passage for {found}/{asked}"
    );
}

#[test]
fn an_edit_changes_the_indexed_text_and_the_fact_and_reset_restores_it() {
    let mut bench = bench();
    let version = bench.version().to_string();
    let fact = bench
        .corpus()
        .facts
        .iter()
        .find(|f| f.at(&version).is_some_and(|v| v.value.contains('$')))
        .expect("a price fact")
        .clone();
    let published = fact.at(&version).unwrap().clone();
    let text = bench.document_text(&published.doc_id).unwrap();
    let form = published
        .forms
        .iter()
        .find(|f| published.passage.contains(f.as_str()))
        .expect("the passage contains a form of the value")
        .clone();
    let edited_passage = published.passage.replacen(&form, "$977", 1);
    let edited = text.replacen(&published.passage, &edited_passage, 1);
    assert!(bench
        .edit_document(&published.doc_id, edited, &NoClock)
        .unwrap());
    assert!(bench.chunks().iter().any(|c| c.text.contains("$977")));
    match bench.fact_state(&fact) {
        Some(FactState::Edited(value)) => assert!(value.contains("$977"), "{value}"),
        other => panic!("expected an edited fact, got {other:?}"),
    }
    bench.reset_document(&published.doc_id, &NoClock).unwrap();
    assert!(!bench.chunks().iter().any(|c| c.text.contains("$977")));
    assert_eq!(
        bench.fact_state(&fact),
        Some(FactState::AsPublished(published.value.clone()))
    );
}

#[test]
fn tuning_on_the_snapshot_learns_the_snapshot_sentences_deterministically() {
    let mut a = bench();
    let mut b = bench();
    let settings = TuneSettings::default();
    a.train(&settings, &NoClock).unwrap();
    b.train(&settings, &NoClock).unwrap();
    let (ta, tb) = (a.tuned().unwrap(), b.tuned().unwrap());
    assert_eq!(ta.loss, tb.loss, "same seed, same data, same loss curve");
    assert_eq!(ta.version, a.corpus().snapshot);
    assert!(ta.loss.first() > ta.loss.last(), "the loss falls");
    let question = &a.corpus().questions[0];
    let fact = a.corpus().fact(&question.fact).unwrap();
    let recalled = ta
        .knowledge
        .answer(&a.embedder().embed(&question.text))
        .unwrap();
    assert_eq!(
        Some(recalled.value),
        fact.statement_at(&a.corpus().snapshot)
    );
    assert_eq!(settings.data, TrainData::Snapshot);
}
