//! `steps.parquet`: the steps report as a Parquet file, written with the parquet crate's
//! low-level column writers (no arrow). Rows arrive as [`StepColumns`] blocks in call
//! order and are written as a row group every [`ROW_GROUP`] rows, so what is held is
//! one row group of column data, whatever the archive's size.
//!
//! Schema (column order as in steps.csv):
//!
//! ```text
//! call_id, step, status: required string
//! reason, evidence_time, evidence_text: optional string (null when empty)
//! similarity: optional double (2 decimals, as steps.csv; null when empty)
//! confidence: required double (2 decimals)
//! needs_review: required boolean
//! overridden_by, audit_status, agent_id, evidence_at: optional string
//! ```

use super::sink::Sink;
use super::step_rows::{StepColumns, REQUIRED_TEXT, ROW_GROUP};
use bytes::Bytes;
use parquet::basic::{Compression, ZstdLevel};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use std::io;
use std::sync::Arc;

/// The Parquet schema of steps.parquet.
pub const SCHEMA: &str = "message steps {
  required binary call_id (STRING);
  required binary step (STRING);
  required binary status (STRING);
  optional binary reason (STRING);
  optional binary evidence_time (STRING);
  optional binary evidence_text (STRING);
  optional double similarity;
  required double confidence;
  required boolean needs_review;
  optional binary overridden_by (STRING);
  optional binary audit_status (STRING);
  optional binary agent_id (STRING);
  optional binary evidence_at (STRING);
}";

/// Where each STEP_COLUMNS column comes from.
#[derive(Clone, Copy)]
enum Col {
    Text(usize),
    Similarity,
    Confidence,
    NeedsReview,
}

const LAYOUT: [Col; 13] = [
    Col::Text(0),
    Col::Text(1),
    Col::Text(2),
    Col::Text(3),
    Col::Text(4),
    Col::Text(5),
    Col::Similarity,
    Col::Confidence,
    Col::NeedsReview,
    Col::Text(6),
    Col::Text(7),
    Col::Text(8),
    Col::Text(9),
];

fn pq_err(e: parquet::errors::ParquetError) -> io::Error {
    match e {
        parquet::errors::ParquetError::External(inner) => match inner.downcast::<io::Error>() {
            Ok(io) => *io,
            Err(other) => io::Error::other(other),
        },
        other => io::Error::other(other),
    }
}

/// The writer of steps.parquet.
pub struct ParquetSteps {
    writer: SerializedFileWriter<Sink>,
    pending: StepColumns,
}

impl ParquetSteps {
    /// Starts steps.parquet on `file`.
    pub fn create(file: Sink) -> io::Result<ParquetSteps> {
        let schema = Arc::new(parse_message_type(SCHEMA).map_err(pq_err)?);
        let level = ZstdLevel::try_new(3).map_err(pq_err)?;
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(level))
            .set_created_by(format!("callaudit {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer = SerializedFileWriter::new(file, schema, Arc::new(props)).map_err(pq_err)?;
        Ok(ParquetSteps {
            writer,
            pending: StepColumns::default(),
        })
    }

    /// Adds a block's rows; writes a row group once [`ROW_GROUP`] rows are held.
    pub fn add(&mut self, rows: &StepColumns) -> io::Result<()> {
        self.pending.append(rows);
        if self.pending.rows >= ROW_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes the rows held as one row group.
    fn flush(&mut self) -> io::Result<()> {
        let c = &mut self.pending;
        if c.rows == 0 {
            return Ok(());
        }
        let mut group = self.writer.next_row_group().map_err(pq_err)?;
        for col in LAYOUT {
            let mut w = group
                .next_column()
                .map_err(pq_err)?
                .ok_or_else(|| io::Error::other("steps.parquet: schema has fewer columns"))?;
            match col {
                Col::Text(t) => {
                    let text = Bytes::from(std::mem::take(&mut c.text[t]));
                    let mut values = Vec::with_capacity(c.rows);
                    let mut defs = Vec::with_capacity(c.rows);
                    let mut start = 0;
                    for &end in &c.ends[t] {
                        if t < REQUIRED_TEXT || end > start {
                            values.push(ByteArray::from(text.slice(start..end)));
                            defs.push(1);
                        } else {
                            defs.push(0);
                        }
                        start = end;
                    }
                    let defs = (t >= REQUIRED_TEXT).then_some(&defs[..]);
                    w.typed::<ByteArrayType>()
                        .write_batch(&values, defs, None)
                        .map_err(pq_err)?;
                }
                Col::Similarity => {
                    let values: Vec<f64> = c.similarity.iter().flatten().copied().collect();
                    let defs: Vec<i16> = c.similarity.iter().map(|s| s.is_some().into()).collect();
                    w.typed::<DoubleType>()
                        .write_batch(&values, Some(&defs), None)
                        .map_err(pq_err)?;
                }
                Col::Confidence => {
                    w.typed::<DoubleType>()
                        .write_batch(&c.confidence, None, None)
                        .map_err(pq_err)?;
                }
                Col::NeedsReview => {
                    w.typed::<BoolType>()
                        .write_batch(&c.needs_review, None, None)
                        .map_err(pq_err)?;
                }
            }
            w.close().map_err(pq_err)?;
        }
        group.close().map_err(pq_err)?;
        c.clear();
        Ok(())
    }

    /// Writes the last row group and the footer, and flushes the file to disk.
    pub fn finish(mut self) -> io::Result<()> {
        self.flush()?;
        let sink = self.writer.into_inner().map_err(pq_err)?;
        sink.0.sync_all()
    }
}
