//! Retrieval quality on the shipped model and corpus, as relations that would break if hybrid
//! ranking or the reader's abstention regressed (no evaluation figures are hard-coded).

use rag_or_tune::core::clock::NoClock;
use rag_or_tune::core::corpus::{Category, Corpus};
use rag_or_tune::core::embed::native::load_shipped;
use rag_or_tune::core::eval::RECALL_DEPTH;
use rag_or_tune::core::hybrid::Ranking;
use rag_or_tune::core::index::SearchMethod;
use rag_or_tune::core::modes::{answer, Mode, NOTHING_FOUND};
use rag_or_tune::core::workbench::{RetrievalSettings, Workbench};

fn bench() -> Workbench {
    let corpus = Corpus::load_default().expect("shipped corpus");
    Workbench::new(load_shipped().expect("shipped model"), corpus, &NoClock).expect("workbench")
}

fn with_ranking(bench: &mut Workbench, ranking: Ranking) {
    let settings = RetrievalSettings {
        ranking,
        ..bench.settings()
    };
    bench.set_settings(settings, &NoClock).unwrap();
}

/// Train phrasings whose gold document is among the top `RECALL_DEPTH` passages.
fn recalled(bench: &Workbench) -> usize {
    let version = bench.version().to_string();
    bench
        .corpus()
        .eval_items()
        .iter()
        .filter(|item| item.category == Category::Train)
        .filter(|item| {
            let Some(gold) = item.gold.iter().find(|g| g.version == version) else {
                return false;
            };
            let query = bench.embedder().embed(&item.text);
            let (hits, _) = bench.rank(&item.text, &query, RECALL_DEPTH, SearchMethod::Exact);
            hits.iter()
                .any(|h| bench.chunks()[h.id].doc_id == gold.doc_id)
        })
        .count()
}

#[test]
fn hybrid_is_the_default_and_recalls_at_least_what_dense_recalls_on_train_phrasings() {
    assert_eq!(RetrievalSettings::default().ranking, Ranking::Hybrid);
    let mut bench = bench();
    let hybrid = recalled(&bench);
    with_ranking(&mut bench, Ranking::Dense);
    let dense = recalled(&bench);
    assert!(hybrid > dense, "hybrid {hybrid} vs dense {dense}");
}

#[test]
fn hybrid_hits_keep_cosine_scores_and_report_both_ranks() {
    let mut bench = bench();
    let question = "Which plans include single sign-on?";
    let retrieval = bench.retrieve_with(question, SearchMethod::Exact, &NoClock);
    assert_eq!(retrieval.hits.len(), bench.settings().k);
    assert_eq!(retrieval.ranks.len(), retrieval.hits.len());
    for (hit, ranks) in retrieval.hits.iter().zip(&retrieval.ranks) {
        let cosine = rag_or_tune::core::embed::cosine(
            &retrieval.query,
            bench.index().vector(hit.id).unwrap(),
        );
        assert!((hit.score - cosine).abs() < 1e-5, "scores stay cosines");
        assert!(ranks.dense.is_some() || ranks.lexical.is_some());
        assert_eq!(ranks.lexical.is_some(), ranks.lexical_score > 0.0);
    }
    // HNSW and exact feed the same fusion: on the sample corpus they agree.
    let hnsw = bench.retrieve_with(question, SearchMethod::Hnsw, &NoClock);
    assert_eq!(hnsw.hits, retrieval.hits);
    with_ranking(&mut bench, Ranking::Dense);
    let dense = bench.retrieve_with(question, SearchMethod::Exact, &NoClock);
    let ranks: Vec<Option<usize>> = dense.ranks.iter().map(|r| r.dense).collect();
    let expected: Vec<Option<usize>> = (1..=dense.hits.len()).map(Some).collect();
    assert_eq!(ranks, expected);
    assert!(dense.ranks.iter().all(|r| r.lexical.is_none()));
    assert!(dense.hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn a_question_about_a_plan_that_does_not_exist_is_declined_and_named() {
    let mut bench = bench();
    // No threshold at all: only the missing name makes the reader decline.
    let settings = RetrievalSettings {
        threshold: -1.0,
        ..bench.settings()
    };
    bench.set_settings(settings, &NoClock).unwrap();
    let premise = answer(
        &bench,
        "What does the Diamond plan cost?",
        Mode::Rag,
        &NoClock,
    );
    assert!(premise.abstained, "{}", premise.text);
    assert!(premise.text.starts_with(NOTHING_FOUND), "{}", premise.text);
    assert!(premise.text.contains("Diamond"), "{}", premise.text);
    assert!(premise.citations.is_empty());
    let real = answer(&bench, "What does the Team plan cost?", Mode::Rag, &NoClock);
    assert!(!real.abstained, "{}", real.text);
    assert!(real.text.contains('$'), "{}", real.text);
}
