//! Deepgram reader: pre-recorded responses (`metadata` + `results`) and streaming `Results`
//! messages (one JSON object per message; several may be concatenated or in an array).
//!
//! Pre-recorded: `results.utterances[]` (with `utterances=true`) are already turns and are
//! preferred; otherwise the words of each channel (`punctuated_word` when smart formatting
//! is on) are grouped into turns on a speaker change or a pause; a channel with no words
//! becomes one turn. Speakers are Deepgram's integers as strings (`"0"`, `"1"`); without
//! diarisation a turn is labelled by its channel (`ch_1`) on multichannel audio, or
//! [`UNKNOWN_SPEAKER`] on mono audio, where only the greeting can tell the roles.

use super::cues::UNKNOWN_SPEAKER;
use super::json::{array, field_error, label, opt_time, parse_messages, squash, str_field, time};
use super::words::{group, sort_by_start, Word};
use super::{ParseError, RawTranscript, RawTurn};
use serde_json::Value;

/// Parses a pre-recorded response or a stream of live `Results` messages.
pub fn parse(text: &str) -> Result<RawTranscript, ParseError> {
    let messages = parse_messages(text)?;
    let turns = match messages.as_slice() {
        [doc] if doc.get("results").is_some() => prerecorded(doc)?,
        _ => {
            let mut turns = Vec::new();
            for (m, msg) in messages.iter().enumerate() {
                turns.extend(live_message(msg, m)?);
            }
            turns
        }
    };
    Ok(RawTranscript {
        call_id: None,
        turns,
        line: None,
        confidence: super::confidence::of_all(&messages),
    })
}

/// The label of a turn with no speaker: its channel when there are several.
fn channel_label(c: usize, channels: usize) -> String {
    if channels > 1 {
        format!("ch_{c}")
    } else {
        UNKNOWN_SPEAKER.to_string()
    }
}

fn prerecorded(doc: &Value) -> Result<Vec<RawTurn>, ParseError> {
    let results = doc
        .get("results")
        .filter(|r| r.is_object())
        .ok_or_else(|| field_error("results", "expected an object"))?;
    let channels: &[Value] = match results.get("channels") {
        None => &[],
        Some(_) => array(results, "channels", "results")?,
    };
    let n = channels.len();
    if let Some(Value::Array(utts)) = results.get("utterances") {
        if !utts.is_empty() {
            return utterances(utts, n);
        }
    }
    if channels.is_empty() {
        return Err(field_error(
            "results",
            "neither `utterances` nor `channels`",
        ));
    }
    let mut words: Vec<Word> = Vec::new();
    let mut whole: Vec<RawTurn> = Vec::new();
    for (c, chan) in channels.iter().enumerate() {
        let path = format!("results.channels[{c}].alternatives[0]");
        let Some(alt) = chan.get("alternatives").and_then(|a| a.get(0)) else {
            continue;
        };
        let ws = alt.get("words").and_then(Value::as_array);
        match ws {
            Some(ws) if !ws.is_empty() => {
                for (i, w) in ws.iter().enumerate() {
                    words.push(word(w, &format!("{path}.words[{i}]"), c, n)?);
                }
            }
            _ => {
                // No word timings: the channel's transcript is all there is.
                let text = squash(str_field(alt, "transcript").unwrap_or(""));
                if !text.is_empty() {
                    let end = opt_time(
                        doc.get("metadata").and_then(|m| m.get("duration")),
                        1.0,
                        "metadata.duration",
                    )?;
                    whole.push(RawTurn {
                        speaker: channel_label(c, n),
                        start: 0.0,
                        end: end.unwrap_or(0.0),
                        text,
                    });
                }
            }
        }
    }
    sort_by_start(&mut words, |w| w.start);
    let mut turns = group(words);
    turns.extend(whole);
    Ok(turns)
}

fn word(w: &Value, path: &str, c: usize, n: usize) -> Result<Word, ParseError> {
    let text = str_field(w, "punctuated_word")
        .or_else(|| str_field(w, "word"))
        .ok_or_else(|| field_error(path, "no word"))?;
    let start = time(w.get("start"), 1.0, &format!("{path}.start"))?;
    let end = opt_time(w.get("end"), 1.0, &format!("{path}.end"))?;
    Ok(Word {
        speaker: w
            .get("speaker")
            .and_then(label)
            .unwrap_or_else(|| channel_label(c, n)),
        start,
        end: end.unwrap_or(start).max(start),
        text: text.trim().to_string(),
    })
}

fn utterances(utts: &[Value], channels: usize) -> Result<Vec<RawTurn>, ParseError> {
    let mut turns = Vec::with_capacity(utts.len());
    for (i, u) in utts.iter().enumerate() {
        let path = format!("results.utterances[{i}]");
        let text = squash(str_field(u, "transcript").unwrap_or(""));
        if text.is_empty() {
            continue;
        }
        let start = time(u.get("start"), 1.0, &format!("{path}.start"))?;
        let end = opt_time(u.get("end"), 1.0, &format!("{path}.end"))?;
        let channel = u.get("channel").and_then(Value::as_u64).unwrap_or(0) as usize;
        let speaker = u
            .get("speaker")
            .and_then(label)
            .unwrap_or_else(|| channel_label(channel, channels));
        turns.push(RawTurn {
            speaker,
            start,
            end: end.unwrap_or(start).max(start),
            text,
        });
    }
    sort_by_start(&mut turns, |t| t.start);
    Ok(turns)
}

