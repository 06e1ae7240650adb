//! The lexicon words each token of a call says, for all the call's tokens in one flat
//! pool: a token's ids are a range of it. (Each token holding a shared pointer to the
//! per-worker cache's answer cost an atomic count per token and a pointer chase into
//! cache-cold memory on every read.)

use std::ops::Index;

/// A view of consecutive tokens' id lists: per token, its range of `pool`.
#[derive(Debug, Clone, Copy, Default)]
pub struct IdLists<'a> {
    spans: &'a [(u32, u32)],
    pool: &'a [u32],
}

impl<'a> IdLists<'a> {
    pub fn new(spans: &'a [(u32, u32)], pool: &'a [u32]) -> IdLists<'a> {
        IdLists { spans, pool }
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The lists of tokens `lo..hi` of this view.
    pub fn slice(&self, lo: usize, hi: usize) -> IdLists<'a> {
        IdLists {
            spans: &self.spans[lo..hi],
            pool: self.pool,
        }
    }

    /// The ids of token `p`, sorted; `None` past the end.
    #[inline]
    pub fn get(&self, p: usize) -> Option<&'a [u32]> {
        let &(a, b) = self.spans.get(p)?;
        Some(&self.pool[a as usize..b as usize])
    }
}

impl Index<usize> for IdLists<'_> {
    type Output = [u32];

    #[inline]
    fn index(&self, p: usize) -> &[u32] {
        let (a, b) = self.spans[p];
        &self.pool[a as usize..b as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_of_one_pool() {
        let pool = [3, 7, 9, 2];
        let spans = [(0, 2), (2, 2), (2, 4)];
        let l = IdLists::new(&spans, &pool);
        assert_eq!(&l[0], &[3, 7]);
        assert!(l[1].is_empty());
        assert_eq!(l.get(2), Some(&[9, 2][..]));
        assert_eq!(l.get(3), None);
        let s = l.slice(1, 3);
        assert_eq!(&s[1], &[9, 2]);
        assert_eq!(s.get(2), None);
        assert!(IdLists::default().is_empty());
    }
}
