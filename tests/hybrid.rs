//! Hybrid ranking: fusion order, both scores reported, lexical-only and dense-only chunks.

use rag_or_tune::core::bm25::Bm25;
use rag_or_tune::core::hybrid::{hybrid_search, reciprocal_rank_fusion, HybridParams};
use rag_or_tune::core::index::{IndexParams, VectorIndex};

#[test]
fn fusion_rewards_ids_ranked_high_in_both_lists() {
    let fused = reciprocal_rank_fusion(&[vec![1, 2, 3], vec![3, 1, 4]], 60.0, 10);
    let order: Vec<usize> = fused.iter().map(|f| f.0).collect();
    assert_eq!(order, vec![1, 3, 2, 4]);
    assert!((fused[0].1 - (1.0 / 61.0 + 1.0 / 62.0)).abs() < 1e-6);
    assert_eq!(reciprocal_rank_fusion(&[vec![5, 6]], 60.0, 1).len(), 1);
    assert_eq!(reciprocal_rank_fusion(&[], 60.0, 3), vec![]);
}

/// Four chunks with handmade 3-d "embeddings": chunk 3 is lexically perfect but far in
/// vector space, chunk 0 is close in vector space but shares no word.
fn fixture() -> (VectorIndex, Bm25) {
    let texts = [
        "Money back is possible for a month.",
        "The office dog is called Biscuit.",
        "Exports run every night.",
        "Refund policy: refunds within 30 days.",
    ];
    let vectors = vec![
        vec![1.0, 0.1, 0.0],
        vec![0.0, 1.0, 0.0],
        vec![0.0, 0.0, 1.0],
        vec![0.2, 0.0, 1.0],
    ];
    (
        VectorIndex::build(vectors, IndexParams::default()).unwrap(),
        Bm25::build(&texts),
    )
}

#[test]
fn finds_chunks_by_either_signal_and_reports_both_scores() {
    let (index, lexical) = fixture();
    let params = HybridParams { depth: 2, c: 60.0 };
    let hits = hybrid_search(&index, &lexical, &[1.0, 0.0, 0.0], "refunds?", 4, params).unwrap();
    let ids: Vec<usize> = hits.iter().map(|h| h.id).collect();
    assert!(ids.contains(&0) && ids.contains(&3), "{ids:?}");
    let lexical_only = hits.iter().find(|h| h.id == 3).unwrap();
    assert_eq!(lexical_only.lexical_rank, Some(1));
    assert!(lexical_only.lexical > 0.0);
    // Its cosine is still computed although the dense top-2 did not contain it.
    assert!((lexical_only.dense - 0.2 / (1.04f32).sqrt()).abs() < 1e-5);
    let dense_top = hits.iter().find(|h| h.id == 0).unwrap();
    assert_eq!(
        (dense_top.dense_rank, dense_top.lexical_rank),
        (Some(1), None)
    );
    assert_eq!(dense_top.lexical, 0.0);
    assert!(hits.windows(2).all(|w| w[0].fused >= w[1].fused));
}

#[test]
fn a_zero_query_vector_leaves_the_lexical_ranking_and_bad_vectors_are_errors() {
    let (index, lexical) = fixture();
    let hits = hybrid_search(
        &index,
        &lexical,
        &[0.0; 3],
        "biscuit",
        3,
        HybridParams::default(),
    )
    .unwrap();
    assert_eq!(hits.iter().map(|h| h.id).collect::<Vec<_>>(), vec![1]);
    assert_eq!(hits[0].dense, 0.0);
    assert!(hybrid_search(&index, &lexical, &[1.0], "x", 3, HybridParams::default()).is_err());
    let empty = VectorIndex::build(Vec::new(), IndexParams::default()).unwrap();
    let hits = hybrid_search(
        &empty,
        &lexical,
        &[1.0, 0.0, 0.0],
        "biscuit",
        3,
        HybridParams::default(),
    )
    .unwrap();
    assert!(hits.is_empty(), "ids beyond the index are ignored");
}
