//! Steps 11–12: the ticket number read out, the closing and the forbidden lines.

use super::parts::{parts, parts_verdict, wrong_time_of_day};
use super::{Ctx, StepResult};
use crate::matching::phrase::Phrase;
use crate::model::numbers::report_digits;
use crate::model::{EvidenceTime, PathKind, Role, Status};

/// Tokens that may stand between digit groups of a number read aloud.
const DIGIT_SEPARATORS: usize = 2;

/// How much of `number` the agent read out: the longest tail found in one digit
/// string, and the best share of its digits said in order; each with its turn.
struct ReadOut {
    tail: usize,
    share: f64,
    turn: Option<usize>,
}

/// Length of the longest common subsequence of two digit strings.
fn lcs(a: &[u8], b: &[u8]) -> usize {
    // Two rows, swapped: `cur[0]` stays 0 and every other cell is written before it
    // is read in its row.
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for &x in a {
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn read_out(ctx: &Ctx, number: &str) -> ReadOut {
    let digits = report_digits(number);
    let mut best = ReadOut {
        tail: 0,
        share: 0.0,
        turn: None,
    };
    if digits.is_empty() {
        return best;
    }
    for (said, turn) in ctx.text.digit_strings(Role::Agent, DIGIT_SEPARATORS) {
        let tail = (1..=digits.len())
            .rev()
            .find(|&k| said.contains(&digits[digits.len() - k..]))
            .unwrap_or(0);
        let share = lcs(said.as_bytes(), digits.as_bytes()) as f64 / digits.len() as f64;
        if (tail, share) > (best.tail, best.share) {
            best.turn = Some(turn);
        }
        best.tail = best.tail.max(tail);
        best.share = best.share.max(share);
    }
    best
}

/// Whether a read-out says the number: enough of its tail, or nearly all its digits.
fn says_number(ctx: &Ctx, number: &str, r: &ReadOut) -> bool {
    let t = &ctx.prof.profile.steps.ticket_number;
    let len = report_digits(number).len();
    len > 0 && (r.tail >= t.min_tail_digits.min(len) || r.share + 1e-9 >= t.min_digit_share)
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
            (Some(EvidenceTime::Offset(t.start)), t.text.clone())
        })
        .unwrap_or_default();
    StepResult {
        status,
        reason,
        evidence_time: time,
        evidence_text: text,
        similarity: Some(sim),
        loose: 0,
    }
}

