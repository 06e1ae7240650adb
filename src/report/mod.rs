//! The CSV reports of SPEC §5 (plus trends.csv and run.json). They are written as one
//! set into a fresh folder of the output folder and switched in only when the whole run
//! succeeded ([`outdir`]), so a crash leaves the previous reports, never half files or
//! a mix of two runs.

mod agents;
mod call_row;
mod csvout;
pub mod explain;
mod fixed;
pub mod html;
pub mod outdir;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod redact;
pub mod run_json;
pub mod sink;
pub mod step_rows;
pub mod steps_out;
mod trends;
pub mod view;

pub use agents::AgentStats;
pub use call_row::{step_list, CallRow, CALL_COLUMNS};
pub use csvout::{push_record, Cells, Row};
pub use fixed::{fixed, push_fixed};
pub use outdir::{remove_staging_on_signal, OutDir, OutError, Staging};
use sink::Sink;
use steps_out::StepsWriter;
pub use steps_out::{steps_path, Evidence, StepColumns, StepRow, StepsFormat};
pub use trends::Trends;

use crate::model::{EvidenceTime, Reject, Status, StepId, STEP_COUNT};
use crate::scoring::CallScore;
use crate::steps::StepResult;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// How the reports are written: cell neutralisation and redaction of the evidence, the
/// format of the steps report and which of its rows carry evidence text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReportOptions {
    pub cells: Cells,
    /// Mask long numbers and the caller's name in evidence ([`redact`]).
    pub redact: bool,
    /// `--steps-format`.
    pub steps: StepsFormat,
    /// `--evidence`.
    pub evidence: Evidence,
}

/// Report names, in the order they are committed. A set holds one of the three steps
/// files (`--steps-format`); OUT links the names its current set has.
pub const NAMES: [&str; 8] = [
    "calls.csv",
    "steps.csv",
    "steps.csv.zst",
    "steps.parquet",
    "agents.csv",
    "rejects.csv",
    "trends.csv",
    "run.json",
];

/// Columns of `steps.csv`.
pub const STEP_COLUMNS: [&str; 13] = [
    "call_id",
    "step",
    "status",
    "reason",
    "evidence_time",
    "evidence_text",
    "similarity",
    "confidence",
    "needs_review",
    "overridden_by",
    "audit_status",
    "agent_id",
    "evidence_at",
];

/// The `evidence_time` and `evidence_at` cells of an evidence time: seconds from call
/// start with one decimal, or an RFC 3339 timestamp; one unit per column, so a reader
/// never has to tell seconds from timestamps.
pub fn evidence_columns(t: Option<EvidenceTime>) -> (String, String) {
    let (mut time, mut at) = (Vec::new(), Vec::new());
    evidence_columns_into(t, &mut time, &mut at);
    // Only ASCII digits, signs, '.', ':' and 'T' were written.
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap_or_default();
    (text(time), text(at))
}

/// [`evidence_columns`] into two buffers, cleared first: the steps report reuses them
/// for every row instead of two fresh strings.
pub fn evidence_columns_into(t: Option<EvidenceTime>, time: &mut Vec<u8>, at: &mut Vec<u8>) {
    time.clear();
    at.clear();
    match t {
        Some(EvidenceTime::Offset(s)) => push_fixed(time, s, 1),
        Some(EvidenceTime::At(a)) => at.extend_from_slice(a.to_rfc3339().as_bytes()),
        None => {}
    }
}

/// Everything reported about one audited call.
#[derive(Debug, Clone)]
pub struct CallReport {
    pub call_id: String,
    /// The `calls.csv` record (CALL_COLUMNS order), already CSV-encoded.
    pub row: Vec<u8>,
    pub agent_id: String,
    pub agent_name: String,
    pub team: String,
    /// Local day of started_at (YYYY-MM-DD, the manifest's offset).
    pub day: String,
    pub score: CallScore,
    pub steps: Vec<StepResult>,
    /// `--agent-speaker` / `--agent-channel` absent from the call or contradicted by
    /// its greeting (the `roles` column says which).
    pub role_mismatch: bool,
    /// Per step ([`StepId::ALL`] order): a FAIL on a transcript too poor to trust it.
    pub needs_review: [bool; STEP_COUNT],
    /// Per step ([`StepId::ALL`] order): the reviewer who overrode it and the audit's own
    /// status; empty when nothing was overridden.
    pub overridden: Vec<Option<(String, Status)>>,
    /// What the HTML report needs of the call, when one is written.
    pub html: Option<Box<html::HtmlCall>>,
}

