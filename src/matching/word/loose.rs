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
/// together (dj/j, tj/c, oe/u, c/k/q, f/p/v, y/i), doubled letters count once and a
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

/// Writes the [`sound_key`] of ASCII bytes `b` into `out` (at least as long as `b`: a
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

/// A hash of the [`sound_key`] of `w`, never 0: equal keys give equal hashes, so
/// unequal hashes rule a [`same_key`] out without comparing keys.
pub fn sound_hash(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |b: &[u8]| {
        for &c in b {
            h = (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    if w.is_ascii() && w.len() <= 32 {
        let mut x = [0u8; 32];
        let n = key_into(w.as_bytes(), &mut x);
        mix(&x[..n]);
    } else {
        mix(sound_key(w).as_bytes());
    }
    h | 1
}

/// Whether two words have the same [`sound_key`], computed on the stack (for words of
/// up to 32 bytes; longer ones allocate).
pub fn same_key(a: &str, b: &str) -> bool {
    if !a.is_ascii() || !b.is_ascii() || a.len() > 32 || b.len() > 32 {
        return sound_key(a) == sound_key(b);
    }
    let (mut x, mut y) = ([0u8; 32], [0u8; 32]);
    let n = key_into(a.as_bytes(), &mut x);
    let m = key_into(b.as_bytes(), &mut y);
    x[..n] == y[..m]
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

/// Whether two words have the same [`sound_key`], after a cheap test of their first
/// letters' sound (most pairs differ there).
fn same_sound(a: &str, b: &str) -> bool {
    let class = |s: &str| match s.as_bytes().first() {
        Some(b'c' | b'q' | b'k') => b'k',
        Some(b'f' | b'v' | b'p') => b'p',
        Some(b'y' | b'i') => b'i',
        Some(b't') if s.as_bytes().get(1) == Some(&b'j') => b'k',
        Some(&c) => c,
        None => 0,
    };
    class(a) == class(b) && same_key(a, b)
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
        let k = usize::from(lw > 3 && allowed_edits(lw.max(lb), fuzz) == 0);
        (lw.abs_diff(lb) <= k && within(w, base, k))
            || same_sound(w, base)
            || (lw == 3 && heard_as_neighbour(w, base))
    };
    // A typo under "-nya" ("namayna" for "namanya").
    let under_particle = || {
        let (lw, lt) = (len(w), len(t));
        lw >= 3
            && lt.abs_diff(lw + 3) <= 1
            && t.as_bytes().first() == w.as_bytes().first()
            && within(&format!("{w}nya"), t, 1)
    };
    base_ok(t)
        || under_particle()
        || SUFFIXES
            .iter()
            .filter_map(|p| t.strip_suffix(p))
            .any(base_ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sound_keys() {
        for (a, b) in [
            ("rahmat", "rahmad"),
            ("yusuf", "yusup"),
            ("djoko", "joko"),
            ("soekarno", "sukarno"),
            ("tjahjo", "cahjo"),
            ("rizky", "rizki"),
            ("fajar", "pajar"),
            ("maaf", "maap"),
            ("siti", "sitti"),
        ] {
            assert_eq!(sound_key(a), sound_key(b), "{a} / {b}");
            assert!(same_key(a, b), "{a} / {b}");
            assert_eq!(sound_hash(a), sound_hash(b), "{a} / {b}");
        }
        for (a, b) in [("pagi", "bagi"), ("andri", "hendra"), ("siang", "sore")] {
            assert_ne!(sound_key(a), sound_key(b), "{a} / {b}");
            assert!(!same_key(a, b), "{a} / {b}");
        }
    }

    /// Table: (word, token, loose).
    #[test]
    fn loose_level() {
        for (w, t, want) in [
            // Short words carry one error: doubled, dropped, swapped, wrong letter.
            ("malam", "malm", true),
            ("malam", "malma", true),
            ("bantu", "batnu", true),
            ("maaf", "maaaf", true),
            ("maaf", "maf", true),
            ("pagi", "pgi", true),
            ("pagi", "bagi", true),
            ("mohon", "pohon", true),
            ("unit", "unt", true),
            ("kasih", "ksaih", true),
            ("bayu", "bau", true),
            ("andri", "andi", true),
            ("rahmat", "rahmad", true),
            ("bantu", "bantunya", true),
            ("nama", "namayna", true),
            // Two errors in a short word, or a different word.
            ("malam", "mlm", false),
            ("pagi", "siang", false),
            ("sore", "siang", false),
            ("bantu", "buntut", false),
            // Longer words get nothing beyond their own budget.
            ("progres", "proses", false),
            ("ganggu", "tunggu", false),
            // Three-letter words take no edit, only a vowel or a nasal heard as its
            // neighbour.
            ("ada", "apa", false),
            ("api", "tapi", false),
            ("ini", "ine", true),
            ("ini", "imi", true),
            ("itu", "ito", true),
            ("ini", "ina", false),
            ("ini", "ene", false),
            ("ibu", "ayu", false),
            // Numbers of two digits or more: one digit off.
            ("24", "42", true),
            ("24", "224", true),
            ("123", "124", true),
            ("3", "4", false),
            ("24", "2424", false),
            ("24", "dua", false),
        ] {
            assert_eq!(loose_eq(w, t, 0.8), want, "{w} / {t}");
        }
    }
}
