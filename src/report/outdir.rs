//! The report folder (`--out`): its lock, its report sets, and the one switch between
//! them, so a reader sees the previous set or the new one, never a mix.
//!
//! ```text
//! OUT/calls.csv   -> current/calls.csv        (steps.csv, agents.csv, rejects.csv alike;
//!                                               only the names the current set has)
//! OUT/current     -> .sets/<set>              the set readers see; replaced by one rename
//! OUT/.sets/<set>/calls.csv ...               a complete set (this one and the one before)
//! OUT/.sets/.new-<set>/                       the set being written
//! OUT/.callaudit.lock                         locked by the run writing into OUT
//! ```
//!
//! A run writes its four reports into a fresh `.new-<set>` folder, renames it to `<set>`
//! and then switches `current` to it with one `rename(2)` of a new symlink over the old:
//! the only step a reader can see. `OUT/calls.csv` and its siblings are fixed links
//! through `current`, so `--out reports/` is read as before. A reader that opens several
//! reports while a run may switch reads them through one resolved `current`
//! (`readlink OUT/current`); the set before is kept until the next switch for it.
//!
//! The lock is an advisory exclusive lock on `.callaudit.lock`, held from before the
//! first write until the switch; the holder writes its pid, start time and command line
//! into the file, and a second run is refused naming them. A set being written is removed
//! when the run fails (any error, ENOSPC included), panics, or gets SIGINT / SIGTERM
//! ([`remove_staging_on_signal`]); what a SIGKILL leaves is removed by the next run,
//! under the lock, before it writes. An OUT written by versions before this layout
//! (plain report files) is first adopted as a set, so it too switches in one step.

use fs4::fs_std::FileExt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::NAMES;

const LOCK: &str = ".callaudit.lock";
const SETS: &str = ".sets";
const CURRENT: &str = "current";
const STAGING: &str = ".new-";

/// Sets being written in this process; the signal handler removes them.
static STAGED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Why OUT cannot take a report set.
#[derive(Debug, thiserror::Error)]
pub enum OutError {
    #[error("{0}: another callaudit run is writing reports here ({1}); wait for it or choose another --out")]
    Locked(String, String),
    #[error("{0}: {1}")]
    Io(String, io::Error),
}

/// OUT, locked by this run.
pub struct OutDir {
    root: PathBuf,
    _lock: File,
}

/// A report set being written; removed on drop unless committed.
pub struct Staging {
    dir: PathBuf,
    root: PathBuf,
    name: String,
    committed: bool,
}

fn stamp() -> String {
    format!(
        "{}-{}",
        chrono::Utc::now().format("%Y%m%dT%H%M%S%.6fZ"),
        std::process::id()
    )
}

/// What a lock holder writes into the lock file.
fn holder() -> String {
    let args: Vec<String> = std::env::args().collect();
    format!(
        "pid {} since {}: {}",
        std::process::id(),
        chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ"),
        args.join(" ")
    )
}

