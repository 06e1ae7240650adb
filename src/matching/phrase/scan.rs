//! The scanner behind every phrase search: tries a phrase at start positions of a token
//! slice, item by item, each within `gap` tokens of the previous one.
//!
//! Start positions are produced lazily and in ascending order, so a search for the
//! first full match ([`Mode::First`]) stops at it without listing the other positions,
//! and no search allocates a position list.

use super::starts::Starts;
use super::{Item, MatchOptions, Phrase, SliceHit, Slots, EXACT};
use crate::matching::ids::IdLists;
use crate::matching::lexicon::Confusions;
use crate::matching::normalize::Token;
use crate::matching::word::{loose_eq, same_key, word_eq};
use std::cell::RefCell;

/// What a scan looks for.
pub(super) enum Mode<'a> {
    /// The best hit, full or partial; the scan stops at a hit scoring `enough`.
    Best { enough: f64 },
    /// The first full match starting before position `before`.
    First { before: usize },
    /// Every full match, one per start position.
    All(&'a mut Vec<SliceHit>),
}

/// Spoken tokens, with the lexicon words each says when the call was indexed.
#[derive(Clone, Copy)]
pub struct Toks<'a> {
    pub text: &'a [Token],
    /// Per token, the sorted lexicon ids it says; `None` to compare words directly.
    pub ids: Option<IdLists<'a>>,
}

impl<'a> Toks<'a> {
    /// Tokens without lexicon ids (every word compared directly).
    pub fn plain(text: &'a [Token]) -> Toks<'a> {
        Toks { text, ids: None }
    }
}

/// [`word_eq`] answers for words without lexicon ids (slot values: names, times of
/// day) at the token positions of a call's runs, filled as they are asked. Slot values are
/// per call, so the lexicon cannot answer for them, and every search of a call asks the
/// same positions again (full match, then near miss; lead positions, then windows).
#[derive(Debug, Default, Clone)]
pub struct WordMemo {
    /// Per word, fuzz it was compared with and run: 0 not asked yet, 1 no, 2 yes, 3
    /// only loosely ([`loose_eq`] or a confusion), per run position.
    words: Vec<(String, u64, usize, Vec<u8>)>,
    /// The recogniser's confusions (heard → meant) of the profile.
    confusions: std::sync::Arc<Confusions>,
}

/// Whether the confusion table says the recogniser hears `w` as `t`.
fn confused(t: &str, w: &str, confusions: &Confusions) -> bool {
    confusions.get(t).is_some_and(|m| m.iter().any(|m| m == w))
}

impl WordMemo {
    /// A memo that answers loose questions with `confusions` too.
    pub fn new(confusions: std::sync::Arc<Confusions>) -> WordMemo {
        WordMemo {
            words: Vec::new(),
            confusions,
        }
    }

    /// `word_eq(w, t, fuzz)` for the token `t` at position `at` of run `run`.
    fn says(&mut self, w: &str, t: &str, at: (usize, usize), fuzz: f64, known: bool) -> bool {
        self.state(w, t, at, fuzz, known) == 2
    }

    /// Whether `t` says `w` at the loose level only (not strictly); a `known` token
    /// (a vocabulary word) only through the confusion table.
    fn says_loosely(
        &mut self,
        w: &str,
        t: &str,
        at: (usize, usize),
        fuzz: f64,
        known: bool,
    ) -> bool {
        let s = self.state(w, t, at, fuzz, known);
        s == 3
    }

    fn state(&mut self, w: &str, t: &str, (run, at): (usize, usize), fuzz: f64, known: bool) -> u8 {
        let key = fuzz.to_bits();
        let k = match self
            .words
            .iter()
            .position(|(word, f, r, _)| *r == run && *f == key && word == w)
        {
            Some(k) => k,
            None => {
                self.words.push((w.to_string(), key, run, Vec::new()));
                self.words.len() - 1
            }
        };
        let states = &mut self.words[k].3;
        if states.len() <= at {
            states.resize(at + 1, 0);
        }
        if states[at] == 0 {
            // A slot value (a name) is said too by a token that is no vocabulary word
            // with its sound ("Jokko", "Hady", "Djoko", "Pitri"): the same name spelled
            // as heard, not one letter off.
            let sounds = || !known && w.len() >= 3 && same_key(w, t);
            states[at] = if word_eq(w, t, fuzz) || sounds() {
                2
            } else if (!known && loose_eq(w, t, fuzz)) || confused(t, w, &self.confusions) {
                3
            } else {
                1
            };
        }
        states[at]
    }
}

/// A call's [`WordMemo`] and where a scan's tokens sit in the call: their run and the
/// run position of their first token.
#[derive(Clone, Copy)]
pub(crate) struct Memo<'m> {
    pub memo: &'m RefCell<WordMemo>,
    pub run: usize,
    pub lo: usize,
}

