//! Full validation of a scenario file before anything is built: every problem is collected
//! with its JSON path (the first [`super::MAX_PROBLEMS`] are reported).

use std::collections::HashMap;

use serde_json::Value;

use super::checker::Checker;

use super::{Scenario, ScenarioProblem, MAX_EDITS, MAX_QUESTION_CHARS};

/// The smallest learning rate a scenario may hold.
const MIN_LEARNING_RATE: f64 = 0.000_001;
use super::{MAX_SCENARIO_BYTES, SCENARIO_FORMAT, SCENARIO_VERSION};
use crate::core::own_documents::{
    first_too_deep, human_bytes, normalise, MAX_DOCUMENTS, MAX_FILE_BYTES,
};
use crate::core::own_documents::{MAX_JSON_DEPTH, MAX_PAIRS, MAX_PAIR_CHARS, MAX_TITLE_CHARS};
use crate::core::own_documents::{MAX_TOTAL_BYTES, USER_VERSION};

/// The path used for problems with the file as a whole.
const FILE: &str = "(file)";

fn one(path: &str, message: String) -> Vec<ScenarioProblem> {
    vec![ScenarioProblem {
        path: path.to_string(),
        message,
    }]
}

/// Validates and builds; see [`super::from_json`].
pub fn parse(text: &str) -> Result<Scenario, Vec<ScenarioProblem>> {
    if text.len() > MAX_SCENARIO_BYTES {
        return Err(one(
            FILE,
            format!(
                "the file is {}; the limit is {}",
                human_bytes(text.len()),
                human_bytes(MAX_SCENARIO_BYTES)
            ),
        ));
    }
    if text.trim().is_empty() {
        return Err(one(FILE, "the file is empty".into()));
    }
    if let Some(line) = first_too_deep(text, MAX_JSON_DEPTH) {
        return Err(one(
            FILE,
            format!("nested deeper than {MAX_JSON_DEPTH} levels at line {line}"),
        ));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        one(
            FILE,
            format!("not valid JSON at line {}, column {}", e.line(), e.column()),
        )
    })?;
    let Some(top) = value.as_object() else {
        return Err(one(FILE, "a scenario is a JSON object".into()));
    };
    match top.get("format") {
        Some(Value::String(f)) if f == SCENARIO_FORMAT => {}
        _ => {
            return Err(one(
                "format",
                format!("must be \"{SCENARIO_FORMAT}\": this is not a scenario file"),
            ))
        }
    }
    match top.get("version").and_then(Value::as_u64) {
        Some(v) if v == u64::from(SCENARIO_VERSION) => {}
        Some(v) => {
            return Err(one(
                "version",
                format!("this file is version {v}; this page reads version {SCENARIO_VERSION}"),
            ))
        }
        None => return Err(one("version", "must be a whole number".into())),
    }
    let mut c = Checker::default();
    check(&mut c, &value);
    if !c.problems.is_empty() {
        return Err(c.problems);
    }
    let mut scenario: Scenario = serde_json::from_value(value)
        .map_err(|e| one(FILE, format!("does not match the scenario format: {e}")))?;
    clean(&mut scenario);
    Ok(scenario)
}

/// Removes control, zero-width and bidi-control characters from the user's text, as the
/// importers do.
fn clean(s: &mut Scenario) {
    for d in &mut s.documents {
        d.text = normalise(&d.text);
        d.title = normalise(&d.title);
        d.source = normalise(&d.source);
    }
    for e in &mut s.edits {
        e.text = normalise(&e.text);
    }
    for p in &mut s.pairs {
        p.question = normalise(&p.question);
        p.answer = normalise(&p.answer);
    }
    s.question = normalise(&s.question);
}

