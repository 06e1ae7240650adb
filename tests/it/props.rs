//! Property tests of the normaliser, the phrase matcher and the text reader: no input
//! makes them panic, and their basic laws hold on any text.

use callaudit::ingest::transcript::Format;
use callaudit::matching::phrase::{MatchOptions, Phrase, Slots, Toks};
use callaudit::matching::CallText;
use callaudit::model::{Role, Turn};
use callaudit::profile::Compiled;
use proptest::prelude::*;
use std::sync::OnceLock;

fn prof() -> &'static Compiled {
    static P: OnceLock<Compiled> = OnceLock::new();
    P.get_or_init(Compiled::builtin)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        // PROPTEST_CASES overrides (fewer cases in a debug build; CI runs 256 in release).
        crate::common::cases(24, 64)
    ))]
    #[test]
    fn normaliser_is_total_and_idempotent(text in "\\PC{0,200}") {
        let norm = &prof().norm;
        let once = norm.tokens(&text);
        for t in &once {
            prop_assert!(!t.is_empty());
            prop_assert!(t.chars().all(char::is_alphanumeric), "{t:?}");
            prop_assert_eq!(t.to_lowercase(), t.clone());
        }
        prop_assert_eq!(norm.tokens(&once.join(" ")), once);
    }

    #[test]
    fn a_phrase_always_matches_itself_inside_any_text(
        before in "[a-z ]{0,40}", after in "[a-z ]{0,40}",
        words in prop::collection::vec("[a-z]{4,9}", 1..5),
    ) {
        let norm = &prof().norm;
        let phrase_text = words.join(" ");
        let Ok(phrase) = Phrase::compile(&phrase_text, norm) else { return Ok(()); };
        let text = format!("{before} {phrase_text} {after}");
        let tokens = norm.tokens(&text);
        let hit = phrase.best_in(Toks::plain(&tokens), &Slots::default(), MatchOptions::default());
        prop_assert!(hit.is_some_and(|h| h.score >= 1.0), "{phrase_text:?} in {text:?}");
    }

    #[test]
    fn readers_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        for name in Format::NAMES {
            let _ = Format::from_name(name).unwrap().parse(&text);
        }
    }

    #[test]
    fn text_reader_keeps_every_labelled_line(lines in prop::collection::vec(("[a-z]{1,10}", 0u32..3600), 1..20)) {
        let mut text = String::new();
        for (words, secs) in &lines {
            text.push_str(&format!("[{:02}:{:02}] AGENT: {words}\n", secs / 60, secs % 60));
        }
        let t = Format::Text.parse(&text).unwrap();
        prop_assert_eq!(t[0].turns.len(), lines.len());
    }
}

#[test]
fn number_words_and_digits_agree() {
    let norm = &prof().norm;
    for (a, b) in [
        ("pln seratus dua puluh tiga", "pln 123"),
        ("pln satu dua tiga", "PLN-123"),
        ("tiga kali dua puluh empat jam", "3x24 jam"),
        ("nomor lapor ka lima empat dua satu", "nomor lapor ka 5421"),
    ] {
        assert_eq!(norm.tokens(a), norm.tokens(b), "{a} vs {b}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        // PROPTEST_CASES overrides (fewer cases in a debug build; CI runs 256 in release).
        crate::common::cases(24, 64)
    ))]
    #[test]
    fn lexicon_lookup_agrees_with_word_eq(token in "[a-z]{1,14}") {
        use callaudit::matching::phrase::word_eq;
        let p = prof();
        let ids = p.lexicon.lookup(&token);
        for phrase in p.all_phrases() {
            for w in phrase.words() {
                let id = p.lexicon.id(w).unwrap();
                // `=word` is said by that very token only.
                let says = match w.strip_prefix('=') {
                    Some(exact) => exact == token,
                    None => word_eq(w, &token, p.opts.fuzz),
                };
                prop_assert_eq!(ids.binary_search(&id).is_ok(), says, "{} / {}", w, token);
            }
        }
    }
}

/// Words of the profile's phrases (exact marks dropped) and a few others, for texts
/// that often hold phrases, parts of phrases and near misses.
fn vocabulary() -> &'static Vec<String> {
    static V: OnceLock<Vec<String>> = OnceLock::new();
    V.get_or_init(|| {
        let mut v: Vec<String> = prof()
            .all_phrases()
            .iter()
            .flat_map(|p| p.words())
            .map(|w| w.trim_start_matches('=').to_string())
            .collect();
        for w in [
            "siti",
            "hendra",
            "sitinya",
            "hendar",
            "laporannya",
            "ya",
            "iya",
            "123",
        ] {
            v.push(w.to_string());
        }
        v.sort();
        v.dedup();
        v
    })
}

/// A call of turns made from vocabulary words (`(agent?, word indices)` per turn; the
/// first turn is always the agent's), five seconds apart.
fn call_turns(spec: &[(bool, Vec<prop::sample::Index>)]) -> Vec<Turn> {
    let vocab = vocabulary();
    spec.iter()
        .enumerate()
        .map(|(i, (agent, words))| Turn {
            role: if *agent || i == 0 {
                Role::Agent
            } else {
                Role::Caller
            },
            start: i as f64 * 5.0,
            end: i as f64 * 5.0 + 4.0,
            text: words
                .iter()
                .map(|w| w.get(vocab).as_str())
                .collect::<Vec<_>>()
                .join(" "),
        })
        .collect()
}

