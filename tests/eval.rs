//! The evaluation engine on the shipped model and corpus: sane shares, the directions the
//! lesson rests on, edits and retraining, the timeline, and agreement with `ragtune eval`.

use rag_or_tune::core::clock::NoClock;
use rag_or_tune::core::corpus::{Category, Corpus, Fact};
use rag_or_tune::core::embed::native::load_shipped;
use rag_or_tune::core::eval::{evaluate, evaluate_versions, EvalReport, EvalSet, ModeMetrics};
use rag_or_tune::core::modes::Mode;
use rag_or_tune::core::workbench::{TrainData, TuneSettings, Workbench};
use serde_json::Value;

/// The app's start-up state: latest version, tuned on the v1 snapshot with the defaults.
fn trained() -> Workbench {
    let corpus = Corpus::load_default().expect("shipped corpus");
    let mut bench = Workbench::new(load_shipped().unwrap(), corpus, &NoClock).unwrap();
    bench.train(&TuneSettings::default(), &NoClock).unwrap();
    bench
}

fn share(value: Option<f64>, what: &str) -> f64 {
    value.unwrap_or_else(|| panic!("{what} should be measured"))
}

fn knowledge(m: &ModeMetrics) -> f64 {
    share(m.knowledge_accuracy, "knowledge accuracy")
}

fn print_summary(label: &str, report: &EvalReport) {
    for mode in Mode::ALL {
        let m = report.modes.get(mode);
        println!(
            "{label} {:5} knowledge {:?} stale {:?} format {:?} citations {:?} abstain {:?} trained {:?} heldout {:?}",
            mode.key(),
            m.knowledge_accuracy,
            m.stale_rate,
            m.format_compliance,
            m.citation_correctness,
            m.abstention_accuracy,
            m.trained_accuracy,
            m.heldout_accuracy
        );
    }
}

#[test]
fn shares_are_fractions_over_the_whole_question_set() {
    let bench = trained();
    let set = EvalSet::new(&bench);
    let report = evaluate(&bench, &set, &NoClock);
    let items = bench.corpus().eval_items();
    let answerable = items.iter().filter(|i| i.fact.is_some()).count();
    let unanswerable = items
        .iter()
        .filter(|i| i.category.expects_abstention())
        .count();
    assert_eq!(report.questions.answerable, answerable);
    assert_eq!(report.questions.unanswerable, unanswerable);
    assert_eq!(report.questions.skipped, 0);
    assert_eq!(report.version, bench.corpus().latest());
    assert_eq!(report.tuned_on.as_deref(), Some("v1"));
    let json = serde_json::to_value(&report).unwrap();
    for mode in Mode::ALL {
        let m = &json["modes"][mode.key()];
        for key in [
            "knowledge_accuracy",
            "stale_rate",
            "format_compliance",
            "abstention_accuracy",
            "trained_accuracy",
            "heldout_accuracy",
        ] {
            let v = m[key].as_f64().unwrap_or_else(|| panic!("{mode:?} {key}"));
            assert!((0.0..=1.0).contains(&v), "{mode:?} {key} = {v}");
        }
        assert!(m["latency_ms_p50"].as_f64().is_some());
        let retrieval = mode.retrieval();
        assert_eq!(m["citation_correctness"].is_null(), !retrieval, "{mode:?}");
        assert_eq!(m["recall_at_5"].is_null(), !retrieval, "{mode:?}");
        let counts = &m["counts"];
        assert_eq!(counts["knowledge"]["total"], answerable);
        assert_eq!(counts["format"]["total"], answerable + unanswerable);
        assert_eq!(counts["abstention"]["total"], unanswerable);
    }
    let trained_n = items
        .iter()
        .filter(|i| i.category == Category::Train)
        .count();
    assert_eq!(report.modes.rag.counts.trained.total, trained_n);
}

