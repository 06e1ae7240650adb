//! Where every key and list item of a profile stands in its TOML text, read with the
//! `toml` crate's [`Spanned`] values, so a semantic error found after parsing (an empty
//! list, an unknown slot, an unknown step id, a threshold out of range) names the line
//! of the value at fault, not just its key.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::HashMap;
use std::fmt;
use toml::Spanned;

/// Line (1-based) of every value of a profile, by dotted key path; a list item is
/// `key[i]` (`steps.closing.thanks[0]`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spans {
    lines: HashMap<String, usize>,
}

impl Spans {
    /// The spans of a TOML text; empty when it does not parse (its parse error names
    /// the line then).
    pub fn parse(text: &str) -> Spans {
        let mut spans = Spans::default();
        if let Ok(root) = toml::from_str::<Node>(text) {
            let line = |at: usize| text[..at.min(text.len())].matches('\n').count() + 1;
            spans.walk("", &root, &line);
        }
        spans
    }

    fn walk(&mut self, key: &str, node: &Node, line: &dyn Fn(usize) -> usize) {
        match node {
            Node::Table(entries) => {
                for (k, v) in entries {
                    let sub = if key.is_empty() {
                        k.clone()
                    } else {
                        format!("{key}.{k}")
                    };
                    self.lines.insert(sub.clone(), line(v.span().start));
                    self.walk(&sub, v.get_ref(), line);
                }
            }
            Node::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    let sub = format!("{key}[{i}]");
                    self.lines.insert(sub.clone(), line(v.span().start));
                    self.walk(&sub, v.get_ref(), line);
                }
            }
            Node::Leaf => {}
        }
    }

    /// Line of the value of `key` (`scoring.weights.greeting`).
    pub fn line(&self, key: &str) -> Option<usize> {
        self.lines.get(key).copied()
    }

    /// Line of item `i` of the list at `key`, else of the list itself.
    pub fn item(&self, key: &str, i: usize) -> Option<usize> {
        self.lines
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

/// A TOML value with the spans of everything in it.
enum Node {
    Table(Vec<(String, Spanned<Node>)>),
    Array(Vec<Spanned<Node>>),
    Leaf,
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

macro_rules! leaf {
    ($($name:ident: $t:ty),*) => {
        $(fn $name<E: de::Error>(self, _: $t) -> Result<Node, E> {
            Ok(Node::Leaf)
        })*
    };
}

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a TOML value")
    }

    leaf!(visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_f64: f64, visit_str: &str);

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element::<Spanned<Node>>()? {
            items.push(v);
        }
        Ok(Node::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(k) = map.next_key::<String>()? {
            entries.push((k, map.next_value::<Spanned<Node>>()?));
        }
        Ok(Node::Table(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_items_have_their_lines() {
        let text = "a = 1\n[t]\nlist = [\n  \"x\",\n  \"y\",\n]\n[t.m]\nk = 0.5\n";
        let s = Spans::parse(text);
        assert_eq!(s.line("a"), Some(1));
        assert_eq!(s.line("t.list"), Some(3));
        assert_eq!(s.item("t.list", 0), Some(4));
        assert_eq!(s.item("t.list", 1), Some(5));
        assert_eq!(s.item("t.list", 9), Some(3));
        assert_eq!(s.line("t.m.k"), Some(8));
        assert_eq!(s.nearest("t.m.k.z"), Some(8));
        assert_eq!(Spans::parse("a = ").line("a"), None);
    }
}
