//! OCI bundles: a container's root filesystem unpacked from its image's layers, and the runtime
//! configuration (`config.json`) `runc` reads.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::images::{Image, ImageError, ImageStore, open_layer};

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
        open_layer(&path)
            .and_then(|reader| unpack_layer(reader, rootfs))
            .map_err(io(&path))?;
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

/// Every capability, for `privileged` containers.
const ALL_CAPABILITIES: &[&str] = crate::confine::CAPABILITIES;

/// The capabilities of a container: Docker's default set with `linuxParameters.capabilities`
/// `add` and `drop` applied (names with or without `CAP_`, `ALL` allowed), or every capability
/// when `privileged`.
pub fn capabilities(add: &[String], drop: &[String], privileged: bool) -> Vec<String> {
    if privileged {
        return ALL_CAPABILITIES.iter().map(|c| (*c).to_owned()).collect();
    }
    let name = |c: &String| {
        let upper = c.to_ascii_uppercase();
        if upper.starts_with("CAP_") {
            upper
        } else {
            format!("CAP_{upper}")
        }
    };
    let mut set: Vec<String> = DEFAULT_CAPABILITIES
        .iter()
        .map(|c| (*c).to_owned())
        .collect();
    if drop.iter().any(|c| c.eq_ignore_ascii_case("ALL")) {
        set.clear();
    } else {
        let dropped: Vec<String> = drop.iter().map(name).collect();
        set.retain(|c| !dropped.contains(c));
    }
    for added in add {
        if added.eq_ignore_ascii_case("ALL") {
            return ALL_CAPABILITIES.iter().map(|c| (*c).to_owned()).collect();
        }
        let added = name(added);
        if !set.contains(&added) {
            set.push(added);
        }
    }
    set
}

/// How a container is confined beyond its process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sandbox {
    /// The container's hostname.
    pub hostname: String,
    /// `readonlyRootFilesystem`.
    pub readonly_root: bool,
    /// The host id the container's id 0 maps to in its own user namespace (65,536 ids); `None`
    /// runs without a user namespace (for `privileged` containers only).
    pub id_base: Option<u32>,
    /// The memory limit in bytes.
    pub memory_limit: Option<u64>,
    /// CPU shares (ECS `cpu` units: 1024 per vCPU).
    pub cpu_shares: Option<u64>,
    /// The cgroup, relative to each hierarchy's root (a task's limits sit on its parent).
    pub cgroup: Option<String>,
    /// Whether the container is `privileged`: no system call filter.
    pub privileged: bool,
    /// The task's network namespace to join (`awsvpc`: shared by the task's containers);
    /// `None` gives the container one of its own with only a loopback interface.
    pub network: Option<String>,
    /// Host directories bound into the container (the task's volumes).
    pub binds: Vec<Bind>,
}

/// A host directory bound into a container: a task volume at a container's `mountPoints` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bind {
    /// The host directory.
    pub source: PathBuf,
    /// Where the container sees it (`containerPath`).
    pub destination: String,
    /// `readOnly`.
    pub readonly: bool,
}

/// Ids a user namespace maps.
const MAPPED_IDS: u32 = 65_536;

