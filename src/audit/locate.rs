//! A closer look at a few calls (`explain`): the calls a [`Filter`] selects are found
//! in the inputs by a linear scan (manifest, action log, bundles), whatever their
//! order, and checked as the audit checks them. Nothing is written.

use super::call::{examine, Pending};
use super::inputs::{inputs, load_reports, source_of};
use super::{shared, AuditError, AuditOptions};
use crate::ingest::sources::{self, BundleLine};
use crate::ingest::tables;
use crate::model::{Action, CallMeta, Reject};
use crate::profile::Compiled;
use crate::report::view::CallView;
use std::collections::BTreeMap;

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
fn find(opts: &AuditOptions, filter: &Filter) -> Result<Vec<Pending>, AuditError> {
    let ins = inputs(opts, &mut Vec::new())?;
    let mut metas: BTreeMap<String, CallMeta> = BTreeMap::new();
    for m in tables::chain(&ins.calls, tables::calls).flatten() {
        if filter.keeps(&m) && !metas.contains_key(&m.call_id) {
            metas.insert(m.call_id.clone(), m);
        }
    }
    let mut actions: BTreeMap<String, Vec<Action>> = BTreeMap::new();
    if let Some(files) = &ins.actions {
        for a in tables::chain(files, tables::actions).flatten() {
            if metas.contains_key(&a.call_id) {
                actions.entry(a.call_id.clone()).or_default().push(a);
            }
        }
    }
    let mut lines: BTreeMap<String, BundleLine> = BTreeMap::new();
    for (file, path) in ins.bundles.iter().enumerate() {
        sources::scan_bundle(path, &ins.bundle_names[file], |id, line, text| {
            if metas.contains_key(&id) && !lines.contains_key(&id) {
                lines.insert(id, BundleLine { file, line, text });
            }
        });
    }
    Ok(metas
        .into_values()
        .map(|meta| {
            let mut acts = actions.remove(&meta.call_id).unwrap_or_default();
            acts.sort_by(|a, b| a.at.cmp(&b.at).then(a.line.cmp(&b.line)));
            let line = lines.remove(&meta.call_id);
            let source = source_of(&meta, line, &ins.bundles, &ins.bundle_names, &ins.base);
            Pending {
                meta,
                actions: acts,
                source,
            }
        })
        .collect())
}

/// The selected calls as a reader sees them, or the reject that stopped each one.
/// Empty when the manifest holds no such call.
pub fn explain(
    opts: &AuditOptions,
    prof: &Compiled,
) -> Result<Vec<Result<CallView, Reject>>, AuditError> {
    let ins = inputs(opts, &mut Vec::new())?;
    let reports = load_reports(opts, &ins.base, &mut Vec::new())?;
    let roots: Vec<_> = std::iter::once(ins.base.clone())
        .chain(opts.bundles.iter().cloned())
        .chain(opts.input_dirs.iter().cloned())
        .collect();
    let confine = crate::ingest::open::Confine::new(&roots, opts.allow_outside);
    let shared = shared(opts, prof, &reports, None, None, &confine);
    Ok(find(opts, &opts.filter)?
        .into_iter()
        .map(|p| {
            let (call, method) = shared.call(p)?;
            let ex = examine(&call, &reports, prof, None);
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
