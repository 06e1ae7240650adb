//! `callaudit eval --sweep`: how each step's FAIL detection would change with a
//! confidence threshold, and the threshold a QA lead should put in the profile.
//!
//! A threshold `t` turns a PASS whose `confidence` (steps.csv) is below `t` into a
//! FAIL, as `[scoring.thresholds]` does in `audit`. For every step and every `t` of
//! the grid the sweep counts FAIL detection against the human grades (rows whose truth
//! and verdict are both PASS or FAIL) and proposes the `t` with the best F1 (the
//! lowest such `t` on a tie, so an uncalibrated step keeps 0).

use super::csvio::CsvFile;
use super::error::EvalError;
use crate::model::{Status, STEP_IDS};
use crate::report::fixed;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// Thresholds tried: 0.00, 0.05, ..., 1.00.
pub const GRID: usize = 21;

/// Threshold `k` of the grid.
pub fn threshold(k: usize) -> f64 {
    k as f64 / (GRID - 1) as f64
}

/// Per step and threshold: (TP, FP, FN) of FAIL detection.
#[derive(Debug, Clone, PartialEq)]
pub struct Sweep {
    pub counts: Vec<[(u64, u64, u64); GRID]>,
}

/// (status, confidence) of one verdict; the confidence of a file without the column
/// is 1.
type Verdict = (Status, f64);

/// Counts one graded row into every threshold of a step.
fn add(cell: &mut [(u64, u64, u64); GRID], truth_fail: bool, (status, conf): Verdict) {
    for (k, c) in cell.iter_mut().enumerate() {
        let fail = status == Status::Fail || conf + 1e-9 < threshold(k);
        match (truth_fail, fail) {
            (true, true) => c.0 += 1,
            (false, true) => c.1 += 1,
            (true, false) => c.2 += 1,
            (false, false) => {}
        }
    }
}

/// Sweeps `steps` (steps.csv) against `truth` (truth.csv).
pub fn sweep(truth: &Path, steps: &Path) -> Result<Sweep, EvalError> {
    let mut file = CsvFile::open(steps)?;
    let (c_call, c_step, c_status) = (
        file.require("call_id")?,
        file.require("step")?,
        file.require("status")?,
    );
    let c_conf = file.column("confidence");
    let mut verdicts: HashMap<(String, usize), Verdict> = HashMap::new();
    while let Some(row) = file.next_record()? {
        let conf = c_conf
            .and_then(|c| row.get(c).parse::<f64>().ok())
            .unwrap_or(1.0);
        let key = (row.call_id(c_call)?.to_string(), row.step(c_step)?);
        verdicts.insert(key, (row.status(c_status)?, conf));
    }
    let mut file = CsvFile::open(truth)?;
    let (c_call, c_step, c_exp) = (
        file.require("call_id")?,
        file.require("step")?,
        file.require("expected")?,
    );
    let mut counts = vec![[(0, 0, 0); GRID]; STEP_IDS.len()];
    while let Some(row) = file.next_record()? {
        let step = row.step(c_step)?;
        let expected = row.status(c_exp)?;
        let Some(&v) = verdicts.get(&(row.call_id(c_call)?.to_string(), step)) else {
            continue;
        };
        if expected == Status::Na || v.0 == Status::Na {
            continue;
        }
        add(&mut counts[step], expected == Status::Fail, v);
    }
    Ok(Sweep { counts })
}

/// Precision, recall and F1 of (TP, FP, FN); `None` where undefined.
fn rates((tp, fp, fn_): (u64, u64, u64)) -> (Option<f64>, Option<f64>, Option<f64>) {
    let div = |a: u64, b: u64| (b > 0).then(|| a as f64 / b as f64);
    let (p, r) = (div(tp, tp + fp), div(tp, tp + fn_));
    let f = match (p, r) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (Some(_), Some(_)) => Some(0.0),
        _ => None,
    };
    (p, r, f)
}

