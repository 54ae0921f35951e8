//! The tuned model's lessons as tests that could fail: memorised wording, augmentation,
//! staleness, forgetting and replay, overconfidence on near-misses, determinism.
//! Synthetic clustered data stands in for the corpus; margins, not exact numbers.

use rag_or_tune::core::tune::{
    build_training_set, knowledge_report, synthetic_world, BehaviourHead, Classifier,
    ClassifierTrainer, KnowledgeHead, KnowledgeReport, LabelledExample, ReportSpec, Scope,
    SyntheticSpec, SyntheticWorld, TrainConfig, TrainingSetSpec, TuneError,
};

fn world() -> SyntheticWorld {
    synthetic_world(&SyntheticSpec::default())
}

fn all_phrasings() -> usize {
    SyntheticSpec::default().train_phrasings
}

fn examples(
    world: &SyntheticWorld,
    version: usize,
    phrasings: usize,
    scope: Scope,
) -> Vec<LabelledExample> {
    let spec = TrainingSetSpec {
        version,
        phrasings_per_fact: phrasings,
        scope,
        seed: 5,
    };
    build_training_set(&world.facts, &spec)
        .expect("non-empty training set")
        .examples
}

fn train(
    examples: &[LabelledExample],
    config: &TrainConfig,
    warm: Option<&Classifier>,
) -> Classifier {
    let mut trainer = ClassifierTrainer::new(examples, config, warm).expect("valid run");
    let progress = trainer.train_to_end();
    assert!(progress.finished);
    trainer.finish()
}

fn report(
    classifier: &Classifier,
    world: &SyntheticWorld,
    gold: usize,
    since: usize,
    phrasings: usize,
) -> KnowledgeReport {
    let head = KnowledgeHead::new(classifier.clone(), format!("v{since}"));
    let spec = ReportSpec {
        gold_version: gold,
        since_version: since,
        phrasings_per_fact: phrasings,
    };
    knowledge_report(&head, &world.facts, &world.near_misses, &spec).expect("report")
}

fn v1_model(world: &SyntheticWorld, phrasings: usize) -> Classifier {
    train(
        &examples(world, 1, phrasings, Scope::AllFacts),
        &TrainConfig::default(),
        None,
    )
}

#[test]
fn same_seed_gives_identical_weights_and_loss_curve() {
    let world = world();
    let data = examples(&world, 1, 3, Scope::AllFacts);
    let run = |seed| {
        let config = TrainConfig {
            seed,
            epochs: 8,
            ..TrainConfig::default()
        };
        let mut trainer = ClassifierTrainer::new(&data, &config, None).unwrap();
        trainer.train_to_end();
        (
            trainer.loss_curve().to_vec(),
            trainer.finish().model().fingerprint(),
        )
    };
    let (curve_a, print_a) = run(1);
    let (curve_b, print_b) = run(1);
    let (_, print_c) = run(2);
    assert_eq!(
        curve_a.iter().map(|l| l.to_bits()).collect::<Vec<_>>(),
        curve_b.iter().map(|l| l.to_bits()).collect::<Vec<_>>()
    );
    assert_eq!(print_a, print_b);
    assert_ne!(print_a, print_c);
}

#[test]
fn training_in_slices_equals_training_at_once() {
    let world = world();
    let data = examples(&world, 1, 2, Scope::AllFacts);
    let config = TrainConfig {
        epochs: 5,
        batch_size: 7,
        ..TrainConfig::default()
    };
    let mut at_once = ClassifierTrainer::new(&data, &config, None).unwrap();
    at_once.train_to_end();
    let mut sliced = ClassifierTrainer::new(&data, &config, None).unwrap();
    let mut slices = 0;
    loop {
        let progress = sliced.step(3);
        slices += 1;
        assert_eq!(progress.epochs_done, sliced.loss_curve().len());
        if progress.finished {
            assert_eq!(progress.batches_done, progress.batches_total);
            break;
        }
    }
    assert!(slices > 5, "the run was actually sliced ({slices} slices)");
    assert_eq!(sliced.loss_curve(), at_once.loss_curve());
    assert_eq!(
        sliced.finish().model().fingerprint(),
        at_once.finish().model().fingerprint()
    );
}

#[test]
fn loss_falls_and_capacity_zero_is_plain_softmax() {
    let world = world();
    let data = examples(&world, 1, 3, Scope::AllFacts);
    for hidden in [0, 32] {
        let config = TrainConfig {
            hidden,
            ..TrainConfig::default()
        };
        let mut trainer = ClassifierTrainer::new(&data, &config, None).unwrap();
        trainer.train_to_end();
        let curve = trainer.loss_curve();
        assert_eq!(curve.len(), config.epochs);
        assert!(
            curve[curve.len() - 1] < 0.2 * curve[0],
            "hidden {hidden}: {curve:?}"
        );
        assert_eq!(trainer.finish().model().hidden(), hidden);
    }
}

