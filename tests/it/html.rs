//! The HTML report: its numbers equal calls.csv / agents.csv, agent pages link to call
//! pages with highlighted evidence, transcript text is escaped, nothing is loaded from
//! outside the folder, and the pages are the same for any thread count.

use crate::common;

use common::{audit, fixture, hostile_demo, rows, HOSTILE};
use std::collections::BTreeMap;
use std::path::Path;

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The text of the element with this id (`<span id="x">text</span>`).
fn by_id(html: &str, id: &str) -> String {
    let at = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}"));
    let open = at + html[at..].find('>').unwrap() + 1;
    let close = open + html[open..].find('<').unwrap();
    html[open..close].to_string()
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for sub in ["", "agents", "calls"] {
        for e in std::fs::read_dir(dir.join(sub)).unwrap().flatten() {
            if e.path().is_file() {
                let name = format!("{sub}/{}", e.file_name().to_string_lossy());
                out.insert(name, std::fs::read(e.path()).unwrap());
            }
        }
    }
    out
}

#[test]
fn numbers_equal_the_csv_reports() {
    let out = tempfile::tempdir().unwrap();
    let html = out.path().join("html");
    audit(
        &fixture("demo"),
        out.path(),
        &["--html", html.to_str().unwrap()],
    );
    let calls = rows(&out.path().join("calls.csv"));
    let steps = rows(&out.path().join("steps.csv"));
    let index = read(&html.join("index.html"));
    assert_eq!(by_id(&index, "calls"), calls.len().to_string());
    let scores: Vec<f64> = calls.iter().map(|c| c["score"].parse().unwrap()).collect();
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    assert_eq!(by_id(&index, "mean-score"), format!("{mean:.1}"));
    let critical = calls
        .iter()
        .filter(|c| c["critical_fail"] == "true")
        .count();
    assert_eq!(by_id(&index, "critical-fails"), critical.to_string());
    for a in rows(&out.path().join("agents.csv")) {
        let page = read(&html.join("agents").join(format!("{}.html", a["agent_id"])));
        assert_eq!(by_id(&page, "agent-calls"), a["calls"]);
        assert_eq!(by_id(&page, "agent-mean"), a["mean_score"]);
        assert!(index.contains(&format!("href=\"agents/{}.html\"", a["agent_id"])));
    }
    // Every failed call has a page (the demo's agents have fewer calls than the
    // per-agent list), linked from its agent's page; no call without a FAIL has one
    // unless sampled.
    for c in &calls {
        let page = html.join("calls").join(format!("{}.html", c["call_id"]));
        let agent = read(&html.join("agents").join(format!("{}.html", c["agent_id"])));
        let link = format!("href=\"../calls/{}.html\"", c["call_id"]);
        if !c["failed_steps"].is_empty() {
            assert!(page.is_file(), "{} has no page", c["call_id"]);
            assert!(agent.contains(&link), "{}", c["call_id"]);
            let p = read(&page);
            assert_eq!(by_id(&p, "score"), c["score"]);
            assert!(
                p.contains("ev-fail"),
                "{}: no highlighted FAIL",
                c["call_id"]
            );
            // Every step whose evidence is a turn or an action marks it.
            for r in steps.iter().filter(|r| r["call_id"] == c["call_id"]) {
                if r["evidence_time"].is_empty() && r["evidence_at"].is_empty() {
                    continue;
                }
                let mark = format!("<span class=\"{0}\">{0} {1}</span>", r["status"], r["step"]);
                assert!(p.contains(&mark), "{}: no mark {mark}", c["call_id"]);
            }
        }
    }
    // Self-contained: no script, nothing fetched from elsewhere.
    for (name, bytes) in files(&html) {
        let text = String::from_utf8(bytes).unwrap();
        for bad in ["<script", "http://", "https://", " src="] {
            assert!(!text.contains(bad), "{name} holds {bad}");
        }
    }
}

#[test]
fn transcript_markup_is_text() {
    let input = tempfile::tempdir().unwrap();
    hostile_demo(input.path());
    let out = tempfile::tempdir().unwrap();
    let html = out.path().join("html");
    audit(
        input.path(),
        out.path(),
        &["--html", html.to_str().unwrap()],
    );
    let page = read(&html.join("calls/D001.html"));
    assert!(
        page.contains("&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;&#x2f;script&gt;&lt;b&gt;tolong&lt;&#x2f;b&gt;"),
        "hostile line not escaped"
    );
    assert!(!page.contains(HOSTILE) && !page.contains("<script"));
}

#[test]
fn all_pages_and_thread_independence() {
    let one = tempfile::tempdir().unwrap();
    let four = tempfile::tempdir().unwrap();
    let (h1, h4) = (one.path().join("h"), four.path().join("h"));
    audit(
        &fixture("demo"),
        one.path(),
        &[
            "--html",
            h1.to_str().unwrap(),
            "--html-all",
            "--threads",
            "1",
        ],
    );
    audit(
        &fixture("demo"),
        four.path(),
        &[
            "--html",
            h4.to_str().unwrap(),
            "--html-all",
            "--threads",
            "4",
        ],
    );
    let calls = rows(&one.path().join("calls.csv")).len();
    let a = files(&h1);
    assert_eq!(a.keys().filter(|k| k.starts_with("calls/")).count(), calls);
    assert!(a == files(&h4), "HTML differs between 1 and 4 threads");
    // A second run replaces the folder whole: no page of the first run is left.
    audit(
        &fixture("demo"),
        one.path(),
        &["--html", h1.to_str().unwrap()],
    );
    let again = files(&h1);
    assert!(again.keys().filter(|k| k.starts_with("calls/")).count() < calls);
}
