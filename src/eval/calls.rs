//! Call-level checks behind `--calls`: the score each call should have had, derived from
//! its truth statuses with the SPEC §4 formula, against calls.csv `score`; and, when an
//! `expected_calls.csv` sits beside truth.csv, the SOP path, urgency and prior report
//! number against calls.csv.
//!
//! A call's truth score uses only the steps truth.csv grades for it. Calls are visited in
//! call_id order, so sums, ties and the listed call ids are the same on every run.

use super::csvio::{CsvFile, Row};
use super::error::EvalError;
use crate::model::{PathKind, Status, STEP_IDS};
use crate::profile::Compiled;
use crate::scoring;
use std::collections::BTreeMap;
use std::path::Path;

/// How many call ids the path confusion lists for one wrong pair.
pub const MISMATCH_IDS: usize = 10;

/// One call's truth statuses, by step index; a step truth.csv does not grade is NA.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CallTruth {
    statuses: [Status; STEP_IDS.len()],
}

impl Default for CallTruth {
    fn default() -> Self {
        CallTruth {
            statuses: [Status::Na; STEP_IDS.len()],
        }
    }
}

impl CallTruth {
    /// Records the truth status of step `step` (an index into `STEP_IDS`).
    pub fn add(&mut self, step: usize, status: Status) {
        self.statuses[step] = status;
    }

    /// The score the call should have had: the audit's own SPEC §4 scoring
    /// ([`scoring::score`]) of the truth statuses under the profile's weights.
    pub fn score(&self, prof: &Compiled) -> f64 {
        scoring::score(&self.statuses, prof).score
    }
}

/// One calls.csv row as far as eval needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct PredictedCall {
    pub score: f64,
    /// `None` when calls.csv has no path / urgent / prior_report_no columns (they are
    /// read only when expected_calls.csv is there to compare them with).
    pub path: Option<PathKind>,
    pub urgent: Option<bool>,
    pub prior_report_no: Option<String>,
}

/// One expected_calls.csv row.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpectedCall {
    pub path: PathKind,
    pub urgent: bool,
    /// Empty when the caller had no prior report.
    pub prior_report_no: String,
}

fn path_kind(row: &Row<'_>, idx: usize) -> Result<PathKind, EvalError> {
    let v = row.get(idx);
    PathKind::from_name(v).ok_or_else(|| row.bad("path", v))
}

/// Fails on a repeated call_id: two verdicts for one call cannot both be compared.
fn insert_once<T>(
    map: &mut BTreeMap<String, (T, u64)>,
    row: &Row<'_>,
    call_id: &str,
    value: T,
) -> Result<(), EvalError> {
    if let Some((_, first)) = map.get(call_id) {
        return Err(EvalError::Duplicate {
            path: row.path.to_path_buf(),
            line: row.line,
            first: *first,
            key: format!("call {call_id}"),
        });
    }
    map.insert(call_id.to_string(), (value, row.line));
    Ok(())
}

/// Reads calls.csv; `with_expected` also requires and reads path, urgent and
/// prior_report_no.
pub(crate) fn read_predicted(
    path: &Path,
    with_expected: bool,
) -> Result<BTreeMap<String, PredictedCall>, EvalError> {
    let mut file = CsvFile::open(path)?;
    let (c_call, c_score) = (file.require("call_id")?, file.require("score")?);
    let extra = if with_expected {
        Some((
            file.require("path")?,
            file.require("urgent")?,
            file.require("prior_report_no")?,
        ))
    } else {
        None
    };
    let mut calls = BTreeMap::new();
    while let Some(row) = file.next_record()? {
        let call_id = row.call_id(c_call)?;
        let raw = row.get(c_score);
        let score = raw
            .parse::<f64>()
            .ok()
            .filter(|s| s.is_finite())
            .ok_or_else(|| row.bad("score", raw))?;
        let mut call = PredictedCall {
            score,
            path: None,
            urgent: None,
            prior_report_no: None,
        };
        if let Some((c_path, c_urgent, c_prior)) = extra {
            call.path = Some(path_kind(&row, c_path)?);
            call.urgent = Some(row.bool(c_urgent, "urgent value")?);
            call.prior_report_no = Some(row.get(c_prior).to_string());
        }
        insert_once(&mut calls, &row, call_id, call)?;
    }
    Ok(calls.into_iter().map(|(k, (v, _))| (k, v)).collect())
}

