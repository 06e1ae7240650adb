//! `--steps-format csv|csv.zst|parquet` and `--evidence fails|all`: every format holds
//! the rows of steps.csv (cells neutralised and redacted alike), the set links only the
//! steps file it has, and the readers of a report folder read steps.csv.zst and refuse
//! steps.parquet with a message. Also: no progress bar when stderr is not a terminal.

use crate::common;

use assert_cmd::Command;
use common::{audit, csv_rows, fixture, rows};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

fn bin() -> Command {
    Command::cargo_bin("callaudit").unwrap()
}

type Rows = Vec<BTreeMap<String, String>>;

#[test]
fn csv_is_the_default_and_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (common::demo_reports().path(), tmp.path().join("b"));
    audit(
        &fixture("demo"),
        &b,
        &["--steps-format", "csv", "--evidence", "all"],
    );
    for n in ["calls.csv", "steps.csv", "agents.csv", "rejects.csv"] {
        assert_eq!(
            fs::read(a.join(n)).unwrap(),
            fs::read(b.join(n)).unwrap(),
            "{n}"
        );
    }
    assert!(fs::symlink_metadata(a.join("steps.csv.zst")).is_err());
    assert!(fs::symlink_metadata(a.join("steps.parquet")).is_err());
}

#[test]
fn csv_zst_decodes_to_steps_csv_and_replaces_it_in_the_set() {
    let tmp = tempfile::tempdir().unwrap();
    let (plain, zst) = (tmp.path().join("plain"), tmp.path().join("zst"));
    audit(&fixture("demo"), &plain, &[]);
    // Written over a csv set: the new set has steps.csv.zst and OUT no steps.csv link.
    audit(&fixture("demo"), &zst, &[]);
    audit(&fixture("demo"), &zst, &["--steps-format", "csv.zst"]);
    let packed = fs::read(zst.join("steps.csv.zst")).unwrap();
    let csv = fs::read(plain.join("steps.csv")).unwrap();
    assert!(
        packed.len() < csv.len() / 3,
        "{} vs {}",
        packed.len(),
        csv.len()
    );
    assert_eq!(zstd::decode_all(&packed[..]).unwrap(), csv);
    assert!(fs::symlink_metadata(zst.join("steps.csv")).is_err());
    assert!(!zst.join("current").join("steps.csv").exists());
    assert_eq!(
        fs::read(zst.join("calls.csv")).unwrap(),
        fs::read(plain.join("calls.csv")).unwrap()
    );
    // A reader of report folders takes steps.csv.zst: no flips between the two.
    let flips = tmp.path().join("flips");
    bin()
        .arg("diff")
        .arg(&plain)
        .arg(&zst)
        .arg("--out")
        .arg(&flips)
        .assert()
        .success();
    assert!(rows(&flips.join("flips.csv")).is_empty());
    // Back to csv: the link to steps.csv.zst goes, steps.csv is there again.
    audit(&fixture("demo"), &zst, &[]);
    assert!(fs::symlink_metadata(zst.join("steps.csv.zst")).is_err());
    assert_eq!(fs::read(zst.join("steps.csv")).unwrap(), csv);
}

#[test]
fn evidence_fails_blanks_pass_and_na_evidence_only() {
    let tmp = tempfile::tempdir().unwrap();
    let (all, fails) = (common::demo_reports().path(), tmp.path().join("fails"));
    audit(&fixture("demo"), &fails, &["--evidence", "fails"]);
    let (a, f) = (rows(&all.join("steps.csv")), rows(&fails.join("steps.csv")));
    assert_eq!(a.len(), f.len());
    let mut blanked = 0;
    for (a, f) in a.iter().zip(&f) {
        for (k, v) in a {
            if k == "evidence_text" && a["status"] != "FAIL" {
                assert_eq!(f[k], "", "{a:?}");
                blanked += usize::from(!v.is_empty());
            } else {
                assert_eq!(&f[k], v, "{k}");
            }
        }
    }
    assert!(blanked > 10, "{blanked}");
    assert!(a
        .iter()
        .any(|r| r["status"] == "FAIL" && !r["evidence_text"].is_empty()));
    assert_eq!(
        fs::read(all.join("calls.csv")).unwrap(),
        fs::read(fails.join("calls.csv")).unwrap()
    );
    let zst = tmp.path().join("zst");
    audit(
        &fixture("demo"),
        &zst,
        &["--evidence", "fails", "--steps-format", "csv.zst"],
    );
    let packed = fs::read(zst.join("steps.csv.zst")).unwrap();
    assert_eq!(
        zstd::decode_all(&packed[..]).unwrap(),
        fs::read(fails.join("steps.csv")).unwrap()
    );
}

#[test]
fn parquet_without_the_feature_is_refused_or_written() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let run = bin()
        .arg("audit")
        .arg(fixture("demo"))
        .arg("--out")
        .arg(&out)
        .args(["--quiet", "--steps-format", "parquet"])
        .output()
        .unwrap();
    if cfg!(feature = "parquet") {
        assert!(run.status.success());
        assert!(out.join("steps.parquet").is_file());
    } else {
        assert_eq!(run.status.code(), Some(1));
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(err.contains("parquet"), "{err}");
    }
}

#[cfg(feature = "parquet")]
mod parquet_out {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;

