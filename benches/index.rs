//! The vector index: build and search (HNSW and exact) on clustered synthetic 128-d vectors at
//! the sample-corpus size (200) and at 1k, 10k and 50k, plus extra search sizes to locate the
//! crossover where walking the graph beats scanning. Recall@10 of each index is printed once
//! (it is a property of the graph, not a timing). Run: `cargo bench --features offline --bench index`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode};
use rag_or_tune::core::index::{IndexParams, SearchMethod, SyntheticSpec, VectorIndex};

const DIMS: usize = 128;
const BUILD_SIZES: [usize; 4] = [200, 1_000, 10_000, 50_000];
const SEARCH_SIZES: [usize; 8] = [200, 1_000, 2_000, 3_000, 5_000, 10_000, 20_000, 50_000];
const QUERIES: usize = 100;
const K: usize = 10;

fn spec() -> SyntheticSpec {
    SyntheticSpec::clustered(DIMS, 101)
}

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("index build");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .sampling_mode(SamplingMode::Flat);
    for n in BUILD_SIZES {
        let vectors = spec().sample(n, 0);
        group.bench_with_input(BenchmarkId::new("default", n), &vectors, |b, v| {
            b.iter(|| VectorIndex::build(black_box(v.clone()), IndexParams::default()))
        });
    }
    // The library's own defaults, for comparison at the corpus size only (they are slow).
    let vectors = spec().sample(200, 0);
    group.bench_with_input(
        BenchmarkId::new("library default", 200),
        &vectors,
        |b, v| b.iter(|| VectorIndex::build(black_box(v.clone()), IndexParams::library_default(1))),
    );
    group.finish();
}

fn search(c: &mut Criterion) {
    let queries = spec().sample(QUERIES, 1);
    let mut group = c.benchmark_group("search k=10");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for n in SEARCH_SIZES {
        let index = VectorIndex::build(spec().sample(n, 0), IndexParams::default())
            .expect("synthetic vectors are valid");
        let recall = index.recall_at_k(&queries, K).expect("queries are valid");
        eprintln!("n = {n}: HNSW recall@{K} vs exact = {recall:.4} over {QUERIES} queries");
        for (name, method) in [("hnsw", SearchMethod::Hnsw), ("exact", SearchMethod::Exact)] {
            group.bench_with_input(BenchmarkId::new(name, n), &index, |b, index| {
                let mut next = queries.iter().cycle();
                b.iter(|| {
                    let query = next.next().expect("cycle never ends");
                    index.search_with(black_box(query), K, method)
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, build, search);
criterion_main!(benches);
