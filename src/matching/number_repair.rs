//! Number words the ASR garbled, repaired from their neighbours before they are read.
//!
//! A report number or "PLN seratus dua puluh tiga" is a run of number words, and the
//! ASR garbles short words of it as it garbles any short word ("dua puluh tia", "satu
//! dua tga", "sratus", "pulhu", "delaan"). The words around it anchor the reading: a
//! token within one edit of a number word of four letters or more, next to a number
//! word, is read as that word; a "ya" between two number words is a hesitation and is
//! dropped. Real words one edit from a number word ("juga", "tempat", "rabu") are never
//! read as numbers.

use super::edit::within;
use super::number_words::{near, number_word, WORDS};

/// Number words a garbled token may stand for: those of four letters and more
/// (three-letter ones are too short to tell from other words with an edit: "dia" /
/// "dua"), in the order they are tried; with, per letter, the bit set of the targets
/// starting with it and of those ending with it.
struct Targets {
    words: [&'static str; WORDS.len()],
    first: [u32; 26],
    last: [u32; 26],
}

const TARGETS: Targets = {
    let mut t = Targets {
        words: [""; WORDS.len()],
        first: [0; 26],
        last: [0; 26],
    };
    let (mut i, mut n) = (0, 0);
    while i < WORDS.len() {
        let w = WORDS[i].0.as_bytes();
        if w.len() >= 4 {
            t.words[n] = WORDS[i].0;
            t.first[(w[0] - b'a') as usize] |= 1 << n;
            t.last[(w[w.len() - 1] - b'a') as usize] |= 1 << n;
            n += 1;
        }
        i += 1;
    }
    t
};

/// Words one edit from a number word that are words in their own right.
/// "ibu" after a number is the honorific ("... seratus dua puluh tiga, bu"), not "ribu".
const REAL_WORDS: [&str; 23] = [
    "juga", "jua", "tempat", "empati", "lama", "lina", "tiba", "kelas", "balas", "beras", "ribut",
    "rabu", "pulih", "ratu", "situ", "sate", "enak", "tuju", "rata", "sapu", "peluh", "satuan",
    "ibu",
];

fn is_number_word(t: &str) -> bool {
    number_word(t).is_some()
}

/// The number word a garbled token stands for, whatever its neighbours.
fn candidate(t: &str) -> Option<&'static str> {
    let n = t.len();
    if !(3..=9).contains(&n) || !t.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if is_number_word(t) || REAL_WORDS.contains(&t) {
        return None;
    }
    // One edit of a word of three letters or more keeps its first or its last letter
    // (`near` wants one of them): only the targets sharing one are tried, in order.
    // `near` (a prefix and suffix compare) is necessary for one edit too: it spares the
    // edit-distance test on nearly every token of a turn with numbers.
    let b = t.as_bytes();
    let mut tried =
        TARGETS.first[usize::from(b[0] - b'a')] | TARGETS.last[usize::from(b[n - 1] - b'a')];
    while tried != 0 {
        let w = TARGETS.words[tried.trailing_zeros() as usize];
        tried &= tried - 1;
        if w.len().abs_diff(n) <= 1 && near(t, w) && within(t, w, 1) {
            return Some(w);
        }
    }
    None
}

/// Whether `t` is one edit from a real word of [`REAL_WORDS`] too, so that one number
/// word beside it does not tell which of the two it is.
fn ambiguous(t: &str) -> bool {
    REAL_WORDS
        .iter()
        .any(|r| r.len().abs_diff(t.len()) <= 1 && near(t, r) && within(t, r, 1))
}

/// Whether `t` is `w` with a letter dropped, added or two letters swapped (as
/// multisets, the letters of one hold the other's).
fn keeps_letters(t: &str, w: &str) -> bool {
    let sorted = |s: &str| {
        let mut b = s.as_bytes().to_vec();
        b.sort_unstable();
        b
    };
    let (a, b) = (sorted(t), sorted(w));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    // `short` is a sub-multiset of `long`.
    let mut k = 0;
    for &c in long.iter() {
        if k < short.len() && short[k] == c {
            k += 1;
        }
    }
    k == short.len()
}

