//! The sixteen step checks of SPEC §3. Each check returns a [`StepResult`]: a status,
//! a reason on FAIL (and NA), and evidence: the turn (time and text) that passed or
//! nearly passed, or the action row at fault, with the match similarity.
//!
//! Dialogue steps are in [`dialogue`] and [`closing`], APKT / SIMONE steps in [`systems`].

mod closing;
mod dialogue;
mod parts;
mod readback;
mod systems;
mod verify;

use crate::matching::phrase::{name_alternatives, Phrase, Slots};
use crate::matching::{CallText, Hit, LOOSE_COST};
use crate::model::{Action, Call, EvidenceTime, Role, Status, StepId};
use crate::path::PathInfo;
use crate::profile::Compiled;
use chrono::Timelike;

/// The verdict of one step.
#[derive(Debug, Clone, PartialEq)]
pub struct StepResult {
    pub status: Status,
    pub reason: String,
    /// When the evidence happened: the evidence turn's start (seconds from call
    /// start) or the evidence action's timestamp; `None` without evidence.
    pub evidence_time: Option<EvidenceTime>,
    pub evidence_text: String,
    /// Match similarity of the evidence, 0..=1, when it is a phrase match.
    pub similarity: Option<f64>,
    /// Words of the evidence said only at the loose level.
    pub loose: u8,
}

impl StepResult {
    /// How sure the verdict is, 0..=1: for a PASS its evidence's similarity less
    /// [`LOOSE_COST`] per loose word; for a FAIL one less its nearest miss's
    /// similarity; 1 for NA and for verdicts on the action log.
    pub fn confidence(&self) -> f64 {
        let sim = self.similarity.unwrap_or(1.0);
        let c = match self.status {
            Status::Pass => sim - LOOSE_COST * f64::from(self.loose),
            Status::Fail if self.similarity.is_some() => 1.0 - sim,
            _ => 1.0,
        };
        c.clamp(0.0, 1.0)
    }

    fn na(reason: impl Into<String>) -> StepResult {
        StepResult {
            status: Status::Na,
            reason: reason.into(),
            evidence_time: None,
            evidence_text: String::new(),
            similarity: None,
            loose: 0,
        }
    }

    fn action(status: Status, reason: impl Into<String>, a: Option<&Action>) -> StepResult {
        StepResult {
            status,
            reason: reason.into(),
            evidence_time: a.map(|a| EvidenceTime::At(a.at)),
            evidence_text: a.map(Action::describe).unwrap_or_default(),
            similarity: None,
            loose: 0,
        }
    }
}

/// Everything a check may read about one call.
pub struct Ctx<'a> {
    pub call: &'a Call,
    pub text: &'a CallText,
    pub prof: &'a Compiled,
    pub path: &'a PathInfo,
    pub slots: &'a Slots,
}

