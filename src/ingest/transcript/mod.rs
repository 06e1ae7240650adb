//! Transcript readers: every supported speech-to-text output format, turned into
//! [`RawTranscript`]s whose speakers are still labels (`AGENT`, `spk_0`, `ch_1`, ...).
//!
//! Mapping labels to roles happens afterwards in [`crate::ingest::roles`], so a reader only
//! has to know its file format. To add a format: add a [`Format`] variant, a module with a
//! `parse(text) -> Result<Vec<RawTranscript>, ParseError>` function, and wire it in
//! [`Format::parse`] and [`Format::detect`].

pub mod jsonl;
pub mod text;

use std::fmt;
use std::path::Path;

/// A turn as written by the engine: speaker label not yet mapped to a role.
#[derive(Debug, Clone, PartialEq)]
pub struct RawTurn {
    /// Speaker or channel label as found (`agent`, `PELANGGAN`, `spk_0`, `ch_1`, `1`).
    pub speaker: String,
    /// Seconds from call start.
    pub start: f64,
    /// Seconds from call start; equal to `start` when the format gives no end.
    pub end: f64,
    pub text: String,
}

/// The turns of one call as read from a file (or one line of a bundle).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawTranscript {
    /// Call id when the format carries one (JSONL bundles); `None` for per-call files.
    pub call_id: Option<String>,
    pub turns: Vec<RawTurn>,
    /// 1-based line the transcript starts on (bundle line), for rejects.
    pub line: Option<u64>,
}

/// Why a transcript could not be read, with the position at fault when known.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct ParseError {
    /// 1-based line in the file, when the format has lines.
    pub line: Option<u64>,
    pub message: String,
}

impl ParseError {
    pub fn new(line: Option<u64>, message: impl Into<String>) -> Self {
        ParseError {
            line,
            message: message.into(),
        }
    }
}

/// A transcript file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One JSON object per line: `{"call_id":..,"turns":[{speaker,start,end,text}]}`.
    Jsonl,
    /// `[mm:ss] AGENT: text` lines.
    Text,
}

impl Format {
    /// Names accepted by `--format`.
    pub const NAMES: &'static [&'static str] = &["jsonl", "text"];

    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "jsonl" => Some(Format::Jsonl),
            "text" | "txt" => Some(Format::Text),
            _ => None,
        }
    }

    /// Picks the format from the file extension, then from the first bytes.
    pub fn detect(path: &Path, head: &str) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "jsonl" | "ndjson" => Format::Jsonl,
            "txt" => Format::Text,
            _ => {
                let t = head.trim_start();
                if t.starts_with('{') && t.lines().count() > 1 {
                    Format::Jsonl
                } else {
                    Format::Text
                }
            }
        }
    }

    /// Parses a whole file's text.
    pub fn parse(self, text: &str) -> Result<Vec<RawTranscript>, ParseError> {
        match self {
            Format::Jsonl => jsonl::parse(text),
            Format::Text => text::parse(text).map(|t| vec![t]),
        }
    }

    /// Whether one file holds many calls (each carrying its call id).
    pub fn is_bundle(self) -> bool {
        matches!(self, Format::Jsonl)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Jsonl => "jsonl",
            Format::Text => "text",
        })
    }
}

/// Parses `ss`, `mm:ss`, `hh:mm:ss` with optional `.mmm` or `,mmm` fraction into seconds.
pub fn parse_clock(s: &str) -> Option<f64> {
    let s = s.trim().replace(',', ".");
    let parts: Vec<&str> = s.split(':').collect();
    if parts.is_empty() || parts.len() > 3 {
        return None;
    }
    let mut total = 0.0;
    for (i, p) in parts.iter().enumerate() {
        let is_last = i + 1 == parts.len();
        if p.is_empty()
            || !p
                .chars()
                .all(|c| c.is_ascii_digit() || (is_last && c == '.'))
        {
            return None;
        }
        let v: f64 = p.parse().ok()?;
        if i > 0 && v >= 60.0 {
            return None;
        }
        total = total * 60.0 + v;
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_forms() {
        assert_eq!(parse_clock("01:05"), Some(65.0));
        assert_eq!(parse_clock("01:00:02.500"), Some(3602.5));
        assert_eq!(parse_clock("00:00:02,250"), Some(2.25));
        assert_eq!(parse_clock("7"), Some(7.0));
        assert_eq!(parse_clock("1:75"), None);
        assert_eq!(parse_clock("a:00"), None);
        assert_eq!(parse_clock(""), None);
    }

    #[test]
    fn detect_by_extension_then_content() {
        assert_eq!(Format::detect(Path::new("a.jsonl"), ""), Format::Jsonl);
        assert_eq!(Format::detect(Path::new("a.txt"), "{"), Format::Text);
        assert_eq!(
            Format::detect(Path::new("a"), "{\"call_id\":1}\n{}\n"),
            Format::Jsonl
        );
    }
}
