//! Azure AI Speech batch transcription reader: `recognizedPhrases[]`, each a turn, with
//! `speaker` (1..N, diarisation on) or `channel`, `offsetInTicks` (100 ns) or an ISO-8601
//! `offset` (`PT1M2.5S`), and the text of `nBest[0].display` (falling back to `lexical`).
//!
//! Phrases whose recognition failed (`NoMatch`, `InitialSilenceTimeout`) have no text and
//! are passed over. The batch *report* file (`successfulTranscriptionsCount`) is recognised
//! and rejected with a message saying so, because it is easy to pick up by mistake.

use super::cues::UNKNOWN_SPEAKER;
use super::json::{array, field_error, label, opt_time, parse_document, squash, str_field};
use super::{ParseError, RawTranscript, RawTurn};
use serde_json::Value;

/// Seconds per tick (100 ns).
const TICK: f64 = 1e-7;

/// Parses an Azure batch transcription result file.
pub fn parse(text: &str) -> Result<RawTranscript, ParseError> {
    let doc = parse_document(text)?;
    if doc.get("recognizedPhrases").is_none() && doc.get("successfulTranscriptionsCount").is_some()
    {
        return Err(field_error(
            "recognizedPhrases",
            "missing: this is an Azure transcription report file, not a transcription result",
        ));
    }
    let phrases = array(&doc, "recognizedPhrases", "")?;
    // Channels only tell speakers apart on multichannel audio.
    let mut channels: Vec<i64> = phrases
        .iter()
        .filter_map(|p| p.get("channel").and_then(Value::as_i64))
        .collect();
    channels.sort_unstable();
    channels.dedup();
    let multichannel = channels.len() > 1;
    let mut turns = Vec::with_capacity(phrases.len());
    for (i, p) in phrases.iter().enumerate() {
        let path = format!("recognizedPhrases[{i}]");
        if !p.is_object() {
            return Err(field_error(&path, "expected an object"));
        }
        if str_field(p, "recognitionStatus").is_some_and(|s| s != "Success") {
            continue;
        }
        let best = p.get("nBest").and_then(|n| n.get(0));
        let raw = best
            .and_then(|b| str_field(b, "display").filter(|d| !d.trim().is_empty()))
            .or_else(|| best.and_then(|b| str_field(b, "lexical")))
            .ok_or_else(|| field_error(&path, "no nBest[0].display or lexical"))?;
        let text = squash(raw);
        if text.is_empty() {
            continue;
        }
        let start = offset(p, "offsetInTicks", "offset", &path)?
            .ok_or_else(|| field_error(&path, "no offsetInTicks or offset"))?;
        let length = offset(p, "durationInTicks", "duration", &path)?.unwrap_or(0.0);
        let speaker = match p.get("speaker").and_then(label) {
            Some(s) => s,
            None => match p.get("channel").and_then(label) {
                Some(c) if multichannel => format!("ch_{c}"),
                _ => UNKNOWN_SPEAKER.to_string(),
            },
        };
        let end = start + length;
        turns.push(RawTurn {
            speaker,
            start,
            end: if end.is_finite() { end } else { start },
            text,
        });
    }
    // Multichannel results list each channel's phrases in turn; a call reads in time order.
    super::words::sort_by_start(&mut turns, |t| t.start);
    Ok(RawTranscript {
        call_id: None,
        turns,
        line: None,
        confidence: super::confidence::of(&doc),
    })
}

/// A time from the ticks field, or else the ISO-8601 duration field.
fn offset(p: &Value, ticks: &str, iso: &str, path: &str) -> Result<Option<f64>, ParseError> {
    if let Some(t) = opt_time(p.get(ticks), TICK, &format!("{path}.{ticks}"))? {
        return Ok(Some(t));
    }
    match p.get(iso) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => {
            let s = v.as_str().unwrap_or("");
            iso_duration(s)
                .map(Some)
                .ok_or_else(|| field_error(&format!("{path}.{iso}"), "not an ISO-8601 duration"))
        }
    }
}

