//! What this run measured for the cost panel (the workload, the last training run), and the
//! two sentences that say what each approach pays: once per training run, or per question.

use leptos::prelude::*;

use crate::core::cost::Workload;
use crate::ui::components::chart::plain_number;
use crate::ui::state::AppStore;

/// What the training run and the corpus measure, for the cost panel.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Measured {
    /// The workload as measured on the workbench.
    pub(crate) workload: Workload,
    /// The last training run's compute time.
    pub(crate) train_ms: f64,
    /// How often training showed the model each fact.
    pub(crate) exposures: f64,
    /// The version the model in use learnt.
    pub(crate) trained_on: Option<String>,
}

/// The measurements, kept up to date with the workbench.
pub(crate) fn measure(store: AppStore) -> Memo<Measured> {
    Memo::new(move |_| {
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
    })
}

/// "Fine-tuning, paid once per training run: …" and "Retrieval, paid on every question: …".
#[component]
pub(crate) fn CostFacts(
    /// What this run measured.
    measured: Memo<Measured>,
    /// The workload with the assumed number of training runs.
    workload: Memo<Workload>,
) -> impl IntoView {
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
    view! {
        <ul class="cost-facts">
            <li class="mode--tuned">{upfront}</li>
            <li class="mode--rag">{per_query}</li>
        </ul>
    }
}
