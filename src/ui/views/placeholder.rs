//! What a view that is not built yet shows: its purpose, in plain words.

use leptos::prelude::*;

use crate::ui::state::ViewId;

/// A calm "coming here" panel for a view that is not built yet.
#[component]
pub fn Placeholder(view: ViewId) -> impl IntoView {
    view! {
        <section class="view" aria-labelledby="view-title">
            <h2 id="view-title" class="view__title">{view.title()}</h2>
            <p class="view__lead">{purpose(view)}</p>
            <p class="view__note">"This view is being built."</p>
        </section>
    }
}

fn purpose(view: ViewId) -> &'static str {
    match view {
        ViewId::Ask => "Ask a question about the sample company and see four answers side by side: the base model, retrieval only, the tuned model, and both together.",
        ViewId::Inspector => "See which passages retrieval found for your question, with their scores, and compare the fast HNSW index with exact search.",
        ViewId::Map => "A map of every passage's meaning in two dimensions, with your question and its nearest passages marked.",
        ViewId::Corpus => "Browse the company's documents by version, edit them, or bring your own, and watch the answers change.",
        ViewId::Training => "Fine-tune the small model in your browser and watch its loss fall, then check what it learned and what it forgot.",
        ViewId::Tradeoff => "Knowledge accuracy against format compliance for each mode, measured live on the evaluation questions.",
        ViewId::Timeline => "How each mode's accuracy holds up as the documents change over time, and what retraining does.",
        ViewId::Cost => "Where the time goes in each mode, and when the upfront cost of tuning pays off against per-question retrieval.",
        ViewId::Concepts => "Short explanations of knowledge versus behaviour, freshness, citations, cost and latency, each with a live example.",
        ViewId::Guide => "Answer a few questions about your own use case and get a recommendation: retrieval, fine-tuning, both, or better prompting first.",
    }
}
