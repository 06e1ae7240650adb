//! Which tokens may begin an alternative of a word item, decided from the token's
//! lexicon ids (and, for exact words, its text) before the alternatives are tried one by
//! one: most tokens say none of an item's first words, and a concept item has dozens of
//! alternatives.

use super::EXACT;

/// The first words of a word item's alternatives, bound to the lexicon.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Starts {
    /// Sorted lexicon ids of the alternatives' first words (those not exact).
    ids: Vec<u32>,
    /// Exact first words (`=word`, without the mark): compared as text.
    exact: Vec<String>,
    /// Sorted loose ids (id + loose offset) of the one-word alternatives not exact.
    loose: Vec<u32>,
    /// Whether a one-word alternative is an exact word (said loosely by one edit on the
    /// token's text, which the ids do not tell).
    exact_one: bool,
}

impl Starts {
    /// The starts of an item's alternatives `alts` with the lexicon ids `ids` of their
    /// words; `None` when a first word that is not exact has no id (it is compared by
    /// text, which no id list can rule out).
    pub(super) fn of(alts: &[Vec<String>], ids: &[Vec<Option<u32>>], off: u32) -> Option<Starts> {
        if alts.len() != ids.len() {
            return None;
        }
        let mut s = Starts::default();
        for (alt, id) in alts.iter().zip(ids) {
            let w = alt.first()?;
            match w.strip_prefix(EXACT) {
                Some(exact) => {
                    s.exact.push(exact.to_string());
                    s.exact_one |= alt.len() == 1;
                }
                None => {
                    let id = id.first().copied().flatten()?;
                    s.ids.push(id);
                    if alt.len() == 1 {
                        s.loose.push(id + off);
                    }
                }
            }
        }
        for v in [&mut s.ids, &mut s.loose] {
            v.sort_unstable();
            v.dedup();
        }
        Some(s)
    }

    /// Whether a token saying the lexicon words `said`, with text `text`, may be the
    /// first word of an alternative said strictly.
    #[inline]
    pub(super) fn may_start(&self, said: &[u32], text: &str) -> bool {
        said.iter().any(|id| self.ids.binary_search(id).is_ok())
            || self.exact.iter().any(|e| e == text)
    }

    /// Whether a token saying `said` may say a one-word alternative loosely.
    #[inline]
    pub(super) fn may_say_loosely(&self, said: &[u32]) -> bool {
        self.exact_one || said.iter().any(|id| self.loose.binary_search(id).is_ok())
    }
}
