//! Where the calls, their actions and their transcripts come from, in call_id order.
//!
//! Two modes give the same calls, actions and rejects:
//! - **stream**: the manifest, the action log and every JSONL bundle are sorted by
//!   call_id (as exports and `callaudit generate` write them). They are merged as they
//!   are read, so memory does not grow with the archive.
//! - **index**: any of them is out of order. The manifest is held and sorted, actions
//!   are grouped by call in memory and bundle lines are found through a byte-offset
//!   index: memory grows with the number of calls (about 0.5 kB a call).
//!
//! A run starts in stream mode; a source found out of order stops it with
//! [`OutOfOrder`] and the caller restarts in index mode.

use super::bundle_id;
use crate::ingest::open::{read_line_bounded, Confine};
use crate::ingest::tables::{self, Rows};
use crate::ingest::transcript::jsonl;
use crate::model::{Action, CallMeta, Reject};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// A sorted source turned out to be out of order: rerun in index mode.
#[derive(Debug)]
pub struct OutOfOrder(pub String);

fn reject(file: &str, line: Option<u64>, call_id: &str, reason: impl Into<String>) -> Reject {
    Reject {
        file: file.to_string(),
        line,
        call_id: call_id.to_string(),
        reason: reason.into(),
    }
}

/// Manifest rows in call_id order, duplicates rejected (the first row wins).
pub enum Calls {
    Stream {
        rows: Box<Rows<CallMeta>>,
        last: Option<(String, u64)>,
    },
    Sorted(std::vec::IntoIter<CallMeta>),
}

impl Calls {
    pub fn stream(path: &Path) -> Calls {
        Calls::Stream {
            rows: Box::new(tables::calls(path, "calls.csv")),
            last: None,
        }
    }

    pub fn sorted(path: &Path, rejects: &mut Vec<Reject>) -> Calls {
        let mut all = tables::collect(tables::calls(path, "calls.csv"), rejects);
        all.sort_by(|a, b| a.call_id.cmp(&b.call_id).then(a.line.cmp(&b.line)));
        let mut kept: Vec<CallMeta> = Vec::with_capacity(all.len());
        for c in all {
            match kept.last() {
                Some(prev) if prev.call_id == c.call_id => rejects.push(duplicate(&c, prev.line)),
                _ => kept.push(c),
            }
        }
        Calls::Sorted(kept.into_iter())
    }

    /// The next call, or `Ok(None)` at the end.
    pub fn next(&mut self, rejects: &mut Vec<Reject>) -> Result<Option<CallMeta>, OutOfOrder> {
        match self {
            Calls::Sorted(it) => Ok(it.next()),
            Calls::Stream { rows, last } => loop {
                match rows.next() {
                    None => return Ok(None),
                    Some(Err(r)) => rejects.push(r),
                    Some(Ok(c)) => match last {
                        Some((id, line)) if *id == c.call_id => rejects.push(duplicate(&c, *line)),
                        Some((id, _)) if *id > c.call_id => {
                            return Err(OutOfOrder(format!(
                                "calls.csv line {}: {} after {id}",
                                c.line, c.call_id
                            )))
                        }
                        _ => {
                            *last = Some((c.call_id.clone(), c.line));
                            return Ok(Some(c));
                        }
                    },
                }
            },
        }
    }
}

fn duplicate(c: &CallMeta, first: u64) -> Reject {
    reject(
        "calls.csv",
        Some(c.line),
        &c.call_id,
        format!("duplicate call_id (first on line {first})"),
    )
}

fn unknown_action(a: &Action) -> Reject {
    reject(
        "actions.csv",
        Some(a.line),
        &a.call_id,
        "action for unknown call_id (not in the manifest)",
    )
}

/// The action log, handed out call by call.
pub enum Actions {
    Stream(Box<std::iter::Peekable<Rows<Action>>>),
    Index(HashMap<String, Vec<Action>>),
    None,
}

impl Actions {
    pub fn stream(path: &Path) -> Actions {
        Actions::Stream(Box::new(tables::actions(path, "actions.csv").peekable()))
    }

    pub fn index(path: &Path, rejects: &mut Vec<Reject>) -> Actions {
        let mut by_call: HashMap<String, Vec<Action>> = HashMap::new();
        for a in tables::collect(tables::actions(path, "actions.csv"), rejects) {
            by_call.entry(a.call_id.clone()).or_default().push(a);
        }
        Actions::Index(by_call)
    }

