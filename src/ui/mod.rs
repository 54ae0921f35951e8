//! Leptos components. They render state and call `crate::core`; they never reimplement it.