/// The runtime configuration of a container whose root filesystem is `rootfs` in the bundle.
pub fn config(process: &Process, sandbox: &Sandbox) -> Value {
    let capabilities = &process.capabilities;
    let network = match &sandbox.network {
        Some(path) => json!({"type": "network", "path": path}),
        None => json!({"type": "network"}),
    };
    let mut namespaces = vec![
        json!({"type": "pid"}),
        network,
        json!({"type": "ipc"}),
        json!({"type": "uts"}),
        json!({"type": "mount"}),
    ];
    let mut linux = json!({
        "maskedPaths": [
            "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
            "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
            "/sys/firmware"
        ],
        "readonlyPaths": [
            "/proc/asound", "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
            "/proc/sysrq-trigger"
        ],
        "resources": {}
    });
    if let Some(base) = sandbox.id_base {
        namespaces.push(json!({"type": "user"}));
        let mapping = json!([{"containerID": 0, "hostID": base, "size": MAPPED_IDS}]);
        linux["uidMappings"] = mapping.clone();
        linux["gidMappings"] = mapping;
    }
    linux["namespaces"] = json!(namespaces);
    if let Some(path) = &sandbox.cgroup {
        linux["cgroupsPath"] = json!(path);
    }
    if !sandbox.privileged {
        linux["seccomp"] = crate::seccomp::profile(&process.capabilities);
    }
    if let Some(limit) = sandbox.memory_limit {
        linux["resources"]["memory"] = json!({"limit": limit});
    }
    if let Some(shares) = sandbox.cpu_shares {
        linux["resources"]["cpu"] = json!({"shares": shares.max(2)});
    }
    let mut config = json!({
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
        "root": {"path": "rootfs", "readonly": sandbox.readonly_root},
        "hostname": sandbox.hostname,
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
            sys_mount(sandbox)
        ],
        "linux": linux
    });
    if let Some(mounts) = config["mounts"].as_array_mut() {
        mounts.extend(sandbox.binds.iter().map(bind_mount));
    }
    config
}

/// `/sys`: a fresh sysfs, except in a user namespace that joins a network namespace it does not
/// own (a task's shared one), where the kernel refuses sysfs and the host's is bound read-only.
fn sys_mount(sandbox: &Sandbox) -> Value {
    if sandbox.id_base.is_some() && sandbox.network.is_some() {
        json!({"destination": "/sys", "type": "none", "source": "/sys",
               "options": ["rbind", "nosuid", "noexec", "nodev", "ro"]})
    } else {
        json!({"destination": "/sys", "type": "sysfs", "source": "sysfs",
               "options": ["nosuid", "noexec", "nodev", "ro"]})
    }
}

/// A task volume's bind mount.
fn bind_mount(bind: &Bind) -> Value {
    let access = if bind.readonly { "ro" } else { "rw" };
    json!({"destination": bind.destination, "type": "none", "source": bind.source,
           "options": ["rbind", "nosuid", "nodev", access]})
}

/// Gives every file of `rootfs` the owner it has in the image, shifted by `base`, so the ids
/// the container sees map to them through its user namespace.
fn shift_owners(rootfs: &Path, base: u32) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt as _;
    let mut stack = vec![rootfs.to_owned()];
    while let Some(path) = stack.pop() {
        let meta = std::fs::symlink_metadata(&path)?;
        std::os::unix::fs::lchown(
            &path,
            Some(meta.uid().saturating_add(base)),
            Some(meta.gid().saturating_add(base)),
        )?;
        if meta.is_dir() {
            for entry in std::fs::read_dir(&path)? {
                stack.push(entry?.path());
            }
        }
    }
    Ok(())
}

/// Makes the bundle `dir` with a copy of the image: its layers unpacked into `dir/rootfs`, the
/// files given to the container's mapped ids, then [`finish`]ed. (Tasks use an overlay of the
/// image's extracted layers instead: see `rootfs`.)
pub fn make(
    store: &ImageStore,
    image: &Image,
    dir: &Path,
    process: &Process,
    sandbox: &Sandbox,
) -> Result<(), BundleError> {
    let rootfs = dir.join("rootfs");
    unpack_layers(store, image, &rootfs)?;
    if let Some(base) = sandbox.id_base {
        shift_owners(&rootfs, base).map_err(io(&rootfs))?;
    }
    finish(dir, process, sandbox)
}

