//! Whether this host can run tasks, checked once at start so the server can say so plainly
//! (and tasks that cannot start say why) instead of every task failing without a cause.

use std::path::Path;
use std::process::Command;

/// What a host that can run tasks offers, in words for the start line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ready(pub String);

/// Checks what tasks need: root, `runc`, cgroups, loop devices, `mkfs.ext4`, ext4 encryption
/// and user namespaces. The error names the first thing missing and how to get it.
pub fn check_host() -> Result<Ready, String> {
    if !is_root() {
        return Err("tasks need root (namespaces, cgroups, loop devices): run as root".into());
    }
    let runc = runc_version()?;
    let cgroups = if Path::new("/sys/fs/cgroup/cgroup.controllers").exists() {
        "cgroups v2"
    } else if Path::new("/sys/fs/cgroup/memory").is_dir() {
        "cgroups v1"
    } else {
        return Err("no cgroup hierarchy with a memory controller under /sys/fs/cgroup".into());
    };
    if !Path::new("/dev/loop-control").exists() {
        return Err("no loop devices (/dev/loop-control is missing: load the loop module)".into());
    }
    if !runs("mkfs.ext4", &["-V"]) {
        return Err("mkfs.ext4 was not found on the PATH (install e2fsprogs)".into());
    }
    if !Path::new("/sys/fs/ext4/features/encryption").exists() {
        return Err("the kernel's ext4 has no encryption support (fscrypt)".into());
    }
    let namespaces = std::fs::read_to_string("/proc/sys/user/max_user_namespaces")
        .ok()
        .and_then(|n| n.trim().parse::<u64>().ok());
    if namespaces == Some(0) {
        return Err("user namespaces are disabled (user.max_user_namespaces is 0)".into());
    }
    Ok(Ready(format!("{runc}, {cgroups}")))
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("Uid:"))
                .and_then(|ids| ids.split_whitespace().nth(1).map(|e| e == "0"))
        })
        .unwrap_or(false)
}

/// `runc N.N.N`, from `runc --version`.
fn runc_version() -> Result<String, String> {
    let output = Command::new("runc")
        .arg("--version")
        .output()
        .map_err(|_| "runc was not found on the PATH (install runc)".to_owned())?;
    if !output.status.success() {
        return Err(format!(
            "`runc --version` failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let first = text.lines().next().unwrap_or("runc").trim();
    Ok(first.replace(" version", ""))
}

fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}