/// Tokens and what answers for their words.
#[derive(Clone, Copy)]
struct View<'a> {
    toks: Toks<'a>,
    memo: Option<Memo<'a>>,
    fuzz: f64,
    /// See [`crate::matching::lexicon::Lexicon::loose_offset`].
    loose_offset: u32,
}

impl View<'_> {
    fn says(&self, p: usize, word: &str, id: Option<u32>) -> bool {
        if let Some(exact) = word.strip_prefix(EXACT) {
            return self.toks.text[p] == exact;
        }
        match (self.toks.ids, id, self.memo) {
            (Some(ids), Some(id), _) => ids[p].binary_search(&id).is_ok(),
            (_, _, Some(m)) => m.memo.borrow_mut().says(
                word,
                &self.toks.text[p],
                (m.run, m.lo + p),
                self.fuzz,
                self.known(p),
            ),
            _ => word_eq(word, &self.toks.text[p], self.fuzz),
        }
    }

    /// Whether the token at `p` is a vocabulary word as written: then it is not a name
    /// heard one letter off ("saya" is not Maya); a typo of one ("seang" of "sedang")
    /// may be a time of day said loosely.
    fn known(&self, p: usize) -> bool {
        let off = self.loose_offset;
        (self.toks.ids).is_some_and(|ids| crate::matching::lexicon::known(&ids[p], off))
    }

    /// Whether the token at `p` says `word` only at the loose level.
    fn says_loosely(&self, p: usize, word: &str, id: Option<u32>) -> bool {
        if let Some(exact) = word.strip_prefix(EXACT) {
            // One edit on the token itself (see the lexicon's loose ids).
            let t = &self.toks.text[p];
            return t != exact
                && t.chars().count().abs_diff(exact.chars().count()) <= 1
                && crate::matching::edit::within(exact, t, 1);
        }
        match (self.toks.ids, id, self.memo) {
            (Some(ids), Some(id), _) => ids[p].binary_search(&(id + self.loose_offset)).is_ok(),
            (_, _, Some(m)) => {
                let known = self.known(p);
                m.memo.borrow_mut().says_loosely(
                    word,
                    &self.toks.text[p],
                    (m.run, m.lo + p),
                    self.fuzz,
                    known,
                )
            }
            // Asked only where the strict level found no alternative of the item.
            _ => loose_eq(word, &self.toks.text[p], self.fuzz),
        }
    }

    /// Length of `seq` when it matches at `p`.
    fn seq_at(&self, p: usize, seq: &[String], ids: Option<&[Option<u32>]>) -> Option<usize> {
        if seq.is_empty() || p + seq.len() > self.toks.text.len() {
            return None;
        }
        seq.iter()
            .enumerate()
            .all(|(k, w)| self.says(p + k, w, ids.and_then(|i| i.get(k).copied().flatten())))
            .then_some(seq.len())
    }
}

/// A word or slot item as the scanner reads it.
#[derive(Clone, Copy)]
struct Alts<'i> {
    alts: &'i [Vec<String>],
    /// Lexicon ids of the alternatives' words (none for a slot).
    ids: &'i [Vec<Option<u32>>],
    /// See `one_word` in [`Item::Words`].
    one_word: Option<&'i [u32]>,
    /// See `starts` in [`Item::Words`].
    starts: Option<&'i Starts>,
    optional: bool,
}