pub fn ticket_number(ctx: &Ctx) -> StepResult {
    let prior = ctx.path.prior.as_ref().map(|r| r.report_no.as_str());
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
            let r = read_out(ctx, new);
            if says_number(ctx, new, &r) {
                return turn_result(ctx, Status::Pass, String::new(), r.turn, r.share);
            }
            if let Some(old) = prior {
                let o = read_out(ctx, old);
                if says_number(ctx, old, &o) {
                    return turn_result(
                        ctx,
                        Status::Fail,
                        format!("agent reads out the prior number {old} instead of the new report {new}"),
                        o.turn,
                        r.share,
                    );
                }
            }
            turn_result(
                ctx,
                Status::Fail,
                format!(
                    "agent never reads out the new report number {new} (best: last {} digits, {:.0}% of its digits)",
                    r.tail,
                    r.share * 100.0
                ),
                r.turn,
                r.share,
            )
        }
        PathKind::RepeatOpenLt12h | PathKind::RepeatOpenGe12h => {
            let old = prior.unwrap_or("");
            let r = read_out(ctx, old);
            if says_number(ctx, old, &r) {
                return turn_result(ctx, Status::Pass, String::new(), r.turn, r.share);
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

/// The closing's turns: the last `n` agent turns, not counting a turn that goes on from
/// the agent turn right before it (no caller turn between: a sentence the recogniser
/// split, an "iya" of the agent's own), at most `2 n` turns in all.
fn closing_turns(ctx: &Ctx, n: usize) -> Vec<usize> {
    let mut last: Vec<usize> = Vec::with_capacity(2 * n);
    let mut counted = 0;
    let agent: Vec<usize> = ctx.text.turns_of(Role::Agent).collect();
    for &i in agent.iter().rev() {
        if counted == n || last.len() == 2 * n {
            break;
        }
        last.push(i);
        if i == 0 || ctx.text.turns[i - 1].role != Role::Agent {
            counted += 1;
        }
    }
    last.reverse();
    last
}

pub fn closing(ctx: &Ctx) -> StepResult {
    let c = &ctx.prof.profile.steps.closing;
    let last = closing_turns(ctx, c.last_turns);
    let accept = |i: usize| last.contains(&i);
    let s = &ctx.prof.sets;
    let wanted: [(&'static str, &[Phrase]); 3] = [
        ("PLN Mobile campaign", &s.campaign),
        ("thanks for calling PLN 123", &s.thanks),
        ("selamat + time of day", &s.closing_salutation),
    ];
    let mut p = parts(ctx, &wanted, &accept);
    // The closing's sentences start in the agent turn before its last turns when that
    // turn runs on into them (only backchannels between: "... unduh aplikasinya di Play
    // Store" / "iya" / "atau App Store ya"). Searched only for a part still missing.
    let agent: Vec<usize> = ctx.text.turns_of(Role::Agent).collect();
    let before = agent
        .len()
        .checked_sub(c.last_turns + 1)
        .and_then(|k| agent.get(k).copied())
        .filter(|b| !last.contains(b))
        .filter(|&b| last.first().is_some_and(|&f| ctx.text.same_run(b, f)));
    if let (Some(before), false) = (before, p.missing.is_empty()) {
        let wide = |i: usize| i == before || accept(i);
        for (k, (name, set)) in wanted.iter().enumerate() {
            if !p.missing.contains(name) {
                continue;
            }
            let h = ctx
                .text
                .first(set, Role::Agent, ctx.slots, ctx.prof.opts, &wide);
            if h.is_some() {
                p.hits[k] = h;
                p.missing.retain(|m| m != name);
            }
        }
    }
    let extra = if p.missing.contains(&"selamat + time of day") {
        wrong_time_of_day(ctx, &s.closing_salutation, &accept)
    } else {
        None
    };
    let mut res = parts_verdict(ctx, &p, "closing", extra);
    if res.evidence_text.is_empty() {
        if let Some(&t) = last.first() {
            res.evidence_time = Some(EvidenceTime::Offset(ctx.text.turns[t].start));
            res.evidence_text = ctx.text.turns[t].text.clone();
        }
    }
    res
}

pub fn forbidden_phrases(ctx: &Ctx) -> StepResult {
    let all = |_| true;
    let f = &ctx.prof.profile.steps.forbidden_phrases;
    let keep = |h: &crate::matching::Hit| {
        !ctx.text.negated(
            h,
            &ctx.prof.forbidden_negations,
            &ctx.prof.forbidden_negation_exceptions,
            (f.negation_window, f.negation_after_window),
        )
    };
    let (said, _) = ctx.text.first_kept(
        &ctx.prof.sets.forbidden,
        Role::Agent,
        ctx.slots,
        ctx.prof.opts,
        &all,
        &keep,
    );
    match said {
        Some(h) => ctx.evidence(
            Status::Fail,
            // The words said, not the profile's pattern ("[a|b]", "{slot}").
            format!(
                "forbidden line said: \"{}\"",
                ctx.text.said(&h, &ctx.prof.norm)
            ),
            &h,
        ),
        None => StepResult {
            status: Status::Pass,
            reason: String::new(),
            evidence_time: None,
            evidence_text: format!("none of the {} forbidden lines said", f.lines.len()),
            similarity: None,
            loose: 0,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::lcs;

    #[test]
    fn digits_in_order() {
        assert_eq!(lcs(b"542219281283", b"5422192812803"), 12);
        assert_eq!(lcs(b"", b"123"), 0);
        assert_eq!(lcs(b"321", b"123"), 1);
        assert_eq!(lcs(b"123", b""), 0);
        assert_eq!(lcs(b"1212", b"2121"), 3);
        assert_eq!(lcs(b"5421001", b"0015421"), 4);
    }
}
