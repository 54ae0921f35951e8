//! Retrieval and tuning settings as they are written in a scenario file, and the conversions
//! to and from the workbench's own settings types.

use serde::{Deserialize, Serialize};

use crate::core::index::{IndexParams, NeighbourSelection};
use crate::core::tune::TrainConfig;
use crate::core::workbench::{RetrievalSettings, TrainData, TrainScope, TuneSettings};

/// How the HNSW graph chooses neighbours, as a file key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SelectionKey {
    /// [`NeighbourSelection::Simple`].
    Simple,
    /// [`NeighbourSelection::Heuristic`] without keeping pruned candidates.
    Heuristic,
    /// [`NeighbourSelection::Heuristic`] keeping pruned candidates.
    HeuristicKeepPruned,
}

/// The index parameters of a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexScenario {
    /// [`IndexParams::ef_construction`].
    pub ef_construction: usize,
    /// [`IndexParams::ef_search`].
    pub ef_search: usize,
    /// [`IndexParams::selection`].
    pub selection: SelectionKey,
    /// [`IndexParams::seed`].
    pub seed: u64,
    /// [`IndexParams::exact_below`].
    pub exact_below: usize,
}

/// The retrieval settings of a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetrievalScenario {
    /// Passages handed to the reader (1-50).
    pub k: usize,
    /// The reader's abstention threshold (-1 to 1).
    pub threshold: f32,
    /// Leave outdated and low-signal documents out of the index.
    pub curated: bool,
    /// HNSW build and search parameters.
    pub index: IndexScenario,
}

impl RetrievalScenario {
    /// The scenario form of `settings`.
    pub fn from_settings(settings: &RetrievalSettings) -> Self {
        let p = settings.index;
        Self {
            k: settings.k,
            threshold: settings.threshold,
            curated: settings.curated,
            index: IndexScenario {
                ef_construction: p.ef_construction,
                ef_search: p.ef_search,
                selection: match p.selection {
                    NeighbourSelection::Simple => SelectionKey::Simple,
                    NeighbourSelection::Heuristic { keep_pruned: false } => SelectionKey::Heuristic,
                    NeighbourSelection::Heuristic { keep_pruned: true } => {
                        SelectionKey::HeuristicKeepPruned
                    }
                },
                seed: p.seed,
                exact_below: p.exact_below,
            },
        }
    }

    /// These settings applied over `base` (fields the scenario does not carry keep `base`'s
    /// values).
    pub fn to_settings(&self, base: RetrievalSettings) -> RetrievalSettings {
        let mut out = base;
        out.k = self.k;
        out.threshold = self.threshold;
        out.curated = self.curated;
        out.index = IndexParams {
            ef_construction: self.index.ef_construction,
            ef_search: self.index.ef_search,
            selection: match self.index.selection {
                SelectionKey::Simple => NeighbourSelection::Simple,
                SelectionKey::Heuristic => NeighbourSelection::Heuristic { keep_pruned: false },
                SelectionKey::HeuristicKeepPruned => {
                    NeighbourSelection::Heuristic { keep_pruned: true }
                }
            },
            seed: self.index.seed,
            exact_below: self.index.exact_below,
        };
        out
    }
}

/// Which facts tuning is taught, as a file key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DataKey {
    /// [`TrainData::Snapshot`].
    Snapshot,
    /// [`TrainData::Current`].
    Current,
}

/// Fresh or continued training, as a file key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScopeKey {
    /// [`TrainScope::Fresh`].
    Fresh,
    /// [`TrainScope::ChangesOnly`].
    ChangesOnly,
    /// [`TrainScope::Replay`] with [`TuningScenario::replay_share`].
    Replay,
}

/// The tuning settings of a scenario, and the version the model in use was trained on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TuningScenario {
    /// Passes over the training set (1-1000).
    pub epochs: usize,
    /// AdamW step size (above 0, at most 10).
    pub learning_rate: f32,
    /// Hidden width, the capacity knob (0-1024; 0 = plain softmax).
    pub hidden: usize,
    /// Training seed.
    pub seed: u64,
    /// Examples per step (1-1024).
    pub batch_size: usize,
    /// Weight decay (0-1).
    pub weight_decay: f32,
    /// Training phrasings per fact (1-100).
    pub phrasings: usize,
    /// Snapshot or current version.
    pub data: DataKey,
    /// Fresh, changes only, or replay.
    pub scope: ScopeKey,
    /// Share of old examples replayed (0-1; used with `replay`).
    pub replay_share: f32,
    /// The version the model in use was trained on; `null` when none is trained.
    #[serde(default)]
    pub trained_on: Option<String>,
}

impl TuningScenario {
    /// The scenario form of `settings`, with the version the model in use was trained on.
    pub fn from_settings(settings: &TuneSettings, trained_on: Option<&str>) -> Self {
        let c = &settings.config;
        let (scope, replay_share) = match settings.scope {
            TrainScope::Fresh => (ScopeKey::Fresh, 0.0),
            TrainScope::ChangesOnly => (ScopeKey::ChangesOnly, 0.0),
            TrainScope::Replay(share) => (ScopeKey::Replay, share),
        };
        Self {
            epochs: c.epochs,
            learning_rate: c.learning_rate,
            hidden: c.hidden,
            seed: c.seed,
            batch_size: c.batch_size,
            weight_decay: c.weight_decay,
            phrasings: settings.phrasings,
            data: match settings.data {
                TrainData::Snapshot => DataKey::Snapshot,
                TrainData::Current => DataKey::Current,
            },
            scope,
            replay_share,
            trained_on: trained_on.map(str::to_string),
        }
    }

    /// The workbench's tuning settings.
    pub fn to_settings(&self) -> TuneSettings {
        TuneSettings {
            config: TrainConfig {
                epochs: self.epochs,
                learning_rate: self.learning_rate,
                hidden: self.hidden,
                seed: self.seed,
                batch_size: self.batch_size,
                weight_decay: self.weight_decay,
            },
            phrasings: self.phrasings,
            data: match self.data {
                DataKey::Snapshot => TrainData::Snapshot,
                DataKey::Current => TrainData::Current,
            },
            scope: match self.scope {
                ScopeKey::Fresh => TrainScope::Fresh,
                ScopeKey::ChangesOnly => TrainScope::ChangesOnly,
                ScopeKey::Replay => TrainScope::Replay(self.replay_share),
            },
        }
    }
}
