//! Cost and latency (`?view=cost`): where the time goes in each mode (measured per stage over
//! the evaluation run), what fine-tuning costs up front against what retrieval adds to every
//! question, and when the upfront cost pays off under editable, dated price assumptions.

mod breakeven;
mod latency;
pub(crate) mod story;

use leptos::prelude::*;

use crate::core::cost::{Workload, PRICES_READ_ON, PRICES_SOURCE};
use crate::core::modes::Mode;
use crate::ui::components::chart::{plain_number, EvidenceCard};
use crate::ui::components::figure_download::{workbench_caption, Figure, FigureDownload};
use crate::ui::components::notice::NoticeCaption;
use crate::ui::components::pending_note::PendingNote;
use crate::ui::state::cost_assumptions::{Assumptions, Field};
use crate::ui::state::evaluation::use_live_eval;
use crate::ui::state::remembered::Remembered;
use crate::ui::state::AppStore;
use breakeven::{BreakEven, BreakEvenChart, BreakEvenTable};
use latency::{LatencyBars, LatencyTable};

/// The latency bars as a downloadable figure.
const LATENCY_FIGURE: Figure = Figure {
    slug: "latency",
    what: "the latency chart",
    title: "Where the time goes: mean time per stage",
    chart: ".latency-chart",
    legend: Some(".latency .stage-legend li"),
};

/// The break-even chart as a downloadable figure.
const BREAK_EVEN_FIGURE: Figure = Figure {
    slug: "cost-break-even",
    what: "the cost break-even chart",
    title: "Cost: fine-tuning up front against retrieval per question",
    chart: ".break-even-chart",
    legend: Some(".break-even-frame .stage-legend li"),
};

/// What the training run and the corpus measure, for the cost panel.
#[derive(Clone, Debug, Default, PartialEq)]
struct Measured {
    workload: Workload,
    train_ms: f64,
    /// How often training showed the model each fact.
    exposures: f64,
    trained_on: Option<String>,
}

