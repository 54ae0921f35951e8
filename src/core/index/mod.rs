//! Vector search over chunk embeddings: an `instant-distance` HNSW graph plus an exact scan
//! over the same vectors, so the app can show both and report the graph's recall.
//!
//! Vectors are normalised on the way in, so cosine similarity is a dot product and every
//! score lies in `[-1, 1]`. A zero vector stays zero (cosine 0 with everything). Building
//! is seeded and single-threaded, so the same vectors and parameters give the same graph
//! and the same results natively and in the browser (where there is one thread anyway).
//! The graph has no insert: a changed corpus means a rebuild, which is why the default
//! parameters are chosen for a fast build (see `IndexParams`). A large corpus can be built a
//! segment at a time ([`IndexBuild`]), one graph per segment searched together, the way
//! vector databases keep segments, so the page gets a turn between segments.

mod build;
mod error;
mod exact;
mod params;
#[cfg(any(test, feature = "offline"))]
mod synthetic;
mod vector;

pub use build::IndexBuild;
pub use error::IndexError;
pub use exact::{rank_order, top_k};
pub use params::{IndexParams, NeighbourSelection, SearchMethod};
#[cfg(any(test, feature = "offline"))]
pub use synthetic::{SyntheticShape, SyntheticSpec};
pub use vector::{dot, normalize_in_place};

use instant_distance::{Hnsw, Search};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use vector::{StoredPoint, VectorStore};

/// One search result: the id (position in the vectors given to `build`) and the cosine score.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Position of the vector in the input of [`VectorIndex::build`].
    pub id: usize,
    /// Cosine similarity with the query, in `[-1, 1]`.
    pub score: f32,
}

/// HNSW graphs (one per segment of consecutive ids; one for a corpus built in a single step)
/// and an exact scan over the same unit vectors.
pub struct VectorIndex {
    store: Arc<VectorStore>,
    segments: Vec<Hnsw<StoredPoint>>,
    params: IndexParams,
    /// Reusable search scratch space (visited sets sized to the index), so a query does not
    /// allocate; a `Mutex` rather than a `RefCell` keeps the index `Sync` for UI signals.
    scratch: Mutex<Vec<Search>>,
}

impl std::fmt::Debug for VectorIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VectorIndex")
            .field("len", &self.len())
            .field("dims", &self.dims())
            .field("params", &self.params)
            .finish_non_exhaustive()
    }
}

impl VectorIndex {
    /// Normalises `vectors` and builds the HNSW graph over them with `params`.
    ///
    /// Errors: vectors of different lengths, zero-length vectors, non-finite values, or
    /// invalid parameters. An empty `vectors` gives an empty index whose searches return
    /// nothing.
    pub fn build(vectors: Vec<Vec<f32>>, params: IndexParams) -> Result<Self, IndexError> {
        Ok(IndexBuild::new(vectors, params, usize::MAX)?.finish())
    }

    /// How many HNSW graphs the index searches (one unless built in segments).
    pub fn segment_count(&self) -> usize {
        self.segments.len()
    }

