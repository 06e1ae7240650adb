//! How numbers are said: Indonesian number words, and the ways agents and callers read
//! report numbers, phone numbers and customer ids aloud (digits, digit groups, digit words
//! with "nol" or "kosong", pairs as numbers, or only the ending).

use super::rng::Rng;

const DIGITS: [&str; 10] = [
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
];

/// The word for one digit; zero is "nol" or, as many agents say it, "kosong".
pub fn digit_word(d: u8, kosong: bool) -> &'static str {
    if d == 0 && kosong {
        "kosong"
    } else {
        DIGITS[d as usize]
    }
}

/// Indonesian cardinal for `0..1_000_000` ("seratus dua puluh tiga").
pub fn cardinal(n: u32) -> String {
    fn below_thousand(n: u32, out: &mut Vec<&'static str>) {
        let h = n / 100;
        let rest = n % 100;
        match h {
            0 => {}
            1 => out.push("seratus"),
            _ => {
                out.push(DIGITS[h as usize]);
                out.push("ratus");
            }
        }
        match rest {
            0 => {}
            10 => out.push("sepuluh"),
            11 => out.push("sebelas"),
            12..=19 => {
                out.push(DIGITS[(rest - 10) as usize]);
                out.push("belas");
            }
            1..=9 => out.push(DIGITS[rest as usize]),
            _ => {
                out.push(DIGITS[(rest / 10) as usize]);
                out.push("puluh");
                if !rest.is_multiple_of(10) {
                    out.push(DIGITS[(rest % 10) as usize]);
                }
            }
        }
    }
    if n == 0 {
        return "nol".to_string();
    }
    let mut words = Vec::new();
    let thousands = n / 1000;
    match thousands {
        0 => {}
        1 => words.push("seribu"),
        _ => {
            below_thousand(thousands, &mut words);
            words.push("ribu");
        }
    }
    below_thousand(n % 1000, &mut words);
    words.join(" ")
}

/// Every digit as a word, space separated.
pub fn digits_as_words(digits: &str, kosong: bool) -> String {
    let mut out = String::with_capacity(digits.len() * 6);
    for b in digits.bytes().filter(u8::is_ascii_digit) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(digit_word(b - b'0', kosong));
    }
    out
}

/// Digits in groups of the given sizes, the last group taking the rest.
fn grouped(digits: &str, sizes: &[usize]) -> String {
    let mut out = String::with_capacity(digits.len() + sizes.len());
    let mut i = 0;
    for &s in sizes {
        if i >= digits.len() {
            break;
        }
        let end = (i + s).min(digits.len());
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&digits[i..end]);
        i = end;
    }
    if i < digits.len() {
        out.push(' ');
        out.push_str(&digits[i..]);
    }
    out
}

/// Pairs of digits read as numbers, a leading zero as its own word ("kosong lima").
fn pairs_as_numbers(digits: &str, kosong: bool) -> String {
    let b = digits.as_bytes();
    let mut parts: Vec<String> = Vec::new();
    for chunk in b.chunks(2) {
        if chunk.len() == 2 && chunk[0] != b'0' {
            parts.push(cardinal(
                ((chunk[0] - b'0') * 10 + (chunk[1] - b'0')) as u32,
            ));
        } else {
            for &c in chunk {
                parts.push(digit_word(c - b'0', kosong).to_string());
            }
        }
    }
    parts.join(" ")
}

/// How a report number is read out; every form keeps the digits (or, for `Ending`, the
/// last six of them), which is what makes the ticket step checkable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberForm {
    /// `K5421112000123`
    Plain,
    /// `K 5421 1120 00123`
    Groups,
    /// `K lima empat dua satu ...`
    DigitWords,
    /// `K lima puluh empat dua puluh satu ...`
    PairWords,
    /// `K 5 4 2 1 ...`
    Spelled,
    /// only the ending: `dengan akhiran 000123`
    Ending,
}

impl NumberForm {
    pub const ALL: [NumberForm; 6] = [
        NumberForm::Plain,
        NumberForm::Groups,
        NumberForm::DigitWords,
        NumberForm::PairWords,
        NumberForm::Spelled,
        NumberForm::Ending,
    ];

    pub fn pick(rng: &mut Rng) -> NumberForm {
        NumberForm::ALL[rng.weighted(&[22, 26, 22, 8, 10, 12])]
    }
}

/// A report number (`K` + 13 digits) as spoken in the given form.
pub fn report_number(no: &str, form: NumberForm, kosong: bool) -> String {
    let (letter, digits) = no.split_at(1);
    match form {
        NumberForm::Plain => no.to_string(),
        NumberForm::Groups => format!("{letter} {}", grouped(digits, &[4, 4])),
        NumberForm::DigitWords => format!("{letter} {}", digits_as_words(digits, kosong)),
        NumberForm::PairWords => format!("{letter} {}", pairs_as_numbers(digits, kosong)),
        NumberForm::Spelled => {
            let mut s = String::from(letter);
            for c in digits.chars() {
                s.push(' ');
                s.push(c);
            }
            s
        }
        NumberForm::Ending => {
            let tail = &digits[digits.len() - 6..];
            if kosong {
                format!("yang berakhiran {}", digits_as_words(tail, true))
            } else {
                format!("dengan akhiran {tail}")
            }
        }
    }
}

/// A phone number as a caller says it: grouped digits or digit words.
pub fn phone(number: &str, rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => digits_as_words(number, rng.chance(0.5)),
        1 => grouped(number, &[4, 4]),
        2 => grouped(number, &[4, 3, 3]),
        _ => number.to_string(),
    }
}

/// A customer id / meter number as said: digits in groups of four, or plain.
pub fn idpel(id: &str, rng: &mut Rng) -> String {
    if rng.chance(0.6) {
        grouped(id, &[4, 4])
    } else {
        id.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cardinals() {
        assert_eq!(cardinal(0), "nol");
        assert_eq!(cardinal(3), "tiga");
        assert_eq!(cardinal(10), "sepuluh");
        assert_eq!(cardinal(11), "sebelas");
        assert_eq!(cardinal(17), "tujuh belas");
        assert_eq!(cardinal(24), "dua puluh empat");
        assert_eq!(cardinal(100), "seratus");
        assert_eq!(cardinal(123), "seratus dua puluh tiga");
        assert_eq!(cardinal(1000), "seribu");
        assert_eq!(cardinal(2305), "dua ribu tiga ratus lima");
    }

    #[test]
    fn report_number_forms_keep_the_digits() {
        let no = "K5421112000123";
        assert_eq!(report_number(no, NumberForm::Plain, false), no);
        assert_eq!(
            report_number(no, NumberForm::Groups, false),
            "K 5421 1120 00123"
        );
        assert_eq!(
            report_number(no, NumberForm::DigitWords, true),
            "K lima empat dua satu satu satu dua kosong kosong kosong satu dua tiga"
        );
        assert_eq!(
            report_number(no, NumberForm::PairWords, false),
            "K lima puluh empat dua puluh satu sebelas dua puluh nol nol dua belas tiga"
        );
        assert_eq!(
            report_number(no, NumberForm::Spelled, false),
            "K 5 4 2 1 1 1 2 0 0 0 1 2 3"
        );
        assert_eq!(
            report_number(no, NumberForm::Ending, false),
            "dengan akhiran 000123"
        );
    }
}
