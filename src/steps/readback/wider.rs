//! A second, wider look at a report field the read-back missed: words said with an
//! inflectional suffix ("meteran" for the report's "meter"), glued to a neighbour
//! ("mcbsering", "keluhannyamcb", "turunya", a name "okipratama"), and an address's
//! one-digit numbers ("nomor 7 rt 4") beside its street.
//!
//! Cost: every agent token against every word of the field, so it runs only for a
//! field the first pass found not read back (a few calls in ten); the string tests
//! come before any hash lookup.

use super::{said_bits, AgentWords, Heard, ReadBack};
use crate::matching::lang::{PARTICLES, SUFFIXES};
use crate::matching::word::spelled_like;

/// What a wider read-back may take a piece of a token for besides the field's words.
pub(in crate::steps) struct Glue<'a> {
    /// Short words the recogniser glues to a neighbour (the profile's `glued_words`).
    pub words: &'a [String],
    /// Whether the piece is a word of the language (the embedded word list).
    pub known: &'a dyn Fn(&str) -> bool,
    /// Turns where another field was read back as said: the wider look takes a
    /// read-back only there (the turn before, the same, or the next agent turn).
    pub near: &'a [usize],
    /// Content words of the unit's answer: in a turn that says two of them, a token
    /// saying one tells the status ("tagihannya sudah dikoreksi"), it reads nothing
    /// back.
    pub told: &'a [String],
}

/// [`super::read_back`] of `words` and `beside`, also taking a token that holds a word
/// glued to another ([`says_glued`]), in the turns next to `glue.near` only. A word of
/// `beside` (an address's one-digit numbers) counts only in turns that say a word of
/// `words` too.
pub(in crate::steps) fn read_back_wider(
    agent: &AgentWords,
    words: &[String],
    first: &[u64],
    beside: &[String],
    fuzz: f64,
    heard: Heard,
    glue: &Glue,
) -> ReadBack {
    let mut best = ReadBack {
        matched: 0,
        share: if words.is_empty() { 1.0 } else { 0.0 },
        turn: None,
    };
    let blocks = words.len().div_ceil(64);
    if words.is_empty() || first.len() != agent.turns.len() * blocks {
        return best;
    }
    let mut said = first.to_vec();
    // Turns a read-back near an anchor may use: its pair starts within one turn of it.
    let near: Vec<usize> = glue
        .near
        .iter()
        .filter_map(|t| agent.turns.binary_search(t).ok())
        .collect();
    let usable: Vec<bool> = (0..agent.turns.len())
        .map(|k| near.iter().any(|&a| k + 1 >= a && k <= a + 2))
        .collect();
    // Per agent turn, the words of the unit's answer it says (a bit each, the first
    // 64); compared with the tokens sharing their first letter, as read-backs are.
    let mut told = vec![0u64; agent.turns.len()];
    for (i, a) in glue.told.iter().enumerate().take(64) {
        let Some(&b) = a.as_bytes().first() else {
            continue;
        };
        for at in agent.starting_with(b) {
            let (k, t) = agent.by_first[at];
            if spelled_like(a, t, fuzz) {
                told[k as usize] |= 1 << i;
            }
        }
    }
    let two = 2.min(glue.told.len().min(64) as u32);
    let answer = |t: &str| glue.told.iter().take(64).any(|a| spelled_like(a, t, fuzz));
    for &(k, t) in &agent.by_first {
        let k = k as usize;
        if !usable[k] {
            continue;
        }
        // A token of a turn telling the unit's answer that says one of its words.
        let status = told[k] != 0 && told[k].count_ones() >= two;
        for (w, word) in words.iter().enumerate() {
            let bit = &mut said[k * blocks + w / 64];
            if *bit >> (w % 64) & 1 == 0
                && says_glued(t, word, words, fuzz, heard, glue)
                && !(status && answer(t))
            {
                *bit |= 1 << (w % 64);
            }
        }
    }
    let side = if beside.is_empty() {
        Vec::new()
    } else {
        said_bits(agent, beside, fuzz, heard)
    };
    let side_blocks = beside.len().div_ceil(64);
    let bit = |v: &[u64], n: usize, k: usize, w: usize| {
        v.get(k * n + w / 64)
            .is_some_and(|b| b >> (w % 64) & 1 == 1)
    };
    // A read-back runs over a turn and the next one; the numbers of `beside` count
    // only where a word of `words` is said too.
    for (k, &i) in agent.turns.iter().enumerate() {
        if !near.iter().any(|&a| a.abs_diff(k) <= 1) {
            continue;
        }
        let pair = |v: &[u64], n: usize, w: usize| bit(v, n, k, w) || bit(v, n, k + 1, w);
        let named = (0..words.len()).filter(|&w| pair(&said, blocks, w)).count();
        if named == 0 {
            continue;
        }
        let matched = named
            + (0..beside.len())
                .filter(|&w| pair(&side, side_blocks, w))
                .count();
        if matched > best.matched {
            best = ReadBack {
                matched,
                share: matched as f64 / (words.len() + beside.len()) as f64,
                turn: Some(i),
            };
        }
    }
    best
}

