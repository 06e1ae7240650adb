//! Matching: normalised views of a call's turns and phrase search over them.
//!
//! [`CallText`] normalises every turn once per call. Search runs over *runs*: the turns
//! of one speaker joined, also across the other side's short backchannels ("iya",
//! "oke"), so a sentence the ASR split over two turns still matches, while evidence
//! points at the turn where the phrase starts.

pub mod edit;
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
pub mod wordlist;

use crate::model::{Role, Turn};
use lexicon::{Lexicon, WordIds};
use normalize::Normalizer;
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

/// A speaker's consecutive turns joined for search.
#[derive(Debug, Clone)]
struct Run {
    role: Role,
    tokens: Vec<String>,
    /// Lexicon words each token says (empty when built without a lexicon).
    ids: Vec<WordIds>,
    /// Bit set of every lexicon id said in the run (strict and loose ids).
    present: Vec<u64>,
    /// `present` folded for [`phrase::Phrase::may_match`] ([`phrase::fold_loose`]).
    said: Vec<u64>,
    /// (lexicon word, token position) pairs, sorted: where each word is said.
    said_at: Vec<(u32, u32)>,
    turn_of: Vec<usize>,
    /// (turn, first token, end token) of every turn with tokens in the run, in order.
    segs: Vec<(usize, usize, usize)>,
}

impl Run {
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

    fn toks(&self, lo: usize, hi: usize) -> Toks<'_> {
        Toks {
            text: &self.tokens[lo..hi],
            ids: (!self.ids.is_empty()).then(|| &self.ids[lo..hi]),
        }
    }
}

/// Whether a raw word is a number word or digits (lower-cased, punctuation trimmed).
fn number_like(word: Option<&str>) -> bool {
    let Some(w) = word else { return false };
    let w = w
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    !w.is_empty() && (w.bytes().all(|b| b.is_ascii_digit()) || numbers::needs_reading(&w))
}

