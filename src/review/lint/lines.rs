//! Finding the line of a key, or of a string in a key's value, in a profile's TOML text,
//! for lint findings. Tracks `[table]` / `[[array]]` headers and `key =` lines; a value
//! may span lines (multi-line arrays).

/// Lines of a TOML text, with the table each line is in and the key it sets.
pub struct Lines<'a> {
    lines: Vec<(&'a str, String, Option<String>)>,
}

/// The key a `key = value` line sets (quotes removed), if it is one.
fn key_of(line: &str) -> Option<String> {
    let (k, _) = line.split_once('=')?;
    let k = k.trim();
    if let Some(q) = k.strip_prefix('"').and_then(|k| k.strip_suffix('"')) {
        return (!q.is_empty() && !q.contains('"')).then(|| q.to_string());
    }
    let bare = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    (!k.is_empty() && k.chars().all(bare)).then(|| k.to_string())
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        let mut table = String::new();
        let mut key: Option<String> = None;
        let mut lines = Vec::new();
        for line in text.lines() {
            let t = line.trim();
            if t.starts_with('[') && !t.starts_with("[\"") {
                table = t.trim_matches(|c| c == '[' || c == ']').trim().to_string();
                key = None;
            } else if let Some(k) = key_of(line) {
                key = Some(k);
            }
            lines.push((line, table.clone(), key.clone()));
        }
        Lines { lines }
    }

    fn full(table: &str, key: &Option<String>) -> Option<String> {
        let k = key.as_ref()?;
        Some(if table.is_empty() {
            k.clone()
        } else {
            format!("{table}.{k}")
        })
    }

    /// The 1-based line setting `path` (`steps.closing.thanks`).
    pub fn key(&self, path: &str) -> Option<usize> {
        self.lines
            .iter()
            .enumerate()
            .find_map(|(i, (line, table, key))| {
                (key_of(line).is_some() && Self::full(table, key).as_deref() == Some(path))
                    .then_some(i + 1)
            })
    }

    /// The 1-based line of the `[path]` header.
    pub fn table(&self, path: &str) -> Option<usize> {
        self.lines
            .iter()
            .position(|(line, _, _)| {
                let t = line.trim();
                t.starts_with('[') && t.trim_matches(|c| c == '[' || c == ']').trim() == path
            })
            .map(|i| i + 1)
    }

    /// The 1-based line holding the string `s` (as a quoted TOML string) in the value
    /// of `path`; the key's line when not found.
    pub fn string_in(&self, path: &str, s: &str) -> Option<usize> {
        let quoted = format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
        self.lines
            .iter()
            .enumerate()
            .find_map(|(i, (line, table, key))| {
                (Self::full(table, key).as_deref() == Some(path) && line.contains(&quoted))
                    .then_some(i + 1)
            })
            .or_else(|| self.key(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_tables_and_strings() {
        let text = "name = \"x\"\n[steps.closing]\nlast_turns = 2\nthanks = [\n  \"terima kasih\",\n  \"makasih\",\n]\n[normalize.variants]\n\"pak\" = \"bapak\"\n";
        let l = Lines::new(text);
        assert_eq!(l.key("name"), Some(1));
        assert_eq!(l.table("steps.closing"), Some(2));
        assert_eq!(l.key("steps.closing.thanks"), Some(4));
        assert_eq!(l.string_in("steps.closing.thanks", "makasih"), Some(6));
        assert_eq!(l.string_in("steps.closing.thanks", "nope"), Some(4));
        assert_eq!(l.key("normalize.variants.pak"), Some(9));
        assert_eq!(l.key("steps.closing.thanksx"), None);
    }
}
