//! The recogniser noise of levels 2 and 3, applied after the base noise of
//! [`super::Noise`] (which it leaves byte for byte as it was): word-level kinds on the
//! lower-case words, then the turn-level backchannel split, then the call-level Whisper
//! rendering.
//!
//! Default kinds: `short_typo`, `sound_confusion`, `name_variant`, `word_boundary`,
//! `stutter_filler`, `whisper_style`. Held-out kinds (only with `heldout`):
//! `phonetic_drift`, `english_filler`, `backchannel_split`.
//!
//! What keeps a step's meaning: a word gets at most one edit; a turn gets at most
//! `key_cap` edits of words that carry a step; numbers, number words, acronyms and
//! address words are never edited; names only by `name_variant` (one rule, one place);
//! a time-of-day word never becomes another time of day; no filler inside a number read
//! aloud. Each part draws from its own stream, so the default kinds come out the same with
//! and without the held-out ones.

use super::tables::{self, BACKCHANNEL, ENGLISH, FILLERS, LOCKED, MERGES, TIME_WORDS};
use super::{render, Noise};
use crate::rng::Rng;
use callaudit::model::{Role, Turn};

/// Rates of the recogniser kinds at one level (all zero at levels 0 and 1).
#[derive(Debug, Clone, Copy, Default)]
pub struct AsrLevel {
    /// Per 3–5 letter word.
    pub short_typo: f64,
    /// Per word with a confusion in the table.
    pub confusion: f64,
    /// Per occurrence of a person's name.
    pub name_variant: f64,
    /// Per word that can be split or merged.
    pub boundary: f64,
    /// Per word: a stutter, a restart or a filler before it.
    pub stutter: f64,
    /// Per call: the engine writes Whisper-style (capitals, punctuation, digits).
    pub whisper: f64,
    /// Held out: per word of four letters or more.
    pub drift: f64,
    /// Held out: per turn, an English filler.
    pub english: f64,
    /// Held out: per long agent turn, split with a caller backchannel.
    pub backchannel: f64,
    /// Edits of step-carrying words per turn.
    pub key_cap: usize,
}

impl AsrLevel {
    pub fn of(level: u8) -> AsrLevel {
        match level {
            0 | 1 => AsrLevel::default(),
            2 => AsrLevel {
                short_typo: 0.04,
                confusion: 0.06,
                name_variant: 0.2,
                boundary: 0.06,
                stutter: 0.02,
                whisper: 0.3,
                drift: 0.03,
                english: 0.06,
                backchannel: 0.12,
                key_cap: 2,
            },
            _ => AsrLevel {
                short_typo: 0.08,
                confusion: 0.12,
                name_variant: 0.35,
                boundary: 0.12,
                stutter: 0.04,
                whisper: 0.5,
                drift: 0.06,
                english: 0.12,
                backchannel: 0.25,
                key_cap: 3,
            },
        }
    }
}

/// One word of a turn and what noise may still do to it.
#[derive(Debug, Clone)]
struct Tok {
    text: String,
    /// Carries a step: edits count against the turn's cap.
    key: bool,
    /// Never edited (numbers, acronyms, names and address words).
    locked: bool,
    /// A person's name: only `name_variant` edits it.
    person: bool,
    /// Already edited once.
    touched: bool,
}

/// The three streams, drawn from the call's noise stream once the base noise is done.
pub struct Streams {
    words: Rng,
    held: Rng,
    whisper: Rng,
}

impl Streams {
    pub fn from(rng: &mut Rng) -> Streams {
        let base = rng.next_u64();
        Streams {
            words: Rng::new(base ^ 0x0a5e_0001),
            held: Rng::new(base ^ 0x0a5e_0002),
            whisper: Rng::new(base ^ 0x0a5e_0003),
        }
    }
}

/// Applies the recogniser kinds of `lv` to turns already through the base noise.
pub fn apply(
    noise: &Noise,
    turns: &mut Vec<Turn>,
    lv: &AsrLevel,
    names: &[String],
    people: &[String],
    heldout: bool,
    st: &mut Streams,
) {
    let whisper = st.whisper.chance(lv.whisper);
    let mut heard: Vec<String> = people.to_vec();
    for turn in turns.iter_mut() {
        let mut toks = tokens(noise, &turn.text, names, people);
        let mut edits = 0usize;
        default_kinds(&mut toks, lv, &mut edits, &mut st.words, &mut heard);
        if heldout {
            held_kinds(&mut toks, lv, &mut edits, &mut st.held);
        }
        turn.text = toks
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
    }
    if heldout && lv.backchannel > 0.0 {
        backchannel_split(turns, lv.backchannel, &mut st.held);
    }
    if whisper {
        render::whisper(turns, &heard, &mut st.whisper);
    }
}

