//! Command-line interface: clap derive structs whose doc comments are the `--help` text.
//! `main.rs` parses these and hands them to the library; nothing here does work.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Audit PLN 123 contact-centre calls against the SOP and write CSV reports.
#[derive(Debug, Parser)]
#[command(name = "callaudit", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Audit a folder of calls and write calls.csv, steps.csv, agents.csv, rejects.csv.
    Audit(Box<AuditArgs>),
    /// Print the built-in SOP profile (TOML), to start your own from.
    Profile(ProfileArgs),
    /// Compare steps.csv with a ground-truth truth.csv: per-step confusion and F1.
    Eval(EvalArgs),
    /// Write a synthetic archive of calls with its truth.csv, for evaluation and benchmarks.
    Generate(GenerateArgs),
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Folder holding calls.csv, actions.csv, reports.csv, transcripts and *.jsonl bundles.
    pub dir: Option<PathBuf>,
    /// Folder the reports are written to.
    #[arg(long, default_value = "reports")]
    pub out: PathBuf,
    /// Call manifest (default DIR/calls.csv).
    #[arg(long)]
    pub calls: Option<PathBuf>,
    /// APKT / SIMONE action log (default DIR/actions.csv).
    #[arg(long)]
    pub actions: Option<PathBuf>,
    /// APKT report export (default DIR/reports.csv).
    #[arg(long)]
    pub reports: Option<PathBuf>,
    /// Transcript file or folder; JSONL bundles in it are read (default: DIR).
    #[arg(long)]
    pub transcripts: Vec<PathBuf>,
    /// Force the transcript format instead of detecting it (jsonl, text, ...).
    #[arg(long)]
    pub format: Option<String>,
    /// Speaker label that is the agent in anonymous transcripts (spk_0, SPEAKER_01, ...).
    #[arg(long)]
    pub agent_speaker: Option<String>,
    /// Channel that is the agent in channel-labelled transcripts (0, 1, ch_0, ...).
    #[arg(long)]
    pub agent_channel: Option<String>,
    /// SOP profile (TOML) replacing the built-in PLN 123 profile.
    #[arg(long)]
    pub sop: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// No progress bar and no summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Read transcripts and bundles whose paths (after symlinks) lead outside DIR, the
    /// manifest's folder and the --transcripts folders (refused by default).
    #[arg(long)]
    pub allow_outside: bool,
    /// Write cells as they are: no leading `'` on cells starting with = + - @ TAB CR
    /// (which spreadsheets would run as formulas).
    #[arg(long)]
    pub raw_cells: bool,
    /// Mask phone, customer, meter and report numbers (all but the last 3 digits) and the
    /// caller's name (initials) in the evidence written to the reports.
    #[arg(long)]
    pub redact: bool,
    /// Largest transcript file or bundle line, in bytes (profile: limits.transcript_bytes).
    #[arg(long)]
    pub max_transcript_bytes: Option<u64>,
    /// Most turns in one call (profile: limits.turns_per_call).
    #[arg(long)]
    pub max_turns: Option<usize>,
    /// Longest turn, in characters (profile: limits.turn_chars).
    #[arg(long)]
    pub max_turn_chars: Option<usize>,
    /// Longest evidence_text cell, in characters; longer ones are cut with `…`
    /// (profile: limits.evidence_chars).
    #[arg(long)]
    pub max_evidence_chars: Option<usize>,
}

#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// Print the profile's phrases, one per line, normalised (for `rg -F -f`).
    #[arg(long)]
    pub phrases: bool,
    /// Print (or check) this profile instead of the built-in one.
    #[arg(long)]
    pub sop: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Ground truth: call_id, step, expected.
    #[arg(long)]
    pub truth: PathBuf,
    /// steps.csv written by `audit`.
    #[arg(long)]
    pub steps: PathBuf,
    /// calls.csv written by `audit`, for score error and path accuracy.
    #[arg(long)]
    pub calls: Option<PathBuf>,
    /// Also write the tables as CSV files into this folder.
    #[arg(long)]
    pub csv: Option<PathBuf>,
    /// SOP profile whose weights and critical steps score the truth (default: built-in).
    #[arg(long)]
    pub sop: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Number of calls.
    #[arg(long, default_value_t = 1000)]
    pub calls: u64,
    /// Random seed; the same seed writes the same archive.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// ASR noise level 0 (clean) to 3 (very noisy).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(0..=3))]
    pub noise: u8,
    /// Output folder.
    #[arg(long)]
    pub out: PathBuf,
    /// Transcript layout: `files` (one .txt per call), `jsonl` (bundles) or `mixed`.
    #[arg(long, default_value = "mixed")]
    pub layout: String,
}
