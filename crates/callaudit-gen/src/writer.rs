//! Streams a generated archive to disk: the CSV files, per-call transcript files under
//! `transcripts/NNN/` (at most 1,000 per folder) and JSONL bundles of at most 10,000
//! calls, all through buffered writers; nothing is held beyond the current call.
//!
//! Byte-identical output for a seed follows from writing calls in index order with fixed
//! formatting (no maps, no locale, floats with one decimal).

use super::clock::push_rfc3339;
use super::facts::Scenario;
use super::records::{ActionRow, ReportRow};
use anyhow::{Context, Result};
use callaudit::model::{PathKind, Role, Turn, STEP_IDS};
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Calls per JSONL bundle, unless [`crate::Options::bundle_calls`] says otherwise.
pub const BUNDLE_CALLS: u64 = 10_000;
/// Transcript files per `transcripts/NNN/` folder.
pub const FILES_PER_DIR: u64 = 1_000;

/// Where transcripts go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Files,
    Jsonl,
    Mixed,
}

impl Layout {
    pub fn parse(s: &str) -> Result<Layout> {
        match s {
            "files" => Ok(Layout::Files),
            "jsonl" => Ok(Layout::Jsonl),
            "mixed" => Ok(Layout::Mixed),
            other => anyhow::bail!("unknown --layout {other:?}: expected files, jsonl or mixed"),
        }
    }

    /// Whether call `index` gets its own text file (else it goes into a bundle).
    pub fn as_file(self, index: u64) -> bool {
        match self {
            Layout::Files => true,
            Layout::Jsonl => false,
            Layout::Mixed => index.is_multiple_of(2),
        }
    }
}

/// Everything one call writes.
pub struct CallRecord<'a> {
    pub scenario: &'a Scenario,
    pub turns: &'a [Turn],
    pub holdout: &'a [bool; 16],
    pub actions: &'a [ActionRow],
    pub reports: &'a [ReportRow],
    pub duration_s: u32,
}

type Csv = csv::Writer<BufWriter<File>>;

/// The open archive.
pub struct Archive {
    out: PathBuf,
    calls: Csv,
    actions: Csv,
    reports: Csv,
    truth: Csv,
    expected: Csv,
    bundle: Option<BufWriter<File>>,
    bundle_calls: u64,
    /// Calls per bundle file.
    bundle_limit: u64,
    bundles: u64,
    text_files: u64,
    /// Bytes of transcript files and bundles written so far.
    bytes: u64,
    scratch: String,
}

fn csv_writer(path: &Path, header: &[&str]) -> Result<Csv> {
    let file = File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut w = csv::WriterBuilder::new().from_writer(BufWriter::with_capacity(1 << 16, file));
    w.write_record(header)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(w)
}

impl Archive {
    /// Creates the archive's files in `out`, which must not exist or be empty.
    pub fn create(out: &Path, bundle_limit: u64) -> Result<Archive> {
        if out.exists() {
            let mut entries =
                fs::read_dir(out).with_context(|| format!("reading {}", out.display()))?;
            if entries.next().is_some() {
                anyhow::bail!(
                    "{}: output folder is not empty; generate into a new or empty folder",
                    out.display()
                );
            }
        }
        fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
        Ok(Archive {
            out: out.to_path_buf(),
            calls: csv_writer(
                &out.join("calls.csv"),
                &[
                    "call_id",
                    "started_at",
                    "duration_s",
                    "agent_id",
                    "agent_name",
                    "site_code",
                    "team",
                    "caller_number",
                    "crm_caller_name",
                    "transcript",
                ],
            )?,
            actions: csv_writer(
                &out.join("actions.csv"),
                &[
                    "call_id",
                    "at",
                    "system",
                    "action",
                    "report_no",
                    "ref_report_no",
                    "category",
                    "escalation_type",
                    "note",
                ],
            )?,
            reports: csv_writer(
                &out.join("reports.csv"),
                &callaudit::ingest::tables::REPORT_COLUMNS,
            )?,
            truth: csv_writer(
                &out.join("truth.csv"),
                &["call_id", "step", "expected", "holdout"],
            )?,
            expected: csv_writer(
                &out.join("expected_calls.csv"),
                &["call_id", "path", "urgent", "prior_report_no"],
            )?,
            bundle: None,
            bundle_calls: 0,
            bundle_limit: bundle_limit.max(1),
            bundles: 0,
            text_files: 0,
            bytes: 0,
            scratch: String::with_capacity(8 << 10),
        })
    }

    fn stamp(&mut self, t: i64) -> &str {
        self.scratch.clear();
        push_rfc3339(&mut self.scratch, t);
        &self.scratch
    }

