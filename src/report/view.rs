//! One call as a reader sees it: turns with the steps they passed or failed, verdicts
//! with evidence, the action log, why the call took its path, and what APKT / SIMONE
//! had to show against what they showed. Built from what the audit found; rendered
//! by `explain` (terminal) and by the call pages of the HTML report.
//!
//! Every text that comes from the inputs (turns, evidence, notes, report fields)
//! passes through [`shown`] once, here: the single place where redaction applies.

use super::fixed;
use crate::ingest::roles::RoleMethod;
use crate::matching::CallText;
use crate::model::numbers::normalize_phone;
use crate::model::{ActionKind, Call, PathKind, Role, StepId, System};
use crate::path::{PathInfo, PriorVia};
use crate::profile::Compiled;
use crate::scoring::CallScore;
use crate::steps::StepResult;
use serde::Serialize;

/// How input text is shown to a reader. Every transcript line, evidence text, action
/// note and report field of a view goes through here, so a redaction pass (`--redact`)
/// has one function to change. Today it shows the text as it is.
pub fn shown(text: &str) -> String {
    text.to_string()
}

/// A step's mark on a turn.
#[derive(Debug, Clone, Serialize)]
pub struct Mark {
    pub step: &'static str,
    pub status: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct TurnView {
    /// Seconds from call start, as in steps.csv.
    pub time: String,
    pub speaker: &'static str,
    pub text: String,
    /// Steps whose evidence is this turn.
    pub marks: Vec<Mark>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    pub step: &'static str,
    pub status: &'static str,
    pub reason: String,
    pub evidence_time: String,
    pub evidence_at: String,
    pub evidence_text: String,
    /// Similarity with two decimals, empty when none.
    pub similarity: String,
    /// Turn the evidence is, when it is a turn.
    pub turn: Option<usize>,
    /// Action the evidence is, when it is an action.
    pub action: Option<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionView {
    pub at: String,
    pub system: &'static str,
    pub action: &'static str,
    pub report_no: String,
    pub details: String,
    pub line: u64,
    /// Steps whose evidence is this action.
    pub marks: Vec<Mark>,
}

/// What one system had to show, what it showed, and the step's verdict on it.
#[derive(Debug, Clone, Serialize)]
pub struct Expectation {
    pub system: &'static str,
    pub step: &'static str,
    pub expected: String,
    pub found: Vec<String>,
    pub status: &'static str,
    pub reason: String,
}

/// A whole call for a reader.
#[derive(Debug, Clone, Serialize)]
pub struct CallView {
    pub call_id: String,
    pub started_at: String,
    pub agent_id: String,
    pub agent_name: String,
    pub team: String,
    pub site_code: String,
    pub roles: String,
    pub path: &'static str,
    pub urgent: bool,
    pub score: String,
    pub critical_fail: bool,
    pub failed_steps: Vec<&'static str>,
    /// Why the call took its path, one sentence a line.
    pub reasoning: Vec<String>,
    pub turns: Vec<TurnView>,
    pub steps: Vec<StepView>,
    pub actions: Vec<ActionView>,
    pub expected: Vec<Expectation>,
}

fn speaker(r: Role) -> &'static str {
    match r {
        Role::Agent => "AGENT",
        Role::Caller => "CALLER",
    }
}

/// Turns an evidence (time, text) points at: the turn starting at that time whose
/// text opens the evidence, and the same speaker's turns it was joined with (" / ").
/// Compared on the raw texts, before [`shown`].
fn evidence_turns(turns: &[crate::model::Turn], times: &[String], r: &StepResult) -> Vec<usize> {
    let (time, _) = super::evidence_columns(r.evidence_time);
    if time.is_empty() || r.evidence_text.is_empty() {
        return Vec::new();
    }
    let Some(first) =
        (0..turns.len()).find(|&i| times[i] == time && r.evidence_text.starts_with(&turns[i].text))
    else {
        return Vec::new();
    };
    let mut out = vec![first];
    let mut rest = &r.evidence_text[turns[first].text.len()..];
    for (j, t) in turns.iter().enumerate().skip(first + 1) {
        let Some(next) = rest.strip_prefix(" / ") else {
            break;
        };
        if t.role != turns[first].role {
            continue;
        }
        match next.strip_prefix(t.text.as_str()) {
            Some(after) => {
                out.push(j);
                rest = after;
            }
            None => break,
        }
    }
    out
}

fn action_details(a: &crate::model::Action) -> String {
    let mut parts = Vec::new();
    for (label, v) in [
        ("ref", &a.ref_report_no),
        ("category", &a.category),
        ("type", &a.escalation_type),
        ("note", &a.note),
    ] {
        if !v.is_empty() {
            parts.push(format!("{label}={}", shown(v)));
        }
    }
    parts.join(" ")
}

fn hours(h: f64) -> String {
    format!("{} h", fixed(h, 1))
}

/// Why the call took its path (SPEC §2), for a reader.
fn reasoning(call: &Call, text: &CallText, path: &PathInfo, prof: &Compiled) -> Vec<String> {
    let p = &prof.profile.paths;
    let started = call.meta.started_at;
    let mut out = Vec::new();
    match (&path.prior, path.prior_via) {
        (Some(r), via) => {
            out.push(match via {
                Some(PriorVia::Phone) => format!(
                    "prior report {} found by rule 2: no action names a report created before the call, and it is the newest report unresolved at the call's start on the caller's number {}",
                    r.report_no,
                    normalize_phone(&call.meta.caller_number)
                ),
                _ => format!(
                    "prior report {} found by rule 1: an action of this call names it and it was created before the call",
                    r.report_no
                ),
            });
            let age = path.prior_age_h.map(hours).unwrap_or_default();
            out.push(format!(
                "created {}, {age} before the call started at {}",
                r.created_at.to_rfc3339(),
                started.to_rfc3339()
            ));
            out.push(match r.resolved_at {
                Some(t) if t <= started => format!(
                    "resolved at {} (before the call): the earlier report was closed",
                    t.to_rfc3339()
                ),
                Some(t) => format!(
                    "not resolved at the call's start (resolved later, at {})",
                    t.to_rfc3339()
                ),
                None => "not resolved at the call's start".to_string(),
            });
            if path.kind.is_repeat() && r.resolved_at.is_none_or(|t| t > started) {
                out.push(format!(
                    "open for {age}: {} the {} h bound",
                    if path.kind == PathKind::RepeatOpenGe12h {
                        "at or over"
                    } else {
                        "under"
                    },
                    fixed(p.repeat_open_hours, 0)
                ));
            }
            if path.already_escalated {
                out.push(
                    "already escalated before (export or SIMONE notice): LAPOR_ULANG escalation"
                        .into(),
                );
            }
        }
        (None, _) => {
            out.push(format!(
                "no prior report: no action names a report of the export created before the call, and no report on the caller's number {} was unresolved at the call's start",
                if call.meta.caller_number.trim().is_empty() {
                    "(withheld)".to_string()
                } else {
                    normalize_phone(&call.meta.caller_number)
                }
            ));
            if path.kind == PathKind::TusbungPaid {
                out.push(format!(
                    "category {} (or no create) and the caller says the bill is paid and asks for reconnection",
                    p.tusbung_category
                ));
            }
        }
    }
    out.push(match &path.urgent_hit {
        Some(h) => {
            let (t, _) = text.evidence(h);
            format!(
                "urgent: the caller says \"{}\" at {} s",
                shown(&text.said(h, &prof.norm)),
                fixed(t, 1)
            )
        }
        None => "not urgent: no urgency cue in the caller's words".into(),
    });
    out.push(format!("path {}", path.kind.as_str()));
    out
}

/// What APKT must show on the path, in words.
fn apkt_expected(call: &Call, path: &PathInfo, prof: &Compiled) -> String {
    let prior = path
        .prior
        .as_ref()
        .map(|r| r.report_no.as_str())
        .unwrap_or("");
    match path.kind {
        PathKind::FirstReport | PathKind::TusbungPaid => {
            "create (a new report); no lapor_ulang".into()
        }
        PathKind::RepeatResolved => {
            format!("create whose ref_report_no or note names {prior}; no update or lapor_ulang on {prior}")
        }
        PathKind::RepeatOpenLt12h => {
            format!("update on {prior} with the caller's information; no lapor_ulang, no create")
        }
        PathKind::RepeatOpenGe12h => {
            let tag = prof
                .profile
                .paths
                .note_tag
                .replace("{site_code}", &call.meta.site_code)
                .replace("{agent_name}", &call.meta.agent_name.to_uppercase());
            format!("lapor_ulang on {prior}, note holding {tag}; no create")
        }
    }
}

fn simone_expected(path: &PathInfo, prof: &Compiled) -> String {
    match path.expected_escalation(prof) {
        None => "no escalation".into(),
        Some((types, target)) => format!(
            "escalate {} on {}",
            types.join(" or "),
            target.as_deref().unwrap_or("the new report")
        ),
    }
}

impl CallView {
    /// Builds the view of an audited call.
    pub fn build(
        call: &Call,
        method: &RoleMethod,
        text: &CallText,
        path: &PathInfo,
        results: &[StepResult],
        score: &CallScore,
        prof: &Compiled,
    ) -> CallView {
        let m = &call.meta;
        let mut turns: Vec<TurnView> = call
            .turns
            .iter()
            .map(|t| TurnView {
                time: fixed(t.start, 1),
                speaker: speaker(t.role),
                text: shown(&t.text),
                marks: Vec::new(),
            })
            .collect();
        let times: Vec<String> = turns.iter().map(|t| t.time.clone()).collect();
        let mut actions: Vec<ActionView> = call
            .actions
            .iter()
            .map(|a| ActionView {
                at: a.at.to_rfc3339(),
                system: match a.kind.system() {
                    System::Apkt => "APKT",
                    System::Simone => "SIMONE",
                },
                action: a.kind.as_str(),
                report_no: a.report_no.clone(),
                details: action_details(a),
                line: a.line,
                marks: Vec::new(),
            })
            .collect();
        let described: Vec<String> = call.actions.iter().map(|a| a.describe()).collect();
        let mut steps = Vec::with_capacity(results.len());
        for (id, r) in StepId::ALL.into_iter().zip(results) {
            let mark = Mark {
                step: id.as_str(),
                status: r.status.as_str(),
            };
            let on_turns = evidence_turns(&call.turns, &times, r);
            for &i in &on_turns {
                turns[i].marks.push(mark.clone());
            }
            let (evidence_time, evidence_at) = super::evidence_columns(r.evidence_time);
            let action = (!evidence_at.is_empty())
                .then(|| described.iter().position(|d| *d == r.evidence_text))
                .flatten();
            if let Some(i) = action {
                actions[i].marks.push(mark.clone());
            }
            steps.push(StepView {
                step: id.as_str(),
                status: r.status.as_str(),
                reason: shown(&r.reason),
                evidence_time,
                evidence_at,
                evidence_text: shown(&r.evidence_text),
                similarity: r.similarity.map(|s| fixed(s, 2)).unwrap_or_default(),
                turn: on_turns.first().copied(),
                action,
            });
        }
        let step = |id: StepId| (&results[id.index()], id.as_str());
        let found = |sys: System| -> Vec<String> {
            call.actions
                .iter()
                .zip(&actions)
                .filter(|(a, _)| a.kind.system() == sys && a.kind != ActionKind::Search)
                .map(|(_, v)| format!("{} {} {}", v.action, v.report_no, v.details))
                .map(|s| s.trim_end().to_string())
                .collect()
        };
        let expect = |system, id, expected: String, sys| {
            let (r, step) = step(id);
            Expectation {
                system,
                step,
                expected,
                found: found(sys),
                status: r.status.as_str(),
                reason: shown(&r.reason),
            }
        };
        let expected = vec![
            expect(
                "APKT",
                StepId::ApktAction,
                apkt_expected(call, path, prof),
                System::Apkt,
            ),
            expect(
                "SIMONE",
                StepId::SimoneEscalation,
                simone_expected(path, prof),
                System::Simone,
            ),
        ];
        CallView {
            call_id: m.call_id.clone(),
            started_at: m.started_at.to_rfc3339(),
            agent_id: m.agent_id.clone(),
            agent_name: m.agent_name.clone(),
            team: m.team.clone(),
            site_code: m.site_code.clone(),
            roles: match method {
                RoleMethod::Explicit => "speaker labels".into(),
                RoleMethod::Flag => "named by flag".into(),
                RoleMethod::Inferred { agent, confidence } => format!(
                    "inferred: {agent} greets (confidence {})",
                    fixed(*confidence, 2)
                ),
                RoleMethod::FlagAbsent { agent, confidence } => format!(
                    "the agent flag is not in this call; inferred: {agent} greets (confidence {})",
                    fixed(*confidence, 2)
                ),
                RoleMethod::FlagContradicted {
                    greeter,
                    confidence,
                } => format!(
                    "named by flag, but {greeter} greets (confidence {}): check the flag",
                    fixed(*confidence, 2)
                ),
            },
            path: path.kind.as_str(),
            urgent: path.urgent,
            score: fixed(score.score, 1),
            critical_fail: score.critical_fail,
            failed_steps: score.failed_steps.iter().map(|s| s.as_str()).collect(),
            reasoning: reasoning(call, text, path, prof),
            turns,
            steps,
            actions,
            expected,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Status, Turn};

    fn turn(role: Role, start: f64, text: &str) -> Turn {
        Turn {
            role,
            start,
            end: start + 1.0,
            text: text.into(),
        }
    }

    fn result(time: &str, text: &str) -> StepResult {
        StepResult {
            status: Status::Pass,
            reason: String::new(),
            evidence_time: time.parse().ok().map(crate::model::EvidenceTime::Offset),
            evidence_text: text.into(),
            similarity: Some(1.0),
            loose: 0,
        }
    }

    #[test]
    fn evidence_finds_its_turns_across_a_backchannel() {
        let turns = [
            turn(Role::Agent, 0.0, "pln 123 selamat"),
            turn(Role::Caller, 2.0, "iya"),
            turn(Role::Agent, 3.0, "pagi dengan andri"),
            turn(Role::Agent, 5.0, "ada yang bisa dibantu"),
        ];
        let times: Vec<String> = turns.iter().map(|t| fixed(t.start, 1)).collect();
        let joined = result("0.0", "pln 123 selamat / pagi dengan andri");
        assert_eq!(evidence_turns(&turns, &times, &joined), [0, 2]);
        assert_eq!(
            evidence_turns(&turns, &times, &result("5.0", "ada yang bisa dibantu")),
            [3]
        );
        // Same text at another time, or no time (action evidence): no turn.
        assert!(evidence_turns(&turns, &times, &result("9.0", "iya")).is_empty());
        assert!(evidence_turns(&turns, &times, &result("", "iya")).is_empty());
    }
}
