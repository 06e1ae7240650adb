//! The output of `eval`: aligned plain-text tables for people, CSV tables for tools.
//! Both are built from an [`EvalReport`] alone, so they always say the same thing.

use super::calls::{CallEval, CallRow};
use super::csvio::write_atomic;
use super::error::EvalError;
use super::metrics::{Confusion, StepTable};
use super::EvalReport;
use std::io::{self, Write};
use std::path::Path;

const CLASSES: [&str; 3] = ["PASS", "FAIL", "NA"];

fn rate(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"))
}

/// A FAIL-detection rate: "-" when the slice has no rows, "n/a" when it has rows but the
/// rate is undefined (no FAIL in truth, or none predicted for precision).
fn fail_rate(n: u64, v: Option<f64>) -> String {
    match v {
        Some(v) => format!("{v:.3}"),
        None if n == 0 => "-".to_string(),
        None => "n/a".to_string(),
    }
}

/// Lays out rows in columns: the first left-aligned, the others right-aligned.
pub(crate) fn aligned(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            if c == 0 {
                line.push_str(&format!("{cell:<w$}", w = widths[0]));
            } else {
                line.push_str(&format!("  {cell:>w$}", w = widths[c]));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn step_row(name: &str, c: &Confusion) -> Vec<String> {
    let f = c.fail_detection();
    vec![
        name.to_string(),
        c.n().to_string(),
        f.tp.to_string(),
        f.fp.to_string(),
        f.fn_.to_string(),
        f.tn.to_string(),
        fail_rate(c.n(), f.precision()),
        fail_rate(c.n(), f.recall()),
        fail_rate(c.n(), f.f1()),
        rate(c.agreement()),
        rate(c.kappa()),
        c.missing_total().to_string(),
    ]
}

/// The per-step table, its footnote, the pooled confusion and the agreement line.
fn write_table(out: &mut dyn Write, table: &StepTable) -> io::Result<()> {
    let header = [
        "step",
        "n",
        "TP",
        "FP",
        "FN",
        "TN",
        "precision",
        "recall",
        "F1",
        "agreement",
        "kappa",
        "missing",
    ];
    let mut rows = vec![header.map(String::from).to_vec()];
    rows.extend(table.rows().map(|(name, c)| step_row(name, c)));
    let all = table.overall();
    rows.push(step_row("overall", &all));
    out.write_all(aligned(&rows).as_bytes())?;

    let fail_free: Vec<String> = table
        .rows()
        .map(|(name, c)| (name, c.fail_detection()))
        .filter(|(_, f)| f.no_truth_fail())
        .map(|(name, f)| format!("{name} ({} FP)", f.fp))
        .collect();
    if !fail_free.is_empty() {
        writeln!(
            out,
            "no FAIL in truth, recall and F1 n/a (FP = false alarms): {}",
            fail_free.join(", ")
        )?;
    }

    writeln!(
        out,
        "\nconfusion, all steps (rows: truth, columns: predicted)"
    )?;
    let mut m = vec![["truth", "PASS", "FAIL", "NA", "missing"]
        .map(String::from)
        .to_vec()];
    for (t, name) in CLASSES.iter().enumerate() {
        let mut r = vec![name.to_string()];
        r.extend(all.cells[t].iter().map(u64::to_string));
        r.push(all.missing[t].to_string());
        m.push(r);
    }
    out.write_all(aligned(&m).as_bytes())?;
    writeln!(
        out,
        "agreement {} ({} of {}), kappa {}, missing predictions {}",
        rate(all.agreement()),
        all.agreed(),
        all.n(),
        rate(all.kappa()),
        all.missing_total()
    )
}

fn accuracy(label: &str, correct: u64, n: u64) -> String {
    let r = (n > 0).then(|| correct as f64 / n as f64);
    format!("{label} {} ({correct} of {n})", rate(r))
}

fn write_calls(out: &mut dyn Write, calls: &CallEval) -> io::Result<()> {
    let s = &calls.score;
    match (&s.mae, &s.max_error) {
        (Some(mae), Some((id, max))) => writeln!(
            out,
            "call score MAE {mae:.2} over {} calls (max error {max:.2}, call {id})",
            s.n
        )?,
        _ => writeln!(out, "call score MAE - (no graded call is in calls.csv)")?,
    }
    if s.not_in_calls > 0 {
        writeln!(out, "graded calls not in calls.csv: {}", s.not_in_calls)?;
    }
    let Some(x) = &calls.expected else {
        return writeln!(
            out,
            "no expected_calls.csv beside truth.csv: path, urgency and prior_report_no not checked"
        );
    };
    writeln!(out, "{}", accuracy("path accuracy", x.path_correct, x.n))?;
    writeln!(
        out,
        "{}",
        accuracy("urgency accuracy", x.urgent_correct, x.n)
    )?;
    writeln!(
        out,
        "{}",
        accuracy("prior_report_no accuracy", x.prior_correct, x.n)
    )?;
    if x.not_in_calls > 0 {
        writeln!(out, "expected calls not in calls.csv: {}", x.not_in_calls)?;
    }
    if !x.path_mismatches.is_empty() {
        writeln!(
            out,
            "path mismatches (expected -> predicted, calls, first call ids):"
        )?;
        let rows: Vec<Vec<String>> = x
            .path_mismatches
            .iter()
            .map(|((e, p), m)| {
                vec![
                    format!("  {} -> {}", e.as_str(), p.as_str()),
                    m.count.to_string(),
                    m.call_ids.join(" "),
                ]
            })
            .collect();
        // The id list is text: left-align it by hand after the aligned count.
        let width = rows.iter().map(|r| r[0].len()).max().unwrap_or(0);
        let count_w = rows.iter().map(|r| r[1].len()).max().unwrap_or(0);
        for r in rows {
            writeln!(out, "{:<width$}  {:>count_w$}  {}", r[0], r[1], r[2])?;
        }
    }
    Ok(())
}

/// The whole report as plain text.
pub(crate) fn write_text(out: &mut dyn Write, report: &EvalReport) -> io::Result<()> {
    writeln!(
        out,
        "truth rows {}, steps.csv rows {} ({} without truth, ignored)\n",
        report.truth_rows, report.steps_rows, report.steps_without_truth
    )?;
    write_table(out, &report.all)?;
    if let Some(h) = &report.holdout {
        writeln!(
            out,
            "\nheld-out paraphrases (holdout = true): {} truth rows\n",
            h.overall().n()
        )?;
        write_table(out, h)?;
    }
    if let Some(calls) = &report.calls {
        writeln!(out)?;
        write_calls(out, calls)?;
    }
    Ok(())
}

fn csv_rate(v: Option<f64>) -> String {
    v.map_or_else(String::new, |v| format!("{v:.4}"))
}

fn csv_score(v: Option<f64>) -> String {
    v.map_or_else(String::new, |v| format!("{v:.2}"))
}

fn csv_bool(v: Option<bool>) -> String {
    v.map_or_else(String::new, |v| v.to_string())
}

/// eval_steps.csv: one row per step then `overall`; the 3×3 cells are
/// `truth_<T>_pred_<P>` and missing predictions by truth class `truth_<T>_missing`. An
/// undefined rate (no FAIL in truth for recall and F1, none predicted for precision) is
/// an empty cell; tp / fp / fn / tn are always filled.
pub(crate) fn steps_csv(table: &StepTable) -> io::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = [
        "step",
        "n",
        "tp",
        "fp",
        "fn",
        "tn",
        "precision",
        "recall",
        "f1",
        "agreement",
        "kappa",
        "missing",
    ]
    .map(String::from)
    .to_vec();
    for t in CLASSES {
        for p in CLASSES {
            header.push(format!("truth_{t}_pred_{p}"));
        }
    }
    header.extend(CLASSES.map(|t| format!("truth_{t}_missing")));
    w.write_record(&header)?;
    let all = table.overall();
    for (name, c) in table.rows().chain([("overall", &all)]) {
        let f = c.fail_detection();
        let mut r = vec![
            name.to_string(),
            c.n().to_string(),
            f.tp.to_string(),
            f.fp.to_string(),
            f.fn_.to_string(),
            f.tn.to_string(),
            csv_rate(f.precision()),
            csv_rate(f.recall()),
            csv_rate(f.f1()),
            csv_rate(c.agreement()),
            csv_rate(c.kappa()),
            c.missing_total().to_string(),
        ];
        r.extend(c.cells.iter().flatten().map(u64::to_string));
        r.extend(c.missing.iter().map(u64::to_string));
        w.write_record(&r)?;
    }
    w.into_inner().map_err(|e| e.into_error())
}

/// eval_calls.csv: every call of truth.csv or expected_calls.csv, both sides; a cell is
/// empty when its side does not know the call (`*_ok` when either side does not).
pub(crate) fn calls_csv(calls: &CallEval) -> io::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "call_id",
        "truth_score",
        "score",
        "score_error",
        "expected_path",
        "path",
        "path_ok",
        "expected_urgent",
        "urgent",
        "urgent_ok",
        "expected_prior_report_no",
        "prior_report_no",
        "prior_report_no_ok",
    ])?;
    for row in &calls.rows {
        w.write_record(call_record(row))?;
    }
    w.into_inner().map_err(|e| e.into_error())
}