#[test]
fn the_lesson_shows_in_the_numbers_at_the_latest_version() {
    let bench = trained();
    let report = evaluate(&bench, &EvalSet::new(&bench), &NoClock);
    print_summary("latest", &report);
    let m = &report.modes;
    // The base model knows nothing of the company and says so every time.
    assert_eq!(knowledge(&m.base), 0.0);
    assert_eq!(m.base.abstention_accuracy, Some(1.0));
    assert_eq!(m.base.over_abstention_rate, Some(1.0));
    // Fine-tuning changes behaviour: the house format.
    let format = |m: &ModeMetrics| share(m.format_compliance, "format");
    assert!(
        format(&m.tuned) > format(&m.rag),
        "tuned format > rag format"
    );
    // Weights go stale where the documents changed; retrieval reads the current documents.
    let changed_stale = |m: &ModeMetrics| share(m.changed_stale_rate, "stale on changed facts");
    assert!(
        changed_stale(&m.tuned) > changed_stale(&m.rag),
        "tuned {} vs rag {}",
        changed_stale(&m.tuned),
        changed_stale(&m.rag)
    );
    assert!(share(m.tuned.changed_accuracy, "changed") < share(m.tuned.stable_accuracy, "stable"));
    // Both keeps retrieval's knowledge (within a small margin).
    assert!(knowledge(&m.both) >= knowledge(&m.rag) - 0.02);
    // Tuned recalls trained wording better than new wording.
    assert!(
        share(m.tuned.trained_accuracy, "trained") > share(m.tuned.heldout_accuracy, "heldout")
    );
    // Only retrieval modes cite, and their citations point at real gold documents sometimes.
    assert!(share(m.rag.citation_correctness, "citations") > 0.0);
    assert!(m.tuned.citation_correctness.is_none());
}

/// A fact stated identically in every version, whose passage holds a digit to change.
fn stable_numeric_fact(bench: &Workbench) -> Fact {
    bench
        .corpus()
        .facts
        .iter()
        .find(|f| {
            !f.changed()
                && f.at(bench.version()).is_some_and(|v| {
                    v.forms.iter().any(|form| {
                        form.chars().any(|c| c.is_ascii_digit())
                            && v.passage.contains(form.as_str())
                    })
                })
        })
        .expect("a stable fact with a number")
        .clone()
}

/// Rewrites the number in `fact`'s passage (each digit d becomes (d + 3) mod 10).
fn edit_fact(bench: &mut Workbench, fact: &Fact) {
    let value = fact.at(bench.version()).unwrap();
    let form = value
        .forms
        .iter()
        .find(|f| f.chars().any(|c| c.is_ascii_digit()) && value.passage.contains(f.as_str()))
        .unwrap();
    let shifted: String = form
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_digit((d + 3) % 10, 10).unwrap(),
            None => c,
        })
        .collect();
    let passage = value.passage.replace(form.as_str(), &shifted);
    let text = bench.document_text(&value.doc_id).unwrap();
    let edited = text.replace(&value.passage, &passage);
    assert_ne!(text, edited);
    assert!(bench
        .edit_document(&value.doc_id, edited, &NoClock)
        .unwrap());
}

