//! Concepts: short plain-language sections, each with its evidence and a "Show me" button that
//! sets the live views to a state demonstrating it. In presenter mode, one section at a time,
//! stepped with ← →.

mod curation;

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::ui::components::presenter::presenter_on;
use crate::ui::components::tour::scene::use_scene;
use crate::ui::content::concepts::{self as text, Concept, CONCEPTS};
use crate::ui::content::{embedding, presenter, Evidence};
use crate::ui::state::url_schema as url;
use curation::CurationDemo;

/// The Concepts view.
#[component]
pub(crate) fn ConceptsView() -> impl IntoView {
    let query = use_query_map();
    let presenting = Memo::new(move |_| presenter_on(query.read().get(url::PRESENTER).as_deref()));
    let tour_open = Memo::new(move |_| query.read().get(url::TOUR).is_some());
    let shown = RwSignal::new(0usize);
    let keys = window_event_listener(ev::keydown, move |event| {
        if !presenting.get_untracked() || tour_open.get_untracked() {
            return;
        }
        let last = CONCEPTS.len() - 1;
        match event.key().as_str() {
            "ArrowRight" => shown.update(|i| *i = (*i + 1).min(last)),
            "ArrowLeft" => shown.update(|i| *i = i.saturating_sub(1)),
            _ => return,
        }
        event.prevent_default();
    });
    on_cleanup(move || keys.remove());

    let sections = CONCEPTS
        .iter()
        .enumerate()
        .map(|(i, concept)| {
            let hidden = move || presenting.get() && shown.get() != i;
            view! {
                <div class="concepts__slot" class:concepts__slot--hidden=hidden>
                    <ConceptSection concept=*concept/>
                </div>
            }
        })
        .collect_view();

    view! {
        <section class="view concepts" aria-labelledby="concepts-title">
            <h2 id="concepts-title" class="view__title">{text::TITLE}</h2>
            <p class="view__lead">{text::LEAD}</p>
            {move || presenting.get().then(|| view! {
                <p class="concepts__counter" aria-live="polite">
                    {presenter::counter(shown.get() + 1, CONCEPTS.len())}
                </p>
            })}
            <nav class="concepts__toc" aria-label="Concepts on this page">
                <ol>
                    {CONCEPTS.iter().map(|c| view! {
                        <li><a href=format!("#concept-{}", c.id)>{c.title}</a></li>
                    }).collect_view()}
                </ol>
            </nav>
            {sections}
            // Reference, not an idea to present: left out of presenter mode's one-at-a-time.
            {move || (!presenting.get()).then(|| view! { <EmbeddingSection/> })}
        </section>
    }
}

/// How to embed the app: the Embed dialog links here (`#embedding`), since the README it used
/// to point to is not shipped with the site.
#[component]
fn EmbeddingSection() -> impl IntoView {
    // The dialog's link changes the view through the router, which does not scroll to the
    // link's `#embedding`; the section does it once it is on the page.
    let node = NodeRef::<leptos::html::Article>::new();
    Effect::new(move |_| {
        if let Some(article) = node.get() {
            if window().location().hash().ok().as_deref() == Some(&format!("#{}", embedding::ID)) {
                article.scroll_into_view();
            }
        }
    });
    view! {
        // Not a `.concept`: it has no "Show me" scene or evidence, and is not one of the ideas.
        <article node_ref=node class="concepts-embedding" id=embedding::ID
            aria-labelledby="embedding-title">
            <h3 id="embedding-title" class="concept__title">{embedding::TITLE}</h3>
            {embedding::BODY.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            <h4>{embedding::MESSAGES_TITLE}</h4>
            <ul class="concept__points">
                {embedding::MESSAGES.iter().map(|m| view! { <li>{*m}</li> }).collect_view()}
            </ul>
            <p>{embedding::MESSAGES_NOTE}</p>
        </article>
    }
}

#[component]
fn ConceptSection(concept: Concept) -> impl IntoView {
    let go = use_scene();
    let actions: StoredValue<Box<dyn Fn()>, LocalStorage> =
        StoredValue::new_local(Box::new(move || go(concept.scene, &[], false)));
    let heading = format!("concept-{}-title", concept.id);
    let labelled_by = heading.clone();
    let points = (!concept.points.is_empty()).then(|| {
        view! {
            <ul class="concept__points">
                {concept.points.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
            </ul>
        }
    });
    let demo = (concept.id == "choose-documents").then(|| view! { <CurationDemo/> });
    view! {
        <article class="concept" id=format!("concept-{}", concept.id)
            aria-labelledby=labelled_by data-concept=concept.id>
            <h3 id=heading class="concept__title">{concept.title}</h3>
            {concept.body.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            {points}
            {demo}
            <div class="concept__show">
                <button type="button" class="primary concept__show-me"
                    on:click=move |_| actions.with_value(|f| f())>
                    {text::SHOW_ME}
                </button>
                <p class="concept__notice">
                    <strong>{text::NOTICE_LABEL}</strong>" "{concept.notice}
                </p>
            </div>
            <details class="concept__evidence">
                <summary>{text::EVIDENCE_HEADING}" ("{concept.evidence.len()}")"</summary>
                <ul>
                    {concept.evidence.iter().map(|e| view! { <EvidenceItem evidence=*e/> }).collect_view()}
                </ul>
            </details>
        </article>
    }
}

#[component]
fn EvidenceItem(evidence: Evidence) -> impl IntoView {
    view! {
        <li class="evidence">
            <span class="evidence__source">
                {evidence.source}", "{evidence.year.map_or_else(|| "undated".to_string(), |y| y.to_string())}" · "{evidence.locator}
            </span>
            {evidence.reported.then(|| view! {
                <span class="evidence__reported" title=text::REPORTED_NOTE>
                    {text::REPORTED}
                </span>
            })}
            <span class="evidence__finding">{evidence.finding}</span>
        </li>
    }
}
