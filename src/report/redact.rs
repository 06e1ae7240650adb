//! `--redact`: personal data masked in the evidence written to the reports.
//!
//! Long numbers — phone numbers, customer ids, meter numbers, report numbers — are masked
//! whether written as digits (`081234567890`), digit groups (`0812 3456 7890`,
//! `0812-3456-7890`), with a letter prefix (`K5421090602335`) or said as Indonesian
//! number words (`nol delapan satu dua ...`, read by the normaliser's number reader): a
//! run of number tokens holding [`MIN_DIGITS`] digits or more becomes `*` per digit but
//! the last three (`*********890`). The caller's name, as the CRM or the prior report
//! holds it, becomes initials (`budi santoso` → `B. S.`). Redaction runs on the text
//! written out, after every step is decided, so it cannot change a verdict.

use crate::matching::numbers::read_number_words;
use std::borrow::Cow;

/// A run of number tokens with this many digits or more is masked.
pub const MIN_DIGITS: usize = 6;
/// Digits left visible at the end of a masked number.
pub const KEEP_DIGITS: usize = 3;

/// Titles that may stand in a name field but are not part of the name.
const TITLES: [&str; 16] = [
    "bapak", "pak", "bpk", "ibu", "bu", "mas", "mbak", "sdr", "saudara", "saudari", "tn", "ny",
    "nn", "hj", "dr", "ir",
];

/// The redaction of one call: the caller's name words.
#[derive(Debug, Clone, Default)]
pub struct Redactor {
    names: Vec<String>,
}

/// A word of the text: the byte span of a run of letters and digits, digit groups
/// joined by `-`, `.` or `/` (`0812-3456`, `08.15`) kept as one.
#[derive(Clone, Copy)]
struct Tok {
    core: (usize, usize),
}

fn tokens(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let joins = matches!(c, '-' | '.' | '/')
            && start.is_some()
            && i > 0
            && b[i - 1].is_ascii_digit()
            && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        match (c.is_alphanumeric() || joins, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Tok { core: (s, i) });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Tok {
            core: (s, text.len()),
        });
    }
    out
}

/// What a word is for the number runs.
enum Kind {
    /// Digits with separators, maybe after a short letter prefix: prefix, digits.
    Digits(String, String),
    /// A number word (lower case).
    Word(String),
    Other,
}

fn kind(core: &str) -> Kind {
    let prefix_len = core.bytes().take_while(u8::is_ascii_alphabetic).count();
    let rest = &core[prefix_len..];
    if prefix_len <= 3
        && rest.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && rest
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'.' | b'/'))
    {
        let digits = rest
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(char::from)
            .collect();
        return Kind::Digits(core[..prefix_len].to_string(), digits);
    }
    let lower = core.to_lowercase();
    let read = read_number_words(&[lower.as_str()]);
    let is_word = !read.is_empty()
        && read
            .iter()
            .all(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
        && !lower.bytes().all(|b| b.is_ascii_digit());
    if is_word {
        Kind::Word(lower)
    } else {
        Kind::Other
    }
}

/// Digits said by a run of number words, as the normaliser reads them.
fn word_digits(words: &[String], out: &mut String) {
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    for t in read_number_words(&refs) {
        out.push_str(&t);
    }
}

