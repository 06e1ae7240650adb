//! Property tests of the transcript readers: no input makes a reader panic, and what
//! [`render`] writes reads back as the same turns.
//!
//! The panic properties feed every reader arbitrary bytes, JSON built from the engines' own
//! key names (so the readers get past the syntax check into their field handling), and
//! damaged renderings of valid files. The round trip generates calls and checks speakers,
//! texts and times (to the millisecond) survive each format that can be written.

use callaudit::ingest::transcript::{render, Format, RawTurn};
use proptest::prelude::*;
use serde_json::{Map, Number, Value};
use std::path::Path;

/// Every reader and the detector on one input; only a panic can fail this.
fn parse_all(text: &str) {
    for f in Format::ALL {
        if let Err(e) = f.parse(text) {
            assert!(!e.message.is_empty(), "{f}: empty error message");
        }
    }
    for ext in ["json", "txt", "vtt", "srt", "jsonl", ""] {
        let _ = Format::detect(Path::new(&format!("call.{ext}")), text);
    }
}

const KEYS: &[&str] = &[
    "results",
    "items",
    "speaker_labels",
    "segments",
    "channel_labels",
    "channels",
    "alternatives",
    "content",
    "start_time",
    "end_time",
    "type",
    "speaker_label",
    "channel_label",
    "audio_segments",
    "transcript",
    "transcripts",
    "Transcript",
    "Participants",
    "ParticipantRole",
    "ParticipantId",
    "Content",
    "BeginOffsetMillis",
    "EndOffsetMillis",
    "AbsoluteTime",
    "Type",
    "UtteranceEvent",
    "IsPartial",
    "SpeechSegments",
    "SegmentSpeaker",
    "SegmentStartTime",
    "SegmentEndTime",
    "DisplayText",
    "OriginalText",
    "ConversationAnalytics",
    "SpeakerLabels",
    "Speaker",
    "utterances",
    "start",
    "end",
    "words",
    "word",
    "punctuated_word",
    "speaker",
    "metadata",
    "channel",
    "channel_index",
    "is_final",
    "duration",
    "recognizedPhrases",
    "nBest",
    "display",
    "lexical",
    "offset",
    "offsetInTicks",
    "durationInTicks",
    "recognitionStatus",
    "text",
    "call_id",
    "turns",
    "TranscriptResultStream",
    "TranscriptEvent",
    "Results",
    "Alternatives",
    "Items",
    "StartTime",
    "EndTime",
    "ChannelId",
];

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| Value::Number(n.into())),
        any::<f64>().prop_map(|x| Number::from_f64(x).map_or(Value::Null, Value::Number)),
        (0.0..5000.0f64).prop_map(|x| Number::from_f64(x).map_or(Value::Null, Value::Number)),
        prop_oneof![
            Just("4.87"),
            Just("-1"),
            Just("NaN"),
            Just("1e400"),
            Just("PT1M2.5S"),
            Just("PT"),
            Just("P1Y"),
            Just("pronunciation"),
            Just("punctuation"),
            Just("AGENT"),
            Just("CUSTOMER"),
            Just("Success"),
            Just("Results"),
            Just("EVENT"),
            Just("spk_0"),
            Just("2022-10-27T03:31:50.735Z"),
            Just("9999-12-31T23:59:59Z"),
            Just(""),
        ]
        .prop_map(|s| Value::String(s.to_string())),
        "[ -~]{0,12}".prop_map(Value::String),
    ]
}

