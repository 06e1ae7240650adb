//! Tests of the lexicon's answers against the word comparison they cache.

use super::*;
use crate::matching::word::word_eq;
use proptest::prelude::*;

const WORDS: [&str; 14] = [
    "lapor",
    "dibantu",
    "ketidaknyamanan",
    "sampaikan",
    "teruskan",
    "pelanggan",
    "mohon",
    "menunggu",
    "tindaklanjuti",
    "petugas",
    "laporannya",
    "123",
    "silakan",
    "kami",
];

proptest! {
    /// The letter-set test only skips words no spelling branch would take: the
    /// answer is the one without it.
    #[test]
    fn letter_test_changes_no_answer(
        w in 0..WORDS.len(),
        pre in "(di|me|ter|pe|)",
        edit in "[a-z]{0,2}",
        at in 0usize..16,
        post in "(nya|kan|an|i|)",
    ) {
        let base = WORDS[w];
        let at = at.min(base.len());
        let token = format!("{pre}{}{edit}{}{post}", &base[..at], &base[(at + 1).min(base.len())..]);
        let lex = Lexicon::new(WORDS.iter().map(|w| w.to_string()), 0.8);
        let mut open = lex.clone();
        for s in &mut open.shape {
            s.1 = 32;
        }
        prop_assert_eq!(lex.compute(&token), open.compute(&token), "{}", token);
    }
}

proptest! {
    /// The strict ids of garbled, affixed and unrelated tokens are what [`word_eq`]
    /// answers word by word: the candidate filters (letters, lengths) skip only words it
    /// refuses. (No word of the list is another with a particle, so no base id is added.)
    #[test]
    fn strict_ids_are_word_eq(
        w in 0..WORDS.len(),
        pre in "(di|me|ter|pe|)",
        edit in "[a-z]{0,2}",
        at in 0usize..16,
        post in "(nya|kan|an|i|ku|)",
        other in "[a-z]{1,12}",
    ) {
        let base = WORDS[w];
        let at = at.min(base.len());
        let garbled = format!("{pre}{}{edit}{}{post}", &base[..at], &base[(at + 1).min(base.len())..]);
        let lex = Lexicon::new(WORDS.iter().map(|w| w.to_string()), 0.8);
        // The normaliser splits letters from digits: no token holds both.
        let mixed = |t: &str| t.bytes().any(|b| b.is_ascii_digit()) && t.bytes().any(|b| b.is_ascii_alphabetic());
        for token in [garbled.as_str(), other.as_str()].into_iter().filter(|t| !mixed(t)) {
            let got = lex.compute(token);
            for word in WORDS {
                let id = lex.id(word).unwrap();
                prop_assert_eq!(
                    got.binary_search(&id).is_ok(),
                    word_eq(word, token, 0.8),
                    "{} / {}", word, token
                );
            }
        }
    }
}

/// Short words (one loose edit), names (sound keys), words with particles, exact words
/// and numbers: what the loose level answers for.
const LOOSE_WORDS: [&str; 18] = [
    "malam", "pagi", "bantu", "maaf", "ini", "itu", "nama", "namanya", "mohon", "rahmat", "yusuf",
    "djoko", "nomor", "24", "123", "laporan", "=melapor", "tunggu",
];

/// `lex` without the loose level's head test: every word of a length tried is compared.
fn unfiltered(lex: &Lexicon) -> Lexicon {
    let mut open = lex.clone();
    open.heads.iter_mut().for_each(|h| h.0 = LooseHead::ANY);
    open.aliases
        .iter_mut()
        .for_each(|a| a.2 .0 = LooseHead::ANY);
    open
}

proptest! {
    /// The head test and the number-only candidates of a number token skip only words
    /// the loose comparison would refuse: the answers are the ones without them.
    #[test]
    fn loose_filters_change_no_answer(
        w in 0..LOOSE_WORDS.len(),
        at in 0usize..8,
        cut in 0usize..2,
        put in "[a-z]{0,1}",
        post in "(nya|ku|lah|)",
        other in "[a-z]{1,8}|[0-9]{1,4}",
    ) {
        let base = LOOSE_WORDS[w].trim_start_matches(EXACT);
        let at = at.min(base.len());
        let end = (at + cut).min(base.len());
        let token = format!("{}{put}{}{post}", &base[..at], &base[end..]);
        let lex = Lexicon::new(LOOSE_WORDS.iter().map(|w| w.to_string()), 0.8)
            .with_aliases([("nomer", "nomor"), ("mhon", "mohon"), ("yusup", "yusuf")]);
        let open = unfiltered(&lex);
        for t in [token.as_str(), other.as_str()] {
            prop_assert_eq!(lex.compute(t), open.compute(t), "{}", t);
        }
    }
}

#[test]
fn exact_words_only_match_themselves() {
    let lex = Lexicon::new(["=catat".to_string(), "catat".to_string()], 0.8);
    let (exact, loose) = (lex.id("=catat").unwrap(), lex.id("catat").unwrap());
    let off = lex.loose_offset();
    let strict = |t: &str| -> Vec<u32> {
        lex.lookup(t)
            .iter()
            .copied()
            .filter(|&id| id < off && id != SPELLED)
            .collect()
    };
    assert_eq!(strict("catat"), [loose.min(exact), loose.max(exact)]);
    assert_eq!(strict("tercatat"), [loose]);
    // A typo says the loose word, never the exact one; the exact one only at the
    // loose level (one edit on the token itself).
    assert_eq!(strict("catatt"), [loose]);
    assert!(lex.lookup("catatt").contains(&(exact + off)));
    assert!(!lex.lookup("tercatat").contains(&(exact + off)));
}

#[test]
fn lookup_agrees_with_word_eq() {
    let words = [
        "lapor",
        "dibantu",
        "ketidaknyamanan",
        "ibu",
        "123",
        "jelas",
        "pakai",
    ];
    let lex = Lexicon::new(words.iter().map(|w| w.to_string()), 0.8);
    for token in [
        "lapor",
        "melaporkan",
        "laporannya",
        "dibantu",
        "di",
        "bantu",
        "ketidaknyamananya",
        "ibunya",
        "ibu",
        "123",
        "124",
        "dijelaskan",
        "memakai",
        "pakain",
        "xyz",
    ] {
        let got = lex.lookup(token);
        for w in words {
            let id = lex.id(w).unwrap();
            assert_eq!(
                got.binary_search(&id).is_ok(),
                word_eq(w, token, 0.8),
                "{w} / {token}"
            );
        }
    }
}