    /// The actions of `call_id`, in time order. Calls must be asked in call_id order.
    pub fn take(
        &mut self,
        call_id: &str,
        rejects: &mut Vec<Reject>,
    ) -> Result<Vec<Action>, OutOfOrder> {
        let mut out = match self {
            Actions::None => Vec::new(),
            Actions::Index(map) => map.remove(call_id).unwrap_or_default(),
            Actions::Stream(rows) => {
                let mut out: Vec<Action> = Vec::new();
                while let Some(next) = rows.peek() {
                    match next {
                        Err(_) => {
                            if let Some(Err(r)) = rows.next() {
                                rejects.push(r);
                            }
                        }
                        Ok(a) if a.call_id.as_str() < call_id => {
                            if let Some(Ok(a)) = rows.next() {
                                rejects.push(unknown_action(&a));
                            }
                        }
                        Ok(a) if a.call_id == call_id => {
                            if let Some(Ok(a)) = rows.next() {
                                out.push(a);
                            }
                        }
                        Ok(_) => break,
                    }
                }
                // Rows of this call after a later call's would mean disorder.
                if let Some(Ok(a)) = rows.peek() {
                    if let Some(prev) = out.last() {
                        if a.call_id < prev.call_id {
                            return Err(OutOfOrder(format!("actions.csv line {}", a.line)));
                        }
                    }
                }
                out
            }
        };
        out.sort_by(|a, b| a.at.cmp(&b.at).then(a.line.cmp(&b.line)));
        Ok(out)
    }

