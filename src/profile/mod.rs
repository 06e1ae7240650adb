//! The SOP profile: everything the audit checks, as data (TOML).
//!
//! [`Profile`] mirrors the file one to one and is validated on load; the built-in PLN 123
//! profile is `profiles/pln123.toml`, embedded at compile time. [`compiled::Compiled`] is
//! built once from it (phrases normalised and parsed) before any call is read, and the
//! workers only read it.

pub mod compiled;
pub mod provenance;
pub mod sets;
pub mod spans;
mod step_lists;

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

pub use compiled::Compiled;
pub use provenance::Provenance;
pub use sets::{phrase_lists, PhraseList, Sets};
pub use spans::Spans;
pub use step_lists::*;

/// The built-in PLN 123 profile, as shipped.
pub const BUILTIN: &str = include_str!("../../profiles/pln123.toml");

/// Largest profile file read.
pub const MAX_PROFILE_BYTES: u64 = 4 << 20;

/// A profile that could not be used: file, line and the key at fault.
#[derive(Debug, thiserror::Error)]
#[error("{file}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct ProfileError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

/// A list of alternative phrases (see the syntax at the top of the profile file).
pub type Phrases = Vec<String>;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Human name of the profile, printed in the run summary.
    pub name: String,
    /// Version string of the profile, for the archive of re-scores.
    pub version: String,
    pub normalize: Normalize,
    pub matching: Matching,
    pub time_of_day: TimeOfDay,
    pub paths: Paths,
    pub urgent: Urgent,
    pub tusbung: Tusbung,
    pub scoring: Scoring,
    pub steps: Steps,
    /// Word classes the phrases name as `@concept`: a QA lead adds a way of saying
    /// "apologise" or "the unit" here, once, for every phrase that uses it.
    #[serde(default)]
    pub concepts: BTreeMap<String, Vec<String>>,
    /// The profile's text, for the line of an error found after parsing ([`Spans`]).
    #[serde(skip)]
    pub source: Option<String>,
    /// Transcript quality gate; a profile without the table gets [`Quality::default`].
    #[serde(default)]
    pub quality: Quality,
    /// Bounds on what one call may bring in; absent in older profiles (defaults then).
    #[serde(default)]
    pub limits: Limits,
}

/// Bounds on one call's input and output; a call past one is a reject naming it.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Bytes of one transcript file or bundle line.
    pub transcript_bytes: u64,
    /// Turns of one call.
    pub turns_per_call: usize,
    /// Characters of one turn.
    pub turn_chars: usize,
    /// Characters of an evidence_text cell; a longer one is cut and ends with `…`.
    pub evidence_chars: usize,
}

