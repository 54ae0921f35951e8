//! The tuned model's lessons on the shipped sample corpus, embedded with the shipped model:
//! the same effects the synthetic tests in `tune.rs` show must appear on the real data.
//! Margins, not exact numbers; each was measured across seeds before it was set.

use rag_or_tune::core::tune::{
    build_training_set, knowledge_report, Classifier, ClassifierTrainer, KnowledgeHead,
    KnowledgeReport, LabelledExample, ReportSpec, Scope, TrainConfig, TrainingSetSpec, TuningData,
};

fn train(
    examples: &[LabelledExample],
    config: &TrainConfig,
    warm: Option<&Classifier>,
) -> Classifier {
    let mut trainer = ClassifierTrainer::new(examples, config, warm).expect("valid run");
    trainer.train_to_end();
    trainer.finish()
}

/// A stand-in embedder for structure tests: hashed bag of lowercase words, unit length.
fn hashed_words(text: &str) -> Vec<f32> {
    let mut vector = vec![0.0f32; 64];
    for word in text
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let hash = word.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
        vector[(hash % 64) as usize] += if hash & 64 == 0 { 1.0 } else { -1.0 };
    }
    let norm = vector.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
    vector.iter().map(|x| x / norm).collect()
}

#[test]
fn the_sample_corpus_becomes_tuning_data() {
    use rag_or_tune::core::corpus::{Corpus, Split};
    let corpus = Corpus::load_default().expect("the shipped corpus parses");
    let data = TuningData::from_corpus(&corpus, hashed_words);
    assert_eq!(data.version_ids, ["v1", "v2", "v3"]);
    assert_eq!(data.version_number("v2"), Some(2));
    assert_eq!(data.facts.len(), corpus.facts.len());
    for (examples, fact) in data.facts.iter().zip(&corpus.facts) {
        assert_eq!(examples.key, fact.key);
        let count = |split| {
            corpus
                .questions
                .iter()
                .filter(|q| q.fact == fact.key && q.split == split)
                .count()
        };
        assert_eq!(examples.train.len(), count(Split::Train));
        assert_eq!(examples.heldout.len(), count(Split::Heldout));
        for (number, id) in data.version_ids.iter().enumerate() {
            assert_eq!(
                examples.value_at(number + 1),
                fact.at(id).map(|v| v.value.as_str())
            );
        }
    }
    let train_questions = corpus
        .questions
        .iter()
        .filter(|q| q.split == Split::Train)
        .count();
    assert_eq!(
        data.behaviour_train.len(),
        train_questions + corpus.demonstrations.len()
    );
    assert!(
        data.behaviour_train.iter().any(|e| e.label == "abstain"),
        "abstention demonstrations are kept"
    );
    assert_eq!(data.unanswerable.len(), corpus.unanswerable.len());
    assert!(!data.near_misses.is_empty() && data.near_misses.len() < data.unanswerable.len());
    assert!(data.max_train_phrasings() >= 2, "room for augmentation");
    // The corpus has facts that change after the snapshot, so staleness can be shown.
    assert!(data.facts.iter().any(|f| f.changed_between(1, 2)));
}

/// The shipped corpus embedded with the shipped model: the lessons must hold on real data too.
fn shipped_tuning_data() -> TuningData {
    let corpus =
        rag_or_tune::core::corpus::Corpus::load_default().expect("the shipped corpus parses");
    let embedder =
        rag_or_tune::core::embed::native::load_shipped().expect("the shipped model loads");
    TuningData::from_corpus(&corpus, |text| embedder.embed(text))
}

fn corpus_model(data: &TuningData, phrasings: usize) -> Classifier {
    let spec = TrainingSetSpec {
        version: 1,
        phrasings_per_fact: phrasings,
        scope: Scope::AllFacts,
        seed: 3,
    };
    let set = build_training_set(&data.facts, &spec).expect("facts at v1");
    train(&set.examples, &TrainConfig::default(), None)
}

fn corpus_report(
    model: &Classifier,
    data: &TuningData,
    gold: usize,
    phrasings: usize,
) -> KnowledgeReport {
    let head = KnowledgeHead::new(model.clone(), "v1");
    let spec = ReportSpec {
        gold_version: gold,
        since_version: 1,
        phrasings_per_fact: phrasings,
    };
    knowledge_report(&head, &data.facts, &data.near_misses, &spec).expect("report")
}

#[test]
fn on_the_sample_corpus_tuned_facts_are_memorised_stale_and_overconfident() {
    let data = shipped_tuning_data();
    let all = data.max_train_phrasings();
    let one = corpus_report(&corpus_model(&data, 1), &data, 1, 1);
    let model = corpus_model(&data, all);
    let full = corpus_report(&model, &data, 1, all);
    let (trained, heldout_one, heldout_all) = (
        full.trained_accuracy.unwrap(),
        one.heldout_accuracy.unwrap(),
        full.heldout_accuracy.unwrap(),
    );
    assert!(trained >= 0.95, "trained phrasings {trained}");
    // With realistic held-out paraphrases (they name the subject as users do) the gap measured
    // 0.39 at seed 3; the lesson needs a clear gap, not a particular size.
    assert!(
        trained - heldout_all >= 0.3,
        "trained {trained} vs new paraphrases {heldout_all}"
    );
    assert!(
        heldout_all - heldout_one >= 0.05,
        "augmentation: held-out {heldout_one} -> {heldout_all}"
    );
    let latest = data.version_ids.len();
    let later = corpus_report(&model, &data, latest, all);
    assert!(
        later.changed_accuracy.unwrap() <= 0.05,
        "stale on changed facts: {later:?}"
    );
    assert!(
        later.unchanged_accuracy.unwrap() >= 0.95,
        "right on stable facts: {later:?}"
    );
    let (near, answerable) = (
        full.unanswerable_confidence.unwrap(),
        full.answerable_confidence.unwrap(),
    );
    assert!(
        near >= 0.7 * answerable,
        "near-miss confidence {near} vs answerable {answerable}"
    );
}

#[test]
fn on_the_sample_corpus_changes_only_forgets_and_replay_recovers() {
    let data = shipped_tuning_data();
    let all = data.max_train_phrasings();
    let latest = data.version_ids.len();
    let v1 = corpus_model(&data, all);
    let continue_on = |scope| {
        let spec = TrainingSetSpec {
            version: latest,
            phrasings_per_fact: all,
            scope,
            seed: 3,
        };
        let set = build_training_set(&data.facts, &spec).expect("some facts changed");
        corpus_report(
            &train(&set.examples, &TrainConfig::default(), Some(&v1)),
            &data,
            latest,
            all,
        )
    };
    let forgot = continue_on(Scope::ChangesOnly { since: 1 });
    let replayed = continue_on(Scope::ChangesWithReplay {
        since: 1,
        replay_fraction: 0.5,
    });
    assert!(forgot.changed_accuracy.unwrap() >= 0.95 && replayed.changed_accuracy.unwrap() >= 0.95);
    let (after_forgetting, after_replay) = (
        forgot.unchanged_accuracy.unwrap(),
        replayed.unchanged_accuracy.unwrap(),
    );
    assert!(
        after_forgetting <= 0.3,
        "old facts after training on changes only: {after_forgetting}"
    );
    assert!(
        after_replay - after_forgetting >= 0.4,
        "replay: {after_forgetting} -> {after_replay}"
    );
}
