//! The audit pipeline: inputs read in call_id order ([`sources`]), calls audited in
//! parallel ([`call`]), reports written in call_id order.
//!
//! Calls go to rayon in chunks of [`CHUNK`]; while the workers audit one chunk, the
//! main thread writes the previous chunk's results and reads the next chunk. At most
//! three chunks are alive at once, so what is in flight is bounded, and results are
//! written in input order, so the reports are the same bytes for any thread count. The
//! report index is sorted into temporary files with only a sparse fence index in memory
//! (16 bytes per 128 reports), so with inputs sorted by call_id the report export does
//! not set the peak; `agents.csv` keeps per agent a count per distinct score, not a
//! list of scores.

mod bundle_id;
pub mod call;
mod locate;
pub mod sources;

pub use call::audit_call;
pub use locate::{explain, Filter};

use crate::ingest::roles::RoleOptions;
use crate::ingest::transcript::Format;
use crate::model::Reject;
use crate::path::ReportIndex;
use crate::profile::Compiled;
use crate::report::html::{HtmlOptions, HtmlShared, HtmlSink};
use crate::report::{Block, Reports};
use call::{Pending, Shared, Source};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use sources::{Actions, Bundles, Calls, OutOfOrder};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Calls handed to the workers at a time; bounds what is in flight.
pub const CHUNK: usize = 2048;

/// What to audit and how.
pub struct AuditOptions {
    pub calls: PathBuf,
    pub actions: PathBuf,
    pub reports: PathBuf,
    /// Files or folders searched for JSONL bundles.
    pub bundles: Vec<PathBuf>,
    pub out: PathBuf,
    pub format: Option<Format>,
    pub roles: RoleOptions,
    pub threads: Option<usize>,
    /// Show a progress bar (only drawn on a terminal).
    pub progress: bool,
    /// Which calls of the manifest to audit (all by default).
    pub filter: Filter,
    /// Also write the HTML report.
    pub html: Option<HtmlOptions>,
}

/// What a run did, for the summary line.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub calls_audited: usize,
    pub rejects: usize,
    pub mean_score: Option<f64>,
    pub critical_fails: u64,
    pub seconds: f64,
    /// Whether the inputs streamed in call_id order (else they were indexed).
    pub streamed: bool,
}

/// Reasons the run could not happen at all (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error("{0}: cannot read the call manifest: {1}")]
    Manifest(String, String),
    #[error("{0}: cannot write reports: {1}")]
    Output(String, std::io::Error),
    #[error("{0}: cannot index the report export: {1}")]
    Reports(String, std::io::Error),
    #[error("cannot start worker threads: {0}")]
    Threads(String),
    #[error("cannot read transcripts: {0}")]
    Input(String),
}

fn display(p: &Path) -> String {
    p.display().to_string()
}

/// How an input file is named in rejects: relative to the manifest's folder when it is
/// inside it (as the manifest names transcripts), else as given.
fn input_name(base: &Path, p: &Path) -> String {
    display(p.strip_prefix(base).unwrap_or(p))
}

/// Whether a manifest's transcript path names a JSONL bundle.
fn is_bundle_name(path: &str) -> bool {
    Path::new(path)
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("jsonl"))
}

/// Lists the JSONL bundles under the given files or folders, sorted.
fn find_bundles(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            if let Ok(rd) = std::fs::read_dir(p) {
                out.extend(
                    rd.flatten()
                        .map(|e| e.path())
                        .filter(|p| p.is_file() && is_bundle_name(&p.to_string_lossy())),
                );
            }
        } else if p.is_file() {
            out.push(p.clone());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Where a call's transcript is: a bundle line serves a call whose manifest names no
/// file or names that very bundle; else the file the manifest names.
fn source_of(
    meta: &crate::model::CallMeta,
    line: Option<sources::BundleLine>,
    paths: &[PathBuf],
    names: &[String],
    base: &Path,
) -> Source {
    let file = base.join(&meta.transcript);
    match line {
        Some(l) if meta.transcript.is_empty() || file == paths[l.file] => {
            Source::Line(names[l.file].clone(), l)
        }
        _ if !meta.transcript.is_empty() => Source::File(meta.transcript.clone(), file),
        _ => Source::Missing,
    }
}

/// Bundles named in the manifest (a transcript column pointing at a `.jsonl`).
fn manifest_bundles(calls: &Path, base: &Path) -> Vec<PathBuf> {
    // Only the transcript column matters here: no row is parsed or validated twice.
    let Ok(mut rdr) = crate::ingest::csvin::reader(calls) else {
        return Vec::new();
    };
    let col = rdr.headers().ok().and_then(|h| {
        h.iter()
            .position(|c| c.trim().eq_ignore_ascii_case("transcript"))
    });
    let Some(col) = col else { return Vec::new() };
    let mut out = std::collections::BTreeSet::new();
    let mut rec = csv::StringRecord::new();
    while let Ok(true) = rdr.read_record(&mut rec) {
        if let Some(t) = rec.get(col).map(str::trim).filter(|t| is_bundle_name(t)) {
            out.insert(base.join(t));
        }
    }
    out.into_iter().collect()
}

fn progress_bar(opts: &AuditOptions) -> ProgressBar {
    if !(opts.progress && std::io::stderr().is_terminal()) {
        return ProgressBar::hidden();
    }
    let b = ProgressBar::new_spinner();
    b.set_style(
        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {pos} calls ({per_sec})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    b
}

/// The read-only part of a pass, shared by the workers.
fn shared<'a>(
    opts: &AuditOptions,
    prof: &'a Compiled,
    reports: &'a ReportIndex,
    html: Option<&'a HtmlShared>,
) -> Shared<'a> {
    Shared {
        prof,
        reports,
        format: opts.format,
        roles: opts.roles.clone(),
        html,
    }
}

