//! JSON plumbing shared by the engine readers (Transcribe, Call Analytics, PCA, Deepgram,
//! Azure, Whisper): parsing with errors that say where and why, and lenient field access.
//!
//! The readers walk a [`serde_json::Value`] rather than typed structs because engine outputs
//! drift between versions (numbers written as strings, optional blocks, new fields); a
//! missing or mistyped field is reported with its JSON path (`results.items[12].end_time`),
//! since a `Value` no longer knows its line. Syntax errors keep serde_json's line and column.

use super::{ParseError, RawTranscript, RawTurn};
use serde_json::Value;

/// Parses a whole document; a leading byte-order mark is allowed.
pub(super) fn parse_document(text: &str) -> Result<Value, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| syntax_error(text, &e))
}

/// Parses one document or a stream of concatenated documents (one message per line, as
/// streaming APIs are usually logged). A single top-level array is returned as its items.
pub(super) fn parse_messages(text: &str) -> Result<Vec<Value>, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    loop {
        let offset = stream.byte_offset();
        match stream.next() {
            None => break,
            Some(Ok(v)) => out.push(v),
            Some(Err(e)) => {
                // After a complete document, a closing bracket is not the start of another
                // message but leftover data: say so rather than "expected value".
                let rest = text.get(offset..).unwrap_or("").trim_start();
                if !out.is_empty() && rest.starts_with(['}', ']']) && e.line() > 0 {
                    let line = e.line();
                    return Err(ParseError::new(
                        Some(line as u64),
                        format!(
                            "invalid JSON at line {line}, column {}: unexpected `{}` after the \
                             end of the document (a stray closing brace)",
                            e.column(),
                            &rest[..1]
                        ),
                    ));
                }
                return Err(syntax_error(text, &e));
            }
        }
    }
    if out.is_empty() {
        return Err(ParseError::new(Some(1), "empty file: no JSON document"));
    }
    if out.len() == 1 {
        if let Value::Array(items) = &out[0] {
            return Ok(items.clone());
        }
    }
    Ok(out)
}

/// A serde_json syntax error with its line and column, plus a guess at the usual causes
/// seen in published samples (comments, `...` elisions, raw line breaks, a stray brace).
pub(super) fn syntax_error(text: &str, e: &serde_json::Error) -> ParseError {
    let (line, col) = (e.line(), e.column());
    let full = e.to_string();
    let suffix = format!(" at line {line} column {col}");
    let msg = super::unquoted(full.strip_suffix(&suffix).unwrap_or(&full));
    let msg = msg.as_str();
    let src = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    // What the parser was looking at (serde_json columns are 1-based bytes).
    let at = src.get(col.saturating_sub(1)..).unwrap_or("").trim_start();
    let hint = if at.starts_with("//") || at.starts_with("/*") {
        " (a `//` comment; JSON has no comments)"
    } else if at.starts_with("...") {
        " (a `...` elision, as in documentation samples)"
    } else if msg.starts_with("control character") {
        " (a raw line break or tab inside a string; JSON needs it escaped as \\n)"
    } else if msg.starts_with("trailing characters") {
        " (data after the end of the document, e.g. a stray closing brace)"
    } else if msg.starts_with("EOF while parsing") {
        " (the document is cut short)"
    } else if msg.starts_with("expected `,`") && src.trim_start().starts_with('"') {
        " (a missing comma at the end of the line before?)"
    } else if src.contains("//") {
        " (a `//` comment; JSON has no comments)"
    } else if src.contains("...") {
        " (a `...` elision, as in documentation samples)"
    } else {
        ""
    };
    if line == 0 {
        return ParseError::new(None, format!("invalid JSON: {msg}{hint}"));
    }
    if col == 0 && line > 1 {
        // serde_json counts the line break itself as column 0 of the next line; the fault
        // is at the end of the line before.
        let line = line - 1;
        return ParseError::new(
            Some(line as u64),
            format!("invalid JSON at the end of line {line}: {msg}{hint}"),
        );
    }
    ParseError::new(
        Some(line as u64),
        format!("invalid JSON at line {line}, column {col}: {msg}{hint}"),
    )
}

/// An error about a field, named by its JSON path.
pub(super) fn field_error(path: &str, message: impl std::fmt::Display) -> ParseError {
    ParseError::new(None, format!("{path}: {message}"))
}

