//! The local image store: images imported from files (no registry needed), kept by content
//! address under `DATA_DIR/images/blobs/sha256/`, with an index of names. Task definitions name
//! images as usual and resolve against it.

mod archive;
mod layers;
mod reference;
mod registry;

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub(crate) use layers::open_layer;
pub use reference::Reference;

/// Why an image operation failed.
#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The archive is not an image archive this store reads.
    #[error("not a valid image archive: {0}")]
    Invalid(String),
    /// A blob's content does not match its digest.
    #[error("digest mismatch: expected {expected}, content is {actual}")]
    DigestMismatch {
        /// The digest the archive claims.
        expected: String,
        /// The digest of the content.
        actual: String,
    },
    /// No image has this reference; the message is the one ECS reports.
    #[error(
        "CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to \
         resolve ref {0}: {0}: not found"
    )]
    NotFound(String),
    /// The text is not an image reference.
    #[error("invalid reference format: {0}")]
    BadReference(String),
    /// A registry could not be reached or answered with an error.
    #[error("CannotPullContainerError: {0}")]
    Registry(String),
}

impl ImageError {
    fn io(path: &Path, source: std::io::Error) -> Self {
        Self::Io {
            path: path.display().to_string(),
            source,
        }
    }
}

/// An image in the store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// Registry and repository, e.g. `docker.io/library/busybox`.
    pub name: String,
    /// The tag, if the image was imported under one.
    pub tag: Option<String>,
    /// The manifest's digest.
    pub manifest: String,
    /// The config's digest (the image id).
    pub config: String,
    /// Layer digests, bottom first.
    pub layers: Vec<String>,
    /// Bytes of the config and layers.
    pub size: u64,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Index {
    images: Vec<Image>,
}

/// A layer tar of `entries` (path, content), each with `mode` and owner `uid`:`gid`, for tests.
#[cfg(test)]
pub(crate) fn layer_tar(entries: &[(&str, &[u8])], mode: u32, (uid, gid): (u64, u64)) -> Vec<u8> {
    let mut builder = tar::Builder::new(Vec::new());
    for (path, bytes) in entries {
        let mut header = tar::Header::new_gnu();
        header.set_size(bytes.len() as u64);
        header.set_mode(mode);
        header.set_uid(uid);
        header.set_gid(gid);
        header.set_cksum();
        builder.append_data(&mut header, path, *bytes).unwrap();
    }
    builder.into_inner().unwrap()
}

