//! The four CSV reports of SPEC §5. Each is written to a temporary file in the output
//! folder and renamed into place only when the whole run succeeded, so a crash leaves
//! the previous reports, never half files.

mod agents;

pub use agents::AgentStats;

use crate::model::{Reject, STEP_IDS};
use crate::scoring::CallScore;
use crate::steps::StepResult;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

/// Report names, in the order they are committed.
pub const NAMES: [&str; 4] = ["calls.csv", "steps.csv", "agents.csv", "rejects.csv"];

/// Columns of `calls.csv`.
pub const CALL_COLUMNS: [&str; 20] = [
    "call_id",
    "started_at",
    "agent_id",
    "agent_name",
    "team",
    "site_code",
    "path",
    "urgent",
    "prior_report_no",
    "score",
    "critical_fail",
    "passed",
    "failed",
    "na",
    "failed_steps",
    "new_report_no",
    "prior_age_hours",
    "caller_number_kind",
    "roles",
    "urgent_cue",
];

/// Columns of `steps.csv`.
pub const STEP_COLUMNS: [&str; 7] = [
    "call_id",
    "step",
    "status",
    "reason",
    "evidence_time",
    "evidence_text",
    "similarity",
];

/// Everything reported about one audited call.
#[derive(Debug, Clone)]
pub struct CallReport {
    /// `calls.csv` row, in CALL_COLUMNS order.
    pub row: Vec<String>,
    pub agent_id: String,
    pub agent_name: String,
    pub score: CallScore,
    pub steps: Vec<StepResult>,
}

type Csv = csv::Writer<BufWriter<File>>;

/// Writers of one run, on temporary files until [`Reports::commit`].
pub struct Reports {
    dir: PathBuf,
    calls: Csv,
    steps: Csv,
    agents: AgentStats,
    rejects: Vec<Reject>,
}

fn tmp_path(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!(".{name}.tmp"))
}

fn open<S: AsRef<[u8]>>(dir: &Path, name: &str, header: &[S]) -> std::io::Result<Csv> {
    let f = File::create(tmp_path(dir, name))?;
    let mut w = csv::Writer::from_writer(BufWriter::with_capacity(1 << 16, f));
    w.write_record(header)?;
    Ok(w)
}

/// Formats a score or share with a fixed number of decimals.
pub fn fixed(v: f64, decimals: usize) -> String {
    format!("{v:.decimals$}")
}

impl Reports {
    pub fn create(dir: &Path) -> std::io::Result<Reports> {
        std::fs::create_dir_all(dir)?;
        Ok(Reports {
            dir: dir.to_path_buf(),
            calls: open(dir, "calls.csv", &CALL_COLUMNS)?,
            steps: open(dir, "steps.csv", &STEP_COLUMNS)?,
            agents: AgentStats::default(),
            rejects: Vec::new(),
        })
    }

    /// Writes one call; calls must come in call_id order.
    pub fn add(&mut self, r: &CallReport) -> std::io::Result<()> {
        let call_id = r.row[0].as_str();
        self.calls.write_record(&r.row)?;
        for (id, s) in STEP_IDS.iter().zip(&r.steps) {
            self.steps.write_record([
                call_id,
                id,
                s.status.as_str(),
                &s.reason,
                &s.evidence_time,
                &s.evidence_text,
                &s.similarity.map(|v| fixed(v, 2)).unwrap_or_default(),
            ])?;
        }
        self.agents
            .add(&r.agent_id, &r.agent_name, &r.score, &r.steps);
        Ok(())
    }

    pub fn reject(&mut self, r: Reject) {
        self.rejects.push(r);
    }

    /// Distinct rejects so far.
    pub fn reject_count(&self) -> usize {
        let mut r = self.rejects.clone();
        r.sort();
        r.dedup();
        r.len()
    }

    pub fn agents(&self) -> &AgentStats {
        &self.agents
    }

    /// Writes agents.csv and rejects.csv, then renames all four into place.
    pub fn commit(mut self) -> std::io::Result<()> {
        self.calls.flush()?;
        self.steps.flush()?;
        let mut agents = open(&self.dir, "agents.csv", &AgentStats::columns())?;
        self.agents.write(&mut agents)?;
        agents.flush()?;
        let mut rejects = open(
            &self.dir,
            "rejects.csv",
            &["file", "line", "call_id", "reason"],
        )?;
        self.rejects.sort();
        self.rejects.dedup();
        for r in &self.rejects {
            rejects.write_record([
                r.file.as_str(),
                &r.line.map(|l| l.to_string()).unwrap_or_default(),
                &r.call_id,
                &r.reason,
            ])?;
        }
        rejects.flush()?;
        drop((self.calls, self.steps, agents, rejects));
        for name in NAMES {
            std::fs::rename(tmp_path(&self.dir, name), self.dir.join(name))?;
        }
        Ok(())
    }
}
