//! The writing side of the HTML report: aggregates fed in call_id order, each agent's
//! lowest scores kept with their pages, sampled pages written as they come, and at the
//! end the overview, the agent pages and the kept call pages. Everything goes to a
//! temporary folder beside the target, renamed into place when complete.

use super::charts::{count_bars, rate_bars, score_line, Chart};
use super::{page_name, HtmlCall, HtmlShared};
use crate::model::{PathKind, Status, StepId, STEP_COUNT};
use crate::report::{fixed, AgentStats};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap};
use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    calls: u64,
    sum: f64,
    critical: u64,
    failed: u64,
}

impl Tally {
    fn add(&mut self, c: &HtmlCall) {
        self.calls += 1;
        self.sum += c.score;
        self.critical += u64::from(c.critical);
        self.failed += u64::from(!c.failed_steps.is_empty());
    }
    fn mean(&self) -> f64 {
        self.sum / self.calls.max(1) as f64
    }
}

/// A call in an agent's list, ordered by (score, call_id): the heap's top is the
/// entry that leaves first.
#[derive(Debug)]
struct Listed {
    score: f64,
    call_id: String,
    started_at: String,
    path: &'static str,
    critical: bool,
    failed_steps: String,
    /// Page held until the end (only calls with a FAIL).
    page: Option<Vec<u8>>,
    /// A page was written already (sampled, or `--html-all`).
    written: bool,
}

impl PartialEq for Listed {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Listed {}
impl PartialOrd for Listed {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Listed {
    fn cmp(&self, o: &Self) -> Ordering {
        self.score
            .total_cmp(&o.score)
            .then_with(|| self.call_id.cmp(&o.call_id))
    }
}

#[derive(Debug, Default)]
struct Agent {
    days: BTreeMap<String, Tally>,
    worst: BinaryHeap<Listed>,
    calls: u64,
    /// The cut-off last published for this agent.
    cutoff: Option<f64>,
}

/// The HTML report being built.
pub struct HtmlSink<'a> {
    shared: &'a HtmlShared,
    tmp: PathBuf,
    hist: [u64; 10],
    steps: [[u64; 2]; STEP_COUNT],
    paths: BTreeMap<PathKind, Tally>,
    days: BTreeMap<String, Tally>,
    agents: BTreeMap<String, Agent>,
    sampled: Vec<String>,
    pages: u64,
    calls: u64,
}

fn sibling(dir: &Path, tag: &str) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "html".into());
    dir.with_file_name(format!(".{name}.{tag}.{}", std::process::id()))
}

fn write_page(dir: &Path, sub: &str, id: &str, bytes: &[u8]) -> io::Result<()> {
    std::fs::write(dir.join(sub).join(page_name(id)), bytes)
}

#[derive(Serialize)]
struct PathRow {
    path: &'static str,
    calls: u64,
    mean: String,
    failed_rate: String,
    critical_rate: String,
}

#[derive(Serialize)]
struct DayRow {
    day: String,
    calls: u64,
    mean: String,
    critical: u64,
}

#[derive(Serialize)]
struct AgentRow {
    id: String,
    name: String,
    page: String,
    calls: String,
    mean: String,
    median: String,
    critical: String,
    weakest: String,
}

#[derive(Serialize)]
struct CallRow {
    call_id: String,
    started_at: String,
    path: &'static str,
    score: String,
    critical: bool,
    failed_steps: String,
    page: Option<String>,
}

#[derive(Serialize)]
struct Sampled {
    call_id: String,
    page: String,
}

fn percent(n: u64, d: u64) -> String {
    if d == 0 {
        "n/a".into()
    } else {
        format!("{}%", fixed(n as f64 * 100.0 / d as f64, 1))
    }
}

/// Days as a score line, when there are at least two.
fn trend(title: &str, days: &BTreeMap<String, Tally>) -> Option<Chart> {
    (days.len() > 1).then(|| {
        // Month and day under the points: a full date is wider than a column.
        let items: Vec<(String, f64)> = days
            .iter()
            .map(|(d, t)| (d.get(5..).unwrap_or(d).to_string(), t.mean()))
            .collect();
        score_line(title, &items)
    })
}

