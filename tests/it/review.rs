//! Reviewing audits: `diff` of two audits, `lint` of a profile and a run, `calibrate`
//! against human graders (and overrides used as grades).

use crate::common;

use assert_cmd::Command;
use common::{audit, fixture, rows};
use std::path::{Path, PathBuf};

fn bin() -> Command {
    Command::cargo_bin("callaudit").unwrap()
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

/// The built-in profile with one forbidden line changed: D016's "jangan lupa makan" is
/// no longer forbidden, and D001's agent line "tergantung antrian di lapangan" is.
fn one_phrase_changed(dir: &Path) -> PathBuf {
    let old = "\"jangan lupa bahagia|makan|istirahat|senyum\"";
    let text = callaudit::profile::BUILTIN.replacen(old, "\"tergantung antrian di lapangan\"", 1);
    assert_ne!(text, callaudit::profile::BUILTIN);
    let p = dir.join("one.toml");
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn one_changed_phrase_shows_exactly_the_expected_flips() {
    let d = tempfile::tempdir().unwrap();
    let (old, new) = (d.path().join("old"), d.path().join("new"));
    let db = d.path().join("h.sqlite");
    let hist = ["--history", db.to_str().unwrap()];
    audit(&fixture("demo"), &old, &hist);
    let sop = one_phrase_changed(d.path());
    let mut extra = hist.to_vec();
    extra.extend(["--sop", sop.to_str().unwrap()]);
    audit(&fixture("demo"), &new, &extra);
    // Folders and history run ids give the same diff.
    for (a, b, flips) in [
        (
            old.to_str().unwrap(),
            new.to_str().unwrap(),
            d.path().join("f1"),
        ),
        ("1", "2", d.path().join("f2")),
    ] {
        let text = stdout(
            bin()
                .args(["diff", a, b, "--history", db.to_str().unwrap(), "--out"])
                .arg(&flips),
        );
        assert!(
            text.contains("37 calls in both (0 only in old, 0 only in new); 2 flips: 1 PASS->FAIL, 1 FAIL->PASS, 0 other"),
            "{text}"
        );
        let line = text
            .lines()
            .find(|l| l.starts_with("forbidden_phrases"))
            .unwrap();
        assert_eq!(
            line.split_whitespace().collect::<Vec<_>>(),
            ["forbidden_phrases", "37", "1", "1", "0"]
        );
        // Andri (D001) loses what Siti (D016) gains.
        let andri = text.lines().find(|l| l.starts_with("A101 Andri")).unwrap();
        let cols: Vec<&str> = andri.split_whitespace().collect();
        assert_eq!(&cols[2..6], ["8", "1", "0", "0"], "{andri}");
        assert!(cols[8].starts_with('-'), "{andri}");
        let f = rows(&flips.join("flips.csv"));
        let got: Vec<_> = f
            .iter()
            .map(|r| {
                (
                    r["call_id"].as_str(),
                    r["step"].as_str(),
                    r["old_status"].as_str(),
                    r["new_status"].as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("D001", "forbidden_phrases", "PASS", "FAIL"),
                ("D016", "forbidden_phrases", "FAIL", "PASS")
            ]
        );
        assert!(f[0]["new_evidence_text"].contains("tergantung antrian di lapangan"));
        assert!(f[1]["old_evidence_text"].contains("jangan lupa makan"));
    }
    // The same audit twice: nothing flips.
    let text = stdout(
        bin()
            .args([
                "diff",
                old.to_str().unwrap(),
                old.to_str().unwrap(),
                "--out",
            ])
            .arg(d.path()),
    );
    assert!(text.contains("; 0 flips"), "{text}");
    // A run id without a history is an error naming it.
    bin()
        .args(["diff", "1", "2"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--history"));
}

#[test]
fn calibrate_on_the_demo_truth_agrees_and_lists_a_planted_disagreement() {
    let d = tempfile::tempdir().unwrap();
    let out = common::demo_reports().path();
    let truth = fixture("demo").join("truth.csv");
    let text = stdout(
        bin()
            .args(["calibrate", "--grades"])
            .arg(&truth)
            .arg("--reports")
            .arg(out),
    );
    assert!(
        text.contains("592 grades by 1 graders; agreement 1.000, kappa 1.000; 0 disagreements"),
        "{text}"
    );
    // Two graders: "ana" copies the truth, "bo" grades D013 again and passes its
    // closing (the audit and ana fail it) with a note.
    let mut grades = String::from("call_id,step,grade,grader,note\n");
    for r in rows(&truth) {
        grades.push_str(&format!(
            "{},{},{},ana,\n",
            r["call_id"], r["step"], r["expected"]
        ));
    }
    for r in rows(&truth).iter().filter(|r| r["call_id"] == "D013") {
        let g = if r["step"] == "closing" {
            "PASS"
        } else {
            r["expected"].as_str()
        };
        grades.push_str(&format!("D013,{},{g},bo,heard the app named\n", r["step"]));
    }
    let gp = d.path().join("grades.csv");
    std::fs::write(&gp, grades).unwrap();
    let csv = d.path().join("cal");
    let text = stdout(
        bin()
            .args(["calibrate", "--grades"])
            .arg(&gp)
            .arg("--reports")
            .arg(out)
            .arg("--csv")
            .arg(&csv),
    );
    assert!(text.contains("608 grades by 2 graders"), "{text}");
    assert!(text.contains("; 1 disagreements"), "{text}");
    let line = text
        .lines()
        .find(|l| l.starts_with("D013 closing: bo PASS / audit FAIL @ "))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("(note: heard the app named)"), "{line}");
    let ana = text.lines().find(|l| l.starts_with("ana ")).unwrap();
    assert_eq!(ana.split_whitespace().nth(2), Some("1.000"), "{ana}");
    let pair = text.lines().find(|l| l.starts_with("ana vs bo")).unwrap();
    let cols: Vec<&str> = pair.split_whitespace().collect();
    assert_eq!(cols[3], "16", "{pair}");
    assert_eq!(cols[4], format!("{:.3}", 15.0 / 16.0), "{pair}");
    let dis = rows(&csv.join("disagreements.csv"));
    assert_eq!(dis.len(), 1);
    assert_eq!(dis[0]["audit_status"], "FAIL");
    assert!(!dis[0]["evidence_text"].is_empty());
    let table = rows(&csv.join("calibration.csv"));
    let closing = table
        .iter()
        .find(|r| r["scope"] == "step" && r["name"] == "closing")
        .unwrap();
    assert_eq!(closing["P>F"], "1");
}

#[test]
fn overrides_are_usable_as_grades() {
    let d = tempfile::tempdir().unwrap();
    let out = common::demo_reports().path();
    let ov = d.path().join("overrides.csv");
    std::fs::write(
        &ov,
        "call_id,step,status,reviewer,reason\n\
         D010,greeting,PASS,qa.lead,name said before the recording starts\n\
         D003,greeting,PASS,qa.lead,agrees with the audit\n",
    )
    .unwrap();
    let text = stdout(
        bin()
            .args(["calibrate", "--grades"])
            .arg(&ov)
            .arg("--reports")
            .arg(out),
    );
    assert!(
        text.contains("2 grades by 1 graders; agreement 0.500"),
        "{text}"
    );
    assert!(
        text.lines().any(
            |l| l.starts_with("D010 greeting: qa.lead PASS / audit FAIL")
                && l.contains("(note: name said before the recording starts)")
        ),
        "{text}"
    );
    // The audit with the overrides applied agrees with them.
    let applied = d.path().join("applied");
    audit(
        &fixture("demo"),
        &applied,
        &["--overrides", ov.to_str().unwrap()],
    );
    let text = stdout(
        bin()
            .args(["calibrate", "--grades"])
            .arg(&ov)
            .arg("--reports")
            .arg(&applied),
    );
    assert!(text.contains("agreement 1.000"), "{text}");
}

/// The 1-based line of the first line holding `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn lint_flags_planted_unknown_slot_short_and_colliding_phrases_with_their_lines() {
    let d = tempfile::tempdir().unwrap();
    let text = callaudit::profile::BUILTIN
        .replacen(
            "own_name = [\"{agent_name}\"]",
            "own_name = [\"{agent_name}\", \"dengan {agen_name}\"]",
            1,
        )
        .replacen(
            "phrases = [\n  \"@explanation ... @clear\"",
            "phrases = [\n  \"ok\",\n  \"@explanation ... @clear\"",
            1,
        )
        .replacen(
            "thanks = [",
            "thanks = [\n  \"mohon maaf atas ketidaknyamanannya terima kasih\",",
            1,
        );
    let sop = d.path().join("planted.toml");
    std::fs::write(&sop, &text).unwrap();
    let out = bin().args(["lint", "--sop"]).arg(&sop).assert().code(1);
    let report = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let file = sop.display().to_string();
    let at = |needle: &str| format!("{file}:{}: ", line_of(&text, needle));
    let has = |prefix: String, kind: &str, what: &str| {
        assert!(
            report
                .lines()
                .any(|l| l.starts_with(&prefix) && l.contains(kind) && l.contains(what)),
            "no {kind} {what:?} at {prefix}:\n{report}"
        );
    };
    has(at("{agen_name}"), "error: unknown-slot", "{agen_name}");
    has(at("  \"ok\","), "warning: too-short", "\"ok\"");
    has(
        at("mohon maaf atas ketidaknyamanannya terima kasih"),
        "warning: collision",
        "one sentence passes both closing and empathy",
    );
    assert!(report.contains("lint: 1 errors"), "{report}");
    // The built-in profile has no errors: exit 0.
    bin().arg("lint").assert().success();
}

#[test]
fn lint_with_reports_flags_a_step_failing_everywhere_and_unused_phrases() {
    let d = tempfile::tempdir().unwrap();
    // A closing that nobody can say: every call fails it.
    let text =
        callaudit::profile::BUILTIN.replacen("thanks = [", "thanks = [\n  \"zzyzx quorbly\",", 1);
    let text = {
        // Keep only the planted phrase in the thanks list.
        let start = text.find("thanks = [").unwrap();
        let end = start + text[start..].find(']').unwrap();
        format!(
            "{}thanks = [\"zzyzx quorbly\"{}",
            &text[..start],
            &text[end..]
        )
    };
    // And a clarity phrase nobody says, in a step the demo agents pass.
    let text = text.replacen(
        "phrases = [\n  \"@explanation ... @clear\"",
        "phrases = [\n  \"zzyzx quorbly jelas\",\n  \"@explanation ... @clear\"",
        1,
    );
    let sop = d.path().join("broken.toml");
    std::fs::write(&sop, &text).unwrap();
    let out = d.path().join("out");
    audit(&fixture("demo"), &out, &["--sop", sop.to_str().unwrap()]);
    let closing_fails = rows(&out.join("steps.csv"))
        .iter()
        .filter(|r| r["step"] == "closing" && r["status"] == "FAIL")
        .count();
    assert_eq!(closing_fails, 37);
    let report = stdout(
        bin()
            .args(["lint", "--sop"])
            .arg(&sop)
            .arg("--reports")
            .arg(&out),
    );
    let file = sop.display().to_string();
    let header = format!("{file}:{}: ", line_of(&text, "[steps.closing]"));
    assert!(
        report.lines().any(|l| l.starts_with(&header)
            && l.contains("failing-step: closing fails on 37 of 37 calls")),
        "{report}"
    );
    // No other step fails on most demo calls.
    assert_eq!(report.matches("failing-step").count(), 1, "{report}");
    // The unsayable phrase never matched; a phrase the demo agents say did.
    let unsaid = format!("{file}:{}: warning: never-matched: steps.clarity_check.phrases: \"zzyzx quorbly jelas\" never matched", line_of(&text, "zzyzx quorbly jelas"));
    assert!(report.lines().any(|l| l.starts_with(&unsaid)), "{report}");
    assert!(!report.contains("steps.clarity_check.phrases: \"informasi|penjelasan|info ... jelas"));
}
