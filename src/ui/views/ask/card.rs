//! One mode's answer: the text, and the badges that carry the lesson (format check, stale,
//! citations or "from weights", time per stage).

use leptos::prelude::*;

use crate::core::corpus::passage_parts;
use crate::core::modes::{CitedPassage, Mode, ModeAnswer, StageTimings};
use crate::core::workbench::Judgement;
use crate::ui::state::{url_schema, AppStore, ViewId};
use leptos_router::hooks::use_query_map;

/// A glyph per mode, so the modes differ by shape as well as colour.
pub(crate) fn mode_glyph(mode: Mode) -> &'static str {
    match mode {
        Mode::Base => "○",
        Mode::Rag => "■",
        Mode::Tuned => "▲",
        Mode::Both => "◆",
    }
}

/// Milliseconds for a badge. Browsers round `performance.now()` to 0.1 ms (or coarser), so
/// anything below reads as "<0.1" rather than a false 0.
fn ms(value: f64) -> String {
    if value < 0.1 {
        "<0.1".to_string()
    } else {
        format!("{value:.1}")
    }
}

/// The total and the stages `mode` runs, and only those: retrieval alone neither infers nor
/// formats, the fine-tuned model alone neither searches nor reads.
fn timing_line(mode: Mode, t: &StageTimings) -> String {
    let retrieval = [("search", t.search_ms), ("read", t.read_ms)];
    let tuned = [("tuned", t.infer_ms), ("format", t.render_ms)];
    let stages: Vec<(&str, f64)> = match mode {
        Mode::Base => Vec::new(),
        Mode::Rag => retrieval.to_vec(),
        Mode::Tuned => tuned.to_vec(),
        Mode::Both => retrieval.into_iter().chain(tuned).collect(),
    };
    let parts: Vec<String> = std::iter::once(("embed", t.embed_ms))
        .chain(stages)
        .map(|(name, value)| format!("{name} {}", ms(value)))
        .collect();
    format!("Time {} ms: {}", ms(t.total_ms()), parts.join(" · "))
}

/// What each mode is, in one line.
fn mode_caption(mode: Mode) -> &'static str {
    match mode {
        Mode::Base => "Retrieval off · tuned off",
        Mode::Rag => "Retrieval on · tuned off",
        Mode::Tuned => "Retrieval off · tuned on",
        Mode::Both => "Retrieval on · tuned on",
    }
}

