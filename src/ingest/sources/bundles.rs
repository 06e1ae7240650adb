//! The transcript bundles (JSONL) read by call_id: merged as read when in order,
//! through an on-disk index of line offsets when not.

use super::{bundle_id, looks_sorted, reject, Halt, Input};
use crate::ingest::input;
use crate::ingest::open::{read_line_bounded, Confine};
use crate::ingest::spill::{self, LineAt, LineRef, Sorter};
use crate::ingest::transcript::jsonl;
use crate::model::Reject;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io::{self, BufReader, Read};
use std::iter::Peekable;
use std::path::{Path, PathBuf};

/// One bundle line of a call, read.
#[derive(Debug, Clone)]
pub struct BundleLine {
    pub file: usize,
    pub line: u64,
    pub text: String,
}

/// A bundle being read line by line.
struct Cursor {
    rdr: BufReader<Box<dyn Read>>,
    line: u64,
    /// Bytes read so far (of the decompressed stream).
    pos: u64,
    /// Bytes a bundle line may hold (limits.transcript_bytes).
    limit: u64,
    /// The current line: call id, line number, text.
    head: Option<(String, u64, String)>,
}

/// Where bundles may be opened from and how long a line may be.
struct Src<'a> {
    confine: &'a Confine,
    limit: u64,
}

/// The JSONL bundles, handed out call by call.
pub struct Bundles {
    pub paths: Vec<PathBuf>,
    /// Display names of the bundles, for rejects.
    pub names: Vec<String>,
    /// Bytes a bundle line may hold (limits.transcript_bytes).
    limit: u64,
    mode: BundleMode,
}

enum BundleMode {
    Stream {
        /// One per bundle; `None` for a bundle that could not be opened.
        cursors: Vec<Option<Cursor>>,
        heap: BinaryHeap<Reverse<(String, usize)>>,
    },
    /// Every line's call id and place, sorted on disk by call id; the bundles open for
    /// positioned reads.
    Sorted {
        lines: Peekable<spill::Sorted<LineRef>>,
        files: Vec<Option<std::fs::File>>,
    },
}

#[derive(serde::Deserialize)]
struct IdOnly {
    call_id: serde_json::Value,
}

/// A bundle line read with its call id: id, line number, text, start offset.
type Head = (String, u64, String, u64);

/// Reads the next non-blank line of a bundle with its call id; bad lines are rejects.
fn read_head(c: &mut Cursor, name: &str, rejects: &mut Vec<Reject>) -> Option<Head> {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let start = c.pos;
        match read_line_bounded(&mut c.rdr, &mut buf, c.limit) {
            Ok((0, _)) => return None,
            Ok((n, true)) => {
                c.pos += n;
                c.line += 1;
                rejects.push(reject(
                    name,
                    Some(c.line),
                    "",
                    format!(
                        "bundle line is larger than the limit of {} bytes (limits.transcript_bytes): not read",
                        c.limit
                    ),
                ));
                continue;
            }
            Ok((n, false)) => c.pos += n,
            Err(e) => {
                rejects.push(reject(
                    name,
                    Some(c.line + 1),
                    "",
                    format!("read error: {e}"),
                ));
                return None;
            }
        };
        c.line += 1;
        let line = c.line;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let mut text = match String::from_utf8(std::mem::take(&mut buf)) {
            Ok(t) => t,
            Err(_) => {
                rejects.push(reject(name, Some(line), "", "bundle line is not UTF-8"));
                continue;
            }
        };
        let simple = bundle_id::simple_id(&text).map(str::to_string);
        let id = match simple.map_or_else(
            || serde_json::from_str::<IdOnly>(&text),
            |id| {
                Ok(IdOnly {
                    call_id: serde_json::Value::String(id),
                })
            },
        ) {
            Ok(v) => match v.call_id {
                serde_json::Value::String(s) if !s.trim().is_empty() => s,
                serde_json::Value::Number(n) => n.to_string(),
                _ => {
                    rejects.push(reject(
                        name,
                        Some(line),
                        "",
                        "bundle line without a call_id",
                    ));
                    continue;
                }
            },
            Err(e) => {
                rejects.push(reject(name, Some(line), "", jsonl::describe_error(&e)));
                continue;
            }
        };
        // Trimmed in place: the line is not copied again.
        let len = text.trim_end().len();
        text.truncate(len);
        return Some((id, line, text, start));
    }
}

fn unknown_line(name: &str, line: u64, id: &str) -> Reject {
    reject(
        name,
        Some(line),
        id,
        "bundle line for an unknown call_id (not in the manifest)",
    )
}

fn duplicate_line(name: &str, line: u64, id: &str, first: &str, first_line: u64) -> Reject {
    reject(
        name,
        Some(line),
        id,
        format!("duplicate transcript for this call (first in {first} line {first_line})"),
    )
}

