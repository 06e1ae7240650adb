//! Command-line interface: clap derive structs whose doc comments are the `--help` text,
//! and their translation into the library's plain option structs. Part of the binary,
//! not the library: nothing here does work.

use callaudit::eval::EvalOptions;
use callaudit::report::explain::ColorChoice;
use callaudit::review::{lint::LintOptions, CalibrateOptions, DiffOptions, LintRun};
use clap::{Args, Parser, Subcommand, ValueEnum};
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
    /// Compare two audits (report folders or history run ids): flips per step and agent.
    Diff(DiffArgs),
    /// Check an SOP profile (and, given a run's reports, its phrases and steps in use).
    Lint(LintArgs),
    /// Compare the audit with human graders: agreement, Cohen's kappa, disagreements.
    Calibrate(CalibrateArgs),
    /// Show one call in the terminal: turns with the steps they passed or failed, the
    /// path and why, APKT / SIMONE expected vs found, every verdict with its evidence.
    Explain(ExplainArgs),
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Folder the reports are written to.
    #[arg(long, default_value = "reports")]
    pub out: PathBuf,
    /// Exit 1 when any input row or file was rejected (for nightly schedulers).
    #[arg(long)]
    pub strict: bool,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// No progress bar and no summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Reviewers' overrides (call_id, step, status, reviewer, reason) applied on top of
    /// the audit; overridden steps are marked `overridden_by` and scores recomputed.
    #[arg(long)]
    pub overrides: Option<PathBuf>,
    /// Append this run (its calls and steps) to a SQLite history database.
    #[arg(long)]
    pub history: Option<PathBuf>,
    /// With --history: audit only the calls not yet scored with this profile's hash.
    #[arg(long, requires = "history")]
    pub skip_scored: bool,
    /// Audit only this agent's calls (agent_id).
    #[arg(long)]
    pub agent: Option<String>,
    /// Also write a static HTML report (overview, a page per agent, pages of failed and
    /// sampled calls) into this folder; it opens from disk, no server, no network.
    #[arg(long)]
    pub html: Option<PathBuf>,
    /// With --html: a page for every call, not only failed and sampled ones.
    #[arg(long, requires = "html")]
    pub html_all: bool,
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

/// The inputs of a run, as `audit` takes them.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Folder holding calls.csv, actions.csv, reports.csv, transcripts and *.jsonl bundles.
    pub dir: Option<PathBuf>,
    /// Call manifest: a file, a folder of CSV files or a quoted glob, each plain, .gz or
    /// .zst (default DIR/calls.csv, else DIR/calls-*.csv*).
    #[arg(long)]
    pub calls: Option<PathBuf>,
    /// APKT / SIMONE action log, named the same ways (default DIR/actions.csv, else
    /// DIR/actions-*.csv*).
    #[arg(long)]
    pub actions: Option<PathBuf>,
    /// APKT report export, named the same ways (default DIR/reports.csv, else
    /// DIR/reports-*.csv*).
    #[arg(long)]
    pub reports: Option<PathBuf>,
    /// Transcript file, folder or glob; JSONL bundles (.jsonl, .jsonl.gz, .jsonl.zst) in
    /// it are read (default: DIR). A path that does not exist stops the run.
    #[arg(long)]
    pub transcripts: Vec<PathBuf>,
    /// Inputs the run may go without: `actions`, `reports` (comma-separated). Without
    /// it a missing action log or report export stops the run (exit 2).
    #[arg(long, value_delimiter = ',')]
    pub allow_missing: Vec<String>,
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
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The call to show; `-` with --agent shows every call of that agent.
    pub call_id: String,
    #[command(flatten)]
    pub input: InputArgs,
    /// Only calls of this agent (agent_id).
    #[arg(long)]
    pub agent: Option<String>,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: Color,
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
    /// Also print FAIL precision / recall / F1 per step across confidence thresholds
    /// and propose, per step, the threshold with the best F1.
    #[arg(long)]
    pub sweep: bool,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier audit: a report folder or a run id of --history.
    pub old: String,
    /// The later audit: a report folder or a run id of --history.
    pub new: String,
    /// History database the run ids refer to.
    #[arg(long)]
    pub history: Option<PathBuf>,
    /// Folder flips.csv is written to.
    #[arg(long, default_value = ".")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Profile to check (default: the built-in one).
    #[arg(long)]
    pub sop: Option<PathBuf>,
    /// A run's report folder: also flag phrases never matched and steps failing on
    /// more than --fail-share of the calls they apply to.
    #[arg(long)]
    pub reports: Option<PathBuf>,
    /// Share of applicable calls above which a failing step looks like a broken rule.
    #[arg(long, default_value_t = 0.5)]
    pub fail_share: f64,
    /// Fewest applicable calls before a step's fail share is judged.
    #[arg(long, default_value_t = 10)]
    pub min_calls: usize,
    /// A phrase whose required words hold fewer letters than this is too short to be safe.
    #[arg(long, default_value_t = 6)]
    pub min_letters: usize,
}

#[derive(Debug, Args)]
pub struct CalibrateArgs {
    /// Human grades: call_id, step, grade, grader[, note] (an overrides.csv also works:
    /// status and reviewer stand for grade and grader).
    #[arg(long)]
    pub grades: PathBuf,
    /// Report folder of the audit to calibrate.
    #[arg(long, default_value = "reports")]
    pub reports: PathBuf,
    /// Calibrate a history run instead of a report folder (with --history).
    #[arg(long, requires = "history")]
    pub run: Option<i64>,
    /// History database for --run.
    #[arg(long)]
    pub history: Option<PathBuf>,
    /// Also write disagreements.csv and calibration.csv into this folder.
    #[arg(long)]
    pub csv: Option<PathBuf>,
}

impl EvalArgs {
    pub fn options(&self) -> EvalOptions {
        EvalOptions {
            truth: self.truth.clone(),
            steps: self.steps.clone(),
            calls: self.calls.clone(),
            csv: self.csv.clone(),
            sweep: self.sweep,
        }
    }
}

impl From<DiffArgs> for DiffOptions {
    fn from(a: DiffArgs) -> Self {
        DiffOptions {
            old: a.old,
            new: a.new,
            history: a.history,
            out: a.out,
        }
    }
}

impl From<CalibrateArgs> for CalibrateOptions {
    fn from(a: CalibrateArgs) -> Self {
        CalibrateOptions {
            grades: a.grades,
            reports: a.reports,
            run: a.run,
            history: a.history,
            csv: a.csv,
        }
    }
}

impl From<LintArgs> for LintRun {
    fn from(a: LintArgs) -> Self {
        LintRun {
            sop: a.sop,
            reports: a.reports,
            limits: LintOptions {
                min_letters: a.min_letters,
                fail_share: a.fail_share,
                min_calls: a.min_calls,
            },
        }
    }
}

/// `--color auto|always|never`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl From<Color> for ColorChoice {
    fn from(c: Color) -> Self {
        match c {
            Color::Auto => ColorChoice::Auto,
            Color::Always => ColorChoice::Always,
            Color::Never => ColorChoice::Never,
        }
    }
}
