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

pub mod call;
mod locate;

pub use call::audit_call;
pub use locate::{explain, Filter};

use crate::ingest::input;
use crate::ingest::open::Confine;
use crate::ingest::report_index::ReportIndex;
use crate::ingest::roles::RoleOptions;
use crate::ingest::sources::{self, Actions, Bundles, Calls, Files, Halt, Plan};
use crate::ingest::transcript::Format;
use crate::model::Reject;
use crate::overrides::Overrides;
use crate::profile::{Compiled, Provenance};
use crate::report::html::{HtmlOptions, HtmlShared, HtmlSink};
use crate::report::run_json::{RunInfo, RunInputs};
use crate::report::{Block, OutDir, OutError, ReportOptions, Reports};
use call::{Pending, Shared, Source};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Calls handed to the workers at a time; bounds what is in flight.
pub const CHUNK: usize = 2048;

/// Inputs a run may go without, by the user's word (`--allow-missing`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AllowMissing {
    pub actions: bool,
    pub reports: bool,
}

/// What to audit and how.
pub struct AuditOptions {
    /// The call manifest: a file, a folder of CSV files or a glob (`calls-*.csv.gz`).
    pub calls: PathBuf,
    /// The action log, named the same ways.
    pub actions: PathBuf,
    /// The report export, named the same ways.
    pub reports: PathBuf,
    /// Files or folders searched for JSONL bundles.
    pub bundles: Vec<PathBuf>,
    /// Whether a missing action log or report export is meant (else the run stops).
    pub allow_missing: AllowMissing,
    pub out: PathBuf,
    pub format: Option<Format>,
    pub roles: RoleOptions,
    pub threads: Option<usize>,
    /// Show a progress bar (only drawn on a terminal).
    pub progress: bool,
    /// Which profile scores the run (name, version, content hash).
    pub provenance: Provenance,
    /// Reviewers' overrides (`overrides.csv`) applied on top of the audit.
    pub overrides: Option<PathBuf>,
    /// Calls already scored with this profile: read past, not audited.
    pub skip: Option<HashSet<String>>,
    /// Which calls of the manifest to audit (all by default).
    pub filter: Filter,
    /// Also write the HTML report.
    pub html: Option<HtmlOptions>,
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
    /// The inputs that were not in call_id order and were sorted on disk.
    pub sorted: Plan,
    /// Calls whose `--agent-speaker` / `--agent-channel` was absent or contradicted by
    /// the greeting.
    pub role_mismatches: usize,
    /// Calls read past because they were already scored with this profile.
    pub skipped: usize,
    /// The machine-readable summary written as run.json.
    pub info: RunInfo,
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
    #[error("{0}: {1} (give --allow-missing {2} if the run is meant without it)")]
    Missing(String, String, &'static str),
    #[error("{0}")]
    Transcripts(String),
    #[error("temporary sort files in {dir}: {0}", dir = std::env::temp_dir().display())]
    Sort(std::io::Error),
    #[error("cannot read overrides: {0}")]
    Overrides(String),
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
    sources::is_bundle(Path::new(path))
}

/// Lists the JSONL bundles under the given files, folders or globs, sorted; a path
/// that does not exist is an error naming it.
fn find_bundles(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            // A folder without bundles is fine: its transcripts are files.
            if let Ok(rd) = std::fs::read_dir(p) {
                out.extend(
                    rd.flatten()
                        .map(|e| e.path())
                        .filter(|p| !p.is_dir() && sources::is_bundle(p)),
                );
            }
        } else {
            out.extend(
                input::expand(p, sources::is_bundle).map_err(|e| format!("--transcripts {e}"))?,
            );
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Bundles named in the manifests (a transcript column pointing at a `.jsonl`).
fn manifest_bundles(files: &Files, base: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = files
        .iter()
        .flat_map(|(p, _)| manifest_bundles_of(p, base))
        .collect();
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

fn manifest_bundles_of(calls: &Path, base: &Path) -> Vec<PathBuf> {
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
    opts: &'a AuditOptions,
    prof: &'a Compiled,
    reports: &'a ReportIndex,
    overrides: Option<&'a Overrides>,
    html: Option<&'a HtmlShared>,
    confine: &'a Confine,
) -> Shared<'a> {
    Shared {
        prof,
        reports,
        format: opts.format,
        roles: opts.roles.clone(),
        overrides,
        provenance: Some(&opts.provenance),
        html,
        output: opts.output,
        confine,
    }
}

/// What one successful pass produced.
struct Passed<'h> {
    out: Reports,
    audited: usize,
    skipped: usize,
    html: Option<HtmlSink<'h>>,
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

/// The input files of a run, found once before the first pass.
struct Inputs {
    /// The manifest's folder: transcript paths are relative to it.
    base: PathBuf,
    calls: Files,
    /// `None` when the action log is missing and that is allowed.
    actions: Option<Files>,
    bundles: Vec<PathBuf>,
    bundle_names: Vec<String>,
}

fn named(base: &Path, files: Vec<PathBuf>) -> Files {
    files
        .into_iter()
        .map(|p| {
            let n = input_name(base, &p);
            (p, n)
        })
        .collect()
}

/// Finds the files of every input; a run that cannot mean anything stops here.
fn inputs(opts: &AuditOptions, rejects: &mut Vec<Reject>) -> Result<Inputs, AuditError> {
    let calls = input::expand(&opts.calls, input::is_csv)
        .map_err(|e| AuditError::Manifest(display(&opts.calls), e))?;
    let base = calls[0].parent().map(Path::to_path_buf).unwrap_or_default();
    let calls = named(&base, calls);
    for (p, name) in &calls {
        let rows = crate::ingest::tables::calls(p, name);
        if rows.rejected_whole() {
            let why = rows.into_iter().next().and_then(Result::err);
            let why = why.map_or_else(|| "rejected whole".to_string(), |r| r.reason);
            return Err(AuditError::Manifest(name.clone(), why));
        }
    }
    let actions = match input::expand(&opts.actions, input::is_csv) {
        Ok(files) => Some(named(&base, files)),
        Err(e) if opts.allow_missing.actions => {
            rejects.push(Reject {
                file: display(&opts.actions),
                line: None,
                call_id: String::new(),
                reason: format!("action log missing ({e}): APKT / SIMONE steps will fail"),
            });
            None
        }
        Err(e) => {
            return Err(AuditError::Missing(
                display(&opts.actions),
                format!("no action log: {e}"),
                "actions",
            ))
        }
    };
    let mut bundles = find_bundles(&opts.bundles).map_err(AuditError::Transcripts)?;
    bundles.extend(manifest_bundles(&calls, &base));
    bundles.sort();
    bundles.dedup();
    let bundle_names = bundles.iter().map(|p| input_name(&base, p)).collect();
    Ok(Inputs {
        base,
        calls,
        actions,
        bundles,
        bundle_names,
    })
}

/// One pass over the inputs, with the inputs `plan` names sorted on disk first;
/// `Ok(Err(Halt::OutOfOrder))` when an input streamed as sorted is not (nothing is
/// committed then, and the caller reruns with that input sorted).
#[allow(clippy::too_many_arguments)]
fn pass<'h>(
    opts: &AuditOptions,
    prof: &Compiled,
    reports: &ReportIndex,
    pool: &rayon::ThreadPool,
    ins: &Inputs,
    plan: Plan,
    mut rejects: Vec<Reject>,
    overrides: Option<&Overrides>,
    html: Option<&'h HtmlShared>,
    confine: &Confine,
    set: &Path,
) -> Result<Result<Passed<'h>, Halt>, AuditError> {
    let limit = prof.profile.limits.transcript_bytes;
    let base = &ins.base;
    let mut calls = Calls::open(&ins.calls, plan.calls, &mut rejects).map_err(AuditError::Sort)?;
    let mut actions = match &ins.actions {
        Some(files) => {
            Actions::open(files, plan.actions, &mut rejects).map_err(AuditError::Sort)?
        }
        None => Actions::none(),
    };
    let mut bundles = Bundles::new(
        ins.bundles.clone(),
        ins.bundle_names.clone(),
        plan.bundles,
        confine,
        limit,
        &mut rejects,
    )
    .map_err(AuditError::Sort)?;
    let shared = shared(opts, prof, reports, overrides, html, confine);
    let mut out = Reports::create(set, opts.output.cells)
        .map_err(|e| AuditError::Output(display(&opts.out), e))?;
    let mut sink = match html {
        Some(h) => {
            Some(HtmlSink::create(h).map_err(|e| AuditError::Output(display(&h.opts.dir), e))?)
        }
        None => None,
    };
    let out_err = |e| AuditError::Output(display(&opts.out), e);
    let bar = progress_bar(opts);
    let mut audited = 0usize;
    let mut skipped = 0usize;
    let mut overridden_seen: HashSet<String> = HashSet::new();
    // Reads the next chunk; `Ok(true)` when the manifest is exhausted.
    let mut fill = |chunk: &mut Vec<Pending>, rejects: &mut Vec<Reject>| -> Result<bool, Halt> {
        while chunk.len() < CHUNK {
            let Some(meta) = calls.next(rejects)? else {
                return Ok(true);
            };
            let acts = actions.take(&meta.call_id, rejects)?;
            let line = bundles.take(&meta.call_id, rejects)?;
            if overrides.is_some_and(|o| o.get(&meta.call_id).is_some()) {
                overridden_seen.insert(meta.call_id.clone());
            }
            if opts
                .skip
                .as_ref()
                .is_some_and(|s| s.contains(&meta.call_id))
            {
                skipped += 1;
                continue;
            }
            // Calls left out by the filter still take their actions and lines, so
            // those are not reported as belonging to unknown calls.
            if !opts.filter.keeps(&meta) {
                continue;
            }
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
    let piped = std::thread::scope(|scope| -> Result<Result<(), Halt>, AuditError> {
        let mut in_flight: Option<std::thread::ScopedJoinHandle<'_, Results>> = None;
        let mut done = false;
        loop {
            let mut chunk: Vec<Pending> = Vec::with_capacity(CHUNK);
            if !done {
                match fill(&mut chunk, &mut rejects) {
                    Ok(d) => done = d,
                    Err(e) => {
                        if let Some(h) = in_flight.take() {
                            let _ = h.join();
                        }
                        return Ok(Err(e));
                    }
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
    let finished = piped
        .and_then(|_| actions.finish(&mut rejects))
        .and_then(|_| bundles.finish(&mut rejects));
    if let Err(e) = finished {
        return Ok(Err(e));
    }
    bar.finish_and_clear();
    if let Some(o) = overrides {
        for id in o.call_ids() {
            if !overridden_seen.contains(id) {
                rejects.push(Reject {
                    file: o.file.clone(),
                    line: o.get(id).and_then(|v| v.first()).map(|v| v.line),
                    call_id: id.to_string(),
                    reason: "override for a call that is not in the manifest".into(),
                });
            }
        }
    }
    for r in rejects {
        out.reject(r);
    }
    Ok(Ok(Passed {
        out,
        audited,
        skipped,
        html: sink,
    }))
}

/// Indexes the report export: one plain file as it is; several files or compressed
/// ones are first copied, row by row, into one plain temporary file (their rejects name
/// the real file and line).
fn load_reports(
    opts: &AuditOptions,
    base: &Path,
    rejects: &mut Vec<Reject>,
) -> Result<ReportIndex, AuditError> {
    let files = match input::expand(&opts.reports, input::is_csv) {
        Ok(f) => named(base, f),
        Err(e) if opts.allow_missing.reports => {
            rejects.push(Reject {
                file: display(&opts.reports),
                line: None,
                call_id: String::new(),
                reason: format!(
                    "report export missing ({e}): every call is treated as a first report"
                ),
            });
            return Ok(ReportIndex::default());
        }
        Err(e) => {
            return Err(AuditError::Missing(
                display(&opts.reports),
                format!("no report export: {e}"),
                "reports",
            ))
        }
    };
    let err = |e| AuditError::Reports(display(&opts.reports), e);
    match files.as_slice() {
        [(p, name)] if input::Compression::of(p) == input::Compression::None => {
            ReportIndex::load(p, name, rejects).map_err(err)
        }
        _ => {
            let tmp = crate::ingest::tables::merge_reports(&files, rejects).map_err(err)?;
            ReportIndex::load(tmp.path(), "reports.csv", rejects).map_err(err)
        }
    }
}

/// Runs an audit and writes the reports.
pub fn run(opts: &AuditOptions, prof: &Compiled) -> Result<Summary, AuditError> {
    let started = Instant::now();
    check_out(opts)?;
    // Locked from here until the new set is switched in; a failure on the way drops the
    // set being written, and the previous one stays.
    let outdir = OutDir::open(&opts.out)?;
    let set = outdir
        .stage()
        .map_err(|e| AuditError::Output(display(&opts.out), e))?;
    let base = input::expand(&opts.calls, input::is_csv)
        .ok()
        .and_then(|c| c.first().and_then(|p| p.parent()).map(Path::to_path_buf))
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
    let ins = inputs(opts, &mut pre)?;
    let reports = load_reports(opts, &ins.base, &mut pre)?;
    let overrides = match &opts.overrides {
        Some(p) => Some(Overrides::load(p, &mut pre).map_err(AuditError::Overrides)?),
        None => None,
    };
    let indexed = started.elapsed().as_secs_f64();
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = opts.threads {
        builder = builder.num_threads(n.max(1));
    }
    let pool = builder
        .build()
        .map_err(|e| AuditError::Threads(e.to_string()))?;
    let ovs = overrides.as_ref();
    let html = match &opts.html {
        Some(h) => Some(HtmlShared::new(h.clone()).map_err(|e| {
            AuditError::Output(display(&h.dir), std::io::Error::other(e.to_string()))
        })?),
        None => None,
    };
    let html = html.as_ref();
    let mut plan = sources::probe(&ins.calls, ins.actions.as_ref(), &ins.bundles);
    let passed = loop {
        match pass(
            opts,
            prof,
            &reports,
            &pool,
            &ins,
            plan,
            pre.clone(),
            ovs,
            html,
            &confine,
            set.path(),
        )? {
            Ok(done) => break done,
            Err(Halt::OutOfOrder(input, _)) if !plan.sorts(input) => plan = plan.with(input),
            Err(Halt::OutOfOrder(_, why)) => return Err(AuditError::Input(why)),
            Err(Halt::Io(e)) => return Err(AuditError::Sort(e)),
        }
    };
    let Passed {
        mut out,
        audited,
        skipped,
        html: sink,
    } = passed;
    let seconds = started.elapsed().as_secs_f64();
    let info = RunInfo::new(
        RunInputs {
            calls: display(&opts.calls),
            actions: display(&opts.actions),
            reports: display(&opts.reports),
            transcripts: opts.bundles.iter().map(|p| display(p)).collect(),
            overrides: opts.overrides.as_deref().map(display),
        },
        &opts.provenance,
        &out,
        audited,
        skipped,
        plan == Plan::default(),
        [indexed, seconds - indexed, seconds],
    );
    out.add_file("run.json", info.to_json());
    let summary = Summary {
        calls_audited: audited,
        rejects: out.reject_count(),
        mean_score: out.agents().mean_score(),
        critical_fails: out.agents().critical_fails(),
        seconds,
        sorted: plan,
        role_mismatches: out.role_mismatches(),
        skipped,
        info,
    };
    if let (Some(sink), Some(h)) = (sink, html) {
        let name = format!("{} {}", prof.profile.name, prof.profile.version);
        sink.finish(out.agents(), &name)
            .map_err(|e| AuditError::Output(display(&h.opts.dir), e))?;
    }
    let out_err = |e| AuditError::Output(display(&opts.out), e);
    out.finish().map_err(out_err)?;
    outdir.commit(set).map_err(out_err)?;
    Ok(summary)
}
