//! A container's root filesystem: an overlay whose lower layers are the image's extracted layers
//! (shared by every container of the image, read-only) and whose upper layer — everything the
//! container writes — lives on the task's encrypted volume.
//!
//! Owners: the layers keep the image's owners on disk (root is 0). A container whose ids are
//! mapped to the host range `base..base + 65536` sees them through idmapped clones of the
//! layers, made with a user namespace holding that same mapping, so its root owns what the
//! image's root owns while on the host those files stay root's and no file is rewritten. The
//! upper layer is created owned by `base`, so what the container writes belongs to its range.

use std::os::fd::{AsRawFd as _, OwnedFd};
use std::path::{Path, PathBuf};

use crate::mounts::{IdMap, idmapped_clone, mount_overlay};

/// The directories of one container's root filesystem under its bundle directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Layout {
    /// The overlay's mount point: the bundle's `rootfs`.
    pub(crate) rootfs: PathBuf,
    /// What the container writes.
    pub(crate) upper: PathBuf,
    /// Overlay's work directory (on the same filesystem as `upper`).
    pub(crate) work: PathBuf,
}

impl Layout {
    /// The layout under the bundle directory `bundle`.
    pub(crate) fn under(bundle: &Path) -> Self {
        Self {
            rootfs: bundle.join("rootfs"),
            upper: bundle.join("upper"),
            work: bundle.join("work"),
        }
    }
}

/// The overlay's mount options: `lowers` are given bottom first, overlay wants the top first.
fn options(lowers: &[String], layout: &Layout) -> String {
    let mut top_first = lowers.to_vec();
    top_first.reverse();
    format!(
        "lowerdir={},upperdir={},workdir={}",
        top_first.join(":"),
        layout.upper.display(),
        layout.work.display()
    )
}

/// Whether overlay can take `path` in its options (it splits them at `,` and `:`).
fn plain(path: &Path) -> bool {
    let text = path.to_string_lossy();
    !text.contains([',', ':', '\\'])
}

/// Mounts the root filesystem: `layers` (bottom first) seen through `map` when the container's
/// ids are mapped (`None` for a privileged container, which sees them as they are).
pub(crate) fn mount(
    layers: &[PathBuf],
    layout: &Layout,
    map: Option<(&IdMap, u32)>,
) -> std::io::Result<()> {
    for dir in [&layout.rootfs, &layout.upper, &layout.work] {
        std::fs::create_dir_all(dir)?;
        if !plain(dir) {
            return Err(std::io::Error::other(format!(
                "{} cannot be an overlay directory",
                dir.display()
            )));
        }
    }
    let mut clones: Vec<OwnedFd> = Vec::new();
    let lowers: Vec<String> = match map {
        Some((map, base)) => {
            std::os::unix::fs::chown(&layout.upper, Some(base), Some(base))?;
            for layer in layers {
                clones.push(idmapped_clone(layer, map)?);
            }
            // The clones are detached mounts: overlay reaches them through their descriptors.
            clones
                .iter()
                .map(|fd| format!("/proc/self/fd/{}", fd.as_raw_fd()))
                .collect()
        }
        None => {
            if let Some(odd) = layers.iter().find(|l| !plain(l)) {
                return Err(std::io::Error::other(format!(
                    "{} cannot be an overlay layer",
                    odd.display()
                )));
            }
            layers.iter().map(|l| l.display().to_string()).collect()
        }
    };
    // The overlay keeps the clones alive; their descriptors close when `clones` drops.
    mount_overlay(&layout.rootfs, &options(&lowers, layout))
}

/// Unmounts the root filesystem at `rootfs` (its container has ended); detaches it if something
/// still holds it.
pub(crate) fn unmount(rootfs: &Path) {
    if neargate_ephemeral::unmount(rootfs, false).is_err() {
        let _ = neargate_ephemeral::unmount(rootfs, true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_are_listed_top_first_beside_upper_and_work() {
        let layout = Layout::under(Path::new("/v/containers/app"));
        let lowers = ["/proc/self/fd/7".to_owned(), "/proc/self/fd/8".to_owned()];
        assert_eq!(
            options(&lowers, &layout),
            "lowerdir=/proc/self/fd/8:/proc/self/fd/7,upperdir=/v/containers/app/upper,\
             workdir=/v/containers/app/work"
        );
    }

    #[test]
    fn paths_overlay_would_split_are_refused() {
        assert!(plain(Path::new("/var/lib/neargate/volumes/ab12/data")));
        assert!(!plain(Path::new("/data/a,b")));
        assert!(!plain(Path::new("/data/a:b")));
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::under(&dir.path().join("odd,name"));
        let error = mount(&[], &layout, None).unwrap_err();
        assert!(error.to_string().contains("cannot be an overlay directory"));
    }
}
