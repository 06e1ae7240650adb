//! The profile compiled for matching: normaliser built, phrases parsed and normalised,
//! time bands in minutes, weights checked against the fixed step ids. Built once per
//! run; workers share it read-only.

use super::{Phrases, Profile, ProfileError};
use crate::matching::lexicon::Lexicon;
use crate::matching::normalize::Normalizer;
use crate::matching::phrase::{MatchOptions, Phrase};
use crate::model::STEP_IDS;

/// A time-of-day band in minutes after midnight, inclusive; `from > to` wraps midnight.
#[derive(Debug, Clone)]
pub struct BandMinutes {
    pub name: String,
    pub from: u32,
    pub to: u32,
}

/// Every phrase list of the profile, compiled.
#[derive(Debug, Clone)]
pub struct Sets {
    pub urgent: Vec<Phrase>,
    pub tusbung_paid: Vec<Phrase>,
    pub tusbung_reconnect: Vec<Phrase>,
    pub greet_pln: Vec<Phrase>,
    pub greet_salutation: Vec<Phrase>,
    pub greet_name: Vec<Phrase>,
    pub greet_offer: Vec<Phrase>,
    pub name_ask: Vec<Phrase>,
    pub name_address: Vec<Phrase>,
    pub prior_ask: Vec<Phrase>,
    pub prior_yes: Vec<Phrase>,
    pub prior_no: Vec<Phrase>,
    pub prior_identifier: Vec<Phrase>,
    pub empathy: Vec<Phrase>,
    pub progress: Vec<Phrase>,
    pub ask_mobile: Vec<Phrase>,
    pub ask_this_number: Vec<Phrase>,
    pub clarity: Vec<Phrase>,
    pub eta_asks: Vec<Phrase>,
    pub eta_says: Vec<Phrase>,
    pub forward: Vec<Phrase>,
    pub follow_up: Vec<Phrase>,
    pub still_applies: Vec<Phrase>,
    pub campaign: Vec<Phrase>,
    pub thanks: Vec<Phrase>,
    pub closing_salutation: Vec<Phrase>,
    pub forbidden: Vec<Phrase>,
}

/// The profile ready for the workers.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub profile: Profile,
    pub norm: Normalizer,
    pub opts: MatchOptions,
    pub bands: Vec<BandMinutes>,
    pub sets: Sets,
    /// Every phrase word, indexed for the per-token lookups of the hot path.
    pub lexicon: Lexicon,
    /// Weight per step, in STEP_IDS order.
    pub weights: [f64; STEP_IDS.len()],
    /// Critical flag per step, in STEP_IDS order.
    pub critical: [bool; STEP_IDS.len()],
    /// Normalised word lists.
    pub urgent_negations: Vec<Vec<String>>,
    pub forbidden_negations: Vec<Vec<String>>,
    /// Normalised token sequences that look like negations but are not.
    pub forbidden_negation_exceptions: Vec<Vec<String>>,
    pub empathy_question_words: Vec<String>,
    /// Token sequences before a name that make it a read-back (caller_name).
    pub caller_name_readback: Vec<Vec<String>>,
    pub stopwords: Vec<String>,
}

fn minutes(s: &str) -> Option<u32> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

