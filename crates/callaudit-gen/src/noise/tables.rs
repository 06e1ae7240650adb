//! Tables and word rules of the recogniser noise (levels 2 and 3), built from Indonesian
//! phonology, not from any matcher: real-word confusions between similar sounds, the
//! neighbouring spellings of Indonesian names, prefixes and compounds that engines write
//! apart or together, fillers, and the vowel / final-consonant drift of held-out noise.

use crate::rng::Rng;

/// Real words a recogniser writes for another real word that sounds alike: voiced and
/// voiceless pairs (p/b, t/d, k/g), f/p/v, final m/n/ng, a final h or r heard or lost.
/// Never a time-of-day word written as another time of day.
#[rustfmt::skip]
pub const CONFUSIONS: &[(&str, &[&str])] = &[
    ("maaf", &["maap", "map"]), ("mohon", &["pohon", "mohan"]), ("pagi", &["bagi"]),
    ("malam", &["malang"]), ("lama", &["lima"]), ("dengan", &["dengar"]),
    ("bapak", &["bapa"]), ("pak", &["bak"]), ("baru", &["paru"]), ("kabel", &["kapel"]),
    ("padam", &["padang"]), ("dalam", &["dalang"]), ("lagi", &["laki"]), ("data", &["tata"]),
    ("telepon", &["telefon", "telpon"]), ("informasi", &["imformasi"]), ("aktif", &["aktip"]),
    ("kasih", &["kasi"]), ("tahu", &["tau"]), ("minta", &["minda"]), ("beri", &["peri"]),
    ("dari", &["tari"]), ("tanggal", &["tinggal"]), ("kita", &["kota"]), ("tanya", &["tanyak"]),
    ("sampai", &["sampe"]), ("nama", &["nana"]), ("kami", &["kamu"]), ("rumah", &["ruma"]),
    ("tiang", &["tiyang"]), ("listrik", &["listrit"]), ("token", &["tokeng"]),
    ("hubungi", &["hubungin"]), ("cek", &["ceg"]), ("lapor", &["lapur"]), ("proses", &["protes"]),
    ("terima", &["derima"]), ("bantu", &["pantu"]), ("baik", &["naik", "baek"]),
    ("gangguan", &["ganguan"]), ("petugas", &["betugas"]), ("tunggu", &["tungu"]),
    ("siang", &["siyang"]), ("selamat", &["slamat"]), ("sore", &["sorek"]),
];

/// The confusion of `w`, if it has one.
pub fn confusion(w: &str, rng: &mut Rng) -> Option<&'static str> {
    let (_, tos) = CONFUSIONS.iter().find(|(k, _)| *k == w)?;
    Some(rng.pick_str(tos))
}

/// Words never touched by the new kinds (besides the name kind): number words (a ticket
/// or phone number read aloud, the "3x24 jam" of the estimate) and acronyms.
#[rustfmt::skip]
pub const LOCKED: &[&str] = &[
    "app", "belas", "cc", "delapan", "dua", "empat", "enam", "hp", "id", "ilp", "jam", "k",
    "kali", "kosong", "lima", "nol", "pln", "puluh", "ratus", "ribu", "satu", "sebelas",
    "sembilan", "sepuluh", "seratus", "seribu", "spklu", "tiga", "tujuh", "x",
];

pub const TIME_WORDS: &[&str] = &["pagi", "siang", "sore", "malam"];

/// Indonesian fillers and hesitations (default kind).
pub const FILLERS: &[&str] = &["eh", "anu", "hmm", "ya", "eee", "apa namanya", "itu", "em"];

/// Code-switched English fillers (held-out kind).
pub const ENGLISH: &[&str] = &[
    "okay",
    "sorry",
    "so",
    "actually",
    "by the way",
    "anyway",
    "oke",
    "right",
];

/// A caller's backchannel while the agent talks (held-out kind).
pub const BACKCHANNEL: &[&str] = &["iya", "hmm", "oke", "iya iya", "he em", "ya", "hmm iya"];

/// Pairs an engine writes as one word.
#[rustfmt::skip]
pub const MERGES: &[(&str, &str)] = &[
    ("ada", "yang"), ("mohon", "maaf"), ("mohon", "ditunggu"), ("sama", "sama"),
    ("terima", "kasih"), ("tindak", "lanjut"),
];

