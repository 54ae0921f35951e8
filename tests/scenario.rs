//! Scenario validation: every error path reports a JSON path and a reason, at most ten
//! problems, and nothing is built from an invalid file; valid files round-trip identically and
//! restore against the sample corpus.

use rag_or_tune::core::clock::NoClock;
use rag_or_tune::core::corpus::Corpus;
use rag_or_tune::core::embed::native::load_shipped;
use rag_or_tune::core::own_documents::{QaPair, UserDocument};
use rag_or_tune::core::scenario::{
    capture, from_json, restore, to_json, ActiveCorpus, RetrievalScenario, SampleEdit, Scenario,
    ScenarioProblem, Toggles, TuningScenario, UserWork, SCENARIO_FORMAT, SCENARIO_VERSION,
};
use rag_or_tune::core::workbench::{Edits, RetrievalSettings, TuneSettings, Workbench};
use serde_json::{json, Value};

fn sample_scenario() -> Scenario {
    Scenario {
        format: SCENARIO_FORMAT.into(),
        version: SCENARIO_VERSION,
        active: ActiveCorpus::Sample,
        corpus_version: "v2".into(),
        edits: vec![SampleEdit {
            doc_id: "pricing".into(),
            version: "v2".into(),
            text: "Edited pricing.".into(),
        }],
        documents: vec![UserDocument {
            id: "handbook".into(),
            title: "Handbook".into(),
            source: "handbook.md".into(),
            text: "Leave is 27 days.".into(),
        }],
        pairs: vec![QaPair {
            question: "How much leave?".into(),
            answer: "27 days".into(),
        }],
        retrieval: RetrievalScenario::from_settings(&RetrievalSettings::default()),
        tuning: TuningScenario::from_settings(&TuneSettings::default(), None),
        toggles: Toggles {
            retrieval: true,
            tuned: true,
        },
        question: "What does Pro cost?".into(),
    }
}

/// The problems for the sample scenario with `change` applied to its JSON.
fn problems_after(change: impl FnOnce(&mut Value)) -> Vec<ScenarioProblem> {
    let mut value = serde_json::to_value(sample_scenario()).unwrap();
    change(&mut value);
    from_json(&value.to_string()).expect_err("invalid")
}

fn paths(problems: &[ScenarioProblem]) -> Vec<&str> {
    problems.iter().map(|p| p.path.as_str()).collect()
}

#[test]
fn a_valid_file_round_trips_byte_for_byte() {
    let json = to_json(&sample_scenario());
    let parsed = from_json(&json).unwrap();
    assert_eq!(parsed, sample_scenario());
    assert_eq!(to_json(&parsed), json);
    assert!(json.starts_with("{\n  \"format\": \"rag-or-tune-scenario\",\n  \"version\": 1,"));
}

#[test]
fn not_json_too_deep_too_big_and_empty_are_file_problems() {
    for (text, message) in [
        ("", "the file is empty"),
        ("{\"format\": ", "not valid JSON at line 1, column 11"),
        ("[1, 2]", "a scenario is a JSON object"),
    ] {
        let problems = from_json(text).unwrap_err();
        assert_eq!(paths(&problems), ["(file)"]);
        assert_eq!(problems[0].message, message);
    }
    let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
    let problems = from_json(&deep).unwrap_err();
    assert_eq!(
        problems[0].message,
        "nested deeper than 32 levels at line 1"
    );
    let big = " ".repeat(8_000_001);
    assert!(from_json(&big).unwrap_err()[0]
        .message
        .contains("the limit is 8 MB"));
}

#[test]
fn unknown_format_and_version_stop_at_once() {
    let p = problems_after(|v| v["format"] = json!("something-else"));
    assert_eq!(paths(&p), ["format"]);
    let p = problems_after(|v| v["version"] = json!(2));
    assert_eq!(
        p[0].message,
        "this file is version 2; this page reads version 1"
    );
    let p = problems_after(|v| v["version"] = json!("1"));
    assert_eq!(paths(&p), ["version"]);
}

#[test]
fn wrong_types_and_ranges_are_reported_by_path() {
    let p = problems_after(|v| {
        v["active"] = json!("theirs");
        v["documents"][0]["text"] = json!(5);
        v["retrieval"]["k"] = json!(0);
        v["retrieval"]["threshold"] = json!(1.5);
        v["retrieval"]["index"]["selection"] = json!("random");
        v["tuning"]["learning_rate"] = json!(0);
        v["tuning"]["epochs"] = json!(-3);
        v["tuning"]["trained_on"] = json!("yesterday");
        v["toggles"]["tuned"] = json!("yes");
        v["question"] = json!(null);
    });
    assert_eq!(
        paths(&p),
        [
            "active",
            "documents[0].text",
            "retrieval.k",
            "retrieval.threshold",
            "retrieval.index.selection",
            "tuning.epochs",
            "tuning.learning_rate",
            "tuning.trained_on",
            "toggles.tuned",
            "question",
        ]
    );
    assert_eq!(p[1].message, "must be a string");
    assert_eq!(p[2].message, "must be a whole number from 1 to 50");
    assert_eq!(p[6].message, "must be a number from 0.000001 to 10");
}