impl Limits {
    /// The key of a limit set to 0, if any (every limit must be at least 1).
    pub fn zero_key(&self) -> Option<&'static str> {
        [
            ("transcript_bytes", self.transcript_bytes == 0),
            ("turns_per_call", self.turns_per_call == 0),
            ("turn_chars", self.turn_chars == 0),
            ("evidence_chars", self.evidence_chars == 0),
        ]
        .into_iter()
        .find(|(_, zero)| *zero)
        .map(|(k, _)| k)
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            transcript_bytes: 16 << 20,
            turns_per_call: 10_000,
            turn_chars: 20_000,
            evidence_chars: 300,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Normalize {
    /// Filler words dropped before matching (eh, hmm).
    pub fillers: Vec<String>,
    /// Spoken or spelling variant → canonical form (pak → bapak, play store → playstore).
    pub variants: BTreeMap<String, String>,
    /// Suffixes and particles the recogniser writes apart ("terus kan", "nama nya"):
    /// joined back to the word before when the joined form says a profile word the word
    /// alone does not.
    #[serde(default)]
    pub split_suffixes: Vec<String>,
    /// Prefixes written apart ("se belumnya", "ke sehatan"): joined to the word after,
    /// on the same condition.
    #[serde(default)]
    pub split_prefixes: Vec<String>,
    /// Short words the recogniser glues to the word before or after ("teruskanke",
    /// "unitpln", "newpln", "dansegera"): a token that is no word as written is split
    /// off one of them when the rest is a profile word.
    #[serde(default)]
    pub glued_words: Vec<String>,
    /// Colloquial suffix → the standard suffixes it stands for ("in" = ["kan", "i"]:
    /// "terusin" is "teruskan", "dihubungin" "dihubungi"): applied to a token that is
    /// no word as written when the standard form is a profile word.
    #[serde(default)]
    pub colloquial_suffixes: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matching {
    /// Word similarity: a word of n letters matches within floor((n - 1) × (1 - fuzz)) edits.
    pub fuzz: f64,
    /// Tokens allowed between two consecutive words of a phrase.
    pub gap: usize,
    /// Other-side turns this short do not break a split sentence.
    pub backchannel_tokens: usize,
    /// Required words of a phrase that may be said loosely (one error more than the
    /// word's own budget, the same sound, a confusion) when another is said strictly.
    #[serde(default = "one")]
    pub loose_words: usize,
    /// Words the recogniser hears as other words: heard → meant ("malang" = "malam"),
    /// said loosely.
    #[serde(default)]
    pub confusions: BTreeMap<String, String>,
    /// Common words heard as themselves: vocabulary words no phrase needs, so a token
    /// that is one is never another word said loosely ("kayak" is no "kakak").
    #[serde(default)]
    pub as_written: Vec<String>,
    /// A FAIL shows its nearest miss as evidence only when the miss covers at least
    /// this share of the phrase (0..=1); below it the reason says "not said".
    #[serde(default = "default_nearest_floor")]
    pub nearest_floor: f64,
}

fn one() -> usize {
    1
}

fn default_nearest_floor() -> f64 {
    0.6
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeOfDay {
    /// Minutes of grace at a band boundary, where both neighbouring bands are accepted.
    pub grace_minutes: u32,
    /// Bands in local time, `from` and `to` inclusive as `HH:MM`; may wrap midnight.
    pub bands: Vec<Band>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Word said after "selamat" (pagi, siang, sore, malam).
    pub name: String,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paths {
    /// Age in hours from which an unresolved prior report is REPEAT_OPEN_GE12H.
    pub repeat_open_hours: f64,
    /// Create category that, with the caller's paid/reconnect cues, is TUSBUNG_PAID.
    pub tusbung_category: String,
    /// SIMONE notice text (or its start) that turns MELEBIHI_TMP into LAPOR_ULANG.
    pub already_escalated_notice: String,
    /// Tag a lapor_ulang note must hold; `{site_code}` and `{agent_name}` are filled in.
    pub note_tag: String,
    /// Prefixes (after +62/62 → 0) of mobile numbers; other numbers are PSTN.
    pub mobile_prefixes: Vec<String>,
    pub escalation: Escalation,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Escalation {
    /// SIMONE type for REPEAT_RESOLVED.
    pub resolved: String,
    /// SIMONE type for REPEAT_OPEN_GE12H.
    pub open_ge12h: String,
    /// SIMONE type when the report was already escalated.
    pub already_escalated: String,
    /// SIMONE type for urgent calls.
    pub urgent: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Urgent {
    /// Caller phrases that make a call urgent.
    pub cues: Phrases,
    /// Words that cancel a cue when they stand just before it.
    pub negations: Vec<String>,
    /// How many tokens before a cue are searched for a negation.
    pub negation_window: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tusbung {
    /// Caller says the bill is paid.
    pub paid: Phrases,
    /// Caller asks to be reconnected.
    pub reconnect: Phrases,
    /// Words that deny or defer the payment ("belum", "mau"): a paid cue with one of
    /// them inside it or just before it is not said.
    #[serde(default)]
    pub not_paid: Vec<String>,
    /// How many tokens before a paid cue are searched for one of `not_paid`.
    #[serde(default)]
    pub not_paid_window: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// With a critical FAIL the call scores 0.
    pub critical_zeroes_score: bool,
    /// Step ids whose FAIL is a critical fail.
    pub critical: Vec<String>,
    /// Weight of every step id.
    pub weights: BTreeMap<String, f64>,
    /// Per step id, the confidence a PASS needs (0..=1; a PASS below is a FAIL).
    /// `callaudit eval --sweep` proposes them from human grades.
    #[serde(default)]
    pub thresholds: BTreeMap<String, f64>,
}

/// When a transcript is too poor to trust a FAIL (see [`crate::quality`]).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Quality {
    /// Below this mean engine word confidence (0..1) the transcript is low quality ...
    pub min_confidence: f64,
    /// ... or, when the format carries no confidence, below this share of known words.
    pub min_known_share: f64,
    /// Fewer counted tokens than this give no word-share estimate (too little to judge).
    pub min_tokens: usize,
    /// Whether a FAIL marked needs_review still counts in the score and critical_fail.
    pub review_fails_count: bool,
    /// Steps judged on the action logs alone: their FAILs never need review.
    pub log_steps: Vec<String>,
    /// Words known besides the word list, the phrase words and the variants.
    pub known_words: Vec<String>,
}

impl Default for Quality {
    fn default() -> Quality {
        Quality {
            min_confidence: 0.7,
            min_known_share: 0.8,
            min_tokens: 20,
            review_fails_count: false,
            log_steps: vec!["apkt_action".into(), "apkt_note".into()],
            known_words: Vec::new(),
        }
    }
}

impl Profile {
    /// Parses a profile's text; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Profile, ProfileError> {
        let mut p = toml::from_str::<Profile>(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            ProfileError {
                file: file.to_string(),
                line,
                message: e.message().to_string(),
            }
        })?;
        p.source = Some(text.to_string());
        Ok(p)
    }

    /// The built-in PLN 123 profile.
    pub fn builtin() -> Profile {
        Profile::parse(BUILTIN, "builtin:pln123.toml").expect("built-in profile is valid")
    }

    /// Reads, parses and compiles a profile file.
    pub fn load(path: &Path) -> Result<Compiled, ProfileError> {
        let file = path.display().to_string();
        let fail = |message: String| ProfileError {
            file: file.clone(),
            line: None,
            message,
        };
        // A profile is a small regular file: a device or FIFO is never read, nor a huge file.
        let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read: {e}")))?;
        if !meta.is_file() || meta.len() > MAX_PROFILE_BYTES {
            return Err(fail(format!(
                "not a regular file of at most {MAX_PROFILE_BYTES} bytes"
            )));
        }
        let text = std::fs::read_to_string(path).map_err(|e| fail(format!("cannot read: {e}")))?;
        Compiled::new(Profile::parse(&text, &file)?, &file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_compiles() {
        let p = Profile::builtin();
        assert_eq!(p.time_of_day.bands.len(), 4);
        Compiled::new(p, "builtin").unwrap();
    }

    #[test]
    fn unknown_key_names_line_and_key() {
        let bad = BUILTIN.replace("grace_minutes = 5", "grace_minutes = 5\ngrace_minutse = 3");
        let e = Profile::parse(&bad, "x.toml").unwrap_err();
        assert!(e.message.contains("grace_minutse"), "{e}");
        let line = bad
            .lines()
            .position(|l| l.starts_with("grace_minutse"))
            .unwrap()
            + 1;
        assert_eq!(e.line, Some(line));
        assert!(e.to_string().starts_with(&format!("x.toml:{line}:")));
    }

    #[test]
    fn limits_default_when_absent_and_zero_is_refused() {
        let start = BUILTIN.find("[limits]").unwrap();
        let end = start + BUILTIN[start..].find("\n[").unwrap() + 1;
        let without = format!("{}{}", &BUILTIN[..start], &BUILTIN[end..]);
        assert_eq!(
            Profile::parse(&without, "x").unwrap().limits,
            Limits::default()
        );
        assert_eq!(Profile::builtin().limits, Limits::default());
        let zero = BUILTIN.replace("turn_chars = 20000", "turn_chars = 0");
        let e = Compiled::new(Profile::parse(&zero, "x").unwrap(), "x").unwrap_err();
        assert!(e.message.contains("limits.turn_chars"), "{e}");
    }

    #[test]
    fn wrong_type_is_rejected() {
        let bad = BUILTIN.replace("repeat_open_hours = 12.0", "repeat_open_hours = \"twelve\"");
        assert!(Profile::parse(&bad, "x.toml").is_err());
    }
}
