//! External sort of input rows by call_id in bounded memory, for inputs that do not come
//! in call_id order (exports in time order, shuffled, merged by hand).
//!
//! Rows are encoded as bytes ([`Codec`]), buffered up to [`RUN_BYTES`], sorted by
//! (call_id, sequence) and spilled to a temporary file (deleted when dropped); the runs
//! are then merged. The sequence is the row's place in the input (file, line), so rows
//! of one call come back in input order and "the first row wins" keeps its meaning.
//! Memory is one run plus a read buffer per run, whatever the archive size; an input
//! that fits in one run never touches the disk.

use crate::model::{Action, ActionKind, CallMeta, Timestamp};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};
use std::sync::Arc;

/// Bytes of encoded rows sorted in memory before a run is spilled.
pub const RUN_BYTES: usize = 32 << 20;

/// Read or write buffer of one run on disk.
const IO_BUF: usize = 64 * 1024;

/// A value that can be spilled: encoded into bytes and decoded back.
pub trait Codec: Sized {
    fn encode(&self, out: &mut Vec<u8>);
    fn decode(bytes: &mut &[u8]) -> Option<Self>;
}

/// One buffered row: where its key and payload lie in the arena.
struct Entry {
    seq: u64,
    start: usize,
    key_len: u32,
    len: u32,
}

/// Collects rows and hands them back in (call_id, sequence) order.
pub struct Sorter<T> {
    arena: Vec<u8>,
    entries: Vec<Entry>,
    runs: Vec<File>,
    budget: usize,
    scratch: Vec<u8>,
    _t: std::marker::PhantomData<T>,
}

impl<T: Codec> Default for Sorter<T> {
    fn default() -> Self {
        Sorter::new(RUN_BYTES)
    }
}

impl<T: Codec> Sorter<T> {
    pub fn new(budget: usize) -> Sorter<T> {
        Sorter {
            arena: Vec::new(),
            entries: Vec::new(),
            runs: Vec::new(),
            budget: budget.max(1),
            scratch: Vec::new(),
            _t: std::marker::PhantomData,
        }
    }

    pub fn push(&mut self, key: &str, seq: u64, value: &T) -> io::Result<()> {
        let start = self.arena.len();
        self.arena.extend_from_slice(key.as_bytes());
        value.encode(&mut self.arena);
        self.entries.push(Entry {
            seq,
            start,
            key_len: key.len() as u32,
            len: (self.arena.len() - start) as u32,
        });
        if self.arena.len() + self.entries.len() * std::mem::size_of::<Entry>() >= self.budget {
            self.spill()?;
        }
        Ok(())
    }

    fn sort(&mut self) {
        let arena = &self.arena;
        let key = |e: &Entry| &arena[e.start..e.start + e.key_len as usize];
        self.entries
            .sort_unstable_by(|a, b| key(a).cmp(key(b)).then(a.seq.cmp(&b.seq)));
    }

    fn spill(&mut self) -> io::Result<()> {
        self.sort();
        let mut out = BufWriter::with_capacity(IO_BUF, tempfile::tempfile()?);
        for e in &self.entries {
            let bytes = &self.arena[e.start..e.start + e.len as usize];
            self.scratch.clear();
            self.scratch.extend_from_slice(&e.seq.to_le_bytes());
            self.scratch.extend_from_slice(&e.key_len.to_le_bytes());
            self.scratch.extend_from_slice(&e.len.to_le_bytes());
            out.write_all(&self.scratch)?;
            out.write_all(bytes)?;
        }
        let mut file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.rewind()?;
        self.runs.push(file);
        self.arena.clear();
        self.entries.clear();
        Ok(())
    }

    /// All rows pushed, sorted.
    pub fn finish(mut self) -> io::Result<Sorted<T>> {
        if self.runs.is_empty() {
            self.sort();
            return Ok(Sorted {
                src: Src::Memory {
                    arena: self.arena,
                    entries: self.entries.into_iter(),
                },
                _t: std::marker::PhantomData,
            });
        }
        if !self.entries.is_empty() {
            self.spill()?;
        }
        let mut runs: Vec<Run> = self
            .runs
            .into_iter()
            .map(|f| Run {
                rdr: BufReader::with_capacity(IO_BUF, f),
                head: None,
            })
            .collect();
        let mut heap = BinaryHeap::with_capacity(runs.len());
        for (i, r) in runs.iter_mut().enumerate() {
            if r.advance()? {
                heap.push(Reverse(r.order(i)));
            }
        }
        Ok(Sorted {
            src: Src::Merge { runs, heap },
            _t: std::marker::PhantomData,
        })
    }
}

/// A spilled run being read back; `head` is its current row: seq, key length, bytes.
struct Run {
    rdr: BufReader<File>,
    head: Option<(u64, usize, Vec<u8>)>,
}

