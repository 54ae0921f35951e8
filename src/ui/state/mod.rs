//! All state the app keeps: the store, the learner's work, what views remember across visits
//! (each in its own context, provided at the root by `ui::app`), persistence and the URL.
//! Views read and write it here; nothing here imports a view.

pub(crate) mod check;
pub(crate) mod clock;
pub(crate) mod corpus_fetch;
pub(crate) mod cost_assumptions;
pub(crate) mod digest;
pub(crate) mod document_import;
pub(crate) mod embed;
pub(crate) mod evaluation;
pub(crate) mod fetch;
pub(crate) mod files;
pub mod host_api;
pub(crate) mod jobs;
pub(crate) mod learner_work;
pub(crate) mod loader;
pub(crate) mod pair_training;
pub(crate) mod persist;
pub(crate) mod progress;
pub(crate) mod remembered;
pub(crate) mod save_status;
pub(crate) mod service_worker;
pub mod share;
pub(crate) mod storage;
pub(crate) mod store;
pub(crate) mod timeline_steps;
pub(crate) mod timeline_story;
pub(crate) mod training_panel;
pub(crate) mod url_schema;
pub(crate) mod url_sync;
pub mod view_id;
pub(crate) mod workshop;

pub(crate) use clock::BrowserClock;
pub(crate) use store::{AppStore, LoadState};
pub(crate) use view_id::ViewId;
