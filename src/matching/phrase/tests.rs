//! Unit tests of the phrase matcher.

use super::*;

fn norm() -> Normalizer {
    Normalizer::new([("pak", "bapak"), ("di bantu", "dibantu")], ["eh"])
}
fn toks(s: &str) -> Vec<Token> {
    norm().tokens(s)
}
fn hit(p: &str, text: &str, slots: &Slots, opts: MatchOptions) -> Option<SliceHit> {
    Phrase::compile(p, &norm())
        .unwrap()
        .best_in(Toks::plain(&toks(text)), slots, opts)
}
fn score(p: &str, text: &str, slots: &Slots) -> f64 {
    hit(p, text, slots, MatchOptions::default()).map_or(0.0, |h| h.score)
}
/// The score at the strict level only (no loose word).
fn strict(p: &str, text: &str, slots: &Slots) -> f64 {
    let opts = MatchOptions {
        loose: 0,
        ..MatchOptions::default()
    };
    hit(p, text, slots, opts).map_or(0.0, |h| h.score)
}
/// The number of loose words of a full match (`None` when there is none).
fn loose(p: &str, text: &str) -> Option<u8> {
    hit(p, text, &Slots::default(), MatchOptions::default())
        .filter(|h| h.score >= 1.0)
        .map(|h| h.loose)
}

#[test]
fn exact_fuzzy_suffix_and_gaps() {
    let s = Slots::default();
    assert_eq!(score("bisa dibantu", "ada yang bisa di bantu", &s), 1.0);
    assert_eq!(score("atas permasalahan", "atas permasalahannya", &s), 1.0);
    assert_eq!(
        score(
            "mohon maaf atas ketidaknyamanan",
            "mohon maaf eh atas ketidaknyamanan",
            &s
        ),
        1.0
    );
    assert_eq!(
        score(
            "mohon maaf atas ketidaknyamanan",
            "mohon maaf atas ketidaknyamananya",
            &s
        ),
        1.0
    );
    assert_eq!(strict("pln 123", "pln 124", &s), 0.5);
    // A number one digit off is said loosely, the rest anchoring it.
    assert_eq!(loose("pln 123", "pln 124"), Some(1));
    assert!(score("sudah cukup jelas", "jelas", &s) < 1.0);
}

#[test]
fn short_words_take_no_typo() {
    let s = Slots::default();
    assert!(strict("masih proses", "kasih proses", &s) < 1.0);
    assert!(score("nama", "lama", &s) < 1.0);
    assert_eq!(score("dihubungi", "dihubugi", &s), 1.0);
}

/// Table: (phrase, text, loose words of the full match; `None`: no full match).
#[test]
fn loose_words_need_an_anchor() {
    for (p, text, want) in [
        ("selamat malam", "selamat malm", Some(1)),
        ("bisa dibantu|bantu", "bisa batnu", Some(1)),
        ("mohon maaf atas", "mohon maaaf atas", Some(1)),
        // One loose word per phrase, and never alone.
        ("bisa bantu", "bsia batnu", None),
        ("malam", "malm", None),
        // Two words joined into one token, garbled or not.
        (
            "terima kasih ... pln",
            "teriamkasih telah menghubungi pln",
            Some(0),
        ),
        ("mohon_maaf atas", "mohonmaaf atas", Some(0)),
        // "!word": not when followed by it.
        ("tidak terima !kasih", "tidak ada terima kasih", None),
        ("tidak terima !kasih", "saya tidak terima", Some(0)),
    ] {
        assert_eq!(loose(p, text), want, "{p} / {text}");
    }
}

#[test]
fn optional_alternatives_slots_and_wide_gap() {
    let mut s = Slots::default();
    s.insert("time_of_day", vec![vec!["siang".into()]]);
    assert_eq!(
        score("selamat {time_of_day}", "selamat siang bapak", &s),
        1.0
    );
    assert!(score("selamat {time_of_day}", "selamat malam bapak", &s) < 1.0);
    assert_eq!(
        score(
            "apakah? nomor ini bisa|dapat dihubungi",
            "nomor ini dapat dihubungi",
            &s
        ),
        1.0
    );
    assert_eq!(
        score(
            "download ... pln mobile",
            "download aplikasi terbaru kami new pln mobile",
            &s
        ),
        1.0
    );
    assert!(
        score(
            "download pln mobile",
            "download aplikasi terbaru kami new pln mobile",
            &s
        ) < 1.0
    );
}

