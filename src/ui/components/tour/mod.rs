//! The guided tour: a panel docked at the bottom of the window that walks the lesson step by
//! step, sets the live views for each step, asks for a prediction at a few steps before
//! showing the answer, and is driven by buttons or the keyboard (← → 1-3 Esc). The step is in
//! the URL (`?tour=N`) and remembered in localStorage, so a closed tour can be resumed.

mod panel;
pub(crate) mod progress;
pub(crate) mod scene;

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use wasm_bindgen::JsCast;

use crate::ui::components::presenter::Presenter;
use crate::ui::content::tour as text;
use crate::ui::content::tour::STEPS;
use crate::ui::state::host_api::notify_tour_completed;
use crate::ui::state::learner_work::LearnerWork;
use crate::ui::state::progress::Progress;
use crate::ui::state::storage;
use crate::ui::state::url_schema as url;
use crate::ui::state::{AppStore, ViewId};
use panel::TourPanel;
use progress::{parse_step, tour_key, TourKey, STORAGE_KEY};
use scene::use_scene;

fn remembered_step() -> Option<usize> {
    let value = storage::read(STORAGE_KEY).ok().flatten()?;
    parse_step(&value, STEPS.len())
}

/// Keeps the step for a later visit; a browser that refuses storage only loses the resume.
fn remember(step: Option<usize>) {
    let _ = match step {
        Some(n) => storage::write(STORAGE_KEY, &n.to_string()),
        None => storage::remove(STORAGE_KEY),
    };
}

fn set_root_flag(name: &str, on: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = if on {
            root.set_attribute(name, "")
        } else {
            root.remove_attribute(name)
        };
    }
}

/// Scrolls what a step asks the learner to look at (the answer cards on Ask) to the top of the
/// window, clear of the panel docked at the bottom, once the view has rendered.
fn bring_into_view(view: ViewId) {
    if view != ViewId::Ask {
        return;
    }
    set_timeout(
        || {
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector(".ask__toggles").ok().flatten())
            {
                el.scroll_into_view();
            }
        },
        std::time::Duration::from_millis(250),
    );
}

/// True when keys typed here belong to a form field, not to the tour.
fn typing_in_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// What the learner (or a step change) asks the tour to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    /// The URL now names this step: set its scene.
    Enter(usize),
    /// Open the tour at the remembered step.
    Start,
    /// Next step, or reveal a pending prediction.
    Next,
    /// Previous step.
    Back,
    /// Close (the step stays remembered).
    Close,
    /// Answer the prediction with this choice (`None`: just show it).
    Reveal(Option<usize>),
}

/// The tour's launcher (in the header) and, while a tour runs, its docked panel. Also mounts
/// presenter mode, which steps with the same keys.
#[component]
pub(crate) fn Tour() -> impl IntoView {
    let store = AppStore::use_context();
    let work = LearnerWork::use_context();
    let query = use_query_map();
    let navigate = use_navigate();
    let go = use_scene();
    let progress = Progress::use_context();
    let total = STEPS.len();
    let step = Memo::new(move |_| {
        query
            .read()
            .get(url::TOUR)
            .and_then(|v| parse_step(&v, total))
    });
    let revealed = RwSignal::new(false);
    let chosen = RwSignal::new(None::<usize>);
    let local_step = RwSignal::new(remembered_step());
    // The step kept in this browser, else one restored from a course platform.
    let remembered = move || local_step.get().or_else(|| progress.resume_step.get());

    let set_step = move |n: Option<usize>| {
        let mut params = query.get_untracked();
        url::put(&mut params, url::TOUR, n.map(|n| n.to_string()));
        navigate(&params.to_query_string(), url::query_write(true));
    };
    // Shows step `n`'s scene (after a prediction, or without one) and scrolls to its view.
    let show_step_scene = {
        let go = go.clone();
        move |n: usize| {
            let scene = STEPS[n - 1].scene;
            go(scene, &[(url::TOUR, Some(n.to_string()))], true);
            bring_into_view(scene.view);
        }
    };
    let handle = move |action: Action| {
        let current = step.get_untracked();
        match (action, current) {
            (Action::Enter(n), _) => {
                let this = STEPS[n - 1];
                revealed.set(false);
                chosen.set(None);
                remember(Some(n));
                local_step.set(Some(n));
                progress.record(|p| p.reach_step(n));
                let shown = this.predict.map_or(this.scene, |p| p.before);
                go(shown, &[(url::TOUR, Some(n.to_string()))], true);
                bring_into_view(shown.view);
            }
            (Action::Start, None) => set_step(Some(untrack(remembered).unwrap_or(1))),
            (Action::Reveal(choice), Some(n))
                if STEPS[n - 1].predict.is_some() && !revealed.get_untracked() =>
            {
                chosen.set(choice);
                revealed.set(true);
                show_step_scene(n);
            }
            (Action::Next, Some(n)) => {
                if STEPS[n - 1].predict.is_some() && !revealed.get_untracked() {
                    chosen.set(None);
                    revealed.set(true);
                    show_step_scene(n);
                } else if n < total {
                    set_step(Some(n + 1));
                } else {
                    remember(None);
                    local_step.set(None);
                    progress.record(|p| p.complete_tour());
                    notify_tour_completed();
                    set_step(None);
                }
            }
            (Action::Back, Some(n)) if n > 1 => set_step(Some(n - 1)),
            (Action::Close, Some(_)) => set_step(None),
            _ => {}
        }
    };
    // The handler owns the router's navigate function, which is not `Send`; views reach it
    // through this local store, whose handle is.
    let actions: StoredValue<Box<dyn Fn(Action)>, LocalStorage> =
        StoredValue::new_local(Box::new(handle));
    let act = move |action: Action| actions.with_value(|f| f(action));

    // Enter a step whenever the URL names a new one (buttons, keys, a shared link, Back), once
    // saved work is restored (a later restore would overwrite the step's scene).
    Effect::new(move |_| {
        let ready = work.settled(store);
        let current = step.get();
        set_root_flag("data-tour-open", current.is_some());
        if let (true, Some(n)) = (ready, current) {
            untrack(|| act(Action::Enter(n)));
        }
    });

    let keys = window_event_listener(ev::keydown, move |event| {
        if step.get_untracked().is_none()
            || !untrack(|| work.settled(store))
            || event.ctrl_key()
            || event.meta_key()
            || event.alt_key()
            || (typing_in_field(&event) && event.key() != "Escape")
        {
            return;
        }
        let Some(key) = tour_key(&event.key()) else {
            return;
        };
        event.prevent_default();
        // Presenter mode listens too; the tour has the keys while it is open.
        event.stop_immediate_propagation();
        act(match key {
            TourKey::Next => Action::Next,
            TourKey::Back => Action::Back,
            TourKey::Close => Action::Close,
            TourKey::Choose(i) => Action::Reveal(Some(i)),
        });
    });
    on_cleanup(move || keys.remove());

    let launcher = move || {
        step.get().is_none().then(|| {
            let label = remembered()
                .filter(|n| *n > 1)
                .map_or_else(|| text::START.to_string(), text::resume);
            view! {
                <button type="button" class="tour-launch" on:click=move |_| act(Action::Start)>{label}</button>
            }
        })
    };

    let act = Callback::new(act);
    view! {
        {launcher}
        <TourPanel step=step revealed=revealed chosen=chosen act=act/>
        <Presenter tour_open=Signal::derive(move || step.get().is_some())/>
    }
}
