//! The searches of a call's text: the earliest full match of a phrase set, the best
//! near miss, every full match.

use super::phrase::{MatchOptions, Phrase, SliceHit, Slots};
use super::{CallText, Hit, Run};
use crate::model::Role;

/// Token range of a run whose turns `accept` takes (first to last accepted token), so
/// windows such as "the first 20 s" hold.
pub(super) fn accepted_span(
    run: &Run<'_>,
    accept: &dyn Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let first = run.segs.iter().find(|s| accept(s.0))?;
    let last = run.segs.iter().rev().find(|s| accept(s.0)).unwrap_or(first);
    Some((first.1, last.2))
}

impl CallText {
    /// Best hit of any phrase of `set` said by `role`, starting in a turn `accept`s:
    /// the earliest full match, else the nearest miss.
    pub fn find(
        &self,
        set: &[Phrase],
        role: Role,
        slots: &Slots,
        opts: MatchOptions,
        accept: &dyn Fn(usize) -> bool,
    ) -> Option<Hit> {
        self.first(set, role, slots, opts, accept).or_else(|| {
            let h = self.nearest(set, role, slots, opts, accept);
            // What callers rely on to search a near miss last (the parts of a step):
            // where `first` finds nothing, no near miss is a full match.
            debug_assert!(h.is_none_or(|h| !h.matched()), "{h:?}");
            h
        })
    }

