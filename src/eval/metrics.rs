//! Agreement metrics between ground truth and predicted step statuses.
//!
//! A truth row with no prediction is a fourth predicted label, "missing", that never
//! matches: it is a disagreement in agreement and kappa, and for FAIL detection it is a
//! "not FAIL" prediction (a missed FAIL is a false negative, anything else a true
//! negative), so TP + FP + FN + TN = n always. The missing column says how many.
//!
//! Empty denominators are not papered over: with no truth rows every metric is `None`;
//! precision is `None` when nothing was predicted FAIL, recall and F1 are `None` when truth
//! holds no FAIL (there was nothing to find, so a detection rate means nothing; any FAIL
//! predicted there is still counted as FP). F1 = 2TP / (2TP + FP + FN) is 0.0 when truth
//! has FAILs and none was found. Kappa is 1.0 when chance agreement is already total
//! (every row in one class on both sides, which implies perfect agreement).

use super::csvio::class;
use crate::model::{Status, STEP_IDS};

/// The 3×3 truth × predicted table plus missing predictions, classes in PASS, FAIL, NA
/// order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Confusion {
    /// `cells[t][p]`: rows whose truth is class `t` and prediction class `p`.
    pub cells: [[u64; 3]; 3],
    /// `missing[t]`: truth rows of class `t` with no row in steps.csv.
    pub missing: [u64; 3],
}

/// FAIL-detection counts: FAIL is the positive class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FailCounts {
    pub tp: u64,
    pub fp: u64,
    pub fn_: u64,
    pub tn: u64,
}

const FAIL: usize = 1;

impl Confusion {
    /// Counts one truth row and its prediction (`None` when steps.csv has none).
    pub fn add(&mut self, truth: Status, predicted: Option<Status>) {
        let t = class(truth);
        match predicted {
            Some(p) => self.cells[t][class(p)] += 1,
            None => self.missing[t] += 1,
        }
    }

    pub fn merge(&mut self, other: &Confusion) {
        for t in 0..3 {
            for p in 0..3 {
                self.cells[t][p] += other.cells[t][p];
            }
            self.missing[t] += other.missing[t];
        }
    }

    /// Truth rows counted, missing predictions included.
    pub fn n(&self) -> u64 {
        self.cells.iter().flatten().sum::<u64>() + self.missing_total()
    }

    pub fn missing_total(&self) -> u64 {
        self.missing.iter().sum()
    }

    /// Rows whose predicted status equals the truth.
    pub fn agreed(&self) -> u64 {
        (0..3).map(|k| self.cells[k][k]).sum()
    }

    pub fn fail_detection(&self) -> FailCounts {
        let mut c = FailCounts::default();
        for t in 0..3 {
            for p in 0..3 {
                let v = self.cells[t][p];
                match (t == FAIL, p == FAIL) {
                    (true, true) => c.tp += v,
                    (false, true) => c.fp += v,
                    (true, false) => c.fn_ += v,
                    (false, false) => c.tn += v,
                }
            }
            if t == FAIL {
                c.fn_ += self.missing[t];
            } else {
                c.tn += self.missing[t];
            }
        }
        c
    }

    /// Exact status match rate; missing predictions count as disagreements.
    pub fn agreement(&self) -> Option<f64> {
        let n = self.n();
        (n > 0).then(|| self.agreed() as f64 / n as f64)
    }

    /// Cohen's kappa over PASS / FAIL / NA, computed exactly in integers:
    /// (n·agreed − Σ Tₖ·Pₖ) / (n² − Σ Tₖ·Pₖ) with Tₖ, Pₖ the truth and predicted class
    /// totals (missing predictions belong to no predicted class).
    pub fn kappa(&self) -> Option<f64> {
        let n = self.n() as u128;
        if n == 0 {
            return None;
        }
        let chance: u128 = (0..3)
            .map(|k| {
                let truth = self.cells[k].iter().sum::<u64>() + self.missing[k];
                let pred: u64 = (0..3).map(|t| self.cells[t][k]).sum();
                truth as u128 * pred as u128
            })
            .sum();
        let denom = n * n - chance;
        if denom == 0 {
            return Some(1.0);
        }
        let num = (n * self.agreed() as u128) as f64 - chance as f64;
        Some(num / denom as f64)
    }
}

impl FailCounts {
    pub fn n(&self) -> u64 {
        self.tp + self.fp + self.fn_ + self.tn
    }

    /// FAILs in truth (TP + FN).
    pub fn truth_fails(&self) -> u64 {
        self.tp + self.fn_
    }

    /// FAILs predicted (TP + FP).
    pub fn predicted_fails(&self) -> u64 {
        self.tp + self.fp
    }

    fn ratio(num: u64, den: u64) -> Option<f64> {
        (den > 0).then(|| num as f64 / den as f64)
    }

    /// TP / (TP + FP); `None` when nothing was predicted FAIL.
    pub fn precision(&self) -> Option<f64> {
        Self::ratio(self.tp, self.predicted_fails())
    }

    /// TP / (TP + FN); `None` when truth holds no FAIL.
    pub fn recall(&self) -> Option<f64> {
        Self::ratio(self.tp, self.truth_fails())
    }

    /// 2TP / (2TP + FP + FN), the harmonic mean of precision and recall; `None` when truth
    /// holds no FAIL (false alarms there show in FP, not in a score).
    pub fn f1(&self) -> Option<f64> {
        if self.truth_fails() == 0 {
            return None;
        }
        Self::ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }

    /// Rows were counted but truth holds no FAIL, so recall and F1 are undefined.
    pub fn no_truth_fail(&self) -> bool {
        self.n() > 0 && self.truth_fails() == 0
    }
}

