//! JSONL bundle reader: one call per line, `{"call_id":"C1","turns":[...]}`.
//!
//! A bad line is the bundle's problem, not the batch's: [`parse_line`] is exposed so the
//! ingest layer can reject one line and keep the rest.

use super::{ParseError, RawTranscript, RawTurn};
use serde::Deserialize;

mod fast;

#[derive(Deserialize)]
struct Line {
    call_id: serde_json::Value,
    #[serde(default)]
    turns: Vec<TurnJson>,
}

#[derive(Deserialize)]
struct TurnJson {
    #[serde(alias = "role", alias = "speaker_label")]
    speaker: serde_json::Value,
    #[serde(default)]
    start: Option<Seconds>,
    #[serde(default)]
    end: Option<Seconds>,
    #[serde(default)]
    text: String,
}

/// A time in seconds, written as a number or as a numeric string ("1.5").
#[derive(Deserialize)]
#[serde(untagged)]
enum Seconds {
    Number(f64),
    Text(String),
}

impl Seconds {
    fn value(&self) -> Option<f64> {
        match self {
            Seconds::Number(v) => Some(*v),
            Seconds::Text(t) => t.trim().parse().ok(),
        }
    }
}

fn label(v: serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    }
}

/// A serde_json error as a reject reason, without serde's own "line 1" (a bundle line
/// is one JSON document, so only the column means something).
pub fn describe_error(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let what = super::unquoted(text.split(" at line ").next().unwrap_or(&text));
    format!("invalid JSON at column {}: {what}", e.column())
}

/// Parses one bundle line (1-based `line`).
pub fn parse_line(text: &str, line: u64) -> Result<RawTranscript, ParseError> {
    // The fast shape reads what nearly every line holds; anything else (or an error) is
    // parsed again with the general shape, which decides and words the error.
    let parsed: Line = match serde_json::from_str::<fast::Line>(text) {
        Ok(f) => f.into(),
        Err(_) => serde_json::from_str(text)
            .map_err(|e| ParseError::new(Some(line), describe_error(&e)))?,
    };
    finish(parsed, line)
}

/// Turns a parsed line into a transcript: times filled in, speakers as text.
fn finish(parsed: Line, line: u64) -> Result<RawTranscript, ParseError> {
    let null = parsed.call_id.is_null();
    let call_id = label(parsed.call_id);
    if call_id.trim().is_empty() || null {
        return Err(ParseError::new(Some(line), "empty call_id"));
    }
    let mut turns = Vec::with_capacity(parsed.turns.len());
    for t in parsed.turns {
        let start = t
            .start
            .and_then(|s| s.value())
            .unwrap_or(turns.last().map_or(0.0, |p: &RawTurn| p.end));
        turns.push(RawTurn {
            speaker: label(t.speaker),
            start,
            end: t.end.and_then(|e| e.value()).unwrap_or(start).max(start),
            text: t.text,
        });
    }
    Ok(RawTranscript {
        call_id: Some(call_id),
        turns,
        line: Some(line),
        confidence: None,
    })
}

/// Parses a whole bundle; the first bad line fails it (the ingest layer uses
/// [`parse_line`] to keep going instead).
pub fn parse(text: &str) -> Result<Vec<RawTranscript>, ParseError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| parse_line(l, i as u64 + 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_line() {
        let t = parse_line(
            r#"{"call_id":"C1","turns":[{"speaker":"agent","start":0.0,"end":3.1,"text":"pln 123"}]}"#,
            4,
        )
        .unwrap();
        assert_eq!(t.call_id.as_deref(), Some("C1"));
        assert_eq!(t.line, Some(4));
        assert_eq!(t.turns[0].speaker, "agent");
        assert_eq!(t.turns[0].end, 3.1);
    }

    #[test]
    fn numeric_speaker_and_missing_times() {
        let t = parse_line(r#"{"call_id":7,"turns":[{"speaker":0,"text":"a"}]}"#, 1).unwrap();
        assert_eq!(t.call_id.as_deref(), Some("7"));
        assert_eq!(t.turns[0].speaker, "0");
    }

    #[test]
    fn times_as_strings() {
        let t = parse_line(
            r#"{"call_id":"C1","turns":[{"speaker":"agent","start":"1.5","end":"3","text":"x"}]}"#,
            1,
        )
        .unwrap();
        assert_eq!((t.turns[0].start, t.turns[0].end), (1.5, 3.0));
    }

    /// Where the fast shape reads a line, the general one reads the same transcript.
    #[test]
    fn fast_shape_agrees_with_general() {
        let lines = [
            r#"{"call_id":"C1","turns":[{"speaker":"agent","start":0.0,"end":3.1,"text":"pln \"123\""}]}"#,
            r#"{"call_id":"C1","turns":[{"role":"agent","start":"1.5","end":"x","text":"a"},{"speaker_label":"spk_1","end":2}]}"#,
            r#"{"call_id":"C1","turns":[{"speaker":"a","start":null,"end":-4,"text":"b"},{"speaker":"b","start":1e2}]}"#,
            r#"{"call_id":7,"turns":[{"speaker":0,"text":"a"}]}"#,
            r#"{"call_id":"C1","turns":[{"speaker":"a","role":"b","text":"a"}]}"#,
            r#"{"call_id":"C1","turns":[{"speaker":"a","start":true}]}"#,
            r#"{"call_id":"C1","turns":[{"speaker":"a","start":[1]}]}"#,
            r#"{"call_id":"C1","turns":[{"speaker":"a","start":18446744073709551615,"end":-9223372036854775808}]}"#,
            r#"{"call_id":"C1","extra":{"x":1},"turns":[]}"#,
            r#"{"call_id":null}"#,
            r#"{"turns":[]}"#,
        ];
        for l in lines {
            let general = serde_json::from_str::<Line>(l)
                .map_err(|e| describe_error(&e))
                .map(|p| finish(p, 1).map_err(|e| e.message));
            if let Ok(f) = serde_json::from_str::<fast::Line>(l) {
                let fast = finish(f.into(), 1).map_err(|e| e.message);
                assert_eq!(Ok(fast), general, "{l}");
            }
            let got = parse_line(l, 1).map_err(|e| e.message);
            assert_eq!(got, general.and_then(|r| r), "{l}");
        }
    }

    #[test]
    fn bad_json_names_line() {
        let e = parse_line("{nope", 9).unwrap_err();
        assert_eq!(e.line, Some(9));
        assert!(e.message.contains("invalid JSON"));
    }
}
