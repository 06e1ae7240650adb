//! The bundled demo: every (call, step) status and every path must match the hand-set
//! ground truth; reports must be the same bytes for any thread count.

use crate::common;

use common::{assert_matches_truth, audit, fixture, rows};

#[test]
fn demo_matches_truth() {
    let out = common::demo_reports();
    assert_matches_truth(&fixture("demo"), out.path());
    // Every call of the demo is audited; nothing rejected.
    let rejects = rows(&out.path().join("rejects.csv"));
    assert!(rejects.is_empty(), "demo rejects: {rejects:?}");
}

#[test]
fn reports_identical_for_any_thread_count() {
    let one = tempfile::tempdir().unwrap();
    let four = tempfile::tempdir().unwrap();
    audit(&fixture("demo"), one.path(), &["--threads", "1"]);
    audit(&fixture("demo"), four.path(), &["--threads", "4"]);
    for name in [
        "calls.csv",
        "steps.csv",
        "agents.csv",
        "rejects.csv",
        "trends.csv",
    ] {
        let a = std::fs::read(one.path().join(name)).unwrap();
        let b = std::fs::read(four.path().join(name)).unwrap();
        assert!(a == b, "{name} differs between 1 and 4 threads");
    }
}

#[test]
fn every_fail_has_a_reason_and_evidence_every_pass_evidence() {
    let out = common::demo_reports();
    for r in rows(&out.path().join("steps.csv")) {
        match r["status"].as_str() {
            "FAIL" => assert!(!r["reason"].is_empty(), "FAIL without reason: {r:?}"),
            "PASS" => assert!(
                !r["evidence_text"].is_empty(),
                "PASS without evidence: {r:?}"
            ),
            "NA" => {}
            other => panic!("bad status {other}"),
        }
    }
}

#[test]
fn report_snapshots() {
    let out = common::demo_reports();
    // The profile hash changes with any edit of the profile, verdicts or not: it is
    // checked by the provenance tests, not pinned here.
    let hash = callaudit::profile::Provenance::builtin().hash;
    for name in ["calls.csv", "agents.csv"] {
        let text = std::fs::read_to_string(out.path().join(name)).unwrap();
        let text = text.replace(&hash, "<profile hash>");
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn manifest_may_name_the_bundle_that_holds_a_call() {
    let dir = tempfile::tempdir().unwrap();
    let demo = fixture("demo");
    for entry in [
        "actions.csv",
        "reports.csv",
        "bundle.jsonl",
        "truth.csv",
        "expected_calls.csv",
    ] {
        std::fs::copy(demo.join(entry), dir.path().join(entry)).unwrap();
    }
    std::fs::create_dir(dir.path().join("transcripts")).unwrap();
    for f in std::fs::read_dir(demo.join("transcripts"))
        .unwrap()
        .flatten()
    {
        std::fs::copy(f.path(), dir.path().join("transcripts").join(f.file_name())).unwrap();
    }
    let calls = std::fs::read_to_string(demo.join("calls.csv")).unwrap();
    let rewritten: String = calls
        .lines()
        .map(|l| {
            if l.ends_with(',') {
                format!("{l}bundle.jsonl\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    assert_ne!(rewritten, calls);
    std::fs::write(dir.path().join("calls.csv"), rewritten).unwrap();
    let out = dir.path().join("out");
    audit(dir.path(), &out, &[]);
    assert_matches_truth(dir.path(), &out);
    assert!(rows(&out.join("rejects.csv")).is_empty());
}

/// Copies the demo with the rows of its manifest, action log and bundle reversed.
fn shuffled_demo(dir: &std::path::Path) {
    let demo = fixture("demo");
    let reverse_rows = |name: &str, header: bool| {
        let text = std::fs::read_to_string(demo.join(name)).unwrap();
        let mut lines: Vec<&str> = text.lines().collect();
        let head = if header {
            vec![lines.remove(0)]
        } else {
            vec![]
        };
        lines.reverse();
        let body: Vec<&str> = head.into_iter().chain(lines).collect();
        std::fs::write(dir.join(name), body.join("\n") + "\n").unwrap();
    };
    reverse_rows("calls.csv", true);
    reverse_rows("actions.csv", true);
    reverse_rows("bundle.jsonl", false);
    std::fs::copy(demo.join("reports.csv"), dir.join("reports.csv")).unwrap();
    std::fs::create_dir(dir.join("transcripts")).unwrap();
    for f in std::fs::read_dir(demo.join("transcripts"))
        .unwrap()
        .flatten()
    {
        std::fs::copy(f.path(), dir.join("transcripts").join(f.file_name())).unwrap();
    }
}

#[test]
fn unsorted_inputs_give_the_same_reports_as_sorted_ones() {
    // Sorted inputs stream; unsorted ones are indexed. Same bytes either way.
    let dir = tempfile::tempdir().unwrap();
    shuffled_demo(dir.path());
    let a = dir.path().join("out-shuffled");
    let b = dir.path().join("out-sorted");
    audit(dir.path(), &a, &[]);
    audit(&fixture("demo"), &b, &[]);
    // Evidence names the action's line, which moved with the reversal.
    let line = regex::Regex::new(r"actions\.csv line \d+").unwrap();
    for name in ["calls.csv", "steps.csv", "agents.csv", "rejects.csv"] {
        let x = std::fs::read_to_string(a.join(name)).unwrap();
        let y = std::fs::read_to_string(b.join(name)).unwrap();
        assert!(y.contains("actions.csv line") || name != "steps.csv");
        let (x, y) = (line.replace_all(&x, "L"), line.replace_all(&y, "L"));
        assert!(x == y, "{name} differs between sorted and unsorted inputs");
    }
}
