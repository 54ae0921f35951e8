//! The host-page API: when the app runs in an iframe it talks to the page around it with
//! `postMessage`. Out: `ready`, `resize` (content height), `stateChanged` (the URL state),
//! `tourCompleted`, `progress` (the fields of [`LearnerProgress`] beside `source` and `type`).
//! In: `setState`, validated by the same rules as a link ([`ShareState::from_query`]), and
//! `restoreProgress`, merged by [`LearnerProgress::merge`]. Messages of any other shape are
//! ignored.
//!
//! Every outgoing message is `{ source: "rag-or-tune", type, ... }`; the README documents them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[cfg(doc)]
use super::progress::LearnerProgress;
use super::progress::RestoredProgress;
use super::url_schema as url;
use super::view_id::ViewId;

/// The `source` field of every outgoing message, so a host can tell them from others.
pub(crate) const SOURCE: &str = "rag-or-tune";

/// The most keys a `setState` payload may carry; more is not a message from a real host.
const MAX_STATE_KEYS: usize = 32;

/// The longest incoming message, as JSON text, that is read at all (a `setState` with the
/// longest question a link may carry is a few KB). Larger, cyclic or too deeply nested messages
/// are ignored before anything of them reaches the app's memory.
pub const MAX_MESSAGE_CHARS: u32 = 64 * 1024;

/// One value of a `setState` payload: hosts may send `k: 7` or `k: "7"`, `rag: false` or `"0"`.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(untagged)]
pub(crate) enum HostValue {
    /// A string, used as is.
    Text(String),
    /// A number, written as the URL would spell it.
    Number(f64),
    /// A boolean, written as `1` / `0`.
    Flag(bool),
}

impl HostValue {
    /// The value as it would appear in the URL query.
    pub(crate) fn as_query_value(&self) -> String {
        match self {
            HostValue::Text(text) => text.clone(),
            HostValue::Number(n) => n.to_string(),
            HostValue::Flag(b) => if *b { "1" } else { "0" }.to_string(),
        }
    }
}

/// An incoming message as the host sends it: `{ type: "setState", state: { q: "...", k: 7 } }`
/// or `{ type: "restoreProgress", progress: { viewsVisited: [...], ... } }`.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct HostMessage {
    /// The message type; `setState` and `restoreProgress` are understood (the latter's
    /// `progress` is read by the browser side, [`RestoredProgress::from_json`]).
    #[serde(rename = "type")]
    pub(crate) kind: String,
    /// The state to set (URL keys and values, plus `view`).
    #[serde(default)]
    pub(crate) state: BTreeMap<String, HostValue>,
}

/// A command the app will carry out.
#[derive(Clone, Debug, PartialEq)]
pub enum HostCommand {
    /// Switch to `view` (if given) and apply the URL-style `pairs` (validated later against
    /// the loaded corpus, exactly like a link).
    SetState {
        /// The view to show, when the host named a known one.
        view: Option<ViewId>,
        /// The remaining key/value pairs, URL spelling.
        pairs: Vec<(String, String)>,
    },
}

impl HostMessage {
    /// The command this message asks for, or `None` when it is not one the app understands.
    pub(crate) fn command(self) -> Option<HostCommand> {
        if self.kind != "setState" || self.state.len() > MAX_STATE_KEYS {
            return None;
        }
        let mut view = None;
        let mut pairs = Vec::new();
        for (key, value) in self.state {
            let value = value.as_query_value();
            if key == url::VIEW {
                view = ViewId::from_slug(&value);
            } else {
                pairs.push((key, value));
            }
        }
        Some(HostCommand::SetState { view, pairs })
    }
}

/// An outgoing message.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub(crate) struct OutMessage {
    /// Always [`SOURCE`].
    pub(crate) source: &'static str,
    /// `ready`, `resize`, `stateChanged` or `tourCompleted` (`progress` is written by
    /// [`LearnerProgress::message_json`]).
    #[serde(rename = "type")]
    pub(crate) kind: &'static str,
    /// `resize`: the content height in CSS pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) height: Option<u32>,
    /// `stateChanged`: the state in URL spelling (`view`, `q`, `rag`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) state: Option<BTreeMap<String, String>>,
}

impl OutMessage {
    fn new(kind: &'static str) -> Self {
        Self {
            source: SOURCE,
            kind,
            height: None,
            state: None,
        }
    }

    /// The pipeline is ready and saved work restored: the app answers, and a `setState` sent
    /// now is not overwritten by the restore.
    pub(crate) fn ready() -> Self {
        Self::new("ready")
    }

    /// The content is now `height` pixels tall.
    pub(crate) fn resize(height: u32) -> Self {
        Self {
            height: Some(height),
            ..Self::new("resize")
        }
    }

