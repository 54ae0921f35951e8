//! All state the app keeps: the store, the learner's work, what views remember across visits
//! (each in its own context, provided at the root by `ui::app`), persistence and the URL.
//! Views read and write it here; nothing here imports a view.

pub mod check;
pub mod clock;
pub mod corpus_fetch;
pub mod cost_assumptions;
pub mod digest;
pub mod document_import;
pub mod embed;
pub mod evaluation;
pub mod fetch;
pub mod files;
pub mod host_api;
pub mod jobs;
pub mod loader;
pub mod pair_training;
pub mod persist;
pub mod progress;
pub mod remembered;
pub mod save_status;
pub mod service_worker;
pub mod share;
pub mod storage;
pub mod store;
pub mod timeline_steps;
pub mod timeline_story;
pub mod training_panel;
pub mod url_schema;
pub mod url_sync;
pub mod view_id;
pub mod workshop;
pub mod workspace;

pub use clock::BrowserClock;
pub use store::{AppStore, LoadState};
pub use view_id::ViewId;
