//! The `calls.csv` record: one table names every column and says how its cell is
//! written, so the header and the fields can never drift apart.
//!
//! The record is encoded on the worker, straight into bytes ([`Row`]); what it is made
//! of is borrowed from the audit of the call ([`CallRow`]).

use super::csvout::Row;
use super::fixed::{fixed, push_fixed};
use super::redact::cap;
use crate::ingest::roles::RoleMethod;
use crate::model::{CallMeta, Status, StepId};
use crate::path::PathInfo;
use crate::profile::Provenance;
use crate::scoring::CallScore;

/// Everything one `calls.csv` record is written from.
pub struct CallRow<'a> {
    pub meta: &'a CallMeta,
    pub path: &'a PathInfo,
    pub score: &'a CallScore,
    pub roles: &'a RoleMethod,
    /// The urgent cue: its turn's start (seconds) and the words said, redacted when
    /// the run redacts.
    pub urgent_cue: Option<(f64, &'a str)>,
    /// Characters of an evidence cell (the urgent cue is one).
    pub evidence_chars: usize,
    /// The transcript quality estimate, when one was made.
    pub asr_quality: Option<f64>,
    pub needs_review: bool,
    pub provenance: Option<&'a Provenance>,
    /// Per step ([`StepId::ALL`] order): the reviewer who overrode it, if any.
    pub overridden: &'a [Option<(String, Status)>],
}

/// How one column's cell is written.
type Encode = for<'r, 'o, 'b> fn(&CallRow<'r>, &'b mut Row<'o>);

fn flag(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// Every column of `calls.csv`, in order: its name and its cell.
const CALL_FIELDS: [(&str, Encode); 26] = [
    ("call_id", |c, row| {
        row.field(&c.meta.call_id);
    }),
    ("started_at", |c, row| {
        row.field(&c.meta.started_at.to_rfc3339());
    }),
    ("agent_id", |c, row| {
        row.field(&c.meta.agent_id);
    }),
    ("agent_name", |c, row| {
        row.field(&c.meta.agent_name);
    }),
    ("team", |c, row| {
        row.field(&c.meta.team);
    }),
    ("site_code", |c, row| {
        row.field(&c.meta.site_code);
    }),
    ("path", |c, row| {
        row.field(c.path.kind.as_str());
    }),
    ("urgent", |c, row| {
        row.field(flag(c.path.urgent));
    }),
    ("prior_report_no", |c, row| {
        row.field(c.path.prior.as_ref().map_or("", |r| r.report_no.as_str()));
    }),
    ("score", |c, row| {
        row.plain(|out| push_fixed(out, c.score.score, 1));
    }),
    ("critical_fail", |c, row| {
        row.field(flag(c.score.critical_fail));
    }),
    ("passed", |c, row| {
        row.plain(|out| push_usize(out, c.score.passed));
    }),
    ("failed", |c, row| {
        row.plain(|out| push_usize(out, c.score.failed));
    }),
    ("na", |c, row| {
        row.plain(|out| push_usize(out, c.score.na));
    }),
    ("failed_steps", |c, row| {
        row.field(&step_list(&c.score.failed_steps));
    }),
    ("new_report_no", |c, row| {
        row.field(c.path.new_report_no.as_deref().unwrap_or_default());
    }),
    ("prior_age_hours", |c, row| {
        row.plain(|out| {
            if let Some(h) = c.path.prior_age_h {
                push_fixed(out, h, 2);
            }
        });
    }),
    ("caller_number_kind", |c, row| {
        row.field(c.path.number_kind.as_str());
    }),
    ("roles", |c, row| {
        row.field(&roles(c.roles));
    }),
    ("urgent_cue", |c, row| match c.urgent_cue {
        Some((t, said)) => {
            let mut cue = fixed(t, 1);
            cue.push_str(": ");
            cue.push_str(said);
            cap(&mut cue, c.evidence_chars);
            row.field(&cue);
        }
        None => {
            row.field("");
        }
    }),
    ("asr_quality", |c, row| {
        row.plain(|out| {
            if let Some(q) = c.asr_quality {
                push_fixed(out, q, 3);
            }
        });
    }),
    ("needs_review", |c, row| {
        row.field(flag(c.needs_review));
    }),
    ("profile_name", |c, row| {
        row.field(c.provenance.map_or("", |p| p.name.as_str()));
    }),
    ("profile_version", |c, row| {
        row.field(c.provenance.map_or("", |p| p.version.as_str()));
    }),
    ("profile_hash", |c, row| {
        row.field(c.provenance.map_or("", |p| p.hash.as_str()));
    }),
    ("overridden_by", |c, row| {
        let by: Vec<String> = c
            .overridden
            .iter()
            .zip(StepId::ALL)
            .filter_map(|(o, id)| o.as_ref().map(|(who, _)| format!("{id}={who}")))
            .collect();
        row.field(&by.join(";"));
    }),
];

/// Columns of `calls.csv`, the names of [`CALL_FIELDS`].
pub const CALL_COLUMNS: [&str; CALL_FIELDS.len()] = {
    let mut out = [""; CALL_FIELDS.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = CALL_FIELDS[i].0;
        i += 1;
    }
    out
};

impl CallRow<'_> {
    /// Appends the record, [`CALL_COLUMNS`] order, ended by `\n`.
    pub fn encode(&self, row: &mut Row<'_>) {
        for (_, field) in CALL_FIELDS {
            field(self, row);
        }
        row.end();
    }
}

/// Step ids joined by `;`, as the reports list them.
pub fn step_list(ids: &[StepId]) -> String {
    let mut s = String::new();
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            s.push(';');
        }
        s.push_str(id.as_str());
    }
    s
}

/// How the speaker roles were decided, as the `roles` column says it.
fn roles(method: &RoleMethod) -> String {
    match method {
        RoleMethod::Explicit => "explicit".into(),
        RoleMethod::Flag => "flag".into(),
        RoleMethod::Inferred { agent, confidence } => {
            format!("inferred:{agent}:{}", fixed(*confidence, 2))
        }
        RoleMethod::FlagAbsent { agent, confidence } => {
            format!("flag-absent:inferred:{agent}:{}", fixed(*confidence, 2))
        }
        RoleMethod::FlagContradicted {
            greeter,
            confidence,
        } => format!(
            "flag-contradicted:{greeter}-greets:{}",
            fixed(*confidence, 2)
        ),
    }
}

/// Appends a count in decimal.
fn push_usize(out: &mut Vec<u8>, n: usize) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_step_lists_are_written_plainly() {
        for n in [0, 7, 10, 123_456, usize::MAX] {
            let mut out = Vec::new();
            push_usize(&mut out, n);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
        assert_eq!(step_list(&[]), "");
        assert_eq!(
            step_list(&[StepId::Greeting, StepId::ForbiddenPhrases]),
            "greeting;forbidden_phrases"
        );
    }

    #[test]
    fn header_names_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        assert!(CALL_COLUMNS.iter().all(|c| seen.insert(*c)));
        assert_eq!(CALL_COLUMNS[0], "call_id");
        assert_eq!(CALL_COLUMNS[25], "overridden_by");
    }
}
