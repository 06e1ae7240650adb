//! SubRip reader (`.srt`): numbered cues with `HH:MM:SS,mmm --> HH:MM:SS,mmm` timings.
//!
//! Speakers come from a `NAME:` prefix (`AGENT: ...`, `[SPEAKER_00]: ...`, as diarising
//! tools write them) or, rarely, a voice tag; formatting tags (`<i>`, `<font>`) are
//! stripped. See [`super::cues`] for the shared rules.

use super::cues::{blocks, cues_to_turns, read_cues};
use super::{ParseError, RawTranscript};

/// Parses a whole SRT file.
pub fn parse(text: &str) -> Result<RawTranscript, ParseError> {
    let cues = read_cues(&blocks(text), |_| false, "SRT")?;
    Ok(RawTranscript {
        call_id: None,
        turns: cues_to_turns(cues),
        line: None,
        confidence: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_cues_with_prefixes() {
        let text = "1\r\n00:00:01,000 --> 00:00:03,500\r\nAGENT: PLN 123 selamat pagi\r\n\r\n2\r\n00:00:04,000 --> 00:00:06,000\r\n<i>PELANGGAN: listrik padam</i>\r\n\r\n3\r\n00:00:06,000 --> 00:00:07,000\r\nsejak subuh\r\n";
        let t = parse(text).unwrap();
        assert_eq!(t.turns.len(), 3);
        assert_eq!(t.turns[0].speaker, "AGENT");
        assert_eq!((t.turns[0].start, t.turns[0].end), (1.0, 3.5));
        assert_eq!(t.turns[1].speaker, "PELANGGAN");
        assert_eq!(t.turns[1].text, "listrik padam");
        assert_eq!(t.turns[2].speaker, "PELANGGAN");
    }

    #[test]
    fn whisperx_bracket_labels_and_hours() {
        let t = parse("1\n01:00:00,000 --> 01:00:02,000\n[SPEAKER_01]: halo\n").unwrap();
        assert_eq!(t.turns[0].speaker, "SPEAKER_01");
        assert_eq!(t.turns[0].start, 3600.0);
    }

    #[test]
    fn blank_line_inside_cue_text_is_kept() {
        let t = parse("1\n00:00:01,000 --> 00:00:02,000\nAGENT: satu\n\ndua\n\n2\n00:00:03,000 --> 00:00:04,000\ntiga\n").unwrap();
        assert_eq!(t.turns.len(), 2);
        assert_eq!(t.turns[0].text, "satu dua");
    }

    #[test]
    fn bad_timing_names_line() {
        let e = parse("1\n00:00:01,000 -> 00:00:02,000\nx\n").unwrap_err();
        assert_eq!(e.line, Some(1));
        let e = parse("1\n00:00:01,000 --> 00:00:0x,000\nx\n").unwrap_err();
        assert_eq!(e.line, Some(2));
    }
}