/// Reads expected_calls.csv (call_id, path, urgent, prior_report_no).
pub(crate) fn read_expected(path: &Path) -> Result<BTreeMap<String, ExpectedCall>, EvalError> {
    let mut file = CsvFile::open(path)?;
    let (c_call, c_path, c_urgent, c_prior) = (
        file.require("call_id")?,
        file.require("path")?,
        file.require("urgent")?,
        file.require("prior_report_no")?,
    );
    let mut calls = BTreeMap::new();
    while let Some(row) = file.next_record()? {
        let call_id = row.call_id(c_call)?;
        let call = ExpectedCall {
            path: path_kind(&row, c_path)?,
            urgent: row.bool(c_urgent, "urgent value")?,
            prior_report_no: row.get(c_prior).to_string(),
        };
        insert_once(&mut calls, &row, call_id, call)?;
    }
    Ok(calls.into_iter().map(|(k, (v, _))| (k, v)).collect())
}

/// Truth score against calls.csv score.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScoreEval {
    /// Calls graded in truth.csv and present in calls.csv.
    pub n: u64,
    /// Mean absolute score error; `None` when `n` is 0.
    pub mae: Option<f64>,
    /// The largest error and its call (the first in call_id order on a tie).
    pub max_error: Option<(String, f64)>,
    /// Calls graded in truth.csv that calls.csv lacks (rejected or not audited).
    pub not_in_calls: u64,
}

/// Expected path / urgency / prior report number against calls.csv.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExpectedEval {
    /// Calls in expected_calls.csv and in calls.csv.
    pub n: u64,
    pub path_correct: u64,
    pub urgent_correct: u64,
    pub prior_correct: u64,
    /// Calls in expected_calls.csv that calls.csv lacks.
    pub not_in_calls: u64,
    /// (expected, predicted) → mismatches, for every wrong pair.
    pub path_mismatches: BTreeMap<(PathKind, PathKind), PathMismatch>,
}

/// The calls behind one wrong (expected, predicted) path pair.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathMismatch {
    pub count: u64,
    /// The first [`MISMATCH_IDS`] call ids in call_id order.
    pub call_ids: Vec<String>,
}

/// One line of eval_calls.csv: everything known about a call on both sides.
#[derive(Debug, Clone, PartialEq)]
pub struct CallRow {
    pub call_id: String,
    pub truth_score: Option<f64>,
    pub expected: Option<ExpectedCall>,
    pub predicted: Option<PredictedCall>,
}

/// All call-level results of `--calls`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CallEval {
    pub score: ScoreEval,
    /// `None` when there is no expected_calls.csv beside truth.csv.
    pub expected: Option<ExpectedEval>,
    /// Every call in truth.csv or expected_calls.csv, in call_id order.
    pub rows: Vec<CallRow>,
}

pub(crate) fn evaluate(
    truth: &BTreeMap<String, CallTruth>,
    prof: &Compiled,
    predicted: &BTreeMap<String, PredictedCall>,
    expected: Option<&BTreeMap<String, ExpectedCall>>,
) -> CallEval {
    let mut ids: Vec<&String> = truth.keys().collect();
    if let Some(exp) = expected {
        ids.extend(exp.keys());
        ids.sort();
        ids.dedup();
    }
    let mut out = CallEval {
        expected: expected.map(|_| ExpectedEval::default()),
        ..CallEval::default()
    };
    let mut abs_sum = 0.0;
    for id in ids {
        let pred = predicted.get(id);
        let truth_score = truth.get(id).map(|t| t.score(prof));
        if let Some(ts) = truth_score {
            match pred {
                Some(p) => {
                    let err = (ts - p.score).abs();
                    abs_sum += err;
                    out.score.n += 1;
                    if !matches!(&out.score.max_error, Some((_, m)) if *m >= err) {
                        out.score.max_error = Some((id.clone(), err));
                    }
                }
                None => out.score.not_in_calls += 1,
            }
        }
        let exp = expected.and_then(|e| e.get(id));
        if let (Some(e), Some(stats)) = (exp, out.expected.as_mut()) {
            match pred {
                Some(p) => compare_expected(stats, id, e, p),
                None => stats.not_in_calls += 1,
            }
        }
        out.rows.push(CallRow {
            call_id: id.clone(),
            truth_score,
            expected: exp.cloned(),
            predicted: pred.cloned(),
        });
    }
    if out.score.n > 0 {
        out.score.mae = Some(abs_sum / out.score.n as f64);
    }
    out
}

