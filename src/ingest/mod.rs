//! Ingest: every input file into the [`crate::model`], with bad records turned into
//! rejects rather than errors.

pub mod roles;
pub mod transcript;
