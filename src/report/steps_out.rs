//! The steps report in the format asked for (`--steps-format`) and with the evidence
//! asked for (`--evidence`).
//!
//! - `csv` (default): `steps.csv`, as always.
//! - `csv.zst`: the same bytes, zstd-compressed, as `steps.csv.zst`.
//! - `parquet`: `steps.parquet`, one row per call and step, the columns of
//!   [`STEP_COLUMNS`](super::STEP_COLUMNS) typed (similarity and confidence as doubles,
//!   needs_review as a boolean, an empty text cell as null), zstd pages, a row group per
//!   [`ROW_GROUP`](super::step_rows::ROW_GROUP) rows. Built only with the `parquet` cargo feature (on by default).
//!
//! Every format holds the same cells: they are neutralised against formulas (unless
//! `--raw-cells`) and redacted (`--redact`) before they reach any of them. A file of the
//! set is written inside the set being staged ([`super::outdir`]), so it appears with the
//! rest of the set, or not at all.
//!
//! Readers of a report folder (`diff`, `calibrate`, `lint --reports`, `--history`) find
//! its steps with [`steps_path`]: `steps.csv`, else `steps.csv.zst` (read decompressed);
//! a folder holding only `steps.parquet` is refused with a message saying so.

use super::csvout::{push_record, Cells};
use super::sink::Sink;
pub use super::step_rows::{StepColumns, StepRow, ROW_GROUP};
use crate::model::Status;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Format of the steps report (`--steps-format`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StepsFormat {
    /// steps.csv
    #[default]
    Csv,
    /// steps.csv.zst: the CSV, zstd-compressed
    CsvZst,
    /// steps.parquet: columnar, typed, zstd pages
    Parquet,
}

impl StepsFormat {
    /// Every format, by its `--steps-format` name.
    pub const NAMED: [(StepsFormat, &'static str); 3] = [
        (StepsFormat::Csv, "csv"),
        (StepsFormat::CsvZst, "csv.zst"),
        (StepsFormat::Parquet, "parquet"),
    ];

    /// The format of a `--steps-format` name.
    pub fn from_name(name: &str) -> Option<StepsFormat> {
        Self::NAMED
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(f, _)| *f)
    }

    /// The report file this format writes.
    pub fn file_name(self) -> &'static str {
        match self {
            StepsFormat::Csv => "steps.csv",
            StepsFormat::CsvZst => "steps.csv.zst",
            StepsFormat::Parquet => "steps.parquet",
        }
    }

    /// Whether this build can write the format.
    pub fn available(self) -> bool {
        self != StepsFormat::Parquet || cfg!(feature = "parquet")
    }
}

/// Which rows of the steps report carry their evidence text (`--evidence`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Evidence {
    /// every row, as before
    #[default]
    All,
    /// only FAIL rows; PASS and NA rows get an empty evidence_text
    Fails,
}

impl Evidence {
    /// The choice of an `--evidence` name (`all`, `fails`).
    pub fn from_name(name: &str) -> Option<Evidence> {
        match name {
            "all" => Some(Evidence::All),
            "fails" => Some(Evidence::Fails),
            _ => None,
        }
    }

    /// Whether a row of this status keeps its evidence text.
    pub fn keeps(self, status: Status) -> bool {
        self == Evidence::All || status == Status::Fail
    }
}

/// Where the steps of a report folder are: `steps.csv`, else `steps.csv.zst`. A folder
/// with only `steps.parquet` is an error naming the formats that can be read.
pub fn steps_path(dir: &Path) -> io::Result<PathBuf> {
    for f in [StepsFormat::Csv, StepsFormat::CsvZst] {
        let p = dir.join(f.file_name());
        if p.exists() {
            return Ok(p);
        }
    }
    let parquet = dir.join(StepsFormat::Parquet.file_name());
    if parquet.exists() {
        return Err(io::Error::new(
            io::ErrorKind::Unsupported,
            format!(
                "{}: this command reads steps.csv or steps.csv.zst, not parquet; audit with --steps-format csv or csv.zst to use it here",
                parquet.display()
            ),
        ));
    }
    Ok(dir.join(StepsFormat::Csv.file_name()))
}

