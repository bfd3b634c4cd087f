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
    Ok(run_then(dir, id, log, || ())?.0)
}

/// As [`run`], calling `inspect` after the container exits but before it is deleted (while its
/// cgroup still holds its counters).
pub fn run_then<T>(
    dir: &Path,
    id: &str,
    log: &LogFile,
    inspect: impl FnOnce() -> T,
) -> std::io::Result<(Exit, T)> {
    let mut child = Command::new("runc")
        .arg("run")
        .arg("--keep")
        .arg("--bundle")
        .arg(dir)
        .arg(id)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let readers: Vec<_> = [
        child
            .stdout
            .take()
            .map(|s| (Box::new(s) as Box<dyn std::io::Read + Send>, "stdout")),
        child
            .stderr
            .take()
            .map(|s| (Box::new(s) as Box<dyn std::io::Read + Send>, "stderr")),
    ]
    .into_iter()
    .flatten()
    .map(|(stream, name)| {
        let log = log.clone();
        std::thread::spawn(move || log.follow(stream, name))
    })
    .collect();
    let status = child.wait()?;
    for reader in readers {
        let _ = reader.join();
    }
    let code = match status.code() {
        Some(code) => code,
        None => {
            use std::os::unix::process::ExitStatusExt as _;
            128 + status.signal().unwrap_or(0)
        }
    };
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
