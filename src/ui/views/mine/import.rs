//! One import of documents: read each file, check it, then embed and index everything, with a
//! progress bar and Cancel. The page gets a turn between every file and every few milliseconds
//! of embedding and indexing (a batch of passages, a segment of the index), so it never freezes; the
//! result is applied only at the end, so a cancelled (or failed) import changes nothing.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::prelude::*;

use super::staging::Staged;
use crate::ui::state::files::{read_file, PickedFile};
use crate::ui::state::loader::yield_now;
use crate::ui::state::workspace::{build_step_label, Workspace};
use crate::ui::state::AppStore;

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
pub(crate) async fn run(
    store: AppStore,
    work: Workspace,
    source: Source,
    progress: RwSignal<Option<ImportProgress>>,
    cancel: Arc<AtomicBool>,
) -> ImportOutcome {
    let existing = work.documents.get_untracked();
    let mut outcome = ImportOutcome::default();
    let stopped = || cancel.load(Ordering::Relaxed);
    let show = |step: String, done: usize, total: usize| {
        progress.try_set(Some(ImportProgress { step, done, total }));
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

/// Reads picked files without staging them (used by the pairs and scenario imports).
pub(crate) async fn read_first(files: Vec<web_sys::File>) -> Option<Result<PickedFile, String>> {
    let file = files.into_iter().next()?;
    Some(read_file(&file).await)
}
