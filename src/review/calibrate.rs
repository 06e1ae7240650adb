//! `callaudit calibrate --grades grades.csv`: the audit against human graders. Per step
//! and per grader: agreement, Cohen's kappa and the grade × audit confusion (the `eval`
//! metrics, grades in the truth seat); grader against grader where two graded the same
//! (call, step); every disagreement with the audit's evidence. An `overrides.csv`
//! (status, reviewer, reason) reads as grades too.

use super::view::AuditView;
use crate::eval::csvio::CsvFile;
use crate::eval::render::aligned;
use crate::eval::{Confusion, EvalError, StepTable};
use crate::model::{Status, StepId};
use crate::report::push_record;
use std::collections::BTreeMap;
use std::path::Path;

/// One human grade.
#[derive(Debug, Clone, PartialEq)]
pub struct Grade {
    pub call_id: String,
    pub step: usize,
    pub grade: Status,
    pub grader: String,
    pub note: String,
    pub line: u64,
}

/// Grader name used when the file has no grader column (a truth.csv).
pub const DEFAULT_GRADER: &str = "grader";

/// The first of `names` the file has.
fn any_column(f: &CsvFile, names: &[&str]) -> Option<usize> {
    names.iter().find_map(|n| f.column(n))
}

/// Reads grades: call_id, step, grade (or status / expected), grader (or reviewer),
/// note (or reason). One grade per (call, step, grader).
pub fn read_grades(path: &Path) -> Result<Vec<Grade>, EvalError> {
    let mut f = CsvFile::open(path)?;
    let id = f.require("call_id")?;
    let step = f.require("step")?;
    let grade = any_column(&f, &["grade", "status", "expected"]).ok_or_else(|| {
        EvalError::MissingColumn {
            path: path.to_path_buf(),
            column: "grade",
        }
    })?;
    let grader = any_column(&f, &["grader", "reviewer"]);
    let note = any_column(&f, &["note", "reason"]);
    let mut out = Vec::new();
    let mut first: BTreeMap<(String, usize, String), u64> = BTreeMap::new();
    while let Some(r) = f.next_record()? {
        let g = Grade {
            call_id: r.call_id(id)?.to_string(),
            step: r.step(step)?,
            grade: r.status(grade)?,
            grader: grader
                .map(|c| r.get(c).to_string())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| DEFAULT_GRADER.to_string()),
            note: note.map(|c| r.get(c).to_string()).unwrap_or_default(),
            line: r.line,
        };
        let key = (g.call_id.clone(), g.step, g.grader.clone());
        if let Some(&l) = first.get(&key) {
            return Err(EvalError::Duplicate {
                path: path.to_path_buf(),
                line: r.line,
                first: l,
                key: format!("{} {} by {}", key.0, StepId::ALL[key.1], key.2),
            });
        }
        first.insert(key, r.line);
        out.push(g);
    }
    Ok(out)
}

/// A grade the audit does not share.
#[derive(Debug, Clone, PartialEq)]
pub struct Disagreement {
    pub grade: Grade,
    /// The audit's status, `None` when the audit has no such (call, step).
    pub audit: Option<Status>,
    pub reason: String,
    pub evidence_time: String,
    pub evidence_text: String,
}

/// Everything calibrate found.
#[derive(Debug, Clone, Default)]
pub struct Calibration {
    pub grades: usize,
    pub by_step: StepTable,
    pub by_grader: BTreeMap<String, StepTable>,
    /// (grader a, grader b) with a < b → a in the truth seat, b predicted.
    pub pairs: BTreeMap<(String, String), Confusion>,
    pub disagreements: Vec<Disagreement>,
}

