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
    let out = std::fs::File::create(stdout)?;
    let err = std::fs::File::create(stderr)?;
    let status = Command::new("runc")
        .arg("run")
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
    Ok(Exit { code })
}
