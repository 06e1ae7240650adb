//! Auditing one call: transcript read and parsed, speakers mapped to roles, path decided,
//! every step checked, score computed, report row built. Runs on the worker threads;
//! reads only the shared, read-only profile and report index.

use crate::ingest::input;
use crate::ingest::open::{read_bounded, Confine};
use crate::ingest::report_index::ReportIndex;
use crate::ingest::roles::{self, RoleMethod, RoleOptions};
use crate::ingest::sources::BundleLine;
use crate::ingest::transcript::{jsonl, Format, RawTranscript};
use crate::matching::phrase::Toks;
use crate::matching::CallText;
use crate::model::{Action, Call, CallMeta, Reject, Role, Status};
use crate::overrides::{self, Overrides};
use crate::path;
use crate::profile::{Compiled, Limits, Provenance};
use crate::quality;
use crate::report::html::HtmlShared;
use crate::report::redact::{cap, Redactor};
use crate::report::{CallReport, CallRow, ReportOptions, Row};
use crate::scoring;
use crate::steps::{self, Ctx};
use std::path::{Path, PathBuf};

/// Where a call's transcript is.
#[derive(Debug, Clone)]
pub enum Source {
    /// A transcript file (path relative to the manifest, and resolved).
    File(String, PathBuf),
    /// A line of a JSONL bundle, already read, with the bundle's display name.
    Line(String, BundleLine),
    /// Neither: the manifest names no file and no bundle holds the call.
    Missing,
}

/// A call ready for a worker: its manifest row, actions and transcript source.
pub struct Pending {
    pub meta: CallMeta,
    pub actions: Vec<Action>,
    pub source: Source,
}

/// Everything the workers read.
pub struct Shared<'a> {
    pub prof: &'a Compiled,
    pub reports: &'a ReportIndex,
    pub format: Option<Format>,
    pub roles: RoleOptions,
    /// Reviewers' overrides applied on top of the audit.
    pub overrides: Option<&'a Overrides>,
    /// The profile's provenance, written on every calls.csv row.
    pub provenance: Option<&'a Provenance>,
    /// Set when an HTML report is written.
    pub html: Option<&'a HtmlShared>,
    pub output: ReportOptions,
    /// Where transcript files may be read from.
    pub confine: &'a Confine,
}

/// A reject about this call: (file, line, reason).
type Fault = (String, Option<u64>, String);

/// Reads a whole transcript file (plain, .gz or .zst) as UTF-8: a regular file inside
/// the input folders, at most `limit` bytes once decompressed.
fn read_text(confine: &Confine, path: &Path, limit: u64) -> Result<String, String> {
    let file = confine.open(path, "transcript")?;
    let key = "limits.transcript_bytes";
    let bytes = match input::Compression::of(path) {
        input::Compression::None => read_bounded(file, limit, "transcript", key)?,
        _ => input::decoder(file, path)
            .and_then(|d| input::read_limited(d, limit))
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::InvalidData => {
                    format!("transcript is larger than the limit of {limit} bytes ({key})")
                }
                _ => format!("cannot read transcript: {e}"),
            })?,
    };
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "transcript is not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

