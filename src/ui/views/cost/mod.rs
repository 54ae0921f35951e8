//! Cost and latency (`?view=cost`): where the time goes in each mode (measured per stage over
//! the evaluation run), what fine-tuning costs up front against what retrieval adds to every
//! question, and when the upfront cost pays off under editable, dated price assumptions.

mod assumptions;
mod breakeven;
mod facts;
mod latency;
pub(crate) mod story;

use leptos::prelude::*;

use crate::core::modes::Mode;
use crate::ui::components::chart::{plain_number, EvidenceCard};
use crate::ui::components::figure_download::{workbench_caption, Figure, FigureDownload};
use crate::ui::components::notice::NoticeCaption;
use crate::ui::components::pending_note::PendingNote;
use crate::ui::state::evaluation::use_live_eval;
use crate::ui::state::remembered::Remembered;
use crate::ui::state::AppStore;
use assumptions::PriceAssumptions;
use breakeven::{BreakEven, BreakEvenChart, BreakEvenTable};
use facts::{measure, CostFacts};
use latency::LatencySection;

/// The break-even chart as a downloadable figure.
const BREAK_EVEN_FIGURE: Figure = Figure {
    slug: "cost-break-even",
    what: "the cost break-even chart",
    title: "Cost: fine-tuning up front against retrieval per question",
    chart: ".break-even-chart",
    legend: Some(".break-even-frame .stage-legend li"),
};

/// The cost and latency view.
#[component]
pub(crate) fn CostView() -> impl IntoView {
    let store = AppStore::use_context();
    let report = use_live_eval(store);
    let assumptions = Remembered::use_context().cost.assumptions;
    let measured = measure(store);
    let workload = Memo::new(move |_| {
        let mut w = measured.get().workload;
        w.training_runs = assumptions.with(|a| a.runs);
        w
    });
    let data = Memo::new(move |_| assumptions.with(|a| BreakEven::new(&a.prices, &workload.get())));

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
            <LatencySection report=report/>
            <section class="cost-section" aria-labelledby="cost-title">
                <h3 id="cost-title">"Up front or per question"</h3>
                <CostFacts measured=measured workload=workload/>
                <NoticeCaption class="cost-caption" summary="The numbers behind it"
                    notice=cost_caption/>
                <div class="chart-layout">
                    <div class="chart-frame">
                        <BreakEvenChart data=data/>
                        <FigureDownload figure=&BREAK_EVEN_FIGURE caption=break_even_caption/>
                    </div>
                    <PriceAssumptions/>
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