/// Whether a path names a JSONL bundle (plain or compressed).
pub fn is_bundle(path: &Path) -> bool {
    input::has_ext(&input::logical(path), "jsonl")
}

impl Bundles {
    fn open(
        paths: &[PathBuf],
        names: &[String],
        src: &Src,
        rejects: &mut Vec<Reject>,
    ) -> Vec<Option<Cursor>> {
        let open = |p: &Path| {
            let f = src.confine.open(p, "bundle")?;
            input::decoder(f, p).map_err(|e| format!("cannot open bundle: {e}"))
        };
        paths
            .iter()
            .zip(names)
            .map(|(p, name)| match open(p) {
                Ok(f) => Some(Cursor {
                    rdr: BufReader::with_capacity(1 << 16, f),
                    line: 0,
                    pos: 0,
                    limit: src.limit,
                    head: None,
                }),
                Err(e) => {
                    rejects.push(reject(name, None, "", e));
                    None
                }
            })
            .collect()
    }

    /// The bundles, merged as they stream or (`sort`) sorted on disk first; each is
    /// opened only inside `confine`, and a line is read only up to `limit` bytes.
    pub fn new(
        paths: Vec<PathBuf>,
        names: Vec<String>,
        sort: bool,
        confine: &Confine,
        limit: u64,
        rejects: &mut Vec<Reject>,
    ) -> io::Result<Bundles> {
        let src = Src { confine, limit };
        let mode = if sort {
            Bundles::sorted(&paths, &names, &src, rejects)?
        } else {
            Bundles::stream(&paths, &names, &src, rejects)
        };
        Ok(Bundles {
            paths,
            names,
            limit,
            mode,
        })
    }

    fn stream(
        paths: &[PathBuf],
        names: &[String],
        src: &Src,
        rejects: &mut Vec<Reject>,
    ) -> BundleMode {
        let mut cursors = Bundles::open(paths, names, src, rejects);
        let mut heap = BinaryHeap::new();
        for (i, c) in cursors.iter_mut().enumerate() {
            if let Some(c) = c.as_mut() {
                if let Some((id, line, text, _)) = read_head(c, &names[i], rejects) {
                    heap.push(Reverse((id.clone(), i)));
                    c.head = Some((id, line, text));
                }
            }
        }
        BundleMode::Stream { cursors, heap }
    }

    fn sorted(
        paths: &[PathBuf],
        names: &[String],
        src: &Src,
        rejects: &mut Vec<Reject>,
    ) -> io::Result<BundleMode> {
        let mut sorter: Sorter<LineRef> = Sorter::default();
        for (fi, c) in Bundles::open(paths, names, src, rejects)
            .into_iter()
            .enumerate()
        {
            let Some(mut c) = c else { continue };
            // A compressed bundle cannot be read at an offset: its lines are kept.
            let keep_text = input::Compression::of(&paths[fi]) != input::Compression::None;
            while let Some((id, line, text, start)) = read_head(&mut c, &names[fi], rejects) {
                let at = if keep_text {
                    LineAt::Text(text)
                } else {
                    LineAt::Offset(start)
                };
                let seq = ((fi as u64) << 40) | line;
                sorter.push(
                    &id,
                    seq,
                    &LineRef {
                        id: id.clone(),
                        file: fi,
                        line,
                        at,
                    },
                )?;
            }
        }
        let files = paths.iter().map(|p| std::fs::File::open(p).ok()).collect();
        Ok(BundleMode::Sorted {
            lines: sorter.finish()?.peekable(),
            files,
        })
    }

