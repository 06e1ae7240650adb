//! The three CSV inputs of SPEC §1: the call manifest, the APKT / SIMONE action log and
//! the APKT report export. Each is read as a stream of rows: a good row becomes a model
//! value, a bad one a reject (file, line, call, reason); an unreadable file or a missing
//! required column is one reject for the whole file and an empty stream.

use super::csvin::{line_of, opt_timestamp, reader, required, timestamp, Columns};
use crate::model::{Action, ActionKind, CallMeta, Reject, Report, System};
use std::path::Path;

/// A row's failure: the call concerned (if known) and the reason.
type RowError = (String, String);

/// Parses one record of a table.
type ParseRow<T> = fn(&Columns, &csv::StringRecord) -> Result<T, RowError>;

/// Rows of one CSV table, parsed; bad rows come out as rejects, in file order.
pub struct Rows<T> {
    file: String,
    inner: Option<(csv::Reader<std::fs::File>, Columns)>,
    /// The whole-file reject, returned first.
    pending: Option<Reject>,
    parse: ParseRow<T>,
    rec: csv::StringRecord,
}

fn reject(file: &str, line: Option<u64>, call_id: &str, reason: impl Into<String>) -> Reject {
    Reject {
        file: file.to_string(),
        line,
        call_id: call_id.to_string(),
        reason: reason.into(),
    }
}

impl<T> Rows<T> {
    fn open(path: &Path, file: &str, required_cols: &[&str], parse: ParseRow<T>) -> Rows<T> {
        let mut rows = Rows {
            file: file.to_string(),
            inner: None,
            pending: None,
            parse,
            rec: csv::StringRecord::new(),
        };
        let mut rdr = match reader(path) {
            Ok(r) => r,
            Err(e) => {
                rows.pending = Some(reject(file, None, "", e));
                return rows;
            }
        };
        let headers = match rdr.headers() {
            Ok(h) => h.clone(),
            Err(e) => {
                rows.pending = Some(reject(file, Some(1), "", format!("unreadable header: {e}")));
                return rows;
            }
        };
        match Columns::new(&headers, required_cols, file) {
            Ok(c) => rows.inner = Some((rdr, c)),
            Err(r) => rows.pending = Some(r),
        }
        rows
    }
}

impl<T> Rows<T> {
    /// Where the record last returned starts in the file.
    pub fn position(&self) -> Option<csv::Position> {
        self.rec.position().cloned()
    }
}

impl<T> Iterator for Rows<T> {
    type Item = Result<T, Reject>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(r) = self.pending.take() {
            return Some(Err(r));
        }
        let (rdr, cols) = self.inner.as_mut()?;
        loop {
            match rdr.read_record(&mut self.rec) {
                Ok(false) => {
                    self.inner = None;
                    return None;
                }
                Ok(true) => {
                    if self.rec.iter().all(|f| f.trim().is_empty()) {
                        continue;
                    }
                    let line = line_of(&self.rec);
                    let outcome = cols
                        .check_width(&self.rec)
                        .map_err(|e| (cols.get(&self.rec, "call_id").to_string(), e))
                        .and_then(|_| (self.parse)(cols, &self.rec));
                    return Some(outcome.map_err(|(call_id, reason)| {
                        reject(&self.file, Some(line), &call_id, reason)
                    }));
                }
                Err(e) => {
                    let line = e.position().map(|p| p.line());
                    let fatal = !matches!(e.kind(), csv::ErrorKind::Utf8 { .. });
                    if fatal {
                        self.inner = None;
                    }
                    return Some(Err(reject(
                        &self.file,
                        line,
                        "",
                        format!("malformed CSV: {e}"),
                    )));
                }
            }
        }
    }
}

