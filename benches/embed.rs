//! The tiny embedding model: tokenise and embed one question; parse and validate the model.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use rag_or_tune::core::embed::{native, Embedder};

const QUESTION: &str = "How many days do I have to return a damaged item for a full refund?";

fn bench(c: &mut Criterion) {
    let dir = native::shipped_model_dir();
    let read = |name: &str| std::fs::read(dir.join(name)).expect("public/model is built");
    let (manifest, vocab, table) = (read("manifest.json"), read("vocab.txt"), read("model.bin"));
    let model = Embedder::from_bytes(&manifest, &vocab, &table).expect("model loads");

    c.bench_function("tokenize one question", |b| {
        b.iter(|| model.tokenizer().encode(black_box(QUESTION)))
    });
    c.bench_function("embed one question", |b| {
        b.iter(|| model.embed(black_box(QUESTION)))
    });
    let mut group = c.benchmark_group("load");
    group.sample_size(20);
    group.bench_function("parse + validate model", |b| {
        b.iter(|| Embedder::from_bytes(black_box(&manifest), black_box(&vocab), black_box(&table)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
