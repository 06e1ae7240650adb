//! The loose level of word comparison: what a token may say when the rest of a phrase
//! anchors it.
//!
//! [`super::word_eq`] gives a word a typo budget by its own length, so a short word gets
//! none ("malam" / "malm", "bantu" / "batnu", "maaf" / "maaaf"). A phrase match may take
//! one word at this level when another of its required words is said strictly: a
//! word of three letters or more within one edit more than its own budget, a word with
//! the same Indonesian-aware sound key (names heard as a neighbouring spelling:
//! Rahmat / Rahmad, Yusuf / Yusup), or a word the profile's confusion table says the
//! recogniser hears as the token.

use super::allowed_edits;
use crate::matching::edit::within;
use crate::matching::lang::PARTICLES as SUFFIXES;

/// Sound key of an ASCII word: the spellings Indonesian writes one sound with fold
/// together (dj/j, tj/c, oe/u, c/k/q, f/p/v, y/i, z/s), doubled letters count once and a
/// final d is a t. Non-ASCII words are their own key.
pub fn sound_key(w: &str) -> String {
    if !w.is_ascii() {
        return w.to_string();
    }
    let mut out = vec![0u8; w.len()];
    let n = key_into(w.as_bytes(), &mut out);
    out.truncate(n);
    String::from_utf8(out).expect("ASCII")
}

/// Writes the [`sound_key`] of ASCII bytes `b` into `out` (at least `b.len()` long: a
/// key is never longer than its word) and returns its length.
fn key_into(b: &[u8], out: &mut [u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        let (c, step) = match (b[i], b.get(i + 1)) {
            (b'd', Some(b'j')) => (b'j', 2),
            (b't', Some(b'j')) => (b'k', 2),
            (b'o', Some(b'e')) => (b'u', 2),
            (b'c' | b'q', _) => (b'k', 1),
            (b'f' | b'v', _) => (b'p', 1),
            (b'y', _) => (b'i', 1),
            (b'z', _) => (b's', 1),
            (c, _) => (c, 1),
        };
        if n == 0 || out[n - 1] != c {
            out[n] = c;
            n += 1;
        }
        i += step;
    }
    if n > 0 && out[n - 1] == b'd' {
        out[n - 1] = b't';
    }
    n
}

/// Longest ASCII word whose sound key is built on the stack.
const KEY_MAX: usize = 48;

