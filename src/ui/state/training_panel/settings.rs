//! The panel's controls as plain values, and how they become the core's [`TuneSettings`].
//! Kept out of the components so native tests cover the ranges and the conversion.

use crate::core::workbench::{TrainData, TrainScope, TuneSettings};

/// Epochs the slider offers.
pub(crate) const EPOCHS: (usize, usize) = (5, 150);
/// Learning rates offered (a log scale is easier to reason about than free typing).
pub(crate) const LEARNING_RATES: [f32; 6] = [0.002, 0.005, 0.01, 0.02, 0.05, 0.1];
/// Hidden widths offered; 0 is a plain linear (softmax) layer.
pub(crate) const CAPACITIES: [usize; 5] = [0, 16, 32, 64, 128];
/// Phrasings per fact the augmentation slider offers.
pub(crate) const PHRASINGS: (usize, usize) = (1, 4);
/// Replay shares offered, in percent.
pub(crate) const REPLAY_PERCENT: (u32, u32) = (10, 100);

/// Which scope the "What to train" control picks: the core's [`TrainScope`] without the
/// replay share, which the form keeps apart so the slider remembers it while another scope
/// is chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeChoice {
    /// A new model on every fact.
    Fresh,
    /// Continue the current model on the changed facts only.
    ChangesOnly,
    /// Continue on the changes plus a replayed share of old examples.
    Replay,
}

impl ScopeChoice {
    /// The short name shown in the history table.
    pub(crate) fn label(self) -> &'static str {
        match self {
            ScopeChoice::Fresh => "fresh",
            ScopeChoice::ChangesOnly => "changes only",
            ScopeChoice::Replay => "changes + replay",
        }
    }
}

/// Everything the controls hold.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PanelSettings {
    /// Passes over the training set.
    pub(crate) epochs: usize,
    /// Step size (one of [`LEARNING_RATES`]).
    pub(crate) learning_rate: f32,
    /// Hidden width (one of [`CAPACITIES`]).
    pub(crate) hidden: usize,
    /// Random seed.
    pub(crate) seed: u64,
    /// Phrasings per fact.
    pub(crate) phrasings: usize,
    /// Snapshot or current version.
    pub(crate) data: TrainData,
    /// Fresh, changes only, or replay.
    pub(crate) scope: ScopeChoice,
    /// Replay share in percent (used with [`ScopeChoice::Replay`]).
    pub(crate) replay_percent: u32,
}

/// The replay share the control shows until the learner picks replay (percent).
const DEFAULT_REPLAY_PERCENT: u32 = 50;

impl Default for PanelSettings {
    /// The app's defaults, so the first run matches the model trained at start-up.
    fn default() -> Self {
        Self::from_core(&TuneSettings::default())
    }
}

impl PanelSettings {
    /// The core settings, every value clamped to what the controls offer.
    pub(crate) fn to_core(&self) -> TuneSettings {
        let mut settings = TuneSettings::default();
        settings.config.epochs = self.epochs.clamp(EPOCHS.0, EPOCHS.1);
        settings.config.learning_rate = nearest(&LEARNING_RATES, self.learning_rate);
        settings.config.hidden = self.hidden.min(CAPACITIES[CAPACITIES.len() - 1]);
        settings.config.seed = self.seed;
        settings.phrasings = self.phrasings.clamp(PHRASINGS.0, PHRASINGS.1);
        settings.data = self.data;
        let share = self
            .replay_percent
            .clamp(REPLAY_PERCENT.0, REPLAY_PERCENT.1) as f32
            / 100.0;
        settings.scope = match self.scope {
            ScopeChoice::Fresh => TrainScope::Fresh,
            ScopeChoice::ChangesOnly => TrainScope::ChangesOnly,
            ScopeChoice::Replay => TrainScope::Replay(share),
        };
        settings
    }

    /// The controls that give `core` (what a saved or imported scenario holds), so a restore
    /// shows the settings the work was saved with. The inverse of [`Self::to_core`] for values
    /// the controls offer.
    pub(crate) fn from_core(core: &TuneSettings) -> Self {
        let (scope, replay_percent) = match core.scope {
            TrainScope::Fresh => (ScopeChoice::Fresh, DEFAULT_REPLAY_PERCENT),
            TrainScope::ChangesOnly => (ScopeChoice::ChangesOnly, DEFAULT_REPLAY_PERCENT),
            TrainScope::Replay(share) => (ScopeChoice::Replay, (share * 100.0).round() as u32),
        };
        Self {
            epochs: core.config.epochs,
            learning_rate: core.config.learning_rate,
            hidden: core.config.hidden,
            seed: core.config.seed,
            phrasings: core.phrasings,
            data: core.data,
            scope,
            replay_percent,
        }
    }

