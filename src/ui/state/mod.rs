//! Plain view state, kept out of components so native tests cover it, and the app store.

pub mod clock;
pub mod corpus_fetch;
pub mod digest;
pub mod embed;
pub mod fetch;
pub mod files;
pub mod host_api;
pub mod loader;
pub mod persist;
pub mod save_status;
pub mod service_worker;
pub mod share;
pub mod storage;
pub mod store;
pub mod url_sync;
pub mod view_id;
pub mod workspace;

pub use clock::BrowserClock;
pub use store::{AppStore, LoadState};
pub use view_id::ViewId;