/// Per-step confusion tables in [`STEP_IDS`] order, and their pooled total.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StepTable {
    /// `per_step[i]` is the table of `STEP_IDS[i]`.
    pub per_step: [Confusion; STEP_IDS.len()],
}

impl StepTable {
    pub fn add(&mut self, step: usize, truth: Status, predicted: Option<Status>) {
        self.per_step[step].add(truth, predicted);
    }

    /// All steps pooled (micro-averaged): the "overall" row.
    pub fn overall(&self) -> Confusion {
        let mut all = Confusion::default();
        for c in &self.per_step {
            all.merge(c);
        }
        all
    }

    /// `(step id, table)` in report order.
    pub fn rows(&self) -> impl Iterator<Item = (&'static str, &Confusion)> {
        STEP_IDS.iter().copied().zip(self.per_step.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::{Fail as F, Na as N, Pass as P};

    fn table(pairs: &[(Status, Option<Status>)]) -> Confusion {
        let mut c = Confusion::default();
        for &(t, p) in pairs {
            c.add(t, p);
        }
        c
    }

    #[test]
    fn hand_computed_three_class() {
        // truth → predicted:
        //   PASS: P P P F        FAIL: F F P        NA: N N P
        let c = table(&[
            (P, Some(P)),
            (P, Some(P)),
            (P, Some(P)),
            (P, Some(F)),
            (F, Some(F)),
            (F, Some(F)),
            (F, Some(P)),
            (N, Some(N)),
            (N, Some(N)),
            (N, Some(P)),
        ]);
        assert_eq!(c.cells, [[3, 1, 0], [1, 2, 0], [1, 0, 2]]);
        assert_eq!(c.n(), 10);
        let f = c.fail_detection();
        assert_eq!(
            f,
            FailCounts {
                tp: 2,
                fp: 1,
                fn_: 1,
                tn: 6
            }
        );
        assert_eq!(f.precision(), Some(2.0 / 3.0));
        assert_eq!(f.recall(), Some(2.0 / 3.0));
        assert_eq!(f.f1(), Some(4.0 / 6.0));
        assert_eq!(c.agreement(), Some(0.7));
        // Truth totals 4,3,3; predicted 5,3,2. pe = (20+9+6)/100 = 0.35;
        // kappa = (0.7 − 0.35) / 0.65 = 35/65 = 7/13.
        assert_eq!(c.kappa(), Some(35.0 / 65.0));
    }

    #[test]
    fn missing_predictions_disagree_and_miss_fails() {
        // PASS→PASS, FAIL→FAIL, FAIL→missing, NA→missing.
        let c = table(&[(P, Some(P)), (F, Some(F)), (F, None), (N, None)]);
        assert_eq!(c.missing, [0, 1, 1]);
        assert_eq!(c.missing_total(), 2);
        assert_eq!(c.n(), 4);
        assert_eq!(c.agreement(), Some(0.5));
        let f = c.fail_detection();
        assert_eq!((f.tp, f.fp, f.fn_, f.tn), (1, 0, 1, 2));
        assert_eq!(f.precision(), Some(1.0));
        assert_eq!(f.recall(), Some(0.5));
        assert_eq!(f.f1(), Some(2.0 / 3.0));
        // Truth totals 1,2,1; predicted 1,1,0. chance = 1+2 = 3; n=4, agreed=2:
        // kappa = (8 − 3) / (16 − 3) = 5/13.
        assert_eq!(c.kappa(), Some(5.0 / 13.0));
    }

    #[test]
    fn no_fails_anywhere_is_undefined_not_perfect() {
        let c = table(&[(P, Some(P)), (N, Some(P))]);
        let f = c.fail_detection();
        assert!(f.no_truth_fail());
        assert_eq!((f.precision(), f.recall(), f.f1()), (None, None, None));
        // Truth 1,0,1; predicted 2,0,0: chance = 2, kappa = (2·1 − 2)/(4 − 2) = 0.
        assert_eq!(c.kappa(), Some(0.0));
    }

    #[test]
    fn false_alarms_without_truth_fails_keep_fp_and_leave_f1_undefined() {
        let alarm = table(&[(P, Some(F)), (P, Some(P))]).fail_detection();
        assert_eq!((alarm.tp, alarm.fp, alarm.fn_, alarm.tn), (0, 1, 0, 1));
        assert!(alarm.no_truth_fail());
        // Precision is defined (0 of 1 flagged was right); recall and F1 are not.
        assert_eq!(
            (alarm.precision(), alarm.recall(), alarm.f1()),
            (Some(0.0), None, None)
        );
    }

    #[test]
    fn fails_never_flagged_score_zero_recall_and_f1() {
        let missed = table(&[(F, Some(P)), (P, Some(P))]).fail_detection();
        assert!(!missed.no_truth_fail());
        assert_eq!(
            (missed.precision(), missed.recall(), missed.f1()),
            (None, Some(0.0), Some(0.0))
        );
    }

    #[test]
    fn single_class_everywhere_has_kappa_one_and_empty_is_none() {
        let c = table(&[(P, Some(P)), (P, Some(P))]);
        assert_eq!(c.kappa(), Some(1.0));
        let empty = Confusion::default();
        assert_eq!((empty.agreement(), empty.kappa()), (None, None));
        assert_eq!(empty.fail_detection().f1(), None);
    }

    #[test]
    fn overall_pools_steps() {
        let mut t = StepTable::default();
        t.add(0, P, Some(P));
        t.add(4, F, Some(P));
        t.add(4, F, None);
        let all = t.overall();
        assert_eq!(all.n(), 3);
        assert_eq!(all.cells[1][0], 1);
        assert_eq!(all.missing, [0, 1, 0]);
        assert_eq!(t.rows().nth(4).unwrap().0, "empathy");
    }
}
