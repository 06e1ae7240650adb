//! Amazon Transcribe (standard, not Call Analytics) reader: batch job output
//! (`results.items`, `results.speaker_labels`, `results.channel_labels`,
//! `results.audio_segments`) and streaming `TranscriptEvent` results.
//!
//! Batch output is word-level: words carry `start_time` / `end_time` as strings and a
//! `speaker_label` (`spk_0`) or `channel_label` (`ch_0`); punctuation items have no times
//! and belong to the word before them. Words become turns by [`super::words::group`]
//! (speaker change or a pause over 1.5 s). When the newer `audio_segments` are present they
//! are used instead, as Transcribe already segmented them into turns.

use super::cues::UNKNOWN_SPEAKER;
use super::json::{array, batch_or_stream, field_error, label, opt_time, squash, str_field, time};
use super::words::{group, sort_by_start, Word};
use super::{ParseError, RawTranscript, RawTurn};
use serde_json::Value;

/// Parses a batch job output or a stream of `TranscriptEvent` messages.
pub fn parse(text: &str) -> Result<RawTranscript, ParseError> {
    batch_or_stream(
        text,
        |doc| doc.get("results").is_some(),
        batch,
        stream_message,
    )
}

fn batch(doc: &Value) -> Result<Vec<RawTurn>, ParseError> {
    let results = doc
        .get("results")
        .filter(|r| r.is_object())
        .ok_or_else(|| field_error("results", "expected an object"))?;
    if let Some(Value::Array(segs)) = results.get("audio_segments") {
        if !segs.is_empty() {
            return audio_segments(segs);
        }
    }
    let items: &[Value] = match results.get("items") {
        None => &[],
        Some(_) => array(results, "items", "results")?,
    };
    let labelled = items
        .iter()
        .any(|i| i.get("speaker_label").is_some() || i.get("channel_label").is_some());
    let mut words = Vec::new();
    let channels = results
        .get("channel_labels")
        .and_then(|c| c.get("channels"))
        .and_then(Value::as_array);
    match channels {
        // Older channel-identification output labels words only inside each channel.
        Some(chans) if !labelled && !chans.is_empty() => {
            for (c, chan) in chans.iter().enumerate() {
                let path = format!("results.channel_labels.channels[{c}]");
                let chan_label = chan.get("channel_label").and_then(label);
                let fallback = chan_label.unwrap_or_else(|| format!("ch_{c}"));
                let items = array(chan, "items", &path)?;
                read_items(items, &format!("{path}.items"), &fallback, &[], &mut words)?;
            }
        }
        _ => {
            let spans = speaker_spans(results)?;
            read_items(items, "results.items", UNKNOWN_SPEAKER, &spans, &mut words)?;
        }
    }
    // Channels are written one after the other; a call reads in time order.
    sort_by_start(&mut words, |w| w.start);
    Ok(group(words))
}

/// `(start, end, label)` of each `speaker_labels` segment, for words that carry no label.
fn speaker_spans(results: &Value) -> Result<Vec<(f64, f64, String)>, ParseError> {
    let Some(segs) = results
        .get("speaker_labels")
        .and_then(|s| s.get("segments"))
    else {
        return Ok(Vec::new());
    };
    let Some(segs) = segs.as_array() else {
        return Err(field_error(
            "results.speaker_labels.segments",
            "expected an array",
        ));
    };
    let mut spans = Vec::with_capacity(segs.len());
    for (i, seg) in segs.iter().enumerate() {
        let path = format!("results.speaker_labels.segments[{i}]");
        let Some(l) = seg.get("speaker_label").and_then(label) else {
            continue;
        };
        let start = time(seg.get("start_time"), 1.0, &format!("{path}.start_time"))?;
        let end = time(seg.get("end_time"), 1.0, &format!("{path}.end_time"))?;
        spans.push((start, end, l));
    }
    Ok(spans)
}