/// Points `link` at `target` with one rename of a fresh symlink over it.
fn relink(link: &Path, target: &Path) -> io::Result<()> {
    if fs::read_link(link).is_ok_and(|t| t == target) {
        return Ok(());
    }
    let name = link.file_name().unwrap_or_default().to_string_lossy();
    let tmp = link.with_file_name(format!(".{name}.{}.link", std::process::id()));
    let _ = fs::remove_file(&tmp);
    std::os::unix::fs::symlink(target, &tmp)?;
    fs::rename(&tmp, link).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

impl OutDir {
    /// Creates OUT if needed, takes its lock, and clears what an earlier run left.
    pub fn open(root: &Path) -> Result<OutDir, OutError> {
        let shown = root.display().to_string();
        let io_err = |e| OutError::Io(shown.clone(), e);
        fs::create_dir_all(root).map_err(io_err)?;
        let mut lock = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(root.join(LOCK))
            .map_err(io_err)?;
        if !FileExt::try_lock_exclusive(&lock).map_err(io_err)? {
            let mut who = String::new();
            let _ = lock.read_to_string(&mut who);
            let who = who.trim();
            let who = if who.is_empty() {
                "holder unknown"
            } else {
                who
            };
            return Err(OutError::Locked(shown, who.to_string()));
        }
        let me = holder();
        lock.set_len(0)
            .and_then(|_| lock.rewind())
            .and_then(|_| writeln!(lock, "{me}"))
            .map_err(io_err)?;
        let out = OutDir {
            root: root.to_path_buf(),
            _lock: lock,
        };
        out.recover().map_err(io_err)?;
        Ok(out)
    }

    fn sets(&self) -> PathBuf {
        self.root.join(SETS)
    }

    /// The set `current` points at, by name.
    fn current(&self) -> Option<String> {
        let t = fs::read_link(self.root.join(CURRENT)).ok()?;
        Some(t.file_name()?.to_string_lossy().into_owned())
    }

    /// Removes what killed runs left and sets older than the one before current; adopts
    /// plain report files (the layout before report sets) as a set.
    fn recover(&self) -> io::Result<()> {
        for name in NAMES {
            let _ = fs::remove_file(self.root.join(format!(".{name}.tmp")));
        }
        // Links a killed run made but did not rename into place.
        for e in fs::read_dir(&self.root)?.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.starts_with('.') && n.ends_with(".link") && e.file_type()?.is_symlink() {
                fs::remove_file(e.path())?;
            }
        }
        fs::create_dir_all(self.sets())?;
        if self.current().is_none() {
            let plain: Vec<&str> = NAMES
                .into_iter()
                .filter(|n| {
                    fs::symlink_metadata(self.root.join(n)).is_ok_and(|m| m.file_type().is_file())
                })
                .collect();
            if !plain.is_empty() {
                let name = format!("{}-adopted", stamp());
                let set = self.sets().join(&name);
                fs::create_dir(&set)?;
                for n in plain {
                    let (from, to) = (self.root.join(n), set.join(n));
                    if fs::hard_link(&from, &to).is_err() {
                        fs::copy(&from, &to)?;
                        File::open(&to)?.sync_all()?;
                    }
                }
                sync_dir(&set)?;
                self.switch(&name)?;
            }
        }
        self.prune(None)
    }

    /// Removes sets being written (left by a killed run) and complete sets other than
    /// the current one and `keep`, or the newest other one when `keep` is `None`.
    fn prune(&self, keep: Option<&str>) -> io::Result<()> {
        let current = self.current();
        let mut sets: Vec<String> = fs::read_dir(self.sets())?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        sets.sort();
        let keep = keep.map(str::to_string).or_else(|| {
            sets.iter()
                .rev()
                .find(|s| !s.starts_with(STAGING) && Some(*s) != current.as_ref())
                .cloned()
        });
        for s in sets {
            if Some(&s) != current.as_ref() && Some(&s) != keep.as_ref() {
                fs::remove_dir_all(self.sets().join(&s))?;
            }
        }
        Ok(())
    }

    /// Points `current` at the complete set `name`, making sure every report of the set
    /// has its link through `current` in OUT first; then removes the links of reports
    /// the set does not have (the steps file of another `--steps-format`).
    fn switch(&self, name: &str) -> io::Result<()> {
        let set = self.sets().join(name);
        let (have, lack): (Vec<&str>, Vec<&str>) = NAMES
            .into_iter()
            .partition(|n| fs::symlink_metadata(set.join(n)).is_ok());
        for n in have {
            relink(&self.root.join(n), &Path::new(CURRENT).join(n))?;
        }
        relink(&self.root.join(CURRENT), &Path::new(SETS).join(name))?;
        for n in lack {
            let link = self.root.join(n);
            if fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()) {
                fs::remove_file(&link)?;
            }
        }
        sync_dir(&self.root)
    }

    /// Starts a new set; its folder is removed if it is not committed.
    pub fn stage(&self) -> io::Result<Staging> {
        let name = stamp();
        let dir = self.sets().join(format!("{STAGING}{name}"));
        let mut staged = STAGED.lock().unwrap_or_else(|e| e.into_inner());
        fs::create_dir(&dir)?;
        staged.push(dir.clone());
        Ok(Staging {
            dir,
            root: self.root.clone(),
            name,
            committed: false,
        })
    }

    /// Switches the written set in: the reports of OUT become its reports at once.
    pub fn commit(&self, mut s: Staging) -> io::Result<()> {
        sync_dir(&s.dir)?;
        let before = self.current();
        let done = self.sets().join(&s.name);
        {
            // Held so a signal cannot remove the set between its rename and the switch.
            let mut staged = STAGED.lock().unwrap_or_else(|e| e.into_inner());
            fs::rename(&s.dir, &done)?;
            staged.retain(|d| d != &s.dir);
            s.committed = true;
            self.switch(&s.name)?;
        }
        self.prune(before.as_deref())
    }
}

