//! `agents.csv`: per-agent calls, mean and median score, critical fails and the pass
//! rate of every step. Aggregates are keyed by agent id in a BTreeMap and fed in call_id
//! order, so the output is the same whatever the thread count.

use super::fixed;
use crate::model::{Status, STEP_IDS};
use crate::scoring::CallScore;
use crate::steps::StepResult;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default)]
struct Agent {
    name: String,
    scores: Vec<f64>,
    critical: u64,
    pass: [u64; STEP_IDS.len()],
    fail: [u64; STEP_IDS.len()],
}

/// Running per-agent aggregates.
#[derive(Debug, Clone, Default)]
pub struct AgentStats {
    agents: BTreeMap<String, Agent>,
}

impl AgentStats {
    pub fn columns() -> Vec<String> {
        let mut cols: Vec<String> = [
            "agent_id",
            "agent_name",
            "calls",
            "mean_score",
            "median_score",
            "critical_fails",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        cols.extend(STEP_IDS.iter().map(|s| format!("pass_rate_{s}")));
        cols
    }

    pub fn add(&mut self, id: &str, name: &str, score: &CallScore, steps: &[StepResult]) {
        let a = self.agents.entry(id.to_string()).or_default();
        if a.name.is_empty() {
            a.name = name.to_string();
        }
        a.scores.push(score.score);
        a.critical += u64::from(score.critical_fail);
        for (i, s) in steps.iter().enumerate() {
            match s.status {
                Status::Pass => a.pass[i] += 1,
                Status::Fail => a.fail[i] += 1,
                Status::Na => {}
            }
        }
    }

    /// Mean score over all calls.
    pub fn mean_score(&self) -> Option<f64> {
        let (sum, n) = self
            .agents
            .values()
            .flat_map(|a| &a.scores)
            .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
        (n > 0).then(|| sum / n as f64)
    }

    pub fn critical_fails(&self) -> u64 {
        self.agents.values().map(|a| a.critical).sum()
    }

    pub fn write<W: std::io::Write>(&self, w: &mut csv::Writer<W>) -> csv::Result<()> {
        for (id, a) in &self.agents {
            let n = a.scores.len();
            let mean = a.scores.iter().sum::<f64>() / n.max(1) as f64;
            let mut sorted = a.scores.clone();
            sorted.sort_by(f64::total_cmp);
            let median = if n == 0 {
                0.0
            } else if n % 2 == 1 {
                sorted[n / 2]
            } else {
                (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
            };
            let mut row = vec![
                id.clone(),
                a.name.clone(),
                n.to_string(),
                fixed(mean, 1),
                fixed(median, 1),
                a.critical.to_string(),
            ];
            for i in 0..STEP_IDS.len() {
                let d = a.pass[i] + a.fail[i];
                row.push(if d == 0 {
                    String::new()
                } else {
                    fixed(a.pass[i] as f64 / d as f64, 3)
                });
            }
            w.write_record(&row)?;
        }
        Ok(())
    }
}
