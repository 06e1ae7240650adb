//! Plain-text transcript reader: `[mm:ss] AGENT: text`, one turn per line.
//!
//! The time stamp is optional (`[hh:mm:ss.mmm]` too); a line without a speaker label
//! continues the previous turn; blank lines are ignored. A turn without a stamp starts
//! where the previous one started, so order is kept even when no line is timed.

use super::{parse_clock, ParseError, RawTranscript, RawTurn};

/// Splits `[stamp] LABEL: text` into its parts; `None` label for a continuation line.
fn split_line(line: &str) -> (Option<f64>, Option<&str>, &str) {
    let mut rest = line.trim();
    let mut time = None;
    if let Some(stripped) = rest.strip_prefix('[') {
        if let Some(close) = stripped.find(']') {
            if let Some(t) = parse_clock(&stripped[..close]) {
                time = Some(t);
                rest = stripped[close + 1..].trim_start();
            }
        }
    }
    if let Some(colon) = rest.find(':') {
        let label = rest[..colon].trim();
        let is_label = !label.is_empty()
            && label.len() <= 24
            && label
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == ' ')
            && label.split_whitespace().count() <= 2;
        if is_label {
            return (time, Some(label), rest[colon + 1..].trim());
        }
    }
    (time, None, rest)
}

/// Parses a whole plain-text transcript.
pub fn parse(text: &str) -> Result<RawTranscript, ParseError> {
    let mut turns: Vec<RawTurn> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        let (time, label, body) = split_line(line);
        match label {
            Some(label) => {
                let start = time.unwrap_or_else(|| turns.last().map_or(0.0, |t| t.start));
                if let Some(prev) = turns.last_mut() {
                    if prev.end < start {
                        prev.end = start;
                    }
                }
                turns.push(RawTurn {
                    speaker: label.to_string(),
                    start,
                    end: start,
                    text: body.to_string(),
                });
            }
            None => {
                match turns.last_mut() {
                    Some(prev) => {
                        if !body.is_empty() {
                            if !prev.text.is_empty() {
                                prev.text.push(' ');
                            }
                            prev.text.push_str(body);
                        }
                    }
                    None => return Err(ParseError::new(
                        Some(i as u64 + 1),
                        "text before the first speaker label (expected `[mm:ss] SPEAKER: text`)",
                    )),
                }
            }
        }
    }
    Ok(RawTranscript {
        call_id: None,
        turns,
        line: None,
        confidence: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_labels_and_continuations() {
        let t = parse(
            "[00:01] AGENT: pln 123 selamat pagi\n\n[00:05] PELANGGAN: listrik padam\nsejak tadi\n[01:00:02.500] CSO: baik\nCALLER: ok",
        )
        .unwrap();
        assert_eq!(t.turns.len(), 4);
        assert_eq!(t.turns[0].start, 1.0);
        assert_eq!(t.turns[0].end, 5.0);
        assert_eq!(t.turns[1].text, "listrik padam sejak tadi");
        assert_eq!(t.turns[2].start, 3602.5);
        assert_eq!(t.turns[3].speaker, "CALLER");
        assert_eq!(t.turns[3].start, 3602.5);
    }

    #[test]
    fn text_with_colon_is_not_a_label() {
        let t =
            parse("AGENT: nomor lapor: K123 ya\nini bukan label: karena panjang sekali kalimatnya")
                .unwrap();
        assert_eq!(t.turns.len(), 1);
        assert!(t.turns[0].text.contains("K123"));
    }

    #[test]
    fn leading_unlabelled_text_is_an_error() {
        let e = parse("halo\nAGENT: x").unwrap_err();
        assert_eq!(e.line, Some(1));
    }
}
