//! The audit pipeline: inputs located and indexed, calls audited in parallel, reports
//! written in call_id order.
//!
//! Memory: the manifest rows, the action log grouped by call and the report export are
//! held (indexes); transcripts are not: each worker reads its call's transcript (a file,
//! or one line of a bundle found through a byte-offset index), audits it and drops it.
//! Calls go through rayon in fixed-size chunks and are written in call_id order, so the
//! reports are the same bytes for any thread count.

use crate::ingest::roles::{self, RoleMethod, RoleOptions};
use crate::ingest::tables;
use crate::ingest::transcript::{jsonl, Format, RawTranscript};
use crate::matching::phrase::Toks;
use crate::matching::CallText;
use crate::model::{Action, Call, CallMeta, Reject, Role, Status};
use crate::path::{self, ReportIndex};
use crate::profile::Compiled;
use crate::report::{fixed, CallReport, Reports};
use crate::scoring;
use crate::steps::{self, Ctx};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, IsTerminal, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Calls handed to the workers at a time; bounds what is in flight.
const CHUNK: usize = 1024;

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
}

/// What a run did, for the summary line.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub calls_audited: usize,
    pub rejects: usize,
    pub mean_score: Option<f64>,
    pub critical_fails: u64,
    pub seconds: f64,
}

/// Reasons the run could not happen at all (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error("{0}: cannot read the call manifest: {1}")]
    Manifest(String, String),
    #[error("{0}: cannot write reports: {1}")]
    Output(String, std::io::Error),
    #[error("cannot start worker threads: {0}")]
    Threads(String),
}

/// Where one call's transcript is.
#[derive(Debug, Clone)]
enum Source {
    File(PathBuf),
    Bundle { file: usize, offset: u64, line: u64 },
}

/// Everything the workers read, shared.
struct Shared<'a> {
    prof: &'a Compiled,
    reports: ReportIndex,
    actions: HashMap<String, Vec<Action>>,
    bundles: Vec<PathBuf>,
    bundle_index: HashMap<String, (usize, u64, u64)>,
    manifest_dir: PathBuf,
    format: Option<Format>,
    roles: RoleOptions,
}

fn display(p: &Path) -> String {
    p.display().to_string()
}

/// How an input file is named in rejects: relative to the manifest's folder when it is
/// inside it (as the manifest names transcripts), else as given.
fn input_name(base: &Path, p: &Path) -> String {
    display(p.strip_prefix(base).unwrap_or(p))
}

/// Lists the JSONL bundles under the given files or folders, sorted.
fn find_bundles(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            if let Ok(rd) = std::fs::read_dir(p) {
                for e in rd.flatten() {
                    let path = e.path();
                    if path.is_file()
                        && path
                            .extension()
                            .is_some_and(|x| x.eq_ignore_ascii_case("jsonl"))
                    {
                        out.push(path);
                    }
                }
            }
        } else if p.is_file() {
            out.push(p.clone());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Whether a manifest's transcript path names a JSONL bundle.
fn is_bundle_name(path: &str) -> bool {
    Path::new(path)
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("jsonl"))
}

#[derive(serde::Deserialize)]
struct IdOnly {
    call_id: serde_json::Value,
}