    /// The best near miss of [`CallText::find`], for a search [`CallText::first`] (with
    /// the same arguments) found nothing in: the highest score, on a tie the earliest
    /// turn, on a tie the first run and phrase.
    ///
    /// Each (run, phrase) pair has its own best hit, whatever the others find, so the
    /// pairs are tried by descending ceiling ([`Phrase::max_score`]): once the best
    /// score found beats the next ceiling, no pair left can win. A pair whose ceiling
    /// only ties the best is skipped too when its first start lies after the best's
    /// turn (a hit starts at or after its start).
    pub fn nearest(
        &self,
        set: &[Phrase],
        role: Role,
        slots: &Slots,
        opts: MatchOptions,
        accept: &dyn Fn(usize) -> bool,
    ) -> Option<Hit> {
        // (ceiling, run, phrase, accepted span), by descending ceiling (stable: pairs
        // of one ceiling stay in run and phrase order).
        let views: Vec<(usize, Run<'_>)> = self.runs_of(role).collect();
        // (ceiling, view, phrase, accepted span).
        let mut pairs: Vec<(f64, usize, usize, (usize, usize))> =
            Vec::with_capacity(views.len() * set.len());
        for (v, (_, run)) in views.iter().enumerate() {
            let Some(span) = accepted_span(run, accept) else {
                continue;
            };
            for (k, phrase) in set.iter().enumerate() {
                let ceiling = if run.present.is_empty() {
                    1.0
                } else {
                    phrase.max_score(run.said)
                };
                pairs.push((ceiling, v, k, span));
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut best: Option<Hit> = None;
        let mut starts = Vec::new();
        for (ceiling, v, k, (lo, hi)) in pairs {
            if best.is_some_and(|b| ceiling < b.score) {
                break;
            }
            let (r, run) = views[v];
            let phrase = &set[k];
            let indexed = run.starts_into(phrase.anchor_ids(), lo, hi, &mut starts);
            if let Some(b) = best.filter(|b| ceiling <= b.score) {
                // Only a tie is left: on an earlier turn, or the same turn from an
                // earlier run or phrase.
                let first = if indexed { starts.first() } else { Some(&0) };
                let Some(&first) = first else { continue };
                let turn = run.turn_of[lo + first];
                if (turn, r, k) > (b.first_turn, b.run, b.phrase) {
                    continue;
                }
            }
            let starts = indexed.then_some(starts.as_slice());
            let memo = self.memo(r, lo);
            let h = phrase.best_at(run.toks(lo, hi), starts, slots, opts, memo, ceiling);
            if let Some(h) = h {
                let hit = Hit::in_run(r, &run, lo, k, h);
                let better = match best {
                    None => true,
                    Some(b) => {
                        hit.score > b.score
                            || (hit.score == b.score
                                && (hit.first_turn, r, k) < (b.first_turn, b.run, b.phrase))
                    }
                };
                if better {
                    best = Some(hit);
                }
            }
        }
        best
    }

    /// The earliest full match of any phrase of `set`, without near-miss search: the
    /// first of [`CallText::find_all`], found without listing the others.
    ///
    /// Why it is the same hit: `find_all` orders by (turn, position, phrase). Runs of
    /// one role hold disjoint, ascending turn ranges, and in a run the turn grows with
    /// the position, so the answer is in the first run with a match, at its lowest
    /// position, from its lowest phrase there. A full match starts at the position it
    /// was tried from, so each phrase's scan stops at its first match, and a later
    /// phrase only needs the positions before the best one so far.
    pub fn first(
        &self,
        set: &[Phrase],
        role: Role,
        slots: &Slots,
        opts: MatchOptions,
        accept: &dyn Fn(usize) -> bool,
    ) -> Option<Hit> {
        let mut starts = Vec::new();
        for (r, run) in self.runs_of(role) {
            let Some((lo, hi)) = accepted_span(&run, accept) else {
                continue;
            };
            if let Some(h) = self.first_in_run(set, (r, &run), (lo, hi), slots, opts, &mut starts) {
                return Some(h);
            }
        }
        None
    }

    /// The earliest full match in run `r` between `lo` and `hi`, as [`CallText::first`].
    fn first_in_run(
        &self,
        set: &[Phrase],
        (r, run): (usize, &Run<'_>),
        (lo, hi): (usize, usize),
        slots: &Slots,
        opts: MatchOptions,
        starts: &mut Vec<usize>,
    ) -> Option<Hit> {
        let mut best: Option<(usize, SliceHit)> = None;
        for (k, phrase) in set.iter().enumerate() {
            if !run.present.is_empty() && !phrase.may_match(run.said) {
                continue;
            }
            let before = best.map_or(usize::MAX, |(_, h)| h.first);
            if before == 0 {
                break;
            }
            // Only starts before the best so far are wanted.
            let to = hi.min(lo.saturating_add(before));
            let indexed = run.starts_into(phrase.lead_ids(), lo, to, starts);
            let starts = indexed.then_some(starts.as_slice());
            let memo = self.memo(r, lo);
            if let Some(h) = phrase.first_at(run.toks(lo, hi), starts, slots, opts, memo, before) {
                best = Some((k, h));
            }
        }
        best.map(|(k, h)| Hit::in_run(r, run, lo, k, h))
    }

    /// Every full match in run `r` between `lo` and `hi`, appended to `out` unsorted.
    #[allow(clippy::too_many_arguments)]
    fn all_in_run(
        &self,
        set: &[Phrase],
        (r, run): (usize, &Run<'_>),
        (lo, hi): (usize, usize),
        slots: &Slots,
        opts: MatchOptions,
        starts: &mut Vec<usize>,
        hits: &mut Vec<SliceHit>,
        out: &mut Vec<Hit>,
    ) {
        for (k, phrase) in set.iter().enumerate() {
            if !run.present.is_empty() && !phrase.may_match(run.said) {
                continue;
            }
            let indexed = run.starts_into(phrase.lead_ids(), lo, hi, starts);
            let starts = indexed.then_some(starts.as_slice());
            hits.clear();
            let memo = self.memo(r, lo);
            phrase.all_into(run.toks(lo, hi), starts, slots, opts, memo, hits);
            out.extend(hits.iter().map(|&h| Hit::in_run(r, run, lo, k, h)));
        }
    }

    /// The first hit of [`CallText::find_all`] (same arguments) that `keep` takes, and
    /// the first hit of all, without listing the runs after the one holding the kept hit.
    ///
    /// Why they are the same hits: `find_all` sorts by (turn, position, phrase), and runs
    /// of one role hold disjoint, ascending turn ranges, so its list is the runs' lists
    /// one after the other, each sorted alone. A run's first hit is [`CallText::first`]'s
    /// answer there; only when `keep` refuses it is the rest of that run listed.
    pub fn first_kept(
        &self,
        set: &[Phrase],
        role: Role,
        slots: &Slots,
        opts: MatchOptions,
        accept: &dyn Fn(usize) -> bool,
        keep: &dyn Fn(&Hit) -> bool,
    ) -> (Option<Hit>, Option<Hit>) {
        let (mut starts, mut hits, mut out) = (Vec::new(), Vec::new(), Vec::new());
        let mut head = None;
        for (r, run) in self.runs_of(role) {
            let Some(span) = accepted_span(&run, accept) else {
                continue;
            };
            let Some(h) = self.first_in_run(set, (r, &run), span, slots, opts, &mut starts) else {
                continue;
            };
            head.get_or_insert(h);
            if keep(&h) {
                return (Some(h), head);
            }
            out.clear();
            self.all_in_run(
                set,
                (r, &run),
                span,
                slots,
                opts,
                &mut starts,
                &mut hits,
                &mut out,
            );
            out.sort_by_key(|h| (h.first_turn, h.pos, h.phrase));
            debug_assert_eq!(
                out.first().map(|o| (o.pos, o.phrase)),
                Some((h.pos, h.phrase))
            );
            if let Some(k) = out.iter().find(|h| keep(h)) {
                return (Some(*k), head);
            }
        }
        (None, head)
    }

    /// Every full match of any phrase by `role` in accepted turns, in turn order.
    pub fn find_all(
        &self,
        set: &[Phrase],
        role: Role,
        slots: &Slots,
        opts: MatchOptions,
        accept: &dyn Fn(usize) -> bool,
    ) -> Vec<Hit> {
        let (mut starts, mut hits, mut out) = (Vec::new(), Vec::new(), Vec::new());
        for (r, run) in self.runs_of(role) {
            let Some(span) = accepted_span(&run, accept) else {
                continue;
            };
            self.all_in_run(
                set,
                (r, &run),
                span,
                slots,
                opts,
                &mut starts,
                &mut hits,
                &mut out,
            );
        }
        out.sort_by_key(|h| (h.first_turn, h.pos, h.phrase));
        out
    }
}
