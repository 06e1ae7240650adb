//! Hostile inputs: transcript paths leading outside the input folders (`..`, absolute,
//! symlinked files, folders and bundles), devices and FIFOs, inputs past the limits,
//! formula cells, and `--redact` on the demo.

use crate::common;

use assert_cmd::Command;
use common::{fixture, rows, statuses};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn audit(dir: &Path, out: &Path, extra: &[&str]) {
    Command::cargo_bin("callaudit")
        .unwrap()
        .timeout(Duration::from_secs(120))
        .arg("audit")
        .arg(dir)
        .arg("--out")
        .arg(out)
        .arg("-q")
        // The hostile archives hold only a manifest and transcripts.
        .args(["--allow-missing", "actions,reports"])
        .args(extra)
        .assert()
        .success();
}

/// call_id → reject reason.
fn rejects(out: &Path) -> BTreeMap<String, String> {
    rows(&out.join("rejects.csv"))
        .into_iter()
        .map(|r| (r["call_id"].clone(), r["reason"].clone()))
        .collect()
}

/// Every cell of the four reports.
fn cells(out: &Path) -> Vec<String> {
    ["calls.csv", "steps.csv", "agents.csv", "rejects.csv"]
        .iter()
        .flat_map(|n| rows(&out.join(n)))
        .flat_map(|r| r.into_values())
        .collect()
}

const GREETING: &str = "[00:00] AGENT: pln 123 selamat pagi dengan andri ada yang bisa dibantu\n\
[00:05] PELANGGAN: listrik saya mati\n[00:09] AGENT: mohon maaf atas ketidaknyamanannya\n";

/// An input folder whose manifest names hostile transcripts, with a folder outside it
/// holding a secret and a valid transcript.
fn hostile() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, outside) = (tmp.path().join("in"), tmp.path().join("outside"));
    fs::create_dir_all(dir.join("t")).unwrap();
    fs::create_dir_all(&outside).unwrap();
    fs::write(
        outside.join("secret.txt"),
        "root:x:0:0:root:/root:/bin/bash\n",
    )
    .unwrap();
    fs::write(outside.join("call.txt"), GREETING).unwrap();
    let line = r#"{"call_id":"H11","turns":[{"speaker":"agent","start":0,"end":1,"text":"pln 123 selamat pagi dengan andri"},{"speaker":"caller","start":1,"end":2,"text":"halo"}]}"#;
    fs::write(outside.join("b.jsonl"), format!("{line}\n")).unwrap();
    let link = |from: PathBuf, to: PathBuf| std::os::unix::fs::symlink(from, to).unwrap();
    link(outside.join("call.txt"), dir.join("t/link.txt"));
    link(outside.clone(), dir.join("t/sub"));
    link(outside.join("b.jsonl"), dir.join("evil.jsonl"));
    let fifo = std::ffi::CString::new(dir.join("t/fifo.txt").to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    let fifo_bundle = std::ffi::CString::new(dir.join("pipe.jsonl").to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(fifo_bundle.as_ptr(), 0o644) }, 0);
    fs::write(dir.join("t/ok.txt"), GREETING).unwrap();
    fs::write(dir.join("t/big.txt"), GREETING.repeat(40)).unwrap();
    let calls = [
        ("H01", "../../../../../../../../etc/passwd"),
        ("H02", "/etc/passwd"),
        ("H03", "t/link.txt"),
        ("H04", "t/sub/call.txt"),
        ("H05", "/dev/zero"),
        ("H06", "/dev/urandom"),
        ("H07", "t/fifo.txt"),
        ("H08", "t/big.txt"),
        ("H09", "t/ok.txt"),
        ("H10", "../outside/secret.txt"),
        ("H11", ""),
    ];
    let mut manifest =
        "call_id,started_at,agent_id,agent_name,site_code,caller_number,transcript\n".to_string();
    for (id, t) in calls {
        manifest.push_str(&format!(
            "{id},2026-11-20T08:00:00+07:00,A1,Andri,54,081234567890,{t}\n"
        ));
    }
    fs::write(dir.join("calls.csv"), manifest).unwrap();
    (tmp, dir)
}

#[test]
fn paths_outside_devices_and_fifos_are_rejects_that_quote_nothing() {
    let (tmp, dir) = hostile();
    let out = tmp.path().join("reports");
    audit(&dir, &out, &["--max-transcript-bytes", "2000"]);
    let r = rejects(&out);
    let outside = "resolves outside the input folders";
    for id in ["H01", "H02", "H03", "H04", "H10"] {
        assert!(r[id].contains(outside), "{id}: {}", r[id]);
    }
    for id in ["H05", "H06", "H07"] {
        assert!(r[id].contains("not a regular file"), "{id}: {}", r[id]);
    }
    assert!(r["H08"].contains("limits.transcript_bytes"), "{}", r["H08"]);
    let audited: Vec<String> = rows(&out.join("calls.csv"))
        .into_iter()
        .map(|c| c["call_id"].clone())
        .collect();
    assert_eq!(audited, ["H09"]);
    let files: Vec<String> = rows(&out.join("rejects.csv"))
        .into_iter()
        .map(|c| c["reason"].clone())
        .collect();
    assert!(
        files
            .iter()
            .any(|f| f.contains("bundle") && f.contains(outside)),
        "{files:?}"
    );
    assert!(
        files
            .iter()
            .any(|f| f.contains("bundle is not a regular file")),
        "{files:?}"
    );
    for c in cells(&out) {
        assert!(
            !c.contains("root") && !c.contains("/bin/bash") && !c.contains("daemon"),
            "{c}"
        );
    }
    // Permitted, the links outside are read (and the secret is no transcript: a reject
    // that still quotes nothing of it).
    let out2 = tmp.path().join("reports2");
    audit(
        &dir,
        &out2,
        &["--allow-outside", "--max-transcript-bytes", "2000"],
    );
    let audited: Vec<String> = rows(&out2.join("calls.csv"))
        .into_iter()
        .map(|c| c["call_id"].clone())
        .collect();
    assert_eq!(audited, ["H03", "H04", "H09", "H11"]);
    for c in cells(&out2) {
        assert!(!c.contains("root") && !c.contains("/bin/bash"), "{c}");
    }
}