impl Redactor {
    /// The redactor of a call whose caller is named `names` (CRM name, report name; any
    /// may be empty).
    pub fn for_caller<'a>(names: impl IntoIterator<Item = &'a str>) -> Redactor {
        let mut words: Vec<String> = names
            .into_iter()
            .flat_map(|n| n.split(|c: char| !c.is_alphanumeric()))
            .map(str::to_lowercase)
            .filter(|w| w.chars().count() >= 2 && !TITLES.contains(&w.as_str()))
            .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
            .collect();
        words.sort();
        words.dedup();
        Redactor { names: words }
    }

    /// `text` with long numbers masked and the caller's name as initials.
    pub fn apply<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let toks = tokens(text);
        let kinds: Vec<Kind> = toks
            .iter()
            .map(|t| kind(&text[t.core.0..t.core.1]))
            .collect();
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        let mut changed = false;
        let mut i = 0;
        while i < toks.len() {
            if matches!(kinds[i], Kind::Other) {
                let t = toks[i];
                let core = &text[t.core.0..t.core.1];
                if !self.names.is_empty() && self.names.contains(&core.to_lowercase()) {
                    out.push_str(&text[at..t.core.0]);
                    out.extend(core.chars().next().into_iter().flat_map(char::to_uppercase));
                    out.push('.');
                    at = t.core.1;
                    changed = true;
                }
                i += 1;
                continue;
            }
            let mut j = i;
            let (mut digits, mut words) = (String::new(), Vec::new());
            while j < kinds.len() {
                match &kinds[j] {
                    Kind::Digits(_, d) => {
                        word_digits(&words, &mut digits);
                        words.clear();
                        digits.push_str(d);
                    }
                    Kind::Word(w) => words.push(w.clone()),
                    Kind::Other => break,
                }
                j += 1;
            }
            word_digits(&words, &mut digits);
            let n = digits.len();
            if n >= MIN_DIGITS {
                let (first, last) = (toks[i], toks[j - 1]);
                out.push_str(&text[at..first.core.0]);
                if let Kind::Digits(prefix, _) = &kinds[i] {
                    out.push_str(prefix);
                }
                out.extend(std::iter::repeat_n('*', n - KEEP_DIGITS));
                out.push_str(&digits[n - KEEP_DIGITS..]);
                at = last.core.1;
                changed = true;
            }
            i = j;
        }
        if !changed {
            return Cow::Borrowed(text);
        }
        out.push_str(&text[at..]);
        Cow::Owned(out)
    }
}

/// Cuts `text` to at most `max` characters, the last of them `…`, when it is longer.
pub fn cap(text: &mut String, max: usize) {
    if text.len() <= max {
        return;
    }
    // Bytes bound characters, so only a text of more than `max` bytes can be too long.
    if text.char_indices().nth(max).is_some() {
        let keep = text
            .char_indices()
            .nth(max.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        text.truncate(keep);
        text.push('…');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn red(text: &str) -> String {
        Redactor::for_caller(["Budi Santoso", "Ibu Sari"])
            .apply(text)
            .into_owned()
    }

    #[test]
    fn numbers_masked_in_every_form() {
        assert_eq!(
            red("nomor saya 081234567890 ya"),
            "nomor saya *********890 ya"
        );
        assert_eq!(red("0812 3456 7890."), "*********890.");
        assert_eq!(red("(0812-3456-7890)"), "(*********890)");
        assert_eq!(red("laporan K5421090602335"), "laporan K**********335");
        assert_eq!(
            red("nol delapan satu dua tiga empat lima enam tujuh delapan"),
            "*******678"
        );
        assert_eq!(red("kosong delapan 12 34 lima enam"), "*****456");
    }

    #[test]
    fn short_numbers_and_words_kept() {
        for t in [
            "tiga kali dua puluh empat jam",
            "pln 123 selamat pagi",
            "tanggal 20 jam 08.15",
            "satu lagi pak",
            "",
        ] {
            assert_eq!(red(t), t);
        }
    }

    #[test]
    fn caller_name_as_initials() {
        assert_eq!(
            red("baik bapak budi santoso, ibu sari"),
            "baik bapak B. S., ibu S."
        );
        assert_eq!(Redactor::default().apply("budi"), "budi");
    }

    #[test]
    fn cap_adds_ellipsis() {
        let mut s = "é".repeat(10);
        cap(&mut s, 4);
        assert_eq!(s, "ééé…");
        let mut s = "abcd".to_string();
        cap(&mut s, 4);
        assert_eq!(s, "abcd");
        let mut s = "abcde".to_string();
        cap(&mut s, 4);
        assert_eq!(s, "abc…");
    }
}
