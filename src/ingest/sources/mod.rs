//! Where the calls, their actions and their transcripts come from, in call_id order,
//! whatever order the files are in.
//!
//! Each input is merged by call_id with the manifest. An input whose rows already come
//! in call_id order (as `callaudit-gen --order call-id` writes them) is merged as it
//! is read: memory does not grow with the archive. An input that does not (exports in
//! time order, shuffled, several daily files) is sorted on disk first ([`spill`]: bounded
//! runs, then a merge) and then merged the same way, so memory stays bounded too.
//!
//! Every input checks its own order as it is read: a row whose call_id sorts before the
//! previous row's of the same input stops the pass with [`OutOfOrder`] naming that
//! input, and the caller reruns with that input sorted ([`Plan`]). Only an input that
//! is known to be in order can call a row "for an unknown call": a row is never
//! rejected for its position.

mod bundle_id;
mod bundles;

use crate::ingest::spill::{self, Sorter};
use crate::ingest::tables;
use crate::model::{Action, CallMeta, Reject};
pub use bundles::{is_bundle, scan_bundle, BundleLine, Bundles};
use std::io;
use std::iter::Peekable;
use std::path::PathBuf;
use std::sync::Arc;

/// The inputs merged by call_id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Calls,
    Actions,
    Bundles,
}

impl Input {
    pub fn name(self) -> &'static str {
        match self {
            Input::Calls => "call manifest",
            Input::Actions => "action log",
            Input::Bundles => "JSONL bundles",
        }
    }
}

/// Which inputs are sorted on disk before the merge.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Plan {
    pub calls: bool,
    pub actions: bool,
    pub bundles: bool,
}

impl Plan {
    pub fn sorts(&self, i: Input) -> bool {
        match i {
            Input::Calls => self.calls,
            Input::Actions => self.actions,
            Input::Bundles => self.bundles,
        }
    }

    pub fn with(mut self, i: Input) -> Plan {
        match i {
            Input::Calls => self.calls = true,
            Input::Actions => self.actions = true,
            Input::Bundles => self.bundles = true,
        }
        self
    }

    /// The inputs sorted on disk, for the summary ("" when none).
    pub fn describe(&self) -> String {
        [Input::Calls, Input::Actions, Input::Bundles]
            .into_iter()
            .filter(|i| self.sorts(*i))
            .map(Input::name)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Why a pass stopped before its end.
#[derive(Debug)]
pub enum Halt {
    /// An input streamed as sorted is not: rerun with it sorted.
    OutOfOrder(Input, String),
    /// A temporary sort file could not be written or read back.
    Io(io::Error),
}

impl From<io::Error> for Halt {
    fn from(e: io::Error) -> Halt {
        Halt::Io(e)
    }
}

/// The files of one input: path and display name.
pub type Files = Vec<(PathBuf, String)>;

fn reject(file: &str, line: Option<u64>, call_id: &str, reason: impl Into<String>) -> Reject {
    Reject {
        file: file.to_string(),
        line,
        call_id: call_id.to_string(),
        reason: reason.into(),
    }
}

type RowIter<T> = Box<dyn Iterator<Item = Result<T, Reject>>>;

/// Sorts the rows of a table on disk by call_id, rejects set aside as they come; rows
/// of one call keep their input order.
fn sort_rows<T: spill::Codec + 'static>(
    rows: impl Iterator<Item = Result<T, Reject>>,
    id: fn(&T) -> &str,
    rejects: &mut Vec<Reject>,
) -> io::Result<RowIter<T>> {
    let mut sorter: Sorter<T> = Sorter::default();
    for (seq, r) in rows.enumerate() {
        match r {
            Ok(v) => sorter.push(id(&v), seq as u64, &v)?,
            Err(e) => rejects.push(e),
        }
    }
    Ok(Box::new(sorter.finish()?.map(|r| match r {
        Ok((_, v)) => Ok(v),
        Err(e) => Err(reject(
            "temporary sort file",
            None,
            "",
            format!("cannot read back: {e}"),
        )),
    })))
}

/// Manifest rows in call_id order, duplicates rejected (the first row wins).
pub struct Calls {
    rows: RowIter<CallMeta>,
    /// The last call handed out: id, file, line.
    last: Option<(String, Arc<str>, u64)>,
}

impl Calls {
    pub fn open(files: &Files, sort: bool, rejects: &mut Vec<Reject>) -> io::Result<Calls> {
        let rows = tables::chain(files, tables::calls);
        let rows: RowIter<CallMeta> = if sort {
            sort_rows(rows, |c| &c.call_id, rejects)?
        } else {
            Box::new(rows)
        };
        Ok(Calls { rows, last: None })
    }

