//! A row of the steps report ([`StepRow`]), as every format takes it, and rows held
//! column by column ([`StepColumns`]) for the columnar writer.

use super::csvout::Cells;
use crate::model::Status;

/// Rows of `steps.parquet` per row group (about 9 MB of column data at 140 B a row).
pub const ROW_GROUP: usize = 1 << 16;

/// One row of the steps report, as every format writes it (before neutralisation).
#[derive(Debug, Clone, Copy)]
pub struct StepRow<'a> {
    pub call_id: &'a str,
    pub step: &'a str,
    pub status: Status,
    pub reason: &'a str,
    pub evidence_time: &'a str,
    pub evidence_text: &'a str,
    pub similarity: Option<f64>,
    pub confidence: f64,
    pub needs_review: bool,
    /// Reviewer and the audit's own status, when the step was overridden.
    pub overridden: Option<(&'a str, Status)>,
    pub agent_id: &'a str,
    pub evidence_at: &'a str,
}

/// Text columns of [`StepColumns`], in STEP_COLUMNS order.
pub const TEXT_COLUMNS: [&str; 10] = [
    "call_id",
    "step",
    "status",
    "reason",
    "evidence_time",
    "evidence_text",
    "overridden_by",
    "audit_status",
    "agent_id",
    "evidence_at",
];

/// Text columns that are never null: the rest are null when empty.
pub const REQUIRED_TEXT: usize = 3;

/// Step rows held column by column (for `steps.parquet`): per text column its bytes and
/// the end offset of each row's value; an empty value of an optional column is null.
#[derive(Debug, Default, Clone)]
pub struct StepColumns {
    pub rows: usize,
    pub text: [Vec<u8>; 10],
    pub ends: [Vec<usize>; 10],
    pub similarity: Vec<Option<f64>>,
    pub confidence: Vec<f64>,
    pub needs_review: Vec<bool>,
    scratch: Vec<u8>,
}

/// A float as the CSV writes it (`decimals` places), read back: the value a CSV reader
/// of steps.csv gets.
fn rounded(v: f64, decimals: usize, scratch: &mut Vec<u8>) -> f64 {
    scratch.clear();
    super::push_fixed(scratch, v, decimals);
    std::str::from_utf8(scratch)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(v)
}

impl StepColumns {
    /// Appends a row, its text cells neutralised by `cells`.
    pub fn push(&mut self, r: &StepRow, cells: Cells) {
        let (who, audit) = match r.overridden {
            Some((who, audit)) => (who, audit.as_str()),
            None => ("", ""),
        };
        let texts = [
            r.call_id,
            r.step,
            r.status.as_str(),
            r.reason,
            r.evidence_time,
            r.evidence_text,
            who,
            audit,
            r.agent_id,
            r.evidence_at,
        ];
        for ((t, buf), ends) in texts.iter().zip(&mut self.text).zip(&mut self.ends) {
            buf.extend_from_slice(cells.apply(t).as_bytes());
            ends.push(buf.len());
        }
        let sim = r.similarity.map(|v| rounded(v, 2, &mut self.scratch));
        self.similarity.push(sim);
        let c = rounded(r.confidence, 2, &mut self.scratch);
        self.confidence.push(c);
        self.needs_review.push(r.needs_review);
        self.rows += 1;
    }

    /// Appends all rows of `other`.
    pub fn append(&mut self, other: &StepColumns) {
        for c in 0..TEXT_COLUMNS.len() {
            let base = self.text[c].len();
            self.text[c].extend_from_slice(&other.text[c]);
            self.ends[c].extend(other.ends[c].iter().map(|e| e + base));
        }
        self.similarity.extend_from_slice(&other.similarity);
        self.confidence.extend_from_slice(&other.confidence);
        self.needs_review.extend_from_slice(&other.needs_review);
        self.rows += other.rows;
    }

    /// The value of text column `c` in row `i`.
    pub fn text(&self, c: usize, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[c][i - 1] };
        &self.text[c][start..self.ends[c][i]]
    }

    /// Drops every row, keeping the buffers.
    pub fn clear(&mut self) {
        self.text.iter_mut().for_each(Vec::clear);
        self.ends.iter_mut().for_each(Vec::clear);
        self.similarity.clear();
        self.confidence.clear();
        self.needs_review.clear();
        self.rows = 0;
    }
}
