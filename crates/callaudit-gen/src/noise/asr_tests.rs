//! Tests of the recogniser kinds: each fires, is deterministic, leaves protected words
//! alone (names only into a neighbouring name), and levels 0 and 1 are what they were.

use super::asr::{self, AsrLevel, Streams};
use super::tables::{self, LOCKED, TIME_WORDS};
use super::Noise;
use crate::rng::Rng;
use callaudit::model::{Role, Turn};

fn turn(role: Role, start: f64, end: f64, text: &str) -> Turn {
    Turn {
        role,
        start,
        end,
        text: text.to_string(),
    }
}

const GREETING: &str = "pln 123 selamat pagi dengan rahmat ada yang bisa dibantu";
const LONG: &str = "baik pak mohon maaf atas ketidaknyamanannya laporan bapak sudah kami \
                    teruskan ke petugas dan akan ditindaklanjuti estimasi tiga kali dua puluh \
                    empat jam terima kasih";

fn call() -> Vec<Turn> {
    vec![
        turn(Role::Agent, 0.0, 5.0, GREETING),
        turn(
            Role::Caller,
            5.5,
            7.0,
            "halo saya budi santoso dari jalan melati raya",
        ),
        turn(Role::Agent, 8.0, 20.0, LONG),
        turn(Role::Caller, 21.0, 22.0, "iya"),
    ]
}

