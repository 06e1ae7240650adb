//! The profile's vocabulary: every word of every phrase, with an index that answers
//! "which phrase words does this spoken token say?" in one pass per distinct token.
//!
//! Matching a token against phrase words is the hot path of the audit (fuzzy edit
//! distance, affix forms). The answer depends only on the token, so each worker thread
//! caches it per distinct token; a call's tokens then match by a binary search in a
//! short sorted list. The cache is bounded and is dropped when another profile is used.

use super::edit::{at_most_bits, letters};
use super::stem::{forms_of, prefix_forms_of};
use super::word::{close, sound_key, spelled_like, LooseHead};
use compact_str::CompactString;
use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Sorted ids of the lexicon words a token says.
pub type WordIds = Arc<[u32]>;

use super::lang::PARTICLES;
/// Marks an exact phrase word (as in [`super::phrase`]).
const EXACT: char = '=';
/// Id a token carries when it says vocabulary words only by its spelling (a typo:
/// "seang" spelled like "sedang"), not as written (the word itself, with a particle
/// or an affix). Such a token may still be another word said loosely; a word as
/// written is that word. No phrase word; sorts first. (Typos are rare: marking them,
/// not the known tokens, keeps the per-token id lists short.)
pub const SPELLED: u32 = 0;

/// Whether a token with `ids` is a vocabulary word as written.
pub fn known(ids: &[u32], loose_offset: u32) -> bool {
    ids.first()
        .is_some_and(|&id| id != SPELLED && id < loose_offset)
}
/// Bytes of answers (token text, ids and the map entry) a thread caches before the
/// cache is cleared: a bound on memory whatever the archive's vocabulary.
const CACHE_BYTES: usize = 8 << 20;
/// Bytes a cache entry costs besides its token and ids (map slot, Arc header).
const ENTRY_BYTES: usize = 56;

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

thread_local! {
    /// (lexicon id, bytes held, token → answer).
    static CACHE: RefCell<(u64, usize, HashMap<CompactString, WordIds>)> =
        RefCell::new((0, 0, HashMap::default()));
}

/// The words of a compiled profile.
#[derive(Debug, Clone)]
pub struct Lexicon {
    id: u64,
    fuzz: f64,
    words: Vec<String>,
    index: HashMap<String, u32>,
    /// Exact words (`=word` in a phrase): said only by that very token.
    exact: HashMap<String, u32>,
    /// A word less its prefix → the words (`hubungi` → `dihubungi`).
    unprefixed: HashMap<String, Vec<u32>>,
    /// Char length → words of that length, for the edit-distance candidates.
    by_len: HashMap<usize, Vec<u32>>,
    /// The same for the words that are numbers, the only candidates of a number token.
    numbers_by_len: HashMap<usize, Vec<u32>>,
    /// Per word, what rules a token out of saying it loosely ([`LooseToken::admits`]):
    /// its head and its sound key.
    heads: Vec<(LooseHead, String)>,
    /// Per word, its letter set and the most edits a spelling match may take (see
    /// [`Lexicon::may_spell`]); (0, 0) for exact words.
    shape: Vec<(u32, u32)>,
    /// Sound key ([`sound_key`]) → the words with it, for the loose level.
    by_key: HashMap<String, Vec<u32>>,
    /// Heard token → the words the recogniser hears as it (profile data).
    confusions: Arc<Confusions>,
    /// Spelling variants of words (`nomer` of `nomor`): a token close to a variant
    /// says the word loosely; with the variant's [`LooseHead`] and sound key.
    aliases: Vec<(String, u32, (LooseHead, String))>,
    /// Per word, the word it is with a particle (`namanya` → `nama`), if listed.
    base: Vec<Option<u32>>,
}

/// The recogniser's confusions: heard token → words it stands for.
pub type Confusions = HashMap<String, Vec<String>>;

