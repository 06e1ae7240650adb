//! Where every key and list item of a profile stands in its TOML text, read from the
//! spans the TOML parser (`toml_edit`, the parser under `toml`) keeps, so a semantic error
//! found after parsing (an empty list, an unknown slot, an unknown step id, a threshold out
//! of range) names the line of the value at fault, not just its key.
//!
//! The index is built on the first look-up: a valid profile, the usual case at every
//! start of the binary, never pays for a second parse of its text.

use std::cell::OnceCell;
use std::collections::HashMap;
use toml_edit::{ImDocument, Item, Table, Value};

/// Line (1-based) of every value of a profile's text, by dotted key path; a list item is
/// `key[i]` (`steps.closing.thanks[0]`).
#[derive(Debug, Default)]
pub struct Spans<'t> {
    text: &'t str,
    index: OnceCell<Index>,
}

#[derive(Debug, Default)]
struct Index {
    lines: HashMap<String, usize>,
}

impl<'t> Spans<'t> {
    /// The spans of a TOML text, indexed when first asked; empty when the text does not
    /// parse (its parse error names the line then).
    pub fn parse(text: &'t str) -> Spans<'t> {
        Spans {
            text,
            index: OnceCell::new(),
        }
    }

    fn lines(&self) -> &HashMap<String, usize> {
        &self.index.get_or_init(|| Index::of(self.text)).lines
    }

    /// Line of the value of `key` (`scoring.weights.greeting`).
    pub fn line(&self, key: &str) -> Option<usize> {
        self.lines().get(key).copied()
    }

    /// Line of item `i` of the list at `key`, else of the list itself.
    pub fn item(&self, key: &str, i: usize) -> Option<usize> {
        self.lines()
            .get(&format!("{key}[{i}]"))
            .copied()
            .or_else(|| self.line(key))
    }

    /// Line of `key`, else of the nearest enclosing key that has one.
    pub fn nearest(&self, key: &str) -> Option<usize> {
        let mut k = key;
        loop {
            if let Some(l) = self.line(k) {
                return Some(l);
            }
            k = k.rsplit_once('.')?.0;
        }
    }
}

impl Index {
    fn of(text: &str) -> Index {
        let mut index = Index::default();
        if let Ok(doc) = ImDocument::parse(text) {
            let line = |at: usize| text[..at.min(text.len())].matches('\n').count() + 1;
            index.table("", doc.as_table(), &line);
        }
        index
    }

    fn put(
        &mut self,
        key: String,
        span: Option<std::ops::Range<usize>>,
        line: &dyn Fn(usize) -> usize,
    ) {
        if let Some(s) = span {
            self.lines.insert(key, line(s.start));
        }
    }

    fn table(&mut self, key: &str, t: &Table, line: &dyn Fn(usize) -> usize) {
        for (k, item) in t.iter() {
            let sub = join(key, k);
            match item {
                Item::None => {}
                Item::Value(v) => self.value(sub, v, line),
                Item::Table(t) => {
                    // The line of a table is that of its header, or of its first key.
                    let first = t.iter().find_map(|(_, i)| i.span());
                    self.put(sub.clone(), t.span().or(first), line);
                    self.table(&sub, t, line);
                }
                Item::ArrayOfTables(a) => {
                    self.put(sub.clone(), a.span(), line);
                    for (i, t) in a.iter().enumerate() {
                        let item = format!("{sub}[{i}]");
                        self.put(item.clone(), t.span(), line);
                        self.table(&item, t, line);
                    }
                }
            }
        }
    }

    fn value(&mut self, key: String, v: &Value, line: &dyn Fn(usize) -> usize) {
        self.put(key.clone(), v.span(), line);
        match v {
            Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    self.value(format!("{key}[{i}]"), v, line);
                }
            }
            Value::InlineTable(t) => {
                for (k, v) in t.iter() {
                    self.value(join(&key, k), v, line);
                }
            }
            _ => {}
        }
    }
}

fn join(key: &str, k: &str) -> String {
    if key.is_empty() {
        k.to_string()
    } else {
        format!("{key}.{k}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_items_have_their_lines() {
        let text = "a = 1\n[t]\nlist = [\n  \"x\",\n  \"y\",\n]\n[t.m]\nk = 0.5\n[u.v]\nw = 1\n";
        let s = Spans::parse(text);
        assert_eq!(s.line("a"), Some(1));
        assert_eq!(s.line("t.list"), Some(3));
        assert_eq!(s.item("t.list", 0), Some(4));
        assert_eq!(s.item("t.list", 1), Some(5));
        assert_eq!(s.item("t.list", 9), Some(3));
        assert_eq!(s.line("t.m.k"), Some(8));
        assert_eq!(s.nearest("t.m.k.z"), Some(8));
        assert_eq!(s.line("u.v.w"), Some(10));
        assert_eq!(s.line("u.v"), Some(9));
        assert_eq!(Spans::parse("a = ").line("a"), None);
    }
}