/// The [`Alts`] of a word or slot item; `None` for a gap.
fn alts_of<'i>(item: &'i Item, slots: &'i Slots) -> Option<Alts<'i>> {
    match item {
        Item::Gap(_) => None,
        Item::Words {
            alts,
            ids,
            one_word,
            starts,
            optional,
        } => Some(Alts {
            alts,
            ids,
            one_word: one_word.as_deref(),
            starts: starts.as_ref(),
            optional: *optional,
        }),
        Item::Slot { name, optional } => Some(Alts {
            alts: slots.get(name.as_str()).map_or(&[][..], Vec::as_slice),
            ids: &[],
            one_word: None,
            starts: None,
            optional: *optional,
        }),
    }
}

impl View<'_> {
    /// Length of the first alternative of `item` said at `p`.
    fn item_at(&self, p: usize, item: Alts) -> Option<usize> {
        if let (Some(set), Some(ids)) = (item.one_word, self.toks.ids) {
            // Every alternative is one word: which one is said does not matter.
            let said = ids.get(p)?;
            return said
                .iter()
                .any(|id| set.binary_search(id).is_ok())
                .then_some(1);
        }
        if let (Some(starts), Some(ids)) = (item.starts, self.toks.ids) {
            if !starts.may_start(ids.get(p)?, &self.toks.text[p]) {
                return None;
            }
        }
        item.alts
            .iter()
            .enumerate()
            .find_map(|(k, a)| self.seq_at(p, a, item.ids.get(k).map(Vec::as_slice)))
    }
}

impl View<'_> {
    /// Whether a one-word alternative of `item` is said loosely at `p`.
    fn item_loose_at(&self, p: usize, item: Alts) -> bool {
        if p >= self.toks.text.len() {
            return false;
        }
        if let (Some(set), Some(ids)) = (item.one_word, self.toks.ids) {
            let off = self.loose_offset;
            return ids[p]
                .iter()
                .any(|&id| id >= off && set.binary_search(&(id - off)).is_ok());
        }
        if let (Some(starts), Some(ids)) = (item.starts, self.toks.ids) {
            if !starts.may_say_loosely(&ids[p]) {
                return false;
            }
        }
        item.alts.iter().enumerate().any(|(k, a)| {
            a.len() == 1 && self.says_loosely(p, &a[0], item.ids.get(k).and_then(|i| i[0]))
        })
    }
}

impl Phrase {
    /// Whether one of the first `n` items (words or slot values) is said at `p`.
    fn item_at(&self, v: &View, p: usize, slots: &Slots, n: usize, loose: bool) -> bool {
        self.items[..n].iter().any(|item| {
            alts_of(item, slots)
                .is_some_and(|a| v.item_at(p, a).is_some() || (loose && v.item_loose_at(p, a)))
        })
    }

    /// Items a full match can start with: leading optional items and the first
    /// required one.
    fn lead_items(&self) -> usize {
        let first_required = self.items.iter().position(|i| match i {
            Item::Words { optional, .. } | Item::Slot { optional, .. } => !optional,
            Item::Gap(_) => false,
        });
        first_required.map_or(self.items.len(), |k| k + 1)
    }

