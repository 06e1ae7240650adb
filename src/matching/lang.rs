//! The Indonesian affix lists of the matcher, one copy each: the particles glued to a
//! word and the inflectional suffixes and prefixes. The stemmer, the word comparison
//! and the lexicon all read them from here. (The number words still live in
//! `numbers.rs` and `number_repair.rs`.)

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
