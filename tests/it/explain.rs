//! `callaudit explain`: every step and the path reasoning for any demo call; colour
//! only when asked for (the output here is a pipe); `--agent` on explain and audit.

use crate::common;

use assert_cmd::Command;
use callaudit::model::STEP_IDS as STEPS;
use common::{audit, fixture, rows};

fn explain(args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("callaudit")
        .unwrap()
        .arg("explain")
        .args(args)
        .env_remove("NO_COLOR")
        .assert()
}

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

#[test]
fn every_demo_call_shows_every_step_and_its_path_reasoning() {
    let out = common::demo_reports();
    let demo = fixture("demo");
    let demo = demo.to_str().unwrap();
    let steps = rows(&out.path().join("steps.csv"));
    let calls = rows(&out.path().join("calls.csv"));
    // One `explain - --agent A` per agent (a process per call is slow in a debug build);
    // each call's block starts at the line that begins with its id.
    let mut agents: Vec<&str> = calls.iter().map(|c| c["agent_id"].as_str()).collect();
    agents.sort_unstable();
    agents.dedup();
    let mut blocks = std::collections::BTreeMap::new();
    for agent in agents {
        let text = stdout(&explain(&["-", demo, "--agent", agent]).success());
        let ids: Vec<&str> = calls
            .iter()
            .filter(|c| c["agent_id"] == agent)
            .map(|c| c["call_id"].as_str())
            .collect();
        let mut current: Option<String> = None;
        for line in text.split_inclusive('\n') {
            if let Some(id) = ids.iter().find(|id| line.starts_with(&format!("{id}  "))) {
                current = Some(id.to_string());
            }
            let id = current
                .clone()
                .unwrap_or_else(|| panic!("{agent}: text before a call"));
            blocks.entry(id).or_insert_with(String::new).push_str(line);
        }
    }
    assert_eq!(blocks.len(), calls.len(), "every call explained once");
    for call in &calls {
        let id = &call["call_id"];
        let text = &blocks[id];
        assert!(!text.contains('\x1b'), "{id}: colour on a pipe");
        assert!(text.starts_with(id.as_str()), "{id}: {text}");
        assert!(text.contains("Why this path"), "{id}");
        assert!(text.contains(&format!("  - path {}", call["path"])), "{id}");
        assert!(text.contains(&format!("score {}", call["score"])), "{id}");
        assert!(text.contains("APKT   expected:") && text.contains("SIMONE expected:"));
        let prior = &call["prior_report_no"];
        if !prior.is_empty() {
            assert!(
                text.contains(&format!("prior report {prior} found by rule")),
                "{id}"
            );
        } else {
            assert!(text.contains("no prior report"), "{id}");
        }
        let verdicts = text.split("\nSteps\n").nth(1).unwrap();
        for step in STEPS {
            let row = steps
                .iter()
                .find(|r| r["call_id"] == *id && r["step"] == step)
                .unwrap();
            let line = format!("  {:<4} {step}", row["status"]);
            assert!(verdicts.contains(&line), "{id}: no {line:?} in\n{verdicts}");
            if !row["reason"].is_empty() {
                assert!(verdicts.contains(&row["reason"]), "{id} {step}: reason");
            }
        }
    }
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let demo = fixture("demo");
    let demo = demo.to_str().unwrap();
    let always = stdout(&explain(&["D004", demo, "--color", "always"]).success());
    assert!(always.contains("\x1b[1;31mFAIL") || always.contains("\x1b[32mPASS"));
    let never = stdout(&explain(&["D004", demo, "--color", "never"]).success());
    assert!(!never.contains('\x1b'));
    let plain = stdout(&explain(&["D004", demo]).success());
    assert_eq!(plain, never, "auto on a pipe is plain");
}

#[test]
fn unknown_call_is_a_clear_error() {
    let demo = fixture("demo");
    let a = explain(&["NOPE", demo.to_str().unwrap()]).code(2);
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert!(err.contains("no call NOPE"), "{err}");
}

#[test]
fn agent_restricts_explain_and_audit() {
    let demo = fixture("demo");
    let d = demo.to_str().unwrap();
    let out = tempfile::tempdir().unwrap();
    audit(&demo, out.path(), &["--agent", "A101"]);
    let calls = rows(&out.path().join("calls.csv"));
    assert!(!calls.is_empty() && calls.iter().all(|c| c["agent_id"] == "A101"));
    // Other agents' actions and bundle lines are not "unknown calls".
    assert!(rows(&out.path().join("rejects.csv")).is_empty());
    let all = stdout(&explain(&["-", d, "--agent", "A101"]).success());
    let shown = all.lines().filter(|l| l.contains("  agent A101 ")).count();
    assert_eq!(shown, calls.len());
    let first = &calls[0]["call_id"];
    explain(&[first, d, "--agent", "A101"]).success();
    explain(&[first, d, "--agent", "A102"]).code(2);
    explain(&["-", d]).code(2);
}
