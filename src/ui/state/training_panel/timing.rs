//! How a training run was cut into slices, for the panel's timing sentence.

/// How long a run took, and how it was cut up.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SliceTiming {
    /// From the click to the installed model, including the browser's turns in between.
    pub wall_ms: f64,
    /// Time spent computing (the sum of the slices).
    pub compute_ms: f64,
    /// Number of slices.
    pub slices: usize,
    /// The longest slice: the longest the page could not react to input.
    pub longest_ms: f64,
}

impl SliceTiming {
    /// Counts one slice of `slice_ms` of work.
    pub fn add(&mut self, slice_ms: f64) {
        self.compute_ms += slice_ms;
        self.slices += 1;
        self.longest_ms = self.longest_ms.max(slice_ms);
    }
}
