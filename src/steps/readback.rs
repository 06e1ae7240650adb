//! Read-backs: how much of a prior report's field (name, address, problem, unit's
//! answer) the agent says back, word by word, in one turn or two adjacent ones.
//!
//! A repeat call asks this for up to four fields. The agent's tokens are grouped by
//! first letter once per call ([`AgentWords`]), so each read-back only compares its
//! words with the tokens that share their first letter.

use super::Ctx;
use crate::matching::edit::within;
use crate::matching::phrase::{same_key, sound_hash, spelled_like, Spelling};
use crate::matching::word::allowed_edits;
use crate::matching::CallText;
use crate::model::Role;
use std::cell::{Cell, OnceCell};

mod wider;

pub(super) use wider::{read_back_wider, Glue};

/// Numbers compare without leading zeros ("RT 002" is read "rt dua").
pub(super) fn trim_zeros(t: &str) -> &str {
    if t.bytes().all(|b| b.is_ascii_digit()) {
        let s = t.trim_start_matches('0');
        if s.is_empty() {
            "0"
        } else {
            s
        }
    } else {
        t
    }
}

/// Content words of a report field, normalised, without stopwords.
pub(super) fn content_words(ctx: &Ctx, text: &str) -> Vec<String> {
    words_and_digits(ctx, text).0
}

/// [`content_words`] of a field, and its one-digit numbers not among them ("no 7 rt 04":
/// 7, 4): too short to count alone, an address's count beside its street's words.
pub(super) fn words_and_digits(ctx: &Ctx, text: &str) -> (Vec<String>, Vec<String>) {
    let mut out: Vec<String> = Vec::new();
    let mut digits: Vec<String> = Vec::new();
    for t in ctx.prof.norm.tokens(text) {
        let t = trim_zeros(&t);
        if t.len() == 1 && t.as_bytes()[0].is_ascii_digit() {
            if !digits.iter().any(|d| d == t) {
                digits.push(t.to_string());
            }
        } else if t.chars().count() >= 2 && !out.iter().any(|o| o == t) {
            let t = t.to_string();
            if !ctx.prof.stopwords.contains(&t) {
                out.push(t);
            }
        }
    }
    (out, digits)
}

/// The agent's tokens of one call, for read-backs (numbers without leading zeros),
/// grouped by first byte: read-backs keep the first letter, so a word is only
/// compared with the tokens that start like it. Repeated tokens are not merged:
/// hashing every token cost more than the few repeated comparisons it saved.
pub(super) struct AgentWords<'a> {
    /// The agent turns, in order.
    turns: Vec<usize>,
    /// (agent turn index, token) of every agent token, grouped by first byte: those
    /// starting with byte `b` are `by_first[start[b]..start[b + 1]]`, in turn order.
    by_first: Vec<(u32, &'a str)>,
    start: Vec<u32>,
    /// Spelling of each token of `by_first`, for the shortcut before `spelled_like`.
    spellings: Vec<Option<Spelling>>,
    /// [`sound_hash`] of each token of `by_first`, computed when first asked (0 until).
    sounds: Vec<Cell<u64>>,
}

