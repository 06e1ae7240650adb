//! Format detection: by extension for line formats, by content for JSON engine outputs.
//!
//! Every engine writes `.json`, so the extension cannot tell Deepgram from Azure; the keys
//! can. When the head parses as JSON its structure is checked (exact key paths); when it
//! does not (a cut-short head, or a malformed file that should still reach the right
//! reader and be rejected with that reader's message) the same keys are looked for as
//! `"key":` in the text. Rules are tried in order: the more specific shapes first, since
//! Transcribe, for instance, also has a `segments` key that would look like Whisper.

use super::Format;
use serde_json::Value;
use std::path::Path;

/// Content rules: the format, and alternatives each of which is a list of key paths that
/// must all be present. `*` in a path means "any element of this array".
const RULES: &[(Format, &[&[&str]])] = &[
    (
        Format::Azure,
        &[
            &["recognizedPhrases"],
            &["combinedRecognizedPhrases"],
            &["successfulTranscriptionsCount"],
        ],
    ),
    (Format::Pca, &[&["SpeechSegments"]]),
    (
        Format::CallAnalytics,
        &[
            &["Transcript.*.ParticipantRole"],
            &["Transcript.*.ParticipantId"],
            &["Participants", "Transcript"],
            &["UtteranceEvent"],
            &["CallAnalyticsTranscriptResultStream"],
        ],
    ),
    (
        Format::Transcribe,
        &[
            &["results.items"],
            &["results.transcripts"],
            &["results.speaker_labels"],
            &["results.channel_labels"],
            &["results.audio_segments"],
            &["TranscriptResultStream"],
            &["TranscriptEvent"],
            &["Transcript.Results"],
        ],
    ),
    (
        Format::Deepgram,
        &[
            &["results.utterances"],
            &["results.channels"],
            &["metadata", "results"],
            &["channel.alternatives"],
        ],
    ),
    (Format::WhisperJson, &[&["segments"]]),
    (Format::Jsonl, &[&["call_id"], &["turns"]]),
];

/// Picks the format from the file extension, then from the first bytes. `head` should be
/// generous (the whole file is best): JSON engine outputs are told apart by their keys.
/// Costs one extra JSON parse of `head` for JSON-looking files.
pub fn detect(path: &Path, head: &str) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let body = head.trim_start_matches('\u{feff}').trim_start();
    let looks_json = looks_json(body);
    match ext.as_str() {
        "jsonl" | "ndjson" => Format::Jsonl,
        "vtt" => Format::Vtt,
        "srt" => Format::Srt,
        // `.json.txt` exports: JSON when it looks like JSON and has an engine's keys.
        "txt" if looks_json => sniff_json(body).unwrap_or(Format::Text),
        "txt" => Format::Text,
        "json" | "jsonc" => sniff_json(body).unwrap_or(Format::Jsonl),
        _ if body.starts_with("WEBVTT") => Format::Vtt,
        _ if looks_json => sniff_json(body).unwrap_or(Format::Jsonl),
        _ if looks_srt(body) => Format::Srt,
        _ => Format::Text,
    }
}

/// An object, or an array of objects (or arrays, or empty): a text transcript whose
/// lines start with a `[00:02]` time stamp is not JSON.
fn looks_json(body: &str) -> bool {
    match body.strip_prefix('[') {
        Some(rest) => matches!(rest.trim_start().chars().next(), Some('{' | '[' | ']')),
        None => body.starts_with('{'),
    }
}

/// SRT starts with a cue number line followed by a timing line.
fn looks_srt(body: &str) -> bool {
    let mut lines = body.lines();
    let first = lines.next().unwrap_or("").trim();
    !first.is_empty()
        && first.chars().all(|c| c.is_ascii_digit())
        && lines.next().is_some_and(|l| l.contains("-->"))
}

/// The engine whose keys the JSON text has, if any.
pub fn sniff_json(body: &str) -> Option<Format> {
    // The first value only: a JSONL bundle or a message stream has more after it.
    let first = serde_json::Deserializer::from_str(body)
        .into_iter::<Value>()
        .next()
        .and_then(Result::ok);
    match first {
        Some(v) => {
            let v = match &v {
                Value::Array(items) => items.first().cloned().unwrap_or(Value::Null),
                _ => v,
            };
            rule_match(|p| has_path(&v, p))
        }
        None => rule_match(|p| has_key_text(body, p.rsplit('.').next().unwrap_or(p))),
    }
}

