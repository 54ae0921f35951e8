//! The vector index: exact search is exact, HNSW is deterministic and close to it, and bad
//! input is a typed error rather than a panic or a NaN.

use rag_or_tune::core::index::{
    recall, Hit, IndexBuild, IndexError, IndexParams, NeighbourSelection, SearchMethod,
    SyntheticSpec, VectorIndex,
};

fn naive_top_k(vectors: &[Vec<f32>], query: &[f32], k: usize) -> Vec<usize> {
    let unit = |v: &[f32]| {
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        v.iter().map(|x| x / norm).collect::<Vec<f32>>()
    };
    let q = unit(query);
    let mut scored: Vec<(usize, f32)> = vectors
        .iter()
        .enumerate()
        .map(|(i, v)| (i, unit(v).iter().zip(&q).map(|(a, b)| a * b).sum()))
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    scored.into_iter().take(k).map(|s| s.0).collect()
}

fn ids(hits: &[Hit]) -> Vec<usize> {
    hits.iter().map(|h| h.id).collect()
}

#[test]
fn exact_search_matches_a_naive_scan_and_normalises_inputs() {
    let spec = SyntheticSpec::clustered(24, 3);
    // Scale the vectors: the index must normalise, so cosine ranking is unchanged.
    let vectors: Vec<Vec<f32>> = spec
        .sample(300, 0)
        .into_iter()
        .enumerate()
        .map(|(i, v)| v.into_iter().map(|x| x * (1.0 + i as f32 % 7.0)).collect())
        .collect();
    let index = VectorIndex::build(vectors.clone(), IndexParams::default()).unwrap();
    for query in spec.sample(20, 1) {
        let query: Vec<f32> = query.iter().map(|x| x * 3.0).collect();
        let hits = index.exact_search(&query, 10).unwrap();
        assert_eq!(ids(&hits), naive_top_k(&vectors, &query, 10));
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(hits
            .iter()
            .all(|h| h.score.is_finite() && h.score.abs() <= 1.0 + 1e-5));
    }
}

#[test]
fn a_stored_vector_finds_itself_first_with_score_one() {
    let vectors = SyntheticSpec::clustered(32, 8).sample(500, 0);
    let index = VectorIndex::build(vectors.clone(), IndexParams::default()).unwrap();
    for id in [0usize, 17, 499] {
        for method in [SearchMethod::Hnsw, SearchMethod::Exact] {
            let hits = index.search_with(&vectors[id], 3, method).unwrap();
            assert_eq!(hits[0].id, id, "{method:?}");
            assert!((hits[0].score - 1.0).abs() < 1e-5);
        }
    }
}

#[test]
fn hnsw_recall_at_10_is_at_least_099_on_10k_clustered_vectors() {
    let spec = SyntheticSpec::clustered(128, 101);
    let index = VectorIndex::build(spec.sample(10_000, 0), IndexParams::default()).unwrap();
    let recall = index.recall_at_k(&spec.sample(200, 1), 10).unwrap();
    assert!(recall >= 0.99, "recall@10 {recall}");
}

#[test]
fn hnsw_is_exact_on_a_corpus_sized_index() {
    let spec = SyntheticSpec::clustered(128, 5);
    let index = VectorIndex::build(spec.sample(300, 0), IndexParams::default()).unwrap();
    assert_eq!(index.recall_at_k(&spec.sample(100, 1), 10).unwrap(), 1.0);
}

#[test]
fn same_vectors_and_seed_give_identical_results() {
    let spec = SyntheticSpec::uniform(64, 2);
    let vectors = spec.sample(2_000, 0);
    let a = VectorIndex::build(vectors.clone(), IndexParams::default()).unwrap();
    let b = VectorIndex::build(vectors, IndexParams::default()).unwrap();
    for query in spec.sample(50, 1) {
        assert_eq!(
            a.hnsw_search(&query, 10).unwrap(),
            b.hnsw_search(&query, 10).unwrap()
        );
    }
}

#[test]
fn hnsw_and_exact_give_identical_scores_for_shared_hits() {
    let spec = SyntheticSpec::clustered(48, 6);
    let index = VectorIndex::build(spec.sample(1_000, 0), IndexParams::default()).unwrap();
    for query in spec.sample(20, 1) {
        let exact = index.exact_search(&query, 10).unwrap();
        let approx = index.hnsw_search(&query, 10).unwrap();
        for hit in &approx {
            if let Some(same) = exact.iter().find(|e| e.id == hit.id) {
                assert_eq!(same.score, hit.score);
            }
        }
    }
}

#[test]
fn empty_index_and_empty_requests_return_nothing() {
    let empty = VectorIndex::build(Vec::new(), IndexParams::default()).unwrap();
    assert!(empty.is_empty());
    assert_eq!(empty.dims(), 0);
    assert_eq!(empty.search(&[1.0, 2.0], 5).unwrap(), vec![]);
    assert_eq!(empty.hnsw_search(&[], 5).unwrap(), vec![]);
    assert_eq!(empty.recall_at_k(&[vec![1.0]], 10).unwrap(), 1.0);

    let index =
        VectorIndex::build(vec![vec![1.0, 0.0], vec![0.0, 1.0]], IndexParams::default()).unwrap();
    assert_eq!(index.exact_search(&[1.0, 0.0], 0).unwrap(), vec![]);
    assert_eq!(index.hnsw_search(&[1.0, 0.0], 0).unwrap(), vec![]);
}