impl<'a> AgentWords<'a> {
    pub(super) fn new(text: &'a CallText) -> AgentWords<'a> {
        let turns: Vec<usize> = text.turns_of(Role::Agent).collect();
        let tokens = || {
            turns.iter().enumerate().flat_map(|(k, &i)| {
                text.tokens_of(i)
                    .iter()
                    .map(move |t| (k as u32, trim_zeros(t)))
            })
        };
        // A counting sort on the first byte (tokens are never empty; an empty one
        // would start with no letter and is left out).
        let mut start = vec![0u32; 257];
        for (_, t) in tokens() {
            if let Some(&b) = t.as_bytes().first() {
                start[b as usize + 1] += 1;
            }
        }
        for b in 0..256 {
            start[b + 1] += start[b];
        }
        let mut next = start.clone();
        let mut by_first = vec![(0u32, ""); start[256] as usize];
        for (k, t) in tokens() {
            if let Some(&b) = t.as_bytes().first() {
                by_first[next[b as usize] as usize] = (k, t);
                next[b as usize] += 1;
            }
        }
        let spellings = by_first.iter().map(|&(_, t)| Spelling::of(t)).collect();
        let sounds = vec![Cell::new(0); by_first.len()];
        AgentWords {
            turns,
            by_first,
            start,
            spellings,
            sounds,
        }
    }

    /// [`sound_hash`] of the token at `at` of `by_first`.
    fn sound(&self, at: usize) -> u64 {
        let c = &self.sounds[at];
        if c.get() == 0 {
            c.set(sound_hash(self.by_first[at].1));
        }
        c.get()
    }

    /// Positions in `by_first` of the tokens starting with byte `b`.
    fn starting_with(&self, b: u8) -> std::ops::Range<usize> {
        self.start[b as usize] as usize..self.start[b as usize + 1] as usize
    }
}

/// What the read-backs of steps 4 and 6 share in one call, each built on first use:
/// the agent's words, and the content words of the prior report's problem (step 6
/// leaves them out of the unit's answer).
#[derive(Default)]
pub(super) struct Shared<'a> {
    agent: OnceCell<AgentWords<'a>>,
    problem: OnceCell<Vec<String>>,
    answer: OnceCell<Vec<String>>,
}

impl<'a> Shared<'a> {
    pub(super) fn agent(&self, ctx: &Ctx<'a>) -> &AgentWords<'a> {
        self.agent.get_or_init(|| AgentWords::new(ctx.text))
    }

    /// Content words of `problem`, the prior report's problem (the same text each call).
    pub(super) fn problem(&self, ctx: &Ctx, problem: &str) -> &[String] {
        self.problem.get_or_init(|| content_words(ctx, problem))
    }

    /// Content words of `answer`, the unit's answer on the prior report (the same text
    /// each call).
    pub(super) fn answer(&self, ctx: &Ctx, answer: &str) -> &[String] {
        self.answer.get_or_init(|| content_words(ctx, answer))
    }
}

/// How much of a report field the agent read back in one turn (or two adjacent agent
/// turns): words matched, share of the field, and the turn.
pub(super) struct ReadBack {
    pub matched: usize,
    pub share: f64,
    pub turn: Option<usize>,
}

/// How a read-back word may be heard besides its spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Heard {
    /// Only as spelled (the unit's answer, whose short words the agent says anyway).
    Spelled,
    /// Also by its sound ([`same_key`]): a name heard as a neighbouring spelling
    /// ("Tegoeh" for Teguh, "Andy" for Andi, "Pitri" for Fitri), but not one letter
    /// off ("mati" is no "Wati").
    Sound,
    /// Also by its sound, or one letter off when too short for a typo of its own
    /// ("padem", "puts"): an address or a problem, read back whole.
    Loosely,
}

/// First letters a word's sound may be written with ("f" / "p" / "v", "c" / "k" /
/// "q", "i" / "y", "dj" / "j", "tj" / "c").
fn sound_firsts(b: u8) -> Option<&'static [u8]> {
    match b {
        b'c' | b'k' | b'q' => Some(b"ckqt"),
        b'f' | b'p' | b'v' => Some(b"fpv"),
        b'i' | b'y' => Some(b"iy"),
        b'j' => Some(b"jd"),
        _ => None,
    }
}

/// A read-back word as compared beyond its spelling: its sound, and its spelling when
/// it is too short for a typo of its own (and no number).
struct Loose {
    sound: u64,
    short: Option<Spelling>,
}

/// Whether the token at `at` of `agent` says read-back word `w` at level `heard` beyond
/// its spelling; `same_first` when the token starts with `w`'s letter.
fn heard_as(
    agent: &AgentWords,
    at: usize,
    w: &str,
    l: &Loose,
    heard: Heard,
    same_first: bool,
) -> bool {
    let t = agent.by_first[at].1;
    let by_sound =
        || t.len().abs_diff(w.len()) <= 3 && agent.sound(at) == l.sound && same_key(w, t);
    let one_off = || match (l.short, agent.spellings[at]) {
        (Some(ws), Some(ts)) => same_first && ws.may_be_one_off(ts) && within(w, t, 1),
        _ => false,
    };
    match heard {
        Heard::Spelled => false,
        Heard::Sound => by_sound(),
        Heard::Loosely => one_off() || by_sound(),
    }
}

