//! The story follows the workbench: every new state of it (another version, an edit, a
//! retrain) becomes a moment, and an empty story is first seeded with each version up to the
//! current one.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::eval::{evaluate_versions, EvalReport};
use crate::ui::state::evaluation::{eval_set, remember};
use crate::ui::state::loader::yield_now;
use crate::ui::state::timeline_story::{Moment, MomentKey, MomentKind, Story};
use crate::ui::state::{AppStore, BrowserClock};

/// Fills an empty story: each version from the first to the current one, scored with the
/// model in use (the workbench visits each version and comes back).
fn seed(store: AppStore, story: RwSignal<Story>) {
    let outcome = store.update(|b| {
        let set = eval_set(b);
        let now = MomentKey::of(b);
        let versions: Vec<String> = b
            .corpus()
            .versions
            .iter()
            .map(|v| v.id.clone())
            .take_while(|v| *v != now.version)
            .chain(std::iter::once(now.version.clone()))
            .collect();
        evaluate_versions(b, &set, &versions, &BrowserClock).map(|reports| (now, versions, reports))
    });
    if let Some(Ok((now, versions, reports))) = outcome {
        story.update(|story| {
            story.clear();
            for (version, report) in versions.iter().zip(&reports) {
                story.push(Moment::new(
                    now.at_version(version),
                    MomentKind::Start,
                    report,
                ));
            }
        });
        if let Some(last) = reports.into_iter().last() {
            remember(untrack(|| store.revision()), Arc::new(last));
        }
    }
}

/// Adds a moment to `story` for every new live evaluation while the view is open.
pub(crate) fn follow_workbench(
    store: AppStore,
    report: Memo<Option<Arc<EvalReport>>>,
    story: RwSignal<Story>,
) {
    let seeding = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(report) = report.get() else {
            return;
        };
        if story.with_untracked(Story::is_empty) {
            if !seeding.get_untracked() {
                seeding.set(true);
                spawn_local(async move {
                    yield_now().await;
                    seed(store, story);
                    seeding.set(false);
                });
            }
            return;
        }
        let Some(key) = store.with_untracked(MomentKey::of) else {
            return;
        };
        story.maybe_update(|s| s.observe(key, &report));
    });
}