    /// The bundle line of `call_id`, if a bundle holds it. Calls must be asked in
    /// call_id order; lines of calls passed over are rejected as unknown.
    pub fn take(
        &mut self,
        call_id: &str,
        rejects: &mut Vec<Reject>,
    ) -> Result<Option<BundleLine>, Halt> {
        match &mut self.mode {
            BundleMode::Sorted { lines, files } => {
                let mut found: Option<BundleLine> = None;
                loop {
                    match lines.peek() {
                        None => break,
                        Some(Ok((_, r))) if r.id.as_str() > call_id => break,
                        _ => {}
                    }
                    let r = match lines.next() {
                        Some(Ok((_, r))) => r,
                        Some(Err(e)) => return Err(Halt::Io(e)),
                        None => break,
                    };
                    let name = &self.names[r.file];
                    if r.id.as_str() < call_id {
                        rejects.push(unknown_line(name, r.line, &r.id));
                        continue;
                    }
                    if let Some(first) = &found {
                        let (fname, fline) = (&self.names[first.file], first.line);
                        rejects.push(duplicate_line(name, r.line, &r.id, fname, fline));
                        continue;
                    }
                    let text = match r.at {
                        LineAt::Text(t) => t,
                        LineAt::Offset(o) => {
                            match files[r.file]
                                .as_ref()
                                .map(|f| read_line_at(f, o, self.limit))
                            {
                                Some(Ok(t)) => t,
                                Some(Err(e)) => {
                                    rejects.push(reject(
                                        name,
                                        Some(r.line),
                                        call_id,
                                        format!("cannot read bundle line: {e}"),
                                    ));
                                    continue;
                                }
                                None => continue,
                            }
                        }
                    };
                    found = Some(BundleLine {
                        file: r.file,
                        line: r.line,
                        text,
                    });
                }
                Ok(found)
            }
            BundleMode::Stream { cursors, heap } => {
                let mut found: Option<BundleLine> = None;
                while let Some(Reverse((id, fi))) = heap.peek().cloned() {
                    if id.as_str() > call_id {
                        break;
                    }
                    heap.pop();
                    let c = cursors[fi]
                        .as_mut()
                        .expect("heap entries come from open bundles");
                    let (hid, hline, text) = c.head.take().expect("heap entry has a head");
                    if id.as_str() < call_id {
                        rejects.push(unknown_line(&self.names[fi], hline, &hid));
                    } else if let Some(first) = &found {
                        rejects.push(duplicate_line(
                            &self.names[fi],
                            hline,
                            &hid,
                            &self.names[first.file],
                            first.line,
                        ));
                    } else {
                        found = Some(BundleLine {
                            file: fi,
                            line: hline,
                            text,
                        });
                    }
                    if let Some((nid, nline, ntext, _)) = read_head(c, &self.names[fi], rejects) {
                        if nid < hid {
                            return Err(Halt::OutOfOrder(
                                Input::Bundles,
                                format!("{} line {nline}: {nid} after {hid}", self.names[fi]),
                            ));
                        }
                        heap.push(Reverse((nid.clone(), fi)));
                        c.head = Some((nid, nline, ntext));
                    }
                }
                Ok(found)
            }
        }
    }

    /// Rejects every bundle line left: their calls are not in the manifest.
    pub fn finish(mut self, rejects: &mut Vec<Reject>) -> Result<(), Halt> {
        // Asking for a key after every call id drains what is left.
        self.take("\u{10FFFF}", rejects).map(|_| ())
    }
}

/// Reads the line starting at `offset` of a plain bundle, at most `limit` bytes of it
/// (the bundle was checked when indexed, but may have changed since).
fn read_line_at(f: &std::fs::File, offset: u64, limit: u64) -> io::Result<String> {
    use std::os::unix::fs::FileExt;
    let mut buf = Vec::new();
    let mut chunk = vec![0u8; 16 * 1024];
    loop {
        let n = f.read_at(&mut chunk, offset + buf.len() as u64)?;
        if n == 0 {
            break;
        }
        match chunk[..n].iter().position(|&b| b == b'\n') {
            Some(i) => {
                buf.extend_from_slice(&chunk[..i]);
                break;
            }
            None => buf.extend_from_slice(&chunk[..n]),
        }
        if buf.len() as u64 > limit {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "line larger than the limit (limits.transcript_bytes)",
            ));
        }
    }
    String::from_utf8(buf)
        .map(|s| s.trim_end().to_string())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8"))
}

/// Whether the first [`PROBE`] call ids of the bundle at `p` are in order (a file that
/// cannot be opened counts as sorted: the pass itself rejects it).
pub(super) fn looks_sorted_bundle(p: &Path) -> bool {
    // Only regular files are opened (a FIFO would block; the pass rejects it).
    if !std::fs::metadata(p).is_ok_and(|m| m.is_file()) {
        return true;
    }
    let Ok(f) = input::open(p) else { return true };
    let mut c = Cursor {
        rdr: BufReader::with_capacity(1 << 16, f),
        line: 0,
        pos: 0,
        limit: 1 << 40,
        head: None,
    };
    let mut ignored = Vec::new();
    looks_sorted(std::iter::from_fn(|| {
        read_head(&mut c, "", &mut ignored).map(|h| h.0)
    }))
}

/// Calls `f` with every line of a bundle (call id, line number, text), bad lines left
/// out: for looking a few calls up whatever the order.
pub fn scan_bundle(path: &Path, name: &str, mut f: impl FnMut(String, u64, String)) {
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return;
    }
    let Ok(rdr) = input::open(path) else { return };
    let mut c = Cursor {
        rdr: BufReader::with_capacity(1 << 16, rdr),
        line: 0,
        pos: 0,
        limit: 1 << 40,
        head: None,
    };
    let mut ignored = Vec::new();
    while let Some((id, line, text, _)) = read_head(&mut c, name, &mut ignored) {
        f(id, line, text);
    }
}
