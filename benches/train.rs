//! Full retrain of the tuned model at the sample corpus's size, natively. The browser bar is
//! <= 500 ms per retrain and <= 50 ms per slice. Measured once with the same code built for
//! wasm32 (opt-level z, no SIMD) and run in V8: about as fast as this native build at
//! opt-level z, and with bit-identical weights.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use rag_or_tune::core::corpus::Corpus;
use rag_or_tune::core::embed::native;
use rag_or_tune::core::tune::{
    build_training_set, synthetic_world, ClassifierTrainer, LabelledExample, Scope, SyntheticSpec,
    TrainConfig, TrainingSetSpec, TuningData,
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

fn sample_corpus(c: &mut Criterion) {
    // The real thing: the shipped corpus embedded with the shipped model, all train phrasings.
    let corpus = Corpus::load_default().expect("the shipped corpus parses");
    let embedder = native::load_shipped().expect("the shipped model loads");
    let data = TuningData::from_corpus(&corpus, |text| embedder.embed(text));
    let spec = TrainingSetSpec {
        version: 1,
        phrasings_per_fact: data.max_train_phrasings(),
        scope: Scope::AllFacts,
        seed: 1,
    };
    let knowledge = build_training_set(&data.facts, &spec)
        .expect("facts at v1")
        .examples;
    let mut group = c.benchmark_group("sample_corpus");
    group.sample_size(20);
    let configs = [
        ("30_epochs_hidden32", TrainConfig::default()),
        (
            "60_epochs_hidden64",
            TrainConfig {
                epochs: 60,
                hidden: 64,
                learning_rate: 0.02,
                ..TrainConfig::default()
            },
        ),
    ];
    for (name, config) in configs {
        let id = BenchmarkId::new(format!("knowledge_{}_examples", knowledge.len()), name);
        group.bench_with_input(id, &knowledge, |b, examples| {
            b.iter(|| {
                let mut trainer =
                    ClassifierTrainer::new(examples, &config, None).expect("valid run");
                trainer.train_to_end();
                black_box(trainer.finish())
            })
        });
        let id = BenchmarkId::new(
            format!("behaviour_{}_examples", data.behaviour_train.len()),
            name,
        );
        group.bench_with_input(id, &data.behaviour_train, |b, examples| {
            b.iter(|| {
                let mut trainer =
                    ClassifierTrainer::new(examples, &config, None).expect("valid run");
                trainer.train_to_end();
                black_box(trainer.finish())
            })
        });
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

criterion_group!(benches, full_retrain, sample_corpus, one_slice);
criterion_main!(benches);
