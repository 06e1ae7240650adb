//! The small calls the step-rule tables are built from.

use super::super::*;
use crate::model::numbers::NumberKind;
use crate::model::{ActionKind, CallMeta, PathKind, Report, Turn};
use crate::path::PathInfo;
use std::sync::OnceLock;

pub(super) fn prof() -> &'static Compiled {
    static PROF: OnceLock<Compiled> = OnceLock::new();
    PROF.get_or_init(Compiled::builtin)
}

fn at(hhmmss: &str) -> crate::model::Timestamp {
    chrono::DateTime::parse_from_rfc3339(&format!("2026-11-20T{hhmmss}+07:00")).expect("time")
}

/// A call: agent Rahmat at 08:00, turns "A: ..." / "C: ..." four seconds apart, taking
/// path `kind`; a repeat path has prior report K1 (made at 06:00, answer "petugas
/// sudah menuju lokasi").
#[derive(Clone)]
pub(super) struct Case {
    turns: &'static [&'static str],
    kind: PathKind,
    actions: Vec<Action>,
    new_report_no: Option<&'static str>,
    number: NumberKind,
    crm: &'static str,
    /// The prior report's caller name, address and problem.
    report: (&'static str, &'static str, &'static str),
}

pub(super) fn case(turns: &'static [&'static str]) -> Case {
    Case {
        turns,
        kind: PathKind::FirstReport,
        actions: Vec::new(),
        new_report_no: None,
        number: NumberKind::Mobile,
        crm: "",
        report: (
            "Budi Santoso",
            "Jalan Melati nomor 5 Cibubur",
            "listrik padam sejak pagi",
        ),
    }
}

impl Case {
    pub(super) fn path(mut self, kind: PathKind) -> Case {
        self.kind = kind;
        self
    }
    pub(super) fn new_no(mut self, no: &'static str) -> Case {
        self.new_report_no = Some(no);
        self
    }
    pub(super) fn number(mut self, n: NumberKind) -> Case {
        self.number = n;
        self
    }
    /// The prior report's caller name, address and problem.
    pub(super) fn report(
        mut self,
        name: &'static str,
        address: &'static str,
        problem: &'static str,
    ) -> Case {
        self.report = (name, address, problem);
        self
    }
    pub(super) fn crm(mut self, name: &'static str) -> Case {
        self.crm = name;
        self
    }
    /// Adds an action: kind, report number, ref, escalation type, note.
    pub(super) fn act(mut self, kind: ActionKind, no: &str, r: &str, ty: &str, note: &str) -> Case {
        self.actions.push(Action {
            call_id: "T1".into(),
            at: at("08:01:00"),
            kind,
            report_no: no.into(),
            ref_report_no: r.into(),
            category: "GANGGUAN".into(),
            escalation_type: ty.into(),
            note: note.into(),
            line: self.actions.len() as u64 + 2,
            file: "actions.csv".into(),
        });
        self
    }

    fn call(&self) -> Call {
        let turns = self.turns.iter().enumerate().map(|(i, t)| {
            let (role, text) = match t.split_once(": ") {
                Some(("C", x)) => (Role::Caller, x),
                Some((_, x)) => (Role::Agent, x),
                None => (Role::Agent, *t),
            };
            let start = i as f64 * 4.0;
            Turn {
                role,
                start,
                end: start + 3.0,
                text: text.into(),
            }
        });
        Call {
            meta: CallMeta {
                call_id: "T1".into(),
                started_at: at("08:00:00"),
                duration_s: None,
                agent_id: "A1".into(),
                agent_name: "Rahmat".into(),
                site_code: "54".into(),
                team: String::new(),
                caller_number: "081234567890".into(),
                crm_caller_name: self.crm.into(),
                transcript: String::new(),
                line: 2,
                file: "calls.csv".into(),
            },
            turns: turns.collect(),
            actions: self.actions.clone(),
            asr_confidence: None,
        }
    }

    pub(super) fn verdict(&self, step: StepId) -> StepResult {
        let prof = prof();
        let call = self.call();
        let text = CallText::new(&call.turns, &prof.norm, Some(&prof.lexicon), 2);
        let slots = slots_for(&call, prof);
        let prior = self.kind.is_repeat().then(|| Report {
            report_no: "K1".into(),
            created_at: at("06:00:00"),
            resolved_at: (self.kind == PathKind::RepeatResolved).then(|| at("07:00:00")),
            category: "GANGGUAN".into(),
            caller_name: self.report.0.into(),
            address: self.report.1.into(),
            problem: self.report.2.into(),
            caller_phone: "081234567890".into(),
            escalated_at: None,
            unit_answer: "petugas sudah menuju lokasi".into(),
        });
        let path = PathInfo {
            kind: self.kind,
            urgent: false,
            urgent_hit: None,
            prior,
            prior_via: None,
            prior_age_h: self.kind.is_repeat().then_some(2.0),
            already_escalated: false,
            new_report_no: self.new_report_no.map(String::from),
            number_kind: self.number,
        };
        let ctx = Ctx {
            call: &call,
            text: &text,
            prof,
            path: &path,
            slots: &slots,
        };
        check_all(&ctx).swap_remove(step.index())
    }
}
