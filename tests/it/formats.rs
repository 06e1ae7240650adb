//! Conformance of the transcript readers against real, published engine outputs
//! (`fixtures/formats/<engine>/`, byte-for-byte copies; provenance in their README.md).
//!
//! Every sample is listed once with what it must give: read (turn count, speakers, first
//! turn, and a snapshot of every turn) or rejected (a ParseError naming the position).
//! A sample added to the folder but not to the table fails `every_sample_is_listed`.

use callaudit::ingest::transcript::{Format, RawTranscript};
use std::path::{Path, PathBuf};

/// What one sample must give.
enum Expect {
    Read {
        turns: usize,
        /// Distinct speaker labels in order of first appearance.
        speakers: &'static [&'static str],
        first_start: f64,
        first_text: &'static str,
    },
    Reject {
        /// Line the error must name (in `ParseError::line` and in the message), or for
        /// errors without a line, the JSON path the message must name.
        line: Option<u64>,
        mentions: &'static str,
    },
}

use Expect::{Read, Reject};

const SAMPLES: &[(&str, Format, Expect)] = &[
    (
        "whisper/openai-whisper_1caba7d_jfk.vtt",
        Format::Vtt,
        Read {
            turns: 1,
            speakers: &["unknown"],
            first_start: 0.0,
            first_text: "And so my fellow Americans, ask not",
        },
    ),
    (
        "whisper/openai-whisper_1caba7d_jfk.srt",
        Format::Srt,
        Read {
            turns: 1,
            speakers: &["unknown"],
            first_start: 0.0,
            first_text: "And so my fellow Americans, ask not",
        },
    ),
    (
        "whisper/ajinkyaask_readme_whisper_word_timestamps_dialogue.json",
        Format::WhisperJson,
        Read {
            turns: 6,
            speakers: &["unknown"],
            first_start: 0.66,
            first_text: "Jane? Mark? Hi!",
        },
    ),
    (
        "aws-transcribe/diarization-output-batch_block1.json",
        Format::Transcribe,
        Read {
            turns: 2,
            speakers: &["spk_0", "spk_1"],
            first_start: 4.87,
            first_text: "I've been on hold for an hour.",
        },
    ),
    (
        "aws-transcribe/channel-id-output-batch_block1.json",
        Format::Transcribe,
        Read {
            turns: 2,
            speakers: &["ch_0", "ch_1"],
            first_start: 4.86,
            first_text: "I've been on hold for an hour.",
        },
    ),
    (
        "aws-transcribe/pii-redaction-output_block3.json",
        Format::Transcribe,
        Read {
            turns: 1,
            speakers: &["unknown"],
            first_start: 0.0199375,
            first_text: "my name is [NAME]",
        },
    ),
    (
        "aws-transcribe/pii-redaction-output_block4.json",
        Format::Transcribe,
        Read {
            turns: 1,
            speakers: &["unknown"],
            first_start: 0.0199375,
            first_text: "my name is mike",
        },
    ),
    (
        "aws-transcribe/pii-redaction-output_block1.json.txt",
        Format::Transcribe,
        Reject {
            line: Some(8),
            mentions: "line break",
        },
    ),
    (
        "aws-transcribe/pii-redaction-output_block2.json.txt",
        Format::Transcribe,
        Reject {
            line: Some(8),
            mentions: "line break",
        },
    ),
    (
        "aws-transcribe-call-analytics/contact-lens-example-output-files-chat_block1.json",
        Format::CallAnalytics,
        Read {
            turns: 31,
            speakers: &["SYSTEM", "AGENT", "CUSTOMER"],
            first_start: 2.655,
            first_text: "Hello, thanks for contacting us.",
        },
    ),
    (
        "aws-transcribe-call-analytics/contact-lens-example-output-files-chat_block2.json",
        Format::CallAnalytics,
        Read {
            turns: 31,
            speakers: &["SYSTEM", "AGENT", "CUSTOMER"],
            first_start: 2.655,
            first_text: "Hello, thanks for contacting us.",
        },
    ),
    (
        "aws-transcribe-call-analytics/contact-lens-example-output-files_block1.json.txt",
        Format::CallAnalytics,
        Reject {
            line: Some(297),
            mentions: "stray closing brace",
        },
    ),
    (
        "aws-transcribe-call-analytics/contact-lens-example-output-files_block2.json.txt",
        Format::CallAnalytics,
        Reject {
            line: Some(10),
            mentions: "comment",
        },
    ),
    (
        "aws-transcribe-call-analytics/tca-output-batch_block4.json.txt",
        Format::CallAnalytics,
        Reject {
            line: Some(14),
            mentions: "elision",
        },
    ),
    (
        "aws-transcribe-call-analytics/tca-output-streaming_block6.json.txt",
        Format::CallAnalytics,
        Reject {
            line: Some(32),
            mentions: "elision",
        },
    ),
    (
        "aws-transcribe-call-analytics/tca-post-call_block1.json.txt",
        Format::CallAnalytics,
        Reject {
            line: Some(16),
            mentions: "missing comma",
        },
    ),
    (
        "aws-pca-parsed/pca-ui_testfile.json",
        Format::Pca,
        Read {
            turns: 12,
            speakers: &["Agent", "Customer"],
            first_start: 0.04,
            first_text: "MM.",
        },
    ),
    (
        "deepgram/python-sdk_listen_rest_nova3_smartformat_response.json",
        Format::Deepgram,
        Read {
            turns: 1,
            speakers: &["unknown"],
            first_start: 0.32,
            first_text: "We, the people of the United States,",
        },
    ),
    (
        "deepgram/python-sdk_listen_rest_nova3_summarize_response.json",
        Format::Deepgram,
        Read {
            turns: 1,
            speakers: &["unknown"],
            first_start: 0.32,
            first_text: "We, the people of the United States,",
        },
    ),
    (
        "deepgram/python-sdk_listen_websocket_response.json",
        Format::Deepgram,
        Read {
            turns: 1,
            speakers: &["unknown"],
            first_start: 17.0,
            first_text: "For the United States of America.",
        },
    ),
    (
        "azure-speech/azure-ai-docs_batch-transcription-get_result_hello-world.json",
        Format::Azure,
        Read {
            turns: 1,
            speakers: &["unknown"],
            first_start: 0.76,
            first_text: "Hello world.",
        },
    ),
    (
        "azure-speech/azure-ai-docs_batch-transcription-get_report.json",
        Format::Azure,
        Reject {
            line: None,
            mentions: "recognizedPhrases",
        },
    ),
    (
        "azure-speech/azure-docs_batch-transcription_v3.0_result_diarized_commented.jsonc",
        Format::Azure,
        Reject {
            line: Some(2),
            mentions: "comment",
        },
    ),
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/formats")
}