fn names() -> Vec<String> {
    ["rahmat", "budi", "santoso", "melati", "raya"]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

fn people() -> Vec<String> {
    ["rahmat", "budi", "santoso"]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// Applies only the recogniser kinds of `lv` with stream seed `seed`.
fn only(lv: AsrLevel, heldout: bool, seed: u64) -> Vec<Turn> {
    let n = Noise::with_heldout(heldout);
    let mut turns = call();
    let mut st = Streams::from(&mut Rng::new(seed));
    asr::apply(&n, &mut turns, &lv, &names(), &people(), heldout, &mut st);
    turns
}

fn text(turns: &[Turn]) -> String {
    turns
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" | ")
}

fn zero() -> AsrLevel {
    AsrLevel {
        key_cap: 2,
        ..AsrLevel::default()
    }
}

/// Fires within 200 seeds and returns the outputs that changed.
fn fires(lv: AsrLevel, heldout: bool) -> Vec<String> {
    let clean = text(&call());
    let changed: Vec<String> = (0..200)
        .map(|s| text(&only(lv, heldout, s)))
        .filter(|t| *t != clean)
        .collect();
    assert!(!changed.is_empty(), "{lv:?} never fired");
    changed
}

#[test]
fn short_typo_fires_on_short_words() {
    let all = fires(
        AsrLevel {
            short_typo: 0.5,
            ..zero()
        },
        false,
    );
    assert!(
        all.iter().any(|t| !t.contains(" pagi ")),
        "pagi never slipped"
    );
    for t in &all {
        assert!(t.contains("pln 123") && t.contains("rahmat") && t.contains("melati"));
        for w in ["pagi", "maaf"] {
            let near = t.split([' ', '|']).any(|x| strsim::levenshtein(x, w) <= 1);
            assert!(near, "{w} lost in {t}");
        }
    }
}

#[test]
fn sound_confusion_writes_real_words() {
    let all = fires(
        AsrLevel {
            confusion: 1.0,
            ..zero()
        },
        false,
    );
    assert!(all
        .iter()
        .any(|t| t.contains("bagi") || t.contains("maap") || t.contains("map")));
    for t in &all {
        // Never another time of day, never a number word changed.
        assert!(!t.contains(" siang ") && !t.contains(" sore ") && !t.contains(" malam "));
        assert!(t.contains("tiga kali dua puluh empat jam"), "{t}");
    }
}

#[test]
fn name_variant_stays_the_same_name() {
    let all = fires(
        AsrLevel {
            name_variant: 1.0,
            ..zero()
        },
        false,
    );
    for t in &all {
        let words: Vec<&str> = t.split(' ').collect();
        assert_eq!(words[4], "dengan");
        assert!(strsim::levenshtein(words[5], "rahmat") <= 2, "{t}");
        // Address words are no one's name: untouched.
        assert!(t.contains("melati raya"), "{t}");
    }
    assert!(all.iter().any(|t| t.contains("rahmad")));
}

#[test]
fn word_boundary_splits_and_merges() {
    let all = fires(
        AsrLevel {
            boundary: 1.0,
            key_cap: 9,
            ..zero()
        },
        false,
    );
    let t = all.join(" ");
    assert!(
        t.contains("di bantu") || t.contains("ditindak lanjuti"),
        "{t}"
    );
    assert!(t.contains("terimakasih") || t.contains("mohonmaaf"), "{t}");
    assert!(all.iter().all(|t| t.contains("tiga kali dua puluh empat")));
}

#[test]
fn stutters_and_fillers_keep_every_word() {
    let all = fires(
        AsrLevel {
            stutter: 0.3,
            ..zero()
        },
        false,
    );
    for t in &all {
        // Only insertions: every clean word is still there, in order.
        let mut it = t.split(' ');
        for w in text(&call()).split(' ') {
            assert!(it.any(|x| x == w), "{w} lost in {t}");
        }
        assert!(
            t.contains("tiga kali dua puluh empat"),
            "filler inside a number: {t}"
        );
    }
}

#[test]
fn whisper_style_capitals_punctuation_digits() {
    let all = fires(
        AsrLevel {
            whisper: 1.0,
            ..zero()
        },
        false,
    );
    for t in &all {
        assert!(t.starts_with("PLN 123 selamat pagi dengan Rahmat"), "{t}");
        assert!(t.contains("3x24 jam"), "{t}");
        assert!(t.contains("Baik"), "{t}");
    }
}

#[test]
fn heldout_kinds_fire_only_when_asked() {
    let drift = AsrLevel {
        drift: 0.5,
        english: 1.0,
        backchannel: 1.0,
        ..zero()
    };
    for s in 0..50 {
        assert_eq!(
            text(&only(drift, false, s)),
            text(&call()),
            "held out leaked"
        );
    }
    let all = fires(drift, true);
    assert!(all
        .iter()
        .any(|t| ["okay", "sorry", "actually", "oke", "so "]
            .iter()
            .any(|e| t.contains(e))));
    for s in 0..50 {
        let turns = only(drift, true, s);
        // The long agent turn is split around a caller backchannel, in time order.
        assert!(turns.len() > call().len(), "{}", text(&turns));
        assert!(turns.windows(2).all(|w| w[0].end <= w[1].start + 1e-9));
        let roles: Vec<Role> = turns.iter().map(|t| t.role).collect();
        assert!(roles
            .windows(3)
            .any(|w| w == [Role::Agent, Role::Caller, Role::Agent]));
        assert!(text(&turns).contains("tiga kali dua puluh empat"));
    }
}

#[test]
fn default_kinds_same_with_and_without_heldout_streams() {
    // The held-out kinds draw from their own stream: with their rates at zero, the
    // default kinds come out the same whether or not they are switched on.
    let lv = AsrLevel {
        drift: 0.0,
        english: 0.0,
        backchannel: 0.0,
        ..AsrLevel::of(3)
    };
    for s in 0..50 {
        assert_eq!(text(&only(lv, false, s)), text(&only(lv, true, s)));
    }
}

#[test]
fn deterministic_and_protected_at_level_three() {
    let n = Noise::with_heldout(true);
    for seed in 0..300 {
        let run = || {
            let mut t = call();
            n.apply_call(&mut t, 3, &names(), &people(), &mut Rng::new(seed));
            t
        };
        let (a, b) = (run(), run());
        assert_eq!(text(&a), text(&b));
        let all = text(&a).to_lowercase();
        let words: Vec<&str> = all
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        for w in ["melati", "raya", "pln"] {
            assert!(words.contains(&w), "{w} lost in {all}");
        }
        let ticket = ["123", "satu dua tiga", "seratus dua puluh tiga"];
        assert!(ticket.iter().any(|t| all.contains(t)), "{all}");
        // The time of day survives within one letter and never becomes another one.
        assert!(
            words
                .iter()
                .any(|w| ["pagi", "bagi"].contains(w) || strsim::levenshtein(w, "pagi") <= 1),
            "{all}"
        );
        for t in TIME_WORDS.iter().filter(|t| **t != "pagi") {
            assert!(!words.contains(t), "{t} appeared in {all}");
        }
        // Names at most a neighbouring spelling.
        assert!(
            words.iter().any(|w| strsim::levenshtein(w, "rahmat") <= 2),
            "{all}"
        );
        let times: Vec<f64> = a.iter().map(|t| t.start).collect();
        assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    }
}

#[test]
fn key_edits_are_capped_per_turn() {
    let lv = AsrLevel {
        short_typo: 1.0,
        confusion: 1.0,
        boundary: 1.0,
        key_cap: 1,
        ..AsrLevel::default()
    };
    let n = Noise::new();
    for s in 0..100 {
        let mut turns = vec![turn(Role::Agent, 0.0, 4.0, "mohon maaf selamat pagi")];
        let mut st = Streams::from(&mut Rng::new(s));
        asr::apply(&n, &mut turns, &lv, &[], &[], false, &mut st);
        let same = turns[0]
            .text
            .split(' ')
            .filter(|w| ["mohon", "maaf", "selamat", "pagi"].contains(w))
            .count();
        assert!(same >= 2, "{}", turns[0].text);
    }
}

#[test]
fn levels_zero_and_one_have_no_recogniser_kinds() {
    for l in [0, 1] {
        let a = AsrLevel::of(l);
        assert_eq!(a.short_typo + a.confusion + a.name_variant + a.whisper, 0.0);
        let n = Noise::with_heldout(true);
        for seed in 0..50 {
            let mut full = call();
            let mut base = call();
            n.apply_call(&mut full, l, &names(), &people(), &mut Rng::new(seed));
            Noise::new().apply(&mut base, l, &names(), &mut Rng::new(seed));
            assert_eq!(text(&full), text(&base));
        }
    }
    assert!(LOCKED.windows(2).all(|w| w[0] < w[1]));
    assert!(tables::short_typo("ab", &mut Rng::new(0)).is_none());
}