impl Compiled {
    /// Validates and compiles; `file` names the profile in errors.
    pub fn new(profile: Profile, file: &str) -> Result<Compiled, ProfileError> {
        let err = |key: &str, message: String| ProfileError {
            file: file.to_string(),
            line: None,
            message: format!("{key}: {message}"),
        };
        let p = &profile;
        let norm = Normalizer::new(
            p.normalize
                .variants
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str())),
            p.normalize.fillers.iter().map(String::as_str),
        );
        if let Some(key) = p.limits.zero_key() {
            return Err(err(&format!("limits.{key}"), "must be at least 1".into()));
        }
        if !(0.0..=1.0).contains(&p.matching.fuzz) {
            return Err(err("matching.fuzz", "must be between 0 and 1".into()));
        }
        for (name, variants) in &p.concepts {
            if variants.iter().all(|v| norm.tokens(v).is_empty()) {
                return Err(ProfileError {
                    line: p.line_of("concepts.x", &format!("{name} =")),
                    ..err(
                        &format!("concepts.{name}"),
                        "a concept needs at least one word".into(),
                    )
                });
            }
        }
        // An error names the line of the phrase (or of the empty list's key).
        if !(0.0..=1.0).contains(&p.matching.nearest_floor) {
            return Err(err(
                "matching.nearest_floor",
                "must be between 0 and 1".into(),
            ));
        }
        let compile = |key: &str, list: &Phrases| -> Result<Vec<Phrase>, ProfileError> {
            let last = key.rsplit('.').next().unwrap_or(key);
            if list.is_empty() {
                return Err(ProfileError {
                    line: p.line_of(key, &format!("{last} =")),
                    ..err(
                        key,
                        "the phrase list is empty: nothing could ever match it".into(),
                    )
                });
            }
            list.iter()
                .map(|s| {
                    Phrase::compile_with(s, &norm, &p.concepts).map_err(|e| ProfileError {
                        line: p.line_of(key, &format!("{s:?}")).or(p.line_of(key, s)),
                        ..err(key, e)
                    })
                })
                .collect()
        };
        let s = &p.steps;
        let mut sets = Sets {
            urgent: compile("urgent.cues", &p.urgent.cues)?,
            tusbung_paid: compile("tusbung.paid", &p.tusbung.paid)?,
            tusbung_reconnect: compile("tusbung.reconnect", &p.tusbung.reconnect)?,
            greet_pln: compile("steps.greeting.pln", &s.greeting.pln)?,
            greet_salutation: compile("steps.greeting.salutation", &s.greeting.salutation)?,
            greet_name: compile("steps.greeting.own_name", &s.greeting.own_name)?,
            greet_offer: compile("steps.greeting.offer", &s.greeting.offer)?,
            name_ask: compile("steps.caller_name.ask", &s.caller_name.ask)?,
            name_address: compile("steps.caller_name.address", &s.caller_name.address)?,
            prior_ask: compile(
                "steps.prior_report_question.ask",
                &s.prior_report_question.ask,
            )?,
            prior_yes: compile(
                "steps.prior_report_question.caller_yes",
                &s.prior_report_question.caller_yes,
            )?,
            prior_no: compile(
                "steps.prior_report_question.caller_no",
                &s.prior_report_question.caller_no,
            )?,
            prior_identifier: compile(
                "steps.prior_report_question.ask_identifier",
                &s.prior_report_question.ask_identifier,
            )?,
            empathy: compile("steps.empathy.phrases", &s.empathy.phrases)?,
            progress: compile("steps.status_update.progress", &s.status_update.progress)?,
            ask_mobile: compile(
                "steps.phone_verification.ask_mobile",
                &s.phone_verification.ask_mobile,
            )?,
            ask_this_number: compile(
                "steps.phone_verification.ask_this_number",
                &s.phone_verification.ask_this_number,
            )?,
            clarity: compile("steps.clarity_check.phrases", &s.clarity_check.phrases)?,
            eta_asks: compile("steps.eta_3x24.caller_asks", &s.eta_3x24.caller_asks)?,
            eta_says: compile("steps.eta_3x24.agent_says", &s.eta_3x24.agent_says)?,
            forward: compile(
                "steps.service_guarantee.forward",
                &s.service_guarantee.forward,
            )?,
            follow_up: compile(
                "steps.service_guarantee.follow_up",
                &s.service_guarantee.follow_up,
            )?,
            still_applies: compile(
                "steps.ticket_number.still_applies",
                &s.ticket_number.still_applies,
            )?,
            campaign: compile("steps.closing.campaign", &s.closing.campaign)?,
            thanks: compile("steps.closing.thanks", &s.closing.thanks)?,
            closing_salutation: compile("steps.closing.salutation", &s.closing.salutation)?,
            forbidden: compile("steps.forbidden_phrases.lines", &s.forbidden_phrases.lines)?,
        };
        let mut confusions = crate::matching::lexicon::Confusions::default();
        for (heard, meant) in &p.matching.confusions {
            for h in norm.tokens(heard) {
                confusions.entry(h).or_default().extend(norm.tokens(meant));
            }
        }
        // The stopwords join the vocabulary: a token that is one of them is that word,
        // not another heard one letter off (the loose level).
        let lexicon = Lexicon::new(
            sets.all()
                .flat_map(|p| p.words().cloned())
                .chain(
                    p.steps
                        .data_verification
                        .stopwords
                        .iter()
                        .flat_map(|w| norm.tokens(w)),
                )
                .collect::<Vec<_>>(),
            p.matching.fuzz,
        )
        .with_confusions(confusions);
        // One-word spelling variants of a word ("nomer" of "nomor"), for the loose level.
        let aliases: Vec<(String, String)> = p
            .normalize
            .variants
            .iter()
            .filter_map(|(k, v)| {
                let (raw, v) = (crate::matching::normalize::raw_tokens(k), norm.tokens(v));
                match (raw.as_slice(), v.as_slice()) {
                    ([k], [v]) => Some((k.clone(), v.clone())),
                    _ => None,
                }
            })
            .collect();
        let lexicon = lexicon.with_aliases(aliases.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        sets.all_mut().for_each(|p| p.bind(&lexicon));
        let mut bands = Vec::new();
        for b in &p.time_of_day.bands {
            let (Some(from), Some(to)) = (minutes(&b.from), minutes(&b.to)) else {
                return Err(err(
                    "time_of_day.bands",
                    format!("band {:?}: times must be HH:MM", b.name),
                ));
            };
            bands.push(BandMinutes {
                name: norm.text(&b.name),
                from,
                to,
            });
        }
        if bands.is_empty() {
            return Err(err(
                "time_of_day.bands",
                "at least one band is needed".into(),
            ));
        }
        for (key, t) in &p.scoring.thresholds {
            if !(0.0..=1.0).contains(t) {
                return Err(err(
                    "scoring.thresholds",
                    format!("{key}: must be between 0 and 1"),
                ));
            }
        }
        for key in p
            .scoring
            .weights
            .keys()
            .chain(&p.scoring.critical)
            .chain(p.scoring.thresholds.keys())
            .chain(&p.quality.log_steps)
        {
            if !STEP_IDS.contains(&key.as_str()) {
                return Err(err(
                    "scoring",
                    format!("unknown step id {key:?} (known: {})", STEP_IDS.join(", ")),
                ));
            }
        }
        let mut weights = [0.0; STEP_IDS.len()];
        let mut critical = [false; STEP_IDS.len()];
        for (i, id) in STEP_IDS.iter().enumerate() {
            weights[i] = *p
                .scoring
                .weights
                .get(*id)
                .ok_or_else(|| err("scoring.weights", format!("missing weight for {id}")))?;
            if weights[i] < 0.0 || !weights[i].is_finite() {
                return Err(err("scoring.weights", format!("{id}: weight must be ≥ 0")));
            }
            critical[i] = p.scoring.critical.iter().any(|c| c == id);
        }
        if p.paths.repeat_open_hours <= 0.0 {
            return Err(err("paths.repeat_open_hours", "must be positive".into()));
        }
        let words =
            |list: &[String]| -> Vec<String> { list.iter().flat_map(|w| norm.tokens(w)).collect() };
        let sequences = |list: &[String]| -> Vec<Vec<String>> {
            list.iter()
                .map(|w| norm.tokens(w))
                .filter(|t| !t.is_empty())
                .collect()
        };
        Ok(Compiled {
            norm: norm.clone(),
            opts: MatchOptions {
                fuzz: p.matching.fuzz,
                gap: p.matching.gap,
                loose: p.matching.loose_words,
                anchored: false,
            },
            bands,
            sets,
            lexicon,
            weights,
            critical,
            urgent_negations: sequences(&p.urgent.negations),
            forbidden_negations: sequences(&p.steps.forbidden_phrases.negations),
            forbidden_negation_exceptions: p
                .steps
                .forbidden_phrases
                .negation_exceptions
                .iter()
                .map(|e| norm.tokens(e))
                .collect(),
            empathy_question_words: words(&p.steps.empathy.question_words),
            caller_name_readback: sequences(&p.steps.caller_name.readback_before),
            stopwords: words(&p.steps.data_verification.stopwords),
            profile,
        })
    }

    /// The built-in profile, compiled.
    pub fn builtin() -> Compiled {
        Compiled::new(Profile::builtin(), "builtin:pln123.toml").expect("built-in profile compiles")
    }

    /// Bands accepted for a local time of day (minutes after midnight): the band it falls
    /// in, plus a neighbour within the grace minutes.
    pub fn bands_at(&self, minute: u32) -> Vec<&str> {
        let grace = self.profile.time_of_day.grace_minutes;
        let inside = |b: &BandMinutes, m: u32| {
            if b.from <= b.to {
                (b.from..=b.to).contains(&m)
            } else {
                m >= b.from || m <= b.to
            }
        };
        let mut out: Vec<&str> = Vec::new();
        for delta in [0i64, -(grace as i64), grace as i64] {
            let m = (minute as i64 + delta).rem_euclid(24 * 60) as u32;
            for b in &self.bands {
                if inside(b, m) && !out.contains(&b.name.as_str()) {
                    out.push(&b.name);
                }
            }
        }
        out
    }

    /// Every phrase of the profile, for `profile --phrases`.
    pub fn all_phrases(&self) -> Vec<&Phrase> {
        self.sets.all().collect()
    }
}

