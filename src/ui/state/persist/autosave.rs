//! Autosave: a change is written after a quiet time, and only when it is a change made in this
//! tab over storage as this tab left it ([`SaveLedger`]). A save still waiting is written at
//! once when the page is hidden or left, so closing the tab right after an edit keeps it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::ledger::{SaveDecision, SaveLedger};
use super::{capture, problem_lines, SaveStatus, DEBOUNCE_MS, KEY};
use crate::core::scenario;
use crate::ui::state::learner_work::LearnerWork;
use crate::ui::state::storage;
use crate::ui::state::AppStore;

/// This tab's saving: what it knows of storage, the save waiting out its quiet time, and a
/// stored copy kept from being overwritten. Provided inside [`LearnerWork`]; `Copy`.
#[derive(Clone, Copy)]
pub(crate) struct Saving {
    pub(super) ledger: StoredValue<SaveLedger>,
    pending: StoredValue<Option<i32>>,
    /// A stored copy that could be neither restored nor set aside (offered as a download).
    pub(super) held_copy: StoredValue<Option<String>>,
}

impl Saving {
    /// Nothing known of storage yet, nothing pending.
    pub(crate) fn new() -> Self {
        Self {
            ledger: StoredValue::new(SaveLedger::default()),
            pending: StoredValue::new(None),
            held_copy: StoredValue::new(None),
        }
    }

    /// True while a stored copy that could not be restored is kept to be downloaded.
    pub(crate) fn has_held_copy(&self) -> bool {
        self.held_copy.with_value(Option::is_some)
    }

    /// True while a save waits out its quiet time.
    pub(crate) fn is_pending(&self) -> bool {
        self.pending.get_value().is_some()
    }

    /// Cancels the waiting save; true when there was one.
    fn cancel_pending(&self) -> bool {
        let Some(id) = self.pending.try_update_value(Option::take).flatten() else {
            return false;
        };
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(id);
        }
        true
    }
}

impl Default for Saving {
    fn default() -> Self {
        Self::new()
    }
}

/// Saves after [`DEBOUNCE_MS`] of quiet (a later change restarts the wait).
pub(crate) fn schedule_save(store: AppStore, work: LearnerWork) {
    let Some(window) = web_sys::window() else {
        return;
    };
    work.saving.cancel_pending();
    let save = wasm_bindgen::closure::Closure::once_into_js(move || {
        work.saving.pending.set_value(None);
        save_now(store, work);
    });
    let id = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(save.unchecked_ref(), DEBOUNCE_MS)
        .ok();
    work.saving.pending.set_value(id);
}

/// Writes a waiting save now (the page is being hidden or left).
pub(crate) fn flush(store: AppStore, work: LearnerWork) {
    if work.saving.cancel_pending() {
        save_now(store, work);
    }
}

/// Saves the work now, unless nothing changed here, storage changed elsewhere since this tab
/// looked, or a stored copy is held; records the outcome in `work.saved`.
pub(crate) fn save_now(store: AppStore, work: LearnerWork) {
    save(store, work, false);
}

/// Writes this tab's work whatever storage holds (the learner chose to keep it).
pub(crate) fn save_over(store: AppStore, work: LearnerWork) {
    work.saving.cancel_pending();
    save(store, work, true);
}

fn save(store: AppStore, work: LearnerWork, over_anything: bool) {
    let Some(json) = work_json(store, work) else {
        return;
    };
    // What is written must read back: a value that would not is reported instead of stored.
    if let Err(problems) = scenario::from_json(&json) {
        work.saved.try_set(SaveStatus::Failed(format!(
            "Your latest changes were not saved: {}. Export keeps them in a file.",
            problem_lines(&problems).join("; ")
        )));
        return;
    }
    let decision = if over_anything {
        SaveDecision::Write
    } else {
        let stored_now = storage::read(KEY).ok().flatten();
        work.saving
            .ledger
            .with_value(|ledger| ledger.decide(&json, stored_now.as_deref()))
    };
    match decision {
        SaveDecision::Unchanged | SaveDecision::Held => {}
        SaveDecision::ChangedElsewhere => {
            work.saved.try_set(SaveStatus::ChangedElsewhere);
        }
        SaveDecision::Write => {
            let status = match storage::write(KEY, &json) {
                Ok(()) => {
                    work.saving.held_copy.set_value(None);
                    work.saving
                        .ledger
                        .update_value(|ledger| ledger.agree(Some(json.clone()), json));
                    SaveStatus::Saved
                }
                Err(error) => SaveStatus::Failed(error.to_string()),
            };
            work.saved.try_set(status);
        }
    }
}

/// The work as scenario JSON, or `None` while loading.
pub(super) fn work_json(store: AppStore, work: LearnerWork) -> Option<String> {
    capture(store, work).map(|s| scenario::to_json(&s))
}

/// Records that storage holds `stored` and the work in place stands for it (after a restore,
/// a clear, or taking over another tab's save): the autosave that follows writes nothing.
pub(super) fn agree(store: AppStore, work: LearnerWork, stored: Option<String>) {
    if let Some(json) = work_json(store, work) {
        work.saving
            .ledger
            .update_value(|ledger| ledger.agree(stored, json));
    }
}

/// Writes a waiting save when the page is hidden (tab switched, phone locked) or left
/// (closed, reloaded, navigated away): `pagehide` and `visibilitychange` are the last events a
/// page reliably gets, and localStorage writes synchronously within them.
pub(crate) fn flush_when_hidden(store: AppStore, work: LearnerWork) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_leave = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || flush(store, work));
    let on_visibility = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
        if hidden {
            flush(store, work);
        }
    });
    let target: &web_sys::EventTarget = window.as_ref();
    let _ = target.add_event_listener_with_callback("pagehide", on_leave.as_ref().unchecked_ref());
    if let Some(document) = window.document() {
        let _ = document.add_event_listener_with_callback(
            "visibilitychange",
            on_visibility.as_ref().unchecked_ref(),
        );
    }
    // Both listen for the page's whole life.
    on_leave.forget();
    on_visibility.forget();
}
