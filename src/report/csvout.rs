//! CSV rows written straight into byte buffers, as `csv::Writer` writes them.
//!
//! Report rows are built on the worker threads into one buffer per block of calls, so
//! the thread that writes the reports only copies bytes, and no per-field `String` or
//! per-record writer state exists. The output is what `csv::Writer` does with its
//! defaults (quote only when needed, quotes doubled, `\n` ends a record): a field is
//! quoted when it holds `,`, `"`, `\r` or `\n` (checked against the csv crate by a
//! property test). Records here always have several fields, so the csv crate's special
//! case of a record made of one empty field never arises.
//!
//! Cells are neutralised against CSV (formula) injection by default, by the OWASP rule:
//! a text cell starting with `=`, `+`, `-`, `@`, TAB or CR gets a leading `'`, so a
//! spreadsheet shows it as text instead of running it. [`Cells::Raw`] (`--raw-cells`)
//! writes every cell as it is. Only the first byte is looked at, so the cost is one
//! compare per cell.

/// How text cells are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Cells {
    /// Cells that a spreadsheet would run as a formula get a leading `'`.
    #[default]
    Neutral,
    /// Every cell as it is.
    Raw,
}

/// Whether a spreadsheet would take a cell starting with `b` for a formula (OWASP).
fn formula_start(b: u8) -> bool {
    matches!(b, b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
}

impl Cells {
    /// The cell as it is written (before CSV quoting).
    pub fn apply<'a>(self, cell: &'a str) -> std::borrow::Cow<'a, str> {
        match cell.as_bytes().first() {
            Some(&b) if self == Cells::Neutral && formula_start(b) => format!("'{cell}").into(),
            _ => cell.into(),
        }
    }
}

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

/// Appends one field, quoted if it must be, neutralised by `cells`.
pub fn push_field(out: &mut Vec<u8>, field: &[u8], cells: Cells) {
    let neutral = cells == Cells::Neutral && field.first().is_some_and(|&b| formula_start(b));
    if !needs_quotes(field) {
        if neutral {
            out.push(b'\'');
        }
        out.extend_from_slice(field);
        return;
    }
    out.push(b'"');
    if neutral {
        out.push(b'\'');
    }
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
    cells: Cells,
}

impl<'a> Row<'a> {
    /// A record whose text cells are neutralised ([`Cells::Neutral`]).
    pub fn new(out: &'a mut Vec<u8>) -> Row<'a> {
        Row::with(out, Cells::Neutral)
    }

    /// A record whose text cells are written as `cells` says.
    pub fn with(out: &'a mut Vec<u8>, cells: Cells) -> Row<'a> {
        Row {
            out,
            first: true,
            cells,
        }
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
        push_field(self.out, s.as_bytes(), self.cells);
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
pub fn push_record<S: AsRef<str>>(out: &mut Vec<u8>, fields: &[S], cells: Cells) {
    let mut row = Row::with(out, cells);
    for f in fields {
        row.field(f.as_ref());
    }
    row.end();
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `csv::Writer` writes for the record, each cell first passed through `cells`.
    fn with_csv(fields: &[String], cells: Cells) -> Vec<u8> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(fields.iter().map(|f| cells.apply(f).into_owned()))
            .unwrap();
        w.into_inner().unwrap()
    }

    #[test]
    fn quoting() {
        let mut out = Vec::new();
        let fields = ["a", "", "b,c", "say \"hi\"", "x\ny", "\r", "é"];
        push_record(&mut out, &fields, Cells::Raw);
        assert_eq!(
            out,
            b"a,,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\",\"\r\",\xc3\xa9\n"
        );
    }

    #[test]
    fn formulas_neutralised() {
        let fields = [
            "=HYPERLINK(\"http://x\",\"y\")",
            "@SUM(A1)",
            "+cmd",
            "-2+3",
            "\tx",
            "\rx",
            "a=b",
            "'=already",
            "",
        ];
        let mut out = Vec::new();
        push_record(&mut out, &fields, Cells::Neutral);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@SUM(A1),'+cmd,'-2+3,'\tx,\"'\rx\",a=b,'=already,\n"
        );
        let mut raw = Vec::new();
        push_record(&mut raw, &fields, Cells::Raw);
        let plain: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        assert_eq!(raw, with_csv(&plain, Cells::Raw));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
        // PROPTEST_CASES overrides (CI runs the full count in release).
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512)
    ))]

        #[test]
        fn equals_csv_writer(fields in proptest::collection::vec("[a-z ,\"\r\n\t'#=+@\\-\\\\é0-9.]{0,40}", 2..8)) {
            for cells in [Cells::Raw, Cells::Neutral] {
                let mut out = Vec::new();
                push_record(&mut out, &fields, cells);
                prop_assert_eq!(out, with_csv(&fields, cells));
            }
        }

        #[test]
        fn equals_csv_writer_any_text(fields in proptest::collection::vec(any::<String>(), 2..6)) {
            for cells in [Cells::Raw, Cells::Neutral] {
                let mut out = Vec::new();
                push_record(&mut out, &fields, cells);
                prop_assert_eq!(out, with_csv(&fields, cells));
            }
        }

        /// A neutralised cell, read back by a CSV reader, is the cell with a `'` in front
        /// exactly when it starts like a formula, and never starts like one itself.
        #[test]
        fn neutral_cells_read_back(fields in proptest::collection::vec("[=+@\\-\t\ra-z,\"]{0,12}", 2..6)) {
            let mut out = Vec::new();
            push_record(&mut out, &fields, Cells::Neutral);
            let mut rdr = csv::ReaderBuilder::new().has_headers(false).from_reader(&out[..]);
            let rec = rdr.records().next().unwrap().unwrap();
            for (got, want) in rec.iter().zip(&fields) {
                prop_assert!(!got.as_bytes().first().is_some_and(|&b| formula_start(b)));
                let formula = want.as_bytes().first().is_some_and(|&b| formula_start(b));
                prop_assert_eq!(got.strip_prefix('\'').filter(|_| formula).unwrap_or(got), want.as_str());
            }
        }
    }
}
