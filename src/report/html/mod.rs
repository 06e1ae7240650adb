//! The static HTML report (`audit … --html DIR`): an overview, a page per agent and
//! pages of chosen calls, self-contained (inline CSS and SVG, no script, a CSP that
//! forbids any) so the folder opens from disk with no server and no network.
//!
//! Pages come from minijinja templates (`templates/`) with auto-escaping on: every
//! transcript text is untrusted input and is escaped there, never concatenated.
//!
//! Cost is bounded whatever the archive size. Aggregates (per step, path, day,
//! agent-day, score bin) are small maps fed on the writing thread in call_id order.
//! A call gets a page when it is sampled (a stable hash of its id, 1 in
//! [`HtmlOptions::sample`]), or when it has a FAIL and is among its agent's
//! [`HtmlOptions::per_agent`] lowest scores (ties: the earlier call_id); `--html-all`
//! gives every call a page. Pages are rendered on the workers, and only for calls that
//! can still make their agent's list: the writing thread publishes each full list's
//! cut-off score, so a worker skips a call that cannot get in. The cut-off a worker
//! sees is never stricter than the one in call order, so the pages kept are the same
//! for any thread count.

mod charts;
mod pages;

pub use pages::HtmlSink;

use super::view::CallView;
use crate::ingest::roles::RoleMethod;
use crate::matching::CallText;
use crate::model::{Call, Status, STEP_COUNT};
use crate::path::PathInfo;
use crate::profile::Compiled;
use crate::scoring::CallScore;
use crate::steps::StepResult;
use minijinja::Environment;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::RwLock;

/// What to write and which calls get a page.
#[derive(Debug, Clone)]
pub struct HtmlOptions {
    pub dir: PathBuf,
    /// A page for every call.
    pub all: bool,
    /// Failed calls with a page, per agent (the lowest scores).
    pub per_agent: usize,
    /// One call in this many (by a stable hash of its id) gets a page whatever its
    /// score, so good calls can be read too.
    pub sample: u64,
}

impl Default for HtmlOptions {
    fn default() -> HtmlOptions {
        HtmlOptions {
            dir: PathBuf::from("reports/html"),
            all: false,
            per_agent: 25,
            sample: 1000,
        }
    }
}

/// The templates, the options and the per-agent cut-offs, shared by the workers.
pub struct HtmlShared {
    pub opts: HtmlOptions,
    env: Environment<'static>,
    /// Agent id → the highest score in the agent's full list of lowest scores.
    cutoff: RwLock<HashMap<String, f64>>,
}

/// What the report needs of one call, built on a worker.
#[derive(Debug, Clone)]
pub struct HtmlCall {
    pub call_id: String,
    pub agent_id: String,
    pub started_at: String,
    /// Local date of the call (YYYY-MM-DD).
    pub day: String,
    pub score: f64,
    pub critical: bool,
    pub path: &'static str,
    pub failed_steps: String,
    pub statuses: [Status; STEP_COUNT],
    pub sampled: bool,
    /// The rendered call page, when this call may get one.
    pub page: Option<Vec<u8>>,
}

/// A stable 64-bit FNV-1a hash (the sample must not change between runs or builds).
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// File name of an id's page: the id where it is plain ASCII letters, digits, `-`
/// and `_`; otherwise those characters plus a hash, so no two ids share a file and no
/// id can climb out of the folder.
pub fn page_name(id: &str) -> String {
    let plain = !id.is_empty()
        && id.len() <= 80
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if plain {
        return format!("{id}.html");
    }
    let kept: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(60)
        .collect();
    format!("{kept}~{:016x}.html", fnv(id))
}

fn environment() -> Result<Environment<'static>, minijinja::Error> {
    let mut env = Environment::new();
    for (name, src) in [
        ("base.html", include_str!("templates/base.html")),
        ("charts.html", include_str!("templates/charts.html")),
        ("overview.html", include_str!("templates/overview.html")),
        ("agent.html", include_str!("templates/agent.html")),
        ("call.html", include_str!("templates/call.html")),
    ] {
        env.add_template(name, src)?;
    }
    Ok(env)
}

