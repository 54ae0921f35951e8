//! The editable price assumptions: each field keeps the text the learner typed, the last
//! good value, and the reason a bad entry was refused. Plain data, tested natively, kept in
//! [`CostAssumptions`] at the root so the learner's entries outlive the Cost view.

use leptos::prelude::*;

use crate::core::cost::{parse_price, parse_runs, Prices};

/// The assumptions in force while the app is open, kept at the root in
/// [`Remembered`](super::remembered::Remembered); `Copy`.
/// The Cost view is the only writer.
#[derive(Clone, Copy)]
pub(crate) struct CostAssumptions {
    /// The learner's assumptions.
    pub(crate) assumptions: RwSignal<Assumptions>,
}

impl CostAssumptions {
    /// The defaults (prices as read on `core::cost::PRICES_READ_ON`, one training run).
    pub(crate) fn new() -> Self {
        Self {
            assumptions: RwSignal::new(Assumptions::default()),
        }
    }
}

impl Default for CostAssumptions {
    fn default() -> Self {
        Self::new()
    }
}

/// One editable assumption.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    /// Training price.
    Training,
    /// Fine-tuned input price.
    TunedInput,
    /// Fine-tuned output price.
    TunedOutput,
    /// Base input price.
    BaseInput,
    /// Base output price.
    BaseOutput,
    /// Embedding price.
    Embedding,
    /// Training runs over the period.
    Runs,
}

impl Field {
    /// Every field in form order.
    pub(crate) const ALL: [Field; 7] = [
        Field::Training,
        Field::TunedInput,
        Field::TunedOutput,
        Field::BaseInput,
        Field::BaseOutput,
        Field::Embedding,
        Field::Runs,
    ];

    /// The label shown beside the input.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Field::Training => "Training, per 1M training tokens",
            Field::TunedInput => "Fine-tuned model input, per 1M tokens",
            Field::TunedOutput => "Fine-tuned model output, per 1M tokens",
            Field::BaseInput => "Base model input, per 1M tokens",
            Field::BaseOutput => "Base model output, per 1M tokens",
            Field::Embedding => "Embeddings, per 1M tokens",
            Field::Runs => "Training runs over the period (first run + retrains)",
        }
    }

    /// A stable id for the input element.
    pub(crate) fn id(self) -> &'static str {
        match self {
            Field::Training => "price-training",
            Field::TunedInput => "price-tuned-input",
            Field::TunedOutput => "price-tuned-output",
            Field::BaseInput => "price-base-input",
            Field::BaseOutput => "price-base-output",
            Field::Embedding => "price-embedding",
            Field::Runs => "training-runs",
        }
    }
}

/// The assumptions in force and the state of the form.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Assumptions {
    /// The prices in force (the last good values).
    pub(crate) prices: Prices,
    /// Training runs in force.
    pub(crate) runs: u32,
    /// Why the last entry of a field was refused, per field in [`Field::ALL`] order.
    pub(crate) errors: [Option<String>; 7],
}

impl Default for Assumptions {
    fn default() -> Self {
        Self {
            prices: Prices::default(),
            runs: 1,
            errors: Default::default(),
        }
    }
}

fn slot(field: Field) -> usize {
    Field::ALL.iter().position(|f| *f == field).unwrap_or(0)
}

impl Assumptions {
    /// The value of `field` in force, as the input shows it.
    pub(crate) fn text(&self, field: Field) -> String {
        let p = &self.prices;
        let price = |v: f64| format!("{v:.2}");
        match field {
            Field::Training => price(p.training),
            Field::TunedInput => price(p.tuned_input),
            Field::TunedOutput => price(p.tuned_output),
            Field::BaseInput => price(p.base_input),
            Field::BaseOutput => price(p.base_output),
            Field::Embedding => price(p.embedding),
            Field::Runs => self.runs.to_string(),
        }
    }

    /// The reason the last entry of `field` was refused, if it was.
    pub(crate) fn error(&self, field: Field) -> Option<&str> {
        self.errors[slot(field)].as_deref()
    }

    /// Applies the learner's entry for `field`: a good one takes effect, a bad one is refused
    /// with a reason and the last good value stays in force.
    pub(crate) fn enter(&mut self, field: Field, text: &str) {
        let outcome = if field == Field::Runs {
            parse_runs(text).map(|runs| self.runs = runs)
        } else {
            parse_price(text).map(|value| {
                let p = &mut self.prices;
                match field {
                    Field::Training => p.training = value,
                    Field::TunedInput => p.tuned_input = value,
                    Field::TunedOutput => p.tuned_output = value,
                    Field::BaseInput => p.base_input = value,
                    Field::BaseOutput => p.base_output = value,
                    Field::Embedding | Field::Runs => p.embedding = value,
                }
            })
        };
        self.errors[slot(field)] = outcome
            .err()
            .map(|e| format!("{e}; still using {}.", self.text(field)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_entries_apply_and_bad_ones_keep_the_last_good_value() {
        let mut a = Assumptions::default();
        a.enter(Field::Training, "6");
        assert_eq!(a.prices.training, 6.0);
        assert_eq!(a.error(Field::Training), None);
        a.enter(Field::Training, "six dollars");
        assert_eq!(a.prices.training, 6.0);
        assert_eq!(
            a.error(Field::Training),
            Some("“six dollars” is not a number; still using 6.00.")
        );
        a.enter(Field::Training, "5");
        assert_eq!(a.error(Field::Training), None);
        a.enter(Field::Runs, "0");
        assert_eq!(a.runs, 1);
        assert!(a
            .error(Field::Runs)
            .unwrap()
            .contains("whole number from 1"));
        a.enter(Field::Embedding, "0.5");
        assert_eq!(a.prices.embedding, 0.5);
        assert_eq!(a.text(Field::Embedding), "0.50");
    }
}
