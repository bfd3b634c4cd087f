//! The image store with real archives: a busybox image (from Debian's `busybox-static`) saved
//! as an OCI image layout and as a `docker save` archive.

use std::path::Path;

use neargate_agent::images::{ImageError, ImageStore};
use neargate_testkit::images::{busybox_layer, digest, docker_save, oci_layout};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn archives_import_with_shared_layers_and_resolve_like_ecs() {
    let dir = tempfile::tempdir().unwrap();
    let store = ImageStore::open(&dir.path().join("data")).unwrap();
    let layer = busybox_layer();

    let imported = store
        .import(&write(
            dir.path(),
            "busybox.tar",
            &docker_save(&layer, "busybox:1.35"),
        ))
        .unwrap();
    assert_eq!(imported.len(), 1);
    assert_eq!(imported[0].name, "docker.io/library/busybox");
    store
        .import(&write(
            dir.path(),
            "app.tar",
            &oci_layout(
                &layer,
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1",
            ),
        ))
        .unwrap();

    let busybox = store.resolve("busybox:1.35").unwrap();
    assert_eq!(busybox.layers, vec![digest(&layer)]);
    let app = store
        .resolve("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1")
        .unwrap();
    assert_eq!(app.layers, busybox.layers);
    let by_digest = store
        .resolve(&format!(
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/app@{}",
            app.manifest
        ))
        .unwrap();
    assert_eq!(by_digest, app);
    // The shared layer is stored once, intact.
    let stored = std::fs::read(store.blob_path(&busybox.layers[0])).unwrap();
    assert_eq!(digest(&stored), busybox.layers[0]);
    assert_eq!(store.list().unwrap().len(), 2);

    let missing = store.resolve("busybox:1.36").unwrap_err();
    assert_eq!(
        missing.to_string(),
        "CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to \
         resolve ref docker.io/library/busybox:1.36: docker.io/library/busybox:1.36: not found"
    );

    // Removing one name keeps the layer the other image still uses.
    store.remove("busybox:1.35").unwrap();
    assert!(store.blob_path(&busybox.layers[0]).exists());
    assert!(!store.blob_path(&busybox.manifest).exists());
    store
        .remove("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1")
        .unwrap();
    assert!(!store.blob_path(&busybox.layers[0]).exists());
    assert!(store.list().unwrap().is_empty());
}

#[test]
fn a_tampered_blob_is_refused_and_nothing_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = ImageStore::open(&dir.path().join("data")).unwrap();
    let layer = busybox_layer();
    let mut archive = oci_layout(&layer, "app:v1");
    // Flip a byte inside the busybox binary, deep in the layer blob.
    let at = archive.len() / 2;
    archive[at] ^= 0xff;
    let error = store
        .import(&write(dir.path(), "bad.tar", &archive))
        .unwrap_err();
    assert!(
        matches!(error, ImageError::DigestMismatch { .. }),
        "{error}"
    );
    assert!(store.list().unwrap().is_empty());
    let blobs = dir.path().join("data/images/blobs/sha256");
    assert_eq!(std::fs::read_dir(&blobs).unwrap().count(), 0);
    let garbage = store
        .import(&write(dir.path(), "garbage.tar", b"not a tar file at all"))
        .unwrap_err();
    assert!(!garbage.to_string().is_empty());
}
