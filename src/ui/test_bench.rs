//! The shipped model and corpus as a live workbench, for the views' native tests.

use crate::core::clock::NoClock;
use crate::core::corpus::Corpus;
use crate::core::embed::native::load_shipped;
use crate::core::workbench::Workbench;

/// A workbench over the shipped model and corpus at the latest version.
pub(crate) fn shipped_bench() -> Workbench {
    let embedder = load_shipped().expect("the shipped model loads");
    let corpus = Corpus::load_default().expect("the shipped corpus loads");
    Workbench::new(embedder, corpus, &NoClock).expect("the index builds")
}