/// Whether token `t` says `word` with a suffix or glued to a neighbour: `word` then an
/// inflectional suffix (a particle after it) or a glued word; `word` glued to another
/// word of the field; or (not for a name, whose start may begin any word: "budidaya")
/// `word` beside a word of the language ("keluhannyamcb").
fn says_glued(t: &str, word: &str, field: &[String], fuzz: f64, heard: Heard, glue: &Glue) -> bool {
    if word.len() < 3 || t.len() <= word.len() || word.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let other = |piece: &str| {
        piece.len() >= 2
            && field
                .iter()
                .any(|f| f != word && spelled_like(f, piece, fuzz))
            || glue.words.iter().any(|g| g == piece)
    };
    let name = heard == Heard::Sound;
    if let Some(rest) = t.strip_prefix(word) {
        let unparticled = PARTICLES
            .iter()
            .find_map(|p| rest.strip_suffix(p))
            .unwrap_or(rest);
        if other(rest)
            || !name && word.len() >= 4 && SUFFIXES.contains(&unparticled)
            || !name && rest.len() >= 3 && (glue.known)(rest)
        {
            return true;
        }
    }
    if let Some(head) = t.strip_suffix(word) {
        let unparticled = PARTICLES
            .iter()
            .find_map(|p| head.strip_suffix(p))
            .unwrap_or(head);
        if other(head) || !name && head.len() >= 3 && (glue.known)(unparticled) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glue(known: &[&str]) -> (Vec<String>, Vec<String>) {
        (
            ["ya", "ini", "di"].iter().map(|s| s.to_string()).collect(),
            known.iter().map(|s| s.to_string()).collect(),
        )
    }

    /// Table: (token, word, field, heard, says).
    #[test]
    fn glued_and_suffixed_words() {
        let (words, known) = glue(&["keluhan", "rumah", "daya"]);
        let known = |w: &str| known.iter().any(|k| k == w);
        let g = Glue {
            words: &words,
            known: &known,
            near: &[],
            told: &[],
        };
        let f = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let problem = f(&["kwh", "meter", "bunyi"]);
        let name = f(&["sari", "lestari"]);
        for (t, w, field, heard, want) in [
            // An inflectional suffix, a particle after it.
            ("meteran", "meter", &problem, Heard::Loosely, true),
            ("meterannya", "meter", &problem, Heard::Loosely, true),
            // Glued to another word of the field, to a glued word, to a known word.
            ("kwhmeter", "kwh", &problem, Heard::Loosely, true),
            ("kwhmeter", "meter", &problem, Heard::Loosely, true),
            ("bunyiya", "bunyi", &problem, Heard::Loosely, true),
            ("keluhannyakwh", "kwh", &problem, Heard::Loosely, true),
            ("sarilestari", "lestari", &name, Heard::Sound, true),
            ("lestariya", "lestari", &name, Heard::Sound, true),
            // Near misses: another word starting like the field's; a name's start
            // before a word of the language; a piece that is no word.
            ("meterai", "meter", &problem, Heard::Loosely, false),
            ("saridaya", "sari", &name, Heard::Sound, false),
            ("kwhxyz", "kwh", &problem, Heard::Loosely, false),
            ("sariman", "sari", &name, Heard::Sound, false),
        ] {
            assert_eq!(says_glued(t, w, field, 0.8, heard, &g), want, "{t} / {w}");
        }
    }
}
