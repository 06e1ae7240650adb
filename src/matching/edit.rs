//! Bounded edit distance for the typo test of the matcher.
//!
//! The matcher asks "are these two words within `k` edits?" (optimal string alignment:
//! insert, delete, substitute, swap two neighbours), with `k` of 1 or 2, millions of
//! times. [`within`] answers without allocating: ASCII words of up to [`MAX`] bytes go,
//! after a letter-set test that rules most pairs out in a few instructions, through
//! bit-parallel columns (words of letters) or a banded dynamic program on the stack
//! (others), both stopping as soon as the answer is known. Other words fall back to
//! `strsim::osa_distance`, which gives the same distance.

/// Longest ASCII word handled on the stack.
const MAX: usize = 40;

/// Bit set of the letters `a`..`z` in an ASCII word (other bytes are ignored).
pub fn letters(w: &[u8]) -> u32 {
    // Branch-free: a byte outside `a..=z` adds no bit.
    w.iter().fold(0, |m, &b| {
        let i = b.wrapping_sub(b'a');
        m | (u32::from(i < 26) << (i & 31))
    })
}

/// Whether `x` has at most `k` bits set: `x.count_ones() <= k` in `k` steps that each
/// clear the lowest bit, fewer instructions than a popcount for the small `k` of the
/// edit tests (the baseline x86-64 target has no popcount instruction).
#[inline]
pub fn at_most_bits(mut x: u32, k: u32) -> bool {
    for _ in 0..k.min(32) {
        if x == 0 {
            return true;
        }
        x &= x - 1;
    }
    x == 0
}

/// Whether the OSA distance of `a` and `b` is at most `k`.
pub fn within(a: &str, b: &str, k: usize) -> bool {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    if !(a.is_ascii() && b.is_ascii() && x.len() <= MAX && y.len() <= MAX) {
        return strsim::osa_distance(a, b) <= k;
    }
    within_ascii(x, y, k)
}

/// [`within`] for ASCII words of at most [`MAX`] bytes.
pub fn within_ascii(x: &[u8], y: &[u8], k: usize) -> bool {
    if x.len().abs_diff(y.len()) > k {
        return false;
    }
    // One edit changes at most two letters of the letter set.
    if !at_most_bits(letters(x) ^ letters(y), k.saturating_mul(2).min(32) as u32) {
        return false;
    }
    // The distance never exceeds the longer length (so k + 1 below fits a byte).
    if x == y || k >= x.len().max(y.len()) {
        return true;
    }
    osa_bits(x, y, k).unwrap_or_else(|| within_table(x, y, k))
}

/// [`within_ascii`] by bit-parallel columns (Hyyrö 2003, with his transposition term):
/// the distance of `x` to each prefix of `y` in a few word operations per byte of `y`,
/// stopping once the bytes of `y` left cannot bring it back to `k`. `None` when `x` is
/// empty, longer than 64 bytes or holds a byte outside `a..=z` (its match table has a
/// slot per letter).
fn osa_bits(x: &[u8], y: &[u8], k: usize) -> Option<bool> {
    if x.is_empty() || x.len() > 64 {
        return None;
    }
    // Per letter, the positions of `x` holding it.
    let mut peq = [0u64; 26];
    for (i, &b) in x.iter().enumerate() {
        let c = usize::from(b.wrapping_sub(b'a'));
        *peq.get_mut(c)? |= 1 << i;
    }
    let last = 1u64 << (x.len() - 1);
    let (mut vp, mut vn, mut d0, mut pm_old) = (!0u64, 0u64, 0u64, 0u64);
    // Distance of `x` to the prefix of `y` read so far.
    let mut dist = x.len();
    for (j, &b) in y.iter().enumerate() {
        let pm = peq
            .get(usize::from(b.wrapping_sub(b'a')))
            .copied()
            .unwrap_or(0);
        let tr = ((!d0 & pm) << 1) & pm_old;
        d0 = ((pm & vp).wrapping_add(vp) ^ vp) | pm | vn | tr;
        let hp = vn | !(d0 | vp);
        let hn = d0 & vp;
        dist = dist + usize::from(hp & last != 0) - usize::from(hn & last != 0);
        // Each byte of `y` left lowers the distance by one at most.
        if dist > k + (y.len() - j - 1) {
            return Some(false);
        }
        let (hp, hn) = ((hp << 1) | 1, hn << 1);
        vp = hn | !(d0 | hp);
        vn = hp & d0;
        pm_old = pm;
    }
    Some(dist <= k)
}