/// The cost and latency view.
#[component]
pub(crate) fn CostView() -> impl IntoView {
    let store = AppStore::use_context();
    let report = use_live_eval(store);
    let assumptions = Remembered::use_context().cost.assumptions;
    // A refusal is about the entry as typed; the inputs start again from the values in force.
    assumptions.update(|a| a.errors = Default::default());
    // What each input shows: the learner's text, kept even when refused (the message says
    // which value is still in force); a reset puts the defaults back.
    let drafts = RwSignal::new(assumptions.with_untracked(|a| Field::ALL.map(|f| a.text(f))));
    let measured = Memo::new(move |_| {
        store
            .with(|b| {
                let workload = Workload::measure(b);
                let facts = b.corpus().facts.len().max(1) as f64;
                let (train_ms, exposures, trained_on) = b.tuned().map_or((0.0, 0.0, None), |m| {
                    let knowledge = (m.counts.new_examples + m.counts.replayed_examples) as f64;
                    (
                        m.train_ms,
                        knowledge / facts * m.loss.len() as f64,
                        Some(m.version.clone()),
                    )
                });
                Measured {
                    workload,
                    train_ms,
                    exposures,
                    trained_on,
                }
            })
            .unwrap_or_default()
    });
    let workload = Memo::new(move |_| {
        let mut w = measured.get().workload;
        w.training_runs = assumptions.with(|a| a.runs);
        w
    });
    let data = Memo::new(move |_| assumptions.with(|a| BreakEven::new(&a.prices, &workload.get())));

    let latency_caption = Signal::derive(move || {
        report
            .get()
            .map(|r| story::latency_caption(&r))
            .unwrap_or_default()
    });
    let cost_caption = Signal::derive(move || {
        let d = data.get();
        story::break_even_caption(
            d.line(Mode::Rag),
            d.line(Mode::Tuned),
            &workload.get(),
            d.questions,
        )
    });
    let ours_prices = Signal::derive(move || {
        let d = data.get();
        story::ours_prices(d.line(Mode::Rag), d.line(Mode::Tuned), d.questions)
    });
    let ours_exposures = Signal::derive(move || {
        let m = measured.get();
        story::ours_exposures(&workload.get(), m.exposures, m.train_ms)
    });
    let upfront = move || {
        let m = measured.get();
        let w = workload.get();
        match m.trained_on {
            Some(version) => format!(
                "Fine-tuning, paid once per training run: the last run (on {version}) took \
                 {:.0} ms here for {} examples × {} epochs, about {} training tokens.",
                m.train_ms,
                w.training_examples,
                w.epochs,
                plain_number(w.training_tokens_per_run())
            ),
            None => "No fine-tuned model yet: train one to measure the upfront cost.".to_string(),
        }
    };
    let per_query = move || {
        let w = workload.get();
        format!(
            "Retrieval, paid on every question: {} extra passages (k) of about {} tokens each, \
             about {} tokens of context on top of a {}-token question.",
            w.context_passages,
            plain_number(w.passage_tokens),
            plain_number(w.context_tokens()),
            plain_number(w.question_tokens)
        )
    };
    let form = move || {
        Field::ALL
            .into_iter()
            .enumerate()
            .map(|(slot, field)| {
                let error = move || assumptions.with(|a| a.error(field).map(str::to_string));
                let error_id = format!("{}-error", field.id());
                view! {
                    <div class="price-field" class:price-field--bad=move || error().is_some()>
                        <label for=field.id()>{field.label()}</label>
                        <div class="price-field__input">
                            {(field != Field::Runs).then(|| view! { <span aria-hidden="true">"$"</span> })}
                            <input
                                id=field.id()
                                type="text"
                                inputmode="decimal"
                                prop:value=move || drafts.with(|d| d[slot].clone())
                                aria-describedby=error_id.clone()
                                aria-invalid=move || error().is_some().to_string()
                                on:change=move |ev| {
                                    let text = event_target_value(&ev);
                                    drafts.update(|d| d[slot] = text.clone());
                                    assumptions.update(|a| a.enter(field, &text));
                                }
                            />
                        </div>
                        <p class="price-field__error" id=error_id role="alert">{error}</p>
                    </div>
                }
            })
            .collect_view()
    };
    let reset = move |_| {
        let defaults = Assumptions::default();
        drafts.set(Field::ALL.map(|f| defaults.text(f)));
        assumptions.set(defaults);
    };
    let latency_figure_caption = workbench_caption(store, Vec::new);
    let break_even_caption = workbench_caption(store, move || {
        vec![match data.with(|d| d.questions) {
            Some(n) => format!(
                "break-even after {} questions at the assumed prices",
                plain_number(n)
            ),
            None => "fine-tuning never cheaper at the assumed prices".to_string(),
        }]
    });
    let ready = Memo::new(move |_| report.with(Option::is_some));
    let body = move || {
        if !ready.get() {
            return view! { <PendingNote/> }.into_any();
        }
        view! {
            <section class="cost-section" aria-labelledby="latency-title">
                <h3 id="latency-title">"Where the time goes"</h3>
                <NoticeCaption class="latency-caption" summary="What the times leave out"
                    notice=latency_caption/>
                <div class="chart-frame">
                    <LatencyBars report=report/>
                    <FigureDownload figure=&LATENCY_FIGURE caption=latency_figure_caption/>
                </div>
                <LatencyTable report=report/>
            </section>
            <section class="cost-section" aria-labelledby="cost-title">
                <h3 id="cost-title">"Up front or per question"</h3>
                <ul class="cost-facts">
                    <li class="mode--tuned">{upfront}</li>
                    <li class="mode--rag">{per_query}</li>
                </ul>
                <NoticeCaption class="cost-caption" summary="The numbers behind it"
                    notice=cost_caption/>
                <div class="chart-layout">
                    <div class="chart-frame">
                        <BreakEvenChart data=data/>
                        <FigureDownload figure=&BREAK_EVEN_FIGURE caption=break_even_caption/>
                    </div>
                    <aside class="chart-aside cost-assumptions">
                        <h4>"Price assumptions (USD)"</h4>
                        <p class="chart-note cost-assumptions__source">
                            {format!("Defaults: {PRICES_SOURCE}, read {PRICES_READ_ON}. ")}
                            <strong>"These are assumptions: check current prices."</strong>
                        </p>
                        {form}
                        <button type="button" class="cost-reset" on:click=reset>"Reset to the defaults"</button>
                    </aside>
                </div>
                <BreakEvenTable data=data/>
                <p class="chart-note">
                    "Token counts are measured on this toy with its tiny model's tokenizer; a \
                     hosted LLM counts somewhat differently. The base model is left out of the \
                     chart: it is the cheapest, but it cannot answer."
                </p>
            </section>
            // Closed at first: the two cards are background, and open they made the page
            // about 400 px longer.
            <details class="evidence evidence--more">
                <summary><h3 id="cost-evidence">"What published figures say"</h3></summary>
                <div class="evidence__cards">
                    <EvidenceCard item=story::PRICE_LIST ours=ours_prices/>
                    <EvidenceCard item=story::PHYSICS ours=ours_exposures/>
                </div>
            </details>
        }
        .into_any()
    };
    view! {
        <section class="view cost" aria-labelledby="view-title">
            <h2 id="view-title" class="view__title">"Cost and latency"</h2>
            <p class="view__lead">
                "Retrieval pays on every question; fine-tuning pays up front, and again at every \
                 retrain. The times are measured in your browser; the prices are assumptions you \
                 can change."
            </p>
            {body}
        </section>
    }
}