impl Sweep {
    /// Per step, the grid index with the best F1 (lowest on a tie); `None` for a step
    /// with no graded FAIL (F1 undefined everywhere).
    pub fn proposed(&self) -> Vec<Option<usize>> {
        self.counts
            .iter()
            .map(|cells| {
                let mut best: Option<(usize, f64)> = None;
                for (k, c) in cells.iter().enumerate() {
                    if let Some(f) = rates(*c).2 {
                        if best.is_none_or(|(_, b)| f > b + 1e-12) {
                            best = Some((k, f));
                        }
                    }
                }
                best.map(|(k, _)| k)
            })
            .collect()
    }

    /// Prints the table (a row per step and threshold where the counts change) and the
    /// proposed `[scoring.thresholds]`.
    pub fn write(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let na = |v: Option<f64>| v.map_or("n/a".to_string(), |v| fixed(v, 3));
        writeln!(
            out,
            "confidence threshold sweep (a PASS below the threshold counts as FAIL)"
        )?;
        writeln!(
            out,
            "{:<22} {:>9} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6}",
            "step", "threshold", "TP", "FP", "FN", "precision", "recall", "F1"
        )?;
        for (i, cells) in self.counts.iter().enumerate() {
            for (k, c) in cells.iter().enumerate() {
                if k > 0 && *c == cells[k - 1] {
                    continue;
                }
                let (p, r, f) = rates(*c);
                writeln!(
                    out,
                    "{:<22} {:>9} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6}",
                    STEP_IDS[i],
                    fixed(threshold(k), 2),
                    c.0,
                    c.1,
                    c.2,
                    na(p),
                    na(r),
                    na(f)
                )?;
            }
        }
        writeln!(out)?;
        writeln!(out, "proposed thresholds (best FAIL F1 on this truth set):")?;
        writeln!(out, "[scoring.thresholds]")?;
        for (i, k) in self.proposed().into_iter().enumerate() {
            match k {
                Some(k) => {
                    let f = rates(self.counts[i][k]).2.unwrap_or(0.0);
                    writeln!(
                        out,
                        "{} = {}  # F1 {}",
                        STEP_IDS[i],
                        fixed(threshold(k), 2),
                        fixed(f, 3)
                    )?
                }
                None => writeln!(out, "# {}: no FAIL in the truth set", STEP_IDS[i])?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(rows: &[(bool, Verdict)]) -> [(u64, u64, u64); GRID] {
        let mut c = [(0, 0, 0); GRID];
        for &(t, v) in rows {
            add(&mut c, t, v);
        }
        c
    }

    #[test]
    fn a_low_confidence_pass_becomes_a_fail_above_its_confidence() {
        // A graded FAIL the audit passed with confidence 0.6, a graded PASS at 0.9.
        let c = cells(&[(true, (Status::Pass, 0.6)), (false, (Status::Pass, 0.9))]);
        assert_eq!(c[0], (0, 0, 1));
        assert_eq!(c[12], (0, 0, 1), "0.60 is not below 0.60");
        assert_eq!(c[13], (1, 0, 0), "0.65: the 0.6 PASS is a FAIL");
        assert_eq!(c[GRID - 1], (1, 1, 0), "1.00: every PASS under 1 fails");
        let s = Sweep { counts: vec![c; 1] };
        assert_eq!(s.proposed(), vec![Some(13)]);
    }

    #[test]
    fn no_graded_fail_proposes_nothing_and_ties_keep_the_lowest() {
        let none = cells(&[(false, (Status::Pass, 0.5))]);
        let flat = cells(&[(true, (Status::Fail, 1.0)), (false, (Status::Pass, 1.0))]);
        let s = Sweep {
            counts: vec![none, flat],
        };
        assert_eq!(s.proposed(), vec![None, Some(0)]);
        let mut out = Vec::new();
        s.write(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("[scoring.thresholds]"), "{text}");
    }
}
