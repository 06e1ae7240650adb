//! The APKT report export indexed for the path decision, in bounded memory per report.
//!
//! Deciding a call's path needs only each report's number, caller phone and three
//! timestamps; the verification steps need the full row of one report, the call's prior
//! one. So the index keeps numbers and phones as integers with the timestamps and the
//! row's position in `reports.csv`, and reads the full row again when a call needs it
//! (about 90 bytes a report instead of the whole row).
//!
//! Report numbers are keyed by their digits, so `5421090602335` finds `K5421090602335`;
//! numbers with fewer than 6 digits are keyed by their text.

use super::csvin::Columns;
use super::tables::{self, parse_report};
use crate::model::{Reject, Report, Timestamp};
use crate::path::{normalize_phone, report_digits, report_key};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What the path decision reads of a report.
#[derive(Debug, Clone, Copy)]
pub struct ReportMeta {
    pub created_at: Timestamp,
    pub resolved_at: Option<Timestamp>,
    pub escalated_at: Option<Timestamp>,
    /// Byte offset and line of the row in `reports.csv` (or the slot in memory).
    byte: u64,
    line: u64,
}

/// Where full rows come from.
#[derive(Debug, Default)]
enum Rows {
    /// Rows given in memory (tests, benches).
    Memory(Vec<Report>),
    /// Rows re-read from the export by position.
    File {
        path: PathBuf,
        headers: csv::StringRecord,
    },
    #[default]
    None,
}

/// Key of a report number: its digits as an integer, or its text when it has few.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Digits(u64),
    Text(Box<str>),
}

fn key(no: &str) -> Option<Key> {
    let digits = report_digits(no);
    if (6..=18).contains(&digits.len()) {
        digits.parse().ok().map(Key::Digits)
    } else {
        let k = report_key(no);
        (!k.is_empty()).then(|| Key::Text(k.into()))
    }
}

fn phone_key(raw: &str) -> Option<u64> {
    let p = normalize_phone(raw);
    // Phones start with 0 once normalised; the integer keeps the rest.
    (6..=19)
        .contains(&p.len())
        .then(|| p.parse().ok())
        .flatten()
}

/// Reports from `reports.csv`, indexed by number and by caller phone.
#[derive(Debug, Default)]
pub struct ReportIndex {
    rows: Rows,
    metas: Vec<ReportMeta>,
    by_no: HashMap<Key, u32>,
    by_phone: HashMap<u64, Vec<u32>>,
}

impl ReportIndex {
    /// Indexes reports held in memory.
    pub fn new(reports: Vec<Report>) -> ReportIndex {
        let mut idx = ReportIndex::default();
        for (i, r) in reports.iter().enumerate() {
            idx.add(r, i as u64, 0);
        }
        idx.rows = Rows::Memory(reports);
        idx
    }

    /// Indexes a `reports.csv`, pushing a reject for every bad row.
    pub fn load(path: &Path, file: &str, rejects: &mut Vec<Reject>) -> ReportIndex {
        let mut idx = ReportIndex::default();
        let mut rows = tables::reports(path, file);
        while let Some(row) = rows.next() {
            match row {
                Ok(r) => {
                    if let Some(pos) = rows.position() {
                        idx.add(&r, pos.byte(), pos.line());
                    }
                }
                Err(e) => rejects.push(e),
            }
        }
        let headers = csv::Reader::from_path(path)
            .and_then(|mut r| r.headers().cloned())
            .unwrap_or_default();
        idx.rows = Rows::File {
            path: path.to_path_buf(),
            headers,
        };
        idx
    }

    fn add(&mut self, r: &Report, byte: u64, line: u64) {
        let Some(k) = key(&r.report_no) else { return };
        let meta = ReportMeta {
            created_at: r.created_at,
            resolved_at: r.resolved_at,
            escalated_at: r.escalated_at,
            byte,
            line,
        };
        // A repeated number keeps the last row: exports append newer states.
        if let Some(&i) = self.by_no.get(&k) {
            self.metas[i as usize] = meta;
            return;
        }
        let i = self.metas.len() as u32;
        self.metas.push(meta);
        self.by_no.insert(k, i);
        if let Some(p) = phone_key(&r.caller_phone) {
            self.by_phone.entry(p).or_default().push(i);
        }
    }

    /// The report a number names, as an index.
    pub fn find(&self, no: &str) -> Option<u32> {
        key(no).and_then(|k| self.by_no.get(&k).copied())
    }

    /// Reports on a caller phone.
    pub fn on_phone(&self, raw_phone: &str) -> &[u32] {
        phone_key(raw_phone)
            .and_then(|p| self.by_phone.get(&p))
            .map_or(&[], Vec::as_slice)
    }

    pub fn meta(&self, i: u32) -> &ReportMeta {
        &self.metas[i as usize]
    }

    /// The full row of report `i`; `None` when the export can no longer be read.
    pub fn load_row(&self, i: u32) -> Option<Report> {
        let m = self.metas.get(i as usize)?;
        match &self.rows {
            Rows::Memory(v) => v.get(m.byte as usize).cloned(),
            Rows::File { path, headers } => {
                let mut rdr = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_path(path)
                    .ok()?;
                let mut pos = csv::Position::new();
                pos.set_byte(m.byte).set_line(m.line);
                rdr.seek(pos).ok()?;
                let mut rec = csv::StringRecord::new();
                rdr.read_record(&mut rec).ok()?;
                let cols = Columns::new(headers, &[], "reports.csv").ok()?;
                parse_report(&cols, &rec).ok()
            }
            Rows::None => None,
        }
    }

    pub fn len(&self) -> usize {
        self.metas.len()
    }

    pub fn is_empty(&self) -> bool {
        self.metas.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_come_back_from_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reports.csv");
        std::fs::write(
            &path,
            "report_no,created_at,resolved_at,caller_name,address,caller_phone\n\
             K5421090602335,2026-11-19T07:00:00+07:00,,\"Siti, Bu\",Jl Melati 3,+62215551234\n\
             K5421090602336,bad,,x,y,z\n\
             K5421090602337,2026-11-19T08:00:00+07:00,2026-11-19T09:00:00+07:00,Budi,Jl Mawar,0215551234\n",
        )
        .unwrap();
        let mut rejects = Vec::new();
        let idx = ReportIndex::load(&path, "reports.csv", &mut rejects);
        assert_eq!(rejects.len(), 1);
        assert_eq!(idx.len(), 2);
        let i = idx.find("5421090602335").unwrap();
        assert_eq!(idx.find("K5421090602335"), Some(i));
        let row = idx.load_row(i).unwrap();
        assert_eq!(row.caller_name, "Siti, Bu");
        assert_eq!(idx.on_phone("0215551234").len(), 2);
        let j = idx.find("K5421090602337").unwrap();
        assert_eq!(idx.load_row(j).unwrap().address, "Jl Mawar");
        assert!(idx.meta(j).resolved_at.is_some());
    }
}
