//! Whisper JSON reader: `{"text": ..., "segments": [{"start", "end", "text"}]}` as written
//! by OpenAI Whisper (`--output_format json`), faster-whisper and WhisperX.
//!
//! Whisper itself does not diarise; WhisperX and pyannote pipelines add a `speaker` field
//! (`SPEAKER_00`) to each segment. A segment without one gets [`UNKNOWN_SPEAKER`], so the
//! role mapper can still infer the agent from the greeting or be told by a flag.

use super::cues::UNKNOWN_SPEAKER;
use super::json::{array, field_error, label, parse_document, squash, str_field, time};
use super::{ParseError, RawTranscript, RawTurn};

/// Parses a whole Whisper JSON document.
pub fn parse(text: &str) -> Result<RawTranscript, ParseError> {
    let doc = parse_document(text)?;
    let segments = array(&doc, "segments", "")?;
    let mut turns = Vec::with_capacity(segments.len());
    for (i, seg) in segments.iter().enumerate() {
        let path = format!("segments[{i}]");
        if !seg.is_object() {
            return Err(field_error(&path, "expected an object"));
        }
        let text = squash(str_field(seg, "text").unwrap_or(""));
        if text.is_empty() {
            continue;
        }
        let start = time(seg.get("start"), 1.0, &format!("{path}.start"))?;
        let end = time(seg.get("end"), 1.0, &format!("{path}.end"))?;
        turns.push(RawTurn {
            speaker: seg
                .get("speaker")
                .and_then(label)
                .unwrap_or_else(|| UNKNOWN_SPEAKER.to_string()),
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
    fn plain_whisper_has_unknown_speaker() {
        let t = parse(
            r#"{"text":" halo","segments":[{"id":0,"start":0.5,"end":1.25,"text":" halo  pak "}]}"#,
        )
        .unwrap();
        assert_eq!(t.turns[0].speaker, "unknown");
        assert_eq!(t.turns[0].text, "halo pak");
        assert_eq!((t.turns[0].start, t.turns[0].end), (0.5, 1.25));
    }

    #[test]
    fn whisperx_speakers() {
        let t = parse(r#"{"segments":[{"start":0,"end":1,"text":"pln","speaker":"SPEAKER_01"},{"start":1,"end":2,"text":"ya","speaker":"SPEAKER_00"}]}"#).unwrap();
        assert_eq!(t.turns[0].speaker, "SPEAKER_01");
        assert_eq!(t.turns[1].speaker, "SPEAKER_00");
    }

    #[test]
    fn missing_time_names_segment() {
        let e = parse(r#"{"segments":[{"start":0,"end":1,"text":"a"},{"end":2,"text":"b"}]}"#)
            .unwrap_err();
        assert!(e.message.contains("segments[1].start"), "{}", e.message);
        let e = parse(r#"{"text":"x"}"#).unwrap_err();
        assert!(e.message.contains("segments"), "{}", e.message);
    }
}
