//! rag-or-tune: an in-browser explainer of when retrieval adds knowledge and when fine-tuning
//! changes behaviour. `core` is pure Rust (tested natively); `ui` renders it with Leptos.
pub mod core;
pub mod ui;