    /// The shareable state changed.
    pub(crate) fn state_changed(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        Self {
            state: Some(pairs.into_iter().collect()),
            ..Self::new("stateChanged")
        }
    }

    /// The learner finished the guided tour.
    pub(crate) fn tour_completed() -> Self {
        Self::new("tourCompleted")
    }
}

/// What an incoming message asks for, once read.
#[derive(Clone, Debug, PartialEq)]
pub enum HostRequest {
    /// A command to carry out.
    Command(HostCommand),
    /// Progress an LMS kept, to merge into this browser's.
    RestoreProgress(RestoredProgress),
    /// A message of another shape (other scripts use postMessage too): ignored quietly.
    Other,
}

/// Reads a host message from its JSON text (already checked by the browser to be writable as
/// JSON). `Err` names why a message is refused outright (too long, nested too deeply); a
/// message that is merely not ours is [`HostRequest::Other`].
pub fn read_host_message(text: &str) -> Result<HostRequest, String> {
    if text.chars().count() > MAX_MESSAGE_CHARS as usize {
        return Err(format!(
            "it is longer than {MAX_MESSAGE_CHARS} characters as JSON"
        ));
    }
    let too_deep = |e: &serde_json::Error| e.to_string().contains("recursion limit");
    if text.contains("\"restoreProgress\"") {
        // Read as a value: the type is checked here, the fields by `from_json`.
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(value) if value.get("type").and_then(|t| t.as_str()) == Some("restoreProgress") => {
                return Ok(HostRequest::RestoreProgress(RestoredProgress::from_json(
                    &value["progress"],
                )));
            }
            Err(e) if too_deep(&e) => return Err("it is nested too deeply".into()),
            _ => {}
        }
    }
    match serde_json::from_str::<HostMessage>(text) {
        Ok(message) => Ok(message
            .command()
            .map_or(HostRequest::Other, HostRequest::Command)),
        Err(e) if too_deep(&e) => Err("it is nested too deeply".into()),
        Err(_) => Ok(HostRequest::Other),
    }
}

mod browser;
pub(crate) use browser::{notify_tour_completed, post_json, HostApi};

#[cfg(test)]
mod tests {
    use super::*;

    fn message(json: &str) -> Option<HostMessage> {
        serde_json::from_str(json).ok()
    }

    #[test]
    fn set_state_becomes_url_pairs_and_a_view() {
        let msg = message(
            r#"{"type":"setState","state":{"view":"map","q":"Pro price?","k":7,"rag":false}}"#,
        )
        .unwrap();
        let Some(HostCommand::SetState { view, pairs }) = msg.command() else {
            panic!("setState was not understood");
        };
        assert_eq!(view, Some(ViewId::Map));
        assert_eq!(
            pairs,
            vec![
                (url::K.to_string(), "7".to_string()),
                (url::QUESTION.to_string(), "Pro price?".to_string()),
                (url::RETRIEVAL.to_string(), "0".to_string()),
            ]
        );
    }

    #[test]
    fn other_shapes_are_ignored() {
        assert!(message(r#"{"type":"ready"}"#).unwrap().command().is_none());
        assert!(message(r#"{"state":{"q":"x"}}"#).is_none());
        assert!(message(r#"{"type":"setState","state":{"q":{"nested":1}}}"#).is_none());
        assert!(message(r#"{"type":"setState","state":[1,2]}"#).is_none());
        assert!(message("42").is_none());
        let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\":\"1\"")).collect();
        let json = format!(r#"{{"type":"setState","state":{{{}}}}}"#, many.join(","));
        assert!(message(&json).unwrap().command().is_none());
    }

    #[test]
    fn unknown_views_are_dropped_not_fatal() {
        let msg = message(r#"{"type":"setState","state":{"view":"nowhere"}}"#).unwrap();
        assert_eq!(
            msg.command(),
            Some(HostCommand::SetState {
                view: None,
                pairs: vec![]
            })
        );
    }

    #[test]
    fn outgoing_messages_have_the_documented_shape() {
        let json = serde_json::to_string(&OutMessage::resize(812)).unwrap();
        assert_eq!(
            json,
            r#"{"source":"rag-or-tune","type":"resize","height":812}"#
        );
        let json = serde_json::to_string(&OutMessage::state_changed([(
            url::VIEW.to_string(),
            "ask".to_string(),
        )]))
        .unwrap();
        assert_eq!(
            json,
            r#"{"source":"rag-or-tune","type":"stateChanged","state":{"view":"ask"}}"#
        );
        let json = serde_json::to_string(&OutMessage::ready()).unwrap();
        assert_eq!(json, r#"{"source":"rag-or-tune","type":"ready"}"#);
    }
}
