//! A closer look at a few calls (`explain`): the calls a [`Filter`] selects are found
//! in the inputs by a linear scan (manifest, action log, bundles), whatever their
//! order, and checked as the audit checks them. Nothing is written.

use super::call::{examine, Pending};
use super::sources::{read_head, BundleLine};
use super::{
    display, find_bundles, input_name, load_reports, manifest_bundles, shared, source_of,
    AuditError, AuditOptions,
};
use crate::ingest::tables;
use crate::model::{Action, CallMeta, Reject};
use crate::profile::Compiled;
use crate::report::view::CallView;
use std::collections::BTreeMap;
use std::io::BufReader;
use std::path::Path;

/// Which calls of the manifest a run looks at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this call.
    pub call_id: Option<String>,
    /// Only this agent's calls (`--agent`).
    pub agent_id: Option<String>,
}

impl Filter {
    pub fn keeps(&self, m: &CallMeta) -> bool {
        self.call_id.as_ref().is_none_or(|c| *c == m.call_id)
            && self.agent_id.as_ref().is_none_or(|a| *a == m.agent_id)
    }
}

/// The selected calls with their actions and transcript sources, in call_id order.
fn find(opts: &AuditOptions, filter: &Filter) -> Vec<Pending> {
    let mut metas: BTreeMap<String, CallMeta> = BTreeMap::new();
    for m in tables::calls(&opts.calls, "calls.csv").flatten() {
        if filter.keeps(&m) && !metas.contains_key(&m.call_id) {
            metas.insert(m.call_id.clone(), m);
        }
    }
    let mut actions: BTreeMap<String, Vec<Action>> = BTreeMap::new();
    if opts.actions.is_file() {
        for a in tables::actions(&opts.actions, "actions.csv").flatten() {
            if metas.contains_key(&a.call_id) {
                actions.entry(a.call_id.clone()).or_default().push(a);
            }
        }
    }
    let base = opts
        .calls
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut paths = find_bundles(&opts.bundles);
    paths.extend(manifest_bundles(&opts.calls, &base));
    paths.sort();
    paths.dedup();
    let names: Vec<String> = paths.iter().map(|p| input_name(&base, p)).collect();
    let mut lines: BTreeMap<String, BundleLine> = BTreeMap::new();
    let mut ignored = Vec::new();
    for (file, path) in paths.iter().enumerate() {
        let Ok(f) = std::fs::File::open(path) else {
            continue;
        };
        let mut rdr = BufReader::new(f);
        let mut at = 0u64;
        while let Some((id, line, text, _)) =
            read_head(&mut rdr, &mut at, &names[file], &mut ignored)
        {
            if metas.contains_key(&id) && !lines.contains_key(&id) {
                lines.insert(id, BundleLine { file, line, text });
            }
        }
    }
    metas
        .into_values()
        .map(|meta| {
            let mut acts = actions.remove(&meta.call_id).unwrap_or_default();
            acts.sort_by(|a, b| a.at.cmp(&b.at).then(a.line.cmp(&b.line)));
            let line = lines.remove(&meta.call_id);
            let source = source_of(&meta, line, &paths, &names, &base);
            Pending {
                meta,
                actions: acts,
                source,
            }
        })
        .collect()
}

/// The selected calls as a reader sees them, or the reject that stopped each one.
/// Empty when the manifest holds no such call.
pub fn explain(
    opts: &AuditOptions,
    prof: &Compiled,
) -> Result<Vec<Result<CallView, Reject>>, AuditError> {
    if !opts.calls.is_file() {
        return Err(AuditError::Manifest(
            display(&opts.calls),
            "file not found".into(),
        ));
    }
    let reports = load_reports(opts, &mut Vec::new())?;
    let shared = shared(opts, prof, &reports, None);
    Ok(find(opts, &opts.filter)
        .into_iter()
        .map(|p| {
            let (call, method) = shared.call(p)?;
            let ex = examine(&call, &reports, prof);
            Ok(CallView::build(
                &call,
                &method,
                &ex.text,
                &ex.path,
                &ex.results,
                &ex.score,
                prof,
            ))
        })
        .collect())
}
