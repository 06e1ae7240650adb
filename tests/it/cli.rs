//! The command line: profile printing, profile errors, exit codes, `--sop` overrides.

use crate::common;

use assert_cmd::Command;
use common::{fixture, rows};
use predicates::str::contains;

fn bin() -> Command {
    Command::cargo_bin("callaudit").unwrap()
}

#[test]
fn profile_prints_the_builtin_profile_which_parses_back() {
    let out = bin()
        .arg("profile")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("[steps.greeting]"));
    callaudit::profile::Profile::parse(&text, "stdout").unwrap();
}

#[test]
fn profile_phrases_are_normalised_literals() {
    let out = bin()
        .args(["profile", "--phrases"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.lines().any(|l| l == "pln 123"));
    assert!(text
        .lines()
        .all(|l| l == l.to_lowercase() && !l.contains('|')));
}

#[test]
fn invalid_profile_exits_2_naming_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    let text =
        callaudit::profile::BUILTIN.replace("window_s = 20.0", "window_s = 20.0\nwindow_sec = 3");
    std::fs::write(&bad, &text).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("window_sec"))
        .unwrap()
        + 1;
    bin()
        .args(["audit", "--quiet", "--out"])
        .arg(dir.path().join("out"))
        .arg("--sop")
        .arg(&bad)
        .arg(fixture("demo"))
        .assert()
        .code(2)
        .stderr(contains(format!("bad.toml:{line}")))
        .stderr(contains("window_sec"));
    assert!(!dir.path().join("out").join("calls.csv").exists());
}

#[test]
fn missing_folder_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    bin()
        .args(["audit", "/nonexistent/callaudit", "--out"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(contains("not a readable folder"));
}

#[test]
fn sop_file_replaces_the_builtin_profile() {
    // A QA lead makes every call's forbidden-phrase list include the PLN 123 greeting:
    // every audited call must then fail forbidden_phrases.
    let dir = tempfile::tempdir().unwrap();
    let sop = dir.path().join("strict.toml");
    let text = callaudit::profile::BUILTIN.replace(
        "\"have a nice day\",",
        "\"have a nice day\",\n  \"pln 123\",",
    );
    assert_ne!(text, callaudit::profile::BUILTIN);
    std::fs::write(&sop, text).unwrap();
    let out = dir.path().join("out");
    common::audit(&fixture("demo"), &out, &["--sop", sop.to_str().unwrap()]);
    let forbidden: Vec<_> = rows(&out.join("steps.csv"))
        .into_iter()
        .filter(|r| r["step"] == "forbidden_phrases")
        .collect();
    assert!(!forbidden.is_empty());
    assert!(
        forbidden.iter().all(|r| r["status"] == "FAIL"),
        "{forbidden:?}"
    );
}
