//! A full evaluation (all four modes over every evaluation question, judged) on the shipped
//! model and corpus, as the trade-off chart recomputes it after every change. The browser bar
//! is <= 100 ms; the browser figure itself is measured by the view's timing on the page.

use criterion::{criterion_group, criterion_main, Criterion};
use rag_or_tune::core::clock::NoClock;
use rag_or_tune::core::corpus::Corpus;
use rag_or_tune::core::embed::native;
use rag_or_tune::core::eval::{evaluate, EvalSet};
use rag_or_tune::core::workbench::{TuneSettings, Workbench};
use std::hint::black_box;

fn full_eval(c: &mut Criterion) {
    let corpus = Corpus::load_default().expect("shipped corpus");
    let embedder = native::load_shipped().expect("shipped model");
    let mut bench = Workbench::new(embedder, corpus, &NoClock).expect("index");
    bench
        .train(&TuneSettings::default(), &NoClock)
        .expect("training");
    let set = EvalSet::new(&bench);
    let mut group = c.benchmark_group("eval");
    group.sample_size(20);
    group.bench_function("all_modes_all_questions", |b| {
        b.iter(|| black_box(evaluate(&bench, &set, &NoClock)))
    });
    group.bench_function("prepare_eval_set", |b| {
        b.iter(|| black_box(EvalSet::new(&bench)))
    });
    group.finish();
}

criterion_group!(benches, full_eval);
criterion_main!(benches);
