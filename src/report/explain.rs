//! `callaudit explain`: one call in the terminal. Each turn with its time and speaker
//! and, in the right margin, the steps whose evidence it is; then the path and why,
//! APKT / SIMONE expected against found, every verdict with its reason and evidence,
//! and the action log. Colour only on a terminal (or `--color always`), never when
//! `NO_COLOR` is set and the choice is `auto`.

use super::view::CallView;
use std::io::{self, Write};

/// `--color auto|always|never`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Whether to colour: `always` and `never` as said; `auto` colours a terminal unless
/// `NO_COLOR` is set to anything non-empty (no-color.org).
pub fn use_color(choice: ColorChoice, terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && no_color.is_none_or(|v| v.is_empty()),
    }
}

/// ANSI styles, or nothing when colour is off.
struct Paint(bool);

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn status(&self, status: &str) -> String {
        let code = match status {
            "PASS" => "32",
            "FAIL" => "1;31",
            _ => "2",
        };
        self.wrap(code, &format!("{status:<4}"))
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
}

/// Width of the transcript text column; the margin follows it.
const TEXT: usize = 64;

/// Splits `text` into lines of at most `width` characters, at spaces where it can.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        while word.chars().count() > width {
            if !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
            }
            let cut: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            lines.push(cut);
        }
        let len = cur.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(&word);
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

/// Writes the explanation of one call.
pub fn render(v: &CallView, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let p = Paint(color);
    writeln!(
        out,
        "{}  {}  agent {} {}{}  site {}",
        p.bold(&v.call_id),
        v.started_at,
        v.agent_id,
        v.agent_name,
        if v.team.is_empty() {
            String::new()
        } else {
            format!("  team {}", v.team)
        },
        v.site_code
    )?;
    let score = if v.critical_fail {
        p.wrap("1;31", &format!("{} (critical fail)", v.score))
    } else {
        p.bold(&v.score)
    };
    writeln!(
        out,
        "path {}  urgent {}  score {score}  failed: {}",
        p.bold(v.path),
        if v.urgent { "yes" } else { "no" },
        if v.failed_steps.is_empty() {
            "none".to_string()
        } else {
            v.failed_steps.join(", ")
        }
    )?;
    writeln!(out, "roles: {}", v.roles)?;
    writeln!(out)?;
    writeln!(out, "{}", p.bold("Why this path"))?;
    for r in &v.reasoning {
        writeln!(out, "  - {r}")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", p.bold("APKT / SIMONE: expected vs found"))?;
    for e in &v.expected {
        writeln!(
            out,
            "  {} {:<6} expected: {}",
            p.status(e.status),
            e.system,
            e.expected
        )?;
        if e.found.is_empty() {
            writeln!(out, "              found: nothing")?;
        }
        for f in &e.found {
            writeln!(out, "              found: {f}")?;
        }
        if !e.reason.is_empty() {
            writeln!(out, "              {}", p.dim(&e.reason))?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        p.bold(&format!(
            "{:>7}  {:<7} {}  steps",
            "time",
            "speaker",
            pad("text", TEXT)
        ))
    )?;
    for t in &v.turns {
        let text = wrap(&t.text, TEXT);
        let marks: Vec<String> = t
            .marks
            .iter()
            .map(|m| format!("{} {}", p.status(m.status), m.step))
            .collect();
        let lines = text.len().max(marks.len());
        for i in 0..lines {
            let (time, who) = if i == 0 {
                (t.time.as_str(), t.speaker)
            } else {
                ("", "")
            };
            let body = pad(text.get(i).map_or("", String::as_str), TEXT);
            let body = if t.marks.is_empty() {
                body
            } else {
                p.bold(&body)
            };
            let mark = marks.get(i).map_or("", String::as_str);
            let line = format!("{time:>7}  {who:<7} {body}  {mark}");
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", p.bold("Steps"))?;
    for s in &v.steps {
        let sim = if s.similarity.is_empty() {
            String::new()
        } else {
            format!("  similarity {}", s.similarity)
        };
        writeln!(out, "  {} {}{sim}", p.status(s.status), s.step)?;
        if !s.reason.is_empty() {
            writeln!(out, "       reason: {}", s.reason)?;
        }
        if !s.evidence_text.is_empty() {
            let when = if !s.evidence_time.is_empty() {
                format!("{} s", s.evidence_time)
            } else {
                s.evidence_at.clone()
            };
            let label = if s.status == "FAIL" && s.action.is_none() && s.turn.is_some() {
                "nearest"
            } else {
                "evidence"
            };
            writeln!(out, "       {label} [{when}]: {}", s.evidence_text)?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", p.bold("Actions"))?;
    if v.actions.is_empty() {
        writeln!(out, "  none")?;
    }
    for a in &v.actions {
        let marks: Vec<String> = a
            .marks
            .iter()
            .map(|m| format!("{} {}", p.status(m.status), m.step))
            .collect();
        writeln!(
            out,
            "  {} {:<6} {:<11} {} {}{}",
            a.at,
            a.system,
            a.action,
            a.report_no,
            a.details,
            if marks.is_empty() {
                String::new()
            } else {
                format!("  [{}]", marks.join(", "))
            }
        )?;
    }
    Ok(())
}

/// Writes every view (a blank line between two), or the reject that stopped a call.
pub fn render_all(
    views: &[Result<CallView, crate::model::Reject>],
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    for (i, v) in views.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        match v {
            Ok(v) => render(v, color, out)?,
            Err(r) => writeln!(
                out,
                "{}: not audited: {}{}: {}",
                r.call_id,
                r.file,
                r.line.map(|l| format!(" line {l}")).unwrap_or_default(),
                r.reason
            )?,
        }
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn colour_rules() {
        use ColorChoice::*;
        assert!(use_color(Auto, true, None));
        assert!(!use_color(Auto, false, None));
        assert!(!use_color(Auto, true, Some(OsStr::new("1"))));
        assert!(use_color(Auto, true, Some(OsStr::new(""))));
        assert!(use_color(Always, false, Some(OsStr::new("1"))));
        assert!(!use_color(Never, true, None));
    }

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap("a bb ccc", 4), ["a bb", "ccc"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), [""]);
    }
}