fn live_message(msg: &Value, m: usize) -> Result<Vec<RawTurn>, ParseError> {
    let path = format!("message {}", m + 1);
    match str_field(msg, "type") {
        Some("Results") => {}
        // Metadata, SpeechStarted, UtteranceEnd: bookkeeping, no speech.
        Some(_) => return Ok(Vec::new()),
        None if msg.get("channel").is_some() => {}
        None => {
            return Err(field_error(
                &path,
                "neither pre-recorded `results` nor a live `Results` message",
            ))
        }
    }
    if msg.get("is_final").and_then(Value::as_bool) == Some(false) {
        return Ok(Vec::new()); // interim result, superseded by the final one
    }
    let index = msg.get("channel_index").and_then(Value::as_array);
    let c = index
        .and_then(|i| i.first())
        .and_then(Value::as_u64)
        .unwrap_or(0) as usize;
    let n = index
        .and_then(|i| i.get(1))
        .and_then(Value::as_u64)
        .unwrap_or(1) as usize;
    let Some(alt) = msg
        .get("channel")
        .and_then(|ch| ch.get("alternatives"))
        .and_then(|a| a.get(0))
    else {
        return Err(field_error(&path, "no channel.alternatives[0]"));
    };
    let ws = alt.get("words").and_then(Value::as_array);
    if let Some(ws) = ws.filter(|ws| ws.iter().any(|w| w.get("speaker").is_some())) {
        let mut words = Vec::with_capacity(ws.len());
        for (i, w) in ws.iter().enumerate() {
            words.push(word(
                w,
                &format!("{path} channel.alternatives[0].words[{i}]"),
                c,
                n,
            )?);
        }
        return Ok(group(words));
    }
    let text = squash(str_field(alt, "transcript").unwrap_or(""));
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let start = time(msg.get("start"), 1.0, &format!("{path}.start"))?;
    let duration = opt_time(msg.get("duration"), 1.0, &format!("{path}.duration"))?;
    let end = start + duration.unwrap_or(0.0);
    Ok(vec![RawTurn {
        speaker: channel_label(c, n),
        start,
        end: if end.is_finite() { end } else { start },
        text,
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utterances_are_preferred() {
        let t = parse(r#"{"metadata":{"channels":1},"results":{"channels":[{"alternatives":[{"transcript":"x","words":[]}]}],
            "utterances":[{"start":0.5,"end":2.0,"transcript":"PLN 123 selamat pagi","speaker":0,"channel":0},
                          {"start":2.5,"end":3.0,"transcript":"halo","speaker":1,"channel":0}]}}"#).unwrap();
        let got: Vec<(&str, &str)> = t
            .turns
            .iter()
            .map(|t| (t.speaker.as_str(), t.text.as_str()))
            .collect();
        assert_eq!(got, [("0", "PLN 123 selamat pagi"), ("1", "halo")]);
    }

    #[test]
    fn diarised_words_group_by_speaker_with_punctuated_words() {
        let t = parse(
            r#"{"results":{"channels":[{"alternatives":[{"transcript":"","words":[
            {"word":"selamat","start":0.0,"end":0.4,"speaker":0,"punctuated_word":"Selamat"},
            {"word":"pagi","start":0.4,"end":0.8,"speaker":0,"punctuated_word":"pagi."},
            {"word":"halo","start":1.0,"end":1.3,"speaker":1}]}]}]}}"#,
        )
        .unwrap();
        let got: Vec<(&str, &str)> = t
            .turns
            .iter()
            .map(|t| (t.speaker.as_str(), t.text.as_str()))
            .collect();
        assert_eq!(got, [("0", "Selamat pagi."), ("1", "halo")]);
    }

    #[test]
    fn multichannel_without_diarisation_uses_channels() {
        let t = parse(
            r#"{"results":{"channels":[
            {"alternatives":[{"words":[{"word":"pln","start":0.0,"end":0.3}]}]},
            {"alternatives":[{"words":[{"word":"halo","start":0.5,"end":0.9}]}]}]}}"#,
        )
        .unwrap();
        assert_eq!(t.turns[0].speaker, "ch_0");
        assert_eq!(t.turns[1].speaker, "ch_1");
    }

    #[test]
    fn live_results_skip_interim() {
        let t = parse(r#"{"type":"Results","is_final":false,"start":0.0,"duration":1.0,"channel":{"alternatives":[{"transcript":"pl"}]}}
{"type":"Results","is_final":true,"start":0.0,"duration":1.5,"channel_index":[0,1],"channel":{"alternatives":[{"transcript":"pln 123"}]}}
{"type":"UtteranceEnd","last_word_end":1.5}"#).unwrap();
        assert_eq!(t.turns.len(), 1);
        assert_eq!((t.turns[0].start, t.turns[0].end), (0.0, 1.5));
    }

    #[test]
    fn bad_word_time_names_path() {
        let e = parse(
            r#"{"results":{"channels":[{"alternatives":[{"words":[{"word":"a","start":"x"}]}]}]}}"#,
        )
        .unwrap_err();
        assert!(
            e.message
                .contains("results.channels[0].alternatives[0].words[0].start"),
            "{}",
            e.message
        );
    }
}
