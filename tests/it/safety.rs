//! Hostile inputs and faults: OUT holding an input, lock contention, signals and write
//! errors mid-run, a read-only OUT, paths leading outside the input folders, devices and
//! FIFOs, limits, CSV injection, redaction. Every fault test checks that the previous
//! report set is intact, byte for byte, and that nothing of the failed run is left.

use crate::common;

use assert_cmd::Command;
use common::{fixture, rows};
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

/// The reports compared byte for byte (run.json carries the run's own times).
const REPORTS: [&str; 5] = [
    "calls.csv",
    "steps.csv",
    "agents.csv",
    "rejects.csv",
    "trends.csv",
];

fn bin() -> Command {
    let mut c = Command::cargo_bin("callaudit").unwrap();
    c.timeout(Duration::from_secs(120));
    c
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}

/// A copy of a fixture folder in a fresh temporary folder: (guard, input dir).
fn input(name: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    copy_dir(&fixture(name), &dir);
    (tmp, dir)
}

/// The four reports of OUT as read through OUT/<name>.
fn snapshot(out: &Path) -> Vec<Vec<u8>> {
    REPORTS
        .iter()
        .map(|n| fs::read(out.join(n)).unwrap())
        .collect()
}

/// Everything under OUT that is not the current set, the set before it, the links and
/// the lock: what a failed run must not leave.
fn leftovers(out: &Path) -> Vec<String> {
    let mut left: Vec<String> = fs::read_dir(out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            !REPORTS.contains(&n.as_str())
                && !matches!(
                    n.as_str(),
                    "current" | ".sets" | ".callaudit.lock" | "run.json"
                )
        })
        .collect();
    let sets = out.join(".sets");
    let current = fs::read_link(out.join("current")).unwrap();
    let current = current.file_name().unwrap().to_string_lossy().into_owned();
    let mut complete = 0;
    for e in fs::read_dir(&sets).unwrap().flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if n.starts_with(".new-") || fs::read_dir(e.path()).unwrap().count() < REPORTS.len() {
            left.push(format!(".sets/{n}"));
        } else if n != current {
            complete += 1;
        }
    }
    if complete > 1 {
        left.push(format!("{complete} old sets"));
    }
    left
}

/// An OUT holding one finished run of the demo: (guard, input, out, its reports).
fn previous_set() -> (tempfile::TempDir, PathBuf, PathBuf, Vec<Vec<u8>>) {
    let (tmp, dir) = input("demo");
    let out = tmp.path().join("reports");
    common::audit(&dir, &out, &[]);
    let before = snapshot(&out);
    (tmp, dir, out, before)
}

#[test]
fn out_holding_an_input_is_refused() {
    let (tmp, dir) = input("demo");
    let calls = fs::read(dir.join("calls.csv")).unwrap();
    for out in [dir.clone(), tmp.path().to_path_buf(), dir.join(".")] {
        let a = bin()
            .arg("audit")
            .arg(&dir)
            .arg("--out")
            .arg(&out)
            .arg("-q")
            .assert();
        let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
        a.code(2);
        assert!(err.contains("is or holds the input"), "{err}");
    }
    assert_eq!(fs::read(dir.join("calls.csv")).unwrap(), calls);
    assert!(!dir.join(".callaudit.lock").exists() && !dir.join("current").exists());
}

#[test]
fn set_layout_links_through_current_and_keeps_one_set_before() {
    let (tmp, dir, out, first) = previous_set();
    assert_eq!(
        fs::read_link(out.join("calls.csv")).unwrap(),
        Path::new("current/calls.csv")
    );
    // A second run of other inputs replaces the whole set; the one before is kept.
    let (_t2, broken) = input("broken");
    common::audit(&broken, &out, &[]);
    let second = snapshot(&out);
    assert_ne!(first[0], second[0]);
    common::audit(&dir, &out, &[]);
    assert_eq!(snapshot(&out), first, "same inputs, same reports");
    assert!(leftovers(&out).is_empty(), "{:?}", leftovers(&out));
    drop(tmp);
}

#[test]
fn plain_reports_of_the_old_layout_are_adopted() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("reports");
    fs::create_dir(&out).unwrap();
    for n in REPORTS {
        fs::write(out.join(n), format!("old {n}\n")).unwrap();
    }
    fs::write(out.join(".calls.csv.tmp"), "half").unwrap();
    common::audit(&fixture("demo"), &out, &[]);
    assert!(!out.join(".calls.csv.tmp").exists());
    assert!(rows(&out.join("calls.csv")).len() > 10);
    assert!(leftovers(&out).is_empty(), "{:?}", leftovers(&out));
}

#[test]
fn write_error_at_every_write_keeps_the_previous_set() {
    let (_tmp, _dir, out, before) = previous_set();
    let (_t2, broken) = input("broken");
    let mut failed = 0;
    for n in 1..=40 {
        let a = bin()
            .env("CALLAUDIT_TEST_FAULT", format!("enospc:{n}"))
            .arg("audit")
            .arg(&broken)
            .arg("--out")
            .arg(&out)
            .arg("-q")
            .assert();
        let code = a.get_output().status.code();
        if code == Some(0) {
            break;
        }
        let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
        assert_eq!(code, Some(2), "write {n}: {err}");
        assert!(err.contains("No space left on device"), "write {n}: {err}");
        assert_eq!(
            snapshot(&out),
            before,
            "write {n} failed: previous set changed"
        );
        assert!(
            leftovers(&out).is_empty(),
            "write {n}: {:?}",
            leftovers(&out)
        );
        failed += 1;
    }
    // The hook fired on every write of the run, then the run got through.
    assert!(failed >= 4, "only {failed} writes");
    assert_ne!(snapshot(&out), before);
}