/// What `agents.csv` needs of one call.
#[derive(Debug, Clone)]
pub struct AgentCall {
    pub agent_id: String,
    pub agent_name: String,
    pub team: String,
    pub day: String,
    pub score: f64,
    pub critical_fail: bool,
    pub statuses: [Status; STEP_COUNT],
}

/// Consecutive calls rendered on a worker: their `calls.csv` and `steps.csv` bytes, what
/// `agents.csv` needs of each (in call order: a mean is a float sum, and the first name
/// seen is kept) and their rejects. The writing thread only copies the bytes.
#[derive(Debug, Default)]
pub struct Block {
    pub calls: Vec<u8>,
    pub steps: Vec<u8>,
    /// The steps rows as columns instead of `steps`, for `--steps-format parquet`.
    pub columns: Option<StepColumns>,
    pub agents: Vec<AgentCall>,
    pub rejects: Vec<Reject>,
    /// Calls whose agent flag did not fit ([`CallReport::role_mismatch`]).
    pub role_mismatches: usize,
    /// The calls' HTML report parts, in call order (empty without `--html`).
    pub html: Vec<html::HtmlCall>,
}

impl Block {
    /// Renders consecutive calls into buffers sized once, up front: a buffer grown by
    /// doubling would hold up to twice its bytes until the writer frees it, and the
    /// blocks of three chunks are alive at once.
    pub fn of(results: Vec<Result<CallReport, Reject>>, cells: Cells) -> Block {
        Block::with(
            results,
            ReportOptions {
                cells,
                ..ReportOptions::default()
            },
        )
    }

    /// [`Block::of`] with the report options: cells, steps format and evidence.
    pub fn with(results: Vec<Result<CallReport, Reject>>, opts: ReportOptions) -> Block {
        let columnar = StepsWriter::columnar(opts.steps);
        let (mut calls, mut steps, mut audited) = (0, 0, 0);
        for r in results.iter().flatten() {
            audited += 1;
            calls += r.row.len();
            for s in &r.steps {
                // Quoting may double quotes: count them twice at worst.
                // An evidence time is at most an RFC 3339 timestamp (32 bytes).
                let text = s.reason.len() + 32 + s.evidence_text.len();
                let ids = r.call_id.len() + 2 * r.agent_id.len();
                steps += 2 * text + ids + 64;
            }
        }
        if columnar {
            steps = 0;
        }
        let mut b = Block {
            calls: Vec::with_capacity(calls),
            steps: Vec::with_capacity(steps),
            columns: columnar.then(StepColumns::default),
            agents: Vec::with_capacity(audited),
            rejects: Vec::new(),
            role_mismatches: 0,
            html: Vec::new(),
        };
        // The evidence_time and evidence_at cells of the row being written.
        let mut cells = (Vec::new(), Vec::new());
        for r in results {
            b.push(r, opts, &mut cells);
        }
        b
    }

