//! Living with SOP changes: provenance in every report, run.json, the SQLite run history
//! with incremental nightly runs, trends.csv, and reviewers' overrides.

use crate::common;

use assert_cmd::Command;
use common::{audit, fixture, rows};
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::path::Path;

fn bin() -> Command {
    Command::cargo_bin("callaudit").unwrap()
}

/// A copy of the built-in profile with one phrase changed (verdicts aside, the hash
/// changes).
fn changed_profile(dir: &Path) -> std::path::PathBuf {
    let p = dir.join("changed.toml");
    let text = callaudit::profile::BUILTIN.replacen(
        "\"tetap semangat\",",
        "\"tetap semangat selalu\",",
        1,
    );
    assert_ne!(text, callaudit::profile::BUILTIN);
    std::fs::write(&p, text).unwrap();
    p
}

fn count(db: &Path, sql: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn provenance_in_calls_csv_and_run_json() {
    let d = tempfile::tempdir().unwrap();
    let out = common::demo_reports().path();
    let calls = rows(&out.join("calls.csv"));
    let hash = callaudit::profile::Provenance::builtin().hash;
    assert_eq!(hash.len(), 16);
    for c in &calls {
        assert_eq!(c["profile_name"], "PLN 123 lapor ulang");
        assert_eq!(c["profile_version"], "2026.11");
        assert_eq!(c["profile_hash"], hash);
    }
    let run: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("run.json")).unwrap()).unwrap();
    assert_eq!(run["profile"]["hash"], hash.as_str());
    assert_eq!(run["calls_audited"], 37);
    assert_eq!(run["rejects"], 0);
    assert_eq!(run["tool_version"], env!("CARGO_PKG_VERSION"));
    let mean: f64 = calls
        .iter()
        .map(|c| c["score"].parse::<f64>().unwrap())
        .sum::<f64>()
        / calls.len() as f64;
    assert!((run["mean_score"].as_f64().unwrap() - mean).abs() < 0.051);
    assert!(run["timings"]["total_s"].as_f64().unwrap() > 0.0);
    // A changed phrase is another hash, in the rows and in the summary line.
    let sop = changed_profile(d.path());
    let out2 = d.path().join("out2");
    let assert = bin()
        .arg("audit")
        .arg(fixture("demo"))
        .arg("--out")
        .arg(&out2)
        .arg("--sop")
        .arg(&sop)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    let other = rows(&out2.join("calls.csv"))[0]["profile_hash"].clone();
    assert_ne!(other, hash);
    assert!(stderr.contains(&other), "{stderr}");
}

#[test]
fn run_json_counts_rejects_by_reason() {
    let d = tempfile::tempdir().unwrap();
    audit(&fixture("broken"), d.path(), &[]);
    let run: serde_json::Value =
        serde_json::from_slice(&std::fs::read(d.path().join("run.json")).unwrap()).unwrap();
    let by: BTreeMap<String, u64> =
        serde_json::from_value(run["rejects_by_reason"].clone()).unwrap();
    let rejects = rows(&d.path().join("rejects.csv"));
    assert_eq!(by.values().sum::<u64>() as usize, rejects.len());
    assert_eq!(run["rejects"].as_u64().unwrap() as usize, rejects.len());
    assert!(
        by.keys().any(|k| k.starts_with("duplicate call_id")),
        "{by:?}"
    );
}

