//! The engine's own confidence in a transcript, 0..=1: the mean over its recognised
//! words, from whatever the JSON output carries.
//!
//! One walk serves every JSON engine format, because they spell word confidence alike:
//! an object with a text (`word`, `content`, `Content`, `Text`, `text`, `transcript`,
//! `display`, `lexical`) and a `confidence` / `Confidence` / `probability` in 0..=1 (Amazon Transcribe
//! items, Call Analytics `Items[]`, PCA `WordConfidence[]`, Deepgram words, Whisper
//! `words[]`, Azure `nBest[]`), or a Whisper segment's `avg_logprob` (read as
//! `exp(avg_logprob)`, the geometric mean of its token probabilities). The finest level
//! wins: an object whose children carry confidences (a Deepgram alternative, a Whisper
//! segment with words) is not counted itself. Only the best hypothesis counts (the first
//! of `alternatives` / `nBest`), partial streaming results are skipped, and punctuation
//! items weigh nothing (a weight is the number of words of the item's text). Copies of the
//! same words (Transcribe's channel lists, Deepgram's utterances) do not move a mean.

use serde_json::{Map, Value};

const TEXT_KEYS: [&str; 11] = [
    "word",
    "punctuated_word",
    "content",
    "Content",
    "Text",
    "text",
    "display",
    "lexical",
    "Word",
    "transcript",
    "Transcript",
];
const CONFIDENCE_KEYS: [&str; 3] = ["confidence", "Confidence", "probability"];
/// Arrays of which only the first element is the recognised text.
const HYPOTHESES: [&str; 3] = ["alternatives", "Alternatives", "nBest"];
/// Subtrees whose confidences are not about recognition (entity detection).
const SKIPPED: [&str; 3] = ["Entities", "entities", "speaker_confidence"];

/// Weighted sum of confidences.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Sum {
    total: f64,
    weight: f64,
}

impl Sum {
    fn add(&mut self, c: f64, w: f64) {
        self.total += c * w;
        self.weight += w;
    }

    fn merge(&mut self, o: Sum) {
        self.total += o.total;
        self.weight += o.weight;
    }
}

/// Mean word confidence of a parsed document, or `None` when it carries none.
pub fn of(doc: &Value) -> Option<f64> {
    of_all(std::slice::from_ref(doc))
}

/// Mean word confidence of several messages of one call (a streaming output).
pub fn of_all(docs: &[Value]) -> Option<f64> {
    let mut s = Sum::default();
    for d in docs {
        s.merge(walk(d));
    }
    (s.weight > 0.0).then(|| (s.total / s.weight).clamp(0.0, 1.0))
}

/// A number, or a string holding one (Transcribe writes `"0.98"`).
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|x: &f64| x.is_finite())
}

/// Words of an item's text that hold a letter or digit.
fn words(o: &Map<String, Value>) -> f64 {
    TEXT_KEYS
        .iter()
        .find_map(|k| o.get(*k).and_then(Value::as_str))
        .map_or(0, |t| {
            t.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
        }) as f64
}

/// This object's own confidence, when it is a word-level item or a Whisper segment.
fn own(o: &Map<String, Value>) -> Option<f64> {
    let c = CONFIDENCE_KEYS
        .iter()
        .find_map(|k| o.get(*k).and_then(number))
        .filter(|c| (0.0..=1.0).contains(c));
    c.or_else(|| {
        o.get("avg_logprob")
            .and_then(number)
            .filter(|l| *l <= 0.0)
            .map(f64::exp)
    })
}

fn partial(o: &Map<String, Value>) -> bool {
    o.get("is_final") == Some(&Value::Bool(false)) || o.get("IsPartial") == Some(&Value::Bool(true))
}

fn walk(v: &Value) -> Sum {
    let mut s = Sum::default();
    match v {
        Value::Array(items) => items.iter().for_each(|i| s.merge(walk(i))),
        Value::Object(o) if partial(o) => {}
        Value::Object(o) => {
            for (k, child) in o {
                if SKIPPED.contains(&k.as_str()) {
                    continue;
                }
                match child {
                    Value::Array(a) if HYPOTHESES.contains(&k.as_str()) => {
                        if let Some(best) = a.first() {
                            s.merge(walk(best));
                        }
                    }
                    Value::Array(_) | Value::Object(_) => s.merge(walk(child)),
                    _ => {}
                }
            }
            if s.weight == 0.0 {
                if let Some(c) = own(o) {
                    let w = words(o);
                    if w > 0.0 {
                        s.add(c, w);
                    }
                }
            }
        }
        _ => {}
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn whisper_words_beat_the_segment_mean() {
        let doc = json!({"segments": [
            {"text": " a b", "avg_logprob": -0.1,
             "words": [{"word": " a", "probability": 0.9}, {"word": " b", "probability": 0.5}]},
            {"text": " c d", "avg_logprob": (0.4f64).ln()}
        ]});
        // Two words at 0.9 and 0.5, then two at exp(ln 0.4).
        assert!(
            close(of(&doc), (0.9 + 0.5 + 0.4 + 0.4) / 4.0),
            "{:?}",
            of(&doc)
        );
    }

    #[test]
    fn transcribe_items_skip_punctuation_and_read_strings() {
        let doc = json!({"results": {"items": [
            {"type": "pronunciation", "alternatives": [{"confidence": "0.8", "content": "halo"}]},
            {"type": "punctuation", "alternatives": [{"confidence": "0.0", "content": ","}]},
            {"type": "pronunciation", "alternatives": [
                {"confidence": "0.6", "content": "pak"}, {"confidence": "0.1", "content": "bak"}]}
        ]}});
        assert!(close(of(&doc), 0.7));
    }

    #[test]
    fn deepgram_words_not_the_alternative_and_finals_only() {
        let doc = json!({"results": {"channels": [{"alternatives": [{
            "transcript": "selamat pagi", "confidence": 0.99,
            "words": [{"word": "selamat", "confidence": 0.5, "speaker_confidence": 0.1},
                      {"word": "pagi", "confidence": 0.7}]}]}]}});
        assert!(close(of(&doc), 0.6));
        let stream = [
            json!({"is_final": false, "channel": {"alternatives": [{"transcript": "x", "confidence": 0.1}]}}),
            json!({"is_final": true, "channel": {"alternatives": [{"transcript": "x y", "confidence": 0.9}]}}),
        ];
        assert!(close(of_all(&stream), 0.9));
    }

    #[test]
    fn azure_phrases_weigh_by_words() {
        let doc = json!({"recognizedPhrases": [
            {"nBest": [{"confidence": 0.5, "lexical": "satu dua tiga"}, {"confidence": 0.9, "lexical": "x"}]},
            {"nBest": [{"confidence": 0.9, "lexical": "empat"}]}
        ]});
        assert!(close(of(&doc), (3.0 * 0.5 + 0.9) / 4.0));
    }

    #[test]
    fn pca_word_confidence_and_nothing_to_read() {
        let doc = json!({"ConversationAnalytics": {"SourceInformation": [{"TranscribeJobInfo": {"AverageWordConfidence": 0.2}}]},
            "SpeechSegments": [{"DisplayText": "ya", "WordConfidence": [{"Text": "ya", "Confidence": 0.75}]}]});
        assert!(close(of(&doc), 0.75));
        assert_eq!(
            of(&json!({"segments": [{"text": "halo", "start": 0}]})),
            None
        );
        // Out-of-range values are no confidence.
        assert_eq!(of(&json!([{"word": "a", "confidence": 3.0}])), None);
    }
}