fn read_items(
    items: &[Value],
    path: &str,
    fallback: &str,
    spans: &[(f64, f64, String)],
    words: &mut Vec<Word>,
) -> Result<(), ParseError> {
    for (i, item) in items.iter().enumerate() {
        let path = format!("{path}[{i}]");
        let content = item
            .get("alternatives")
            .and_then(|a| a.get(0))
            .and_then(|a| str_field(a, "content"))
            .ok_or_else(|| field_error(&path, "no alternatives[0].content"))?;
        let own = item
            .get("speaker_label")
            .or_else(|| item.get("channel_label"))
            .and_then(label);
        if str_field(item, "type") == Some("punctuation") {
            // Punctuation has no times: it closes the last word of its own speaker.
            // Its word is among the last few even when channels interleave; a bounded look
            // back keeps a file of unmatched punctuation from going quadratic. Punctuation
            // whose word is not found is dropped: matching ignores punctuation anyway.
            let last = words.len().checked_sub(1);
            let at = match &own {
                Some(l) => words
                    .iter()
                    .enumerate()
                    .rev()
                    .take(64)
                    .find(|(_, w)| &w.speaker == l)
                    .map(|(i, _)| i),
                None => last,
            };
            if let Some(at) = at {
                words[at].text.push_str(content.trim());
            }
            continue;
        }
        let start = time(item.get("start_time"), 1.0, &format!("{path}.start_time"))?;
        let end = opt_time(item.get("end_time"), 1.0, &format!("{path}.end_time"))?;
        let speaker = own.unwrap_or_else(|| {
            spans
                .iter()
                .find(|(s, e, _)| (start >= *s && start < *e) || start == *s)
                .map_or_else(|| fallback.to_string(), |(_, _, l)| l.clone())
        });
        words.push(Word {
            speaker,
            start,
            end: end.unwrap_or(start).max(start),
            text: content.trim().to_string(),
        });
    }
    Ok(())
}

fn audio_segments(segs: &[Value]) -> Result<Vec<RawTurn>, ParseError> {
    let mut turns = Vec::with_capacity(segs.len());
    for (i, seg) in segs.iter().enumerate() {
        let path = format!("results.audio_segments[{i}]");
        let text = squash(str_field(seg, "transcript").unwrap_or(""));
        if text.is_empty() {
            continue;
        }
        let start = time(seg.get("start_time"), 1.0, &format!("{path}.start_time"))?;
        let end = time(seg.get("end_time"), 1.0, &format!("{path}.end_time"))?;
        let speaker = seg
            .get("speaker_label")
            .or_else(|| seg.get("channel_label"))
            .and_then(label)
            .unwrap_or_else(|| UNKNOWN_SPEAKER.to_string());
        turns.push(RawTurn {
            speaker,
            start,
            end: end.max(start),
            text,
        });
    }
    sort_by_start(&mut turns, |t| t.start);
    Ok(turns)
}

/// The `Results` of one streaming message, however deeply the logger wrapped it.
fn stream_results(msg: &Value) -> Option<&Value> {
    let event = msg
        .get("TranscriptResultStream")
        .map_or(msg, |s| s)
        .get("TranscriptEvent")
        .map_or(msg, |e| e);
    event.get("Transcript")?.get("Results")
}

