//! The root component: every state context, start-up loading, the router, and the shell.

use leptos::prelude::*;
use leptos_router::components::Router;

use crate::ui::content::tour::STEPS;
use crate::ui::shell::Shell;
use crate::ui::state::learner_work::LearnerWork;
use crate::ui::state::progress::Progress;
use crate::ui::state::remembered::Remembered;
use crate::ui::state::workshop::Workshop;
use crate::ui::state::{loader, persist, AppStore};

/// The whole app. View state lives in the URL query, so the router sits at the top.
#[component]
pub(crate) fn App() -> impl IntoView {
    let store = AppStore::new();
    provide_context(store);
    let work = LearnerWork::new();
    provide_context(work);
    provide_context(Remembered::default());
    provide_context(Workshop::new());
    provide_context(Progress::new(STEPS.len()));
    loader::start(store);
    persist::start(store, work);
    view! {
        <Router>
            <Shell/>
        </Router>
    }
}
