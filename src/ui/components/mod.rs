//! Small components shared by several views.

pub(crate) mod badges;
pub(crate) mod chart;
pub(crate) mod compare;
pub(crate) mod corpus_switch;
pub(crate) mod curation_toggle;
pub(crate) mod figure_download;
pub(crate) mod job_indicator;
pub(crate) mod kinds;
pub(crate) mod notice;
pub(crate) mod pending_note;
pub(crate) mod presenter;
pub(crate) mod question_box;
pub(crate) mod save_notice;
pub(crate) mod share_bar;
pub(crate) mod start_over;
pub(crate) mod tour;
pub(crate) mod version_picker;
