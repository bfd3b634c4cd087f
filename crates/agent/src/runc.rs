//! Running a bundle with `runc`, its output captured line by line into the container's log.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::logs::LogFile;

/// How a container ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exit {
    /// The exit code; 128 + the signal for a container killed by one (as Docker reports).
    pub code: i32,
}

/// Runs the bundle `dir` as container `id` until it exits, its output lines going to `log`.
pub fn run(dir: &Path, id: &str, log: &LogFile) -> std::io::Result<Exit> {
    Ok(run_then(dir, id, log, |_| (), || ())?.0)
}

/// As [`run`], calling `started` with the container's init process once it runs, and `inspect`
/// after it exits but before it is deleted (while its cgroup still holds its counters). The container runs detached: `runc` exits once it has
/// started, the container's output goes straight to pipes this process reads, and its init
/// process, re-parented to this process (a child subreaper), is waited on directly.
pub fn run_then<T>(
    dir: &Path,
    id: &str,
    log: &LogFile,
    started: impl FnOnce(u32),
    inspect: impl FnOnce() -> T,
) -> std::io::Result<(Exit, T)> {
    crate::reaper::become_subreaper()?;
    let (out_reader, out_writer) = std::io::pipe()?;
    let (err_reader, err_writer) = std::io::pipe()?;
    let pid_file = dir.join("container.pid");
    let launched = {
        // The command, holding the pipes' write ends, is dropped before reading: the
        // container then holds the only ones, and the readers end when it does.
        Command::new("runc")
            .arg("run")
            .arg("--detach")
            .arg("--keep")
            .arg("--pid-file")
            .arg(&pid_file)
            .arg("--bundle")
            .arg(dir)
            .arg(id)
            .stdin(Stdio::null())
            .stdout(out_writer)
            .stderr(err_writer)
            .status()?
    };
    let readers: Vec<_> = [
        (
            Box::new(out_reader) as Box<dyn std::io::Read + Send>,
            "stdout",
        ),
        (
            Box::new(err_reader) as Box<dyn std::io::Read + Send>,
            "stderr",
        ),
    ]
    .into_iter()
    .map(|(stream, name)| {
        let log = log.clone();
        std::thread::spawn(move || log.follow(stream, name))
    })
    .collect();
    let pid = std::fs::read_to_string(&pid_file)
        .ok()
        .and_then(|p| p.trim().parse::<libc::pid_t>().ok());
    let code = match (launched.success(), pid) {
        (true, Some(pid)) => {
            started(pid.unsigned_abs());
            crate::reaper::wait(pid)?
        }
        // `runc` could not start it: its own exit code, its message in the log.
        _ => launched.code().unwrap_or(1),
    };
    for reader in readers {
        let _ = reader.join();
    }
    let _ = std::fs::remove_file(&pid_file);
    let inspected = inspect();
    Command::new("runc")
        .args(["delete", "--force", id])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()?;
    Ok((Exit { code }, inspected))
}

/// Kills and deletes every container whose id starts with `prefix` (a task's, after the agent
/// that ran it is gone); returns how many there were.
pub fn delete_prefixed(prefix: &str) -> usize {
    let Ok(list) = Command::new("runc").args(["list", "-q"]).output() else {
        return 0;
    };
    let ids = String::from_utf8_lossy(&list.stdout).into_owned();
    let mine: Vec<&str> = ids.lines().filter(|id| id.starts_with(prefix)).collect();
    for id in &mine {
        let _ = Command::new("runc")
            .args(["delete", "--force", id])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    mine.len()
}