impl Ctx<'_> {
    /// The prior report, on the repeat paths that verify it.
    fn repeat_prior(&self) -> Option<&crate::model::Report> {
        self.path
            .prior
            .as_ref()
            .filter(|_| self.path.kind.is_repeat())
    }

    fn find(&self, set: &[Phrase], role: Role, accept: &dyn Fn(usize) -> bool) -> Option<Hit> {
        self.text
            .find(set, role, self.slots, self.prof.opts, accept)
    }

    /// [`Ctx::find`] when a search with the same arguments already found no full
    /// match: only the near-miss part is left to do.
    fn nearest(&self, set: &[Phrase], role: Role, accept: &dyn Fn(usize) -> bool) -> Option<Hit> {
        self.text
            .nearest(set, role, self.slots, self.prof.opts, accept)
    }

    /// A result from a (possibly missing) hit: PASS when matched, else FAIL with `reason`
    /// and the nearest miss as evidence.
    fn verdict(&self, hit: Option<Hit>, reason: impl Into<String>) -> StepResult {
        let floor = self.prof.profile.matching.nearest_floor;
        match hit {
            Some(h) if h.matched() => self.evidence(Status::Pass, String::new(), &h),
            // A miss this far from the phrase is some other sentence: showing it as
            // "nearest" would send the reader to an unrelated turn.
            Some(h) if h.score < floor => StepResult {
                status: Status::Fail,
                reason: format!("{}: not said", reason.into()),
                evidence_time: None,
                evidence_text: String::new(),
                similarity: Some(h.score),
                loose: 0,
            },
            Some(h) => self.evidence(
                Status::Fail,
                format!(
                    "{} (nearest: {:.0}% of the phrase)",
                    reason.into(),
                    h.score * 100.0
                ),
                &h,
            ),
            None => StepResult {
                status: Status::Fail,
                reason: format!("{}: not said", reason.into()),
                evidence_time: None,
                evidence_text: String::new(),
                similarity: Some(0.0),
                loose: 0,
            },
        }
    }

    fn evidence(&self, status: Status, reason: String, h: &Hit) -> StepResult {
        let (t, text) = self.text.evidence(h);
        StepResult {
            status,
            reason,
            evidence_time: Some(EvidenceTime::Offset(t)),
            evidence_text: text,
            similarity: Some(h.score),
            loose: h.loose,
        }
    }
}

/// Slot values of a call: agent name, CRM caller name, accepted times of day.
pub fn slots_for(call: &Call, prof: &Compiled) -> Slots {
    let mut slots = Slots::default();
    slots.insert("agent_name", name_alternatives(&call.meta.agent_name));
    // Callers are addressed by their given name ("pak Budi"); a family name is shared
    // with the household and would also match the prior report's name.
    let mut caller = name_alternatives(&call.meta.crm_caller_name);
    caller.truncate(1);
    slots.insert("caller_name", caller);
    let t = call.meta.started_at;
    let minute = t.hour() * 60 + t.minute();
    slots.insert(
        "time_of_day",
        prof.bands_at(minute)
            .into_iter()
            .map(|b| vec![b.to_string()])
            .collect(),
    );
    slots
}

/// Runs every check, in [`StepId::ALL`] order.
pub fn check_all(ctx: &Ctx) -> Vec<StepResult> {
    // What the read-backs of steps 4 and 6 share, built once.
    let shared = readback::Shared::default();
    let out: [StepResult; StepId::ALL.len()] = [
        dialogue::greeting(ctx),
        dialogue::caller_name(ctx),
        dialogue::prior_report_question(ctx),
        verify::data_verification(ctx, &shared),
        dialogue::empathy(ctx),
        dialogue::status_update(ctx, &shared),
        dialogue::phone_verification(ctx),
        systems::apkt_action(ctx),
        systems::apkt_note(ctx),
        systems::simone_escalation(ctx),
        dialogue::clarity_check(ctx),
        dialogue::eta_3x24(ctx),
        dialogue::service_guarantee(ctx),
        closing::ticket_number(ctx),
        closing::closing(ctx),
        closing::forbidden_phrases(ctx),
    ];
    out.into_iter()
        .zip(&ctx.prof.thresholds)
        .map(|(mut r, threshold)| {
            if let Some(t) = *threshold {
                let c = r.confidence();
                if r.status == Status::Pass && c + 1e-9 < t {
                    r.status = Status::Fail;
                    // `{:.2}` is what the reports' `fixed(_, 2)` writes, byte for byte.
                    r.reason = format!(
                        "evidence too uncertain: confidence {c:.2} below the step's threshold {t:.2}"
                    );
                }
            }
            r
        })
        .collect()
}

#[cfg(test)]
mod address_class_tests;
#[cfg(test)]
mod class_tests;
#[cfg(test)]
mod closing_class_tests;
#[cfg(test)]
mod glue_class_tests;
#[cfg(test)]
mod question_glue_class_tests;
#[cfg(test)]
mod rule_tests;
#[cfg(test)]
mod short_form_class_tests;
#[cfg(test)]
mod split_class_tests;
#[cfg(test)]
mod wording_class_tests;
