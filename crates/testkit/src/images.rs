//! Test images built from Debian's `busybox-static` (no registry needed): a layer, and that
//! layer saved as a `docker save` archive or as an OCI image layout.

use serde_json::json;
use sha2::{Digest, Sha256};

/// `sha256:<hex>` of `bytes`.
pub fn digest(bytes: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(bytes)))
}

/// A layer tar holding `/bin/busybox` and an `sh` link to it.
pub fn busybox_layer() -> Vec<u8> {
    let busybox = std::fs::read("/bin/busybox")
        .expect("/bin/busybox (apt-get install busybox-static; bash .ci/run installs it)");
    let mut layer = tar::Builder::new(Vec::new());
    let mut header = tar::Header::new_gnu();
    header.set_size(busybox.len() as u64);
    header.set_mode(0o755);
    header.set_cksum();
    layer
        .append_data(&mut header, "bin/busybox", busybox.as_slice())
        .expect("a tar entry");
    let mut link = tar::Header::new_gnu();
    link.set_entry_type(tar::EntryType::Symlink);
    link.set_size(0);
    link.set_mode(0o777);
    layer
        .append_link(&mut link, "bin/sh", "busybox")
        .expect("a tar link");
    layer.into_inner().expect("a layer")
}

/// An image config over `layer`; `author` tells images apart.
fn config(layer: &[u8], author: &str) -> Vec<u8> {
    json!({
        "author": author,
        "architecture": "amd64",
        "os": "linux",
        "config": {"Cmd": ["/bin/sh"]},
        "rootfs": {"type": "layers", "diff_ids": [digest(layer)]}
    })
    .to_string()
    .into_bytes()
}

fn add(archive: &mut tar::Builder<Vec<u8>>, path: &str, bytes: &[u8]) {
    let mut header = tar::Header::new_gnu();
    header.set_size(bytes.len() as u64);
    header.set_mode(0o644);
    header.set_cksum();
    archive
        .append_data(&mut header, path, bytes)
        .expect("a tar entry");
}

/// A `docker save` archive of one image over `layer`, tagged `tag` (e.g. `busybox:1.35`).
pub fn docker_save(layer: &[u8], tag: &str) -> Vec<u8> {
    let config = config(layer, tag);
    let config_name = format!("{}.json", &digest(&config)[7..]);
    let mut archive = tar::Builder::new(Vec::new());
    add(&mut archive, &config_name, &config);
    add(&mut archive, "layer0/layer.tar", layer);
    let manifest = json!([{
        "Config": config_name,
        "RepoTags": [tag],
        "Layers": ["layer0/layer.tar"]
    }]);
    add(
        &mut archive,
        "manifest.json",
        manifest.to_string().as_bytes(),
    );
    archive.into_inner().expect("an archive")
}

/// An OCI image layout (as a tar file) of one image over `layer`, named `name`.
pub fn oci_layout(layer: &[u8], name: &str) -> Vec<u8> {
    let config = config(layer, name);
    let manifest = json!({
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                   "digest": digest(&config), "size": config.len()},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar",
                    "digest": digest(layer), "size": layer.len()}]
    })
    .to_string()
    .into_bytes();
    let index = json!({
        "schemaVersion": 2,
        "manifests": [{
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "digest": digest(&manifest),
            "size": manifest.len(),
            "annotations": {"io.containerd.image.name": name}
        }]
    });
    let mut archive = tar::Builder::new(Vec::new());
    add(
        &mut archive,
        "oci-layout",
        br#"{"imageLayoutVersion":"1.0.0"}"#,
    );
    add(&mut archive, "index.json", index.to_string().as_bytes());
    for blob in [&config, &manifest, &layer.to_vec()] {
        add(
            &mut archive,
            &format!("blobs/sha256/{}", &digest(blob)[7..]),
            blob,
        );
    }
    archive.into_inner().expect("an archive")
}
