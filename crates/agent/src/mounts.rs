//! The system calls a container's root filesystem needs that have no safe wrapper: a user
//! namespace that only carries an id mapping, idmapped clones of image layers (`open_tree`,
//! `mount_setattr`), the overlay mount over them, and the two overlay markers an extracted layer
//! holds (a whiteout device, the opaque attribute).
#![allow(unsafe_code)]

use std::ffi::CString;
use std::os::fd::{AsRawFd as _, FromRawFd as _, OwnedFd};
use std::os::unix::ffi::OsStrExt as _;
use std::os::unix::process::CommandExt as _;
use std::path::Path;

fn c_path(path: &Path) -> std::io::Result<CString> {
    CString::new(path.as_os_str().as_bytes())
        .map_err(|_| std::io::Error::other("a path holds a NUL byte"))
}

fn check(result: libc::c_long) -> std::io::Result<libc::c_long> {
    if result < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(result)
    }
}

/// A user namespace mapping ids `0..65536` to `base..base + 65536`, held open only to describe
/// that mapping to `mount_setattr`.
#[derive(Debug)]
pub(crate) struct IdMap {
    namespace: OwnedFd,
}

impl IdMap {
    /// Makes the namespace: a short-lived child enters a new user namespace, the agent writes its
    /// maps, keeps a handle to the namespace and ends the child.
    pub(crate) fn new(base: u32) -> std::io::Result<Self> {
        let mut command = std::process::Command::new("sleep");
        command.arg("60");
        // SAFETY: the closure runs in the forked child before `exec` and only calls
        // `unshare`, which is async-signal-safe.
        unsafe {
            command.pre_exec(|| {
                if libc::unshare(libc::CLONE_NEWUSER) == 0 {
                    Ok(())
                } else {
                    Err(std::io::Error::last_os_error())
                }
            });
        }
        // `spawn` returns once the child has run `exec`, so it is in its namespace by then.
        let mut child = command.spawn()?;
        let made = (|| {
            let proc = Path::new("/proc").join(child.id().to_string());
            let map = format!("0 {base} 65536");
            std::fs::write(proc.join("uid_map"), &map)?;
            std::fs::write(proc.join("gid_map"), &map)?;
            std::fs::File::open(proc.join("ns/user"))
        })();
        let _ = child.kill();
        let _ = child.wait();
        Ok(Self {
            namespace: made?.into(),
        })
    }
}

/// `struct mount_attr` of `<linux/mount.h>`.
#[repr(C)]
struct MountAttr {
    attr_set: u64,
    attr_clr: u64,
    propagation: u64,
    userns_fd: u64,
}

const OPEN_TREE_CLONE: libc::c_uint = 1;
const MOUNT_ATTR_IDMAP: u64 = 0x0010_0000;
const MOUNT_ATTR_RDONLY: u64 = 0x0000_0001;

/// A detached, read-only clone of the directory `path` whose files' owners are seen through
/// `map` (its owner 0 appears as the map's base). The clone lives as long as the handle, or as
/// long as a mount made over it.
pub(crate) fn idmapped_clone(path: &Path, map: &IdMap) -> std::io::Result<OwnedFd> {
    let path = c_path(path)?;
    // SAFETY: `path` is a NUL-terminated string that outlives the call.
    let fd = check(unsafe {
        libc::syscall(
            libc::SYS_open_tree,
            libc::AT_FDCWD,
            path.as_ptr(),
            OPEN_TREE_CLONE | libc::O_CLOEXEC as libc::c_uint,
        )
    })?;
    // SAFETY: `open_tree` returned a new descriptor that nothing else owns.
    let tree = unsafe { OwnedFd::from_raw_fd(i32::try_from(fd).map_err(std::io::Error::other)?) };
    let attr = MountAttr {
        attr_set: MOUNT_ATTR_IDMAP | MOUNT_ATTR_RDONLY,
        attr_clr: 0,
        propagation: 0,
        userns_fd: u64::try_from(map.namespace.as_raw_fd()).map_err(std::io::Error::other)?,
    };
    // SAFETY: `attr` is a live `struct mount_attr` of the size passed, and the empty path with
    // `AT_EMPTY_PATH` names the descriptor itself.
    check(unsafe {
        libc::syscall(
            libc::SYS_mount_setattr,
            tree.as_raw_fd(),
            c"".as_ptr(),
            libc::AT_EMPTY_PATH as libc::c_uint,
            &raw const attr,
            std::mem::size_of::<MountAttr>(),
        )
    })?;
    Ok(tree)
}

/// Mounts an overlay at `target` with `options` (`lowerdir=…,upperdir=…,workdir=…`), no device
/// files and no set-user-id bits honoured from it.
pub(crate) fn mount_overlay(target: &Path, options: &str) -> std::io::Result<()> {
    let target = c_path(target)?;
    let options = CString::new(options).map_err(std::io::Error::other)?;
    // SAFETY: every pointer is a NUL-terminated string that outlives the call.
    check(libc::c_long::from(unsafe {
        libc::mount(
            c"overlay".as_ptr(),
            target.as_ptr(),
            c"overlay".as_ptr(),
            libc::MS_NODEV,
            options.as_ptr().cast(),
        )
    }))
    .map(drop)
}

/// Makes `path` an overlay whiteout: a character device 0:0, which hides the lower file.
pub(crate) fn whiteout(path: &Path) -> std::io::Result<()> {
    let path = c_path(path)?;
    // SAFETY: `path` is a NUL-terminated string that outlives the call.
    check(libc::c_long::from(unsafe {
        libc::mknod(path.as_ptr(), libc::S_IFCHR, libc::makedev(0, 0))
    }))
    .map(drop)
}

/// Marks the directory `dir` opaque for overlay: lower directories' entries do not show through.
pub(crate) fn make_opaque(dir: &Path) -> std::io::Result<()> {
    let dir = c_path(dir)?;
    // SAFETY: the name and value are live buffers of the lengths passed.
    check(libc::c_long::from(unsafe {
        libc::setxattr(
            dir.as_ptr(),
            c"trusted.overlay.opaque".as_ptr(),
            b"y".as_ptr().cast(),
            1,
            0,
        )
    }))
    .map(drop)
}
