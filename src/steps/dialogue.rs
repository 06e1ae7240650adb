//! Dialogue steps 1–3, 5–7 and 9–10: what the agent must say, found by phrase matching
//! (step 4, the read-back of the prior report, is [`super::verify`]).

use super::parts::{parts, parts_verdict, wrong_time_of_day};
use super::readback::{answer_told, read_back, Heard, Shared};
use super::{Ctx, StepResult};
use crate::matching::normalize::Token;
use crate::matching::phrase::word_eq;
use crate::matching::Hit;
use crate::model::numbers::NumberKind;
use crate::model::{EvidenceTime, Role, Status};

pub fn greeting(ctx: &Ctx) -> StepResult {
    let g = &ctx.prof.profile.steps.greeting;
    // The opening is the first agent turn and the agent turns that continue it (a
    // greeting split by the ASR), up to the first real caller turn.
    let backchannel = match g.interjection_tokens {
        0 => ctx.prof.profile.matching.backchannel_tokens,
        n => n,
    };
    let mut opening: Vec<usize> = Vec::new();
    if let Some(first) = ctx.text.turns_of(Role::Agent).next() {
        for (i, t) in ctx.text.turns.iter().enumerate().skip(first) {
            if t.role == Role::Agent {
                if opening.len() == g.turns || t.start > g.window_s {
                    break;
                }
                opening.push(i);
            } else if ctx.text.tokens_of(i).len() > backchannel {
                break;
            }
        }
    }
    if opening.is_empty() {
        return StepResult {
            status: Status::Fail,
            reason: format!("no agent turn in the first {} s", g.window_s),
            evidence_time: None,
            evidence_text: String::new(),
            similarity: Some(0.0),
            loose: 0,
        };
    }
    let accept = |i: usize| opening.contains(&i);
    let s = &ctx.prof.sets;
    let mut p = parts(
        ctx,
        &[
            ("PLN 123", &s.greet_pln),
            ("selamat + time of day", &s.greet_salutation),
            ("own name", &s.greet_name),
            ("offer to help", &s.greet_offer),
        ],
        &accept,
    );
    // The name glued to the word after it ("bayudi sini") is the name said.
    if p.missing.contains(&"own name")
        && glued_name(ctx, &opening, "agent_name", &g.name_glued, &|_, _| false).is_some()
    {
        p.missing.retain(|m| *m != "own name");
    }
    // With every other part said, the offer may carry more small slips.
    if p.missing == ["offer to help"] && g.offer_loose_words > ctx.prof.opts.loose {
        let opts = crate::matching::phrase::MatchOptions {
            loose: g.offer_loose_words,
            anchored: true,
            ..ctx.prof.opts
        };
        let offer = ctx
            .text
            .first(&s.greet_offer, Role::Agent, ctx.slots, opts, &accept)
            .filter(Hit::matched);
        if let Some(h) = offer {
            p.hits[3] = Some(h);
            p.missing.clear();
        }
    }
    let extra = if p.missing.contains(&"selamat + time of day") {
        wrong_time_of_day(ctx, &s.greet_salutation, &accept)
    } else {
        None
    };
    let mut res = parts_verdict(ctx, &p, "greeting", extra);
    if res.evidence_text.is_empty() {
        let t = &ctx.text.turns[opening[0]];
        res.evidence_time = Some(EvidenceTime::Offset(t.start));
        res.evidence_text = t.text.clone();
    }
    res
}

