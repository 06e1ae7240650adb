//! The transcript quality gate end to end: engine confidences read from real engine
//! outputs, and the audit's `asr_quality` / `needs_review` columns on the recogniser
//! round-trip sample (`fixtures/asr_roundtrip/`) and on clean calls (`fixtures/demo/`).

use crate::common;

use callaudit::ingest::transcript::Format;
use callaudit::profile::Compiled;
use common::{audit, fixture, rows};
use std::collections::BTreeMap;
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

/// Steps whose FAILs the action log decides (`[quality] log_steps`).
fn log_steps() -> Vec<String> {
    Compiled::builtin().profile.quality.log_steps
}

/// The last columns of a report's header.
fn header(path: &Path) -> Vec<String> {
    let mut rdr = csv::Reader::from_path(path).unwrap();
    rdr.headers().unwrap().iter().map(String::from).collect()
}

/// (false FAILs, of them needs_review) against the folder's truth.csv, and checks that
/// needs_review is set exactly on the transcript-step FAILs of low-quality calls.
fn review_counts(dir: &Path, out: &Path, min_quality: f64) -> (usize, usize) {
    let calls: BTreeMap<String, BTreeMap<String, String>> = rows(&out.join("calls.csv"))
        .into_iter()
        .map(|r| (r["call_id"].clone(), r))
        .collect();
    let truth: BTreeMap<(String, String), String> = rows(&dir.join("truth.csv"))
        .into_iter()
        .map(|r| {
            (
                (r["call_id"].clone(), r["step"].clone()),
                r["expected"].clone(),
            )
        })
        .collect();
    let logs = log_steps();
    let (mut false_fails, mut reviewed) = (0, 0);
    let mut call_flag: BTreeMap<String, bool> = BTreeMap::new();
    for s in rows(&out.join("steps.csv")) {
        let call = &calls[&s["call_id"]];
        let low = call["asr_quality"]
            .parse::<f64>()
            .is_ok_and(|q| q < min_quality);
        let review = s["needs_review"] == "true";
        let want = s["status"] == "FAIL" && low && !logs.contains(&s["step"]);
        assert_eq!(review, want, "{s:?} (asr_quality {})", call["asr_quality"]);
        *call_flag.entry(s["call_id"].clone()).or_default() |= review;
        let key = (s["call_id"].clone(), s["step"].clone());
        if s["status"] == "FAIL" && truth.get(&key).is_some_and(|t| t != "FAIL") {
            false_fails += 1;
            reviewed += usize::from(review);
        }
    }
    for (id, flag) in call_flag {
        assert_eq!(calls[&id]["needs_review"], flag.to_string(), "{id}");
    }
    (false_fails, reviewed)
}

#[test]
fn round_trip_false_fails_are_marked_for_review() {
    let dir = fixture("asr_roundtrip");
    let out = tempfile::tempdir().unwrap();
    audit(&dir, out.path(), &[]);
    for (file, cols) in [
        ("calls.csv", &["asr_quality", "needs_review"][..]),
        ("steps.csv", &["needs_review"][..]),
    ] {
        let h = header(&out.path().join(file));
        for c in cols {
            assert!(h.iter().any(|x| x == c), "{file} lacks {c}: {h:?}");
        }
    }
    assert!(rows(&out.path().join("rejects.csv")).is_empty());
    let min = Compiled::builtin().profile.quality.min_confidence;
    let (false_fails, reviewed) = review_counts(&dir, out.path(), min);
    assert!(false_fails > 0, "the recogniser makes false FAILs");
    assert!(
        reviewed * 10 >= false_fails * 8,
        "{reviewed} of {false_fails} false FAILs need review"
    );
    assert_reviewed_fails_leave_the_score(out.path());
}

/// With the built-in profile (review_fails_count = false) a FAIL under review leaves the
/// score and critical_fail like an NA; it still counts in `failed`.
fn assert_reviewed_fails_leave_the_score(out: &Path) {
    let prof = Compiled::builtin();
    let p = &prof.profile;
    assert!(!p.quality.review_fails_count);
    let mut per_call: BTreeMap<String, (f64, f64, bool, usize)> = BTreeMap::new();
    for s in rows(&out.join("steps.csv")) {
        let e = per_call.entry(s["call_id"].clone()).or_default();
        let w = p.scoring.weights[&s["step"]];
        match (s["status"].as_str(), s["needs_review"].as_str()) {
            ("PASS", _) => e.0 += w,
            ("FAIL", "false") => {
                e.1 += w;
                e.2 |= p.scoring.critical.contains(&s["step"]);
                e.3 += 1;
            }
            ("FAIL", _) => e.3 += 1,
            _ => {}
        }
    }
    let mut reviewed_calls = 0;
    for c in rows(&out.join("calls.csv")) {
        let (pass, fail, critical, failed) = per_call[&c["call_id"]];
        let want = if critical && p.scoring.critical_zeroes_score {
            0.0
        } else if pass + fail > 0.0 {
            100.0 * pass / (pass + fail)
        } else {
            100.0
        };
        let got: f64 = c["score"].parse().unwrap();
        assert!(
            (got - want).abs() < 0.051,
            "{}: score {got}, want {want}",
            c["call_id"]
        );
        assert_eq!(c["critical_fail"], critical.to_string(), "{}", c["call_id"]);
        assert_eq!(c["failed"], failed.to_string(), "{}", c["call_id"]);
        reviewed_calls += usize::from(c["needs_review"] == "true");
    }
    assert!(reviewed_calls > 0);
}

#[test]
fn round_trip_without_confidences_falls_back_to_known_words() {
    let dir = fixture("asr_roundtrip");
    let out = tempfile::tempdir().unwrap();
    let manifest = dir.join("calls_vtt.csv");
    audit(&dir, out.path(), &["--calls", manifest.to_str().unwrap()]);
    let min = Compiled::builtin().profile.quality.min_known_share;
    let (false_fails, reviewed) = review_counts(&dir, out.path(), min);
    assert!(false_fails > 0);
    assert!(
        reviewed * 10 >= false_fails * 8,
        "{reviewed} of {false_fails} false FAILs need review"
    );
}

#[test]
fn clean_demo_calls_are_never_flagged() {
    let out = common::demo_reports();
    let calls = rows(&out.path().join("calls.csv"));
    assert!(!calls.is_empty());
    let min = Compiled::builtin().profile.quality.min_known_share;
    for c in &calls {
        let q: f64 = c["asr_quality"].parse().unwrap_or_else(|_| panic!("{c:?}"));
        assert!(q >= min, "{}: asr_quality {q}", c["call_id"]);
        assert_eq!(c["needs_review"], "false", "{}", c["call_id"]);
    }
    let steps = rows(&out.path().join("steps.csv"));
    assert!(steps.iter().all(|s| s["needs_review"] == "false"));
}
