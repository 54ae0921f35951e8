//! How a training run was cut into slices, for the panel's timing sentence.

/// How long a run took, and how it was cut up.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct SliceTiming {
    /// From the click to the installed model, including the browser's turns in between.
    pub(crate) wall_ms: f64,
    /// Time spent computing (the sum of the slices).
    pub(crate) compute_ms: f64,
    /// Number of slices.
    pub(crate) slices: usize,
    /// The longest slice: the longest the page could not react to input.
    pub(crate) longest_ms: f64,
}

impl SliceTiming {
    /// Counts one slice of `slice_ms` of work.
    pub(crate) fn add(&mut self, slice_ms: f64) {
        self.compute_ms += slice_ms;
        self.slices += 1;
        self.longest_ms = self.longest_ms.max(slice_ms);
    }
}
