//! Word boundaries the recogniser inserts: a suffix or particle written apart from its
//! word ("terus kan", "sebelum nya", "nama nya") or a prefix written apart from its stem
//! ("se belumnya", "ke sehatan").
//!
//! A split piece is joined back only when the joined form says a word of the profile's
//! vocabulary that the word alone does not: "terus kan" becomes "teruskan", while
//! "jelas kan" (clear, isn't it?) stays two tokens, as "jelaskan" says nothing "jelas"
//! does not, and "di unit" stays apart for the same reason.

use crate::matching::lexicon::Lexicon;
use rustc_hash::FxHashMap as HashMap;

/// The affixes the profile lists and the vocabulary that decides a join.
#[derive(Debug, Clone)]
pub struct Rejoin {
    pub(super) lex: Lexicon,
    pub(super) suffixes: Vec<String>,
    pub(super) prefixes: Vec<String>,
    /// Words the recogniser glues to a neighbour, split off again ([`super::deglue`]).
    pub(super) glued: super::deglue::Glued,
    /// Filters of the two lists ([`cells`]): most tokens are neither, and are ruled out
    /// by their length and first byte without a string compare.
    suffix_cells: [u32; 5],
    prefix_cells: [u32; 5],
    /// Every vocabulary word, also with a listed prefix before it or a listed suffix
    /// after it ("diteruskan", "jelaskan") → the words it is: what a join may say.
    targets: HashMap<String, Vec<u32>>,
}

impl Rejoin {
    pub fn new(lex: Lexicon, suffixes: Vec<String>, prefixes: Vec<String>) -> Rejoin {
        let mut targets: HashMap<String, Vec<u32>> = HashMap::default();
        for (id, w) in lex.words() {
            let forms = (prefixes.iter().map(|p| format!("{p}{w}")))
                .chain(suffixes.iter().map(|s| format!("{w}{s}")));
            for f in std::iter::once(w.to_string()).chain(forms) {
                targets.entry(f).or_default().push(id);
            }
        }
        Rejoin {
            lex,
            suffix_cells: cells(&suffixes),
            prefix_cells: cells(&prefixes),
            suffixes,
            prefixes,
            targets,
            glued: Default::default(),
        }
    }

    /// This table, also splitting off the words of `glued` (spoken form, canonical
    /// tokens) written onto a vocabulary word or onto one of `spellings` (spoken form
    /// of vocabulary words, canonical tokens: "hp", "handphone").
    pub fn with_glued(
        mut self,
        glued: Vec<(String, Vec<String>)>,
        spellings: Vec<(String, Vec<String>)>,
    ) -> Rejoin {
        self.glued = super::deglue::Glued::new(glued, spellings, &self.suffixes, &self.prefixes);
        self
    }

    /// Whether `joined` is, as written, a vocabulary word (bare, or with a listed affix)
    /// that `part` does not say: "di unit" is "unit" already, and "di laporan" is not
    /// "dilaporan" heard for "dilaporkan".
    ///
    /// A joined form with a suffix may also be an affix form the listed ones do not
    /// spell out: a nasal prefix that swallows the stem's first letter ("menyampai kan"
    /// is "menyampaikan", a form of "sampaikan"; "mengecek nya" of "cek").
    fn says_more(&self, joined: &str, part: &str, suffix: bool) -> bool {
        let formed;
        let ids: &[u32] = match self.targets.get(joined) {
            Some(ids) => ids,
            None if suffix => {
                formed = self.lex.exact_ids(joined);
                &formed
            }
            None => return false,
        };
        let p = self.lex.lookup(part);
        ids.iter().any(|id| p.binary_search(id).is_err())
    }

    /// `tokens` with split affixes joined back.
    pub fn apply(&self, mut tokens: Vec<String>) -> Vec<String> {
        let word = |t: &str| t.len() >= 3 && !t.bytes().all(|b| b.is_ascii_digit());
        let listed = |l: &[String], cells: &[u32; 5], t: &str| {
            t.len() <= 4 && cells[t.len()] & cell_bit(t) != 0 && l.iter().any(|s| s == t)
        };
        let mut joined = String::new();
        let mut i = 1;
        while i < tokens.len() {
            let (a, b) = (&tokens[i - 1], &tokens[i]);
            let suffix = listed(&self.suffixes, &self.suffix_cells, b);
            let prefix = listed(&self.prefixes, &self.prefix_cells, a);
            let join = (suffix || prefix) && {
                joined.clear();
                joined.push_str(a);
                joined.push_str(b);
                (suffix && word(a) && self.says_more(&joined, a, true))
                    || (prefix && word(b) && self.says_more(&joined, b, false))
            };
            if join {
                let b = tokens.remove(i);
                tokens[i - 1].push_str(&b);
            } else {
                i += 1;
            }
        }
        tokens
    }

