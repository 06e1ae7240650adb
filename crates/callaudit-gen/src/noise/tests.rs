//! Unit tests of the noise levels: what level one does, key words surviving heavy noise,
//! spoken numbers.

use super::*;

fn turn(role: Role, start: f64, end: f64, text: &str) -> Turn {
    Turn {
        role,
        start,
        end,
        text: text.to_string(),
    }
}

#[test]
fn key_words_are_sorted_table_lookups() {
    let n = Noise::new();
    assert!(n.is_key("pln", &[]));
    assert!(n.is_key("k5421", &[]));
    assert!(n.is_key("andri", &["andri".into()]));
    assert!(!n.is_key("yang", &[]));
}

#[test]
fn level_one_lowercases_and_strips_punctuation() {
    let n = Noise::new();
    let mut turns = vec![turn(
        Role::Agent,
        0.0,
        3.0,
        "PLN 123, selamat Pagi. Dengan Andri, ada yang bisa dibantu?",
    )];
    n.apply(&mut turns, 1, &["andri".into()], &mut Rng::new(1));
    let t = &turns[0].text;
    assert!(!t.contains(',') && !t.contains('?') && !t.contains('.'));
    assert_eq!(t, &t.to_lowercase());
    assert!(t.contains("selamat pagi"));
    assert!(t.contains("andri"));
}

#[test]
fn key_words_survive_heavy_noise() {
    let n = Noise::new();
    for seed in 0..200 {
        let mut turns = vec![
            turn(
                Role::Agent,
                0.0,
                4.0,
                "PLN 123, selamat malam, dengan Andri, ada yang bisa dibantu?",
            ),
            turn(Role::Caller, 4.5, 6.0, "Halo."),
            turn(
                Role::Agent,
                7.0,
                12.0,
                "Estimasi maksimal 3x24 jam ya Pak. Mohon maaf atas permasalahannya.",
            ),
        ];
        n.apply_base(&mut turns, 3, &["andri".into()], &mut Rng::new(seed));
        let all: String = turns
            .iter()
            .map(|t| t.text.clone())
            .collect::<Vec<_>>()
            .join(" ");
        for w in ["pln", "malam", "andri", "maaf", "jam"] {
            assert!(all.split(' ').any(|x| x == w), "{w} lost in {all}");
        }
        // Long key words may carry one typo (one edit, transpositions included).
        for w in ["selamat", "permasalahannya"] {
            assert!(
                all.split(' ').any(|x| strsim::osa_distance(x, w) <= 1),
                "{w} lost in {all}"
            );
        }
        let starts: Vec<f64> = turns.iter().map(|t| t.start).collect();
        assert!(starts.windows(2).all(|w| w[1] - w[0] >= 1.0), "{starts:?}");
    }
}

#[test]
fn number_words_keep_digits() {
    let mut r = Rng::new(3);
    let w = number_words("k5421112000123", false, &mut r);
    assert_eq!(
        w,
        "k lima empat dua satu satu satu dua nol nol nol satu dua tiga"
    );
    assert_eq!(
        number_words("24", false, &mut Rng::new(0)),
        "dua puluh empat"
    );
    let w = number_words("123", false, &mut Rng::new(0));
    assert!(w == "seratus dua puluh tiga" || w == "satu dua tiga");
}
