//! The index as it was (maps in memory) as a model, and generated exports.

use super::super::*;
use std::collections::HashMap;

/// Numbers: equal digits with other prefixes, short and long text keys, two spellings
/// of one text key.
pub(super) const NUMBERS: [&str; 10] = [
    "K5421090602335",
    "5421090602335",
    "T5421090602335",
    "K123456",
    "AB12",
    "ab-12",
    "X1",
    "K1234567890123456789",
    "9999999999999999999999",
    "Q 77",
];

/// Phones: spellings of one number, a number equal to another as an integer, unusable.
pub(super) const PHONES: [&str; 8] = [
    "",
    "+6281234567890",
    "081234567890",
    "6281234567890",
    "0215551234",
    "215551234",
    "12345",
    "abc",
];

/// The index as it was: maps in memory, fed the same rows.
#[derive(Default)]
pub(super) struct Model {
    /// (id = first row's offset, last row) per report, in first-row order.
    pub(super) reports: Vec<(u64, Report)>,
    by_no: HashMap<MKey, usize>,
    by_phone: HashMap<u64, Vec<usize>>,
}

#[derive(PartialEq, Eq, Hash)]
enum MKey {
    Digits(u64),
    Text(String),
}

fn mkey(no: &str) -> Option<MKey> {
    let digits = report_digits(no);
    if (6..=18).contains(&digits.len()) {
        digits.parse().ok().map(MKey::Digits)
    } else {
        let k = report_key(no);
        (!k.is_empty()).then_some(MKey::Text(k))
    }
}

pub(super) type Seen = (u64, Report);

impl Model {
    pub(super) fn read(path: &Path) -> Model {
        let mut m = Model::default();
        let mut rows = tables::reports(path, "reports.csv");
        while let Some(row) = rows.next() {
            if let Ok(r) = row {
                m.add(r, rows.byte().unwrap());
            }
        }
        m
    }

    pub(super) fn add(&mut self, r: Report, byte: u64) {
        let Some(k) = mkey(&r.report_no) else { return };
        if let Some(&i) = self.by_no.get(&k) {
            self.reports[i].1 = r;
            return;
        }
        let i = self.reports.len();
        if let Some(p) = phone_key(&r.caller_phone) {
            self.by_phone.entry(p).or_default().push(i);
        }
        self.reports.push((byte, r));
        self.by_no.insert(k, i);
    }

    pub(super) fn find(&self, no: &str) -> Option<Seen> {
        mkey(no).and_then(|k| self.by_no.get(&k).map(|&i| self.reports[i].clone()))
    }

    pub(super) fn on_phone(&self, p: &str) -> Vec<Seen> {
        phone_key(p)
            .and_then(|p| self.by_phone.get(&p))
            .map_or(Vec::new(), |v| {
                v.iter().map(|&i| self.reports[i].clone()).collect()
            })
    }
}

/// One generated row: number, phone, minutes after a base time, resolved / escalated
/// minutes after that, a text field, and whether created_at is broken.
pub(super) type RowSpec = (usize, usize, u32, Option<u32>, Option<u32>, String, bool);

fn stamp(min: u32, west: bool) -> String {
    let (h, m) = (min / 60 % 24, min % 60);
    let day = 10 + min / 1440 % 18;
    if west {
        format!("2026-11-{day:02}T{h:02}:{m:02}:07.250-03:30")
    } else {
        format!("2026-11-{day:02}T{h:02}:{m:02}:00+07:00")
    }
}

pub(super) fn write_csv(dir: &Path, rows: &[RowSpec]) -> std::path::PathBuf {
    let path = dir.join("reports.csv");
    let mut w = csv::Writer::from_path(&path).unwrap();
    w.write_record(tables::REPORT_COLUMNS).unwrap();
    for (i, (no, phone, at, res, esc, text, bad)) in rows.iter().enumerate() {
        let created = if *bad {
            "bad".into()
        } else {
            stamp(*at, i % 3 == 0)
        };
        let later = |d: &Option<u32>| d.map(|d| stamp(at + d, i % 2 == 0)).unwrap_or_default();
        let i = i.to_string();
        w.write_record([
            NUMBERS[*no],
            &created,
            &later(res),
            "GANGGUAN",
            text,
            &i,
            "PADAM",
            PHONES[*phone],
            &later(esc),
            text,
        ])
        .unwrap();
    }
    w.flush().unwrap();
    path
}

pub(super) fn load(path: &Path, run: usize) -> ReportIndex {
    let mut rejects = Vec::new();
    ReportIndex::load_with(path, "reports.csv", &mut rejects, run).unwrap()
}

/// Many rows over the pools: every number repeated, across runs when runs are small.
pub(super) fn many_rows(n: usize) -> Vec<RowSpec> {
    (0..n)
        .map(|i| {
            let text = match i % 4 {
                0 => "Siti, Bu".to_string(),
                1 => "line one\nline \"two\"".to_string(),
                2 => "x".repeat(3000),
                _ => String::new(),
            };
            let res = (i % 5 == 0).then_some((i % 700) as u32);
            let esc = (i % 7 == 0).then_some(30);
            let at = (i * 37 % 20000) as u32;
            (i * 7 % 10, i * 3 % 8, at, res, esc, text, i % 41 == 40)
        })
        .collect()
}