/// Starts a run that stalls at its first report write; returns it once it has stalled.
fn stalled_run(dir: &Path, out: &Path) -> std::process::Child {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("callaudit"))
        .env("CALLAUDIT_TEST_FAULT", "stall:1")
        .arg("audit")
        .arg(dir)
        .arg("--out")
        .arg(out)
        .arg("-q")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.as_mut().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.contains("stalled"), "{line}");
    child
}

fn signal(child: &std::process::Child, sig: i32) {
    assert_eq!(unsafe { libc::kill(child.id() as i32, sig) }, 0);
}

#[test]
fn lock_contention_names_the_holder_and_signals_clean_up() {
    let (_tmp, _dir, out, before) = previous_set();
    let (_t2, broken) = input("broken");
    for sig in [libc::SIGTERM, libc::SIGINT] {
        let mut holder = stalled_run(&broken, &out);
        let staging: Vec<_> = fs::read_dir(out.join(".sets"))
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".new-"))
            .collect();
        assert_eq!(staging.len(), 1, "the stalled run is writing its set");
        let a = bin()
            .arg("audit")
            .arg(&broken)
            .arg("--out")
            .arg(&out)
            .arg("-q")
            .assert();
        let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
        a.code(2);
        assert!(err.contains("another callaudit run"), "{err}");
        assert!(err.contains(&format!("pid {}", holder.id())), "{err}");
        assert_eq!(snapshot(&out), before);
        signal(&holder, sig);
        let status = holder.wait().unwrap();
        assert_eq!(status.code(), Some(130), "signal {sig}");
        assert_eq!(snapshot(&out), before, "signal {sig}: previous set changed");
        assert!(
            leftovers(&out).is_empty(),
            "signal {sig}: {:?}",
            leftovers(&out)
        );
    }
    // The lock went with the holder: the next run writes.
    common::audit(&broken, &out, &[]);
    assert_ne!(snapshot(&out), before);
}

#[test]
fn sigkill_leftovers_are_removed_by_the_next_run() {
    let (_tmp, dir, out, before) = previous_set();
    let mut holder = stalled_run(&dir, &out);
    signal(&holder, libc::SIGKILL);
    holder.wait().unwrap();
    assert_eq!(
        snapshot(&out),
        before,
        "a killed run cannot touch the current set"
    );
    assert!(
        !leftovers(&out).is_empty(),
        "SIGKILL leaves the set being written"
    );
    common::audit(&dir, &out, &[]);
    assert_eq!(snapshot(&out), before);
    assert!(leftovers(&out).is_empty(), "{:?}", leftovers(&out));
}

#[test]
fn read_only_out_keeps_the_previous_set() {
    let (tmp, dir, out, before) = previous_set();
    let root = unsafe { libc::geteuid() } == 0;
    let mut cmd = if root {
        // Root writes anywhere: run as nobody, who may read the inputs but not write OUT.
        for p in [tmp.path(), &dir, &dir.join("transcripts")] {
            fs::set_permissions(p, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
        }
        let mut c = Command::new("setpriv");
        c.timeout(Duration::from_secs(120));
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(assert_cmd::cargo::cargo_bin("callaudit"));
        c
    } else {
        for p in [out.clone(), out.join(".sets")] {
            fs::set_permissions(p, std::os::unix::fs::PermissionsExt::from_mode(0o555)).unwrap();
        }
        bin()
    };
    let a = cmd
        .arg("audit")
        .arg(&dir)
        .arg("--out")
        .arg(&out)
        .arg("-q")
        .assert();
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    a.code(2);
    assert!(err.contains("Permission denied"), "{err}");
    assert_eq!(snapshot(&out), before);
    assert!(leftovers(&out).is_empty(), "{:?}", leftovers(&out));
}

/// A kill at each rename of the switch (strace's fault injection): the previous set or
/// the new one, never a mix; the next run clears what the killed one left.
#[test]
fn kill_at_each_rename_of_the_switch() {
    if std::process::Command::new("strace")
        .arg("-V")
        .output()
        .is_err()
    {
        eprintln!("strace not installed: kill_at_each_rename_of_the_switch not run");
        return;
    }
    let (tmp, _dir, out, before) = previous_set();
    let (_t2, broken) = input("broken");
    for when in 1..=2 {
        let status = std::process::Command::new("strace")
            .args([
                "-f",
                "-o",
                "/dev/null",
                "-e",
                "trace=rename,renameat,renameat2",
            ])
            .arg(format!(
                "--inject=rename,renameat,renameat2:signal=SIGKILL:when={when}"
            ))
            .arg(assert_cmd::cargo::cargo_bin("callaudit"))
            .arg("audit")
            .arg(&broken)
            .arg("--out")
            .arg(&out)
            .arg("-q")
            .status()
            .unwrap();
        assert!(!status.success(), "rename {when} was not hit");
        assert_eq!(snapshot(&out), before, "killed at rename {when}");
    }
    let fresh = tmp.path().join("fresh");
    common::audit(&broken, &fresh, &[]);
    common::audit(&broken, &out, &[]);
    assert_eq!(snapshot(&out), snapshot(&fresh));
    assert!(leftovers(&out).is_empty(), "{:?}", leftovers(&out));
}