#[test]
fn k_larger_than_the_index_returns_every_vector_once() {
    let vectors = SyntheticSpec::uniform(8, 1).sample(7, 0);
    let index = VectorIndex::build(vectors, IndexParams::default()).unwrap();
    for method in [SearchMethod::Hnsw, SearchMethod::Exact] {
        let mut found = ids(&index.search_with(&[1.0; 8], 100, method).unwrap());
        found.sort_unstable();
        assert_eq!(found, (0..7).collect::<Vec<_>>(), "{method:?}");
    }
}

#[test]
fn hnsw_returns_at_most_ef_search_hits() {
    let params = IndexParams {
        ef_search: 5,
        ..IndexParams::default()
    };
    let index = VectorIndex::build(SyntheticSpec::uniform(8, 1).sample(50, 0), params).unwrap();
    assert_eq!(index.hnsw_search(&[1.0; 8], 20).unwrap().len(), 5);
    assert_eq!(index.exact_search(&[1.0; 8], 20).unwrap().len(), 20);
}

#[test]
fn zero_vectors_score_zero_and_a_zero_query_finds_nothing() {
    let vectors = vec![
        vec![0.0, 0.0, 0.0],
        vec![1.0, 0.0, 0.0],
        vec![0.0, 2.0, 0.0],
    ];
    let index = VectorIndex::build(vectors, IndexParams::default()).unwrap();
    for method in [SearchMethod::Hnsw, SearchMethod::Exact] {
        let hits = index.search_with(&[0.0, 1.0, 0.0], 3, method).unwrap();
        assert_eq!(ids(&hits), vec![2, 0, 1], "{method:?}");
        assert_eq!(hits[1].score, 0.0);
        assert!(hits.iter().all(|h| h.score.is_finite()));
        assert_eq!(index.search_with(&[0.0; 3], 3, method).unwrap(), vec![]);
    }
    assert_eq!(index.vector(0), Some(&[0.0, 0.0, 0.0][..]));
    assert_eq!(index.vector(2), Some(&[0.0, 1.0, 0.0][..]));
}

#[test]
fn malformed_vectors_and_queries_are_typed_errors() {
    let params = IndexParams::default();
    assert_eq!(
        VectorIndex::build(vec![vec![1.0, 2.0], vec![1.0]], params).unwrap_err(),
        IndexError::DimensionMismatch {
            index: 1,
            expected: 2,
            found: 1
        }
    );
    assert_eq!(
        VectorIndex::build(vec![vec![1.0], vec![f32::NAN]], params).unwrap_err(),
        IndexError::NonFinite { index: 1 }
    );
    assert_eq!(
        VectorIndex::build(vec![vec![]], params).unwrap_err(),
        IndexError::ZeroDimensions
    );
    let bad = IndexParams {
        ef_search: 0,
        ..params
    };
    assert!(matches!(
        VectorIndex::build(vec![vec![1.0]], bad),
        Err(IndexError::InvalidParams(_))
    ));
    let index = VectorIndex::build(vec![vec![1.0, 0.0]], params).unwrap();
    assert_eq!(
        index.search(&[1.0], 1).unwrap_err(),
        IndexError::QueryDimension {
            expected: 2,
            found: 1
        }
    );
    assert_eq!(
        index.exact_search(&[f32::INFINITY, 0.0], 1).unwrap_err(),
        IndexError::QueryNonFinite
    );
    assert!(!IndexError::QueryNonFinite.to_string().is_empty());
}

#[test]
fn auto_search_scans_exactly_below_the_crossover_and_walks_the_graph_above() {
    let vectors = SyntheticSpec::uniform(8, 1).sample(100, 0);
    let small = IndexParams {
        exact_below: 101,
        ..IndexParams::default()
    };
    let large = IndexParams {
        exact_below: 100,
        ..IndexParams::default()
    };
    assert_eq!(
        VectorIndex::build(vectors.clone(), small)
            .unwrap()
            .auto_method(),
        SearchMethod::Exact
    );
    assert_eq!(
        VectorIndex::build(vectors.clone(), large)
            .unwrap()
            .auto_method(),
        SearchMethod::Hnsw
    );
    // The same vectors in four graphs of 25: walking four small graphs does not pay.
    let segmented = IndexBuild::new(vectors, large, 25).unwrap().finish();
    assert_eq!(segmented.segment_count(), 4);
    assert_eq!(segmented.auto_method(), SearchMethod::Exact);
}

#[test]
fn every_neighbour_selection_builds_a_searchable_graph() {
    let spec = SyntheticSpec::clustered(16, 4);
    let vectors = spec.sample(400, 0);
    for selection in [
        NeighbourSelection::Simple,
        NeighbourSelection::Heuristic { keep_pruned: false },
        NeighbourSelection::Heuristic { keep_pruned: true },
    ] {
        let params = IndexParams {
            selection,
            ..IndexParams::default()
        };
        let index = VectorIndex::build(vectors.clone(), params).unwrap();
        assert!(
            index.recall_at_k(&spec.sample(30, 1), 10).unwrap() >= 0.95,
            "{selection:?}"
        );
    }
}

#[test]
fn recall_counts_the_share_of_true_ids_found() {
    let hit = |id| Hit { id, score: 0.0 };
    assert_eq!(recall(&[hit(1), hit(2)], &[hit(2), hit(3)]), 0.5);
    assert_eq!(recall(&[], &[]), 1.0);
    assert_eq!(recall(&[], &[hit(1)]), 0.0);
}