/// The tokens with garbled number words next to number words repaired, and "ya"
/// between two number words dropped; `None` when nothing changes (the common case).
pub fn repair<'a>(tokens: &[&'a str]) -> Option<Vec<&'a str>> {
    // Per token: a number word, a candidate, or neither.
    let strict: Vec<bool> = tokens.iter().map(|t| is_number_word(t)).collect();
    if !strict.iter().any(|&s| s) {
        return None;
    }
    let cand: Vec<Option<&'static str>> = tokens
        .iter()
        .zip(&strict)
        .map(|(t, &s)| if s { None } else { candidate(t) })
        .collect();
    // "kali" ("3 kali 24") sits inside a number for the neighbours' sake.
    let numberish = |i: usize| strict[i] || cand[i].is_some() || tokens[i] == "kali";
    let mut out: Vec<&'a str> = Vec::with_capacity(tokens.len());
    let mut changed = false;
    for (i, &t) in tokens.iter().enumerate() {
        let left = i > 0 && numberish(i - 1);
        let right = i + 1 < tokens.len() && numberish(i + 1);
        // The run of number-ish tokens around `i` must hold a real number word.
        let anchored = || {
            let mut lo = i;
            while lo > 0 && numberish(lo - 1) {
                lo -= 1;
            }
            let mut hi = i;
            while hi + 1 < tokens.len() && numberish(hi + 1) {
                hi += 1;
            }
            strict[lo..=hi].iter().any(|&s| s)
        };
        // With number words on one side only, a garbled word must keep its letters
        // (a letter dropped, doubled or swapped): "tia", "tgia" are "tiga", a name
        // after a number ("tiga Tika") is not.
        // A token as close to a real word needs a number word before it.
        let fits = |w: &str| (left && right) || (keeps_letters(t, w) && (left || !ambiguous(t)));
        if let Some(w) = cand[i].filter(|w| (left || right) && fits(w) && anchored()) {
            out.push(w);
            changed = true;
        } else if t == "ya" && left && right && anchored() {
            changed = true;
        } else {
            out.push(t);
        }
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::number_words::words_where;
    use proptest::prelude::*;

    /// [`candidate`] as first written: every target in order.
    fn candidate_oracle(t: &str) -> Option<&'static str> {
        let n = t.len();
        if !(3..=9).contains(&n) || !t.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        if is_number_word(t) || REAL_WORDS.contains(&t) {
            return None;
        }
        words_where(4, |_| true).find(|w| w.len().abs_diff(n) <= 1 && within(t, w, 1))
    }

    proptest! {
        #[test]
        fn candidate_is_the_oracles(
            w in 0..WORDS.len(),
            at in 0usize..9,
            cut in 0usize..3,
            put in "[a-z]{0,2}",
            other in "[a-z]{0,10}|\\PC{0,4}",
        ) {
            let base = WORDS[w].0;
            let at = at.min(base.len());
            let end = (at + cut).min(base.len());
            let t = format!("{}{put}{}", &base[..at], &base[end..]);
            prop_assert_eq!(candidate(&t), candidate_oracle(&t), "{}", t);
            prop_assert_eq!(candidate(&other), candidate_oracle(&other), "{}", other);
        }
    }

    fn fix(s: &str) -> String {
        let t: Vec<&str> = s.split_whitespace().collect();
        repair(&t).map_or_else(|| s.to_string(), |v| v.join(" "))
    }

    #[test]
    fn garbled_number_words_next_to_numbers() {
        for (said, want) in [
            ("pln seratus dua puluh tia", "pln seratus dua puluh tiga"),
            ("pln satu dua tgia halo", "pln satu dua tiga halo"),
            ("pln serratus dua", "pln seratus dua"),
            ("dua pulhu tiga", "dua puluh tiga"),
            ("nol empta delapn enam", "nol empat delapan enam"),
            ("lima puluh ya tiga", "lima puluh tiga"),
            ("tujjuh satu", "tujuh satu"),
            // Between two number words any one edit is a number word.
            ("satu tika dua", "satu tiga dua"),
            ("tga kali dua puluh empat", "tiga kali dua puluh empat"),
            // Inside a number, a token as close to a real word is still a number word.
            ("satu lma dua", "satu lima dua"),
        ] {
            assert_eq!(fix(said), want, "{said}");
        }
    }

    #[test]
    fn words_that_stay_words() {
        for said in [
            // No number word next to it.
            "saya tia ke sana",
            "pln tgia",
            // Real words one edit from a number word.
            "ada dua juga",
            "dua tempat",
            "hari rabu dua",
            "kelas dua",
            // A name after a number is one letter off a number word, not garbled.
            "pln satu dua tiga tika di sini",
            "nomor dua lina",
            // Three-letter number words are never a target.
            "lantai dua dia bilang",
            // "ya" at the end of a number is the agent asking.
            "dua puluh ya",
            // One edit from a real word too ("lama"), before a number: a word.
            "paling lma tiga kali dua puluh empat jam",
            "berapa lma dua hari",
        ] {
            assert_eq!(fix(said), said, "{said}");
        }
    }
}
