//! Step 8 and the SIMONE notes: what APKT and SIMONE must show for the call's path.

use super::{Ctx, StepResult};
use crate::model::numbers::{report_digits, report_key, same_report};
use crate::model::{Action, ActionKind, PathKind, Status};

fn of_kind<'a>(ctx: &'a Ctx, kind: ActionKind) -> Vec<&'a Action> {
    ctx.call.actions.iter().filter(|a| a.kind == kind).collect()
}

fn on(a: &Action, no: &str) -> bool {
    same_report(&a.report_no, no)
}

pub fn apkt_action(ctx: &Ctx) -> StepResult {
    let creates = of_kind(ctx, ActionKind::Create);
    let updates = of_kind(ctx, ActionKind::Update);
    let laporan = of_kind(ctx, ActionKind::LaporUlang);
    let prior = ctx
        .path
        .prior
        .as_ref()
        .map(|r| r.report_no.as_str())
        .unwrap_or("");
    let fail = |reason: String, a: Option<&Action>| StepResult::action(Status::Fail, reason, a);
    let pass = |a: &Action| StepResult::action(Status::Pass, "", Some(a));
    match ctx.path.kind {
        PathKind::FirstReport | PathKind::TusbungPaid => {
            if let Some(l) = laporan.first() {
                return fail(
                    "lapor_ulang on a first report: a new report must be created".into(),
                    Some(l),
                );
            }
            match creates.first() {
                Some(c) => pass(c),
                None => fail(
                    "no APKT create: a first report must be created in APKT".into(),
                    None,
                ),
            }
        }
        PathKind::RepeatResolved => {
            if let Some(a) = laporan.iter().chain(&updates).find(|a| on(a, prior)) {
                return fail(
                    format!(
                        "{} on the resolved report {prior}: a new report must be created",
                        a.kind.as_str()
                    ),
                    Some(a),
                );
            }
            match creates.first() {
                Some(c) => pass(c),
                None => fail(
                    format!("no APKT create: prior report {prior} is resolved, so a new report linked to it is required"),
                    None,
                ),
            }
        }
        PathKind::RepeatOpenLt12h => {
            if let Some(c) = creates.first() {
                return fail(
                    format!("new report created although {prior} is still open and under 12 h: update it instead"),
                    Some(c),
                );
            }
            if let Some(l) = laporan.first() {
                return fail(
                    format!(
                        "lapor_ulang on {prior}, which is open for under 12 h: update it instead"
                    ),
                    Some(l),
                );
            }
            match updates.iter().find(|a| on(a, prior)) {
                Some(u) => pass(u),
                None => fail(
                    format!("no APKT update on the open report {prior}"),
                    updates.first().copied(),
                ),
            }
        }
        PathKind::RepeatOpenGe12h => {
            if let Some(c) = creates.first() {
                return fail(
                    format!("new report created although {prior} is still open: lapor_ulang on it instead"),
                    Some(c),
                );
            }
            match laporan.iter().find(|a| on(a, prior)) {
                Some(l) => pass(l),
                None => {
                    let other = laporan.first().or(updates.first()).copied();
                    let what = match other {
                        Some(a) if a.kind == ActionKind::Update => {
                            "an update instead of lapor_ulang"
                        }
                        Some(_) => "lapor_ulang on another report",
                        None => "no lapor_ulang",
                    };
                    fail(
                        format!("{what}: report {prior} is open for 12 h or more, lapor_ulang on it is required"),
                        other,
                    )
                }
            }
        }
    }
}