    /// Whether any affix is listed (an empty table leaves tokens alone, at no cost).
    pub fn is_empty(&self) -> bool {
        self.suffixes.is_empty() && self.prefixes.is_empty() && self.glued.is_empty()
    }
}

/// Bit of a token's first byte (its 5 low bits: every letter its own) in a filter cell.
fn cell_bit(t: &str) -> u32 {
    1 << (t.as_bytes().first().map_or(0, |b| b & 31))
}

/// Per length up to 4 bytes (the longest affix a join takes), the [`cell_bit`]s of the
/// listed affixes of that length.
fn cells(list: &[String]) -> [u32; 5] {
    let mut out = [0; 5];
    for s in list.iter().filter(|s| s.len() <= 4) {
        out[s.len()] |= cell_bit(s);
    }
    out
}

impl super::Normalizer {
    /// This normaliser, also joining back the affixes `rejoin` lists.
    pub fn with_rejoin(mut self, rejoin: Rejoin) -> Self {
        self.rejoin = (!rejoin.is_empty()).then(|| std::sync::Arc::new(rejoin));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rejoin() -> Rejoin {
        let words = [
            "teruskan",
            "sampaikan",
            "sebelumnya",
            "nama",
            "namanya",
            "jelas",
            "unit",
            "kesehatan",
            "gunakan",
            "siapa",
            "kan",
            "laporan",
            "dilaporkan",
        ];
        let lex = Lexicon::new(words.iter().map(|w| w.to_string()), 0.8);
        let list = |l: &[&str]| l.iter().map(|s| s.to_string()).collect();
        Rejoin::new(lex, list(&["nya", "kan"]), list(&["di", "ke", "se"]))
    }

    /// The filters pass every listed affix: they only skip the compares that fail.
    #[test]
    fn cells_keep_every_listed_affix() {
        let list: Vec<String> = ["nya", "kan", "i", "ku", "lah", "pun", "", "abcd", "abcde"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let c = cells(&list);
        for s in list.iter().filter(|s| s.len() <= 4) {
            assert!(c[s.len()] & cell_bit(s) != 0, "{s}");
        }
        assert_eq!(c[3] & cell_bit("dia"), 0);
    }

    /// Table: (tokens, tokens after the join).
    #[test]
    fn joins_only_what_says_more() {
        let r = rejoin();
        for (said, want) in [
            // A split suffix or particle joined back.
            ("kami terus kan ke unit", "kami teruskan ke unit"),
            ("diterus kan ke petugas", "diteruskan ke petugas"),
            ("sudah kami sampai kan", "sudah kami sampaikan"),
            // After a nasal prefix that swallowed the stem's first letter.
            ("kami menyampai kan ke unit", "kami menyampaikan ke unit"),
            (
                "sebelum nya sudah ada laporan",
                "sebelumnya sudah ada laporan",
            ),
            ("nama nya siapa", "namanya siapa"),
            ("yang diguna kan", "yang digunakan"),
            // A split prefix joined back.
            ("se belumnya", "sebelumnya"),
            // (Unless the stem alone says the word already: "sehatan" is "kesehatan"
            // less its prefix.)
            ("alat ke sehatan", "alat ke sehatan"),
            // Near misses stay apart: the joined form says nothing new.
            ("sudah jelas kan", "sudah jelas kan"),
            ("di unit", "di unit"),
            ("di laporan sebelumnya", "di laporan sebelumnya"),
            ("permasalahan nya", "permasalahan nya"),
            ("ini kan", "ini kan"),
            ("lima kan", "lima kan"),
            // Near miss: the verb says the word already; the particle stays apart.
            ("kami menyampaikan nya", "kami menyampaikan nya"),
            ("24 kan", "24 kan"),
        ] {
            let toks: Vec<String> = said.split(' ').map(String::from).collect();
            assert_eq!(r.apply(toks).join(" "), want, "{said}");
        }
    }
}
