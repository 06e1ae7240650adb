//! The same calls in every transcript format give the same verdicts: the demo is
//! rewritten as WebVTT, SRT, Amazon Transcribe Call Analytics JSON, Deepgram JSON and
//! Whisper JSON files, audited, and its steps.csv compared with the original's.

use crate::common;

use callaudit::ingest::labels::explicit_role;
use callaudit::ingest::transcript::render::render;
use callaudit::ingest::transcript::{Format, RawTurn};
use callaudit::model::Role;
use common::{audit, fixture, rows};
use std::collections::BTreeMap;
use std::path::Path;

/// Every demo call's turns, speakers spelled `agent` / `caller`.
fn demo_turns() -> BTreeMap<String, Vec<RawTurn>> {
    let demo = fixture("demo");
    let mut out = BTreeMap::new();
    for c in rows(&demo.join("calls.csv")) {
        let id = c["call_id"].clone();
        let raw = if c["transcript"].is_empty() {
            let bundle = std::fs::read_to_string(demo.join("bundle.jsonl")).unwrap();
            Format::Jsonl
                .parse(&bundle)
                .unwrap()
                .into_iter()
                .find(|t| t.call_id.as_deref() == Some(id.as_str()))
                .unwrap()
        } else {
            let text = std::fs::read_to_string(demo.join(&c["transcript"])).unwrap();
            Format::Text.parse(&text).unwrap().remove(0)
        };
        let turns = raw
            .turns
            .into_iter()
            .map(|mut t| {
                t.speaker = match explicit_role(&t.speaker) {
                    Some(Role::Agent) => "agent".into(),
                    _ => "caller".into(),
                };
                t
            })
            .collect();
        out.insert(id, turns);
    }
    out
}

/// Writes the demo with every transcript as a `<id>.<ext>` file in `format`.
fn demo_as(format: Format, ext: &str, dir: &Path) {
    let demo = fixture("demo");
    std::fs::create_dir_all(dir.join("t")).unwrap();
    for f in ["actions.csv", "reports.csv"] {
        std::fs::copy(demo.join(f), dir.join(f)).unwrap();
    }
    let turns = demo_turns();
    let mut rdr = csv::Reader::from_path(demo.join("calls.csv")).unwrap();
    let headers = rdr.headers().unwrap().clone();
    let col = headers.iter().position(|h| h == "transcript").unwrap();
    let mut w = csv::Writer::from_path(dir.join("calls.csv")).unwrap();
    w.write_record(&headers).unwrap();
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let id = &rec[0];
        let name = format!("t/{id}.{ext}");
        std::fs::write(dir.join(&name), render(format, &turns[id]).unwrap()).unwrap();
        let fields: Vec<&str> = rec
            .iter()
            .enumerate()
            .map(|(i, v)| if i == col { name.as_str() } else { v })
            .collect();
        w.write_record(&fields).unwrap();
    }
    w.flush().unwrap();
}

/// steps.csv rows keyed by (call, step), evidence text with white space folded (cue
/// formats fold it) and times rounded to the tenth the report prints anyway.
fn verdicts(out: &Path) -> BTreeMap<(String, String), Vec<String>> {
    rows(&out.join("steps.csv"))
        .into_iter()
        .map(|r| {
            let text = r["evidence_text"]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            (
                (r["call_id"].clone(), r["step"].clone()),
                vec![
                    r["status"].clone(),
                    r["reason"].clone(),
                    r["evidence_time"].clone(),
                    text,
                    r["similarity"].clone(),
                ],
            )
        })
        .collect()
}

#[test]
fn every_format_gives_the_demo_verdicts() {
    let expected = verdicts(common::demo_reports().path());
    assert_eq!(expected.len(), 37 * 16);
    for (format, ext) in [
        (Format::Vtt, "vtt"),
        (Format::Srt, "srt"),
        (Format::CallAnalytics, "json"),
        (Format::Deepgram, "json"),
        (Format::WhisperJson, "json"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        demo_as(format, ext, dir.path());
        let out = dir.path().join("out");
        audit(dir.path(), &out, &[]);
        let rejects = rows(&out.join("rejects.csv"));
        assert!(rejects.is_empty(), "{format}: {rejects:?}");
        let got = verdicts(&out);
        let diff: Vec<_> = expected
            .iter()
            .filter(|(k, v)| got.get(*k) != Some(v))
            .map(|(k, v)| format!("{k:?}: {v:?} vs {:?}", got.get(k)))
            .collect();
        assert!(
            diff.is_empty(),
            "{format}: {} differences:\n{}",
            diff.len(),
            diff.join("\n")
        );
    }
}
