//! `callaudit`: audits PLN 123 contact-centre calls against the lapor-ulang SOP.
//!
//! The modules follow the data: [`ingest`] reads manifests, action logs, report exports
//! and transcripts into the [`model`]; [`profile`] is the SOP as data, compiled once;
//! [`matching`] normalises ASR text and finds phrases; [`path`] decides which SOP branch a
//! call had to follow; [`steps`] checks each step; [`scoring`] turns verdicts into scores;
//! [`quality`] judges how far a transcript can be trusted;
//! [`report`] writes the CSV reports; [`audit`] runs the whole pipeline in parallel.

pub mod audit;
pub mod eval;
pub mod history;
pub mod ingest;
pub mod matching;
pub mod model;
pub mod overrides;
pub mod path;
pub mod profile;
pub mod quality;
pub mod report;
pub mod review;
pub mod scoring;
pub mod steps;
