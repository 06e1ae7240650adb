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
mod inputs;
mod locate;
mod options;
pub mod progress;

pub use call::audit_call;
pub use locate::{explain, Filter};
pub use options::{AllowMissing, AuditError, AuditOptions, Summary};

use crate::ingest::input;
use crate::ingest::open::Confine;
use crate::ingest::report_index::ReportIndex;
use crate::ingest::sources::{self, Actions, Bundles, Calls, Halt, Plan};
use crate::model::Reject;
use crate::overrides::Overrides;
use crate::profile::Compiled;
use crate::report::html::{HtmlShared, HtmlSink};
use crate::report::run_json::{RunInfo, RunInputs};
use crate::report::{Block, OutDir, Reports};
use call::{Pending, Shared, Source};
use inputs::{check_out, display, load_reports, Inputs};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Calls handed to the workers at a time; bounds what is in flight.
pub const CHUNK: usize = 2048;

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
                Block::with(results, shared.output)
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
    let mut out = Reports::create_with(set, opts.output)
        .map_err(|e| AuditError::Output(display(&opts.out), e))?;
    let mut sink = match html {
        Some(h) => {
            Some(HtmlSink::create(h).map_err(|e| AuditError::Output(display(&h.opts.dir), e))?)
        }
        None => None,
    };
    let out_err = |e| AuditError::Output(display(&opts.out), e);
    let bar = progress::bar(opts.progress, || {
        progress::count_rows(ins.calls.iter().map(|(p, _)| p.as_path()))
    });
    // Manifest rows read so far, and as far as the chunk being audited goes.
    let read = std::cell::Cell::new(0u64);
    let mut read_in_flight = 0u64;
    let mut audited = 0usize;
    let mut skipped = 0usize;
    let mut overridden_seen: HashSet<String> = HashSet::new();
    // Reads the next chunk; `Ok(true)` when the manifest is exhausted.
    let mut fill = |chunk: &mut Vec<Pending>, rejects: &mut Vec<Reject>| -> Result<bool, Halt> {
        while chunk.len() < CHUNK {
            let Some(meta) = calls.next(rejects)? else {
                return Ok(true);
            };
            read.set(read.get() + 1);
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
            let written = std::mem::replace(&mut read_in_flight, read.get());
            if !chunk.is_empty() {
                let shared = &shared;
                in_flight = Some(scope.spawn(move || audit_chunk(shared, pool, chunk)));
            }
            match ready {
                Some(results) => {
                    audited += write(results, &mut out, &mut sink).map_err(out_err)?;
                    bar.set_position(written);
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
    let ins = inputs::inputs(opts, &mut pre)?;
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
