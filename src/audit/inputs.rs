//! The input files of a run: the manifest, the action log and the report export found
//! by name, folder or glob; the JSONL bundles; where each call's transcript is; and the
//! checks that stop a run that cannot mean anything (a missing log, reports written into
//! an input folder).

use super::call::Source;
use super::{AuditError, AuditOptions};
use crate::ingest::input;
use crate::ingest::report_index::ReportIndex;
use crate::ingest::sources::{self, Files};
use crate::model::Reject;
use std::path::{Path, PathBuf};

/// The path canonicalised as far as it exists (OUT may not exist yet).
pub(super) fn resolved(p: &Path) -> PathBuf {
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
pub(super) fn check_out(opts: &AuditOptions) -> Result<(), AuditError> {
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

pub(super) fn display(p: &Path) -> String {
    p.display().to_string()
}

/// How an input file is named in rejects: relative to the manifest's folder when it is
/// inside it (as the manifest names transcripts), else as given.
pub(super) fn input_name(base: &Path, p: &Path) -> String {
    display(p.strip_prefix(base).unwrap_or(p))
}

/// Whether a manifest's transcript path names a JSONL bundle.
pub(super) fn is_bundle_name(path: &str) -> bool {
    sources::is_bundle(Path::new(path))
}

/// Lists the JSONL bundles under the given files, folders or globs, sorted; a path
/// that does not exist is an error naming it.
pub(super) fn find_bundles(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
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
pub(super) fn manifest_bundles(files: &Files, base: &Path) -> Vec<PathBuf> {
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
pub(super) fn source_of(
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

pub(super) fn manifest_bundles_of(calls: &Path, base: &Path) -> Vec<PathBuf> {
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

/// The input files of a run, found once before the first pass.
pub(super) struct Inputs {
    /// The manifest's folder: transcript paths are relative to it.
    pub(super) base: PathBuf,
    pub(super) calls: Files,
    /// `None` when the action log is missing and that is allowed.
    pub(super) actions: Option<Files>,
    pub(super) bundles: Vec<PathBuf>,
    pub(super) bundle_names: Vec<String>,
}

pub(super) fn named(base: &Path, files: Vec<PathBuf>) -> Files {
    files
        .into_iter()
        .map(|p| {
            let n = input_name(base, &p);
            (p, n)
        })
        .collect()
}

/// Finds the files of every input; a run that cannot mean anything stops here.
pub(super) fn inputs(opts: &AuditOptions, rejects: &mut Vec<Reject>) -> Result<Inputs, AuditError> {
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

/// Indexes the report export: one plain file as it is; several files or compressed
/// ones are first copied, row by row, into one plain temporary file (their rejects name
/// the real file and line).
pub(super) fn load_reports(
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
