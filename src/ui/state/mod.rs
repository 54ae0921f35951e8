//! Plain view state, kept out of components so native tests cover it.

pub mod fetch;
pub mod view_id;

pub use view_id::ViewId;
