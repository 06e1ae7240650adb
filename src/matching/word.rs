//! Word-level comparison of a pattern word and a spoken token: equality, particles,
//! close spellings (bounded edit distance), affix forms, and the loose level
//! ([`loose_eq`]). Beneath both the lexicon (which caches these answers per token) and
//! the phrase scanner (which asks them of words the lexicon does not hold), so neither
//! imports the other for them.

mod loose;

pub use loose::{loose_eq, loose_number, same_key, sound_hash, sound_key, LooseHead, LooseToken};

use super::lang::PARTICLES as SUFFIXES;

/// Whether spoken token `t` says pattern word `w`: the same word, the word with a
/// particle (`laporannya`), a close spelling (ASR typos, also under a particle:
/// `hundphonenya`), or an inflected form ([`crate::matching::stem`]). Numbers match exactly.
pub fn word_eq(w: &str, t: &str, fuzz: f64) -> bool {
    if w == t {
        return true;
    }
    let numeric = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if numeric(w) || numeric(t) {
        return false;
    }
    if let Some(rest) = t.strip_prefix(w) {
        if w.len() >= 3 && SUFFIXES.contains(&rest) {
            return true;
        }
    }
    spelled_like(w, t, fuzz)
        || crate::matching::stem::same_stem(w, t)
        // A typo inside an inflected word: "diterskan" says "teruskan".
        || (t.len() >= 7 && typo_in_form(w, t, fuzz))
}

/// A typo inside an inflected word: a stripped form of `t` is close to `w`. A form is a
/// slice of `t` plus at most one restored letter, and each allowed edit brings at most
/// one new letter, so `w` lacks no more than that many letters of `t`'s, and is at most
/// two longer (as [`close`] wants).
fn typo_in_form(w: &str, t: &str, fuzz: f64) -> bool {
    use crate::matching::edit::letters;
    if w.is_ascii() {
        let edits = allowed_edits(w.len().max(t.len()), fuzz);
        let new = (letters(w.as_bytes()) & !letters(t.as_bytes())).count_ones() as usize;
        if w.len() > t.len() + 2 || new > edits + 1 {
            return false;
        }
    }
    crate::matching::stem::any_form(t, |f| close(w, f, fuzz))
}

/// The cheap part of [`word_eq`], without affix forms: the same word, with a particle,
/// or a close spelling (also under a particle). For comparing names and addresses.
pub fn spelled_like(w: &str, t: &str, fuzz: f64) -> bool {
    if w == t {
        return true;
    }
    if let Some(rest) = t.strip_prefix(w) {
        if w.len() >= 3 && SUFFIXES.contains(&rest) {
            return true;
        }
    }
    let numeric = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if numeric(w) || numeric(t) {
        return false;
    }
    close(w, t, fuzz)
        || SUFFIXES
            .iter()
            .filter_map(|p| t.strip_suffix(p))
            .any(|base| close(w, base, fuzz))
}

/// Edit distance within the word's allowance: short words get no typo ("masih" is not
/// "kasih", "nama" not "lama"); a word of n letters may differ by
/// floor((n - 1) × (1 - fuzz)) edits.
pub(crate) fn close(w: &str, t: &str, fuzz: f64) -> bool {
    let count = |s: &str| {
        if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        }
    };
    let (lw, lt) = (count(w), count(t));
    if lw < 4 || lt < 3 || lw.abs_diff(lt) > 2 {
        return false;
    }
    let allowed = allowed_edits(lw.max(lt), fuzz);
    allowed > 0 && crate::matching::edit::within(w, t, allowed)
}

/// Edits [`close`] allows between words whose longer one has `longest` letters.
///
/// `as usize` truncates toward zero and saturates (negatives and NaN to 0), which for
/// this value is `floor` without the libm call.
pub(crate) fn allowed_edits(longest: usize, fuzz: f64) -> usize {
    (longest.saturating_sub(1) as f64 * (1.0 - fuzz) + 1e-9) as usize
}

/// Length and letter set of an ASCII word, for [`Spelling::may_spell`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spelling {
    len: usize,
    letters: u32,
}

impl Spelling {
    /// `None` for a word that is not ASCII (no shortcut is taken for it).
    pub(crate) fn of(w: &str) -> Option<Spelling> {
        w.is_ascii().then(|| Spelling {
            len: w.len(),
            letters: crate::matching::edit::letters(w.as_bytes()),
        })
    }

    /// `false` only when [`spelled_like`]`(w, t)` is false (`self` is `w`): each of its
    /// ways needs `t` at most two letters shorter and five longer than `w` (equal, a
    /// particle of two or three letters, a close spelling of `t` or of `t` less a
    /// particle, both within two letters of `w`), and a close spelling within `k`
    /// edits lacks at most `k` of `w`'s letters, `k` being at most the allowance for the
    /// longer of `w` and `t`.
    /// `false` only when `t` is not within one edit of `self`'s word: at most one
    /// letter longer or shorter, lacking at most one of its letters.
    pub(crate) fn may_be_one_off(self, t: Spelling) -> bool {
        self.len.abs_diff(t.len) <= 1 && (self.letters & !t.letters).count_ones() <= 1
    }

    pub(crate) fn may_spell(self, t: Spelling, fuzz: f64) -> bool {
        if t.len > self.len + 5 || self.len > t.len + 2 {
            return false;
        }
        let lacking = (self.letters & !t.letters).count_ones() as usize;
        lacking <= allowed_edits(self.len.max(t.len), fuzz)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The shortcut never refuses a pair `spelled_like` accepts.
        #[test]
        fn may_spell_is_necessary(
            w in "[a-e]{0,9}(nya|ku)?",
            t in "[a-e]{0,9}(nya|kah|mu)?",
            fuzz in prop::sample::select(vec![0.5, 0.6, 0.8, 0.9]),
        ) {
            let (sw, st) = (Spelling::of(&w).unwrap(), Spelling::of(&t).unwrap());
            if spelled_like(&w, &t, fuzz) {
                prop_assert!(sw.may_spell(st, fuzz), "{} / {}", w, t);
            }
        }
    }

    #[test]
    fn may_spell_examples() {
        for (w, t) in [
            ("laporan", "laporannya"),
            ("dihubungi", "dihubugi"),
            ("melati", "melaty"),
            ("sukamaju", "sukamajunya"),
        ] {
            assert!(spelled_like(w, t, 0.8), "{w} / {t}");
            let (sw, st) = (Spelling::of(w).unwrap(), Spelling::of(t).unwrap());
            assert!(sw.may_spell(st, 0.8), "{w} / {t}");
        }
        let (a, b) = (
            Spelling::of("melati").unwrap(),
            Spelling::of("kemarin").unwrap(),
        );
        assert!(!a.may_spell(b, 0.8));
    }

    #[test]
    fn allowed_edits_is_the_floor() {
        for fuzz in [0.0, 0.5, 0.6, 0.75, 0.8, 0.85, 0.9, 1.0] {
            for n in 0usize..64 {
                let want = (n.saturating_sub(1) as f64 * (1.0 - fuzz) + 1e-9).floor() as usize;
                assert_eq!(allowed_edits(n, fuzz), want);
            }
        }
    }
}
