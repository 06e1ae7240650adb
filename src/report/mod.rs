//! The four CSV reports of SPEC §5. They are written as one set into a fresh folder of
//! the output folder and switched in only when the whole run succeeded ([`outdir`]), so
//! a crash leaves the previous reports, never half files or a mix of two runs.

mod agents;
mod csvout;
mod fixed;
pub mod outdir;
pub mod redact;
pub mod sink;

pub use agents::AgentStats;
pub use csvout::{push_record, Cells, Row};
pub use fixed::{fixed, push_fixed};
pub use outdir::{remove_staging_on_signal, OutDir, OutError, Staging};
use sink::Sink;

use crate::model::{Reject, Status, STEP_IDS};
use crate::scoring::CallScore;
use crate::steps::StepResult;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// How the reports are written: cell neutralisation and redaction of the evidence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReportOptions {
    pub cells: Cells,
    /// Mask long numbers and the caller's name in evidence ([`redact`]).
    pub redact: bool,
}

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
    pub call_id: String,
    /// The `calls.csv` record (CALL_COLUMNS order), already CSV-encoded.
    pub row: Vec<u8>,
    pub agent_id: String,
    pub agent_name: String,
    pub score: CallScore,
    pub steps: Vec<StepResult>,
}

/// What `agents.csv` needs of one call.
#[derive(Debug, Clone)]
pub struct AgentCall {
    pub agent_id: String,
    pub agent_name: String,
    pub score: f64,
    pub critical_fail: bool,
    pub statuses: [Status; STEP_IDS.len()],
}

/// Consecutive calls rendered on a worker: their `calls.csv` and `steps.csv` bytes, what
/// `agents.csv` needs of each (in call order: a mean is a float sum, and the first name
/// seen is kept) and their rejects. The writing thread only copies the bytes.
#[derive(Debug, Default)]
pub struct Block {
    pub calls: Vec<u8>,
    pub steps: Vec<u8>,
    pub agents: Vec<AgentCall>,
    pub rejects: Vec<Reject>,
}

impl Block {
    /// Renders consecutive calls into buffers sized once, up front: a buffer grown by
    /// doubling would hold up to twice its bytes until the writer frees it, and the
    /// blocks of three chunks are alive at once.
    pub fn of(results: Vec<Result<CallReport, Reject>>, cells: Cells) -> Block {
        let (mut calls, mut steps, mut audited) = (0, 0, 0);
        for r in results.iter().flatten() {
            audited += 1;
            calls += r.row.len();
            for s in &r.steps {
                // Quoting may double quotes: count them twice at worst.
                let text = s.reason.len() + s.evidence_time.len() + s.evidence_text.len();
                steps += 2 * text + r.call_id.len() + 48;
            }
        }
        let mut b = Block {
            calls: Vec::with_capacity(calls),
            steps: Vec::with_capacity(steps),
            agents: Vec::with_capacity(audited),
            rejects: Vec::new(),
        };
        for r in results {
            b.push(r, cells);
        }
        b
    }

    /// Adds the next call's outcome.
    fn push(&mut self, r: Result<CallReport, Reject>, cells: Cells) {
        let r = match r {
            Ok(r) => r,
            Err(rej) => return self.rejects.push(rej),
        };
        self.calls.extend_from_slice(&r.row);
        let mut statuses = [Status::Na; STEP_IDS.len()];
        for ((id, s), st) in STEP_IDS.iter().zip(&r.steps).zip(&mut statuses) {
            *st = s.status;
            let mut row = Row::with(&mut self.steps, cells);
            row.field(&r.call_id)
                .field(id)
                .field(s.status.as_str())
                .field(&s.reason)
                .field(&s.evidence_time)
                .field(&s.evidence_text);
            match s.similarity {
                Some(v) => row.plain(|out| push_fixed(out, v, 2)),
                None => row.plain(|_| {}),
            };
            row.end();
        }
        self.agents.push(AgentCall {
            agent_id: r.agent_id,
            agent_name: r.agent_name,
            score: r.score.score,
            critical_fail: r.score.critical_fail,
            statuses,
        });
    }

