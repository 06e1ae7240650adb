//! Disputes: `overrides.csv` (call_id, step, status, reviewer, reason) applied on top of
//! an audit. An overridden step keeps its evidence, takes the reviewer's status, is
//! marked `overridden_by` in the reports, and the call's score is recomputed from the
//! overridden statuses. A bad override row is a reject, never a stop.

use crate::ingest::csvin::{line_of, reader, Columns};
use crate::model::{Reject, Status, StepId};
use crate::steps::StepResult;
use std::collections::HashMap;
use std::path::Path;

/// One reviewer's verdict on one step of a call.
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    pub step: StepId,
    pub status: Status,
    pub reviewer: String,
    pub reason: String,
    /// Line in the overrides file.
    pub line: u64,
}

/// Overrides by call id, as read from one file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// The file's name, for rejects.
    pub file: String,
    by_call: HashMap<String, Vec<Override>>,
}

const REQUIRED: [&str; 4] = ["call_id", "step", "status", "reviewer"];

impl Overrides {
    /// Reads an overrides file; bad rows become rejects. A missing file or column is an
    /// error: the run was asked to apply overrides it cannot read.
    pub fn load(path: &Path, rejects: &mut Vec<Reject>) -> Result<Overrides, String> {
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |f| f.to_string_lossy().into(),
        );
        let mut rdr = reader(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let headers = rdr
            .headers()
            .map_err(|e| format!("{}: {e}", path.display()))?
            .clone();
        let cols = Columns::new(&headers, &REQUIRED, &file)
            .map_err(|r| format!("{}: {}", path.display(), r.reason))?;
        let mut out = Overrides {
            file: file.clone(),
            by_call: HashMap::new(),
        };
        let mut first: HashMap<(String, StepId), u64> = HashMap::new();
        let mut rec = csv::StringRecord::new();
        loop {
            match rdr.read_record(&mut rec) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    let line = e.position().map(|p| p.line());
                    rejects.push(Reject {
                        file: file.clone(),
                        line,
                        call_id: String::new(),
                        reason: format!("malformed override row: {e}"),
                    });
                    continue;
                }
            }
            let line = line_of(&rec);
            let call_id = cols.get(&rec, "call_id").to_string();
            let mut reject = |reason: String| {
                rejects.push(Reject {
                    file: file.clone(),
                    line: Some(line),
                    call_id: call_id.clone(),
                    reason,
                })
            };
            if let Err(e) = cols.check_width(&rec) {
                reject(e);
                continue;
            }
            let step_name = cols.get(&rec, "step");
            let Some(step) = StepId::from_name(step_name) else {
                reject(format!("override names unknown step {step_name:?}"));
                continue;
            };
            let Some(status) = Status::from_name(cols.get(&rec, "status")) else {
                let s = cols.get(&rec, "status");
                reject(format!("override status {s:?} is not PASS, FAIL or NA"));
                continue;
            };
            let reviewer = cols.get(&rec, "reviewer").to_string();
            if call_id.is_empty() || reviewer.is_empty() {
                reject("override without call_id or reviewer".into());
                continue;
            }
            if let Some(l) = first.get(&(call_id.clone(), step)) {
                reject(format!(
                    "duplicate override of {step_name} (first on line {l})"
                ));
                continue;
            }
            first.insert((call_id.clone(), step), line);
            out.by_call.entry(call_id).or_default().push(Override {
                step,
                status,
                reviewer,
                reason: cols.get(&rec, "reason").to_string(),
                line,
            });
        }
        Ok(out)
    }

    /// The overrides of one call.
    pub fn get(&self, call_id: &str) -> Option<&[Override]> {
        self.by_call.get(call_id).map(Vec::as_slice)
    }

    /// Call ids that have overrides, sorted.
    pub fn call_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.by_call.keys().map(String::as_str).collect();
        ids.sort_unstable();
        ids
    }
}

/// Applies a call's overrides to its step results ([`StepId::ALL`] order). Returns, per step,
/// the reviewer who overrode it and the audit's own status (`None` where not overridden).
pub fn apply(results: &mut [StepResult], ovs: &[Override]) -> Vec<Option<(String, Status)>> {
    let mut marks = vec![None; results.len()];
    for o in ovs {
        let Some(r) = results.get_mut(o.step.index()) else {
            continue;
        };
        let audit = r.status;
        r.status = o.status;
        let why = if o.reason.is_empty() {
            "no reason given"
        } else {
            &o.reason
        };
        r.reason = if r.reason.is_empty() {
            format!(
                "overridden by {}: {why} (audit: {})",
                o.reviewer,
                audit.as_str()
            )
        } else {
            format!(
                "overridden by {}: {why} (audit: {}, {})",
                o.reviewer,
                audit.as_str(),
                r.reason
            )
        };
        marks[o.step.index()] = Some((o.reviewer.clone(), audit));
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("overrides.csv");
        std::fs::write(&p, text).unwrap();
        (d, p)
    }

    #[test]
    fn bad_rows_are_rejects_good_rows_apply() {
        let (_d, p) = write(
            "call_id,step,status,reviewer,reason\n\
             C1,empathy,PASS,qa1,apology was said\n\
             C1,greetings,PASS,qa1,typo\n\
             C2,closing,MAYBE,qa1,\n\
             C1,empathy,FAIL,qa2,second opinion\n",
        );
        let mut rejects = Vec::new();
        let o = Overrides::load(&p, &mut rejects).unwrap();
        let lines: Vec<_> = rejects.iter().map(|r| r.line).collect();
        assert_eq!(lines, [Some(3), Some(4), Some(5)], "{rejects:?}");
        assert!(rejects[2].reason.contains("line 2"));
        let ovs = o.get("C1").unwrap();
        assert_eq!(ovs.len(), 1);
        let mut results = vec![
            StepResult {
                status: Status::Fail,
                reason: "no apology".into(),
                evidence_time: Some(crate::model::EvidenceTime::Offset(3.0)),
                evidence_text: "x".into(),
                similarity: None,
                loose: 0,
            };
            StepId::ALL.len()
        ];
        let marks = apply(&mut results, ovs);
        let e = StepId::Empathy.index();
        assert_eq!(results[e].status, Status::Pass);
        assert!(results[e]
            .reason
            .starts_with("overridden by qa1: apology was said"));
        assert_eq!(marks[e], Some(("qa1".to_string(), Status::Fail)));
        assert_eq!(marks.iter().flatten().count(), 1);
        assert_eq!(results[0].status, Status::Fail);
    }

    #[test]
    fn missing_column_is_an_error() {
        let (_d, p) = write("call_id,step,status\nC1,empathy,PASS\n");
        let e = Overrides::load(&p, &mut Vec::new()).unwrap_err();
        assert!(e.contains("reviewer"), "{e}");
    }
}
