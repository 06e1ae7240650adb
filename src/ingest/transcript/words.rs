//! Word-level output (Amazon Transcribe items, Deepgram words) grouped into turns.
//!
//! Engines that only give words need a turn boundary rule: a new turn starts when the
//! speaker changes or when the speaker pauses longer than [`MAX_PAUSE`]. Without the pause
//! rule a single-channel undiarised call would be one giant turn, and the greeting and
//! closing checks, which look at the first and last agent turns, would see the whole call.

use super::RawTurn;

/// Longest silence (seconds) inside one turn; a longer gap starts a new turn.
pub const MAX_PAUSE: f64 = 1.5;

/// One recognised word with its speaker or channel label.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Word {
    pub speaker: String,
    pub start: f64,
    pub end: f64,
    pub text: String,
}

/// Appends punctuation to the last word: punctuation items carry no times of their own.
/// Punctuation before any word has nothing to attach to and is dropped.
pub(super) fn attach_punctuation(words: &mut [Word], mark: &str) {
    if let Some(last) = words.last_mut() {
        last.text.push_str(mark.trim());
    }
}

/// Groups time-ordered words into turns on a speaker change or a pause > [`MAX_PAUSE`].
pub(super) fn group(words: Vec<Word>) -> Vec<RawTurn> {
    let mut turns: Vec<RawTurn> = Vec::new();
    for w in words {
        let text = w.text.trim();
        if text.is_empty() {
            continue;
        }
        match turns.last_mut() {
            Some(t) if t.speaker == w.speaker && w.start - t.end <= MAX_PAUSE => {
                t.text.push(' ');
                t.text.push_str(text);
                t.end = t.end.max(w.end);
            }
            _ => turns.push(RawTurn {
                speaker: w.speaker,
                start: w.start,
                end: w.end.max(w.start),
                text: text.to_string(),
            }),
        }
    }
    turns
}

/// Stable sort by start time, for words or turns merged from several channels.
pub(super) fn sort_by_start<T>(items: &mut [T], start: impl Fn(&T) -> f64) {
    items.sort_by(|a, b| start(a).total_cmp(&start(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str, start: f64, end: f64, text: &str) -> Word {
        Word {
            speaker: s.into(),
            start,
            end,
            text: text.into(),
        }
    }

    #[test]
    fn splits_on_speaker_change_and_long_pause() {
        let mut words = vec![
            w("spk_0", 0.0, 0.5, "selamat"),
            w("spk_0", 0.6, 1.0, "pagi"),
        ];
        attach_punctuation(&mut words, ",");
        words.push(w("spk_1", 1.1, 1.5, "halo"));
        words.push(w("spk_1", 3.0, 3.4, "pak")); // 1.5 s gap: same turn
        words.push(w("spk_1", 5.0, 5.5, "listrik")); // 1.6 s gap: new turn
        let turns = group(words);
        assert_eq!(turns.len(), 3);
        assert_eq!(turns[0].text, "selamat pagi,");
        assert_eq!((turns[0].start, turns[0].end), (0.0, 1.0));
        assert_eq!(turns[1].text, "halo pak");
        assert_eq!(turns[2].text, "listrik");
        assert_eq!(turns[2].start, 5.0);
    }

    #[test]
    fn leading_punctuation_is_dropped() {
        let mut words: Vec<Word> = Vec::new();
        attach_punctuation(&mut words, ".");
        assert!(group(words).is_empty());
    }
}