pub fn caller_name(ctx: &Ctx) -> StepResult {
    let crm = ctx.call.meta.crm_caller_name.trim();
    let all = |_| true;
    if !crm.is_empty() && !ctx.slots["caller_name"].is_empty() {
        // Addressing is the identification of step 2: not the name read back from a
        // report ("atas nama Budi"), not the courtesy of the closing turns.
        let agent: Vec<usize> = ctx.text.turns_of(Role::Agent).collect();
        let closing = ctx.prof.profile.steps.closing.last_turns;
        // (In a short call the closing is at most its second half.)
        let opening = &agent[..agent.len().saturating_sub(closing).max(agent.len() / 2)];
        let before = &ctx.prof.caller_name_readback;
        let accept = |i: usize| opening.contains(&i);
        let fuzz = ctx.prof.opts.fuzz;
        let keep = |h: &Hit| {
            // The cue may stand before the honorific too ("atas nama pak Budi").
            let prev = ctx.text.tokens_before(h, 4);
            !before.iter().any(|b| {
                prev.windows(b.len())
                    .any(|w| w.iter().zip(b).all(|(t, c)| word_eq(c, t, fuzz)))
            })
        };
        let (addressing, head) = ctx.text.first_kept(
            &ctx.prof.sets.name_address,
            Role::Agent,
            ctx.slots,
            ctx.prof.opts,
            &accept,
            &keep,
        );
        if let Some(h) = addressing {
            return ctx.verdict(Some(h), "");
        }
        // An honorific glued to the name ("ibuhesti") addresses the caller too.
        let readback = |toks: &[Token], k: usize| {
            let prev = &toks[k.saturating_sub(4)..k];
            before.iter().any(|b| {
                prev.windows(b.len())
                    .any(|w| w.iter().zip(b).all(|(t, c)| word_eq(c, t, fuzz)))
            })
        };
        let glued_honorifics = &ctx.prof.profile.steps.caller_name.glued_honorifics;
        if let Some(t) = glued_name(ctx, opening, "caller_name", glued_honorifics, &readback) {
            return turn_evidence(ctx, t);
        }
        if let Some(h) = head {
            return ctx.evidence(
                Status::Fail,
                format!("CRM shows the caller as \"{crm}\"; the agent says the name only reading a report back"),
                &h,
            );
        }
        let h = ctx.find(&ctx.prof.sets.name_address, Role::Agent, &accept);
        return ctx.verdict(
            h,
            format!(
                "CRM shows the caller as \"{crm}\" but the agent never addresses them by that name"
            ),
        );
    }
    let h = ctx.find(&ctx.prof.sets.name_ask, Role::Agent, &all);
    ctx.verdict(h, "agent never asks the caller's name")
}

pub fn prior_report_question(ctx: &Ctx) -> StepResult {
    let s = &ctx.prof.sets;
    let all = |_| true;
    let ask = ctx.find(&s.prior_ask, Role::Agent, &all);
    let Some(q) = ask.filter(|h| h.matched()) else {
        return ctx.verdict(
            ask,
            "agent never asks whether the caller has reported before",
        );
    };
    // The caller's answer: their first turn after the question.
    let mut callers = ctx.text.turns_of(Role::Caller).filter(|&i| i > q.last_turn);
    let Some(mut a) = callers.next() else {
        return ctx.verdict(Some(q), "");
    };
    let said_in = |set, turn: usize| {
        let only = |i: usize| i == turn;
        ctx.text
            .first(set, Role::Caller, ctx.slots, ctx.prof.opts, &only)
            .is_some()
    };
    // A backchannel while the question goes on ("sudah pernah melapor" / "iya" / "soal
    // lampu mati ini?") is no answer yet: the caller's next turn, when it says yes or
    // no, is. Only a bare "ya" or a filler: "belum", "pernah" answer.
    let pq = &ctx.prof.profile.steps.prior_report_question;
    let bare = ctx
        .text
        .tokens_of(a)
        .iter()
        .all(|t| pq.backchannel.iter().any(|w| w == t));
    if bare {
        if let Some(b) = callers.next().filter(|&b| b <= a + pq.follow_up_turns) {
            if said_in(&s.prior_no, b) || said_in(&s.prior_yes, b) {
                a = b;
            }
        }
    }
    let said = |set| said_in(set, a);
    // An answer that already gives a number (report number, customer id) needs no
    // follow-up question.
    let digits: usize = ctx
        .text
        .tokens_of(a)
        .iter()
        .filter(|t| t.bytes().all(|b| b.is_ascii_digit()))
        .map(|t| t.len())
        .sum();
    let gives_number = digits >= 6;
    if said(&s.prior_no) || !said(&s.prior_yes) || gives_number {
        return ctx.verdict(Some(q), "");
    }
    // The follow-up question comes with the question or right after the answer, not
    // when the agent reads out a number at the end of the call.
    let window = ctx.prof.profile.steps.prior_report_question.follow_up_turns;
    let after = |i: usize| i >= q.first_turn && i <= a + window;
    // A number inside the request is an address or a report read out ("di jalan
    // kenari no 8, laporannya lampu padam"), not a request for the number.
    let asks = |h: &Hit| {
        let span = ctx.text.span_tokens(h);
        span.len() < 3
            || !span[1..span.len() - 1]
                .iter()
                .any(|t| t.bytes().all(|b| b.is_ascii_digit()))
    };
    let reason = "caller says they reported before but the agent never asks for the report number, the phone used or the customer id / meter number";
    match ctx.text.first_kept(
        &s.prior_identifier,
        Role::Agent,
        ctx.slots,
        ctx.prof.opts,
        &after,
        &asks,
    ) {
        (Some(h), _) => ctx.verdict(Some(h), ""),
        (None, Some(read_out)) => {
            let mut r = ctx.evidence(Status::Fail, reason.into(), &read_out);
            r.similarity = Some(0.5);
            r
        }
        (None, None) => {
            let other = ctx.nearest(&s.prior_identifier, Role::Agent, &after);
            let mut r = ctx.verdict(other, reason);
            if r.evidence_text.is_empty() {
                r = ctx.evidence(Status::Fail, r.reason, &q);
            }
            r
        }
    }
}