impl Run {
    fn advance(&mut self) -> io::Result<bool> {
        let mut hdr = [0u8; 16];
        match self.rdr.read_exact(&mut hdr) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                self.head = None;
                return Ok(false);
            }
            Err(e) => return Err(e),
        }
        let word = |i: usize| u32::from_le_bytes(hdr[i..i + 4].try_into().unwrap_or_default());
        let seq = u64::from_le_bytes(hdr[..8].try_into().unwrap_or_default());
        let (key_len, len) = (word(8) as usize, word(12) as usize);
        let mut bytes = self.head.take().map(|h| h.2).unwrap_or_default();
        bytes.resize(len, 0);
        self.rdr.read_exact(&mut bytes)?;
        self.head = Some((seq, key_len, bytes));
        Ok(true)
    }

    /// The merge order of this run's head: (key, seq, run).
    fn order(&self, i: usize) -> (Vec<u8>, u64, usize) {
        let (seq, key_len, bytes) = self.head.as_ref().expect("advanced run has a head");
        (bytes[..*key_len].to_vec(), *seq, i)
    }
}

enum Src {
    Memory {
        arena: Vec<u8>,
        entries: std::vec::IntoIter<Entry>,
    },
    Merge {
        runs: Vec<Run>,
        heap: BinaryHeap<Reverse<(Vec<u8>, u64, usize)>>,
    },
}

/// Rows in (call_id, sequence) order: `(seq, value)`.
pub struct Sorted<T> {
    src: Src,
    _t: std::marker::PhantomData<T>,
}

fn corrupt() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, "spilled row does not decode")
}

impl<T: Codec> Iterator for Sorted<T> {
    type Item = io::Result<(u64, T)>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.src {
            Src::Memory { arena, entries } => {
                let e = entries.next()?;
                let mut bytes = &arena[e.start + e.key_len as usize..e.start + e.len as usize];
                Some(
                    T::decode(&mut bytes)
                        .map(|v| (e.seq, v))
                        .ok_or_else(corrupt),
                )
            }
            Src::Merge { runs, heap } => {
                let Reverse((_, seq, i)) = heap.pop()?;
                let run = &mut runs[i];
                let value = {
                    let (_, key_len, bytes) = run.head.as_ref()?;
                    let mut rest = &bytes[*key_len..];
                    T::decode(&mut rest)
                };
                let step = run.advance().map(|more| {
                    if more {
                        heap.push(Reverse(run.order(i)));
                    }
                });
                Some(step.and_then(|_| value.map(|v| (seq, v)).ok_or_else(corrupt)))
            }
        }
    }
}

fn put_u64(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u64(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn put_ts(out: &mut Vec<u8>, t: &Timestamp) {
    put_u64(out, t.timestamp() as u64);
    put_u64(out, u64::from(t.timestamp_subsec_nanos()));
    put_u64(out, t.offset().local_minus_utc() as i64 as u64);
}

fn get_u64(b: &mut &[u8]) -> Option<u64> {
    let (head, rest) = b.split_first_chunk::<8>()?;
    *b = rest;
    Some(u64::from_le_bytes(*head))
}

fn get_str(b: &mut &[u8]) -> Option<String> {
    let n = get_u64(b)? as usize;
    if b.len() < n {
        return None;
    }
    let (s, rest) = b.split_at(n);
    *b = rest;
    String::from_utf8(s.to_vec()).ok()
}

fn get_ts(b: &mut &[u8]) -> Option<Timestamp> {
    let (secs, nanos, off) = (get_u64(b)? as i64, get_u64(b)? as u32, get_u64(b)? as i64);
    let off = chrono::FixedOffset::east_opt(off as i32)?;
    Some(chrono::DateTime::from_timestamp(secs, nanos)?.with_timezone(&off))
}

impl Codec for CallMeta {
    fn encode(&self, out: &mut Vec<u8>) {
        put_str(out, &self.call_id);
        put_ts(out, &self.started_at);
        put_u64(out, self.duration_s.map_or(u64::MAX, f64::to_bits));
        put_u64(out, u64::from(self.duration_s.is_some()));
        for s in [
            &self.agent_id,
            &self.agent_name,
            &self.site_code,
            &self.team,
            &self.caller_number,
            &self.crm_caller_name,
            &self.transcript,
        ] {
            put_str(out, s);
        }
        put_u64(out, self.line);
        put_str(out, &self.file);
    }

    fn decode(b: &mut &[u8]) -> Option<Self> {
        let call_id = get_str(b)?;
        let started_at = get_ts(b)?;
        let bits = get_u64(b)?;
        let duration_s = (get_u64(b)? == 1).then(|| f64::from_bits(bits));
        Some(CallMeta {
            call_id,
            started_at,
            duration_s,
            agent_id: get_str(b)?,
            agent_name: get_str(b)?,
            site_code: get_str(b)?,
            team: get_str(b)?,
            caller_number: get_str(b)?,
            crm_caller_name: get_str(b)?,
            transcript: get_str(b)?,
            line: get_u64(b)?,
            file: Arc::from(get_str(b)?),
        })
    }
}

const KINDS: [ActionKind; 6] = [
    ActionKind::Search,
    ActionKind::Create,
    ActionKind::Update,
    ActionKind::LaporUlang,
    ActionKind::Escalate,
    ActionKind::Notice,
];

impl Codec for Action {
    fn encode(&self, out: &mut Vec<u8>) {
        put_str(out, &self.call_id);
        put_ts(out, &self.at);
        put_u64(
            out,
            KINDS.iter().position(|k| *k == self.kind).unwrap_or(0) as u64,
        );
        for s in [
            &self.report_no,
            &self.ref_report_no,
            &self.category,
            &self.escalation_type,
            &self.note,
        ] {
            put_str(out, s);
        }
        put_u64(out, self.line);
        put_str(out, &self.file);
    }

    fn decode(b: &mut &[u8]) -> Option<Self> {
        Some(Action {
            call_id: get_str(b)?,
            at: get_ts(b)?,
            kind: *KINDS.get(get_u64(b)? as usize)?,
            report_no: get_str(b)?,
            ref_report_no: get_str(b)?,
            category: get_str(b)?,
            escalation_type: get_str(b)?,
            note: get_str(b)?,
            line: get_u64(b)?,
            file: Arc::from(get_str(b)?),
        })
    }
}

/// A bundle line found while indexing: its file, line, and where to get its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineRef {
    pub id: String,
    pub file: usize,
    pub line: u64,
    pub at: LineAt,
}

/// Where a bundle line's text is: a byte offset in a plain file, or the text itself
/// (a compressed bundle cannot be read at an offset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineAt {
    Offset(u64),
    Text(String),
}

