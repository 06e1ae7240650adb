//! Tests of the loose level: its table, and the fast paths against what they replace.

use super::*;
use proptest::prelude::*;

/// [`sound_key`] as first written: a `String` built push by push.
fn sound_key_oracle(w: &str) -> String {
    if !w.is_ascii() {
        return w.to_string();
    }
    let b = w.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
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
        if out.last() != Some(&c) {
            out.push(c);
        }
        i += step;
    }
    if out.last() == Some(&b'd') {
        *out.last_mut().expect("non-empty") = b't';
    }
    String::from_utf8(out).expect("ASCII")
}

/// Letters of the sound folds, so that keys often agree.
const SOUNDS: &str = "[acdefijkmnopqstuvyz]{0,7}";

proptest! {
    #[test]
    fn sound_keys_are_the_oracles(a in SOUNDS, b in "[a-z]{0,60}|\\PC{0,6}") {
        prop_assert_eq!(sound_key(&a), sound_key_oracle(&a));
        prop_assert_eq!(sound_key(&b), sound_key_oracle(&b));
        prop_assert_eq!(same_key(&a, &b), sound_key_oracle(&a) == sound_key_oracle(&b));
        prop_assert_eq!(same_key(&a, &a), true);
        if same_key(&a, &b) {
            prop_assert_eq!(sound_hash(&a), sound_hash(&b));
        }
    }

    /// Neither filter refuses a pair `loose_eq` accepts: the head test
    /// ([`LooseHead::may_say`], both ways round) and the prepared token
    /// ([`LooseToken::admits`]), on tokens made from the word by an edit, a sound fold
    /// and a particle, and on unrelated ones.
    #[test]
    fn filters_are_necessary(
        w in SOUNDS,
        at in 0usize..8,
        cut in 0usize..2,
        put in "[a-z]{0,1}",
        post in "(nya|ku|lah|mu|)",
        other in "[a-z0-9]{0,9}|\\PC{0,5}",
        fuzz in prop::sample::select(vec![0.5, 0.7, 0.8, 0.9]),
    ) {
        let at = at.min(w.len());
        let end = (at + cut).min(w.len());
        let t = format!("{}{put}{}{post}", &w[..at], &w[end..]);
        for t in [t.as_str(), other.as_str(), &format!("{w}{post}"), &format!("{w}nya{post}")] {
            if loose_eq(&w, t, fuzz) {
                let head = LooseHead::of(&w, fuzz);
                prop_assert!(head.may_say(LooseHead::of(t, fuzz)), "{} / {}", w, t);
                let tok = LooseToken::new(t, fuzz);
                prop_assert!(tok.admits(&w, head, &sound_key(&w)), "{} / {}", w, t);
            }
            if loose_eq(t, &w, fuzz) {
                prop_assert!(LooseHead::of(t, fuzz).may_say(LooseHead::of(&w, fuzz)), "{} / {}", t, w);
            }
        }
    }
}

#[test]
fn with_nya_appends_the_particle() {
    assert!(with_nya("nama", |s| s == "namanya"));
    let long = "a".repeat(KEY_MAX + 1);
    assert!(with_nya(&long, |s| s.len() == KEY_MAX + 4));
}

#[test]
fn sound_keys() {
    for (a, b) in [
        ("rahmat", "rahmad"),
        ("yusuf", "yusup"),
        ("djoko", "joko"),
        ("soekarno", "sukarno"),
        ("tjahjo", "cahjo"),
        ("rizky", "rizki"),
        ("rizky", "riski"),
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
        // A final vowel held long and heard as its neighbour: one error once the
        // doubled letter is read once; not a letter doubled inside the word.
        ("bantu", "bantoo", true),
        ("jelas", "jelass", true),
        ("bantu", "bontoo", false),
        ("bantu", "baantoo", false),
        ("sapa", "saaya", false),
        ("sapa", "sayaa", false),
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
