//! The Indonesian word lists of the matcher, one copy each: the particles glued to a
//! word, the inflectional affixes and the number words. Every fast table the matcher
//! uses (packed integers, letter masks) is derived from these lists at compile time,
//! so a word added here reaches every reader.

/// Particles Indonesian glues to a word without changing what it says (`laporannya`,
/// `bisakah`). No particle ends another, so a word carries at most one of them and the
/// order of the list never matters.
pub const PARTICLES: [&str; 6] = ["nya", "kah", "lah", "pun", "ku", "mu"];

/// Inflectional suffixes stripped after the particles (`laporkan`, `laporan`).
pub const SUFFIXES: [&str; 4] = ["kan", "an", "i", "in"];

/// Prefixes and the letters a nasal prefix may have swallowed (0 = none):
/// `menindaklanjuti` is `tindaklanjuti`, `menyampaikan` is `sampaikan`.
pub const PREFIXES: [(&str, &[u8]); 15] = [
    ("di", &[0]),
    ("ke", &[0]),
    ("ter", &[0]),
    ("ber", &[0]),
    ("be", &[0]),
    ("per", &[0]),
    ("me", &[0]),
    ("mem", &[0, b'p']),
    ("men", &[0, b't']),
    ("meng", &[0, b'k']),
    ("meny", b"s"),
    ("pe", &[0]),
    ("pem", &[0, b'p']),
    ("pen", &[0, b't']),
    ("peng", &[0, b'k']),
];

/// Prefixes that with a suffix derive a new word rather than inflect one.
/// ("se-" is not stripped at all: "sebelumnya" is not "belum", "seorang" not "orang".)
pub const DERIVATIONAL: [&str; 6] = ["ke", "per", "pe", "pem", "pen", "peng"];

/// What a number word says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    /// A digit, read alone or as the digit of a compound.
    Digit(u64),
    /// A multiplier word and the magnitude it sets (10 for puluh and belas, 100 for
    /// ratus, ...).
    Multiplier(u64),
}

/// Every number word, digits first (in value order, `kosong` after them), then the
/// multipliers.
pub const NUMBER_WORDS: [(&str, Number); 20] = [
    ("nol", Number::Digit(0)),
    ("satu", Number::Digit(1)),
    ("dua", Number::Digit(2)),
    ("tiga", Number::Digit(3)),
    ("empat", Number::Digit(4)),
    ("lima", Number::Digit(5)),
    ("enam", Number::Digit(6)),
    ("tujuh", Number::Digit(7)),
    ("delapan", Number::Digit(8)),
    ("sembilan", Number::Digit(9)),
    ("kosong", Number::Digit(0)),
    ("puluh", Number::Multiplier(10)),
    ("belas", Number::Multiplier(10)),
    ("ratus", Number::Multiplier(100)),
    ("ribu", Number::Multiplier(1000)),
    ("juta", Number::Multiplier(1_000_000)),
    ("sepuluh", Number::Multiplier(10)),
    ("sebelas", Number::Multiplier(10)),
    ("seratus", Number::Multiplier(100)),
    ("seribu", Number::Multiplier(1000)),
];

/// What number word `w` says, if it is one.
pub fn number(w: &str) -> Option<Number> {
    NUMBER_WORDS
        .iter()
        .find(|(word, _)| *word == w)
        .map(|&(_, n)| n)
}
