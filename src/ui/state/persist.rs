//! Saving the learner's work in the browser and bringing it back: autosave (debounced, and
//! flushed when the page is hidden) to localStorage under [`KEY`] as `core::scenario::to_json`,
//! restore at start-up once the sample corpus is loaded, other tabs' saves taken over or
//! settled with the learner, export / import of the same JSON, and clear. A stored value that
//! does not validate is reported and moved to [`BAD_KEY`], never silently dropped or
//! overwritten; a save that does not fit is reported, never swallowed. See
//! [`super::storage`] for why localStorage.

use leptos::prelude::*;

use super::learner_work::LearnerWork;
pub(crate) use super::save_status::SaveStatus;
use super::{AppStore, LoadState};

mod apply;
mod autosave;
mod capture;
mod ledger;
mod other_tabs;
mod restore;

use apply::clear_work;
pub(crate) use apply::{apply_scenario, clear, Keep};
pub(crate) use autosave::{save_now, save_over, Saving};
pub(crate) use capture::capture;
pub(crate) use other_tabs::{settle, Settle};

/// The localStorage key of the saved scenario.
pub(crate) const KEY: &str = "rag-or-tune/scenario";
/// The file name an export is offered under.
pub(crate) const EXPORT_NAME: &str = "rag-or-tune-scenario.json";
/// Where a stored scenario that could not be read is kept, for the learner to rescue.
pub(crate) const BAD_KEY: &str = "rag-or-tune/scenario.bad";
/// The file name a stored copy that could not be restored is offered under.
pub(crate) const HELD_NAME: &str = "rag-or-tune-scenario-unreadable.json";
/// The type saved work is downloaded as.
const JSON_MIME: &str = "application/json";
/// Quiet time after the last change before saving (ms): typing does not save per keystroke.
pub(crate) const DEBOUNCE_MS: i32 = 600;
/// How many problems an import or a restore lists.
pub(crate) const MAX_PROBLEMS: usize = 8;

/// The problems of a scenario that did not validate, as "path: message" lines.
pub(crate) fn problem_lines(problems: &[crate::core::scenario::ScenarioProblem]) -> Vec<String> {
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

/// Wires restore, autosave, the flush on hiding and other tabs' saves; call once at the root.
pub(crate) fn start(store: AppStore, work: LearnerWork) {
    let restored = work.restored;
    let started = StoredValue::new(false);
    Effect::new(move |_| {
        if started.get_value() || store.load.get() != LoadState::Ready {
            return;
        }
        started.set_value(true);
        // Autosave waits for the restore: saving the half-restored state would overwrite it.
        leptos::task::spawn_local(async move {
            restore::restore(store, work).await;
            restored.try_set(true);
        });
    });
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
        autosave::schedule_save(store, work);
    });
    autosave::flush_when_hidden(store, work);
    other_tabs::watch(store, work);
}

/// Offers the stored copy that could not be restored as a download; says what happened.
pub(crate) fn download_held_copy(work: LearnerWork) -> String {
    match work.saving.held_copy.get_value() {
        Some(text) => match super::files::download_text(HELD_NAME, &text, JSON_MIME) {
            Ok(()) => format!("Downloaded {HELD_NAME}."),
            Err(why) => why,
        },
        None => "There is no stored copy to download.".to_string(),
    }
}

/// Downloads the current work as [`EXPORT_NAME`]; says what was saved, or why not.
pub(crate) fn export_download(store: AppStore, work: LearnerWork) -> String {
    let outcome = export_json(store, work).and_then(|json| {
        super::files::download_text(EXPORT_NAME, &json, JSON_MIME).map(|()| json.len())
    });
    match outcome {
        Ok(bytes) => format!("Exported {EXPORT_NAME} ({} KB).", bytes.div_ceil(1024)),
        Err(why) => why,
    }
}

/// The current work as scenario JSON (for Export).
pub(crate) fn export_json(store: AppStore, work: LearnerWork) -> Result<String, String> {
    capture(store, work)
        .map(|s| crate::core::scenario::to_json(&s))
        .ok_or_else(|| "The app is still loading: nothing to export yet.".to_string())
}

/// Validates `text` fully and, only when it is valid, applies all of it at once. `progress`
/// hears how far the rebuild of the file's documents is.
pub(crate) async fn import_json(
    store: AppStore,
    work: LearnerWork,
    text: &str,
    progress: impl Fn(String),
) -> Result<(), Vec<String>> {
    let scenario =
        crate::core::scenario::from_json(text).map_err(|problems| problem_lines(&problems))?;
    apply_scenario(store, work, &scenario, Keep::Nothing, progress).await?;
    save_now(store, work);
    Ok(())
}