#[test]
fn trained_wording_is_recalled_better_than_new_paraphrases() {
    let world = world();
    let r = report(&v1_model(&world, 1), &world, 1, 1, 1);
    let (trained, heldout) = (r.trained_accuracy.unwrap(), r.heldout_accuracy.unwrap());
    assert!(trained >= 0.95, "trained {trained}");
    assert!(
        trained - heldout >= 0.3,
        "trained {trained} vs held-out {heldout}"
    );
}

#[test]
fn paraphrase_augmentation_closes_part_of_the_gap() {
    let world = world();
    let one = report(&v1_model(&world, 1), &world, 1, 1, 1)
        .heldout_accuracy
        .unwrap();
    let all = report(
        &v1_model(&world, all_phrasings()),
        &world,
        1,
        1,
        all_phrasings(),
    )
    .heldout_accuracy
    .unwrap();
    assert!(
        all - one >= 0.15,
        "held-out with 1 phrasing {one}, with all {all}"
    );
    assert!(all < 0.95, "a gap remains: {all}");
}

#[test]
fn facts_go_stale_when_the_corpus_changes() {
    let world = world();
    let r = report(
        &v1_model(&world, all_phrasings()),
        &world,
        2,
        1,
        all_phrasings(),
    );
    assert!(
        r.changed_accuracy.unwrap() <= 0.05,
        "a v1 model cannot know v2's answers: {r:?}"
    );
    assert!(
        r.unchanged_accuracy.unwrap() >= 0.9,
        "unchanged facts are still right: {r:?}"
    );
}

#[test]
fn training_on_changes_only_forgets_and_replay_recovers() {
    let world = world();
    let phrasings = all_phrasings();
    let v1 = v1_model(&world, phrasings);
    let before = report(&v1, &world, 2, 1, phrasings)
        .unchanged_accuracy
        .unwrap();
    let config = TrainConfig::default();
    let changes_only = train(
        &examples(&world, 2, phrasings, Scope::ChangesOnly { since: 1 }),
        &config,
        Some(&v1),
    );
    let replay_scope = Scope::ChangesWithReplay {
        since: 1,
        replay_fraction: 0.5,
    };
    let with_replay = train(
        &examples(&world, 2, phrasings, replay_scope),
        &config,
        Some(&v1),
    );
    let forgot = report(&changes_only, &world, 2, 1, phrasings);
    let replayed = report(&with_replay, &world, 2, 1, phrasings);
    assert!(forgot.changed_accuracy.unwrap() >= 0.9 && replayed.changed_accuracy.unwrap() >= 0.9);
    let drop = before - forgot.unchanged_accuracy.unwrap();
    let recovered = replayed.unchanged_accuracy.unwrap() - forgot.unchanged_accuracy.unwrap();
    assert!(
        drop >= 0.3,
        "old-fact accuracy {before} -> {:?}",
        forgot.unchanged_accuracy
    );
    assert!(
        recovered >= 0.66 * drop,
        "replay recovered {recovered} of a {drop} drop"
    );
}

#[test]
fn it_answers_near_misses_with_confidence_instead_of_abstaining() {
    let world = world();
    let r = report(
        &v1_model(&world, all_phrasings()),
        &world,
        1,
        1,
        all_phrasings(),
    );
    let near_miss = r.unanswerable_confidence.unwrap();
    let answerable = r.answerable_confidence.unwrap();
    let uniform = 1.0 / world.facts.len() as f32;
    assert!(
        near_miss >= 10.0 * uniform,
        "near-miss confidence {near_miss} vs uniform {uniform}"
    );
    assert!(
        near_miss >= 0.5 * answerable,
        "near-miss {near_miss} vs answerable {answerable}"
    );
}

#[test]
fn warm_start_grows_the_vocabulary_and_keeps_old_labels() {
    let world = world();
    let v1 = v1_model(&world, 1);
    let changes = examples(&world, 2, 1, Scope::ChangesOnly { since: 1 });
    let mut trainer = ClassifierTrainer::new(
        &changes,
        &TrainConfig {
            hidden: 7,
            epochs: 2,
            ..TrainConfig::default()
        },
        Some(&v1),
    )
    .unwrap();
    trainer.train_to_end();
    let v2 = trainer.finish();
    assert_eq!(&v2.labels()[..v1.labels().len()], v1.labels());
    assert!(v2.labels().len() > v1.labels().len());
    assert_eq!(
        v2.model().hidden(),
        v1.model().hidden(),
        "warm start keeps the width"
    );
    assert_eq!(v2.model().classes(), v2.labels().len());
}