    /// steps.parquet as steps.csv would hold it: null as empty, doubles with 2 decimals.
    fn parquet_rows(path: &Path) -> (Vec<String>, Rows) {
        let r = SerializedFileReader::new(fs::File::open(path).unwrap()).unwrap();
        let schema = r.metadata().file_metadata().schema_descr();
        let cols = schema
            .columns()
            .iter()
            .map(|c| c.name().to_string())
            .collect();
        let rows = r
            .get_row_iter(None)
            .unwrap()
            .map(|row| {
                row.unwrap()
                    .get_column_iter()
                    .map(|(k, v)| {
                        let v = match v {
                            Field::Null => String::new(),
                            Field::Str(s) => s.clone(),
                            Field::Double(d) => format!("{d:.2}"),
                            Field::Bool(b) => b.to_string(),
                            other => panic!("{k}: {other:?}"),
                        };
                        (k.clone(), v)
                    })
                    .collect()
            })
            .collect();
        (cols, rows)
    }

    #[test]
    fn parquet_holds_the_rows_of_steps_csv() {
        let tmp = tempfile::tempdir().unwrap();
        let (csv, pq) = (tmp.path().join("csv"), tmp.path().join("pq"));
        audit(&fixture("demo"), &csv, &["--redact"]);
        audit(
            &fixture("demo"),
            &pq,
            &["--redact", "--steps-format", "parquet"],
        );
        let want = rows(&csv.join("steps.csv"));
        let (cols, got) = parquet_rows(&pq.join("steps.parquet"));
        assert_eq!(cols, callaudit::report::STEP_COLUMNS);
        assert_eq!(got.len(), want.len());
        assert_eq!(got.len(), 16 * rows(&csv.join("calls.csv")).len());
        assert_eq!(got[0]["call_id"], want[0]["call_id"]);
        assert_eq!(got[0]["step"], want[0]["step"]);
        assert_eq!(got, want);
        assert!(fs::symlink_metadata(pq.join("steps.csv")).is_err());
        // Readers of a report folder say why they cannot read it.
        let run = bin()
            .arg("diff")
            .arg(&csv)
            .arg(&pq)
            .arg("--out")
            .arg(tmp.path())
            .output()
            .unwrap();
        assert!(!run.status.success());
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(
            err.contains("steps.parquet") && err.contains("--steps-format csv"),
            "{err}"
        );
    }

    #[test]
    fn parquet_cells_are_neutralised_and_evidence_fails_applies() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("in");
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join("t.txt"),
            "[00:00] AGENT: +cmd selamat pagi, terima kasih telah menghubungi PLN 123\n\
             [00:05] CALLER: =SUM(A1) listrik padam\n",
        )
        .unwrap();
        fs::write(
            dir.join("calls.csv"),
            "call_id,started_at,agent_id,agent_name,site_code,team,transcript\n\
             X1,2026-11-20T08:00:00+07:00,-A1,Budi,54,t1,t.txt\n",
        )
        .unwrap();
        for extra in [&[][..], &["--evidence", "fails"][..]] {
            let (csv, pq) = (tmp.path().join("csv"), tmp.path().join("pq"));
            let args = |f: &'static str| {
                let mut a = vec!["--allow-missing", "actions,reports", "--steps-format", f];
                a.extend_from_slice(extra);
                a
            };
            audit(&dir, &csv, &args("csv"));
            audit(&dir, &pq, &args("parquet"));
            let want = rows(&csv.join("steps.csv"));
            let (_, got) = parquet_rows(&pq.join("steps.parquet"));
            assert_eq!(got, want);
            assert!(got.iter().all(|r| r["agent_id"] == "'-A1"));
            for r in &got {
                for v in r.values() {
                    assert!(!v.starts_with(['=', '+', '-', '@', '\t', '\r']), "{v}");
                }
            }
        }
    }

    #[test]
    fn history_refuses_parquet_up_front() {
        let tmp = tempfile::tempdir().unwrap();
        let run = bin()
            .arg("audit")
            .arg(fixture("demo"))
            .arg("--out")
            .arg(tmp.path().join("out"))
            .arg("--history")
            .arg(tmp.path().join("h.db"))
            .args(["--quiet", "--steps-format", "parquet"])
            .output()
            .unwrap();
        assert!(!run.status.success());
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(
            err.contains("--history") && err.contains("csv.zst"),
            "{err}"
        );
        assert!(!tmp.path().join("out").join("calls.csv").exists());
    }
}

#[test]
fn history_reads_steps_csv_zst() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("h.db");
    let out = tmp.path().join("out");
    let db_arg = db.to_str().unwrap();
    audit(
        &fixture("demo"),
        &out,
        &["--history", db_arg, "--steps-format", "csv.zst"],
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = conn
        .query_row("SELECT COUNT(*) FROM steps", [], |r| r.get(0))
        .unwrap();
    let packed = fs::read(out.join("steps.csv.zst")).unwrap();
    let want = csv_rows(&zstd::decode_all(&packed[..]).unwrap()).len();
    assert_eq!(n as usize, want);
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let run = bin()
        .arg("audit")
        .arg(fixture("demo"))
        .arg("--out")
        .arg(tmp.path().join("out"))
        .output()
        .unwrap();
    assert!(run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("audited"), "{err}");
    for bar in ["ETA", "\r", "\u{1b}[", "calls/s  "] {
        assert!(!err.contains(bar), "{bar:?} in {err}");
    }
}