/// One answer card.
#[component]
pub(crate) fn AnswerCard(
    answer: ModeAnswer,
    judgement: Judgement,
    selected: Signal<bool>,
) -> impl IntoView {
    let mode = answer.mode;
    let open_citation = RwSignal::new(None::<usize>);
    let format_badge = match &answer.format {
        Ok(kind) => view! {
            <span class="badge badge--ok" title=format!("Follows the house format ({})", kind.key())>
                "✓ House format"
            </span>
        }
        .into_any(),
        Err(violations) => {
            let why = violations.first().map(|v| v.message.clone()).unwrap_or_default();
            view! {
                <span class="badge badge--muted" title=why.clone()>
                    "✗ Not in house format"
                    <span class="visually-hidden">{format!(": {why}")}</span>
                </span>
            }
            .into_any()
        }
    };
    let stale_badge = judgement.stale.then(|| {
        let now = judgement.current.clone().unwrap_or_default();
        view! {
            <span class="badge badge--stale">"⚠ Stale: the documents now say " {now}</span>
        }
    });
    let source = match (&answer.from_weights, answer.citations.is_empty()) {
        (Some(weights), _) => view! {
            <p class="card__source card__source--weights">
                "From weights, as of " {weights.date.clone()} " (" {weights.trained_on.clone()} ")"
                " · confidence " {format!("{:.0}%", weights.confidence * 100.0)}
                " · cannot cite a source"
            </p>
        }
        .into_any(),
        (None, false) => {
            let citations = answer.citations.clone();
            view! {
                <div class="card__citations">
                    <span class="card__citations-label">"Sources:"</span>
                    <ol>
                        {citations
                            .into_iter()
                            .enumerate()
                            .map(|(i, cited)| view! { <CitationItem index=i cited=cited open=open_citation/> })
                            .collect_view()}
                    </ol>
                </div>
            }
            .into_any()
        }
        (None, true) => ().into_any(),
    };
    let t = answer.timings;
    let untrained = matches!(mode, Mode::Tuned | Mode::Both)
        && AppStore::use_context()
            .with_untracked(|bench| bench.tuned().is_none())
            .unwrap_or(true);
    let timing = if mode == Mode::Base {
        "No pipeline runs: nothing to time.".to_string()
    } else if untrained {
        "Nothing ran: there is no tuned model yet.".to_string()
    } else if t.total_ms() == 0.0 {
        // The browser clock ticks in 0.1 ms steps; a fast answer can fall between two ticks.
        "Time under 0.1 ms (too fast for the browser's clock).".to_string()
    } else {
        timing_line(mode, &t)
    };
    // Retrieval's answer links to the inspector, which names the stage that lost an answer.
    // Whether an answer is wrong is known only for the corpus's own facts, so every answer
    // links, worded by what is known.
    let why_link = (mode == Mode::Rag).then(|| {
        let lost = answer.abstained || (judgement.fact.is_some() && !judgement.correct);
        let query = use_query_map();
        let href = move || {
            let mut params = query.get();
            params.replace(url_schema::VIEW, ViewId::Inspector.slug().to_string());
            params.to_query_string()
        };
        view! {
            <p class="card__why">
                <a href=href>
                    {if lost {
                        "Why? See which stage lost the answer"
                    } else {
                        "How was this found? Open the inspector"
                    }}
                </a>
            </p>
        }
    });
    view! {
        <article
            class=format!("card card--{}", mode.key())
            class:card--selected=move || selected.get()
            aria-label=format!("{} answer", mode.title())
        >
            <header class="card__header">
                <span class="card__glyph" aria-hidden="true">{mode_glyph(mode)}</span>
                <h3 class="card__title">{mode.title()}</h3>
                <span class="card__caption">{mode_caption(mode)}</span>
                <Show when=move || selected.get()>
                    <span class="badge badge--selected">"Selected"</span>
                </Show>
            </header>
            <pre class="card__text">{answer.text.clone()}</pre>
            <div class="card__badges">{format_badge} {stale_badge}</div>
            {source}
            {why_link}
            <p class="card__timing">{timing}</p>
        </article>
    }
}

/// A citation that opens its passage with the supporting sentence highlighted.
#[component]
fn CitationItem(index: usize, cited: CitedPassage, open: RwSignal<Option<usize>>) -> impl IntoView {
    let store = AppStore::use_context();
    let label = format!(
        "{} ({}, {})",
        cited.citation.title, cited.citation.version, cited.citation.date
    );
    let chunk = cited.chunk;
    let (from, to) = cited.sentence;
    let passage = move || {
        store.with_untracked(|bench| {
            let text = bench
                .chunks()
                .get(chunk)
                .map(|c| c.text.clone())
                .unwrap_or_default();
            passage_parts(&text, from, to)
        })
    };
    let is_open = move || open.get() == Some(index);
    view! {
        <li>
            <button
                type="button"
                class="link-button"
                aria-expanded=move || is_open().to_string()
                on:click=move |_| open.update(|o| *o = if *o == Some(index) { None } else { Some(index) })
            >
                {label}
            </button>
            <Show when=is_open>
                {move || passage().map(|(before, sentence, after)| view! {
                    <blockquote class="card__passage">
                        {before}<mark>{sentence}</mark>{after}
                    </blockquote>
                })}
            </Show>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_times_only_the_stages_its_mode_runs() {
        let t = StageTimings {
            embed_ms: 0.2,
            search_ms: 0.5,
            read_ms: 1.0,
            infer_ms: 0.3,
            render_ms: 0.05,
        };
        let rag = timing_line(Mode::Rag, &t);
        assert!(
            rag.contains("search 0.5 · read 1.0") && !rag.contains("tuned"),
            "{rag}"
        );
        let tuned = timing_line(Mode::Tuned, &t);
        assert!(
            tuned.contains("tuned 0.3 · format <0.1") && !tuned.contains("search"),
            "{tuned}"
        );
        let both = timing_line(Mode::Both, &t);
        assert!(
            both.ends_with("embed 0.2 · search 0.5 · read 1.0 · tuned 0.3 · format <0.1"),
            "{both}"
        );
    }
}
