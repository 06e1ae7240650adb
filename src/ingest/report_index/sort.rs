//! External sort of records in bounded memory: runs of at most `run` records are sorted
//! and spilled to temporary files (deleted when dropped), then k-way merged, at most
//! [`FAN_IN`] runs at a time. When everything fits in one run nothing touches the disk.

use super::record::{Rec, SIZE};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};

/// Runs merged at once (open files and read buffers are bounded by it).
pub const FAN_IN: usize = 64;

/// Read or write buffer of one spilled run.
const IO_BUF: usize = 64 * 1024;

/// Collects records and hands them back sorted by [`Rec::sort_key`].
pub struct Sorter {
    run: usize,
    buf: Vec<Rec>,
    runs: Vec<File>,
}

fn write_run(recs: impl IntoIterator<Item = io::Result<Rec>>) -> io::Result<File> {
    let mut out = BufWriter::with_capacity(IO_BUF, tempfile::tempfile()?);
    let mut bytes = [0u8; SIZE];
    for r in recs {
        r?.encode(&mut bytes);
        out.write_all(&bytes)?;
    }
    let mut file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.rewind()?;
    Ok(file)
}

impl Sorter {
    pub fn new(run: usize) -> Sorter {
        let run = run.max(1);
        Sorter {
            run,
            buf: Vec::with_capacity(run.min(4096)),
            runs: Vec::new(),
        }
    }

    pub fn push(&mut self, r: Rec) -> io::Result<()> {
        self.buf.push(r);
        if self.buf.len() >= self.run {
            self.spill()?;
        }
        Ok(())
    }

    fn spill(&mut self) -> io::Result<()> {
        self.buf.sort_unstable_by_key(Rec::sort_key);
        let file = write_run(self.buf.drain(..).map(Ok))?;
        self.runs.push(file);
        Ok(())
    }

    /// All records pushed, in order.
    pub fn finish(mut self) -> io::Result<Sorted> {
        if self.runs.is_empty() {
            self.buf.sort_unstable_by_key(Rec::sort_key);
            return Ok(Sorted::Memory(self.buf.into_iter()));
        }
        if !self.buf.is_empty() {
            self.spill()?;
        }
        self.buf = Vec::new();
        let mut runs = self.runs;
        while runs.len() > FAN_IN {
            let mut next = Vec::with_capacity(runs.len().div_ceil(FAN_IN));
            let mut rest = runs.into_iter().peekable();
            while rest.peek().is_some() {
                let group: Vec<File> = rest.by_ref().take(FAN_IN).collect();
                next.push(write_run(Merge::new(group)?)?);
            }
            runs = next;
        }
        Ok(Sorted::Merge(Merge::new(runs)?))
    }
}

/// Records in sorted order.
pub enum Sorted {
    Memory(std::vec::IntoIter<Rec>),
    Merge(Merge),
}

impl Iterator for Sorted {
    type Item = io::Result<Rec>;

    fn next(&mut self) -> Option<io::Result<Rec>> {
        match self {
            Sorted::Memory(it) => it.next().map(Ok),
            Sorted::Merge(m) => m.next(),
        }
    }
}

/// One spilled run being read back.
struct Run {
    rdr: BufReader<File>,
}

impl Run {
    fn next(&mut self) -> io::Result<Option<Rec>> {
        let mut bytes = [0u8; SIZE];
        match self.rdr.read_exact(&mut bytes) {
            Ok(()) => Ok(Some(Rec::decode(&bytes))),
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(None),
            Err(e) => Err(e),
        }
    }
}

type SortKey = (u64, u64, u64);

/// K-way merge of sorted runs.
pub struct Merge {
    runs: Vec<Run>,
    /// Smallest first: each run's current sort key and the run.
    heads: BinaryHeap<Reverse<(SortKey, usize)>>,
    current: Vec<Option<Rec>>,
}

impl Merge {
    fn new(files: Vec<File>) -> io::Result<Merge> {
        let mut m = Merge {
            runs: Vec::with_capacity(files.len()),
            heads: BinaryHeap::with_capacity(files.len()),
            current: vec![None; files.len()],
        };
        for (i, f) in files.into_iter().enumerate() {
            m.runs.push(Run {
                rdr: BufReader::with_capacity(IO_BUF, f),
            });
            m.advance(i)?;
        }
        Ok(m)
    }

    fn advance(&mut self, i: usize) -> io::Result<()> {
        self.current[i] = self.runs[i].next()?;
        if let Some(r) = &self.current[i] {
            self.heads.push(Reverse((r.sort_key(), i)));
        }
        Ok(())
    }
}

impl Iterator for Merge {
    type Item = io::Result<Rec>;

    fn next(&mut self) -> Option<io::Result<Rec>> {
        let Reverse((_, i)) = self.heads.pop()?;
        let r = self.current[i].take()?;
        Some(self.advance(i).map(|_| r))
    }
}
