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
pub mod sources;

pub use call::audit_call;

use crate::ingest::open::Confine;
use crate::ingest::roles::RoleOptions;
use crate::ingest::transcript::Format;
use crate::model::Reject;
use crate::path::ReportIndex;
use crate::profile::Compiled;
use crate::report::{Block, OutDir, OutError, ReportOptions, Reports};
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
    /// Folders (or files) transcripts and bundles may be read from, besides the
    /// manifest's folder and `bundles`.
    pub input_dirs: Vec<PathBuf>,
    /// Read transcripts wherever their paths lead (`--allow-outside`).
    pub allow_outside: bool,
    /// Cell neutralisation and redaction of the reports.
    pub output: ReportOptions,
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
    #[error(transparent)]
    Out(#[from] OutError),
    #[error("{0}: refusing to write reports into a folder that is or holds the input {1}; choose another --out")]
    OutHoldsInput(String, String),
}

/// The path canonicalised as far as it exists (OUT may not exist yet).
fn resolved(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut tail = Vec::new();
    let mut head = abs.as_path();
    loop {
        if let Ok(c) = std::fs::canonicalize(head) {
            return tail
                .iter()
                .rev()
                .fold(c, |acc, t: &&std::ffi::OsStr| acc.join(t));
        }
        match (head.parent(), head.file_name()) {
            (Some(parent), Some(name)) => {
                tail.push(name);
                head = parent;
            }
            _ => return abs,
        }
    }
}

/// Refuses an OUT that is an input file or folder, or holds one.
fn check_out(opts: &AuditOptions) -> Result<(), AuditError> {
    let out = resolved(&opts.out);
    let inputs = [&opts.calls, &opts.actions, &opts.reports]
        .into_iter()
        .chain(&opts.bundles)
        .chain(&opts.input_dirs);
    for input in inputs {
        if !input.exists() {
            continue;
        }
        if resolved(input).starts_with(&out) {
            return Err(AuditError::OutHoldsInput(
                display(&opts.out),
                display(input),
            ));
        }
    }
    Ok(())
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

/// Lists the JSONL bundles under the given files or folders, sorted. Names that are
/// not regular files (FIFOs, devices, links to them) are listed too, to be rejected.
fn find_bundles(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            if let Ok(rd) = std::fs::read_dir(p) {
                out.extend(
                    rd.flatten()
                        .map(|e| e.path())
                        .filter(|p| !p.is_dir() && is_bundle_name(&p.to_string_lossy())),
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
    confine: &'a Confine,
) -> Shared<'a> {
    Shared {
        prof,
        reports,
        format: opts.format,
        roles: opts.roles.clone(),
        output: opts.output,
        confine,
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
            .map(|calls| {
                let results = calls.into_iter().map(|p| shared.audit(p)).collect();
                Block::of(results, shared.output.cells)
            })
            .collect()
    })
}

/// Writes a chunk's results in order; returns how many calls were audited.
fn write(results: Results, out: &mut Reports) -> std::io::Result<usize> {
    let mut audited = 0;
    for b in results {
        audited += out.add_block(b)?;
    }
    Ok(audited)
}

/// One pass over the inputs; `Ok(Err(OutOfOrder))` when stream mode met an unsorted
/// source (nothing is committed then, and the caller reruns in index mode).
#[allow(clippy::too_many_arguments)]
fn pass(
    opts: &AuditOptions,
    prof: &Compiled,
    reports: &ReportIndex,
    pool: &rayon::ThreadPool,
    stream: bool,
    mut rejects: Vec<Reject>,
    confine: &Confine,
    set: &Path,
) -> Result<Result<(Reports, usize), OutOfOrder>, AuditError> {
    let base = opts
        .calls
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let limit = prof.profile.limits.transcript_bytes;
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
        Bundles::stream(paths, names, confine, limit, &mut rejects)
    } else {
        Bundles::index(paths, names, confine, limit, &mut rejects)
    };
    let shared = shared(opts, prof, reports, confine);
    let mut out = Reports::create(set, opts.output.cells)
        .map_err(|e| AuditError::Output(display(&opts.out), e))?;
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
                let file = base.join(&meta.transcript);
                let source = match line {
                    // A bundle line serves a call whose manifest names no file or names
                    // that very bundle.
                    Some(l) if meta.transcript.is_empty() || file == bundles.paths[l.file] => {
                        Source::Line(bundles.names[l.file].clone(), l)
                    }
                    _ if !meta.transcript.is_empty() => Source::File(meta.transcript.clone(), file),
                    _ => Source::Missing,
                };
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
                    audited += write(results, &mut out).map_err(out_err)?;
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
    Ok(Ok((out, audited)))
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
    check_out(opts)?;
    // Locked from here until the new set is switched in; a failure on the way drops the
    // set being written, and the previous one stays.
    let outdir = OutDir::open(&opts.out)?;
    let set = outdir
        .stage()
        .map_err(|e| AuditError::Output(display(&opts.out), e))?;
    let base = opts
        .calls
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let roots: Vec<PathBuf> = std::iter::once(if base.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        base
    })
    .chain(opts.bundles.iter().cloned())
    .chain(opts.input_dirs.iter().cloned())
    .collect();
    let confine = Confine::new(&roots, opts.allow_outside);
    let mut pre = Vec::new();
    let reports = if opts.reports.is_file() {
        ReportIndex::load(&opts.reports, "reports.csv", &mut pre)
            .map_err(|e| AuditError::Reports(display(&opts.reports), e))?
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
        ReportIndex::default()
    };
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = opts.threads {
        builder = builder.num_threads(n.max(1));
    }
    let pool = builder
        .build()
        .map_err(|e| AuditError::Threads(e.to_string()))?;
    let dir = set.path();
    let (out, audited, streamed) = match pass(
        opts,
        prof,
        &reports,
        &pool,
        true,
        pre.clone(),
        &confine,
        dir,
    )? {
        Ok((out, n)) => (out, n, true),
        Err(OutOfOrder(_)) => match pass(opts, prof, &reports, &pool, false, pre, &confine, dir)? {
            Ok((out, n)) => (out, n, false),
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
    let out_err = |e| AuditError::Output(display(&opts.out), e);
    out.finish().map_err(out_err)?;
    outdir.commit(set).map_err(out_err)?;
    Ok(summary)
}
