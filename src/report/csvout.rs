//! CSV rows written straight into byte buffers, as `csv::Writer` writes them.
//!
//! Report rows are built on the worker threads into one buffer per block of calls, so
//! the thread that writes the reports only copies bytes, and no per-field `String` or
//! per-record writer state exists. The output is what `csv::Writer` does with its
//! defaults (quote only when needed, quotes doubled, `\n` ends a record): a field is
//! quoted when it holds `,`, `"`, `\r` or `\n` (checked against the csv crate by a
//! property test). Records here always have several fields, so the csv crate's special
//! case of a record made of one empty field never arises.

/// Whether a field must be quoted: it holds `,`, `"`, `\r` or `\n`. Checked eight
/// bytes at a time: most fields are free text (evidence) and none of them needs quotes.
fn needs_quotes(field: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut words = field.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        let hit = zero(w ^ (ONES * u64::from(b',')))
            | zero(w ^ (ONES * u64::from(b'"')))
            | zero(w ^ (ONES * u64::from(b'\r')))
            | zero(w ^ (ONES * u64::from(b'\n')));
        if hit != 0 {
            return true;
        }
    }
    words
        .remainder()
        .iter()
        .any(|&b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
}

/// Appends one field, quoted if it must be.
pub fn push_field(out: &mut Vec<u8>, field: &[u8]) {
    if !needs_quotes(field) {
        out.extend_from_slice(field);
        return;
    }
    out.push(b'"');
    let mut rest = field;
    while let Some(i) = rest.iter().position(|&b| b == b'"') {
        out.extend_from_slice(&rest[..=i]);
        out.push(b'"');
        rest = &rest[i + 1..];
    }
    out.extend_from_slice(rest);
    out.push(b'"');
}

/// Builds one record field by field.
pub struct Row<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> Row<'a> {
    pub fn new(out: &'a mut Vec<u8>) -> Row<'a> {
        Row { out, first: true }
    }

    fn sep(&mut self) {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
    }

    /// A text field.
    pub fn field(&mut self, s: &str) -> &mut Self {
        self.sep();
        push_field(self.out, s.as_bytes());
        self
    }

    /// A field written by `f`, which must not write a `,`, `"`, `\r` or `\n`.
    pub fn plain(&mut self, f: impl FnOnce(&mut Vec<u8>)) -> &mut Self {
        self.sep();
        f(self.out);
        self
    }

    /// Ends the record.
    pub fn end(&mut self) {
        self.out.push(b'\n');
    }
}

/// Appends a whole record of text fields.
pub fn push_record<S: AsRef<str>>(out: &mut Vec<u8>, fields: &[S]) {
    let mut row = Row::new(out);
    for f in fields {
        row.field(f.as_ref());
    }
    row.end();
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn with_csv(fields: &[String]) -> Vec<u8> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(fields).unwrap();
        w.into_inner().unwrap()
    }

    #[test]
    fn quoting() {
        let mut out = Vec::new();
        push_record(&mut out, &["a", "", "b,c", "say \"hi\"", "x\ny", "\r", "é"]);
        assert_eq!(
            out,
            b"a,,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\",\"\r\",\xc3\xa9\n"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]

        #[test]
        fn equals_csv_writer(fields in proptest::collection::vec("[a-z ,\"\r\n'#\\\\é0-9.]{0,40}", 2..8)) {
            let mut out = Vec::new();
            push_record(&mut out, &fields);
            prop_assert_eq!(out, with_csv(&fields));
        }

        #[test]
        fn equals_csv_writer_any_text(fields in proptest::collection::vec(any::<String>(), 2..6)) {
            let mut out = Vec::new();
            push_record(&mut out, &fields);
            prop_assert_eq!(out, with_csv(&fields));
        }
    }
}
