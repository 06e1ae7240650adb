//! Reviewing audits after the fact: [`diff`] of two audits, [`calibrate`] against human
//! graders, [`lint`] of a profile (and of a run's reports). They read audits back through
//! [`view`] (a report folder or a history run) and never re-run the matcher on calls.

pub mod calibrate;
pub mod diff;
pub mod lint;
pub mod view;

use crate::history::History;
use crate::profile::BUILTIN;
use anyhow::Result;
use std::io::Write;
use std::path::{Path, PathBuf};
use view::AuditView;

/// What `diff` compares and where it writes flips.csv.
#[derive(Debug, Clone)]
pub struct DiffOptions {
    /// The earlier audit: a report folder or a run id of `history`.
    pub old: String,
    /// The later audit: a report folder or a run id of `history`.
    pub new: String,
    /// History database the run ids refer to.
    pub history: Option<PathBuf>,
    /// Folder flips.csv is written to.
    pub out: PathBuf,
}

/// What `calibrate` compares: human grades against a report folder or a history run.
#[derive(Debug, Clone)]
pub struct CalibrateOptions {
    /// Human grades (or an overrides.csv).
    pub grades: PathBuf,
    /// Report folder of the audit to calibrate.
    pub reports: PathBuf,
    /// A history run instead of the report folder (with `history`).
    pub run: Option<i64>,
    /// History database for `run`.
    pub history: Option<PathBuf>,
    /// Folder for disagreements.csv and calibration.csv.
    pub csv: Option<PathBuf>,
}

/// Which profile `lint` checks, against which run, with which limits.
#[derive(Debug, Clone)]
pub struct LintRun {
    /// Profile to check; `None` is the built-in one.
    pub sop: Option<PathBuf>,
    /// A run's report folder, for usage findings.
    pub reports: Option<PathBuf>,
    pub limits: lint::LintOptions,
}

/// Writes `dir/name` through a temporary file and a rename.
fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".{name}.tmp"));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, dir.join(name))?;
    Ok(())
}

/// `callaudit diff`: prints the diff and writes flips.csv.
pub fn run_diff(args: &DiffOptions, out: &mut dyn Write) -> Result<()> {
    let history = args.history.as_deref().map(History::open).transpose()?;
    let old = AuditView::open(&args.old, history.as_ref())?;
    let new = AuditView::open(&args.new, history.as_ref())?;
    let d = diff::diff(&old, &new);
    write!(out, "{}", d.text())?;
    write_atomic(&args.out, "flips.csv", &d.flips_csv())?;
    let path = args.out.join("flips.csv");
    writeln!(
        out,
        "\n{} flips listed in {}",
        d.flips.len(),
        path.display()
    )?;
    Ok(())
}

/// `callaudit calibrate`: prints the calibration, and writes its tables with `--csv`.
pub fn run_calibrate(args: &CalibrateOptions, out: &mut dyn Write) -> Result<()> {
    let grades = calibrate::read_grades(&args.grades)?;
    let audit = match (args.run, &args.history) {
        (Some(run), Some(h)) => AuditView::from_history(&History::open(h)?, run)?,
        _ => AuditView::open(&args.reports.to_string_lossy(), None)?,
    };
    let c = calibrate::calibrate(&grades, &audit);
    let label = args.grades.display().to_string();
    write!(out, "{}", c.text(&label, &audit.label, 200))?;
    if let Some(dir) = &args.csv {
        write_atomic(dir, "disagreements.csv", &c.disagreements_csv())?;
        write_atomic(dir, "calibration.csv", &c.table_csv())?;
    }
    Ok(())
}

/// `callaudit lint`: prints the findings; returns the number of errors.
pub fn run_lint(args: &LintRun, out: &mut dyn Write) -> Result<usize> {
    let (file, text) = match &args.sop {
        Some(p) => (p.display().to_string(), std::fs::read_to_string(p)?),
        None => ("builtin:pln123.toml".to_string(), BUILTIN.to_string()),
    };
    let l = lint::lint(
        &lint::Source::new(&file, &text),
        args.reports.as_deref(),
        &args.limits,
    )?;
    write!(out, "{}", l.text(&file))?;
    Ok(l.errors())
}