fn tokens(noise: &Noise, text: &str, names: &[String], people: &[String]) -> Vec<Tok> {
    text.split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let person = people.iter().any(|p| p == w);
            let locked = person
                || w.bytes().any(|b| !b.is_ascii_lowercase())
                || LOCKED.contains(&w)
                || names.iter().any(|n| n == w);
            Tok {
                text: w.to_string(),
                key: noise.is_key(w, names),
                locked,
                person,
                touched: false,
            }
        })
        .collect()
}

/// Whether an edit of `w` into `to` is allowed: a different word, not a time of day
/// (unless it was one and stays one), not a locked word.
fn fits(w: &str, to: &str) -> bool {
    to != w && !TIME_WORDS.contains(&to) && !LOCKED.contains(&to) || (w == "lama" && to == "lima")
}

fn number_like(t: &Tok) -> bool {
    t.text.bytes().any(|b| b.is_ascii_digit()) || LOCKED.contains(&t.text.as_str())
}

/// The default word kinds; names heard as a neighbouring name are added to `heard` (so
/// Whisper-style rendering capitalises them as names).
fn default_kinds(
    toks: &mut Vec<Tok>,
    lv: &AsrLevel,
    edits: &mut usize,
    r: &mut Rng,
    heard: &mut Vec<String>,
) {
    let mut i = 0;
    while i < toks.len() {
        // Name heard as a neighbouring name.
        if toks[i].person {
            if r.chance(lv.name_variant) {
                if let Some(v) = tables::name_variant(&toks[i].text, r) {
                    if !heard.contains(&v) {
                        heard.push(v.clone());
                    }
                    toks[i].text = v;
                    toks[i].touched = true;
                }
            }
            i += 1;
            continue;
        }
        // Stutter, restart or filler before the word (never inside a number or a name).
        let u = r.unit();
        if u < lv.stutter {
            // Not inside a number, after a name, or between two protected words (a street
            // or area of two words, "pln 123").
            let prev_ok = i == 0
                || !(number_like(&toks[i - 1])
                    || toks[i - 1].person
                    || (toks[i - 1].locked && toks[i].locked));
            if prev_ok && !number_like(&toks[i]) {
                let w = toks[i].text.clone();
                let extra = match r.below(3) {
                    0 if w.len() >= 4 && !toks[i].locked => {
                        let cut = syllable(&w);
                        format!("{}-", &w[..cut])
                    }
                    1 if i > 0 && !toks[i - 1].key && !toks[i].key => {
                        format!("{w} {}", toks[i - 1].text)
                    }
                    _ => r.pick_str(FILLERS).to_string(),
                };
                toks.insert(i, plain(extra));
                i += 1;
            }
        }
        let t = &toks[i];
        if t.locked || t.touched {
            i += 1;
            continue;
        }
        let room = !t.key || *edits < lv.key_cap;
        let w = t.text.clone();
        let mut new: Option<(String, bool)> = None;
        if room && r.chance(lv.confusion) {
            new = tables::confusion(&w, r).map(|c| (c.to_string(), false));
        }
        if new.is_none() && room && (3..=5).contains(&w.len()) && r.chance(lv.short_typo) {
            new = tables::short_typo(&w, r).map(|c| (c, false));
        }
        if new.is_none() && room && r.chance(lv.boundary) {
            new = boundary(toks, i, r);
        }
        if let Some((n, merge)) = new.filter(|(n, m)| *m || n.contains(' ') || fits(&w, n)) {
            if merge {
                let next = toks.remove(i + 1);
                toks[i].key |= next.key;
            }
            if toks[i].key {
                *edits += 1;
            }
            toks[i].text = n;
            toks[i].touched = true;
        }
        i += 1;
    }
}

