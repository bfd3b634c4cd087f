//! A volume's life: made, mounted and keyed at launch; keyless, unmounted and deleted at stop.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::key::DataKey;
use crate::sys::{self, KeyIdentifier};

/// Why a volume could not be made or taken down.
#[derive(Debug, thiserror::Error)]
pub enum VolumeError {
    /// The volume id is not made of letters, digits, `-` and `_`.
    #[error("invalid volume id {0:?}")]
    InvalidId(String),
    /// A step failed in the kernel or on disk.
    #[error("{step}: {source}")]
    Io {
        /// What was being done.
        step: &'static str,
        /// The cause.
        source: std::io::Error,
    },
    /// A helper program failed.
    #[error("{program} failed: {output}")]
    Program {
        /// The program.
        program: &'static str,
        /// What it said.
        output: String,
    },
}

fn step(step: &'static str) -> impl Fn(std::io::Error) -> VolumeError {
    move |source| VolumeError::Io { step, source }
}

/// Runs `program` with `args`; its failure carries what it printed.
fn program(program: &'static str, args: &[&std::ffi::OsStr]) -> Result<(), VolumeError> {
    let output = Command::new(program)
        .args(args)
        .output()
        .map_err(step(program))?;
    if output.status.success() {
        return Ok(());
    }
    let mut text = String::from_utf8_lossy(&output.stderr).trim().to_owned();
    if text.is_empty() {
        text = output.status.to_string();
    }
    Err(VolumeError::Program {
        program,
        output: text,
    })
}

/// A task's mounted, encrypted volume. Dropping it takes it down as [`Volume::destroy`] does.
#[derive(Debug)]
pub struct Volume {
    id: String,
    backing: PathBuf,
    mount: PathBuf,
    mounted: bool,
    key: Option<KeyIdentifier>,
}

/// The encrypted directory inside a volume's filesystem (its root holds ext4's `lost+found`,
/// so cannot itself take a policy).
const DATA: &str = "data";

impl Volume {
    /// Makes the volume `id` under `root`: a sparse backing file `root/<id>.img` of `size` bytes
    /// holding a fresh ext4 filesystem, mounted at `root/<id>`, whose `data` directory is
    /// encrypted under `key`. A failure part way undoes what was done.
    pub fn create(root: &Path, id: &str, size: u64, key: &DataKey) -> Result<Self, VolumeError> {
        let valid = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !valid {
            return Err(VolumeError::InvalidId(id.to_owned()));
        }
        std::fs::create_dir_all(root).map_err(step("creating the volume directory"))?;
        let mut volume = Self {
            id: id.to_owned(),
            backing: root.join(format!("{id}.img")),
            mount: root.join(id),
            mounted: false,
            key: None,
        };
        let file = std::fs::File::create_new(&volume.backing)
            .map_err(step("creating the backing file"))?;
        file.set_len(size)
            .map_err(step("sizing the backing file"))?;
        drop(file);
        // No journal: the volume never outlives a crash, so there is nothing to replay.
        program(
            "mkfs.ext4",
            &[
                "-q".as_ref(),
                "-F".as_ref(),
                "-O".as_ref(),
                "encrypt,^has_journal".as_ref(),
                "-m".as_ref(),
                "0".as_ref(),
                "-E".as_ref(),
                "lazy_itable_init=1,nodiscard".as_ref(),
                volume.backing.as_os_str(),
            ],
        )?;
        std::fs::create_dir(&volume.mount).map_err(step("creating the mount point"))?;
        // `mount -o loop` attaches the loop device with auto-clear: unmounting frees it.
        program(
            "mount",
            &[
                "-t".as_ref(),
                "ext4".as_ref(),
                "-o".as_ref(),
                "loop,nodev,noinit_itable".as_ref(),
                volume.backing.as_os_str(),
                volume.mount.as_os_str(),
            ],
        )?;
        volume.mounted = true;
        let identifier =
            sys::add_key(&volume.mount, &key.master_key()).map_err(step("adding the key"))?;
        volume.key = Some(identifier);
        let data = volume.path();
        std::fs::create_dir(&data).map_err(step("creating the data directory"))?;
        sys::set_policy(&data, &identifier).map_err(step("setting the encryption policy"))?;
        Ok(volume)
    }

    /// The volume's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The encrypted directory tasks write to.
    pub fn path(&self) -> PathBuf {
        self.mount.join(DATA)
    }

    /// The backing file: ciphertext for everything under [`Volume::path`].
    pub fn backing_file(&self) -> &Path {
        &self.backing
    }

    /// Takes the volume down: the key removed from the kernel, the filesystem unmounted (which
    /// frees its loop device) and the backing file deleted. Whatever still uses it must be gone.
    pub fn destroy(mut self) -> Result<(), VolumeError> {
        self.take_down()
    }

    fn take_down(&mut self) -> Result<(), VolumeError> {
        let mut first_error = None;
        if let Some(identifier) = self.key.take()
            && let Err(e) = sys::remove_key(&self.mount, &identifier)
        {
            first_error.get_or_insert(step("removing the key")(e));
        }
        if self.mounted {
            self.mounted = false;
            if let Err(e) = sys::unmount(&self.mount, false) {
                // Still in use: detach it now; the kernel finishes when the last user leaves.
                let _ = sys::unmount(&self.mount, true);
                first_error.get_or_insert(step("unmounting")(e));
            }
        }
        for result in [
            std::fs::remove_dir(&self.mount),
            std::fs::remove_file(&self.backing),
        ] {
            if let Err(e) = result
                && e.kind() != std::io::ErrorKind::NotFound
            {
                first_error.get_or_insert(step("deleting the volume")(e));
            }
        }
        first_error.map_or(Ok(()), Err)
    }
}

impl Drop for Volume {
    fn drop(&mut self) {
        let _ = self.take_down();
    }
}

/// Takes down whatever volumes under `root` an earlier agent left behind (after a crash): their
/// filesystems unmounted (the kernel forgets their keys with them), loop devices still attached to
/// their files detached, backing files deleted. Returns the ids found.
pub fn sweep(root: &Path) -> Result<Vec<String>, VolumeError> {
    let Ok(entries) = std::fs::read_dir(root) else {
        return Ok(Vec::new());
    };
    let mounts = std::fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
    let mut ids = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(id) = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(|n| n.strip_suffix(".img").unwrap_or(n).to_owned())
        else {
            continue;
        };
        if path.is_dir() {
            let point = path.to_string_lossy().into_owned();
            if mounts
                .lines()
                .any(|l| l.split(' ').nth(4) == Some(point.as_str()))
            {
                sys::unmount(&path, true).map_err(step("unmounting a left-over volume"))?;
            }
            let _ = std::fs::remove_dir(&path);
        } else {
            detach_loops_of(&path);
            std::fs::remove_file(&path).map_err(step("deleting a left-over volume"))?;
        }
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// Detaches every loop device whose backing file is `file`.
fn detach_loops_of(file: &Path) {
    let Ok(devices) = std::fs::read_dir("/sys/block") else {
        return;
    };
    for device in devices.flatten() {
        let backing = std::fs::read_to_string(device.path().join("loop/backing_file"));
        if backing.is_ok_and(|b| Path::new(b.trim()) == file) {
            let node = Path::new("/dev").join(device.file_name());
            let _ = program("losetup", &["-d".as_ref(), node.as_os_str()]);
        }
    }
}
