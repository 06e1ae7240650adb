//! Reader for the output of AWS "Post Call Analytics" (PCA), the open-source solution that
//! re-packages Transcribe results: `SpeechSegments[]` with `SegmentSpeaker` (`spk_0`),
//! `SegmentStartTime` / `SegmentEndTime` in seconds and `DisplayText`.
//!
//! The speaker is mapped through `ConversationAnalytics.SpeakerLabels[]` to its display name
//! (`Agent` / `Customer`) when the file has one, since that is what the PCA user configured.

use super::json::{array, field_error, label, parse_document, squash, str_field, time};
use super::{ParseError, RawTranscript, RawTurn};
use serde_json::Value;
use std::collections::HashMap;

/// Parses a PCA parsed-output JSON document.
pub fn parse(text: &str) -> Result<RawTranscript, ParseError> {
    let doc = parse_document(text)?;
    let mut names: HashMap<String, String> = HashMap::new();
    if let Some(Value::Array(labels)) = doc
        .get("ConversationAnalytics")
        .and_then(|c| c.get("SpeakerLabels"))
    {
        for l in labels {
            if let (Some(s), Some(d)) = (
                l.get("Speaker").and_then(label),
                l.get("DisplayText").and_then(label),
            ) {
                names.insert(s, d);
            }
        }
    }
    let segments = array(&doc, "SpeechSegments", "")?;
    let mut turns = Vec::with_capacity(segments.len());
    for (i, seg) in segments.iter().enumerate() {
        let path = format!("SpeechSegments[{i}]");
        if !seg.is_object() {
            return Err(field_error(&path, "expected an object"));
        }
        let raw = str_field(seg, "DisplayText")
            .filter(|t| !t.trim().is_empty())
            .or_else(|| str_field(seg, "OriginalText"))
            .unwrap_or("");
        let text = squash(raw);
        if text.is_empty() {
            continue;
        }
        let speaker = seg
            .get("SegmentSpeaker")
            .and_then(label)
            .ok_or_else(|| field_error(&path, "no SegmentSpeaker"))?;
        let start = time(
            seg.get("SegmentStartTime"),
            1.0,
            &format!("{path}.SegmentStartTime"),
        )?;
        let end = time(
            seg.get("SegmentEndTime"),
            1.0,
            &format!("{path}.SegmentEndTime"),
        )?;
        turns.push(RawTurn {
            speaker: names.get(&speaker).cloned().unwrap_or(speaker),
            start,
            end: end.max(start),
            text,
        });
    }
    Ok(RawTranscript {
        call_id: None,
        turns,
        line: None,
        confidence: super::confidence::of(&doc),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_map_to_display_names() {
        let t = parse(r#"{"ConversationAnalytics":{"SpeakerLabels":[{"Speaker":"spk_0","DisplayText":"Agent"}]},
            "SpeechSegments":[{"SegmentStartTime":0.04,"SegmentEndTime":0.25,"SegmentSpeaker":"spk_0","DisplayText":"Halo.","OriginalText":"Halo"},
                              {"SegmentStartTime":0.5,"SegmentEndTime":1.0,"SegmentSpeaker":"spk_1","DisplayText":"","OriginalText":"ya"}]}"#).unwrap();
        assert_eq!(t.turns[0].speaker, "Agent");
        assert_eq!(t.turns[0].text, "Halo.");
        assert_eq!(t.turns[1].speaker, "spk_1");
        assert_eq!(t.turns[1].text, "ya");
    }

    #[test]
    fn missing_speaker_names_the_segment() {
        let e = parse(
            r#"{"SpeechSegments":[{"SegmentStartTime":0,"SegmentEndTime":1,"DisplayText":"a"}]}"#,
        )
        .unwrap_err();
        assert!(e.message.contains("SpeechSegments[0]"), "{}", e.message);
    }
}
