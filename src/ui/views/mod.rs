//! One module per view. `CurrentView` picks the one the URL names.

pub(crate) mod ask;
pub(crate) mod check;
pub(crate) mod concepts;
pub(crate) mod corpus;
pub(crate) mod cost;
pub(crate) mod guide;
pub(crate) mod inspector;
pub(crate) mod map;
pub(crate) mod timeline;
pub(crate) mod tradeoff;
pub(crate) mod training;
pub(crate) mod your_documents;

use leptos::prelude::*;

use crate::ui::state::ViewId;

/// Renders the view named by `current`.
#[component]
pub(crate) fn CurrentView(current: Memo<ViewId>) -> impl IntoView {
    move || match current.get() {
        ViewId::Ask => view! { <ask::AskView/> }.into_any(),
        ViewId::Inspector => view! { <inspector::InspectorView/> }.into_any(),
        ViewId::Map => view! { <map::MapView/> }.into_any(),
        ViewId::Corpus => view! { <corpus::CorpusView/> }.into_any(),
        ViewId::YourDocuments => view! { <your_documents::YourDocumentsView/> }.into_any(),
        ViewId::Training => view! { <training::TrainingView/> }.into_any(),
        ViewId::Tradeoff => view! { <tradeoff::TradeoffView/> }.into_any(),
        ViewId::Timeline => view! { <timeline::TimelineView/> }.into_any(),
        ViewId::Cost => view! { <cost::CostView/> }.into_any(),
        ViewId::Concepts => view! { <concepts::ConceptsView/> }.into_any(),
        ViewId::Guide => view! { <guide::GuideView/> }.into_any(),
        ViewId::Check => view! { <check::CheckView/> }.into_any(),
    }
}
