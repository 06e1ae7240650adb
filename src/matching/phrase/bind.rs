//! Binding a compiled phrase to the profile's lexicon: the lexicon ids of its words, and
//! what they let a search rule out before scanning (a text lacking a required word, start
//! positions that cannot begin a match, alternatives that cannot start at a token).

use super::{starts::Starts, Item, Phrase, EXACT};
use crate::matching::lexicon::Lexicon;

/// See `one_word` in [`Item::Words`].
fn one_word_ids(alts: &[Vec<String>], ids: &[Vec<Option<u32>>]) -> Option<Vec<u32>> {
    let mut out = Vec::with_capacity(alts.len());
    for (alt, id) in alts.iter().zip(ids) {
        match (alt.as_slice(), id.as_slice()) {
            ([w], [Some(id)]) if !w.starts_with(EXACT) => out.push(*id),
            _ => return None,
        }
    }
    out.sort_unstable();
    out.dedup();
    Some(out)
}

impl Phrase {
    /// Records the lexicon id of every word, so matching can use token id lists.
    pub fn bind(&mut self, lex: &Lexicon) {
        self.required_ids.clear();
        let has_slot = self.items.iter().any(|i| matches!(i, Item::Slot { .. }));
        let mut anchors: Option<Vec<u32>> = (!has_slot).then(Vec::new);
        // Item index -> its entry in required_ids.
        let mut required_at: Vec<Option<usize>> = vec![None; self.items.len()];
        for (k, i) in self.items.iter_mut().enumerate() {
            if let Item::Words {
                alts,
                ids,
                one_word,
                starts,
                optional,
            } = i
            {
                *ids = alts
                    .iter()
                    .map(|a| a.iter().map(|w| lex.id(w)).collect())
                    .collect();
                *one_word = one_word_ids(alts, ids);
                *starts = Starts::of(alts, ids, lex.loose_offset());
                let firsts: Option<Vec<u32>> =
                    ids.iter().map(|a| a.first().copied().flatten()).collect();
                match (&mut anchors, &firsts) {
                    (Some(list), Some(f)) => list.extend(f),
                    _ => anchors = None,
                }
                if let (false, Some(firsts)) = (*optional, firsts) {
                    required_at[k] = Some(self.required_ids.len());
                    self.required_ids.push(firsts);
                }
            }
        }
        // A joined token says both items of its join.
        let lead_item = self.lead_item();
        let mut join_leads = Vec::new();
        for j in &mut self.joins {
            j.ids = j.words.iter().map(|w| lex.id(w)).collect();
            let said: Vec<u32> = j.ids.iter().flatten().copied().collect();
            for k in [j.item, j.item + 1] {
                if let Some(r) = required_at[k] {
                    self.required_ids[r].extend(&said);
                }
            }
            if let Some(list) = &mut anchors {
                list.extend(&said);
            }
            if Some(j.item) == lead_item {
                join_leads.extend(&said);
            }
        }
        self.loose_offset = lex.loose_offset();
        // A match may start on a word said loosely too.
        let off = self.loose_offset;
        let with_loose = |mut a: Vec<u32>| {
            let n = a.len();
            for k in 0..n {
                a.push(a[k] + off);
            }
            a.sort_unstable();
            a.dedup();
            a
        };
        self.anchor_ids = anchors.map(with_loose);
        self.lead_ids = self.leads().map(|mut l| {
            l.extend(&join_leads);
            with_loose(l)
        });
    }

    /// Whether lexicon id `id` is said, strictly or loosely, by the text whose folded
    /// bit set is `said` (see [`Phrase::may_match`]).
    fn present_in(&self, said: &[u64], id: u32) -> bool {
        said.get(id as usize / 64)
            .is_some_and(|w| w >> (id % 64) & 1 == 1)
    }

    /// Index of the first required item, when every item before it is a word item
    /// (what [`Phrase::leads`] lists the start words of).
    fn lead_item(&self) -> Option<usize> {
        self.items.iter().position(|i| match i {
            Item::Words { optional, .. } | Item::Slot { optional, .. } => !optional,
            Item::Gap(_) => false,
        })
    }

    /// See `lead_ids`.
    fn leads(&self) -> Option<Vec<u32>> {
        let mut out = Vec::new();
        for item in &self.items {
            let Item::Words { ids, optional, .. } = item else {
                return None;
            };
            for alt in ids {
                out.push(alt.first().copied().flatten()?);
            }
            if !optional {
                out.sort_unstable();
                out.dedup();
                return Some(out);
            }
        }
        None
    }

    /// Ids a full match must start on (see [`Phrase::all_into`]).
    pub fn lead_ids(&self) -> Option<&[u32]> {
        self.lead_ids.as_deref()
    }

    /// Ids a near miss must start on (see [`Phrase::best_at`]).
    pub fn anchor_ids(&self) -> Option<&[u32]> {
        self.anchor_ids.as_deref()
    }

    /// Whether a text whose tokens say the lexicon words in `said` may hold a full
    /// match; `false` rules it out without scanning. `said` is a bit set of the ids the
    /// tokens carry, folded: the bit of a loose id (`id + loose_offset`) is also set on
    /// `id` ([`fold_loose`]), so one test answers "said strictly or loosely".
    pub fn may_match(&self, said: &[u64]) -> bool {
        let has = |id: u32| self.present_in(said, id);
        self.required_ids
            .iter()
            .all(|alts| alts.iter().any(|&id| has(id)))
    }

    /// The highest score a near miss can reach in a text whose tokens say the lexicon
    /// words in `said` (folded, as for [`Phrase::may_match`]): required items none of
    /// whose words is said are missed.
    pub fn max_score(&self, said: &[u64]) -> f64 {
        let has = |id: u32| self.present_in(said, id);
        let required = self
            .items
            .iter()
            .filter(|i| match i {
                Item::Words { optional, .. } | Item::Slot { optional, .. } => !optional,
                Item::Gap(_) => false,
            })
            .count();
        let missing = self
            .required_ids
            .iter()
            .filter(|alts| !alts.iter().any(|&id| has(id)))
            .count();
        (required - missing) as f64 / required.max(1) as f64
    }
}

/// The bit set of ids `present` (strict and loose ids, as a text's tokens carry them)
/// folded for [`Phrase::may_match`]: every bit kept, and a loose id's bit also set on its
/// word's id, `loose_offset` below.
pub fn fold_loose(present: &[u64], loose_offset: u32) -> Vec<u64> {
    let mut said = Vec::with_capacity(present.len());
    fold_loose_into(present, loose_offset, &mut said);
    said
}

/// [`fold_loose`] appended to `out`.
pub fn fold_loose_into(present: &[u64], loose_offset: u32, out: &mut Vec<u64>) {
    let base = out.len();
    out.extend_from_slice(present);
    let said = &mut out[base..];
    for (i, &m) in present.iter().enumerate() {
        let mut m = m;
        while m != 0 {
            let id = (i * 64) as u32 + m.trailing_zeros();
            m &= m - 1;
            if let Some(w) = id.checked_sub(loose_offset) {
                said[w as usize / 64] |= 1 << (w % 64);
            }
        }
    }
}