#[test]
fn behaviour_head_learns_which_template_fits() {
    // Five answer types as five clusters of request phrasings.
    let spec = SyntheticSpec {
        topics: 5,
        facts_per_topic: 1,
        topic_weight: 0.0,
        versions: 1,
        ..SyntheticSpec::default()
    };
    let requests = synthetic_world(&spec);
    let type_name = |i: usize| format!("type{i}");
    let demonstrations: Vec<LabelledExample> = requests
        .facts
        .iter()
        .enumerate()
        .flat_map(|(i, fact)| {
            fact.train.iter().map(move |e| LabelledExample {
                embedding: e.clone(),
                label: type_name(i),
            })
        })
        .collect();
    let head = BehaviourHead::new(train(&demonstrations, &TrainConfig::default(), None));
    let mut hits = 0;
    let mut total = 0;
    for (i, fact) in requests.facts.iter().enumerate() {
        for request in &fact.heldout {
            hits += usize::from(head.choose(request).unwrap().answer_type == type_name(i));
            total += 1;
        }
    }
    let ranked = head.ranked(&requests.facts[0].heldout[0]).unwrap();
    assert_eq!(ranked.len(), 5, "every type is ranked");
    assert_eq!(
        ranked[0],
        head.choose(&requests.facts[0].heldout[0]).unwrap()
    );
    assert!(ranked
        .windows(2)
        .all(|w| w[0].confidence >= w[1].confidence));
    assert!((ranked.iter().map(|c| c.confidence).sum::<f32>() - 1.0).abs() < 1e-4);
    assert!(
        hits as f32 >= 0.8 * total as f32,
        "{hits}/{total} held-out requests got the right template"
    );
}

#[test]
fn bad_input_is_a_typed_error() {
    let world = world();
    let data = examples(&world, 1, 1, Scope::AllFacts);
    let config = TrainConfig::default();
    assert_eq!(
        ClassifierTrainer::new(&[], &config, None).err(),
        Some(TuneError::EmptyDataset)
    );
    let zero_epochs = TrainConfig {
        epochs: 0,
        ..config.clone()
    };
    assert!(matches!(
        ClassifierTrainer::new(&data, &zero_epochs, None),
        Err(TuneError::InvalidConfig(_))
    ));
    let bad_rate = TrainConfig {
        learning_rate: f32::NAN,
        ..config.clone()
    };
    assert!(matches!(
        ClassifierTrainer::new(&data, &bad_rate, None),
        Err(TuneError::InvalidConfig(_))
    ));
    let mut ragged = data.clone();
    ragged[3].embedding.pop();
    assert!(matches!(
        ClassifierTrainer::new(&ragged, &config, None),
        Err(TuneError::DimensionMismatch { .. })
    ));
    let head = KnowledgeHead::new(
        train(
            &data,
            &TrainConfig {
                epochs: 1,
                ..config
            },
            None,
        ),
        "v1",
    );
    assert!(matches!(
        head.answer(&[0.5; 3]),
        Err(TuneError::DimensionMismatch { .. })
    ));
    let spec = TrainingSetSpec {
        version: 2,
        phrasings_per_fact: 1,
        scope: Scope::ChangesWithReplay {
            since: 1,
            replay_fraction: 1.5,
        },
        seed: 1,
    };
    assert!(matches!(
        build_training_set(&world.facts, &spec),
        Err(TuneError::InvalidConfig(_))
    ));
    let spec = TrainingSetSpec {
        version: 1,
        phrasings_per_fact: 1,
        scope: Scope::ChangesOnly { since: 1 },
        seed: 1,
    };
    assert_eq!(
        build_training_set(&world.facts, &spec).err(),
        Some(TuneError::EmptyDataset),
        "nothing changed"
    );
}

#[test]
fn training_sets_follow_the_spec() {
    let world = world();
    let changed = world
        .facts
        .iter()
        .filter(|f| f.changed_between(1, 2))
        .count();
    let unchanged = world.facts.len() - changed;
    assert!(
        changed > 0 && unchanged > 0,
        "the synthetic world has both kinds"
    );
    let build = |phrasings, scope| {
        build_training_set(
            &world.facts,
            &TrainingSetSpec {
                version: 2,
                phrasings_per_fact: phrasings,
                scope,
                seed: 9,
            },
        )
        .unwrap()
    };
    let full = build(2, Scope::AllFacts);
    assert_eq!(full.examples.len(), 2 * world.facts.len());
    assert_eq!(full.counts.changed_facts, changed);
    let only = build(3, Scope::ChangesOnly { since: 1 });
    assert_eq!(only.examples.len(), 3 * changed);
    assert_eq!(only.counts.replayed_examples, 0);
    let replay = build(
        3,
        Scope::ChangesWithReplay {
            since: 1,
            replay_fraction: 0.5,
        },
    );
    assert_eq!(replay.counts.new_examples, 3 * changed);
    assert_eq!(replay.counts.replayed_examples, (3 * unchanged).div_ceil(2));
    // Every example is labelled with its fact's version-2 answer.
    let v2_values: Vec<&str> = world.facts.iter().filter_map(|f| f.value_at(2)).collect();
    assert!(replay
        .examples
        .iter()
        .all(|e| v2_values.contains(&e.label.as_str())));
    let again = build(
        3,
        Scope::ChangesWithReplay {
            since: 1,
            replay_fraction: 0.5,
        },
    );
    assert_eq!(replay, again, "the replay sample is seeded");
    let more = build(usize::MAX, Scope::AllFacts);
    assert_eq!(
        more.examples.len(),
        all_phrasings() * world.facts.len(),
        "augmentation is clamped"
    );
}
