//! The progress bar of a run: drawn only when asked for and stderr is a terminal.
//!
//! Once the manifest is found its rows are counted (newlines less the header, through
//! the decompressor for `.gz` / `.zst`; a quoted cell holding a newline makes the count
//! a little high, which a progress bar can bear), so the bar shows the share of the
//! manifest read, the rate as a whole number of calls a second and the time left. When
//! the count cannot be had the bar is a spinner with the calls so far and the rate.

use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use std::io::{IsTerminal, Read};
use std::path::Path;

/// The bar when the number of calls is known.
pub const TEMPLATE: &str =
    "{bar:32} {percent:>3}%  {pos}/{len} calls  {rate} calls/s  ETA {eta_hms}";

/// The spinner when it is not.
pub const SPINNER: &str = "{spinner} [{elapsed_precise}] {pos} calls  {rate} calls/s";

/// A rate as a whole number (`-` before there is one).
pub fn rate(per_sec: f64) -> String {
    if per_sec.is_finite() && per_sec >= 0.0 {
        format!("{per_sec:.0}")
    } else {
        "-".to_string()
    }
}

/// Seconds left as `M:SS`, or `H:MM:SS` from an hour on.
pub fn eta(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Data rows of the manifest files: newlines less one header line per file.
pub fn count_rows<'a>(files: impl IntoIterator<Item = &'a Path>) -> Option<u64> {
    let mut rows = 0u64;
    let mut buf = vec![0u8; 1 << 18];
    for f in files {
        let mut r = crate::ingest::input::open(f).ok()?;
        let (mut lines, mut last) = (0u64, b'\n');
        loop {
            let n = match r.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => return None,
            };
            lines += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
            last = buf[n - 1];
        }
        // A last line without its newline is a row too.
        lines += u64::from(last != b'\n');
        rows += lines.saturating_sub(1);
    }
    Some(rows)
}

/// The style of the bar (`total` known) or the spinner.
pub fn style(total: bool) -> ProgressStyle {
    let (template, fallback) = if total {
        (TEMPLATE, ProgressStyle::default_bar())
    } else {
        (SPINNER, ProgressStyle::default_spinner())
    };
    ProgressStyle::with_template(template)
        .map(|s| {
            s.with_key("rate", |st: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&rate(st.per_sec()));
            })
            .with_key(
                "eta_hms",
                |st: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = w.write_str(&eta(st.eta().as_secs()));
                },
            )
        })
        .unwrap_or(fallback)
}

/// The bar of a run: hidden unless `show` and stderr is a terminal; `total` counts the
/// calls, and is only called when the bar is drawn.
pub fn bar(show: bool, total: impl FnOnce() -> Option<u64>) -> ProgressBar {
    if !(show && std::io::stderr().is_terminal()) {
        return ProgressBar::hidden();
    }
    match total() {
        Some(n) => ProgressBar::new(n).with_style(style(true)),
        None => ProgressBar::new_spinner().with_style(style(false)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_is_whole_calls() {
        assert_eq!(rate(12_499.6), "12500");
        assert_eq!(rate(0.2), "0");
        assert_eq!(rate(f64::INFINITY), "-");
        assert_eq!(rate(f64::NAN), "-");
    }

    #[test]
    fn eta_minutes_and_hours() {
        assert_eq!(eta(0), "0:00");
        assert_eq!(eta(75), "1:15");
        assert_eq!(eta(3600 + 62), "1:01:02");
    }

    #[test]
    fn templates_parse() {
        for t in [TEMPLATE, SPINNER] {
            ProgressStyle::with_template(t).unwrap();
        }
        // A bar drawn into nothing still formats every key.
        let b = ProgressBar::hidden().with_style(style(true));
        b.set_length(10);
        b.inc(3);
        assert_eq!(b.position(), 3);
    }

    #[test]
    fn rows_counted_without_headers() {
        let tmp = tempfile::tempdir().unwrap();
        let a = tmp.path().join("a.csv");
        let b = tmp.path().join("b.csv.zst");
        std::fs::write(&a, "h\n1\n2\n3").unwrap();
        let z = zstd::encode_all(&b"h\nx\ny\n"[..], 3).unwrap();
        std::fs::write(&b, z).unwrap();
        assert_eq!(count_rows([a.as_path(), b.as_path()]), Some(5));
        assert_eq!(count_rows([tmp.path().join("none.csv").as_path()]), None);
    }

    #[test]
    fn hidden_off_a_terminal() {
        // cargo test captures stderr, or it is asked not to show the bar.
        let b = bar(false, || panic!("not counted when hidden"));
        assert!(b.is_hidden());
    }
}
