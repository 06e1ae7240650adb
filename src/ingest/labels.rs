//! Speaker labels that name a role outright ("agent", "pelanggan", "system"): read by
//! the transcript parsers (a label is not a caption word) and by the role assignment.

use crate::model::Role;

/// Labels that name the agent.
const AGENT_NAMES: &[&str] = &["agent", "cso", "operator"];
/// Labels of turns no person spoke (Contact Lens chat events); dropped.
const SYSTEM_NAMES: &[&str] = &["system"];

/// Whether `label`, trimmed and lower-cased, is one of `names`. Labels are checked on
/// every turn, so an ASCII label (nearly all) is compared without allocating; others
/// take Unicode lower-casing as before.
fn names_any(label: &str, names: &[&str]) -> bool {
    let l = label.trim();
    if l.is_ascii() {
        names.iter().any(|n| l.eq_ignore_ascii_case(n))
    } else {
        names.contains(&l.to_lowercase().as_str())
    }
}

/// Whether a turn was written by the platform rather than spoken.
pub fn is_system(label: &str) -> bool {
    names_any(label, SYSTEM_NAMES)
}

/// Labels that name the caller.
const CALLER_NAMES: &[&str] = &["caller", "customer", "pelanggan", "penelepon"];

/// The role a label names outright, if any.
pub fn explicit_role(label: &str) -> Option<Role> {
    if names_any(label, AGENT_NAMES) {
        Some(Role::Agent)
    } else if names_any(label, CALLER_NAMES) {
        Some(Role::Caller)
    } else {
        None
    }
}