/// [`within_ascii`] past its quick tests, by a banded table: for the words
/// [`osa_bits`] does not take.
fn within_table(x: &[u8], y: &[u8], k: usize) -> bool {
    let (n, m) = (x.len(), y.len());
    // Rows i-2, i-1 and i of the distance table, capped at k + 1; cells further than k
    // from the diagonal are above k anyway and are never computed. A row whose every
    // cell is above k ends the search: later rows can only grow.
    let big = (k + 1) as u8;
    let kk = big - 1;
    let mut prev2 = [big; MAX + 1];
    let mut prev = [big; MAX + 1];
    let mut cur = [big; MAX + 1];
    for (j, c) in prev.iter_mut().enumerate().take(m + 1) {
        *c = (j as u8).min(big);
    }
    for i in 1..=n {
        cur[0] = (i.min(big as usize)) as u8;
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(m);
        if lo > 1 {
            cur[lo - 1] = big;
        }
        let mut row_min = cur[0];
        for j in lo..=hi {
            let cost = u8::from(x[i - 1] != y[j - 1]);
            let mut d = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d.min(big);
            row_min = row_min.min(cur[j]);
        }
        if hi < m {
            cur[hi + 1] = big;
        }
        if row_min > kk {
            return false;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m] <= kk
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn examples() {
        assert!(within("dihubungi", "dihubugi", 1));
        assert!(within("teruskan", "tersukan", 1));
        assert!(!within("teruskan", "tersukan", 0));
        assert!(within("abc", "abc", 0));
        assert!(!within("masih", "kasih", 0));
        assert!(within("", "ab", 2));
        assert!(!within("", "abc", 2));
        assert!(within("é", "e", 1));
    }

    proptest! {
        #[test]
        fn letters_are_the_lowercase_letters(w in prop::collection::vec(any::<u8>(), 0..24)) {
            let want = w
                .iter()
                .filter(|b| b.is_ascii_lowercase())
                .fold(0u32, |m, b| m | 1 << (b - b'a'));
            prop_assert_eq!(letters(&w), want);
        }

        #[test]
        fn at_most_bits_is_the_popcount(x in any::<u32>(), k in 0u32..40) {
            prop_assert_eq!(at_most_bits(x, k), x.count_ones() <= k);
        }

        #[test]
        fn bit_columns_agree_with_the_table(
            a in "[a-f]{1,14}|[a-z]{1,30}",
            b in "[a-f]{0,14}|[a-z]{0,30}|[a-c0-2 ]{0,6}",
            k in 0usize..5,
        ) {
            let (x, y) = (a.as_bytes(), b.as_bytes());
            prop_assert_eq!(osa_bits(x, y, k), Some(within_table(x, y, k)), "{} / {}", a, b);
            prop_assert_eq!(within(&a, &b, k), strsim::osa_distance(&a, &b) <= k);
        }

        #[test]
        fn agrees_with_strsim(a in "[a-e]{0,12}", b in "[a-e]{0,12}", k in 0usize..4) {
            prop_assert_eq!(within(&a, &b, k), strsim::osa_distance(&a, &b) <= k);
        }

        #[test]
        fn agrees_on_any_text(a in "\\PC{0,8}", b in "\\PC{0,8}", k in 0usize..3) {
            prop_assert_eq!(within(&a, &b, k), strsim::osa_distance(&a, &b) <= k);
        }
    }
}