/// Words with a real prefix an engine may write apart (`ke sehatan`, `se belumnya`);
/// any `di-` word of six letters or more also qualifies, besides [`NOT_DI`].
#[rustfmt::skip]
pub const PREFIXED: &[&str] = &[
    "kebakaran", "kebutuhan", "kejadian", "kepada", "kesehatan", "keterangan",
    "ketidaknyamanan", "ketidaknyamanannya", "sebelumnya", "sebentar", "secepatnya", "semoga",
    "seperti", "sesuai", "setelah", "terkait", "tersebut",
];

/// `di…` words whose `di` is not a prefix.
pub const NOT_DI: &[&str] = &["dinding", "dingin", "dinas", "dirinya", "diam", "dikit"];

/// Splits a prefix off: `dibantu` → `di bantu`, `terkait` → `ter kait`.
pub fn prefix_apart(w: &str) -> Option<String> {
    let listed = PREFIXED.contains(&w);
    let di = w.starts_with("di") && w.len() >= 6 && !NOT_DI.contains(&w);
    if !(listed || di) {
        return None;
    }
    let cut = if w.starts_with("ter") { 3 } else { 2 };
    Some(format!("{} {}", &w[..cut], &w[cut..]))
}

/// Splits a suffix or compound off a long word: `permasalahannya` → `permasalahan nya`,
/// `sampaikan` → `sampai kan`, `ditindaklanjuti` → `ditindak lanjuti`.
pub fn suffix_apart(w: &str) -> Option<String> {
    if let Some(i) = w.find("lanjut").filter(|&i| i > 0) {
        return Some(format!("{} {}", &w[..i], &w[i..]));
    }
    for suf in ["nya", "kan"] {
        if w.len() >= 8 && w.ends_with(suf) {
            let cut = w.len() - suf.len();
            return Some(format!("{} {}", &w[..cut], &w[cut..]));
        }
    }
    None
}

/// A one-letter slip in a short word: a doubled letter, a lost letter, or a letter heard
/// as its neighbour (vowel height, voicing, nasal place, r/l). The first letter stays.
pub fn short_typo(w: &str, rng: &mut Rng) -> Option<String> {
    let c: Vec<char> = w.chars().collect();
    if c.len() < 3 || !c.iter().all(|ch| ch.is_ascii_lowercase()) {
        return None;
    }
    let i = 1 + rng.index(c.len() - 1);
    let mut out = c.clone();
    match rng.below(3) {
        0 => out.insert(i, c[i]),
        1 if c.len() >= 4 => {
            out.remove(i);
        }
        _ => out[i] = near_letter(c[i])?,
    }
    Some(out.into_iter().collect())
}

fn near_letter(c: char) -> Option<char> {
    Some(match c {
        'a' => 'e',
        'e' => 'i',
        'i' => 'e',
        'o' => 'u',
        'u' => 'o',
        'n' => 'm',
        'm' => 'n',
        't' => 'd',
        'd' => 't',
        'k' => 'g',
        'g' => 'k',
        'p' => 'b',
        'b' => 'p',
        'r' => 'l',
        'l' => 'r',
        's' => 'c',
        _ => return None,
    })
}

/// Held-out drift: a vowel e/i or o/u heard as the other, a final h or k lost, a final t/d
/// swapped, a final n or m heard as ng.
pub fn drift(w: &str, rng: &mut Rng) -> Option<String> {
    let b = w.as_bytes();
    if b.len() < 4 || !b.iter().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let last = b[b.len() - 1];
    let mut rules: Vec<u8> = Vec::with_capacity(4);
    if b[1..]
        .iter()
        .any(|&c| matches!(c, b'e' | b'i' | b'o' | b'u'))
    {
        rules.push(0);
    }
    if matches!(last, b'h' | b'k' | b't' | b'd' | b'n' | b'm') {
        rules.push(1);
    }
    if rules.is_empty() {
        return None;
    }
    let body = &w[..w.len() - 1];
    Some(match rules[rng.index(rules.len())] {
        0 => {
            let idx: Vec<usize> = (1..b.len())
                .filter(|&k| matches!(b[k], b'e' | b'i' | b'o' | b'u'))
                .collect();
            let k = idx[rng.index(idx.len())];
            let to = match b[k] {
                b'e' => 'i',
                b'i' => 'e',
                b'o' => 'u',
                _ => 'o',
            };
            format!("{}{}{}", &w[..k], to, &w[k + 1..])
        }
        _ => match last {
            b'h' | b'k' => body.to_string(),
            b't' => format!("{body}d"),
            b'd' => format!("{body}t"),
            b'm' => format!("{body}ng"),
            _ if !w.ends_with("ng") => format!("{w}g"),
            _ => return None,
        },
    })
}

