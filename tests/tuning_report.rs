//! The training panel's numbers on the shipped model and corpus: the tuned model goes stale on
//! changed facts, continued training on the changes only forgets old facts, replay brings most
//! of them back, and more phrasings per fact raise held-out accuracy.

use rag_or_tune::core::clock::NoClock;
use rag_or_tune::core::corpus::Corpus;
use rag_or_tune::core::embed::native::load_shipped;
use rag_or_tune::core::tune::KnowledgeReport;
use rag_or_tune::core::workbench::{TrainData, TrainScope, TuneSettings, Workbench};

fn bench() -> Workbench {
    let corpus = Corpus::load_default().expect("shipped corpus");
    Workbench::new(load_shipped().expect("shipped model"), corpus, &NoClock).expect("index")
}

/// Trains with `settings` and reports against the version the model learned.
fn train_and_report(bench: &mut Workbench, settings: &TuneSettings) -> KnowledgeReport {
    let previous = bench.tuned().map(|m| m.version.clone());
    let since = bench.report_since(settings, previous.as_deref());
    bench.train(settings, &NoClock).expect("training");
    let model = bench.tuned().expect("installed");
    bench
        .knowledge_report(model, &model.version, &since, settings.phrasings)
        .expect("report")
}

#[test]
fn statements_cover_every_fact_at_every_version_and_state_its_value() {
    let bench = bench();
    let statements = bench.fact_statements();
    let corpus = bench.corpus();
    assert_eq!(statements.len(), corpus.facts.len());
    for (fact, per_version) in corpus.facts.iter().zip(&statements) {
        assert_eq!(per_version.len(), corpus.versions.len());
        for (version, statement) in corpus.versions.iter().zip(per_version) {
            assert_eq!(statement, &fact.statement_at(&version.id), "{}", fact.key);
        }
    }
    let facts = bench.statement_facts();
    assert_eq!(facts.len(), bench.tuning_data().facts.len());
    assert_eq!(facts[0].train, bench.tuning_data().facts[0].train);
}

#[test]
fn a_snapshot_model_is_stale_on_changed_facts_and_right_on_stable_ones() {
    let mut bench = bench();
    let settings = TuneSettings::default();
    let report = train_and_report(&mut bench, &settings);
    assert_eq!(report.trained_accuracy, Some(1.0), "{report:?}");
    let model = bench.tuned().unwrap();
    let latest = bench.corpus().latest().to_string();
    let snapshot = bench.corpus().snapshot.clone();
    let now = bench
        .knowledge_report(model, &latest, &snapshot, settings.phrasings)
        .unwrap();
    assert!(now.changed_accuracy.unwrap() <= 0.05, "{now:?}");
    assert!(now.unchanged_accuracy.unwrap() >= 0.9, "{now:?}");
    assert!(bench.knowledge_report(model, "v9", &snapshot, 2).is_err());
}

#[test]
fn changes_only_forgets_old_facts_and_replay_recovers_most_of_them() {
    let fresh = TuneSettings::default();
    let continued = |scope| TuneSettings {
        data: TrainData::Current,
        scope,
        ..TuneSettings::default()
    };
    let mut old = Vec::new();
    for scope in [TrainScope::ChangesOnly, TrainScope::Replay(0.5)] {
        let mut bench = bench();
        let start = train_and_report(&mut bench, &fresh);
        bench.set_version("v2", &NoClock).unwrap();
        let settings = continued(scope);
        assert_eq!(bench.report_since(&settings, Some("v1")), "v1");
        let after = train_and_report(&mut bench, &settings);
        assert_eq!(after.changed_accuracy, Some(1.0), "{scope:?}: {after:?}");
        old.push((
            start.unchanged_accuracy.unwrap(),
            after.unchanged_accuracy.unwrap(),
        ));
    }
    let [(before, changes_only), (_, replay)] = old[..] else {
        unreachable!("two scopes were run")
    };
    assert!(
        changes_only + 0.3 < before,
        "forgetting: {before} -> {changes_only}"
    );
    let recovered = (replay - changes_only) / (before - changes_only);
    assert!(
        recovered >= 0.5,
        "replay recovered {recovered:.2} of the drop"
    );
}

#[test]
fn more_phrasings_per_fact_raise_heldout_accuracy() {
    let mut bench = bench();
    let mut heldout = |phrasings| {
        let settings = TuneSettings {
            phrasings,
            ..TuneSettings::default()
        };
        train_and_report(&mut bench, &settings)
            .heldout_accuracy
            .unwrap()
    };
    let (one, four) = (heldout(1), heldout(4));
    assert!(
        four >= one + 0.05,
        "held-out accuracy: 1 phrasing {one}, 4 phrasings {four}"
    );
}