fn rule_match(has: impl Fn(&str) -> bool) -> Option<Format> {
    RULES
        .iter()
        .find(|(_, alts)| alts.iter().any(|all| all.iter().all(|p| has(p))))
        .map(|(f, _)| *f)
}

/// Whether the dotted key path exists in `v`; `*` matches any element of an array.
fn has_path(v: &Value, path: &str) -> bool {
    let (head, rest) = match path.split_once('.') {
        Some((h, r)) => (h, Some(r)),
        None => (path, None),
    };
    let next: Vec<&Value> = if head == "*" {
        v.as_array().map(|a| a.iter().collect()).unwrap_or_default()
    } else {
        v.get(head).into_iter().collect()
    };
    match rest {
        None => !next.is_empty(),
        Some(rest) => next.iter().any(|n| has_path(n, rest)),
    }
}

/// Whether `"key"` followed by a colon occurs in the text.
fn has_key_text(text: &str, key: &str) -> bool {
    let quoted = format!("\"{key}\"");
    text.match_indices(&quoted)
        .any(|(i, _)| text[i + quoted.len()..].trim_start().starts_with(':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_extension() {
        assert_eq!(detect(Path::new("a.vtt"), ""), Format::Vtt);
        assert_eq!(detect(Path::new("a.SRT"), ""), Format::Srt);
        assert_eq!(detect(Path::new("a.jsonl"), "{}"), Format::Jsonl);
        assert_eq!(detect(Path::new("a.txt"), "[00:01] AGENT: x"), Format::Text);
        assert_eq!(
            detect(Path::new("a"), "[00:01] AGENT: \"results\": x"),
            Format::Text
        );
        assert_eq!(
            detect(Path::new("a.json.txt"), "[ {\"call_id\": \"C1\"} ]"),
            Format::Jsonl
        );
    }

    #[test]
    fn json_by_structure() {
        let j = |s: &str| detect(Path::new("a.json"), s);
        assert_eq!(j(r#"{"recognizedPhrases":[]}"#), Format::Azure);
        assert_eq!(j(r#"{"SpeechSegments":[]}"#), Format::Pca);
        assert_eq!(
            j(r#"{"Transcript":[{"ParticipantId":"AGENT"}]}"#),
            Format::CallAnalytics
        );
        assert_eq!(
            j(r#"{"results":{"items":[],"speaker_labels":{"segments":[]}}}"#),
            Format::Transcribe
        );
        assert_eq!(
            j(r#"{"metadata":{},"results":{"channels":[]}}"#),
            Format::Deepgram
        );
        assert_eq!(
            j(r#"{"type":"Results","channel":{"alternatives":[]}}"#),
            Format::Deepgram
        );
        assert_eq!(j(r#"{"text":"","segments":[]}"#), Format::WhisperJson);
        assert_eq!(j(r#"{"call_id":"C1","turns":[]}"#), Format::Jsonl);
        // Transcribe streaming has a `Transcript` object, not Call Analytics turns.
        assert_eq!(j(r#"{"Transcript":{"Results":[]}}"#), Format::Transcribe);
    }

    #[test]
    fn malformed_json_by_keys() {
        let t = "{\n \"Transcript\": [ {\n \"Content\": \"x\",\n ...\n \"ParticipantRole\": \"AGENT\" } ] }";
        assert_eq!(detect(Path::new("a.json.txt"), t), Format::CallAnalytics);
        let t = "{ \"results\": { \"transcripts\": [ {\"transcript\": \"a\nb\"} ] } }";
        assert_eq!(detect(Path::new("a.json.txt"), t), Format::Transcribe);
    }

    #[test]
    fn no_extension() {
        assert_eq!(detect(Path::new("a"), "WEBVTT\n\n"), Format::Vtt);
        assert_eq!(
            detect(Path::new("a"), "1\n00:00:01,000 --> 00:00:02,000\nx"),
            Format::Srt
        );
        assert_eq!(
            detect(Path::new("a"), "{\"call_id\":1}\n{}\n"),
            Format::Jsonl
        );
        assert_eq!(detect(Path::new("a"), "AGENT: halo"), Format::Text);
    }
}