    /// The scope as the history table names it, with the replay share.
    pub(crate) fn scope_label(&self) -> String {
        match self.scope {
            ScopeChoice::Replay => format!(
                "changes + {}% replay",
                self.replay_percent
                    .clamp(REPLAY_PERCENT.0, REPLAY_PERCENT.1)
            ),
            other => other.label().to_string(),
        }
    }
}

/// The value in `options` closest to `value` (the first on a tie; `options` is non-empty).
fn nearest(options: &[f32], value: f32) -> f32 {
    options
        .iter()
        .copied()
        .min_by(|a, b| (a - value).abs().total_cmp(&(b - value).abs()))
        .unwrap_or(value)
}

/// Parses a text field as a number, keeping `fallback` for anything unreadable.
pub(crate) fn parse_or<T: std::str::FromStr>(text: &str, fallback: T) -> T {
    text.trim().parse().unwrap_or(fallback)
}

/// A seed typed by the learner: a whole number from 0 to `u64::MAX`, else why not (and that
/// `current` is kept), so a typo never silently becomes another seed.
pub(crate) fn seed_from(text: &str, current: u64) -> Result<u64, String> {
    text.trim().parse().map_err(|_| {
        format!(
            "\u{201c}{}\u{201d} is not a seed: use a whole number from 0 to {}. The seed stays {current}.",
            text.trim().chars().take(40).collect::<String>(),
            u64::MAX
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_settings_come_back_as_the_controls_held_them() {
        let chosen = PanelSettings {
            epochs: 90,
            learning_rate: 0.05,
            hidden: 32,
            seed: 7,
            phrasings: 3,
            data: TrainData::Current,
            scope: ScopeChoice::Replay,
            replay_percent: 30,
        };
        assert_eq!(PanelSettings::from_core(&chosen.to_core()), chosen);
        let defaults = PanelSettings::default();
        assert_eq!(PanelSettings::from_core(&defaults.to_core()), defaults);
    }

    #[test]
    fn a_bad_seed_is_refused_with_the_kept_one_named() {
        assert_eq!(seed_from(" 7 ", 42), Ok(7));
        for bad in ["-5", "1e3", "99999999999999999999999", "", "seven"] {
            let why = seed_from(bad, 7).unwrap_err();
            assert!(why.contains("The seed stays 7."), "{bad}: {why}");
        }
    }

    #[test]
    fn defaults_match_the_model_trained_at_start_up() {
        assert_eq!(PanelSettings::default().to_core(), TuneSettings::default());
    }

    #[test]
    fn out_of_range_values_are_clamped_to_what_the_controls_offer() {
        let wild = PanelSettings {
            epochs: 100_000,
            learning_rate: 7.0,
            hidden: 4096,
            phrasings: 0,
            replay_percent: 0,
            scope: ScopeChoice::Replay,
            ..PanelSettings::default()
        };
        let core = wild.to_core();
        assert_eq!(core.config.epochs, EPOCHS.1);
        assert_eq!(core.config.learning_rate, 0.1);
        assert_eq!(core.config.hidden, 128);
        assert_eq!(core.phrasings, 1);
        assert_eq!(core.scope, TrainScope::Replay(0.1));
        assert_eq!(wild.scope_label(), "changes + 10% replay");
    }

    #[test]
    fn choices_map_to_the_core_and_text_fields_fall_back() {
        let settings = PanelSettings {
            data: TrainData::Current,
            scope: ScopeChoice::ChangesOnly,
            ..PanelSettings::default()
        };
        let core = settings.to_core();
        assert_eq!(core.data, TrainData::Current);
        assert_eq!(core.scope, TrainScope::ChangesOnly);
        assert_eq!(parse_or(" 12 ", 3usize), 12);
        assert_eq!(parse_or("twelve", 3usize), 3);
        assert_eq!(parse_or("-1", 3u64), 3);
    }
}