/// The writer of the steps report of a set.
pub(super) enum StepsWriter {
    Csv(BufWriter<Sink>),
    Zst(zstd::Encoder<'static, BufWriter<Sink>>),
    #[cfg(feature = "parquet")]
    Parquet(Box<super::parquet::ParquetSteps>),
}

/// zstd level of steps.csv.zst: the default, fast enough for the writing thread.
const ZSTD_LEVEL: i32 = 3;

impl StepsWriter {
    /// Creates the steps report of `format` in `dir`, with its header.
    pub fn create(dir: &Path, format: StepsFormat, header: &[&str]) -> io::Result<StepsWriter> {
        let mut head = Vec::new();
        push_record(&mut head, header, Cells::Raw);
        let file = || super::create(dir, format.file_name());
        Ok(match format {
            StepsFormat::Csv => {
                let mut w = file()?;
                w.write_all(&head)?;
                StepsWriter::Csv(w)
            }
            StepsFormat::CsvZst => {
                let mut w = zstd::Encoder::new(file()?, ZSTD_LEVEL)?;
                w.write_all(&head)?;
                StepsWriter::Zst(w)
            }
            #[cfg(feature = "parquet")]
            StepsFormat::Parquet => {
                let f = std::fs::File::create(dir.join(format.file_name()))?;
                StepsWriter::Parquet(Box::new(super::parquet::ParquetSteps::create(Sink(f))?))
            }
            #[cfg(not(feature = "parquet"))]
            StepsFormat::Parquet => return Err(io::Error::new(
                io::ErrorKind::Unsupported,
                "--steps-format parquet: this callaudit was built without the `parquet` feature",
            )),
        })
    }

    /// Whether rows are wanted as columns ([`StepColumns`]) rather than CSV bytes.
    pub fn columnar(format: StepsFormat) -> bool {
        format == StepsFormat::Parquet
    }

    /// Writes a block's rows: its CSV bytes, or its columns.
    #[cfg_attr(not(feature = "parquet"), allow(unused_variables))]
    pub fn add(&mut self, csv: &[u8], columns: Option<&StepColumns>) -> io::Result<()> {
        match self {
            StepsWriter::Csv(w) => w.write_all(csv),
            StepsWriter::Zst(w) => w.write_all(csv),
            #[cfg(feature = "parquet")]
            StepsWriter::Parquet(p) => match columns {
                Some(c) => p.add(c),
                None => Ok(()),
            },
        }
    }

    /// Finishes the file and flushes it to disk.
    pub fn finish(self) -> io::Result<()> {
        match self {
            StepsWriter::Csv(w) => super::close(w),
            StepsWriter::Zst(w) => super::close(w.finish()?),
            #[cfg(feature = "parquet")]
            StepsWriter::Parquet(p) => p.finish(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row<'a>(status: Status, text: &'a str) -> StepRow<'a> {
        StepRow {
            call_id: "c1",
            step: "greeting",
            status,
            reason: "",
            evidence_time: "1.5",
            evidence_text: text,
            similarity: Some(0.876),
            confidence: 0.5,
            needs_review: false,
            overridden: None,
            agent_id: "a1",
            evidence_at: "",
        }
    }

    #[test]
    fn columns_hold_neutral_cells_and_rounded_floats() {
        let mut c = StepColumns::default();
        c.push(&row(Status::Pass, "=cmd"), Cells::Neutral);
        c.push(&row(Status::Fail, "halo"), Cells::Raw);
        assert_eq!(c.rows, 2);
        assert_eq!(c.text(5, 0), b"'=cmd");
        assert_eq!(c.text(5, 1), b"halo");
        assert_eq!(c.text(2, 1), b"FAIL");
        assert_eq!(c.text(9, 0), b"");
        assert_eq!(c.similarity[0], Some(0.88));
        let mut all = StepColumns::default();
        all.append(&c);
        all.append(&c);
        assert_eq!(all.rows, 4);
        assert_eq!(all.text(5, 2), b"'=cmd");
        assert_eq!(all.text(0, 3), b"c1");
    }

    #[test]
    fn evidence_kept_for_fails_only_when_asked() {
        assert!(Evidence::All.keeps(Status::Pass));
        assert!(Evidence::Fails.keeps(Status::Fail));
        assert!(!Evidence::Fails.keeps(Status::Pass));
        assert!(!Evidence::Fails.keeps(Status::Na));
    }

    #[test]
    fn steps_path_prefers_csv_and_refuses_parquet_only() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        assert_eq!(steps_path(d).unwrap(), d.join("steps.csv"));
        std::fs::write(d.join("steps.parquet"), b"").unwrap();
        let e = steps_path(d).unwrap_err();
        assert!(e.to_string().contains("--steps-format csv"), "{e}");
        std::fs::write(d.join("steps.csv.zst"), b"").unwrap();
        assert_eq!(steps_path(d).unwrap(), d.join("steps.csv.zst"));
        std::fs::write(d.join("steps.csv"), b"").unwrap();
        assert_eq!(steps_path(d).unwrap(), d.join("steps.csv"));
    }
}
