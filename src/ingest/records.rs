//! CSV records framed by this module rather than by a streaming parser, so that one bad
//! quote costs one record, not the rest of the file.
//!
//! A record is one physical line, or several when a quoted field holds a newline: lines
//! are joined while the record's count of `"` is odd (RFC 4180 escapes a quote as `""`,
//! which keeps the parity). A stray quote would otherwise swallow every following line.
//! So a record that spans lines but does not have the header's width, or that grows
//! past [`MAX_RECORD_LINES`] / [`MAX_RECORD_BYTES`], is given up: its first line is
//! reported bad and framing resumes at its second line ([`Records::resync`]). Every
//! line skipped this way is a bad record of its own, with its line number.

use std::collections::VecDeque;
use std::io::{self, BufRead};

/// Lines one quoted record may span before it is taken as an unterminated quote.
pub const MAX_RECORD_LINES: usize = 1 << 16;

/// Bytes one record may hold.
pub const MAX_RECORD_BYTES: usize = 1 << 20;

/// One record: its fields, first line (1-based), byte offset and line span.
/// The fields are a `csv::StringRecord` (one buffer, no allocation per field) whose
/// position carries the line and byte.
#[derive(Debug, Default)]
pub struct Raw {
    pub fields: csv::StringRecord,
    pub line: u64,
    pub byte: u64,
    pub lines: usize,
}

/// Why a record could not be framed or decoded.
#[derive(Debug, PartialEq, Eq)]
pub enum Bad {
    /// A quote opened and never closed within the bounds; line given.
    Unterminated(u64),
    /// The bytes of the record at this line are not UTF-8.
    Utf8(u64),
    /// Reading failed.
    Io(String),
}

/// A physical line kept for replay: text, line number, byte offset.
type Line = (Vec<u8>, u64, u64);

/// Records of a CSV stream.
pub struct Records<R> {
    rdr: R,
    /// Lines given back by a resync, read before the stream.
    replay: VecDeque<Line>,
    /// The lines of the record last returned (kept until the next one is read).
    last: Vec<Line>,
    next_line: u64,
    next_byte: u64,
    eof: bool,
}

fn quotes(b: &[u8]) -> usize {
    b.iter().filter(|&&c| c == b'"').count()
}

impl<R: BufRead> Records<R> {
    pub fn new(rdr: R) -> Records<R> {
        Records {
            rdr,
            replay: VecDeque::new(),
            last: Vec::new(),
            next_line: 1,
            next_byte: 0,
            eof: false,
        }
    }

    fn physical(&mut self) -> io::Result<Option<Line>> {
        if let Some(l) = self.replay.pop_front() {
            return Ok(Some(l));
        }
        if self.eof {
            return Ok(None);
        }
        let mut buf = Vec::new();
        let n = self.rdr.read_until(b'\n', &mut buf)?;
        if n == 0 {
            self.eof = true;
            return Ok(None);
        }
        let l = (buf, self.next_line, self.next_byte);
        self.next_line += 1;
        self.next_byte += n as u64;
        Ok(Some(l))
    }

    /// Gives back all lines of the record last returned but its first: framing goes on
    /// at its second line.
    pub fn resync(&mut self) {
        let mut rest: Vec<Line> = std::mem::take(&mut self.last);
        if !rest.is_empty() {
            rest.remove(0);
        }
        for l in rest.into_iter().rev() {
            self.replay.push_front(l);
        }
    }

    /// The next record, blank lines skipped; `None` at the end.
    pub fn next_record(&mut self) -> Option<Result<Raw, Bad>> {
        self.last.clear();
        loop {
            let first = match self.physical() {
                Ok(Some(l)) => l,
                Ok(None) => return None,
                Err(e) => return Some(Err(Bad::Io(e.to_string()))),
            };
            if first.0.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let (line, byte) = (first.1, first.2);
            let mut odd = quotes(&first.0) % 2 == 1;
            let mut size = first.0.len();
            self.last.push(first);
            while odd {
                if self.last.len() >= MAX_RECORD_LINES || size > MAX_RECORD_BYTES {
                    return Some(Err(Bad::Unterminated(line)));
                }
                match self.physical() {
                    Ok(Some(l)) => {
                        odd ^= quotes(&l.0) % 2 == 1;
                        size += l.0.len();
                        self.last.push(l);
                    }
                    Ok(None) => return Some(Err(Bad::Unterminated(line))),
                    Err(e) => return Some(Err(Bad::Io(e.to_string()))),
                }
            }
            let mut bytes: Vec<u8> = Vec::with_capacity(size);
            for l in &self.last {
                bytes.extend_from_slice(&l.0);
            }
            while matches!(bytes.last(), Some(b'\n' | b'\r')) {
                bytes.pop();
            }
            let Ok(text) = String::from_utf8(bytes) else {
                return Some(Err(Bad::Utf8(line)));
            };
            // Sized once: a record grown field by field reallocates several times.
            let commas = text.bytes().filter(|&b| b == b',').count();
            let mut fields = csv::StringRecord::with_capacity(text.len(), commas + 1);
            split(&text, &mut fields);
            let mut pos = csv::Position::new();
            pos.set_line(line).set_byte(byte);
            fields.set_position(Some(pos));
            return Some(Ok(Raw {
                fields,
                line,
                byte,
                lines: self.last.len(),
            }));
        }
    }
}