/// Completes the bundle `dir` whose `rootfs` is in place (owned as the container's mapped ids
/// see it): `dir/config.json` written.
pub fn finish(dir: &Path, process: &Process, sandbox: &Sandbox) -> Result<(), BundleError> {
    let config_path = dir.join("config.json");
    let text =
        serde_json::to_vec_pretty(&config(process, sandbox)).map_err(|e| BundleError::Io {
            path: config_path.display().to_string(),
            source: std::io::Error::other(e),
        })?;
    std::fs::write(&config_path, text).map_err(io(&config_path))
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    fn layer(entries: &[(&str, &[u8])]) -> Vec<u8> {
        crate::images::layer_tar(entries, 0o644, (0, 0))
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    fn sandbox(id_base: Option<u32>, privileged: bool) -> Sandbox {
        Sandbox {
            hostname: "ip-172-31-0-2".into(),
            readonly_root: true,
            id_base,
            memory_limit: Some(512 << 20),
            cpu_shares: Some(1),
            cgroup: Some("neargate/t/app".into()),
            privileged,
            network: Some("/var/run/netns/neargate-t".into()),
            binds: vec![Bind {
                source: PathBuf::from("/v/volumes/scratch"),
                destination: "/scratch".into(),
                readonly: false,
            }],
        }
    }

    fn process(capabilities: Vec<String>) -> Process {
        Process {
            args: vec!["/bin/sh".into()],
            env: vec!["PATH=/bin".into()],
            cwd: "/".into(),
            uid: 1000,
            gid: 1000,
            capabilities,
        }
    }

    #[test]
    fn a_mapped_container_is_confined_by_its_runtime_configuration() {
        let caps = capabilities(&[], &[], false);
        let config = config(&process(caps.clone()), &sandbox(Some(1_065_536), false));
        let linux = &config["linux"];
        let namespaces: Vec<&str> = linux["namespaces"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["type"].as_str().unwrap())
            .collect();
        assert_eq!(
            namespaces,
            ["pid", "network", "ipc", "uts", "mount", "user"]
        );
        assert_eq!(linux["namespaces"][1]["path"], "/var/run/netns/neargate-t");
        assert_eq!(
            linux["uidMappings"],
            json!([{"containerID": 0, "hostID": 1_065_536, "size": MAPPED_IDS}])
        );
        assert_eq!(linux["gidMappings"], linux["uidMappings"]);
        assert!(linux["seccomp"].is_object());
        assert_eq!(linux["resources"]["memory"]["limit"], 512 << 20);
        // ECS's smallest share is raised to the kernel's.
        assert_eq!(linux["resources"]["cpu"]["shares"], 2);
        assert_eq!(config["process"]["noNewPrivileges"], true);
        assert_eq!(config["process"]["capabilities"]["bounding"], json!(caps));
        assert_eq!(config["root"], json!({"path": "rootfs", "readonly": true}));
        let mounts = config["mounts"].as_array().unwrap();
        // A user namespace joining the task's network namespace gets the host's /sys, read-only.
        let sys = mounts.iter().find(|m| m["destination"] == "/sys").unwrap();
        assert!(sys["options"].as_array().unwrap().contains(&json!("ro")));
        let scratch = mounts.last().unwrap();
        assert_eq!(scratch["destination"], "/scratch");
        assert!(
            scratch["options"]
                .as_array()
                .unwrap()
                .contains(&json!("nodev"))
        );
    }

    #[test]
    fn a_privileged_container_has_every_capability_and_no_filter_or_user_namespace() {
        let caps = capabilities(&[], &[], true);
        let config = config(&process(caps), &sandbox(None, true));
        let linux = &config["linux"];
        assert!(linux.get("seccomp").is_none());
        assert!(linux.get("uidMappings").is_none());
        assert!(
            !linux["namespaces"]
                .as_array()
                .unwrap()
                .contains(&json!({"type": "user"}))
        );
        assert_eq!(
            config["process"]["capabilities"]["bounding"]
                .as_array()
                .unwrap()
                .len(),
            ALL_CAPABILITIES.len()
        );
    }

    #[test]
    fn capabilities_follow_docker_defaults_with_add_and_drop() {
        let strings = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let set = capabilities(&strings(&["NET_ADMIN"]), &strings(&["cap_chown"]), false);
        assert!(set.contains(&"CAP_NET_ADMIN".to_owned()));
        assert!(!set.contains(&"CAP_CHOWN".to_owned()));
        assert!(set.contains(&"CAP_KILL".to_owned()));
        assert_eq!(
            capabilities(&strings(&["SYS_PTRACE"]), &strings(&["ALL"]), false),
            ["CAP_SYS_PTRACE"]
        );
        assert_eq!(capabilities(&[], &[], true).len(), ALL_CAPABILITIES.len());
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
