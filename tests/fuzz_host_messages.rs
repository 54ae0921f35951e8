//! Fuzzing the host-message reader (`host_api::read_host_message`, what every `postMessage`
//! from a host page goes through once the browser has written it as JSON): arbitrary text,
//! near-valid `setState` and `restoreProgress` messages and deep nesting never panic; a command
//! carries at most the allowed keys, a question read from it is cut to the one limit, over-long
//! and over-deep messages are refused or ignored, and restored progress names only real views.

mod fuzz;

use proptest::prelude::*;
use rag_or_tune::core::text::MAX_QUESTION_CHARS;
use rag_or_tune::ui::state::host_api::{
    read_host_message, HostCommand, HostRequest, MAX_MESSAGE_CHARS,
};
use rag_or_tune::ui::state::share::ShareState;
use rag_or_tune::ui::state::view_id::ViewId;
use serde_json::{json, Value};

fn versions() -> Vec<String> {
    ["v1", "v2", "v3"].map(String::from).to_vec()
}

fn check(text: &str) {
    match read_host_message(text) {
        Ok(HostRequest::Command(HostCommand::SetState { pairs, .. })) => {
            assert!(pairs.len() <= 32, "{} keys", pairs.len());
            let borrowed: Vec<(&str, &str)> = pairs
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let (state, _) = ShareState::from_query(borrowed, &versions());
            if let Some(q) = state.question {
                assert!(q.chars().count() <= MAX_QUESTION_CHARS);
            }
        }
        Ok(HostRequest::RestoreProgress(progress)) => {
            for view in &progress.views_visited {
                assert!(ViewId::from_slug(view).is_some(), "{view:?}");
            }
        }
        Ok(HostRequest::Other) => {}
        Err(why) => assert!(!why.is_empty()),
    }
}

/// A JSON value of any shape, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(|n| json!(n)),
        any::<i64>().prop_map(|n| json!(n)),
        fuzz::stressed_text(6).prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map("[a-zA-Z]{0,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A key a real host might send, or any other.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("view".to_string()),
        Just("q".to_string()),
        Just("k".to_string()),
        Just("t".to_string()),
        Just("v".to_string()),
        Just("rag".to_string()),
        Just("tuned".to_string()),
        Just("curated".to_string()),
        Just("__proto__".to_string()),
        "\\PC{0,12}",
    ]
}

fn set_state() -> impl Strategy<Value = String> {
    (
        proptest::collection::btree_map(key(), any_json(), 0..40),
        prop_oneof![Just("setState"), Just("SetState"), Just("")],
    )
        .prop_map(|(state, kind)| json!({ "type": kind, "state": state }).to_string())
}

fn restore_progress() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(any_json(), 0..20),
        any_json(),
        any_json(),
    )
        .prop_map(|(views, step, done)| {
            json!({
                "type": "restoreProgress",
                "progress": { "viewsVisited": views, "tourStepReached": step, "tourCompleted": done },
            })
            .to_string()
        })
}

proptest! {
    #![proptest_config(fuzz::config(64))]

    #[test]
    fn arbitrary_text_never_panics(text in fuzz::stressed_text(40)) {
        check(&text);
    }

    #[test]
    fn any_json_value_never_panics(value in any_json()) {
        check(&value.to_string());
    }

    #[test]
    fn near_valid_set_state_is_bounded(text in set_state()) {
        check(&text);
    }

    #[test]
    fn near_valid_restore_progress_names_only_real_views(text in restore_progress()) {
        check(&text);
    }

    #[test]
    fn deep_nesting_is_refused_not_recursed(depth in 129usize..5_000, object in any::<bool>()) {
        let (open, close) = if object { ("{\"a\":", "}") } else { ("[", "]") };
        for kind in ["setState", "restoreProgress"] {
            let text = format!(
                "{{\"type\":\"{kind}\",\"state\":{}1{}}}",
                open.repeat(depth),
                close.repeat(depth)
            );
            if text.chars().count() <= MAX_MESSAGE_CHARS as usize {
                let read = read_host_message(&text);
                prop_assert!(
                    matches!(read, Err(_) | Ok(HostRequest::Other)),
                    "depth {depth} taken as a request: {read:?}"
                );
            }
        }
    }
}

#[test]
fn a_message_over_the_size_limit_is_refused() {
    let q = "x".repeat(MAX_MESSAGE_CHARS as usize);
    let text = json!({ "type": "setState", "state": { "q": q } }).to_string();
    assert!(read_host_message(&text).is_err());
}
