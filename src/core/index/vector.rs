//! Unit-vector arithmetic shared by the HNSW graph and the exact scan.

use std::sync::Arc;

/// Dot product written with eight independent accumulators, so the compiler can keep
/// several lanes in flight (and vectorise where the target allows) instead of one serial sum.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let len = a.len().min(b.len());
    let (a, b) = (&a[..len], &b[..len]);
    let mut lanes = [0.0f32; 8];
    let mut a_chunks = a.chunks_exact(8);
    let mut b_chunks = b.chunks_exact(8);
    for (x, y) in a_chunks.by_ref().zip(b_chunks.by_ref()) {
        for lane in 0..8 {
            lanes[lane] += x[lane] * y[lane];
        }
    }
    let tail: f32 = a_chunks
        .remainder()
        .iter()
        .zip(b_chunks.remainder())
        .map(|(x, y)| x * y)
        .sum();
    (lanes[0] + lanes[4])
        + (lanes[1] + lanes[5])
        + (lanes[2] + lanes[6])
        + (lanes[3] + lanes[7])
        + tail
}

/// Scales `v` to unit length in place and returns its original norm.
/// A zero vector stays zero (its cosine with anything is then 0, never NaN).
pub fn normalize_in_place(v: &mut [f32]) -> f32 {
    let norm = dot(v, v).sqrt();
    if norm > 0.0 && norm.is_finite() {
        let inv = 1.0 / norm;
        v.iter_mut().for_each(|x| *x *= inv);
    }
    norm
}

/// Row-major storage of `len` vectors of `dims` floats each, shared between the HNSW
/// graph's points and the exact scan so the vectors are held in memory once.
#[derive(Debug)]
pub struct VectorStore {
    dims: usize,
    data: Vec<f32>,
}

impl VectorStore {
    /// Wraps row-major `data`; `data.len()` must be a multiple of `dims` (checked by the caller).
    pub fn new(dims: usize, data: Vec<f32>) -> Self {
        Self { dims, data }
    }

    /// Number of floats per vector.
    pub fn dims(&self) -> usize {
        self.dims
    }

    /// Number of vectors stored.
    pub fn len(&self) -> usize {
        self.data.len().checked_div(self.dims).unwrap_or(0)
    }

    /// The vector with the given row id, if it exists.
    pub fn row(&self, id: usize) -> Option<&[f32]> {
        let start = id.checked_mul(self.dims)?;
        self.data.get(start..start.checked_add(self.dims)?)
    }

    /// All rows in id order.
    pub fn rows(&self) -> impl Iterator<Item = &[f32]> {
        // `max(1)` keeps `chunks_exact` valid for zero-dim vectors; their data is empty anyway.
        self.data.chunks_exact(self.dims.max(1))
    }
}

/// One point of the HNSW graph: a row of the shared store. It carries its own row id,
/// so a search result maps back to the caller's vector without a lookup table.
#[derive(Clone, Debug)]
pub struct StoredPoint {
    store: Arc<VectorStore>,
    id: u32,
}

impl StoredPoint {
    /// A handle to row `id` of `store`.
    pub fn new(store: Arc<VectorStore>, id: u32) -> Self {
        Self { store, id }
    }

    /// The caller's id of this vector (its position in the input).
    pub fn id(&self) -> usize {
        self.id as usize
    }

    /// The vector's floats.
    pub fn values(&self) -> &[f32] {
        self.store.row(self.id as usize).unwrap_or(&[])
    }
}

impl instant_distance::Point for StoredPoint {
    /// Cosine distance of unit vectors, `1 - dot`, in `[0, 2]`.
    fn distance(&self, other: &Self) -> f32 {
        1.0 - dot(self.values(), other.values())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_matches_naive_sum_for_lengths_around_the_lane_width() {
        for len in [0usize, 1, 7, 8, 9, 17, 128] {
            let a: Vec<f32> = (0..len).map(|i| (i as f32 * 0.37).sin()).collect();
            let b: Vec<f32> = (0..len).map(|i| (i as f32 * 0.11).cos()).collect();
            let naive: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
            assert!((dot(&a, &b) - naive).abs() < 1e-4, "len {len}");
        }
    }

    #[test]
    fn normalizing_gives_unit_length_and_leaves_zero_alone() {
        let mut v = vec![3.0, 4.0];
        assert_eq!(normalize_in_place(&mut v), 5.0);
        assert!((dot(&v, &v) - 1.0).abs() < 1e-6);
        let mut zero = vec![0.0; 4];
        assert_eq!(normalize_in_place(&mut zero), 0.0);
        assert!(zero.iter().all(|x| *x == 0.0));
    }

    #[test]
    fn store_rows_are_addressed_by_id() {
        let store = VectorStore::new(2, vec![1.0, 2.0, 3.0, 4.0]);
        assert_eq!(store.len(), 2);
        assert_eq!(store.row(1), Some(&[3.0, 4.0][..]));
        assert_eq!(store.row(2), None);
        assert_eq!(store.rows().count(), 2);
    }
}
