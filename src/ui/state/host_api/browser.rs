//! The browser side of the host API: finds the parent window, posts the outgoing messages,
//! listens for `setState` and `restoreProgress`, and watches the content height.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use serde::Serialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::{read_host_message, HostCommand, HostRequest, OutMessage, MAX_MESSAGE_CHARS};
use crate::ui::state::learner_work::LearnerWork;
use crate::ui::state::progress::Progress;
use crate::ui::state::share::ShareState;
use crate::ui::state::url_schema as url;
use crate::ui::state::url_sync::apply;
use crate::ui::state::{AppStore, LoadState};

/// The page around the app, when it runs in a frame; `None` at the top level.
fn host_window() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok()??;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// Posts `message` to the host page (nothing happens at the top level). The target origin
/// is `*` because the app cannot know where it is embedded; the messages carry only what
/// the URL already shows.
fn post(message: &OutMessage) {
    let Some(host) = host_window() else {
        return;
    };
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    if let Ok(value) = message.serialize(&serializer) {
        let _ = host.post_message(&value, "*");
    }
}

/// Posts JSON text (the `progress` message) to the host page as an object; nothing happens at
/// the top level.
pub(crate) fn post_json(text: &str) {
    let Some(host) = host_window() else {
        return;
    };
    if let Ok(value) = js_sys::JSON::parse(text) {
        let _ = host.post_message(&value, "*");
    }
}

/// Tells the host page that the learner completed the guided tour. Safe to call anywhere;
/// does nothing when the app is not in a frame.
pub(crate) fn notify_tour_completed() {
    post(&OutMessage::tour_completed());
}

/// A host message as JSON text, checked in the browser before any of it crosses into the app:
/// the browser's `JSON.stringify` refuses cyclic and overly deep objects (an error, caught
/// here) where walking the object from wasm would recurse without end, and text over
/// [`MAX_MESSAGE_CHARS`] is not copied in. serde_json then parses with its depth limit.
fn message_text(data: &wasm_bindgen::JsValue) -> Result<String, String> {
    let text = js_sys::JSON::stringify(data)
        .map_err(|_| "it cannot be written as JSON (cyclic, or nested too deeply)".to_string())?;
    if !text.is_string() {
        return Err("it is not a JSON value".into());
    }
    if text.length() > MAX_MESSAGE_CHARS {
        return Err(format!(
            "it is longer than {MAX_MESSAGE_CHARS} characters as JSON"
        ));
    }
    text.as_string().ok_or_else(|| "it is not text".into())
}

/// How long host commands are gathered before the latest is applied.
const COMMAND_BEAT: std::time::Duration = std::time::Duration::from_millis(16);

/// Mounted once inside the router when the app runs in a frame; renders nothing.
#[component]
pub(crate) fn HostApi() -> impl IntoView {
    let Some(host) = host_window() else {
        return;
    };
    let store = AppStore::use_context();
    let work = LearnerWork::use_context();
    let progress = Progress::use_context();
    let query = use_query_map();
    let navigate = use_navigate();
    let pending = RwSignal::new(None::<HostCommand>);
    let beat_scheduled = StoredValue::new(false);
    if let Some(root) = document().document_element() {
        // Lets the stylesheet drop the full-viewport minimum height, so the height is the content's.
        let _ = root.set_attribute("data-framed", "");
    }

    Effect::new(move |sent: Option<bool>| {
        if sent == Some(true) {
            return true;
        }
        // After the restore of saved work too: a setState sent on `ready` must not be
        // overwritten by a restore that finishes later.
        let ready = work.settled(store);
        if ready {
            post(&OutMessage::ready());
        }
        ready
    });

    Effect::new(move |previous: Option<Vec<(String, String)>>| {
        let pairs: Vec<(String, String)> = query
            .get()
            .into_iter()
            .filter(|(k, _)| url::REPORTED.contains(&k.as_ref()))
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        if store.load.get() == LoadState::Ready && previous.as_ref() != Some(&pairs) {
            post(&OutMessage::state_changed(pairs.clone()));
            return pairs;
        }
        previous.unwrap_or_default()
    });

    let listener = window_event_listener(leptos::ev::message, move |event| {
        let from_host = event
            .source()
            .is_some_and(|source| js_sys::Object::is(&source, &host));
        if !from_host {
            return;
        }
        // Messages of another shape (other scripts use postMessage too) are ignored quietly;
        // cyclic, too deep and too large ones are named in the console.
        let command = match message_text(&event.data()).and_then(|text| read_host_message(&text)) {
            Ok(HostRequest::Command(command)) => command,
            Ok(HostRequest::RestoreProgress(saved)) => {
                progress.record(|p| p.merge(&saved));
                return;
            }
            Ok(HostRequest::Other) => return,
            Err(why) => {
                web_sys::console::warn_1(
                    &format!("rag-or-tune: a host message was ignored: {why}").into(),
                );
                return;
            }
        };
        {
            // A burst of commands (a host slider dragged, a host box typed in) is applied once
            // per short beat, the latest winning, instead of navigating and re-rendering each.
            pending.update_untracked(|p| *p = Some(command));
            if !beat_scheduled.get_value() {
                beat_scheduled.set_value(true);
                set_timeout(
                    move || {
                        beat_scheduled.set_value(false);
                        pending.notify();
                    },
                    COMMAND_BEAT,
                );
            }
        }
    });
    on_cleanup(move || listener.remove());

    Effect::new(move |_| {
        if !work.settled(store) {
            return;
        }
        let Some(HostCommand::SetState { view, pairs }) = pending.get() else {
            return;
        };
        pending.set(None);
        let versions = store
            .with_untracked(|b| b.corpus().version_ids())
            .unwrap_or_default();
        let (state, _ignored) = ShareState::from_query(
            pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            &versions,
        );
        apply(store, &state);
        if let Some(view) = view {
            let mut params = query.get_untracked();
            params.replace(url::VIEW, view.slug().to_string());
            for (key, value) in state.to_pairs() {
                params.replace(key, value);
            }
            navigate(&params.to_query_string(), url::query_write(false));
        }
    });

    watch_height();
}

/// Reports the content height whenever it changes (a `ResizeObserver` on the body).
fn watch_height() {
    let Some(body) = document().body() else {
        return;
    };
    let last = StoredValue::new(0u32);
    let measured = body.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil().max(0.0) as u32;
        if height != last.get_value() {
            last.set_value(height);
            post(&OutMessage::resize(height));
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
        // Kept observing for the page's lifetime, like the callback below.
        std::mem::forget(observer);
    }
    // The observer holds the callback for the page's lifetime (the shell never unmounts).
    callback.forget();
}