    /// Rejects every action left: their calls are not in the manifest.
    pub fn finish(self, rejects: &mut Vec<Reject>) -> Result<(), OutOfOrder> {
        match self {
            Actions::None => {}
            Actions::Index(map) => {
                for a in map.into_values().flatten() {
                    rejects.push(unknown_action(&a));
                }
            }
            Actions::Stream(rows) => {
                let mut last: Option<String> = None;
                for r in *rows {
                    match r {
                        Err(e) => rejects.push(e),
                        Ok(a) => {
                            if last.as_ref().is_some_and(|l| *l > a.call_id) {
                                return Err(OutOfOrder(format!("actions.csv line {}", a.line)));
                            }
                            rejects.push(unknown_action(&a));
                            last = Some(a.call_id);
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

/// One bundle line of a call, read.
#[derive(Debug, Clone)]
pub struct BundleLine {
    pub file: usize,
    pub line: u64,
    pub text: String,
}

/// A bundle being read line by line.
struct Cursor {
    rdr: BufReader<std::fs::File>,
    line: u64,
    /// The current line: call id, line number, text.
    head: Option<(String, u64, String)>,
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
    Index(HashMap<String, (usize, u64, u64)>),
}

#[derive(serde::Deserialize)]
struct IdOnly {
    call_id: serde_json::Value,
}

/// Reads the next non-blank line of a bundle with its call id; bad lines are rejects.
fn read_head(
    rdr: &mut impl BufRead,
    line: &mut u64,
    name: &str,
    limit: u64,
    rejects: &mut Vec<Reject>,
) -> Option<(String, u64, String, u64)> {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = match read_line_bounded(rdr, &mut buf, limit) {
            Ok((0, _)) => return None,
            Ok((_, true)) => {
                *line += 1;
                rejects.push(reject(
                    name,
                    Some(*line),
                    "",
                    format!(
                        "bundle line is larger than the limit of {limit} bytes (limits.transcript_bytes): not read"
                    ),
                ));
                continue;
            }
            Ok((n, false)) => n,
            Err(e) => {
                rejects.push(reject(
                    name,
                    Some(*line + 1),
                    "",
                    format!("read error: {e}"),
                ));
                return None;
            }
        };
        *line += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let mut text = match String::from_utf8(std::mem::take(&mut buf)) {
            Ok(t) => t,
            Err(_) => {
                rejects.push(reject(name, Some(*line), "", "bundle line is not UTF-8"));
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
                        Some(*line),
                        "",
                        "bundle line without a call_id",
                    ));
                    continue;
                }
            },
            Err(e) => {
                rejects.push(reject(name, Some(*line), "", jsonl::describe_error(&e)));
                continue;
            }
        };
        // Trimmed in place: the line is not copied again.
        let len = text.trim_end().len();
        text.truncate(len);
        return Some((id, *line, text, n));
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

impl Bundles {
    fn open(
        paths: &[PathBuf],
        names: &[String],
        confine: &Confine,
        rejects: &mut Vec<Reject>,
    ) -> Vec<Option<BufReader<std::fs::File>>> {
        paths
            .iter()
            .zip(names)
            .map(|(p, name)| match confine.open(p, "bundle") {
                Ok(f) => Some(BufReader::with_capacity(1 << 16, f)),
                Err(e) => {
                    rejects.push(reject(name, None, "", e));
                    None
                }
            })
            .collect()
    }

    pub fn stream(
        paths: Vec<PathBuf>,
        names: Vec<String>,
        confine: &Confine,
        limit: u64,
        rejects: &mut Vec<Reject>,
    ) -> Bundles {
        let mut cursors = Vec::new();
        let mut heap = BinaryHeap::new();
        for (i, rdr) in Bundles::open(&paths, &names, confine, rejects)
            .into_iter()
            .enumerate()
        {
            let mut c = rdr.map(|rdr| Cursor {
                rdr,
                line: 0,
                head: None,
            });
            if let Some(c) = c.as_mut() {
                if let Some((id, line, text, _)) =
                    read_head(&mut c.rdr, &mut c.line, &names[i], limit, rejects)
                {
                    heap.push(Reverse((id.clone(), i)));
                    c.head = Some((id, line, text));
                }
            }
            cursors.push(c);
        }
        Bundles {
            paths,
            names,
            limit,
            mode: BundleMode::Stream { cursors, heap },
        }
    }

    pub fn index(
        paths: Vec<PathBuf>,
        names: Vec<String>,
        confine: &Confine,
        limit: u64,
        rejects: &mut Vec<Reject>,
    ) -> Bundles {
        let mut index: HashMap<String, (usize, u64, u64)> = HashMap::new();
        for (fi, rdr) in Bundles::open(&paths, &names, confine, rejects)
            .into_iter()
            .enumerate()
        {
            let Some(mut rdr) = rdr else { continue };
            let mut line = 0u64;
            while let Some((id, at_line, _text, n)) =
                read_head(&mut rdr, &mut line, &names[fi], limit, rejects)
            {
                // The line starts where the reader now stands, less its own bytes.
                let Some(start) = offset_of(&mut rdr).map(|end| end - n) else {
                    rejects.push(reject(
                        &names[fi],
                        Some(at_line),
                        &id,
                        "cannot locate bundle line",
                    ));
                    continue;
                };
                match index.get(&id) {
                    Some(&(f0, _, l0)) => {
                        rejects.push(duplicate_line(&names[fi], at_line, &id, &names[f0], l0))
                    }
                    None => {
                        index.insert(id, (fi, start, at_line));
                    }
                }
            }
        }
        Bundles {
            paths,
            names,
            limit,
            mode: BundleMode::Index(index),
        }
    }

    /// The bundle line of `call_id`, if a bundle holds it. Calls must be asked in
    /// call_id order; lines of calls passed over are rejected as unknown.
    pub fn take(
        &mut self,
        call_id: &str,
        rejects: &mut Vec<Reject>,
    ) -> Result<Option<BundleLine>, OutOfOrder> {
        match &mut self.mode {
            BundleMode::Index(index) => {
                let Some((file, offset, line)) = index.remove(call_id) else {
                    return Ok(None);
                };
                match read_line_at(&self.paths[file], offset, self.limit) {
                    Ok(text) => Ok(Some(BundleLine { file, line, text })),
                    Err(e) => {
                        // The bundle changed or vanished since it was indexed.
                        rejects.push(reject(
                            &self.names[file],
                            Some(line),
                            call_id,
                            format!("cannot read bundle line: {e}"),
                        ));
                        Ok(None)
                    }
                }
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
                    if let Some((nid, nline, ntext, _)) = read_head(
                        &mut c.rdr,
                        &mut c.line,
                        &self.names[fi],
                        self.limit,
                        rejects,
                    ) {
                        if nid < hid {
                            return Err(OutOfOrder(format!("{} line {nline}", self.names[fi])));
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
    pub fn finish(mut self, rejects: &mut Vec<Reject>) -> Result<(), OutOfOrder> {
        match &mut self.mode {
            BundleMode::Index(index) => {
                for (id, (file, _, line)) in index.drain() {
                    rejects.push(unknown_line(&self.names[file], line, &id));
                }
                Ok(())
            }
            BundleMode::Stream { .. } => {
                // Asking for a key after every call id drains the heap.
                let last = "\u{10FFFF}";
                self.take(last, rejects).map(|_| ())
            }
        }
    }
}

fn offset_of(rdr: &mut BufReader<std::fs::File>) -> Option<u64> {
    let pos = rdr.get_mut().stream_position().ok()?;
    Some(pos - rdr.buffer().len() as u64)
}

/// Reads the line starting at `offset` (at most `limit` bytes of it: the bundle was
/// checked when indexed, but may have changed since).
fn read_line_at(path: &Path, offset: u64, limit: u64) -> std::io::Result<String> {
    let mut f = std::fs::File::open(path)?;
    f.seek(SeekFrom::Start(offset))?;
    let mut buf = Vec::new();
    let (_, over) = read_line_bounded(&mut BufReader::new(f.by_ref()), &mut buf, limit)?;
    if over {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "line larger than the limit (limits.transcript_bytes)",
        ));
    }
    String::from_utf8(buf)
        .map(|s| s.trim_end().to_string())
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8"))
}
