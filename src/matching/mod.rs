//! Matching: normalised views of a call's turns and phrase search over them.
//!
//! [`CallText`] normalises every turn once per call. Search runs over *runs*: the turns
//! of one speaker joined, also across the other side's short backchannels ("iya",
//! "oke"), so a sentence the ASR split over two turns still matches, while evidence
//! points at the turn where the phrase starts.

pub mod dictionary;
pub mod edit;
pub mod ids;
pub mod lang;
pub mod lexicon;
pub mod normalize;
pub mod number_repair;
mod number_words;
pub mod numbers;
pub mod phrase;
mod said;
mod search;
pub mod stem;
pub mod word;

use crate::model::{Role, Turn};
use ids::IdLists;
use lexicon::Lexicon;
use normalize::{Normalizer, Token};
use phrase::{Memo, Toks, WordMemo};
use std::cell::RefCell;

/// What a word said only loosely takes off a hit's confidence.
pub const LOOSE_COST: f64 = 0.1;

/// One turn; its normalised tokens live in its speaker's run ([`CallText::tokens_of`]).
#[derive(Debug, Clone)]
pub struct TextTurn {
    pub role: Role,
    pub start: f64,
    pub text: String,
    /// Run holding the turn's tokens and their range in it.
    run: usize,
    span: (usize, usize),
}

/// Where a run's data lies in the call's flat arrays ([`CallText`]): every run's
/// tokens, ids, positions and bit sets share one allocation per kind.
#[derive(Debug, Clone)]
struct RunSpan {
    role: Role,
    /// `tokens[..]` (and `ids`, `turn_of`) of the run.
    tok: (usize, usize),
    /// Its entries of `said_at` and of `segs`.
    said_at: (usize, usize),
    segs: (usize, usize),
    /// Its words of `present` and of `said` (empty without a lexicon).
    bits: (usize, usize),
}

/// A speaker's consecutive turns joined for search: a view of one run in the call's
/// arrays. Positions are relative to the run.
#[derive(Debug, Clone, Copy)]
struct Run<'a> {
    tokens: &'a [Token],
    /// Lexicon words each token says (empty when built without a lexicon).
    ids: IdLists<'a>,
    /// Bit set of every lexicon id said in the run (strict and loose ids).
    present: &'a [u64],
    /// `present` folded for [`phrase::Phrase::may_match`] ([`phrase::fold_loose`]).
    said: &'a [u64],
    /// (lexicon word, token position) pairs, sorted: where each word is said.
    said_at: &'a [(u32, u32)],
    turn_of: &'a [usize],
    /// (turn, first token, end token) of every turn with tokens in the run, in order.
    segs: &'a [(usize, usize, usize)],
}

impl<'a> Run<'a> {
    /// Positions in `lo..hi`, relative to `lo` and ascending, of the tokens saying one
    /// of `ids`, into `out`; `false` (and `out` untouched) when the run has no lexicon
    /// index or `ids` is `None`.
    fn starts_into(&self, ids: Option<&[u32]>, lo: usize, hi: usize, out: &mut Vec<usize>) -> bool {
        let Some(ids) = ids.filter(|_| !self.ids.is_empty()) else {
            return false;
        };
        out.clear();
        for &id in ids {
            // Most ids asked for are said nowhere in the run: the bit set says so
            // without the binary search.
            let bit = self
                .present
                .get(id as usize / 64)
                .map(|m| m >> (id % 64) & 1);
            if bit != Some(1) {
                continue;
            }
            let from = self.said_at.partition_point(|&(w, _)| w < id);
            out.extend(
                self.said_at[from..]
                    .iter()
                    .take_while(|&&(w, _)| w == id)
                    .map(|&(_, p)| p as usize)
                    .filter(|&p| p >= lo && p < hi)
                    .map(|p| p - lo),
            );
        }
        out.sort_unstable();
        out.dedup();
        true
    }

