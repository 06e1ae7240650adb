//! The APKT report export indexed for the path decision, in memory that does not grow
//! with the export.
//!
//! Deciding a call's path needs only each report's number, caller phone and three
//! timestamps; the verification steps need the full row of one report, the call's prior
//! one. So `reports.csv` is streamed once into fixed-size records (number key, phone,
//! timestamps, row position), sorted externally ([`sort`]: bounded runs spilled to
//! temporary files, then merged) into two sorted tables, one by number and one by phone
//! ([`table`]). A table larger than one run lives in a temporary file (deleted on drop)
//! with only a sparse fence index in memory, and a lookup is one positioned read of a
//! block; smaller ones stay in memory with the same layout. Full rows are read again
//! from `reports.csv` by byte offset when a call needs them ([`rows`]).
//!
//! Report numbers are keyed by their digits, so `5421090602335` finds `K5421090602335`;
//! numbers with fewer than 6 or more than 18 digits are keyed by a 127-bit hash of their
//! text (not confirmed against the row: two texts would have to collide in 127 bits).
//! A repeated number keeps its last row (exports append newer states) but stays where
//! its first row put it: its id and phone are the first row's.

mod record;
mod rows;
mod sort;
mod table;
#[cfg(test)]
mod tests;

use super::tables;
use crate::model::numbers::{normalize_phone, report_digits, report_key};
use crate::model::{Reject, Report, Timestamp};
use record::{pack, unpack, Rec, NO_PHONE};
use rows::RowFile;
use sort::Sorter;
use std::hash::{Hash, Hasher};
use std::io;
use std::path::Path;
use table::{Table, TableWriter};

/// Records sorted in memory at a time, and the largest table kept in memory.
pub const RUN: usize = 64 * 1024;

/// What the path decision reads of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportMeta {
    pub created_at: Timestamp,
    pub resolved_at: Option<Timestamp>,
    pub escalated_at: Option<Timestamp>,
    /// Position of the first row with this number: orders reports as the export does.
    id: u64,
    /// Byte offset of the row that counts in `reports.csv` (or its slot in memory).
    byte: u64,
}

impl ReportMeta {
    /// The report's place in the export (first row with its number); ids order reports
    /// as their rows do.
    pub fn id(&self) -> u64 {
        self.id
    }

    fn of(r: &Rec) -> ReportMeta {
        ReportMeta {
            created_at: unpack(r.times[0]).unwrap_or_default(),
            resolved_at: unpack(r.times[1]),
            escalated_at: unpack(r.times[2]),
            id: r.first,
            byte: r.last,
        }
    }
}

/// Where full rows come from.
#[derive(Debug, Default)]
enum Rows {
    /// Rows given in memory (tests, benches).
    Memory(Vec<Report>),
    /// Rows re-read from the export by position.
    File(RowFile),
    #[default]
    None,
}

/// Tag bit of a key hashed from text (digit keys are below 10^18 < 2^60).
const TEXT: u64 = 1 << 63;

/// Key of a report number: its digits, or a hash of its text when it has too few or
/// too many.
fn key(no: &str) -> Option<(u64, u64)> {
    let digits = report_digits(no);
    if (6..=18).contains(&digits.len()) {
        return digits.parse().ok().map(|d| (d, 0));
    }
    let k = report_key(no);
    if k.is_empty() {
        return None;
    }
    let hash = |seed: u8| {
        let mut h = std::hash::DefaultHasher::new();
        (seed, k.as_str()).hash(&mut h);
        h.finish()
    };
    Some((TEXT | hash(0) >> 1, hash(1)))
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
    by_no: Table,
    by_phone: Table,
}

/// The record of one good row.
fn row_rec(r: &Report, byte: u64) -> Option<Rec> {
    let (a, b) = key(&r.report_no)?;
    Some(Rec {
        a,
        b,
        first: byte,
        last: byte,
        phone: phone_key(&r.caller_phone).unwrap_or(NO_PHONE),
        times: [
            pack(Some(r.created_at)),
            pack(r.resolved_at),
            pack(r.escalated_at),
        ],
    })
}

impl ReportIndex {
    /// Indexes reports held in memory.
    pub fn new(reports: Vec<Report>) -> io::Result<ReportIndex> {
        let mut rows = Sorter::new(RUN);
        for (i, r) in reports.iter().enumerate() {
            if let Some(rec) = row_rec(r, i as u64) {
                rows.push(rec)?;
            }
        }
        Self::build(rows, RUN, Rows::Memory(reports))
    }

