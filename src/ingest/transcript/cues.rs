//! Cue handling shared by the subtitle readers ([`super::vtt`], [`super::srt`]): splitting a
//! file into blank-line separated blocks, reading `start --> end` timing lines, and turning
//! a cue's payload into speaker-labelled text.
//!
//! Subtitles carry speakers in two ways: a WebVTT voice tag `<v Name>` or a `NAME:` prefix
//! of the text, as ASR tools with diarisation write them (`AGENT: ...`, `[SPEAKER_00]: ...`).
//! A cue without either continues the previous speaker, because diarising tools label only
//! the first cue of a speaker's run.

use super::{parse_clock, ParseError, RawTurn};
use crate::ingest::labels::explicit_role;

/// Speaker label used when no cue so far named a speaker.
pub const UNKNOWN_SPEAKER: &str = "unknown";

/// A block of consecutive non-blank lines, with the 1-based number of each line.
pub(super) type Block<'a> = Vec<(u64, &'a str)>;

/// Splits text into blocks separated by blank lines (a BOM on the first line is dropped).
pub(super) fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut out: Vec<Block<'_>> = Vec::new();
    let mut cur: Block<'_> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = if i == 0 {
            line.trim_start_matches('\u{feff}')
        } else {
            line
        };
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push((i as u64 + 1, line));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Whether a line is a cue timing line.
pub(super) fn is_timing(line: &str) -> bool {
    line.contains("-->")
}

/// Reads `start --> end [settings]`; settings (VTT positions, SRT `X1:`) are ignored.
pub(super) fn timing(line: &str, lineno: u64) -> Result<(f64, f64), ParseError> {
    let bad = |what: &str| {
        ParseError::new(
            Some(lineno),
            format!("line {lineno}: bad cue timing: {what}"),
        )
    };
    let (left, right) = line.split_once("-->").ok_or_else(|| bad("no `-->`"))?;
    let end_str = right.split_whitespace().next().unwrap_or("");
    let start = parse_clock(left.trim()).ok_or_else(|| bad("start is not a time"))?;
    let end = parse_clock(end_str).ok_or_else(|| bad("end is not a time"))?;
    if !start.is_finite() || !end.is_finite() {
        return Err(bad("time out of range"));
    }
    // A cue ending before it starts is a rounding slip of the writer, not a reason to lose
    // the call: keep the start.
    Ok((start, end.max(start)))
}

/// One cue: timing and raw payload lines.
pub(super) struct Cue {
    pub start: f64,
    pub end: f64,
    pub payload: String,
}