pub fn empathy(ctx: &Ctx) -> StepResult {
    let all = |_| true;
    let q = &ctx.prof.empathy_question_words;
    let e = &ctx.prof.profile.steps.empathy;
    // A polite preface to a question is not empathy: a question word inside the
    // apology ("maaf, dengan siapa"), or right after one that does not say "atas"
    // ("maaf untuk kendala ini, sudah pernah dilaporkan?").
    let keep = |h: &Hit| {
        let span = ctx.text.span_tokens(h);
        // Only what follows the last word of contrast can still ask: "maaf, bapak sudah
        // melapor namun gangguannya terulang" concedes the report, names the problem.
        let from = span
            .iter()
            .rposition(|t| e.concession.iter().any(|w| w == t))
            .map_or(0, |i| i + 1);
        let inside = span[from..].iter().any(|t| q.iter().any(|w| w == t));
        let after = !span.iter().any(|t| e.apology_object.iter().any(|w| w == t))
            && ctx
                .text
                .tokens_after(h, e.question_after)
                .iter()
                .any(|t| e.question_after_words.iter().any(|w| w == t));
        !inside && !after
    };
    let (genuine, head) = ctx.text.first_kept(
        &ctx.prof.sets.empathy,
        Role::Agent,
        ctx.slots,
        ctx.prof.opts,
        &all,
        &keep,
    );
    match (genuine, head) {
        (Some(h), _) => ctx.verdict(Some(h), ""),
        (None, Some(h)) => {
            let mut r = ctx.evidence(
                Status::Fail,
                "the only apology is part of a question, not empathy for the problem".into(),
                &h,
            );
            r.similarity = Some(0.5);
            r
        }
        // No full match, only the nearest miss is left to find.
        (None, None) => ctx.verdict(
            ctx.nearest(&ctx.prof.sets.empathy, Role::Agent, &all),
            "agent never apologises for the problem",
        ),
    }
}

