//! Shared helpers for the integration tests: run the binary, read CSV reports.

#![allow(dead_code)]

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// Runs `callaudit audit DIR --out OUT --quiet` plus `extra`, asserting exit 0.
/// Writes a generated archive (the generator crate, as a library) into `dir`.
#[allow(dead_code)]
pub fn generate(dir: &Path, calls: u64, seed: u64, noise: u8, layout: &str, order: &str) {
    let opts = callaudit_gen::Options {
        noise,
        layout: layout.into(),
        order: order.into(),
        ..callaudit_gen::Options::new(dir, calls, seed)
    };
    callaudit_gen::run(&opts).expect("generated archive");
}

pub fn audit(dir: &Path, out: &Path, extra: &[&str]) {
    Command::cargo_bin("callaudit")
        .unwrap()
        .arg("audit")
        .arg(dir)
        .arg("--out")
        .arg(out)
        .arg("--quiet")
        .args(extra)
        .assert()
        .success();
}

/// The demo's reports with default options, audited once per test process: for tests
/// that only read them (never write into this folder; audit your own copy for that).
pub struct Shared(PathBuf);

impl Shared {
    pub fn path(&self) -> &Path {
        &self.0
    }
}

pub fn demo_reports() -> &'static Shared {
    static OUT: OnceLock<Shared> = OnceLock::new();
    OUT.get_or_init(|| {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("demo-reports");
        // Earlier runs' copies (one folder per process) go after an hour.
        let old = SystemTime::now() - Duration::from_secs(3600);
        for e in std::fs::read_dir(&root).into_iter().flatten().flatten() {
            if e.metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t < old)
            {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
        let out = root.join(std::process::id().to_string());
        let _ = std::fs::remove_dir_all(&out);
        audit(&fixture("demo"), &out, &[]);
        Shared(out)
    })
}

/// Reads a CSV into rows of column → value.
pub fn rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    csv_rows(&bytes)
}

/// The rows of CSV text, as maps from column to cell.
pub fn csv_rows(bytes: &[u8]) -> Vec<BTreeMap<String, String>> {
    let mut rdr = csv::Reader::from_reader(bytes);
    let headers = rdr.headers().unwrap().clone();
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// (call_id, step) → status from a steps.csv.
pub fn statuses(path: &Path) -> BTreeMap<(String, String), String> {
    rows(path)
        .into_iter()
        .map(|r| {
            (
                (r["call_id"].clone(), r["step"].clone()),
                r["status"].clone(),
            )
        })
        .collect()
}

/// Asserts the audit of `dir` (already in `out`) matches `truth.csv` and
/// `expected_calls.csv`, listing every disagreement with its reason.
pub fn assert_matches_truth(dir: &Path, out: &Path) {
    let steps = rows(&out.join("steps.csv"));
    let by_key: BTreeMap<(String, String), &BTreeMap<String, String>> = steps
        .iter()
        .map(|r| ((r["call_id"].clone(), r["step"].clone()), r))
        .collect();
    let mut wrong = Vec::new();
    let truth = rows(&dir.join("truth.csv"));
    assert!(!truth.is_empty());
    for t in &truth {
        let key = (t["call_id"].clone(), t["step"].clone());
        match by_key.get(&key) {
            None => wrong.push(format!("{key:?}: missing from steps.csv")),
            Some(r) if r["status"] != t["expected"] => wrong.push(format!(
                "{} {}: expected {} got {} ({}) [{} {}]",
                key.0,
                key.1,
                t["expected"],
                r["status"],
                r["reason"],
                r["evidence_time"],
                r["evidence_text"]
            )),
            _ => {}
        }
    }
    let calls: BTreeMap<String, BTreeMap<String, String>> = rows(&out.join("calls.csv"))
        .into_iter()
        .map(|r| (r["call_id"].clone(), r))
        .collect();
    for e in rows(&dir.join("expected_calls.csv")) {
        let id = &e["call_id"];
        let Some(c) = calls.get(id) else {
            wrong.push(format!("{id}: missing from calls.csv"));
            continue;
        };
        for col in ["path", "urgent", "prior_report_no"] {
            if c[col] != e[col] {
                wrong.push(format!(
                    "{id} {col}: expected {:?} got {:?}",
                    e[col], c[col]
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} disagreements:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// The markup a hostile transcript line carries in the HTML tests.
pub const HOSTILE: &str = "<script>document.title='pwned'</script><b>tolong</b>";

/// A copy of the demo in `dir` whose call D001 has a caller line holding markup.
pub fn hostile_demo(dir: &Path) {
    let demo = fixture("demo");
    std::fs::create_dir_all(dir.join("transcripts")).unwrap();
    for name in ["calls.csv", "actions.csv", "reports.csv", "bundle.jsonl"] {
        std::fs::copy(demo.join(name), dir.join(name)).unwrap();
    }
    for f in std::fs::read_dir(demo.join("transcripts"))
        .unwrap()
        .flatten()
    {
        std::fs::copy(f.path(), dir.join("transcripts").join(f.file_name())).unwrap();
    }
    let path = dir.join("transcripts/D001.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines.insert(2, format!("[00:06] PELANGGAN: {HOSTILE}"));
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
}

/// Proptest cases: `PROPTEST_CASES` when set, else `debug` in a debug build (plain
/// `cargo test`) and `release` in a release one (CI runs the full counts there).
pub fn cases(debug: u32, release: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) {
            debug
        } else {
            release
        })
}
