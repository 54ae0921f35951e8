//! "Start over": the header button that takes the explainer back to the workshop start after
//! a confirmation that says what changes and offers the export first; the same start for a
//! link's `?scene=workshop-start`; and the notice with Undo that follows either, or a tour
//! step or "Show me" that set the learner's changes aside.

mod set_aside_notice;

pub(crate) use set_aside_notice::SetAsideNotice;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;

use crate::ui::components::share_bar::focus_by_id;
use crate::ui::state::learner_work::LearnerWork;
use crate::ui::state::persist;
use crate::ui::state::remembered::Remembered;
use crate::ui::state::url_schema as url;
use crate::ui::state::workshop::{start_over, StartOverPlan};
use crate::ui::state::{AppStore, ViewId};

const OPENER_ID: &str = "start-over-button";

/// Keys a start keeps from the current link: how the app is framed, not what it shows.
const FRAMING_KEYS: [&str; 4] = [url::EMBED, url::HIDE, url::EMBED_HIDE, url::PRESENTER];

/// The query keys of the workshop start: Ask with the tour at step 1, the framing (`get`
/// reads it from the current link) kept.
fn start_params(get: impl Fn(&str) -> Option<String>) -> Vec<(&'static str, String)> {
    let mut params: Vec<(&'static str, String)> = FRAMING_KEYS
        .into_iter()
        .filter_map(|key| get(key).map(|value| (key, value)))
        .collect();
    params.push((url::VIEW, ViewId::Ask.slug().to_string()));
    params.push((url::TOUR, "1".to_string()));
    params
}

/// [`start_params`] as a query string.
fn start_query(current: &ParamsMap) -> String {
    let mut params = ParamsMap::new();
    for (key, value) in start_params(|key| current.get(key)) {
        params.insert(key, value);
    }
    params.to_query_string()
}

/// The button, its confirmation dialog, and the `?scene=` link handling.
#[component]
pub(crate) fn StartOver() -> impl IntoView {
    let store = AppStore::use_context();
    let work = LearnerWork::use_context();
    let remembered = Remembered::use_context();
    let query = use_query_map();
    let navigate = use_navigate();
    let open = RwSignal::new(false);
    let plan = RwSignal::new(StartOverPlan::default());
    let message = RwSignal::new(String::new());
    let dialog = NodeRef::<leptos::html::Dialog>::new();

    let go = {
        let navigate = navigate.clone();
        move |replace: bool| {
            if start_over(store, work, remembered) {
                navigate(
                    &start_query(&query.get_untracked()),
                    url::query_write(replace),
                );
            }
        }
    };
    let actions: StoredValue<Box<dyn Fn(bool)>, LocalStorage> =
        StoredValue::new_local(Box::new(go));

    // A link naming a scene: applied once, when saved work is restored, then dropped.
    Effect::new(move |_| {
        if !work.settled(store) {
            return;
        }
        let Some(scene) = query.read().get(url::SCENE) else {
            return;
        };
        untrack(|| {
            if scene == url::WORKSHOP_START {
                actions.with_value(|f| f(true));
            } else {
                let mut params = query.get_untracked();
                params.remove(url::SCENE);
                store
                    .url_notices
                    .update(|n| n.push(format!("{}={scene}", url::SCENE)));
                navigate(&params.to_query_string(), url::query_write(true));
            }
        });
    });

    Effect::new(move |_| {
        let Some(element) = dialog.get() else {
            return;
        };
        if open.get() {
            if !element.open() {
                let _ = element.show_modal();
            }
        } else if element.open() {
            element.close();
        }
    });
    let close = move || {
        open.set(false);
        focus_by_id(OPENER_ID);
    };
    let confirm = move |_| {
        open.set(false);
        actions.with_value(|f| f(false));
    };
    let export = move |_| message.set(persist::export_download(store, work));
    let changes = move || {
        let lines = plan.get().lines();
        if lines.is_empty() {
            return view! {
                <p>"You are already at the start: nothing you made changes."</p>
            }
            .into_any();
        }
        view! {
            <p>"This changes:"</p>
            <ul class="start-over__changes">
                {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
            <p class="start-over__undo-hint">
                "Until you reload, Undo (at the top of the page) brings it all back. To keep a "
                "copy for later, export your work first."
            </p>
        }
        .into_any()
    };

    view! {
        <button type="button" class="share-bar__button start-over__button" id=OPENER_ID
            aria-haspopup="dialog"
            disabled=move || !work.settled(store)
            on:click=move |_| {
                plan.set(StartOverPlan::of(store, work).unwrap_or_default());
                message.set(String::new());
                open.set(true);
            }>
            "Start over"
        </button>
        <dialog node_ref=dialog class="start-over" aria-labelledby="start-over-title"
            on:close=move |_| {
                if open.get_untracked() {
                    close();
                }
            }>
            <h2 id="start-over-title" class="start-over__title">"Start over at the workshop start?"</h2>
            <p>
                "The sample documents as shipped at their latest version, the tuned model "
                "trained in January, default settings, no question, the tour at step 1."
            </p>
            {changes}
            <p class="start-over__status" role="status">{move || message.get()}</p>
            <div class="start-over__actions">
                <button type="button" class="primary" on:click=confirm>"Start over"</button>
                <button type="button" class="share-bar__button" on:click=export>
                    "Export my work first"
                </button>
                <button type="button" class="share-bar__button" on:click=move |_| close()>"Cancel"</button>
            </div>
        </dialog>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_start_keeps_the_framing_and_drops_what_was_shown() {
        let link = [
            (url::EMBED, "1"),
            (url::PRESENTER, "1"),
            (url::QUESTION, "private"),
            (url::VERSION, "v2"),
            (url::SCENE, url::WORKSHOP_START),
        ];
        let get = |key: &str| {
            link.iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        };
        let params = start_params(get);
        let keys: Vec<&str> = params.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, [url::EMBED, url::PRESENTER, url::VIEW, url::TOUR]);
        assert_eq!(params[2].1, "ask");
        assert_eq!(params[3].1, "1");
    }
}
