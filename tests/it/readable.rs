//! Reports a reader can use (steps.csv): the agent on every row, one unit per evidence
//! time column, reasons quoting the words said, nearest misses only above the floor.

use crate::common;

use common::rows;
use std::collections::BTreeMap;

#[test]
fn steps_csv_is_readable_without_joins_or_guessing() {
    let out = common::demo_reports();
    let agent_of: BTreeMap<String, String> = rows(&out.path().join("calls.csv"))
        .into_iter()
        .map(|r| (r["call_id"].clone(), r["agent_id"].clone()))
        .collect();
    let steps = rows(&out.path().join("steps.csv"));
    let (mut turn_times, mut action_times, mut forbidden, mut not_said) = (0, 0, 0, 0);
    for r in &steps {
        assert_eq!(r["agent_id"], agent_of[&r["call_id"]], "{r:?}");
        let t = &r["evidence_time"];
        let at = &r["evidence_at"];
        assert!(t.is_empty() || at.is_empty(), "two evidence times: {r:?}");
        if !t.is_empty() {
            let secs: f64 = t.parse().unwrap_or_else(|_| panic!("not seconds: {r:?}"));
            assert!(secs >= 0.0);
            turn_times += 1;
        }
        if !at.is_empty() {
            chrono::DateTime::parse_from_rfc3339(at)
                .unwrap_or_else(|_| panic!("not RFC 3339: {r:?}"));
            assert!(r["evidence_text"].contains("actions.csv line"), "{r:?}");
            action_times += 1;
        }
        if r["step"] == "forbidden_phrases" && r["status"] == "FAIL" {
            forbidden += 1;
            let reason = &r["reason"];
            // Pattern syntax of the profile never reaches a reader.
            assert!(!reason.contains(['[', ']', '{', '}', '|']), "{reason}");
            let quoted = reason.split('"').nth(1).unwrap();
            assert!(
                r["evidence_text"].to_lowercase().contains(quoted),
                "{quoted:?} is not what was said: {r:?}"
            );
        }
        if r["reason"].ends_with(": not said") {
            not_said += 1;
            let sim: f64 = r["similarity"].parse().unwrap();
            assert!(sim < 0.6, "below-floor miss with similarity {sim}: {r:?}");
        }
        // A FAIL that shows a nearest miss shows one at or above the floor.
        if r["reason"].contains("(nearest: ") {
            let sim: f64 = r["similarity"].parse().unwrap();
            assert!(sim >= 0.6, "nearest miss under the floor: {r:?}");
        }
    }
    assert!(
        turn_times > 100 && action_times > 30,
        "{turn_times} {action_times}"
    );
    assert!(forbidden >= 3, "demo has forbidden lines: {forbidden}");
    assert!(not_said >= 3, "demo has steps never said: {not_said}");
}
