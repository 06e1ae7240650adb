//! Lint checks against a run's reports: phrases never matched in the evidence of their
//! step, and steps failing on more than a share of the calls they apply to.

use super::lists::Side;
use super::{Lint, LintOptions, ListPhrases, Severity, Source};
use crate::eval::csvio::CsvFile;
use crate::matching::normalize::{Normalizer, Token};
use crate::matching::phrase::{name_alternatives, MatchOptions, Slots, Toks};
use crate::model::{Status, StepId, STEP_COUNT};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Evidence texts of one step, by the agent name that fills `{agent_name}`.
type Evidence = BTreeMap<String, BTreeSet<String>>;

#[allow(clippy::too_many_arguments)]
pub fn check(
    dir: &Path,
    lists: &[ListPhrases],
    norm: &Normalizer,
    mopts: MatchOptions,
    bands: &[String],
    src: &Source,
    opts: &LintOptions,
    out: &mut Lint,
) -> anyhow::Result<()> {
    let mut calls = CsvFile::open(&dir.join("calls.csv"))?;
    let (id, name) = (calls.require("call_id")?, calls.require("agent_name")?);
    let mut agent = BTreeMap::new();
    while let Some(r) = calls.next_record()? {
        agent.insert(r.get(id).to_string(), r.get(name).to_string());
    }
    let mut steps = CsvFile::open(&crate::report::steps_path(dir)?)?;
    let (id, step, status, text) = (
        steps.require("call_id")?,
        steps.require("step")?,
        steps.require("status")?,
        steps.require("evidence_text")?,
    );
    let mut counts = [[0u64; 2]; STEP_COUNT];
    let mut evidence: Vec<Evidence> = vec![Evidence::new(); STEP_COUNT];
    while let Some(r) = steps.next_record()? {
        let (i, st) = (r.step(step)?, r.status(status)?);
        match st {
            Status::Pass => counts[i][0] += 1,
            Status::Fail => counts[i][1] += 1,
            Status::Na => {}
        }
        // A phrase is "used" in the evidence of a PASS; forbidden lines in a FAIL's.
        let used = if i == StepId::ForbiddenPhrases.index() {
            Status::Fail
        } else {
            Status::Pass
        };
        if st == used {
            let who = agent.get(r.get(id)).cloned().unwrap_or_default();
            evidence[i]
                .entry(who)
                .or_default()
                .insert(r.get(text).to_string());
        }
    }
    for (i, [pass, fail]) in counts.iter().enumerate() {
        let n = pass + fail;
        let share = *fail as f64 / n.max(1) as f64;
        if n as usize >= opts.min_calls && share > opts.fail_share {
            let sid = StepId::ALL[i];
            let line = src
                .lines
                .table(&format!("steps.{sid}"))
                .or_else(|| src.lines.key(&format!("scoring.weights.{sid}")));
            out.push(
                line,
                Severity::Warning,
                "failing-step",
                format!(
                    "{sid} fails on {fail} of {n} calls it applies to ({:.0} % > {:.0} %) in {}: a broken rule, not bad agents?",
                    share * 100.0,
                    opts.fail_share * 100.0,
                    dir.display()
                ),
            );
        }
    }
    let band_alts: Vec<Vec<String>> = bands.iter().map(|b| vec![b.clone()]).collect();
    for ListPhrases { list, phrases } in lists {
        let Some(sid) = list.step.filter(|_| list.side == Side::Agent) else {
            continue;
        };
        let ev = &evidence[sid.index()];
        let total: usize = ev.values().map(BTreeSet::len).sum();
        if total == 0 {
            continue;
        }
        // Tokenised once per list.
        let texts: Vec<(Slots, Vec<Vec<Token>>)> = ev
            .iter()
            .map(|(who, set)| {
                let mut slots = Slots::default();
                slots.insert("agent_name", name_alternatives(who));
                slots.insert("time_of_day", band_alts.clone());
                (slots, set.iter().map(|t| norm.tokens(t)).collect())
            })
            .collect();
        for (line, s, p) in phrases {
            // Caller names are not in the reports: such phrases cannot be judged.
            if s.contains("{caller_name}") {
                continue;
            }
            let matched = texts.iter().any(|(slots, toks)| {
                toks.iter()
                    .any(|t| p.full_in(Toks::plain(t), slots, mopts).is_some())
            });
            if !matched {
                out.push(
                    Some(*line).filter(|l| *l > 0),
                    Severity::Warning,
                    "never-matched",
                    format!(
                        "{}: {s:?} never matched in the {total} distinct {sid} evidences of {}",
                        list.key,
                        dir.display()
                    ),
                );
            }
        }
    }
    Ok(())
}
