//! Choosing the documents: retrieval recall on the evaluation questions with every document
//! indexed versus with the outdated and low-signal ones left out, measured on the live
//! workbench so the Concepts view can show the difference the learner's choice makes.

use crate::core::clock::Clock;
use crate::core::eval::RECALL_DEPTH;
use crate::core::index::IndexError;
use crate::core::workbench::Workbench;

/// Recall at [`RECALL_DEPTH`] for one index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Recall {
    /// Questions with their gold document among the top results.
    pub hits: usize,
    /// Fact questions whose fact has a gold document at this version.
    pub total: usize,
    /// Passages in the index.
    pub passages: usize,
}

impl Recall {
    /// Hits as a share, 0..=1 (0 when there were no questions).
    pub fn share(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.hits as f64 / self.total as f64
        }
    }
}

/// The two measurements side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CurationComparison {
    /// Every document indexed.
    pub all: Recall,
    /// Flagged documents left out.
    pub curated: Recall,
}

/// Recall of the workbench as it stands: for each fact question of the evaluation listing,
/// whether a passage of the document stating the fact at the current version is among the
/// top results.
pub fn recall(bench: &Workbench) -> Recall {
    let version = bench.version();
    let items = bench.corpus().eval_items();
    let mut hits = 0;
    let mut total = 0;
    let method = bench.index().auto_method();
    for item in &items {
        let Some(gold) = item.gold.iter().find(|g| g.version == version) else {
            continue;
        };
        total += 1;
        let query = bench.embedder().embed(&item.text);
        let found = bench
            .rank(&item.text, &query, RECALL_DEPTH, method)
            .0
            .iter()
            .any(|hit| bench.chunks()[hit.id].doc_id == gold.doc_id);
        if found {
            hits += 1;
        }
    }
    Recall {
        hits,
        total,
        passages: bench.chunks().len(),
    }
}

/// Measures recall with curation off and on, then puts the learner's setting back.
pub fn compare(bench: &mut Workbench, clock: &dyn Clock) -> Result<CurationComparison, IndexError> {
    let original = bench.settings();
    let measure = |curated: bool, bench: &mut Workbench| {
        bench.set_settings(
            crate::core::workbench::RetrievalSettings {
                curated,
                ..original
            },
            clock,
        )?;
        Ok::<_, IndexError>(recall(bench))
    };
    let all = measure(false, bench)?;
    let curated = measure(true, bench)?;
    bench.set_settings(original, clock)?;
    Ok(CurationComparison { all, curated })
}
