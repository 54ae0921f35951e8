//! The root component: the router, and the shell around the current view.

use leptos::prelude::*;
use leptos_router::components::Router;

use crate::ui::shell::Shell;

/// The whole app. View state lives in the URL query, so the router sits at the top.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Shell/>
        </Router>
    }
}
