//! Known words: the share of a transcript's tokens that are Indonesian words, for
//! formats that carry no engine confidence.
//!
//! A token is known when it holds a digit (numbers, report numbers), is a word of the
//! embedded Indonesian word list (`profiles/words/id_ID.words.gz`, see its README for
//! source and licence), of the profile (phrase words, spoken variants, fillers,
//! `[quality] known_words`) or of the call's own data (agent and caller names, the prior
//! report's name, address, problem and answer), or is one of those once its particles,
//! suffixes and prefix are stripped (`melaporkan` → `lapor`) or a colloquial nasal prefix
//! undone (`nunggu` → `tunggu`). Single letters are not counted either way: they are
//! spelled report numbers as often as recogniser debris.

use super::front::{self, Front};
use crate::matching::stem;
use crate::profile::Compiled;
use compact_str::CompactString;
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::RefCell;

/// Bytes of tokens a worker thread keeps answers for before it forgets them all.
const MEMO_BYTES: usize = 4 << 20;

/// Per worker: the answers of [`Vocabulary::known_anywhere`] for one profile.
#[derive(Default)]
struct Memo {
    /// The profile the answers are for (its lexicon id and address).
    key: (u64, usize),
    /// Bytes held by `map`.
    bytes: usize,
    /// Token → whether the dictionary or the profile knows it.
    map: FxHashMap<CompactString, bool>,
    /// The profile's variants, fillers and known_words, gathered on the first token
    /// the memo does not answer (once per worker, not once per call).
    profile: Option<FxHashSet<Box<str>>>,
    /// The hot short tokens, answered without probing `map`.
    front: Front,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

pub use crate::matching::dictionary::list;

/// Lower-case alphanumeric runs of a text.
pub fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
}

/// Colloquial nasal prefixes and the first letter they replace: `nunggu` is `tunggu`,
/// `nyampein` is `sampein`, `ngecek` is `cek`, `mikir` is `pikir`.
const NASAL: [(&str, &[&str]); 4] = [
    ("ny", &["s", "c"]),
    ("ng", &["", "k"]),
    ("n", &["t"]),
    ("m", &["p"]),
];

/// Whether `pred` holds for a form of `w` with a colloquial nasal prefix undone.
fn colloquial(w: &str, mut pred: impl FnMut(&str) -> bool) -> bool {
    let mut buf = String::with_capacity(w.len() + 1);
    for (prefix, letters) in NASAL {
        let Some(rest) = w.strip_prefix(prefix) else {
            continue;
        };
        let rest = if prefix == "ng" {
            rest.strip_prefix('e').unwrap_or(rest)
        } else {
            rest
        };
        for l in letters {
            buf.clear();
            buf.push_str(l);
            buf.push_str(rest);
            if buf.len() >= 3 && pred(&buf) {
                return true;
            }
        }
    }
    false
}

/// What a call may say besides the dictionary: the profile's words and the call's own.
///
/// Whether the dictionary or the profile knows a token does not depend on the call, so
/// each worker thread remembers it per distinct token (bounded by [`MEMO_BYTES`]); only
/// the call's own words are looked up per call.
pub struct Vocabulary<'a> {
    prof: &'a Compiled,
    /// The call's own words (names, the prior report), lower-cased; short words are
    /// held inline, so a call allocates the set's table only.
    call: FxHashSet<CompactString>,
}

