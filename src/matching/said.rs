//! The words a speaker said for a hit, cut from the original turn text, so reasons
//! quote the transcript ("pakai aplikasi lain aja") rather than normalised tokens or the
//! profile's pattern syntax. Costs one normalisation per word of one turn: only used
//! for a reason string, never in the search.

use super::normalize::Normalizer;
use super::{CallText, Hit};

impl CallText {
    /// The original words of the hit's first turn that its tokens came from. Falls
    /// back to the normalised tokens when words and tokens do not line up one to one
    /// (number words merged into digits, a word split in two).
    pub fn said(&self, hit: &Hit, norm: &Normalizer) -> String {
        let turn = &self.turns[hit.first_turn];
        let fallback = || self.span_tokens(hit).join(" ");
        if turn.run != hit.run || hit.pos < turn.span.0 || hit.pos >= turn.span.1 {
            return fallback();
        }
        let from = hit.pos - turn.span.0;
        let to = (hit.end + 1).min(turn.span.1) - turn.span.0;
        let mut picked: Vec<&str> = Vec::new();
        let mut at = 0usize;
        for word in turn.text.split_whitespace() {
            let n = norm.tokens(word).len();
            if at < to && at + n > from {
                picked.push(word);
            }
            at += n;
        }
        if at != turn.span.1 - turn.span.0 || picked.is_empty() {
            return fallback();
        }
        let edge = |c: char| !c.is_alphanumeric();
        picked
            .join(" ")
            .trim_start_matches(edge)
            .trim_end_matches(edge)
            .to_string()
    }
}
