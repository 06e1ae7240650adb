//! Text normalisation for ASR output: one canonical token stream whatever the engine's
//! casing, punctuation, number style or the speaker's colloquial forms.
//!
//! Built once from the profile (variants, fillers) and shared read-only by the workers.
//! Cost: one pass over the text plus one hash lookup per token.

use super::numbers::{needs_reading, read_number_words, words_to_digits};
use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::sync::Arc;
mod deglue;
mod rejoin;
pub use rejoin::Rejoin;

thread_local! {
    /// Lower-cased copy of the text being tokenised, reused across calls.
    static LOWER: RefCell<String> = const { RefCell::new(String::new()) };
}

/// What the normaliser knows of a raw token: the variant rewrites starting with it
/// (pattern tokens, replacement tokens; longest pattern first) and whether it is a
/// filler. One lookup per token.
#[derive(Debug, Clone, Default)]
struct Entry {
    variants: Vec<(Vec<String>, Vec<String>)>,
    filler: bool,
}

/// Normaliser compiled from the profile's `[normalize]` section.
#[derive(Debug, Clone, Default)]
pub struct Normalizer {
    words: HashMap<String, Entry>,
    /// Filter of the keys of `words`: per (first, last) byte cell (see [`cell`]), a bit
    /// per length. Most tokens are neither a variant's start nor a filler, and are ruled
    /// out without hashing; empty when `words` is.
    keys: Vec<u32>,
    /// Split affixes joined back ([`Rejoin`]); none until the vocabulary is known.
    rejoin: Option<Arc<Rejoin>>,
}

/// Cell and length bit of a token in [`Normalizer::keys`], from its first and last
/// bytes (5 low bits each: every letter its own) and its length.
fn cell(w: &str) -> (usize, u32) {
    let b = w.as_bytes();
    let (first, last) = (b.first().copied(), b.last().copied());
    let i = (first.unwrap_or(0) as usize & 31) << 5 | (last.unwrap_or(0) as usize & 31);
    (i, 1 << b.len().min(31))
}

/// Lower-cases, splits letters from digits ("k5421" → "k 5421", "3x24" → "3 x 24") and
/// turns every other character into a separator.
pub fn raw_tokens(text: &str) -> Vec<String> {
    if !text.is_ascii() {
        return raw_tokens_unicode(text);
    }
    // ASCII (nearly every ASR line): bytes, no case tables.
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let digit = b[i].is_ascii_digit();
        let start = i;
        while i < b.len() && b[i].is_ascii_alphanumeric() && b[i].is_ascii_digit() == digit {
            i += 1;
        }
        out.push(text[start..i].to_ascii_lowercase());
    }
    out
}

/// The raw tokens of a lower-case ASCII text as slices of it (what [`raw_tokens`]
/// gives, without allocating).
#[derive(Clone)]
struct AsciiTokens<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for AsciiTokens<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let b = self.text.as_bytes();
        let mut i = self.pos;
        while i < b.len() && CLASS[b[i] as usize] == 0 {
            i += 1;
        }
        let start = i;
        let class = *CLASS.get(*b.get(i)? as usize)?;
        while i < b.len() && CLASS[b[i] as usize] == class {
            i += 1;
        }
        self.pos = i;
        Some(&self.text[start..i])
    }
}

/// Byte classes of [`AsciiTokens`]: 0 separates, 1 a letter, 2 a digit.
const CLASS: [u8; 256] = {
    let mut c = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        c[i] = if b.is_ascii_digit() {
            2
        } else if b.is_ascii_alphabetic() {
            1
        } else {
            0
        };
        i += 1;
    }
    c
};

/// A word the ASR doubled ("tahu tahu") is said once. Reduplicated words ("anak anak")
/// fold the same way in phrases; numbers ("satu satu" → 11) were read before and are
/// left alone.
fn dedup_words(mut words: Vec<String>) -> Vec<String> {
    words.dedup_by(|b, a| a == b && !a.bytes().all(|c| c.is_ascii_digit()));
    words
}

