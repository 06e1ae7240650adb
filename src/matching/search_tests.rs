//! Oracles for the early-exit searches of [`CallText`]: the near-miss search as first
//! written (phrases in order, each pair compared as it comes) against
//! [`CallText::nearest`], which tries pairs by descending ceiling; the list of every
//! full match against [`CallText::first_kept`], which stops at the first one kept.

use super::phrase::{MatchOptions, Phrase, Slots};
use super::search::accepted_span;
use super::*;
use crate::profile::Compiled;
use proptest::prelude::*;
use std::sync::OnceLock;

fn prof() -> &'static Compiled {
    static P: OnceLock<Compiled> = OnceLock::new();
    P.get_or_init(Compiled::builtin)
}

/// The near miss in run and phrase order.
fn nearest_in_order(
    text: &CallText,
    set: &[Phrase],
    role: Role,
    slots: &Slots,
    opts: MatchOptions,
    accept: &dyn Fn(usize) -> bool,
) -> Option<Hit> {
    let mut best: Option<Hit> = None;
    let mut starts = Vec::new();
    for (r, run) in text.runs_of(role) {
        let Some((lo, hi)) = accepted_span(&run, accept) else {
            continue;
        };
        for (k, phrase) in set.iter().enumerate() {
            let ceiling = if run.present.is_empty() {
                1.0
            } else {
                phrase.max_score(run.said)
            };
            if best.is_some_and(|b| ceiling < b.score) {
                continue;
            }
            let indexed = run.starts_into(phrase.anchor_ids(), lo, hi, &mut starts);
            let starts = indexed.then_some(starts.as_slice());
            let h = phrase.best_at(run.toks(lo, hi), starts, slots, opts, None, ceiling);
            if let Some(h) = h {
                let hit = Hit::in_run(r, &run, lo, k, h);
                if best.is_none_or(|b| {
                    hit.score > b.score || (hit.score == b.score && hit.first_turn < b.first_turn)
                }) {
                    best = Some(hit);
                }
            }
        }
    }
    best
}

/// Words of the profile's phrases and a few names, for texts full of near misses.
fn vocabulary() -> &'static Vec<String> {
    static V: OnceLock<Vec<String>> = OnceLock::new();
    V.get_or_init(|| {
        let mut v: Vec<String> = prof()
            .all_phrases()
            .iter()
            .flat_map(|p| p.words())
            .map(|w| w.trim_start_matches('=').to_string())
            .collect();
        v.extend(["siti", "sitinya", "hendar", "ya", "iya", "123"].map(String::from));
        v.sort();
        v.dedup();
        v
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        // PROPTEST_CASES overrides; an oracle over every phrase of the profile is slow
        // unoptimised, so a debug build runs 2 cases (CI runs 64 in release).
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok())
            .unwrap_or(if cfg!(debug_assertions) { 2 } else { 16 })
    ))]

    #[test]
    fn nearest_agrees_with_the_in_order_search(
        turns in prop::collection::vec(
            (any::<bool>(), prop::collection::vec(any::<prop::sample::Index>(), 1..12)),
            1..9,
        ),
    ) {
        let p = prof();
        let vocab = vocabulary();
        let turns: Vec<Turn> = turns
            .iter()
            .enumerate()
            .map(|(i, (agent, words))| Turn {
                role: if *agent || i == 0 { Role::Agent } else { Role::Caller },
                start: i as f64 * 5.0,
                end: i as f64 * 5.0 + 4.0,
                text: words.iter().map(|w| w.get(vocab).as_str()).collect::<Vec<_>>().join(" "),
            })
            .collect();
        let backchannel = p.profile.matching.backchannel_tokens;
        let mut slots = Slots::default();
        slots.insert("caller_name", vec![vec!["siti".to_string()]]);
        slots.insert("agent_name", vec![vec!["hendra".to_string()]]);
        slots.insert("time_of_day", vec![vec!["pagi".to_string()]]);
        let s = &p.sets;
        let all: Vec<Phrase> = p.all_phrases().into_iter().cloned().collect();
        let sets = [
            &s.name_ask, &s.name_address, &s.prior_ask, &s.progress, &s.clarity,
            &s.forward, &s.follow_up, &s.still_applies, &s.campaign, &s.greet_offer, &all,
        ];
        for lex in [Some(&p.lexicon), None] {
            let text = CallText::new(&turns, &p.norm, lex, backchannel);
            let late = |t: usize| t >= turns.len() / 2;
            // Without a lexicon every word is compared directly: the small sets only
            // (the whole profile there takes minutes in a debug build).
            let n = if lex.is_some() { sets.len() } else { sets.len() - 1 };
            for set in &sets[..n] {
                for role in [Role::Agent, Role::Caller] {
                    for accept in [&|_| true, &late as &dyn Fn(usize) -> bool] {
                        let want = nearest_in_order(&text, set, role, &slots, p.opts, accept);
                        let got = text.nearest(set, role, &slots, p.opts, accept);
                        prop_assert_eq!(got, want);
                        let all = text.find_all(set, role, &slots, p.opts, accept);
                        let keeps: [&dyn Fn(&Hit) -> bool; 3] =
                            [&|_| true, &|h| h.pos % 2 == 1, &|h| h.phrase % 3 == 2];
                        for keep in keeps {
                            let want = (all.iter().find(|h| keep(h)).copied(), all.first().copied());
                            let got = text.first_kept(set, role, &slots, p.opts, accept, keep);
                            prop_assert_eq!(got, want);
                        }
                    }
                }
            }
        }
    }
}
