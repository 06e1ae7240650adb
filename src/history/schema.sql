-- callaudit run history (SQLite). Written by `callaudit audit --history FILE`; one
-- transaction per run. Documented in reports/README.md.
PRAGMA user_version = 1;

CREATE TABLE IF NOT EXISTS runs (
    run_id          INTEGER PRIMARY KEY,
    started_at      TEXT NOT NULL,     -- UTC, RFC 3339
    finished_at     TEXT NOT NULL,     -- UTC, RFC 3339
    inputs          TEXT NOT NULL,     -- JSON: calls, actions, reports, transcripts, overrides
    out_dir         TEXT NOT NULL,     -- the report folder of the run
    profile_name    TEXT NOT NULL,
    profile_version TEXT NOT NULL,
    profile_hash    TEXT NOT NULL,     -- content hash of the normalised profile
    tool_version    TEXT NOT NULL,
    calls_audited   INTEGER NOT NULL,
    calls_skipped   INTEGER NOT NULL,  -- already scored with this profile (--skip-scored)
    rejects         INTEGER NOT NULL,
    mean_score      REAL,
    critical_fails  INTEGER NOT NULL,
    seconds         REAL NOT NULL
);

CREATE TABLE IF NOT EXISTS calls (
    run_id          INTEGER NOT NULL REFERENCES runs(run_id),
    call_id         TEXT NOT NULL,
    started_at      TEXT NOT NULL,     -- as in the manifest (local offset)
    started_utc     TEXT NOT NULL,     -- YYYY-MM-DDTHH:MM:SSZ, sorts in time order
    day             TEXT NOT NULL,     -- local day of started_at, YYYY-MM-DD
    agent_id        TEXT NOT NULL,
    agent_name      TEXT NOT NULL,
    team            TEXT NOT NULL,
    site_code       TEXT NOT NULL,
    path            TEXT NOT NULL,
    urgent          INTEGER NOT NULL,  -- 0 / 1
    prior_report_no TEXT NOT NULL,
    score           REAL NOT NULL,
    critical_fail   INTEGER NOT NULL,  -- 0 / 1
    passed          INTEGER NOT NULL,
    failed          INTEGER NOT NULL,
    na              INTEGER NOT NULL,
    failed_steps    TEXT NOT NULL,     -- step ids joined by ';'
    profile_hash    TEXT NOT NULL,
    overridden_by   TEXT NOT NULL,     -- step=reviewer joined by ';'
    PRIMARY KEY (run_id, call_id)
);

CREATE TABLE IF NOT EXISTS steps (
    run_id          INTEGER NOT NULL REFERENCES runs(run_id),
    call_id         TEXT NOT NULL,
    step            TEXT NOT NULL,
    day             TEXT NOT NULL,     -- the call's local day (copied for the index)
    agent_id        TEXT NOT NULL,
    status          TEXT NOT NULL,     -- PASS / FAIL / NA
    reason          TEXT NOT NULL,
    evidence_time   TEXT NOT NULL,
    evidence_text   TEXT NOT NULL,
    similarity      REAL,
    overridden_by   TEXT NOT NULL,
    PRIMARY KEY (run_id, call_id, step)
);

-- One agent's last 30 days.
CREATE INDEX IF NOT EXISTS calls_agent_time ON calls (agent_id, started_utc);
-- Calls already scored with a profile (--skip-scored).
CREATE INDEX IF NOT EXISTS calls_profile ON calls (profile_hash, call_id);
-- A call's runs, newest last (the latest_calls view).
CREATE INDEX IF NOT EXISTS calls_call ON calls (call_id, run_id);
-- One step's fail rate by day (covering: no table lookup).
CREATE INDEX IF NOT EXISTS steps_step_day ON steps (step, day, status);

-- The newest score of every call.
CREATE VIEW IF NOT EXISTS latest_calls AS
    SELECT c.* FROM calls c
    WHERE c.run_id = (SELECT MAX(run_id) FROM calls c2 WHERE c2.call_id = c.call_id);
