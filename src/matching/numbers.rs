//! Indonesian number words → digits, so "pln seratus dua puluh tiga", "pln satu dua tiga"
//! and "pln 1 2 3" all become `pln 123`, and "tiga kali dua puluh empat jam" `3 x 24 jam`.
//!
//! A run of number words with a multiplier (puluh, belas, ratus, ribu, juta) is read as a
//! compound number; a run of bare digit words is read digit by digit, as agents read
//! report numbers and phone numbers aloud.

use super::number_words::{exact, near, number_word, words_where, Num, ENDS, WORDS};
use std::borrow::Cow;

/// Long number words (seven letters and up) the ASR misspells by one edit and that one
/// edit still tells apart ("sembilna", "seartus"): the digits, with their values.
fn long_digits() -> impl Iterator<Item = (&'static str, u64)> {
    WORDS.iter().filter_map(|&(w, n)| match n {
        Num::Digit(d) if w.len() >= 7 => Some((w, d)),
        _ => None,
    })
}

/// The multiplier word a misspelt long token stands for, if any.
fn misspelt_multiplier(w: &str) -> Option<&'static str> {
    if !(6..=8).contains(&w.len()) || !w.starts_with("se") {
        return None;
    }
    words_where(7, |n| matches!(n, Num::Whole(..)))
        .find(|m| w != *m && near(w, m) && super::edit::within(w, m, 1))
}

/// Whether [`words_to_digits`] rewrites `w` (a number word or a misspelt one): a token
/// list without such words only has its single digits joined. Same answer as
/// `is_number_word(w) || misspelt_multiplier(w).is_some()`, which is called for every
/// token of every turn, in a few integer compares: a number word is at most 8 bytes
/// and a misspelt one 6 to 9 bytes, starting with `d` or `s`.
#[inline]
pub fn needs_reading(w: &str) -> bool {
    let b = w.as_bytes();
    // Most tokens are ruled out by length and first and last letters.
    let plausible = match (b.len(), b.first()) {
        (6..=9, Some(b'd' | b's')) => true,
        (3..=8, Some(&f @ b'a'..=b'z')) => {
            let last = b[b.len() - 1];
            last.is_ascii_lowercase() && ENDS[usize::from(f - b'a')] & 1 << (last - b'a') != 0
        }
        _ => false,
    };
    plausible && reads(w)
}

/// [`needs_reading`] past its quick test.
fn reads(w: &str) -> bool {
    let b = w.as_bytes();
    match b.len() {
        3..=5 => exact(b),
        6 => exact(b) || (b[0] == b's' && misspelt_multiplier(w).is_some()),
        7 | 8 => {
            exact(b)
                || (matches!(b[0], b'd' | b's')
                    && (misspelt_digit(w) || misspelt_multiplier(w).is_some()))
        }
        9 => matches!(b[0], b'd' | b's') && misspelt_digit(w),
        _ => false,
    }
}

/// Whether `w` is a long digit word misspelt by one edit (as [`digit`] reads it).
fn misspelt_digit(w: &str) -> bool {
    long_digits().any(|(word, _)| {
        w.as_bytes()[0] == word.as_bytes()[0]
            && w != word
            && near(w, word)
            && super::edit::within(w, word, 1)
    })
}

fn digit(w: &str) -> Option<u64> {
    // Every digit word starts with one of these letters (or is a digit) and is short.
    match w.as_bytes().first() {
        Some(b'n' | b'k' | b's' | b'd' | b't' | b'e' | b'l' | b'0'..=b'9') if w.len() <= 9 => {}
        _ => return None,
    }
    if (7..=9).contains(&w.len()) {
        for (word, d) in long_digits() {
            // One edit keeps the length within one and, in practice, the first letter.
            if w.as_bytes()[0] == word.as_bytes()[0]
                && w != word
                && near(w, word)
                && super::edit::within(w, word, 1)
            {
                return Some(d);
            }
        }
    }
    match (number_word(w), w.as_bytes()) {
        (Some(Num::Digit(d)), _) => Some(d),
        (None, &[b @ b'0'..=b'9']) => Some(u64::from(b - b'0')),
        _ => None,
    }
}

fn is_multiplier(w: &str) -> bool {
    number_word(w).is_some_and(|n| !matches!(n, Num::Digit(_)))
}

/// A digit word, a misspelt long digit word or a multiplier; not a digit string.
/// (What `digit(w).is_some() && !all digits || is_multiplier(w)` answers, in integer
/// compares: it is asked of every token of a turn that has numbers.)
fn is_number_word(w: &str) -> bool {
    let b = w.as_bytes();
    exact(b) || ((7..=9).contains(&b.len()) && misspelt_digit(w))
}

