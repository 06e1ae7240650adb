//! Writes turns in the transcript formats, for tests, fuzz seeds and the archive generator:
//! the same call rendered in every format must read back to the same turns, so the audit
//! must give the same verdicts whichever engine produced the file.
//!
//! Output follows what the engines write (WebVTT voice tags, SRT `NAME:` prefixes,
//! Call Analytics `ParticipantRole` AGENT / CUSTOMER, Deepgram integer speakers), so it is
//! also a compact, honest sample of each format.

use super::{cues::speaker_prefix, Format, RawTurn};
use crate::ingest::labels::explicit_role;
use crate::model::Role;
use serde_json::{json, Value};

/// `turns` written in `format`, or `None` for formats this module cannot write faithfully
/// (word-level Transcribe, PCA and Azure would need invented word timings or metadata).
/// JSONL gets the placeholder call id `call`; use [`render_jsonl_line`] to choose one.
pub fn render(format: Format, turns: &[RawTurn]) -> Option<String> {
    Some(match format {
        Format::Vtt => vtt(turns),
        Format::Srt => srt(turns),
        Format::Text => text(turns),
        Format::Jsonl => render_jsonl_line("call", turns) + "\n",
        Format::WhisperJson => pretty(&whisper(turns)),
        Format::CallAnalytics => pretty(&call_analytics(turns)),
        Format::Deepgram => pretty(&deepgram(turns)),
        Format::Transcribe | Format::Pca | Format::Azure => return None,
    })
}

/// One JSONL bundle line (no trailing newline) for the call `call_id`.
pub fn render_jsonl_line(call_id: &str, turns: &[RawTurn]) -> String {
    let turns: Vec<Value> = turns
        .iter()
        .map(|t| json!({"speaker": t.speaker, "start": t.start, "end": t.end, "text": t.text}))
        .collect();
    json!({"call_id": call_id, "turns": turns}).to_string()
}

fn pretty(v: &Value) -> String {
    // Serialising a Value built here cannot fail; fall back to compact just in case.
    serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string()) + "\n"
}

/// `HH:MM:SS.mmm` (or `,mmm` for SRT), rounded to the millisecond.
fn clock(seconds: f64, sep: char) -> String {
    let ms = (seconds.max(0.0) * 1000.0).round() as u64;
    let (h, m, s, f) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    format!("{h:02}:{m:02}:{s:02}{sep}{f:03}")
}

