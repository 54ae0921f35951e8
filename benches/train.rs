//! Full retrain of the tuned model at the sample corpus's size, natively. The browser bar is
//! <= 500 ms per retrain and <= 50 ms per slice; wasm is typically 1.5-2x slower than native.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use rag_or_tune::core::tune::{
    build_training_set, synthetic_world, ClassifierTrainer, LabelledExample, Scope, SyntheticSpec,
    TrainConfig, TrainingSetSpec,
};
use std::hint::black_box;

fn sample_examples(facts: usize, phrasings: usize) -> Vec<LabelledExample> {
    let spec = SyntheticSpec {
        topics: facts / 6,
        facts_per_topic: 6,
        train_phrasings: phrasings,
        ..SyntheticSpec::default()
    };
    let world = synthetic_world(&spec);
    let set = TrainingSetSpec {
        version: 1,
        phrasings_per_fact: phrasings,
        scope: Scope::AllFacts,
        seed: 1,
    };
    build_training_set(&world.facts, &set)
        .expect("synthetic facts")
        .examples
}

fn full_retrain(c: &mut Criterion) {
    let mut group = c.benchmark_group("retrain");
    group.sample_size(20);
    for (facts, phrasings) in [(48, 6), (60, 6)] {
        let examples = sample_examples(facts, phrasings);
        for hidden in [0, 32, 64] {
            let config = TrainConfig {
                hidden,
                ..TrainConfig::default()
            };
            let id = BenchmarkId::new(
                format!("{}x{}_examples_{}_epochs", facts, phrasings, config.epochs),
                format!("hidden{hidden}"),
            );
            group.bench_with_input(id, &examples, |b, examples| {
                b.iter(|| {
                    let mut trainer =
                        ClassifierTrainer::new(examples, &config, None).expect("valid run");
                    trainer.train_to_end();
                    black_box(trainer.finish())
                })
            });
        }
    }
    group.finish();
}

fn one_slice(c: &mut Criterion) {
    // What the browser runs between two yields: 16 batches of 16 examples.
    let examples = sample_examples(60, 6);
    let config = TrainConfig {
        hidden: 64,
        epochs: 1000,
        ..TrainConfig::default()
    };
    let mut trainer = ClassifierTrainer::new(&examples, &config, None).expect("valid run");
    c.bench_function("slice_16_batches_hidden64", |b| {
        b.iter(|| black_box(trainer.step(16)))
    });
}

criterion_group!(benches, full_retrain, one_slice);
criterion_main!(benches);