/// Reads one compound run into one or more numbers. A new number starts when a digit
/// follows a digit, or a multiplier repeats a magnitude already filled: report numbers
/// are read in pairs ("lima puluh empat, tiga puluh satu" is 54 31, not 85).
fn compound(words: &[&str]) -> Vec<u64> {
    let mut out = Vec::new();
    let (mut total, mut acc, mut pending): (u64, u64, Option<u64>) = (0, 0, None);
    // Smallest magnitude set so far in the current number.
    let mut filled: Option<u64> = None;
    let mut started = false;
    let flush = |total: &mut u64, acc: &mut u64, pending: &mut Option<u64>, out: &mut Vec<u64>| {
        out.push(*total + *acc + pending.take().unwrap_or(0));
        *total = 0;
        *acc = 0;
    };
    for &w in words {
        if let Some(d) = digit(w) {
            if pending.is_some() || filled == Some(1) {
                flush(&mut total, &mut acc, &mut pending, &mut out);
                filled = None;
            }
            pending = Some(d);
            continue;
        }
        let kind = number_word(w);
        let m = kind.map_or(1, Num::magnitude);
        if filled.is_some_and(|f| m >= f && m < 1000) {
            // The magnitude is taken: this multiplier opens the next number, with the
            // digit just said.
            let carry = pending.take();
            flush(&mut total, &mut acc, &mut None, &mut out);
            pending = carry;
        }
        match kind {
            // sepuluh, sebelas, seratus; seribu
            Some(Num::Whole(v, m)) if m < 1000 => acc += v,
            Some(Num::Whole(v, _)) => total += v,
            Some(Num::Teen) => acc += 10 + pending.take().unwrap_or(0),
            // puluh, ratus; ribu, juta multiply the number so far
            Some(Num::Times(m)) if m < 1000 => acc += pending.take().unwrap_or(1) * m,
            Some(Num::Times(m)) => {
                total += (acc + pending.take().unwrap_or(0)).max(1) * m;
                acc = 0;
            }
            Some(Num::Digit(_)) | None => {}
        }
        // "belas" and "sebelas" fill the units too.
        filled = Some(if kind.is_some_and(Num::fills_units) {
            1
        } else {
            m
        });
        started = true;
    }
    if started || pending.is_some() {
        flush(&mut total, &mut acc, &mut pending, &mut out);
    }
    out
}

/// Digit tokens of the digit words, borrowed rather than allocated.
const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// The tokens with their number words read as numbers (what [`words_to_digits`] does
/// before joining single digits), other tokens borrowed: the normaliser's path for a
/// turn with numbers. No number word is left in the result.
pub fn read_number_words<'a>(tokens: &[&'a str]) -> Vec<Cow<'a, str>> {
    let words: Vec<&'a str> = tokens
        .iter()
        .map(|&t| misspelt_multiplier(t).unwrap_or(t))
        .collect();
    let words = super::number_repair::repair(&words).unwrap_or(words);
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if !is_number_word(words[i]) {
            out.push(Cow::Borrowed(words[i]));
            i += 1;
            continue;
        }
        let mut j = i;
        while j < words.len() && is_number_word(words[j]) {
            j += 1;
        }
        let run = &words[i..j];
        if run.iter().any(|w| is_multiplier(w)) {
            out.extend(compound(run).into_iter().map(|n| Cow::Owned(n.to_string())));
        } else {
            out.extend(
                run.iter()
                    .map(|w| Cow::Borrowed(DIGITS[digit(w).unwrap_or(0) as usize])),
            );
        }
        i = j;
    }
    out
}

/// Rewrites number words in a token list to digit tokens, then joins runs of single
/// digits ("1 2 3") into one token, and turns "kali" between two numbers into "x".
pub fn words_to_digits(mut tokens: Vec<String>) -> Vec<String> {
    if !tokens.iter().any(|t| needs_reading(t)) {
        return join_single_digits(tokens);
    }
    for t in tokens.iter_mut() {
        if let Some(m) = misspelt_multiplier(t) {
            *t = m.to_string();
        }
    }
    let refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
    if let Some(fixed) = super::number_repair::repair(&refs) {
        tokens = fixed.into_iter().map(String::from).collect();
    }
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        if !is_number_word(&tokens[i]) {
            out.push(std::mem::take(&mut tokens[i]));
            i += 1;
            continue;
        }
        let mut j = i;
        while j < tokens.len() && (is_number_word(&tokens[j])) {
            j += 1;
        }
        let run: Vec<&str> = tokens[i..j].iter().map(String::as_str).collect();
        if run.iter().any(|w| is_multiplier(w)) {
            out.extend(compound(&run).into_iter().map(|n| n.to_string()));
        } else {
            out.extend(run.iter().map(|w| digit(w).unwrap_or(0).to_string()));
        }
        i = j;
    }
    join_single_digits(out)
}

/// Whether the single digit at `k` is multiplied ("kali" or "x" and a number follow):
/// it is a number alone, not the last digit of the digits before it ("lima tiga kali
/// dua puluh empat" is 5 and 3 x 24: a product is said "lima puluh tiga kali", never
/// digit by digit).
pub(crate) fn multiplicand<S: AsRef<str>>(tokens: &[S], k: usize) -> bool {
    let at = |i: usize| tokens.get(i).map(AsRef::as_ref);
    matches!(at(k + 1), Some("kali" | "x"))
        && at(k + 2).is_some_and(|n| {
            (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) || is_number_word(n)
        })
}

