//! Steps made of several parts (greeting, service guarantee, closing): each part's best
//! hit, the anchored retry of the parts not said, and the verdict of the whole.

use super::{Ctx, StepResult};
use crate::matching::phrase::Phrase;
use crate::matching::Hit;
use crate::model::{Role, Status};

/// Result of looking for several parts of one step (greeting, closing): each part's
/// best hit, and the names of the parts not found.
pub(super) struct Parts {
    pub hits: Vec<Option<Hit>>,
    pub missing: Vec<&'static str>,
}

pub(super) fn parts(
    ctx: &Ctx,
    wanted: &[(&'static str, &[Phrase])],
    accept: &dyn Fn(usize) -> bool,
) -> Parts {
    // Full matches first; the near miss of a part is searched only once the anchored
    // retry below has not found it either (a near miss never scores a full match, so
    // the count of parts said is the same either way).
    let mut hits: Vec<Option<Hit>> = wanted
        .iter()
        .map(|(_, set)| {
            ctx.text
                .first(set, Role::Agent, ctx.slots, ctx.prof.opts, accept)
        })
        .collect();
    let said = |h: &Option<Hit>| h.is_some_and(|h| h.matched());
    // The parts anchor each other: when at least half of the other parts are said, a
    // part said only loosely ("dengan Wuln", a name heard one letter off) counts.
    let strict: usize = hits.iter().filter(|h| said(h)).count();
    if strict < hits.len() && 2 * strict >= hits.len() - 1 && ctx.prof.opts.loose > 0 {
        let opts = crate::matching::phrase::MatchOptions {
            anchored: true,
            ..ctx.prof.opts
        };
        for (k, (_, set)) in wanted.iter().enumerate() {
            if !said(&hits[k]) {
                if let Some(h) = ctx.text.first(set, Role::Agent, ctx.slots, opts, accept) {
                    hits[k] = Some(h);
                }
            }
        }
    }
    for (k, (_, set)) in wanted.iter().enumerate() {
        if hits[k].is_none() {
            hits[k] = ctx.nearest(set, Role::Agent, accept);
        }
    }
    let missing = wanted
        .iter()
        .zip(&hits)
        .filter(|(_, h)| !said(h))
        .map(|((name, _), _)| *name)
        .collect();
    Parts { hits, missing }
}

/// "selamat <band>" said with a band other than the call's, when the right one is not.
pub(super) fn wrong_time_of_day(
    ctx: &Ctx,
    set: &[Phrase],
    accept: &dyn Fn(usize) -> bool,
) -> Option<String> {
    let mut any = ctx.slots.clone();
    any.insert(
        "time_of_day",
        ctx.prof
            .bands
            .iter()
            .map(|b| vec![b.name.clone()])
            .collect(),
    );
    let h = ctx
        .text
        .first(set, Role::Agent, &any, ctx.prof.opts, accept)?;
    let said = ctx.text.span_tokens(&h).join(" ");
    let expected = ctx.slots["time_of_day"]
        .iter()
        .map(|v| v.join(" "))
        .collect::<Vec<_>>()
        .join(" or ");
    Some(format!(
        "says \"{said}\" but the call started at {} (expected {expected})",
        ctx.call.meta.started_at.format("%H:%M")
    ))
}

/// Builds the verdict of a multi-part step: PASS when nothing is missing, evidence the
/// first part found.
pub(super) fn parts_verdict(ctx: &Ctx, p: &Parts, what: &str, extra: Option<String>) -> StepResult {
    let found: Vec<&Hit> = p.hits.iter().flatten().collect();
    let similarity = p
        .hits
        .iter()
        .map(|h| h.map_or(0.0, |h| h.score))
        .sum::<f64>()
        / p.hits.len().max(1) as f64;
    // With no part said, the nearest partial miss is evidence only above the floor.
    let floor = ctx.prof.profile.matching.nearest_floor;
    let best = found
        .iter()
        .filter(|h| h.matched())
        .min_by_key(|h| h.first_turn)
        .or_else(|| {
            found
                .iter()
                .filter(|h| h.score >= floor)
                .max_by(|a, b| a.score.total_cmp(&b.score))
        })
        .copied();
    let (status, reason) = if p.missing.is_empty() {
        (Status::Pass, String::new())
    } else {
        let mut r = format!("{what} lacks {}", p.missing.join(", "));
        if let Some(e) = extra {
            r.push_str(&format!("; {e}"));
        }
        (Status::Fail, r)
    };
    match best {
        Some(h) => {
            let mut res = ctx.evidence(status, reason, h);
            res.similarity = Some(similarity);
            res.loose = p.hits.iter().flatten().map(|h| h.loose).sum();
            res
        }
        None => StepResult {
            status,
            reason,
            evidence_time: None,
            evidence_text: String::new(),
            similarity: Some(similarity),
            loose: 0,
        },
    }
}
