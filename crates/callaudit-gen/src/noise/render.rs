//! Whisper-style rendering of a call (default kind `whisper_style`): sentence capitals,
//! commas and end punctuation, names and vocatives capitalised, "PLN" in capitals, and
//! numbers read aloud written back as digits ("dua puluh empat" → "24", "tiga kali dua
//! puluh empat" → "3x24", a ticket number read digit by digit → "K5421…").

use crate::rng::Rng;
use callaudit::model::Turn;

const DIGITS: [&str; 10] = [
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
];

const VOCATIVES: &[&str] = &["pak", "bu", "bapak", "ibu", "mbak", "mas", "kak"];

const OPENERS: &[&str] = &[
    "baik", "oke", "okay", "halo", "iya", "ya", "nah", "jadi", "eh",
];

/// Words that open a new sentence after a vocative ("Baik, Pak. Mohon …").
const STARTERS: &[&str] = &[
    "mohon", "untuk", "apakah", "ada", "saya", "kami", "baik", "terima", "silakan", "nanti",
    "jadi", "boleh", "laporan", "petugas", "selamat", "semoga", "estimasi", "apa", "sudah",
];

const QUESTION: &[&str] = &[
    "apakah",
    "apa",
    "berapa",
    "siapa",
    "kapan",
    "bagaimana",
    "gimana",
    "dimana",
    "mana",
];

/// Renders every turn of a call the way one Whisper-like engine writes (one call, one
/// engine: consistent within the call; comma habits drawn once).
pub fn whisper(turns: &mut [Turn], people: &[String], rng: &mut Rng) {
    let commas = rng.chance(0.7);
    for t in turns.iter_mut() {
        let words = digits_back(&t.text);
        t.text = punctuate(&words, people, commas);
    }
}

fn digit(w: &str) -> Option<u32> {
    DIGITS.iter().position(|d| *d == w).map(|d| d as u32)
}

fn multiplier(w: &str) -> bool {
    matches!(
        w,
        "sepuluh" | "sebelas" | "seratus" | "seribu" | "belas" | "puluh" | "ratus" | "ribu"
    )
}

/// Number words back to digits: a run with a multiplier as a cardinal, a run of three or
/// more digit words (zero also "kosong") as a digit string; "x"/"kali" between two numbers
/// joins them ("3x24"); a lone letter before a digit string joins it ("K5421…").
fn digits_back(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while j < words.len()
            && (digit(words[j]).is_some()
                || multiplier(words[j])
                || (words[j] == "kosong" && j > i))
        {
            j += 1;
        }
        let run = &words[i..j];
        let has_mult = run.iter().any(|w| multiplier(w));
        let value = if has_mult {
            cardinal_value(run)
        } else if run.len() >= 3 {
            Some(
                run.iter()
                    .map(|w| digit(w).map_or('0', |d| char::from(b'0' + d as u8)))
                    .collect(),
            )
        } else {
            None
        };
        match value {
            Some(v) => {
                let joined = match out.last().map(String::as_str) {
                    Some("k") if !has_mult => {
                        out.pop();
                        format!("K{v}")
                    }
                    _ => v,
                };
                out.push(joined);
                i = j;
            }
            None => {
                out.push(words[i].to_string());
                i += 1;
            }
        }
    }
    join_times(out)
}

/// "3 x 24", "tiga kali 24" → "3x24".
fn join_times(words: Vec<String>) -> Vec<String> {
    let num = |w: &str| -> Option<String> {
        if !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) {
            Some(w.to_string())
        } else {
            digit(w).map(|d| d.to_string())
        }
    };
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut k = 0;
    while k < words.len() {
        if k + 2 < words.len() && matches!(words[k + 1].as_str(), "x" | "kali") {
            if let (Some(a), Some(b)) = (num(&words[k]), num(&words[k + 2])) {
                out.push(format!("{a}x{b}"));
                k += 3;
                continue;
            }
        }
        out.push(words[k].clone());
        k += 1;
    }
    out
}