    fn toks(&self, lo: usize, hi: usize) -> Toks<'a> {
        Toks {
            text: &self.tokens[lo..hi],
            ids: (!self.ids.is_empty()).then(|| self.ids.slice(lo, hi)),
        }
    }
}

/// Whether `tokens` begin with the words of `words`.
fn starts_with(tokens: &[Token], words: &[String]) -> bool {
    tokens.len() >= words.len() && tokens.iter().zip(words).all(|(t, w)| t == w)
}

/// Whether a raw word is a number word or digits (lower-cased, punctuation trimmed).
fn number_like(word: Option<&str>) -> bool {
    let Some(w) = word else { return false };
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    if w.is_empty() || w.bytes().all(|b| b.is_ascii_digit()) {
        return !w.is_empty();
    }
    // Lower-cased only when it has a capital: this runs on every turn.
    if w.bytes().any(|b| b.is_ascii_uppercase()) {
        numbers::needs_reading(&w.to_ascii_lowercase())
    } else {
        numbers::needs_reading(w)
    }
}

/// A number the ASR split over two turns of one speaker ("tiga kali dua" / "puluh
/// empat jam"), with at most a backchannel between, is read as one: the first turn
/// gets the tokens of both texts, the second none.
fn join_split_numbers(
    turns: &[Turn],
    norm: &Normalizer,
    backchannel: usize,
    tokens: &mut [Vec<Token>],
) {
    for i in 0..turns.len() {
        // A turn already read with the one before keeps its tokens there.
        if tokens[i].is_empty() || !number_like(turns[i].text.split_whitespace().last()) {
            continue;
        }
        let mut j = i + 1;
        while j < turns.len() && turns[j].role != turns[i].role && tokens[j].len() <= backchannel {
            j += 1;
        }
        if j < turns.len()
            && turns[j].role == turns[i].role
            && number_like(turns[j].text.split_whitespace().next())
        {
            tokens[i] = norm.tokens(&format!("{} {}", turns[i].text, turns[j].text));
            tokens[j].clear();
        }
    }
}

/// The normalised text of one call.
#[derive(Debug, Clone)]
pub struct CallText {
    pub turns: Vec<TextTurn>,
    runs: Vec<RunSpan>,
    /// The runs' data, one run after the other (see [`RunSpan`]).
    tokens: Vec<Token>,
    /// Per token, its range of `id_pool`: the lexicon words it says (no entries
    /// without a lexicon).
    id_spans: Vec<(u32, u32)>,
    id_pool: Vec<u32>,
    turn_of: Vec<usize>,
    said_at: Vec<(u32, u32)>,
    segs: Vec<(usize, usize, usize)>,
    present: Vec<u64>,
    said: Vec<u64>,
    /// Answers for slot words (names, times of day), which the lexicon does not know,
    /// kept for the call's later searches.
    memo: RefCell<WordMemo>,
}

/// A phrase found in a call: the best candidate, matched or not.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// 1.0 when matched; less for a near miss.
    pub score: f64,
    /// Index of the phrase in the set searched.
    pub phrase: usize,
    /// Turn where the match starts and turn where it ends.
    pub first_turn: usize,
    pub last_turn: usize,
    /// Required words of the phrase said only at the loose level.
    pub loose: u8,
    /// Token position of the match start inside its run, for negation checks.
    run: usize,
    pos: usize,
    end: usize,
}

impl Hit {
    pub fn matched(&self) -> bool {
        self.score >= 1.0
    }

    /// How sure the hit is, 0..=1: a full match is 1 less [`LOOSE_COST`] per word said
    /// only loosely; a near miss is its share of the phrase, less the same.
    pub fn confidence(&self) -> f64 {
        (self.score - LOOSE_COST * f64::from(self.loose)).clamp(0.0, 1.0)
    }

    /// A hit of phrase `k` found at `h` in the tokens of run `r` from `lo` on.
    fn in_run(r: usize, run: &Run<'_>, lo: usize, k: usize, h: phrase::SliceHit) -> Hit {
        Hit {
            score: h.score,
            phrase: k,
            first_turn: run.turn_of[lo + h.first],
            last_turn: run.turn_of[lo + h.last],
            loose: h.loose,
            run: r,
            pos: lo + h.first,
            end: lo + h.last,
        }
    }
}

