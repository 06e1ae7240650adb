//! Step 4: the agent confirms the prior report's name, address and problem, read back
//! word by word ([`super::readback`]).
//!
//! A field the first pass finds not read back gets a wider look (suffixes, glued
//! words, an address's one-digit numbers), but only in the turns where another field
//! was read back as said, and not from a token of the unit's answer: a read-back is
//! one passage, and a report word said in passing elsewhere or in the status
//! ("tagihannya sudah dikoreksi") confirms nothing.

use super::readback::{
    content_words, enough, read_back_bits, read_back_wider, words_and_digits, Glue, Heard,
    ReadBack, Shared,
};
use super::{Ctx, StepResult};
use crate::model::{EvidenceTime, Status};

/// One field of the prior report and how far it was read back.
struct Field {
    label: &'static str,
    words: Vec<String>,
    /// An address's one-digit numbers, counted only in the wider look.
    digits: Vec<String>,
    heard: Heard,
    read: ReadBack,
    /// The words each agent turn says, as the first pass found.
    said: Vec<u64>,
    ok: bool,
}

pub fn data_verification<'a>(ctx: &Ctx<'a>, shared: &Shared<'a>) -> StepResult {
    let Some(prior) = ctx.repeat_prior() else {
        return StepResult::na("first report: no prior report to verify");
    };
    let min = ctx.prof.profile.steps.data_verification.min_share;
    let fuzz = ctx.prof.opts.fuzz;
    let agent = shared.agent(ctx);
    // One word of the name is enough: the agent says "atas nama bapak Rudi".
    let ok = |label: &str, r: &ReadBack, words: usize, n: usize| {
        if label == "name" {
            r.matched >= 1 || words == 0
        } else {
            enough(ctx, r, min, n)
        }
    };
    let mut fields: Vec<Field> = [
        ("name", prior.caller_name.as_str()),
        ("address", prior.address.as_str()),
        ("problem", prior.problem.as_str()),
    ]
    .into_iter()
    .map(|(label, text)| {
        let (words, digits) = match label {
            "problem" => (shared.problem(ctx, text).to_vec(), Vec::new()),
            "address" => words_and_digits(ctx, text),
            _ => (content_words(ctx, text), Vec::new()),
        };
        // A name may be heard as a neighbouring spelling; an address or a problem
        // read back whole may also have a short word one letter off.
        let heard = if label == "name" {
            Heard::Sound
        } else {
            Heard::Loosely
        };
        let (read, said) = read_back_bits(agent, &words, fuzz, heard);
        let ok = ok(label, &read, words.len(), words.len());
        Field {
            label,
            words,
            digits,
            heard,
            read,
            said,
            ok,
        }
    })
    .collect();
    let anchors: Vec<usize> = fields
        .iter()
        .filter(|f| f.ok)
        .filter_map(|f| f.read.turn)
        .collect();
    if !anchors.is_empty() && fields.iter().any(|f| !f.ok) {
        // A word of the word list, bare or inflected ("keluhan" of "keluh").
        let list = crate::matching::dictionary::list();
        let known =
            |w: &str| list.contains(w) || crate::matching::stem::any_form(w, |f| list.contains(f));
        let told = shared.answer(ctx, &prior.unit_answer);
        let glue = Glue {
            words: &ctx.prof.profile.normalize.glued_words,
            known: &known,
            near: &anchors,
            told,
        };
        for f in fields.iter_mut().filter(|f| !f.ok) {
            let r = read_back_wider(agent, &f.words, &f.said, &f.digits, fuzz, f.heard, &glue);
            if ok(f.label, &r, f.words.len(), f.words.len() + f.digits.len()) {
                f.read = r;
                f.ok = true;
            }
        }
    }
    let mut missing = Vec::new();
    let mut evidence: Option<(usize, f64)> = None;
    for f in &fields {
        if !f.ok {
            missing.push(format!(
                "{} ({} of {} words of \"{}\")",
                f.label,
                f.read.matched,
                f.words.len(),
                f.words.join(" ")
            ));
        } else if let Some(t) = f.read.turn {
            if f.label != "name" && evidence.is_none_or(|(_, s)| f.read.share > s) {
                evidence = Some((t, f.read.share));
            }
        }
    }
    let (time, text) = evidence
        .map(|(t, _)| {
            let turn = &ctx.text.turns[t];
            (Some(EvidenceTime::Offset(turn.start)), turn.text.clone())
        })
        .unwrap_or_default();
    StepResult {
        status: if missing.is_empty() {
            Status::Pass
        } else {
            Status::Fail
        },
        reason: if missing.is_empty() {
            String::new()
        } else {
            format!(
                "agent does not confirm the prior report {}'s {}",
                prior.report_no,
                missing.join(", ")
            )
        },
        evidence_time: time,
        evidence_text: text,
        similarity: evidence.map(|e| e.1),
        loose: 0,
    }
}
