//! The integration tests, one binary: each module drives the built `callaudit` binary or
//! the library end to end on fixtures and generated archives. One binary links once and
//! lets the test harness run every test on every core, which keeps `cargo test` short.
//! (`tests/allocs.rs` stays its own binary: it installs a counting global allocator.)

mod common;

mod accuracy;
mod asr_quality;
mod broken;
mod browser;
mod cli;
mod demo;
mod explain;
mod formats;
mod formats_verdicts;
mod history;
mod hostile;
mod html;
mod layers;
mod loud;
mod order;
mod pipeline;
mod props;
mod readable;
mod reader_props;
mod review;
mod safety;
mod steps_format;
