//! Unit tests of the call text: runs across backchannels, negations.

use super::phrase::{MatchOptions, Phrase, Slots};
use super::*;

fn turn(role: Role, start: f64, text: &str) -> Turn {
    Turn {
        role,
        start,
        end: start,
        text: text.into(),
    }
}

#[test]
fn split_turns_and_backchannels() {
    let norm = Normalizer::new([], []);
    let ct = CallText::new(
        &[
            turn(Role::Agent, 0.0, "untuk laporannya kami sampaikan ke unit"),
            turn(Role::Caller, 3.0, "iya"),
            turn(Role::Agent, 4.0, "terkait untuk segera ditindaklanjuti"),
        ],
        &norm,
        None,
        2,
    );
    let set = vec![Phrase::compile("sampaikan ke unit ... segera ditindaklanjuti", &norm).unwrap()];
    let hit = ct
        .find(
            &set,
            Role::Agent,
            &Slots::default(),
            MatchOptions::default(),
            &|_| true,
        )
        .unwrap();
    assert!(hit.matched());
    assert_eq!((hit.first_turn, hit.last_turn), (0, 2));
    assert!(ct.evidence(&hit).1.contains(" / "));
    // A window that excludes the second half leaves a near miss.
    let near = ct
        .find(
            &set,
            Role::Agent,
            &Slots::default(),
            MatchOptions::default(),
            &|t| t < 2,
        )
        .unwrap();
    assert!(!near.matched());
}

/// The call text of one agent turn and the hit of `phrase` in it.
fn agent_hit(text: &str, phrase: &str) -> (CallText, Hit) {
    let norm = Normalizer::new([], []);
    let ct = CallText::new(&[turn(Role::Agent, 0.0, text)], &norm, None, 2);
    let set = vec![Phrase::compile(phrase, &norm).unwrap()];
    let all = |_| true;
    let hit = ct
        .find(
            &set,
            Role::Agent,
            &Slots::default(),
            MatchOptions::default(),
            &all,
        )
        .unwrap();
    (ct, hit)
}

#[test]
fn negation_before_hit() {
    let (ct, hit) = agent_hit(
        "jangan bilang semoga harinya menyenangkan",
        "semoga harinya menyenangkan",
    );
    let jangan = [vec!["jangan".to_string()]];
    assert!(ct.negated(&hit, &jangan, &[], (3, 0)));
    assert!(!ct.negated(&hit, &jangan, &[], (1, 0)));
    let lupa = vec![vec!["jangan".to_string(), "bilang".to_string()]];
    assert!(!ct.negated(&hit, &jangan, &lupa, (3, 0)));
}

#[test]
fn negation_after_hit() {
    let (ct, hit) = agent_hit(
        "semoga harinya menyenangkan tidak ya",
        "semoga harinya menyenangkan",
    );
    let tidak = [vec!["tidak".to_string()]];
    assert!(ct.negated(&hit, &tidak, &[], (0, 1)));
    assert!(!ct.negated(&hit, &tidak, &[], (3, 0)));
}
