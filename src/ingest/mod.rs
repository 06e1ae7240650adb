//! Ingest: every input file into the [`crate::model`], with bad records turned into
//! rejects rather than errors. CSV tables are in [`tables`], transcripts in
//! [`transcript`] (one module per format) and speaker roles in [`roles`].

pub mod csvin;
pub mod input;
pub mod labels;
pub mod open;
pub mod records;
pub mod report_index;
pub mod roles;
pub mod sources;
pub mod spill;
pub mod tables;
pub mod transcript;
