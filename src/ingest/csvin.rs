//! Shared CSV reading: header lookup by name (free column order, unknown columns
//! ignored), per-row field access, and row-level errors carrying the line.

use crate::model::{Reject, Timestamp};
use rustc_hash::FxHashMap;
use std::path::Path;

/// Column positions of one CSV file, found by header name (case-insensitive). Looked up
/// about ten times per row of every input table, so the map uses a fast non-keyed hash
/// (the keys are the file's own few header names).
pub struct Columns {
    index: FxHashMap<String, usize>,
    width: usize,
}

impl Columns {
    /// Maps the header; a missing required column rejects the whole file.
    pub fn new(
        headers: &csv::StringRecord,
        required: &[&str],
        file: &str,
    ) -> Result<Columns, Reject> {
        let mut index: FxHashMap<String, usize> = FxHashMap::default();
        for (i, h) in headers.iter().enumerate() {
            let name = h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase();
            if name.is_empty() {
                continue;
            }
            if let Some(first) = index.insert(name.clone(), i) {
                return Err(Reject {
                    file: file.to_string(),
                    line: Some(1),
                    call_id: String::new(),
                    reason: format!(
                        "the header names column {name} twice (columns {} and {}; file rejected whole)",
                        first + 1,
                        i + 1
                    ),
                });
            }
        }
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|c| !index.contains_key(*c))
            .collect();
        if !missing.is_empty() {
            return Err(Reject {
                file: file.to_string(),
                line: None,
                call_id: String::new(),
                reason: format!(
                    "missing required column{} {} (file rejected whole)",
                    if missing.len() > 1 { "s" } else { "" },
                    missing.join(", ")
                ),
            });
        }
        Ok(Columns {
            index,
            width: headers.len(),
        })
    }

    /// The trimmed value of `col` in `rec`, empty when the column is absent.
    pub fn get<'r>(&self, rec: &'r csv::StringRecord, col: &str) -> &'r str {
        self.index
            .get(col)
            .and_then(|&i| rec.get(i))
            .map_or("", str::trim)
    }

    /// How many fields the header has.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Checks the row has as many fields as the header.
    pub fn check_width(&self, rec: &csv::StringRecord) -> Result<(), String> {
        if rec.len() == self.width {
            Ok(())
        } else {
            Err(format!(
                "malformed row: {} fields where the header has {}",
                rec.len(),
                self.width
            ))
        }
    }
}

/// Opens a CSV reader that tolerates ragged rows (they are rejected one by one).
pub fn reader(path: &Path) -> Result<csv::Reader<Box<dyn std::io::Read>>, String> {
    let file = super::input::open(path).map_err(|e| format!("cannot open: {e}"))?;
    Ok(csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(file))
}

/// Parses an RFC 3339 timestamp with offset (fractional seconds allowed).
pub fn timestamp(value: &str, col: &str) -> Result<Timestamp, String> {
    let v = value.trim();
    chrono::DateTime::parse_from_rfc3339(v)
        .or_else(|e| {
            // RFC 3339 lets a space stand for the "T" between date and time.
            match v.as_bytes().get(10) {
                Some(b' ') => chrono::DateTime::parse_from_rfc3339(&v.replacen(' ', "T", 1)),
                _ => Err(e),
            }
        })
        .map_err(|e| format!("bad timestamp in {col} {value:?}: {e} (expected RFC 3339 with offset, e.g. 2026-11-20T08:15:03+07:00)"))
}

/// Parses an optional timestamp: empty is `None`.
pub fn opt_timestamp(value: &str, col: &str) -> Result<Option<Timestamp>, String> {
    if value.trim().is_empty() {
        Ok(None)
    } else {
        timestamp(value, col).map(Some)
    }
}

/// Requires a non-empty value.
pub fn required<'a>(value: &'a str, col: &str) -> Result<&'a str, String> {
    if value.is_empty() {
        Err(format!("missing value in required column {col}"))
    } else {
        Ok(value)
    }
}

/// The 1-based line a record starts on.
pub fn line_of(rec: &csv::StringRecord) -> u64 {
    rec.position().map_or(0, |p| p.line())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_forms() {
        for ok in [
            "2026-11-20T08:15:03+07:00",
            "2026-11-20T08:15:03.250+07:00",
            "2026-11-20 08:15:03+07:00",
            "2026-11-20T01:15:03Z",
        ] {
            assert!(timestamp(ok, "at").is_ok(), "{ok}");
        }
        for bad in [
            "2026-11-20T08:15:03",
            "20/11/2026 08:15",
            "2026-11-21 08:61:00+07:00",
            "",
        ] {
            let e = timestamp(bad, "at").unwrap_err();
            assert!(e.contains("bad timestamp in at"), "{e}");
        }
    }
}
