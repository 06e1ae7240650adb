//! Full rows of `reports.csv` read again by byte offset: a positioned read of the row's
//! bytes (growing until the record ends, so quoted newlines are fine), parsed by a CSV
//! reader each worker thread keeps and reuses.

use super::super::csvin::Columns;
use super::super::tables::parse_report;
use crate::model::Report;
use std::cell::RefCell;
use std::fs::File;
use std::io::{self, Cursor};
use std::os::unix::fs::FileExt;

/// First guess at a row's length; doubled until the record is whole.
const FIRST_READ: usize = 1024;

/// Largest read buffer a thread keeps between rows.
const MAX_KEPT: usize = 64 * 1024;

type Reader = csv::Reader<Cursor<Vec<u8>>>;

thread_local! {
    static READER: RefCell<Option<Reader>> = const { RefCell::new(None) };
}

/// The export, open, with its columns.
pub struct RowFile {
    file: File,
    cols: Columns,
}

impl std::fmt::Debug for RowFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RowFile").finish_non_exhaustive()
    }
}

impl RowFile {
    pub fn new(file: File, headers: &csv::StringRecord) -> Option<RowFile> {
        let cols = Columns::new(headers, &[], "reports.csv").ok()?;
        Some(RowFile { file, cols })
    }

    /// The row starting at byte `at`; `None` when it cannot be read or parsed.
    pub fn row(&self, at: u64) -> Option<Report> {
        READER.with(|cell| {
            let mut slot = cell.borrow_mut();
            let rdr = slot.get_or_insert_with(|| {
                csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(Cursor::new(Vec::new()))
            });
            let row = self.read(rdr, at);
            // Keep the buffer of a usual row, not of the longest ever seen.
            if rdr.get_ref().get_ref().capacity() > MAX_KEPT {
                *rdr.get_mut().get_mut() = Vec::new();
            }
            row
        })
    }

    fn read(&self, rdr: &mut Reader, at: u64) -> Option<Report> {
        let mut rec = csv::StringRecord::new();
        let mut want = FIRST_READ;
        loop {
            let eof = self.fill(rdr.get_mut().get_mut(), at, want).ok()?;
            // Always a real seek: it drops what the reader buffered.
            rdr.seek_raw(io::SeekFrom::Start(0), csv::Position::new())
                .ok()?;
            if !rdr.read_record(&mut rec).ok()? {
                return None;
            }
            // A record that ran to the end of what was read may go on past it.
            let used = rdr.position().byte() as usize;
            if eof || used < rdr.get_ref().get_ref().len() {
                return parse_report(&self.cols, &rec).ok();
            }
            want *= 2;
        }
    }

    /// Reads up to `want` bytes at `at` into `buf`; true when the file ended.
    fn fill(&self, buf: &mut Vec<u8>, at: u64, want: usize) -> io::Result<bool> {
        buf.resize(want, 0);
        let mut got = 0;
        while got < want {
            match self.file.read_at(&mut buf[got..], at + got as u64) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        buf.truncate(got);
        Ok(got < want)
    }
}
