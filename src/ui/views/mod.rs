//! One module per view. `CurrentView` picks the one the URL names.

mod placeholder;

use leptos::prelude::*;

use crate::ui::state::ViewId;
use placeholder::Placeholder;

/// Renders the view named by `current`.
#[component]
pub fn CurrentView(current: Memo<ViewId>) -> impl IntoView {
    move || {
        let view = current.get();
        view! { <Placeholder view=view/> }.into_any()
    }
}
