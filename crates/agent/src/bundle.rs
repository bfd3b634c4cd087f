//! OCI bundles: a container's root filesystem unpacked from its image's layers, and the runtime
//! configuration (`config.json`) `runc` reads.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::images::{Image, ImageError, ImageStore};

/// The capabilities Docker (and ECS) give a container by default.
pub const DEFAULT_CAPABILITIES: &[&str] = &[
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_FSETID",
    "CAP_FOWNER",
    "CAP_MKNOD",
    "CAP_NET_RAW",
    "CAP_SETGID",
    "CAP_SETUID",
    "CAP_SETFCAP",
    "CAP_SETPCAP",
    "CAP_NET_BIND_SERVICE",
    "CAP_SYS_CHROOT",
    "CAP_KILL",
    "CAP_AUDIT_WRITE",
];

/// Why a bundle could not be made.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    /// The image store failed.
    #[error(transparent)]
    Image(#[from] ImageError),
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> BundleError + '_ {
    move |source| BundleError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Unpacks `image`'s layers, bottom first, into `rootfs`, applying whiteouts (`.wh.<name>`
/// deletes a lower file, `.wh..wh..opq` empties a lower directory). Gzip-compressed layers are
/// read as such.
pub fn unpack_layers(store: &ImageStore, image: &Image, rootfs: &Path) -> Result<(), BundleError> {
    std::fs::create_dir_all(rootfs).map_err(io(rootfs))?;
    for digest in &image.layers {
        let path = store.blob_path(digest);
        let mut file = std::fs::File::open(&path).map_err(io(&path))?;
        let mut magic = [0u8; 2];
        let compressed = file.read_exact(&mut magic).is_ok() && magic == [0x1f, 0x8b];
        let file = std::fs::File::open(&path).map_err(io(&path))?;
        let reader: Box<dyn Read> = if compressed {
            Box::new(flate2::read::GzDecoder::new(file))
        } else {
            Box::new(file)
        };
        unpack_layer(reader, rootfs).map_err(io(&path))?;
    }
    Ok(())
}

fn unpack_layer(reader: impl Read, rootfs: &Path) -> std::io::Result<()> {
    let mut archive = tar::Archive::new(reader);
    archive.set_preserve_permissions(true);
    archive.set_unpack_xattrs(false);
    for entry in archive.entries()? {
        let mut entry = entry?;
        let path = entry.path()?.into_owned();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let parent = rootfs.join(path.parent().unwrap_or(Path::new("")));
        if name == ".wh..wh..opq" {
            if let Ok(children) = std::fs::read_dir(&parent) {
                for child in children.flatten() {
                    remove(&child.path());
                }
            }
            continue;
        }
        if let Some(hidden) = name.strip_prefix(".wh.") {
            remove(&parent.join(hidden));
            continue;
        }
        // `unpack_in` refuses entries that would land outside `rootfs`.
        entry.unpack_in(rootfs)?;
    }
    Ok(())
}

fn remove(path: &PathBuf) {
    let _ = std::fs::remove_dir_all(path).or_else(|_| std::fs::remove_file(path));
}

/// What a container runs, and as whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Process {
    /// The command and its arguments.
    pub args: Vec<String>,
    /// `NAME=value` pairs.
    pub env: Vec<String>,
    /// The working directory.
    pub cwd: String,
    /// The user and group ids.
    pub uid: u32,
    /// The group id.
    pub gid: u32,
    /// Capabilities, `CAP_*`.
    pub capabilities: Vec<String>,
}

/// The runtime configuration of a container whose root filesystem is `rootfs` in the bundle.
pub fn config(process: &Process, hostname: &str, readonly_root: bool) -> Value {
    let capabilities = &process.capabilities;
    json!({
        "ociVersion": "1.0.2",
        "process": {
            "terminal": false,
            "user": {"uid": process.uid, "gid": process.gid},
            "args": process.args,
            "env": process.env,
            "cwd": process.cwd,
            "capabilities": {
                "bounding": capabilities,
                "effective": capabilities,
                "permitted": capabilities,
            },
            "noNewPrivileges": true,
        },
        "root": {"path": "rootfs", "readonly": readonly_root},
        "hostname": hostname,
        "mounts": [
            {"destination": "/proc", "type": "proc", "source": "proc"},
            {"destination": "/dev", "type": "tmpfs", "source": "tmpfs",
             "options": ["nosuid", "strictatime", "mode=755", "size=65536k"]},
            {"destination": "/dev/pts", "type": "devpts", "source": "devpts",
             "options": ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"]},
            {"destination": "/dev/shm", "type": "tmpfs", "source": "shm",
             "options": ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"]},
            {"destination": "/dev/mqueue", "type": "mqueue", "source": "mqueue",
             "options": ["nosuid", "noexec", "nodev"]},
            {"destination": "/sys", "type": "sysfs", "source": "sysfs",
             "options": ["nosuid", "noexec", "nodev", "ro"]}
        ],
        "linux": {
            "namespaces": [
                {"type": "pid"}, {"type": "network"}, {"type": "ipc"},
                {"type": "uts"}, {"type": "mount"}
            ],
            "maskedPaths": [
                "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
                "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
                "/sys/firmware"
            ],
            "readonlyPaths": [
                "/proc/asound", "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
                "/proc/sysrq-trigger"
            ]
        }
    })
}

/// Makes the bundle `dir`: the image unpacked into `dir/rootfs`, and `dir/config.json`.
pub fn make(
    store: &ImageStore,
    image: &Image,
    dir: &Path,
    process: &Process,
    hostname: &str,
    readonly_root: bool,
) -> Result<(), BundleError> {
    unpack_layers(store, image, &dir.join("rootfs"))?;
    let config_path = dir.join("config.json");
    let text =
        serde_json::to_vec_pretty(&config(process, hostname, readonly_root)).map_err(|e| {
            BundleError::Io {
                path: config_path.display().to_string(),
                source: std::io::Error::other(e),
            }
        })?;
    std::fs::write(&config_path, text).map_err(io(&config_path))
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    fn layer(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut builder = tar::Builder::new(Vec::new());
        for (path, bytes) in entries {
            let mut header = tar::Header::new_gnu();
            header.set_size(bytes.len() as u64);
            header.set_mode(0o644);
            header.set_cksum();
            builder.append_data(&mut header, path, *bytes).unwrap();
        }
        builder.into_inner().unwrap()
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn layers_stack_with_whiteouts_plain_or_gzipped() {
        let dir = tempfile::tempdir().unwrap();
        let rootfs = dir.path().join("rootfs");
        std::fs::create_dir_all(&rootfs).unwrap();
        let lower = layer(&[
            ("etc/keep", b"kept"),
            ("etc/gone", b"deleted above"),
            ("var/cache/a", b"a"),
            ("var/cache/b", b"b"),
        ]);
        let upper = gzip(&layer(&[
            ("etc/.wh.gone", b""),
            ("var/cache/.wh..wh..opq", b""),
            ("var/cache/c", b"c"),
        ]));
        unpack_layer(lower.as_slice(), &rootfs).unwrap();
        unpack_layer(flate2::read::GzDecoder::new(upper.as_slice()), &rootfs).unwrap();
        assert_eq!(std::fs::read(rootfs.join("etc/keep")).unwrap(), b"kept");
        assert!(!rootfs.join("etc/gone").exists());
        assert!(!rootfs.join("var/cache/a").exists());
        assert!(rootfs.join("var/cache/c").exists());
    }
}
