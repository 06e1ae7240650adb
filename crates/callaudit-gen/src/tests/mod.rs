//! Whole-archive tests of the generator: determinism, the shape of every file, coverage of
//! paths / steps / violation kinds, noise independence of the truth, and independent
//! oracles that recompute each call's SOP path and its three action-log steps from the
//! written CSVs exactly as SPEC §2–3 state them.

use super::*;
use callaudit::ingest::transcript::{jsonl, text};
use callaudit::model::{PathKind, STEP_IDS};
use chrono::{DateTime, FixedOffset};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

mod coverage;
mod noise_archive;
mod oracle;

use oracle::oracle_paths_and_actions;

fn args(out: &Path, calls: u64, seed: u64, noise: u8, layout: &str) -> Options {
    Options {
        calls,
        seed,
        noise,
        out: out.to_path_buf(),
        layout: layout.to_string(),
        order: "call-id".to_string(),
        heldout_noise: false,
        bundle_calls: writer::BUNDLE_CALLS,
    }
}

fn all_files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    fs::read(&p).unwrap(),
                );
            }
        }
    }
    out
}

type Row = HashMap<String, String>;

fn read_csv(path: &Path) -> (Vec<String>, Vec<Row>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let headers: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .cloned()
                .zip(rec.iter().map(str::to_string))
                .collect()
        })
        .collect();
    (headers, rows)
}

fn ts(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap_or_else(|e| panic!("bad time {s:?}: {e}"))
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    let c = tmp.path().join("c");
    let sa = run(&args(&a, 300, 42, 2, "mixed")).unwrap();
    let sb = run(&args(&b, 300, 42, 2, "mixed")).unwrap();
    run(&args(&c, 300, 43, 2, "mixed")).unwrap();
    assert_eq!(sa, sb);
    let fa = all_files(&a);
    assert_eq!(fa, all_files(&b));
    let fc = all_files(&c);
    for name in ["calls.csv", "actions.csv", "reports.csv", "truth.csv"] {
        assert_ne!(
            fa[Path::new(name)],
            fc[Path::new(name)],
            "{name} same for two seeds"
        );
    }
    assert_eq!(sa.calls, 300);
    assert_eq!(sa.files as usize, fa.len());
    assert_eq!(sa.bytes, fa.values().map(|v| v.len() as u64).sum::<u64>());
}

#[test]
fn noise_changes_words_not_truth() {
    let tmp = tempfile::tempdir().unwrap();
    let clean = tmp.path().join("n0");
    let noisy = tmp.path().join("n3");
    run(&args(&clean, 400, 5, 0, "files")).unwrap();
    run(&args(&noisy, 400, 5, 3, "files")).unwrap();
    for name in [
        "truth.csv",
        "expected_calls.csv",
        "actions.csv",
        "reports.csv",
        "calls.csv",
    ] {
        assert_eq!(
            fs::read(clean.join(name)).unwrap(),
            fs::read(noisy.join(name)).unwrap(),
            "{name}"
        );
    }
    let t0 = fs::read_to_string(clean.join("transcripts/000/C00000000.txt")).unwrap();
    let t3 = fs::read_to_string(noisy.join("transcripts/000/C00000000.txt")).unwrap();
    assert_ne!(t0, t3);
    assert!(t0.contains("PLN 123") || t0.contains("Selamat") || t0.contains("Halo"));
    // Noise 1 writes lower case without punctuation (noise 3 may render a call
    // Whisper-style, with capitals and punctuation).
    let n1 = tmp.path().join("n1");
    run(&args(&n1, 1, 5, 1, "files")).unwrap();
    let t1 = fs::read_to_string(n1.join("transcripts/000/C00000000.txt")).unwrap();
    assert_eq!(
        t1,
        t1.to_lowercase()
            .replace("agent:", "AGENT:")
            .replace("pelanggan:", "PELANGGAN:")
    );
}