/// A hash of the [`sound_key`] of `w`, never 0: equal keys give equal hashes, so
/// unequal hashes rule a [`same_key`] out without comparing keys.
pub fn sound_hash(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |b: &[u8]| {
        for &c in b {
            h = (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    if w.is_ascii() && w.len() <= KEY_MAX {
        let mut x = [0u8; KEY_MAX];
        let n = key_into(w.as_bytes(), &mut x);
        mix(&x[..n]);
    } else {
        mix(sound_key(w).as_bytes());
    }
    h | 1
}

/// Whether `a` and `b` have the same [`sound_key`], without allocating for ASCII words
/// of up to [`KEY_MAX`] bytes.
pub fn same_key(a: &str, b: &str) -> bool {
    if !(a.is_ascii() && b.is_ascii() && a.len() <= KEY_MAX && b.len() <= KEY_MAX) {
        return sound_key(a) == sound_key(b);
    }
    let (mut ka, mut kb) = ([0u8; KEY_MAX], [0u8; KEY_MAX]);
    let na = key_into(a.as_bytes(), &mut ka);
    let nb = key_into(b.as_bytes(), &mut kb);
    ka[..na] == kb[..nb]
}

/// A number heard one digit off ("42" or "224" for "24"), numbers of two digits or
/// more; never a word for a number.
pub fn loose_number(w: &str, t: &str) -> bool {
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    numeric(w)
        && numeric(t)
        && w != t
        && w.len() >= 2
        && t.len() >= 2
        && w.len().abs_diff(t.len()) <= 1
        && within(w, t, 1)
}

/// The sound of a word's first letter, as [`sound_key`] folds it (c/q/k, f/v/p, y/i,
/// tj): two words of the same key mostly share it, so it is tested first.
fn first_sound(s: &str) -> u8 {
    match s.as_bytes().first() {
        Some(b'c' | b'q' | b'k') => b'k',
        Some(b'f' | b'v' | b'p') => b'p',
        Some(b'y' | b'i') => b'i',
        Some(b'z' | b's') => b's',
        Some(b't') if s.as_bytes().get(1) == Some(&b'j') => b'k',
        Some(&c) => c,
        None => 0,
    }
}

/// Whether two words have the same [`sound_key`], after a cheap test of their first
/// letters' sound (most pairs differ there).
fn same_sound(a: &str, b: &str) -> bool {
    first_sound(a) == first_sound(b) && same_key(a, b)
}

/// Whether three-letter `t` is `w` with one sound heard as its neighbour, the
/// recogniser's commonest slip in a word too short for a typo: a vowel e/i or o/u
/// ("ine", "ino" for "ini"), or a nasal m/n ("imi"). Not any letter: "apa" is not "ada".
fn heard_as_neighbour(w: &str, t: &str) -> bool {
    let pair = |a: u8, b: u8| {
        matches!(
            (a.min(b), a.max(b)),
            (b'e', b'i') | (b'o', b'u') | (b'm', b'n')
        )
    };
    let (w, t) = (w.as_bytes(), t.as_bytes());
    w.len() == t.len() && {
        let mut diff = w.iter().zip(t).filter(|(a, b)| a != b);
        matches!((diff.next(), diff.next()), (Some((&a, &b)), None) if pair(a, b))
    }
}

fn len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// `f` of `w` with "nya" appended, built on the stack for a short word.
fn with_nya<T>(w: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; KEY_MAX + 3];
    if w.len() > KEY_MAX {
        return f(&format!("{w}nya"));
    }
    buf[..w.len()].copy_from_slice(w.as_bytes());
    buf[w.len()..w.len() + 3].copy_from_slice(b"nya");
    // A str followed by ASCII is UTF-8.
    f(std::str::from_utf8(&buf[..w.len() + 3]).expect("UTF-8"))
}

/// `f` of ASCII `w` with its doubled last letter read once ("bantoo" → "banto"): a
/// vowel held long at the end of a word; false for a word that does not end so.
fn undoubled(w: &str, f: impl FnOnce(&str) -> bool) -> bool {
    let b = w.as_bytes();
    let n = b.len();
    w.is_ascii() && n >= 3 && b[n - 1] == b[n - 2] && b[n - 2] != b[n - 3] && f(&w[..n - 1])
}

/// What [`loose_eq`] needs to know of a word or token to rule a pair out without
/// comparing them ([`LooseHead::may_say`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LooseHead {
    len: usize,
    first: Option<u8>,
    sound: u8,
    /// A word that may take one edit or a neighbouring sound at the loose level: three
    /// letters, or more but without a typo budget of its own.
    short: bool,
    numeric: bool,
    letters: u32,
}

impl LooseHead {
    pub fn of(w: &str, fuzz: f64) -> LooseHead {
        let n = len(w);
        LooseHead {
            len: n,
            first: w.as_bytes().first().copied(),
            sound: first_sound(w),
            short: n == 3 || (n > 3 && allowed_edits(n, fuzz) == 0),
            numeric: !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()),
            letters: crate::matching::edit::letters(w.as_bytes()),
        }
    }

    /// `false` only when [`loose_eq`]`(w, t, fuzz)` is false (`self` is `w`, both heads
    /// taken with `fuzz`). Every way of `loose_eq` compares `w` with `t` or with `t` less
    /// a particle (a prefix of `t` of three letters or more, so of the same first letter
    /// and first sound): the same word or a typo under "-nya" share the first letter, the
    /// same sound key the first sound; what is left, one edit of a word without a budget
    /// of its own or a three-letter word heard as its neighbour, needs a short word and
    /// brings in at most one letter `t` lacks.
    pub fn may_say(self, t: LooseHead) -> bool {
        let lacking = self.letters & !t.letters;
        self.numeric
            || t.numeric
            || self.first == t.first
            || self.sound == t.sound
            // At most one letter lacking.
            || (self.short && lacking & lacking.wrapping_sub(1) == 0)
    }
}

/// A token prepared for [`loose_eq`] against many words: its head and the sound keys
/// of it and of it less each particle, so that [`LooseToken::admits`] rules out nearly
/// every word that does not say it, computing no key per word.
#[derive(Debug, Clone)]
pub struct LooseToken<'t> {
    t: &'t str,
    head: LooseHead,
    /// Length, letter set and sound key of the token and of it less each particle,
    /// those of three letters or more: what `loose_eq` compares a word with.
    bases: Vec<(usize, u32, String)>,
}