#[test]
fn at_most_ten_problems_are_reported() {
    let p = problems_after(|v| {
        v["pairs"] = json!((0..30).map(|_| json!({"question": 1})).collect::<Vec<_>>());
    });
    assert_eq!(p.len(), 10);
    assert_eq!(p[0].path, "pairs[0].question");
}

#[test]
fn missing_and_unknown_fields_are_reported() {
    let p = problems_after(|v| {
        v.as_object_mut().unwrap().remove("tuning");
        v["toggles"]["colour"] = json!("red");
        v["documents"][0].as_object_mut().unwrap().remove("id");
    });
    assert_eq!(paths(&p), ["documents[0].id", "tuning", "toggles.colour"]);
    assert_eq!(p[1].message, "is missing");
    assert_eq!(p[2].message, "is not a field of this format");
}

#[test]
fn duplicates_limits_and_ids_are_checked() {
    let p = problems_after(|v| {
        let doc = v["documents"][0].clone();
        v["documents"].as_array_mut().unwrap().push(doc);
        let pair = json!({"question": "HOW MUCH LEAVE?", "answer": "x"});
        v["pairs"].as_array_mut().unwrap().push(pair);
        let edit = v["edits"][0].clone();
        v["edits"].as_array_mut().unwrap().push(edit);
    });
    // A question asked twice is the learner's row, saved as typed (training uses the first).
    assert_eq!(paths(&p), ["edits[1]", "documents[1].id"]);
    assert_eq!(
        p[1].message,
        "\"handbook\" is already the id of documents[0]"
    );
    let p = problems_after(|v| v["documents"][0]["id"] = json!("Hand Book"));
    assert!(p[0].message.contains("lowercase letters"));
    let p = problems_after(|v| v["documents"] = json!([]));
    assert_eq!(
        p[0].message,
        "question-answer pairs need at least one document"
    );
    let p = problems_after(|v| {
        v["documents"] = json!((0..201)
            .map(|i| json!({"id": format!("d{i}")}))
            .collect::<Vec<_>>());
    });
    assert_eq!(p[0].message, "has 201 entries; the limit is 200");
    let p = problems_after(|v| v["documents"][0]["text"] = json!("x".repeat(1_048_577)));
    assert!(p[0].message.contains("limit of 1 MiB"), "{}", p[0].message);
    let p = problems_after(|v| {
        v["active"] = json!("mine");
    });
    assert_eq!(
        p[0].message,
        "must be \"v1\" when your documents are active"
    );
}

#[test]
fn restoring_checks_the_scenario_against_the_sample_corpus() {
    let sample = Corpus::load_default().unwrap();
    let mut s = sample_scenario();
    s.edits[0].doc_id = "no-such-doc".into();
    s.corpus_version = "v7".into();
    let problems = restore(&s, &sample).unwrap_err();
    assert_eq!(paths(&problems), ["edits[0].doc_id", "corpus_version"]);

    let restored = restore(&sample_scenario(), &sample).unwrap();
    assert_eq!(restored.version, "v2");
    assert_eq!(restored.edits.get("pricing", "v2"), Some("Edited pricing."));
    assert_eq!(restored.sample_edits, restored.edits);
}

#[test]
fn capture_then_restore_gives_the_same_sample_workbench() {
    let corpus = Corpus::load_default().unwrap();
    let mut bench = Workbench::new(load_shipped().unwrap(), corpus.clone(), &NoClock).unwrap();
    bench.set_version("v2", &NoClock).unwrap();
    let original = corpus.document("pricing", "v2").unwrap().text.clone();
    let edited = original.replacen('$', "\u{20ac}", 1);
    bench.edit_document("pricing", edited, &NoClock).unwrap();
    let mut settings = bench.settings();
    settings.k = 3;
    settings.threshold = 0.3;
    bench.set_settings(settings, &NoClock).unwrap();
    let tuning = TuneSettings::default();
    bench.train(&tuning, &NoClock).unwrap();
    let edits: Edits = bench.edits().clone();
    let work = UserWork {
        active: ActiveCorpus::Sample,
        sample_edits: &edits,
        documents: &[],
        pairs: &[],
        tuning: &tuning,
        toggles: Toggles {
            retrieval: false,
            tuned: true,
        },
        question: "What does the Pro plan cost?",
    };
    let json = to_json(&capture(&bench, &work));
    let restored = restore(&from_json(&json).unwrap(), &corpus).unwrap();
    let again = restored
        .into_workbench(load_shipped().unwrap(), &NoClock)
        .unwrap();
    assert_eq!(again.version(), "v2");
    assert_eq!(again.settings(), bench.settings());
    assert_eq!(again.edits(), bench.edits());
    assert_eq!(
        again.tuned().unwrap().version,
        bench.tuned().unwrap().version
    );
    assert_eq!(again.tuned().unwrap().loss, bench.tuned().unwrap().loss);
}