pub fn apkt_note(ctx: &Ctx) -> StepResult {
    let prior = ctx
        .path
        .prior
        .as_ref()
        .map(|r| r.report_no.as_str())
        .unwrap_or("");
    let fail = |reason: String, a: Option<&Action>| StepResult::action(Status::Fail, reason, a);
    match ctx.path.kind {
        PathKind::RepeatResolved => {
            let digits = report_digits(prior);
            let creates = of_kind(ctx, ActionKind::Create);
            let linked = creates.iter().find(|c| {
                same_report(&c.ref_report_no, prior)
                    || (!digits.is_empty() && report_digits(&c.note).contains(&digits))
            });
            match (linked, creates.first()) {
                (Some(c), _) => StepResult::action(Status::Pass, "", Some(c)),
                (None, Some(c)) => fail(
                    format!("the new report neither refers to nor names the prior report {prior} (\"… TERKAIT K: {digits}\")"),
                    Some(c),
                ),
                (None, None) => fail("no new report to carry the link to the prior report".into(), None),
            }
        }
        PathKind::RepeatOpenGe12h => {
            let m = &ctx.call.meta;
            let tag = ctx
                .prof
                .profile
                .paths
                .note_tag
                .replace("{site_code}", &m.site_code);
            let first_name = m.agent_name.split_whitespace().next().unwrap_or("");
            let wanted = [
                report_key(&tag.replace("{agent_name}", &m.agent_name)),
                report_key(&tag.replace("{agent_name}", first_name)),
            ];
            let laporan = of_kind(ctx, ActionKind::LaporUlang);
            let tagged = laporan.iter().find(|a| {
                wanted
                    .iter()
                    .any(|w| report_key(&a.note).contains(w.as_str()))
            });
            match (tagged, laporan.first()) {
                (Some(a), _) => StepResult::action(Status::Pass, "", Some(a)),
                (None, first) => fail(
                    format!(
                        "lapor_ulang note lacks the site and CSO tag {}",
                        tag.replace("{agent_name}", &m.agent_name.to_uppercase())
                    ),
                    first.copied(),
                ),
            }
        }
        PathKind::RepeatOpenLt12h => {
            let updates = of_kind(ctx, ActionKind::Update);
            match updates.iter().find(|u| !u.note.trim().is_empty()) {
                Some(u) => StepResult::action(Status::Pass, "", Some(u)),
                None => fail(
                    "the update carries no note with the caller's information".into(),
                    updates.first().copied(),
                ),
            }
        }
        PathKind::FirstReport | PathKind::TusbungPaid => {
            StepResult::na("first report: no note requirement")
        }
    }
}

pub fn simone_escalation(ctx: &Ctx) -> StepResult {
    let notice_at = ctx
        .call
        .actions
        .iter()
        .find(|a| a.kind == ActionKind::Notice)
        .map(|a| a.at);
    let open = &ctx.prof.profile.paths.escalation.open_ge12h;
    // An escalation SIMONE refused with its notice is an attempt, not an escalation.
    let escalations: Vec<&Action> = of_kind(ctx, ActionKind::Escalate)
        .into_iter()
        .filter(|a| !(notice_at.is_some_and(|t| a.at <= t) && &a.escalation_type == open))
        .collect();
    let urgent = if ctx.path.urgent {
        "urgent"
    } else {
        "not urgent"
    };
    let Some((types, target)) = ctx.path.expected_escalation(ctx.prof) else {
        return match escalations.first() {
            Some(e) => StepResult::action(
                Status::Fail,
                format!(
                    "escalation {} not called for: path {} and the call is {urgent}",
                    e.escalation_type,
                    ctx.path.kind.as_str()
                ),
                Some(e),
            ),
            None => {
                let mut r = StepResult::action(Status::Pass, "", None);
                r.evidence_text = format!(
                    "no SIMONE escalation, none called for (path {}, {urgent})",
                    ctx.path.kind.as_str()
                );
                r
            }
        };
    };
    // Paths that create a report escalate the new one; without a create no report
    // can carry the escalation, so any escalation sits on the wrong one.
    let target = target.unwrap_or_default();
    let expected = format!(
        "{} on {}",
        types.join(" or "),
        if target.is_empty() {
            "the new report (none was created)"
        } else {
            &target
        }
    );
    if escalations.is_empty() {
        return StepResult::action(
            Status::Fail,
            format!(
                "no SIMONE escalation: expected {expected} (path {}, {urgent})",
                ctx.path.kind.as_str()
            ),
            None,
        );
    }
    for e in &escalations {
        if !types.contains(&e.escalation_type) {
            return StepResult::action(
                Status::Fail,
                format!(
                    "wrong escalation type {}: expected {expected}",
                    e.escalation_type
                ),
                Some(e),
            );
        }
        if target.is_empty() || !on(e, &target) {
            return StepResult::action(
                Status::Fail,
                format!(
                    "escalation on the wrong report {}: expected {expected}",
                    e.report_no
                ),
                Some(e),
            );
        }
    }
    if escalations.len() > 1
        && escalations.iter().enumerate().any(|(i, e)| {
            escalations[..i]
                .iter()
                .any(|p| p.escalation_type == e.escalation_type)
        })
    {
        return StepResult::action(
            Status::Fail,
            format!(
                "{} escalations where one is called for: expected {expected}",
                escalations.len()
            ),
            Some(escalations[1]),
        );
    }
    StepResult::action(Status::Pass, "", Some(escalations[0]))
}
