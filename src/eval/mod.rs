//! `callaudit eval`: how well `audit` agrees with human QA graders.
//!
//! Compares `steps.csv` with a ground-truth `truth.csv` (call_id, step, expected, and an
//! optional `holdout` true/false column; columns found by name) and reports, per step id
//! and pooled over all steps: the 3×3 confusion of truth × predicted status, FAIL
//! detection (FAIL is the positive class) as TP / FP / FN / TN, precision, recall and F1,
//! the exact agreement rate and Cohen's kappa over PASS / FAIL / NA. When truth marks
//! held-out rows (paraphrases the phrase lists were not tuned on), the same table is
//! repeated for those rows alone.
//!
//! Conventions (see [`metrics`]): a truth row without a prediction is counted in the
//! `missing` column and is a disagreement (for FAIL detection, a "not FAIL"); steps.csv
//! rows without truth are ignored but counted; when truth has no FAIL, recall and F1 are
//! undefined ("n/a" in text, an empty cell in CSV) rather than 0 or 1, and the text output
//! lists those steps with their false FAILs (FP), so false alarms stay visible.
//!
//! With `--calls`, each graded call's truth score (SPEC §4, from the profile's weights, with [`crate::scoring::score`]) is compared
//! with calls.csv `score` (mean absolute error), and an `expected_calls.csv` beside
//! truth.csv (call_id, path, urgent, prior_report_no) is checked against calls.csv.
//!
//! Cost: steps.csv is indexed in memory (one entry per call, a slot per step); truth.csv
//! is streamed; calls.csv and expected_calls.csv are held as maps by call_id.

pub mod calls;
pub(crate) mod csvio;
pub mod error;
mod inputs;
pub mod metrics;
pub(crate) mod render;
pub mod sweep;

pub use calls::{
    CallEval, CallRow, ExpectedCall, ExpectedEval, PathMismatch, PredictedCall, ScoreEval,
};
pub use error::EvalError;
pub use metrics::{Confusion, FailCounts, StepTable};

use crate::profile::Compiled;
use anyhow::Context;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What `eval` reads and writes: plain data, filled by the binary from its flags.
#[derive(Debug, Clone, Default)]
pub struct EvalOptions {
    /// Ground truth: call_id, step, expected[, holdout].
    pub truth: PathBuf,
    /// steps.csv written by `audit`.
    pub steps: PathBuf,
    /// calls.csv written by `audit`, for score error and path accuracy.
    pub calls: Option<PathBuf>,
    /// Also write the tables as CSV files into this folder.
    pub csv: Option<PathBuf>,
    /// Also sweep FAIL precision / recall / F1 across confidence thresholds.
    pub sweep: bool,
}

/// Everything `eval` found; the text and CSV outputs are renderings of it.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalReport {
    /// All truth rows.
    pub all: StepTable,
    /// Truth rows with holdout = true; `None` when truth.csv has no holdout column.
    pub holdout: Option<StepTable>,
    /// Data rows in truth.csv.
    pub truth_rows: u64,
    /// Data rows in steps.csv.
    pub steps_rows: u64,
    /// steps.csv rows no truth row asks about (ignored).
    pub steps_without_truth: u64,
    /// Present with `--calls`.
    pub calls: Option<CallEval>,
}

/// The file beside truth.csv holding expected call-level results.
pub const EXPECTED_CALLS: &str = "expected_calls.csv";

/// Runs `callaudit eval`: reads the files of `args`, prints the report on `out`, writes
/// the CSV tables when `--csv` is given, and returns the report.
pub fn run(args: &EvalOptions, prof: &Compiled, out: &mut dyn Write) -> anyhow::Result<EvalReport> {
    let report = evaluate(args, prof)?;
    render::write_text(out, &report).context("writing the eval report")?;
    if args.sweep {
        let sw = sweep::sweep(&args.truth, &args.steps)?;
        writeln!(out).context("writing the sweep")?;
        sw.write(out).context("writing the sweep")?;
    }
    if let Some(dir) = &args.csv {
        render::write_csv(dir, &report)?;
    }
    Ok(report)
}

