//! WebVTT reader (`.vtt`, as written by Whisper and most ASR tools).
//!
//! Handles both clock forms (`MM:SS.mmm` under an hour, `HH:MM:SS.mmm`), cue ids, cue
//! settings after the end time, `NOTE` / `STYLE` / `REGION` blocks, `<v Speaker>` voice tags
//! and other inline tags, and `NAME:` prefixes. See [`super::cues`] for the shared rules.

use super::cues::{blocks, cues_to_turns, read_cues};
use super::{ParseError, RawTranscript};

/// Parses a whole WebVTT file.
pub fn parse(text: &str) -> Result<RawTranscript, ParseError> {
    let blocks = blocks(text);
    let header = blocks.first().and_then(|b| b.first()).map(|&(_, l)| l);
    let ok_header = header.is_some_and(|h| {
        h.strip_prefix("WEBVTT")
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
    });
    if !ok_header {
        return Err(ParseError::new(
            Some(1),
            "line 1: not WebVTT: the file must start with `WEBVTT`",
        ));
    }
    // The header block may run straight into the first cue when a writer forgot the blank
    // line; only its lines before a timing line are header.
    let mut body = blocks;
    let header_block = body.remove(0);
    let cue_start = header_block
        .iter()
        .position(|(_, l)| super::cues::is_timing(l))
        .map(|i| i.saturating_sub(1).max(1));
    if let Some(i) = cue_start {
        body.insert(0, header_block[i..].to_vec());
    }
    let cues = read_cues(&body, is_meta_block, "WebVTT")?;
    Ok(RawTranscript {
        call_id: None,
        turns: cues_to_turns(cues),
        line: None,
        confidence: None,
    })
}

/// `NOTE`, `STYLE` and `REGION` blocks carry no speech.
fn is_meta_block(first_line: &str) -> bool {
    ["NOTE", "STYLE", "REGION"].iter().any(|kw| {
        first_line
            .strip_prefix(kw)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_only_clock() {
        let t = parse("WEBVTT\n\n00:00.000 --> 00:11.000\nAnd so my fellow Americans\n").unwrap();
        assert_eq!(t.turns.len(), 1);
        assert_eq!(t.turns[0].speaker, "unknown");
        assert_eq!((t.turns[0].start, t.turns[0].end), (0.0, 11.0));
    }

    #[test]
    fn hours_clock_ids_settings_and_notes() {
        let text = "\u{feff}WEBVTT - call 1\nKind: captions\n\nNOTE dibuat oleh asr\nbaris kedua\n\nSTYLE\n::cue { color: red }\n\ncue-1\n01:02:03.250 --> 01:02:05.000 align:start position:10%\n<v Agent>selamat pagi</v>\n\n2\n01:02:05.500 --> 01:02:07.000\n<v.loud Pelanggan>listrik <b>padam</b>\nsejak tadi\n";
        let t = parse(text).unwrap();
        assert_eq!(t.turns.len(), 2);
        assert_eq!(t.turns[0].speaker, "Agent");
        assert_eq!(t.turns[0].start, 3723.25);
        assert_eq!(t.turns[1].speaker, "Pelanggan");
        assert_eq!(t.turns[1].text, "listrik padam sejak tadi");
    }

    #[test]
    fn prefix_speakers_and_continuation() {
        let text = "WEBVTT\n\n00:01.000 --> 00:02.000\nmasih bingung\n\n00:02.000 --> 00:03.000\nAGENT: PLN 123 selamat siang\n\n00:03.000 --> 00:04.000\ndengan Andri\n\n00:04.000 --> 00:05.000\nPELANGGAN: halo\n";
        let t = parse(text).unwrap();
        let speakers: Vec<&str> = t.turns.iter().map(|t| t.speaker.as_str()).collect();
        assert_eq!(speakers, ["unknown", "AGENT", "AGENT", "PELANGGAN"]);
        assert_eq!(t.turns[1].text, "PLN 123 selamat siang");
    }

    #[test]
    fn two_voices_in_one_cue() {
        let t = parse("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Agent>ya</v>\n<v Caller>baik</v>\n")
            .unwrap();
        assert_eq!(t.turns.len(), 2);
        assert_eq!(t.turns[1].speaker, "Caller");
        assert_eq!(t.turns[1].start, 1.0);
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(
            parse("1\n00:00:01,000 --> 00:00:02,000\nx")
                .unwrap_err()
                .line,
            Some(1)
        );
        let e = parse("WEBVTT\n\n00:01.000 --> 00:xx.000\nx\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        let e = parse("WEBVTT\n\nhalo\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("line 3"), "{}", e.message);
    }
}
