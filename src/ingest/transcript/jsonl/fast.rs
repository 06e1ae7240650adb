//! The common shape of a bundle line, read without buffering.
//!
//! The general [`super::Line`] takes times as `#[serde(untagged)]` numbers-or-strings
//! (serde first copies each value into an intermediate `Content`, then tries each
//! variant) and speakers as `serde_json::Value` (a `String` that is then cloned). Here
//! times are read by one visitor that takes a number or a string, and speakers must be
//! strings. Where this shape fails, the caller parses again with the general one, so
//! this only has to agree with it where it succeeds: the same fields, aliases and
//! defaults, and the same values (a number becomes `f64` with `as`, as serde's own
//! untagged path does).

use super::{Seconds, TurnJson};
use serde::de::{Deserializer, Error, Visitor};
use serde::Deserialize;
use std::fmt;

#[derive(Deserialize)]
pub(super) struct Line {
    call_id: serde_json::Value,
    #[serde(default)]
    turns: Vec<Turn>,
}

#[derive(Deserialize)]
struct Turn {
    #[serde(alias = "role", alias = "speaker_label")]
    speaker: Label,
    #[serde(default)]
    start: Option<Secs>,
    #[serde(default)]
    end: Option<Secs>,
    #[serde(default)]
    text: String,
}

/// A speaker label given as a JSON string (other types fail: the general shape reads
/// them).
struct Label(String);

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Label;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: Error>(self, v: &str) -> Result<Label, E> {
                Ok(Label(v.to_owned()))
            }
            fn visit_string<E: Error>(self, v: String) -> Result<Label, E> {
                Ok(Label(v))
            }
        }
        d.deserialize_string(V)
    }
}

/// A time as a number or a numeric string, read in one pass.
struct Secs(Seconds);

impl<'de> Deserialize<'de> for Secs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Secs;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or a string")
            }
            fn visit_f64<E: Error>(self, v: f64) -> Result<Secs, E> {
                Ok(Secs(Seconds::Number(v)))
            }
            fn visit_u64<E: Error>(self, v: u64) -> Result<Secs, E> {
                Ok(Secs(Seconds::Number(v as f64)))
            }
            fn visit_i64<E: Error>(self, v: i64) -> Result<Secs, E> {
                Ok(Secs(Seconds::Number(v as f64)))
            }
            fn visit_str<E: Error>(self, v: &str) -> Result<Secs, E> {
                Ok(Secs(Seconds::Text(v.to_owned())))
            }
            fn visit_string<E: Error>(self, v: String) -> Result<Secs, E> {
                Ok(Secs(Seconds::Text(v)))
            }
        }
        d.deserialize_any(V)
    }
}

impl From<Line> for super::Line {
    fn from(l: Line) -> super::Line {
        super::Line {
            call_id: l.call_id,
            turns: l
                .turns
                .into_iter()
                .map(|t| TurnJson {
                    speaker: serde_json::Value::String(t.speaker.0),
                    start: t.start.map(|s| s.0),
                    end: t.end.map(|s| s.0),
                    text: t.text,
                })
                .collect(),
        }
    }
}