/// JSON whose objects use the engines' key names, nested a few levels.
fn engine_json() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(5, 96, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..7).prop_map(|kv| {
                Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

const SPEAKERS: &[&str] = &[
    "agent",
    "caller",
    "CSO",
    "PELANGGAN",
    "Customer",
    "spk_0",
    "spk_1",
    "SPEAKER_01",
    "0",
    "Andri",
];

/// Calls of 1..20 turns in time order, times on whole milliseconds.
fn calls() -> impl Strategy<Value = Vec<RawTurn>> {
    let turn = (
        prop::sample::select(SPEAKERS),
        prop::collection::vec("[a-zA-Z0-9éñ&<>:;,.?!'\"/#\\[\\]-]{1,10}", 1..12),
        0u64..600_000,
        0u64..30_000,
    );
    prop::collection::vec(turn, 1..20).prop_map(|turns| {
        let mut at = 0u64;
        turns
            .into_iter()
            .map(|(speaker, words, gap, length)| {
                at += gap;
                let start = at;
                at += length;
                RawTurn {
                    speaker: speaker.to_string(),
                    start: start as f64 / 1000.0,
                    end: at as f64 / 1000.0,
                    text: words.join(" "),
                }
            })
            .collect()
    })
}

/// The label a format gives back for a label it was written with.
fn expected_speaker(format: Format, label: &str, deepgram_ids: &mut Vec<String>) -> String {
    use callaudit::ingest::labels::explicit_role;
    use callaudit::model::Role;
    match (format, explicit_role(label)) {
        (Format::CallAnalytics, Some(Role::Agent)) => "AGENT".into(),
        (Format::CallAnalytics, Some(Role::Caller)) => "CUSTOMER".into(),
        (Format::Deepgram, Some(Role::Agent)) => "0".into(),
        (Format::Deepgram, Some(Role::Caller)) => "1".into(),
        (Format::Deepgram, None) => {
            if !deepgram_ids.iter().any(|l| l == label) {
                deepgram_ids.push(label.to_string());
            }
            let i = deepgram_ids.iter().position(|l| l == label).unwrap_or(0);
            (i + 2).to_string()
        }
        _ => label.to_string(),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.0005
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        crate::common::cases(96, 512)
    ))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..1500)) {
        parse_all(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn line_format_noise_never_panics(
        lines in prop::collection::vec(
            prop_oneof![
                Just("WEBVTT".to_string()), Just("NOTE x".to_string()), Just(String::new()),
                Just("00:01.000 --> 00:02.000 align:start".to_string()),
                Just("99:99:99,999 --> 00:00:00,000".to_string()),
                Just("1".to_string()), Just("<v Agent>halo</v> <b".to_string()),
                Just("AGENT: &#xFFFFFFFF; &#55296; &amp".to_string()),
                "[ -~]{0,30}",
            ],
            0..30,
        )
    ) {
        parse_all(&lines.join("\n"));
    }

    #[test]
    fn engine_shaped_json_never_panics(v in engine_json()) {
        parse_all(&v.to_string());
        parse_all(&serde_json::to_string_pretty(&v).unwrap());
    }

    #[test]
    fn damaged_renderings_never_panic(
        turns in calls(),
        which in 0usize..Format::ALL.len(),
        cut in any::<prop::sample::Index>(),
        junk in "[ -~\n]{0,8}",
    ) {
        if let Some(text) = render(Format::ALL[which], &turns) {
            let mut at = cut.index(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            parse_all(&text[..at]);
            parse_all(&format!("{}{}{}", &text[..at], junk, &text[at..]));
        }
    }

    #[test]
    fn rendered_calls_read_back_the_same(turns in calls()) {
        for format in Format::ALL {
            let Some(text) = render(format, &turns) else { continue };
            let back = format.parse(&text);
            prop_assert!(back.is_ok(), "{}: {:?}\n{}", format, back.err(), text);
            let back = back.unwrap();
            prop_assert_eq!(back.len(), 1);
            let back = &back[0].turns;
            prop_assert_eq!(back.len(), turns.len(), "{}\n{}", format, text);
            let mut ids = Vec::new();
            for (got, want) in back.iter().zip(&turns) {
                prop_assert_eq!(&got.speaker, &expected_speaker(format, &want.speaker, &mut ids), "{}", format);
                prop_assert_eq!(&got.text, &want.text, "{}", format);
                prop_assert!(close(got.start, want.start), "{}: start {} != {}", format, got.start, want.start);
                // The plain-text format has no end times.
                if format != Format::Text {
                    prop_assert!(close(got.end, want.end), "{}: end {} != {}", format, got.end, want.end);
                }
            }
        }
    }
}
