//! Transcript readers: every supported speech-to-text output format, turned into
//! [`RawTranscript`]s whose speakers are still labels (`AGENT`, `spk_0`, `ch_1`, ...).
//!
//! Mapping labels to roles happens afterwards in [`crate::ingest::roles`], so a reader only
//! has to know its file format. To add a format: add a [`Format`] variant, a module with a
//! `parse(text) -> Result<_, ParseError>` function, and wire it in [`Format::parse`],
//! [`Format::NAMES`] / [`Format::from_name`] / `Display`, and the rules of [`detect`].
//!
//! Every reader returns an error for bad input and never panics (property tests and fuzz
//! targets hold them to that); errors name the line, or the JSON path of the bad field.

pub mod azure;
pub mod call_analytics;
pub mod confidence;
mod cues;
pub mod deepgram;
pub mod detect;
mod json;
pub mod jsonl;
pub mod pca;
pub mod render;
pub mod srt;
pub mod text;
pub mod transcribe;
pub mod vtt;
pub mod whisper;
mod words;

pub use cues::{speaker_prefix, UNKNOWN_SPEAKER};
pub use render::render;
pub use words::MAX_PAUSE;

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
    /// The engine's mean word confidence, 0..=1, when the format carries one
    /// (see [`confidence`]).
    pub confidence: Option<f64>,
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

/// A parser's message with what it quotes of the input (`"..."`, as serde_json quotes
/// strings it met) replaced by `"…"`: a reject names the fault, never the content.
pub fn unquoted(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len());
    let mut parts = msg.split('"');
    out.push_str(parts.next().unwrap_or(""));
    let mut inside = true;
    for p in parts {
        out.push('"');
        out.push_str(if inside { "…" } else { p });
        inside = !inside;
    }
    out
}

/// A transcript file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One JSON object per line: `{"call_id":..,"turns":[{speaker,start,end,text}]}`.
    Jsonl,
    /// `[mm:ss] AGENT: text` lines.
    Text,
    /// WebVTT subtitles (`.vtt`): `<v Speaker>` voice tags or `NAME:` prefixes.
    Vtt,
    /// SubRip subtitles (`.srt`): `NAME:` prefixes.
    Srt,
    /// Whisper / WhisperX JSON: `segments[]` with optional `speaker`.
    WhisperJson,
    /// Amazon Transcribe standard JSON: words with speaker or channel labels.
    Transcribe,
    /// Amazon Transcribe Call Analytics / Connect Contact Lens: `Transcript[]` turns.
    CallAnalytics,
    /// AWS Post Call Analytics (PCA) parsed output: `SpeechSegments[]`.
    Pca,
    /// Deepgram pre-recorded response or live `Results` messages.
    Deepgram,
    /// Azure AI Speech batch transcription result: `recognizedPhrases[]`.
    Azure,
}

impl Format {
    /// Every format with the names `--format` accepts for it: the first is its own name
    /// (as reports print it), the rest are aliases. The one table the other lists derive
    /// from.
    const NAMED: [(Format, &'static [&'static str]); 10] = [
        (Format::Jsonl, &["jsonl", "ndjson"]),
        (Format::Text, &["text", "txt"]),
        (Format::Vtt, &["vtt", "webvtt"]),
        (Format::Srt, &["srt", "subrip"]),
        (
            Format::WhisperJson,
            &["whisper-json", "whisper", "whisperx"],
        ),
        (Format::Transcribe, &["transcribe", "aws-transcribe"]),
        (
            Format::CallAnalytics,
            &["transcribe-ca", "call-analytics", "contact-lens"],
        ),
        (Format::Pca, &["pca", "aws-pca"]),
        (Format::Deepgram, &["deepgram"]),
        (Format::Azure, &["azure", "azure-speech"]),
    ];

    /// Own names of every format, in the order of [`Format::ALL`].
    pub const NAMES: [&'static str; 10] = {
        let mut out = [""; 10];
        let mut i = 0;
        while i < 10 {
            out[i] = Self::NAMED[i].1[0];
            i += 1;
        }
        out
    };

    /// Every format.
    pub const ALL: [Format; 10] = {
        let mut out = [Format::Jsonl; 10];
        let mut i = 0;
        while i < 10 {
            out[i] = Self::NAMED[i].0;
            i += 1;
        }
        out
    };

    /// The format of a `--format` name or alias (case and `_`/`-` ignored).
    pub fn from_name(name: &str) -> Option<Format> {
        let name = name.to_ascii_lowercase().replace('_', "-");
        Self::NAMED
            .iter()
            .find(|(_, names)| names.contains(&name.as_str()))
            .map(|(f, _)| *f)
    }

    /// Picks the format from the file extension, then from the first bytes (JSON engine
    /// outputs by their keys: see [`detect`]). Give a generous `head`, ideally the file.
    pub fn detect(path: &Path, head: &str) -> Format {
        detect::detect(path, head)
    }

    /// The `--format` name of this format (its first name in the table).
    pub fn name(self) -> &'static str {
        Self::NAMED
            .iter()
            .find(|(f, _)| *f == self)
            .map_or("", |(_, names)| names[0])
    }

    /// Parses a whole file's text.
    pub fn parse(self, text: &str) -> Result<Vec<RawTranscript>, ParseError> {
        match self {
            Format::Jsonl => jsonl::parse(text),
            Format::Text => text::parse(text).map(|t| vec![t]),
            Format::Vtt => vtt::parse(text).map(|t| vec![t]),
            Format::Srt => srt::parse(text).map(|t| vec![t]),
            Format::WhisperJson => whisper::parse(text).map(|t| vec![t]),
            Format::Transcribe => transcribe::parse(text).map(|t| vec![t]),
            Format::CallAnalytics => call_analytics::parse(text).map(|t| vec![t]),
            Format::Pca => pca::parse(text).map(|t| vec![t]),
            Format::Deepgram => deepgram::parse(text).map(|t| vec![t]),
            Format::Azure => azure::parse(text).map(|t| vec![t]),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
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
    fn names_round_trip() {
        assert_eq!(Format::ALL.len(), Format::NAMES.len());
        for (f, name) in Format::ALL.iter().zip(Format::NAMES) {
            assert_eq!(f.to_string(), name);
            assert_eq!(Format::from_name(name), Some(*f));
        }
        let mut aliases: Vec<&str> = Format::NAMED
            .iter()
            .flat_map(|(_, n)| n.iter().copied())
            .collect();
        let n = aliases.len();
        aliases.sort();
        aliases.dedup();
        assert_eq!(aliases.len(), n, "a name selects two formats");
        assert_eq!(Format::from_name("WebVTT"), Some(Format::Vtt));
        assert_eq!(
            Format::from_name("contact_lens"),
            Some(Format::CallAnalytics)
        );
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