    /// Adds the next call's outcome.
    fn push(
        &mut self,
        r: Result<CallReport, Reject>,
        opts: ReportOptions,
        (time_buf, at_buf): &mut (Vec<u8>, Vec<u8>),
    ) {
        let cells = opts.cells;
        let r = match r {
            Ok(r) => r,
            Err(rej) => return self.rejects.push(rej),
        };
        self.role_mismatches += usize::from(r.role_mismatch);
        self.calls.extend_from_slice(&r.row);
        if let Some(h) = r.html {
            self.html.push(*h);
        }
        let mut statuses = [Status::Na; STEP_COUNT];
        let steps = StepId::ALL.iter().zip(&r.steps).zip(&r.needs_review);
        for (i, (((id, s), review), st)) in steps.zip(&mut statuses).enumerate() {
            *st = s.status;
            evidence_columns_into(s.evidence_time, time_buf, at_buf);
            // ASCII only (see evidence_columns_into).
            let time = std::str::from_utf8(time_buf).unwrap_or_default();
            let at = std::str::from_utf8(at_buf).unwrap_or_default();
            let evidence = if opts.evidence.keeps(s.status) {
                s.evidence_text.as_str()
            } else {
                ""
            };
            if let Some(cols) = self.columns.as_mut() {
                let row = StepRow {
                    call_id: &r.call_id,
                    step: id.as_str(),
                    status: s.status,
                    reason: &s.reason,
                    evidence_time: time,
                    evidence_text: evidence,
                    similarity: s.similarity,
                    confidence: s.confidence(),
                    needs_review: *review,
                    overridden: r
                        .overridden
                        .get(i)
                        .and_then(Option::as_ref)
                        .map(|(w, a)| (w.as_str(), *a)),
                    agent_id: &r.agent_id,
                    evidence_at: at,
                };
                cols.push(&row, cells);
                continue;
            }
            let mut row = Row::with(&mut self.steps, cells);
            row.field(&r.call_id)
                .field(id.as_str())
                .field(s.status.as_str())
                .field(&s.reason)
                .field(time)
                .field(evidence);
            match s.similarity {
                Some(v) => row.plain(|out| push_fixed(out, v, 2)),
                None => row.plain(|_| {}),
            };
            let c = s.confidence();
            row.plain(|out| push_fixed(out, c, 2));
            row.field(if *review { "true" } else { "false" });
            match r.overridden.get(i).and_then(Option::as_ref) {
                Some((who, audit)) => row.field(who).field(audit.as_str()),
                None => row.plain(|_| {}).plain(|_| {}),
            };
            row.field(&r.agent_id).field(at);
            row.end();
        }
        self.agents.push(AgentCall {
            agent_id: r.agent_id,
            agent_name: r.agent_name,
            team: r.team,
            day: r.day,
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
    steps: StepsWriter,
    agents: AgentStats,
    trends: Trends,
    rejects: Vec<Reject>,
    role_mismatches: usize,
    /// Further files (run.json) written and renamed with the reports.
    extra: Vec<(String, Vec<u8>)>,
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
        Reports::create_with(
            dir,
            ReportOptions {
                cells,
                ..ReportOptions::default()
            },
        )
    }

    /// [`Reports::create`] with the report options (the steps format among them).
    pub fn create_with(dir: &Path, opts: ReportOptions) -> std::io::Result<Reports> {
        Ok(Reports {
            dir: dir.to_path_buf(),
            cells: opts.cells,
            calls: open_raw(dir, "calls.csv", &CALL_COLUMNS)?,
            steps: StepsWriter::create(dir, opts.steps, &STEP_COLUMNS)?,
            agents: AgentStats::default(),
            trends: Trends::default(),
            rejects: Vec::new(),
            role_mismatches: 0,
            extra: Vec::new(),
        })
    }

    /// Writes a block of calls; blocks must come in call_id order. Returns the number of
    /// calls audited in it.
    pub fn add_block(&mut self, b: Block) -> std::io::Result<usize> {
        self.calls.write_all(&b.calls)?;
        self.steps.add(&b.steps, b.columns.as_ref())?;
        let audited = b.audited();
        for a in &b.agents {
            self.agents.add(
                &a.agent_id,
                &a.agent_name,
                a.score,
                a.critical_fail,
                &a.statuses,
            );
            self.trends.add(a);
        }
        self.rejects.extend(b.rejects);
        self.role_mismatches += b.role_mismatches;
        Ok(audited)
    }

    pub fn reject(&mut self, r: Reject) {
        self.rejects.push(r);
    }

    /// Distinct rejects so far.
    pub fn reject_count(&self) -> usize {
        self.rejects().len()
    }

    /// Calls whose `--agent-speaker` / `--agent-channel` did not fit.
    pub fn role_mismatches(&self) -> usize {
        self.role_mismatches
    }

    pub fn agents(&self) -> &AgentStats {
        &self.agents
    }

    /// The rejects so far, sorted and distinct.
    pub fn rejects(&self) -> Vec<Reject> {
        let mut r = self.rejects.clone();
        r.sort();
        r.dedup();
        r
    }

    /// A further file written beside the reports and committed with them.
    pub fn add_file(&mut self, name: &str, bytes: Vec<u8>) {
        self.extra.push((name.to_string(), bytes));
    }

    /// Writes agents.csv, rejects.csv, trends.csv and the further files and flushes them
    /// all to disk; the set is then complete, ready for [`OutDir::commit`].
    pub fn finish(mut self) -> std::io::Result<()> {
        close(self.calls)?;
        self.steps.finish()?;
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
        close(rejects.into_inner().map_err(|e| e.into_error())?)?;
        let mut trends = open(&self.dir, "trends.csv", &Trends::columns())?;
        self.trends.write(&mut trends)?;
        close(trends.into_inner().map_err(|e| e.into_error())?)?;
        for (name, bytes) in &self.extra {
            let mut w = create(&self.dir, name)?;
            w.write_all(bytes)?;
            close(w)?;
        }
        Ok(())
    }
}