/// Compares grades with an audit.
pub fn calibrate(grades: &[Grade], audit: &AuditView) -> Calibration {
    let mut c = Calibration {
        grades: grades.len(),
        ..Calibration::default()
    };
    let mut by_pair: BTreeMap<(&str, usize), Vec<&Grade>> = BTreeMap::new();
    for g in grades {
        let row = audit.steps.get(&(g.call_id.clone(), g.step));
        let predicted = row.map(|r| r.status);
        c.by_step.add(g.step, g.grade, predicted);
        c.by_grader
            .entry(g.grader.clone())
            .or_default()
            .add(g.step, g.grade, predicted);
        if predicted != Some(g.grade) {
            c.disagreements.push(Disagreement {
                grade: g.clone(),
                audit: predicted,
                reason: row.map(|r| r.reason.clone()).unwrap_or_default(),
                evidence_time: row.map(|r| r.evidence_time.clone()).unwrap_or_default(),
                evidence_text: row.map(|r| r.evidence_text.clone()).unwrap_or_default(),
            });
        }
        by_pair.entry((&g.call_id, g.step)).or_default().push(g);
    }
    for same in by_pair.values() {
        for (i, a) in same.iter().enumerate() {
            for b in &same[i + 1..] {
                let (a, b) = if a.grader <= b.grader { (a, b) } else { (b, a) };
                c.pairs
                    .entry((a.grader.clone(), b.grader.clone()))
                    .or_default()
                    .add(a.grade, Some(b.grade));
            }
        }
    }
    c.disagreements
        .sort_by(|x, y| (&x.grade.call_id, x.grade.step).cmp(&(&y.grade.call_id, y.grade.step)));
    c
}

fn rate(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"))
}

const CLASSES: [&str; 3] = ["PASS", "FAIL", "NA"];

/// Header and row of a confusion: n, agreement, kappa, then grade>audit cells.
fn confusion_head(first: &str) -> Vec<String> {
    let mut h: Vec<String> = [first, "n", "agreement", "kappa"]
        .map(String::from)
        .to_vec();
    for t in CLASSES {
        for p in CLASSES {
            h.push(format!("{}>{}", &t[..1], &p[..1]));
        }
    }
    h.push("missing".into());
    h
}

fn confusion_row(name: &str, c: &Confusion) -> Vec<String> {
    let mut r = vec![
        name.to_string(),
        c.n().to_string(),
        rate(c.agreement()),
        rate(c.kappa()),
    ];
    r.extend(c.cells.iter().flatten().map(u64::to_string));
    r.push(c.missing_total().to_string());
    r
}

impl Calibration {
    /// The printed report; at most `max_listed` disagreements are listed.
    pub fn text(&self, grades_label: &str, audit_label: &str, max_listed: usize) -> String {
        let all = self.by_step.overall();
        let mut out = format!(
            "calibrate {grades_label} against {audit_label}: {} grades by {} graders; agreement {}, kappa {}; {} disagreements\n\
             (confusion cells are grade>audit: P>F = graded PASS, audit FAIL)\n\n",
            self.grades,
            self.by_grader.len(),
            rate(all.agreement()),
            rate(all.kappa()),
            self.disagreements.len(),
        );
        let mut rows = vec![confusion_head("step")];
        for (id, c) in self.by_step.rows().filter(|(_, c)| c.n() > 0) {
            rows.push(confusion_row(id, c));
        }
        rows.push(confusion_row("overall", &all));
        out.push_str(&aligned(&rows));
        out.push('\n');
        let mut rows = vec![confusion_head("grader")];
        for (g, t) in &self.by_grader {
            rows.push(confusion_row(g, &t.overall()));
        }
        out.push_str(&aligned(&rows));
        if !self.pairs.is_empty() {
            out.push_str(
                "\ngrader against grader (same call and step; first grader's grade>second's)\n",
            );
            let mut rows = vec![confusion_head("graders")];
            for ((a, b), c) in &self.pairs {
                rows.push(confusion_row(&format!("{a} vs {b}"), c));
            }
            out.push_str(&aligned(&rows));
        }
        if !self.disagreements.is_empty() {
            out.push_str("\ndisagreements (call step: grader grade / audit status @ evidence time: evidence)\n");
            for d in self.disagreements.iter().take(max_listed) {
                out.push_str(&format!(
                    "{} {}: {} {} / audit {} @ {}: {}{}{}\n",
                    d.grade.call_id,
                    StepId::ALL[d.grade.step].as_str(),
                    d.grade.grader,
                    d.grade.grade.as_str(),
                    d.audit.map_or("missing", Status::as_str),
                    if d.evidence_time.is_empty() {
                        "-"
                    } else {
                        &d.evidence_time
                    },
                    d.evidence_text,
                    if d.reason.is_empty() {
                        String::new()
                    } else {
                        format!(" [{}]", d.reason)
                    },
                    if d.grade.note.is_empty() {
                        String::new()
                    } else {
                        format!(" (note: {})", d.grade.note)
                    },
                ));
            }
            if self.disagreements.len() > max_listed {
                out.push_str(&format!(
                    "... {} more (all in disagreements.csv with --csv)\n",
                    self.disagreements.len() - max_listed
                ));
            }
        }
        out
    }