fn check(c: &mut Checker, value: &Value) {
    const TOP: &[&str] = &[
        "format",
        "version",
        "active",
        "corpus_version",
        "edits",
        "documents",
        "pairs",
        "retrieval",
        "tuning",
        "toggles",
        "question",
    ];
    let Some(top) = c.object(Some(value), "", TOP) else {
        return;
    };
    c.key(top.get("active"), "active", &["sample", "mine"]);
    c.version_id(top.get("corpus_version"), "corpus_version");
    if top.get("active").and_then(Value::as_str) == Some("mine")
        && top.get("corpus_version").and_then(Value::as_str) != Some(USER_VERSION)
    {
        c.report(
            "corpus_version",
            format!("must be \"{USER_VERSION}\" when your documents are active"),
        );
    }
    check_edits(c, top.get("edits"));
    let documents = check_documents(c, top.get("documents"));
    let pairs = check_pairs(c, top.get("pairs"));
    if pairs > 0 && documents == 0 {
        c.report("pairs", "question-answer pairs need at least one document");
    }
    check_retrieval(c, top.get("retrieval"));
    check_tuning(c, top.get("tuning"));
    if let Some(t) = c.object(top.get("toggles"), "toggles", &["retrieval", "tuned"]) {
        c.boolean(t.get("retrieval"), "toggles.retrieval");
        c.boolean(t.get("tuned"), "toggles.tuned");
    }
    if let Some(Value::String(q)) = top.get("question") {
        if q.chars().count() > MAX_QUESTION_CHARS {
            c.report(
                "question",
                format!("is longer than {MAX_QUESTION_CHARS} characters"),
            );
        }
    } else {
        c.report("question", "must be a string");
    }
}

fn check_edits(c: &mut Checker, value: Option<&Value>) {
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for (i, edit) in c.array(value, "edits", MAX_EDITS).iter().enumerate() {
        let path = format!("edits[{i}]");
        let Some(e) = c.object(Some(edit), &path, &["doc_id", "version", "text"]) else {
            continue;
        };
        let doc = c.chars(e.get("doc_id"), &format!("{path}.doc_id"), 100);
        c.version_id(e.get("version"), &format!("{path}.version"));
        c.string(e.get("text"), &format!("{path}.text"), 0, MAX_FILE_BYTES);
        let version = e.get("version").and_then(Value::as_str).unwrap_or_default();
        if let Some(doc) = doc {
            let key = (doc.clone(), version.to_string());
            if let Some(first) = seen.get(&key) {
                let message =
                    format!("a second edit of \"{doc}\" at {version} (first: edits[{first}])");
                c.report(&path, message);
            } else {
                seen.insert(key, i);
            }
        }
    }
}

/// Checks the documents; returns how many there are.
fn check_documents(c: &mut Checker, value: Option<&Value>) -> usize {
    let items = c.array(value, "documents", MAX_DOCUMENTS);
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut total = 0;
    for (i, doc) in items.iter().enumerate() {
        let path = format!("documents[{i}]");
        let Some(d) = c.object(Some(doc), &path, &["id", "title", "source", "text"]) else {
            continue;
        };
        if let Some(id) = c.chars(d.get("id"), &format!("{path}.id"), 60) {
            if !id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                c.report(
                    &format!("{path}.id"),
                    "may hold only lowercase letters a-z, digits and '-'",
                );
            } else if let Some(first) = ids.get(&id) {
                let message = format!("\"{id}\" is already the id of documents[{first}]");
                c.report(&format!("{path}.id"), message);
            } else {
                ids.insert(id, i);
            }
        }
        c.chars(d.get("title"), &format!("{path}.title"), MAX_TITLE_CHARS);
        c.string(d.get("source"), &format!("{path}.source"), 0, 400);
        if let Some(text) = c.string(d.get("text"), &format!("{path}.text"), 1, MAX_FILE_BYTES) {
            total += text.len();
        }
    }
    if total > MAX_TOTAL_BYTES {
        c.report(
            "documents",
            format!(
                "the texts total {}; the limit is {}",
                human_bytes(total),
                human_bytes(MAX_TOTAL_BYTES)
            ),
        );
    }
    items.len()
}