    pub(super) fn scan(
        &self,
        toks: Toks,
        starts: Option<&[usize]>,
        slots: &Slots,
        opts: MatchOptions,
        memo: Option<Memo>,
        mode: Mode,
    ) -> Option<SliceHit> {
        let (full_only, enough, before, mut all) = match mode {
            Mode::Best { enough } => (false, enough, usize::MAX, None),
            Mode::First { before } => (true, 1.0, before, None),
            Mode::All(out) => (true, 1.0, usize::MAX, Some(out)),
        };
        let v = View {
            toks,
            memo,
            fuzz: opts.fuzz,
            loose_offset: self.loose_offset,
        };
        let loose = opts.loose > 0;
        let tokens = toks.text;
        let mut best: Option<SliceHit> = None;
        // Starts given by the caller are the anchor positions already (see best_at).
        let check_anchors = !full_only && starts.is_none();
        // Without given starts: every position, or (indexed text) the positions where
        // one of the first `items` items is said: a near miss with a slot starts, as for
        // other phrases, where one of its items (here also a slot value) is said; a full
        // match starts with one of the leading items.
        let items = match starts {
            Some(_) => None,
            None if !full_only && toks.ids.is_some() && self.anchor_ids.is_none() => {
                Some(self.items.len())
            }
            None if full_only && toks.ids.is_some() => Some(self.lead_items()),
            None => None,
        };
        let given = starts.unwrap_or(&[]);
        let (mut gi, mut next) = (0usize, 0usize);
        loop {
            let s = if starts.is_some() {
                let Some(&s) = given.get(gi) else { break };
                gi += 1;
                s
            } else {
                let found = (next..tokens.len())
                    .find(|&p| items.is_none_or(|n| self.item_at(&v, p, slots, n, loose)));
                let Some(s) = found else { break };
                next = s + 1;
                s
            };
            if s >= before {
                break;
            }
            if let (true, Some(ids), Some(anchors)) = (check_anchors, toks.ids, &self.anchor_ids) {
                if !ids[s].iter().any(|id| anchors.binary_search(id).is_ok()) {
                    continue;
                }
            }
            let mut cursor = s;
            let (mut matched, mut required) = (0usize, 0usize);
            // Required items said strictly, and loosely (within the budget).
            let (mut strict, mut loosely) = (0usize, 0usize);
            let mut first: Option<usize> = None;
            let mut last = s;
            let mut extra = 0usize;
            // The item after a join said as one token is said with it.
            let mut joined = false;
            for (k, item) in self.items.iter().enumerate() {
                if std::mem::take(&mut joined) {
                    required += 1;
                    matched += 1;
                    strict += 1;
                    continue;
                }
                let Some(alts) = alts_of(item, slots) else {
                    if let Item::Gap(g) = item {
                        extra += g;
                    }
                    continue;
                };
                let optional = alts.optional;
                if !optional {
                    required += 1;
                }
                let window = if first.is_none() && matched == 0 && required <= 1 {
                    0
                } else {
                    opts.gap + extra
                };
                let span = cursor..=(cursor + window).min(tokens.len());
                let mut found = span
                    .clone()
                    .find_map(|p| v.item_at(p, alts).map(|l| (p, l)));
                let mut was_loose = false;
                if found.is_none() && !optional {
                    if let Some(j) = self.joins.iter().find(|j| j.item == k) {
                        found = span
                            .clone()
                            .filter(|&p| p < tokens.len())
                            .find(|&p| {
                                // Unbound phrases (no lexicon) have no ids.
                                j.words
                                    .iter()
                                    .enumerate()
                                    .any(|(i, w)| v.says(p, w, j.ids.get(i).copied().flatten()))
                            })
                            .map(|p| (p, 1));
                        joined = found.is_some();
                    }
                }
                if found.is_none() && !optional && loosely < opts.loose {
                    found = span
                        .clone()
                        .find(|&p| v.item_loose_at(p, alts))
                        .map(|p| (p, 1));
                    was_loose = found.is_some();
                }
                match found {
                    Some((p, l)) => {
                        if !optional {
                            matched += 1;
                            if was_loose {
                                loosely += 1;
                            } else {
                                strict += 1;
                            }
                        }
                        first.get_or_insert(p);
                        last = p + l - 1;
                        cursor = p + l;
                        // A wide gap (or a missed item's slack) is used up by a required
                        // word; an optional word said inside it does not narrow it.
                        if !optional {
                            extra = 0;
                        }
                    }
                    None if !optional => {
                        if full_only {
                            matched = 0;
                            break;
                        }
                        extra += 1
                    }
                    None => {}
                }
            }
            // A loose word needs a strict one beside it: alone it is not said.
            if strict == 0 && !opts.anchored {
                matched = matched.saturating_sub(loosely);
                loosely = 0;
                if full_only {
                    continue;
                }
            }
            if matched == 0 || required == 0 {
                continue;
            }
            if matched == required && self.followed_by_excluded(tokens, last, opts.fuzz) {
                continue;
            }
            let hit = SliceHit {
                score: matched as f64 / required as f64,
                first: first.unwrap_or(s),
                last,
                loose: loosely as u8,
            };
            if let Some(all) = all.as_deref_mut() {
                if hit.score >= 1.0 {
                    all.push(hit);
                }
                continue;
            }
            if best.is_none_or(|b| hit.score > b.score) {
                best = Some(hit);
                if hit.score >= enough.min(1.0) {
                    break;
                }
            }
        }
        best
    }
}