/// SHA-256 of a file, as `sha256:<hex>`.
pub(crate) fn sha256_file(path: &Path) -> Result<String, ImageError> {
    let mut file = File::open(path).map_err(|e| ImageError::io(path, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf).map_err(|e| ImageError::io(path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(format!("sha256:{}", hex::encode(hasher.finalize())))
}

/// The content-addressed blob directory.
#[derive(Debug)]
pub(crate) struct Blobs {
    dir: PathBuf,
}

impl Blobs {
    fn path(&self, digest: &str) -> PathBuf {
        self.dir
            .join(digest.strip_prefix("sha256:").unwrap_or(digest))
    }

    /// Moves the checked file at `from` in as `digest` (blobs already present are shared).
    pub(crate) fn keep(&self, from: &Path, digest: &str) -> Result<PathBuf, ImageError> {
        let to = self.path(digest);
        if !to.exists() {
            std::fs::rename(from, &to)
                .or_else(|_| std::fs::copy(from, &to).map(drop))
                .map_err(|e| ImageError::io(&to, e))?;
        }
        Ok(to)
    }

    /// Deletes the blob `digest` (one that turned out not to be wanted).
    pub(crate) fn forget(&self, digest: &str) {
        let _ = std::fs::remove_file(self.path(digest));
    }

    /// Writes `bytes` as a blob; its digest.
    pub(crate) fn write(&self, bytes: &[u8]) -> Result<String, ImageError> {
        let digest = format!("sha256:{}", hex::encode(Sha256::digest(bytes)));
        let to = self.path(&digest);
        if !to.exists() {
            let temporary = to.with_extension("partial");
            std::fs::write(&temporary, bytes)
                .and_then(|()| std::fs::rename(&temporary, &to))
                .map_err(|e| ImageError::io(&to, e))?;
        }
        Ok(digest)
    }
}

/// The image store of a data directory.
#[derive(Debug)]
pub struct ImageStore {
    root: PathBuf,
    blobs: Blobs,
}

impl ImageStore {
    /// Opens (creating if needed) the store under `data_dir/images`.
    pub fn open(data_dir: &Path) -> Result<Self, ImageError> {
        let root = data_dir.join("images");
        let dir = root.join("blobs").join("sha256");
        std::fs::create_dir_all(&dir).map_err(|e| ImageError::io(&dir, e))?;
        Ok(Self {
            root,
            blobs: Blobs { dir },
        })
    }

    /// Imports every image of the archive at `path` (an OCI image layout, as a tar file or a
    /// directory, or a `docker save` tar file); the images imported.
    pub fn import(&self, path: &Path) -> Result<Vec<Image>, ImageError> {
        let _lock = self.lock()?;
        let staging = tempdir_in(&self.root)?;
        let unpacked = if path.is_dir() {
            path.to_owned()
        } else {
            archive::unpack(path, &staging)?;
            staging.clone()
        };
        let found = if unpacked.join("oci-layout").exists() && unpacked.join("index.json").exists()
        {
            // A layout directory given in place must keep its blobs: copy them in.
            if path.is_dir() {
                copy_tree(&unpacked.join("blobs"), &staging.join("blobs"))?;
                std::fs::copy(unpacked.join("index.json"), staging.join("index.json"))
                    .map_err(|e| ImageError::io(path, e))?;
            }
            archive::oci_layout(&staging, &self.blobs)
        } else if unpacked.join("manifest.json").exists() {
            archive::docker_archive(&staging, &self.blobs)
        } else {
            Err(ImageError::Invalid(format!(
                "{} is neither an OCI image layout nor a docker save archive",
                path.display()
            )))
        };
        let _ = std::fs::remove_dir_all(&staging);
        let mut index = self.index()?;
        let found = match found {
            Ok(found) => found,
            Err(e) => {
                // Blobs checked before the failure belong to no image: drop them.
                self.collect_garbage(&index);
                return Err(e);
            }
        };
        let mut imported = Vec::new();
        for image in found {
            let names: Vec<Reference> = image
                .names
                .iter()
                .filter_map(|n| Reference::parse(n))
                .collect();
            let references = if names.is_empty() {
                vec![None]
            } else {
                names.into_iter().map(Some).collect()
            };
            for reference in references {
                let (name, tag) = reference.map_or_else(
                    || (format!("sha256-{}", &image.manifest[7..19]), None),
                    |r| (r.name, r.tag),
                );
                index.images.retain(|i| !(i.name == name && i.tag == tag));
                let entry = Image {
                    name,
                    tag,
                    manifest: image.manifest.clone(),
                    config: image.config.clone(),
                    layers: image.layers.clone(),
                    size: image.size,
                };
                index.images.push(entry.clone());
                imported.push(entry);
            }
        }
        self.save(&index)?;
        Ok(imported)
    }

    /// Pulls `text` from its registry (HTTPS; plain HTTP allowed on loopback).
    pub fn pull(&self, text: &str) -> Result<Image, ImageError> {
        let reference =
            Reference::parse(text).ok_or_else(|| ImageError::BadReference(text.to_owned()))?;
        let _lock = self.lock()?;
        let mut index = self.index()?;
        let pulled = match registry::pull(&reference, &self.blobs) {
            Ok(pulled) => pulled,
            Err(e) => {
                self.collect_garbage(&index);
                return Err(e);
            }
        };
        let image = Image {
            name: reference.name,
            tag: reference.tag,
            manifest: pulled.manifest,
            config: pulled.config,
            layers: pulled.layers,
            size: pulled.size,
        };
        index
            .images
            .retain(|i| !(i.name == image.name && i.tag == image.tag));
        index.images.push(image.clone());
        self.save(&index)?;
        Ok(image)
    }

    /// Every image, by name and tag.
    pub fn list(&self) -> Result<Vec<Image>, ImageError> {
        let mut images = self.index()?.images;
        images.sort_by(|a, b| (&a.name, &a.tag).cmp(&(&b.name, &b.tag)));
        Ok(images)
    }

    /// The image `text` names (by tag or by digest), or ECS's `CannotPullContainerError`.
    pub fn resolve(&self, text: &str) -> Result<Image, ImageError> {
        let reference =
            Reference::parse(text).ok_or_else(|| ImageError::BadReference(text.to_owned()))?;
        self.index()?
            .images
            .into_iter()
            .find(|i| {
                i.name == reference.name
                    && match (&reference.digest, &reference.tag) {
                        (Some(digest), _) => &i.manifest == digest,
                        (None, tag) => &i.tag == tag,
                    }
            })
            .ok_or_else(|| ImageError::NotFound(reference.to_string()))
    }

    /// The image `text` names, as a task launch finds it: from the store, or, when the store
    /// lacks it and `text` names a registry other than Docker Hub, pulled from there first (as
    /// ECS pulls at launch). Docker Hub names resolve from the store alone, so that tasks on a
    /// host without Internet access start without network lookups; `neargate image pull` or
    /// `neargate image import` fills the store for them.
    pub fn resolve_or_pull(&self, text: &str) -> Result<Image, ImageError> {
        match self.resolve(text) {
            Err(ImageError::NotFound(_))
                if Reference::parse(text).is_some_and(|r| !r.name.starts_with("docker.io/")) =>
            {
                self.pull(text)
            }
            found => found,
        }
    }

    /// The path of a blob of an image in the store.
    pub fn blob_path(&self, digest: &str) -> PathBuf {
        self.blobs.path(digest)
    }

    /// Removes the name `text`, and every blob no remaining image uses; the removed image.
    pub fn remove(&self, text: &str) -> Result<Image, ImageError> {
        let _lock = self.lock()?;
        let image = self.resolve(text)?;
        let mut index = self.index()?;
        index.images.retain(|i| {
            !(i.name == image.name && i.tag == image.tag && i.manifest == image.manifest)
        });
        self.save(&index)?;
        self.collect_garbage(&index);
        Ok(image)
    }

    /// Deletes every blob no image of `index` uses.
    fn collect_garbage(&self, index: &Index) {
        let used: std::collections::HashSet<PathBuf> = index
            .images
            .iter()
            .flat_map(|i| {
                std::iter::once(&i.manifest)
                    .chain(std::iter::once(&i.config))
                    .chain(&i.layers)
            })
            .map(|d| self.blobs.path(d))
            .collect();
        let Ok(entries) = std::fs::read_dir(&self.blobs.dir) else {
            return;
        };
        for entry in entries.flatten() {
            if !used.contains(&entry.path()) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    fn index(&self) -> Result<Index, ImageError> {
        let path = self.root.join("index.json");
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| ImageError::Invalid(format!("{}: {e}", path.display()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Index::default()),
            Err(e) => Err(ImageError::io(&path, e)),
        }
    }

    /// Replaces the index atomically (write a new file, sync it, rename it over the old one).
    fn save(&self, index: &Index) -> Result<(), ImageError> {
        let path = self.root.join("index.json");
        let temporary = self.root.join("index.json.partial");
        let text =
            serde_json::to_vec_pretty(index).map_err(|e| ImageError::Invalid(e.to_string()))?;
        File::create(&temporary)
            .and_then(|mut f| f.write_all(&text).and_then(|()| f.sync_all()))
            .and_then(|()| std::fs::rename(&temporary, &path))
            .map_err(|e| ImageError::io(&path, e))
    }

    /// Serializes changes between processes (the server and `neargate image` commands).
    fn lock(&self) -> Result<File, ImageError> {
        let path = self.root.join("lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| ImageError::io(&path, e))?;
        file.lock().map_err(|e| ImageError::io(&path, e))?;
        Ok(file)
    }
}

/// A fresh directory under `root` for unpacking.
fn tempdir_in(root: &Path) -> Result<PathBuf, ImageError> {
    let mut random = [0u8; 8];
    File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut random))
        .map_err(|e| ImageError::io(root, e))?;
    let dir = root.join(format!("staging-{}", hex::encode(random)));
    std::fs::create_dir_all(&dir).map_err(|e| ImageError::io(&dir, e))?;
    Ok(dir)
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), ImageError> {
    std::fs::create_dir_all(to).map_err(|e| ImageError::io(to, e))?;
    for entry in std::fs::read_dir(from).map_err(|e| ImageError::io(from, e))? {
        let entry = entry.map_err(|e| ImageError::io(from, e))?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target).map_err(|e| ImageError::io(&target, e))?;
        }
    }
    Ok(())
}