/// Lists every phrase-list field of [`Sets`] once, for both borrow kinds.
macro_rules! each_set {
    ($s:ident, $($r:tt)*) => {
        [
            $($r)* $s.urgent,
            $($r)* $s.tusbung_paid,
            $($r)* $s.tusbung_reconnect,
            $($r)* $s.greet_pln,
            $($r)* $s.greet_salutation,
            $($r)* $s.greet_name,
            $($r)* $s.greet_offer,
            $($r)* $s.name_ask,
            $($r)* $s.name_address,
            $($r)* $s.prior_ask,
            $($r)* $s.prior_yes,
            $($r)* $s.prior_no,
            $($r)* $s.prior_identifier,
            $($r)* $s.empathy,
            $($r)* $s.progress,
            $($r)* $s.ask_mobile,
            $($r)* $s.ask_this_number,
            $($r)* $s.clarity,
            $($r)* $s.eta_asks,
            $($r)* $s.eta_says,
            $($r)* $s.forward,
            $($r)* $s.follow_up,
            $($r)* $s.still_applies,
            $($r)* $s.campaign,
            $($r)* $s.thanks,
            $($r)* $s.closing_salutation,
            $($r)* $s.forbidden,
        ]
    };
}

impl Sets {
    /// Every phrase of every list.
    pub fn all(&self) -> impl Iterator<Item = &Phrase> {
        let s = self;
        each_set!(s, &).into_iter().flatten()
    }