    /// Calls in this block, audited or rejected.
    pub fn calls(&self) -> usize {
        self.agents.len() + self.rejects.len()
    }

    /// Calls audited (not rejected) in this block.
    pub fn audited(&self) -> usize {
        self.agents.len()
    }
}

/// Writers of one run, into the folder of a report set being written ([`Staging`]).
pub struct Reports {
    dir: PathBuf,
    cells: Cells,
    calls: BufWriter<Sink>,
    steps: BufWriter<Sink>,
    agents: AgentStats,
    rejects: Vec<Reject>,
}

type Csv = csv::Writer<BufWriter<Sink>>;

fn create(dir: &Path, name: &str) -> std::io::Result<BufWriter<Sink>> {
    let f = File::create(dir.join(name))?;
    Ok(BufWriter::with_capacity(1 << 16, Sink(f)))
}

fn open<S: AsRef<[u8]>>(dir: &Path, name: &str, header: &[S]) -> std::io::Result<Csv> {
    let mut w = csv::Writer::from_writer(create(dir, name)?);
    w.write_record(header)?;
    Ok(w)
}

/// Opens a report written as raw CSV bytes, with its header.
fn open_raw(dir: &Path, name: &str, header: &[&str]) -> std::io::Result<BufWriter<Sink>> {
    let mut w = create(dir, name)?;
    let mut head = Vec::new();
    push_record(&mut head, header, Cells::Raw);
    w.write_all(&head)?;
    Ok(w)
}

/// Flushes a report and its file to disk.
fn close(w: BufWriter<Sink>) -> std::io::Result<()> {
    w.into_inner().map_err(|e| e.into_error())?.0.sync_all()
}

impl Reports {
    /// Starts the reports in `dir`, the folder of a set being written.
    pub fn create(dir: &Path, cells: Cells) -> std::io::Result<Reports> {
        Ok(Reports {
            dir: dir.to_path_buf(),
            cells,
            calls: open_raw(dir, "calls.csv", &CALL_COLUMNS)?,
            steps: open_raw(dir, "steps.csv", &STEP_COLUMNS)?,
            agents: AgentStats::default(),
            rejects: Vec::new(),
        })
    }

    /// Writes a block of calls; blocks must come in call_id order. Returns the number of
    /// calls audited in it.
    pub fn add_block(&mut self, b: Block) -> std::io::Result<usize> {
        self.calls.write_all(&b.calls)?;
        self.steps.write_all(&b.steps)?;
        let audited = b.audited();
        for a in &b.agents {
            self.agents.add(
                &a.agent_id,
                &a.agent_name,
                a.score,
                a.critical_fail,
                &a.statuses,
            );
        }
        self.rejects.extend(b.rejects);
        Ok(audited)
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

    /// Writes agents.csv and rejects.csv and flushes all four to disk; the set is then
    /// complete, ready for [`OutDir::commit`].
    pub fn finish(mut self) -> std::io::Result<()> {
        close(self.calls)?;
        close(self.steps)?;
        let mut agents = open(&self.dir, "agents.csv", &AgentStats::columns())?;
        self.agents.write(&mut agents, self.cells)?;
        close(agents.into_inner().map_err(|e| e.into_error())?)?;
        let mut rejects = open(
            &self.dir,
            "rejects.csv",
            &["file", "line", "call_id", "reason"],
        )?;
        self.rejects.sort();
        self.rejects.dedup();
        let cell = |s: &str| self.cells.apply(s).into_owned();
        for r in &self.rejects {
            rejects.write_record([
                cell(&r.file),
                r.line.map(|l| l.to_string()).unwrap_or_default(),
                cell(&r.call_id),
                cell(&r.reason),
            ])?;
        }
        close(rejects.into_inner().map_err(|e| e.into_error())?)
    }
}