pub(super) fn read_back(agent: &AgentWords, words: &[String], fuzz: f64, heard: Heard) -> ReadBack {
    read_back_bits(agent, words, fuzz, heard).0
}

/// [`read_back`], with the words each agent turn says (the bits a wider look starts
/// from: [`read_back_wider`]).
pub(super) fn read_back_bits(
    agent: &AgentWords,
    words: &[String],
    fuzz: f64,
    heard: Heard,
) -> (ReadBack, Vec<u64>) {
    if words.is_empty() {
        let none = ReadBack {
            matched: 0,
            share: 1.0,
            turn: None,
        };
        return (none, Vec::new());
    }
    let said = said_bits(agent, words, fuzz, heard);
    (best_turn(agent, &said, words.len()), said)
}

/// Per agent turn, the words of `words` its tokens say, as a bit set of
/// `words.len().div_ceil(64)` blocks a turn.
fn said_bits(agent: &AgentWords, words: &[String], fuzz: f64, heard: Heard) -> Vec<u64> {
    let blocks = words.len().div_ceil(64);
    let mut said: Vec<u64> = vec![0; agent.turns.len() * blocks];
    for (w, word) in words.iter().enumerate() {
        let Some(&b) = word.as_bytes().first() else {
            continue;
        };
        let spelling = Spelling::of(word);
        let loose = (heard != Heard::Spelled).then(|| Loose {
            sound: sound_hash(word),
            // A word too short for a typo of its own (and no number).
            short: spelling.filter(|_| {
                heard == Heard::Loosely
                    && word.len() >= 4
                    && allowed_edits(word.len(), fuzz) == 0
                    && !word.bytes().all(|c| c.is_ascii_digit())
            }),
        });
        let own = std::slice::from_ref(&word.as_bytes()[0]);
        // A name's first sound may be written with another letter ("Pitri" for Fitri);
        // an address or a problem word keeps its first letter, as a spelling does.
        let firsts = match heard {
            Heard::Sound => sound_firsts(b).unwrap_or(own),
            _ => own,
        };
        for &first in firsts {
            for at in agent.starting_with(first) {
                let (k, t) = agent.by_first[at];
                let bit = &mut said[k as usize * blocks + w / 64];
                if *bit >> (w % 64) & 1 == 1 {
                    continue;
                }
                let may = first == b
                    && match (spelling, agent.spellings[at]) {
                        (Some(w), Some(t)) => w.may_spell(t, fuzz),
                        _ => true,
                    };
                if (may && spelled_like(word, t, fuzz))
                    || loose
                        .as_ref()
                        .is_some_and(|l| heard_as(agent, at, word, l, heard, first == b))
                {
                    *bit |= 1 << (w % 64);
                }
            }
        }
    }
    said
}

/// The agent turn (with the next one) whose bits of `said` say the most of `n` words.
fn best_turn(agent: &AgentWords, said: &[u64], n: usize) -> ReadBack {
    let blocks = n.div_ceil(64);
    let mut best = ReadBack {
        matched: 0,
        share: 0.0,
        turn: None,
    };
    for (k, &i) in agent.turns.iter().enumerate() {
        // A read-back may run over two agent turns.
        let matched: usize = (0..blocks)
            .map(|b| {
                let next = said.get((k + 1) * blocks + b).copied().unwrap_or(0);
                (said[k * blocks + b] | next).count_ones() as usize
            })
            .sum();
        if matched > best.matched {
            best = ReadBack {
                matched,
                share: matched as f64 / n as f64,
                turn: Some(i),
            };
        }
    }
    best
}

