//! Typed errors for building and querying the index.

use std::fmt;

/// Why an index could not be built or a query could not be run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndexError {
    /// Vector `index` has `found` floats where the first vector had `expected`.
    DimensionMismatch {
        /// Position of the offending vector.
        index: usize,
        /// Length of the first vector.
        expected: usize,
        /// Length of this one.
        found: usize,
    },
    /// The vectors have no dimensions at all.
    ZeroDimensions,
    /// Vector `index` contains NaN or infinity.
    NonFinite {
        /// Position of the offending vector.
        index: usize,
    },
    /// More vectors than the graph can address (u32 ids).
    TooManyVectors {
        /// How many were given.
        count: usize,
    },
    /// The query's length differs from the indexed vectors'.
    QueryDimension {
        /// Length of the indexed vectors.
        expected: usize,
        /// Length of the query.
        found: usize,
    },
    /// The query contains NaN or infinity.
    QueryNonFinite,
    /// A parameter is out of range; the message names it.
    InvalidParams(&'static str),
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::DimensionMismatch {
                index,
                expected,
                found,
            } => write!(
                f,
                "vector {index} has {found} dimensions, expected {expected}"
            ),
            Self::ZeroDimensions => write!(f, "vectors must have at least one dimension"),
            Self::NonFinite { index } => write!(f, "vector {index} contains NaN or infinity"),
            Self::TooManyVectors { count } => {
                write!(f, "{count} vectors is more than the index can hold")
            }
            Self::QueryDimension { expected, found } => {
                write!(f, "query has {found} dimensions, the index has {expected}")
            }
            Self::QueryNonFinite => write!(f, "query contains NaN or infinity"),
            Self::InvalidParams(what) => write!(f, "invalid index parameters: {what}"),
        }
    }
}

impl std::error::Error for IndexError {}
