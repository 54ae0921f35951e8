//! Saving the learner's work in the browser and bringing it back: autosave (debounced) to
//! localStorage under [`KEY`] as `core::scenario::to_json`, restore at start-up once the sample
//! corpus is loaded, export / import of the same JSON, and clear. A stored value that does not
//! validate is reported and moved to [`BAD_KEY`], never silently dropped; a save that does not
//! fit is reported, never swallowed. See [`super::storage`] for why localStorage.

use leptos::prelude::*;

pub use super::save_status::SaveStatus;
use super::storage::{self, StoreError};
use super::workspace::Workspace;
use super::{AppStore, LoadState};

mod apply;
mod capture;

pub use apply::{apply_scenario, clear};
pub use capture::capture;

/// The localStorage key of the saved scenario.
pub const KEY: &str = "rag-or-tune/scenario";
/// The file name an export is offered under.
pub const EXPORT_NAME: &str = "rag-or-tune-scenario.json";
/// Where a stored scenario that could not be read is kept, for the learner to rescue.
pub const BAD_KEY: &str = "rag-or-tune/scenario.bad";
/// Quiet time after the last change before saving (ms): typing does not save per keystroke.
pub const DEBOUNCE_MS: i32 = 600;
/// How many problems an import or a restore lists.
pub const MAX_PROBLEMS: usize = 8;

/// The problems of a scenario that did not validate, as "path: message" lines.
pub fn problem_lines(problems: &[crate::core::scenario::ScenarioProblem]) -> Vec<String> {
    let mut lines: Vec<String> = problems
        .iter()
        .take(MAX_PROBLEMS)
        .map(|p| {
            if p.path.is_empty() {
                p.message.clone()
            } else {
                format!("{}: {}", p.path, p.message)
            }
        })
        .collect();
    if problems.len() > MAX_PROBLEMS {
        lines.push(format!("…and {} more.", problems.len() - MAX_PROBLEMS));
    }
    lines
}

/// Wires restore and autosave; call once at the root.
pub fn start(store: AppStore, work: Workspace) {
    let restored = work.restored;
    let started = StoredValue::new(false);
    Effect::new(move |_| {
        if started.get_value() || store.load.get() != LoadState::Ready {
            return;
        }
        started.set_value(true);
        // Autosave waits for the restore: saving the half-restored state would overwrite it.
        leptos::task::spawn_local(async move {
            restore(store, work).await;
            restored.try_set(true);
        });
    });
    let pending = StoredValue::new(None::<i32>);
    Effect::new(move |first: Option<()>| {
        // Everything a scenario holds: the workbench (edits, settings, version, model), the
        // learner's documents and pairs, the training settings, the toggles and the question.
        store.revision();
        work.documents.track();
        work.pairs.track();
        work.trained_pairs.track();
        work.active.track();
        work.training.settings.track();
        store.question.track();
        store.retrieval.track();
        store.tuned.track();
        if !restored.get() || first.is_none() {
            return;
        }
        schedule_save(store, work, pending);
    });
}

fn schedule_save(store: AppStore, work: Workspace, pending: StoredValue<Option<i32>>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(id) = pending.get_value() {
        window.clear_timeout_with_handle(id);
    }
    let save = wasm_bindgen::closure::Closure::once_into_js(move || {
        pending.set_value(None);
        save_now(store, work);
    });
    use wasm_bindgen::JsCast;
    let id = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(save.unchecked_ref(), DEBOUNCE_MS)
        .ok();
    pending.set_value(id);
}

/// Saves the work now and records the outcome in `work.saved`.
pub fn save_now(store: AppStore, work: Workspace) {
    let Some(scenario) = capture(store, work) else {
        return;
    };
    let json = crate::core::scenario::to_json(&scenario);
    // What is written must read back: a value that would not is reported instead of stored.
    if let Err(problems) = crate::core::scenario::from_json(&json) {
        work.saved.try_set(SaveStatus::Failed(format!(
            "Your latest changes were not saved: {}. Export keeps them in a file.",
            problem_lines(&problems).join("; ")
        )));
        return;
    }
    let status = match storage::write(KEY, &json) {
        Ok(()) => SaveStatus::Saved,
        Err(error) => SaveStatus::Failed(error.to_string()),
    };
    work.saved.try_set(status);
}

/// Brings back the stored work, if any. A value that does not validate is moved aside and
/// reported; the app then starts as shipped.
async fn restore(store: AppStore, work: Workspace) {
    let text = match storage::read(KEY) {
        Ok(Some(text)) => text,
        Ok(None) => return,
        Err(StoreError::Unavailable) => {
            work.saved
                .set(SaveStatus::Failed(StoreError::Unavailable.to_string()));
            return;
        }
        Err(error) => {
            work.notice.set(Some(format!(
                "Your saved work could not be restored: {error}"
            )));
            return;
        }
    };
    let outcome = match crate::core::scenario::from_json(&text) {
        Ok(scenario) => {
            let show = |step: String| {
                work.restoring
                    .try_set(Some(format!("Restoring your documents. {step}")));
            };
            let applied = apply_scenario(store, work, &scenario, true, show).await;
            work.restoring.try_set(None);
            applied
        }
        Err(problems) => Err(problem_lines(&problems)),
    }
    .map_err(|problems| problems.join("; "));
    match outcome {
        Ok(()) => work.saved.set(SaveStatus::Saved),
        Err(why) => {
            let kept = storage::write(BAD_KEY, &text).and_then(|()| storage::remove(KEY));
            let aside = match kept {
                Ok(()) => format!(
                    "It was kept aside under \u{201c}{BAD_KEY}\u{201d} in this browser's storage."
                ),
                Err(e) => format!("It is still stored under \u{201c}{KEY}\u{201d} ({e})."),
            };
            work.notice.set(Some(format!(
                "Your saved work could not be restored ({why}). {aside} The app starts as shipped."
            )));
        }
    }
}

/// Downloads the current work as [`EXPORT_NAME`]; says what was saved, or why not.
pub fn export_download(store: AppStore, work: Workspace) -> String {
    let outcome = export_json(store, work).and_then(|json| {
        super::files::download_text(EXPORT_NAME, &json, "application/json").map(|()| json.len())
    });
    match outcome {
        Ok(bytes) => format!("Exported {EXPORT_NAME} ({} KB).", bytes.div_ceil(1024)),
        Err(why) => why,
    }
}

/// The current work as scenario JSON (for Export).
pub fn export_json(store: AppStore, work: Workspace) -> Result<String, String> {
    capture(store, work)
        .map(|s| crate::core::scenario::to_json(&s))
        .ok_or_else(|| "The app is still loading: nothing to export yet.".to_string())
}

/// Validates `text` fully and, only when it is valid, applies all of it at once. `progress`
/// hears how far the rebuild of the file's documents is.
pub async fn import_json(
    store: AppStore,
    work: Workspace,
    text: &str,
    progress: impl Fn(String),
) -> Result<(), Vec<String>> {
    let scenario =
        crate::core::scenario::from_json(text).map_err(|problems| problem_lines(&problems))?;
    apply_scenario(store, work, &scenario, false, progress).await?;
    save_now(store, work);
    Ok(())
}
