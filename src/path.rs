//! Which SOP branch a call had to follow (SPEC §2): the prior report, its state at the
//! call's start, urgency from the caller's words, and what APKT and SIMONE must show.

use crate::ingest::report_index::{ReportIndex, ReportMeta};
use crate::matching::phrase::Slots;
use crate::matching::{CallText, Hit};
use crate::model::numbers::{report_key, NumberKind};
use crate::model::{ActionKind, Call, PathKind, Report, Role};
use crate::profile::Compiled;

/// How the prior report was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriorVia {
    Action,
    Phone,
}

/// The branch a call had to follow, with everything the action steps need.
#[derive(Debug, Clone)]
pub struct PathInfo {
    pub kind: PathKind,
    pub urgent: bool,
    /// The caller's words that made the call urgent.
    pub urgent_hit: Option<Hit>,
    /// The prior report's full row.
    pub prior: Option<Report>,
    pub prior_via: Option<PriorVia>,
    pub prior_age_h: Option<f64>,
    /// The prior report was escalated before, or SIMONE said so.
    pub already_escalated: bool,
    /// Number of the report this call created, if any.
    pub new_report_no: Option<String>,
    pub number_kind: NumberKind,
}

impl PathInfo {
    /// SIMONE escalation types the path accepts, and the report they must be on;
    /// `None` when no escalation is called for.
    pub fn expected_escalation(&self, prof: &Compiled) -> Option<(Vec<String>, Option<String>)> {
        let e = &prof.profile.paths.escalation;
        let prior_no = self.prior.as_ref().map(|r| r.report_no.clone());
        let mut types = Vec::new();
        let target = match self.kind {
            PathKind::FirstReport | PathKind::TusbungPaid => self.new_report_no.clone(),
            PathKind::RepeatResolved => {
                types.push(e.resolved.clone());
                self.new_report_no.clone()
            }
            PathKind::RepeatOpenLt12h => prior_no,
            PathKind::RepeatOpenGe12h => {
                types.push(if self.already_escalated {
                    e.already_escalated.clone()
                } else {
                    e.open_ge12h.clone()
                });
                prior_no
            }
        };
        if self.urgent {
            types.push(e.urgent.clone());
        }
        (!types.is_empty()).then_some((types, target))
    }
}

/// Decides the path of a call.
pub fn decide(
    call: &Call,
    text: &CallText,
    slots: &Slots,
    reports: &ReportIndex,
    prof: &Compiled,
) -> PathInfo {
    let started = call.meta.started_at;
    let p = &prof.profile.paths;
    // Prior report: referenced by an action and created before the call ...
    let referenced = call.actions.iter().filter_map(|a| match a.kind {
        ActionKind::Search | ActionKind::Update | ActionKind::LaporUlang => {
            Some(a.report_no.as_str())
        }
        ActionKind::Create => Some(a.ref_report_no.as_str()),
        ActionKind::Escalate | ActionKind::Notice => None,
    });
    let mut prior: Option<ReportMeta> = None;
    for no in referenced.filter(|s| !s.is_empty()) {
        if let Some(m) = reports.find(no) {
            if m.created_at < started && prior.is_none_or(|p| m.created_at > p.created_at) {
                prior = Some(m);
            }
        }
    }
    let mut prior_via = prior.map(|_| PriorVia::Action);
    // ... failing that, the newest unresolved report on the caller's number (the later
    // row of the export on a tie).
    if prior.is_none() {
        prior = reports
            .on_phone(&call.meta.caller_number)
            .into_iter()
            .filter(|m| m.created_at < started && m.resolved_at.is_none_or(|t| t > started))
            .max_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id().cmp(&b.id())));
        prior_via = prior.map(|_| PriorVia::Phone);
    }
    let prior_meta = prior;
    let prior = prior.and_then(|m| reports.load_row(&m));
    let prior_via = prior_via.filter(|_| prior.is_some());
    let all = |_: usize| true;
    let keep = |h: &crate::matching::Hit| {
        // "anak saya ... tidak ada yang sakit": a negation inside the cue too.
        !text.negated(
            h,
            &prof.urgent_negations,
            &[],
            (prof.profile.urgent.negation_window, 0),
        ) && !text.negated_inside(h, &prof.urgent_negations)
            // "bengkel" (a workshop) is not "jengkel" heard one letter off: a cue
            // stands on the caller's words as said, not on a real word misread.
            && !text.misread_word_in(h)
    };
    let (urgent_hit, _) = text.first_kept(
        &prof.sets.urgent,
        Role::Caller,
        slots,
        prof.opts,
        &all,
        &keep,
    );
    let new_report_no = call
        .actions
        .iter()
        .find(|a| a.kind == ActionKind::Create && !a.report_no.is_empty())
        .map(|a| a.report_no.clone());
    let notice = report_key(&p.already_escalated_notice);
    let noticed = call.actions.iter().any(|a| {
        a.kind == ActionKind::Notice && !notice.is_empty() && report_key(&a.note).contains(&notice)
    });
    let (kind, age, already) = match prior_meta.filter(|_| prior.is_some()) {
        None => {
            // The category comes from the create; with no create at all (itself a
            // failure) the caller's words alone decide.
            let mut creates = call
                .actions
                .iter()
                .filter(|a| a.kind == ActionKind::Create)
                .peekable();
            let tusbung = creates.peek().is_none()
                || creates.any(|a| a.category.eq_ignore_ascii_case(&p.tusbung_category));
            let says = |set| {
                text.first(set, Role::Caller, slots, prof.opts, &all)
                    .is_some()
            };
            // "belum bayar", "pembayarannya belum beres", "mau saya lunasi": not paid.
            let not_paid = &prof.tusbung_not_paid;
            let paid_kept = |h: &crate::matching::Hit| {
                !text.negated(h, not_paid, &[], (prof.profile.tusbung.not_paid_window, 0))
                    && !text.negated_inside(h, not_paid)
            };
            let paid = || {
                text.first_kept(
                    &prof.sets.tusbung_paid,
                    Role::Caller,
                    slots,
                    prof.opts,
                    &all,
                    &paid_kept,
                )
                .0
                .is_some()
            };
            let kind = if tusbung && paid() && says(&prof.sets.tusbung_reconnect) {
                PathKind::TusbungPaid
            } else {
                PathKind::FirstReport
            };
            (kind, None, false)
        }
        Some(m) => {
            let age_h = (started - m.created_at).num_milliseconds() as f64 / 3_600_000.0;
            let resolved = m.resolved_at.is_some_and(|t| t <= started);
            let escalated = m.escalated_at.is_some_and(|t| t <= started);
            let kind = if resolved {
                PathKind::RepeatResolved
            } else if age_h >= p.repeat_open_hours {
                PathKind::RepeatOpenGe12h
            } else {
                PathKind::RepeatOpenLt12h
            };
            (kind, Some(age_h), noticed || escalated)
        }
    };
    PathInfo {
        kind,
        urgent: urgent_hit.is_some(),
        urgent_hit,
        prior,
        prior_via,
        prior_age_h: age,
        already_escalated: already,
        new_report_no,
        number_kind: NumberKind::of(&call.meta.caller_number, &p.mobile_prefixes),
    }
}
