//! Run history in an embedded SQLite database (`--history FILE`): each run appends its
//! row to `runs` and the calls and steps it scored, in one transaction, read back from
//! the committed reports. The schema (`schema.sql`) is indexed for one agent's last 30
//! days and one step's fail rate by day; `sqlite3` and pandas read it directly.

use crate::report::run_json::RunInfo;
use crate::report::{CALL_COLUMNS, STEP_COLUMNS};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashSet;
use std::path::Path;

/// The schema, applied on open (idempotent).
pub const SCHEMA: &str = include_str!("schema.sql");

#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("history database: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("{0}: {1}")]
    Report(String, String),
}

/// An open history database.
pub struct History {
    conn: Connection,
}

/// A CSV report read by column name.
struct Table {
    rdr: csv::Reader<Box<dyn std::io::Read>>,
    cols: Vec<String>,
    file: String,
}

impl Table {
    fn open(path: &Path) -> Result<Table, HistoryError> {
        let file = path.display().to_string();
        let bad = |e: csv::Error| HistoryError::Report(file.clone(), e.to_string());
        let input = crate::ingest::input::open(path).map_err(|e| bad(e.into()))?;
        let mut rdr = csv::Reader::from_reader(input);
        let cols = rdr
            .headers()
            .map_err(bad)?
            .iter()
            .map(String::from)
            .collect();
        Ok(Table { rdr, cols, file })
    }

    /// Position of each of `names`; an absent column is an error.
    fn positions(&self, names: &[&str]) -> Result<Vec<usize>, HistoryError> {
        names
            .iter()
            .map(|n| {
                self.cols.iter().position(|c| c == n).ok_or_else(|| {
                    HistoryError::Report(self.file.clone(), format!("no column {n}"))
                })
            })
            .collect()
    }

    fn next(&mut self, rec: &mut csv::StringRecord) -> Result<bool, HistoryError> {
        self.rdr
            .read_record(rec)
            .map_err(|e| HistoryError::Report(self.file.clone(), e.to_string()))
    }
}

/// Columns read from calls.csv: SPEC's fixed ones, then ours by name.
fn call_fields() -> Vec<&'static str> {
    CALL_COLUMNS[..15]
        .iter()
        .copied()
        .chain(["profile_hash", "overridden_by"])
        .collect()
}

/// Columns read from steps.csv.
fn step_fields() -> Vec<&'static str> {
    STEP_COLUMNS[..7]
        .iter()
        .copied()
        .chain(["overridden_by"])
        .collect()
}

/// UTC form of an RFC 3339 time, sortable as text; the input itself when it does not parse.
fn utc(t: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(t).map_or_else(
        |_| t.to_string(),
        |d| {
            d.with_timezone(&chrono::Utc)
                .format("%Y-%m-%dT%H:%M:%SZ")
                .to_string()
        },
    )
}

impl History {
    /// Opens (creating if need be) a history database and applies the schema.
    pub fn open(path: &Path) -> Result<History, HistoryError> {
        let conn = Connection::open(path)?;
        conn.execute_batch(SCHEMA)?;
        Ok(History { conn })
    }

    /// Call ids already scored with the profile of this hash.
    pub fn scored(&self, profile_hash: &str) -> Result<HashSet<String>, HistoryError> {
        let mut st = self
            .conn
            .prepare("SELECT DISTINCT call_id FROM calls WHERE profile_hash = ?1")?;
        let ids = st
            .query_map([profile_hash], |r| r.get::<_, String>(0))?
            .collect::<Result<HashSet<_>, _>>()?;
        Ok(ids)
    }

    /// Appends a run: its summary and the calls and steps of its committed reports in
    /// `out`, in one transaction. Returns the new run id.
    pub fn record(&mut self, info: &RunInfo, out: &Path) -> Result<i64, HistoryError> {
        let mut calls = Table::open(&out.join("calls.csv"))?;
        let path = crate::report::steps_path(out)
            .map_err(|e| HistoryError::Report(out.display().to_string(), e.to_string()))?;
        let mut steps = Table::open(&path)?;
        let cpos = calls.positions(&call_fields())?;
        let spos = steps.positions(&step_fields())?;
        let tx = self.conn.transaction()?;
        let inputs = serde_json::to_string(&info.inputs).unwrap_or_default();
        tx.execute(
            "INSERT INTO runs (started_at, finished_at, inputs, out_dir, profile_name, profile_version, \
             profile_hash, tool_version, calls_audited, calls_skipped, rejects, mean_score, \
             critical_fails, seconds) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                info.started_at,
                info.finished_at,
                inputs,
                out.display().to_string(),
                info.profile.name,
                info.profile.version,
                info.profile.hash,
                info.tool_version,
                info.calls_audited as i64,
                info.calls_skipped as i64,
                info.rejects as i64,
                info.mean_score,
                info.critical_fails as i64,
                info.timings.total_s,
            ],
        )?;
        let run = tx.last_insert_rowid();
        {
            let mut ins_call = tx.prepare(
                "INSERT INTO calls (run_id, call_id, started_at, started_utc, day, agent_id, \
                 agent_name, team, site_code, path, urgent, prior_report_no, score, critical_fail, \
                 passed, failed, na, failed_steps, profile_hash, overridden_by) VALUES \
                 (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
            )?;
            let mut ins_step = tx.prepare(
                "INSERT INTO steps (run_id, call_id, step, day, agent_id, status, reason, \
                 evidence_time, evidence_text, similarity, overridden_by) VALUES \
                 (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?;
            let (mut c, mut s) = (csv::StringRecord::new(), csv::StringRecord::new());
            let mut pending_step = steps.next(&mut s)?;
            while calls.next(&mut c)? {
                let f = |i: usize| c.get(cpos[i]).unwrap_or_default();
                let num = |i: usize| f(i).parse::<f64>().unwrap_or(0.0);
                let flag = |i: usize| i64::from(f(i) == "true");
                let day = f(1).get(..10).unwrap_or_default().to_string();
                ins_call.execute(params![
                    run,
                    f(0),
                    f(1),
                    utc(f(1)),
                    day,
                    f(2),
                    f(3),
                    f(4),
                    f(5),
                    f(6),
                    flag(7),
                    f(8),
                    num(9),
                    flag(10),
                    num(11) as i64,
                    num(12) as i64,
                    num(13) as i64,
                    f(14),
                    f(15),
                    f(16),
                ])?;
                // steps.csv is in calls.csv order: this call's rows come next.
                while pending_step && s.get(spos[0]) == Some(f(0)) {
                    let g = |i: usize| s.get(spos[i]).unwrap_or_default();
                    ins_step.execute(params![
                        run,
                        g(0),
                        g(1),
                        day,
                        f(2),
                        g(2),
                        g(3),
                        g(4),
                        g(5),
                        g(6).parse::<f64>().ok(),
                        g(7),
                    ])?;
                    pending_step = steps.next(&mut s)?;
                }
            }
            if pending_step {
                return Err(HistoryError::Report(
                    steps.file.clone(),
                    format!(
                        "row of call {} is not in calls.csv order",
                        s.get(spos[0]).unwrap_or_default()
                    ),
                ));
            }
        }
        tx.commit()?;
        Ok(run)
    }

