//! The live evaluation every chart view reads: re-run whenever the workbench changes (store
//! revision), with the embedded question set prepared once and the last report kept, so
//! moving between views does not re-evaluate an unchanged workbench. The trade-off, timeline
//! and cost views read it; the timeline also fills it.
//!
//! This is a cache of a pure function of the store (its workbench at a revision), not state
//! anyone owns, so it is a module-level memo rather than a context: nothing but
//! [`remember`] and the evaluation itself writes it.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::core::eval::{evaluate, EvalReport, EvalSet};
use crate::core::workbench::Workbench;
use crate::ui::state::{AppStore, BrowserClock};

thread_local! {
    /// The embedded evaluation questions (they depend only on the corpus and the model).
    static EVAL_SET: RefCell<Option<Rc<EvalSet>>> = const { RefCell::new(None) };
    /// The last report and the store revision it was computed at.
    static LAST: RefCell<Option<(u64, Arc<EvalReport>)>> = const { RefCell::new(None) };
}

/// The evaluation questions for `bench`, embedded once (rebuilt if the corpus changed).
pub(crate) fn eval_set(bench: &Workbench) -> Rc<EvalSet> {
    EVAL_SET.with(|cell| {
        let mut cached = cell.borrow_mut();
        match cached.as_ref() {
            Some(set) if set.items() == bench.corpus().eval_items().as_slice() => set.clone(),
            _ => {
                let set = Rc::new(EvalSet::new(bench));
                *cached = Some(set.clone());
                set
            }
        }
    })
}

/// Evaluates `bench` at store revision `revision`, or returns the report already made there.
fn report_at(bench: &Workbench, revision: u64) -> Arc<EvalReport> {
    if let Some(report) = LAST.with(|last| {
        last.borrow()
            .as_ref()
            .filter(|(at, _)| *at == revision)
            .map(|(_, r)| r.clone())
    }) {
        return report;
    }
    let set = eval_set(bench);
    let report = Arc::new(evaluate(bench, &set, &BrowserClock));
    LAST.with(|last| *last.borrow_mut() = Some((revision, report.clone())));
    report
}

/// The evaluation of the workbench as it stands; `None` while the app loads.
pub(crate) fn use_live_eval(store: AppStore) -> Memo<Option<Arc<EvalReport>>> {
    Memo::new(move |_| {
        let revision = store.revision();
        store.with(|bench| report_at(bench, revision))
    })
}

/// Keeps `report` as the evaluation at store revision `revision` (for a caller that has just
/// evaluated the workbench it changed, so the charts need not evaluate it again).
pub(crate) fn remember(revision: u64, report: Arc<EvalReport>) {
    LAST.with(|last| *last.borrow_mut() = Some((revision, report)));
}