/// Splits one framed record into `out` (RFC 4180: `"` quotes a field, `""` inside
/// quotes is a quote; a quote inside an unquoted field is kept as is).
pub fn split(text: &str, out: &mut csv::StringRecord) {
    out.clear();
    if !text.contains('"') {
        for f in text.split(',') {
            out.push_field(f);
        }
        return;
    }
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cur.push('"');
                } else {
                    quoted = false;
                }
            } else {
                cur.push(c);
            }
        } else if c == ',' {
            out.push_field(&cur);
            cur.clear();
            at_start = true;
            continue;
        } else if c == '"' && at_start {
            quoted = true;
        } else {
            cur.push(c);
        }
        at_start = false;
    }
    out.push_field(&cur);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn all(text: &str) -> Vec<Result<(Vec<String>, u64), Bad>> {
        let mut r = Records::new(text.as_bytes());
        let mut out = Vec::new();
        while let Some(x) = r.next_record() {
            let failed = match &x {
                Ok(raw) => raw.lines > 1 && raw.fields.len() != 3,
                Err(Bad::Unterminated(_)) => true,
                Err(_) => false,
            };
            out.push(x.map(|r| (r.fields.iter().map(str::to_string).collect(), r.line)));
            if failed {
                r.resync();
            }
        }
        out
    }

    #[test]
    fn a_stray_quote_costs_one_record() {
        let text = "a,b,c\n1,\"x,3\n4,5,6\n7,8,9\n";
        let got = all(text);
        // Line 2 opens a quote that never closes: lines 2-4 frame as one record, too
        // wide or not; resync gives back lines 3 and 4.
        assert!(matches!(got[1], Err(Bad::Unterminated(2)) | Ok((_, 2))));
        let good: Vec<u64> = got
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .filter(|(f, _)| f.len() == 3)
            .map(|(_, l)| *l)
            .collect();
        assert_eq!(good, [1, 3, 4]);
    }

    #[test]
    fn quoted_newlines_and_escapes_are_one_record() {
        let text = "a,b,c\r\n1,\"two\nlines, \"\"q\"\"\",3\r\n\n4,5,6";
        let got = all(text);
        assert_eq!(
            got[1],
            Ok((vec!["1".into(), "two\nlines, \"q\"".into(), "3".into()], 2))
        );
        assert_eq!(got[2], Ok((vec!["4".into(), "5".into(), "6".into()], 5)));
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn bytes_and_lines_are_exact() {
        let mut r = Records::new(&b"h\n\nab\n\"c\nd\"\n"[..]);
        let offs: Vec<(u64, u64)> = std::iter::from_fn(|| r.next_record())
            .map(|x| x.map(|r| (r.line, r.byte)).unwrap())
            .collect();
        assert_eq!(offs, [(1, 0), (3, 3), (4, 6)]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
        // PROPTEST_CASES overrides (CI runs the full count in release).
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)
    ))]
        /// Well-formed CSV written by the csv crate frames and splits back to the same
        /// fields.
        #[test]
        fn agrees_with_the_csv_writer(
            rows in proptest::collection::vec(
                proptest::collection::vec("[a-c,\" \n\r]{0,6}", 3), 1..20)
        ) {
            let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
            for r in &rows {
                w.write_record(r).unwrap();
            }
            let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
            let mut recs = Records::new(text.as_bytes());
            let mut got = Vec::new();
            while let Some(r) = recs.next_record() {
                got.push(r.unwrap().fields.iter().map(str::to_string).collect::<Vec<_>>());
            }
            // Rows whose every field is blank are blank lines to the framer.
            let want: Vec<Vec<String>> = rows
                .into_iter()
                .filter(|r| !r.iter().all(|f| f.is_empty()) || r.len() > 1)
                .collect();
            prop_assert_eq!(got, want);
        }
    }
}
