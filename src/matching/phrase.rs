//! Fuzzy phrase matching on normalised tokens.
//!
//! A profile phrase is a small pattern: words in order, `a|b` alternatives, `word?`
//! optional words, `{slot}` values filled per call (agent name, time of day, caller
//! name), and `...` for a wider gap. Words match when equal, when the spoken word only
//! adds a particle (`laporannya` for `laporan`), or when they are close in edit distance
//! (ASR typos); numbers match exactly. Between two words of a phrase up to `gap` other
//! tokens may stand (fillers, doubled words, a name); `...` widens that by eight tokens,
//! `...N` by N.
//!
//! Cost: for a phrase of k items over n tokens, O(n · k · gap) token comparisons, with
//! the edit distance computed only for tokens of similar length.

mod bind;
mod join;
mod scan;
mod starts;

use super::normalize::{raw_tokens, Normalizer, Token};
pub(crate) use super::word::Spelling;
pub use super::word::{
    loose_eq, loose_number, same_key, sound_hash, sound_key, spelled_like, word_eq,
};
pub use bind::{fold_loose, fold_loose_into};
pub(crate) use scan::Memo;
use scan::Mode;
pub use scan::{Toks, WordMemo};

/// How loosely words and phrases match; from the profile's `[matching]`.
#[derive(Debug, Clone, Copy)]
pub struct MatchOptions {
    /// Word similarity: two words of ≥ 4 letters match within `(1 - fuzz) × length` edits
    /// (at least one).
    pub fuzz: f64,
    /// Tokens allowed between two consecutive words of a phrase.
    pub gap: usize,
    /// Required words of a phrase that may be said at the loose level
    /// ([`loose_eq`]) when another required word is said strictly.
    pub loose: usize,
    /// The context anchors the phrase (the other parts of a step were said): a phrase
    /// may match with loose words only.
    pub anchored: bool,
}

impl Default for MatchOptions {
    fn default() -> Self {
        MatchOptions {
            fuzz: 0.8,
            gap: 2,
            loose: 1,
            anchored: false,
        }
    }
}

/// Marks a pattern word that must be said exactly (`=word` in the profile).
const EXACT: char = '=';
/// Width of a `...` gap in tokens.
const WIDE_GAP: usize = 8;

#[derive(Debug, Clone, PartialEq)]
enum Item {
    /// One of several token sequences.
    Words {
        alts: Vec<Vec<String>>,
        /// Lexicon ids of `alts`' words, once bound ([`Phrase::bind`]).
        ids: Vec<Vec<Option<u32>>>,
        /// Sorted ids of the alternatives when each is one (non-exact) word with an id:
        /// on an indexed text the item is then said at a token exactly when the token's
        /// ids meet this list, one check instead of one per alternative.
        one_word: Option<Vec<u32>>,
        /// What tokens may begin one of `alts`, once bound.
        starts: Option<starts::Starts>,
        optional: bool,
    },
    /// A per-call value.
    Slot { name: String, optional: bool },
    /// Extra tokens allowed before the next item.
    Gap(usize),
}

/// A compiled phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    /// The phrase as written in the profile, for evidence and `profile --phrases`.
    pub source: String,
    items: Vec<Item>,
    /// For each required word item, the lexicon ids of its alternatives' first words;
    /// set by [`Phrase::bind`]. A text lacking all ids of one item cannot match.
    required_ids: Vec<Vec<u32>>,
    /// Sorted lexicon ids of every word, when the phrase has no slot: a near-miss can
    /// only start on a token saying one of them.
    anchor_ids: Option<Vec<u32>>,
    /// Sorted lexicon ids of the first words of the items a full match can start with
    /// (leading optional items and the first required one); `None` when one of them is
    /// a slot, a gap or an exact word.
    lead_ids: Option<Vec<u32>>,
    /// Added to a word's lexicon id for the id of the word said loosely (see
    /// [`Lexicon::loose_offset`]); set by [`Phrase::bind`].
    loose_offset: u32,
    /// Consecutive items said as one token (see [`join`]).
    joins: Vec<join::Join>,
    /// Words that must not follow a match (`!word` at the end of the phrase: "tidak
    /// terima !kasih" is a refusal, not thanks).
    not_next: Vec<String>,
}

/// The slots a phrase may name.
pub const SLOTS: [&str; 3] = ["agent_name", "caller_name", "time_of_day"];

/// Word classes of the profile: concept name → its variants (a word or words each).
pub type Concepts = std::collections::BTreeMap<String, Vec<String>>;

/// Per-call slot values: slot name → alternative token sequences.
pub type Slots = rustc_hash::FxHashMap<&'static str, Vec<Vec<String>>>;