    /// Number of indexed vectors.
    pub fn len(&self) -> usize {
        self.store.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Floats per vector (0 for an empty index).
    pub fn dims(&self) -> usize {
        self.store.dims()
    }

    /// The parameters the index was built with.
    pub fn params(&self) -> &IndexParams {
        &self.params
    }

    /// The stored (normalised) vector with this id.
    pub fn vector(&self, id: usize) -> Option<&[f32]> {
        self.store.row(id)
    }

    /// All stored (normalised) vectors in id order.
    pub fn vectors(&self) -> impl Iterator<Item = &[f32]> {
        self.store.rows()
    }

    /// The method [`VectorIndex::search`] uses at this size: exact when the graphs hold fewer
    /// than `params.exact_below` vectors each (where a scan is faster than walking a graph),
    /// HNSW above. A segmented index walks every segment's graph, so many small segments cost
    /// more than one scan (measured: 40 graphs of 256 vectors 3.9 ms against a 10k scan 2.2 ms,
    /// `cargo bench --bench scale`); it scans until its segments are large.
    pub fn auto_method(&self) -> SearchMethod {
        let per_graph = self.len() / self.segments.len().max(1);
        if per_graph < self.params.exact_below {
            SearchMethod::Exact
        } else {
            SearchMethod::Hnsw
        }
    }

    /// The best `k` hits by the faster method for this size (see [`VectorIndex::auto_method`]).
    pub fn search(&self, query: &[f32], k: usize) -> Result<Vec<Hit>, IndexError> {
        self.search_with(query, k, self.auto_method())
    }

    /// The best `k` hits found by walking the HNSW graph (approximate). At most
    /// `params.ef_search` hits come back, so `ef_search` must be at least the largest `k` used.
    pub fn hnsw_search(&self, query: &[f32], k: usize) -> Result<Vec<Hit>, IndexError> {
        self.search_with(query, k, SearchMethod::Hnsw)
    }

    /// The true best `k` hits, by scoring every vector.
    pub fn exact_search(&self, query: &[f32], k: usize) -> Result<Vec<Hit>, IndexError> {
        self.search_with(query, k, SearchMethod::Exact)
    }

    /// The best `k` hits by the given method, in ranking order (score descending, then id).
    /// A zero query carries no direction and returns no hits; so does an empty index.
    pub fn search_with(
        &self,
        query: &[f32],
        k: usize,
        method: SearchMethod,
    ) -> Result<Vec<Hit>, IndexError> {
        let Some(unit) = self.prepare_query(query)? else {
            return Ok(Vec::new());
        };
        if k == 0 {
            return Ok(Vec::new());
        }
        Ok(match method {
            SearchMethod::Exact => exact::exact_top_k(&self.store, &unit, k),
            SearchMethod::Hnsw => self.hnsw_top_k(unit, k),
        })
    }

    /// Mean recall@k of the HNSW search against the exact search over `queries`: the share
    /// of the true top k that the graph also returns. Queries that have no true hits (zero
    /// vectors) are skipped; with nothing to find the recall is 1.
    pub fn recall_at_k(&self, queries: &[Vec<f32>], k: usize) -> Result<f32, IndexError> {
        let mut sum = 0.0f64;
        let mut counted = 0usize;
        for query in queries {
            let truth = self.exact_search(query, k)?;
            if truth.is_empty() {
                continue;
            }
            let found = self.hnsw_search(query, k)?;
            sum += f64::from(recall(&found, &truth));
            counted += 1;
        }
        Ok(if counted == 0 {
            1.0
        } else {
            (sum / counted as f64) as f32
        })
    }

    /// Checks a query's shape and values and normalises it; `None` for a zero query or an
    /// empty index (nothing can be found either way).
    fn prepare_query(&self, query: &[f32]) -> Result<Option<Vec<f32>>, IndexError> {
        if self.is_empty() {
            return Ok(None);
        }
        if query.len() != self.dims() {
            return Err(IndexError::QueryDimension {
                expected: self.dims(),
                found: query.len(),
            });
        }
        if query.iter().any(|x| !x.is_finite()) {
            return Err(IndexError::QueryNonFinite);
        }
        let mut unit = query.to_vec();
        let norm = normalize_in_place(&mut unit);
        Ok((norm > 0.0).then_some(unit))
    }

    fn hnsw_top_k(&self, unit: Vec<f32>, k: usize) -> Vec<Hit> {
        let dims = unit.len();
        let query_point = StoredPoint::new(Arc::new(VectorStore::new(dims, unit)), 0);
        let mut search = self
            .scratch
            .lock()
            .ok()
            .and_then(|mut pool| pool.pop())
            .unwrap_or_default();
        let query = query_point.values();
        // Rescore with the same dot product as the exact scan, so a passage found by both
        // searches shows the identical score (the graph's `1 - dot` loses a few bits).
        let mut hits: Vec<Hit> = Vec::new();
        for segment in &self.segments {
            hits.extend(segment.search(&query_point, &mut search).map(|item| {
                let id = item.point.id();
                Hit {
                    id,
                    score: self.store.row(id).map_or(0.0, |row| dot(query, row)),
                }
            }));
        }
        if let Ok(mut pool) = self.scratch.lock() {
            pool.push(search);
        }
        hits.sort_by(rank_order);
        hits.truncate(k);
        hits
    }
}

/// The share of `truth`'s ids that also appear in `found` (1 when `truth` is empty).
pub fn recall(found: &[Hit], truth: &[Hit]) -> f32 {
    if truth.is_empty() {
        return 1.0;
    }
    let found_ids: HashSet<usize> = found.iter().map(|hit| hit.id).collect();
    let shared = truth
        .iter()
        .filter(|hit| found_ids.contains(&hit.id))
        .count();
    shared as f32 / truth.len() as f32
}