impl<'t> LooseToken<'t> {
    pub fn new(t: &'t str, fuzz: f64) -> LooseToken<'t> {
        let bases = std::iter::once(t)
            .chain(SUFFIXES.iter().filter_map(|p| t.strip_suffix(p)))
            .map(|x| (len(x), x))
            .filter(|&(n, _)| n >= 3)
            .map(|(n, x)| {
                (
                    n,
                    crate::matching::edit::letters(x.as_bytes()),
                    sound_key(x),
                )
            })
            .collect();
        LooseToken {
            t,
            head: LooseHead::of(t, fuzz),
            bases,
        }
    }

    pub fn head(&self) -> LooseHead {
        self.head
    }

    /// `false` only when [`loose_eq`]`(w, t, fuzz)` is false, `head` and `key` being
    /// `w`'s [`LooseHead`] (with the token's fuzz) and [`sound_key`]. The ways of
    /// `loose_eq` (see [`LooseHead::may_say`]), each by what it needs: the same word is a
    /// prefix of the token; one edit or a neighbouring sound a short word of a length
    /// within one of a base's (a neighbouring sound changes one byte of a word of the
    /// base's bytes, so at most one char) and a letter set at most two letters off the
    /// base's (one edit takes out one letter and brings in one); a typo under "-nya" the
    /// same first letter and a length three more, give or take one; the same sound a
    /// base's key.
    pub fn admits(&self, w: &str, head: LooseHead, key: &str) -> bool {
        let t = self.head;
        head.numeric
            || t.numeric
            || (head.short
                && self.bases.iter().any(|&(n, l, _)| {
                    n.abs_diff(head.len) <= 1
                        && crate::matching::edit::at_most_bits(l ^ head.letters, 2)
                }))
            || (head.first == t.first && t.len.abs_diff(head.len + 3) <= 1)
            || self.t.starts_with(w)
            || (head.sound == t.sound && self.bases.iter().any(|(_, _, k)| k == key))
    }
}

/// Whether token `t` says word `w` at the loose level (whatever the strict level
/// answers): one edit for a word too short for a typo budget of its own (four and five
/// letters at the default fuzz), or the same sound key, for words of at least three
/// letters said by tokens of at least three; also under a particle.
pub fn loose_eq(w: &str, t: &str, fuzz: f64) -> bool {
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if numeric(w) || numeric(t) {
        return loose_number(w, t);
    }
    let base_ok = |base: &str| {
        let (lw, lb) = (len(w), len(base));
        if lw < 3 || lb < 3 {
            return false;
        }
        // A three-letter word is too short to carry an edit ("ada" / "apa"), but may
        // still be heard by its sound ("ini" / "iny").
        // Only a word too short for a typo of its own gets one here; a longer word's
        // budget already covers a typo ("proses" is not "progres", "tunggu" not
        // "ganggu").
        let one_off = |b: &str| {
            let lb = len(b);
            lw > 3
                && allowed_edits(lw.max(lb), fuzz) == 0
                && lw.abs_diff(lb) <= 1
                && within(w, b, 1)
        };
        // No edit is the same word (no distance to compute).
        w == base
            || one_off(base)
            // A final vowel held long and heard as another ("bantoo" for "bantu"): one
            // edit once the doubled letter is read once (words of five letters or more:
            // "sayaa" is not "sapa").
            || (lw >= 5 && lw.abs_diff(lb) <= 1 && undoubled(base, one_off))
            || same_sound(w, base)
            || (lw == 3 && heard_as_neighbour(w, base))
    };
    // A typo under "-nya" ("namayna" for "namanya").
    let under_particle = || {
        let (lw, lt) = (len(w), len(t));
        lw >= 3
            && lt.abs_diff(lw + 3) <= 1
            && t.as_bytes().first() == w.as_bytes().first()
            && with_nya(w, |wn| within(wn, t, 1))
    };
    base_ok(t)
        || under_particle()
        || SUFFIXES
            .iter()
            .filter_map(|p| t.strip_suffix(p))
            .any(base_ok)
}

#[cfg(test)]
impl LooseHead {
    /// A head that rules nothing out, for tests of the answers without the filter.
    pub(crate) const ANY: LooseHead = LooseHead {
        len: 0,
        first: None,
        sound: 0,
        short: false,
        numeric: true,
        letters: 0,
    };
}

#[cfg(test)]
mod tests;