fn join_single_digits(mut tokens: Vec<String>) -> Vec<String> {
    let is_digit1 = |t: &str| t.len() == 1 && t.as_bytes()[0].is_ascii_digit();
    let is_num = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut prev_single = false;
    // Whether the token before (as read, before any join) is a number.
    let mut prev_num = false;
    for k in 0..tokens.len() {
        let t = std::mem::take(&mut tokens[k]);
        let this_num = is_num(&t);
        // (`t` was taken out of `tokens`: the tokens after it are still there.)
        if is_digit1(&t) && prev_single && !multiplicand(&tokens, k) {
            out.last_mut().expect("previous digit").push_str(&t);
            prev_num = this_num;
            continue;
        }
        if t == "kali"
            && prev_num
            && tokens
                .get(k + 1)
                .is_some_and(|n| is_num(n) || is_number_word(n))
        {
            out.push("x".into());
            prev_single = false;
            prev_num = false;
            continue;
        }
        prev_single = is_digit1(&t);
        prev_num = this_num;
        out.push(t);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn needs_reading_oracle(w: &str) -> bool {
        is_number_word_oracle(w) || misspelt_multiplier(w).is_some()
    }

    /// `is_number_word` as first written.
    fn is_number_word_oracle(w: &str) -> bool {
        (digit(w).is_some() && !w.chars().all(|c| c.is_ascii_digit())) || is_multiplier(w)
    }

    #[test]
    fn needs_reading_examples() {
        let said = "nol kosong satu dua tiga empat lima enam tujuh delapan sembilan puluh \
            belas ratus ribu juta sepuluh sebelas seratus seribu sembilna delapna \
            seartus seratu sepulu sembilann sembiln";
        for w in said.split_whitespace() {
            assert!(needs_reading(w), "{w}");
            assert_eq!(needs_reading(w), needs_reading_oracle(w), "{w}");
            assert_eq!(is_number_word(w), is_number_word_oracle(w), "{w}");
        }
        for w in std::iter::once("")
            .chain("1 12 satuan se selamat sampaikan dibantu nya".split_whitespace())
        {
            assert!(!needs_reading(w), "{w}");
            assert_eq!(needs_reading(w), needs_reading_oracle(w), "{w}");
            assert_eq!(is_number_word(w), is_number_word_oracle(w), "{w}");
        }
    }

    proptest! {
        #[test]
        fn needs_reading_agrees(w in "[a-z0-9]{0,10}|s[aeilmnprtu]{4,8}|d[aelnp]{5,8}|\\PC{0,9}") {
            prop_assert_eq!(needs_reading(&w), needs_reading_oracle(&w));
            prop_assert_eq!(is_number_word(&w), is_number_word_oracle(&w));
        }

        #[test]
        fn near_never_rules_out_one_edit(a in "[a-e]{0,10}", b in "[a-e]{0,10}") {
            if crate::matching::edit::within(&a, &b, 1) {
                prop_assert!(near(&a, &b));
            }
        }
    }

    fn conv(s: &str) -> String {
        words_to_digits(s.split_whitespace().map(String::from).collect()).join(" ")
    }

    #[test]
    fn pln_123_every_way() {
        assert_eq!(conv("pln satu dua tiga"), "pln 123");
        assert_eq!(conv("pln seratus dua puluh tiga"), "pln 123");
        assert_eq!(conv("pln 1 2 3"), "pln 123");
        assert_eq!(conv("pln 123"), "pln 123");
    }

    #[test]
    fn eta_phrase() {
        assert_eq!(conv("tiga kali dua puluh empat jam"), "3 x 24 jam");
        assert_eq!(conv("3 kali 24 jam"), "3 x 24 jam");
        // The multiplied digit is not joined to the digits before it.
        assert_eq!(conv("lima tiga kali dua puluh empat jam"), "5 3 x 24 jam");
        assert_eq!(conv("5 3 x 24 jam"), "5 3 x 24 jam");
        assert_eq!(conv("satu dua tiga"), "123");
        assert_eq!(
            conv("dua kali ya pak"),
            "2 kali ya bapak".replace("bapak", "pak")
        );
    }

    #[test]
    fn numbers_read_in_pairs() {
        assert_eq!(conv("lima puluh empat tiga puluh satu"), "54 31");
        assert_eq!(
            conv("enam puluh dua puluh enam tiga belas lima"),
            "60 26 13 5"
        );
        assert_eq!(
            conv("lima puluh tiga dua belas delapan puluh lima"),
            "53 12 85"
        );
        assert_eq!(conv("seratus dua puluh tiga"), "123");
        assert_eq!(conv("sebelas dua belas"), "11 12");
        assert_eq!(conv("sembilna delapan"), "98");
        assert_eq!(conv("pln seartus dua puluh tiga"), "pln 123");
    }

    #[test]
    fn compounds() {
        assert_eq!(conv("sebelas"), "11");
        assert_eq!(conv("tujuh belas"), "17");
        assert_eq!(conv("lima ribu empat ratus dua puluh satu"), "5421");
        assert_eq!(conv("seribu sembilan ratus"), "1900");
        assert_eq!(conv("dua puluh tiga empat"), "23 4");
        assert_eq!(conv("nol delapan satu dua"), "0812");
    }
}
