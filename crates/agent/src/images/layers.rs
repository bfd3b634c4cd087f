//! Image layers extracted once, in overlay's format, under `DATA_DIR/images/layers/<digest>/`:
//! the lower directories of every container root filesystem made from them. Files keep the
//! owners and modes the layer gives them; a whiteout (`.wh.<name>`) becomes overlay's whiteout
//! device and an opaque marker (`.wh..wh..opq`) its `trusted.overlay.opaque` attribute, so the
//! kernel stacks the layers exactly as the image describes.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::{Image, ImageError, ImageStore, tempdir_in};
use crate::mounts::{make_opaque, whiteout};

/// A layer blob as a tar stream, gunzipped if it is compressed.
pub(crate) fn open_layer(path: &Path) -> std::io::Result<Box<dyn Read>> {
    let mut file = std::fs::File::open(path)?;
    let mut magic = [0u8; 2];
    let compressed = file.read_exact(&mut magic).is_ok() && magic == [0x1f, 0x8b];
    let file = std::fs::File::open(path)?;
    Ok(if compressed {
        Box::new(flate2::read::GzDecoder::new(file))
    } else {
        Box::new(file)
    })
}

/// Extracts one layer into `into` in overlay's format.
fn extract(reader: impl Read, into: &Path) -> std::io::Result<()> {
    let mut archive = tar::Archive::new(reader);
    archive.set_preserve_permissions(true);
    archive.set_unpack_xattrs(false);
    for entry in archive.entries()? {
        let mut entry = entry?;
        let path = entry.path()?.into_owned();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if let Some(hidden) = name.strip_prefix(".wh.") {
            // `unpack_in` below refuses paths that leave `into`; these are checked the same way.
            if path
                .components()
                .any(|c| !matches!(c, std::path::Component::Normal(_)))
            {
                continue;
            }
            let parent = into.join(path.parent().unwrap_or(Path::new("")));
            std::fs::create_dir_all(&parent)?;
            if hidden == ".wh..opq" {
                make_opaque(&parent)?;
            } else {
                whiteout(&parent.join(hidden))?;
            }
            continue;
        }
        // `unpack_in` refuses entries that would land outside `into`.
        if entry.unpack_in(into)? {
            keep_owner(&entry, &into.join(&path))?;
        }
    }
    Ok(())
}

/// Gives the file `entry` was unpacked to the owner the layer names (0 where a header leaves
/// it blank), then its mode again: a change of owner clears set-user-id and set-group-id bits.
fn keep_owner<R: Read>(entry: &tar::Entry<'_, R>, path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    let header = entry.header();
    let uid = u32::try_from(header.uid().unwrap_or(0)).unwrap_or(0);
    let gid = u32::try_from(header.gid().unwrap_or(0)).unwrap_or(0);
    std::os::unix::fs::lchown(path, Some(uid), Some(gid))?;
    if !header.entry_type().is_symlink()
        && let Ok(mode) = header.mode()
    {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & 0o7777))?;
    }
    Ok(())
}

impl ImageStore {
    fn layers_root(&self) -> PathBuf {
        self.root.join("layers")
    }

    /// The extracted directories of `image`'s layers, bottom first, extracting those not yet
    /// extracted (once: concurrent launches race to a rename, and the loser's copy is dropped).
    pub fn layer_dirs(&self, image: &Image) -> Result<Vec<PathBuf>, ImageError> {
        let root = self.layers_root();
        std::fs::create_dir_all(&root).map_err(|e| ImageError::io(&root, e))?;
        image
            .layers
            .iter()
            .map(|digest| {
                let dir = root.join(digest.strip_prefix("sha256:").unwrap_or(digest));
                if dir.exists() {
                    return Ok(dir);
                }
                let blob = self.blob_path(digest);
                let staging = tempdir_in(&root)?;
                let extracted = open_layer(&blob).and_then(|reader| extract(reader, &staging));
                if let Err(e) = extracted {
                    let _ = std::fs::remove_dir_all(&staging);
                    return Err(ImageError::io(&blob, e));
                }
                if std::fs::rename(&staging, &dir).is_err() {
                    let _ = std::fs::remove_dir_all(&staging);
                }
                Ok(dir)
            })
            .collect()
    }

    /// Deletes extracted layers no image uses any more, and staging left by an interrupted
    /// extraction. Only safe while no container runs on them (the agent calls it when it opens).
    pub fn prune_layers(&self) -> Result<(), ImageError> {
        let _lock = self.lock()?;
        let used: std::collections::HashSet<String> = self
            .index()?
            .images
            .iter()
            .flat_map(|i| i.layers.iter())
            .map(|d| d.strip_prefix("sha256:").unwrap_or(d).to_owned())
            .collect();
        let Ok(entries) = std::fs::read_dir(self.layers_root()) else {
            return Ok(());
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !used.contains(&name) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _};

    use super::*;

    #[test]
    fn layers_extract_in_overlay_format_with_their_owners() {
        // Device nodes, extended attributes and ownership need root.
        if !nix_is_root() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let bytes = crate::images::layer_tar(
            &[
                ("etc/config", b"x"),
                ("etc/.wh.old", b""),
                ("var/cache/.wh..wh..opq", b""),
            ],
            0o4750,
            (1000, 1001),
        );
        extract(&bytes[..], dir.path()).unwrap();
        let config = std::fs::metadata(dir.path().join("etc/config")).unwrap();
        assert_eq!(
            (config.uid(), config.gid(), config.mode() & 0o7777),
            (1000, 1001, 0o4750)
        );
        let old = std::fs::symlink_metadata(dir.path().join("etc/old")).unwrap();
        assert!(old.file_type().is_char_device());
        assert_eq!(old.rdev(), 0);
        let mut value = [0u8; 1];
        let cache = std::ffi::CString::new(dir.path().join("var/cache").to_str().unwrap()).unwrap();
        // SAFETY: the path and name are NUL-terminated and `value` is a live one-byte buffer.
        #[allow(unsafe_code)]
        let length = unsafe {
            libc::getxattr(
                cache.as_ptr(),
                c"trusted.overlay.opaque".as_ptr(),
                value.as_mut_ptr().cast(),
                1,
            )
        };
        assert_eq!((length, value), (1, *b"y"));
    }

    fn nix_is_root() -> bool {
        std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
    }
}