impl Shared<'_> {
    /// Loads one call's raw transcript.
    fn load(&self, p: &Pending) -> Result<(String, RawTranscript), Fault> {
        match &p.source {
            Source::Missing => Err((
                "calls.csv".into(),
                Some(p.meta.line),
                "no transcript: the transcript column is empty and no bundle holds this call"
                    .into(),
            )),
            Source::Line(name, l) => jsonl::parse_line(&l.text, l.line)
                .map(|t| (name.clone(), t))
                .map_err(|e| (name.clone(), Some(l.line), e.message)),
            Source::File(name, path) => {
                let limit = self.prof.profile.limits.transcript_bytes;
                let text =
                    read_text(self.confine, path, limit).map_err(|e| (name.clone(), None, e))?;
                if text.trim().is_empty() {
                    return Err((name.clone(), None, "transcript is empty".into()));
                }
                let format = self
                    .format
                    .unwrap_or_else(|| Format::detect(&input::logical(path), &text));
                let mut all = format.parse(&text).map_err(|e| {
                    (
                        name.clone(),
                        e.line,
                        format!("{format} transcript: {}", e.message),
                    )
                })?;
                let pos = all
                    .iter()
                    .position(|t| t.call_id.as_deref() == Some(p.meta.call_id.as_str()))
                    .or((all.len() == 1).then_some(0));
                match pos {
                    Some(i) => Ok((name.clone(), all.swap_remove(i))),
                    None => Err((
                        name.clone(),
                        None,
                        "the transcript file does not hold this call".into(),
                    )),
                }
            }
        }
    }

    /// Audits one call: the report, or the reject that stops it.
    pub fn audit(&self, p: Pending) -> Result<CallReport, Reject> {
        let (call, method) = self.call(p)?;
        let ovs = self.overrides.and_then(|o| o.get(&call.meta.call_id));
        let ex = examine(&call, self.reports, self.prof, ovs);
        let html = self.html.map(|h| {
            let (t, p, r, s) = (&ex.text, &ex.path, &ex.results, &ex.score);
            Box::new(h.summarise(&call, &method, t, p, r, s, self.prof))
        });
        let mut report = report_of(&call, &method, ex, self.prof, self.provenance, self.output);
        report.html = html;
        Ok(report)
    }

    /// Loads one call's transcript and maps its speakers: the call ready to check,
    /// or the reject that stops it.
    pub fn call(&self, p: Pending) -> Result<(Call, RoleMethod), Reject> {
        let reject = |(file, line, reason): Fault| Reject {
            file,
            line,
            call_id: p.meta.call_id.clone(),
            reason,
        };
        let (file, raw) = self.load(&p).map_err(reject)?;
        if raw.turns.iter().all(|t| t.text.trim().is_empty()) {
            return Err(reject((file, raw.line, "transcript has no turns".into())));
        }
        let prof = self.prof;
        if let Some(why) = over_limits(&raw, &prof.profile.limits) {
            return Err(reject((file, raw.line, why)));
        }
        let greeting = |text: &str| greeting_score(prof, text);
        let line = raw.line;
        let asr_confidence = raw.confidence;
        let (turns, method) = roles::assign_owned(raw.turns, &self.roles, &greeting)
            .map_err(|e| reject((file.clone(), line, e)))?;
        if !turns
            .iter()
            .any(|t| t.role == Role::Agent && !t.text.trim().is_empty())
        {
            return Err(reject((file, line, "transcript has no agent turn".into())));
        }
        let call = Call {
            meta: p.meta,
            turns,
            actions: p.actions,
            asr_confidence,
        };
        Ok((call, method))
    }
}

/// Why a parsed transcript is past the profile's limits, if it is.
fn over_limits(raw: &RawTranscript, l: &Limits) -> Option<String> {
    if raw.turns.len() > l.turns_per_call {
        return Some(format!(
            "transcript has {} turns, more than the limit of {} (limits.turns_per_call)",
            raw.turns.len(),
            l.turns_per_call
        ));
    }
    // Bytes bound characters: only a turn of more bytes than the limit is counted.
    let long = raw
        .turns
        .iter()
        .enumerate()
        .find(|(_, t)| t.text.len() > l.turn_chars && t.text.chars().count() > l.turn_chars);
    long.map(|(i, t)| {
        format!(
            "turn {} has {} characters, more than the limit of {} (limits.turn_chars)",
            i + 1,
            t.text.chars().count(),
            l.turn_chars
        )
    })
}

/// How much a text looks like the opening greeting, 0..=1 (for role inference).
fn greeting_score(prof: &Compiled, text: &str) -> f64 {
    let tokens = prof.norm.tokens(text);
    let mut slots = crate::matching::phrase::Slots::default();
    slots.insert(
        "time_of_day",
        prof.bands.iter().map(|b| vec![b.name.clone()]).collect(),
    );
    let s = &prof.sets;
    let sets = [&s.greet_pln, &s.greet_salutation, &s.greet_offer];
    sets.iter()
        .map(|set| {
            set.iter()
                .filter_map(|p| p.best_in(Toks::plain(&tokens), &slots, prof.opts))
                .map(|h| h.score)
                .fold(0.0, f64::max)
        })
        .sum::<f64>()
        / sets.len() as f64
}
/// What a run adds to every call beyond the audit itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extras<'a> {
    /// The call's overrides, if any.
    pub overrides: Option<&'a [crate::overrides::Override]>,
    /// The profile's provenance for the calls.csv row (empty columns when `None`).
    pub provenance: Option<&'a Provenance>,
    /// Cell neutralisation and redaction of the report rows.
    pub output: ReportOptions,
}

/// Audits one call whose transcript and actions are loaded (no overrides, provenance
/// columns left empty).
pub fn audit_call(
    call: &Call,
    method: &RoleMethod,
    reports: &ReportIndex,
    prof: &Compiled,
) -> CallReport {
    audit_call_with(call, method, reports, prof, &Extras::default())
}

