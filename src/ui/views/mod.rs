//! One module per view. `CurrentView` picks the one the URL names.

pub mod ask;
mod placeholder;

use leptos::prelude::*;

use crate::ui::state::ViewId;
use placeholder::Placeholder;

/// Renders the view named by `current`.
#[component]
pub fn CurrentView(current: Memo<ViewId>) -> impl IntoView {
    move || match current.get() {
        ViewId::Ask => view! { <ask::AskView/> }.into_any(),
        view => view! { <Placeholder view=view/> }.into_any(),
    }
}

