//! Reading an image archive: an OCI image layout or a `docker save` archive, as a tar file or
//! (for a layout) a directory. Every blob is checked against its digest before it is kept.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Value, json};

use super::{Blobs, ImageError, sha256_file};

/// One image found in an archive, its blobs already in the store.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// The names it was saved under (`busybox:1.35`, …), possibly none.
    pub(crate) names: Vec<String>,
    pub(crate) manifest: String,
    pub(crate) config: String,
    pub(crate) layers: Vec<String>,
    pub(crate) size: u64,
}

/// Unpacks `archive` (a tar file) into `staging`, refusing entries that would land outside it.
pub(crate) fn unpack(archive: &Path, staging: &Path) -> Result<(), ImageError> {
    let file = std::fs::File::open(archive).map_err(|e| ImageError::io(archive, e))?;
    let mut tar = tar::Archive::new(file);
    for entry in tar.entries().map_err(|e| ImageError::io(archive, e))? {
        let mut entry = entry.map_err(|e| ImageError::io(archive, e))?;
        let kind = entry.header().entry_type();
        if !(kind.is_file() || kind.is_dir()) {
            continue;
        }
        // `unpack_in` refuses paths that climb out of the directory.
        let inside = entry
            .unpack_in(staging)
            .map_err(|e| ImageError::io(archive, e))?;
        if !inside {
            return Err(ImageError::Invalid(format!(
                "{} holds an entry outside the archive",
                archive.display()
            )));
        }
    }
    Ok(())
}

#[derive(Deserialize)]
struct OciIndex {
    manifests: Vec<Descriptor>,
}

#[derive(Deserialize, Clone)]
struct Descriptor {
    digest: String,
    size: u64,
    #[serde(default)]
    annotations: BTreeMap<String, String>,
    #[serde(default)]
    platform: Option<Platform>,
}

#[derive(Deserialize, Clone)]
struct Platform {
    architecture: String,
    os: String,
}

#[derive(Deserialize)]
struct OciManifest {
    #[serde(default)]
    manifests: Vec<Descriptor>,
    config: Option<Descriptor>,
    #[serde(default)]
    layers: Vec<Descriptor>,
}

/// The blob `digest` of a layout in `root`, checked (size and digest) and copied into `blobs`.
fn take_blob(
    root: &Path,
    blobs: &Blobs,
    digest: &str,
    size: Option<u64>,
) -> Result<PathBuf, ImageError> {
    let hex = digest
        .strip_prefix("sha256:")
        .filter(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()))
        .ok_or_else(|| ImageError::Invalid(format!("unsupported digest {digest}")))?;
    let path = root.join("blobs").join("sha256").join(hex);
    // Already moved in for another image of the same archive.
    if !path.exists() && blobs.path(digest).exists() {
        return Ok(blobs.path(digest));
    }
    let meta = std::fs::metadata(&path)
        .map_err(|_| ImageError::Invalid(format!("the archive lacks blob {digest}")))?;
    if size.is_some_and(|s| s != meta.len()) {
        return Err(ImageError::Invalid(format!(
            "blob {digest} is {} bytes, its descriptor says {}",
            meta.len(),
            size.unwrap_or_default()
        )));
    }
    let actual = sha256_file(&path)?;
    if actual != digest {
        return Err(ImageError::DigestMismatch {
            expected: digest.to_owned(),
            actual,
        });
    }
    blobs.keep(&path, digest)
}

/// The images of an OCI image layout in `root`.
pub(crate) fn oci_layout(root: &Path, blobs: &Blobs) -> Result<Vec<Found>, ImageError> {
    let index: OciIndex = read_json(&root.join("index.json"))?;
    let mut found = Vec::new();
    for descriptor in index.manifests {
        let names: Vec<String> = [
            "io.containerd.image.name",
            "org.opencontainers.image.ref.name",
        ]
        .iter()
        .filter_map(|k| descriptor.annotations.get(*k).cloned())
        .take(1)
        .collect();
        let mut manifest_descriptor = descriptor.clone();
        let mut manifest: OciManifest = read_json(&take_blob(
            root,
            blobs,
            &descriptor.digest,
            Some(descriptor.size),
        )?)?;
        // An image index: take the linux/amd64 image.
        if manifest.config.is_none() {
            let chosen = manifest
                .manifests
                .iter()
                .find(|m| {
                    m.platform
                        .as_ref()
                        .is_some_and(|p| p.os == "linux" && p.architecture == "amd64")
                })
                .cloned()
                .ok_or_else(|| ImageError::Invalid("no linux/amd64 image in the index".into()))?;
            manifest = read_json(&take_blob(root, blobs, &chosen.digest, Some(chosen.size))?)?;
            manifest_descriptor = chosen;
        }
        let config = manifest
            .config
            .ok_or_else(|| ImageError::Invalid("a manifest without a config".into()))?;
        take_blob(root, blobs, &config.digest, Some(config.size))?;
        let mut size = config.size;
        let mut layers = Vec::new();
        for layer in &manifest.layers {
            take_blob(root, blobs, &layer.digest, Some(layer.size))?;
            size += layer.size;
            layers.push(layer.digest.clone());
        }
        found.push(Found {
            names,
            manifest: manifest_descriptor.digest,
            config: config.digest,
            layers,
            size,
        });
    }
    Ok(found)
}