impl Codec for LineRef {
    fn encode(&self, out: &mut Vec<u8>) {
        put_str(out, &self.id);
        put_u64(out, self.file as u64);
        put_u64(out, self.line);
        match &self.at {
            LineAt::Offset(o) => {
                put_u64(out, 0);
                put_u64(out, *o);
            }
            LineAt::Text(t) => {
                put_u64(out, 1);
                put_str(out, t);
            }
        }
    }

    fn decode(b: &mut &[u8]) -> Option<Self> {
        let id = get_str(b)?;
        let (file, line) = (get_u64(b)? as usize, get_u64(b)?);
        let at = match get_u64(b)? {
            0 => LineAt::Offset(get_u64(b)?),
            _ => LineAt::Text(get_str(b)?),
        };
        Some(LineRef { id, file, line, at })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn line(file: usize, line: u64, text: &str) -> LineRef {
        LineRef {
            id: String::new(),
            file,
            line,
            at: if text.is_empty() {
                LineAt::Offset(line * 10)
            } else {
                LineAt::Text(text.into())
            },
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
        // PROPTEST_CASES overrides (CI runs the full count in release).
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(32)
    ))]
        /// Whatever the budget (one run or many spilled runs), rows come back in
        /// (key, seq) order with their payloads intact.
        #[test]
        fn sorts_like_a_stable_sort(
            rows in proptest::collection::vec(("[a-c]{0,3}", "[x-z]{0,4}"), 0..200),
            budget in 1usize..4096,
        ) {
            let mut s: Sorter<LineRef> = Sorter::new(budget);
            let mut want = Vec::new();
            for (i, (k, t)) in rows.iter().enumerate() {
                let v = line(i % 3, i as u64, t);
                s.push(k, i as u64, &v).unwrap();
                want.push((k.clone(), i as u64, v));
            }
            want.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
            let got: Vec<(u64, LineRef)> = s.finish().unwrap().map(Result::unwrap).collect();
            let want: Vec<(u64, LineRef)> = want.into_iter().map(|(_, q, v)| (q, v)).collect();
            prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn calls_and_actions_round_trip() {
        let ts = chrono::DateTime::parse_from_rfc3339("2026-11-20T08:15:03.25+07:00").unwrap();
        let call = CallMeta {
            call_id: "C1".into(),
            started_at: ts,
            duration_s: Some(12.5),
            agent_id: "A".into(),
            agent_name: "Andri".into(),
            site_code: "54".into(),
            team: String::new(),
            caller_number: "0812".into(),
            crm_caller_name: "Bu Sari".into(),
            transcript: "t/C1.txt".into(),
            line: 7,
            file: Arc::from("calls-1.csv.gz"),
        };
        let mut buf = Vec::new();
        call.encode(&mut buf);
        assert_eq!(CallMeta::decode(&mut &buf[..]), Some(call.clone()));
        let none = CallMeta {
            duration_s: None,
            ..call
        };
        buf.clear();
        none.encode(&mut buf);
        assert_eq!(CallMeta::decode(&mut &buf[..]), Some(none));
        for kind in KINDS {
            let a = Action {
                call_id: "C1".into(),
                at: ts,
                kind,
                report_no: "K1".into(),
                ref_report_no: String::new(),
                category: "KELUHAN".into(),
                escalation_type: String::new(),
                note: "ñ, \"q\"".into(),
                line: 3,
                file: Arc::from("actions.csv"),
            };
            buf.clear();
            a.encode(&mut buf);
            assert_eq!(Action::decode(&mut &buf[..]), Some(a));
        }
        assert_eq!(CallMeta::decode(&mut &buf[..3]), None, "truncated bytes");
    }
}