/// The slot values the generated calls use: a caller, an agent, a time of day.
fn call_slots() -> Slots {
    let mut slots = Slots::default();
    slots.insert("caller_name", vec![vec!["siti".to_string()]]);
    slots.insert("agent_name", vec![vec!["hendra".to_string()]]);
    slots.insert("time_of_day", vec![vec!["pagi".to_string()]]);
    slots
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        // PROPTEST_CASES overrides; an oracle over every phrase of the profile is slow
        // unoptimised, so a debug build runs 4 cases (CI runs the full count in release).
        crate::common::cases(4, 16)
    ))]

    /// The indexed search (lexicon ids, start positions from the word index, near-miss
    /// ceilings) finds exactly the full matches a plain word-by-word scan finds, and a
    /// match exactly when the plain scan does, at the strict level. (The loose level
    /// depends on the vocabulary, which only the indexed search knows: a token that is
    /// a vocabulary word is never another word heard one letter off. Its rules are
    /// tested on their own.)
    #[test]
    fn indexed_search_agrees_with_plain_search(
        turns in prop::collection::vec(
            (any::<bool>(), prop::collection::vec(any::<prop::sample::Index>(), 1..14)),
            1..8,
        ),
    ) {
        let p = prof();
        let opts = callaudit::matching::phrase::MatchOptions { loose: 0, ..p.opts };
        let turns = call_turns(&turns);
        let backchannel = p.profile.matching.backchannel_tokens;
        let indexed = CallText::new(&turns, &p.norm, Some(&p.lexicon), backchannel);
        let plain = CallText::new(&turns, &p.norm, None, backchannel);
        let slots = call_slots();
        let first_half = |t: usize| t < turns.len() / 2 + 1;
        for phrase in p.all_phrases() {
            let set = std::slice::from_ref(phrase);
            for role in [Role::Agent, Role::Caller] {
                for accept in [&|_| true, &first_half as &dyn Fn(usize) -> bool] {
                    let a = indexed.find_all(set, role, &slots, opts, accept);
                    let b = plain.find_all(set, role, &slots, opts, accept);
                    prop_assert_eq!(&a, &b, "{}", phrase.source);
                    let a = indexed.find(set, role, &slots, opts, accept);
                    let b = plain.find(set, role, &slots, opts, accept);
                    prop_assert_eq!(a.is_some_and(|h| h.matched()), b.is_some_and(|h| h.matched()), "{}", phrase.source);
                }
            }
        }
    }
}

/// Every phrase list of the profile, and all of them as one list.
fn phrase_sets() -> &'static Vec<Vec<Phrase>> {
    static S: OnceLock<Vec<Vec<Phrase>>> = OnceLock::new();
    S.get_or_init(|| {
        let s = &prof().sets;
        let mut sets: Vec<Vec<Phrase>> = [
            &s.urgent,
            &s.greet_pln,
            &s.greet_salutation,
            &s.greet_name,
            &s.greet_offer,
            &s.name_ask,
            &s.name_address,
            &s.prior_ask,
            &s.prior_identifier,
            &s.empathy,
            &s.progress,
            &s.ask_mobile,
            &s.ask_this_number,
            &s.clarity,
            &s.eta_says,
            &s.forward,
            &s.follow_up,
            &s.still_applies,
            &s.campaign,
            &s.thanks,
            &s.forbidden,
        ]
        .into_iter()
        .cloned()
        .collect();
        sets.push(prof().all_phrases().into_iter().cloned().collect());
        sets
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        // PROPTEST_CASES overrides (fewer cases in a debug build; CI runs more in release).
        crate::common::cases(6, 12)
    ))]

    /// The early-exit searches agree with the exhaustive one: `first` is the first hit
    /// of `find_all`, `find` is that hit or else `nearest`; and answers do not depend
    /// on what the call's word memo already holds (a fresh text answers the same).
    #[test]
    fn early_exit_search_agrees_with_find_all(
        turns in prop::collection::vec(
            (any::<bool>(), prop::collection::vec(any::<prop::sample::Index>(), 1..16)),
            1..8,
        ),
    ) {
        let p = prof();
        let turns = call_turns(&turns);
        let backchannel = p.profile.matching.backchannel_tokens;
        let text = CallText::new(&turns, &p.norm, Some(&p.lexicon), backchannel);
        let slots = call_slots();
        let late = |t: usize| t >= turns.len() / 2;
        for set in phrase_sets() {
            for role in [Role::Agent, Role::Caller] {
                for accept in [&|_| true, &late as &dyn Fn(usize) -> bool] {
                    let all = text.find_all(set, role, &slots, p.opts, accept);
                    let first = text.first(set, role, &slots, p.opts, accept);
                    prop_assert_eq!(first, all.first().copied());
                    let found = text.find(set, role, &slots, p.opts, accept);
                    match first {
                        Some(h) => prop_assert_eq!(found, Some(h)),
                        None => {
                            prop_assert_eq!(found, text.nearest(set, role, &slots, p.opts, accept));
                            // Steps search a near miss only after every full-match
                            // search: it must never be a full match itself.
                            prop_assert!(found.is_none_or(|h| !h.matched()), "{:?}", found);
                        }
                    }
                    let fresh = CallText::new(&turns, &p.norm, Some(&p.lexicon), backchannel);
                    prop_assert_eq!(found, fresh.find(set, role, &slots, p.opts, accept));
                }
            }
        }
    }
}