/// The value of a cardinal read aloud, or `None` when the run is not one number.
fn cardinal_value(run: &[&str]) -> Option<String> {
    let (mut total, mut group, mut last): (u32, u32, Option<u32>) = (0, 0, None);
    for w in run {
        match *w {
            "sepuluh" => group += 10,
            "sebelas" => group += 11,
            "seratus" => group += 100,
            "seribu" => total += 1000,
            "belas" => group += 10 + last.take()?,
            "puluh" => group += 10 * last.take()?,
            "ratus" => group += 100 * last.take()?,
            "ribu" => {
                total += (group + last.take().unwrap_or(0)) * 1000;
                group = 0;
            }
            d => {
                if last.is_some() {
                    return None;
                }
                last = Some(digit(d)?);
            }
        }
    }
    Some((total + group + last.unwrap_or(0)).to_string())
}

fn capital(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Capitals, commas and end punctuation over one turn's words.
fn punctuate(words: &[String], people: &[String], commas: bool) -> String {
    let n = words.len();
    let mut out = String::with_capacity(n * 8);
    let mut sentence: Vec<&str> = Vec::new();
    let mut start = true;
    for (k, w) in words.iter().enumerate() {
        let next = words.get(k + 1).map(String::as_str);
        let mut piece = if w == "pln" {
            "PLN".to_string()
        } else if people.iter().any(|p| p == w) || (VOCATIVES.contains(&w.as_str()) && !start) {
            capital(w)
        } else {
            w.clone()
        };
        if start {
            piece = capital(&piece);
            start = false;
        }
        sentence.push(w);
        let voc = VOCATIVES.contains(&w.as_str());
        let ends = voc && next.is_some_and(|nx| STARTERS.contains(&nx)) && k > 0;
        if ends {
            piece.push(end_mark(&sentence));
            sentence.clear();
            start = true;
        } else if commas && next.is_some() {
            let opener = k == 0 && OPENERS.contains(&w.as_str());
            let after = words.get(k + 2).map(String::as_str);
            let named = after.is_some_and(|a| people.iter().any(|p| p == a));
            let before_voc = next.is_some_and(|nx| VOCATIVES.contains(&nx)) && k > 0 && !named;
            if opener || before_voc {
                piece.push(',');
            }
        }
        out.push_str(&piece);
        out.push(' ');
    }
    out.pop();
    if !out.is_empty() && !start {
        out.push(end_mark(&sentence));
    }
    out
}

fn end_mark(sentence: &[&str]) -> char {
    let q = sentence.iter().any(|w| QUESTION.contains(w))
        || sentence.last().is_some_and(|w| w.ends_with("kah"))
        || sentence.ends_with(&["bisa", "dibantu"]);
    if q {
        '?'
    } else {
        '.'
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_come_back_as_digits() {
        let w = digits_back("estimasi tiga kali dua puluh empat jam");
        assert_eq!(w.join(" "), "estimasi 3x24 jam");
        let w = digits_back("nomor k lima empat dua satu kosong nol");
        assert_eq!(w.join(" "), "nomor K542100");
        assert_eq!(digits_back("seratus dua puluh tiga").join(" "), "123");
        assert_eq!(digits_back("dua hari").join(" "), "dua hari");
        assert_eq!(digits_back("token kosong").join(" "), "token kosong");
        assert_eq!(
            digits_back("maksimal 3 x 24 jam").join(" "),
            "maksimal 3x24 jam"
        );
    }

    #[test]
    fn sentences_get_capitals_and_marks() {
        let w: Vec<String> = "baik pak mohon ditunggu ya pak"
            .split(' ')
            .map(String::from)
            .collect();
        assert_eq!(
            punctuate(&w, &[], true),
            "Baik, Pak. Mohon ditunggu ya, Pak."
        );
        let w: Vec<String> = "pln 123 selamat pagi dengan andri ada yang bisa dibantu"
            .split(' ')
            .map(String::from)
            .collect();
        assert_eq!(
            punctuate(&w, &["andri".into()], false),
            "PLN 123 selamat pagi dengan Andri ada yang bisa dibantu?"
        );
    }
}
