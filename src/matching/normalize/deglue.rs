//! Word boundaries the recogniser drops: two words written as one ("jelaspak",
//! "nomorini", "paksiapa", "petugaske"). The profile lists the short words that get
//! glued to a neighbour (`[normalize] glued`: honorifics, "ini", "yang", "ke", ...); a
//! token that is a listed word glued before or after a vocabulary word is split back
//! in two. Only a token that is neither a vocabulary word nor a known Indonesian word
//! (also under a particle): "bukan" and "daripada" stay whole, and "dibanto" (a typo
//! of "dibantu") is not "di banto", as "di" is a prefix, never a glued word.

use super::rejoin::Rejoin;

/// The listed glued words, by where they stick.
#[derive(Debug, Clone, Default)]
pub(super) struct Glued {
    /// (spoken form, canonical tokens) of the words glued to the end of a word.
    after: Vec<(String, Vec<String>)>,
    /// ... and to the start of one.
    before: Vec<(String, Vec<String>)>,
    /// Bit per last byte of `after`'s words and per first byte of `before`'s: most
    /// tokens are ruled out by one test.
    last_bytes: u32,
    first_bytes: u32,
}

fn bit(b: Option<&u8>) -> u32 {
    1 << (b.map_or(0, |b| b & 31))
}

impl Glued {
    /// `words` are (spoken form, canonical tokens); a word that is also a listed affix
    /// glues only on the side where it is no affix ("di" never before a word).
    pub(super) fn new(
        words: Vec<(String, Vec<String>)>,
        suffixes: &[String],
        prefixes: &[String],
    ) -> Glued {
        let mut g = Glued::default();
        for (w, canon) in words {
            if w.is_empty() || canon.is_empty() || !w.bytes().all(|b| b.is_ascii_lowercase()) {
                continue;
            }
            if !suffixes.contains(&w) {
                g.last_bytes |= bit(w.as_bytes().last());
                g.after.push((w.clone(), canon.clone()));
            }
            if !prefixes.contains(&w) {
                g.first_bytes |= bit(w.as_bytes().first());
                g.before.push((w, canon));
            }
        }
        g
    }

    pub(super) fn is_empty(&self) -> bool {
        self.after.is_empty() && self.before.is_empty()
    }
}

impl Rejoin {
    /// `tokens` with glued words split off; `canon` gives the canonical tokens of the
    /// other part when it is a variant ("hp" is "handphone"), `None` when it is none.
    pub(super) fn split_glued(
        &self,
        tokens: Vec<String>,
        canon: impl Fn(&str) -> Option<Vec<String>>,
    ) -> Vec<String> {
        let g = &self.glued;
        let candidate = |t: &str| {
            let b = t.as_bytes();
            b.len() >= 4
                && (g.last_bytes & bit(b.last()) != 0 || g.first_bytes & bit(b.first()) != 0)
                && b.iter().all(u8::is_ascii_lowercase)
        };
        if !tokens.iter().any(|t| candidate(t)) {
            return tokens;
        }
        let mut out = Vec::with_capacity(tokens.len() + 2);
        for t in tokens {
            match candidate(&t).then(|| self.split_one(&t, &canon)).flatten() {
                Some(parts) => out.extend(parts),
                None => out.push(t),
            }
        }
        out
    }

    /// The parts of one glued token, if it is one.
    fn split_one(
        &self,
        t: &str,
        canon: &impl Fn(&str) -> Option<Vec<String>>,
    ) -> Option<Vec<String>> {
        let g = &self.glued;
        // The other part is a vocabulary word as written, a glued word itself, or a
        // variant of vocabulary words ("hp" is "handphone").
        let rest_ok = |rest: &str| -> Option<Vec<String>> {
            if rest.len() < 2 {
                return None;
            }
            let said = if let Some(c) = self.is_glued(rest) {
                c.to_vec()
            } else if self.lex.id(rest).is_some()
                // An affix form of one ("dipakai" of "pakai").
                || (rest.len() >= 5 && !self.lex.exact_ids(rest).is_empty())
            {
                vec![rest.to_string()]
            } else {
                canon(rest)
                    .filter(|c| !c.is_empty() && c.iter().all(|w| self.lex.id(w).is_some()))?
            };
            (!self.is_affix(rest)).then_some(said)
        };
        let mut found: Option<Vec<String>> = None;
        for (w, c) in &g.after {
            if let Some(rest) = t.strip_suffix(w.as_str()) {
                if let Some(mut parts) = rest_ok(rest) {
                    parts.extend(c.iter().cloned());
                    found = Some(parts);
                    break;
                }
            }
        }
        if found.is_none() {
            for (w, c) in &g.before {
                if let Some(rest) = t.strip_prefix(w.as_str()) {
                    if let Some(parts) = rest_ok(rest) {
                        let mut all = c.clone();
                        all.extend(parts);
                        found = Some(all);
                        break;
                    }
                }
            }
        }
        // The token whole is a word (of the profile, also under a particle, or of the
        // language): not glued. (Not its affix forms: "nomorini" less "-i" and "-in" is
        // "nomor", and still two words.)
        // (The vocabulary holds the joins of phrase words too, "nomorini": not asked.)
        let word = |w: &str| crate::quality::words::list().contains(w);
        let whole = word(t)
            || crate::matching::lang::PARTICLES
                .iter()
                .filter_map(|p| t.strip_suffix(p))
                .any(|b| b.len() >= 3 && word(b));
        found.filter(|_| !whole)
    }

    fn is_affix(&self, w: &str) -> bool {
        self.suffixes.iter().chain(&self.prefixes).any(|a| a == w)
    }

    fn is_glued(&self, w: &str) -> Option<&[String]> {
        self.glued
            .after
            .iter()
            .chain(&self.glued.before)
            .find(|(g, _)| g == w)
            .map(|(_, c)| c.as_slice())
    }
}

#[cfg(test)]
mod tests {
    /// Table on the built-in profile: (said, tokens).
    #[test]
    fn splits_only_glued_words() {
        let prof = crate::profile::Compiled::builtin();
        for (said, want) in [
            // A listed word glued after or before a profile word.
            ("sudah jelaspak", "sudah jelas bapak"),
            ("nomorini bisa dihubungi", "nomor ini bisa dihubungi"),
            ("dengan paksiapa nih", "dengan bapak siapa nih"),
            ("siapanih", "siapa nih"),
            ("menunggu petugaske lokasi", "menunggu petugas ke lokasi"),
            ("hubungi ke nomorini ya", "hubungi ke nomor ini ya"),
            ("yang sedang dipakaiini", "yang sedang dipakai ini"),
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