impl CallText {
    /// Normalises the turns and, with a lexicon, indexes what each token says;
    /// other-side turns of at most `backchannel` tokens do not break a speaker's run.
    pub fn new(
        turns: &[Turn],
        norm: &Normalizer,
        lex: Option<&Lexicon>,
        backchannel: usize,
    ) -> CallText {
        let mut tokens: Vec<Vec<Token>> = turns.iter().map(|t| norm.tokens(&t.text)).collect();
        join_split_numbers(turns, norm, backchannel, &mut tokens);
        let lens: Vec<usize> = tokens.iter().map(Vec::len).collect();
        let out: Vec<TextTurn> = turns
            .iter()
            .map(|t| TextTurn {
                role: t.role,
                start: t.start,
                text: t.text.clone(),
                run: 0,
                span: (0, 0),
            })
            .collect();
        let total: usize = lens.iter().sum();
        let with_lex = |n: usize| if lex.is_some() { n } else { 0 };
        let words = lex.map_or(0, |l| l.id_space().div_ceil(64));
        let mut ct = CallText {
            turns: out,
            runs: Vec::new(),
            tokens: Vec::with_capacity(total),
            id_spans: Vec::with_capacity(with_lex(total)),
            id_pool: Vec::with_capacity(with_lex(total + total / 2)),
            turn_of: Vec::with_capacity(total),
            said_at: Vec::with_capacity(with_lex(total)),
            segs: Vec::with_capacity(turns.len()),
            present: Vec::new(),
            said: Vec::new(),
            memo: RefCell::new(WordMemo::new(
                lex.map(Lexicon::confusions).unwrap_or_default(),
            )),
        };
        for role in [Role::Agent, Role::Caller] {
            let mut cur: Option<RunSpan> = None;
            // Turns whose tokens went into `cur`.
            let mut members: Vec<usize> = Vec::new();
            for (i, t) in turns.iter().enumerate() {
                if t.role == role {
                    let run = cur.get_or_insert_with(|| {
                        let bits = ct.present.len();
                        ct.present.resize(bits + words, 0);
                        RunSpan {
                            role,
                            tok: (ct.tokens.len(), ct.tokens.len()),
                            said_at: (ct.said_at.len(), ct.said_at.len()),
                            segs: (ct.segs.len(), ct.segs.len()),
                            bits: (bits, bits + words),
                        }
                    });
                    let toks = std::mem::take(&mut tokens[i]);
                    if let Some(lex) = lex {
                        let present = &mut ct.present[run.bits.0..run.bits.1];
                        let (spans, pool, said_at) =
                            (&mut ct.id_spans, &mut ct.id_pool, &mut ct.said_at);
                        lex.lookup_each(&toks, |_, w| {
                            let pos = (spans.len() - run.tok.0) as u32;
                            for &id in w.iter() {
                                present[id as usize / 64] |= 1 << (id % 64);
                                said_at.push((id, pos));
                            }
                            let from = pool.len() as u32;
                            pool.extend_from_slice(w);
                            spans.push((from, pool.len() as u32));
                        });
                    }
                    let lo = ct.tokens.len() - run.tok.0;
                    ct.turn_of.extend(std::iter::repeat_n(i, toks.len()));
                    ct.tokens.extend(toks);
                    let hi = ct.tokens.len() - run.tok.0;
                    ct.turns[i].span = (lo, hi);
                    if hi > lo {
                        ct.segs.push((i, lo, hi));
                    }
                    members.push(i);
                } else if lens[i] > backchannel {
                    ct.close(cur.take(), &mut members);
                }
            }
            ct.close(cur.take(), &mut members);
        }
        for k in 0..ct.runs.len() {
            let span = &ct.runs[k];
            // (word, position) order, compared as one integer.
            ct.said_at[span.said_at.0..span.said_at.1]
                .sort_unstable_by_key(|&(w, p)| u64::from(w) << 32 | u64::from(p));
            if let Some(lex) = lex {
                let present = &ct.present[span.bits.0..span.bits.1];
                phrase::fold_loose_into(present, lex.loose_offset(), &mut ct.said);
            }
        }
        ct
    }