#[test]
fn second_nightly_run_adds_nothing_twice_and_a_changed_profile_rescores_all() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("history.sqlite");
    let night = |out: &str, extra: &[&str]| {
        let mut args = vec!["--history", db.to_str().unwrap(), "--skip-scored"];
        args.extend_from_slice(extra);
        audit(&fixture("demo"), &d.path().join(out), &args);
    };
    night("n1", &[]);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM calls"), 37);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM steps"), 37 * 16);
    night("n2", &[]);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM runs"), 2);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM calls"), 37);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM steps"), 37 * 16);
    assert_eq!(
        count(&db, "SELECT calls_skipped FROM runs WHERE run_id = 2"),
        37
    );
    assert!(rows(&d.path().join("n2/calls.csv")).is_empty());
    // Without --skip-scored a run re-scores (and records) everything.
    audit(
        &fixture("demo"),
        &d.path().join("n3"),
        &["--history", db.to_str().unwrap()],
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM calls"), 74);
    // A changed profile re-scores all, even with --skip-scored.
    let sop = changed_profile(d.path());
    night("n4", &["--sop", sop.to_str().unwrap()]);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM calls"), 111);
    assert_eq!(
        count(&db, "SELECT COUNT(DISTINCT profile_hash) FROM runs"),
        2
    );
    // What was recorded is what the reports say.
    let conn = Connection::open(&db).unwrap();
    let recorded: BTreeMap<String, f64> = conn
        .prepare("SELECT call_id, score FROM calls WHERE run_id = 1")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for c in rows(&d.path().join("n1/calls.csv")) {
        assert_eq!(recorded[&c["call_id"]], c["score"].parse::<f64>().unwrap());
    }
}

#[test]
fn history_queries_use_the_indexes() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("h.sqlite");
    audit(
        &fixture("demo"),
        &d.path().join("out"),
        &["--history", db.to_str().unwrap()],
    );
    let conn = Connection::open(&db).unwrap();
    let plan = |sql: &str| -> String {
        let mut st = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let rows = st.query_map([], |r| r.get::<_, String>(3)).unwrap();
        rows.map(Result::unwrap).collect::<Vec<_>>().join(" | ")
    };
    let agent = plan(
        "SELECT call_id, score FROM calls WHERE agent_id = 'A101' \
         AND started_utc >= '2026-10-21T00:00:00Z'",
    );
    assert!(agent.contains("INDEX calls_agent_time"), "{agent}");
    let step = plan(
        "SELECT day, AVG(status = 'FAIL') FROM steps WHERE step = 'empathy' \
         AND status <> 'NA' GROUP BY day",
    );
    assert!(step.contains("COVERING INDEX steps_step_day"), "{step}");
    // The fail rate by day is the one steps.csv gives.
    let fails = rows(&d.path().join("out/steps.csv"))
        .iter()
        .filter(|r| r["step"] == "closing" && r["status"] == "FAIL")
        .count() as i64;
    let n = count(
        &db,
        "SELECT SUM(status = 'FAIL') FROM steps WHERE step = 'closing' AND day = '2026-11-20'",
    );
    assert_eq!(n, fails);
}

#[test]
fn trends_totals_equal_calls_csv() {
    let d = tempfile::tempdir().unwrap();
    let arch = d.path().join("arch");
    common::generate(&arch, 120, 5, 1, "mixed", "time");
    let out = d.path().join("out");
    audit(&arch, &out, &[]);
    let calls = rows(&out.join("calls.csv"));
    let trends = rows(&out.join("trends.csv"));
    assert!(!calls.is_empty());
    for scope in ["agent", "team"] {
        let t: Vec<_> = trends.iter().filter(|r| r["scope"] == scope).collect();
        let n: u64 = t.iter().map(|r| r["calls"].parse::<u64>().unwrap()).sum();
        assert_eq!(n as usize, calls.len(), "{scope} calls");
        let crit: u64 = t
            .iter()
            .map(|r| r["critical_fails"].parse::<u64>().unwrap())
            .sum();
        let want = calls
            .iter()
            .filter(|c| c["critical_fail"] == "true")
            .count();
        assert_eq!(crit as usize, want, "{scope} critical fails");
        for step in callaudit::model::STEP_IDS {
            let got: u64 = t
                .iter()
                .map(|r| r[&format!("fail_{step}")].parse::<u64>().unwrap())
                .sum();
            let want = calls
                .iter()
                .filter(|c| c["failed_steps"].split(';').any(|s| s == step))
                .count();
            assert_eq!(got as usize, want, "{scope} fails of {step}");
        }
        // Every (id, day) group's mean is the mean of its calls.
        for r in &t {
            let mine: Vec<f64> = calls
                .iter()
                .filter(|c| {
                    let id = if scope == "agent" {
                        &c["agent_id"]
                    } else {
                        &c["team"]
                    };
                    id == &r["id"] && c["started_at"][..10] == r["day"]
                })
                .map(|c| c["score"].parse().unwrap())
                .collect();
            assert_eq!(mine.len().to_string(), r["calls"]);
            let mean = mine.iter().sum::<f64>() / mine.len() as f64;
            assert!((mean - r["mean_score"].parse::<f64>().unwrap()).abs() < 0.051);
        }
    }
}