/// Indexes bundle lines by call id (byte offset and line) without keeping the turns.
fn index_bundles(
    base: &Path,
    bundles: &[PathBuf],
    known: &HashSet<&str>,
    rejects: &mut Vec<Reject>,
) -> HashMap<String, (usize, u64, u64)> {
    let mut index: HashMap<String, (usize, u64, u64)> = HashMap::new();
    for (fi, path) in bundles.iter().enumerate() {
        let file = input_name(base, path);
        let Ok(f) = std::fs::File::open(path) else {
            rejects.push(Reject {
                file,
                line: None,
                call_id: String::new(),
                reason: "cannot open bundle".into(),
            });
            continue;
        };
        let mut rdr = BufReader::with_capacity(1 << 16, f);
        let mut buf = Vec::new();
        let (mut offset, mut line) = (0u64, 0u64);
        loop {
            buf.clear();
            let n = match rdr.read_until(b'\n', &mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) => {
                    rejects.push(Reject {
                        file: file.clone(),
                        line: Some(line + 1),
                        call_id: String::new(),
                        reason: format!("read error: {e}"),
                    });
                    break;
                }
            };
            line += 1;
            let at = offset;
            offset += n as u64;
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let mut reject = |call_id: &str, reason: String| {
                rejects.push(Reject {
                    file: file.clone(),
                    line: Some(line),
                    call_id: call_id.to_string(),
                    reason,
                })
            };
            let id = match serde_json::from_slice::<IdOnly>(&buf) {
                Ok(v) => match v.call_id {
                    serde_json::Value::String(s) => s,
                    serde_json::Value::Number(n) => n.to_string(),
                    _ => {
                        reject("", "bundle line without a call_id".into());
                        continue;
                    }
                },
                Err(e) => {
                    reject("", jsonl::describe_error(&e));
                    continue;
                }
            };
            if !known.contains(id.as_str()) {
                reject(
                    &id,
                    "bundle line for an unknown call_id (not in the manifest)".into(),
                );
            } else if let Some((f0, _, l0)) = index.get(&id) {
                reject(
                    &id,
                    format!(
                        "duplicate transcript for this call (first in {} line {l0})",
                        display(&bundles[*f0])
                    ),
                );
            } else {
                index.insert(id, (fi, at, line));
            }
        }
    }
    index
}

/// Reads a whole transcript file as UTF-8.
fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "transcript file not found".to_string(),
        _ => format!("cannot read transcript: {e}"),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "transcript is not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

impl Shared<'_> {
    fn source(&self, meta: &CallMeta) -> Option<Source> {
        let in_bundle = self
            .bundle_index
            .get(&meta.call_id)
            .map(|&(file, offset, line)| Source::Bundle { file, offset, line });
        if meta.transcript.is_empty() {
            return in_bundle;
        }
        let path = self.manifest_dir.join(&meta.transcript);
        // A manifest may name the bundle that holds the call: read its one line.
        match in_bundle {
            Some(Source::Bundle { file, .. }) if self.bundles[file] == path => in_bundle,
            _ => Some(Source::File(path)),
        }
    }

    /// Loads one call's raw transcript; the error is a reject (file, line, reason).
    fn load(&self, meta: &CallMeta) -> Result<RawTranscript, (String, Option<u64>, String)> {
        match self.source(meta) {
            None => Err((
                "calls.csv".into(),
                Some(meta.line),
                "no transcript: the transcript column is empty and no bundle holds this call"
                    .into(),
            )),
            Some(Source::File(path)) => {
                let file = input_name(&self.manifest_dir, &path);
                let text = read_text(&path).map_err(|e| (file.clone(), None, e))?;
                if text.trim().is_empty() {
                    return Err((file, None, "transcript is empty".into()));
                }
                let format = self
                    .format
                    .unwrap_or_else(|| Format::detect(&path, &text[..text.len().min(4096)]));
                let mut all = format.parse(&text).map_err(|e| {
                    (
                        file.clone(),
                        e.line,
                        format!("{format} transcript: {}", e.message),
                    )
                })?;
                let pos = all
                    .iter()
                    .position(|t| t.call_id.as_deref() == Some(meta.call_id.as_str()))
                    .or((all.len() == 1).then_some(0));
                match pos {
                    Some(p) => Ok(all.swap_remove(p)),
                    None => Err((
                        file,
                        None,
                        "the transcript file does not hold this call".into(),
                    )),
                }
            }
            Some(Source::Bundle { file, offset, line }) => {
                let path = &self.bundles[file];
                let name = input_name(&self.manifest_dir, path);
                let mut f = std::fs::File::open(path)
                    .map_err(|e| (name.clone(), Some(line), e.to_string()))?;
                f.seek(SeekFrom::Start(offset))
                    .map_err(|e| (name.clone(), Some(line), e.to_string()))?;
                let mut buf = Vec::new();
                BufReader::new(f.by_ref())
                    .read_until(b'\n', &mut buf)
                    .map_err(|e| (name.clone(), Some(line), e.to_string()))?;
                let text = String::from_utf8(buf).map_err(|_| {
                    (
                        name.clone(),
                        Some(line),
                        "bundle line is not UTF-8".to_string(),
                    )
                })?;
                jsonl::parse_line(text.trim_end(), line).map_err(|e| (name, Some(line), e.message))
            }
        }
    }

    /// Audits one call: the report, or the reject that stops it.
    fn audit(&self, meta: &CallMeta) -> Result<CallReport, Reject> {
        let reject = |(file, line, reason): (String, Option<u64>, String)| Reject {
            file,
            line,
            call_id: meta.call_id.clone(),
            reason,
        };
        let raw = self.load(meta).map_err(reject)?;
        let file = match self.source(meta) {
            Some(Source::Bundle { file, .. }) => {
                input_name(&self.manifest_dir, &self.bundles[file])
            }
            _ => meta.transcript.clone(),
        };
        if raw.turns.iter().all(|t| t.text.trim().is_empty()) {
            return Err(reject((file, raw.line, "transcript has no turns".into())));
        }
        let prof = self.prof;
        let greeting = |text: &str| greeting_score(prof, text);
        let (turns, method) = roles::assign(&raw.turns, &self.roles, &greeting)
            .map_err(|e| reject((file.clone(), raw.line, e)))?;
        if !turns
            .iter()
            .any(|t| t.role == Role::Agent && !t.text.trim().is_empty())
        {
            return Err(reject((
                file,
                raw.line,
                "transcript has no agent turn".into(),
            )));
        }
        let call = Call {
            meta: meta.clone(),
            turns,
            actions: self.actions.get(&meta.call_id).cloned().unwrap_or_default(),
        };
        Ok(audit_call(&call, &method, &self.reports, prof))
    }
}

