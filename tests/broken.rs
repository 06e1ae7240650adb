//! Bad input never stops the batch and never vanishes: every bad row or file of
//! `fixtures/broken` is a reject with file, line, call and a reason, and the good calls
//! are still audited exactly as their truth says.

mod common;

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
fn missing_required_column_rejects_the_file_naming_the_column() {
    let dir = fixture("broken").join("missing_column");
    let out = tempfile::tempdir().unwrap();
    audit(&dir, out.path(), &[]);
    assert_rejects(&dir, out.path());
    assert!(rows(&out.path().join("calls.csv")).is_empty());
}

#[test]
fn reports_are_replaced_whole() {
    // A second run into the same folder replaces every report and leaves no temp file.
    let out = tempfile::tempdir().unwrap();
    audit(&fixture("broken"), out.path(), &[]);
    audit(&fixture("broken").join("missing_column"), out.path(), &[]);
    assert!(rows(&out.path().join("calls.csv")).is_empty());
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}
