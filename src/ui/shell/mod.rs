//! The frame every view sits in: header, navigation, main area, footer.

mod nav;
mod status;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::ui::components::job_indicator::JobIndicator;
use crate::ui::components::share_bar::ShareBar;
use crate::ui::components::start_over::{SetAsideNotice, StartOver};
use crate::ui::state::embed::EmbedFlags;
use crate::ui::state::host_api::HostApi;
use crate::ui::state::progress::Progress;
use crate::ui::state::url_schema as url;
use crate::ui::state::url_sync::UrlSync;
use crate::ui::state::{AppStore, ViewId};
use crate::ui::views::CurrentView;
use nav::Nav;
use status::LoadStatus;

/// The header with the promise, the navigation, the current view and the footer.
#[component]
pub(crate) fn Shell() -> impl IntoView {
    let query = use_query_map();
    let current = Memo::new(move |_| {
        query
            .read()
            .get(url::VIEW)
            .and_then(|slug| ViewId::from_slug(&slug))
            .unwrap_or(ViewId::DEFAULT)
    });
    if query.get_untracked().get(url::DEBUG_PANIC).is_some() {
        // Lets the browser tests prove that a panic shows the panel instead of a blank page.
        panic!("debug_panic was set in the URL: this is a deliberate test panic");
    }
    let progress = Progress::use_context();
    Effect::new(move |_| {
        let view = current.get();
        progress.record(|p| p.visit(view));
        let title = format!("{} · RAG or fine-tune?", view.title());
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&title);
        }
    });
    Effect::new(move |_| {
        // Embed mode and hide flags become one attribute on <html>; the stylesheet hides by it.
        let pairs: Vec<(String, String)> = query
            .get()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        let flags = EmbedFlags::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hide", &flags.attribute());
        }
    });
    let store = AppStore::use_context();
    let notices = move || {
        let list = store.url_notices.get();
        (!list.is_empty()).then(|| {
            // An item may already end its own sentence ("...; it opened Ask.").
            let mut items = list.join(", ");
            if !items.ends_with('.') {
                items.push('.');
            }
            view! {
                <p class="url-notice" role="status">
                    "From the link: "
                    {items}
                    <button type="button" class="link-button"
                        on:click=move |_| store.url_notices.set(Vec::new())>"Dismiss"</button>
                </p>
            }
        })
    };
    view! {
        <UrlSync/>
        <HostApi/>
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="app-header">
            <div class="app-header__brand">
                <h1 class="app-header__title">"RAG or fine-tune?"</h1>
                <p class="app-header__promise">
                    "See when retrieval adds knowledge and when fine-tuning changes behaviour."
                </p>
            </div>
            <div class="app-header__actions">
                <JobIndicator/>
                <crate::ui::components::tour::Tour/>
                <StartOver/>
                <ShareBar current=current/>
            </div>
        </header>
        <div class="app-body">
            <Nav current=current/>
            <main id="main" class="app-main" tabindex="-1">
                <LoadStatus/>
                {notices}
                <crate::ui::components::save_notice::SaveNotice/>
                <SetAsideNotice/>
                <CurrentView current=current/>
            </main>
        </div>
        <footer class="app-footer">
            <p>
                "Runs entirely in your browser; no LLM, no network. Answers come from an extractive "
                "reader and a small model trained here, standing in for an LLM so every effect is "
                "visible and repeatable."
            </p>
            {move || store.with(|b| {
                let info = b.embedder().info();
                view! {
                    <p class="app-footer__model">
                        "Embedding model: "
                        {format!(
                            "{} tokens x {} dims, {}, {:.1} MB, distilled from {} ({}). ",
                            crate::core::text::thousands(info.vocab_size as u64),
                            info.dims,
                            info.quantisation_short(),
                            info.bytes as f64 / 1_000_000.0,
                            info.teacher,
                            info.teacher_licence,
                        )}
                        <a href="model/MODEL_CARD.md">"Model card"</a>
                    </p>
                }
            })}
        </footer>
    }
}
