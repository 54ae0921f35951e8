//! Typed errors for the trainer: bad input is reported, never a panic.

use std::fmt;

/// Everything that can be wrong with a training request or an inference call.
#[derive(Clone, Debug, PartialEq)]
pub enum TuneError {
    /// There is nothing to train on.
    EmptyDataset,
    /// A vector does not have the model's input width.
    DimensionMismatch {
        /// The model's (or dataset's) input width.
        expected: usize,
        /// The width that was passed.
        found: usize,
    },
    /// A class index is outside the model's output layer.
    LabelOutOfRange {
        /// The offending class index.
        label: usize,
        /// How many classes the model has.
        classes: usize,
    },
    /// A vector contains NaN or infinity.
    NonFiniteInput,
    /// A configuration value is out of its valid range; the text names it.
    InvalidConfig(&'static str),
    /// A head was asked to shrink its output layer, which would drop learned classes.
    CannotShrinkClasses {
        /// The classes the model has.
        current: usize,
        /// The smaller number that was requested.
        requested: usize,
    },
}

impl fmt::Display for TuneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyDataset => write!(f, "the training set is empty"),
            Self::DimensionMismatch { expected, found } => {
                write!(
                    f,
                    "vector has {found} dimensions, the model expects {expected}"
                )
            }
            Self::LabelOutOfRange { label, classes } => {
                write!(f, "class {label} is outside the model's {classes} classes")
            }
            Self::NonFiniteInput => write!(f, "input contains NaN or infinity"),
            Self::InvalidConfig(what) => write!(f, "invalid training setting: {what}"),
            Self::CannotShrinkClasses { current, requested } => {
                write!(
                    f,
                    "cannot shrink the output layer from {current} to {requested} classes"
                )
            }
        }
    }
}

impl std::error::Error for TuneError {}