/// The results of a chunk, in input order.
type Results = Vec<Block>;

/// Calls rendered together into one [`Block`]: enough to make the per-block buffers
/// and the writer's copies cheap, few enough for rayon to balance a chunk.
const BLOCK: usize = 16;

/// Audits a chunk on the pool; the report rows are encoded there too, so the main
/// thread only copies bytes.
fn audit_chunk(shared: &Shared, pool: &rayon::ThreadPool, work: Vec<Pending>) -> Results {
    pool.install(|| {
        work.into_par_iter()
            .chunks(BLOCK)
            .map(|calls| Block::of(calls.into_iter().map(|p| shared.audit(p)).collect()))
            .collect()
    })
}

/// Writes a chunk's results in order; returns how many calls were audited.
fn write(
    results: Results,
    out: &mut Reports,
    html: &mut Option<HtmlSink>,
) -> std::io::Result<usize> {
    let mut audited = 0;
    for mut b in results {
        if let Some(h) = html.as_mut() {
            for c in std::mem::take(&mut b.html) {
                h.add(c)?;
            }
        }
        audited += out.add_block(b)?;
    }
    Ok(audited)
}

/// What a pass leaves to commit.
type Passed<'a> = (Reports, usize, Option<HtmlSink<'a>>);

/// One pass over the inputs; `Ok(Err(OutOfOrder))` when stream mode met an unsorted
/// source (nothing is committed then, and the caller reruns in index mode).
fn pass<'h>(
    opts: &AuditOptions,
    prof: &Compiled,
    reports: &ReportIndex,
    pool: &rayon::ThreadPool,
    stream: bool,
    mut rejects: Vec<Reject>,
    html: Option<&'h HtmlShared>,
) -> Result<Result<Passed<'h>, OutOfOrder>, AuditError> {
    let base = opts
        .calls
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut calls = if stream {
        Calls::stream(&opts.calls)
    } else {
        Calls::sorted(&opts.calls, &mut rejects)
    };
    let mut actions = if !opts.actions.is_file() {
        rejects.push(Reject {
            file: "actions.csv".into(),
            line: None,
            call_id: String::new(),
            reason: format!(
                "action log {} not found: APKT / SIMONE steps will fail",
                display(&opts.actions)
            ),
        });
        Actions::None
    } else if stream {
        Actions::stream(&opts.actions)
    } else {
        Actions::index(&opts.actions, &mut rejects)
    };
    let mut paths = find_bundles(&opts.bundles);
    paths.extend(manifest_bundles(&opts.calls, &base));
    paths.sort();
    paths.dedup();
    let names: Vec<String> = paths.iter().map(|p| input_name(&base, p)).collect();
    let mut bundles = if stream {
        Bundles::stream(paths, names, &mut rejects)
    } else {
        Bundles::index(paths, names, &mut rejects)
    };
    let shared = shared(opts, prof, reports, html);
    let mut out =
        Reports::create(&opts.out).map_err(|e| AuditError::Output(display(&opts.out), e))?;
    let mut sink = match html {
        Some(h) => {
            Some(HtmlSink::create(h).map_err(|e| AuditError::Output(display(&h.opts.dir), e))?)
        }
        None => None,
    };
    let out_err = |e| AuditError::Output(display(&opts.out), e);
    let bar = progress_bar(opts);
    let mut audited = 0usize;
    // Reads the next chunk; `Ok(true)` when the manifest is exhausted.
    let mut fill =
        |chunk: &mut Vec<Pending>, rejects: &mut Vec<Reject>| -> Result<bool, OutOfOrder> {
            while chunk.len() < CHUNK {
                let Some(meta) = calls.next(rejects)? else {
                    return Ok(true);
                };
                let acts = actions.take(&meta.call_id, rejects)?;
                let line = bundles.take(&meta.call_id, rejects)?;
                // Calls left out by the filter still take their actions and lines, so
                // those are not reported as belonging to unknown calls.
                if !opts.filter.keeps(&meta) {
                    continue;
                }
                let source = source_of(&meta, line, &bundles.paths, &bundles.names, &base);
                chunk.push(Pending {
                    meta,
                    actions: acts,
                    source,
                });
            }
            Ok(false)
        };
    // A pipeline of one chunk: while the workers audit chunk n, this thread writes the
    // results of chunk n - 1 and reads chunk n + 1. Results are written in input order.
    let piped = std::thread::scope(|scope| -> Result<Result<(), OutOfOrder>, AuditError> {
        let mut in_flight: Option<std::thread::ScopedJoinHandle<'_, Results>> = None;
        let mut done = false;
        loop {
            let mut chunk: Vec<Pending> = Vec::with_capacity(CHUNK);
            if !done {
                match fill(&mut chunk, &mut rejects) {
                    Ok(d) => done = d,
                    Err(e) => return Ok(Err(e)),
                }
            }
            let ready = in_flight
                .take()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            if !chunk.is_empty() {
                let shared = &shared;
                in_flight = Some(scope.spawn(move || audit_chunk(shared, pool, chunk)));
            }
            match ready {
                Some(results) => {
                    let calls: usize = results.iter().map(Block::calls).sum();
                    bar.inc(calls as u64);
                    audited += write(results, &mut out, &mut sink).map_err(out_err)?;
                }
                None if done && in_flight.is_none() => return Ok(Ok(())),
                None => {}
            }
        }
    })?;
    if let Err(e) = piped {
        return Ok(Err(e));
    }
    if let Err(e) = actions.finish(&mut rejects) {
        return Ok(Err(e));
    }
    if let Err(e) = bundles.finish(&mut rejects) {
        return Ok(Err(e));
    }
    bar.finish_and_clear();
    for r in rejects {
        out.reject(r);
    }
    Ok(Ok((out, audited, sink)))
}

