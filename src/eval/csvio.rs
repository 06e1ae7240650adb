//! CSV plumbing shared by the `eval` readers and writers: columns found by header name
//! (order free, unknown columns ignored, names compared case-insensitively), every record
//! tagged with its 1-based line, vocabulary parsing that fails with file and line, and
//! atomic writes of the output tables.

use super::error::EvalError;
use crate::model::{Status, StepId};
use csv::StringRecord;
use std::path::{Path, PathBuf};

/// An open CSV file whose records are read one at a time with their line numbers.
pub(crate) struct CsvFile {
    pub path: PathBuf,
    reader: csv::Reader<Box<dyn std::io::Read>>,
    headers: StringRecord,
    record: StringRecord,
}

impl CsvFile {
    pub fn open(path: &Path) -> Result<Self, EvalError> {
        let open_err = |source| EvalError::Open {
            path: path.to_path_buf(),
            source,
        };
        // Plain, .gz or .zst (steps.csv.zst), by extension.
        let file = crate::ingest::input::open(path).map_err(|e| open_err(e.into()))?;
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(file);
        let headers = reader.headers().map_err(open_err)?.clone();
        Ok(CsvFile {
            path: path.to_path_buf(),
            reader,
            headers,
            record: StringRecord::new(),
        })
    }

    /// The index of a column, if the header has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
    }

    /// The index of a column the file must have.
    pub fn require(&self, name: &'static str) -> Result<usize, EvalError> {
        self.column(name).ok_or_else(|| EvalError::MissingColumn {
            path: self.path.clone(),
            column: name,
        })
    }

    /// The next record and its 1-based line, or `None` at the end of the file.
    pub fn next_record(&mut self) -> Result<Option<Row<'_>>, EvalError> {
        match self.reader.read_record(&mut self.record) {
            Ok(false) => Ok(None),
            Ok(true) => {
                let line = self.record.position().map_or(0, |p| p.line());
                Ok(Some(Row {
                    path: &self.path,
                    line,
                    record: &self.record,
                }))
            }
            Err(source) => {
                let line = source
                    .position()
                    .map_or_else(|| self.reader.position().line(), |p| p.line());
                Err(EvalError::Csv {
                    path: self.path.clone(),
                    line,
                    source,
                })
            }
        }
    }
}

/// One record of a [`CsvFile`], with what it takes to report an error on it.
pub(crate) struct Row<'a> {
    pub path: &'a Path,
    pub line: u64,
    record: &'a StringRecord,
}

impl Row<'_> {
    /// A field by column index; a short row reads as empty fields.
    pub fn get(&self, idx: usize) -> &str {
        self.record.get(idx).unwrap_or("")
    }

    pub fn bad(&self, what: &'static str, value: &str) -> EvalError {
        EvalError::BadValue {
            path: self.path.to_path_buf(),
            line: self.line,
            what,
            value: value.to_string(),
        }
    }

    pub fn status(&self, idx: usize) -> Result<Status, EvalError> {
        let v = self.get(idx);
        Status::from_name(v).ok_or_else(|| self.bad("status", v))
    }

    /// The position of the step id in [`StepId::ALL`]; step ids are fixed (SPEC §3), so any
    /// other value is a typo, not a new step.
    pub fn step(&self, idx: usize) -> Result<usize, EvalError> {
        let v = self.get(idx);
        StepId::from_name(v)
            .map(StepId::index)
            .ok_or_else(|| self.bad("step id", v))
    }

    pub fn bool(&self, idx: usize, what: &'static str) -> Result<bool, EvalError> {
        let v = self.get(idx);
        parse_bool(v).ok_or_else(|| self.bad(what, v))
    }

    pub fn call_id(&self, idx: usize) -> Result<&str, EvalError> {
        let v = self.get(idx);
        if v.is_empty() {
            return Err(self.bad("call_id", v));
        }
        Ok(v)
    }
}

/// `true` / `false`, also `1` / `0` and `yes` / `no`, in any case.
pub(crate) fn parse_bool(v: &str) -> Option<bool> {
    match v.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => Some(true),
        "false" | "0" | "no" => Some(false),
        _ => None,
    }
}

/// Status as an index into the PASS, FAIL, NA order used by every table.
pub(crate) fn class(status: Status) -> usize {
    match status {
        Status::Pass => 0,
        Status::Fail => 1,
        Status::Na => 2,
    }
}

/// Writes `bytes` to `dir/name` through a temporary file and a rename, so a crash leaves
/// the previous table rather than half of a new one.
pub(crate) fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), EvalError> {
    let path = dir.join(name);
    let tmp = dir.join(format!(".{name}.tmp"));
    let err = |source| EvalError::Write {
        path: path.clone(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(err)?;
    std::fs::write(&tmp, bytes).map_err(err)?;
    std::fs::rename(&tmp, &path).map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_by_name_any_order_and_case() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.csv");
        std::fs::write(
            &p,
            "\u{feff}Expected,extra,STEP,call_id\nFAIL,x,empathy,C1\n",
        )
        .unwrap();
        let mut f = CsvFile::open(&p).unwrap();
        let (c, s, e) = (
            f.require("call_id").unwrap(),
            f.require("step").unwrap(),
            f.require("expected").unwrap(),
        );
        assert!(f.column("holdout").is_none());
        let row = f.next_record().unwrap().unwrap();
        assert_eq!(row.line, 2);
        assert_eq!(row.call_id(c).unwrap(), "C1");
        assert_eq!(row.step(s).unwrap(), StepId::Empathy.index());
        assert_eq!(row.status(e).unwrap(), Status::Fail);
    }

    #[test]
    fn missing_column_names_file_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.csv");
        std::fs::write(&p, "call_id,step\n").unwrap();
        let f = CsvFile::open(&p).unwrap();
        let msg = f.require("expected").unwrap_err().to_string();
        assert!(msg.contains("t.csv") && msg.contains("`expected`"), "{msg}");
    }

    #[test]
    fn bools() {
        assert_eq!(parse_bool("TRUE"), Some(true));
        assert_eq!(parse_bool("0"), Some(false));
        assert_eq!(parse_bool("maybe"), None);
    }
}
