//! Two tabs of one browser share one saved work. Each tab hears the other's saves (the
//! `storage` event, fired in every other tab of the origin) and takes them over when it has
//! nothing unsaved, so both show the same documents, pairs, edits and model; each keeps its own
//! question and toggles. When both changed, nothing is overwritten: the page says so and the
//! learner keeps both (documents and pairs merged as sets), the other tab's work, or this one's.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::autosave::{agree, save_over, work_json};
use super::{apply_scenario, capture, clear_work, problem_lines, Keep, SaveStatus, KEY};
use crate::core::scenario::{self, merge_work};
use crate::ui::state::learner_work::LearnerWork;
use crate::ui::state::storage;
use crate::ui::state::AppStore;

/// Listens for saves made in other tabs; call once at the root.
pub(crate) fn watch(store: AppStore, work: LearnerWork) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_storage = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(
        move |event: web_sys::Event| {
            let Ok(event) = event.dyn_into::<web_sys::StorageEvent>() else {
                return;
            };
            // No key: the other tab cleared all of this origin's storage.
            if event.key().is_some_and(|key| key != KEY) {
                return;
            }
            stored_elsewhere(store, work);
        },
    );
    let target: &web_sys::EventTarget = window.as_ref();
    let _ = target.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    // Listens for the page's whole life.
    on_storage.forget();
}

/// Another tab stored (or removed) the work: take it over, or say both changed.
fn stored_elsewhere(store: AppStore, work: LearnerWork) {
    if !work.restored.get_untracked() || work.restoring.get_untracked().is_some() {
        // The start-up restore reads storage itself; a rebuild under way would race.
        return;
    }
    let stored = storage::read(KEY).ok().flatten();
    let ledger = work.saving.ledger;
    if ledger.with_value(|l| l.knows(stored.as_deref()) || l.is_held()) {
        return;
    }
    // A run under way is work on its way: taking the other tab's work over would cancel it.
    let unsaved = work.saving.is_pending()
        || work.runs_going()
        || work_json(store, work).is_some_and(|json| ledger.with_value(|l| l.has_unsaved(&json)));
    if unsaved {
        work.saved.set(SaveStatus::ChangedElsewhere);
        return;
    }
    leptos::task::spawn_local(async move {
        if let Err(why) = take_over(store, work, stored).await {
            work.notice.try_set(Some(why));
        }
    });
}

/// Puts in place the work another tab stored (`None`: it cleared it), keeping this tab's
/// question and toggles.
async fn take_over(
    store: AppStore,
    work: LearnerWork,
    stored: Option<String>,
) -> Result<(), String> {
    let Some(text) = stored else {
        clear_work(store, work)?;
        agree(store, work, None);
        work.saved.set(SaveStatus::Nothing);
        work.notice.set(Some(
            "Your work was cleared in another tab of this browser, so it is cleared here too."
                .to_string(),
        ));
        return Ok(());
    };
    let from_other = scenario::from_json(&text).map_err(|problems| {
        format!(
            "Another tab stored work that cannot be read ({}); this tab keeps its own.",
            problem_lines(&problems).join("; ")
        )
    })?;
    let show = |step: String| {
        work.restoring.try_set(Some(format!(
            "Bringing in the work saved in another tab. {step}"
        )));
    };
    let applied = apply_scenario(store, work, &from_other, Keep::QuestionAndToggles, show).await;
    work.restoring.try_set(None);
    applied.map_err(|problems| problems.join("; "))?;
    agree(store, work, Some(text));
    work.saved.set(SaveStatus::Saved);
    Ok(())
}

/// How the learner settles work changed in two tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Settle {
    /// This tab's work plus the other tab's documents and pairs.
    KeepBoth,
    /// The other tab's work, as stored.
    TakeTheirs,
    /// This tab's work, over the other's.
    KeepMine,
}

/// Settles a [`SaveStatus::ChangedElsewhere`] as the learner chose; the outcome is said in
/// `work.saved` and, for a merge, in `work.notice`.
pub(crate) fn settle(store: AppStore, work: LearnerWork, choice: Settle) {
    let stored = storage::read(KEY).ok().flatten();
    match choice {
        Settle::KeepMine => save_over(store, work),
        Settle::TakeTheirs => leptos::task::spawn_local(async move {
            if let Err(why) = take_over(store, work, stored).await {
                work.saved.try_set(SaveStatus::Failed(why));
            }
        }),
        Settle::KeepBoth => leptos::task::spawn_local(async move {
            if let Err(why) = keep_both(store, work, stored).await {
                work.saved.try_set(SaveStatus::Failed(why));
            }
        }),
    }
}

async fn keep_both(
    store: AppStore,
    work: LearnerWork,
    stored: Option<String>,
) -> Result<(), String> {
    let mine = capture(store, work).ok_or("The app is still loading.")?;
    let theirs = match stored.as_deref().map(scenario::from_json) {
        // Cleared or unreadable there: nothing of theirs to add.
        None | Some(Err(_)) => {
            save_over(store, work);
            return Ok(());
        }
        Some(Ok(theirs)) => theirs,
    };
    let merged = merge_work(&mine, &theirs);
    apply_scenario(
        store,
        work,
        &merged.scenario,
        Keep::QuestionAndToggles,
        |_| (),
    )
    .await
    .map_err(|problems| problems.join("; "))?;
    save_over(store, work);
    let mut said = format!(
        "Kept both: {} of the other tab's documents and {} of its pairs were added to yours.",
        merged.documents_added, merged.pairs_added
    );
    if merged.left_out > 0 {
        said.push_str(&format!(
            " {} did not fit within the limits and were left out.",
            merged.left_out
        ));
    }
    work.notice.set(Some(said));
    Ok(())
}
