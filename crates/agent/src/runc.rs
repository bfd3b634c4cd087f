//! Running a bundle with `runc`.

use std::path::Path;
use std::process::{Command, Stdio};

/// How a container ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exit {
    /// The exit code; 128 + the signal for a container killed by one (as Docker reports).
    pub code: i32,
}

/// Runs the bundle `dir` as container `id` until it exits, its standard output and error going
/// to `stdout` and `stderr`.
pub fn run(dir: &Path, id: &str, stdout: &Path, stderr: &Path) -> std::io::Result<Exit> {
    Ok(run_then(dir, id, stdout, stderr, || ())?.0)
}

/// As [`run`], calling `inspect` after the container exits but before it is deleted (while its
/// cgroup still holds its counters).
pub fn run_then<T>(
    dir: &Path,
    id: &str,
    stdout: &Path,
    stderr: &Path,
    inspect: impl FnOnce() -> T,
) -> std::io::Result<(Exit, T)> {
    let out = std::fs::File::create(stdout)?;
    let err = std::fs::File::create(stderr)?;
    let status = Command::new("runc")
        .arg("run")
        .arg("--keep")
        .arg("--bundle")
        .arg(dir)
        .arg(id)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .status()?;
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