    fn all_mut(&mut self) -> impl Iterator<Item = &mut Phrase> {
        let s = self;
        each_set!(s, &mut).into_iter().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_with_grace() {
        let c = Compiled::builtin();
        assert_eq!(c.bands_at(8 * 60), ["pagi"]);
        assert_eq!(c.bands_at(10 * 60 + 58), ["pagi", "siang"]);
        assert_eq!(c.bands_at(11 * 60 + 2), ["siang", "pagi"]);
        assert_eq!(c.bands_at(19 * 60 + 30), ["malam"]);
        assert_eq!(c.bands_at(2 * 60), ["malam"]);
        assert_eq!(c.bands_at(3 * 60 + 58), ["malam", "pagi"]);
    }

    #[test]
    fn unknown_step_in_weights_is_rejected() {
        let mut p = Profile::builtin();
        p.scoring.weights.insert("greetings".into(), 1.0);
        let e = Compiled::new(p, "x.toml").unwrap_err();
        assert!(e.message.contains("greetings"));
    }

    /// The built-in profile's text with `from` replaced by `to`, parsed.
    fn edited(from: &str, to: &str) -> Result<Box<Compiled>, ProfileError> {
        assert!(super::super::BUILTIN.contains(from), "{from}");
        let text = super::super::BUILTIN.replacen(from, to, 1);
        Compiled::new(Profile::parse(&text, "x.toml")?, "x.toml").map(Box::new)
    }

    fn line_of(text: &str, needle: &str) -> usize {
        let at = text.find(needle).unwrap();
        text[..at].matches('\n').count() + 1
    }

    #[test]
    fn unknown_slot_concept_and_empty_list_name_their_line() {
        let text = super::super::BUILTIN;
        let salutation = "salutation = [\"selamat {time_of_day}\"]";
        let e = edited(salutation, "salutation = [\"selamat {time_of_dy}\"]").unwrap_err();
        assert!(e.message.contains("unknown slot {time_of_dy}"), "{e}");
        assert_eq!(e.line, Some(line_of(text, salutation)));
        let phrase = "\"@apology ... atas|untuk ... @problem\"";
        let e = edited(phrase, "\"@apologi ... atas|untuk ... @problem\"").unwrap_err();
        assert!(e.message.contains("unknown concept @apologi"), "{e}");
        assert_eq!(e.line, Some(line_of(text, phrase)));
        let thanks = "thanks = [\"terima kasih ... pln 123\"]";
        let e = edited(thanks, "thanks = []").unwrap_err();
        assert!(e.message.starts_with("steps.closing.thanks"), "{e}");
        assert_eq!(e.line, Some(line_of(text, thanks)));
    }

    #[test]
    fn concepts_are_word_classes() {
        let c = edited("help = [\"dibantu\"", "help = [\"ditolong\", \"dibantu\"").unwrap();
        let offer = &c.sets.greet_offer[0];
        assert_eq!(offer.source, "@can @help");
        assert!(offer.words().any(|w| w == "ditolong"));
    }

    #[test]
    fn bad_phrase_names_key() {
        let mut p = Profile::builtin();
        p.steps.empathy.phrases.push("maaf? ...".into());
        let e = Compiled::new(p, "x.toml").unwrap_err();
        assert!(e.message.starts_with("steps.empathy.phrases"), "{e}");
    }
}