    /// `disagreements.csv`.
    pub fn disagreements_csv(&self) -> Vec<u8> {
        let mut out = Vec::new();
        push_record(
            &mut out,
            &[
                "call_id",
                "step",
                "grader",
                "grade",
                "audit_status",
                "audit_reason",
                "evidence_time",
                "evidence_text",
                "note",
            ],
            crate::report::Cells::Neutral,
        );
        for d in &self.disagreements {
            push_record(
                &mut out,
                &[
                    d.grade.call_id.as_str(),
                    StepId::ALL[d.grade.step].as_str(),
                    &d.grade.grader,
                    d.grade.grade.as_str(),
                    d.audit.map_or("", Status::as_str),
                    &d.reason,
                    &d.evidence_time,
                    &d.evidence_text,
                    &d.grade.note,
                ],
                crate::report::Cells::Neutral,
            );
        }
        out
    }

    /// `calibration.csv`: one row per step, per grader and per grader pair.
    pub fn table_csv(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut head = confusion_head("scope");
        head.insert(1, "name".into());
        push_record(&mut out, &head, crate::report::Cells::Neutral);
        let mut put = |scope: &str, c: &Confusion, name: &str| {
            let mut r = confusion_row(scope, c);
            r.insert(1, name.to_string());
            push_record(&mut out, &r, crate::report::Cells::Neutral);
        };
        for (id, c) in self.by_step.rows() {
            put("step", c, id);
        }
        put("overall", &self.by_step.overall(), "");
        for (g, t) in &self.by_grader {
            put("grader", &t.overall(), g);
        }
        for ((a, b), c) in &self.pairs {
            put("graders", c, &format!("{a} vs {b}"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::view::StepRow;

    fn grade(call: &str, step: usize, g: Status, grader: &str) -> Grade {
        Grade {
            call_id: call.into(),
            step,
            grade: g,
            grader: grader.into(),
            note: String::new(),
            line: 0,
        }
    }

    #[test]
    fn agreement_kappa_pairs_and_disagreements() {
        use Status::*;
        let mut audit = AuditView::default();
        for (call, st) in [("C1", Pass), ("C2", Fail), ("C3", Pass), ("C4", Fail)] {
            audit.steps.insert(
                (call.into(), 0),
                StepRow {
                    status: st,
                    reason: String::new(),
                    evidence_time: "1.0".into(),
                    evidence_text: format!("{call} text"),
                },
            );
        }
        let grades = [
            grade("C1", 0, Pass, "ana"),
            grade("C2", 0, Fail, "ana"),
            grade("C3", 0, Pass, "ana"),
            grade("C4", 0, Fail, "ana"),
            grade("C1", 0, Pass, "bo"),
            grade("C2", 0, Pass, "bo"),
            grade("C9", 0, Pass, "bo"),
        ];
        let c = calibrate(&grades, &audit);
        assert_eq!(c.by_grader["ana"].overall().agreement(), Some(1.0));
        assert_eq!(c.by_grader["ana"].overall().kappa(), Some(1.0));
        assert_eq!(c.by_grader["bo"].overall().agreement(), Some(1.0 / 3.0));
        let pair = &c.pairs[&("ana".to_string(), "bo".to_string())];
        assert_eq!((pair.n(), pair.agreed()), (2, 1));
        let listed: Vec<_> = c
            .disagreements
            .iter()
            .map(|d| (d.grade.call_id.as_str(), d.audit))
            .collect();
        assert_eq!(listed, [("C2", Some(Fail)), ("C9", None)]);
        let text = c.text("g.csv", "audit", 10);
        assert!(
            text.contains("C2 greeting: bo PASS / audit FAIL @ 1.0: C2 text"),
            "{text}"
        );
        assert!(text.contains("ana vs bo"));
    }
}
