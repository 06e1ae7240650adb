//! The Indonesian number words, once: each word with what it does when a number is
//! read. The reader ([`super::numbers`]), the repair of garbled number words
//! ([`super::number_repair`]) and every quick table derive from [`WORDS`].

use Num::{Digit, Teen, Times, Whole};

/// What a number word contributes to the number being read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Num {
    /// A digit word (nol / kosong 0 … sembilan 9).
    Digit(u64),
    /// Multiplies the digit said before it (puluh 10, ratus 100) or, from a thousand up,
    /// the number so far (ribu, juta).
    Times(u64),
    /// "belas": ten plus the digit said before it.
    Teen,
    /// A whole number by itself (sepuluh 10, sebelas 11, seratus 100, seribu 1000), and
    /// the magnitude it fills.
    Whole(u64, u64),
}

impl Num {
    /// The magnitude the word sets (10 for puluh / belas, 100 for ratus, …; 1 for a digit).
    pub(super) fn magnitude(self) -> u64 {
        match self {
            Digit(_) => 1,
            Times(m) | Whole(_, m) => m,
            Teen => 10,
        }
    }

    /// Whether the word also fills the units ("belas", "sebelas"): a digit after it
    /// starts the next number.
    pub(super) fn fills_units(self) -> bool {
        match self {
            Teen => true,
            Whole(v, m) => v % m != 0,
            _ => false,
        }
    }
}

/// Every number word. The order is the order garbled words are tried in (the first
/// word within one edit wins).
pub(super) const WORDS: [(&str, Num); 20] = [
    ("nol", Digit(0)),
    ("dua", Digit(2)),
    ("satu", Digit(1)),
    ("tiga", Digit(3)),
    ("empat", Digit(4)),
    ("lima", Digit(5)),
    ("enam", Digit(6)),
    ("tujuh", Digit(7)),
    ("delapan", Digit(8)),
    ("sembilan", Digit(9)),
    ("kosong", Digit(0)),
    ("puluh", Times(10)),
    ("belas", Teen),
    ("ratus", Times(100)),
    ("ribu", Times(1000)),
    ("juta", Times(1_000_000)),
    ("sepuluh", Whole(10, 10)),
    ("sebelas", Whole(11, 10)),
    ("seratus", Whole(100, 100)),
    ("seribu", Whole(1000, 1000)),
];

/// What `w` is, if it is a number word as written.
pub(super) fn number_word(w: &str) -> Option<Num> {
    WORDS.iter().find(|(x, _)| *x == w).map(|&(_, n)| n)
}

/// The number words of at least `len` bytes that satisfy `kind`, in [`WORDS`] order.
pub(super) fn words_where(len: usize, kind: fn(Num) -> bool) -> impl Iterator<Item = &'static str> {
    WORDS
        .iter()
        .filter(move |&&(w, n)| w.len() >= len && kind(n))
        .map(|&(w, _)| w)
}

/// A word of at most 8 bytes as one integer, for matching number words by length and
/// then one integer compare.
pub(super) const fn pack(w: &[u8]) -> u64 {
    let mut v = 0u64;
    let mut i = 0;
    while i < w.len() {
        v = v << 8 | w[i] as u64;
        i += 1;
    }
    v
}

/// Longest number word, in bytes.
const MAX_LEN: usize = 8;
/// Most number words of one length.
const MAX_PER_LEN: usize = 8;

/// [`WORDS`] packed ([`pack`]) and grouped by length, with the count of each length.
const BY_LEN: ([[u64; MAX_PER_LEN]; MAX_LEN + 1], [usize; MAX_LEN + 1]) = {
    let mut packed = [[0u64; MAX_PER_LEN]; MAX_LEN + 1];
    let mut count = [0usize; MAX_LEN + 1];
    let mut i = 0;
    while i < WORDS.len() {
        let w = WORDS[i].0.as_bytes();
        assert!(w.len() <= MAX_LEN && count[w.len()] < MAX_PER_LEN);
        packed[w.len()][count[w.len()]] = pack(w);
        count[w.len()] += 1;
        i += 1;
    }
    (packed, count)
};

/// Whether `b` is a number word as written, in a few integer compares.
pub(super) fn exact(b: &[u8]) -> bool {
    b.len() <= MAX_LEN && {
        let v = pack(b);
        BY_LEN.0[b.len()][..BY_LEN.1[b.len()]].contains(&v)
    }
}

/// Per first letter, the last letters of the number words starting with it (a bit per
/// letter).
pub(super) const ENDS: [u32; 26] = {
    let mut ends = [0u32; 26];
    let mut i = 0;
    while i < WORDS.len() {
        let w = WORDS[i].0.as_bytes();
        ends[(w[0] - b'a') as usize] |= 1 << (w[w.len() - 1] - b'a');
        i += 1;
    }
    ends
};

/// Whether `w` may be within one edit of `word`: one edit (insert, delete, substitute
/// or swap two neighbours) leaves a common prefix and suffix covering all but at most
/// two bytes of the longer word. A few compares that rule most words out before the
/// edit-distance test. (Not a filter for non-ASCII `w`, whose edits count chars.)
pub(super) fn near(w: &str, word: &str) -> bool {
    let (a, b) = (w.as_bytes(), word.as_bytes());
    if !w.is_ascii() {
        return true;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    prefix + suffix + 2 >= a.len().max(b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_tables_hold_every_word_and_nothing_else() {
        for (w, n) in WORDS {
            assert!(exact(w.as_bytes()), "{w}");
            assert_eq!(number_word(w), Some(n));
            let (f, l) = (w.as_bytes()[0], w.as_bytes()[w.len() - 1]);
            assert!(ENDS[usize::from(f - b'a')] & 1 << (l - b'a') != 0, "{w}");
        }
        for w in [
            "",
            "x",
            "du",
            "duaa",
            "tiga ",
            "seratu",
            "sembilann",
            "lama",
            "juga",
        ] {
            assert!(!exact(w.as_bytes()), "{w}");
            assert_eq!(number_word(w), None, "{w}");
        }
    }

    #[test]
    fn kinds() {
        let n = |w| number_word(w).unwrap();
        let cases = [
            ("satu", 1, false),
            ("puluh", 10, false),
            ("belas", 10, true),
            ("sebelas", 10, true),
            ("sepuluh", 10, false),
            ("seratus", 100, false),
            ("ribu", 1000, false),
            ("juta", 1_000_000, false),
        ];
        for (w, magnitude, fills) in cases {
            assert_eq!(
                (n(w).magnitude(), n(w).fills_units()),
                (magnitude, fills),
                "{w}"
            );
        }
        let long: Vec<_> = words_where(7, |n| matches!(n, Digit(_))).collect();
        assert_eq!(long, ["delapan", "sembilan"]);
    }
}
