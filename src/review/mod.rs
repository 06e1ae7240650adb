//! Reviewing audits after the fact: [`diff`] of two audits, [`calibrate`] against human
//! graders, [`lint`] of a profile (and of a run's reports). They read audits back through
//! [`view`] (a report folder or a history run) and never re-run the matcher on calls.

pub mod calibrate;
pub mod diff;
pub mod lint;
pub mod view;

use crate::cli::{CalibrateArgs, DiffArgs, LintArgs};
use crate::history::History;
use crate::profile::BUILTIN;
use anyhow::Result;
use std::io::Write;
use std::path::Path;
use view::AuditView;

/// Writes `dir/name` through a temporary file and a rename.
fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".{name}.tmp"));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, dir.join(name))?;
    Ok(())
}

/// `callaudit diff`: prints the diff and writes flips.csv.
pub fn run_diff(args: &DiffArgs, out: &mut dyn Write) -> Result<()> {
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
pub fn run_calibrate(args: &CalibrateArgs, out: &mut dyn Write) -> Result<()> {
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
pub fn run_lint(args: &LintArgs, out: &mut dyn Write) -> Result<usize> {
    let (file, text) = match &args.sop {
        Some(p) => (p.display().to_string(), std::fs::read_to_string(p)?),
        None => ("builtin:pln123.toml".to_string(), BUILTIN.to_string()),
    };
    let opts = lint::LintOptions {
        min_letters: args.min_letters,
        fail_share: args.fail_share,
        min_calls: args.min_calls,
    };
    let l = lint::lint(
        &lint::Source::new(&file, &text),
        args.reports.as_deref(),
        &opts,
    )?;
    write!(out, "{}", l.text(&file))?;
    Ok(l.errors())
}
