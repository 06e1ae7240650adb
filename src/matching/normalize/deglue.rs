//! Word boundaries the recogniser drops: two words written as one ("jelaspak",
//! "nomorini", "paksiapa", "petugaske"). The profile lists the short words that get
//! glued to a neighbour (`[normalize] glued`: honorifics, "ini", "yang", "ke", ...); a
//! token that is a listed word glued before or after a vocabulary word is split back
//! in two. Only a token that is neither a vocabulary word nor a known Indonesian word
//! (also under a particle): "bukan" and "daripada" stay whole, and "dibanto" (a typo
//! of "dibantu") is not "di banto", as "di" is a prefix, never a glued word.

use super::rejoin::Rejoin;
use rustc_hash::FxHashMap as HashMap;

/// The listed glued words and the spellings they stick to.
#[derive(Debug, Clone, Default)]
pub(super) struct Glued {
    /// (spoken form, canonical tokens) of the words glued after a word, by the slot
    /// ([`slot2`]) of their last two bytes ...
    after: HashMap<usize, Vec<(String, Vec<String>)>>,
    /// ... and of those glued before one, by the slot of their first two bytes.
    before: HashMap<usize, Vec<(String, Vec<String>)>>,
    /// Bit sets of those slots: most tokens are ruled out by them without hashing.
    ends: Vec<u64>,
    starts: Vec<u64>,
    /// One-word spellings of vocabulary words (spoken form, canonical tokens: "hp").
    spellings: HashMap<String, Vec<String>>,
}

/// Slot of two bytes (5 low bits each: every letter its own).
fn slot2(a: u8, b: u8) -> usize {
    usize::from(a & 31) << 5 | usize::from(b & 31)
}

fn has(bits: &[u64], i: usize) -> bool {
    bits.get(i / 64).is_some_and(|m| m >> (i % 64) & 1 != 0)
}

impl Glued {
    /// `words` the listed glued words (spoken form, canonical tokens), `spellings`
    /// one-word spellings of vocabulary words; a word that is also a listed affix
    /// glues only on the side where it is no affix ("di" never before a word).
    pub(super) fn new(
        words: Vec<(String, Vec<String>)>,
        spellings: Vec<(String, Vec<String>)>,
        suffixes: &[String],
        prefixes: &[String],
    ) -> Glued {
        let mut g = Glued {
            ends: vec![0; 16],
            starts: vec![0; 16],
            spellings: spellings.into_iter().collect(),
            ..Glued::default()
        };
        for (w, canon) in words {
            let b = w.as_bytes();
            if b.len() < 2 || canon.is_empty() || !b.iter().all(u8::is_ascii_lowercase) {
                continue;
            }
            if !suffixes.contains(&w) {
                let i = slot2(b[b.len() - 2], b[b.len() - 1]);
                g.ends[i / 64] |= 1 << (i % 64);
                g.after
                    .entry(i)
                    .or_default()
                    .push((w.clone(), canon.clone()));
            }
            if !prefixes.contains(&w) {
                let i = slot2(b[0], b[1]);
                g.starts[i / 64] |= 1 << (i % 64);
                g.before.entry(i).or_default().push((w, canon));
            }
        }
        g
    }

    pub(super) fn is_empty(&self) -> bool {
        self.after.is_empty() && self.before.is_empty()
    }
}

impl Rejoin {
    /// `tokens` with glued words split off.
    pub(super) fn split_glued(&self, tokens: Vec<String>) -> Vec<String> {
        // Most turns have no glued token: they are returned as they came.
        let Some((first, parts)) = tokens
            .iter()
            .enumerate()
            .find_map(|(i, t)| self.glued_parts(t).map(|p| (i, p)))
        else {
            return tokens;
        };
        let mut out = Vec::with_capacity(tokens.len() + 2);
        let mut rest = tokens.into_iter();
        out.extend(rest.by_ref().take(first));
        rest.next();
        out.extend(parts);
        for t in rest {
            match self.glued_parts(&t) {
                Some(parts) => out.extend(parts),
                None => out.push(t),
            }
        }
        out
    }