impl HtmlShared {
    pub fn new(opts: HtmlOptions) -> Result<HtmlShared, minijinja::Error> {
        Ok(HtmlShared {
            opts,
            env: environment()?,
            cutoff: RwLock::new(HashMap::new()),
        })
    }

    fn render(&self, name: &str, ctx: minijinja::Value) -> Vec<u8> {
        // The templates are built in and tested: a failure here is a bug, shown in
        // the page rather than stopping the audit.
        match self.env.get_template(name).and_then(|t| t.render(ctx)) {
            Ok(s) => s.into_bytes(),
            Err(e) => format!("<!DOCTYPE html><p>template {name} failed: {e}</p>").into_bytes(),
        }
    }

    /// Whether a call may still get a page as one of its agent's lowest scores.
    fn may_list(&self, agent: &str, score: f64) -> bool {
        match self.cutoff.read() {
            Ok(m) => m.get(agent).is_none_or(|&c| score < c),
            Err(_) => true,
        }
    }

    /// Publishes an agent's cut-off (its list is full).
    fn set_cutoff(&self, agent: &str, score: f64) {
        if let Ok(mut m) = self.cutoff.write() {
            match m.get_mut(agent) {
                Some(c) => *c = score,
                None => {
                    m.insert(agent.to_string(), score);
                }
            }
        }
    }

    /// The call page of a view.
    pub fn call_page(&self, v: &CallView) -> Vec<u8> {
        self.render(
            "call.html",
            minijinja::context! {
                v => minijinja::Value::from_serialize(v),
                root => "../",
                agent_page => page_name(&v.agent_id),
            },
        )
    }

    /// On a worker: what the report needs of an audited call, with its page when it
    /// may get one.
    #[allow(clippy::too_many_arguments)]
    pub fn summarise(
        &self,
        call: &Call,
        method: &RoleMethod,
        text: &CallText,
        path: &PathInfo,
        results: &[StepResult],
        score: &CallScore,
        prof: &Compiled,
    ) -> HtmlCall {
        let m = &call.meta;
        let sampled = self.opts.sample > 0 && fnv(&m.call_id).is_multiple_of(self.opts.sample);
        let wanted = self.opts.all
            || sampled
            || (score.failed > 0 && self.may_list(&m.agent_id, score.score));
        let page = wanted.then(|| {
            let v = CallView::build(call, method, text, path, results, score, prof);
            self.call_page(&v)
        });
        let mut statuses = [Status::Na; STEP_COUNT];
        for (s, r) in statuses.iter_mut().zip(results) {
            *s = r.status;
        }
        HtmlCall {
            call_id: m.call_id.clone(),
            agent_id: m.agent_id.clone(),
            started_at: m.started_at.to_rfc3339(),
            day: m.started_at.format("%Y-%m-%d").to_string(),
            score: score.score,
            critical: score.critical_fail,
            path: path.kind.as_str(),
            failed_steps: super::step_list(&score.failed_steps),
            statuses,
            sampled,
            page,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_names_are_safe_and_distinct() {
        assert_eq!(page_name("D001"), "D001.html");
        let odd = page_name("../etc/passwd");
        assert!(odd.starts_with("etcpasswd~") && !odd.contains('/'), "{odd}");
        assert_ne!(page_name("a/b"), page_name("a?b"));
        assert!(page_name("").starts_with('~'));
    }

    #[test]
    fn input_text_is_escaped() {
        let env = environment().unwrap();
        let out = env
            .get_template("base.html")
            .unwrap()
            .render(minijinja::context! { root => "\"><script>alert(1)</script>" })
            .unwrap();
        assert!(out.contains("&lt;script&gt;alert(1)"), "{out}");
        assert!(!out.contains("<script>"));
    }
}