/// Where a phrase matched (or nearly matched) in a token slice.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SliceHit {
    /// Share of the phrase's required items found, 0..=1; 1 means matched.
    pub score: f64,
    /// First and last token positions involved.
    pub first: usize,
    pub last: usize,
    /// Required words said only at the loose level.
    pub loose: u8,
}

impl Phrase {
    /// Compiles a phrase without concepts; see [`Phrase::compile_with`].
    pub fn compile(source: &str, norm: &Normalizer) -> Result<Phrase, String> {
        Phrase::compile_with(source, norm, &Concepts::default())
    }

    /// Compiles a phrase; words go through the same normaliser as the transcripts.
    /// `@name` stands for the variants of concept `name` (a word class of the
    /// profile's `[concepts]`), alone or among `|` alternatives; a slot must be one of
    /// [`SLOTS`].
    pub fn compile_with(
        source: &str,
        norm: &Normalizer,
        concepts: &Concepts,
    ) -> Result<Phrase, String> {
        let mut items = Vec::new();
        let mut plain: Vec<&str> = Vec::new();
        let flush = |plain: &mut Vec<&str>, items: &mut Vec<Item>| {
            if !plain.is_empty() {
                for t in norm.words(&plain.join(" ")) {
                    items.push(Item::Words {
                        alts: vec![vec![t]],
                        ids: Vec::new(),
                        one_word: None,
                        starts: None,
                        optional: false,
                    });
                }
                plain.clear();
            }
        };
        let mut not_next: Vec<String> = Vec::new();
        for raw in source.split_whitespace() {
            if let Some(words) = raw.strip_prefix('!') {
                not_next.extend(words.split('|').flat_map(|w| norm.words(w)));
                continue;
            }
            if !not_next.is_empty() {
                return Err(format!("phrase {source:?}: `!word` must come last"));
            }
            if let Some(n) = raw.strip_prefix("...") {
                // `...` a wide gap; `...N` one of N tokens more than the usual gap.
                let width = match n {
                    "" => Some(WIDE_GAP),
                    n => n.parse::<usize>().ok(),
                };
                if let Some(width) = width {
                    flush(&mut plain, &mut items);
                    items.push(Item::Gap(width));
                    continue;
                }
            }
            let (body, optional) = match raw.strip_suffix('?') {
                Some(b) => (b, true),
                None => (raw, false),
            };
            if let Some(name) = body.strip_prefix('{').and_then(|b| b.strip_suffix('}')) {
                if !SLOTS.contains(&name) {
                    return Err(format!(
                        "phrase {source:?}: unknown slot {{{name}}} (known: {})",
                        SLOTS.map(|s| format!("{{{s}}}")).join(", ")
                    ));
                }
                flush(&mut plain, &mut items);
                items.push(Item::Slot {
                    name: name.to_string(),
                    optional,
                });
            } else if body.contains('|') || optional || body.starts_with(['=', '@']) {
                flush(&mut plain, &mut items);
                let mut expanded: Vec<String> = Vec::new();
                for a in body.split('|') {
                    match a.strip_prefix('@') {
                        Some(name) => {
                            let Some(variants) = concepts.get(name) else {
                                return Err(format!(
                                    "phrase {source:?}: unknown concept @{name} (known: {})",
                                    concepts
                                        .keys()
                                        .map(|k| format!("@{k}"))
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                ));
                            };
                            expanded.extend(variants.iter().map(|v| v.replace(' ', "_")));
                        }
                        None => expanded.push(a.to_string()),
                    }
                }
                let alts: Vec<Vec<String>> = expanded
                    .iter()
                    .map(|a| match a.strip_prefix('=') {
                        // `=word`: this exact form only, no fuzzy or affix match.
                        Some(exact) => norm
                            .words(&exact.replace('_', " "))
                            .into_iter()
                            .map(|t| format!("{EXACT}{t}"))
                            .collect(),
                        None => norm.words(&a.replace('_', " ")),
                    })
                    .filter(|a: &Vec<String>| !a.is_empty())
                    .collect();
                if alts.is_empty() {
                    return Err(format!("phrase {source:?}: empty alternative in {raw:?}"));
                }
                items.push(Item::Words {
                    alts: join::with_joined_alts(alts),
                    ids: Vec::new(),
                    one_word: None,
                    starts: None,
                    optional,
                });
            } else {
                plain.push(body);
            }
        }
        flush(&mut plain, &mut items);
        if !items.iter().any(|i| {
            matches!(
                i,
                Item::Words {
                    optional: false,
                    ..
                } | Item::Slot {
                    optional: false,
                    ..
                }
            )
        }) {
            return Err(format!("phrase {source:?} has no required word"));
        }
        let joins = join::joins_of(&items);
        Ok(Phrase {
            source: source.to_string(),
            items,
            required_ids: Vec::new(),
            anchor_ids: None,
            lead_ids: None,
            loose_offset: 0,
            joins,
            not_next,
        })
    }