#[test]
fn archive_parses_back_and_is_consistent() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("arch");
    // 400 calls unoptimised keeps `cargo test` short; CI runs 1500 in release.
    let n = if cfg!(debug_assertions) { 400 } else { 1500 };
    run(&args(&out, n, 11, 3, "mixed")).unwrap();

    let (h, calls) = read_csv(&out.join("calls.csv"));
    assert_eq!(
        h,
        [
            "call_id",
            "started_at",
            "duration_s",
            "agent_id",
            "agent_name",
            "site_code",
            "team",
            "caller_number",
            "crm_caller_name",
            "transcript"
        ]
    );
    assert_eq!(calls.len() as u64, n);
    let (h, actions) = read_csv(&out.join("actions.csv"));
    assert_eq!(
        h,
        [
            "call_id",
            "at",
            "system",
            "action",
            "report_no",
            "ref_report_no",
            "category",
            "escalation_type",
            "note"
        ]
    );
    let (h, reports) = read_csv(&out.join("reports.csv"));
    assert_eq!(
        h,
        [
            "report_no",
            "created_at",
            "resolved_at",
            "category",
            "caller_name",
            "address",
            "problem",
            "caller_phone",
            "escalated_at",
            "unit_answer"
        ]
    );
    let (h, truth) = read_csv(&out.join("truth.csv"));
    assert_eq!(h, ["call_id", "step", "expected", "holdout"]);
    let (h, expected) = read_csv(&out.join("expected_calls.csv"));
    assert_eq!(h, ["call_id", "path", "urgent", "prior_report_no"]);

    // truth: 16 rows per call, in step order, valid values.
    assert_eq!(truth.len() as u64, n * 16);
    for (i, row) in truth.iter().enumerate() {
        assert_eq!(row["call_id"], calls[i / 16]["call_id"]);
        assert_eq!(row["step"], STEP_IDS[i % 16]);
        assert!(["PASS", "FAIL", "NA"].contains(&row["expected"].as_str()));
        assert!(["true", "false"].contains(&row["holdout"].as_str()));
    }
    let truth_of: HashMap<(&str, &str), &str> = truth
        .iter()
        .map(|r| {
            (
                (r["call_id"].as_str(), r["step"].as_str()),
                r["expected"].as_str(),
            )
        })
        .collect();

    // report numbers unique, K + 13 digits.
    let mut seen = BTreeSet::new();
    for r in &reports {
        let no = &r["report_no"];
        assert!(
            no.len() == 14 && no.starts_with('K') && no[1..].bytes().all(|b| b.is_ascii_digit()),
            "{no}"
        );
        assert!(seen.insert(no.clone()), "duplicate report {no}");
    }

    // transcripts: files and bundle lines parse, times increase, greeting early, closing last.
    let mut bundle_turns = HashMap::new();
    for e in fs::read_dir(&out).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "jsonl") {
            for t in jsonl::parse(&fs::read_to_string(&p).unwrap()).unwrap() {
                bundle_turns.insert(t.call_id.clone().unwrap(), t.turns);
            }
        }
    }
    let mut per_dir: HashMap<String, usize> = HashMap::new();
    for c in &calls {
        let id = c["call_id"].as_str();
        let turns = if c["transcript"].is_empty() {
            bundle_turns
                .remove(id)
                .unwrap_or_else(|| panic!("{id} not in a bundle"))
        } else {
            let rel = &c["transcript"];
            assert!(rel.starts_with("transcripts/") && rel.ends_with(&format!("{id}.txt")));
            *per_dir
                .entry(rel.rsplit_once('/').unwrap().0.to_string())
                .or_default() += 1;
            text::parse(&fs::read_to_string(out.join(rel)).unwrap())
                .unwrap()
                .turns
        };
        assert!(turns.len() >= 6, "{id}: {} turns", turns.len());
        assert!(
            turns.windows(2).all(|w| w[1].start > w[0].start),
            "{id}: turn times"
        );
        let first_agent = turns
            .iter()
            .find(|t| t.speaker.eq_ignore_ascii_case("agent"))
            .unwrap();
        if truth_of[&(id, "greeting")] == "PASS" {
            assert!(
                first_agent.start < 20.0,
                "{id}: greeting at {}",
                first_agent.start
            );
        }
        assert!(
            turns.last().unwrap().speaker.eq_ignore_ascii_case("agent"),
            "{id}: closing not last"
        );
        let start = ts(&c["started_at"]);
        let dur: i64 = c["duration_s"].parse().unwrap();
        for a in actions.iter().filter(|a| a["call_id"] == id) {
            let at = ts(&a["at"]);
            assert!(
                at >= start && (at - start).num_seconds() <= dur,
                "{id}: action outside the call"
            );
        }
    }
    assert!(bundle_turns.is_empty());
    assert!(per_dir
        .values()
        .all(|&k| k <= writer::FILES_PER_DIR as usize));

    oracle_paths_and_actions(&calls, &actions, &reports, &expected, &truth_of);
}

#[test]
fn bundles_hold_at_most_bundle_calls() {
    // Ten thousand calls a bundle by default; a small limit keeps the test fast.
    assert_eq!(Options::new("x", 1, 1).bundle_calls, 10_000);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("j");
    let opts = Options {
        bundle_calls: 40,
        ..args(&out, 2 * 40 + 3, 1, 0, "jsonl")
    };
    let s = run(&opts).unwrap();
    assert_eq!(s.files, 5 + 3);
    let lines = |n: u32| {
        fs::read_to_string(out.join(format!("bundle-{n:04}.jsonl")))
            .unwrap()
            .lines()
            .count()
    };
    assert_eq!((lines(0), lines(1), lines(2)), (40, 40, 3));
    assert!(!out.join("bundle-0003.jsonl").exists());
    let (_, calls) = read_csv(&out.join("calls.csv"));
    assert_eq!(calls.len(), 83);
    assert!(calls.iter().all(|c| c["transcript"].is_empty()));
}

#[test]
fn refuses_a_non_empty_folder_and_a_bad_layout() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("keep.txt"), "x").unwrap();
    let err = run(&args(tmp.path(), 5, 1, 0, "files")).unwrap_err();
    assert!(err.to_string().contains("not empty"), "{err}");
    let err = run(&args(&tmp.path().join("new"), 5, 1, 0, "zip")).unwrap_err();
    assert!(err.to_string().contains("layout"), "{err}");
}