/// Reads the cues of `blocks`. A block for which `skip` holds on its first line (VTT
/// `NOTE`, `STYLE`, `REGION`) is ignored; lines before a timing line are cue ids. A block
/// with no timing line after a cue is taken as more text of that cue (writers that let a
/// blank line into cue text); before any cue it is an error naming its line.
pub(super) fn read_cues(
    blocks: &[Block<'_>],
    skip: impl Fn(&str) -> bool,
    format: &str,
) -> Result<Vec<Cue>, ParseError> {
    let mut cues: Vec<Cue> = Vec::new();
    for block in blocks {
        let Some(&(first_no, first)) = block.first() else {
            continue;
        };
        if skip(first) {
            continue;
        }
        if !block.iter().any(|(_, l)| is_timing(l)) {
            match cues.last_mut() {
                Some(cue) => {
                    for (_, l) in block {
                        cue.payload.push('\n');
                        cue.payload.push_str(l);
                    }
                    continue;
                }
                None => {
                    return Err(ParseError::new(
                        Some(first_no),
                        format!(
                            "line {first_no}: {format} text before the first cue timing \
                             (expected `start --> end`)"
                        ),
                    ))
                }
            }
        }
        let mut current: Option<Cue> = None;
        for &(no, line) in block {
            if is_timing(line) {
                let (start, end) = timing(line, no)?;
                cues.extend(current.take());
                current = Some(Cue {
                    start,
                    end,
                    payload: String::new(),
                });
            } else if let Some(cue) = current.as_mut() {
                if !cue.payload.is_empty() {
                    cue.payload.push('\n');
                }
                cue.payload.push_str(line);
            }
        }
        cues.extend(current);
    }
    Ok(cues)
}

/// Turns cues into turns, resolving speakers and carrying the last one forward.
pub(super) fn cues_to_turns(cues: Vec<Cue>) -> Vec<RawTurn> {
    let mut turns: Vec<RawTurn> = Vec::new();
    let mut last: Option<String> = None;
    for cue in cues {
        let first_of_cue = turns.len();
        for (speaker, text) in payload_spans(&cue.payload) {
            let speaker = match speaker {
                Some(s) => {
                    last = Some(s.clone());
                    s
                }
                None => last.clone().unwrap_or_else(|| UNKNOWN_SPEAKER.to_string()),
            };
            let in_cue = turns.len() > first_of_cue;
            match turns.last_mut() {
                // Spans of one cue that resolve to the same speaker stay one turn.
                Some(t) if in_cue && t.speaker == speaker => {
                    t.text.push(' ');
                    t.text.push_str(&text);
                }
                _ => turns.push(RawTurn {
                    speaker,
                    start: cue.start,
                    end: cue.end,
                    text,
                }),
            }
        }
    }
    turns
}

/// Splits a payload into (speaker, clean text) spans: a `<v>` tag opens a span; without
/// voice tags the whole payload is one span whose speaker may come from a `NAME:` prefix.
fn payload_spans(payload: &str) -> Vec<(Option<String>, String)> {
    let mut spans: Vec<(Option<String>, String)> = vec![(None, String::new())];
    let mut voiced = false;
    let mut rest = payload;
    while let Some(open) = rest.find('<') {
        push_text(&mut spans, &rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            // An unclosed `<` is text, not a tag.
            push_text(&mut spans, &rest[open..]);
            rest = "";
            break;
        };
        let tag = &after[..close];
        if let Some(name) = voice_name(tag) {
            voiced = true;
            spans.push((Some(name), String::new()));
        } else if tag.trim() == "/v" {
            spans.push((None, String::new()));
        }
        rest = &after[close + 1..];
    }
    push_text(&mut spans, rest);
    let mut out = Vec::new();
    for (speaker, raw) in spans {
        let text = squash(&decode_entities(&raw));
        if text.is_empty() {
            continue;
        }
        if speaker.is_none() && !voiced {
            if let Some((label, body)) = speaker_prefix(&text) {
                if !body.is_empty() {
                    out.push((Some(label.to_string()), body.to_string()));
                }
                continue;
            }
        }
        out.push((speaker, text));
    }
    out
}

fn push_text(spans: &mut [(Option<String>, String)], text: &str) {
    if let Some(last) = spans.last_mut() {
        last.1.push_str(text);
    }
}

/// The annotation of a voice tag `v Name` / `v.loud Name`, if the tag is one.
fn voice_name(tag: &str) -> Option<String> {
    let rest = tag.strip_prefix('v')?;
    if !(rest.starts_with('.') || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    // Skip the classes (`.loud.fast`) up to the first whitespace.
    let name = rest.split_once(char::is_whitespace).map_or("", |x| x.1);
    let name = squash(&decode_entities(name));
    (!name.is_empty()).then_some(name)
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes the character references subtitle writers use; unknown ones stay as written.
pub(super) fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        // Look for the `;` only nearby: scanning the whole rest for every `&` would make a
        // long run of bare ampersands quadratic.
        let decoded = after
            .bytes()
            .take(12)
            .position(|b| b == b';')
            .and_then(|semi| entity(&after[..semi]).map(|c| (c, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "lrm" => '\u{200e}',
        "rlm" => '\u{200f}',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)?
        }
    })
}

/// Splits a `NAME: text` prefix off a cue text. Only labels that look like speakers are
/// taken (upper-case names, role names in any case, or labels with a digit such as `spk_0`,
/// `Speaker 1`, `[SPEAKER_00]`), so that ordinary Indonesian text with a colon
/// ("Baik: nomornya ...") is not mistaken for a speaker.
pub fn speaker_prefix(text: &str) -> Option<(&str, &str)> {
    let (head, body) = text.split_once(':')?;
    // `10:30` and URLs are not labels: the colon must end a word.
    if !(body.is_empty() || body.starts_with(char::is_whitespace)) {
        return None;
    }
    let label = head
        .trim()
        .trim_start_matches(['[', '('])
        .trim_end_matches([']', ')'])
        .trim();
    let charset_ok = label
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' ' | '.'));
    if label.is_empty()
        || label.chars().count() > 24
        || !charset_ok
        || label.split_whitespace().count() > 2
    {
        return None;
    }
    let has_letter = label.chars().any(char::is_alphabetic);
    let upper = has_letter && !label.chars().any(char::is_lowercase);
    let has_digit = label.chars().any(|c| c.is_ascii_digit());
    if upper || has_digit || explicit_role(label).is_some() {
        Some((label, body.trim()))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes() {
        assert_eq!(speaker_prefix("AGENT: pln 123"), Some(("AGENT", "pln 123")));
        assert_eq!(
            speaker_prefix("pelanggan: halo"),
            Some(("pelanggan", "halo"))
        );
        assert_eq!(
            speaker_prefix("[SPEAKER_00]: ya"),
            Some(("SPEAKER_00", "ya"))
        );
        assert_eq!(speaker_prefix("Speaker 1: ya"), Some(("Speaker 1", "ya")));
        assert_eq!(speaker_prefix("Baik: nomornya"), None);
        assert_eq!(speaker_prefix("jam 10:30 tadi"), None);
        assert_eq!(speaker_prefix("ini kalimat panjang sekali: x"), None);
    }

    #[test]
    fn voice_tags_split_spans_and_strip_other_tags() {
        let spans = payload_spans("<v.loud Agent>selamat <i>pagi</i></v> <v Caller>halo &amp; ya");
        assert_eq!(
            spans,
            vec![
                (Some("Agent".into()), "selamat pagi".into()),
                (Some("Caller".into()), "halo & ya".into())
            ]
        );
        // Voice tags win over prefixes, and an unclosed `<` is text.
        assert_eq!(
            payload_spans("<v Agent>CALLER: 3 < 4"),
            vec![(Some("Agent".into()), "CALLER: 3 < 4".into())]
        );
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &lt;b&gt; &#65;&#x42; &bogus; &"),
            "a <b> AB &bogus; &"
        );
    }

    #[test]
    fn timings() {
        assert_eq!(
            timing("00:01.500 --> 00:03.000 align:start", 3).unwrap(),
            (1.5, 3.0)
        );
        assert_eq!(
            timing("01:00:01,000 --> 01:00:02,000", 3).unwrap(),
            (3601.0, 3602.0)
        );
        let e = timing("00:01 --> soon", 7).unwrap_err();
        assert_eq!(e.line, Some(7));
        assert!(e.message.contains("line 7"));
    }
}
