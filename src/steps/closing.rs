//! Steps 11–12: the ticket number read out, the closing and the forbidden lines.

use super::dialogue::{parts, parts_verdict, wrong_time_of_day};
use super::{Ctx, StepResult};
use crate::model::{PathKind, Role, Status};
use crate::path::report_digits;

/// Tokens that may stand between digit groups of a number read aloud.
const DIGIT_SEPARATORS: usize = 2;

/// Longest tail of `number` (digits) found in what the agent said: (length, turn).
fn said_tail(ctx: &Ctx, number: &str) -> (usize, Option<usize>) {
    let digits = report_digits(number);
    let mut best = (0, None);
    for (said, turn) in ctx.text.digit_strings(Role::Agent, DIGIT_SEPARATORS) {
        for k in (1..=digits.len()).rev() {
            if k <= best.0 {
                break;
            }
            if said.contains(&digits[digits.len() - k..]) {
                best = (k, Some(turn));
                break;
            }
        }
    }
    best
}

fn turn_result(
    ctx: &Ctx,
    status: Status,
    reason: String,
    turn: Option<usize>,
    sim: f64,
) -> StepResult {
    let (time, text) = turn
        .map(|t| {
            let t = &ctx.text.turns[t];
            (format!("{:.1}", t.start), t.text.clone())
        })
        .unwrap_or_default();
    StepResult {
        status,
        reason,
        evidence_time: time,
        evidence_text: text,
        similarity: Some(sim),
    }
}

pub fn ticket_number(ctx: &Ctx) -> StepResult {
    let need = ctx.prof.profile.steps.ticket_number.min_tail_digits;
    let prior = ctx.path.prior.map(|r| r.report_no.as_str());
    match ctx.path.kind {
        PathKind::FirstReport | PathKind::TusbungPaid | PathKind::RepeatResolved => {
            let Some(new) = ctx.path.new_report_no.as_deref() else {
                return turn_result(
                    ctx,
                    Status::Fail,
                    "no new report was created, so no new number could be given".into(),
                    None,
                    0.0,
                );
            };
            let len = report_digits(new).len();
            let want = need.min(len).max(1);
            let (k, turn) = said_tail(ctx, new);
            let sim = k as f64 / len.max(1) as f64;
            if k >= want {
                return turn_result(ctx, Status::Pass, String::new(), turn, sim);
            }
            if let Some(old) = prior {
                let (ko, old_turn) = said_tail(ctx, old);
                if ko >= need.min(report_digits(old).len()).max(1) {
                    return turn_result(
                        ctx,
                        Status::Fail,
                        format!("agent reads out the prior number {old} instead of the new report {new}"),
                        old_turn,
                        sim,
                    );
                }
            }
            turn_result(
                ctx,
                Status::Fail,
                format!(
                    "agent never reads out the new report number {new} (best: last {k} digits)"
                ),
                turn,
                sim,
            )
        }
        PathKind::RepeatOpenLt12h | PathKind::RepeatOpenGe12h => {
            let old = prior.unwrap_or("");
            let len = report_digits(old).len();
            let (k, turn) = said_tail(ctx, old);
            if len > 0 && k >= need.min(len) {
                return turn_result(
                    ctx,
                    Status::Pass,
                    String::new(),
                    turn,
                    k as f64 / len as f64,
                );
            }
            let all = |_| true;
            let h = ctx.find(&ctx.prof.sets.still_applies, Role::Agent, &all);
            ctx.verdict(
                h,
                format!("agent neither gives the existing report number {old} nor says it still applies"),
            )
        }
    }
}

pub fn closing(ctx: &Ctx) -> StepResult {
    let c = &ctx.prof.profile.steps.closing;
    let agent: Vec<usize> = ctx.text.turns_of(Role::Agent).collect();
    let last: Vec<usize> = agent[agent.len().saturating_sub(c.last_turns)..].to_vec();
    let accept = |i: usize| last.contains(&i);
    let s = &ctx.prof.sets;
    let p = parts(
        ctx,
        &[
            ("PLN Mobile campaign", &s.campaign),
            ("thanks for calling PLN 123", &s.thanks),
            ("selamat + time of day", &s.closing_salutation),
        ],
        &accept,
    );
    let extra = if p.missing.contains(&"selamat + time of day") {
        wrong_time_of_day(ctx, &s.closing_salutation, &accept)
    } else {
        None
    };
    let mut res = parts_verdict(ctx, &p, "closing", extra);
    if res.evidence_text.is_empty() {
        if let Some(&t) = last.first() {
            res.evidence_time = format!("{:.1}", ctx.text.turns[t].start);
            res.evidence_text = ctx.text.turns[t].text.clone();
        }
    }
    res
}

pub fn forbidden_phrases(ctx: &Ctx) -> StepResult {
    let all = |_| true;
    let f = &ctx.prof.profile.steps.forbidden_phrases;
    let said = ctx
        .text
        .find_all(
            &ctx.prof.sets.forbidden,
            Role::Agent,
            ctx.slots,
            ctx.prof.opts,
            &all,
        )
        .into_iter()
        .find(|h| {
            !ctx.text.negated(
                h,
                &ctx.prof.forbidden_negations,
                &ctx.prof.forbidden_negation_exceptions,
                (f.negation_window, f.negation_after_window),
            )
        });
    match said {
        Some(h) => ctx.evidence(
            Status::Fail,
            format!(
                "forbidden line said: \"{}\"",
                ctx.prof.sets.forbidden[h.phrase].source
            ),
            &h,
        ),
        None => StepResult {
            status: Status::Pass,
            reason: String::new(),
            evidence_time: String::new(),
            evidence_text: format!("none of the {} forbidden lines said", f.lines.len()),
            similarity: None,
        },
    }
}