fn read(rel: &str) -> String {
    let bytes = std::fs::read(fixtures().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    String::from_utf8(bytes).unwrap_or_else(|e| panic!("{rel}: not UTF-8: {e}"))
}

/// `[start-end] speaker: text` per turn, times to the millisecond.
fn compact(t: &RawTranscript) -> String {
    t.turns
        .iter()
        .map(|t| format!("[{:.3}-{:.3}] {}: {}\n", t.start, t.end, t.speaker, t.text))
        .collect()
}

/// The snapshot name of a sample: its path with separators and dots made safe.
fn snap_name(rel: &str) -> String {
    rel.replace(['/', '.'], "_")
}

#[test]
fn samples_read_or_reject_as_expected() {
    for (rel, format, expect) in SAMPLES {
        let result = format.parse(&read(rel));
        match (expect, result) {
            (
                Read {
                    turns,
                    speakers,
                    first_start,
                    first_text,
                },
                Ok(calls),
            ) => {
                assert_eq!(calls.len(), 1, "{rel}: one call per file");
                let call = &calls[0];
                assert_eq!(call.turns.len(), *turns, "{rel}: turns\n{}", compact(call));
                let mut seen: Vec<&str> = Vec::new();
                for t in &call.turns {
                    if !seen.contains(&t.speaker.as_str()) {
                        seen.push(&t.speaker);
                    }
                }
                assert_eq!(seen, *speakers, "{rel}: speakers");
                let first = &call.turns[0];
                assert!(
                    (first.start - first_start).abs() < 1e-9,
                    "{rel}: first start {}",
                    first.start
                );
                assert!(
                    first.text.starts_with(first_text),
                    "{rel}: first text {:?}",
                    first.text
                );
                for t in &call.turns {
                    assert!(
                        t.start.is_finite() && t.end >= t.start,
                        "{rel}: times {t:?}"
                    );
                    assert!(!t.text.trim().is_empty(), "{rel}: empty turn {t:?}");
                }
                insta::assert_snapshot!(snap_name(rel), compact(call));
            }
            (Reject { line, mentions }, Err(e)) => {
                assert_eq!(e.line, *line, "{rel}: {}", e.message);
                if let Some(line) = line {
                    assert!(
                        e.message.contains(&format!("line {line}")),
                        "{rel}: message does not name line {line}: {}",
                        e.message
                    );
                }
                assert!(
                    e.message.contains(mentions),
                    "{rel}: message does not mention {mentions:?}: {}",
                    e.message
                );
            }
            (Read { .. }, Err(e)) => panic!("{rel}: expected to read, got {e:?}"),
            (Reject { .. }, Ok(calls)) => {
                panic!("{rel}: expected a rejection, read {}", compact(&calls[0]))
            }
        }
    }
}

#[test]
fn detect_picks_the_reader_of_every_sample() {
    for (rel, format, _) in SAMPLES {
        let path = fixtures().join(rel);
        // The whole file as head: engines put the telling keys anywhere (Contact Lens
        // chat sorts them alphabetically, so `Transcript` comes last).
        assert_eq!(Format::detect(&path, &read(rel)), *format, "{rel}");
    }
}

#[test]
fn every_sample_is_listed() {
    let mut found = Vec::new();
    for engine in std::fs::read_dir(fixtures()).unwrap() {
        let engine = engine.unwrap().path();
        if !engine.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&engine).unwrap() {
            let f = f.unwrap().path();
            if f.file_name().is_some_and(|n| n != "README.md") {
                let rel = f.strip_prefix(fixtures()).unwrap();
                found.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    let mut listed: Vec<String> = SAMPLES.iter().map(|(r, _, _)| r.to_string()).collect();
    listed.sort();
    assert_eq!(found, listed);
}

#[test]
fn every_engine_folder_keeps_its_provenance() {
    for (rel, _, _) in SAMPLES {
        let engine = rel.split('/').next().unwrap();
        assert!(
            fixtures().join(engine).join("README.md").is_file(),
            "{engine}"
        );
    }
}

/// The one-line examples of each format given in the documentation: each must be detected
/// from its file name and content and read as the same single agent turn.
const DOC_EXAMPLES: &[(&str, Format, &str)] = &[
    (
        "C1.jsonl",
        Format::Jsonl,
        r#"{"call_id":"C1","turns":[{"speaker":"agent","start":1.0,"end":3.1,"text":"pln 123 selamat pagi"}]}"#,
    ),
    (
        "C1.txt",
        Format::Text,
        "[00:01] AGENT: pln 123 selamat pagi",
    ),
    (
        "C1.vtt",
        Format::Vtt,
        "WEBVTT\n\n00:01.000 --> 00:03.100\n<v Agent>pln 123 selamat pagi</v>\n",
    ),
    (
        "C1.srt",
        Format::Srt,
        "1\n00:00:01,000 --> 00:00:03,100\nAGENT: pln 123 selamat pagi\n",
    ),
    (
        "C1.json",
        Format::WhisperJson,
        r#"{"segments":[{"start":1.0,"end":3.1,"text":" pln 123 selamat pagi","speaker":"SPEAKER_00"}]}"#,
    ),
    (
        "C1.json",
        Format::Transcribe,
        r#"{"results":{"items":[{"type":"pronunciation","start_time":"1.0","end_time":"3.1","speaker_label":"spk_0","alternatives":[{"content":"pln 123 selamat pagi"}]}]}}"#,
    ),
    (
        "C1.json",
        Format::CallAnalytics,
        r#"{"Transcript":[{"ParticipantRole":"AGENT","BeginOffsetMillis":1000,"EndOffsetMillis":3100,"Content":"pln 123 selamat pagi"}]}"#,
    ),
    (
        "C1.json",
        Format::Pca,
        r#"{"ConversationAnalytics":{"SpeakerLabels":[{"Speaker":"spk_0","DisplayText":"Agent"}]},"SpeechSegments":[{"SegmentSpeaker":"spk_0","SegmentStartTime":1.0,"SegmentEndTime":3.1,"DisplayText":"pln 123 selamat pagi"}]}"#,
    ),
    (
        "C1.json",
        Format::Deepgram,
        r#"{"metadata":{},"results":{"utterances":[{"speaker":0,"start":1.0,"end":3.1,"transcript":"pln 123 selamat pagi"}]}}"#,
    ),
    (
        "C1.json",
        Format::Azure,
        r#"{"recognizedPhrases":[{"speaker":1,"offsetInTicks":10000000,"durationInTicks":21000000,"nBest":[{"display":"pln 123 selamat pagi"}]}]}"#,
    ),
];

#[test]
fn documented_examples_read() {
    for (name, format, text) in DOC_EXAMPLES {
        assert_eq!(Format::detect(Path::new(name), text), *format, "{format}");
        let calls = format
            .parse(text)
            .unwrap_or_else(|e| panic!("{format}: {e}"));
        let turn = &calls[0].turns[0];
        assert_eq!(calls[0].turns.len(), 1, "{format}");
        assert_eq!(turn.text, "pln 123 selamat pagi", "{format}");
        assert_eq!(turn.start, 1.0, "{format}");
    }
}
