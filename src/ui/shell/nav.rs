//! The navigation between views, grouped, with the current one marked.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::ui::state::view_id::{ViewGroup, ViewId};

/// Links to every view. Each link keeps the rest of the query, so switching views keeps the
/// question, modes and settings.
#[component]
pub fn Nav(current: Memo<ViewId>) -> impl IntoView {
    let query = use_query_map();
    let href = move |view: ViewId| {
        let mut params = query.get();
        params.replace("view", view.slug().to_string());
        params.to_query_string()
    };
    let groups = ViewGroup::ALL.map(|group| {
        let links = ViewId::ALL
            .into_iter()
            .filter(|v| v.group() == group)
            .map(|view| {
                view! {
                    <li>
                        <a
                            class="app-nav__link"
                            data-view=view.slug()
                            href=move || href(view)
                            aria-current=move || (current.get() == view).then_some("page")
                        >
                            {view.title()}
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <li class="app-nav__group">
                <span class="app-nav__group-title">{group.title()}</span>
                <ul class="app-nav__links">{links}</ul>
            </li>
        }
    });
    view! {
        <nav class="app-nav" aria-label="Views">
            <ul class="app-nav__groups">{groups.into_iter().collect_view()}</ul>
        </nav>
    }
}
