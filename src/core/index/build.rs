//! Building the index, whole or a segment at a time. Each segment is its own HNSW graph over a
//! run of consecutive ids, built with the same parameters and seed, so the same vectors and
//! segment length always give the same graphs; a search walks every graph and merges.

use std::sync::{Arc, Mutex};

use instant_distance::Hnsw;

use super::vector::{normalize_in_place, StoredPoint, VectorStore};
use super::{IndexError, IndexParams, VectorIndex};

/// An index under construction: the vectors are checked and stored at once, the graphs are
/// built by [`IndexBuild::step`], one segment per call.
pub struct IndexBuild {
    store: Arc<VectorStore>,
    params: IndexParams,
    segment_len: usize,
    segments: Vec<Hnsw<StoredPoint>>,
}

impl VectorIndex {
    /// An index of nothing (every search returns no hits).
    pub fn empty(params: IndexParams) -> Self {
        Self {
            store: Arc::new(VectorStore::new(0, Vec::new())),
            segments: Vec::new(),
            params,
            scratch: Mutex::new(Vec::new()),
        }
    }
}

impl IndexBuild {
    /// Checks and normalises `vectors` and plans segments of `segment_len` vectors (at least
    /// 1; `usize::MAX` builds one graph).
    ///
    /// Errors: vectors of different lengths, zero-length vectors, non-finite values, or
    /// invalid parameters.
    pub fn new(
        vectors: Vec<Vec<f32>>,
        params: IndexParams,
        segment_len: usize,
    ) -> Result<Self, IndexError> {
        params.validate()?;
        if vectors.len() >= u32::MAX as usize {
            return Err(IndexError::TooManyVectors {
                count: vectors.len(),
            });
        }
        let dims = vectors.first().map_or(0, Vec::len);
        if !vectors.is_empty() && dims == 0 {
            return Err(IndexError::ZeroDimensions);
        }
        let mut data = Vec::with_capacity(vectors.len() * dims);
        for (index, mut vector) in vectors.into_iter().enumerate() {
            if vector.len() != dims {
                return Err(IndexError::DimensionMismatch {
                    index,
                    expected: dims,
                    found: vector.len(),
                });
            }
            if vector.iter().any(|x| !x.is_finite()) {
                return Err(IndexError::NonFinite { index });
            }
            normalize_in_place(&mut vector);
            data.extend_from_slice(&vector);
        }
        Ok(Self {
            store: Arc::new(VectorStore::new(dims, data)),
            params,
            segment_len: segment_len.max(1),
            segments: Vec::new(),
        })
    }

    /// Segments in all (0 for no vectors).
    pub fn segments_total(&self) -> usize {
        self.store.len().div_ceil(self.segment_len)
    }

    /// Segments built so far.
    pub fn segments_done(&self) -> usize {
        self.segments.len()
    }

    /// True when every segment is built.
    pub fn finished(&self) -> bool {
        self.segments_done() >= self.segments_total()
    }

    /// Builds the next segment's graph; does nothing once finished.
    pub fn step(&mut self) {
        if self.finished() {
            return;
        }
        let start = self.segments.len() * self.segment_len;
        let end = (start + self.segment_len).min(self.store.len());
        let points: Vec<StoredPoint> = (start as u32..end as u32)
            .map(|id| StoredPoint::new(Arc::clone(&self.store), id))
            .collect();
        let builder = instant_distance::Builder::default()
            .ef_construction(self.params.ef_construction)
            .ef_search(self.params.ef_search)
            .select_heuristic(self.params.selection.to_library())
            .seed(self.params.seed);
        let (hnsw, _) = single_threaded(|| builder.build_hnsw(points));
        self.segments.push(hnsw);
    }

    /// Builds what is left and returns the index.
    pub fn finish(mut self) -> VectorIndex {
        while !self.finished() {
            self.step();
        }
        VectorIndex {
            store: self.store,
            segments: self.segments,
            params: self.params,
            scratch: Mutex::new(Vec::new()),
        }
    }
}

/// Runs `build` on one thread. `instant-distance` inserts points in parallel with rayon, and
/// the graph then depends on thread timing; one thread makes it a function of the seed alone.
/// In wasm rayon already runs on the calling thread, so nothing needs to change there.
#[cfg(not(target_arch = "wasm32"))]
fn single_threaded<T: Send>(build: impl FnOnce() -> T + Send) -> T {
    use std::sync::OnceLock;
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    let pool = POOL.get_or_init(|| rayon::ThreadPoolBuilder::new().num_threads(1).build().ok());
    match pool {
        Some(pool) => pool.install(build),
        // Without a pool (threads unavailable) rayon falls back to the calling thread.
        None => build(),
    }
}

#[cfg(target_arch = "wasm32")]
fn single_threaded<T: Send>(build: impl FnOnce() -> T + Send) -> T {
    build()
}
