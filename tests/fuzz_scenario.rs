//! Fuzzing the scenario importer: arbitrary text and near-valid scenarios (one value replaced,
//! removed or added, at any path) are either refused with 1 to 10 problems that each have a
//! path, or accepted within every limit and written back identically.

mod fuzz;

use proptest::prelude::*;
use proptest::sample::Index;
use rag_or_tune::core::own_documents::{QaPair, UserDocument, MAX_DOCUMENTS, MAX_PAIRS};
use rag_or_tune::core::scenario::{
    from_json, to_json, ActiveCorpus, RetrievalScenario, SampleEdit, Scenario, Toggles,
    TuningScenario, MAX_PROBLEMS, SCENARIO_FORMAT, SCENARIO_VERSION,
};
use rag_or_tune::core::workbench::{RetrievalSettings, TuneSettings};
use serde_json::Value;

fn valid() -> Scenario {
    Scenario {
        format: SCENARIO_FORMAT.into(),
        version: SCENARIO_VERSION,
        active: ActiveCorpus::Own,
        corpus_version: "v1".into(),
        edits: vec![SampleEdit {
            doc_id: "pricing".into(),
            version: "v2".into(),
            text: "The Pro plan costs $16.".into(),
        }],
        documents: vec![
            UserDocument {
                id: "handbook".into(),
                title: "Handbook \u{5e9}\u{5dc}\u{5d5}\u{5dd}".into(),
                source: "handbook.md".into(),
                text: "Leave is 27 days. \u{1f600}".into(),
            },
            UserDocument {
                id: "it".into(),
                title: "IT".into(),
                source: "pasted".into(),
                text: "Laptops last 4 years.".into(),
            },
        ],
        pairs: vec![QaPair {
            question: "How much leave?".into(),
            answer: "27 days".into(),
        }],
        retrieval: RetrievalScenario::from_settings(&RetrievalSettings::default()),
        tuning: TuningScenario::from_settings(&TuneSettings::default(), Some("v1")),
        toggles: Toggles {
            retrieval: true,
            tuned: false,
        },
        question: "How much leave?".into(),
    }
}

/// Every JSON pointer in `value`.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                pointers(v, format!("{at}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop_oneof![
            Just(0.0),
            Just(-1.0),
            Just(1.0),
            Just(0.5),
            Just(1e-40),
            Just(51.0)
        ]
        .prop_map(Value::from),
        fuzz::stressed_text(8).prop_map(Value::String),
        prop_oneof![
            Just("v1"),
            Just("v9"),
            Just("mine"),
            Just("sample"),
            Just("simple"),
            Just("replay"),
            Just(""),
            Just("pricing"),
            Just("handbook")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn check(text: &str) -> Result<(), TestCaseError> {
    match from_json(text) {
        Ok(s) => {
            prop_assert!(s.documents.len() <= MAX_DOCUMENTS && s.pairs.len() <= MAX_PAIRS);
            prop_assert!((1..=50).contains(&s.retrieval.k));
            prop_assert!(s.tuning.epochs >= 1 && s.tuning.learning_rate > 0.0);
            let json = to_json(&s);
            let again = from_json(&json);
            prop_assert!(
                again.is_ok(),
                "written scenario must read back: {:?}",
                again.err()
            );
            prop_assert_eq!(to_json(&again.unwrap()), json);
        }
        Err(problems) => {
            prop_assert!(!problems.is_empty() && problems.len() <= MAX_PROBLEMS);
            for p in &problems {
                prop_assert!(!p.path.is_empty() && !p.message.is_empty(), "{:?}", p);
            }
        }
    }
    Ok(())
}

#[derive(Clone, Debug)]
enum Mutation {
    Replace(Value),
    Remove,
    AddField(String, Value),
    DuplicateInArray,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => json_value().prop_map(Mutation::Replace),
        1 => Just(Mutation::Remove),
        1 => ("[a-z_]{1,10}", json_value()).prop_map(|(k, v)| Mutation::AddField(k, v)),
        1 => Just(Mutation::DuplicateInArray),
    ]
}

fn mutate(value: &mut Value, at: &str, m: &Mutation) {
    let (parent, last) = at.rsplit_once('/').unwrap_or(("", at));
    match m {
        Mutation::Replace(v) => {
            if let Some(slot) = value.pointer_mut(at) {
                *slot = v.clone();
            }
        }
        Mutation::Remove => match value.pointer_mut(parent) {
            Some(Value::Object(map)) => {
                map.remove(last);
            }
            Some(Value::Array(items)) => {
                if let Ok(i) = last.parse::<usize>() {
                    if i < items.len() {
                        items.remove(i);
                    }
                }
            }
            _ => {}
        },
        Mutation::AddField(k, v) => {
            if let Some(Value::Object(map)) = value.pointer_mut(at) {
                map.insert(k.clone(), v.clone());
            }
        }
        Mutation::DuplicateInArray => {
            if let Some(Value::Array(items)) = value.pointer_mut(parent) {
                if let Ok(i) = last.parse::<usize>() {
                    if let Some(item) = items.get(i).cloned() {
                        items.push(item);
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(fuzz::config(256))]

    #[test]
    fn arbitrary_text(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn stressed_text(text in fuzz::stressed_text(30)) {
        check(&text)?;
    }

    #[test]
    fn near_valid_scenarios(mutations in proptest::collection::vec((any::<Index>(), mutation()), 1..4)) {
        let mut value = serde_json::to_value(valid()).unwrap();
        for (index, m) in &mutations {
            let mut all = Vec::new();
            pointers(&value, String::new(), &mut all);
            let at = index.get(&all).clone();
            mutate(&mut value, &at, m);
        }
        check(&value.to_string())?;
        check(&serde_json::to_string_pretty(&value).unwrap())?;
    }

    #[test]
    fn nesting_at_any_depth(depth in 0usize..200, object in any::<bool>()) {
        let (open, close) = if object { ("{\"a\":", "}") } else { ("[", "]") };
        let text = format!("{}1{}", open.repeat(depth), close.repeat(depth));
        check(&text)?;
    }
}

#[test]
fn the_fuzzers_starting_point_is_valid() {
    let json = to_json(&valid());
    assert_eq!(from_json(&json).unwrap(), valid());
}
