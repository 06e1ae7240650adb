//! `callaudit diff OLD NEW`: what changed between two audits of the same calls (two
//! report folders or two runs of the history): per step and per agent the PASS→FAIL and
//! FAIL→PASS counts and the score change, and `flips.csv` with every changed (call,
//! step), both verdicts and both evidences. Only calls in both audits are compared.

use super::view::{AuditView, StepRow};
use crate::eval::render::aligned;
use crate::model::{Status, StepId, STEP_COUNT};
use crate::report::{fixed, push_record};
use std::collections::BTreeMap;

/// Flip counts of a slice of (call, step) pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flips {
    /// Pairs present in both audits.
    pub compared: u64,
    pub pass_to_fail: u64,
    pub fail_to_pass: u64,
    /// Any other change (to or from NA).
    pub other: u64,
}

impl Flips {
    fn add(&mut self, old: Status, new: Status) {
        self.compared += 1;
        match (old, new) {
            (Status::Pass, Status::Fail) => self.pass_to_fail += 1,
            (Status::Fail, Status::Pass) => self.fail_to_pass += 1,
            (a, b) if a != b => self.other += 1,
            _ => {}
        }
    }

    pub fn changed(&self) -> u64 {
        self.pass_to_fail + self.fail_to_pass + self.other
    }
}

/// One agent's change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AgentDiff {
    pub name: String,
    pub calls: u64,
    pub flips: Flips,
    pub old_sum: f64,
    pub new_sum: f64,
}

impl AgentDiff {
    pub fn old_mean(&self) -> f64 {
        self.old_sum / self.calls.max(1) as f64
    }
    pub fn new_mean(&self) -> f64 {
        self.new_sum / self.calls.max(1) as f64
    }
}

/// One changed (call, step).
#[derive(Debug, Clone, PartialEq)]
pub struct Flip {
    pub call_id: String,
    pub agent_id: String,
    pub step: usize,
    pub old: StepRow,
    pub new: StepRow,
}

/// Everything `diff` found.
#[derive(Debug, Clone, Default)]
pub struct Diff {
    pub old_label: String,
    pub new_label: String,
    /// Calls in both, only in OLD, only in NEW.
    pub common: u64,
    pub only_old: u64,
    pub only_new: u64,
    pub steps: [Flips; STEP_COUNT],
    pub agents: BTreeMap<String, AgentDiff>,
    /// Sum of NEW − OLD call scores over the common calls.
    pub score_change: f64,
    pub flips: Vec<Flip>,
}

/// Compares two audits.
pub fn diff(old: &AuditView, new: &AuditView) -> Diff {
    let mut d = Diff {
        old_label: old.label.clone(),
        new_label: new.label.clone(),
        ..Diff::default()
    };
    d.only_new = new
        .calls
        .keys()
        .filter(|k| !old.calls.contains_key(*k))
        .count() as u64;
    for (id, o) in &old.calls {
        let Some(n) = new.calls.get(id) else {
            d.only_old += 1;
            continue;
        };
        d.common += 1;
        d.score_change += n.score - o.score;
        let a = d.agents.entry(n.agent_id.clone()).or_default();
        if a.name.is_empty() {
            a.name = n.agent_name.clone();
        }
        a.calls += 1;
        a.old_sum += o.score;
        a.new_sum += n.score;
        for i in 0..STEP_COUNT {
            let key = (id.clone(), i);
            let (Some(os), Some(ns)) = (old.steps.get(&key), new.steps.get(&key)) else {
                continue;
            };
            d.steps[i].add(os.status, ns.status);
            a.flips.add(os.status, ns.status);
            if os.status != ns.status {
                d.flips.push(Flip {
                    call_id: id.clone(),
                    agent_id: n.agent_id.clone(),
                    step: i,
                    old: os.clone(),
                    new: ns.clone(),
                });
            }
        }
    }
    d
}

impl Diff {
    pub fn total(&self) -> Flips {
        let mut t = Flips::default();
        for s in &self.steps {
            t.compared += s.compared;
            t.pass_to_fail += s.pass_to_fail;
            t.fail_to_pass += s.fail_to_pass;
            t.other += s.other;
        }
        t
    }

