//! The three CSV inputs of SPEC §1: the call manifest, the APKT / SIMONE action log and
//! the APKT report export. Each is read as a stream of rows: a good row becomes a model
//! value, a bad one a reject (file, line, call, reason); an unreadable file or a missing
//! required column is one reject for the whole file and an empty stream.

use super::csvin::{line_of, opt_timestamp, required, timestamp, Columns};
use super::input;
use super::records::{Bad, Records};
use crate::model::{Action, ActionKind, CallMeta, Reject, Report, System};
use std::io::BufReader;
use std::path::Path;
use std::sync::Arc;

/// A row's failure: the call concerned (if known) and the reason.
type RowError = (String, String);

/// Parses one record of a table; the file's display name is given for the row to keep.
type ParseRow<T> = fn(&Columns, &csv::StringRecord, &Arc<str>) -> Result<T, RowError>;

type Source = Records<BufReader<Box<dyn std::io::Read>>>;

/// Rows of one CSV table, parsed; bad rows come out as rejects, in file order.
pub struct Rows<T> {
    file: Arc<str>,
    inner: Option<(Source, Columns)>,
    /// The whole-file reject, returned first.
    pending: Option<Reject>,
    parse: ParseRow<T>,
    /// Byte offset of the record last returned.
    byte: Option<u64>,
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
            file: Arc::from(file),
            inner: None,
            pending: None,
            parse,
            byte: None,
        };
        let mut recs = match input::open(path) {
            Ok(r) => Records::new(BufReader::with_capacity(1 << 16, r)),
            Err(e) => {
                rows.pending = Some(reject(file, None, "", format!("cannot open: {e}")));
                return rows;
            }
        };
        let headers = match recs.next_record() {
            Some(Ok(h)) => h.fields,
            Some(Err(e)) => {
                let why = match e {
                    Bad::Io(e) => e,
                    Bad::Utf8(_) => "not UTF-8".into(),
                    Bad::Unterminated(_) => "unterminated quote".into(),
                };
                rows.pending = Some(reject(
                    file,
                    Some(1),
                    "",
                    format!("unreadable header: {why}"),
                ));
                return rows;
            }
            None => {
                rows.pending = Some(reject(file, None, "", "empty file: no header row"));
                return rows;
            }
        };
        match Columns::new(&headers, required_cols, file) {
            Ok(c) => rows.inner = Some((recs, c)),
            Err(r) => rows.pending = Some(r),
        }
        rows
    }

    /// Where the record last returned starts in the (decompressed) file.
    pub fn byte(&self) -> Option<u64> {
        self.byte
    }

    /// Whether the file was rejected whole (unreadable, no header, a missing or
    /// repeated column): the reject is the first item.
    pub fn rejected_whole(&self) -> bool {
        self.inner.is_none() && self.pending.is_some()
    }
}

impl<T> Iterator for Rows<T> {
    type Item = Result<T, Reject>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(r) = self.pending.take() {
            return Some(Err(r));
        }
        let (recs, cols) = self.inner.as_mut()?;
        let file = &self.file;
        let mut next = recs.next_record();
        // Rows of empty fields only are blank lines.
        while let Some(Ok(raw)) = &next {
            if !raw.fields.iter().all(|f| f.trim().is_empty()) {
                break;
            }
            next = recs.next_record();
        }
        match next {
            None => {
                self.inner = None;
                None
            }
            Some(Ok(raw)) => {
                let rec = &raw.fields;
                if rec.len() != cols.width() && raw.lines > 1 {
                    // A stray quote swallowed the lines after it: give them back.
                    recs.resync();
                    return Some(Err(reject(
                        file,
                        Some(raw.line),
                        "",
                        "malformed CSV: unterminated quote (the row is skipped, reading \
                         goes on at the next line)",
                    )));
                }
                self.byte = Some(raw.byte);
                let outcome = cols
                    .check_width(rec)
                    .map_err(|e| (cols.get(rec, "call_id").to_string(), e))
                    .and_then(|_| (self.parse)(cols, rec, file));
                Some(outcome.map_err(|(call_id, reason)| {
                    reject(file, Some(line_of(rec)), &call_id, reason)
                }))
            }
            Some(Err(Bad::Unterminated(line))) => {
                recs.resync();
                Some(Err(reject(
                    file,
                    Some(line),
                    "",
                    "malformed CSV: unterminated quote (the row is skipped, reading goes on \
                     at the next line)",
                )))
            }
            Some(Err(Bad::Utf8(line))) => Some(Err(reject(
                file,
                Some(line),
                "",
                "malformed CSV: the row is not UTF-8",
            ))),
            Some(Err(Bad::Io(e))) => {
                self.inner = None;
                Some(Err(reject(file, None, "", format!("read error: {e}"))))
            }
        }
    }
}

/// The rows of several files of one table, one after the other (each file has its
/// own header); `files` pairs each path with its display name.
pub fn chain<T: 'static>(
    files: &[(std::path::PathBuf, String)],
    open: fn(&Path, &str) -> Rows<T>,
) -> impl Iterator<Item = Result<T, Reject>> {
    let files = files.to_vec();
    files.into_iter().flat_map(move |(p, name)| open(&p, &name))
}

fn parse_call(c: &Columns, rec: &csv::StringRecord, file: &Arc<str>) -> Result<CallMeta, RowError> {
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
        file: file.clone(),
        call_id: id,
    })
}

fn parse_action(c: &Columns, rec: &csv::StringRecord, file: &Arc<str>) -> Result<Action, RowError> {
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
        file: file.clone(),
        call_id: id,
    })
}

/// Parses one `reports.csv` record (also used to re-read a row by its position).
pub(crate) fn parse_report(c: &Columns, rec: &csv::StringRecord) -> Result<Report, RowError> {
    report_row(c, rec)
}

fn report_row_of(c: &Columns, rec: &csv::StringRecord, _: &Arc<str>) -> Result<Report, RowError> {
    report_row(c, rec)
}

fn report_row(c: &Columns, rec: &csv::StringRecord) -> Result<Report, RowError> {
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
/// The columns of `reports.csv` in the SPEC's order (what `callaudit-gen` writes).
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
    Rows::open(path, file, &["report_no", "created_at"], report_row_of)
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

/// Copies the good rows of several (or compressed) report exports into one plain
/// temporary CSV with the SPEC's columns, in file order, so the report index can read
/// rows back by offset; bad rows are rejects naming their own file and line.
pub fn merge_reports(
    files: &[(std::path::PathBuf, String)],
    rejects: &mut Vec<Reject>,
) -> std::io::Result<tempfile::NamedTempFile> {
    let tmp = tempfile::NamedTempFile::new()?;
    let mut w = csv::Writer::from_writer(std::io::BufWriter::new(tmp.reopen()?));
    w.write_record(REPORT_COLUMNS)?;
    let ts = |t: &Option<crate::model::Timestamp>| t.map(|t| t.to_rfc3339()).unwrap_or_default();
    for row in chain(files, reports) {
        match row {
            Ok(r) => w.write_record([
                r.report_no.as_str(),
                &r.created_at.to_rfc3339(),
                &ts(&r.resolved_at),
                &r.category,
                &r.caller_name,
                &r.address,
                &r.problem,
                &r.caller_phone,
                &ts(&r.escalated_at),
                &r.unit_answer,
            ])?,
            Err(e) => rejects.push(e),
        }
    }
    w.flush()?;
    Ok(tmp)
}