/// Checks the pairs; returns how many there are.
/// A question asked twice is not refused: it is the learner's row, saved as typed (training
/// uses the first, see `own_documents::repeated_questions`), so a repeat never stops saving.
fn check_pairs(c: &mut Checker, value: Option<&Value>) -> usize {
    let items = c.array(value, "pairs", MAX_PAIRS);
    for (i, pair) in items.iter().enumerate() {
        let path = format!("pairs[{i}]");
        let Some(p) = c.object(Some(pair), &path, &["question", "answer"]) else {
            continue;
        };
        c.chars(
            p.get("question"),
            &format!("{path}.question"),
            MAX_PAIR_CHARS,
        );
        c.chars(p.get("answer"), &format!("{path}.answer"), MAX_PAIR_CHARS);
    }
    items.len()
}

fn check_retrieval(c: &mut Checker, value: Option<&Value>) {
    let fields = &["k", "threshold", "curated", "index"];
    let Some(r) = c.object(value, "retrieval", fields) else {
        return;
    };
    c.uint(r.get("k"), "retrieval.k", 1, 50);
    c.number(r.get("threshold"), "retrieval.threshold", -1.0, 1.0, false);
    c.boolean(r.get("curated"), "retrieval.curated");
    let fields = &[
        "ef_construction",
        "ef_search",
        "selection",
        "seed",
        "exact_below",
    ];
    let Some(ix) = c.object(r.get("index"), "retrieval.index", fields) else {
        return;
    };
    c.uint(
        ix.get("ef_construction"),
        "retrieval.index.ef_construction",
        1,
        10_000,
    );
    c.uint(ix.get("ef_search"), "retrieval.index.ef_search", 1, 10_000);
    let selections = &["simple", "heuristic", "heuristic-keep-pruned"];
    c.key(ix.get("selection"), "retrieval.index.selection", selections);
    c.uint(ix.get("seed"), "retrieval.index.seed", 0, u64::MAX);
    c.uint(
        ix.get("exact_below"),
        "retrieval.index.exact_below",
        0,
        1_000_000,
    );
}

fn check_tuning(c: &mut Checker, value: Option<&Value>) {
    let fields = &[
        "epochs",
        "learning_rate",
        "hidden",
        "seed",
        "batch_size",
        "weight_decay",
        "phrasings",
        "data",
        "scope",
        "replay_share",
        "trained_on",
    ];
    let Some(t) = c.object(value, "tuning", fields) else {
        return;
    };
    c.uint(t.get("epochs"), "tuning.epochs", 1, 1_000);
    // From a millionth: a smaller positive rate trains nothing, and one under f32's range
    // would be read as 0 (the fuzzer found 1.5e-74 accepted and stored as 0).
    c.number(
        t.get("learning_rate"),
        "tuning.learning_rate",
        MIN_LEARNING_RATE,
        10.0,
        false,
    );
    c.uint(t.get("hidden"), "tuning.hidden", 0, 1_024);
    c.uint(t.get("seed"), "tuning.seed", 0, u64::MAX);
    c.uint(t.get("batch_size"), "tuning.batch_size", 1, 1_024);
    c.number(
        t.get("weight_decay"),
        "tuning.weight_decay",
        0.0,
        1.0,
        false,
    );
    c.uint(t.get("phrasings"), "tuning.phrasings", 1, 100);
    c.key(t.get("data"), "tuning.data", &["snapshot", "current"]);
    c.key(
        t.get("scope"),
        "tuning.scope",
        &["fresh", "changes-only", "replay"],
    );
    c.number(
        t.get("replay_share"),
        "tuning.replay_share",
        0.0,
        1.0,
        false,
    );
    match t.get("trained_on") {
        None | Some(Value::Null) => {}
        other => c.version_id(other, "tuning.trained_on"),
    }
}