/// One line of text with `&`, `<`, `>` escaped, so tags and `-->` cannot be forged.
fn cue_text(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn vtt(turns: &[RawTurn]) -> String {
    let mut out = String::from("WEBVTT\n\n");
    for t in turns {
        out.push_str(&format!(
            "{} --> {}\n<v {}>{}</v>\n\n",
            clock(t.start, '.'),
            clock(t.end, '.'),
            cue_text(&t.speaker),
            cue_text(&t.text)
        ));
    }
    out
}

fn srt(turns: &[RawTurn]) -> String {
    let mut out = String::new();
    for (i, t) in turns.iter().enumerate() {
        let text = cue_text(&t.text);
        let line = format!("{}: {}", t.speaker, text);
        // A label the reader would not take as a speaker goes in a voice tag instead.
        let body = if speaker_prefix(&line) == Some((t.speaker.as_str(), text.as_str())) {
            line
        } else {
            format!("<v {}>{}</v>", cue_text(&t.speaker), text)
        };
        out.push_str(&format!(
            "{}\n{} --> {}\n{}\n\n",
            i + 1,
            clock(t.start, ','),
            clock(t.end, ','),
            body
        ));
    }
    out
}

fn text(turns: &[RawTurn]) -> String {
    turns
        .iter()
        .map(|t| {
            let text = t.text.split_whitespace().collect::<Vec<_>>().join(" ");
            format!("[{}] {}: {}\n", clock(t.start, '.'), t.speaker, text)
        })
        .collect()
}

fn whisper(turns: &[RawTurn]) -> Value {
    let segments: Vec<Value> = turns
        .iter()
        .enumerate()
        .map(|(i, t)| {
            json!({"id": i, "start": t.start, "end": t.end, "text": format!(" {}", t.text), "speaker": t.speaker})
        })
        .collect();
    json!({"text": whole_text(turns), "segments": segments, "language": "id"})
}

fn call_analytics(turns: &[RawTurn]) -> Value {
    let role = |label: &str| match explicit_role(label) {
        Some(Role::Agent) => "AGENT".to_string(),
        Some(Role::Caller) => "CUSTOMER".to_string(),
        None => label.to_string(),
    };
    let ms = |s: f64| (s.max(0.0) * 1000.0).round() as u64;
    let transcript: Vec<Value> = turns
        .iter()
        .enumerate()
        .map(|(i, t)| {
            json!({
                "Id": format!("turn-{}", i + 1),
                "Content": t.text,
                "BeginOffsetMillis": ms(t.start),
                "EndOffsetMillis": ms(t.end),
                "ParticipantRole": role(&t.speaker),
            })
        })
        .collect();
    json!({
        "JobStatus": "COMPLETED",
        "LanguageCode": "id-ID",
        "Channel": "VOICE",
        "Participants": [{"ParticipantRole": "AGENT"}, {"ParticipantRole": "CUSTOMER"}],
        "Transcript": transcript,
    })
}

fn deepgram(turns: &[RawTurn]) -> Value {
    // Deepgram speakers are integers: the agent is 0 and the caller 1 (the order diarisation
    // gives when the agent greets first); other labels get 2, 3, ... as they appear.
    let mut others: Vec<String> = Vec::new();
    let mut speaker = |label: &str| -> usize {
        match explicit_role(label) {
            Some(Role::Agent) => 0,
            Some(Role::Caller) => 1,
            None => {
                let i = others.iter().position(|o| *o == label).unwrap_or_else(|| {
                    others.push(label.to_string());
                    others.len() - 1
                });
                i + 2
            }
        }
    };
    let mut utterances = Vec::with_capacity(turns.len());
    for (i, t) in turns.iter().enumerate() {
        utterances.push(json!({
            "start": t.start, "end": t.end, "confidence": 1.0, "channel": 0,
            "transcript": t.text, "words": [], "speaker": speaker(&t.speaker),
            "id": format!("utt-{}", i + 1),
        }));
    }
    let duration = turns.iter().map(|t| t.end).fold(0.0, f64::max);
    json!({
        "metadata": {"channels": 1, "duration": duration, "models": []},
        "results": {
            "channels": [{"alternatives": [{"transcript": whole_text(turns), "confidence": 1.0, "words": []}]}],
            "utterances": utterances,
        },
    })
}

fn whole_text(turns: &[RawTurn]) -> String {
    turns
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turns() -> Vec<RawTurn> {
        vec![
            RawTurn {
                speaker: "agent".into(),
                start: 0.5,
                end: 3.25,
                text: "PLN 123 selamat pagi, <dengan> Andri & tim".into(),
            },
            RawTurn {
                speaker: "caller".into(),
                start: 3601.0,
                end: 3602.5,
                text: "listrik --> padam".into(),
            },
        ]
    }

    #[test]
    fn every_written_format_reads_back() {
        for f in Format::ALL {
            let Some(text) = render(f, &turns()) else {
                continue;
            };
            let back = f
                .parse(&text)
                .unwrap_or_else(|e| panic!("{f}: {e}\n{text}"));
            let back = &back[0].turns;
            assert_eq!(back.len(), 2, "{f}");
            assert_eq!(back[0].text, turns()[0].text, "{f}");
            assert_eq!(back[1].text, turns()[1].text, "{f}");
            assert_eq!(back[1].start, 3601.0, "{f}");
            let speakers = [back[0].speaker.as_str(), back[1].speaker.as_str()];
            if f == Format::Deepgram {
                // Deepgram has integer speakers only: the roles are 0 and 1 by convention.
                assert_eq!(speakers, ["0", "1"]);
            } else {
                assert_eq!(
                    speakers.map(explicit_role),
                    [Some(Role::Agent), Some(Role::Caller)]
                );
            }
        }
    }

    #[test]
    fn clocks_and_unwritable_formats() {
        assert_eq!(clock(3723.2506, '.'), "01:02:03.251");
        assert_eq!(clock(0.0, ','), "00:00:00,000");
        assert!(render(Format::Azure, &turns()).is_none());
    }

    #[test]
    fn srt_falls_back_to_voice_tags() {
        let t = vec![RawTurn {
            speaker: "Andri".into(),
            start: 0.0,
            end: 1.0,
            text: "halo".into(),
        }];
        let srt = render(Format::Srt, &t).unwrap();
        assert!(srt.contains("<v Andri>halo</v>"), "{srt}");
        assert_eq!(
            Format::Srt.parse(&srt).unwrap()[0].turns[0].speaker,
            "Andri"
        );
    }
}
