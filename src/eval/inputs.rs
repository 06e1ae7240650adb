//! Reading `steps.csv` (indexed in memory: one small entry per call and step) and
//! streaming `truth.csv` against it, one row at a time.

use super::calls::CallTruth;
use super::csvio::{CsvFile, Row};
use super::error::EvalError;
use super::metrics::StepTable;
use crate::model::{Status, STEP_IDS};
use crate::profile::Compiled;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The predicted statuses of steps.csv: per call, one slot per step id.
pub(crate) struct Predictions {
    by_call: HashMap<String, [Option<Prediction>; STEP_IDS.len()]>,
    /// Data rows in steps.csv.
    pub rows: u64,
}

#[derive(Clone, Copy)]
struct Prediction {
    status: Status,
    line: u64,
}

impl Predictions {
    pub fn read(path: &Path) -> Result<Self, EvalError> {
        let mut file = CsvFile::open(path)?;
        let (c_call, c_step, c_status) = (
            file.require("call_id")?,
            file.require("step")?,
            file.require("status")?,
        );
        let mut by_call: HashMap<String, [Option<Prediction>; STEP_IDS.len()]> = HashMap::new();
        let mut rows = 0;
        while let Some(row) = file.next_record()? {
            rows += 1;
            let call_id = row.call_id(c_call)?;
            let step = row.step(c_step)?;
            let status = row.status(c_status)?;
            let slots = match by_call.get_mut(call_id) {
                Some(slots) => slots,
                None => by_call.entry(call_id.to_string()).or_default(),
            };
            if let Some(first) = slots[step] {
                return Err(duplicate(&row, first.line, call_id, step));
            }
            slots[step] = Some(Prediction {
                status,
                line: row.line,
            });
        }
        Ok(Predictions { by_call, rows })
    }

    fn get(&self, call_id: &str, step: usize) -> Option<Status> {
        self.by_call.get(call_id)?[step].map(|p| p.status)
    }
}

fn duplicate(row: &Row<'_>, first: u64, call_id: &str, step: usize) -> EvalError {
    EvalError::Duplicate {
        path: row.path.to_path_buf(),
        line: row.line,
        first,
        key: format!("call {call_id}, step {}", STEP_IDS[step]),
    }
}

/// What one pass over truth.csv yields.
pub(crate) struct TruthPass {
    pub all: StepTable,
    /// Only when truth.csv has a `holdout` column.
    pub holdout: Option<StepTable>,
    pub rows: u64,
    /// Truth rows that found their prediction.
    pub matched: u64,
    /// Per-call truth statuses, filled only when a profile was given.
    pub calls: BTreeMap<String, CallTruth>,
}