fn stream_message(msg: &Value, m: usize) -> Result<Vec<RawTurn>, ParseError> {
    let Some(results) = stream_results(msg) else {
        return Err(field_error(
            &format!("message {}", m + 1),
            "neither batch `results` nor a streaming TranscriptEvent `Transcript.Results`",
        ));
    };
    let results = results
        .as_array()
        .ok_or_else(|| field_error("Transcript.Results", "expected an array"))?;
    let mut turns = Vec::new();
    for (r, res) in results.iter().enumerate() {
        let path = format!("message {} Transcript.Results[{r}]", m + 1);
        if res.get("IsPartial").and_then(Value::as_bool) == Some(true) {
            continue; // partials are superseded by the final result
        }
        let Some(alt) = res.get("Alternatives").and_then(|a| a.get(0)) else {
            continue;
        };
        let items = alt.get("Items").and_then(Value::as_array);
        let diarised = items.is_some_and(|it| it.iter().any(|i| i.get("Speaker").is_some()));
        if let (true, Some(items)) = (diarised, items) {
            let mut words: Vec<Word> = Vec::new();
            for (k, item) in items.iter().enumerate() {
                let ipath = format!("{path}.Alternatives[0].Items[{k}]");
                let content = str_field(item, "Content").unwrap_or("").trim();
                if str_field(item, "Type") == Some("punctuation") {
                    super::words::attach_punctuation(&mut words, content);
                    continue;
                }
                let start = time(item.get("StartTime"), 1.0, &format!("{ipath}.StartTime"))?;
                let end = opt_time(item.get("EndTime"), 1.0, &format!("{ipath}.EndTime"))?;
                words.push(Word {
                    speaker: item
                        .get("Speaker")
                        .and_then(label)
                        .unwrap_or_else(|| UNKNOWN_SPEAKER.to_string()),
                    start,
                    end: end.unwrap_or(start).max(start),
                    text: content.to_string(),
                });
            }
            turns.extend(group(words));
            continue;
        }
        let text = squash(str_field(alt, "Transcript").unwrap_or(""));
        if text.is_empty() {
            continue;
        }
        let start = time(res.get("StartTime"), 1.0, &format!("{path}.StartTime"))?;
        let end = opt_time(res.get("EndTime"), 1.0, &format!("{path}.EndTime"))?;
        turns.push(RawTurn {
            speaker: res
                .get("ChannelId")
                .and_then(label)
                .unwrap_or_else(|| UNKNOWN_SPEAKER.to_string()),
            start,
            end: end.unwrap_or(start).max(start),
            text,
        });
    }
    Ok(turns)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(label: &str, start: &str, end: &str, word: &str) -> String {
        format!(
            r#"{{"start_time":"{start}","end_time":"{end}","speaker_label":"{label}","type":"pronunciation","alternatives":[{{"confidence":"1.0","content":"{word}"}}]}}"#
        )
    }
    fn punct(label: &str, mark: &str) -> String {
        format!(
            r#"{{"speaker_label":"{label}","type":"punctuation","alternatives":[{{"confidence":"0.0","content":"{mark}"}}]}}"#
        )
    }

    #[test]
    fn punctuation_attaches_and_pauses_split() {
        let items = [
            item("spk_0", "0.5", "0.9", "selamat"),
            item("spk_0", "0.9", "1.3", "pagi"),
            punct("spk_0", ","),
            item("spk_0", "3.0", "3.4", "pln"), // 1.7 s pause: new turn
            punct("spk_0", "."),
            item("spk_1", "3.5", "3.9", "halo"),
        ]
        .join(",");
        let doc = format!(r#"{{"results":{{"transcripts":[],"items":[{items}]}}}}"#);
        let t = parse(&doc).unwrap();
        let got: Vec<(&str, &str)> = t
            .turns
            .iter()
            .map(|t| (t.speaker.as_str(), t.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("spk_0", "selamat pagi,"),
                ("spk_0", "pln."),
                ("spk_1", "halo")
            ]
        );
        assert_eq!(t.turns[1].start, 3.0);
    }

    #[test]
    fn unlabelled_items_take_speaker_from_segments() {
        let doc = r#"{"results":{"speaker_labels":{"segments":[{"start_time":"0.0","end_time":"2.0","speaker_label":"spk_1"},{"start_time":"2.0","end_time":"4.0","speaker_label":"spk_0"}]},
          "items":[{"start_time":"0.1","end_time":"0.5","type":"pronunciation","alternatives":[{"content":"a"}]},
                   {"start_time":"2.1","end_time":"2.5","type":"pronunciation","alternatives":[{"content":"b"}]}]}}"#;
        let t = parse(doc).unwrap();
        assert_eq!(t.turns[0].speaker, "spk_1");
        assert_eq!(t.turns[1].speaker, "spk_0");
    }

    #[test]
    fn channels_are_merged_in_time_order() {
        let doc = r#"{"results":{"channel_labels":{"channels":[
            {"channel_label":"ch_0","items":[{"start_time":"0.0","end_time":"0.4","type":"pronunciation","alternatives":[{"content":"pln"}]},
                                             {"start_time":"5.0","end_time":"5.4","type":"pronunciation","alternatives":[{"content":"baik"}]}]},
            {"channel_label":"ch_1","items":[{"start_time":"2.0","end_time":"2.4","type":"pronunciation","alternatives":[{"content":"halo"}]},
                                             {"type":"punctuation","alternatives":[{"content":"?"}]}]}]},"items":[]}}"#;
        let t = parse(doc).unwrap();
        let got: Vec<(&str, &str)> = t
            .turns
            .iter()
            .map(|t| (t.speaker.as_str(), t.text.as_str()))
            .collect();
        assert_eq!(got, [("ch_0", "pln"), ("ch_1", "halo?"), ("ch_0", "baik")]);
    }

    #[test]
    fn audio_segments_win() {
        let doc = r#"{"results":{"items":[],"audio_segments":[{"id":0,"transcript":"Halo.","start_time":"1.5","end_time":"2.0","speaker_label":"spk_0","items":[0]}]}}"#;
        let t = parse(doc).unwrap();
        assert_eq!(t.turns[0].text, "Halo.");
        assert_eq!(t.turns[0].start, 1.5);
    }

    #[test]
    fn streaming_event_without_speakers() {
        let doc = r#"{"TranscriptResultStream":{"TranscriptEvent":{"Transcript":{"Results":[
            {"Alternatives":[{"Transcript":"sebagian"}],"IsPartial":true,"StartTime":0.1,"EndTime":0.5},
            {"Alternatives":[{"Transcript":"nama saya andri"}],"IsPartial":false,"StartTime":0.1,"EndTime":1.0}]}}}}"#;
        let t = parse(doc).unwrap();
        assert_eq!(t.turns.len(), 1);
        assert_eq!(t.turns[0].speaker, "unknown");
    }

    #[test]
    fn string_times_are_checked() {
        let doc = format!(
            r#"{{"results":{{"items":[{}]}}}}"#,
            item("spk_0", "abc", "1", "x")
        );
        let e = parse(&doc).unwrap_err();
        assert!(
            e.message.contains("results.items[0].start_time"),
            "{}",
            e.message
        );
    }
}