/// A word-boundary error at token `i`: a prefix or suffix written apart, or the word
/// merged with the next (a listed pair, or a preposition di/ke with its noun); `true`
/// when merged.
fn boundary(toks: &[Tok], i: usize, r: &mut Rng) -> Option<(String, bool)> {
    let w = toks[i].text.as_str();
    if let Some(nx) = toks.get(i + 1).filter(|n| !n.locked && !n.touched) {
        let pair = MERGES.contains(&(w, nx.text.as_str()));
        if pair || (matches!(w, "di" | "ke") && !nx.key) {
            return Some((format!("{w}{}", nx.text), true));
        }
    }
    let split = match r.below(2) {
        0 => tables::prefix_apart(w).or_else(|| tables::suffix_apart(w)),
        _ => tables::suffix_apart(w).or_else(|| tables::prefix_apart(w)),
    };
    split.map(|s| (s, false))
}

/// The end of a word's first syllable (`ma` of `maaf`, `ter` of `terima`).
fn syllable(w: &str) -> usize {
    let b = w.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let v = (0..b.len()).find(|&k| vowel(b[k])).unwrap_or(0);
    let mut end = (v + 1).min(b.len());
    if end + 1 < b.len() && !vowel(b[end]) && !vowel(b[end + 1]) {
        end += 1;
    }
    end.clamp(1, b.len() - 1)
}

fn plain(text: String) -> Tok {
    Tok {
        text,
        key: false,
        locked: true,
        person: false,
        touched: true,
    }
}

fn held_kinds(toks: &mut Vec<Tok>, lv: &AsrLevel, edits: &mut usize, r: &mut Rng) {
    // Phonetic drift of vowels and final consonants.
    for t in toks.iter_mut() {
        if t.locked || t.touched || !r.chance(lv.drift) || (t.key && *edits >= lv.key_cap) {
            continue;
        }
        if let Some(n) = tables::drift(&t.text, r).filter(|n| fits(&t.text, n)) {
            if t.key {
                *edits += 1;
            }
            t.text = n;
            t.touched = true;
        }
    }
    // Code-switched English: at the start ("okay ..."), or a leading "baik" said as "oke".
    if !toks.is_empty() && r.chance(lv.english) {
        let e = r.pick_str(ENGLISH);
        if toks[0].text == "baik" && !toks[0].touched && r.chance(0.5) {
            toks[0].text = if e == "okay" { "okay" } else { "oke" }.to_string();
            toks[0].touched = true;
        } else {
            let at = if r.chance(0.6) {
                0
            } else {
                r.index(toks.len())
            };
            let inside = at > 0 && (number_like(&toks[at - 1]) || toks[at - 1].person);
            if !inside {
                toks.insert(at, plain(e.to_string()));
            }
        }
    }
}

/// Splits a long agent turn mid-sentence with a short caller backchannel in between
/// ("iya", "hmm", "oke"): one step's sentence over two agent turns. Times stay in order.
fn backchannel_split(turns: &mut Vec<Turn>, p: f64, r: &mut Rng) {
    let mut out: Vec<Turn> = Vec::with_capacity(turns.len() + 4);
    let mut next_start: Vec<f64> = turns.iter().skip(1).map(|t| t.start).collect();
    next_start.push(f64::INFINITY);
    for (i, t) in turns.drain(..).enumerate() {
        let words: Vec<&str> = t.text.split(' ').collect();
        let n = words.len();
        let dur = t.end - t.start;
        if t.role != Role::Agent || n < 8 || dur < 4.0 || next_start[i] < t.end || !r.chance(p) {
            out.push(t);
            continue;
        }
        let lo = (n * 3 / 10).max(2);
        let hi = (n * 7 / 10).max(lo + 1);
        let number = |w: &str| w.bytes().any(|b| b.is_ascii_digit()) || LOCKED.contains(&w);
        let cuts: Vec<usize> = (lo..hi)
            .filter(|&k| !(number(words[k - 1]) && number(words[k])))
            .collect();
        if cuts.is_empty() {
            out.push(t);
            continue;
        }
        let k = cuts[r.index(cuts.len())];
        let tenth = |x: f64| (x * 10.0).round() / 10.0;
        let mid = tenth((t.start + dur * k as f64 / n as f64).clamp(t.start + 1.0, t.end - 2.0));
        out.push(Turn {
            role: Role::Agent,
            start: t.start,
            end: mid,
            text: words[..k].join(" "),
        });
        out.push(Turn {
            role: Role::Caller,
            start: tenth(mid + 0.2),
            end: tenth(mid + 0.7),
            text: r.pick_str(BACKCHANNEL).to_string(),
        });
        out.push(Turn {
            role: Role::Agent,
            start: tenth(mid + 0.9),
            end: t.end,
            text: words[k..].join(" "),
        });
    }
    *turns = out;
}
