//! Bad input never stops the batch and never vanishes: every bad row or file of
//! `fixtures/broken` is a reject with file, line, call and a reason, and the good calls
//! are still audited exactly as their truth says.

use crate::common;

use common::{assert_matches_truth, audit, fixture, rows};

fn assert_rejects(dir: &std::path::Path, out: &std::path::Path) {
    let got = rows(&out.join("rejects.csv"));
    let expected = rows(&dir.join("expected_rejects.csv"));
    let mut missing = Vec::new();
    for e in &expected {
        let found = got.iter().any(|g| {
            g["file"] == e["file"]
                && g["line"] == e["line"]
                && g["call_id"] == e["call_id"]
                && g["reason"].to_lowercase().contains(&e["reason_keyword"])
        });
        if !found {
            missing.push(format!("{e:?}"));
        }
    }
    assert!(
        missing.is_empty(),
        "expected rejects not found:\n{}\ngot:\n{got:#?}",
        missing.join("\n")
    );
    assert_eq!(
        got.len(),
        expected.len(),
        "unexpected extra rejects: {got:#?}"
    );
}

#[test]
fn broken_inputs_are_rejected_and_good_calls_scored() {
    let out = tempfile::tempdir().unwrap();
    audit(&fixture("broken"), out.path(), &[]);
    assert_rejects(&fixture("broken"), out.path());
    assert_matches_truth(&fixture("broken"), out.path());
    assert_eq!(rows(&out.path().join("calls.csv")).len(), 8);
}

#[test]
fn a_manifest_missing_a_required_column_stops_the_run_naming_it() {
    // Nothing can be audited: exit 2 naming the file and the column, and the previous
    // reports stay as they were.
    let dir = fixture("broken").join("missing_column");
    let out = tempfile::tempdir().unwrap();
    audit(&fixture("broken"), out.path(), &[]);
    let before = std::fs::read(out.path().join("calls.csv")).unwrap();
    let err = assert_cmd::Command::cargo_bin("callaudit")
        .unwrap()
        .arg("audit")
        .arg(&dir)
        .arg("--out")
        .arg(out.path())
        .arg("--quiet")
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&err);
    let want = &rows(&dir.join("expected_rejects.csv"))[0];
    assert!(
        err.contains(&want["file"]) && err.contains(&want["reason_keyword"]),
        "{err}"
    );
    assert_eq!(std::fs::read(out.path().join("calls.csv")).unwrap(), before);
}

#[test]
fn reports_are_replaced_whole() {
    // A second run into the same folder replaces every report and leaves no temp file.
    let out = tempfile::tempdir().unwrap();
    audit(&fixture("broken"), out.path(), &[]);
    audit(&fixture("demo"), out.path(), &[]);
    let demo = common::demo_reports();
    for f in ["calls.csv", "steps.csv", "agents.csv", "rejects.csv"] {
        assert_eq!(
            std::fs::read(out.path().join(f)).unwrap(),
            std::fs::read(demo.path().join(f)).unwrap(),
            "{f}"
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}