/// The array at `key` of `v`, or an error naming `path.key`.
pub(super) fn array<'a>(v: &'a Value, key: &str, path: &str) -> Result<&'a [Value], ParseError> {
    match v.get(key) {
        Some(Value::Array(a)) => Ok(a),
        Some(other) => Err(field_error(
            &join(path, key),
            format!("expected an array, found {}", kind(other)),
        )),
        None => Err(field_error(&join(path, key), "missing")),
    }
}

/// A time in seconds from a number or a numeric string (Transcribe writes `"4.87"`), scaled
/// by `unit` (0.001 for milliseconds, 1e-7 for ticks). Missing or null gives `None`;
/// anything else that is not a finite, non-negative time is an error naming `path`.
pub(super) fn opt_time(
    v: Option<&Value>,
    unit: f64,
    path: &str,
) -> Result<Option<f64>, ParseError> {
    let raw = match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Number(n)) => n.as_f64(),
        Some(Value::String(s)) => s.trim().parse::<f64>().ok(),
        Some(_) => None,
    };
    match raw.map(|x| x * unit) {
        Some(t) if t.is_finite() && t >= 0.0 => Ok(Some(t)),
        _ => Err(field_error(
            path,
            format!("not a time (found {})", kind(v.unwrap_or(&Value::Null))),
        )),
    }
}

/// Like [`opt_time`] but the field must be there.
pub(super) fn time(v: Option<&Value>, unit: f64, path: &str) -> Result<f64, ParseError> {
    opt_time(v, unit, path)?.ok_or_else(|| field_error(path, "missing time"))
}

/// A speaker or channel label as the file writes it: strings verbatim, numbers as digits.
pub(super) fn label(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A string field, if it is one.
pub(super) fn str_field<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// `path.key`, or `key` at the root.
pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Collapses runs of whitespace (engines leave leading spaces and line breaks in text).
pub(super) fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads a file that is either one batch document (`is_batch`) or a stream of messages,
/// one call: the batch reader or the per-message reader, as the file says.
pub(super) fn batch_or_stream<T: IntoIterator<Item = RawTurn>>(
    text: &str,
    is_batch: impl Fn(&Value) -> bool,
    batch: impl Fn(&Value) -> Result<Vec<RawTurn>, ParseError>,
    message: impl Fn(&Value, usize) -> Result<T, ParseError>,
) -> Result<RawTranscript, ParseError> {
    let messages = parse_messages(text)?;
    let turns = match messages.as_slice() {
        [doc] if is_batch(doc) => batch(doc)?,
        _ => {
            let mut turns = Vec::new();
            for (m, msg) in messages.iter().enumerate() {
                turns.extend(message(msg, m)?);
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn syntax_errors_name_line_and_cause() {
        let e = parse_document("{\n  \"a\": 1, // note\n}").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("line 2"), "{}", e.message);
        assert!(e.message.contains("comment"), "{}", e.message);

        let e = parse_document("{\"a\": \"x\ny\"}").unwrap_err();
        assert!(e.message.contains("line break"), "{}", e.message);

        let e = parse_document("{}\n}").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("stray"), "{}", e.message);

        let e = parse_document("[\n  1,\n  ...\n]").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("elision"), "{}", e.message);
    }

    #[test]
    fn times_from_numbers_and_strings() {
        let v = json!({"a": "4.87", "b": 1500, "c": "x", "d": -1});
        assert_eq!(opt_time(v.get("a"), 1.0, "a").unwrap(), Some(4.87));
        assert_eq!(opt_time(v.get("b"), 0.001, "b").unwrap(), Some(1.5));
        assert_eq!(opt_time(v.get("z"), 1.0, "z").unwrap(), None);
        assert!(opt_time(v.get("c"), 1.0, "x.c")
            .unwrap_err()
            .message
            .starts_with("x.c:"));
        assert!(opt_time(v.get("d"), 1.0, "d").is_err());
        let nan = json!("NaN");
        assert!(opt_time(Some(&nan), 1.0, "n").is_err());
    }

    #[test]
    fn messages_from_stream_or_array() {
        assert_eq!(parse_messages("{}\n{}\n").unwrap().len(), 2);
        assert_eq!(parse_messages("[{}, {}, {}]").unwrap().len(), 3);
        let e = parse_messages("{\n}\n}").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("stray closing brace"), "{}", e.message);
        let e = parse_document("{\"a\": {}\n \"b\": 1}").unwrap_err();
        assert!(e.message.contains("missing comma"), "{}", e.message);
        assert!(parse_messages("  ").is_err());
    }
}
