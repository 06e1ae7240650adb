//! The files of a report set, and the test-only fault hook on their writes.
//!
//! Every write of a report file goes through [`Sink`], which counts it. When the
//! environment variable `CALLAUDIT_TEST_FAULT` is set (by the fault tests only), the
//! write it names misbehaves:
//!
//! - `enospc:N` — the Nth write fails with "No space left on device" (ENOSPC);
//! - `stall:N` — the Nth write prints `stalled` to stderr and sleeps for a minute first
//!   (a run held mid-write, for the signal and lock tests).
//!
//! Unset, the hook costs one relaxed atomic add per write of a 64 KiB buffer.

use std::fs::File;
use std::io::{self, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::Duration;

/// The environment variable of the fault hook.
pub const FAULT_VAR: &str = "CALLAUDIT_TEST_FAULT";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    NoSpace(u64),
    Stall(u64),
}

fn fault() -> Option<Fault> {
    static FAULT: OnceLock<Option<Fault>> = OnceLock::new();
    *FAULT.get_or_init(|| {
        let v = std::env::var(FAULT_VAR).ok()?;
        let (kind, n) = v.split_once(':')?;
        let n: u64 = n.trim().parse().ok()?;
        match kind.trim() {
            "enospc" => Some(Fault::NoSpace(n)),
            "stall" => Some(Fault::Stall(n)),
            _ => None,
        }
    })
}

/// Writes to report files so far, in this process.
static WRITES: AtomicU64 = AtomicU64::new(0);

/// A report file: writes counted, and the fault hook applied.
pub struct Sink(pub File);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = WRITES.fetch_add(1, Ordering::Relaxed) + 1;
        match fault() {
            Some(Fault::NoSpace(at)) if n >= at => {
                return Err(io::Error::from_raw_os_error(libc::ENOSPC))
            }
            Some(Fault::Stall(at)) if n == at => {
                eprintln!("callaudit: {FAULT_VAR}: write {n} stalled");
                std::thread::sleep(Duration::from_secs(60))
            }
            _ => {}
        }
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}