fn parse_call(c: &Columns, rec: &csv::StringRecord) -> Result<CallMeta, RowError> {
    let id = c.get(rec, "call_id").to_string();
    let err = |e: String| (id.clone(), e);
    required(&id, "call_id").map_err(err)?;
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
    Ok(CallMeta {
        started_at,
        duration_s,
        agent_id: c.get(rec, "agent_id").to_string(),
        agent_name: c.get(rec, "agent_name").to_string(),
        site_code: c.get(rec, "site_code").to_string(),
        team: c.get(rec, "team").to_string(),
        caller_number: c.get(rec, "caller_number").to_string(),
        crm_caller_name: c.get(rec, "crm_caller_name").to_string(),
        transcript: c.get(rec, "transcript").to_string(),
        line: line_of(rec),
        call_id: id,
    })
}

fn parse_action(c: &Columns, rec: &csv::StringRecord) -> Result<Action, RowError> {
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
        System::Apkt => "APKT",
        System::Simone => "SIMONE",
    };
    if system != expected_system {
        return Err(err(format!(
            "unknown system {system:?} for action {action} (expected {expected_system})"
        )));
    }
    Ok(Action {
        at,
        kind,
        report_no: c.get(rec, "report_no").to_string(),
        ref_report_no: c.get(rec, "ref_report_no").to_string(),
        category: c.get(rec, "category").to_ascii_uppercase(),
        // "Tidak Semestinya" and "tidak-semestinya" are TIDAK_SEMESTINYA.
        escalation_type: c
            .get(rec, "escalation_type")
            .to_ascii_uppercase()
            .replace([' ', '-'], "_"),
        note: c.get(rec, "note").to_string(),
        line: line_of(rec),
        call_id: id,
    })
}

/// Parses one `reports.csv` record (also used to re-read a row by its position).
pub(crate) fn parse_report(c: &Columns, rec: &csv::StringRecord) -> Result<Report, RowError> {
    let no = c.get(rec, "report_no").to_string();
    let err = |e: String| (String::new(), format!("report {no}: {e}"));
    required(&no, "report_no").map_err(err)?;
    Ok(Report {
        created_at: timestamp(c.get(rec, "created_at"), "created_at").map_err(err)?,
        resolved_at: opt_timestamp(c.get(rec, "resolved_at"), "resolved_at").map_err(err)?,
        escalated_at: opt_timestamp(c.get(rec, "escalated_at"), "escalated_at").map_err(err)?,
        category: c.get(rec, "category").to_ascii_uppercase(),
        caller_name: c.get(rec, "caller_name").to_string(),
        address: c.get(rec, "address").to_string(),
        problem: c.get(rec, "problem").to_string(),
        caller_phone: c.get(rec, "caller_phone").to_string(),
        unit_answer: c.get(rec, "unit_answer").to_string(),
        report_no: no,
    })
}

/// Rows of `calls.csv` (duplicates are the caller's to detect: it knows the order).
pub fn calls(path: &Path, file: &str) -> Rows<CallMeta> {
    let req = [
        "call_id",
        "started_at",
        "agent_id",
        "agent_name",
        "site_code",
    ];
    Rows::open(path, file, &req, parse_call)
}

/// Rows of `actions.csv`.
pub fn actions(path: &Path, file: &str) -> Rows<Action> {
    Rows::open(
        path,
        file,
        &["call_id", "at", "system", "action"],
        parse_action,
    )
}

/// Rows of `reports.csv`.
/// The columns of `reports.csv` in the SPEC's order (what `generate` writes).
pub const REPORT_COLUMNS: [&str; 10] = [
    "report_no",
    "created_at",
    "resolved_at",
    "category",
    "caller_name",
    "address",
    "problem",
    "caller_phone",
    "escalated_at",
    "unit_answer",
];

pub fn reports(path: &Path, file: &str) -> Rows<Report> {
    Rows::open(path, file, &["report_no", "created_at"], parse_report)
}

/// Collects good rows, pushing rejects.
pub fn collect<T>(rows: Rows<T>, rejects: &mut Vec<Reject>) -> Vec<T> {
    let mut out = Vec::new();
    for r in rows {
        match r {
            Ok(v) => out.push(v),
            Err(e) => rejects.push(e),
        }
    }
    out
}
