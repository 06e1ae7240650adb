//! Failures that used to pass silently are loud: a run that cannot mean anything stops
//! with exit 2 naming the path, `--strict` turns rejects into exit 1, one stray quote
//! costs one record, a repeated header column is named, and an agent flag that does not
//! fit a call is flagged in the `roles` column and counted.

use crate::common;

use assert_cmd::Command;
use common::{fixture, rows};
use std::path::Path;

fn copy_demo(to: &Path) {
    std::fs::create_dir_all(to.join("transcripts")).unwrap();
    for sub in ["", "transcripts"] {
        for e in std::fs::read_dir(fixture("demo").join(sub))
            .unwrap()
            .flatten()
        {
            if e.path().is_file() {
                std::fs::copy(e.path(), to.join(sub).join(e.file_name())).unwrap();
            }
        }
    }
}

fn audit(dir: &Path, out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("callaudit")
        .unwrap()
        .arg("audit")
        .arg(dir)
        .arg("--out")
        .arg(out)
        .args(extra)
        .assert()
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

#[test]
fn a_missing_log_or_export_stops_the_run_unless_allowed() {
    for (file, flag) in [("actions.csv", "actions"), ("reports.csv", "reports")] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("in");
        copy_demo(&dir);
        std::fs::remove_file(dir.join(file)).unwrap();
        let out = tmp.path().join("out");
        let a = audit(&dir, &out, &["--quiet"]).code(2);
        let err = stderr(&a);
        assert!(
            err.contains(file) && err.contains("--allow-missing"),
            "{err}"
        );
        assert!(!out.join("calls.csv").exists(), "no reports written");
        audit(&dir, &out, &["--quiet", "--allow-missing", flag]).success();
        let rejects = rows(&out.join("rejects.csv"));
        assert!(
            rejects.iter().any(|r| r["file"].contains(file)),
            "{rejects:?}"
        );
    }
}

#[test]
fn a_transcripts_path_that_does_not_exist_stops_the_run() {
    let out = tempfile::tempdir().unwrap();
    let a = audit(
        &fixture("demo"),
        out.path(),
        &["--quiet", "--transcripts", "no/such/folder"],
    )
    .code(2);
    assert!(stderr(&a).contains("no/such/folder"), "{}", stderr(&a));
}

#[test]
fn strict_makes_any_reject_exit_1() {
    let out = tempfile::tempdir().unwrap();
    audit(&fixture("demo"), out.path(), &["--quiet", "--strict"]).success();
    let a = audit(&fixture("broken"), out.path(), &["--strict"]).code(1);
    assert!(stderr(&a).contains("--strict"), "{}", stderr(&a));
    // The reports are still written: the run finished.
    assert!(!rows(&out.path().join("rejects.csv")).is_empty());
}

#[test]
fn one_stray_quote_loses_only_its_record() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    copy_demo(&dir);
    let calls = std::fs::read_to_string(dir.join("calls.csv")).unwrap();
    let mut lines: Vec<String> = calls.lines().map(str::to_string).collect();
    // Line 5 gets an opening quote in its agent name that never closes.
    let bad_id = lines[4].split(',').next().unwrap().to_string();
    lines[4] = lines[4].replacen(",A1", ",\"A1", 1);
    assert!(lines[4].contains('"'));
    std::fs::write(dir.join("calls.csv"), lines.join("\n") + "\n").unwrap();
    let out = tmp.path().join("out");
    audit(&dir, &out, &["--quiet"]).success();
    let audited = rows(&out.join("calls.csv"));
    assert_eq!(audited.len(), lines.len() - 2, "all calls but one audited");
    assert!(!audited.iter().any(|r| r["call_id"] == bad_id));
    let rejects = rows(&out.join("rejects.csv"));
    let bad: Vec<_> = rejects
        .iter()
        .filter(|r| r["file"] == "calls.csv")
        .collect();
    assert_eq!(bad.len(), 1, "{rejects:?}");
    assert_eq!(bad[0]["line"], "5");
    assert!(bad[0]["reason"].contains("quote"), "{:?}", bad[0]);
    // Its transcript and actions are now for an unknown call: rejected, not lost.
    assert!(rejects
        .iter()
        .any(|r| r["call_id"] == bad_id && r["file"] == "actions.csv"));
}

#[test]
fn a_header_naming_a_column_twice_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    copy_demo(&dir);
    let actions = std::fs::read_to_string(dir.join("actions.csv")).unwrap();
    std::fs::write(
        dir.join("actions.csv"),
        actions.replacen("report_no,ref_report_no", "report_no,report_no", 1),
    )
    .unwrap();
    let out = tmp.path().join("out");
    audit(&dir, &out, &["--quiet"]).success();
    let rejects = rows(&out.join("rejects.csv"));
    assert_eq!(rejects.len(), 1, "{rejects:?}");
    assert!(
        rejects[0]["reason"].contains("report_no twice"),
        "{rejects:?}"
    );
    // In the manifest there is nothing to audit: exit 2 naming the column.
    let calls = std::fs::read_to_string(dir.join("calls.csv")).unwrap();
    std::fs::write(
        dir.join("calls.csv"),
        calls.replacen("agent_name", "agent_id", 1),
    )
    .unwrap();
    let a = audit(&dir, &out, &["--quiet"]).code(2);
    assert!(stderr(&a).contains("agent_id twice"), "{}", stderr(&a));
}

#[test]
fn rejects_name_the_file_as_given() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    copy_demo(&dir);
    let calls = std::fs::read_to_string(dir.join("calls.csv")).unwrap();
    std::fs::write(
        dir.join("other.csv"),
        calls + "X1,bad-time,,A1,Andri,54,,,,\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let other = dir.join("other.csv");
    audit(&dir, &out, &["--quiet", "--calls", other.to_str().unwrap()]).success();
    let rejects = rows(&out.join("rejects.csv"));
    assert!(
        rejects
            .iter()
            .any(|r| r["file"] == "other.csv" && r["call_id"] == "X1"),
        "{rejects:?}"
    );
}

/// An archive of one call with anonymous speakers: spk_0 greets, spk_1 is the caller.
fn anonymous(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("calls.csv"),
        "call_id,started_at,agent_id,agent_name,site_code,transcript\n\
         Z1,2026-11-20T08:15:03+07:00,A1,Andri,54,z1.txt\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("z1.txt"),
        "[00:00] spk_0: pln 123 selamat pagi dengan andri ada yang bisa dibantu\n\
         [00:04] spk_1: halo mas listrik saya padam\n\
         [00:08] spk_0: baik mohon maaf dengan bapak siapa\n",
    )
    .unwrap();
    std::fs::write(dir.join("actions.csv"), "call_id,at,system,action\n").unwrap();
    std::fs::write(dir.join("reports.csv"), "report_no,created_at\n").unwrap();
}

#[test]
fn an_agent_flag_that_does_not_fit_is_flagged_and_counted() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    anonymous(&dir);
    let out = tmp.path().join("out");
    for (flag, want) in [
        ("spk_0", "flag"),
        ("spk_1", "flag-contradicted:spk_0-greets"),
        ("spk_9", "flag-absent:inferred:spk_0"),
    ] {
        let a = audit(&dir, &out, &["--agent-speaker", flag]).success();
        let calls = rows(&out.join("calls.csv"));
        assert!(calls[0]["roles"].starts_with(want), "{flag}: {calls:?}");
        let warned = stderr(&a).contains("in 1 calls the agent flag");
        assert_eq!(warned, flag != "spk_0", "{flag}: {}", stderr(&a));
    }
}
