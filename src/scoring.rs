//! Call scores (SPEC §4): weighted share of PASS among PASS + FAIL, NA out of the
//! denominator; a FAIL on a critical step sets `critical_fail` and, by profile, zeroes
//! the score.

use crate::model::{Status, StepId};
use crate::profile::Compiled;

/// The score of one call and its step counts.
#[derive(Debug, Clone, PartialEq)]
pub struct CallScore {
    /// 0..=100; 100 when no step applied.
    pub score: f64,
    pub critical_fail: bool,
    pub passed: usize,
    pub failed: usize,
    pub na: usize,
    pub failed_steps: Vec<StepId>,
}

/// Scores a call from its statuses in [`StepId::ALL`] order.
pub fn score(statuses: &[Status], prof: &Compiled) -> CallScore {
    let (mut pass_w, mut fail_w) = (0.0, 0.0);
    let mut s = CallScore {
        score: 100.0,
        critical_fail: false,
        passed: 0,
        failed: 0,
        na: 0,
        failed_steps: Vec::new(),
    };
    for (&st, id) in statuses.iter().zip(StepId::ALL) {
        let i = id.index();
        match st {
            Status::Pass => {
                s.passed += 1;
                pass_w += prof.weights[i];
            }
            Status::Fail => {
                s.failed += 1;
                fail_w += prof.weights[i];
                s.failed_steps.push(id);
                s.critical_fail |= prof.critical[i];
            }
            Status::Na => s.na += 1,
        }
    }
    if pass_w + fail_w > 0.0 {
        s.score = 100.0 * pass_w / (pass_w + fail_w);
    }
    if s.critical_fail && prof.profile.scoring.critical_zeroes_score {
        s.score = 0.0;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    fn statuses(fails: &[&str], nas: &[&str]) -> Vec<Status> {
        StepId::ALL
            .iter()
            .map(|id| {
                if fails.contains(&id.as_str()) {
                    Fail
                } else if nas.contains(&id.as_str()) {
                    Na
                } else {
                    Pass
                }
            })
            .collect()
    }

    #[test]
    fn weighted_share_with_na_out() {
        let prof = Compiled::builtin();
        // Built-in weights: 14 steps of 1 and apkt_action, simone_escalation of 2 = 18.
        let s = score(&statuses(&["empathy"], &["eta_3x24", "apkt_note"]), &prof);
        assert_eq!((s.passed, s.failed, s.na), (13, 1, 2));
        assert!((s.score - 100.0 * 15.0 / 16.0).abs() < 1e-9);
        assert_eq!(s.failed_steps, [StepId::Empathy]);
        assert!(!s.critical_fail);
    }

    #[test]
    fn critical_fail_zeroes() {
        let prof = Compiled::builtin();
        let s = score(&statuses(&["simone_escalation"], &[]), &prof);
        assert!(s.critical_fail);
        assert_eq!(s.score, 0.0);
        let mut p = Compiled::builtin();
        p.profile.scoring.critical_zeroes_score = false;
        let s = score(&statuses(&["simone_escalation"], &[]), &p);
        assert!(s.critical_fail);
        assert!((s.score - 100.0 * 16.0 / 18.0).abs() < 1e-9);
    }

    #[test]
    fn all_na_scores_100() {
        let prof = Compiled::builtin();
        assert_eq!(score(&[Na; 16], &prof).score, 100.0);
    }
}
