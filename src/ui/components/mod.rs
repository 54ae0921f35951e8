//! Small components shared by several views.

pub mod badges;
pub mod chart;
pub mod compare;
pub mod corpus_switch;
pub mod curation_toggle;
pub mod figure_download;
pub mod job_indicator;
pub mod kinds;
pub mod notice;
pub mod pending_note;
pub mod presenter;
pub mod question_box;
pub mod save_notice;
pub mod share_bar;
pub mod start_over;
pub mod tour;
pub mod version_picker;