    /// Ends the run `cur` (if any): a run with tokens is kept and its turns learn its
    /// index; an empty one gives back its bit set.
    fn close(&mut self, cur: Option<RunSpan>, members: &mut Vec<usize>) {
        if let Some(mut run) = cur {
            if self.tokens.len() > run.tok.0 {
                run.tok.1 = self.tokens.len();
                run.said_at.1 = self.said_at.len();
                run.segs.1 = self.segs.len();
                for &i in members.iter() {
                    self.turns[i].run = self.runs.len();
                }
                self.runs.push(run);
            } else {
                self.present.truncate(run.bits.0);
            }
        }
        members.clear();
    }

    /// Run `r`, as a view of the call's arrays.
    fn run(&self, r: usize) -> Run<'_> {
        let s = &self.runs[r];
        let (lo, hi) = s.tok;
        Run {
            tokens: &self.tokens[lo..hi],
            ids: if self.id_spans.is_empty() {
                IdLists::default()
            } else {
                IdLists::new(&self.id_spans[lo..hi], &self.id_pool)
            },
            present: &self.present[s.bits.0..s.bits.1],
            said: if self.said.is_empty() {
                &[]
            } else {
                &self.said[s.bits.0..s.bits.1]
            },
            said_at: &self.said_at[s.said_at.0..s.said_at.1],
            turn_of: &self.turn_of[lo..hi],
            segs: &self.segs[s.segs.0..s.segs.1],
        }
    }

    /// The runs of `role`, with their indices, in order.
    fn runs_of(&self, role: Role) -> impl Iterator<Item = (usize, Run<'_>)> + '_ {
        (0..self.runs.len())
            .filter(move |&r| self.runs[r].role == role)
            .map(|r| (r, self.run(r)))
    }

    /// Whether turns `a` and `b` lie in one run of their speaker (only short turns of
    /// the other side between them: one sentence split over turns may span both).
    pub fn same_run(&self, a: usize, b: usize) -> bool {
        self.turns[a].run == self.turns[b].run
    }

    /// The normalised tokens of turn `i`.
    pub fn tokens_of(&self, i: usize) -> &[Token] {
        let t = &self.turns[i];
        match self.runs.get(t.run) {
            Some(run) if t.span.1 > t.span.0 => &self.tokens[run.tok.0..][t.span.0..t.span.1],
            _ => &[],
        }
    }

    /// The word memo for a scan of run `r` from position `lo`; none for a text built
    /// without a lexicon, whose words are all compared directly anyway.
    fn memo(&self, r: usize, lo: usize) -> Option<Memo<'_>> {
        (!self.id_spans.is_empty()).then_some(Memo {
            memo: &self.memo,
            run: r,
            lo,
        })
    }

    /// Whether one of `negations` (word sequences) starts within `before` tokens before
    /// the hit or within `after` tokens after it ("promo tambah daya sudah tidak
    /// berlaku"), unless it starts one of the `exceptions` ("jangan lupa").
    pub fn negated(
        &self,
        hit: &Hit,
        negations: &[Vec<String>],
        exceptions: &[Vec<String>],
        (before, after): (usize, usize),
    ) -> bool {
        let run = self.run(hit.run);
        let from = hit.pos.saturating_sub(before);
        let to = (hit.end + 1 + after).min(run.tokens.len());
        (from..hit.pos).chain(hit.end + 1..to).any(|i| {
            let rest = &run.tokens[i..];
            negations.iter().any(|n| starts_with(rest, n))
                && !exceptions.iter().any(|e| starts_with(rest, e))
        })
    }

    /// Whether one of `negations` starts inside the hit, after its first token
    /// ("anak saya tidak ada yang sakit": what follows the negation is denied).
    pub fn negated_inside(&self, hit: &Hit, negations: &[Vec<String>]) -> bool {
        let run = self.run(hit.run);
        (hit.pos + 1..hit.end).any(|i| {
            let rest = &run.tokens[i..];
            negations.iter().any(|n| starts_with(rest, n))
        })
    }

    /// Whether a token of the hit is a word of the language that says phrase words only
    /// by its spelling (the lexicon's [`lexicon::SPELLED`]): "bengkel" (a workshop)
    /// read as "jengkel". A search may take such a token as a slip where the rest of a
    /// phrase anchors it; a cue that decides the whole call should stand on words as
    /// said. (A word said loosely is left alone: the recogniser's real-word slips, "ape"
    /// for "api", "lapur" for "lapor", are heard loosely beside words said as written.)
    pub fn misread_word_in(&self, hit: &Hit) -> bool {
        let run = self.run(hit.run);
        if run.ids.is_empty() {
            return false;
        }
        // The hit's first and last tokens say words of the phrase; those between may be
        // a gap's ("ibu mertua saya baru pulang dari rumah sakit").
        [hit.pos, hit.end].into_iter().any(|i| {
            run.ids[i].first() == Some(&lexicon::SPELLED)
                && dictionary::list().contains(run.tokens[i].as_str())
        })
    }

    /// Up to `n` tokens of the same run right before a hit.
    pub fn tokens_before(&self, hit: &Hit, n: usize) -> &[Token] {
        let run = self.run(hit.run);
        &run.tokens[hit.pos.saturating_sub(n)..hit.pos]
    }

    /// Up to `n` tokens of the same turn right after a hit.
    pub fn tokens_after(&self, hit: &Hit, n: usize) -> &[Token] {
        let run = self.run(hit.run);
        let from = hit.end + 1;
        let mut to = from;
        while to < run.tokens.len() && to < from + n && run.turn_of[to] == hit.last_turn {
            to += 1;
        }
        &run.tokens[from..to]
    }

    /// The normalised tokens a hit covers.
    pub fn span_tokens(&self, hit: &Hit) -> &[Token] {
        &self.run(hit.run).tokens[hit.pos..=hit.end]
    }

    /// Digit strings said by `role`: digit tokens joined across up to `max_sep`
    /// other tokens ("k 5421 ya 1120 00123"), each with the turn where it starts.
    pub fn digit_strings(&self, role: Role, max_sep: usize) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        for (_, run) in self.runs_of(role) {
            let mut cur = String::new();
            let mut start_turn = 0;
            let mut since = 0usize;
            for (tok, &turn) in run.tokens.iter().zip(run.turn_of) {
                if !tok.is_empty() && tok.bytes().all(|b| b.is_ascii_digit()) {
                    if cur.is_empty() {
                        start_turn = turn;
                    }
                    cur.push_str(tok);
                    since = 0;
                } else if !cur.is_empty() {
                    since += 1;
                    if since > max_sep {
                        out.push((std::mem::take(&mut cur), start_turn));
                    }
                }
            }
            if !cur.is_empty() {
                out.push((cur, start_turn));
            }
        }
        out
    }

    /// Original text of the turns a hit covers.
    pub fn evidence(&self, hit: &Hit) -> (f64, String) {
        let t = &self.turns[hit.first_turn];
        let mut text = t.text.clone();
        for k in hit.first_turn + 1..=hit.last_turn {
            if self.turns[k].role == t.role {
                text.push_str(" / ");
                text.push_str(&self.turns[k].text);
            }
        }
        (t.start, text)
    }

    /// Indices of the turns of `role`.
    pub fn turns_of(&self, role: Role) -> impl Iterator<Item = usize> + '_ {
        self.turns
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.role == role)
            .map(|(i, _)| i)
    }
}

#[cfg(test)]
mod search_tests;

#[cfg(test)]
mod tests;
