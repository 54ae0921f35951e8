//! Small components shared by several views.

pub mod chart;
pub mod corpus_switch;
pub mod pending_note;
pub mod presenter;
pub mod save_notice;
pub mod share_bar;
pub mod tour;
pub mod version_picker;
