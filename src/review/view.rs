//! An audit as the review commands read it back: the calls and step verdicts of a report
//! folder (calls.csv, steps.csv) or of one run of the history database.

use crate::eval::csvio::CsvFile;
use crate::history::History;
use crate::model::{Status, StepId};
use crate::report::STEP_COLUMNS;
use anyhow::{bail, Context, Result};
use std::collections::BTreeMap;
use std::path::Path;

/// One step verdict with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct StepRow {
    pub status: Status,
    pub reason: String,
    pub evidence_time: String,
    pub evidence_text: String,
}

/// What a review needs of one call.
#[derive(Debug, Clone, PartialEq)]
pub struct CallRow {
    pub agent_id: String,
    pub agent_name: String,
    pub score: f64,
}

/// The calls and step verdicts of one audit.
#[derive(Debug, Clone, Default)]
pub struct AuditView {
    /// Where it came from, for the printed report.
    pub label: String,
    pub calls: BTreeMap<String, CallRow>,
    /// (call_id, index into [`StepId::ALL`]) → verdict.
    pub steps: BTreeMap<(String, usize), StepRow>,
}

impl AuditView {
    /// Reads `dir/calls.csv` and `dir/steps.csv`.
    pub fn from_dir(dir: &Path) -> Result<AuditView> {
        let mut v = AuditView {
            label: dir.display().to_string(),
            ..AuditView::default()
        };
        let mut calls = CsvFile::open(&dir.join("calls.csv"))?;
        let (id, agent, name, score) = (
            calls.require("call_id")?,
            calls.require("agent_id")?,
            calls.require("agent_name")?,
            calls.require("score")?,
        );
        while let Some(r) = calls.next_record()? {
            let s = r.get(score);
            let score = s.parse().map_err(|_| r.bad("score", s))?;
            v.calls.insert(
                r.call_id(id)?.to_string(),
                CallRow {
                    agent_id: r.get(agent).to_string(),
                    agent_name: r.get(name).to_string(),
                    score,
                },
            );
        }
        let mut steps = CsvFile::open(&crate::report::steps_path(dir)?)?;
        // The leading steps.csv columns SPEC fixes: call_id, step, status, reason,
        // evidence_time, evidence_text.
        let mut cols = [0; 6];
        for (c, name) in cols.iter_mut().zip(&STEP_COLUMNS) {
            *c = steps.require(name)?;
        }
        let [id, step, status, reason, time, text] = cols;
        while let Some(r) = steps.next_record()? {
            v.steps.insert(
                (r.call_id(id)?.to_string(), r.step(step)?),
                StepRow {
                    status: r.status(status)?,
                    reason: r.get(reason).to_string(),
                    evidence_time: r.get(time).to_string(),
                    evidence_text: r.get(text).to_string(),
                },
            );
        }
        Ok(v)
    }

    /// Reads one run of the history.
    pub fn from_history(h: &History, run: i64) -> Result<AuditView> {
        if !h.has_run(run)? {
            bail!("history has no run {run}");
        }
        let mut v = AuditView {
            label: format!("history run {run}"),
            ..AuditView::default()
        };
        let conn = h.conn();
        let mut st = conn
            .prepare("SELECT call_id, agent_id, agent_name, score FROM calls WHERE run_id = ?1")?;
        let mut rows = st.query([run])?;
        while let Some(r) = rows.next()? {
            v.calls.insert(
                r.get(0)?,
                CallRow {
                    agent_id: r.get(1)?,
                    agent_name: r.get(2)?,
                    score: r.get(3)?,
                },
            );
        }
        let mut st = conn.prepare(
            "SELECT call_id, step, status, reason, evidence_time, evidence_text \
             FROM steps WHERE run_id = ?1",
        )?;
        let mut rows = st.query([run])?;
        while let Some(r) = rows.next()? {
            let step: String = r.get(1)?;
            let status: String = r.get(2)?;
            let (Some(i), Some(status)) = (
                StepId::from_name(&step).map(StepId::index),
                Status::from_name(&status),
            ) else {
                bail!("history run {run}: bad step row {step} {status}");
            };
            v.steps.insert(
                (r.get(0)?, i),
                StepRow {
                    status,
                    reason: r.get(3)?,
                    evidence_time: r.get(4)?,
                    evidence_text: r.get(5)?,
                },
            );
        }
        Ok(v)
    }

    /// A report folder, or a run id of `history`.
    pub fn open(spec: &str, history: Option<&History>) -> Result<AuditView> {
        let p = Path::new(spec);
        if p.is_dir() {
            return AuditView::from_dir(p).with_context(|| format!("report folder {spec}"));
        }
        match (spec.parse::<i64>(), history) {
            (Ok(run), Some(h)) => AuditView::from_history(h, run),
            (Ok(_), None) => bail!("{spec}: a run id needs --history FILE"),
            _ => bail!("{spec}: neither a report folder nor a run id"),
        }
    }
}
