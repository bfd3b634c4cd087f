//! `neargate root-key rotate`: a new root key for all KMS key material and credential secrets.
//!
//! The new key is written to `<root key>.next` first; every key's material, then every
//! credential secret, is re-wrapped under it (one store transaction each); finally the old key
//! file is kept as `<root key>.retired` (old backups of the store need it) and the new one takes
//! its name. Each step can be repeated: running the command again after an interruption
//! finishes the rotation.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use neargate_kms::RootKey;
use neargate_store::Db;

use crate::cli::RootKeyArgs;
use crate::files;

/// Where the root key of `data_dir` lives.
pub(crate) fn root_key_path(given: Option<&Path>, data_dir: &Path) -> PathBuf {
    given.map_or_else(|| data_dir.join("root.key"), Path::to_owned)
}

/// The file a rotation in progress keeps the new key in.
pub(crate) fn next_path(root: &Path) -> PathBuf {
    with_suffix(root, "next")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// Rotates the root key of a stopped server's data directory.
pub(crate) fn rotate(args: &RootKeyArgs) -> anyhow::Result<()> {
    let data_dir = files::data_dir(args.data_dir.as_deref());
    let path = root_key_path(args.root_key_file.as_deref(), &data_dir);
    let next = next_path(&path);
    let old = RootKey::load(&path)?;
    let new = if next.exists() {
        RootKey::load(&next)?
    } else {
        RootKey::create(&next)?
    };
    let db = Db::open(&data_dir.join("store.redb")).with_context(|| {
        format!(
            "opening the store in {} (stop the server first)",
            data_dir.display()
        )
    })?;
    let done = neargate_kms::rewrap_all(&db, &old, &new)?;
    let clock: neargate_common::SharedClock = std::sync::Arc::new(neargate_common::SystemClock);
    let secrets = neargate_iam::Iam::new(db.clone(), clock, std::sync::Arc::new(old))
        .rewrap_secrets(&new)?
        .map_err(|key| {
            anyhow::anyhow!("the secret of access key {key} is wrapped under neither root key")
        })?;
    drop(db);
    let retired = with_suffix(&path, "retired");
    std::fs::rename(&path, &retired)
        .with_context(|| format!("keeping the old root key as {}", retired.display()))?;
    std::fs::rename(&next, &path)
        .with_context(|| format!("moving the new root key to {}", path.display()))?;
    if let Some(dir) = path.parent() {
        std::fs::File::open(dir).and_then(|d| d.sync_all())?;
    }
    println!(
        "root key rotated: {} material versions re-wrapped ({} already were) and {secrets} \
         credential secrets; new key {} (fingerprint {}); the old key is kept as {} for restoring \
         older backups of the store",
        done.moved,
        done.already,
        path.display(),
        new.fingerprint(),
        retired.display()
    );
    Ok(())
}
