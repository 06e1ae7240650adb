//! Amazon Transcribe Call Analytics and Amazon Connect Contact Lens reader.
//!
//! Both write turn-segmented `Transcript[]` entries with `Content` and
//! `BeginOffsetMillis` / `EndOffsetMillis`. Transcribe Call Analytics names the speaker in
//! `ParticipantRole` (`AGENT` / `CUSTOMER`); Contact Lens writes `ParticipantId`, which is
//! mapped through `Participants[]` when the file lists them (chat transcripts use opaque
//! ids there). Contact Lens chat entries have `AbsoluteTime` instead of offsets; they are
//! timed from the first entry, and join/leave `EVENT` entries carry no speech. Streaming
//! `UtteranceEvent` messages (one per line or in an array) are read too, finals only.

use super::json::{batch_or_stream, field_error, label, opt_time, squash, str_field, time};
use super::{ParseError, RawTranscript, RawTurn};
use chrono::DateTime;
use serde_json::Value;
use std::collections::HashMap;

/// Parses a Call Analytics / Contact Lens output file or a stream of utterance events.
pub fn parse(text: &str) -> Result<RawTranscript, ParseError> {
    batch_or_stream(
        text,
        |doc| doc.get("Transcript").is_some_and(Value::is_array),
        batch,
        utterance_event,
    )
}

fn batch(doc: &Value) -> Result<Vec<RawTurn>, ParseError> {
    // ParticipantId → ParticipantRole, from the participants the file declares.
    let mut roles: HashMap<String, String> = HashMap::new();
    if let Some(Value::Array(ps)) = doc.get("Participants") {
        for p in ps {
            if let (Some(id), Some(role)) = (
                p.get("ParticipantId").and_then(label),
                p.get("ParticipantRole").and_then(label),
            ) {
                roles.insert(id, role);
            }
        }
    }
    let entries = doc.get("Transcript").and_then(Value::as_array);
    let entries = entries.map_or(&[][..], |e| e.as_slice());
    let origin = chat_origin(entries);
    let mut turns = Vec::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        let path = format!("Transcript[{i}]");
        if !e.is_object() {
            return Err(field_error(&path, "expected an object"));
        }
        if str_field(e, "Type") == Some("EVENT") {
            continue; // chat join / leave notices
        }
        let text = squash(str_field(e, "Content").unwrap_or(""));
        if text.is_empty() {
            continue;
        }
        let speaker = match e.get("ParticipantRole").and_then(label) {
            Some(role) => role,
            None => {
                let id = e
                    .get("ParticipantId")
                    .and_then(label)
                    .ok_or_else(|| field_error(&path, "no ParticipantRole or ParticipantId"))?;
                roles.get(&id).cloned().unwrap_or(id)
            }
        };
        let (start, end) = entry_times(e, &path, origin)?;
        turns.push(RawTurn {
            speaker,
            start,
            end,
            text,
        });
    }
    Ok(turns)
}

/// Start and end in seconds: offsets for voice, `AbsoluteTime` from the first entry for chat.
fn entry_times(e: &Value, path: &str, origin: Option<i64>) -> Result<(f64, f64), ParseError> {
    let begin = opt_time(
        e.get("BeginOffsetMillis"),
        0.001,
        &format!("{path}.BeginOffsetMillis"),
    )?;
    if let Some(start) = begin {
        let end = opt_time(
            e.get("EndOffsetMillis"),
            0.001,
            &format!("{path}.EndOffsetMillis"),
        )?;
        return Ok((start, end.unwrap_or(start).max(start)));
    }
    let at = str_field(e, "AbsoluteTime")
        .ok_or_else(|| field_error(path, "no BeginOffsetMillis (voice) or AbsoluteTime (chat)"))?;
    let ms = DateTime::parse_from_rfc3339(at)
        .map_err(|err| {
            field_error(
                &format!("{path}.AbsoluteTime"),
                format!("not an RFC 3339 time: {err}"),
            )
        })?
        .timestamp_millis();
    let start = ms.saturating_sub(origin.unwrap_or(ms)).max(0) as f64 / 1000.0;
    Ok((start, start))
}

/// The earliest `AbsoluteTime` of a chat transcript, in epoch milliseconds.
fn chat_origin(entries: &[Value]) -> Option<i64> {
    entries
        .iter()
        .filter_map(|e| str_field(e, "AbsoluteTime"))
        .filter_map(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.timestamp_millis())
        .min()
}

