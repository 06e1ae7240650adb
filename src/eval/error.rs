//! Errors of `callaudit eval`: every one names the file and, for a bad row, its line, so a
//! grader can open the ground truth at the right place.

use std::path::PathBuf;

/// What went wrong while reading the inputs or writing the tables of `eval`.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The file could not be opened or its header row read.
    #[error("{}: {source}", path.display())]
    Open { path: PathBuf, source: csv::Error },
    /// A record could not be parsed as CSV (bad quoting, invalid UTF-8, ...).
    #[error("{}: line {line}: {source}", path.display())]
    Csv {
        path: PathBuf,
        line: u64,
        source: csv::Error,
    },
    /// A required column is absent from the header row.
    #[error("{}: missing required column `{column}`", path.display())]
    MissingColumn { path: PathBuf, column: &'static str },
    /// A field holds a value outside its vocabulary (status, step id, path, boolean, score).
    #[error("{}: line {line}: invalid {what} `{value}`", path.display())]
    BadValue {
        path: PathBuf,
        line: u64,
        what: &'static str,
        value: String,
    },
    /// The same key appears twice, so which row counts would be a guess.
    #[error("{}: line {line}: duplicate row for {key} (first at line {first})", path.display())]
    Duplicate {
        path: PathBuf,
        line: u64,
        first: u64,
        key: String,
    },
    /// An output table could not be written.
    #[error("{}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}