    /// The parts of `t` when it is a listed word glued after or before a vocabulary
    /// word or a spelling of one.
    fn glued_parts(&self, t: &str) -> Option<Vec<String>> {
        let g = &self.glued;
        let b = t.as_bytes();
        let n = b.len();
        if n < 4 {
            return None;
        }
        let (end, start) = (slot2(b[n - 2], b[n - 1]), slot2(b[0], b[1]));
        let (after, before) = (has(&g.ends, end), has(&g.starts, start));
        if !(after || before) || !b.iter().all(u8::is_ascii_lowercase) {
            return None;
        }
        // The other part as canonical tokens, if it is one a glued word sticks to (not
        // a listed affix: a split suffix or prefix is [`Rejoin::apply`]'s).
        let other = |rest: &str| -> Option<Vec<String>> {
            if rest.len() < 2 {
                return None;
            }
            // (A listed word is a vocabulary word or a spelling of one: "bu", "ibu".)
            let said = if self.lex.id(rest).is_some() {
                vec![rest.to_string()]
            } else {
                g.spellings.get(rest)?.clone()
            };
            let affix = self
                .suffixes
                .iter()
                .chain(&self.prefixes)
                .any(|a| a == rest);
            (!affix).then_some(said)
        };
        let found = after
            .then(|| g.after.get(&end))
            .flatten()
            .into_iter()
            .flatten()
            .filter(|(w, _)| w.len() < n && t.ends_with(w.as_str()))
            .find_map(|(w, c)| {
                let mut parts = other(&t[..n - w.len()])?;
                parts.extend(c.iter().cloned());
                Some(parts)
            })
            .or_else(|| {
                before
                    .then(|| g.before.get(&start))
                    .flatten()
                    .into_iter()
                    .flatten()
                    .filter(|(w, _)| w.len() < n && t.starts_with(w.as_str()))
                    .find_map(|(w, c)| {
                        let mut parts = c.clone();
                        parts.extend(other(&t[w.len()..])?);
                        Some(parts)
                    })
            })?;
        (!whole_word(t)).then_some(found)
    }
}

/// Whether `t` is a word of the language (also under a particle): then it is not glued.
/// (Not asked of the vocabulary, which holds the joins of phrase words too:
/// "nomorini".)
fn whole_word(t: &str) -> bool {
    let word = |w: &str| crate::quality::words::list().contains(w);
    word(t)
        || crate::matching::lang::PARTICLES
            .iter()
            .filter_map(|p| t.strip_suffix(p))
            .any(|b| b.len() >= 3 && word(b))
}

#[cfg(test)]
mod tests {
    /// Table on the built-in profile: (said, tokens).
    #[test]
    fn splits_only_glued_words() {
        // The built-in profile with the glued words of its comment listed.
        let text = crate::profile::BUILTIN.replace(
            "glued = []",
            r#"glued = ["ini", "nih", "yang", "ya", "ke", "di", "dari", "dengan", "bu", "ibu", "pak", "bapak", "hp"]"#,
        );
        let prof = crate::profile::Compiled::new(
            crate::profile::Profile::parse(&text, "test").expect("profile"),
            "test",
        )
        .expect("compiles");
        for (said, want) in [
            // A listed word glued after or before a profile word.
            ("sudah jelaspak", "sudah jelas bapak"),
            ("nomorini bisa dihubungi", "nomor ini bisa dihubungi"),
            ("dengan paksiapa nih", "dengan bapak siapa nih"),
            ("siapanih", "siapa nih"),
            ("menunggu petugaske lokasi", "menunggu petugas ke lokasi"),
            ("hubungi ke nomorini ya", "hubungi ke nomor ini ya"),
            // The other part a variant of a profile word; both parts glued words.
            ("nomor hpyang aktif", "nomor handphone yang aktif"),
            ("jelas yabu", "jelas ya ibu"),
            // Near misses: a word that is a word whole, a typo of a prefixed word,
            // a name, an unknown rest.
            ("bukan begitu", "bukan begitu"),
            ("daripada itu", "daripada itu"),
            ("bisa dibanto", "bisa dibanto"),
            ("bujuwita", "bujuwita"),
            ("sayang sekali", "sayang sekali"),
            ("dampak", "dampak"),
            ("punya", "punya"),
        ] {
            assert_eq!(prof.norm.tokens(said).join(" "), want, "{said}");
        }
    }
}