    /// The next call, or `Ok(None)` at the end.
    pub fn next(&mut self, rejects: &mut Vec<Reject>) -> Result<Option<CallMeta>, Halt> {
        loop {
            match self.rows.next() {
                None => return Ok(None),
                Some(Err(r)) => rejects.push(r),
                Some(Ok(c)) => match &self.last {
                    Some((id, file, line)) if *id == c.call_id => {
                        rejects.push(duplicate(&c, file, *line))
                    }
                    Some((id, _, _)) if *id > c.call_id => {
                        return Err(Halt::OutOfOrder(
                            Input::Calls,
                            format!("{} line {}: {} after {id}", c.file, c.line, c.call_id),
                        ))
                    }
                    _ => {
                        self.last = Some((c.call_id.clone(), c.file.clone(), c.line));
                        return Ok(Some(c));
                    }
                },
            }
        }
    }
}

fn duplicate(c: &CallMeta, first_file: &str, first: u64) -> Reject {
    let at = if *first_file == *c.file {
        format!("line {first}")
    } else {
        format!("{first_file} line {first}")
    };
    reject(
        &c.file,
        Some(c.line),
        &c.call_id,
        format!("duplicate call_id (first on {at})"),
    )
}

fn unknown_action(a: &Action) -> Reject {
    reject(
        &a.file,
        Some(a.line),
        &a.call_id,
        "action for unknown call_id (not in the manifest)",
    )
}

/// The action log, handed out call by call.
pub struct Actions {
    rows: Peekable<RowIter<Action>>,
    /// The call_id of the last row taken: the log's own order is checked against it.
    last: Option<String>,
}

impl Actions {
    pub fn open(files: &Files, sort: bool, rejects: &mut Vec<Reject>) -> io::Result<Actions> {
        let rows = tables::chain(files, tables::actions);
        let rows: RowIter<Action> = if sort {
            sort_rows(rows, |a| &a.call_id, rejects)?
        } else {
            Box::new(rows)
        };
        Ok(Actions {
            rows: rows.peekable(),
            last: None,
        })
    }

    /// No action log at all.
    pub fn none() -> Actions {
        Actions {
            rows: (Box::new(std::iter::empty()) as RowIter<Action>).peekable(),
            last: None,
        }
    }

    /// Takes the next row, checking the log's own order.
    fn pop(&mut self) -> Result<Option<Action>, Halt> {
        let Some(Ok(a)) = self.rows.next() else {
            return Ok(None);
        };
        if let Some(last) = &self.last {
            if a.call_id < *last {
                return Err(Halt::OutOfOrder(
                    Input::Actions,
                    format!("{} line {}: {} after {last}", a.file, a.line, a.call_id),
                ));
            }
        }
        if self.last.as_deref() != Some(a.call_id.as_str()) {
            self.last = Some(a.call_id.clone());
        }
        Ok(Some(a))
    }

    /// The actions of `call_id`, in time order. Calls must be asked in call_id order.
    pub fn take(&mut self, call_id: &str, rejects: &mut Vec<Reject>) -> Result<Vec<Action>, Halt> {
        let mut out: Vec<Action> = Vec::new();
        while let Some(next) = self.rows.peek() {
            match next {
                Err(_) => {
                    if let Some(Err(r)) = self.rows.next() {
                        rejects.push(r);
                    }
                }
                Ok(a) if a.call_id.as_str() <= call_id => {
                    let Some(a) = self.pop()? else { break };
                    if a.call_id == call_id {
                        out.push(a);
                    } else {
                        rejects.push(unknown_action(&a));
                    }
                }
                Ok(_) => break,
            }
        }
        out.sort_by(|a, b| a.at.cmp(&b.at).then(a.line.cmp(&b.line)));
        Ok(out)
    }

    /// Rejects every action left: their calls are not in the manifest.
    pub fn finish(mut self, rejects: &mut Vec<Reject>) -> Result<(), Halt> {
        while let Some(next) = self.rows.peek() {
            if next.is_err() {
                if let Some(Err(r)) = self.rows.next() {
                    rejects.push(r);
                }
                continue;
            }
            if let Some(a) = self.pop()? {
                rejects.push(unknown_action(&a));
            }
        }
        Ok(())
    }
}

/// Rows looked at per input before the first pass to guess its order.
pub const PROBE: usize = 4096;

/// Whether the first [`PROBE`] call ids of `ids` are in order.
pub(crate) fn looks_sorted(ids: impl Iterator<Item = String>) -> bool {
    let mut last: Option<String> = None;
    for id in ids.take(PROBE) {
        if last.as_ref().is_some_and(|l| *l > id) {
            return false;
        }
        last = Some(id);
    }
    true
}

/// The inputs whose first rows already show they are not in call_id order: those are
/// sorted from the first pass on, instead of being found out during it (exports in time
/// order show it within a few rows). An input out of order only further on is still
/// caught by the pass itself.
pub fn probe(calls: &Files, actions: Option<&Files>, bundles: &[PathBuf]) -> Plan {
    let calls_ok =
        looks_sorted(tables::chain(calls, tables::calls).filter_map(|r| r.ok().map(|c| c.call_id)));
    let actions_ok = actions.is_none_or(|files| {
        looks_sorted(
            tables::chain(files, tables::actions).filter_map(|r| r.ok().map(|a| a.call_id)),
        )
    });
    let bundles_ok = bundles.iter().all(|p| bundles::looks_sorted_bundle(p));
    Plan {
        calls: !calls_ok,
        actions: !actions_ok,
        bundles: !bundles_ok,
    }
}