#[test]
fn an_edit_makes_the_tuned_model_stale_until_it_is_retrained() {
    let mut bench = trained();
    let set = EvalSet::new(&bench);
    let before = evaluate(&bench, &set, &NoClock);
    let fact = stable_numeric_fact(&bench);
    let questions = set
        .items()
        .iter()
        .filter(|i| i.fact.as_deref() == Some(fact.key.as_str()))
        .count();
    edit_fact(&mut bench, &fact);
    let edited = evaluate(&bench, &set, &NoClock);
    print_summary("before", &before);
    print_summary("edited", &edited);
    assert_eq!(edited.edited_documents, 1);
    assert_eq!(
        edited.questions.changed_facts,
        before.questions.changed_facts + 1
    );
    let tuned = |r: &EvalReport| r.modes.tuned.counts.knowledge.hits;
    let rag = |r: &EvalReport| r.modes.rag.counts.knowledge.hits;
    assert!(
        tuned(&before) > tuned(&edited),
        "the tuned model still answers the old value: {} -> {}",
        tuned(&before),
        tuned(&edited)
    );
    assert!(edited.modes.tuned.counts.stale.hits > before.modes.tuned.counts.stale.hits);
    // Retrieval reads the edited passage: at most this fact's questions can move.
    assert!(
        rag(&before).abs_diff(rag(&edited)) <= questions,
        "rag moved too much"
    );
    assert!(
        rag(&edited) + 1 >= rag(&before),
        "rag should not lose the edited fact"
    );

    let retrain = TuneSettings {
        data: TrainData::Current,
        ..TuneSettings::default()
    };
    bench.train(&retrain, &NoClock).unwrap();
    let retrained = evaluate(&bench, &set, &NoClock);
    print_summary("retrained", &retrained);
    assert!(tuned(&retrained) > tuned(&edited), "retraining recovers");
    assert_eq!(retrained.modes.tuned.counts.stale.hits, 0);
}

#[test]
fn the_timeline_drops_for_the_tuned_model_and_restores_the_version() {
    let mut bench = trained();
    let set = EvalSet::new(&bench);
    let versions = bench.corpus().version_ids();
    let reports = evaluate_versions(&mut bench, &set, &versions, &NoClock).unwrap();
    assert_eq!(bench.version(), bench.corpus().latest(), "version restored");
    assert_eq!(reports.len(), versions.len());
    let tuned: Vec<f64> = reports.iter().map(|r| knowledge(&r.modes.tuned)).collect();
    let rag: Vec<f64> = reports.iter().map(|r| knowledge(&r.modes.rag)).collect();
    println!("tuned {tuned:?}\nrag   {rag:?}");
    for pair in tuned.windows(2) {
        assert!(
            pair[1] < pair[0],
            "tuned drops at each new version: {tuned:?}"
        );
    }
    let last = rag.len() - 1;
    assert!(rag[last] > rag[0] - 0.05, "retrieval stays up: {rag:?}");
    // Evaluating the restored workbench gives the same numbers as the timeline's last point.
    let again = evaluate(&bench, &set, &NoClock);
    assert_eq!(
        again.modes.rag.knowledge_accuracy,
        reports[last].modes.rag.knowledge_accuracy
    );
}

/// Every number of `json` but the measured times, flattened with its path.
fn stable_numbers(json: &Value, path: String, out: &mut Vec<(String, Value)>) {
    match json {
        Value::Object(map) => {
            for (key, value) in map {
                let timing = key.ends_with("_ms")
                    || key.starts_with("latency")
                    || key == "stages"
                    || key == "eval_ms";
                if !timing {
                    stable_numbers(value, format!("{path}.{key}"), out);
                }
            }
        }
        other => out.push((path, other.clone())),
    }
}

#[test]
fn the_cli_prints_what_the_engine_computes() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_ragtune"))
        .args(["eval", "--json"])
        .output()
        .expect("ragtune runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let cli: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let bench = trained();
    // Both sides go through the same text and parser, so numbers compare exactly.
    let report = evaluate(&bench, &EvalSet::new(&bench), &NoClock);
    let ours: Value = serde_json::from_str(&serde_json::to_string(&report).unwrap()).unwrap();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    stable_numbers(&cli, String::new(), &mut a);
    stable_numbers(&ours, String::new(), &mut b);
    assert!(a.len() > 60, "{} numbers", a.len());
    assert_eq!(a, b);

    let rag = std::process::Command::new(env!("CARGO_BIN_EXE_ragtune"))
        .args(["eval", "rag", "--json"])
        .output()
        .expect("ragtune runs");
    let rag: Value = serde_json::from_slice(&rag.stdout).expect("JSON");
    for key in [
        "knowledge_accuracy",
        "heldout_accuracy",
        "citation_correctness",
        "abstention_accuracy",
        "recall_at_5",
    ] {
        assert_eq!(rag[key], ours["modes"]["rag"][key], "{key}");
    }
}