    /// Writes one call; `as_file` picks a text transcript over a bundle line.
    pub fn write(&mut self, rec: &CallRecord<'_>, as_file: bool) -> Result<()> {
        let sc = rec.scenario;
        let transcript = if as_file {
            self.write_text(sc, rec.turns)?
        } else {
            self.write_bundle_line(sc, rec.turns)?;
            String::new()
        };

        let started = self.stamp(sc.start).to_string();
        let duration = rec.duration_s.to_string();
        let crm = if sc.caller.crm {
            sc.caller.full.as_str()
        } else {
            ""
        };
        self.calls.write_record([
            sc.call_id.as_str(),
            &started,
            &duration,
            sc.agent.id,
            sc.agent.name,
            sc.agent.site,
            sc.agent.team,
            &sc.caller.number,
            crm,
            &transcript,
        ])?;

        for a in rec.actions {
            let at = self.stamp(a.at).to_string();
            self.actions.write_record([
                sc.call_id.as_str(),
                &at,
                a.system,
                a.action,
                &a.report_no,
                &a.ref_report_no,
                a.category,
                a.escalation_type,
                &a.note,
            ])?;
        }

        for r in rec.reports {
            let created = self.stamp(r.created_at).to_string();
            let resolved = r
                .resolved_at
                .map(|t| self.stamp(t).to_string())
                .unwrap_or_default();
            let escalated = r
                .escalated_at
                .map(|t| self.stamp(t).to_string())
                .unwrap_or_default();
            self.reports.write_record([
                r.report_no.as_str(),
                &created,
                &resolved,
                r.category,
                &r.caller_name,
                &r.address,
                &r.problem,
                &r.caller_phone,
                &escalated,
                &r.unit_answer,
            ])?;
        }

        for (i, step) in STEP_IDS.iter().enumerate() {
            self.truth.write_record([
                sc.call_id.as_str(),
                step,
                sc.truth[i].as_str(),
                if rec.holdout[i] { "true" } else { "false" },
            ])?;
        }

        let prior = sc.prior.as_ref().map_or("", |p| p.no.as_str());
        self.expected.write_record([
            sc.call_id.as_str(),
            path_name(sc.path),
            if sc.is_urgent() { "true" } else { "false" },
            prior,
        ])?;
        Ok(())
    }

    /// `transcripts/NNN/<call_id>.txt`, `[mm:ss] AGENT: ...` lines; returns the relative path.
    fn write_text(&mut self, sc: &Scenario, turns: &[Turn]) -> Result<String> {
        let dir_no = self.text_files / FILES_PER_DIR;
        let rel_dir = format!("transcripts/{dir_no:03}");
        if self.text_files.is_multiple_of(FILES_PER_DIR) {
            let dir = self.out.join(&rel_dir);
            fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        self.text_files += 1;
        let rel = format!("{rel_dir}/{}.txt", sc.call_id);
        let mut text = String::with_capacity(turns.len() * 96);
        for t in turns {
            let s = t.start.floor() as u64;
            if s >= 3600 {
                text.push_str(&format!(
                    "[{:02}:{:02}:{:02}] ",
                    s / 3600,
                    s / 60 % 60,
                    s % 60
                ));
            } else {
                text.push_str(&format!("[{:02}:{:02}] ", s / 60, s % 60));
            }
            text.push_str(match t.role {
                Role::Agent => "AGENT: ",
                Role::Caller => "PELANGGAN: ",
            });
            text.push_str(&t.text);
            text.push('\n');
        }
        let path = self.out.join(&rel);
        fs::write(&path, text.as_bytes()).with_context(|| format!("writing {}", path.display()))?;
        self.bytes += text.len() as u64;
        Ok(rel)
    }

    fn write_bundle_line(&mut self, sc: &Scenario, turns: &[Turn]) -> Result<()> {
        if self.bundle.is_none() || self.bundle_calls == self.bundle_limit {
            if let Some(mut b) = self.bundle.take() {
                b.flush()?;
            }
            let path = self.out.join(format!("bundle-{:04}.jsonl", self.bundles));
            let file =
                File::create(&path).with_context(|| format!("creating {}", path.display()))?;
            self.bundle = Some(BufWriter::with_capacity(1 << 17, file));
            self.bundles += 1;
            self.bundle_calls = 0;
        }
        let mut line = String::with_capacity(turns.len() * 128);
        line.push_str("{\"call_id\":");
        json_str(&mut line, &sc.call_id);
        line.push_str(",\"turns\":[");
        for (i, t) in turns.iter().enumerate() {
            if i > 0 {
                line.push(',');
            }
            line.push_str("{\"speaker\":");
            line.push_str(match t.role {
                Role::Agent => "\"agent\"",
                Role::Caller => "\"caller\"",
            });
            line.push_str(&format!(
                ",\"start\":{:.1},\"end\":{:.1},\"text\":",
                t.start, t.end
            ));
            json_str(&mut line, &t.text);
            line.push('}');
        }
        line.push_str("]}\n");
        let b = self.bundle.as_mut().expect("bundle open");
        b.write_all(line.as_bytes())?;
        self.bytes += line.len() as u64;
        self.bundle_calls += 1;
        Ok(())
    }

    /// Flushes everything; returns (files written, bytes written).
    pub fn finish(mut self) -> Result<(u64, u64)> {
        if let Some(mut b) = self.bundle.take() {
            b.flush()?;
        }
        let mut bytes = self.bytes;
        for (w, name) in [
            (self.calls, "calls.csv"),
            (self.actions, "actions.csv"),
            (self.reports, "reports.csv"),
            (self.truth, "truth.csv"),
            (self.expected, "expected_calls.csv"),
        ] {
            let mut inner = w
                .into_inner()
                .map_err(|e| anyhow::anyhow!("flushing {name}: {}", e.error()))?;
            inner.flush().with_context(|| format!("flushing {name}"))?;
            bytes += fs::metadata(self.out.join(name))?.len();
        }
        Ok((5 + self.bundles + self.text_files, bytes))
    }
}

fn path_name(p: PathKind) -> &'static str {
    p.as_str()
}

/// Appends `s` as a JSON string literal.
fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_escape() {
        let mut s = String::new();
        json_str(&mut s, "a\"b\\c\nd\u{1}");
        assert_eq!(s, "\"a\\\"b\\\\c\\nd\\u0001\"");
        let v: String = serde_json::from_str(&s).unwrap();
        assert_eq!(v, "a\"b\\c\nd\u{1}");
    }

    #[test]
    fn layouts() {
        assert_eq!(Layout::parse("mixed").unwrap(), Layout::Mixed);
        assert!(Layout::parse("zip").is_err());
        assert!(Layout::Files.as_file(1));
        assert!(!Layout::Jsonl.as_file(0));
        assert!(Layout::Mixed.as_file(0) && !Layout::Mixed.as_file(1));
    }
}