fn compare_expected(stats: &mut ExpectedEval, id: &str, e: &ExpectedCall, p: &PredictedCall) {
    stats.n += 1;
    stats.urgent_correct += u64::from(p.urgent == Some(e.urgent));
    stats.prior_correct += u64::from(p.prior_report_no.as_deref() == Some(&e.prior_report_no));
    match p.path {
        Some(pp) if pp == e.path => stats.path_correct += 1,
        Some(pp) => {
            let m = stats.path_mismatches.entry((e.path, pp)).or_default();
            m.count += 1;
            if m.call_ids.len() < MISMATCH_IDS {
                m.call_ids.push(id.to_string());
            }
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idx(step: &str) -> usize {
        STEP_IDS.iter().position(|s| *s == step).unwrap()
    }

    /// Every step weighs 1 but empathy (2) and apkt_action (3); only apkt_action is
    /// critical.
    fn weights(zeroes: bool) -> Compiled {
        let mut p = Compiled::builtin();
        p.weights = [1.0; STEP_IDS.len()];
        p.weights[idx("empathy")] = 2.0;
        p.weights[idx("apkt_action")] = 3.0;
        p.critical = [false; STEP_IDS.len()];
        p.critical[idx("apkt_action")] = true;
        p.profile.scoring.critical_zeroes_score = zeroes;
        p
    }

    fn truth_of(_: &Compiled, rows: &[(&str, Status)]) -> CallTruth {
        let mut t = CallTruth::default();
        for &(step, status) in rows {
            t.add(idx(step), status);
        }
        t
    }

    fn pred(score: f64) -> PredictedCall {
        PredictedCall {
            score,
            path: None,
            urgent: None,
            prior_report_no: None,
        }
    }

    #[test]
    fn weighted_score_na_out_critical_and_empty() {
        let w = weights(true);
        use Status::*;
        // PASS greeting (1) + FAIL empathy (2), NA apkt_action: 100 × 1/3.
        let t = truth_of(
            &w,
            &[("greeting", Pass), ("empathy", Fail), ("apkt_action", Na)],
        );
        assert_eq!(t.score(&w), 100.0 / 3.0);
        // Critical FAIL zeroes the score...
        let crit = truth_of(&w, &[("greeting", Pass), ("apkt_action", Fail)]);
        assert_eq!(crit.score(&w), 0.0);
        // ...unless the scorecard says otherwise: 100 × 1/4.
        assert_eq!(crit.score(&weights(false)), 25.0);
        // Nothing graded PASS or FAIL: 100.
        assert_eq!(truth_of(&w, &[("empathy", Na)]).score(&w), 100.0);
        // Any other step weighs 1: PASS closing (1), FAIL empathy (2).
        let t = truth_of(&w, &[("closing", Pass), ("empathy", Fail)]);
        assert_eq!(t.score(&w), 100.0 / 3.0);
    }

    #[test]
    fn mae_over_calls_in_both_files() {
        let w = weights(true);
        use Status::*;
        let truth = BTreeMap::from([
            (
                "C1".to_string(),
                truth_of(&w, &[("greeting", Pass), ("empathy", Pass)]),
            ), // 100
            ("C2".to_string(), truth_of(&w, &[("apkt_action", Fail)])), // 0
            (
                "C3".to_string(),
                truth_of(&w, &[("empathy", Fail), ("greeting", Pass)]),
            ), // 33.3
            ("C4".to_string(), truth_of(&w, &[("greeting", Pass)])),    // absent
        ]);
        let predicted = BTreeMap::from([
            ("C1".to_string(), pred(90.0)),
            ("C2".to_string(), pred(0.0)),
            ("C3".to_string(), pred(100.0 / 3.0 + 20.0)),
            ("C9".to_string(), pred(50.0)),
        ]);
        let e = evaluate(&truth, &w, &predicted, None);
        assert_eq!(e.score.n, 3);
        assert_eq!(e.score.not_in_calls, 1);
        // |100−90| + 0 + 20 = 30 over 3 calls.
        assert!((e.score.mae.unwrap() - 10.0).abs() < 1e-12);
        let (id, max) = e.score.max_error.clone().unwrap();
        assert_eq!(id, "C3");
        assert!((max - 20.0).abs() < 1e-12);
        assert!(e.expected.is_none());
        let ids: Vec<_> = e.rows.iter().map(|r| r.call_id.as_str()).collect();
        assert_eq!(ids, ["C1", "C2", "C3", "C4"]);
        assert!(e.rows[3].predicted.is_none());
    }

    #[test]
    fn path_urgency_prior_accuracy_and_mismatch_listing() {
        use PathKind::*;
        let w = weights(true);
        let exp = |path, urgent, prior: &str| ExpectedCall {
            path,
            urgent,
            prior_report_no: prior.to_string(),
        };
        let got = |path, urgent, prior: &str| PredictedCall {
            score: 100.0,
            path: Some(path),
            urgent: Some(urgent),
            prior_report_no: Some(prior.to_string()),
        };
        let mut expected = BTreeMap::new();
        let mut predicted = BTreeMap::new();
        expected.insert("A".to_string(), exp(FirstReport, false, ""));
        predicted.insert("A".to_string(), got(FirstReport, false, ""));
        expected.insert("B".to_string(), exp(RepeatOpenLt12h, true, "K1"));
        predicted.insert("B".to_string(), got(RepeatOpenGe12h, true, "K2"));
        for i in 0..12 {
            let id = format!("D{i:02}");
            expected.insert(id.clone(), exp(RepeatResolved, false, "K3"));
            predicted.insert(id, got(FirstReport, true, "K3"));
        }
        expected.insert("Z".to_string(), exp(TusbungPaid, false, ""));
        let e = evaluate(&BTreeMap::new(), &w, &predicted, Some(&expected));
        let x = e.expected.unwrap();
        assert_eq!(x.n, 14);
        assert_eq!(x.not_in_calls, 1);
        assert_eq!(
            (x.path_correct, x.urgent_correct, x.prior_correct),
            (1, 2, 13)
        );
        assert_eq!(x.path_mismatches.len(), 2);
        let lt = &x.path_mismatches[&(RepeatOpenLt12h, RepeatOpenGe12h)];
        assert_eq!((lt.count, lt.call_ids.clone()), (1, vec!["B".to_string()]));
        let rr = &x.path_mismatches[&(RepeatResolved, FirstReport)];
        assert_eq!(rr.count, 12);
        assert_eq!(rr.call_ids.len(), MISMATCH_IDS);
        assert_eq!(rr.call_ids[0], "D00");
        assert_eq!(rr.call_ids[9], "D09");
        assert_eq!(e.score.n, 0);
        assert_eq!(e.score.mae, None);
    }

    #[test]
    fn calls_csv_bad_score_and_path_are_errors() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("calls.csv");
        std::fs::write(&p, "call_id,score\nC1,80\nC2,high\n").unwrap();
        let msg = read_predicted(&p, false).unwrap_err().to_string();
        assert!(msg.contains("line 3: invalid score `high`"), "{msg}");
        std::fs::write(
            &p,
            "score,urgent,path,call_id,prior_report_no\n80,false,FIRST,C1,\n",
        )
        .unwrap();
        let msg = read_predicted(&p, true).unwrap_err().to_string();
        assert!(msg.contains("line 2: invalid path `FIRST`"), "{msg}");
        let msg = read_predicted(&d.path().join("nope.csv"), false)
            .unwrap_err()
            .to_string();
        assert!(msg.contains("nope.csv"), "{msg}");
    }
}