impl Staging {
    /// The folder the reports of this set are written into.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// OUT.
    pub fn root(&self) -> &Path {
        &self.root
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.committed {
            return;
        }
        let mut staged = STAGED.lock().unwrap_or_else(|e| e.into_inner());
        let _ = fs::remove_dir_all(&self.dir);
        staged.retain(|d| d != &self.dir);
    }
}

/// Installs a SIGINT / SIGTERM / SIGHUP handler that removes the sets being written and
/// exits with status 130. The previous set stays current.
pub fn remove_staging_on_signal() -> Result<(), ctrlc::Error> {
    ctrlc::set_handler(|| {
        let staged = STAGED.lock().unwrap_or_else(|e| e.into_inner());
        for d in staged.iter() {
            let _ = fs::remove_dir_all(d);
        }
        eprintln!("callaudit: interrupted; the reports being written were removed, the previous ones are kept");
        std::process::exit(130);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_set(s: &Staging, tag: &str) {
        for n in NAMES {
            fs::write(s.path().join(n), format!("{tag} {n}\n")).unwrap();
        }
    }

    fn read(root: &Path) -> Vec<String> {
        NAMES
            .iter()
            .map(|n| fs::read_to_string(root.join(n)).unwrap())
            .collect()
    }

    #[test]
    fn second_open_is_refused_while_locked() {
        let tmp = tempfile::tempdir().unwrap();
        let first = OutDir::open(tmp.path()).unwrap();
        match OutDir::open(tmp.path()) {
            Err(OutError::Locked(_, who)) => {
                assert!(
                    who.contains(&format!("pid {}", std::process::id())),
                    "{who}"
                )
            }
            Err(e) => panic!("{e}"),
            Ok(_) => panic!("locked twice"),
        }
        drop(first);
        OutDir::open(tmp.path()).unwrap();
    }

    #[test]
    fn commit_switches_and_keeps_one_set_before() {
        let tmp = tempfile::tempdir().unwrap();
        let out = OutDir::open(tmp.path()).unwrap();
        for tag in ["a", "b", "c"] {
            let s = out.stage().unwrap();
            write_set(&s, tag);
            out.commit(s).unwrap();
            assert!(read(tmp.path()).iter().all(|t| t.starts_with(tag)));
        }
        let sets = fs::read_dir(tmp.path().join(SETS)).unwrap().count();
        assert_eq!(sets, 2, "current and the one before");
        // A set dropped unwritten vanishes and leaves the current one.
        let s = out.stage().unwrap();
        write_set(&s, "d");
        let dir = s.path().to_path_buf();
        drop(s);
        assert!(!dir.exists());
        assert!(read(tmp.path()).iter().all(|t| t.starts_with('c')));
    }

    #[test]
    fn links_follow_the_names_of_the_current_set() {
        let tmp = tempfile::tempdir().unwrap();
        let out = OutDir::open(tmp.path()).unwrap();
        let csv_set = |name: &str| {
            let s = out.stage().unwrap();
            for n in NAMES
                .iter()
                .filter(|n| !n.starts_with("steps.") || **n == name)
            {
                fs::write(s.path().join(n), format!("{name} {n}\n")).unwrap();
            }
            out.commit(s).unwrap();
        };
        csv_set("steps.csv");
        assert!(tmp.path().join("steps.csv").exists());
        assert!(fs::symlink_metadata(tmp.path().join("steps.parquet")).is_err());
        csv_set("steps.parquet");
        assert!(fs::symlink_metadata(tmp.path().join("steps.csv")).is_err());
        let got = fs::read_to_string(tmp.path().join("steps.parquet")).unwrap();
        assert_eq!(got, "steps.parquet steps.parquet\n");
        assert!(tmp.path().join("calls.csv").exists());
    }
}
