//! `run.json`: the machine-readable summary of a run, written beside the reports: tool
//! version, profile provenance, inputs, counts, mean score, rejects by reason, timings.

use super::{fixed, Reports};
use crate::profile::Provenance;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The inputs a run read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunInputs {
    pub calls: String,
    pub actions: String,
    pub reports: String,
    pub transcripts: Vec<String>,
    pub overrides: Option<String>,
}

/// The profile as recorded in run.json.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunProfile {
    pub name: String,
    pub version: String,
    pub hash: String,
}

/// Seconds spent, rounded to milliseconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timings {
    /// Reading and indexing the report export (and overrides).
    pub index_s: f64,
    /// Reading, auditing and writing the calls.
    pub audit_s: f64,
    pub total_s: f64,
}

/// Everything run.json holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunInfo {
    pub tool: String,
    pub tool_version: String,
    /// When the run started and finished (UTC, RFC 3339).
    pub started_at: String,
    pub finished_at: String,
    pub profile: RunProfile,
    pub inputs: RunInputs,
    pub calls_audited: usize,
    /// Calls read past because the history already holds them scored by this profile.
    pub calls_skipped: usize,
    pub rejects: usize,
    /// Reject count by the reason's leading words (details cut at `:`, `(` or a quote).
    pub rejects_by_reason: BTreeMap<String, usize>,
    /// Mean call score, one decimal; `None` when nothing was audited.
    pub mean_score: Option<f64>,
    pub critical_fails: u64,
    /// Whether the inputs streamed in call_id order (else they were indexed).
    pub streamed: bool,
    pub timings: Timings,
}

/// The kind of a reject: its reason up to the first detail.
pub fn reason_kind(reason: &str) -> String {
    let end = reason.find([':', '(', '"', '\'']).unwrap_or(reason.len());
    reason[..end].trim().to_string()
}

fn ms(s: f64) -> f64 {
    (s * 1000.0).round() / 1000.0
}

impl RunInfo {
    /// The summary of a run whose reports are `out` (before commit). `seconds`: index,
    /// audit, total.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        inputs: RunInputs,
        prov: &Provenance,
        out: &Reports,
        audited: usize,
        skipped: usize,
        streamed: bool,
        seconds: [f64; 3],
    ) -> RunInfo {
        let rejects = out.rejects();
        let mut by_reason = BTreeMap::new();
        for r in &rejects {
            *by_reason.entry(reason_kind(&r.reason)).or_insert(0) += 1;
        }
        let now = chrono::Utc::now();
        let took = chrono::Duration::milliseconds((seconds[2] * 1000.0) as i64);
        let stamp =
            |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        RunInfo {
            tool: env!("CARGO_PKG_NAME").into(),
            tool_version: env!("CARGO_PKG_VERSION").into(),
            started_at: stamp(now - took),
            finished_at: stamp(now),
            profile: RunProfile {
                name: prov.name.clone(),
                version: prov.version.clone(),
                hash: prov.hash.clone(),
            },
            inputs,
            calls_audited: audited,
            calls_skipped: skipped,
            rejects: rejects.len(),
            rejects_by_reason: by_reason,
            mean_score: out
                .agents()
                .mean_score()
                .and_then(|m| fixed(m, 1).parse().ok()),
            critical_fails: out.agents().critical_fails(),
            streamed,
            timings: Timings {
                index_s: ms(seconds[0]),
                audit_s: ms(seconds[1]),
                total_s: ms(seconds[2]),
            },
        }
    }

    pub fn to_json(&self) -> Vec<u8> {
        let mut v = serde_json::to_vec_pretty(self).expect("run info serialises");
        v.push(b'\n');
        v
    }
}

#[cfg(test)]
mod tests {
    use super::reason_kind;

    #[test]
    fn reason_kinds_drop_details() {
        assert_eq!(
            reason_kind("bad timestamp in started_at \"x\": premature end"),
            "bad timestamp in started_at"
        );
        assert_eq!(
            reason_kind("duplicate call_id (first on line 4)"),
            "duplicate call_id"
        );
        assert_eq!(reason_kind("transcript is empty"), "transcript is empty");
    }
}
