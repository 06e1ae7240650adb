//! `callaudit lint [--sop FILE] [--reports DIR]`: what in a profile would make the audit
//! wrong before any call is scored, and — given a run's reports — what the run shows
//! about the rules: unknown keys and slots, empty lists, phrases too short to be safe,
//! phrases that would pass two different steps, phrases never matched, steps failing on
//! most calls (a broken rule, not bad agents). Every finding names the profile line.

mod lines;
pub mod lists;
mod usage;

use crate::matching::normalize::Normalizer;
use crate::matching::phrase::{MatchOptions, Phrase, Slots, Toks};
use crate::model::StepId;
use crate::profile::{Compiled, Profile, BUILTIN};
use lines::Lines;
use lists::{phrase_lists, PhraseList, Side, FREE_MAPS};
use std::path::Path;

/// How bad a finding is: errors make the profile wrong (or unloadable), warnings make
/// verdicts doubtful.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One finding, at a profile line when it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub line: Option<usize>,
    pub severity: Severity,
    /// Short class: invalid, unknown-key, unknown-slot, empty-list, too-short,
    /// collision, never-matched, failing-step.
    pub kind: &'static str,
    pub message: String,
}

/// Thresholds of the judgement calls.
#[derive(Debug, Clone, Copy)]
pub struct LintOptions {
    /// Required letters below which a phrase is too short to be safe.
    pub min_letters: usize,
    /// Fail share above which a step looks broken ...
    pub fail_share: f64,
    /// ... once it applied to at least this many calls.
    pub min_calls: usize,
}

/// Slots the audit fills per call (checked against `steps::slots_for` by a test).
pub const SLOTS: [&str; 3] = ["agent_name", "caller_name", "time_of_day"];

/// A profile's text, with what lint needs to place findings.
pub struct Source<'a> {
    pub file: &'a str,
    pub text: &'a str,
    lines: Lines<'a>,
}

impl<'a> Source<'a> {
    pub fn new(file: &'a str, text: &'a str) -> Source<'a> {
        Source {
            file,
            text,
            lines: Lines::new(text),
        }
    }
}

/// The findings of a lint, in profile line order (findings without a line last).
#[derive(Debug, Clone, Default)]
pub struct Lint {
    pub findings: Vec<Finding>,
}

impl Lint {
    fn push(
        &mut self,
        line: Option<usize>,
        severity: Severity,
        kind: &'static str,
        message: String,
    ) {
        self.findings.push(Finding {
            line,
            severity,
            kind,
            message,
        });
    }

    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }

    /// One line per finding, `file:line: severity: kind: message`, then a count.
    pub fn text(&self, file: &str) -> String {
        let mut out = String::new();
        for f in &self.findings {
            let at = f.line.map(|l| format!(":{l}")).unwrap_or_default();
            let sev = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            out.push_str(&format!("{file}{at}: {sev}: {}: {}\n", f.kind, f.message));
        }
        out.push_str(&format!(
            "lint: {} errors, {} warnings\n",
            self.errors(),
            self.findings.len() - self.errors()
        ));
        out
    }
}

/// The line of a TOML error's span.
fn error_line(text: &str, e: &toml::de::Error) -> Option<usize> {
    e.span()
        .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
}

/// Flags keys the built-in profile does not have (removing them from `user`, so the
/// rest can still be checked), with the nearest known key as a hint.
fn unknown_keys(
    src: &Source,
    user: &mut toml::Value,
    known: &toml::Value,
    path: &str,
    out: &mut Lint,
) {
    match (user, known) {
        (toml::Value::Table(u), toml::Value::Table(k)) => {
            let free = FREE_MAPS.iter().find(|(p, _)| *p == path);
            let mut drop = Vec::new();
            for (key, v) in u.iter_mut() {
                let sub = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                match (free, k.get(key)) {
                    (Some((_, true)), _) if StepId::from_name(key).is_none() => {
                        out.push(
                            src.lines.key(&sub),
                            Severity::Error,
                            "unknown-key",
                            format!(
                                "{sub}: unknown step id {key:?} (known: {})",
                                StepId::known()
                            ),
                        );
                        drop.push(key.clone());
                    }
                    (Some(_), _) => {}
                    (None, Some(kv)) => unknown_keys(src, v, kv, &sub, out),
                    (None, None) => {
                        let near = k
                            .keys()
                            .min_by_key(|c| strsim::levenshtein(c, key))
                            .filter(|c| strsim::levenshtein(c, key) <= 3)
                            .map(|c| format!(" (did you mean {c:?}?)"))
                            .unwrap_or_default();
                        out.push(
                            src.lines.key(&sub).or_else(|| src.lines.table(&sub)),
                            Severity::Error,
                            "unknown-key",
                            format!("{sub}: unknown key{near}"),
                        );
                        drop.push(key.clone());
                    }
                }
            }
            for key in drop {
                u.remove(&key);
            }
        }
        (toml::Value::Array(u), toml::Value::Array(k)) => {
            if let Some(first) = k.first().filter(|f| f.is_table()) {
                for v in u {
                    unknown_keys(src, v, first, path, out);
                }
            }
        }
        _ => {}
    }
}