fn utterance_event(msg: &Value, m: usize) -> Result<Option<RawTurn>, ParseError> {
    let ev = msg
        .get("CallAnalyticsTranscriptResultStream")
        .map_or(msg, |s| s)
        .get("UtteranceEvent");
    let Some(ev) = ev else {
        // Category and error events carry no speech; a message with no known shape does.
        let known = msg.get("CallAnalyticsTranscriptResultStream").is_some()
            || msg.get("CategoryEvent").is_some();
        return if known {
            Ok(None)
        } else {
            Err(field_error(
                &format!("message {}", m + 1),
                "neither a `Transcript` array nor a streaming `UtteranceEvent`",
            ))
        };
    };
    let path = format!("message {} UtteranceEvent", m + 1);
    if ev.get("IsPartial").and_then(Value::as_bool) == Some(true) {
        return Ok(None);
    }
    let text = squash(str_field(ev, "Transcript").unwrap_or(""));
    if text.is_empty() {
        return Ok(None);
    }
    let start = time(
        ev.get("BeginOffsetMillis"),
        0.001,
        &format!("{path}.BeginOffsetMillis"),
    )?;
    let end = opt_time(
        ev.get("EndOffsetMillis"),
        0.001,
        &format!("{path}.EndOffsetMillis"),
    )?;
    let speaker = ev
        .get("ParticipantRole")
        .and_then(label)
        .ok_or_else(|| field_error(&path, "no ParticipantRole"))?;
    Ok(Some(RawTurn {
        speaker,
        start,
        end: end.unwrap_or(start).max(start),
        text,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn participant_role_turns() {
        let t = parse(r#"{"Transcript":[
            {"Content":"PLN 123 selamat pagi","BeginOffsetMillis":120,"EndOffsetMillis":2500,"ParticipantRole":"AGENT"},
            {"Content":"listrik padam","BeginOffsetMillis":2600,"EndOffsetMillis":4000,"ParticipantRole":"CUSTOMER"}]}"#).unwrap();
        assert_eq!(t.turns.len(), 2);
        assert_eq!(t.turns[0].speaker, "AGENT");
        assert_eq!((t.turns[0].start, t.turns[0].end), (0.12, 2.5));
        assert_eq!(t.turns[1].speaker, "CUSTOMER");
    }

    #[test]
    fn participant_ids_map_through_participants() {
        let t = parse(r#"{"Participants":[{"ParticipantId":"abc","ParticipantRole":"AGENT"}],
            "Transcript":[{"Content":"halo","BeginOffsetMillis":0,"EndOffsetMillis":1,"ParticipantId":"abc"},
                          {"Content":"ya","BeginOffsetMillis":5,"EndOffsetMillis":9,"ParticipantId":"CUSTOMER"}]}"#).unwrap();
        assert_eq!(t.turns[0].speaker, "AGENT");
        assert_eq!(t.turns[1].speaker, "CUSTOMER");
    }

    #[test]
    fn chat_is_timed_from_first_entry_and_skips_events() {
        let t = parse(r#"{"Transcript":[
            {"AbsoluteTime":"2022-10-27T03:31:50.735Z","Type":"EVENT","ParticipantRole":"CUSTOMER"},
            {"AbsoluteTime":"2022-10-27T03:31:53.390Z","Type":"MESSAGE","Content":"Halo","ParticipantRole":"AGENT"}]}"#).unwrap();
        assert_eq!(t.turns.len(), 1);
        assert_eq!(t.turns[0].start, 2.655);
    }

    #[test]
    fn streaming_utterances() {
        let t = parse(r#"{"UtteranceEvent":{"ParticipantRole":"AGENT","IsPartial":true,"Transcript":"pln","BeginOffsetMillis":0}}
{"UtteranceEvent":{"ParticipantRole":"AGENT","IsPartial":false,"Transcript":"pln 123","BeginOffsetMillis":0,"EndOffsetMillis":900}}"#).unwrap();
        assert_eq!(t.turns.len(), 1);
        assert_eq!(t.turns[0].end, 0.9);
    }

    #[test]
    fn missing_offsets_name_the_turn() {
        let e = parse(r#"{"Transcript":[{"Content":"x","ParticipantRole":"AGENT"}]}"#).unwrap_err();
        assert!(e.message.starts_with("Transcript[0]"), "{}", e.message);
    }
}