impl<'a> HtmlSink<'a> {
    /// Starts a report in a temporary folder beside `shared.opts.dir`.
    pub fn create(shared: &'a HtmlShared) -> io::Result<HtmlSink<'a>> {
        let dir = &shared.opts.dir;
        if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let tmp = sibling(dir, "tmp");
        if tmp.exists() {
            std::fs::remove_dir_all(&tmp)?;
        }
        std::fs::create_dir_all(tmp.join("calls"))?;
        std::fs::create_dir_all(tmp.join("agents"))?;
        Ok(HtmlSink {
            shared,
            tmp,
            hist: [0; 10],
            steps: [[0; 2]; STEP_COUNT],
            paths: BTreeMap::new(),
            days: BTreeMap::new(),
            agents: BTreeMap::new(),
            sampled: Vec::new(),
            pages: 0,
            calls: 0,
        })
    }

    /// Adds the next call (calls come in call_id order).
    pub fn add(&mut self, mut c: HtmlCall) -> io::Result<()> {
        self.calls += 1;
        let bin = ((c.score / 10.0).floor().max(0.0) as usize).min(9);
        self.hist[bin] += 1;
        for (i, s) in c.statuses.iter().enumerate() {
            match s {
                Status::Pass => self.steps[i][0] += 1,
                Status::Fail => self.steps[i][1] += 1,
                Status::Na => {}
            }
        }
        let kind = PathKind::from_name(c.path).unwrap_or(PathKind::FirstReport);
        self.paths.entry(kind).or_default().add(&c);
        self.days.entry(c.day.clone()).or_default().add(&c);
        let opts = &self.shared.opts;
        let mut written = false;
        if opts.all || c.sampled {
            if let Some(page) = c.page.take() {
                write_page(&self.tmp, "calls", &c.call_id, &page)?;
                self.pages += 1;
                written = true;
                if c.sampled {
                    self.sampled.push(c.call_id.clone());
                }
            }
        }
        let a = match self.agents.get_mut(&c.agent_id) {
            Some(a) => a,
            None => self.agents.entry(c.agent_id.clone()).or_default(),
        };
        a.calls += 1;
        a.days
            .entry(std::mem::take(&mut c.day))
            .or_default()
            .add(&c);
        let entry = Listed {
            score: c.score,
            call_id: c.call_id,
            started_at: c.started_at,
            path: c.path,
            critical: c.critical,
            page: if c.failed_steps.is_empty() {
                None
            } else {
                c.page
            },
            failed_steps: c.failed_steps,
            written,
        };
        let keep = opts.per_agent.max(1);
        if a.worst.len() < keep {
            a.worst.push(entry);
        } else if a.worst.peek().is_some_and(|top| entry < *top) {
            a.worst.pop();
            a.worst.push(entry);
        }
        // Published only when it moves: workers read it for every failed call.
        if a.worst.len() >= keep {
            if let Some(top) = a.worst.peek().map(|t| t.score) {
                if a.cutoff != Some(top) {
                    a.cutoff = Some(top);
                    self.shared.set_cutoff(&c.agent_id, top);
                }
            }
        }
        Ok(())
    }

    /// Writes the overview, the agent pages and the kept call pages, then puts the
    /// folder in place of `opts.dir` (the previous report is removed only then).
    /// `agents` is the run's agents.csv, whose very strings the pages show.
    pub fn finish(mut self, agents: &AgentStats, profile: &str) -> io::Result<()> {
        let records: BTreeMap<String, Vec<String>> = agents
            .records()
            .into_iter()
            .map(|r| (r[0].clone(), r))
            .collect();
        let mut agent_rows = Vec::new();
        let listed = std::mem::take(&mut self.agents);
        for (id, a) in listed {
            let rec = records.get(&id).cloned().unwrap_or_default();
            let cell = |i: usize| rec.get(i).cloned().unwrap_or_default();
            // Pass rates of the steps that applied, lowest first.
            let mut rates: Vec<(String, Option<f64>)> = StepId::ALL
                .iter()
                .enumerate()
                .filter_map(|(i, s)| {
                    cell(6 + i)
                        .parse::<f64>()
                        .ok()
                        .map(|r| (s.to_string(), Some(r)))
                })
                .collect();
            rates.sort_by(|x, y| {
                x.1.unwrap_or(0.0)
                    .total_cmp(&y.1.unwrap_or(0.0))
                    .then(x.0.cmp(&y.0))
            });
            let weakest = rates
                .first()
                .map(|(s, r)| format!("{s} ({}%)", fixed(r.unwrap_or(0.0) * 100.0, 1)))
                .unwrap_or_default();
            let mut calls = a.worst.into_sorted_vec();
            let mut rows = Vec::with_capacity(calls.len());
            for c in &mut calls {
                let mut page = None;
                if let Some(bytes) = c.page.take() {
                    if !c.written {
                        write_page(&self.tmp, "calls", &c.call_id, &bytes)?;
                        self.pages += 1;
                    }
                    page = Some(page_name(&c.call_id));
                } else if c.written {
                    page = Some(page_name(&c.call_id));
                }
                rows.push(CallRow {
                    call_id: c.call_id.clone(),
                    started_at: c.started_at.clone(),
                    path: c.path,
                    score: fixed(c.score, 1),
                    critical: c.critical,
                    failed_steps: c.failed_steps.replace(';', ", "),
                    page,
                });
            }
            let row = AgentRow {
                id: id.clone(),
                name: cell(1),
                page: page_name(&id),
                calls: cell(2),
                mean: cell(3),
                median: cell(4),
                critical: cell(5),
                weakest,
            };
            rates.truncate(8);
            let ctx = minijinja::context! {
                root => "../",
                a => minijinja::Value::from_serialize(&row),
                trend => trend(&format!("mean score of {id} per day"), &a.days)
                    .map(|c| minijinja::Value::from_serialize(&c)),
                only_day => a.days.keys().next().cloned().unwrap_or_default(),
                weak => minijinja::Value::from_serialize(rate_bars("weakest steps", &rates, true)),
                calls => minijinja::Value::from_serialize(&rows),
                more => a.calls.saturating_sub(rows.len() as u64),
            };
            let page = self.shared.render("agent.html", ctx);
            write_page(&self.tmp, "agents", &id, &page)?;
            agent_rows.push(row);
        }
        self.write_overview(agents, profile, &agent_rows)?;
        self.commit()
    }

    fn write_overview(
        &self,
        agents: &AgentStats,
        profile: &str,
        agent_rows: &[AgentRow],
    ) -> io::Result<()> {
        let steps: Vec<(String, Option<f64>)> = StepId::ALL
            .iter()
            .zip(&self.steps)
            .map(|(s, [p, f])| {
                let d = p + f;
                (s.to_string(), (d > 0).then(|| *p as f64 / d as f64))
            })
            .collect();
        let bins: Vec<(String, u64)> = self
            .hist
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let label = if i == 9 {
                    "90-100".to_string()
                } else {
                    format!("{}-{}", i * 10, i * 10 + 9)
                };
                (label, *n)
            })
            .collect();
        let paths: Vec<PathRow> = self
            .paths
            .iter()
            .map(|(k, t)| PathRow {
                path: k.as_str(),
                calls: t.calls,
                mean: fixed(t.mean(), 1),
                failed_rate: percent(t.failed, t.calls),
                critical_rate: percent(t.critical, t.calls),
            })
            .collect();
        let path_fail: Vec<(String, Option<f64>)> = self
            .paths
            .iter()
            .map(|(k, t)| {
                (
                    format!("{} critical", k.as_str()),
                    Some(t.critical as f64 / t.calls.max(1) as f64),
                )
            })
            .collect();
        let days: Vec<DayRow> = self
            .days
            .iter()
            .map(|(d, t)| DayRow {
                day: d.clone(),
                calls: t.calls,
                mean: fixed(t.mean(), 1),
                critical: t.critical,
            })
            .collect();
        let span = match (self.days.keys().next(), self.days.keys().last()) {
            (Some(a), Some(b)) if a != b => format!("calls from {a} to {b}"),
            (Some(a), _) => format!("calls of {a}"),
            _ => "no calls".to_string(),
        };
        let opts = &self.shared.opts;
        let page_rule = if opts.all {
            "every call (--html-all)".to_string()
        } else {
            format!(
                "the {} lowest-scoring calls with a FAIL of every agent, and 1 call in {} sampled by id; --html-all writes every call",
                opts.per_agent, opts.sample
            )
        };
        let sampled: Vec<Sampled> = self
            .sampled
            .iter()
            .map(|c| Sampled {
                call_id: c.clone(),
                page: page_name(c),
            })
            .collect();
        let ctx = minijinja::context! {
            root => "",
            profile => profile,
            span => span,
            calls => self.calls,
            mean_score => agents.mean_score().map_or("-".to_string(), |m| fixed(m, 1)),
            critical_fails => agents.critical_fails(),
            pages => self.pages,
            agents => minijinja::Value::from_serialize(agent_rows),
            step_chart => minijinja::Value::from_serialize(rate_bars("pass rate of every step", &steps, true)),
            score_chart => minijinja::Value::from_serialize(count_bars("calls per score band", &bins)),
            paths => minijinja::Value::from_serialize(&paths),
            path_chart => minijinja::Value::from_serialize(rate_bars("critical-fail rate per path", &path_fail, false)),
            day_chart => trend("mean score per day", &self.days).map(|c| minijinja::Value::from_serialize(&c)),
            days => minijinja::Value::from_serialize(&days),
            sampled => minijinja::Value::from_serialize(&sampled),
            page_rule => page_rule,
        };
        let page = self.shared.render("overview.html", ctx);
        std::fs::write(self.tmp.join("index.html"), page)
    }

    /// Puts the finished folder in place: the old report is moved aside first and
    /// removed only once the new one is there.
    fn commit(self) -> io::Result<()> {
        let dir = &self.shared.opts.dir;
        let old = sibling(dir, "old");
        let had = dir.exists();
        if had {
            if old.exists() {
                std::fs::remove_dir_all(&old)?;
            }
            std::fs::rename(dir, &old)?;
        }
        std::fs::rename(&self.tmp, dir)?;
        if had {
            std::fs::remove_dir_all(&old)?;
        }
        Ok(())
    }
}
