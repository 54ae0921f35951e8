//! One import of documents: read each file, check it, then embed and index everything, with a
//! progress bar and Cancel. The page gets a turn between every file and every few milliseconds
//! of embedding and indexing (a batch of passages, a segment of the index), so it never freezes; the
//! result is applied only at the end, so a cancelled (or failed) import changes nothing.
//!
//! The run and its progress live here, owned by the root ([`DocumentImport`] in the
//! [`LearnerWork`]), so an import goes on when the learner leaves "Your documents", the header
//! shows it, and the view shows its progress or outcome again on return.

mod staging;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::ui::state::files::read_file;
use crate::ui::state::jobs::{self, CancelFlag};
use crate::ui::state::learner_work::{build_step_label, LearnerWork};
use crate::ui::state::loader::yield_now;
use crate::ui::state::AppStore;
pub(crate) use staging::Staged;

/// What the header calls an import while it runs.
const JOB_LABEL: &str = "Adding documents";

/// The learner's document import: the one that runs now (its progress) and how the last one
/// ended. Root-owned and `Copy`.
#[derive(Clone, Copy)]
pub(crate) struct DocumentImport {
    /// `Some` while an import runs.
    pub(crate) progress: RwSignal<Option<ImportProgress>>,
    /// How the last import ended (`None` before the first).
    pub(crate) outcome: RwSignal<Option<ImportOutcome>>,
    /// Bumped when an import of pasted text was accepted whole, so the paste box empties.
    pub(crate) pasted: RwSignal<u32>,
    cancel: CancelFlag,
}

impl DocumentImport {
    /// No import yet.
    pub(crate) fn new() -> Self {
        Self {
            progress: RwSignal::new(None),
            outcome: RwSignal::new(None),
            pasted: RwSignal::new(0),
            cancel: CancelFlag::new(),
        }
    }

    /// True (and tracked) while an import runs.
    pub(crate) fn busy(&self) -> bool {
        self.progress.with(Option::is_some)
    }

    /// Starts importing `source`, unless an import already runs.
    pub(crate) fn start(self, store: AppStore, work: LearnerWork, source: Source) {
        if self.progress.get_untracked().is_some() {
            return;
        }
        let cancel = self.cancel.fresh();
        self.progress.set(Some(ImportProgress {
            step: "Starting".into(),
            done: 0,
            total: 1,
        }));
        spawn_local(async move {
            let result = run(store, work, source, self.progress, cancel).await;
            let pasted_whole = result.staged.pasted
                && !result.cancelled
                && result.failed.is_none()
                && result.staged.refused.is_empty();
            self.progress.set(None);
            jobs::end(store);
            self.outcome.set(Some(result));
            if pasted_whole {
                self.pasted.update(|n| *n += 1);
            }
        });
    }

    /// Asks the running import to stop (it then changes nothing).
    pub(crate) fn cancel(&self) {
        self.cancel.cancel();
    }
}

impl Default for DocumentImport {
    fn default() -> Self {
        Self::new()
    }
}

/// Where an import stands.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ImportProgress {
    /// What is happening, in words ("Reading handbook.md").
    pub(crate) step: String,
    /// Steps done.
    pub(crate) done: usize,
    /// Steps in all: files while reading, then documents, batches of passages and index
    /// segments, stage by stage (the label names the stage).
    pub(crate) total: usize,
}

/// What the learner handed over.
pub(crate) enum Source {
    /// Files chosen or dropped.
    Files(Vec<web_sys::File>),
    /// A pasted document.
    Paste {
        /// Its title.
        title: String,
        /// Its text.
        text: String,
    },
}

/// How an import ended.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct ImportOutcome {
    /// What was accepted and refused (accepted ones are applied unless cancelled or failed).
    pub(crate) staged: Staged,
    /// The learner pressed Cancel: nothing was applied.
    pub(crate) cancelled: bool,
    /// Indexing failed: nothing was applied.
    pub(crate) failed: Option<String>,
}

/// Runs one import. `progress` is `Some` while it runs.
async fn run(
    store: AppStore,
    work: LearnerWork,
    source: Source,
    progress: RwSignal<Option<ImportProgress>>,
    cancel: Arc<AtomicBool>,
) -> ImportOutcome {
    let existing = work.documents.get_untracked();
    let mut outcome = ImportOutcome::default();
    let stopped = || cancel.load(Ordering::Relaxed);
    let show = |step: String, done: usize, total: usize| {
        jobs::report(store, JOB_LABEL, done, total);
        progress.set(Some(ImportProgress { step, done, total }));
    };
    match source {
        Source::Paste { title, text } => {
            outcome.staged.add_paste(&existing, &title, &text);
        }
        Source::Files(files) => {
            let total = files.len();
            for (done, file) in files.iter().enumerate() {
                show(format!("Reading {}", file.name()), done, total);
                yield_now().await;
                if stopped() {
                    outcome.cancelled = true;
                    return outcome;
                }
                match read_file(file).await {
                    Ok(picked) => outcome.staged.add_file(&existing, &picked),
                    Err(message) => outcome.staged.refused.push(message),
                }
            }
        }
    }
    if outcome.staged.accepted.is_empty() {
        return outcome;
    }
    let mut documents = existing;
    documents.extend(outcome.staged.accepted.iter().cloned());
    let built = work
        .build_with_stepwise(
            store,
            &documents,
            |p| show(build_step_label(&p), p.done, p.total.max(1)),
            stopped,
        )
        .await;
    match built {
        Ok(Some(bench)) => work.commit_documents(store, documents, bench),
        Ok(None) => outcome.cancelled = true,
        Err(message) => outcome.failed = Some(message),
    }
    outcome
}