#[derive(Deserialize)]
struct DockerEntry {
    #[serde(rename = "Config")]
    config: String,
    #[serde(rename = "RepoTags", default)]
    repo_tags: Option<Vec<String>>,
    #[serde(rename = "Layers")]
    layers: Vec<String>,
}

/// The images of a `docker save` archive unpacked in `root`. Its layers are checked against the
/// config's `rootfs.diff_ids`, and an OCI manifest is written for each image.
pub(crate) fn docker_archive(root: &Path, blobs: &Blobs) -> Result<Vec<Found>, ImageError> {
    let entries: Vec<DockerEntry> = read_json(&root.join("manifest.json"))?;
    let mut found = Vec::new();
    for entry in entries {
        let config_path = inside(root, &entry.config)?;
        let config_digest = sha256_file(&config_path)?;
        let config: Value = read_json(&config_path)?;
        let diff_ids: Vec<String> = config["rootfs"]["diff_ids"]
            .as_array()
            .map(|ids| {
                ids.iter()
                    .filter_map(|d| d.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        if diff_ids.len() != entry.layers.len() {
            return Err(ImageError::Invalid(format!(
                "{} names {} layers, its config {}",
                entry.config,
                entry.layers.len(),
                diff_ids.len()
            )));
        }
        let config_size = std::fs::metadata(&config_path)
            .map_err(|e| ImageError::io(&config_path, e))?
            .len();
        blobs.keep(&config_path, &config_digest)?;
        let mut layers = Vec::new();
        let mut descriptors = Vec::new();
        let mut size = config_size;
        for (path, expected) in entry.layers.iter().zip(&diff_ids) {
            let layer_path = inside(root, path)?;
            let digest = sha256_file(&layer_path)?;
            if &digest != expected {
                return Err(ImageError::DigestMismatch {
                    expected: expected.clone(),
                    actual: digest,
                });
            }
            let layer_size = std::fs::metadata(&layer_path)
                .map_err(|e| ImageError::io(&layer_path, e))?
                .len();
            blobs.keep(&layer_path, &digest)?;
            descriptors.push(json!({
                "mediaType": "application/vnd.oci.image.layer.v1.tar",
                "digest": digest,
                "size": layer_size,
            }));
            layers.push(digest);
            size += layer_size;
        }
        let manifest = json!({
            "schemaVersion": 2,
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": {
                "mediaType": "application/vnd.oci.image.config.v1+json",
                "digest": config_digest,
                "size": config_size,
            },
            "layers": descriptors,
        });
        let manifest_digest = blobs.write(manifest.to_string().as_bytes())?;
        found.push(Found {
            names: entry.repo_tags.unwrap_or_default(),
            manifest: manifest_digest,
            config: config_digest,
            layers,
            size,
        });
    }
    Ok(found)
}

/// `relative` under `root`, refusing paths that leave it.
fn inside(root: &Path, relative: &str) -> Result<PathBuf, ImageError> {
    let path = Path::new(relative);
    if path.is_absolute()
        || path
            .components()
            .any(|c| matches!(c, std::path::Component::ParentDir))
    {
        return Err(ImageError::Invalid(format!(
            "{relative} leaves the archive"
        )));
    }
    Ok(root.join(path))
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, ImageError> {
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_string(&mut text))
        .map_err(|e| ImageError::io(path, e))?;
    serde_json::from_str(&text).map_err(|e| ImageError::Invalid(format!("{}: {e}", path.display())))
}
