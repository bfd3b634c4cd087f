//! A container's root filesystem: an overlay whose lower layers are the image's extracted layers
//! (shared by every container of the image, read-only) and whose upper layer — everything the
//! container writes — lives on the task's encrypted volume.
//!
//! Owners: the layers keep the image's owners on disk (root is 0). A container whose ids are
//! mapped to the host range `base..base + 65536` sees them through idmapped clones of the
//! layers, made with a user namespace holding that same mapping, so its root owns what the
//! image's root owns while on the host those files stay root's and no file is rewritten. The
//! upper layer is created owned by `base`, so what the container writes belongs to its range.

use std::path::{Path, PathBuf};

use crate::host::{Host, Lower};

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

/// Mounts the root filesystem: `layers` (bottom first), seen shifted up by `base` when the
/// container's ids are mapped there (`None` for a privileged container, which sees them as they
/// are).
pub(crate) fn mount(
    host: &dyn Host,
    layers: &[PathBuf],
    layout: &Layout,
    base: Option<u32>,
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
    let lowers: Vec<Lower> = match base {
        Some(base) => {
            host.chown(&layout.upper, base)?;
            layers
                .iter()
                .map(|layer| host.clone_layer(layer, base))
                .collect::<std::io::Result<_>>()?
        }
        None => {
            if let Some(odd) = layers.iter().find(|l| !plain(l)) {
                return Err(std::io::Error::other(format!(
                    "{} cannot be an overlay layer",
                    odd.display()
                )));
            }
            layers.iter().cloned().map(Lower::Path).collect()
        }
    };
    let names: Vec<String> = lowers.iter().map(Lower::option).collect();
    // The overlay keeps the clones alive; their descriptors close when `lowers` drops.
    host.mount_overlay(&layout.rootfs, &options(&names, layout))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::RecordingHost;

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
        let host = RecordingHost::default();
        let error = mount(&host, &[], &layout, None).unwrap_err();
        assert!(error.to_string().contains("cannot be an overlay directory"));
        assert!(host.calls().is_empty());
    }

    fn layers() -> Vec<PathBuf> {
        vec![PathBuf::from("/layers/base"), PathBuf::from("/layers/app")]
    }

    #[test]
    fn a_mapped_container_stacks_idmapped_clones_under_an_upper_layer_it_owns() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::under(dir.path());
        let host = RecordingHost::default();
        mount(&host, &layers(), &layout, Some(1_065_536)).unwrap();
        let upper = layout.upper.display();
        let work = layout.work.display();
        assert_eq!(
            host.calls(),
            [
                format!("chown {upper} 1065536"),
                "clone /layers/base +1065536".to_owned(),
                "clone /layers/app +1065536".to_owned(),
                format!(
                    "mount overlay {} lowerdir=/clones/app:/clones/base,upperdir={upper},\
                     workdir={work}",
                    layout.rootfs.display()
                ),
            ]
        );
        assert!(layout.upper.is_dir() && layout.work.is_dir() && layout.rootfs.is_dir());
    }

    #[test]
    fn a_privileged_container_sees_the_layers_as_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::under(dir.path());
        let host = RecordingHost::default();
        mount(&host, &layers(), &layout, None).unwrap();
        let calls = host.calls();
        assert_eq!(calls.len(), 1);
        assert!(
            calls[0].contains("lowerdir=/layers/app:/layers/base,"),
            "{calls:?}"
        );
    }

    #[test]
    fn a_layer_that_cannot_be_cloned_mounts_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::under(dir.path());
        let host = RecordingHost {
            fail_on: Some("clone /layers/app".into()),
            ..RecordingHost::default()
        };
        mount(&host, &layers(), &layout, Some(1_000_000)).unwrap_err();
        assert!(!host.calls().iter().any(|c| c.starts_with("mount")));
    }
}
