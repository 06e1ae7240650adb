//! The rows a call contributes to `actions.csv`, `reports.csv`, `truth.csv` and
//! `expected_calls.csv`, built from its [`Scenario`] and the moments the rendered
//! conversation put the agent on hold.
//!
//! `reports.csv` is an export taken *after* the day's calls (before the nightly run), so it
//! also holds the reports created during the calls, and `escalated_at` / `resolved_at` may
//! lie after a call's start: the auditor has to compare them with `started_at`, as SPEC §2
//! does for resolution.

use super::catalog;
use super::facts::{NumberKind, Scenario, Target, URGENT};
use super::transcript::Anchors;
use callaudit::model::{ActionKind, System};

/// One `actions.csv` row.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionRow {
    /// Local seconds.
    pub at: i64,
    pub system: &'static str,
    pub action: &'static str,
    pub report_no: String,
    pub ref_report_no: String,
    pub category: &'static str,
    pub escalation_type: &'static str,
    pub note: String,
}

/// One `reports.csv` row.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportRow {
    pub report_no: String,
    pub created_at: i64,
    pub resolved_at: Option<i64>,
    pub category: &'static str,
    pub caller_name: String,
    pub address: String,
    pub problem: String,
    pub caller_phone: String,
    pub escalated_at: Option<i64>,
    pub unit_answer: String,
}

fn system_name(kind: ActionKind) -> &'static str {
    match kind.system() {
        System::Apkt => "APKT",
        System::Simone => "SIMONE",
    }
}

/// The call's action log, in time order.
pub fn actions(sc: &Scenario, anchors: &Anchors) -> Vec<ActionRow> {
    let at = |offset: f64| sc.start + offset.floor() as i64;
    let mut rows = Vec::with_capacity(6);
    if let Some(no) = &sc.search {
        rows.push(ActionRow {
            at: at(anchors.search),
            system: "APKT",
            action: ActionKind::Search.as_str(),
            report_no: no.clone(),
            ref_report_no: String::new(),
            category: "",
            escalation_type: "",
            note: String::new(),
        });
    }
    for (i, a) in sc.apkt.iter().enumerate() {
        rows.push(ActionRow {
            at: at(anchors.apkt + 5.0 * i as f64),
            system: system_name(a.kind),
            action: a.kind.as_str(),
            report_no: a.report_no.clone(),
            ref_report_no: a.ref_report_no.clone(),
            category: if a.kind == ActionKind::Create {
                a.category
            } else {
                ""
            },
            escalation_type: "",
            note: a.note.clone(),
        });
    }
    let prior_no = sc.prior.as_ref().map(|p| p.no.as_str()).unwrap_or("");
    let mut t = anchors.escalate;
    if sc.notice {
        rows.push(ActionRow {
            at: at(t),
            system: "SIMONE",
            action: ActionKind::Notice.as_str(),
            report_no: prior_no.to_string(),
            ref_report_no: String::new(),
            category: "",
            escalation_type: "",
            note: catalog::SIMONE_NOTICE.to_string(),
        });
        t += 3.0;
    }
    for e in &sc.escalations {
        let no = match e.target {
            Target::Prior => prior_no.to_string(),
            Target::New => sc
                .new_no
                .clone()
                .expect("escalation on a new report that exists"),
        };
        let note = if e.kind == URGENT {
            urgent_note(sc).to_string()
        } else {
            String::new()
        };
        rows.push(ActionRow {
            at: at(t),
            system: "SIMONE",
            action: ActionKind::Escalate.as_str(),
            report_no: no,
            ref_report_no: String::new(),
            category: "",
            escalation_type: e.kind,
            note,
        });
        t += 4.0;
    }
    rows
}

fn urgent_note(sc: &Scenario) -> &'static str {
    use super::facts::Urgency::*;
    match sc.urgency {
        Some(Sick) => "ADA ORANG SAKIT / ALAT MEDIS DI LOKASI",
        Some(Complaint) => "HARD COMPLAINT",
        Some(Threat) => "PELANGGAN MENGANCAM LAPOR MEDIA / POLISI",
        Some(Danger) => "KONDISI MEMBAHAYAKAN",
        None => "",
    }
}

/// The call's rows in the APKT export: distractor, prior report, reports created in it.
pub fn reports(sc: &Scenario, actions: &[ActionRow]) -> Vec<ReportRow> {
    let first_escalation = |no: &str| {
        actions
            .iter()
            .find(|a| a.action == "escalate" && a.report_no == no)
            .map(|a| a.at)
    };
    let address = sc.address.report();
    let mut rows = Vec::with_capacity(3);
    if let Some(d) = &sc.distractor {
        rows.push(ReportRow {
            report_no: d.no.clone(),
            created_at: d.created,
            resolved_at: d.resolved,
            category: d.problem.category,
            caller_name: sc.caller.full.clone(),
            address: address.clone(),
            problem: d.problem.report.to_string(),
            caller_phone: sc.caller.number_local.clone(),
            escalated_at: None,
            unit_answer: if d.resolved.is_some() {
                catalog::ANSWERS_RESOLVED[0].0.to_string()
            } else {
                String::new()
            },
        });
    }
    if let Some(p) = &sc.prior {
        rows.push(ReportRow {
            report_no: p.no.clone(),
            created_at: p.created,
            resolved_at: p.resolved,
            category: sc.problem.category,
            caller_name: p.name.clone(),
            address: address.clone(),
            problem: sc.problem.report.to_string(),
            caller_phone: p.phone.clone(),
            escalated_at: p.escalated_before.or_else(|| first_escalation(&p.no)),
            unit_answer: p.answer.map_or(String::new(), |a| a.0.to_string()),
        });
    }
    for a in actions.iter().filter(|a| a.action == "create") {
        let phone = match sc.caller.kind {
            NumberKind::Withheld => sc.caller.given_mobile.clone(),
            _ => sc.contact_phone().to_string(),
        };
        rows.push(ReportRow {
            report_no: a.report_no.clone(),
            created_at: a.at,
            resolved_at: None,
            category: a.category,
            caller_name: sc.caller.full.clone(),
            address: address.clone(),
            problem: sc.problem.report.to_string(),
            caller_phone: phone,
            escalated_at: first_escalation(&a.report_no),
            unit_answer: String::new(),
        });
    }
    rows
}
