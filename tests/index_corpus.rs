//! The index on the real thing: the shipped model's vectors of the sample corpus, queried with
//! every evaluation question.

use rag_or_tune::core::corpus::Corpus;
use rag_or_tune::core::embed::native;
use rag_or_tune::core::index::{IndexParams, SearchMethod, VectorIndex};

#[test]
fn hnsw_matches_exact_search_on_the_sample_corpus() {
    let corpus = Corpus::load_dir(&rag_or_tune::core::corpus::default_corpus_dir())
        .expect("the shipped corpus loads");
    let model = native::load_shipped().expect("the shipped model loads");
    let chunks = corpus.chunks_at(corpus.latest());
    let texts: Vec<&str> = chunks.iter().map(|c| c.text.as_str()).collect();
    let index = VectorIndex::build(model.embed_batch(&texts), IndexParams::default())
        .expect("model vectors are valid");
    assert_eq!(index.len(), chunks.len());
    assert_eq!(index.auto_method(), SearchMethod::Exact);

    let questions: Vec<Vec<f32>> = corpus
        .questions
        .iter()
        .map(|q| q.text.as_str())
        .chain(corpus.unanswerable.iter().map(|u| u.text.as_str()))
        .map(|q| model.embed(q))
        .collect();
    assert!(questions.len() > 100);
    let recall = index
        .recall_at_k(&questions, 10)
        .expect("queries are valid");
    assert!(
        recall >= 0.99,
        "HNSW recall@10 on the sample corpus {recall}"
    );
}
