//! Input files as users have them: one file, a folder of daily exports or a glob, each
//! file plain or compressed (`.gz`, `.zst`). Every reader of the audit opens its files
//! through [`open`], so compression is handled in one place; [`expand`] turns what the
//! user named into the sorted list of files read.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// How a file is compressed, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

impl Compression {
    pub fn of(path: &Path) -> Compression {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("gz") => Compression::Gzip,
            Some(e) if e.eq_ignore_ascii_case("zst") || e.eq_ignore_ascii_case("zstd") => {
                Compression::Zstd
            }
            _ => Compression::None,
        }
    }
}

/// The path without its compression extension: `day1.csv.gz` → `day1.csv`. Format and
/// role detection look at this name.
pub fn logical(path: &Path) -> PathBuf {
    match Compression::of(path) {
        Compression::None => path.to_path_buf(),
        _ => path.with_extension(""),
    }
}

/// Opens a file for reading, decompressing it by extension.
pub fn open(path: &Path) -> io::Result<Box<dyn Read>> {
    decoder(std::fs::File::open(path)?, path)
}

/// Wraps an open file in the decoder its name calls for.
pub fn decoder(file: std::fs::File, path: &Path) -> io::Result<Box<dyn Read>> {
    Ok(match Compression::of(path) {
        Compression::None => Box::new(file),
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(io::BufReader::new(file))),
        Compression::Zstd => Box::new(zstd::stream::read::Decoder::new(file)?),
    })
}

/// Reads a whole (possibly compressed) file, at most `limit` bytes once decompressed;
/// a larger file is an error of kind `InvalidData` saying so.
pub fn read_all(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    read_limited(open(path)?, limit)
}

/// Reads a stream to its end, at most `limit` bytes; more is an `InvalidData` error.
pub fn read_limited(rdr: impl Read, limit: u64) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    rdr.take(limit + 1).read_to_end(&mut out)?;
    if out.len() as u64 > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("larger than {limit} bytes"),
        ));
    }
    Ok(out)
}

/// Whether `name` (one path component) matches a shell pattern with `*` and `?`.
pub fn glob_match(pattern: &str, name: &str) -> bool {
    let (p, n): (Vec<char>, Vec<char>) = (pattern.chars().collect(), name.chars().collect());
    // Iterative wildcard match: on a mismatch, let the last `*` swallow one more char.
    let (mut i, mut j, mut star, mut mark) = (0, 0, None, 0);
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

fn has_wildcard(s: &str) -> bool {
    s.contains(['*', '?'])
}

/// The files one input names, sorted by path: a file as is; a folder's regular files
/// that `keep` accepts; a glob (`*` and `?` in the last component) its matching files.
/// A name that matches nothing is an error naming it.
pub fn expand(spec: &Path, keep: impl Fn(&Path) -> bool) -> Result<Vec<PathBuf>, String> {
    let shown = spec.display();
    let name = spec.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if has_wildcard(name) {
        let dir = match spec.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut out = list(&dir, |p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| glob_match(name, n))
        })
        .map_err(|e| format!("{shown}: cannot list {}: {e}", dir.display()))?;
        if spec.parent().is_none_or(|d| d.as_os_str().is_empty()) {
            out = out
                .into_iter()
                .map(|p| p.strip_prefix(".").map(Path::to_path_buf).unwrap_or(p))
                .collect();
        }
        if out.is_empty() {
            return Err(format!("{shown}: no file matches"));
        }
        return Ok(out);
    }
    if spec.is_dir() {
        let out = list(spec, keep).map_err(|e| format!("{shown}: cannot list: {e}"))?;
        if out.is_empty() {
            return Err(format!("{shown}: the folder holds no input file"));
        }
        return Ok(out);
    }
    if spec.is_file() {
        return Ok(vec![spec.to_path_buf()]);
    }
    Err(format!("{shown}: not found"))
}

/// The regular files of `dir` that `keep` accepts, sorted.
fn list(dir: &Path, keep: impl Fn(&Path) -> bool) -> io::Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && keep(p))
        .collect();
    out.sort();
    Ok(out)
}

/// Whether a path names a CSV table, plain or compressed.
pub fn is_csv(path: &Path) -> bool {
    has_ext(&logical(path), "csv")
}

/// Whether a path's extension is `ext` (case-insensitive).
pub fn has_ext(path: &Path, ext: &str) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// The default file of a table in `dir`: `NAME.csv`, else `NAME.csv.gz` or `.zst`,
/// else the glob `NAME-*.csv*` when it matches (daily exports:
/// `actions-2026-11-20.csv.gz`). `None` when nothing is there.
pub fn default_table(dir: &Path, name: &str) -> Option<PathBuf> {
    for ext in ["csv", "csv.gz", "csv.zst"] {
        let p = dir.join(format!("{name}.{ext}"));
        if p.is_file() {
            return Some(p);
        }
    }
    let glob = dir.join(format!("{name}-*.csv*"));
    expand(&glob, is_csv).ok().map(|_| glob)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn glob_patterns() {
        for (p, n, ok) in [
            ("actions-*.csv", "actions-2026-11-20.csv", true),
            ("actions-*.csv", "actions.csv", false),
            ("*.csv*", "a.csv.gz", true),
            ("a?c", "abc", true),
            ("a?c", "ac", false),
            ("*", "", true),
            ("*x*y", "axbxy", true),
            ("*x*y", "axbxyz", false),
        ] {
            assert_eq!(glob_match(p, n), ok, "{p} {n}");
        }
    }

    #[test]
    fn compressed_files_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let text = b"call_id,at\nC1,x\n";
        let gz = dir.path().join("a.csv.gz");
        let mut e = flate2::write::GzEncoder::new(
            std::fs::File::create(&gz).unwrap(),
            flate2::Compression::fast(),
        );
        e.write_all(text).unwrap();
        e.finish().unwrap();
        let zst = dir.path().join("a.csv.zst");
        std::fs::write(&zst, zstd::encode_all(&text[..], 1).unwrap()).unwrap();
        for p in [&gz, &zst] {
            assert_eq!(read_all(p, 100).unwrap(), text);
            assert!(is_csv(p));
            assert!(read_all(p, 5).is_err(), "limit holds for {}", p.display());
        }
        assert_eq!(logical(&gz), dir.path().join("a.csv"));
    }

    #[test]
    fn expand_folder_glob_and_missing() {
        let dir = tempfile::tempdir().unwrap();
        for n in ["actions-2.csv", "actions-1.csv.gz", "notes.txt"] {
            std::fs::write(dir.path().join(n), "x").unwrap();
        }
        let all = expand(dir.path(), is_csv).unwrap();
        let names: Vec<_> = all.iter().map(|p| p.file_name().unwrap()).collect();
        assert_eq!(names, ["actions-1.csv.gz", "actions-2.csv"]);
        let g = expand(&dir.path().join("actions-*.csv"), is_csv).unwrap();
        assert_eq!(g, [dir.path().join("actions-2.csv")]);
        let e = expand(&dir.path().join("nope-*.csv"), is_csv).unwrap_err();
        assert!(e.contains("no file matches"), "{e}");
        assert!(expand(&dir.path().join("missing.csv"), is_csv)
            .unwrap_err()
            .contains("not found"));
        let d = default_table(dir.path(), "actions").unwrap();
        assert_eq!(expand(&d, is_csv).unwrap().len(), 2);
        assert!(default_table(dir.path(), "calls").is_none());
    }
}