#[test]
fn overrides_mark_the_reports_and_recompute_scores() {
    let d = tempfile::tempdir().unwrap();
    let base = d.path().join("base");
    audit(&fixture("demo"), &base, &[]);
    let steps = common::statuses(&base.join("steps.csv"));
    // D010 fails only its greeting; a reviewer passes it. D003 passes empathy; another
    // reviewer fails it. One override names a call that is not in the manifest.
    assert_eq!(steps[&("D010".into(), "greeting".into())], "FAIL");
    assert_eq!(steps[&("D003".into(), "empathy".into())], "PASS");
    let ov = d.path().join("overrides.csv");
    std::fs::write(
        &ov,
        "call_id,step,status,reviewer,reason\n\
         D010,greeting,PASS,qa.lead,name said before the recording starts\n\
         D003,empathy,FAIL,qa.two,apology was sarcastic\n\
         X999,closing,PASS,qa.two,typo in id\n",
    )
    .unwrap();
    let out = d.path().join("out");
    audit(
        &fixture("demo"),
        &out,
        &["--overrides", ov.to_str().unwrap()],
    );
    let calls: BTreeMap<String, BTreeMap<String, String>> = rows(&out.join("calls.csv"))
        .into_iter()
        .map(|r| (r["call_id"].clone(), r))
        .collect();
    let before: BTreeMap<String, BTreeMap<String, String>> = rows(&base.join("calls.csv"))
        .into_iter()
        .map(|r| (r["call_id"].clone(), r))
        .collect();
    assert_eq!(calls["D010"]["score"], "100.0");
    assert_eq!(calls["D010"]["failed_steps"], "");
    assert_eq!(calls["D010"]["overridden_by"], "greeting=qa.lead");
    assert_eq!(calls["D003"]["overridden_by"], "empathy=qa.two");
    assert!(calls["D003"]["failed_steps"].contains("empathy"));
    let s3: f64 = calls["D003"]["score"].parse().unwrap();
    let b3: f64 = before["D003"]["score"].parse().unwrap();
    assert!(s3 < b3, "{s3} !< {b3}");
    for (id, c) in &calls {
        if id != "D010" && id != "D003" {
            assert_eq!(c["score"], before[id]["score"], "{id}");
            assert_eq!(c["overridden_by"], "");
        }
    }
    let srows = rows(&out.join("steps.csv"));
    let g = srows
        .iter()
        .find(|r| r["call_id"] == "D010" && r["step"] == "greeting")
        .unwrap();
    assert_eq!(g["status"], "PASS");
    assert_eq!(g["overridden_by"], "qa.lead");
    assert_eq!(g["audit_status"], "FAIL");
    assert!(g["reason"].contains("name said before"), "{g:?}");
    assert_eq!(
        srows
            .iter()
            .filter(|r| !r["overridden_by"].is_empty())
            .count(),
        2
    );
    let rejects = rows(&out.join("rejects.csv"));
    assert_eq!(rejects.len(), 1, "{rejects:?}");
    assert_eq!(rejects[0]["call_id"], "X999");
    assert_eq!(rejects[0]["file"], "overrides.csv");
    assert_eq!(rejects[0]["line"], "4");
}
