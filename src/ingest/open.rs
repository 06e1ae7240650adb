//! Opening the files that inputs name (transcripts, bundles): only regular files, only
//! inside the input folders once symlinks are resolved (unless `--allow-outside`), and
//! read with a bound. Reasons name the rule broken, never the file's content.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// The folders inputs may be read from.
#[derive(Debug, Clone, Default)]
pub struct Confine {
    /// Canonical input folders (or files); empty with `allow_outside`.
    roots: Vec<PathBuf>,
    allow_outside: bool,
}

/// Why a file cannot be opened, worded for a reject.
fn open_error(e: &io::Error, what: &str) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => format!("{what} file not found"),
        io::ErrorKind::PermissionDenied => format!("{what} file not readable (permission denied)"),
        _ => format!("cannot open {what}: {e}"),
    }
}

/// The path a file was opened by, with every symlink resolved.
fn real_path(file: &File, path: &Path) -> io::Result<PathBuf> {
    use std::os::fd::AsRawFd;
    fs::read_link(format!("/proc/self/fd/{}", file.as_raw_fd())).or_else(|_| fs::canonicalize(path))
}

impl Confine {
    /// Input folders (or single input files) `roots`; those that do not exist are left
    /// out. With `allow_outside`, any path is allowed.
    pub fn new(roots: &[PathBuf], allow_outside: bool) -> Confine {
        let mut roots: Vec<PathBuf> = roots
            .iter()
            .filter_map(|r| fs::canonicalize(r).ok())
            .collect();
        roots.sort();
        roots.dedup();
        Confine {
            roots,
            allow_outside,
        }
    }

    /// No confinement: every path is allowed (library callers, tests).
    pub fn anywhere() -> Confine {
        Confine {
            roots: Vec::new(),
            allow_outside: true,
        }
    }

    /// Whether a resolved path is inside an input folder.
    fn inside(&self, real: &Path) -> bool {
        self.allow_outside || self.roots.iter().any(|r| real.starts_with(r))
    }

    /// Opens the regular file `path` for reading; `what` names it in the reason
    /// ("transcript", "bundle"). A device, FIFO, socket or folder is never opened for
    /// reading (a FIFO is opened non-blocking, so it cannot hang the run, then refused).
    pub fn open(&self, path: &Path, what: &str) -> Result<File, String> {
        let not_regular =
            || format!("{what} is not a regular file (a device, FIFO, socket or folder): not read");
        let meta = fs::metadata(path).map_err(|e| open_error(&e, what))?;
        if !meta.is_file() {
            return Err(not_regular());
        }
        let file = OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(path)
            .map_err(|e| open_error(&e, what))?;
        if !file.metadata().is_ok_and(|m| m.is_file()) {
            return Err(not_regular());
        }
        if !self.allow_outside {
            let real = real_path(&file, path).map_err(|e| open_error(&e, what))?;
            if !self.inside(&real) {
                return Err(format!(
                    "{what} path resolves outside the input folders (after symlinks): not read; --allow-outside permits it"
                ));
            }
        }
        Ok(file)
    }
}

/// Reads at most `limit` bytes of `file`; a longer file is an error naming the limit's
/// profile key.
pub fn read_bounded(file: File, limit: u64, what: &str, key: &str) -> Result<Vec<u8>, String> {
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let too_big = || format!("{what} is larger than the limit of {limit} bytes ({key})");
    if size > limit {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {what}: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(too_big());
    }
    Ok(bytes)
}

/// Appends the next line of `rdr` (its `\n` included) to `buf`, at most `limit` bytes of
/// it; a longer line is consumed to its end and dropped. Returns the bytes consumed and
/// whether the line was too long.
pub fn read_line_bounded(
    rdr: &mut impl io::BufRead,
    buf: &mut Vec<u8>,
    limit: u64,
) -> io::Result<(u64, bool)> {
    let (mut consumed, mut over) = (0u64, false);
    loop {
        let chunk = match rdr.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok((consumed, over));
        }
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        if !over && buf.len() as u64 + take as u64 > limit + u64::from(done) {
            over = true;
            buf.clear();
        }
        if !over {
            buf.extend_from_slice(&chunk[..take]);
        }
        rdr.consume(take);
        consumed += take as u64;
        if done {
            return Ok((consumed, over));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufReader;

    #[test]
    fn bounded_lines() {
        let text = b"short\nthis line is long\nok\nlast";
        let mut rdr = BufReader::with_capacity(4, &text[..]);
        let mut got = Vec::new();
        loop {
            let mut buf = Vec::new();
            let (n, over) = read_line_bounded(&mut rdr, &mut buf, 6).unwrap();
            if n == 0 {
                break;
            }
            got.push((String::from_utf8(buf).unwrap(), n, over));
        }
        assert_eq!(
            got,
            [
                ("short\n".to_string(), 6, false),
                (String::new(), 18, true),
                ("ok\n".to_string(), 3, false),
                ("last".to_string(), 4, false),
            ]
        );
    }

    #[test]
    fn confined_and_regular_only() {
        let dir = tempfile::tempdir().unwrap();
        let inside = dir.path().join("in");
        fs::create_dir(&inside).unwrap();
        fs::write(inside.join("a.txt"), "x").unwrap();
        fs::write(dir.path().join("secret.txt"), "root:x:0:0").unwrap();
        std::os::unix::fs::symlink("../secret.txt", inside.join("link.txt")).unwrap();
        let c = Confine::new(std::slice::from_ref(&inside), false);
        assert!(c.open(&inside.join("a.txt"), "transcript").is_ok());
        for p in [
            inside.join("../secret.txt"),
            inside.join("link.txt"),
            dir.path().join("secret.txt"),
        ] {
            let e = c.open(&p, "transcript").unwrap_err();
            assert!(e.contains("outside the input folders"), "{e}");
            assert!(!e.contains("root"), "{e}");
        }
        assert!(Confine::new(std::slice::from_ref(&inside), true)
            .open(&inside.join("link.txt"), "transcript")
            .is_ok());
        let e = c.open(Path::new("/dev/zero"), "transcript").unwrap_err();
        assert!(e.contains("not a regular file"), "{e}");
        let e = c.open(&inside, "transcript").unwrap_err();
        assert!(e.contains("not a regular file"), "{e}");
        let f = File::open(inside.join("a.txt")).unwrap();
        assert!(read_bounded(f, 0, "transcript", "k")
            .unwrap_err()
            .contains("limit of 0"));
    }
}
