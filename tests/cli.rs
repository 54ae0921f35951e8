//! The `ragtune train` and `ragtune ask` commands, run as the built binary.

use std::process::{Command, Output};

use rag_or_tune::core::corpus::Corpus;
use serde_json::Value;

fn ragtune(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ragtune"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "ragtune failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn train(args: &[&str]) -> Value {
    let mut all = vec!["train", "--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&stdout(&ragtune(&all))).expect("JSON output")
}

fn fails_with(args: &[&str], message: &str) {
    let output = ragtune(args);
    assert_eq!(output.status.code(), Some(2), "{args:?} should fail");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(message), "{args:?}: {stderr}");
}

fn f64_at(value: &Value, pointer: &str) -> f64 {
    value
        .pointer(pointer)
        .and_then(Value::as_f64)
        .unwrap_or_else(|| panic!("{pointer} missing in {value}"))
}

#[test]
fn train_prints_the_runs_metrics_and_the_snapshot_model_is_stale_now() {
    let facts = Corpus::load_default().unwrap().facts.len() as u64;
    let run = train(&["--epochs", "40", "--phrasings", "3"]);
    assert_eq!(run["trained_on"], "v1");
    assert_eq!(run["settings"]["epochs"], 40);
    let loss = run["loss_curve"].as_array().unwrap();
    assert_eq!(loss.len(), 40);
    assert!(loss[0].as_f64() > loss[39].as_f64(), "the loss falls");
    assert_eq!(run["counts"]["unchanged_facts"], facts);
    assert_eq!(run["counts"]["new_examples"], facts * 3);
    assert!(run["counts"]["behaviour_examples"].as_u64() > Some(0));
    assert!(f64_at(&run, "/train_ms") > 0.0);
    assert_eq!(f64_at(&run, "/report/accuracy/trained_accuracy"), 1.0);
    let heldout = f64_at(&run, "/report/accuracy/heldout_accuracy");
    assert!((0.0..1.0).contains(&heldout), "held-out {heldout}");
    assert_eq!(run["against_documents"]["gold_version"], "v3");
    assert!(f64_at(&run, "/against_documents/accuracy/changed_accuracy") <= 0.05);
    assert!(f64_at(&run, "/against_documents/accuracy/old_fact_accuracy") >= 0.9);
}

#[test]
fn training_is_deterministic_for_a_seed_and_differs_across_seeds() {
    let curve = |seed: &str| train(&["--epochs", "5", "--seed", seed])["loss_curve"].clone();
    assert_eq!(curve("7"), curve("7"));
    assert_ne!(curve("7"), curve("8"));
}

#[test]
fn changes_only_continues_from_the_snapshot_model_and_forgets_old_facts() {
    let args = ["--version", "v2", "--data", "current", "--scope"];
    let changes = train(&[&args[..], &["changes"]].concat());
    assert_eq!(changes["continued_from"]["trained_on"], "v1");
    assert_eq!(changes["trained_on"], "v2");
    assert_eq!(changes["report"]["old_since"], "v1");
    assert!(changes["counts"]["changed_facts"].as_u64() > Some(0));
    assert_eq!(changes["counts"]["unchanged_facts"], 0);
    assert_eq!(changes["counts"]["replayed_examples"], 0);
    let before = f64_at(&changes, "/continued_from/report/old_fact_accuracy");
    let forgot = f64_at(&changes, "/report/accuracy/old_fact_accuracy");
    assert!(forgot + 0.3 < before, "{before} -> {forgot}");

    let replay = train(&[&args[..], &["replay", "--replay", "1"]].concat());
    assert!(replay["counts"]["replayed_examples"].as_u64() > Some(0));
    assert!(f64_at(&replay, "/report/accuracy/old_fact_accuracy") > forgot);
}

#[test]
fn train_refuses_bad_settings_with_a_message() {
    fails_with(&["train"], "add --json");
    fails_with(&["train", "--json", "--phrasings", "9"], "--phrasings");
    fails_with(&["train", "--json", "--scope", "sideways"], "--scope");
    fails_with(&["train", "--json", "--data", "tomorrow"], "--data");
    fails_with(&["train", "--json", "--lr", "fast"], "--lr");
    fails_with(&["train", "--json", "--replay", "2"], "--replay");
    fails_with(&["train", "--json", "--version", "v9"], "unknown version");
    fails_with(
        &["train", "--json", "--epochs", "0"],
        "epochs must be at least 1",
    );
    fails_with(&["train", "--json", "--bogus"], "unexpected argument");
}

#[test]
fn ask_answers_from_weights_or_with_citations_depending_on_the_mode() {
    let question = "How much is the Team plan per person?";
    let tuned = stdout(&ragtune(&["ask", question, "--mode", "tuned"]));
    assert!(tuned.contains("== Fine-tuned (tuned)"), "{tuned}");
    assert!(tuned.contains("from weights: trained on v1"), "{tuned}");
    assert!(!tuned.contains("cites:"), "{tuned}");
    assert!(!tuned.contains("(rag)"), "one mode only: {tuned}");

    let rag = stdout(&ragtune(&[
        "ask",
        "--mode",
        "rag",
        "--version",
        "v2",
        question,
    ]));
    assert!(rag.contains("documents as of v2"), "{rag}");
    assert!(rag.contains("cites: ") && rag.contains("(v2, "), "{rag}");
    assert!(!rag.contains("from weights"), "{rag}");

    let all = stdout(&ragtune(&["ask", question]));
    for key in ["(base)", "(rag)", "(tuned)", "(both)"] {
        assert!(all.contains(key), "{key} missing: {all}");
    }
}

#[test]
fn ask_refuses_a_bad_mode_or_a_missing_question() {
    fails_with(&["ask", "hello", "--mode", "oracle"], "--mode");
    fails_with(&["ask"], "usage: ragtune ask");
    fails_with(&["ask", "  "], "the question is empty");
    fails_with(&["ask", "hello", "--version", "v0"], "unknown version");
}

#[test]
fn eval_lost_accounts_for_every_answerable_question_once_and_agrees_with_eval_rag() {
    let lost: Value = serde_json::from_str(&stdout(&ragtune(&["eval", "lost", "--json"]))).unwrap();
    let rag: Value = serde_json::from_str(&stdout(&ragtune(&["eval", "rag", "--json"]))).unwrap();
    let all = &lost["styles"]["all"];
    let stage = |name: &str| {
        all[name]
            .as_u64()
            .unwrap_or_else(|| panic!("{name} in {lost}"))
    };
    let total = ["not_retrieved", "not_picked", "below_threshold", "stated"].map(stage);
    let answerable = rag["questions"]["answerable"].as_u64().unwrap();
    assert_eq!(total.iter().sum::<u64>(), answerable, "{lost}");
    // "Stated" is the reader's sentence judged alone; the eval judges the rendered answer,
    // which is that sentence for retrieval only.
    assert_eq!(
        Some(stage("stated")),
        rag["counts"]["knowledge"]["hits"].as_u64(),
        "{lost}"
    );
    fails_with(
        &["eval", "lost", "--train-on", "current"],
        "needs no tuned model",
    );
}
