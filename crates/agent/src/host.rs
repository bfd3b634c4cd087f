//! What the agent asks of the host to build a task's sandbox — commands (`ip`), idmapped layer
//! clones, owners, overlay mounts — behind one trait, so that the sandbox logic (what is made, in
//! which order, what is undone when a step fails) is tested through a recording fake without
//! root, and runs on the real kernel through [`SystemHost`].

use std::collections::HashMap;
use std::os::fd::{AsRawFd as _, OwnedFd};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::mounts::{IdMap, idmapped_clone, mount_overlay};

/// A lower layer as overlay's options name it.
#[derive(Debug)]
pub enum Lower {
    /// A detached idmapped clone, reached through its descriptor.
    Clone(OwnedFd),
    /// A directory used as it is.
    Path(PathBuf),
}

impl Lower {
    /// The path overlay's `lowerdir` takes for it.
    pub fn option(&self) -> String {
        match self {
            Self::Clone(fd) => format!("/proc/self/fd/{}", fd.as_raw_fd()),
            Self::Path(path) => path.display().to_string(),
        }
    }
}

/// The host operations a sandbox is made of.
pub trait Host: Send + Sync + std::fmt::Debug {
    /// Runs `program` with `args`; its standard error if it fails.
    fn run(&self, program: &str, args: &[&str]) -> Result<(), String>;
    /// Runs `program` with `args` and `-batch -`, one command of `lines` per line on its
    /// standard input (one process where each would take its own), stopping at the first that
    /// fails; its standard error if one does.
    fn run_batch(&self, program: &str, args: &[&str], lines: &[String]) -> Result<(), String>;
    /// A read-only clone of the directory `layer` whose owners are seen shifted up by `base`.
    fn clone_layer(&self, layer: &Path, base: u32) -> std::io::Result<Lower>;
    /// Gives `path` to host uid and gid `id`.
    fn chown(&self, path: &Path, id: u32) -> std::io::Result<()>;
    /// Mounts an overlay at `target` with `options`.
    fn mount_overlay(&self, target: &Path, options: &str) -> std::io::Result<()>;
    /// Unmounts `target`, lazily if it is still in use.
    fn unmount(&self, target: &Path);
}

/// The real host.
#[derive(Debug, Default)]
pub struct SystemHost {
    /// The id-mapping namespaces made so far, by base (one per task slot in use, reused).
    maps: Mutex<HashMap<u32, Arc<IdMap>>>,
}

impl SystemHost {
    fn map(&self, base: u32) -> std::io::Result<Arc<IdMap>> {
        let mut maps = self
            .maps
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(map) = maps.get(&base) {
            return Ok(Arc::clone(map));
        }
        let map = Arc::new(IdMap::new(base)?);
        maps.insert(base, Arc::clone(&map));
        Ok(map)
    }
}

impl Host for SystemHost {
    fn run(&self, program: &str, args: &[&str]) -> Result<(), String> {
        let out = std::process::Command::new(program)
            .args(args)
            .output()
            .map_err(|e| e.to_string())?;
        if out.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).trim().to_owned())
        }
    }

    fn run_batch(&self, program: &str, args: &[&str], lines: &[String]) -> Result<(), String> {
        use std::io::Write as _;
        let mut child = std::process::Command::new(program)
            .args(args)
            .args(["-batch", "-"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .map_err(|e| e.to_string())?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin
                .write_all(lines.join("\n").as_bytes())
                .map_err(|e| e.to_string())?;
        }
        let out = child.wait_with_output().map_err(|e| e.to_string())?;
        if out.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).trim().to_owned())
        }
    }

    fn clone_layer(&self, layer: &Path, base: u32) -> std::io::Result<Lower> {
        idmapped_clone(layer, &*self.map(base)?).map(Lower::Clone)
    }

    fn chown(&self, path: &Path, id: u32) -> std::io::Result<()> {
        std::os::unix::fs::chown(path, Some(id), Some(id))
    }

    fn mount_overlay(&self, target: &Path, options: &str) -> std::io::Result<()> {
        mount_overlay(target, options)
    }

    fn unmount(&self, target: &Path) {
        if neargate_ephemeral::unmount(target, false).is_err() {
            let _ = neargate_ephemeral::unmount(target, true);
        }
    }
}

/// A host that records what it is asked and fails where told to, for unit tests.
#[cfg(test)]
#[derive(Debug, Default)]
pub(crate) struct RecordingHost {
    /// Every call, as text (`ip link add …`, `clone /layers/a +1000000`, …).
    pub(crate) calls: Mutex<Vec<String>>,
    /// Calls that start with this text fail.
    pub(crate) fail_on: Option<String>,
    /// `ip link show <bridge>` succeeds (the bridge exists).
    pub(crate) bridge_exists: bool,
}

#[cfg(test)]
impl RecordingHost {
    fn record(&self, call: String) -> Result<(), String> {
        let failed = self.fail_on.as_deref().is_some_and(|f| call.starts_with(f));
        self.calls
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(call);
        if failed {
            Err("refused by the test".into())
        } else {
            Ok(())
        }
    }

    /// The calls so far.
    pub(crate) fn calls(&self) -> Vec<String> {
        self.calls
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }
}

#[cfg(test)]
impl Host for RecordingHost {
    fn run(&self, program: &str, args: &[&str]) -> Result<(), String> {
        let call = format!("{program} {}", args.join(" "));
        if !self.bridge_exists && call.starts_with("ip link show") {
            self.record(call)?;
            return Err("Device does not exist".into());
        }
        self.record(call)
    }

    fn run_batch(&self, program: &str, args: &[&str], lines: &[String]) -> Result<(), String> {
        let prefix: Vec<&str> = std::iter::once(program)
            .chain(args.iter().copied())
            .collect();
        for line in lines {
            self.record(format!("{} {line}", prefix.join(" ")))?;
        }
        Ok(())
    }

    fn clone_layer(&self, layer: &Path, base: u32) -> std::io::Result<Lower> {
        self.record(format!("clone {} +{base}", layer.display()))
            .map_err(std::io::Error::other)?;
        Ok(Lower::Path(
            Path::new("/clones").join(layer.file_name().unwrap_or_default()),
        ))
    }

    fn chown(&self, path: &Path, id: u32) -> std::io::Result<()> {
        self.record(format!("chown {} {id}", path.display()))
            .map_err(std::io::Error::other)
    }

    fn mount_overlay(&self, target: &Path, options: &str) -> std::io::Result<()> {
        self.record(format!("mount overlay {} {options}", target.display()))
            .map_err(std::io::Error::other)
    }

    fn unmount(&self, target: &Path) {
        let _ = self.record(format!("unmount {}", target.display()));
    }
}
