//! The audit pipeline over more calls than one chunk (2,048): chunks in flight while the
//! next is read, written in order whatever the thread count, and the fall-back to sorting
//! an input on disk when the manifest turns out unsorted after chunks were already audited.

use crate::common;

use assert_cmd::Command;
use common::audit;
use std::path::Path;

const CALLS: usize = 4500;

fn generate(dir: &Path) {
    common::generate(dir, CALLS as u64, 3, 1, "jsonl", "call-id");
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

#[test]
#[ignore = "4500 calls (150 s in debug): run in release, as CI does"]
fn chunks_are_written_in_order_and_unsorted_input_falls_back() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    generate(&archive);
    let (one, three) = (tmp.path().join("one"), tmp.path().join("three"));
    audit(&archive, &one, &["--threads", "1"]);
    audit(&archive, &three, &["--threads", "3"]);
    let calls = read(&one, "calls.csv");
    assert_eq!(calls.lines().count(), CALLS + 1, "every call reported");
    for name in ["calls.csv", "steps.csv", "agents.csv", "rejects.csv"] {
        assert!(
            read(&one, name) == read(&three, name),
            "{name} differs between 1 and 3 threads"
        );
    }

    // Two manifest rows swapped in the third chunk: streaming has already audited two
    // chunks when it meets them, then the run is redone with the manifest sorted on disk.
    let manifest = read(&archive, "calls.csv");
    let mut lines: Vec<&str> = manifest.lines().collect();
    lines.swap(4300, 4301);
    std::fs::write(archive.join("calls.csv"), lines.join("\n") + "\n").unwrap();
    let swapped = tmp.path().join("swapped");
    let run = Command::cargo_bin("callaudit")
        .unwrap()
        .arg("audit")
        .arg(&archive)
        .arg("--out")
        .arg(&swapped)
        .assert()
        .success();
    let summary = String::from_utf8_lossy(&run.get_output().stderr).to_string();
    assert!(
        summary.contains("sorted on disk: call manifest"),
        "the unsorted manifest was not detected: {summary}"
    );
    for name in ["calls.csv", "steps.csv", "agents.csv", "rejects.csv"] {
        assert!(
            read(&one, name) == read(&swapped, name),
            "{name} differs between sorted and unsorted manifests"
        );
    }
}
