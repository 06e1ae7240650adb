//! The profile compiled for matching: normaliser built, phrases parsed and normalised,
//! time bands in minutes, weights checked against the fixed step ids. Built once per
//! run; workers share it read-only.

use super::sets::Sets;
use super::{Profile, ProfileError, Spans};
use crate::matching::lexicon::Lexicon;
use crate::matching::normalize::Normalizer;
use crate::matching::phrase::{MatchOptions, Phrase};
use crate::model::{StepId, STEP_COUNT};

/// A time-of-day band in minutes after midnight, inclusive; `from > to` wraps midnight.
#[derive(Debug, Clone)]
pub struct BandMinutes {
    pub name: String,
    pub from: u32,
    pub to: u32,
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
    /// Weight per step ([`StepId::index`]).
    pub weights: [f64; STEP_COUNT],
    /// Critical flag per step.
    pub critical: [bool; STEP_COUNT],
    /// Per step, the confidence a PASS needs, when the profile sets one.
    pub thresholds: [Option<f64>; STEP_COUNT],
    /// Per step, whether it is judged on the action logs alone (`quality.log_steps`).
    pub log_steps: [bool; STEP_COUNT],
    /// Normalised word lists.
    pub urgent_negations: Vec<Vec<String>>,
    pub tusbung_not_paid: Vec<Vec<String>>,
    pub forbidden_negations: Vec<Vec<String>>,
    /// Normalised token sequences that look like negations but are not.
    pub forbidden_negation_exceptions: Vec<Vec<String>>,
    pub empathy_question_words: Vec<String>,
    /// Token sequences before a name that make it a read-back (caller_name).
    pub caller_name_readback: Vec<Vec<String>>,
    /// `steps.clarity_check.understood`, normalised.
    pub clarity_understood: Vec<Vec<String>>,
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
        let p = &profile;
        let spans = &Spans::parse(p.source.as_deref().unwrap_or_default());
        // Every error names its key and the line of its value (or of the nearest
        // enclosing key); a more precise line is set where the value is known.
        let err = |key: &str, message: String| ProfileError {
            file: file.to_string(),
            line: spans.nearest(key),
            message: format!("{key}: {message}"),
        };
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
            if variants.iter().all(|v| norm.words(v).is_empty()) {
                return Err(err(
                    &format!("concepts.{name}"),
                    "a concept needs at least one word".into(),
                ));
            }
        }
        // An error names the line of the phrase (or of the empty list's key).
        if !(0.0..=1.0).contains(&p.matching.nearest_floor) {
            return Err(err(
                "matching.nearest_floor",
                "must be between 0 and 1".into(),
            ));
        }
        let mut sets = Sets::compile(p, |list| {
            if list.phrases.is_empty() {
                return Err(ProfileError {
                    line: spans.line(list.key),
                    ..err(
                        list.key,
                        "the phrase list is empty: nothing could ever match it".into(),
                    )
                });
            }
            (list.phrases.iter().enumerate())
                .map(|(i, s)| {
                    Phrase::compile_with(s, &norm, &p.concepts).map_err(|e| ProfileError {
                        line: spans.item(list.key, i),
                        ..err(list.key, e)
                    })
                })
                .collect()
        })?;
        let mut confusions = crate::matching::lexicon::Confusions::default();
        for (heard, meant) in &p.matching.confusions {
            for h in norm.words(heard) {
                confusions.entry(h).or_default().extend(norm.words(meant));
            }
        }
        // The stopwords and the words heard as written join the vocabulary: a token that
        // is one of them is that word, not another heard one letter off (the loose level).
        let lexicon = Lexicon::new(
            sets.all()
                .flat_map(|p| p.words().cloned())
                .chain(
                    p.steps
                        .data_verification
                        .stopwords
                        .iter()
                        .chain(&p.matching.as_written)
                        .flat_map(|w| norm.words(w)),
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
                let (raw, v) = (crate::matching::normalize::raw_tokens(k), norm.words(v));
                match (raw.as_slice(), v.as_slice()) {
                    ([k], [v]) => Some((k.clone(), v.clone())),
                    _ => None,
                }
            })
            .collect();
        let lexicon = lexicon.with_aliases(aliases.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        sets.all_mut().for_each(|p| p.bind(&lexicon));
        let mut bands = Vec::new();
        for (i, b) in p.time_of_day.bands.iter().enumerate() {
            let (Some(from), Some(to)) = (minutes(&b.from), minutes(&b.to)) else {
                return Err(ProfileError {
                    line: spans.item("time_of_day.bands", i),
                    ..err(
                        "time_of_day.bands",
                        format!("band {:?}: times must be HH:MM", b.name),
                    )
                });
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
        // The line is looked up only for an error (the span index is built lazily).
        let step = |table: &str, key: &str, line: &dyn Fn() -> Option<usize>| {
            key.parse::<StepId>().map_err(|_| ProfileError {
                line: line(),
                ..err(
                    &format!("{table}.{key}"),
                    format!("unknown step id {key:?} (known: {})", StepId::known()),
                )
            })
        };
        let mut weights = [None; STEP_COUNT];
        for (key, &w) in &p.scoring.weights {
            let k = format!("scoring.weights.{key}");
            let id = step("scoring.weights", key, &|| spans.line(&k))?;
            if w < 0.0 || !w.is_finite() {
                return Err(err(&k, "weight must be ≥ 0".into()));
            }
            weights[id.index()] = Some(w);
        }
        let mut thresholds = [None; STEP_COUNT];
        for (key, &t) in &p.scoring.thresholds {
            let k = format!("scoring.thresholds.{key}");
            let id = step("scoring.thresholds", key, &|| spans.line(&k))?;
            if !(0.0..=1.0).contains(&t) {
                return Err(err(&k, "must be between 0 and 1".into()));
            }
            thresholds[id.index()] = Some(t);
        }
        let mut critical = [false; STEP_COUNT];
        for (i, key) in p.scoring.critical.iter().enumerate() {
            let line = || spans.item("scoring.critical", i);
            critical[step("scoring.critical", key, &line)?.index()] = true;
        }
        let mut log_steps = [false; STEP_COUNT];
        for (i, key) in p.quality.log_steps.iter().enumerate() {
            let line = || spans.item("quality.log_steps", i);
            log_steps[step("quality.log_steps", key, &line)?.index()] = true;
        }
        let mut weight = [0.0; STEP_COUNT];
        for (w, id) in weight.iter_mut().zip(StepId::ALL) {
            *w = weights[id.index()]
                .ok_or_else(|| err("scoring.weights", format!("missing weight for {id}")))?;
        }
        if p.paths.repeat_open_hours <= 0.0 {
            return Err(err("paths.repeat_open_hours", "must be positive".into()));
        }
        let words =
            |list: &[String]| -> Vec<String> { list.iter().flat_map(|w| norm.words(w)).collect() };
        let sequences = |list: &[String]| -> Vec<Vec<String>> {
            list.iter()
                .map(|w| norm.words(w))
                .filter(|t| !t.is_empty())
                .collect()
        };
        let rejoin = |l: &[String]| l.iter().flat_map(|w| norm.words(w)).collect();
        let rejoin = crate::matching::normalize::Rejoin::new(
            lexicon.clone(),
            rejoin(&p.normalize.split_suffixes),
            rejoin(&p.normalize.split_prefixes),
        )
        .with_glue(
            // As said ("pak", "bu", "aja") as well as normalised: a piece split off is
            // normalised after the split ("paksiapa" is "bapak siapa").
            p.normalize
                .glued_words
                .iter()
                .flat_map(|w| std::iter::once(w.to_ascii_lowercase()).chain(norm.words(w)))
                .fold(Vec::new(), |mut v, w| {
                    if !v.contains(&w) {
                        v.push(w);
                    }
                    v
                }),
            p.normalize
                .colloquial_suffixes
                .iter()
                .map(|(c, s)| {
                    (
                        c.to_ascii_lowercase(),
                        s.iter().map(|x| x.to_ascii_lowercase()).collect(),
                    )
                })
                .collect(),
        );
        Ok(Compiled {
            norm: norm.clone().with_rejoin(rejoin),
            opts: MatchOptions {
                fuzz: p.matching.fuzz,
                gap: p.matching.gap,
                loose: p.matching.loose_words,
                anchored: false,
            },
            bands,
            sets,
            lexicon,
            weights: weight,
            critical,
            thresholds,
            log_steps,
            urgent_negations: sequences(&p.urgent.negations),
            tusbung_not_paid: sequences(&p.tusbung.not_paid),
            forbidden_negations: sequences(&p.steps.forbidden_phrases.negations),
            forbidden_negation_exceptions: p
                .steps
                .forbidden_phrases
                .negation_exceptions
                .iter()
                .map(|e| norm.words(e))
                .collect(),
            empathy_question_words: words(&p.steps.empathy.question_words),
            caller_name_readback: sequences(&p.steps.caller_name.readback_before),
            clarity_understood: sequences(&p.steps.clarity_check.understood),
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
        let thanks = "thanks = [\"terima kasih ... pln 123|123123\"]";
        let e = edited(thanks, "thanks = []").unwrap_err();
        assert!(e.message.starts_with("steps.closing.thanks"), "{e}");
        assert_eq!(e.line, Some(line_of(text, thanks)));
    }

    /// A semantic error found after parsing: its message starts with the key, and its
    /// line is that of the value at fault.
    fn names(e: &ProfileError, key: &str, line: usize) {
        assert!(e.message.starts_with(&format!("{key}: ")), "{e}");
        assert_eq!(e.line, Some(line), "{e}");
        assert!(e
            .to_string()
            .starts_with(&format!("x.toml:{line}: {key}: ")));
    }

    #[test]
    fn step_keys_and_thresholds_name_their_line_and_key() {
        let text = super::super::BUILTIN;
        let weight = "\ngreeting = 1.0\n";
        let e = edited(weight, "\ngreetings = 1.0\ngreeting = 1.0\n").unwrap_err();
        names(&e, "scoring.weights.greetings", line_of(text, weight) + 1);
        assert!(e.message.contains("unknown step id \"greetings\""), "{e}");
        let critical = "critical = [\"apkt_action\", \"simone_escalation\"]";
        let e = edited(critical, "critical = [\"apkt_action\", \"simone\"]").unwrap_err();
        names(&e, "scoring.critical.simone", line_of(text, critical));
        let logs = "log_steps = [\"apkt_action\", \"apkt_note\"]";
        let e = edited(
            logs,
            "log_steps = [\n  \"apkt_action\",\n  \"apkt_nte\",\n]",
        )
        .unwrap_err();
        names(&e, "quality.log_steps.apkt_nte", line_of(text, logs) + 2);
        // A threshold out of range, and one of an unknown step.
        let with = |t: &str| {
            let text = format!("{text}\n[scoring.thresholds]\nempathy = 0.5\n{t}\n");
            let line = text.lines().count();
            let e = Compiled::new(Profile::parse(&text, "x.toml").unwrap(), "x.toml");
            (e.unwrap_err(), line)
        };
        let (e, line) = with("closing = 1.5");
        names(&e, "scoring.thresholds.closing", line);
        let (e, line) = with("closin = 0.5");
        names(&e, "scoring.thresholds.closin", line);
    }

    #[test]
    fn semantic_errors_of_other_tables_name_their_line() {
        let text = super::super::BUILTIN;
        let fuzz = "fuzz = 0.8";
        let e = edited(fuzz, "fuzz = 1.8").unwrap_err();
        names(&e, "matching.fuzz", line_of(text, fuzz));
        let hours = "repeat_open_hours = 12.0";
        let e = edited(hours, "repeat_open_hours = -1.0").unwrap_err();
        names(&e, "paths.repeat_open_hours", line_of(text, hours));
        // A weight missing: the line of the weights table's first key at least.
        let e = edited(weight_line(), "").unwrap_err();
        assert!(e.message.contains("missing weight for greeting"), "{e}");
        assert!(e.line.is_some(), "{e}");
    }

    fn weight_line() -> &'static str {
        "greeting = 1.0\n"
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
