//! Provenance of a run: the profile's name, version and a content hash of the profile
//! as parsed (keys sorted, comments, whitespace, key order and quoting style gone), so
//! two runs can be told apart and a re-score knows whether the rules changed.

use sha2::{Digest, Sha256};

/// Which profile scored a run.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Provenance {
    pub name: String,
    pub version: String,
    /// First 16 hex digits of the SHA-256 of the normalised profile.
    pub hash: String,
}

impl Provenance {
    /// Provenance of a profile's text; the text must parse as TOML.
    pub fn of(text: &str) -> Result<Provenance, String> {
        let value: toml::Value = toml::from_str(text).map_err(|e| e.message().to_string())?;
        // Canonical JSON: toml's tables are sorted maps, so keys come out sorted.
        let canon = serde_json::to_string(&value).map_err(|e| e.to_string())?;
        let field = |k: &str| {
            value
                .get(k)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let digest = Sha256::digest(canon.as_bytes());
        let hash = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        Ok(Provenance {
            name: field("name"),
            version: field("version"),
            hash,
        })
    }

    /// Provenance of the built-in profile.
    pub fn builtin() -> Provenance {
        Provenance::of(super::BUILTIN).expect("built-in profile is TOML")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::BUILTIN;

    #[test]
    fn comments_and_layout_do_not_change_the_hash() {
        let a = Provenance::builtin();
        assert_eq!(a.name, "PLN 123 lapor ulang");
        assert_eq!(a.hash.len(), 16);
        let relaid = format!("# a new comment\n\n{}", BUILTIN.replace(" = ", "="));
        assert_eq!(Provenance::of(&relaid).unwrap(), a);
    }

    #[test]
    fn a_changed_phrase_changes_the_hash() {
        let a = Provenance::builtin();
        let b = Provenance::of(&BUILTIN.replacen("\"pln 123", "\"pln 1 2 3", 1)).unwrap();
        assert_ne!(a.hash, b.hash);
        assert_eq!(a.version, b.version);
    }
}
