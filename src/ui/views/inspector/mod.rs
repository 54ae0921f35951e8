//! The retrieval inspector (`?view=inspector`): what retrieval found for the shared question
//! and why, HNSW against exact search, and the question's tokens as the model weighs them.

mod comparison;
mod lost_stage;
mod passages;
pub(crate) mod report;
mod settings;
mod tokens;

use leptos::prelude::*;

use crate::core::hybrid::Ranking;
use crate::ui::components::curation_toggle::CurationToggle;
use crate::ui::components::pending_note::PendingNote;
use crate::ui::components::question_box::QuestionBox;
use crate::ui::state::{AppStore, BrowserClock};
use comparison::ComparisonBlock;
use lost_stage::LostStage;
use passages::PassageList;
use report::{format_ms, InspectorReport, ReaderVerdict};
use settings::RetrievalSliders;
use tokens::TokenChips;

/// The inspector view.
#[component]
pub(crate) fn InspectorView() -> impl IntoView {
    let store = AppStore::use_context();
    let report = Memo::new(move |_| {
        let question = store.question.get();
        store.with(|bench| InspectorReport::build(bench, &question, &BrowserClock))
    });
    view! {
        <section class="view inspector" aria-labelledby="view-title">
            <h2 id="view-title" class="view__title">"Retrieval inspector"</h2>
            <p class="view__lead">
                "What retrieval hands to the reader for your question: the closest passages by \
                 meaning, with their scores. Nothing here is generated; it is all measured."
            </p>
            <QuestionBox id="inspector-question"/>
            <RetrievalSliders/>
            <CurationToggle/>
            {move || match report.get() {
                None => view! { <PendingNote/> }.into_any(),
                Some(r) => view! { <ReportBody report=r/> }.into_any(),
            }}
        </section>
    }
}

/// Everything below the controls, for one report.
#[component]
fn ReportBody(report: InspectorReport) -> impl IntoView {
    let r = report;
    let has_question = !r.tokens.is_empty();
    let fused = AppStore::use_context()
        .with_untracked(|b| b.settings().ranking == Ranking::Hybrid)
        .unwrap_or(false);
    let (reader_line, reader_class) = match &r.reader {
        ReaderVerdict::Idle => (
            "Type a question to see what retrieval finds.".to_string(),
            "reader-line",
        ),
        ReaderVerdict::Answers { score, sentence } => (
            format!(
                "The reader answers: its best sentence scores {score:.2} (threshold {:.2}): “{sentence}”",
                r.threshold
            ),
            "reader-line",
        ),
        ReaderVerdict::Abstains => (
            format!(
                "The reader abstains (\"The documents do not say.\"): no sentence in these passages \
                 scores {:.2} or more.",
                r.threshold
            ),
            "reader-line reader-line--abstains",
        ),
    };
    let index = r.index.clone();
    let passages_heading = format!("Top {} passages", r.k);
    view! {
        <p class=reader_class role="status">{reader_line}</p>
        {has_question.then(|| view! { <LostStage diagnosis=r.diagnosis.clone() k=r.k threshold=r.threshold/> })}
        <div class="inspector__grid">
            <section class="panel inspector__passages" aria-labelledby="passages-title">
                <h3 id="passages-title">{passages_heading}</h3>
                {has_question.then(|| view! {
                    <p class="inspector__note">
                        {format!(
                            "{} Question embedded in {}.",
                            if fused {
                                "Listed in the order retrieval hands them to the reader: the \
                                 ranking by meaning and the ranking by shared words, fused. \
                                 \u{201c}meaning\u{201d} is the cosine similarity alone (1 = same \
                                 direction), so it need not fall down the list: a passage that \
                                 shares the question's words can rank above one closer in meaning."
                            } else {
                                "Listed by \u{201c}meaning\u{201d}: the cosine similarity between \
                                 the question's vector and the passage's (1 = same direction)."
                            },
                            format_ms(r.embed_ms)
                        )}
                    </p>
                })}
                {if has_question {
                    view! { <PassageList passages=r.passages/> }.into_any()
                } else {
                    view! { <p class="inspector__note">"The passages appear here once you type a question."</p> }.into_any()
                }}
            </section>
            <div class="inspector__side">
                <section class="panel compare" aria-labelledby="compare-title">
                    <h3 id="compare-title">"Is the fast search exact?"</h3>
                    {if has_question {
                        view! { <ComparisonBlock comparison=r.comparison indexed=index.len segments=index.segments k=r.k fused=fused/> }.into_any()
                    } else {
                        view! { <p class="inspector__note">"Type a question to compare the two searches."</p> }.into_any()
                    }}
                </section>
                <section class="panel" aria-labelledby="tokens-title">
                    <h3 id="tokens-title">"How the model sees the question"</h3>
                    <TokenChips tokens=r.tokens limit=r.token_limit/>
                </section>
                <section class="panel" aria-labelledby="index-title">
                    <h3 id="index-title">"The index"</h3>
                    <dl class="facts-grid">
                        <div>
                            <dt>"Passages"</dt>
                            <dd class="index-size">{index.len}</dd>
                        </div>
                        <div>
                            <dt>"Dimensions"</dt>
                            <dd>{index.dims}</dd>
                        </div>
                        <div>
                            <dt>"Last rebuild"</dt>
                            <dd class="index-rebuild">{format!("{:.1} ms", index.rebuild_ms())}</dd>
                        </div>
                    </dl>
                    <p class="inspector__note">
                        {format!(
                            "Rebuild = chunking {:.1} ms + embedding {:.1} ms + building the graph {:.1} ms. \
                             The graph has no insert, so every document edit or version switch rebuilds it. \
                             Graph settings: ef_construction {}, ef_search {}. {}",
                            index.rebuild.chunk_ms,
                            index.rebuild.embed_ms,
                            index.rebuild.index_ms,
                            index.params.ef_construction,
                            index.params.ef_search,
                            if index.curated {
                                "Documents flagged outdated or low-signal are left out (curation is on)."
                            } else {
                                "Every document is indexed, flagged ones included (curation is off)."
                            }
                        )}
                    </p>
                </section>
            </div>
        </div>
    }
}