    /// The printed report.
    pub fn text(&self) -> String {
        let t = self.total();
        let mut out = format!(
            "diff {} -> {}: {} calls in both ({} only in old, {} only in new); {} flips: {} PASS->FAIL, {} FAIL->PASS, {} other; mean score change {}\n\n",
            self.old_label,
            self.new_label,
            self.common,
            self.only_old,
            self.only_new,
            t.changed(),
            t.pass_to_fail,
            t.fail_to_pass,
            t.other,
            fixed(self.score_change / self.common.max(1) as f64, 2),
        );
        let head = |first: &str| -> Vec<String> {
            [first, "compared", "PASS->FAIL", "FAIL->PASS", "other"]
                .map(String::from)
                .to_vec()
        };
        let counts = |f: &Flips| {
            [f.compared, f.pass_to_fail, f.fail_to_pass, f.other].map(|v| v.to_string())
        };
        let mut rows = vec![head("step")];
        for (id, f) in StepId::ALL.iter().zip(&self.steps) {
            let mut r = vec![id.to_string()];
            r.extend(counts(f));
            rows.push(r);
        }
        out.push_str(&aligned(&rows));
        out.push('\n');
        let mut rows = vec![head("agent")];
        rows[0][1] = "calls".into();
        rows[0].extend(["old_mean", "new_mean", "change"].map(String::from));
        for (id, a) in &self.agents {
            let mut r = vec![format!("{id} {}", a.name)];
            r.extend(counts(&a.flips));
            r[1] = a.calls.to_string();
            r.push(fixed(a.old_mean(), 1));
            r.push(fixed(a.new_mean(), 1));
            r.push(fixed(a.new_mean() - a.old_mean(), 1));
            rows.push(r);
        }
        out.push_str(&aligned(&rows));
        out
    }

    /// `flips.csv`: every changed (call, step), sorted by call and step order.
    pub fn flips_csv(&self) -> Vec<u8> {
        let mut out = Vec::new();
        push_record(
            &mut out,
            &[
                "call_id",
                "agent_id",
                "step",
                "old_status",
                "new_status",
                "old_reason",
                "new_reason",
                "old_evidence_time",
                "old_evidence_text",
                "new_evidence_time",
                "new_evidence_text",
            ],
            crate::report::Cells::Neutral,
        );
        for f in &self.flips {
            push_record(
                &mut out,
                &[
                    f.call_id.as_str(),
                    &f.agent_id,
                    StepId::ALL[f.step].as_str(),
                    f.old.status.as_str(),
                    f.new.status.as_str(),
                    &f.old.reason,
                    &f.new.reason,
                    &f.old.evidence_time,
                    &f.old.evidence_text,
                    &f.new.evidence_time,
                    &f.new.evidence_text,
                ],
                crate::report::Cells::Neutral,
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::view::CallRow;

    fn view(label: &str, calls: &[(&str, f64, [Status; 2])]) -> AuditView {
        let mut v = AuditView {
            label: label.into(),
            ..AuditView::default()
        };
        for (id, score, st) in calls {
            v.calls.insert(
                id.to_string(),
                CallRow {
                    agent_id: "A1".into(),
                    agent_name: "Andri".into(),
                    score: *score,
                },
            );
            for (i, s) in st.iter().enumerate() {
                v.steps.insert(
                    (id.to_string(), i),
                    StepRow {
                        status: *s,
                        reason: String::new(),
                        evidence_time: format!("{i}.0"),
                        evidence_text: format!("{label} says"),
                    },
                );
            }
        }
        v
    }

    #[test]
    fn counts_flips_per_step_and_agent() {
        use Status::*;
        let old = view(
            "old",
            &[("C1", 100.0, [Pass, Pass]), ("C2", 50.0, [Fail, Na])],
        );
        let new = view(
            "new",
            &[
                ("C1", 50.0, [Fail, Pass]),
                ("C2", 100.0, [Pass, Pass]),
                ("C3", 1.0, [Pass, Pass]),
            ],
        );
        let d = diff(&old, &new);
        assert_eq!((d.common, d.only_old, d.only_new), (2, 0, 1));
        assert_eq!(d.steps[0].pass_to_fail, 1);
        assert_eq!(d.steps[0].fail_to_pass, 1);
        assert_eq!(d.steps[1].other, 1);
        assert_eq!(d.flips.len(), 3);
        let a = &d.agents["A1"];
        assert_eq!(a.flips.changed(), 3);
        assert_eq!(a.old_mean(), 75.0);
        assert_eq!(a.new_mean(), 75.0);
        let csv = String::from_utf8(d.flips_csv()).unwrap();
        assert!(csv
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("C1,A1,greeting,PASS,FAIL,"));
        assert!(d
            .text()
            .contains("3 flips: 1 PASS->FAIL, 1 FAIL->PASS, 1 other"));
    }
}
