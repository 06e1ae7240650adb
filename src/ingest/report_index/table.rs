//! A sorted table of records: in memory when small, else a temporary file with a sparse
//! fence index (the key of every [`BLOCK`]-th record) so a lookup reads one block with a
//! positioned read (`pread`, safe from many threads on one shared file).

use super::record::{Rec, SIZE};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::FileExt;

/// Records per block of the on-disk table (one fence each).
pub const BLOCK: usize = 128;

/// Sorted records and how to find them.
#[derive(Debug, Default)]
pub enum Table {
    #[default]
    Empty,
    Memory(Vec<Rec>),
    File {
        file: File,
        /// Key of the first record of every block.
        fences: Vec<(u64, u64)>,
        len: usize,
    },
}

/// Builds a [`Table`] from records arriving in sorted order; goes to disk past `limit`.
pub struct TableWriter {
    limit: usize,
    mem: Vec<Rec>,
    out: Option<BufWriter<File>>,
    fences: Vec<(u64, u64)>,
    len: usize,
}

impl TableWriter {
    pub fn new(limit: usize) -> TableWriter {
        TableWriter {
            limit,
            mem: Vec::new(),
            out: None,
            fences: Vec::new(),
            len: 0,
        }
    }

    pub fn push(&mut self, r: Rec) -> io::Result<()> {
        if self.out.is_none() {
            self.mem.push(r);
            if self.mem.len() <= self.limit {
                return Ok(());
            }
            self.out = Some(BufWriter::with_capacity(64 * 1024, tempfile::tempfile()?));
            for r in std::mem::take(&mut self.mem) {
                self.write(r)?;
            }
            return Ok(());
        }
        self.write(r)
    }

    fn write(&mut self, r: Rec) -> io::Result<()> {
        if self.len.is_multiple_of(BLOCK) {
            self.fences.push(r.key());
        }
        self.len += 1;
        let mut bytes = [0u8; SIZE];
        r.encode(&mut bytes);
        match &mut self.out {
            Some(out) => out.write_all(&bytes),
            None => Ok(()),
        }
    }

    pub fn finish(self) -> io::Result<Table> {
        Ok(match self.out {
            None if self.mem.is_empty() => Table::Empty,
            None => Table::Memory(self.mem),
            Some(out) => Table::File {
                file: out.into_inner().map_err(io::IntoInnerError::into_error)?,
                fences: self.fences,
                len: self.len,
            },
        })
    }
}

impl Table {
    pub fn len(&self) -> usize {
        match self {
            Table::Empty => 0,
            Table::Memory(v) => v.len(),
            Table::File { len, .. } => *len,
        }
    }

    /// Whether the records are on disk.
    pub fn on_disk(&self) -> bool {
        matches!(self, Table::File { .. })
    }

    /// The records with key `k`, in order.
    pub fn equal_range(&self, k: (u64, u64)) -> io::Result<Vec<Rec>> {
        match self {
            Table::Empty => Ok(Vec::new()),
            Table::Memory(v) => {
                let lo = v.partition_point(|r| r.key() < k);
                Ok(v[lo..]
                    .iter()
                    .take_while(|r| r.key() == k)
                    .copied()
                    .collect())
            }
            Table::File { file, fences, len } => {
                // The block before the first fence at or past `k` may end with `k`.
                let start = fences.partition_point(|f| *f < k).saturating_sub(1);
                let mut out = Vec::new();
                let mut bytes = vec![0u8; BLOCK * SIZE];
                for blk in start..fences.len() {
                    let n = (len - blk * BLOCK).min(BLOCK);
                    let buf = &mut bytes[..n * SIZE];
                    file.read_exact_at(buf, (blk * BLOCK * SIZE) as u64)?;
                    let key_at = |i: usize| Rec::decode_key(&buf[i * SIZE..]);
                    let mut i = if out.is_empty() {
                        partition(n, |i| key_at(i) < k)
                    } else {
                        0
                    };
                    while i < n {
                        if key_at(i) != k {
                            return Ok(out);
                        }
                        out.push(Rec::decode(&buf[i * SIZE..(i + 1) * SIZE]));
                        i += 1;
                    }
                }
                Ok(out)
            }
        }
    }
}

/// The first `i` in `0..n` where `before(i)` is false (`before` true then false).
fn partition(n: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}
