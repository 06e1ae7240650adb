//! The transcript quality gate: how far a call's transcript can be trusted, and which
//! FAILs a human should check before they count.
//!
//! `asr_quality` (0..=1) is the engine's own mean word confidence when the transcript
//! format carries one (Amazon Transcribe items, Call Analytics / PCA word confidences,
//! Deepgram words, Azure phrases, Whisper word probabilities or `avg_logprob`: see
//! [`crate::ingest::transcript::confidence`]); else the share of the transcript's tokens
//! that are known words ([`words`]). Below the profile's threshold for its source, the
//! transcript is low quality and every FAIL of a step judged on the transcript is marked
//! `needs_review`: the step may have been said and misheard. FAILs of the steps judged on
//! the action logs alone (`[quality] log_steps`) stand. By default a FAIL marked
//! needs_review leaves the score like an NA (`review_fails_count = false`); it stays a FAIL
//! in steps.csv.

mod front;
pub mod words;

use crate::model::{Call, Report, Status, STEP_COUNT};
use crate::profile::Compiled;

/// Where a quality estimate comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The engine's word confidences.
    Engine,
    /// The share of known words.
    Words,
}

/// A call's transcript quality.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// 0..=1, higher is better.
    pub quality: f64,
    pub source: Source,
    /// Below the profile's threshold for the source.
    pub low: bool,
}

/// The quality of a call's transcript; `None` when neither the engine nor enough words
/// say anything (then nothing is marked for review).
pub fn estimate(call: &Call, prior: Option<&Report>, prof: &Compiled) -> Option<Estimate> {
    let q = &prof.profile.quality;
    if let Some(c) = call.asr_confidence {
        return Some(Estimate {
            quality: c,
            source: Source::Engine,
            low: c < q.min_confidence,
        });
    }
    let m = &call.meta;
    let mut own = vec![m.agent_name.as_str(), m.crm_caller_name.as_str()];
    if let Some(r) = prior {
        own.extend([
            r.caller_name.as_str(),
            r.address.as_str(),
            r.problem.as_str(),
            r.unit_answer.as_str(),
        ]);
    }
    let vocab = words::Vocabulary::new(prof, &own);
    let (mut known, mut counted) = (0, 0);
    for t in &call.turns {
        let (k, n) = vocab.count(&t.text);
        known += k;
        counted += n;
    }
    if counted == 0 || counted < q.min_tokens {
        return None;
    }
    let share = known as f64 / counted as f64;
    Some(Estimate {
        quality: share,
        source: Source::Words,
        low: share < q.min_known_share,
    })
}

/// Per step ([`StepId::ALL`] order), whether its verdict needs review: a FAIL of a transcript
/// step on a low-quality transcript.
pub fn needs_review(
    statuses: &[Status],
    est: Option<&Estimate>,
    prof: &Compiled,
) -> [bool; STEP_COUNT] {
    let mut out = [false; STEP_COUNT];
    if !est.is_some_and(|e| e.low) {
        return out;
    }
    for ((flag, st), log_step) in out.iter_mut().zip(statuses).zip(prof.log_steps) {
        *flag = *st == Status::Fail && !log_step;
    }
    out
}

/// The statuses the score is computed from: FAILs under review become NA unless the
/// profile counts them.
pub fn scored(statuses: &[Status], review: &[bool], prof: &Compiled) -> Vec<Status> {
    let count = prof.profile.quality.review_fails_count;
    statuses
        .iter()
        .zip(review)
        .map(|(s, r)| if *r && !count { Status::Na } else { *s })
        .collect()
}

#[cfg(test)]
mod tests;
