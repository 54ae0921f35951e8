//! Long work in a one-thread browser: every long run (building a workbench from the learner's
//! documents, restoring or importing them, training, training on the learner's pairs) is cut
//! into slices of at most [`SLICE_BUDGET_MS`], the page getting a turn between two slices, so
//! the page stays responsive and a cancel is seen between slices.
//!
//! [`report`] and [`end`] keep `AppStore::job` (what runs now, for the header's indicator) up
//! to date. Runs are spawned with root-owned state, so they go on when the learner leaves the
//! view that started them; that view shows their progress or result again on return.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::prelude::*;

use crate::core::clock::Clock;
use crate::ui::state::loader::yield_now;
use crate::ui::state::{AppStore, BrowserClock};

/// Work per slice before the page gets a turn (ms): well under the 50 ms that starts to feel
/// like a frozen page, and big enough that yielding does not dominate.
pub(crate) const SLICE_BUDGET_MS: f64 = 12.0;

/// The Cancel of a root-owned run: each run takes a fresh flag when it starts, so a Cancel
/// meant for an earlier run never stops the next one. `Copy`.
#[derive(Clone, Copy)]
pub(crate) struct CancelFlag(StoredValue<Arc<AtomicBool>>);

impl CancelFlag {
    /// No run yet.
    pub(crate) fn new() -> Self {
        Self(StoredValue::new(Arc::new(AtomicBool::new(false))))
    }

    /// A fresh flag for the run that starts now (the run asks it between slices).
    pub(crate) fn fresh(&self) -> Arc<AtomicBool> {
        let flag = Arc::new(AtomicBool::new(false));
        self.0.set_value(flag.clone());
        flag
    }

    /// Asks the run going now to stop.
    pub(crate) fn cancel(&self) {
        self.0.with_value(|c| c.store(true, Ordering::Relaxed));
    }
}

/// Tells the header that `label` is `done` of `total` steps along (`store.job`).
pub(crate) fn report(store: AppStore, label: &str, done: usize, total: usize) {
    let percent = done * 100 / total.max(1);
    store.job.set(Some(format!("{label}: {percent}%")));
}

/// Tells the header that the job ended (finished, cancelled or failed).
pub(crate) fn end(store: AppStore) {
    store.job.set(None);
}

/// Runs `step` (one small unit of work; `Ok(true)` once the work is finished) in slices of
/// [`SLICE_BUDGET_MS`], yielding to the page between slices. `after_slice` hears each slice's
/// length in ms and returns false to stop; `cancelled` is asked before every slice. Returns
/// `Ok(true)` when the work finished, `Ok(false)` when it was stopped, or the first error.
/// Takes its callbacks as trait objects so every long job shares one copy of the loop.
pub(crate) async fn run_in_slices(
    step: &mut dyn FnMut() -> Result<bool, String>,
    after_slice: &mut dyn FnMut(f64) -> bool,
    cancelled: &dyn Fn() -> bool,
) -> Result<bool, String> {
    let clock = BrowserClock;
    loop {
        if cancelled() {
            return Ok(false);
        }
        let start = clock.now_ms();
        let mut finished = step()?;
        while !finished && clock.now_ms() - start < SLICE_BUDGET_MS {
            finished = step()?;
        }
        if !after_slice(clock.now_ms() - start) {
            return Ok(false);
        }
        if finished {
            return Ok(true);
        }
        yield_now().await;
    }
}