pub fn status_update<'a>(ctx: &Ctx<'a>, shared: &Shared<'a>) -> StepResult {
    let Some(prior) = ctx.repeat_prior() else {
        return StepResult::na("first report: no status to tell");
    };
    // The answer's own words, not those it shares with the problem: "token bisa masuk"
    // read back from the problem is not the unit's answer.
    let problem = shared.problem(ctx, &prior.problem);
    let answer: Vec<String> = (shared.answer(ctx, &prior.unit_answer).iter())
        .filter(|w| !problem.iter().any(|p| word_eq(p, w, ctx.prof.opts.fuzz)))
        .cloned()
        .collect();
    if !answer.is_empty() {
        let r = read_back(
            shared.agent(ctx),
            &answer,
            ctx.prof.opts.fuzz,
            Heard::Spelled,
        );
        let min = ctx.prof.profile.steps.status_update.min_share;
        let min_words = ctx.prof.profile.steps.data_verification.min_words;
        if let (true, Some(t)) = (answer_told(&r, min, min_words, answer.len()), r.turn) {
            let turn = &ctx.text.turns[t];
            return StepResult {
                status: Status::Pass,
                reason: String::new(),
                evidence_time: Some(EvidenceTime::Offset(turn.start)),
                evidence_text: turn.text.clone(),
                similarity: Some(r.share),
                loose: 0,
            };
        }
    }
    let all = |_| true;
    let h = ctx.find(&ctx.prof.sets.progress, Role::Agent, &all);
    let what = if prior.unit_answer.trim().is_empty() {
        "agent never tells the caller the progress of the report".to_string()
    } else {
        format!(
            "agent never tells the unit's answer (\"{}\") or the progress",
            prior.unit_answer.trim()
        )
    };
    ctx.verdict(h, what)
}

pub fn phone_verification(ctx: &Ctx) -> StepResult {
    let s = &ctx.prof.sets;
    let all = |_| true;
    let number = &ctx.call.meta.caller_number;
    let kind = ctx.path.number_kind;
    let (right, wrong, need) = match kind {
        NumberKind::Mobile => (
            &s.ask_this_number,
            &s.ask_mobile,
            "whether this mobile number can be contacted",
        ),
        NumberKind::Pstn | NumberKind::Withheld => (
            &s.ask_mobile,
            &s.ask_this_number,
            "for a mobile number that can be contacted",
        ),
    };
    let first = |set| {
        ctx.text
            .first(set, Role::Agent, ctx.slots, ctx.prof.opts, &all)
    };
    if let Some(h) = first(right) {
        return ctx.verdict(Some(h), "");
    }
    let who = match kind {
        NumberKind::Withheld => "the caller number is withheld".to_string(),
        k => format!("the caller number {number} is {}", k.as_str()),
    };
    match first(wrong) {
        Some(h) => ctx.evidence(
            Status::Fail,
            format!("wrong question: {who}, so the agent must ask {need}"),
            &h,
        ),
        // `first(right)` found no full match: only the nearest miss is left.
        None => ctx.verdict(
            ctx.nearest(right, Role::Agent, &all),
            format!("{who} but the agent never asks {need}"),
        ),
    }
}

pub fn clarity_check(ctx: &Ctx) -> StepResult {
    let all = |_| true;
    let what = "agent never asks whether the information was clear";
    let understood = &ctx.prof.clarity_understood;
    if understood.is_empty() {
        return ctx.verdict(ctx.find(&ctx.prof.sets.clarity, Role::Agent, &all), what);
    }
    // "kami paham" is the agent saying they understand, not asking the caller.
    let fuzz = ctx.prof.opts.fuzz;
    let keep = |h: &Hit| {
        let (before, span) = (ctx.text.tokens_before(h, 1), ctx.text.span_tokens(h));
        !understood
            .iter()
            .any(|u| match (u.as_slice(), before, span.first()) {
                ([who, said], [prev], Some(first)) => {
                    word_eq(said, first, fuzz)
                        && (prev == who || crate::matching::phrase::loose_eq(who, prev, fuzz))
                }
                _ => false,
            })
    };
    // The first match is nearly always the question itself: the search for a later
    // one is only done when it is refused.
    let h = ctx.find(&ctx.prof.sets.clarity, Role::Agent, &all);
    if !h.is_some_and(|h| h.matched()) || h.is_some_and(|h| keep(&h)) {
        return ctx.verdict(h, what);
    }
    let (asked, head) = ctx.text.first_kept(
        &ctx.prof.sets.clarity,
        Role::Agent,
        ctx.slots,
        ctx.prof.opts,
        &all,
        &keep,
    );
    match (asked, head) {
        (Some(h), _) => ctx.verdict(Some(h), ""),
        (None, Some(h)) => {
            let mut r = ctx.evidence(
                Status::Fail,
                "the agent only says they understand; no question whether the information was clear"
                    .into(),
                &h,
            );
            r.similarity = Some(0.5);
            r
        }
        (None, None) => ctx.verdict(ctx.nearest(&ctx.prof.sets.clarity, Role::Agent, &all), what),
    }
}