/// Seconds of an ISO-8601 duration as Azure writes them: `PT0.76S`, `PT1M2.5S`,
/// `PT1H2M3S`, `P1DT2H`. Years and months (of no fixed length) are refused.
pub fn iso_duration(s: &str) -> Option<f64> {
    let rest = s.trim().strip_prefix(['P', 'p'])?;
    let (date, time) = match rest.split_once(['T', 't']) {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    let mut total = 0.0;
    let mut any = false;
    for (part, units) in [
        (date, &[('D', 86_400.0), ('W', 604_800.0)][..]),
        (
            time.unwrap_or(""),
            &[('H', 3600.0), ('M', 60.0), ('S', 1.0)][..],
        ),
    ] {
        let mut num = String::new();
        for ch in part.chars() {
            if ch.is_ascii_digit() || ch == '.' || ch == ',' {
                num.push(if ch == ',' { '.' } else { ch });
                continue;
            }
            let scale = units
                .iter()
                .find(|(u, _)| u.eq_ignore_ascii_case(&ch))
                .map(|(_, s)| *s)?;
            let v: f64 = num.parse().ok()?;
            total += v * scale;
            num.clear();
            any = true;
        }
        if !num.is_empty() {
            return None; // a number without its unit
        }
    }
    if time == Some("") {
        return None; // `PT` with nothing after it
    }
    (any && total.is_finite()).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_durations() {
        assert_eq!(iso_duration("PT1.23S"), Some(1.23));
        assert_eq!(iso_duration("PT1M2.5S"), Some(62.5));
        assert_eq!(iso_duration("PT1H2M3S"), Some(3723.0));
        assert_eq!(iso_duration("P1DT1S"), Some(86_401.0));
        assert_eq!(iso_duration("PT0S"), Some(0.0));
        assert_eq!(iso_duration("PT"), None);
        assert_eq!(iso_duration("P1Y"), None);
        assert_eq!(iso_duration("1.5S"), None);
        assert_eq!(iso_duration("PT1.5"), None);
    }

    #[test]
    fn ticks_win_over_iso_and_speakers_are_kept() {
        let t = parse(r#"{"recognizedPhrases":[
            {"recognitionStatus":"Success","speaker":2,"channel":0,"offset":"PT9S","offsetInTicks":12300000.0,"durationInTicks":5000000,"nBest":[{"lexical":"halo","display":"Halo."}]},
            {"recognitionStatus":"Success","speaker":1,"channel":0,"offset":"PT0.5S","duration":"PT1S","nBest":[{"lexical":"pln 123","display":""}]},
            {"recognitionStatus":"NoMatch","channel":0,"offset":"PT3S"}]}"#).unwrap();
        let got: Vec<(&str, f64, f64, &str)> = t
            .turns
            .iter()
            .map(|t| (t.speaker.as_str(), t.start, t.end, t.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [("1", 0.5, 1.5, "pln 123"), ("2", 1.23, 1.73, "Halo.")]
        );
    }

    #[test]
    fn channels_label_multichannel_only() {
        let t = parse(
            r#"{"recognizedPhrases":[
            {"channel":1,"offset":"PT1S","nBest":[{"display":"b"}]},
            {"channel":0,"offset":"PT0S","nBest":[{"display":"a"}]}]}"#,
        )
        .unwrap();
        assert_eq!(t.turns[0].speaker, "ch_0");
        let t = parse(
            r#"{"recognizedPhrases":[{"channel":0,"offset":"PT0S","nBest":[{"display":"a"}]}]}"#,
        )
        .unwrap();
        assert_eq!(t.turns[0].speaker, "unknown");
    }

    #[test]
    fn report_file_is_named() {
        let e = parse(r#"{"successfulTranscriptionsCount":2,"details":[]}"#).unwrap_err();
        assert!(e.message.contains("report file"), "{}", e.message);
        let e = parse(r#"{"recognizedPhrases":[{"offset":"soon","nBest":[{"display":"a"}]}]}"#)
            .unwrap_err();
        assert!(
            e.message.contains("recognizedPhrases[0].offset"),
            "{}",
            e.message
        );
    }
}