/// `join_single_digits` then [`dedup_words`] of tokens without number words (none
/// [`needs_reading`], or all read by [`read_number_words`]), in one
/// pass that allocates each output token once: single digits join ("1 2 3" → "123"),
/// except the one multiplied ("5 3 kali 24" is 5 3 x 24), "kali" between numbers
/// becomes "x", a doubled non-number word is said once.
fn join_digits_dedup(tokens: &[&str]) -> Vec<String> {
    let is_digit1 = |t: &str| t.len() == 1 && t.as_bytes()[0].is_ascii_digit();
    let is_num = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    // A token joins or folds into the last output token, which only ever grows when it
    // is all digits and is never folded into then: deciding here is deciding at the end.
    let push = |out: &mut Vec<String>, t: &str| {
        if !out
            .last()
            .is_some_and(|a| a == t && !a.bytes().all(|c| c.is_ascii_digit()))
        {
            out.push(t.to_string());
        }
    };
    let (mut prev_single, mut prev_num) = (false, false);
    for (k, &t) in tokens.iter().enumerate() {
        let this_num = is_num(t);
        if prev_single && is_digit1(t) && !super::numbers::multiplicand(tokens, k) {
            out.last_mut().expect("previous digit").push_str(t);
            prev_num = this_num;
            continue;
        }
        if t == "kali"
            && prev_num
            // No token here is a number word: only digits make "kali" a times sign.
            && tokens.get(k + 1).is_some_and(|n| is_num(n))
        {
            push(&mut out, "x");
            prev_single = false;
            prev_num = false;
            continue;
        }
        prev_single = is_digit1(t);
        prev_num = this_num;
        push(&mut out, t);
    }
    out
}