/// Computes the report without printing or writing anything.
/// Truth scores come from `prof`'s weights and critical steps (SPEC §4).
pub fn evaluate(args: &EvalOptions, prof: &Compiled) -> Result<EvalReport, EvalError> {
    let predictions = inputs::Predictions::read(&args.steps)?;
    let truth = inputs::read_truth(&args.truth, &predictions, args.calls.as_ref().map(|_| prof))?;
    let calls = match &args.calls {
        None => None,
        Some(calls_path) => {
            let expected_path = args
                .truth
                .parent()
                .unwrap_or(Path::new(""))
                .join(EXPECTED_CALLS);
            let expected = if expected_path.is_file() {
                Some(calls::read_expected(&expected_path)?)
            } else {
                None
            };
            let predicted = calls::read_predicted(calls_path, expected.is_some())?;
            Some(calls::evaluate(
                &truth.calls,
                prof,
                &predicted,
                expected.as_ref(),
            ))
        }
    };
    Ok(EvalReport {
        all: truth.all,
        holdout: truth.holdout,
        truth_rows: truth.rows,
        steps_rows: predictions.rows,
        steps_without_truth: predictions.rows - truth.matched,
        calls,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::path::PathBuf;

    struct Fixture {
        dir: tempfile::TempDir,
    }

    impl Fixture {
        fn new() -> Self {
            Fixture {
                dir: tempfile::tempdir().unwrap(),
            }
        }
        fn file(&self, name: &str, text: &str) -> PathBuf {
            let p = self.dir.path().join(name);
            fs::write(&p, text).unwrap();
            p
        }
    }

    const STEPS: &str = "call_id,step,status,reason,evidence_time,evidence_text,similarity
C1,greeting,PASS,,0.0,x,1.0
C1,empathy,FAIL,no apology,,,
C1,apkt_action,PASS,,,,
C2,greeting,PASS,,,,
C2,empathy,PASS,,,,
C2,apkt_action,FAIL,wrong,,,
C3,greeting,NA,,,,
C3,closing,PASS,,,,
";

    // C2/empathy is a missed FAIL, C3/empathy has no prediction, C3/greeting is no truth.
    const TRUTH: &str = "step,call_id,holdout,expected,grader
greeting,C1,false,PASS,ana
empathy,C1,true,FAIL,ana
apkt_action,C1,false,PASS,ana
greeting,C2,true,PASS,budi
empathy,C2,true,FAIL,budi
apkt_action,C2,false,FAIL,budi
closing,C3,false,PASS,ana
empathy,C3,true,PASS,ana
";

    const CALLS: &str = "call_id,started_at,agent_id,agent_name,team,site_code,path,urgent,prior_report_no,score,critical_fail
C1,2026-11-20T08:15:03+07:00,A1,Andri,T,54,FIRST_REPORT,false,,66.67,false
C2,2026-11-20T09:15:03+07:00,A1,Andri,T,54,REPEAT_OPEN_GE12H,true,K1,0,true
C3,2026-11-20T10:15:03+07:00,A1,Andri,T,54,FIRST_REPORT,false,,100,false
";

    const EXPECTED: &str = "call_id,path,urgent,prior_report_no
C1,FIRST_REPORT,false,
C2,REPEAT_OPEN_LT12H,true,K1
C3,FIRST_REPORT,true,
";

    /// SPEC §4 defaults: every step weighs 1; apkt_action and simone_escalation are
    /// critical and zero the score.
    fn spec_default() -> Compiled {
        let mut p = Compiled::builtin();
        p.weights = [1.0; crate::model::STEP_IDS.len()];
        p
    }

    fn args(f: &Fixture, calls: bool, csv: bool) -> EvalOptions {
        EvalOptions {
            truth: f.file("truth.csv", TRUTH),
            steps: f.file("steps.csv", STEPS),
            calls: calls.then(|| f.file("calls.csv", CALLS)),
            csv: csv.then(|| f.dir.path().join("out")),
            sweep: false,
        }
    }

    #[test]
    fn end_to_end_text_and_csv() {
        let f = Fixture::new();
        f.file(EXPECTED_CALLS, EXPECTED);
        let mut out = Vec::new();
        let report = run(&args(&f, true, true), &spec_default(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(report.truth_rows, 8);
        assert_eq!(report.steps_rows, 8);
        assert_eq!(report.steps_without_truth, 1);
        let all = report.all.overall();
        // Truth 5 PASS (one unpredicted) / 3 FAIL, predicted 5 PASS / 2 FAIL, 6 agree:
        // kappa = (8·6 − (5·5 + 3·2)) / (64 − 31) = 17/33.
        assert_eq!(all.kappa(), Some(17.0 / 33.0));
        assert_eq!(report.holdout.as_ref().unwrap().overall().n(), 4);
        let calls = report.calls.as_ref().unwrap();
        assert_eq!(calls.score.n, 3);
        insta::assert_snapshot!("eval_text", text);
        let out_dir = f.dir.path().join("out");
        let read = |name: &str| fs::read_to_string(out_dir.join(name)).unwrap();
        insta::assert_snapshot!("eval_steps_holdout_csv", read("eval_steps_holdout.csv"));
        insta::assert_snapshot!("eval_calls_csv", read("eval_calls.csv"));
        let steps = read("eval_steps.csv");
        assert!(steps.ends_with(
            "overall,8,2,0,1,5,1.0000,0.6667,0.8000,0.7500,0.5152,1,4,0,0,1,2,0,0,0,0,1,0,0\n"
        ));
    }

    #[test]
    fn a_slice_without_truth_fails_shows_f1_na_and_its_false_alarms() {
        // Held-out caller_name: no FAIL in truth, one false FAIL, one agreed PASS.
        let f = Fixture::new();
        let mut a = args(&f, false, true);
        a.truth = f.file(
            "truth.csv",
            "call_id,step,expected,holdout\nC1,caller_name,PASS,true\nC2,caller_name,PASS,true\n",
        );
        a.steps = f.file(
            "steps.csv",
            "call_id,step,status\nC1,caller_name,FAIL\nC2,caller_name,PASS\n",
        );
        let mut out = Vec::new();
        let report = run(&a, &spec_default(), &mut out).unwrap();
        let fc = report.holdout.unwrap().per_step[1].fail_detection();
        assert_eq!((fc.tp, fc.fp, fc.fn_, fc.tn), (0, 1, 0, 1));
        let text = String::from_utf8(out).unwrap();
        let row = text
            .lines()
            .find(|l| l.starts_with("caller_name "))
            .unwrap();
        let cells: Vec<&str> = row.split_whitespace().collect();
        // step n TP FP FN TN precision recall F1 agreement kappa missing
        assert_eq!(
            cells,
            [
                "caller_name",
                "2",
                "0",
                "1",
                "0",
                "1",
                "0.000",
                "n/a",
                "n/a",
                "0.500",
                "0.000",
                "0"
            ]
        );
        assert!(
            text.contains(
                "no FAIL in truth, recall and F1 n/a (FP = false alarms): caller_name (1 FP)"
            ),
            "{text}"
        );
        let csv = fs::read_to_string(f.dir.path().join("out/eval_steps_holdout.csv")).unwrap();
        let line = csv.lines().find(|l| l.starts_with("caller_name,")).unwrap();
        assert!(
            line.starts_with("caller_name,2,0,1,0,1,0.0000,,,0.5000,"),
            "{line}"
        );
    }

    #[test]
    fn without_calls_or_holdout_column_only_the_step_table() {
        let f = Fixture::new();
        let truth = TRUTH
            .replace(",holdout,", ",")
            .replace(",false,", ",")
            .replace(",true,", ",");
        // args() writes the default truth.csv; this one replaces it.
        let mut a = args(&f, false, true);
        a.truth = f.file("truth.csv", &truth);
        let mut out = Vec::new();
        let report = run(&a, &spec_default(), &mut out).unwrap();
        assert!(report.holdout.is_none() && report.calls.is_none());
        let text = String::from_utf8(out).unwrap();
        assert!(
            !text.contains("held-out") && !text.contains("MAE"),
            "{text}"
        );
        let out_dir = f.dir.path().join("out");
        assert!(out_dir.join("eval_steps.csv").is_file());
        assert!(!out_dir.join("eval_steps_holdout.csv").exists());
        assert!(!out_dir.join("eval_calls.csv").exists());
    }

    #[test]
    fn calls_without_expected_file_checks_scores_only() {
        let f = Fixture::new();
        let mut out = Vec::new();
        let report = run(&args(&f, true, false), &spec_default(), &mut out).unwrap();
        let calls = report.calls.unwrap();
        assert!(calls.expected.is_none());
        // Critical weighting off and empathy weighing 3: C1 = 100·2/5 = 40 vs 66.67;
        // C2 = 100·1/5 = 20 vs 0; C3 = 100 vs 100.
        let mut w = spec_default();
        let empathy = crate::model::STEP_IDS.iter().position(|s| *s == "empathy");
        w.weights[empathy.unwrap()] = 3.0;
        w.profile.scoring.critical_zeroes_score = false;
        let calls = evaluate(&args(&f, true, false), &w).unwrap().calls.unwrap();
        let mae = calls.score.mae.unwrap();
        assert!((mae - (26.67 + 20.0) / 3.0).abs() < 0.01, "{mae}");
        assert_eq!(calls.score.max_error.unwrap().0, "C1");
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("no expected_calls.csv beside truth.csv"),
            "{text}"
        );
    }

    #[test]
    fn errors_name_the_file() {
        let f = Fixture::new();
        let mut a = args(&f, false, false);
        a.steps = f.dir.path().join("absent.csv");
        let err = run(&a, &spec_default(), &mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("absent.csv"), "{err}");
        let mut a = args(&f, false, false);
        a.truth = f.file(
            "truth.csv",
            "call_id,step,expected\nC1,greeting,PASS\nC1,empathy,OK\n",
        );
        let err = run(&a, &spec_default(), &mut Vec::new()).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("truth.csv: line 3: invalid status `OK`"),
            "{err}"
        );
    }
}
