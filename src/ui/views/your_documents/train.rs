//! The "Train on my pairs" button, the run's progress and how it ended. The run itself is the
//! learner work's ([`crate::ui::state::pair_training`]), so it goes on when the learner leaves.

use leptos::prelude::*;

use crate::ui::state::learner_work::{usable_pairs, LearnerWork};
use crate::ui::state::pair_training::PairRunState;
use crate::ui::state::AppStore;

/// The Train button, its progress, and what happened.
#[component]
pub(crate) fn TrainOnPairs() -> impl IntoView {
    let store = AppStore::use_context();
    let work = LearnerWork::use_context();
    let run = work.pair_training;
    // A refusal ("add a pair first") is about the rows as they were: once they change, it goes.
    Effect::new(move |first: Option<()>| {
        work.pairs.track();
        work.documents.track();
        if first.is_some()
            && run
                .state
                .with_untracked(|s| matches!(s, PairRunState::Failed(_)))
        {
            run.state.set(PairRunState::Idle);
        }
    });
    let running = move || run.running();
    let start = move |_| run.start(store, work);
    let stop = move |_: leptos::ev::MouseEvent| run.cancel();
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
            {move || match run.state.get() {
                PairRunState::Running { done, total } => {
                    view! {
                    <span class="mine__progress" role="status">
                        <label for="mine-train-progress">"Training…"</label>
                        <progress id="mine-train-progress" max=total.to_string() value=done.to_string()></progress>
                        <button type="button" on:click=stop>"Cancel"</button>
                    </span>
                }.into_any()
                }
                PairRunState::Done { pairs, ms } => view! {
                    <p class="mine__summary mine__trained" role="status">
                        {format!("Trained on {pairs} pair(s) in {ms:.0} ms. ")}
                        <a href="?view=ask">"Ask a question"</a>
                        " to see the four modes on your documents, or open the "
                        <a href="?view=tradeoff">"trade-off chart"</a>
                        ": your pairs are now its evaluation set."
                    </p>
                }.into_any(),
                PairRunState::Cancelled => view! {
                    <p class="mine__summary" role="status">"Training cancelled: the model in use is unchanged."</p>
                }.into_any(),
                PairRunState::Failed(why) => view! { <p class="mine__summary" role="alert">{why}</p> }.into_any(),
                PairRunState::Idle => ().into_any(),
            }}
            {move || stale().then(|| view! {
                <p class="view__note">"The pairs changed since the last training: train again to use them."</p>
            })}
        </div>
    }
}