    /// The connection, for reading runs back (diff) and for tests.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Whether a run id exists.
    pub fn has_run(&self, run: i64) -> Result<bool, HistoryError> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM runs WHERE run_id = ?1", [run], |_| Ok(()))
            .optional()?
            .is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_sorts_across_offsets() {
        assert_eq!(utc("2026-11-20T08:15:03+07:00"), "2026-11-20T01:15:03Z");
        assert_eq!(utc("garbage"), "garbage");
    }

    fn info() -> RunInfo {
        serde_json::from_str(
            r#"{"tool":"callaudit","tool_version":"0","started_at":"s","finished_at":"f",
            "profile":{"name":"n","version":"v","hash":"h"},
            "inputs":{"calls":"c","actions":"a","reports":"r","transcripts":[],"overrides":null},
            "calls_audited":2,"calls_skipped":0,"rejects":0,"rejects_by_reason":{},
            "mean_score":50.0,"critical_fails":0,"streamed":true,
            "timings":{"index_s":0.0,"audit_s":0.0,"total_s":0.0}}"#,
        )
        .unwrap()
    }

    fn reports(dir: &Path, steps: &[&str]) {
        let mut calls = CALL_COLUMNS.join(",") + "\n";
        for id in ["C1", "C2"] {
            let row = format!(
                "{id},2026-11-20T08:00:00+07:00,A1,Andri,T,54,FIRST_REPORT,false,,50.0,false,1,1,0,empathy,,,mobile,explicit,"
            );
            let mut fields: Vec<String> = row.split(',').map(str::to_string).collect();
            fields.resize(CALL_COLUMNS.len(), String::new());
            let at = |c: &str| CALL_COLUMNS.iter().position(|x| *x == c).unwrap();
            fields[at("profile_name")] = "n".into();
            fields[at("profile_version")] = "v".into();
            fields[at("profile_hash")] = "h".into();
            calls += &(fields.join(",") + "\n");
        }
        std::fs::write(dir.join("calls.csv"), calls).unwrap();
        let mut text = STEP_COLUMNS.join(",") + "\n";
        for id in steps {
            let row = ["greeting", "PASS", "", "0.0", "halo", "1.00"];
            let mut fields: Vec<&str> = vec![id];
            fields.extend(row);
            fields.resize(STEP_COLUMNS.len(), "");
            text += &(fields.join(",") + "\n");
        }
        std::fs::write(dir.join("steps.csv"), text).unwrap();
    }

    #[test]
    fn a_run_is_recorded_whole_or_not_at_all() {
        let d = tempfile::tempdir().unwrap();
        let mut h = History::open(&d.path().join("h.sqlite")).unwrap();
        let count = |h: &History, t: &str| -> i64 {
            h.conn()
                .query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| r.get(0))
                .unwrap()
        };
        reports(d.path(), &["C1", "C2"]);
        assert_eq!(h.record(&info(), d.path()).unwrap(), 1);
        assert_eq!(
            (count(&h, "runs"), count(&h, "calls"), count(&h, "steps")),
            (1, 2, 2)
        );
        let day: String = h
            .conn()
            .query_row("SELECT day FROM steps WHERE call_id = 'C2'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(day, "2026-11-20");
        // steps.csv out of calls.csv order: an error, and nothing of the run is kept.
        reports(d.path(), &["C2", "C1"]);
        assert!(h.record(&info(), d.path()).is_err());
        assert_eq!(
            (count(&h, "runs"), count(&h, "calls"), count(&h, "steps")),
            (1, 2, 2)
        );
        assert_eq!(h.scored("h").unwrap().len(), 2);
    }

    #[test]
    fn schema_applies_twice_and_has_the_indexes() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("h.sqlite");
        drop(History::open(&p).unwrap());
        let h = History::open(&p).unwrap();
        let n: i64 = h
            .conn()
            .query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN \
                 ('calls_agent_time', 'calls_profile', 'calls_call', 'steps_step_day')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 4);
        assert!(h.scored("x").unwrap().is_empty());
    }
}