impl Lexicon {
    pub fn new(words: impl IntoIterator<Item = String>, fuzz: f64) -> Lexicon {
        let mut lex = Lexicon {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            fuzz,
            words: Vec::new(),
            index: HashMap::default(),
            exact: HashMap::default(),
            unprefixed: HashMap::default(),
            by_len: HashMap::default(),
            numbers_by_len: HashMap::default(),
            heads: Vec::new(),
            shape: Vec::new(),
            by_key: HashMap::default(),
            confusions: Arc::default(),
            aliases: Vec::new(),
            base: Vec::new(),
        };
        // Id 0 is [`SPELLED`], no word.
        lex.words.push(String::new());
        lex.shape.push((0, 0));
        lex.heads.push(loose_head("", fuzz));
        for w in words {
            if lex.index.contains_key(&w) {
                continue;
            }
            let id = lex.words.len() as u32;
            if let Some(exact) = w.strip_prefix(EXACT) {
                lex.exact.insert(exact.to_string(), id);
                lex.index.insert(w.clone(), id);
                lex.heads.push(loose_head(&w, fuzz));
                lex.words.push(w);
                lex.shape.push((0, 0));
                continue;
            }
            for f in prefix_forms_of(&w) {
                lex.unprefixed.entry(f).or_default().push(id);
            }
            lex.by_len.entry(w.chars().count()).or_default().push(id);
            if !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) {
                lex.numbers_by_len.entry(w.len()).or_default().push(id);
            }
            lex.heads.push(loose_head(&w, fuzz));
            lex.shape.push((letters(w.as_bytes()), max_edits(&w, fuzz)));
            if w.chars().count() >= 3 && !w.bytes().all(|b| b.is_ascii_digit()) {
                lex.by_key.entry(sound_key(&w)).or_default().push(id);
            }
            lex.index.insert(w.clone(), id);
            lex.words.push(w);
        }
        let base_of = |w: &String| {
            (PARTICLES.iter().filter_map(|p| w.strip_suffix(p)))
                .find_map(|b| lex.index.get(b).copied().filter(|_| b.len() >= 3))
        };
        let base = lex.words.iter().map(base_of).collect();
        lex.base = base;
        lex
    }

    /// The recogniser's confusions (heard → meant), said at the loose level; a new
    /// lexicon id, so no thread keeps answers of the old table.
    pub fn with_confusions(mut self, confusions: Confusions) -> Lexicon {
        self.confusions = Arc::new(confusions);
        self.id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        self
    }

    /// Spelling variants (variant, canonical word) of the normaliser: a token close to
    /// a variant says its word loosely. Pairs whose word is not in the lexicon are
    /// dropped.
    pub fn with_aliases<'a>(
        mut self,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Lexicon {
        for (variant, word) in pairs {
            if let Some(&id) = self.index.get(word) {
                if variant != word && variant.chars().count() >= 3 {
                    let head = loose_head(variant, self.fuzz);
                    self.aliases.push((variant.to_string(), id, head));
                }
            }
        }
        self.id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        self
    }

    /// Identity of this lexicon's answers (changes with its words, confusions and
    /// aliases), for per-thread memos keyed on it.
    pub fn cache_id(&self) -> u64 {
        self.id
    }

    /// The confusion table, for slot words the lexicon does not hold.
    pub fn confusions(&self) -> Arc<Confusions> {
        Arc::clone(&self.confusions)
    }

    /// Offset of the loose ids: a token saying word `id` only loosely (see
    /// [`loose_eq`]) carries `id + loose_offset()` in its [`WordIds`].
    pub fn loose_offset(&self) -> u32 {
        self.words.len() as u32
    }

    /// Number of ids a token may carry (strict and loose), for bit sets.
    pub fn id_space(&self) -> usize {
        2 * self.words.len()
    }

    /// Id of a phrase word.
    pub fn id(&self, word: &str) -> Option<u32> {
        self.index.get(word).copied()
    }

    /// The words (not the exact `=word` ones) with their ids.
    pub fn words(&self) -> impl Iterator<Item = (u32, &str)> {
        let words = self.words.iter().enumerate().skip(1);
        words
            .filter(|(_, w)| !w.starts_with(EXACT))
            .map(|(id, w)| (id as u32, w.as_str()))
    }

    pub fn len(&self) -> usize {
        self.words.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether word `id` may be spelled like a token whose forms use only the letters
    /// of `token_letters`: an edit brings at most one letter into the word, so a word
    /// with more letters outside the token's than it allows edits is no candidate.
    /// Rules out most words of the token's length before the edit-distance tests.
    fn may_spell(&self, id: u32, token_letters: u32) -> bool {
        let (word_letters, edits) = self.shape[id as usize];
        at_most_bits(word_letters & !token_letters, edits)
    }

    /// The words `token` says as written: itself, less a particle, an affix form of
    /// it, or it less a prefix (no spelling candidates).
    pub fn exact_ids(&self, token: &str) -> Vec<u32> {
        let mut ids: Vec<u32> = Vec::new();
        if let Some(&id) = self.index.get(token) {
            ids.push(id);
        }
        ids.extend(self.exact.get(token));
        if !token.is_empty() && !token.bytes().all(|b| b.is_ascii_digit()) {
            for p in PARTICLES {
                if let Some(base) = token.strip_suffix(p) {
                    if base.len() >= 3 {
                        ids.extend(self.index.get(base));
                    }
                }
            }
            // The phrase word is a form of the token, or the token the word less prefix.
            for f in forms_of(token) {
                ids.extend(self.index.get(&f));
            }
            if let Some(list) = self.unprefixed.get(token) {
                ids.extend(list);
            }
        }
        ids
    }

    /// Which lexicon words `token` says: exactly what [`word_eq`] answers for each, and
    /// the word a said word is with a particle ("nmanya" says `namanya`, so `nama`).
    fn compute(&self, token: &str) -> WordIds {
        let mut ids = self.exact_ids(token);
        let known = !ids.is_empty();
        if !token.is_empty() && !token.bytes().all(|b| b.is_ascii_digit()) {
            // Spelling candidates: words of about the token's length, or of the token's
            // length less a particle (a typo under "-nya").
            // (or of one of its affix forms: a typo inside an inflected word).
            let mut lens: Vec<usize> = vec![token.chars().count()];
            lens.extend(
                PARTICLES
                    .iter()
                    .filter_map(|p| token.strip_suffix(p))
                    .map(|b| b.chars().count()),
            );
            let token_forms: Vec<String> = if token.len() >= 7 {
                forms_of(token).into_iter().filter(|f| f != token).collect()
            } else {
                Vec::new()
            };
            // `spelled_like` compares the token and its bases less a particle (the first
            // lengths), `close` each form: both only within two letters of its length.
            let spelled_lens = lens.len();
            lens.extend(token_forms.iter().map(|f| f.chars().count()));
            let within2 = |a: usize, b: usize| a.abs_diff(b) <= 2;
            // Letters of the token (the spelling tests compare it and its particle-less
            // bases, slices of it) and of each form.
            let token_letters = letters(token.as_bytes());
            let form_letters: Vec<u32> =
                token_forms.iter().map(|f| letters(f.as_bytes())).collect();
            let any_letters = form_letters.iter().fold(token_letters, |m, f| m | f);
            // Lengths already scanned (a handful: a list beats a hash set).
            let mut seen: Vec<usize> = Vec::with_capacity(16);
            for &lt in &lens {
                for len in lt.saturating_sub(2)..=lt + 2 {
                    if seen.contains(&len) {
                        continue;
                    }
                    seen.push(len);
                    let spelled = lens[..spelled_lens].iter().any(|&l| within2(l, len));
                    let form_lens = &lens[spelled_lens..];
                    for &id in self.by_len.get(&len).into_iter().flatten() {
                        if !self.may_spell(id, any_letters) {
                            continue;
                        }
                        // word_eq's spelling branches; its affix branch is the lookups
                        // above. Forms computed once per token, not per candidate.
                        let w = &self.words[id as usize];
                        if (spelled
                            && self.may_spell(id, token_letters)
                            && spelled_like(w, token, self.fuzz))
                            || token_forms.iter().zip(&form_letters).zip(form_lens).any(
                                |((f, &fl), &n)| {
                                    within2(n, len)
                                        && self.may_spell(id, fl)
                                        && close(w, f, self.fuzz)
                                },
                            )
                        {
                            ids.push(id);
                        }
                    }
                }
            }
        }
        // Only for a token that is no word as written: "lamanya" is "lama", even though
        // it is spelled one letter off "namanya".
        if !known && !ids.is_empty() {
            let bases: Vec<u32> = ids
                .iter()
                .filter_map(|&id| self.base[id as usize])
                .collect();
            ids.extend(bases);
            ids.push(SPELLED);
        }
        ids.sort_unstable();
        ids.dedup();
        self.loose_into(token, &mut ids);
        ids.into()
    }

    /// The words `token` says, from this thread's cache.
    pub fn lookup(&self, token: &str) -> WordIds {
        let mut out: WordIds = Arc::from([]);
        self.lookup_each(std::slice::from_ref(&token), |_, ids| out = ids.clone());
        out
    }

    /// Calls `f(k, ids)` with the words each of `tokens` says, in order, from this
    /// thread's cache (one cache access for the lot).
    pub fn lookup_each<S: AsRef<str>>(&self, tokens: &[S], mut f: impl FnMut(usize, &WordIds)) {
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            let (id, bytes, map) = &mut *c;
            if *id != self.id {
                *id = self.id;
                *bytes = 0;
                map.clear();
            }
            for (k, token) in tokens.iter().enumerate() {
                let token = token.as_ref();
                if let Some(ids) = map.get(token) {
                    f(k, ids);
                    continue;
                }
                let ids = self.compute(token);
                f(k, &ids);
                let cost = token.len() + 4 * ids.len() + ENTRY_BYTES;
                if *bytes + cost > CACHE_BYTES {
                    *bytes = 0;
                    map.clear();
                }
                *bytes += cost;
                map.insert(CompactString::from(token), ids);
            }
        })
    }
}

/// What [`LooseToken::admits`] takes of a word.
fn loose_head(w: &str, fuzz: f64) -> (LooseHead, String) {
    (LooseHead::of(w, fuzz), sound_key(w))
}

/// The most edits [`spelled_like`] or [`close`] may allow word `w` against any token:
/// `close` allows floor((n − 1) × (1 − fuzz)) edits for a longer word of n letters, and
/// takes tokens at most two letters longer than `w`; it rejects words under 4 letters.
/// (Bytes bound letters from above, and the allowance grows with n.)
fn max_edits(w: &str, fuzz: f64) -> u32 {
    if w.chars().count() < 4 {
        return 0;
    }
    ((w.len() + 1) as f64 * (1.0 - fuzz) + 1e-9)
        .floor()
        .max(0.0) as u32
}

mod loose;

#[cfg(test)]
mod tests;
