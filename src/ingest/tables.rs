//! The three CSV inputs of SPEC §1: the call manifest, the APKT / SIMONE action log and
//! the APKT report export. Each reader returns what it could use plus a reject for
//! every row (or whole file) it could not.

use super::csvin::{line_of, opt_timestamp, reader, required, timestamp, Columns};
use crate::model::{Action, ActionKind, CallMeta, Reject, Report};
use std::collections::{HashMap, HashSet};
use std::path::Path;

fn reject(file: &str, line: Option<u64>, call_id: &str, reason: impl Into<String>) -> Reject {
    Reject {
        file: file.to_string(),
        line,
        call_id: call_id.to_string(),
        reason: reason.into(),
    }
}

/// Reads every record of a CSV file, handing good ones to `row`; a row `Err` becomes a
/// reject. An unreadable file or a missing column rejects the whole file.
fn each_row(
    path: &Path,
    file: &str,
    required_cols: &[&str],
    rejects: &mut Vec<Reject>,
    mut row: impl FnMut(&Columns, &csv::StringRecord) -> Result<(), (String, String)>,
) {
    let mut rdr = match reader(path) {
        Ok(r) => r,
        Err(e) => return rejects.push(reject(file, None, "", e)),
    };
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return rejects.push(reject(file, Some(1), "", format!("unreadable header: {e}")))
        }
    };
    let cols = match Columns::new(&headers, required_cols, file) {
        Ok(c) => c,
        Err(r) => return rejects.push(r),
    };
    let mut rec = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {
                if rec.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                let line = line_of(&rec);
                let outcome = cols
                    .check_width(&rec)
                    .map_err(|e| (cols.get(&rec, "call_id").to_string(), e))
                    .and_then(|_| row(&cols, &rec));
                if let Err((call_id, reason)) = outcome {
                    rejects.push(reject(file, Some(line), &call_id, reason));
                }
            }
            Err(e) => {
                let line = e.position().map(|p| p.line());
                rejects.push(reject(file, line, "", format!("malformed CSV: {e}")));
                if !matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    break;
                }
            }
        }
    }
}

/// Reads `calls.csv`. Duplicate call ids keep the first row and reject the others.
pub fn read_calls(path: &Path, file: &str, rejects: &mut Vec<Reject>) -> Vec<CallMeta> {
    let mut calls = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let req = [
        "call_id",
        "started_at",
        "agent_id",
        "agent_name",
        "site_code",
    ];
    each_row(path, file, &req, rejects, |c, rec| {
        let id = c.get(rec, "call_id").to_string();
        let err = |e: String| (id.clone(), e);
        required(&id, "call_id").map_err(err)?;
        if let Some(first) = seen.get(&id) {
            return Err(err(format!("duplicate call_id (first on line {first})")));
        }
        let started_at = timestamp(c.get(rec, "started_at"), "started_at").map_err(err)?;
        for col in ["agent_id", "agent_name", "site_code"] {
            required(c.get(rec, col), col).map_err(err)?;
        }
        let duration = c.get(rec, "duration_s");
        let duration_s = if duration.is_empty() {
            None
        } else {
            Some(
                duration
                    .parse::<f64>()
                    .map_err(|_| err(format!("bad duration_s {duration:?}")))?,
            )
        };
        let line = line_of(rec);
        seen.insert(id.clone(), line);
        calls.push(CallMeta {
            call_id: id.clone(),
            started_at,
            duration_s,
            agent_id: c.get(rec, "agent_id").to_string(),
            agent_name: c.get(rec, "agent_name").to_string(),
            site_code: c.get(rec, "site_code").to_string(),
            team: c.get(rec, "team").to_string(),
            caller_number: c.get(rec, "caller_number").to_string(),
            crm_caller_name: c.get(rec, "crm_caller_name").to_string(),
            transcript: c.get(rec, "transcript").to_string(),
            line,
        });
        Ok(())
    });
    calls
}

/// Reads `actions.csv`, grouped by call id; actions of calls not in `known` are rejected.
pub fn read_actions(
    path: &Path,
    file: &str,
    known: &HashSet<&str>,
    rejects: &mut Vec<Reject>,
) -> HashMap<String, Vec<Action>> {
    let mut by_call: HashMap<String, Vec<Action>> = HashMap::new();
    let req = ["call_id", "at", "system", "action"];
    each_row(path, file, &req, rejects, |c, rec| {
        let id = c.get(rec, "call_id").to_string();
        let err = |e: String| (id.clone(), e);
        required(&id, "call_id").map_err(err)?;
        let at = timestamp(c.get(rec, "at"), "at").map_err(err)?;
        let system = c.get(rec, "system").to_ascii_uppercase();
        let action = c.get(rec, "action").to_ascii_lowercase();
        let kind = match action.as_str() {
            "search" => ActionKind::Search,
            "create" => ActionKind::Create,
            "update" => ActionKind::Update,
            "lapor_ulang" | "lapor ulang" | "laporulang" => ActionKind::LaporUlang,
            "escalate" => ActionKind::Escalate,
            "notice" => ActionKind::Notice,
            other => return Err(err(format!("unknown action {other:?}"))),
        };
        let expected_system = match kind.system() {
            crate::model::System::Apkt => "APKT",
            crate::model::System::Simone => "SIMONE",
        };
        if system != expected_system {
            return Err(err(format!(
                "unknown system {system:?} for action {action} (expected {expected_system})"
            )));
        }
        if !known.contains(id.as_str()) {
            return Err(err(
                "action for unknown call_id (not in the manifest)".into()
            ));
        }
        by_call.entry(id.clone()).or_default().push(Action {
            call_id: id.clone(),
            at,
            kind,
            report_no: c.get(rec, "report_no").to_string(),
            ref_report_no: c.get(rec, "ref_report_no").to_string(),
            category: c.get(rec, "category").to_ascii_uppercase(),
            escalation_type: c.get(rec, "escalation_type").to_ascii_uppercase(),
            note: c.get(rec, "note").to_string(),
            line: line_of(rec),
        });
        Ok(())
    });
    for list in by_call.values_mut() {
        list.sort_by(|a, b| a.at.cmp(&b.at).then(a.line.cmp(&b.line)));
    }
    by_call
}

/// Reads `reports.csv`. A repeated report number keeps the last row (the latest export).
pub fn read_reports(path: &Path, file: &str, rejects: &mut Vec<Reject>) -> Vec<Report> {
    let mut out = Vec::new();
    each_row(
        path,
        file,
        &["report_no", "created_at"],
        rejects,
        |c, rec| {
            let no = c.get(rec, "report_no").to_string();
            let err = |e: String| (String::new(), format!("report {no}: {e}"));
            required(&no, "report_no").map_err(err)?;
            out.push(Report {
                created_at: timestamp(c.get(rec, "created_at"), "created_at").map_err(err)?,
                resolved_at: opt_timestamp(c.get(rec, "resolved_at"), "resolved_at")
                    .map_err(err)?,
                escalated_at: opt_timestamp(c.get(rec, "escalated_at"), "escalated_at")
                    .map_err(err)?,
                category: c.get(rec, "category").to_ascii_uppercase(),
                caller_name: c.get(rec, "caller_name").to_string(),
                address: c.get(rec, "address").to_string(),
                problem: c.get(rec, "problem").to_string(),
                caller_phone: c.get(rec, "caller_phone").to_string(),
                unit_answer: c.get(rec, "unit_answer").to_string(),
                report_no: no.clone(),
            });
            Ok(())
        },
    );
    out
}
