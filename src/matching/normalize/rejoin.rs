//! Word boundaries the recogniser inserts: a suffix or particle written apart from its
//! word ("terus kan", "sebelum nya", "nama nya") or a prefix written apart from its stem
//! ("se belumnya", "ke sehatan").
//!
//! A split piece is joined back only when the joined form says a word of the profile's
//! vocabulary that the word alone does not: "terus kan" becomes "teruskan", while
//! "jelas kan" (clear, isn't it?) stays two tokens, as "jelaskan" says nothing "jelas"
//! does not, and "di unit" stays apart for the same reason.

use crate::matching::lexicon::Lexicon;
use crate::matching::numbers::needs_reading;
use rustc_hash::FxHashMap as HashMap;

/// The affixes the profile lists and the vocabulary that decides a join.
#[derive(Debug, Clone)]
pub struct Rejoin {
    lex: Lexicon,
    suffixes: Vec<String>,
    prefixes: Vec<String>,
    /// Filters of the two lists ([`cells`]): most tokens are neither, and are ruled out
    /// by their length and first byte without a string compare.
    suffix_cells: [u32; 5],
    prefix_cells: [u32; 5],
    /// Every vocabulary word, also with a listed prefix before it or a listed suffix
    /// after it ("diteruskan", "jelaskan") → the words it is: what a join may say.
    targets: HashMap<String, Vec<u32>>,
    /// Short words glued to their neighbour ("teruskanke", "newpln"), and per pair of
    /// bytes (a glued word's first two, or last two) a bit: most tokens neither begin
    /// nor end like one, and are ruled out by one lookup.
    glued: Vec<String>,
    /// Per glued word: the pair keys ([`pair_key`]) of its first and last two bytes, and
    /// whether it may be split off the start of a token (it is no listed prefix).
    glue_keys: Vec<(u16, u16, bool)>,
    /// A bit per glued word of one letter ("x", 5 low bits): split off a number word
    /// only.
    letters: u32,
    glue_heads: Box<[u64; KEY_WORDS]>,
    glue_tails: Box<[u64; KEY_WORDS]>,
    /// Vocabulary words that are a glued word joined to a vocabulary (or glued) word,
    /// the phrases' joins ("nomorini", "adayang"): no reason to keep a token whole.
    joins: rustc_hash::FxHashSet<u32>,
    /// Colloquial suffix → the standard ones it stands for ("in" → "kan", "i").
    colloquial: Vec<(String, Vec<String>)>,
    /// A bit per last letter of a colloquial suffix (5 low bits).
    colloquial_last: u32,
}

/// Words of a [`Rejoin::glue_heads`] filter: a bit per key of two or three bytes.
const KEY_WORDS: usize = (1 << 16) / 64;

/// Key of the two or three bytes a glued word begins or ends with (5 low bits of each:
/// every letter its own; bit 15 tells three from two).
fn glue_key(b: &[u8]) -> u16 {
    match *b {
        [x, y] => (u16::from(x & 31) << 5) | u16::from(y & 31),
        [x, y, z] => {
            1 << 15 | (u16::from(x & 31) << 10) | (u16::from(y & 31) << 5) | u16::from(z & 31)
        }
        _ => 0,
    }
}

/// Whether key `k` is set in filter `f`.
fn has(f: &[u64; KEY_WORDS], k: u16) -> bool {
    f[usize::from(k) / 64] >> (k % 64) & 1 != 0
}

fn set(f: &mut [u64; KEY_WORDS], k: u16) {
    f[usize::from(k) / 64] |= 1 << (k % 64);
}