/// A number the ASR split over two turns of one speaker ("tiga kali dua" / "puluh
/// empat jam"), with at most a backchannel between, is read as one: the first turn
/// gets the tokens of both texts, the second none.
fn join_split_numbers(
    turns: &[Turn],
    norm: &Normalizer,
    backchannel: usize,
    tokens: &mut [Vec<String>],
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

/// Tokens of each run of `role` that [`CallText::new`] builds, in order (empty runs
/// included): turns of `role` join the current run, another side's turn of more than
/// `backchannel` tokens ends it.
fn run_sizes(turns: &[Turn], lens: &[usize], role: Role, backchannel: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut cur: Option<usize> = None;
    for (t, &n) in turns.iter().zip(lens) {
        if t.role == role {
            *cur.get_or_insert(0) += n;
        } else if n > backchannel {
            out.extend(cur.take());
        }
    }
    out.extend(cur);
    out
}

/// The normalised text of one call.
#[derive(Debug, Clone)]
pub struct CallText {
    pub turns: Vec<TextTurn>,
    runs: Vec<Run>,
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
    fn in_run(r: usize, run: &Run, lo: usize, k: usize, h: phrase::SliceHit) -> Hit {
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
        let mut tokens: Vec<Vec<String>> = turns.iter().map(|t| norm.tokens(&t.text)).collect();
        join_split_numbers(turns, norm, backchannel, &mut tokens);
        let lens: Vec<usize> = tokens.iter().map(Vec::len).collect();
        let mut out: Vec<TextTurn> = turns
            .iter()
            .map(|t| TextTurn {
                role: t.role,
                start: t.start,
                text: t.text.clone(),
                run: 0,
                span: (0, 0),
            })
            .collect();
        let mut runs: Vec<Run> = Vec::new();
        for role in [Role::Agent, Role::Caller] {
            // Tokens of each run of `role`, in order, so a run's vectors are sized once.
            let mut sizes = run_sizes(turns, &lens, role, backchannel).into_iter();
            let mut cur: Option<Run> = None;
            // Turns whose tokens went into `cur`.
            let mut members: Vec<usize> = Vec::new();
            // Ends the current run: its turns learn its index.
            let close = |cur: &mut Option<Run>,
                         members: &mut Vec<usize>,
                         runs: &mut Vec<Run>,
                         out: &mut [TextTurn]| {
                if let Some(run) = cur.take().filter(|r| !r.tokens.is_empty()) {
                    for &i in members.iter() {
                        out[i].run = runs.len();
                    }
                    runs.push(run);
                }
                members.clear();
            };
            for (i, t) in turns.iter().enumerate() {
                if t.role == role {
                    let run = cur.get_or_insert_with(|| {
                        let n = sizes.next().unwrap_or(0);
                        Run {
                            role,
                            tokens: Vec::with_capacity(n),
                            ids: Vec::with_capacity(if lex.is_some() { n } else { 0 }),
                            present: Vec::new(),
                            said: Vec::new(),
                            said_at: Vec::with_capacity(if lex.is_some() { n } else { 0 }),
                            turn_of: Vec::with_capacity(n),
                            segs: Vec::new(),
                        }
                    });
                    let toks = std::mem::take(&mut tokens[i]);
                    if let Some(lex) = lex {
                        if run.present.is_empty() {
                            run.present = vec![0; lex.id_space().div_ceil(64)];
                        }
                        // Most tokens say at most one word: grow once per turn.
                        run.ids.reserve(toks.len());
                        run.said_at.reserve(toks.len());
                        lex.lookup_each(&toks, |_, ids| {
                            let pos = run.ids.len() as u32;
                            for &id in ids.iter() {
                                run.present[id as usize / 64] |= 1 << (id % 64);
                                run.said_at.push((id, pos));
                            }
                            run.ids.push(ids.clone());
                        });
                    }
                    let lo = run.tokens.len();
                    run.turn_of.extend(std::iter::repeat_n(i, toks.len()));
                    run.tokens.extend(toks);
                    out[i].span = (lo, run.tokens.len());
                    if run.tokens.len() > lo {
                        run.segs.push((i, lo, run.tokens.len()));
                    }
                    members.push(i);
                } else if lens[i] > backchannel {
                    close(&mut cur, &mut members, &mut runs, &mut out);
                }
            }
            close(&mut cur, &mut members, &mut runs, &mut out);
        }
        for r in &mut runs {
            if let Some(lex) = lex {
                r.said = phrase::fold_loose(&r.present, lex.loose_offset());
            }
            // (word, position) order, compared as one integer.
            r.said_at
                .sort_unstable_by_key(|&(w, p)| u64::from(w) << 32 | u64::from(p));
        }
        CallText {
            turns: out,
            runs,
            memo: RefCell::new(WordMemo::new(
                lex.map(Lexicon::confusions).unwrap_or_default(),
            )),
        }
    }

    /// The normalised tokens of turn `i`.
    pub fn tokens_of(&self, i: usize) -> &[String] {
        let t = &self.turns[i];
        match self.runs.get(t.run) {
            Some(run) if t.span.1 > t.span.0 => &run.tokens[t.span.0..t.span.1],
            _ => &[],
        }
    }

    /// The word memo for a scan of run `r` from position `lo`; none for a text built
    /// without a lexicon, whose words are all compared directly anyway.
    fn memo(&self, r: usize, lo: usize) -> Option<Memo<'_>> {
        (!self.runs[r].ids.is_empty()).then_some(Memo {
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
        let run = &self.runs[hit.run];
        let from = hit.pos.saturating_sub(before);
        let to = (hit.end + 1 + after).min(run.tokens.len());
        (from..hit.pos).chain(hit.end + 1..to).any(|i| {
            let rest = &run.tokens[i..];
            negations.iter().any(|n| rest.starts_with(n))
                && !exceptions.iter().any(|e| rest.starts_with(e))
        })
    }

    /// Whether one of `negations` starts inside the hit, after its first token
    /// ("anak saya tidak ada yang sakit": what follows the negation is denied).
    pub fn negated_inside(&self, hit: &Hit, negations: &[Vec<String>]) -> bool {
        let run = &self.runs[hit.run];
        (hit.pos + 1..hit.end).any(|i| {
            let rest = &run.tokens[i..];
            negations.iter().any(|n| rest.starts_with(n))
        })
    }

    /// Up to `n` tokens of the same run right before a hit.
    pub fn tokens_before(&self, hit: &Hit, n: usize) -> &[String] {
        let run = &self.runs[hit.run];
        &run.tokens[hit.pos.saturating_sub(n)..hit.pos]
    }

    /// Up to `n` tokens of the same turn right after a hit.
    pub fn tokens_after(&self, hit: &Hit, n: usize) -> &[String] {
        let run = &self.runs[hit.run];
        let from = hit.end + 1;
        let mut to = from;
        while to < run.tokens.len() && to < from + n && run.turn_of[to] == hit.last_turn {
            to += 1;
        }
        &run.tokens[from..to]
    }

    /// The normalised tokens a hit covers.
    pub fn span_tokens(&self, hit: &Hit) -> &[String] {
        &self.runs[hit.run].tokens[hit.pos..=hit.end]
    }

    /// Digit strings said by `role`: digit tokens joined across up to `max_sep`
    /// other tokens ("k 5421 ya 1120 00123"), each with the turn where it starts.
    pub fn digit_strings(&self, role: Role, max_sep: usize) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        for run in self.runs.iter().filter(|r| r.role == role) {
            let mut cur = String::new();
            let mut start_turn = 0;
            let mut since = 0usize;
            for (tok, &turn) in run.tokens.iter().zip(&run.turn_of) {
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
