//! The host-wide ledger of what agents made, so that whatever a server leaves behind (killed
//! mid-launch, its data directory deleted since) is taken down by the next agent to start on
//! the host, whichever data directory that one uses.
//!
//! - Every task has a file under [`TASKS_DIR`] naming the process that launched it, written
//!   before anything is made for the task and removed once all of it is taken down.
//! - Every volumes directory has a file under [`OWNERS_DIR`] naming the process that uses it.
//!
//! A process is named by its pid and its start time, so a pid the kernel reuses is not taken
//! for the process that had it. Both folders live under `/run`: after a reboot they are empty,
//! as nothing of a task survives a reboot but its volume files, which are then swept too.

use std::path::{Path, PathBuf};

/// A file per task: the process that launched it.
const TASKS_DIR: &str = "/run/neargate/tasks";
/// A file per volumes directory (by its name): the process that uses it.
const OWNERS_DIR: &str = "/run/neargate/owners";

/// This process as the ledger names it: `pid start-time`.
fn this_process() -> String {
    let pid = std::process::id();
    format!("{pid} {}", start_time(pid).unwrap_or_default())
}

/// When process `pid` started, in clock ticks after boot (field 22 of its `stat`).
fn start_time(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces; the fields after it do not.
    let after_name = &stat[stat.rfind(')')? + 2..];
    after_name.split(' ').nth(19)?.parse().ok()
}

/// Whether the process a ledger file names still runs.
fn alive(owner: &str) -> bool {
    let mut parts = owner.split_whitespace();
    let (Some(pid), Some(started)) = (parts.next(), parts.next()) else {
        return false;
    };
    let (Ok(pid), Ok(started)) = (pid.parse::<u32>(), started.parse::<u64>()) else {
        return false;
    };
    start_time(pid) == Some(started)
}

fn write_owner(path: &Path) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, this_process())
}

/// Notes that this process is launching `task` (before anything is made for it).
pub(crate) fn record_task(task: &str) -> std::io::Result<()> {
    write_owner(&Path::new(TASKS_DIR).join(task))
}

/// Notes that everything of `task` is taken down.
pub(crate) fn forget_task(task: &str) {
    let _ = std::fs::remove_file(Path::new(TASKS_DIR).join(task));
}

/// The tasks whose launching process is gone; their entries are removed as they are returned,
/// so the caller must take each down.
pub(crate) fn take_orphaned_tasks() -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(TASKS_DIR) else {
        return Vec::new();
    };
    let mut orphans = Vec::new();
    for entry in entries.flatten() {
        let owner = std::fs::read_to_string(entry.path()).unwrap_or_default();
        if alive(&owner) {
            continue;
        }
        if std::fs::remove_file(entry.path()).is_ok() {
            orphans.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    orphans
}

/// Claims the volumes directory `dir` for this process, for as long as it runs.
pub(crate) fn claim_volumes(dir: &Path) -> std::io::Result<()> {
    let name = dir.file_name().unwrap_or_default();
    write_owner(&Path::new(OWNERS_DIR).join(name))
}

/// The directories under `root` that no running process claims (`mine` aside, which the
/// caller sweeps itself).
pub(crate) fn unclaimed_volumes(root: &Path, mine: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(root) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|dir| dir.is_dir() && dir != mine)
        .filter(|dir| {
            let name = dir.file_name().unwrap_or_default();
            let owner = std::fs::read_to_string(Path::new(OWNERS_DIR).join(name));
            !owner.is_ok_and(|o| alive(&o))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_process_is_known_by_its_pid_and_start_time() {
        let me = this_process();
        assert!(alive(&me));
        let pid = std::process::id();
        assert!(
            !alive(&format!("{pid} 1")),
            "a reused pid is another process"
        );
        assert!(!alive("4194304 1"));
        assert!(!alive("garbage"));
        assert!(!alive(""));
    }
}
