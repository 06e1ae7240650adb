//! Unit tests of the phrase matcher.

use super::*;

fn norm() -> Normalizer {
    Normalizer::new([("pak", "bapak"), ("di bantu", "dibantu")], ["eh"])
}
fn toks(s: &str) -> Vec<String> {
    norm().tokens(s)
}
fn score(p: &str, text: &str, slots: &Slots) -> f64 {
    Phrase::compile(p, &norm())
        .unwrap()
        .best_in(Toks::plain(&toks(text)), slots, MatchOptions::default())
        .map_or(0.0, |h| h.score)
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
    assert_eq!(score("pln 123", "pln 124", &s), 0.5);
    assert!(score("sudah cukup jelas", "jelas", &s) < 1.0);
}

#[test]
fn short_words_take_no_typo() {
    let s = Slots::default();
    assert!(score("masih proses", "kasih proses", &s) < 1.0);
    assert!(score("nama", "lama", &s) < 1.0);
    assert_eq!(score("dihubungi", "dihubugi", &s), 1.0);
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
    assert!(score("=lapor|=melapor sebelumnya", "lapr sebelumnya", &s) < 1.0);
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