/// Whether `b` ends (`at_end`) or starts with `g`, byte by byte (no call for a word of
/// a few bytes).
fn affixed(b: &[u8], g: &[u8], at_end: bool) -> bool {
    b.len() >= g.len() && {
        let part = if at_end {
            &b[b.len() - g.len()..]
        } else {
            &b[..g.len()]
        };
        part.iter().zip(g).all(|(x, y)| x == y)
    }
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
            glued: Vec::new(),
            glue_keys: Vec::new(),
            letters: 0,
            glue_heads: Box::new([0; KEY_WORDS]),
            glue_tails: Box::new([0; KEY_WORDS]),
            joins: Default::default(),
            colloquial: Vec::new(),
            colloquial_last: 0,
        }
    }

    /// This table, also splitting the `glued` words off the tokens they are glued to
    /// and reading the `colloquial` suffixes as the standard ones.
    pub fn with_glue(
        mut self,
        glued: Vec<String>,
        colloquial: Vec<(String, Vec<String>)>,
    ) -> Rejoin {
        for g in glued.iter().filter(|g| g.len() >= 2 && g.is_ascii()) {
            let b = g.as_bytes();
            let n = b.len().min(3);
            let (head, tail) = (glue_key(&b[..n]), glue_key(&b[b.len() - n..]));
            // A listed prefix is never split off the start: no head bit for it.
            let at_start = !self.prefixes.contains(g);
            // The filters hold three-byte keys: a two-letter word sets every key it
            // begins (ends) with, so a token is tested with one probe each way.
            for x in 0..32u8 {
                let (h, t) = if n == 2 {
                    (glue_key(&[b[0], b[1], x]), glue_key(&[x, b[0], b[1]]))
                } else {
                    (head, tail)
                };
                if at_start {
                    set(&mut self.glue_heads, h);
                }
                set(&mut self.glue_tails, t);
            }
            self.glue_keys.push((head, tail, at_start));
        }
        self.letters = glued
            .iter()
            .filter(|g| g.len() == 1)
            .fold(0, |m, g| m | 1 << (g.as_bytes()[0] & 31));
        self.glued = glued
            .into_iter()
            .filter(|g| g.len() >= 2 && g.is_ascii())
            .collect();
        let part = |p: &str| self.lex.id(p).is_some() || self.glued.iter().any(|g| g == p);
        let joins = self.lex.words().filter(|(_, w)| {
            self.glued.iter().any(|g| {
                w.len() > g.len()
                    && (w.strip_suffix(g.as_str()).is_some_and(part)
                        || w.strip_prefix(g.as_str()).is_some_and(part))
            })
        });
        self.joins = joins.map(|(id, _)| id).collect();
        self.colloquial_last = colloquial
            .iter()
            .filter_map(|(c, _)| c.as_bytes().last())
            .fold(0, |m, b| m | 1 << (b & 31));
        self.colloquial = colloquial;
        self
    }

    /// Whether `w` is, as written, a word of the vocabulary (bare, with a listed affix,
    /// or an affix form of one).
    fn vocabulary(&self, w: &str) -> bool {
        self.targets.contains_key(w)
            || self.lex.id(w).is_some()
            || !self.lex.exact_ids(w).is_empty()
    }

    /// Whether `t` is a word in its own right: a vocabulary word (bare or with a listed
    /// affix) or a word of the Indonesian word list. Such a token is never rewritten
    /// ("mungkin" keeps its "-in"; "sampaiin" is "sampai" only by the colloquial suffix).
    fn known(&self, t: &str) -> bool {
        self.targets.contains_key(t)
            || self.lex.id(t).is_some()
            || crate::matching::dictionary::list().contains(t)
    }

    /// Whether `t` is a word of the language, or says a vocabulary word as written or
    /// one typo off ("sampaidan" for "sampaikan"): such a token is never split. The
    /// phrases' joins of two words ("nomorini" of "nomor ini") do not count: split, the
    /// token says the same two words.
    fn whole(&self, t: &str) -> bool {
        let off = self.lex.loose_offset();
        crate::matching::dictionary::list().contains(t)
            || self
                .lex
                .lookup(t)
                .iter()
                .any(|&id| id != 0 && id < off && !self.joins.contains(&id))
    }

    /// A lower-case token that is a listed short word glued to a vocabulary word, as
    /// the two ("teruskanke" → "teruskan", "ke"; "newpln" → "new", "pln"); `None` for
    /// any other token and for a token that is a word as written ("kepada", "jadi").
    /// The word glued to must be a word of the profile (or a number word); after it
    /// ("terkaitya") also a word of the word list of five letters or more. A glued word
    /// of one letter ("x" of "tigax24") is split off a number word only. A glued word
    /// that is also a listed prefix ("di", "ke") is split off the end of a token only:
    /// at the start it is the word's own prefix ("diganti").
    #[inline]
    pub fn split_glued<'t>(&self, t: &'t str) -> Option<(&'t str, &'t str)> {
        let b = t.as_bytes();
        let n = b.len();
        if n < 4 {
            return None;
        }
        // One probe each way rules out nearly every token.
        let letter = self.letters >> (b[n - 1] & 31) & 1 != 0;
        let tail = n >= 5 && has(&self.glue_tails, glue_key(&b[n - 3..]));
        let head = n >= 5 && has(&self.glue_heads, glue_key(&b[..3]));
        if !(letter || tail || head) || !t.is_ascii() {
            return None;
        }
        self.split_glued_slow(t, letter, tail, head)
    }

    fn split_glued_slow<'t>(
        &self,
        t: &'t str,
        letter: bool,
        tail: bool,
        head: bool,
    ) -> Option<(&'t str, &'t str)> {
        let b = t.as_bytes();
        let n = b.len();
        // A glued letter ("x" of "tigax24") only after a number word.
        if letter && needs_reading(&t[..n - 1]) {
            return Some((&t[..n - 1], &t[n - 1..]));
        }
        // "-nya" is a particle, no glued "ya".
        let tail = tail && !affixed(b, b"nya", true);
        if n < 5 || !(head || tail) {
            return None;
        }
        let (h2, t2) = (glue_key(&b[..2]), glue_key(&b[n - 2..]));
        let (h3, t3) = (glue_key(&b[..3]), glue_key(&b[n - 3..]));
        let number = |w: &str| needs_reading(w);
        let mut known: Option<bool> = None;
        for (g, &(gh, gt, at_start)) in self.glued.iter().zip(&self.glue_keys) {
            let gb = g.as_bytes();
            // The rest is a word of three letters or more, or another glued word
            // ("hpyang", "kepln").
            if b.len() < gb.len() + 2 {
                continue;
            }
            let glued_rest = |rest: &str| self.glued.iter().any(|g| g == rest);
            let long = b.len() >= gb.len() + 3;
            let (hk, tk) = if gb.len() == 2 { (h2, t2) } else { (h3, t3) };
            if tail && gt == tk && affixed(b, gb, true) {
                let rest = &t[..t.len() - g.len()];
                let word = glued_rest(rest)
                    || long
                        && (self.vocabulary(rest)
                            || number(rest)
                            || (rest.len() >= 5
                                && crate::matching::dictionary::list().contains(rest)));
                if word && !*known.get_or_insert_with(|| self.whole(t)) {
                    return Some((rest, &t[rest.len()..]));
                }
            }
            // A listed prefix at the start is the word's own ("diganti" is no "di
            // ganti"; "kepln" says "pln" as a prefixed form already).
            if head && at_start && gh == hk && affixed(b, gb, false) {
                let rest = &t[g.len()..];
                if (glued_rest(rest) || long && (self.vocabulary(rest) || number(rest)))
                    && !*known.get_or_insert_with(|| self.whole(t))
                {
                    return Some((&t[..g.len()], rest));
                }
            }
        }
        None
    }

    /// `t` with a colloquial suffix read as a standard one, when `t` is no word as
    /// written and the standard form is a vocabulary word ("terusin" → "teruskan").
    fn standard_form(&self, t: &str) -> Option<String> {
        for (c, standard) in &self.colloquial {
            if !affixed(t.as_bytes(), c.as_bytes(), true) {
                continue;
            }
            let stem = &t[..t.len() - c.len()];
            if stem.len() < 3 {
                return None;
            }
            let mut buf = [0u8; 64];
            for s in standard {
                let n = stem.len() + s.len();
                if n > buf.len() {
                    continue;
                }
                buf[..stem.len()].copy_from_slice(stem.as_bytes());
                buf[stem.len()..n].copy_from_slice(s.as_bytes());
                let Ok(f) = std::str::from_utf8(&buf[..n]) else {
                    continue;
                };
                // A word as written, not only a form of one ("sampaii" is no word).
                if self.targets.contains_key(f) || self.lex.id(f).is_some() {
                    return (!self.known(t)).then(|| f.to_string());
                }
            }
        }
        None
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

    /// `tokens` with split affixes joined back (and colloquial suffixes read as the
    /// standard ones).
    pub fn apply(&self, mut tokens: Vec<super::Token>) -> Vec<super::Token> {
        if self.colloquial_last != 0 {
            for t in tokens.iter_mut() {
                // Most tokens end in no colloquial suffix's last letter.
                let last = t.as_bytes().last().map_or(0, |b| b & 31);
                if self.colloquial_last >> last & 1 == 0 {
                    continue;
                }
                if let Some(f) = self.standard_form(t) {
                    *t = f.into();
                }
            }
        }
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
        self.suffixes.is_empty()
            && self.prefixes.is_empty()
            && self.glued.is_empty()
            && self.letters == 0
            && self.colloquial.is_empty()
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

    /// Table: (token, the two pieces it is split into, if any).
    #[test]
    fn splits_only_glued_words() {
        let words = [
            "teruskan",
            "unit",
            "pln",
            "mobile",
            "segera",
            "sampaikan",
            "ganti",
            "pengganti",
            "unduh",
        ];
        let lex = Lexicon::new(words.iter().map(|w| w.to_string()), 0.8);
        let list = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let r = Rejoin::new(lex, list(&["nya", "kan"]), list(&["di", "ke"])).with_glue(
            list(&["pln", "new", "ke", "di", "dan", "ya", "x"]),
            Vec::new(),
        );
        for (t, want) in [
            ("teruskanke", Some(("teruskan", "ke"))),
            ("unitpln", Some(("unit", "pln"))),
            ("newpln", Some(("new", "pln"))),
            ("dansegera", Some(("dan", "segera"))),
            ("unitdan", Some(("unit", "dan"))),
            // "mobiledi" and "unduhdi" say "mobile" and "unduh" by their spelling
            // already.
            ("mobiledi", None),
            ("unduhdi", None),
            ("tigaya", Some(("tiga", "ya"))),
            // A glued letter only after a number word.
            ("tigax", Some(("tiga", "x"))),
            ("relax", None),
            // A word as written, or a typo of one, stays whole.
            ("kepada", None),
            ("sampaidan", None),
            // A listed prefix at the start is the word's own.
            ("diganti", None),
            ("keunit", None),
            // "-nya" is no glued "ya"; the rest must be a word.
            ("unitnya", None),
            ("rudiya", None),
        ] {
            assert_eq!(r.split_glued(t), want, "{t}");
        }
    }

    /// Table: (token, its standard form).
    #[test]
    fn reads_colloquial_suffixes() {
        let words = ["teruskan", "dihubungi", "hubungi", "hubungkan", "sampaikan"];
        let lex = Lexicon::new(words.iter().map(|w| w.to_string()), 0.8);
        let r = Rejoin::new(lex, Vec::new(), Vec::new()).with_glue(
            Vec::new(),
            vec![("in".to_string(), vec!["i".to_string(), "kan".to_string()])],
        );
        for (said, want) in [
            ("saya terusin", "saya teruskan"),
            ("bisa dihubungin", "bisa dihubungi"),
            // The first standard suffix that makes a word: "hubungi", not "hubungkan".
            ("petugas hubungin", "petugas hubungi"),
            ("sudah sampaiin", "sudah sampaikan"),
            // A word as written keeps its "-in".
            ("mungkin kemarin ingin", "mungkin kemarin ingin"),
        ] {
            let toks: Vec<crate::matching::normalize::Token> = said
                .split(' ')
                .map(crate::matching::normalize::Token::from)
                .collect();
            assert_eq!(r.apply(toks).join(" "), want, "{said}");
        }
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
            let toks: Vec<crate::matching::normalize::Token> = said
                .split(' ')
                .map(crate::matching::normalize::Token::from)
                .collect();
            assert_eq!(r.apply(toks).join(" "), want, "{said}");
        }
    }
}
