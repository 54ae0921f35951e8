//! An index built a segment at a time: one graph per run of ids, searched together, as close
//! to exact as one graph, deterministic, and stepped one segment per call.

use rag_or_tune::core::index::{IndexBuild, IndexParams, SearchMethod, SyntheticSpec, VectorIndex};

fn stepped(vectors: Vec<Vec<f32>>, segment_len: usize) -> (VectorIndex, Vec<(usize, usize)>) {
    let mut build = IndexBuild::new(vectors, IndexParams::default(), segment_len).unwrap();
    let mut seen = vec![(build.segments_done(), build.segments_total())];
    while !build.finished() {
        build.step();
        seen.push((build.segments_done(), build.segments_total()));
    }
    (build.finish(), seen)
}

#[test]
fn a_build_steps_one_segment_at_a_time() {
    let vectors = SyntheticSpec::clustered(32, 5).sample(1_050, 0);
    let (index, seen) = stepped(vectors, 200);
    assert_eq!(seen.first(), Some(&(0, 6)));
    assert_eq!(seen.last(), Some(&(6, 6)));
    assert!(seen.windows(2).all(|w| w[1].0 == w[0].0 + 1));
    assert_eq!(index.segment_count(), 6);
    assert_eq!(index.len(), 1_050);
}

#[test]
fn segments_search_as_well_as_one_graph_and_find_every_id() {
    let spec = SyntheticSpec::clustered(64, 9);
    let vectors = spec.sample(3_000, 0);
    let (segmented, _) = stepped(vectors.clone(), 512);
    let whole = VectorIndex::build(vectors.clone(), IndexParams::default()).unwrap();
    assert_eq!(whole.segment_count(), 1);
    let queries = spec.sample(100, 1);
    let recall = segmented.recall_at_k(&queries, 10).unwrap();
    assert!(recall >= 0.99, "segmented recall@10 {recall}");
    // Ids are global: a vector from the last segment finds itself.
    for id in [0usize, 511, 512, 2_999] {
        let hits = segmented
            .search_with(&vectors[id], 1, SearchMethod::Hnsw)
            .unwrap();
        assert_eq!(hits[0].id, id);
    }
}

#[test]
fn the_same_vectors_and_segment_length_give_the_same_results() {
    let spec = SyntheticSpec::clustered(32, 2);
    let vectors = spec.sample(1_200, 0);
    let (a, _) = stepped(vectors.clone(), 300);
    let b = IndexBuild::new(vectors, IndexParams::default(), 300)
        .unwrap()
        .finish();
    for query in spec.sample(30, 1) {
        assert_eq!(
            a.search_with(&query, 10, SearchMethod::Hnsw).unwrap(),
            b.search_with(&query, 10, SearchMethod::Hnsw).unwrap()
        );
    }
}

#[test]
fn no_vectors_build_no_segments_and_find_nothing() {
    let (index, seen) = stepped(Vec::new(), 100);
    assert_eq!(seen, vec![(0, 0)]);
    assert!(index.is_empty());
    assert!(VectorIndex::empty(IndexParams::default()).is_empty());
    assert_eq!(index.search(&[1.0, 0.0], 3).unwrap(), Vec::new());
}

#[test]
fn bad_vectors_are_refused_before_any_segment_is_built() {
    let bad = vec![vec![1.0, 0.0], vec![f32::NAN, 1.0]];
    assert!(IndexBuild::new(bad, IndexParams::default(), 1).is_err());
}
