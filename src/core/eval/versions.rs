//! Evaluating the same workbench at several corpus versions (the freshness timeline), with
//! the installed tuned model held fixed, and the learner's version restored afterwards.

use super::{evaluate, EvalReport, EvalSet};
use crate::core::clock::Clock;
use crate::core::index::IndexError;
use crate::core::workbench::Workbench;

/// Evaluates `bench` at each of `versions` (unknown ids are skipped) and moves it back to the
/// version it was at. Each move re-indexes, so this costs one rebuild per version plus one.
pub fn evaluate_versions(
    bench: &mut Workbench,
    set: &EvalSet,
    versions: &[String],
    clock: &dyn Clock,
) -> Result<Vec<EvalReport>, IndexError> {
    let original = bench.version().to_string();
    let mut reports = Vec::with_capacity(versions.len());
    let mut outcome = Ok(());
    for version in versions {
        if bench.corpus().version(version).is_none() {
            continue;
        }
        if let Err(e) = bench.set_version(version, clock) {
            outcome = Err(e);
            break;
        }
        reports.push(evaluate(bench, set, clock));
    }
    bench.set_version(&original, clock)?;
    outcome.map(|()| reports)
}