fn call_record(row: &CallRow) -> Vec<String> {
    let p = row.predicted.as_ref();
    let e = row.expected.as_ref();
    let score = p.map(|p| p.score);
    let error = row.truth_score.zip(score).map(|(t, s)| (t - s).abs());
    let p_path = p.and_then(|p| p.path);
    let p_urgent = p.and_then(|p| p.urgent);
    let p_prior = p.and_then(|p| p.prior_report_no.as_deref());
    vec![
        row.call_id.clone(),
        csv_score(row.truth_score),
        csv_score(score),
        csv_score(error),
        e.map_or("", |e| e.path.as_str()).to_string(),
        p_path.map_or("", |p| p.as_str()).to_string(),
        csv_bool(e.zip(p_path).map(|(e, p)| e.path == p)),
        csv_bool(e.map(|e| e.urgent)),
        csv_bool(p_urgent),
        csv_bool(e.zip(p_urgent).map(|(e, u)| e.urgent == u)),
        e.map_or("", |e| e.prior_report_no.as_str()).to_string(),
        p_prior.unwrap_or("").to_string(),
        csv_bool(e.zip(p_prior).map(|(e, n)| e.prior_report_no == n)),
    ]
}

/// Writes eval_steps.csv, and eval_steps_holdout.csv / eval_calls.csv when the report
/// has them, into `dir`.
pub(crate) fn write_csv(dir: &Path, report: &EvalReport) -> Result<(), EvalError> {
    let mut files = vec![("eval_steps.csv", steps_csv(&report.all))];
    if let Some(h) = &report.holdout {
        files.push(("eval_steps_holdout.csv", steps_csv(h)));
    }
    if let Some(c) = &report.calls {
        files.push(("eval_calls.csv", calls_csv(c)));
    }
    for (name, bytes) in files {
        let bytes = bytes.map_err(|source| EvalError::Write {
            path: dir.join(name),
            source,
        })?;
        write_atomic(dir, name, &bytes)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align() {
        let rows = vec![
            vec!["step".into(), "n".into()],
            vec!["greeting".into(), "100".into()],
        ];
        assert_eq!(aligned(&rows), "step        n\ngreeting  100\n");
    }
}
