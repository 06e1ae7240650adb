//! The loose level of the lexicon's answers: the words a token says only loosely
//! ([`loose_eq`], a number one digit off, the confusion table, an exact word one edit
//! off, a spelling variant), as loose ids after its strict ones.
//!
//! Most of a garbled token's cost is here: every word of about its length is a
//! candidate. [`LooseToken::admits`] and the word heads rule out nearly all of them in a few
//! integer compares before [`loose_eq`] runs (the lexicon tests hold the answers to
//! those without the filters).

use super::{Lexicon, PARTICLES};
use crate::matching::edit::{at_most_bits, letters, within};
use crate::matching::word::{loose_eq, loose_number, sound_key, LooseToken};

impl Lexicon {
    /// Appends the loose ids of the words `token` says only loosely to `ids` (its
    /// sorted strict ids), keeping the list sorted (loose ids are the larger ones).
    pub(super) fn loose_into(&self, token: &str, ids: &mut Vec<u32>) {
        if token.bytes().all(|b| b.is_ascii_digit()) {
            // A number one digit off (only a number word is one).
            let n = token.len();
            let off = self.loose_offset();
            for len in n.saturating_sub(1)..=n + 1 {
                for &id in self.numbers_by_len.get(&len).into_iter().flatten() {
                    if loose_number(&self.words[id as usize], token) {
                        ids.push(id + off);
                    }
                }
            }
            // A number word heard for a word ("lima" for "lama", read as "5"): only
            // where the confusion table says so.
            let meant = self.confusions.get(token).into_iter().flatten();
            let meant = meant.filter_map(|m| self.index.get(m));
            ids.extend(
                meant
                    .filter(|&&id| self.shape[id as usize] != (0, 0))
                    .map(|&id| id + off),
            );
            ids.sort_unstable();
            ids.dedup();
            return;
        }
        let off = self.loose_offset();
        let mut bases: Vec<&str> = vec![token];
        bases.extend(PARTICLES.iter().filter_map(|p| token.strip_suffix(p)));
        let mut loose: Vec<u32> = Vec::new();
        // A token that is a word of the vocabulary is that word: "lama" is not "nama"
        // heard one letter off (only the confusion table says otherwise). (A token only
        // spelled like one, "seang" like "sedang", may still be a slot value said
        // loosely: see `known`.)
        let known = !ids.is_empty();
        // The bases prepared for the comparisons below, which a known token skips.
        let toks: Vec<LooseToken> = match known {
            true => Vec::new(),
            false => bases
                .iter()
                .map(|b| LooseToken::new(b, self.fuzz))
                .collect(),
        };
        for (base, tok) in bases.iter().zip(&toks).filter(|_| !known) {
            let n = base.chars().count();
            if n < 3 {
                continue;
            }
            loose.extend(self.by_key.get(&sound_key(base)).into_iter().flatten());
            let base_letters = letters(base.as_bytes());
            for len in n.saturating_sub(3).max(3)..=n + 3 {
                for &id in self.by_len.get(&len).into_iter().flatten() {
                    let (word_letters, edits) = self.shape[id as usize];
                    let (w, (head, key)) = (&self.words[id as usize], &self.heads[id as usize]);
                    if head.may_say(tok.head())
                        && at_most_bits(word_letters & !base_letters, edits + 1)
                        && tok.admits(w, *head, key)
                        && loose_eq(w, base, self.fuzz)
                    {
                        loose.push(id);
                    }
                }
            }
        }
        for meant in bases
            .iter()
            .filter_map(|b| self.confusions.get(*b))
            .flatten()
        {
            // An exact word (`=word`) is said loosely only by one edit (below).
            loose.extend(
                self.index
                    .get(meant)
                    .filter(|&&id| self.shape[id as usize] != (0, 0)),
            );
        }
        // Exact words (`=word`) take one edit, on the token itself: "mlapor" is
        // "=melapor" heard one letter off, "laporan" is still not "=lapor".
        let n = token.chars().count();
        for (form, &id) in &self.exact {
            if form != token && form.chars().count().abs_diff(n) <= 1 && within(form, token, 1) {
                loose.push(id);
            }
        }
        for (variant, id, (vh, vk)) in self.aliases.iter().filter(|_| !known) {
            if bases.iter().zip(&toks).any(|(b, tok)| {
                variant == b
                    || (vh.may_say(tok.head())
                        && tok.admits(variant, *vh, vk)
                        && loose_eq(variant, b, self.fuzz))
            }) {
                loose.push(*id);
            }
        }
        loose.retain(|id| ids.binary_search(id).is_err());
        loose.sort_unstable();
        loose.dedup();
        ids.extend(loose.into_iter().map(|id| id + off));
    }
}
