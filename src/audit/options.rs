//! What a run is asked to do ([`AuditOptions`]), what it did ([`Summary`]) and why it
//! could not run at all ([`AuditError`]).

use super::Filter;
use crate::ingest::roles::RoleOptions;
use crate::ingest::sources::Plan;
use crate::ingest::transcript::Format;
use crate::profile::Provenance;
use crate::report::html::HtmlOptions;
use crate::report::run_json::RunInfo;
use crate::report::{OutError, ReportOptions};
use std::collections::HashSet;
use std::path::PathBuf;

/// Inputs a run may go without, by the user's word (`--allow-missing`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AllowMissing {
    pub actions: bool,
    pub reports: bool,
}

/// What to audit and how.
pub struct AuditOptions {
    /// The call manifest: a file, a folder of CSV files or a glob (`calls-*.csv.gz`).
    pub calls: PathBuf,
    /// The action log, named the same ways.
    pub actions: PathBuf,
    /// The report export, named the same ways.
    pub reports: PathBuf,
    /// Files or folders searched for JSONL bundles.
    pub bundles: Vec<PathBuf>,
    /// Whether a missing action log or report export is meant (else the run stops).
    pub allow_missing: AllowMissing,
    pub out: PathBuf,
    pub format: Option<Format>,
    pub roles: RoleOptions,
    pub threads: Option<usize>,
    /// Show a progress bar (only drawn on a terminal).
    pub progress: bool,
    /// Which profile scores the run (name, version, content hash).
    pub provenance: Provenance,
    /// Reviewers' overrides (`overrides.csv`) applied on top of the audit.
    pub overrides: Option<PathBuf>,
    /// Calls already scored with this profile: read past, not audited.
    pub skip: Option<HashSet<String>>,
    /// Which calls of the manifest to audit (all by default).
    pub filter: Filter,
    /// Also write the HTML report.
    pub html: Option<HtmlOptions>,
    /// Folders (or files) transcripts and bundles may be read from, besides the
    /// manifest's folder and `bundles`.
    pub input_dirs: Vec<PathBuf>,
    /// Read transcripts wherever their paths lead (`--allow-outside`).
    pub allow_outside: bool,
    /// Cell neutralisation and redaction of the reports.
    pub output: ReportOptions,
}

/// What a run did, for the summary line.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub calls_audited: usize,
    pub rejects: usize,
    pub mean_score: Option<f64>,
    pub critical_fails: u64,
    pub seconds: f64,
    /// The inputs that were not in call_id order and were sorted on disk.
    pub sorted: Plan,
    /// Calls whose `--agent-speaker` / `--agent-channel` was absent or contradicted by
    /// the greeting.
    pub role_mismatches: usize,
    /// Calls read past because they were already scored with this profile.
    pub skipped: usize,
    /// The machine-readable summary written as run.json.
    pub info: RunInfo,
}

/// Reasons the run could not happen at all (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error("{0}: cannot read the call manifest: {1}")]
    Manifest(String, String),
    #[error("{0}: cannot write reports: {1}")]
    Output(String, std::io::Error),
    #[error("{0}: cannot index the report export: {1}")]
    Reports(String, std::io::Error),
    #[error("cannot start worker threads: {0}")]
    Threads(String),
    #[error("cannot read transcripts: {0}")]
    Input(String),
    #[error("{0}: {1} (give --allow-missing {2} if the run is meant without it)")]
    Missing(String, String, &'static str),
    #[error("{0}")]
    Transcripts(String),
    #[error("temporary sort files in {dir}: {0}", dir = std::env::temp_dir().display())]
    Sort(std::io::Error),
    #[error("cannot read overrides: {0}")]
    Overrides(String),
    #[error(transparent)]
    Out(#[from] OutError),
    #[error("{0}: refusing to write reports into a folder that is or holds the input {1}; choose another --out")]
    OutHoldsInput(String, String),
}
