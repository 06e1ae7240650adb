//! Report numbers and phone numbers as the systems and the agents write them: the keys
//! they compare by, and what kind of line a caller rang from.

/// Report numbers compare without case, spaces or punctuation ("K: 5421…" = "K5421…").
pub fn report_key(no: &str) -> String {
    no.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Whether two report numbers name the same report: equal keys, or equal digits when
/// one side dropped the letter prefix ("5421090602335" for "K5421090602335").
pub fn same_report(a: &str, b: &str) -> bool {
    let (ka, kb) = (report_key(a), report_key(b));
    if ka.is_empty() || kb.is_empty() {
        return false;
    }
    if ka == kb {
        return true;
    }
    let (da, db) = (report_digits(a), report_digits(b));
    da.len() >= 6 && da == db && (da == ka || db == kb)
}

/// Digits of a report number, for matching what agents say and what notes hold.
pub fn report_digits(no: &str) -> String {
    no.chars().filter(char::is_ascii_digit).collect()
}

/// Normalises an Indonesian phone number: digits only, `+62`/`62` → `0`.
pub fn normalize_phone(raw: &str) -> String {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    match digits.strip_prefix("62") {
        Some(rest) if !rest.is_empty() && raw.trim_start().starts_with(['+', '6']) => {
            format!("0{rest}")
        }
        _ => digits,
    }
}

/// What kind of number the caller rang from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    Mobile,
    Pstn,
    Withheld,
}

impl NumberKind {
    pub fn of(raw: &str, mobile_prefixes: &[String]) -> NumberKind {
        let n = normalize_phone(raw);
        if n.is_empty() {
            NumberKind::Withheld
        } else if mobile_prefixes.iter().any(|p| n.starts_with(p.as_str())) {
            NumberKind::Mobile
        } else {
            NumberKind::Pstn
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            NumberKind::Mobile => "mobile",
            NumberKind::Pstn => "pstn",
            NumberKind::Withheld => "withheld",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        assert_eq!(normalize_phone("+6281234567890"), "081234567890");
        assert_eq!(normalize_phone("6281234567890"), "081234567890");
        assert_eq!(normalize_phone("0215551234"), "0215551234");
        assert_eq!(normalize_phone("0812-3456-7890"), "081234567890");
        let m = vec!["08".to_string()];
        assert_eq!(NumberKind::of("+6281234567890", &m), NumberKind::Mobile);
        assert_eq!(NumberKind::of("0215551234", &m), NumberKind::Pstn);
        assert_eq!(NumberKind::of("+62215551234", &m), NumberKind::Pstn);
        assert_eq!(NumberKind::of("", &m), NumberKind::Withheld);
    }

    #[test]
    fn bare_numbers_name_prefixed_reports() {
        assert!(same_report("K5421090602335", "5421090602335"));
        assert!(same_report("k 5421-090602335", "K5421090602335"));
        assert!(!same_report("K5421090602335", "T5421090602335"));
        assert!(!same_report("", ""));
    }

    #[test]
    fn report_keys() {
        assert_eq!(report_key("k 5421-090602335"), "K5421090602335");
        assert_eq!(report_digits("K: 5421090602335"), "5421090602335");
    }
}
