//! Bringing the stored work back at start-up. A stored value that does not validate is moved
//! aside to [`BAD_KEY`] and reported; when even that cannot be done it stays where it is,
//! protected from autosave until the learner decides ([`SaveStatus::Held`]), never replaced
//! by the app's default state.

use leptos::prelude::*;

use super::autosave::agree;
use super::{apply_scenario, problem_lines, Keep, SaveStatus, BAD_KEY, KEY};
use crate::ui::state::learner_work::LearnerWork;
use crate::ui::state::storage::{self, StoreError};
use crate::ui::state::AppStore;

/// Brings back the stored work, if any; the app starts as shipped when there is none or it
/// cannot be read.
pub(super) async fn restore(store: AppStore, work: LearnerWork) {
    let text = match storage::read(KEY) {
        Ok(Some(text)) => text,
        Ok(None) => {
            agree(store, work, None);
            return;
        }
        Err(StoreError::Unavailable) => {
            work.saved
                .set(SaveStatus::Failed(StoreError::Unavailable.to_string()));
            return;
        }
        Err(error) => {
            work.saving.ledger.update_value(|ledger| ledger.hold());
            work.saved.set(SaveStatus::Held(format!(
                "Your saved work could not be read: {}.",
                error.reason()
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
            let applied = apply_scenario(store, work, &scenario, Keep::LinkNamed, show).await;
            work.restoring.try_set(None);
            applied
        }
        Err(problems) => Err(problem_lines(&problems)),
    }
    .map_err(|problems| problems.join("; "));
    match outcome {
        Ok(()) => {
            agree(store, work, Some(text));
            work.saved.set(SaveStatus::Saved);
        }
        Err(why) => match set_aside(&text) {
            Ok(()) => {
                agree(store, work, None);
                work.notice.set(Some(format!(
                    "Your saved work could not be restored ({why}). It was kept aside under \
                     \u{201c}{BAD_KEY}\u{201d} in this browser's storage. The app starts as \
                     shipped."
                )));
            }
            Err(error) => {
                agree(store, work, Some(text.clone()));
                work.saving.ledger.update_value(|ledger| ledger.hold());
                work.saving.held_copy.set_value(Some(text));
                work.saved.set(SaveStatus::Held(format!(
                    "Your saved work could not be restored ({why}), and it could not be set \
                     aside either: {}.",
                    error.reason()
                )));
            }
        },
    }
}

/// Moves `text` from [`KEY`] to [`BAD_KEY`]. Moved, not copied: a large copy and a second one
/// rarely fit in the quota together. When the move fails, `text` is put back under [`KEY`].
fn set_aside(text: &str) -> Result<(), StoreError> {
    storage::remove(BAD_KEY)?;
    storage::remove(KEY)?;
    storage::write(BAD_KEY, text).or_else(|error| {
        storage::write(KEY, text)?;
        Err(error)
    })
}
