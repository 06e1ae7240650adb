//! Word boundaries the recogniser moves: two words of a phrase said as one token
//! ("terimakasih", "mohonmaaf", garbled or not: "terimakassih").
//!
//! A multi-word alternative of an item also matches its words joined (`mohon_maaf` is
//! said by "mohonmaaf"); two consecutive required one-word items also match one token
//! close to their words joined ("terima kasih" by "teriamkasih"), with the long word's
//! own typo budget.

use super::{Item, EXACT};

/// Two consecutive items `item` and `item + 1` said as one token: their words joined,
/// every combination of their alternatives, with lexicon ids once bound.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Join {
    pub item: usize,
    pub words: Vec<String>,
    pub ids: Vec<Option<u32>>,
}

/// Most alternatives per item for which their joins are listed.
const MAX_ALTS: usize = 4;

/// The one-word alternatives of a required word item, if it has only those (and few).
fn one_words(item: &Item) -> Option<Vec<&str>> {
    let Item::Words {
        alts,
        optional: false,
        ..
    } = item
    else {
        return None;
    };
    if alts.len() > MAX_ALTS {
        return None;
    }
    alts.iter()
        .map(|a| match a.as_slice() {
            [w] if !w.starts_with(EXACT) && !w.bytes().all(|b| b.is_ascii_digit()) => {
                Some(w.as_str())
            }
            _ => None,
        })
        .collect()
}

/// The joins of every pair of consecutive required one-word items.
pub(super) fn joins_of(items: &[Item]) -> Vec<Join> {
    let mut out = Vec::new();
    for k in 0..items.len().saturating_sub(1) {
        let (Some(a), Some(b)) = (one_words(&items[k]), one_words(&items[k + 1])) else {
            continue;
        };
        let words: Vec<String> = a
            .iter()
            .flat_map(|x| b.iter().map(move |y| format!("{x}{y}")))
            .collect();
        out.push(Join {
            item: k,
            words,
            ids: Vec::new(),
        });
    }
    out
}

/// `alts` with each multi-word alternative (two or three plain words) also joined.
pub(super) fn with_joined_alts(mut alts: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let joined: Vec<Vec<String>> = alts
        .iter()
        .filter(|a| {
            (2..=3).contains(&a.len())
                && a.iter()
                    .all(|w| !w.starts_with(EXACT) && !w.bytes().all(|b| b.is_ascii_digit()))
        })
        .map(|a| vec![a.concat()])
        .filter(|j| !alts.contains(j))
        .collect();
    alts.extend(joined);
    alts
}
