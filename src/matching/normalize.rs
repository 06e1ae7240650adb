//! Text normalisation for ASR output: one canonical token stream whatever the engine's
//! casing, punctuation, number style or the speaker's colloquial forms.
//!
//! Built once from the profile (variants, fillers) and shared read-only by the workers.
//! Cost: one pass over the text plus one hash lookup per token.

use super::numbers::words_to_digits;
use rustc_hash::FxHashMap as HashMap;

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
        for (from, to) in variants {
            let pat = raw_tokens(from);
            if pat.is_empty() {
                continue;
            }
            words
                .entry(pat[0].clone())
                .or_default()
                .variants
                .push((pat, raw_tokens(to)));
        }
        for e in words.values_mut() {
            e.variants
                .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        for f in fillers.into_iter().flat_map(raw_tokens) {
            words.entry(f).or_default().filler = true;
        }
        Normalizer { words }
    }

    /// The canonical token stream of a text.
    pub fn tokens(&self, text: &str) -> Vec<String> {
        let mut raw = raw_tokens(text);
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        'outer: while i < raw.len() {
            let entry = self.words.get(&raw[i]);
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
        // A word the ASR doubled ("tahu tahu") is said once. Reduplicated words
        // ("anak anak") fold the same way in phrases; numbers ("satu satu" → 11) were
        // read above and are left alone.
        let mut words = words_to_digits(out);
        words.dedup_by(|b, a| a == b && !a.bytes().all(|c| c.is_ascii_digit()));
        words
    }

    /// The canonical form of a text as one space-joined string.
    pub fn text(&self, text: &str) -> String {
        self.tokens(text).join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