#[test]
fn limits_reject_and_evidence_is_capped() {
    let tmp = tempfile::tempdir().unwrap();
    let demo = fixture("demo");
    let out = tmp.path().join("a");
    audit(&demo, &out, &["--max-turns", "12"]);
    let r = rejects(&out);
    assert!(
        r.values().any(|v| v.contains("limits.turns_per_call")),
        "{r:?}"
    );
    let out = tmp.path().join("b");
    audit(&demo, &out, &["--max-turn-chars", "60"]);
    assert!(rejects(&out)
        .values()
        .any(|v| v.contains("limits.turn_chars")));
    let out = tmp.path().join("c");
    audit(&demo, &out, &["--max-transcript-bytes", "2200"]);
    let reasons: Vec<String> = rows(&out.join("rejects.csv"))
        .into_iter()
        .map(|c| c["reason"].clone())
        .collect();
    assert!(
        reasons
            .iter()
            .any(|v| v.contains("bundle line is larger than the limit of 2200 bytes")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|v| v.contains("transcript is larger than the limit of 2200 bytes")),
        "{reasons:?}"
    );
    let out = tmp.path().join("d");
    audit(&demo, &out, &["--max-evidence-chars", "20"]);
    let mut cut = 0;
    for s in rows(&out.join("steps.csv")) {
        let e = &s["evidence_text"];
        assert!(e.chars().count() <= 20, "{e}");
        cut += usize::from(e.ends_with('…'));
    }
    assert!(cut > 50, "{cut}");
}

#[test]
fn formula_cells_are_neutralised_unless_raw() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("t.txt"),
        format!("[00:00] AGENT: +cmd {}", &GREETING[15..]),
    )
    .unwrap();
    fs::write(
        dir.join("calls.csv"),
        "call_id,started_at,agent_id,agent_name,site_code,team,transcript\n\
         X1,2026-11-20T08:00:00+07:00,-A1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",54,@SUM(A1),t.txt\n",
    )
    .unwrap();
    let out = tmp.path().join("reports");
    audit(&dir, &out, &[]);
    let call = &rows(&out.join("calls.csv"))[0];
    assert_eq!(call["agent_name"], "'=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(call["team"], "'@SUM(A1)");
    assert_eq!(call["agent_id"], "'-A1");
    assert_eq!(
        rows(&out.join("agents.csv"))[0]["agent_name"],
        "'=HYPERLINK(\"http://x\",\"y\")"
    );
    let greeting = rows(&out.join("steps.csv"))
        .into_iter()
        .find(|s| s["step"] == "greeting")
        .unwrap();
    assert!(
        greeting["evidence_text"].starts_with("'+cmd"),
        "{greeting:?}"
    );
    for c in cells(&out) {
        assert!(!c.starts_with(['=', '+', '-', '@', '\t', '\r']), "{c}");
    }
    let raw = tmp.path().join("raw");
    audit(&dir, &raw, &["--raw-cells"]);
    let call = &rows(&raw.join("calls.csv"))[0];
    assert_eq!(call["agent_name"], "=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(call["agent_id"], "-A1");
}

#[test]
fn redact_on_the_demo_changes_no_verdict_and_leaves_no_long_number() {
    let tmp = tempfile::tempdir().unwrap();
    let (plain, red) = (tmp.path().join("plain"), tmp.path().join("red"));
    audit(&fixture("demo"), &plain, &[]);
    audit(&fixture("demo"), &red, &["--redact"]);
    assert_eq!(
        statuses(&plain.join("steps.csv")),
        statuses(&red.join("steps.csv"))
    );
    let verdict = |out: &Path| -> Vec<Vec<String>> {
        rows(&out.join("calls.csv"))
            .into_iter()
            .map(|c| {
                [
                    "call_id",
                    "path",
                    "urgent",
                    "score",
                    "critical_fail",
                    "failed_steps",
                ]
                .iter()
                .map(|k| c[*k].clone())
                .collect()
            })
            .collect()
    };
    assert_eq!(verdict(&plain), verdict(&red));
    assert_eq!(
        fs::read(plain.join("agents.csv")).unwrap(),
        fs::read(red.join("agents.csv")).unwrap()
    );
    let long = regex::Regex::new(r"[0-9]{6,}").unwrap();
    let text = fs::read_to_string(red.join("steps.csv")).unwrap();
    assert!(!long.is_match(&text), "{:?}", long.find(&text));
    assert!(long.is_match(&fs::read_to_string(plain.join("steps.csv")).unwrap()));
    assert!(text.contains("*******"));
}