/// The first turn of `turns` with a token that is a name of slot `slot` glued to one
/// of `glue`, before or after it ("bayudi", "ibuhesti"), at a position `skip` does
/// not refuse (`skip` gets the turn's tokens and the token's index).
fn glued_name(
    ctx: &Ctx,
    turns: &[usize],
    slot: &str,
    glue: &[String],
    skip: &dyn Fn(&[Token], usize) -> bool,
) -> Option<usize> {
    let names: Vec<&str> = ctx
        .slots
        .get(slot)?
        .iter()
        .filter_map(|alt| alt.first().map(String::as_str))
        .filter(|n| n.len() >= 3)
        .collect();
    if names.is_empty() || glue.is_empty() {
        return None;
    }
    let fuzz = ctx.prof.opts.fuzz;
    // (A name and what says it share the first letter's sound: most tokens are ruled
    // out by it.)
    let sound = |w: &str| match w.as_bytes().first() {
        Some(b'c' | b'q' | b'k') => b'k',
        Some(b'f' | b'v' | b'p') => b'p',
        Some(b'y' | b'i') => b'i',
        Some(&c) => c,
        None => 0,
    };
    let says = |rest: &str| {
        names.iter().any(|n| {
            (sound(n) == sound(rest) || n.as_bytes().first() == rest.as_bytes().first())
                && (word_eq(n, rest, fuzz) || crate::matching::phrase::same_key(n, rest))
        })
    };
    turns.iter().copied().find(|&i| {
        let toks = ctx.text.tokens_of(i);
        toks.iter().enumerate().any(|(k, t)| {
            glue.iter().any(|g| {
                [t.strip_prefix(g.as_str()), t.strip_suffix(g.as_str())]
                    .into_iter()
                    .flatten()
                    .any(|r| r.len() >= 3 && says(r))
            }) && !skip(toks, k)
        })
    })
}

/// A PASS whose evidence is turn `t` whole.
fn turn_evidence(ctx: &Ctx, t: usize) -> StepResult {
    let turn = &ctx.text.turns[t];
    StepResult {
        status: Status::Pass,
        reason: String::new(),
        evidence_time: Some(EvidenceTime::Offset(turn.start)),
        evidence_text: turn.text.clone(),
        similarity: Some(1.0),
        loose: 1,
    }
}

pub fn eta_3x24(ctx: &Ctx) -> StepResult {
    let all = |_| true;
    let ask = ctx.text.first(
        &ctx.prof.sets.eta_asks,
        Role::Caller,
        ctx.slots,
        ctx.prof.opts,
        &all,
    );
    let Some(q) = ask else {
        return StepResult::na("caller does not ask how long the repair takes");
    };
    let after = |i: usize| i >= q.first_turn;
    let h = ctx.find(&ctx.prof.sets.eta_says, Role::Agent, &after);
    let (t, said) = ctx.text.evidence(&q);
    let mut r = ctx.verdict(
        h,
        format!("caller asks at {t:.1} s (\"{said}\") but the agent never gives the 3 x 24 jam standard"),
    );
    if r.evidence_text.is_empty() {
        r.evidence_time = Some(EvidenceTime::Offset(t));
        r.evidence_text = said;
    }
    r
}

pub fn service_guarantee(ctx: &Ctx) -> StepResult {
    let s = &ctx.prof.sets;
    let all = |_| true;
    let p = parts(
        ctx,
        &[
            ("passing the report to the unit", &s.forward),
            ("prompt follow-up", &s.follow_up),
        ],
        &all,
    );
    parts_verdict(ctx, &p, "service guarantee", None)
}
