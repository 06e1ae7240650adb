//! `agents.csv`: per-agent calls, mean and median score, critical fails and the pass
//! rate of every step. Aggregates are keyed by agent id in a BTreeMap and fed in call_id
//! order, so the output is the same whatever the thread count.

use super::fixed;
use crate::model::{Status, StepId, STEP_COUNT};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default)]
struct Agent {
    name: String,
    /// Calls and the sum of their scores, in call order.
    calls: usize,
    sum: f64,
    /// Score (as bits; scores are ≥ 0, so the bits sort as the numbers) → calls. Scores
    /// take few distinct values (ratios of the step weights), so this stays small
    /// whatever the number of calls, and gives the exact median.
    scores: BTreeMap<u64, u64>,
    critical: u64,
    pass: [u64; STEP_COUNT],
    fail: [u64; STEP_COUNT],
}

impl Agent {
    /// The `k`-th smallest score (0-based, `k` < calls).
    fn nth(&self, k: usize) -> f64 {
        let mut seen = 0u64;
        for (&bits, &count) in &self.scores {
            seen += count;
            if seen > k as u64 {
                return f64::from_bits(bits);
            }
        }
        0.0
    }
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
        cols.extend(StepId::ALL.iter().map(|s| format!("pass_rate_{s}")));
        cols
    }

    /// Adds one call (calls must come in call order: the mean is a float sum and the
    /// first name seen is kept). Looks the agent up before allocating its key.
    pub fn add(
        &mut self,
        id: &str,
        name: &str,
        score: f64,
        critical_fail: bool,
        statuses: &[Status],
    ) {
        let a = match self.agents.get_mut(id) {
            Some(a) => a,
            None => self.agents.entry(id.to_string()).or_default(),
        };
        if a.name.is_empty() {
            a.name = name.to_string();
        }
        a.calls += 1;
        a.sum += score;
        *a.scores.entry(score.max(0.0).to_bits()).or_default() += 1;
        a.critical += u64::from(critical_fail);
        for (i, s) in statuses.iter().enumerate() {
            match s {
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
            .fold((0.0, 0usize), |(s, n), a| (s + a.sum, n + a.calls));
        (n > 0).then(|| sum / n as f64)
    }

    pub fn critical_fails(&self) -> u64 {
        self.agents.values().map(|a| a.critical).sum()
    }

    pub fn write<W: std::io::Write>(
        &self,
        w: &mut csv::Writer<W>,
        cells: super::Cells,
    ) -> csv::Result<()> {
        for row in self.records() {
            let row: Vec<String> = row.iter().map(|c| cells.apply(c).into_owned()).collect();
            w.write_record(&row)?;
        }
        Ok(())
    }

    /// The rows of agents.csv ([`AgentStats::columns`] order), as written before cell
    /// neutralisation: the HTML report shows these very strings.
    pub fn records(&self) -> Vec<Vec<String>> {
        let mut rows = Vec::with_capacity(self.agents.len());
        for (id, a) in &self.agents {
            let n = a.calls;
            let mean = a.sum / n.max(1) as f64;
            let median = if n == 0 {
                0.0
            } else if n % 2 == 1 {
                a.nth(n / 2)
            } else {
                (a.nth(n / 2 - 1) + a.nth(n / 2)) / 2.0
            };
            let mut row = vec![
                id.clone(),
                a.name.clone(),
                n.to_string(),
                fixed(mean, 1),
                fixed(median, 1),
                a.critical.to_string(),
            ];
            for i in 0..STEP_COUNT {
                let d = a.pass[i] + a.fail[i];
                row.push(if d == 0 {
                    String::new()
                } else {
                    fixed(a.pass[i] as f64 / d as f64, 3)
                });
            }
            rows.push(row);
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(scores: &[f64]) -> AgentStats {
        let mut s = AgentStats::default();
        for &score in scores {
            s.add("A1", "Agent", score, score == 0.0, &[]);
        }
        s
    }

    fn row(s: &AgentStats) -> Vec<String> {
        let mut w = csv::Writer::from_writer(Vec::new());
        s.write(&mut w, crate::report::Cells::Neutral).unwrap();
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        text.trim_end().split(',').map(str::to_string).collect()
    }

    #[test]
    fn median_and_mean_from_counts() {
        // calls, mean, median, critical fails
        let r = row(&stats(&[90.0, 50.0, 10.0, 50.0, 50.0]));
        assert_eq!(&r[2..6], ["5", "50.0", "50.0", "0"]);
        let r = row(&stats(&[80.0, 20.0, 0.0, 100.0]));
        assert_eq!(&r[2..6], ["4", "50.0", "50.0", "1"]);
        let r = row(&stats(&[87.5]));
        assert_eq!(&r[2..6], ["1", "87.5", "87.5", "0"]);
        assert_eq!(stats(&[10.0, 30.0]).mean_score(), Some(20.0));
        assert_eq!(AgentStats::default().mean_score(), None);
    }
}
