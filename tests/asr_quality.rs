//! The transcript quality gate end to end: engine confidences read from real engine
//! outputs, and the audit's `asr_quality` / `needs_review` columns on the recogniser
//! round-trip sample (`fixtures/asr_roundtrip/`) and on clean calls (`fixtures/demo/`).

use callaudit::ingest::transcript::Format;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn confidence(rel: &str, format: Format) -> Option<f64> {
    let text = std::fs::read_to_string(root().join("fixtures/formats").join(rel)).unwrap();
    let mut calls = format.parse(&text).unwrap();
    calls.remove(0).confidence
}

/// Means computed from the files by hand (word items with a letter or digit).
#[test]
fn engine_confidences_of_real_outputs() {
    let cases = [
        (
            "whisper/ajinkyaask_readme_whisper_word_timestamps_dialogue.json",
            Format::WhisperJson,
            0.844_111,
        ),
        (
            "aws-transcribe/diarization-output-batch_block1.json",
            Format::Transcribe,
            0.990_2,
        ),
        (
            "aws-transcribe/channel-id-output-batch_block1.json",
            Format::Transcribe,
            0.991_76,
        ),
        (
            "deepgram/python-sdk_listen_rest_nova3_smartformat_response.json",
            Format::Deepgram,
            0.979_4,
        ),
        (
            "azure-speech/azure-ai-docs_batch-transcription-get_result_hello-world.json",
            Format::Azure,
            0.564_334,
        ),
        (
            "aws-pca-parsed/pca-ui_testfile.json",
            Format::Pca,
            0.888_606,
        ),
    ];
    for (rel, format, want) in cases {
        let got = confidence(rel, format).unwrap_or_else(|| panic!("{rel}: no confidence"));
        assert!((got - want).abs() < 2e-3, "{rel}: {got} vs {want}");
    }
    assert_eq!(
        confidence("whisper/openai-whisper_1caba7d_jfk.vtt", Format::Vtt),
        None
    );
}