    /// Indexes a `reports.csv`, pushing a reject for every bad row; fails only when the
    /// temporary files cannot be written.
    pub fn load(path: &Path, file: &str, rejects: &mut Vec<Reject>) -> io::Result<ReportIndex> {
        Self::load_with(path, file, rejects, RUN).map_err(|e| {
            let tmp = std::env::temp_dir();
            io::Error::new(
                e.kind(),
                format!("temporary files in {}: {e}", tmp.display()),
            )
        })
    }

    /// [`ReportIndex::load`] with runs of `run` records.
    fn load_with(
        path: &Path,
        file: &str,
        rejects: &mut Vec<Reject>,
        run: usize,
    ) -> io::Result<ReportIndex> {
        let export = std::fs::File::open(path).ok();
        let mut sorter = Sorter::new(run);
        let mut rows = tables::reports(path, file);
        while let Some(row) = rows.next() {
            match row {
                Ok(r) => {
                    if let Some(rec) = rows.byte().and_then(|b| row_rec(&r, b)) {
                        sorter.push(rec)?;
                    }
                }
                Err(e) => rejects.push(e),
            }
        }
        let headers = csv::Reader::from_path(path)
            .and_then(|mut r| r.headers().cloned())
            .unwrap_or_default();
        let rows = export
            .and_then(|f| RowFile::new(f, &headers))
            .map_or(Rows::None, Rows::File);
        Self::build(sorter, run, rows)
    }

    /// Folds the rows of each number into one report and writes both tables.
    fn build(sorter: Sorter, run: usize, rows: Rows) -> io::Result<ReportIndex> {
        let mut by_no = TableWriter::new(run);
        let mut phones = Sorter::new(run);
        let mut emit = |g: Rec| -> io::Result<()> {
            by_no.push(g)?;
            if g.phone != NO_PHONE {
                phones.push(Rec {
                    a: g.phone,
                    b: 0,
                    ..g
                })?;
            }
            Ok(())
        };
        // Rows of a number arrive together, in row order.
        let mut group: Option<Rec> = None;
        for r in sorter.finish()? {
            let r = r?;
            match &mut group {
                Some(g) if g.key() == r.key() => {
                    g.last = r.last;
                    g.times = r.times;
                }
                _ => {
                    if let Some(g) = group.replace(r) {
                        emit(g)?;
                    }
                }
            }
        }
        if let Some(g) = group {
            emit(g)?;
        }
        let mut by_phone = TableWriter::new(run);
        for r in phones.finish()? {
            by_phone.push(r?)?;
        }
        Ok(ReportIndex {
            rows,
            by_no: by_no.finish()?,
            by_phone: by_phone.finish()?,
        })
    }

    /// Records with key `k`. The tables are this run's own temporary files, written
    /// moments before; failing to read one back is not a verdict, so it stops the run.
    fn lookup(table: &Table, k: (u64, u64)) -> Vec<Rec> {
        table
            .equal_range(k)
            .unwrap_or_else(|e| panic!("cannot read the report index back: {e}"))
    }

    /// The report a number names.
    pub fn find(&self, no: &str) -> Option<ReportMeta> {
        let k = key(no)?;
        Self::lookup(&self.by_no, k).first().map(ReportMeta::of)
    }

    /// Reports on a caller phone, in row order.
    pub fn on_phone(&self, raw_phone: &str) -> Vec<ReportMeta> {
        let Some(p) = phone_key(raw_phone) else {
            return Vec::new();
        };
        Self::lookup(&self.by_phone, (p, 0))
            .iter()
            .map(ReportMeta::of)
            .collect()
    }

    /// The full row of a report; `None` when the export can no longer be read.
    pub fn load_row(&self, m: &ReportMeta) -> Option<Report> {
        match &self.rows {
            Rows::Memory(v) => v.get(m.byte as usize).cloned(),
            Rows::File(f) => f.row(m.byte),
            Rows::None => None,
        }
    }

    /// Number of distinct report numbers.
    pub fn len(&self) -> usize {
        self.by_no.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the tables went to temporary files.
    pub fn on_disk(&self) -> bool {
        self.by_no.on_disk()
    }
}