/// Whether a read-back is enough: the profile's share of the words, or its minimum
/// number of words (agents read back the distinctive part, not every RT / RW).
pub(super) fn enough(ctx: &Ctx, r: &ReadBack, min_share: f64, words: usize) -> bool {
    let min_words = ctx.prof.profile.steps.data_verification.min_words;
    r.share + 1e-9 >= min_share || r.matched >= min_words.min(words)
}

/// Whether a read-back tells the unit's answer: its share of the answer's words *and*
/// at least `min_words` of them (all of them when the answer has fewer). An answer has
/// few content words ("DATA SEDANG DIVERIFIKASI": data, diverifikasi), so one word the
/// agent says anyway ("datanya", "dihubungi" in the phone question) must not carry the
/// share alone, nor two of a long answer.
pub(super) fn answer_told(r: &ReadBack, min_share: f64, min_words: usize, words: usize) -> bool {
    r.share + 1e-9 >= min_share && r.matched >= min_words.min(words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::normalize::Normalizer;
    use crate::model::Turn;

    fn rb(matched: usize, words: usize) -> ReadBack {
        ReadBack {
            matched,
            share: matched as f64 / words as f64,
            turn: Some(0),
        }
    }

    #[test]
    fn unit_answer_needs_share_and_words() {
        // Two-word answer: one word is half of it but not enough.
        assert!(!answer_told(&rb(1, 2), 0.4, 2, 2));
        assert!(answer_told(&rb(2, 2), 0.4, 2, 2));
        // One-word answer: that word.
        assert!(answer_told(&rb(1, 1), 0.4, 2, 1));
        // Long answer: two words are not 40 % of six.
        assert!(!answer_told(&rb(2, 6), 0.4, 2, 6));
        assert!(answer_told(&rb(3, 6), 0.4, 2, 6));
    }

    /// The read-back as first written: every word against every token of every turn.
    fn plain(text: &CallText, words: &[String], fuzz: f64) -> (usize, Option<usize>) {
        let agent: Vec<usize> = text.turns_of(Role::Agent).collect();
        let says = |i: usize, w: &String| {
            text.tokens_of(i).iter().any(|t| {
                let t = trim_zeros(t);
                w.as_bytes().first() == t.as_bytes().first() && spelled_like(w, t, fuzz)
            })
        };
        let mut best = (0, None);
        for (k, &i) in agent.iter().enumerate() {
            let next = agent.get(k + 1).copied();
            let matched = words
                .iter()
                .filter(|w| says(i, w) || next.is_some_and(|j| says(j, w)))
                .count();
            if matched > best.0 {
                best = (matched, Some(i));
            }
        }
        best
    }

    #[test]
    fn agrees_with_the_plain_read_back() {
        let norm = Normalizer::new([], []);
        let turn = |role, text: &str| Turn {
            role,
            start: 0.0,
            end: 0.0,
            text: text.into(),
        };
        let turns = [
            turn(
                Role::Agent,
                "baik bapak alamatnya di jalan melati nomor 002",
            ),
            turn(Role::Caller, "iya betul jalan melati"),
            turn(Role::Agent, "rt 02 rw 5 kelurahan sukamaju ya pak"),
            turn(Role::Agent, "lampu padam sejak kemarin sore"),
            turn(Role::Agent, "baik ditunggu"),
        ];
        let text = CallText::new(&turns, &norm, None, 2);
        let agent = AgentWords::new(&text);
        let words: Vec<Vec<String>> = vec![
            vec!["melati".into(), "2".into(), "sukamaju".into()],
            vec!["lampu".into(), "padam".into(), "kemarin".into(), "x".into()],
            vec!["melaty".into(), "sukamaj".into(), "rw".into(), "5".into()],
            (0..70)
                .map(|k| format!("kata{k}"))
                .chain(["padam".into()])
                .collect(),
            vec![],
        ];
        for w in &words {
            let r = read_back(&agent, w, 0.8, Heard::Spelled);
            if w.is_empty() {
                assert_eq!((r.matched, r.turn), (0, None));
                continue;
            }
            assert_eq!((r.matched, r.turn), plain(&text, w, 0.8), "{w:?}");
        }
    }
}
