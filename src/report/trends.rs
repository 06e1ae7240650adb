//! `trends.csv`: per agent and local day of `started_at` (the manifest's own offset),
//! and per team and day: calls, mean score, critical fails and the FAIL count of every
//! step. The agent rows and the team rows each add up to calls.csv.

use super::{fixed, AgentCall};
use crate::model::{Status, StepId, STEP_COUNT};
use std::collections::BTreeMap;

/// Which grouping a trends row belongs to; agents sort before teams.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Scope {
    Agent,
    Team,
}

#[derive(Debug, Clone, Default)]
struct Day {
    name: String,
    calls: u64,
    sum: f64,
    critical: u64,
    fail: [u64; STEP_COUNT],
}

/// Running per-(agent | team, day) aggregates, fed in call_id order.
#[derive(Debug, Clone, Default)]
pub struct Trends {
    rows: BTreeMap<(Scope, String, String), Day>,
}

impl Trends {
    pub fn columns() -> Vec<String> {
        let mut cols: Vec<String> = [
            "scope",
            "id",
            "name",
            "day",
            "calls",
            "mean_score",
            "critical_fails",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        cols.extend(StepId::ALL.iter().map(|s| format!("fail_{s}")));
        cols
    }

    pub fn add(&mut self, a: &AgentCall) {
        for (scope, id, name) in [
            (Scope::Agent, &a.agent_id, a.agent_name.as_str()),
            (Scope::Team, &a.team, ""),
        ] {
            let key = (scope, id.clone(), a.day.clone());
            let d = self.rows.entry(key).or_default();
            if d.name.is_empty() {
                d.name = name.to_string();
            }
            d.calls += 1;
            d.sum += a.score;
            d.critical += u64::from(a.critical_fail);
            for (f, s) in d.fail.iter_mut().zip(&a.statuses) {
                *f += u64::from(*s == Status::Fail);
            }
        }
    }

    pub fn write<W: std::io::Write>(&self, w: &mut csv::Writer<W>) -> csv::Result<()> {
        for ((scope, id, day), d) in &self.rows {
            let mut row = vec![
                match scope {
                    Scope::Agent => "agent".to_string(),
                    Scope::Team => "team".to_string(),
                },
                id.clone(),
                d.name.clone(),
                day.clone(),
                d.calls.to_string(),
                fixed(d.sum / d.calls.max(1) as f64, 1),
                d.critical.to_string(),
            ];
            row.extend(d.fail.iter().map(u64::to_string));
            w.write_record(&row)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(agent: &str, team: &str, day: &str, score: f64, fail: &[usize]) -> AgentCall {
        let mut statuses = [Status::Pass; STEP_COUNT];
        for &i in fail {
            statuses[i] = Status::Fail;
        }
        AgentCall {
            agent_id: agent.into(),
            agent_name: format!("name {agent}"),
            team: team.into(),
            day: day.into(),
            score,
            critical_fail: score == 0.0,
            statuses,
        }
    }

    #[test]
    fn agent_and_team_rows_by_day() {
        let mut t = Trends::default();
        t.add(&call("A1", "T1", "2026-11-20", 100.0, &[]));
        t.add(&call("A1", "T1", "2026-11-20", 50.0, &[4]));
        t.add(&call("A2", "T1", "2026-11-21", 0.0, &[7, 4]));
        let mut w = csv::Writer::from_writer(Vec::new());
        t.write(&mut w).unwrap();
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert!(lines[0].starts_with("agent,A1,name A1,2026-11-20,2,75.0,0,0,0,0,0,1,"));
        assert!(lines[1].starts_with("agent,A2,name A2,2026-11-21,1,0.0,1,"));
        assert!(lines[2].starts_with("team,T1,,2026-11-20,2,75.0,0,"));
        assert!(lines[3].starts_with("team,T1,,2026-11-21,1,0.0,1,0,0,0,0,1,0,0,1,"));
    }
}