/// Indexes the report export; a missing one is a reject and an empty index.
fn load_reports(opts: &AuditOptions, pre: &mut Vec<Reject>) -> Result<ReportIndex, AuditError> {
    if opts.reports.is_file() {
        ReportIndex::load(&opts.reports, "reports.csv", pre)
            .map_err(|e| AuditError::Reports(display(&opts.reports), e))
    } else {
        pre.push(Reject {
            file: "reports.csv".into(),
            line: None,
            call_id: String::new(),
            reason: format!(
                "report export {} not found: every call is treated as a first report",
                display(&opts.reports)
            ),
        });
        Ok(ReportIndex::default())
    }
}

/// Runs an audit and writes the reports.
pub fn run(opts: &AuditOptions, prof: &Compiled) -> Result<Summary, AuditError> {
    let started = Instant::now();
    if !opts.calls.is_file() {
        return Err(AuditError::Manifest(
            display(&opts.calls),
            "file not found".into(),
        ));
    }
    let mut pre = Vec::new();
    let reports = load_reports(opts, &mut pre)?;
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = opts.threads {
        builder = builder.num_threads(n.max(1));
    }
    let pool = builder
        .build()
        .map_err(|e| AuditError::Threads(e.to_string()))?;
    let html = match &opts.html {
        Some(h) => Some(HtmlShared::new(h.clone()).map_err(|e| {
            AuditError::Output(display(&h.dir), std::io::Error::other(e.to_string()))
        })?),
        None => None,
    };
    let html = html.as_ref();
    let (out, audited, streamed, sink) =
        match pass(opts, prof, &reports, &pool, true, pre.clone(), html)? {
            Ok((out, n, sink)) => (out, n, true, sink),
            Err(OutOfOrder(_)) => match pass(opts, prof, &reports, &pool, false, pre, html)? {
                Ok((out, n, sink)) => (out, n, false, sink),
                Err(OutOfOrder(why)) => return Err(AuditError::Input(why)),
            },
        };
    let summary = Summary {
        calls_audited: audited,
        rejects: out.reject_count(),
        mean_score: out.agents().mean_score(),
        critical_fails: out.agents().critical_fails(),
        seconds: started.elapsed().as_secs_f64(),
        streamed,
    };
    if let (Some(sink), Some(h)) = (sink, html) {
        let name = format!("{} {}", prof.profile.name, prof.profile.version);
        sink.finish(out.agents(), &name)
            .map_err(|e| AuditError::Output(display(&h.opts.dir), e))?;
    }
    out.commit()
        .map_err(|e| AuditError::Output(display(&opts.out), e))?;
    Ok(summary)
}