/// How much a text looks like the opening greeting, 0..=1 (for role inference).
fn greeting_score(prof: &Compiled, text: &str) -> f64 {
    let tokens = prof.norm.tokens(text);
    let mut slots = crate::matching::phrase::Slots::new();
    slots.insert(
        "time_of_day",
        prof.bands.iter().map(|b| vec![b.name.clone()]).collect(),
    );
    let s = &prof.sets;
    let sets = [&s.greet_pln, &s.greet_salutation, &s.greet_offer];
    sets.iter()
        .map(|set| {
            set.iter()
                .filter_map(|p| p.best_in(Toks::plain(&tokens), &slots, prof.opts))
                .map(|h| h.score)
                .fold(0.0, f64::max)
        })
        .sum::<f64>()
        / sets.len() as f64
}

/// Audits one call whose transcript and actions are loaded.
pub fn audit_call(
    call: &Call,
    method: &RoleMethod,
    reports: &ReportIndex,
    prof: &Compiled,
) -> CallReport {
    let text = CallText::new(
        &call.turns,
        &prof.norm,
        Some(&prof.lexicon),
        prof.profile.matching.backchannel_tokens,
    );
    let slots = steps::slots_for(call, prof);
    let path = path::decide(call, &text, &slots, reports, prof);
    let ctx = Ctx {
        call,
        text: &text,
        prof,
        path: &path,
        slots: &slots,
    };
    let results = steps::check_all(&ctx);
    let statuses: Vec<Status> = results.iter().map(|r| r.status).collect();
    let score = scoring::score(&statuses, prof);
    let m = &call.meta;
    let roles = match method {
        RoleMethod::Explicit => "explicit".to_string(),
        RoleMethod::Flag => "flag".to_string(),
        RoleMethod::Inferred { agent, confidence } => format!("inferred:{agent}:{confidence:.2}"),
    };
    let row = vec![
        m.call_id.clone(),
        m.started_at.to_rfc3339(),
        m.agent_id.clone(),
        m.agent_name.clone(),
        m.team.clone(),
        m.site_code.clone(),
        path.kind.as_str().to_string(),
        path.urgent.to_string(),
        path.prior.map(|r| r.report_no.clone()).unwrap_or_default(),
        fixed(score.score, 1),
        score.critical_fail.to_string(),
        score.passed.to_string(),
        score.failed.to_string(),
        score.na.to_string(),
        score.failed_steps.join(";"),
        path.new_report_no.clone().unwrap_or_default(),
        path.prior_age_h.map(|h| fixed(h, 2)).unwrap_or_default(),
        path.number_kind.as_str().to_string(),
        roles,
    ];
    CallReport {
        row,
        agent_id: m.agent_id.clone(),
        agent_name: m.agent_name.clone(),
        score,
        steps: results,
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
    let mut rejects = Vec::new();
    let mut calls = tables::read_calls(&opts.calls, "calls.csv", &mut rejects);
    calls.sort_by(|a, b| a.call_id.cmp(&b.call_id));
    let known: HashSet<&str> = calls.iter().map(|c| c.call_id.as_str()).collect();
    let actions = if opts.actions.is_file() {
        tables::read_actions(&opts.actions, "actions.csv", &known, &mut rejects)
    } else {
        rejects.push(Reject {
            file: "actions.csv".into(),
            line: None,
            call_id: String::new(),
            reason: format!(
                "action log {} not found: APKT / SIMONE steps will fail",
                display(&opts.actions)
            ),
        });
        HashMap::new()
    };
    let report_rows = if opts.reports.is_file() {
        tables::read_reports(&opts.reports, "reports.csv", &mut rejects)
    } else {
        rejects.push(Reject {
            file: "reports.csv".into(),
            line: None,
            call_id: String::new(),
            reason: format!(
                "report export {} not found: every call is treated as a first report",
                display(&opts.reports)
            ),
        });
        Vec::new()
    };
    let manifest_dir = opts
        .calls
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut bundle_paths = opts.bundles.clone();
    bundle_paths.extend(
        calls
            .iter()
            .filter(|c| is_bundle_name(&c.transcript))
            .map(|c| manifest_dir.join(&c.transcript)),
    );
    let bundles = find_bundles(&bundle_paths);
    let bundle_index = index_bundles(&manifest_dir, &bundles, &known, &mut rejects);
    let shared = Shared {
        prof,
        reports: ReportIndex::new(report_rows),
        actions,
        bundles,
        bundle_index,
        manifest_dir: opts
            .calls
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default(),
        format: opts.format,
        roles: opts.roles.clone(),
    };
    let mut out =
        Reports::create(&opts.out).map_err(|e| AuditError::Output(display(&opts.out), e))?;
    for r in rejects {
        out.reject(r);
    }
    let bar = if opts.progress && std::io::stderr().is_terminal() {
        let b = ProgressBar::new(calls.len() as u64);
        b.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} calls ({per_sec}, eta {eta})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        b
    } else {
        ProgressBar::hidden()
    };
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = opts.threads {
        builder = builder.num_threads(n.max(1));
    }
    let pool = builder
        .build()
        .map_err(|e| AuditError::Threads(e.to_string()))?;
    let mut audited = 0usize;
    let out_err = |e| AuditError::Output(display(&opts.out), e);
    for chunk in calls.chunks(CHUNK) {
        let results: Vec<Result<CallReport, Reject>> =
            pool.install(|| chunk.par_iter().map(|m| shared.audit(m)).collect());
        for (meta, r) in chunk.iter().zip(results) {
            match r {
                Ok(report) => {
                    out.add(&meta.call_id, &report).map_err(out_err)?;
                    audited += 1;
                }
                Err(rej) => out.reject(rej),
            }
        }
        bar.inc(chunk.len() as u64);
    }
    bar.finish_and_clear();
    let summary = Summary {
        calls_audited: audited,
        rejects: out.rejects().len(),
        mean_score: out.agents().mean_score(),
        critical_fails: out.agents().critical_fails(),
        seconds: started.elapsed().as_secs_f64(),
    };
    out.commit().map_err(out_err)?;
    Ok(summary)
}