    /// Whether the token after a match at `last` in `tokens` is one the phrase must not
    /// be followed by.
    pub(crate) fn followed_by_excluded(&self, tokens: &[Token], last: usize, fuzz: f64) -> bool {
        tokens
            .get(last + 1)
            .is_some_and(|t| self.not_next.iter().any(|w| word_eq(w, t, fuzz)))
    }

    /// Every word of the phrase's alternatives (not slots), for the lexicon; exact words
    /// keep their `=` mark.
    pub fn words(&self) -> impl Iterator<Item = &String> {
        self.items
            .iter()
            .flat_map(|i| match i {
                Item::Words { alts, .. } => alts.iter().flatten().collect::<Vec<_>>(),
                _ => Vec::new(),
            })
            .chain(self.joins.iter().flat_map(|j| &j.words))
    }

    /// The phrase's literal words, normalised, for an exact-phrase scan (`rg -F`).
    pub fn literal(&self) -> String {
        let mut out = Vec::new();
        for i in &self.items {
            if let Item::Words {
                alts,
                optional: false,
                ..
            } = i
            {
                out.push(alts[0].join(" ").replace(EXACT, ""));
            }
        }
        out.join(" ")
    }

    /// Best match of the phrase in `tokens`; `None` when not a single item is found.
    pub fn best_in(&self, tokens: Toks, slots: &Slots, opts: MatchOptions) -> Option<SliceHit> {
        self.scan(tokens, None, slots, opts, None, Mode::Best { enough: 1.0 })
    }

    /// [`Phrase::best_in`] trying only the start positions `starts` (ascending): a near
    /// miss is taken to start on a token saying one of the phrase's words (the
    /// positions of [`Phrase::anchor_ids`]). `None` tries every position where an item
    /// of the phrase is said. The search stops at the first hit scoring `enough` (a
    /// bound such as [`Phrase::max_score`], which no later start could beat). `memo`
    /// answers slot words already compared at these positions of the call.
    pub(crate) fn best_at(
        &self,
        tokens: Toks,
        starts: Option<&[usize]>,
        slots: &Slots,
        opts: MatchOptions,
        memo: Option<Memo>,
        enough: f64,
    ) -> Option<SliceHit> {
        self.scan(tokens, starts, slots, opts, memo, Mode::Best { enough })
    }

    /// First full match of the phrase in `tokens`, if any. Cheaper than [`best_in`]:
    /// a start position is dropped at its first missing word.
    ///
    /// [`best_in`]: Phrase::best_in
    pub fn full_in(&self, tokens: Toks, slots: &Slots, opts: MatchOptions) -> Option<SliceHit> {
        let mode = Mode::First { before: usize::MAX };
        self.scan(tokens, None, slots, opts, None, mode)
    }

    /// Every full match of the phrase in `tokens`, one per start position.
    pub fn all_in(&self, tokens: Toks, slots: &Slots, opts: MatchOptions) -> Vec<SliceHit> {
        let mut out = Vec::new();
        self.scan(tokens, None, slots, opts, None, Mode::All(&mut out));
        out
    }

    /// The first full match starting before `before` (a position of `tokens`), trying
    /// `starts` (ascending) or, with `None`, the positions [`Phrase::all_in`] tries.
    /// Full matches start on their start position, so this is the first of
    /// [`Phrase::all_into`] with the same `starts` when that one starts before `before`.
    pub(crate) fn first_at(
        &self,
        tokens: Toks,
        starts: Option<&[usize]>,
        slots: &Slots,
        opts: MatchOptions,
        memo: Option<Memo>,
        before: usize,
    ) -> Option<SliceHit> {
        self.scan(tokens, starts, slots, opts, memo, Mode::First { before })
    }

    /// Every full match of the phrase, one per start position, appended to `out`,
    /// trying `starts` (ascending) or, with `None`, every position: the positions whose
    /// tokens say one of [`Phrase::lead_ids`] give the same answer as all of them.
    pub(crate) fn all_into(
        &self,
        tokens: Toks,
        starts: Option<&[usize]>,
        slots: &Slots,
        opts: MatchOptions,
        memo: Option<Memo>,
        out: &mut Vec<SliceHit>,
    ) {
        self.scan(tokens, starts, slots, opts, memo, Mode::All(out));
    }
}

/// Tokenises a slot value (a name) into single-token alternatives worth matching.
pub fn name_alternatives(name: &str) -> Vec<Vec<String>> {
    raw_tokens(name)
        .into_iter()
        .filter(|t| t.chars().count() >= 3)
        .map(|t| vec![t])
        .collect()
}

#[cfg(test)]
mod tests;