/// Streams truth.csv, counting every row against its prediction. `prof` asks for the
/// per-call truth scores too (needed only with `--calls`).
pub(crate) fn read_truth(
    path: &Path,
    predictions: &Predictions,
    prof: Option<&Compiled>,
) -> Result<TruthPass, EvalError> {
    let mut file = CsvFile::open(path)?;
    let (c_call, c_step, c_expected) = (
        file.require("call_id")?,
        file.require("step")?,
        file.require("expected")?,
    );
    let c_holdout = file.column("holdout");
    let mut pass = TruthPass {
        all: StepTable::default(),
        holdout: c_holdout.map(|_| StepTable::default()),
        rows: 0,
        matched: 0,
        calls: BTreeMap::new(),
    };
    // Per call, the line of each step's row; 0 = not seen (line 1 is the header).
    let mut seen: HashMap<String, [u64; STEP_IDS.len()]> = HashMap::new();
    while let Some(row) = file.next_record()? {
        pass.rows += 1;
        let call_id = row.call_id(c_call)?;
        let step = row.step(c_step)?;
        let expected = row.status(c_expected)?;
        // An empty holdout cell means the row is not held out.
        let held_out = match c_holdout {
            Some(c) if !row.get(c).is_empty() => row.bool(c, "holdout value")?,
            _ => false,
        };
        let lines = match seen.get_mut(call_id) {
            Some(lines) => lines,
            None => seen.entry(call_id.to_string()).or_default(),
        };
        if lines[step] != 0 {
            return Err(duplicate(&row, lines[step], call_id, step));
        }
        lines[step] = row.line;
        let predicted = predictions.get(call_id, step);
        pass.matched += u64::from(predicted.is_some());
        pass.all.add(step, expected, predicted);
        if let (true, Some(h)) = (held_out, pass.holdout.as_mut()) {
            h.add(step, expected, predicted);
        }
        if prof.is_some() {
            pass.calls
                .entry(call_id.to_string())
                .or_default()
                .add(step, expected);
        }
    }
    Ok(pass)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
        let p = dir.join(name);
        fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn header_order_free_and_unknown_columns_ignored() {
        let d = tempfile::tempdir().unwrap();
        let steps = write(
            d.path(),
            "steps.csv",
            "similarity,status,reason,step,call_id\n0.9,FAIL,x,empathy,C1\n,PASS,,closing,C1\n,NA,,greeting,C9\n",
        );
        let truth = write(
            d.path(),
            "truth.csv",
            "note,expected,call_id,step\nhi,FAIL,C1,empathy\n,fail,C1,closing\n,PASS,C2,closing\n",
        );
        let preds = Predictions::read(&steps).unwrap();
        assert_eq!(preds.rows, 3);
        let pass = read_truth(&truth, &preds, None).unwrap();
        assert_eq!((pass.rows, pass.matched), (3, 2));
        assert!(pass.holdout.is_none());
        let empathy = pass.all.per_step[4];
        assert_eq!(empathy.cells[1][1], 1);
        let closing = pass.all.per_step[14];
        assert_eq!(closing.cells[1][0], 1);
        assert_eq!(closing.missing, [1, 0, 0]);
    }

    #[test]
    fn holdout_rows_form_a_second_table() {
        let d = tempfile::tempdir().unwrap();
        let steps = write(
            d.path(),
            "steps.csv",
            "call_id,step,status\nC1,empathy,PASS\nC2,empathy,PASS\nC3,empathy,FAIL\n",
        );
        let truth = write(
            d.path(),
            "truth.csv",
            "call_id,step,expected,holdout\nC1,empathy,PASS,false\nC2,empathy,FAIL,true\nC3,empathy,FAIL,TRUE\nC4,empathy,NA,\n",
        );
        let preds = Predictions::read(&steps).unwrap();
        let pass = read_truth(&truth, &preds, None).unwrap();
        let all = pass.all.overall();
        assert_eq!(all.n(), 4);
        let held = pass.holdout.unwrap().overall();
        assert_eq!(held.n(), 2);
        assert_eq!(held.cells[1], [1, 1, 0]);
        assert_eq!(held.missing_total(), 0);
        let f = held.fail_detection();
        assert_eq!((f.tp, f.fp, f.fn_, f.tn), (1, 0, 1, 0));
    }

    #[test]
    fn unknown_status_names_file_line_and_value() {
        let d = tempfile::tempdir().unwrap();
        let steps = write(
            d.path(),
            "steps.csv",
            "call_id,step,status\nC1,empathy,PASS\nC1,closing,MAYBE\n",
        );
        let msg = Predictions::read(&steps).err().unwrap().to_string();
        assert!(
            msg.contains("steps.csv") && msg.contains("line 3") && msg.contains("`MAYBE`"),
            "{msg}"
        );
        let ok = write(d.path(), "ok.csv", "call_id,step,status\n");
        let preds = Predictions::read(&ok).unwrap();
        let truth = write(
            d.path(),
            "truth.csv",
            "call_id,step,expected\nC1,empathy,\n",
        );
        let msg = read_truth(&truth, &preds, None).err().unwrap().to_string();
        assert!(
            msg.contains("truth.csv: line 2: invalid status ``"),
            "{msg}"
        );
    }

    #[test]
    fn unknown_step_and_duplicates_are_errors() {
        let d = tempfile::tempdir().unwrap();
        let ok = write(d.path(), "ok.csv", "call_id,step,status\n");
        let preds = Predictions::read(&ok).unwrap();
        let typo = write(
            d.path(),
            "typo.csv",
            "call_id,step,expected\nC1,empaty,PASS\n",
        );
        let msg = read_truth(&typo, &preds, None).err().unwrap().to_string();
        assert!(msg.contains("line 2: invalid step id `empaty`"), "{msg}");
        let dup = write(
            d.path(),
            "dup.csv",
            "call_id,step,expected\nC1,empathy,PASS\nC2,empathy,PASS\nC1,empathy,FAIL\n",
        );
        let msg = read_truth(&dup, &preds, None).err().unwrap().to_string();
        assert!(
            msg.contains("line 4: duplicate row for call C1, step empathy (first at line 2)"),
            "{msg}"
        );
    }
}
