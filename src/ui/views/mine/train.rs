//! "Train on my pairs": index the documents with the pairs as facts, then run the same training
//! the Training view runs (`Workbench::start_tuning` stepped in `jobs::run_in_slices`), with
//! progress and Cancel. The four modes and the charts then use the pairs as their
//! evaluation set.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::workbench::{BuildProgress, Workbench};
use crate::ui::state::jobs::run_in_slices;
use crate::ui::state::workspace::{
    build_workbench_stepwise, pair_tune_settings, usable_pairs, Workspace,
};
use crate::ui::state::AppStore;

/// How the last run went.
#[derive(Clone, Debug, PartialEq)]
enum RunState {
    Idle,
    Running { done: usize, total: usize },
    Done { pairs: usize, ms: f64 },
    Cancelled,
    Failed(String),
}

async fn train(
    store: AppStore,
    work: Workspace,
    state: RwSignal<RunState>,
    cancel: Arc<AtomicBool>,
) -> RunState {
    let pairs = usable_pairs(&work.pairs.get_untracked());
    if pairs.is_empty() {
        return RunState::Failed(
            "Add at least one pair with both a question and an answer first.".into(),
        );
    }
    let documents = work.documents.get_untracked();
    if documents.is_empty() {
        return RunState::Failed("Add your documents first: the answers come from them.".into());
    }
    let stopped = || cancel.load(Ordering::Relaxed);
    let indexing = |p: BuildProgress| {
        state.try_set(RunState::Running {
            done: p.done,
            total: p.total.max(1),
        });
    };
    let mut bench: Workbench =
        match build_workbench_stepwise(store, &documents, &pairs, indexing, stopped).await {
            Ok(Some(b)) => b,
            Ok(None) => return RunState::Cancelled,
            Err(why) => return RunState::Failed(why),
        };
    let run = match bench.start_tuning(&pair_tune_settings()) {
        Ok(run) => run,
        Err(e) => return RunState::Failed(format!("Training cannot start: {e}.")),
    };
    let mut compute_ms = 0.0;
    let run = std::cell::RefCell::new(run);
    let progress = std::cell::Cell::new((0, 1));
    let finished = run_in_slices(
        &mut || {
            let mut run = run.borrow_mut();
            let step = run.step(2);
            progress.set((step.batches_done, step.batches_total.max(1)));
            Ok(run.finished())
        },
        &mut |slice_ms| {
            compute_ms += slice_ms;
            let (done, total) = progress.get();
            // A disposed signal means the view is gone: stop, as a cancel.
            state.try_set(RunState::Running { done, total }).is_none()
        },
        &|| cancel.load(Ordering::Relaxed),
    )
    .await;
    if finished != Ok(true) {
        return RunState::Cancelled;
    }
    let run = run.into_inner();
    let mut model = run.finish();
    model.train_ms = compute_ms;
    bench.install_tuned(model);
    work.pairs.set(pairs.clone());
    work.trained_pairs.set(Some(pairs.clone()));
    work.forget_parked_mine();
    work.install_mine(store, bench);
    let _ = work.switch(store, crate::ui::state::workspace::CorpusChoice::Mine);
    RunState::Done {
        // A question asked twice is learned once.
        pairs: pairs.len() - crate::core::byod::repeated_questions(&pairs).len(),
        ms: compute_ms,
    }
}

/// The Train button, its progress, and what happened.
#[component]
pub(crate) fn TrainOnPairs() -> impl IntoView {
    let store = AppStore::use_context();
    let work = Workspace::use_context();
    let left = work.pair_run_left.get_untracked();
    work.pair_run_left.set(false);
    let state = RwSignal::new(match left {
        true => RunState::Failed(
            "Your last training run stopped when you left this view; the model in use did not \
             change. Press Train to run it again."
                .into(),
        ),
        false => RunState::Idle,
    });
    let cancel = Arc::new(AtomicBool::new(false));
    {
        let cancel = cancel.clone();
        on_cleanup(move || {
            if state.try_with_untracked(|s| matches!(s, RunState::Running { .. })) == Some(true) {
                work.pair_run_left.set(true);
            }
            cancel.store(true, Ordering::Relaxed);
        });
    }
    // A refusal ("add a pair first") is about the rows as they were: once they change, it goes.
    Effect::new(move |first: Option<()>| {
        work.pairs.track();
        work.documents.track();
        if first.is_some() && state.with_untracked(|s| matches!(s, RunState::Failed(_))) {
            state.set(RunState::Idle);
        }
    });
    let running = move || matches!(state.get(), RunState::Running { .. });
    let start = {
        let cancel = cancel.clone();
        move |_| {
            if matches!(state.get_untracked(), RunState::Running { .. }) {
                return;
            }
            cancel.store(false, Ordering::Relaxed);
            state.set(RunState::Running { done: 0, total: 1 });
            let cancel = cancel.clone();
            spawn_local(async move {
                let end = train(store, work, state, cancel).await;
                state.try_set(end);
            });
        }
    };
    let stop = move |_: leptos::ev::MouseEvent| cancel.store(true, Ordering::Relaxed);
    let stale = move || {
        let now = usable_pairs(&work.pairs.get());
        work.trained_pairs
            .with(|t| t.as_ref().is_some_and(|t| *t != now))
    };
    view! {
        <div class="mine__train">
            <button type="button" class="primary mine__train-button" prop:disabled=running on:click=start>
                "Train on my pairs"
            </button>
            {move || match state.get() {
                RunState::Running { done, total } => {
                    let stop = stop.clone();
                    view! {
                    <span class="mine__progress" role="status">
                        <label for="mine-train-progress">"Training…"</label>
                        <progress id="mine-train-progress" max=total.to_string() value=done.to_string()></progress>
                        <button type="button" on:click=stop>"Cancel"</button>
                    </span>
                }.into_any()
                }
                RunState::Done { pairs, ms } => view! {
                    <p class="mine__summary mine__trained" role="status">
                        {format!("Trained on {pairs} pair(s) in {ms:.0} ms. ")}
                        <a href="?view=ask">"Ask a question"</a>
                        " to see the four modes on your documents, or open the "
                        <a href="?view=tradeoff">"trade-off chart"</a>
                        ": your pairs are now its evaluation set."
                    </p>
                }.into_any(),
                RunState::Cancelled => view! {
                    <p class="mine__summary" role="status">"Training cancelled: the model in use is unchanged."</p>
                }.into_any(),
                RunState::Failed(why) => view! { <p class="mine__summary" role="alert">{why}</p> }.into_any(),
                RunState::Idle => ().into_any(),
            }}
            {move || stale().then(|| view! {
                <p class="view__note">"The pairs changed since the last training: train again to use them."</p>
            })}
        </div>
    }
}