/// A neighbouring spelling of an Indonesian name, as a recogniser writes it: final t/d,
/// j/dj, u/oe, final i/y, f/p, z/s, c/tj, h/ch before a consonant, a doubled consonant.
/// The result stays recognisably the same name (one rule, one place).
pub fn name_variant(name: &str, rng: &mut Rng) -> Option<String> {
    let w = name;
    let mut cands: Vec<String> = Vec::with_capacity(8);
    let b = w.as_bytes();
    if b.len() < 3 || !b.iter().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let n = b.len();
    let body = &w[..n - 1];
    match b[n - 1] {
        b't' => cands.push(format!("{body}d")),
        b'd' => cands.push(format!("{body}t")),
        b'i' => cands.push(format!("{body}y")),
        b'y' => cands.push(format!("{body}i")),
        b'f' => cands.push(format!("{body}p")),
        _ => {}
    }
    if let Some(k) = w.find('j').filter(|&k| k == 0 || b[k - 1] != b'd') {
        cands.push(format!("{}dj{}", &w[..k], &w[k + 1..]));
    }
    if let Some(k) = w.find('u') {
        cands.push(format!("{}oe{}", &w[..k], &w[k + 1..]));
    }
    for (from, to) in [("f", "p"), ("z", "s"), ("c", "tj"), ("sy", "s")] {
        if let Some(k) = w.find(from) {
            cands.push(format!("{}{}{}", &w[..k], to, &w[k + from.len()..]));
        }
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    if let Some(k) = (1..n - 1).find(|&k| b[k] == b'h' && vowel(b[k - 1]) && !vowel(b[k + 1])) {
        cands.push(format!("{}ch{}", &w[..k], &w[k + 1..]));
    }
    if let Some(k) = (1..n - 1).find(|&k| !vowel(b[k]) && vowel(b[k - 1]) && vowel(b[k + 1])) {
        if matches!(b[k], b'n' | b'm' | b'l' | b'r' | b's' | b't' | b'd' | b'k') {
            cands.push(format!("{}{}", &w[..k + 1], &w[k..]));
        }
    }
    cands.retain(|c| c != w);
    if cands.is_empty() {
        return None;
    }
    Some(cands.swap_remove(rng.index(cands.len())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confusions_never_make_a_time_of_day() {
        for (from, tos) in CONFUSIONS {
            for to in *tos {
                assert_ne!(from, to);
                assert!(!TIME_WORDS.contains(to), "{from} → {to}");
            }
        }
    }

    #[test]
    fn name_variants_stay_close() {
        let mut r = Rng::new(1);
        for name in [
            "rahmat", "yusuf", "joko", "citra", "rizky", "andi", "wijaya", "reza",
        ] {
            for _ in 0..20 {
                let v = name_variant(name, &mut r).expect(name);
                assert_ne!(v, name);
                assert!(strsim::levenshtein(&v, name) <= 2, "{name} → {v}");
            }
        }
        let all: Vec<String> = (0..50)
            .filter_map(|s| name_variant("rahmat", &mut Rng::new(s)))
            .collect();
        assert!(all.iter().any(|v| v == "rahmad"), "{all:?}");
    }

    #[test]
    fn splits_and_slips() {
        assert_eq!(prefix_apart("dibantu").as_deref(), Some("di bantu"));
        assert_eq!(prefix_apart("dingin"), None);
        assert_eq!(
            suffix_apart("ditindaklanjuti").as_deref(),
            Some("ditindak lanjuti")
        );
        assert_eq!(
            suffix_apart("permasalahannya").as_deref(),
            Some("permasalahan nya")
        );
        let mut r = Rng::new(2);
        for _ in 0..200 {
            let t = short_typo("pagi", &mut r).unwrap();
            assert!(
                t.starts_with('p') && strsim::levenshtein(&t, "pagi") == 1,
                "{t}"
            );
            let d = drift("tolong", &mut r).unwrap();
            assert!(strsim::levenshtein(&d, "tolong") <= 1, "{d}");
        }
    }
}