/// Whether a phrase word is a gap: `...` or `...N`.
fn is_gap(w: &str) -> bool {
    w.strip_prefix("...")
        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
}

/// Letters a phrase requires at the least (shortest alternative of every required
/// item); a slot counts as safe.
fn required_letters(phrase: &str, norm: &Normalizer, safe: usize) -> usize {
    phrase
        .split_whitespace()
        .filter(|w| !is_gap(w) && !w.ends_with('?'))
        .map(|w| {
            if w.starts_with('{') {
                return safe;
            }
            w.split('|')
                .map(|a| {
                    let a = a.trim_start_matches('=').replace('_', " ");
                    norm.text(&a)
                        .chars()
                        .filter(|c| c.is_alphanumeric())
                        .count()
                })
                .min()
                .unwrap_or(0)
        })
        .sum()
}

/// Slot names a phrase uses.
fn slots_of(phrase: &str) -> Vec<&str> {
    phrase
        .split_whitespace()
        .filter_map(|w| {
            let w = w.strip_suffix('?').unwrap_or(w);
            w.strip_prefix('{').and_then(|w| w.strip_suffix('}'))
        })
        .collect()
}

/// A sentence that says a phrase: first alternatives, optional words kept, slots filled
/// with sample values.
fn sample(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .filter(|w| !is_gap(w))
        .map(|w| {
            let w = w.strip_suffix('?').unwrap_or(w);
            match w {
                "{agent_name}" => "andri".to_string(),
                "{caller_name}" => "budi".to_string(),
                "{time_of_day}" => "pagi".to_string(),
                _ => w
                    .split('|')
                    .next()
                    .unwrap_or_default()
                    .trim_start_matches('=')
                    .replace('_', " "),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Slot values matching [`sample`]'s.
fn sample_slots() -> Slots {
    let mut s = Slots::default();
    s.insert("agent_name", vec![vec!["andri".into()]]);
    s.insert("caller_name", vec![vec!["budi".into()]]);
    s.insert("time_of_day", vec![vec!["pagi".into()]]);
    s
}

/// A phrase list compiled, each phrase with its line.
struct ListPhrases<'a> {
    list: PhraseList<'a>,
    phrases: Vec<(usize, &'a str, Phrase)>,
}

/// Lints a profile's text; `reports` adds the checks against a run.
pub fn lint(src: &Source, reports: Option<&Path>, opts: &LintOptions) -> anyhow::Result<Lint> {
    let mut out = Lint::default();
    let mut user: toml::Value = match toml::from_str(src.text) {
        Ok(v) => v,
        Err(e) => {
            out.push(
                error_line(src.text, &e),
                Severity::Error,
                "invalid",
                e.message().to_string(),
            );
            return Ok(out);
        }
    };
    let known: toml::Value = toml::from_str(BUILTIN)?;
    unknown_keys(src, &mut user, &known, "", &mut out);
    let had_unknown = !out.findings.is_empty();
    let profile: Profile = match user.try_into() {
        Ok(p) => p,
        Err(e) => {
            // The loader's own error has the right line once no unknown key is left.
            let line = match Profile::parse(src.text, src.file) {
                Err(pe) if !had_unknown => pe.line,
                _ => None,
            };
            out.push(line, Severity::Error, "invalid", e.message().to_string());
            return Ok(out);
        }
    };
    let norm = Normalizer::new(
        profile
            .normalize
            .variants
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str())),
        profile.normalize.fillers.iter().map(String::as_str),
    );
    let mopts = MatchOptions {
        fuzz: profile.matching.fuzz,
        gap: profile.matching.gap,
        ..MatchOptions::default()
    };
    let mut sets = Vec::new();
    for list in phrase_lists(&profile) {
        let key_line = src.lines.key(list.key);
        if list.phrases.is_empty() {
            out.push(
                key_line,
                Severity::Error,
                "empty-list",
                format!("{}: empty phrase list (the step can never pass)", list.key),
            );
        }
        let mut phrases = Vec::new();
        for s in list.phrases {
            let line = src.lines.string_in(list.key, s);
            for slot in slots_of(s) {
                if !SLOTS.contains(&slot) {
                    out.push(
                        line,
                        Severity::Error,
                        "unknown-slot",
                        format!(
                            "{}: {s:?} uses unknown slot {{{slot}}} (known: {})",
                            list.key,
                            SLOTS.map(|s| format!("{{{s}}}")).join(", ")
                        ),
                    );
                }
            }
            let phrase = match Phrase::compile_with(s, &norm, &profile.concepts) {
                Ok(p) => p,
                // An unknown slot is reported above, once, as unknown-slot.
                Err(e) if e.contains("unknown slot") => continue,
                Err(e) => {
                    out.push(
                        line,
                        Severity::Error,
                        "invalid",
                        format!("{}: {e}", list.key),
                    );
                    continue;
                }
            };
            let letters = required_letters(s, &norm, opts.min_letters);
            if list.side == Side::Agent && letters < opts.min_letters {
                out.push(line, Severity::Warning, "too-short", format!("{}: {s:?} requires only {letters} letters (< {}): it matches incidental speech", list.key, opts.min_letters));
            }
            phrases.push((line.unwrap_or(0), s.as_str(), phrase));
        }
        sets.push(ListPhrases { list, phrases });
    }
    // What the loader rejects beyond what lint already named (it stops at its first).
    if out.errors() == 0 {
        if let Err(e) = Compiled::new(profile.clone(), src.file) {
            let msg = format!("the profile does not load: {}", e.message);
            out.push(e.line, Severity::Error, "invalid", msg);
        }
    }
    collisions(&sets, &norm, mopts, &mut out);
    if let Some(dir) = reports {
        let bands: Vec<String> = profile
            .time_of_day
            .bands
            .iter()
            .map(|b| norm.text(&b.name))
            .collect();
        usage::check(dir, &sets, &norm, mopts, &bands, src, opts, &mut out)?;
    }
    out.findings
        .sort_by_key(|f| (f.line.is_none(), f.line, f.severity));
    Ok(out)
}

/// Agent phrases of one step said inside an agent phrase of another: one sentence would
/// pass (or, for forbidden lines, fail) both steps.
fn collisions(sets: &[ListPhrases], norm: &Normalizer, mopts: MatchOptions, out: &mut Lint) {
    let slots = sample_slots();
    let agent: Vec<&ListPhrases> = sets
        .iter()
        .filter(|c| c.list.side == Side::Agent && c.list.step.is_some())
        .collect();
    for b in &agent {
        for (bline, bsrc, _) in &b.phrases {
            let tokens = norm.tokens(&sample(bsrc));
            for a in &agent {
                if a.list.step == b.list.step {
                    continue;
                }
                for (aline, asrc, ap) in &a.phrases {
                    // The same phrase in two lists is one finding, at its later line.
                    if asrc == bsrc && aline > bline {
                        continue;
                    }
                    if ap.full_in(Toks::plain(&tokens), &slots, mopts).is_some() {
                        out.push(
                            Some(*bline).filter(|l| *l > 0),
                            Severity::Warning,
                            "collision",
                            format!(
                                "{}: {bsrc:?} also says {asrc:?} of {} (line {aline}): one sentence passes both {} and {}",
                                b.list.key,
                                a.list.key,
                                b.list.step.map_or("", StepId::as_str),
                                a.list.step.map_or("", StepId::as_str)
                            ),
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