#[test]
fn optional_word_after_a_wide_gap() {
    let s = Slots::default();
    assert_eq!(
        score("nomor ... yang? lama", "nomor laporan bapak lama", &s),
        1.0
    );
    assert_eq!(
        score("nomor ... yang? lama", "nomor laporan yang lama", &s),
        1.0
    );
    assert_eq!(score("nomor ... lama", "nomor laporan bapak lama", &s), 1.0);
    // The optional word, said early, does not narrow the wide gap after it.
    assert_eq!(
        score(
            "nomor ... yang? lama",
            "nomor yang tadi bapak sebut lama",
            &s
        ),
        score("nomor ... lama", "nomor yang tadi bapak sebut lama", &s),
    );
}

#[test]
fn exact_words_refuse_affixes_and_typos() {
    let s = Slots::default();
    assert_eq!(score("=lapor sebelumnya", "lapor sebelumnya", &s), 1.0);
    assert!(score("=lapor sebelumnya", "laporan sebelumnya", &s) < 1.0);
    assert!(score("lapor sebelumnya", "laporan sebelumnya", &s) >= 1.0);
    assert!(strict("=lapor|=melapor sebelumnya", "lapr sebelumnya", &s) < 1.0);
    // At the loose level an exact word takes one edit on the token itself.
    assert_eq!(
        loose("=lapor|=melapor sebelumnya", "mlapor sebelumnya"),
        Some(1)
    );
    assert_eq!(loose("=lapor sebelumnya", "laporan sebelumnya"), None);
}

#[test]
fn numbers_are_exact_and_short_words_strict() {
    assert!(!word_eq("123", "124", 0.5));
    assert!(!word_eq("ibu", "itu", 0.5));
    assert!(word_eq("dihubungi", "dihubungin", 0.8));
}

#[test]
fn compile_errors() {
    assert!(Phrase::compile("word?", &norm()).is_err());
    assert!(Phrase::compile("a | b", &norm()).is_err());
}

proptest::proptest! {
    /// The folded set answers "said strictly or loosely" as the two tests it replaces.
    #[test]
    fn folded_bits_are_strict_or_loose(
        ids in proptest::collection::vec(0u32..300, 0..40),
        off in 1u32..150,
        ask in 0u32..300,
    ) {
        let space = 2 * off as usize;
        let mut present = vec![0u64; space.div_ceil(64)];
        for id in ids.into_iter().filter(|&id| (id as usize) < space) {
            present[id as usize / 64] |= 1 << (id % 64);
        }
        let has = |set: &[u64], id: u32| set.get(id as usize / 64).is_some_and(|w| w >> (id % 64) & 1 == 1);
        let said = fold_loose(&present, off);
        proptest::prop_assert_eq!(has(&said, ask), has(&present, ask) || has(&present, ask + off));
    }
}

/// `...N` widens the gap by N tokens: the words of one sentence, not of the next.
#[test]
fn numbered_gap() {
    let s = Slots::default();
    // Default gap 2, `...2` four tokens between.
    assert_eq!(
        score("teruskan ...2 unit", "teruskan laporan ibu ke unit", &s),
        1.0
    );
    assert_eq!(score("teruskan ...2 unit", "teruskan ke unit", &s), 1.0);
    assert!(
        score(
            "teruskan ...2 unit",
            "teruskan dulu ya nanti kabar dari unit",
            &s
        ) < 1.0
    );
    assert_eq!(
        score(
            "teruskan ... unit",
            "teruskan dulu ya nanti kabar dari unit",
            &s
        ),
        1.0
    );
    // A number alone after the dots is the gap, not a word.
    assert!(Phrase::compile("a ...3 b", &norm()).is_ok());
}
