//! One module per view. `CurrentView` picks the one the URL names.

pub mod ask;
pub mod corpus;
pub mod cost;
pub mod inspector;
pub mod map;
mod placeholder;
pub mod timeline;
pub mod tradeoff;
pub mod training;

use leptos::prelude::*;

use crate::ui::state::ViewId;
use placeholder::Placeholder;

/// Renders the view named by `current`.
#[component]
pub fn CurrentView(current: Memo<ViewId>) -> impl IntoView {
    move || match current.get() {
        ViewId::Ask => view! { <ask::AskView/> }.into_any(),
        ViewId::Inspector => view! { <inspector::InspectorView/> }.into_any(),
        ViewId::Map => view! { <map::MapView/> }.into_any(),
        ViewId::Corpus => view! { <corpus::CorpusView/> }.into_any(),
        ViewId::Training => view! { <training::TrainingView/> }.into_any(),
        ViewId::Tradeoff => view! { <tradeoff::TradeoffView/> }.into_any(),
        ViewId::Timeline => view! { <timeline::TimelineView/> }.into_any(),
        ViewId::Cost => view! { <cost::CostView/> }.into_any(),
        view => view! { <Placeholder view=view/> }.into_any(),
    }
}
