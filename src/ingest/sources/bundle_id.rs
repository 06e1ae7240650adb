//! The call id of a JSONL bundle line, found without serde on the common path.
//!
//! The thread that merges bundles must know each line's call id, and whether serde
//! would read `{"call_id": …}` from it at all (a line serde rejects is skipped with its
//! error). Deserializing a struct that ignores the turns still walks every byte through
//! serde's visitor machinery (about 12 % of that thread). [`simple_id`] is a plain
//! JSON syntax check that is *sound* for the case it accepts: when it returns an id,
//! serde would have parsed the line and read that very id. Anything it is not sure of
//! (escapes in keys or in the id, a non-string id, a duplicate `call_id`, deep nesting,
//! any syntax error) gives `None`, and the caller asks serde, which decides exactly
//! (errors keep serde's message).

/// Deepest nesting accepted here; deeper lines go to serde.
const MAX_DEPTH: usize = 64;

/// The call id, when the line is surely valid JSON that serde reads as an object with
/// exactly one `call_id` key holding a non-blank string without escapes.
pub fn simple_id(line: &str) -> Option<&str> {
    let b = line.as_bytes();
    let mut i = ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    let mut id: Option<&str> = None;
    loop {
        i = ws(b, i);
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let key_start = i + 1;
        let (end, escaped) = string(b, i)?;
        if escaped {
            return None;
        }
        let key = &b[key_start..end - 1];
        i = ws(b, end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = ws(b, i + 1);
        if key == b"call_id" {
            if id.is_some() || b.get(i) != Some(&b'"') {
                return None;
            }
            let (end, escaped) = string(b, i)?;
            if escaped {
                return None;
            }
            id = Some(line.get(i + 1..end - 1)?);
            i = end;
        } else {
            i = value(b, i)?;
        }
        i = ws(b, i);
        match b.get(i) {
            Some(b',') => i += 1,
            Some(b'}') => break,
            _ => return None,
        }
    }
    if ws(b, i + 1) != b.len() {
        return None;
    }
    id.filter(|s| !s.trim().is_empty())
}

/// Skips JSON whitespace (as serde_json defines it).
fn ws(b: &[u8], mut i: usize) -> usize {
    while let Some(b' ' | b'\n' | b'\t' | b'\r') = b.get(i) {
        i += 1;
    }
    i
}

/// Whether any byte of `w` is `"`, `\` or a control character (< 0x20).
fn special_word(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    zero(w ^ (ONES * u64::from(b'"')))
        | zero(w ^ (ONES * u64::from(b'\\')))
        | (w.wrapping_sub(ONES * 0x20) & !w & HIGH)
}

/// Skips the string opening at `b[i] == '"'`: the index after its closing quote, and
/// whether it had escapes. `None` on a control character, a bad escape or no end.
fn string(b: &[u8], i: usize) -> Option<(usize, bool)> {
    let mut i = i + 1;
    let mut escaped = false;
    loop {
        // Eight bytes at a time up to the next '"', '\\' or control byte.
        while i + 8 <= b.len() {
            let w = u64::from_le_bytes(b[i..i + 8].try_into().ok()?);
            let m = special_word(w);
            if m != 0 {
                i += (m.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        match *b.get(i)? {
            b'"' => return Some((i + 1, escaped)),
            b'\\' => {
                escaped = true;
                match *b.get(i + 1)? {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => i += 2,
                    b'u' => {
                        let hex = b.get(i + 2..i + 6)?;
                        if !hex.iter().all(u8::is_ascii_hexdigit) {
                            return None;
                        }
                        i += 6;
                    }
                    _ => return None,
                }
            }
            c if c < 0x20 => return None,
            _ => i += 1,
        }
    }
}

/// Skips a number (JSON grammar, as serde_json checks it).
fn number(b: &[u8], mut i: usize) -> Option<usize> {
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    let digits = |mut i: usize| {
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        (i > start).then_some(i)
    };
    match b.get(i)? {
        b'0' => {
            i += 1;
            if b.get(i).is_some_and(u8::is_ascii_digit) {
                return None;
            }
        }
        b'1'..=b'9' => i = digits(i)?,
        _ => return None,
    }
    if b.get(i) == Some(&b'.') {
        i = digits(i + 1)?;
    }
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        if let Some(b'+' | b'-') = b.get(i) {
            i += 1;
        }
        i = digits(i)?;
    }
    Some(i)
}

/// Skips one value starting at `b[i]` (no leading whitespace); nesting is tracked on a
/// small stack so a deep line cannot overflow ours.
fn value(b: &[u8], mut i: usize) -> Option<usize> {
    let mut stack: Vec<u8> = Vec::new();
    loop {
        // One value (or the opening of a container).
        match *b.get(i)? {
            b'"' => i = string(b, i)?.0,
            b'{' | b'[' => {
                let open = b[i];
                let close = if open == b'{' { b'}' } else { b']' };
                i = ws(b, i + 1);
                if b.get(i) == Some(&close) {
                    i += 1;
                } else {
                    if stack.len() == MAX_DEPTH {
                        return None;
                    }
                    stack.push(close);
                    if close == b'}' {
                        i = key(b, i)?;
                    }
                    continue;
                }
            }
            b't' => i = lit(b, i, b"true")?,
            b'f' => i = lit(b, i, b"false")?,
            b'n' => i = lit(b, i, b"null")?,
            _ => i = number(b, i)?,
        }
        // After a value: close containers or move to the next element.
        loop {
            let Some(&close) = stack.last() else {
                return Some(i);
            };
            i = ws(b, i);
            match *b.get(i)? {
                b',' => {
                    i = ws(b, i + 1);
                    if close == b'}' {
                        i = key(b, i)?;
                    }
                    break;
                }
                c if c == close => {
                    stack.pop();
                    i += 1;
                }
                _ => return None,
            }
        }
    }
}

/// Skips `"key" :` and the whitespace after it.
fn key(b: &[u8], i: usize) -> Option<usize> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let i = ws(b, string(b, i)?.0);
    (b.get(i) == Some(&b':')).then(|| ws(b, i + 1))
}

fn lit(b: &[u8], i: usize, word: &[u8]) -> Option<usize> {
    (b.get(i..i + word.len())? == word).then_some(i + word.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(serde::Deserialize)]
    struct IdOnly {
        call_id: serde_json::Value,
    }

    /// What serde makes of a line: the id read_head would take, or nothing.
    fn serde_id(line: &str) -> Option<String> {
        match serde_json::from_str::<IdOnly>(line).ok()?.call_id {
            serde_json::Value::String(s) if !s.trim().is_empty() => Some(s),
            _ => None,
        }
    }

    fn sound(line: &str) {
        if let Some(id) = simple_id(line) {
            assert_eq!(Some(id.to_string()), serde_id(line), "{line:?}");
        }
    }

    #[test]
    fn accepts_bundle_lines() {
        let line = r#"{"call_id":"C1","turns":[{"speaker":"agent","start":2.4,"end":-6e3,"text":"pln \"123\" \u00e9 selamat"},{"x":[true,false,null,{}, [] ,0.5]}]}"#;
        assert_eq!(simple_id(line), Some("C1"));
        assert_eq!(
            simple_id(" { \"a\" : 1 , \"call_id\" : \"C 2\" } \n"),
            Some("C 2")
        );
    }

    #[test]
    fn unsure_or_invalid_goes_to_serde() {
        for line in [
            r#"{"call_id":"C1","call_id":"C2"}"#,
            r#"{"call_id":7}"#,
            r#"{"call_id":" "}"#,
            r#"{"call\u005fid":"C1"}"#,
            r#"{"call_id":"C\"1"}"#,
            r#"{"call_id":"C1",}"#,
            r#"{"call_id":"C1","t":[1,]}"#,
            r#"{"call_id":"C1","t":01}"#,
            r#"{"call_id":"C1","t":1.}"#,
            r#"{"call_id":"C1","t":tru}"#,
            r#"{"call_id":"C1","t":"\x"}"#,
            "{\"call_id\":\"C1\",\"t\":\"a\tb\"}",
            r#"{"call_id":"C1"} x"#,
            r#"{"call_id":"C1""#,
            r#"["C1"]"#,
            r#"{"turns":[]}"#,
            "",
        ] {
            assert_eq!(simple_id(line), None, "{line}");
            sound(line);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
        // PROPTEST_CASES overrides (CI runs the full count in release).
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok())
            .unwrap_or(if cfg!(debug_assertions) { 256 } else { 1024 })
    ))]

        /// Lines made of JSON-ish pieces: whenever an id is returned, serde agrees.
        #[test]
        fn never_accepts_what_serde_rejects(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("{".to_string()), Just("}".to_string()), Just("[".to_string()),
                    Just("]".to_string()), Just(",".to_string()), Just(":".to_string()),
                    Just(" ".to_string()), Just("\"call_id\"".to_string()),
                    Just("\"turns\"".to_string()), Just("\"C1\"".to_string()),
                    Just("true".to_string()), Just("null".to_string()),
                    "-?[0-9]{0,3}(\\.[0-9]{0,2})?([eE][-+]?[0-9]{0,2})?",
                    "\"[a-z\\\\\"\t/u0-9]{0,6}\"",
                ],
                0..24,
            )
        ) {
            let line = format!("{{\"call_id\":\"C0\",\"x\":{}", parts.concat());
            sound(&line);
            sound(&parts.concat());
        }

        #[test]
        fn sound_on_any_text(line in "\\PC{0,40}") {
            sound(&line);
        }
    }
}
