//! The app's one store: the live [`Workbench`] plus the few signals views share.
//!
//! The workbench is heavy and not reactive itself, so it sits in a `StoredValue` and a
//! `revision` signal is bumped after every change to it; reading through [`AppStore::with`]
//! subscribes to that signal, so views recompute exactly when the pipeline changed.

use leptos::prelude::*;

use crate::core::workbench::Workbench;

/// Where start-up is.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum LoadState {
    /// Still loading; the text says which step (for the progress indicator), the number is
    /// the share done, 0..=1.
    Loading(String, f32),
    /// The pipeline is ready.
    Ready,
    /// Start-up failed; the text says why in words a learner can act on.
    Failed(String),
}

/// Shared state, provided as context at the root; `Copy`, so views take it by value.
#[derive(Clone, Copy)]
pub(crate) struct AppStore {
    /// Start-up progress.
    pub(crate) load: RwSignal<LoadState>,
    bench: StoredValue<Option<Workbench>, LocalStorage>,
    revision: RwSignal<u64>,
    /// The question being asked (shared by Ask, the inspector and the map).
    pub(crate) question: RwSignal<String>,
    /// The Retrieval toggle of the 2x2.
    pub(crate) retrieval: RwSignal<bool>,
    /// The Tuned-weights toggle of the 2x2.
    pub(crate) tuned: RwSignal<bool>,
    /// URL parameters that were ignored at start-up, for a small notice.
    pub(crate) url_notices: RwSignal<Vec<String>>,
    /// The long job running now and how far it is, in words, for the header (`state::jobs`);
    /// `None` when nothing runs.
    pub(crate) job: RwSignal<Option<String>>,
}

impl AppStore {
    /// An empty store in the loading state.
    pub(crate) fn new() -> Self {
        Self {
            load: RwSignal::new(LoadState::Loading("Starting".into(), 0.0)),
            bench: StoredValue::new_local(None),
            revision: RwSignal::new(0),
            question: RwSignal::new(String::new()),
            retrieval: RwSignal::new(true),
            tuned: RwSignal::new(true),
            url_notices: RwSignal::new(Vec::new()),
            job: RwSignal::new(None),
        }
    }

    /// The store provided by the root component.
    pub(crate) fn use_context() -> Self {
        expect_context::<AppStore>()
    }

    /// What views say in place of their content until the pipeline is ready (reactive): that
    /// it is loading or, after a start-up failure, that nothing can show.
    pub(crate) fn pending_note(&self) -> &'static str {
        match self.load.with(|load| matches!(load, LoadState::Failed(_))) {
            true => "Nothing to show: the explainer could not start (the message above says why).",
            false => "Loading the model and documents…",
        }
    }

    /// Installs the loaded workbench and marks the app ready.
    pub(crate) fn install(&self, bench: Workbench) {
        self.bench.set_value(Some(bench));
        self.revision.update(|r| *r += 1);
        self.load.set(LoadState::Ready);
    }

    /// Puts `bench` in use and hands back the one it replaces (the corpus switcher keeps the
    /// sample workbench aside, so switching back is instant and keeps its edits).
    pub(crate) fn swap(&self, bench: Workbench) -> Option<Workbench> {
        let previous = self.bench.try_update_value(|b| b.replace(bench)).flatten();
        self.revision.update(|r| *r += 1);
        previous
    }

    /// Reads the workbench (reactively: re-runs when it changes). `None` while loading.
    pub(crate) fn with<R>(&self, read: impl FnOnce(&Workbench) -> R) -> Option<R> {
        self.revision.track();
        self.bench.with_value(|b| b.as_ref().map(read))
    }

    /// Reads the workbench without subscribing (for event handlers).
    pub(crate) fn with_untracked<R>(&self, read: impl FnOnce(&Workbench) -> R) -> Option<R> {
        self.bench.with_value(|b| b.as_ref().map(read))
    }

    /// Changes the workbench and tells every reader.
    pub(crate) fn update<R>(&self, change: impl FnOnce(&mut Workbench) -> R) -> Option<R> {
        let out = self
            .bench
            .try_update_value(|b| b.as_mut().map(change))
            .flatten();
        self.revision.update(|r| *r += 1);
        out
    }

    /// A number that changes whenever the workbench does (for memo keys).
    pub(crate) fn revision(&self) -> u64 {
        self.revision.get()
    }
}

impl Default for AppStore {
    fn default() -> Self {
        Self::new()
    }
}