fn raw_tokens_unicode(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_digit = false;
    for ch in text.chars().flat_map(char::to_lowercase) {
        if ch.is_alphanumeric() {
            let is_digit = ch.is_ascii_digit();
            if !cur.is_empty() && is_digit != cur_digit {
                out.push(std::mem::take(&mut cur));
            }
            cur_digit = is_digit;
            cur.push(ch);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

impl Normalizer {
    /// Builds a normaliser; variant keys and values are themselves tokenised.
    pub fn new<'a>(
        variants: impl IntoIterator<Item = (&'a str, &'a str)>,
        fillers: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        let mut words: HashMap<String, Entry> = HashMap::default();
        let fillers: Vec<Vec<String>> = fillers.into_iter().map(raw_tokens).collect();
        // A filler of several words ("apa namanya") is removed whole: a rewrite to no
        // token, as a variant is.
        let whole = fillers
            .iter()
            .filter(|f| f.len() > 1)
            .map(|f| (f.clone(), Vec::new()));
        let variants = variants
            .into_iter()
            .map(|(from, to)| (raw_tokens(from), raw_tokens(to)))
            .chain(whole);
        for (pat, rep) in variants {
            if pat.is_empty() {
                continue;
            }
            words
                .entry(pat[0].clone())
                .or_default()
                .variants
                .push((pat, rep));
        }
        for e in words.values_mut() {
            e.variants
                .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        for f in fillers.into_iter().filter(|f| f.len() == 1).flatten() {
            words.entry(f).or_default().filler = true;
        }
        let mut keys = vec![0u32; if words.is_empty() { 0 } else { 1024 }];
        for k in words.keys() {
            let (i, bit) = cell(k);
            keys[i] |= bit;
        }
        Normalizer {
            words,
            keys,
            rejoin: None,
        }
    }

    /// What the normaliser knows of a raw token, if anything.
    #[inline]
    fn entry(&self, tok: &str) -> Option<&Entry> {
        let (i, bit) = cell(tok);
        match self.keys.get(i) {
            Some(m) if m & bit != 0 => self.words.get(tok),
            _ => None,
        }
    }

    /// The canonical token stream of a text.
    ///
    /// ASCII text (nearly every ASR line) takes one pass that lower-cases into a reused
    /// per-thread buffer and keeps every intermediate token a slice of it (or of a
    /// variant's replacement), so the only allocations are the final tokens and two
    /// vectors; a turn with a number word, or non-ASCII text, takes the general path.
    /// Both give the same tokens (a property test holds them together).
    pub fn tokens(&self, text: &str) -> Vec<String> {
        let out = self.tokens_split(text);
        match self.rejoin.as_deref() {
            Some(r) => {
                let out = if out.len() > 1 { r.apply(out) } else { out };
                if r.glued.is_empty() {
                    out
                } else {
                    r.split_glued(out)
                }
            }
            None => out,
        }
    }

    /// [`Normalizer::tokens`] before split affixes are joined back.
    fn tokens_split(&self, text: &str) -> Vec<String> {
        if !text.is_ascii() {
            return self.tokens_general(text);
        }
        if !text.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.tokens_ascii(text);
        }
        LOWER.with(|buf| match buf.try_borrow_mut() {
            Ok(mut buf) => {
                buf.clear();
                buf.push_str(text);
                buf.make_ascii_lowercase();
                self.tokens_ascii(&buf)
            }
            // Not re-entered in practice; stay correct if it ever is.
            Err(_) => self.tokens_ascii(&text.to_ascii_lowercase()),
        })
    }

    /// [`Normalizer::tokens`] of a lower-case ASCII text.
    fn tokens_ascii(&self, lower: &str) -> Vec<String> {
        // Variants and fillers applied; slices of `lower` or of the replacements.
        let mut said: Vec<&str> = Vec::with_capacity(lower.len() / 4 + 1);
        let mut numbers = false;
        let mut raw = AsciiTokens {
            text: lower,
            pos: 0,
        };
        'outer: while let Some(tok) = raw.next() {
            if let Some(e) = self.entry(tok) {
                // Most patterns have two tokens or more, and most fail on the second:
                // the token after `tok` is read once for all of them.
                let mut second: Option<Option<&str>> = None;
                for (pat, rep) in &e.variants {
                    if let Some(p1) = pat.get(1) {
                        if *second.get_or_insert_with(|| raw.clone().next()) != Some(p1) {
                            continue;
                        }
                    }
                    // The pattern's first token is `tok`; compare the rest ahead.
                    let mut ahead = raw.clone();
                    if pat[1..].iter().all(|p| ahead.next() == Some(p.as_str())) {
                        for r in rep {
                            numbers |= needs_reading(r);
                            said.push(r);
                        }
                        raw = ahead;
                        continue 'outer;
                    }
                }
                if e.filler {
                    continue;
                }
            }
            numbers |= needs_reading(tok);
            said.push(tok);
        }
        if numbers {
            let read = read_number_words(&said);
            let words: Vec<&str> = read.iter().map(|w| w.as_ref()).collect();
            return join_digits_dedup(&words);
        }
        join_digits_dedup(&said)
    }

    /// The general path (any text): raw tokens, variants and fillers, number words,
    /// doubled words, each a pass over owned tokens.
    fn tokens_general(&self, text: &str) -> Vec<String> {
        let mut raw = raw_tokens(text);
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        'outer: while i < raw.len() {
            let entry = self.entry(&raw[i]);
            if let Some(e) = entry {
                for (pat, rep) in &e.variants {
                    if raw.len() - i >= pat.len() && raw[i..i + pat.len()] == pat[..] {
                        out.extend(rep.iter().cloned());
                        i += pat.len();
                        continue 'outer;
                    }
                }
            }
            if !entry.is_some_and(|e| e.filler) {
                out.push(std::mem::take(&mut raw[i]));
            }
            i += 1;
        }
        dedup_words(words_to_digits(out))
    }

    /// The canonical form of a text as one space-joined string.
    pub fn text(&self, text: &str) -> String {
        self.tokens(text).join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The oracle of the single-pass ASCII path: the general path, which is `tokens` as
    /// it was before (its key filter is held by `key_filter_keeps_every_key`).
    fn tokens_oracle(n: &Normalizer, text: &str) -> Vec<String> {
        n.tokens_general(text)
    }

    #[test]
    fn key_filter_keeps_every_key() {
        let n = rich();
        for (k, e) in &n.words {
            assert!(std::ptr::eq(n.entry(k).expect(k), e), "{k}");
        }
        assert!(n.entry("bantuan").is_none());
    }

    /// A normaliser like the profile's: multi-token variants sharing a first token,
    /// variants into several tokens and into number words, fillers.
    fn rich() -> Normalizer {
        Normalizer::new(
            [
                ("pak", "bapak"),
                ("di bantu", "dibantu"),
                ("di tindak lanjuti", "ditindaklanjuti"),
                ("di hubungi", "dihubungi"),
                ("p l n", "pln"),
                ("pe el en", "pln"),
                ("yantek", "pelayanan teknik"),
                ("se", "satu"),
                ("kali kali", "kali"),
                ("tahu", "tahu tahu"),
                ("no", "nomor"),
            ],
            ["eh", "hmm", "ee"],
        )
    }

    const WORDS: [&str; 40] = [
        "pak", "PAK", "di", "bantu", "tindak", "lanjuti", "hubungi", "p", "l", "n", "pe", "el",
        "en", "yantek", "se", "kali", "tahu", "no", "eh", "hmm", "ee", "satu", "dua", "tiga",
        "puluh", "belas", "seratus", "seartus", "sembilna", "delapna", "seribu", "x", "1", "2",
        "12", "007", "K5421", "3x24", "nomor", "Tahu",
    ];

    proptest! {
        #[test]
        fn agrees_with_oracle_on_words(
            words in prop::collection::vec((0..WORDS.len(), "[ ,.!?-]{1,2}"), 0..24)
        ) {
            let text: String = words.iter().map(|(w, sep)| format!("{}{sep}", WORDS[*w])).collect();
            let n = rich();
            prop_assert_eq!(n.tokens(&text), tokens_oracle(&n, &text), "{}", text);
        }

        #[test]
        fn agrees_with_oracle_on_any_text(text in "[a-zA-Z0-9 .,]{0,40}|\\PC{0,30}") {
            let n = rich();
            prop_assert_eq!(n.tokens(&text), tokens_oracle(&n, &text));
        }
    }

    #[test]
    fn ascii_tokens_are_raw_tokens() {
        for t in [
            "",
            "  ",
            "pln-123, selamat pagi!",
            "k5421x",
            "3x24 jam.",
            "a",
            "9",
        ] {
            let fast: Vec<&str> = AsciiTokens { text: t, pos: 0 }.collect();
            assert_eq!(fast, raw_tokens(t), "{t:?}");
        }
    }

    #[test]
    fn fast_path_folds_and_joins() {
        let n = rich();
        // Joined digits (but not the one multiplied), "kali" between numbers, doubled
        // words, a variant into two equal tokens, and a number-word turn through the
        // general reading.
        assert_eq!(n.text("nomor 1 2 3 kali 4 ok ok"), "nomor 12 3 x 4 ok");
        assert_eq!(n.text("tahu"), "tahu");
        assert_eq!(n.text("di bantu di hubungi di"), "dibantu dihubungi di");
        assert_eq!(n.text("p l n 12 yantek"), "pln 12 pelayanan teknik");
        assert_eq!(n.text("se dua, 5"), "125");
        assert_eq!(n.text("Pak PAK eh"), "bapak");
    }

    fn n() -> Normalizer {
        Normalizer::new(
            [
                ("pak", "bapak"),
                ("gak", "tidak"),
                ("play store", "playstore"),
                ("di bantu", "dibantu"),
            ],
            ["eh", "hmm"],
        )
    }

    #[test]
    fn case_punctuation_letters_digits() {
        assert_eq!(
            raw_tokens("PLN-123, Selamat PAGI!"),
            ["pln", "123", "selamat", "pagi"]
        );
        assert_eq!(raw_tokens("K5421090602335"), ["k", "5421090602335"]);
        assert_eq!(raw_tokens("3x24 jam"), ["3", "x", "24", "jam"]);
        assert_eq!(raw_tokens("CC.54.ANDRI"), ["cc", "54", "andri"]);
    }

    #[test]
    fn variants_fillers_numbers() {
        assert_eq!(
            n().text("Eh, pak, bisa di bantu? hmm pln satu dua tiga"),
            "bapak bisa dibantu pln 123"
        );
        assert_eq!(
            n().text("download di Play Store gak"),
            "download di playstore tidak"
        );
    }

    #[test]
    fn doubled_words_fold_but_digits_stay() {
        assert_eq!(
            n().text("boleh saya tahu tahu nama"),
            "boleh saya tahu nama"
        );
        assert_eq!(n().text("nomor 1 1 2"), "nomor 112");
        assert_eq!(n().text("satu satu satu dua"), "1112");
        assert_eq!(n().text("5421 5421"), "5421 5421");
    }

    #[test]
    fn empty_and_symbols() {
        assert!(n().tokens("").is_empty());
        assert!(n().tokens("...!?").is_empty());
    }
}
