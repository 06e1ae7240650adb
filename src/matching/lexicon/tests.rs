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
