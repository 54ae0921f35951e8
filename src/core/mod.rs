//! The pure core: text, embedding, index, answering, training, evaluation.
//! Nothing here imports leptos, web-sys or js-sys, so `cargo test` covers it natively.
pub mod bm25;
pub mod clock;
pub mod corpus;
pub mod cost;
pub mod curation;
pub mod decide;
pub mod decimal;
pub mod embed;
pub mod eval;
pub mod format;
pub mod hybrid;
pub mod index;
pub mod modes;
pub mod own_documents;
pub mod projection;
pub mod reader;
/// Offline fitting of the reader's weights: tests and refits only, never in the app.
#[cfg(feature = "offline")]
pub mod reader_fit;
pub mod rng;
pub mod scenario;
pub mod text;
pub mod tokenizer;
pub mod tune;
pub mod workbench;