/// Audits one call and applies what the run adds ([`Extras`]).
pub fn audit_call_with(
    call: &Call,
    method: &RoleMethod,
    reports: &ReportIndex,
    prof: &Compiled,
    extras: &Extras,
) -> CallReport {
    let ex = examine(call, reports, prof, extras.overrides);
    report_of(call, method, ex, prof, extras.provenance, extras.output)
}

/// Everything the audit found about one call, before it is encoded as report rows:
/// what `explain` and the call pages of the HTML report show.
pub struct Examined {
    pub text: CallText,
    pub path: path::PathInfo,
    pub results: Vec<crate::steps::StepResult>,
    pub score: scoring::CallScore,
    /// Per step, the reviewer's override applied (and the audit's own status).
    pub overridden: Vec<Option<(String, Status)>>,
    pub quality: Option<quality::Estimate>,
    /// Per step: a FAIL on a transcript too poor to trust it.
    pub review: [bool; crate::model::STEP_COUNT],
}

/// Checks one call whose transcript and actions are loaded, with its overrides.
pub fn examine(
    call: &Call,
    reports: &ReportIndex,
    prof: &Compiled,
    ovs: Option<&[crate::overrides::Override]>,
) -> Examined {
    let text = CallText::new(
        &call.turns,
        &prof.norm,
        Some(&prof.lexicon),
        prof.profile.matching.backchannel_tokens,
    );
    let slots = steps::slots_for(call, prof);
    let path = path::decide(call, &text, &slots, reports, prof);
    let ctx = Ctx {
        call,
        text: &text,
        prof,
        path: &path,
        slots: &slots,
    };
    let mut results = steps::check_all(&ctx);
    let overridden = match ovs {
        Some(ovs) => overrides::apply(&mut results, ovs),
        None => Vec::new(),
    };
    let statuses: Vec<Status> = results.iter().map(|r| r.status).collect();
    let quality = quality::estimate(call, path.prior.as_ref(), prof);
    let review = quality::needs_review(&statuses, quality.as_ref(), prof);
    let mut score = scoring::score(&statuses, prof);
    if review.contains(&true) && !prof.profile.quality.review_fails_count {
        let counted = scoring::score(&quality::scored(&statuses, &review, prof), prof);
        score.score = counted.score;
        score.critical_fail = counted.critical_fail;
    }
    Examined {
        text,
        path,
        results,
        score,
        overridden,
        quality,
        review,
    }
}

/// Encodes what [`examine`] found as the call's report rows.
pub fn report_of(
    call: &Call,
    method: &RoleMethod,
    ex: Examined,
    prof: &Compiled,
    provenance: Option<&Provenance>,
    output: ReportOptions,
) -> CallReport {
    let Examined {
        text,
        path,
        mut results,
        score,
        overridden,
        quality,
        review,
    } = ex;
    // Verdicts are final here: what follows only shapes the evidence written out.
    let redactor = output.redact.then(|| {
        let report_name = path.prior.as_ref().map(|r| r.caller_name.as_str());
        Redactor::for_caller(
            [call.meta.crm_caller_name.as_str()]
                .into_iter()
                .chain(report_name),
        )
    });
    let evidence_chars = prof.profile.limits.evidence_chars;
    for r in &mut results {
        if let Some(red) = &redactor {
            // Reasons quote report numbers and names too.
            for text in [&mut r.evidence_text, &mut r.reason] {
                if let std::borrow::Cow::Owned(t) = red.apply(text) {
                    *text = t;
                }
            }
        }
        cap(&mut r.evidence_text, evidence_chars);
    }
    let m = &call.meta;
    // The calls.csv record is encoded here, on the worker, straight into bytes.
    let cue = path.urgent_hit.map(|h| {
        let (t, said) = text.evidence(&h);
        let said = match &redactor {
            Some(red) => red.apply(&said).into_owned(),
            None => said,
        };
        (t, said)
    });
    let mut row_bytes = Vec::with_capacity(256);
    CallRow {
        meta: m,
        path: &path,
        score: &score,
        roles: method,
        urgent_cue: cue.as_ref().map(|(t, said)| (*t, said.as_str())),
        evidence_chars,
        asr_quality: quality.as_ref().map(|q| q.quality),
        needs_review: review.contains(&true),
        provenance,
        overridden: &overridden,
    }
    .encode(&mut Row::with(&mut row_bytes, output.cells));
    CallReport {
        call_id: m.call_id.clone(),
        row: row_bytes,
        agent_id: m.agent_id.clone(),
        agent_name: m.agent_name.clone(),
        team: m.team.clone(),
        day: m.started_at.date_naive().to_string(),
        score,
        steps: results,
        role_mismatch: method.flag_mismatch(),
        needs_review: review,
        overridden,
        html: None,
    }
}
