//! Row order of a generated archive. Real exports come in time order (the manifest by
//! started_at, APKT / SIMONE logs by `at`, the report export by created_at), some are
//! shuffled by hand; `--order` rewrites the tables and bundles the writer produced in
//! call_id order into one of those orders. Each table is held in memory while it is
//! reordered (test tooling: a 1M-call archive's action log takes about a gigabyte).

use super::rng::Rng;
use anyhow::{Context, Result};
use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::Path;

/// The row order of the archive's inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// As the systems export: by time (ties by call_id).
    Time,
    /// Sorted by call_id, as the writer produces.
    CallId,
    /// A seeded shuffle of every table and bundle.
    Shuffled,
}

impl Order {
    pub fn parse(s: &str) -> Result<Order> {
        match s {
            "time" => Ok(Order::Time),
            "call-id" | "call_id" => Ok(Order::CallId),
            "shuffled" => Ok(Order::Shuffled),
            other => anyhow::bail!("unknown --order {other:?}: expected time, call-id or shuffled"),
        }
    }
}

fn epoch(s: &[u8]) -> i64 {
    std::str::from_utf8(s)
        .ok()
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
        .map_or(i64::MIN, |t| t.timestamp_millis())
}

fn shuffle<T>(rows: &mut [T], rng: &mut Rng) {
    for i in (1..rows.len()).rev() {
        rows.swap(i, rng.index(i + 1));
    }
}

/// Reorders one CSV table by the time in column `col` (or shuffles it).
fn table(path: &Path, col: &str, order: Order, rng: &mut Rng) -> Result<()> {
    let mut rdr = csv::Reader::from_path(path).with_context(|| format!("{}", path.display()))?;
    let headers = rdr.byte_headers()?.clone();
    let at = headers.iter().position(|h| h == col.as_bytes());
    let mut rows: Vec<csv::ByteRecord> = rdr.byte_records().collect::<Result<_, _>>()?;
    match (order, at) {
        (Order::Time, Some(i)) => rows.sort_by_cached_key(|r| epoch(&r[i])),
        (Order::Shuffled, _) => shuffle(&mut rows, rng),
        _ => return Ok(()),
    }
    let tmp = path.with_extension("csv.tmp");
    let mut w = csv::Writer::from_path(&tmp)?;
    w.write_byte_record(&headers)?;
    for r in &rows {
        w.write_byte_record(r)?;
    }
    w.flush()?;
    fs::rename(&tmp, path)?;
    Ok(())
}

/// The call id of a bundle line the writer wrote (`{"call_id":"…",…`).
fn line_id(line: &str) -> &str {
    line.strip_prefix("{\"call_id\":\"")
        .and_then(|r| r.split('"').next())
        .unwrap_or("")
}

/// Rewrites the archive in `out` into `order`.
pub fn apply(out: &Path, order: Order, seed: u64) -> Result<()> {
    if order == Order::CallId {
        return Ok(());
    }
    let mut rng = Rng::new(seed ^ 0x6f72_6465_725f_7277);
    let calls = out.join("calls.csv");
    let mut started: HashMap<String, i64> = HashMap::new();
    let mut rdr = csv::Reader::from_path(&calls)?;
    let h = rdr.byte_headers()?.clone();
    let (id, at) = (
        h.iter().position(|c| c == b"call_id"),
        h.iter().position(|c| c == b"started_at"),
    );
    if let (Some(id), Some(at)) = (id, at) {
        for r in rdr.byte_records() {
            let r = r?;
            started.insert(String::from_utf8_lossy(&r[id]).into_owned(), epoch(&r[at]));
        }
    }
    table(&calls, "started_at", order, &mut rng)?;
    table(&out.join("actions.csv"), "at", order, &mut rng)?;
    table(&out.join("reports.csv"), "created_at", order, &mut rng)?;
    let mut bundles: Vec<_> = fs::read_dir(out)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    bundles.sort();
    for b in bundles {
        let text = fs::read_to_string(&b)?;
        let mut lines: Vec<&str> = text.lines().collect();
        match order {
            Order::Time => lines.sort_by_key(|l| started.get(line_id(l)).copied().unwrap_or(0)),
            _ => shuffle(&mut lines, &mut rng),
        }
        let mut f = std::io::BufWriter::new(fs::File::create(&b)?);
        for l in lines {
            writeln!(f, "{l}")?;
        }
        f.flush()?;
    }
    Ok(())
}