impl<'a> Vocabulary<'a> {
    /// The profile's words plus the tokens of `call_texts` (names, addresses, ...).
    pub fn new(prof: &'a Compiled, call_texts: &[&str]) -> Vocabulary<'a> {
        let mut call: FxHashSet<CompactString> = FxHashSet::default();
        for t in call_texts {
            if t.is_ascii() {
                // The pieces of `tokens`, lower-cased in place.
                for w in t.split(|c: char| !c.is_ascii_alphanumeric()) {
                    if !w.is_empty() {
                        let mut k = CompactString::from(w);
                        k.make_ascii_lowercase();
                        call.insert(k);
                    }
                }
            } else {
                call.extend(tokens(t).map(CompactString::from));
            }
        }
        Vocabulary { prof, call }
    }

    /// Whether `w` is one of the call's own words.
    fn call_says(&self, w: &str) -> bool {
        self.call.contains(w)
    }

    /// The profile's variants, fillers and known_words.
    fn profile_words(&self) -> FxHashSet<Box<str>> {
        let p = &self.prof.profile;
        p.normalize
            .variants
            .keys()
            .chain(&p.normalize.fillers)
            .chain(&p.quality.known_words)
            .map(|w| Box::from(w.as_str()))
            .collect()
    }

    /// Whether the dictionary or the profile (not the call) knows `w`: the part of
    /// [`Vocabulary::knows`] that is the same in every call. `profile` is
    /// [`Vocabulary::profile_words`].
    fn known_anywhere(&self, profile: &FxHashSet<Box<str>>, w: &str) -> bool {
        w.bytes().any(|b| b.is_ascii_digit())
            || list().contains(w)
            || self.prof.lexicon.id(w).is_some()
            || profile.contains(w)
            || stem::any_form(w, |f| self.root(f))
            || colloquial(w, |f| self.root(f) || stem::any_form(f, |g| self.root(g)))
    }

    /// Runs `f` on this worker's memo, emptied first when it holds another profile's
    /// answers.
    fn with_memo<T>(&self, f: impl FnOnce(&mut Memo) -> T) -> T {
        let key = (
            self.prof.lexicon.cache_id(),
            std::ptr::from_ref(self.prof) as usize,
        );
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            if m.key != key {
                m.key = key;
                m.bytes = 0;
                m.map.clear();
                m.profile = None;
                m.front.clear();
            }
            f(&mut m)
        })
    }

    /// [`Vocabulary::known_anywhere`] from the memo `m` (see [`Vocabulary::with_memo`]).
    fn known_in(&self, m: &mut Memo, w: &str) -> bool {
        let Memo {
            bytes,
            map,
            profile,
            ..
        } = m;
        if let Some(&k) = map.get(w) {
            return k;
        }
        let k = self.known_anywhere(profile.get_or_insert_with(|| self.profile_words()), w);
        if *bytes + w.len() > MEMO_BYTES {
            *bytes = 0;
            map.clear();
        }
        *bytes += w.len() + 32;
        map.insert(CompactString::from(w), k);
        k
    }

    /// [`Vocabulary::known_anywhere`] from this worker's memo.
    fn known_memo(&self, w: &str) -> bool {
        self.with_memo(|m| self.known_in(m, w))
    }

    fn root(&self, w: &str) -> bool {
        list().contains(w) || self.prof.lexicon.id(w).is_some()
    }

    /// Whether a lower-case token is a known word.
    pub fn knows(&self, w: &str) -> bool {
        self.known_memo(w) || self.call_says(w)
    }

    /// (known, counted) tokens of a text; single letters are not counted. Lower-cases
    /// into one reused buffer: this runs on every token of every call.
    pub fn count(&self, text: &str) -> (usize, usize) {
        let (mut known, mut counted) = (0, 0);
        self.with_memo(|m| {
            if text.is_ascii() {
                // Bytes: the same pieces as the char split below, one memo borrow for
                // the text; a piece of up to 16 bytes is packed lower-case and asked
                // of the front cache first, a longer one lower-cased when it has a
                // capital.
                let mut buf = String::new();
                let mut packed = [0u8; 16];
                let b = text.as_bytes();
                let mut i = 0;
                while i < b.len() {
                    let start = i;
                    while i < b.len() && b[i].is_ascii_alphanumeric() {
                        i += 1;
                    }
                    let raw = &text[start..i];
                    i += 1;
                    if raw.len() < 2 {
                        continue;
                    }
                    counted += 1;
                    if let Some(key) = front::pack(raw.as_bytes()) {
                        let k = m.front.get(&key).unwrap_or_else(|| {
                            let k = self.known_in(m, front::text(&key, &mut packed));
                            m.front.put(&key, k);
                            k
                        });
                        known += usize::from(k || self.call_says(front::text(&key, &mut packed)));
                        continue;
                    }
                    let w = if raw.bytes().any(|b| b.is_ascii_uppercase()) {
                        buf.clear();
                        buf.push_str(raw);
                        buf.make_ascii_lowercase();
                        buf.as_str()
                    } else {
                        raw
                    };
                    known += usize::from(self.known_in(m, w) || self.call_says(w));
                }
                return;
            }
            let mut buf = String::with_capacity(32);
            for raw in text.split(|c: char| !c.is_alphanumeric()) {
                buf.clear();
                if raw.is_ascii() {
                    if raw.len() < 2 {
                        continue;
                    }
                    buf.push_str(raw);
                    buf.make_ascii_lowercase();
                } else {
                    buf.extend(raw.chars().flat_map(char::to_lowercase));
                    if buf.chars().nth(1).is_none() {
                        continue;
                    }
                }
                counted += 1;
                known += usize::from(self.known_in(m, &buf) || self.call_says(&buf));
            }
        });
        (known, counted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_embedded_and_holds_common_words() {
        let l = list();
        assert!(l.len() > 20_000, "{}", l.len());
        for w in [
            "maaf", "mohon", "pagi", "listrik", "padam", "kasih", "lapor",
        ] {
            assert!(l.contains(w), "{w}");
        }
    }

    #[test]
    fn affixed_forms_names_digits_and_profile_words_are_known() {
        let prof = Compiled::builtin();
        let v = Vocabulary::new(&prof, &["Yoga", "Heni Kurniawan", "Jalan Kenanga 109"]);
        for w in [
            "melaporkan",
            "laporannya",
            "sebelumnya",
            "informasikan",
            "kurniawan",
            "yoga",
            "2026",
            "nggak",
            "pln",
            "nunggu",
            "nanya",
            "ngecek",
            "k5421090602335",
        ] {
            assert!(v.knows(w), "{w}");
        }
        for w in ["seramat", "lepon", "natan", "tuapuru"] {
            assert!(!v.knows(w), "{w}");
        }
    }

    #[test]
    fn count_skips_single_letters() {
        let prof = Compiled::builtin();
        let v = Vocabulary::new(&prof, &[]);
        assert_eq!(v.count("K 5 4 2, mohon maaf xqzt 109!"), (3, 4));
        assert_eq!(v.count(""), (0, 0));
    }
}
