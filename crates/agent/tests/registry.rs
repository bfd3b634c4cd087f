//! Pulling from a real OCI distribution registry: Debian's `docker-registry` on loopback, with
//! an image pushed to it by the test.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use neargate_agent::images::{ImageError, ImageStore};
use neargate_testkit::images::{busybox_layer, digest};
use serde_json::json;

struct Registry {
    child: Child,
    host: String,
    /// Where it stores, kept while it runs (none for a second registry on the same storage).
    storage: Option<tempfile::TempDir>,
}

impl Drop for Registry {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts a registry on a free loopback port storing under `root`: plain HTTP, or with `tls`
/// (certificate and key files) HTTPS.
fn start_registry_in(root: &Path, tls: Option<(&Path, &Path)>) -> Registry {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let host = format!("127.0.0.1:{port}");
    let config = root.join(format!("config-{port}.yml"));
    let tls = tls.map_or(String::new(), |(certificate, key)| {
        format!(
            "  tls:\n    certificate: {}\n    key: {}\n",
            certificate.display(),
            key.display()
        )
    });
    std::fs::write(
        &config,
        format!(
            "version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: {}\nhttp:\n  addr: {host}\n{tls}",
            root.join("data").display()
        ),
    )
    .unwrap();
    let mut child = Command::new("docker-registry")
        .arg("serve")
        .arg(&config)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("docker-registry (apt-get install docker-registry; bash .ci/run installs it)");
    for _ in 0..100 {
        if TcpStream::connect(&host).is_ok() {
            return Registry {
                child,
                host,
                storage: None,
            };
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("docker-registry did not start");
}

fn start_registry() -> Registry {
    let storage = tempfile::tempdir().unwrap();
    let mut registry = start_registry_in(storage.path(), None);
    registry.storage = Some(storage);
    registry
}

/// One HTTP request; the status and the `Location` header.
fn http(host: &str, method: &str, path: &str, content_type: &str, body: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(host).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .unwrap();
    stream.write_all(body).unwrap();
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    let status = line.split(' ').nth(1).unwrap().parse().unwrap();
    let mut location = String::new();
    loop {
        line.clear();
        reader.read_line(&mut line).unwrap();
        if line.trim().is_empty() {
            break;
        }
        if let Some(value) = line
            .strip_prefix("Location:")
            .or(line.strip_prefix("location:"))
        {
            location = value.trim().to_owned();
        }
    }
    let mut rest = Vec::new();
    let _ = reader.read_to_end(&mut rest);
    (status, location)
}

/// Pushes a blob with a monolithic upload.
fn push_blob(host: &str, repository: &str, bytes: &[u8]) {
    let (status, location) = http(
        host,
        "POST",
        &format!("/v2/{repository}/blobs/uploads/"),
        "application/octet-stream",
        b"",
    );
    assert_eq!(status, 202);
    let location = location
        .strip_prefix(&format!("http://{host}"))
        .unwrap_or(&location)
        .to_owned();
    let separator = if location.contains('?') { '&' } else { '?' };
    let (status, _) = http(
        host,
        "PUT",
        &format!("{location}{separator}digest={}", digest(bytes)),
        "application/octet-stream",
        bytes,
    );
    assert_eq!(status, 201);
}

/// Pushes `busybox:1.35` (one busybox layer) to the registry at `host`; the manifest and layer.
fn push_busybox(host: &str) -> (Vec<u8>, Vec<u8>) {
    let layer = busybox_layer();
    let config = json!({
        "architecture": "amd64", "os": "linux",
        "rootfs": {"type": "layers", "diff_ids": [digest(&layer)]}
    })
    .to_string()
    .into_bytes();
    push_blob(host, "busybox", &layer);
    push_blob(host, "busybox", &config);
    let manifest = json!({
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                   "digest": digest(&config), "size": config.len()},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar",
                    "digest": digest(&layer), "size": layer.len()}]
    })
    .to_string()
    .into_bytes();
    let (status, _) = http(
        host,
        "PUT",
        "/v2/busybox/manifests/1.35",
        "application/vnd.oci.image.manifest.v1+json",
        &manifest,
    );
    assert_eq!(status, 201);
    (manifest, layer)
}

#[test]
fn images_pull_from_a_registry_on_loopback() {
    let registry = start_registry();
    let host = &registry.host;
    let (manifest, layer) = push_busybox(host);

    let dir = tempfile::tempdir().unwrap();
    let store = ImageStore::open(dir.path()).unwrap();
    let pulled = store.pull(&format!("{host}/busybox:1.35")).unwrap();
    assert_eq!(pulled.manifest, digest(&manifest));
    assert_eq!(pulled.layers, vec![digest(&layer)]);
    let stored = std::fs::read(store.blob_path(&pulled.layers[0])).unwrap();
    assert_eq!(stored, layer);
    assert_eq!(
        store.resolve(&format!("{host}/busybox:1.35")).unwrap(),
        pulled
    );
    let by_digest = store
        .pull(&format!("{host}/busybox@{}", digest(&manifest)))
        .unwrap();
    assert_eq!(by_digest.layers, pulled.layers);

    let missing = store.pull(&format!("{host}/busybox:9.99")).unwrap_err();
    assert!(matches!(missing, ImageError::NotFound(_)), "{missing}");
    assert!(missing.to_string().starts_with("CannotPullContainerError"));
    let remote = store.pull("busybox:1.35").unwrap_err();
    assert!(
        remote.to_string().contains("token authentication"),
        "{remote}"
    );
}

#[test]
#[allow(unsafe_code)]
fn images_pull_over_https_from_a_trusted_registry() {
    let registry = start_registry();
    let (manifest, layer) = push_busybox(&registry.host);
    // A second registry over the same storage, serving HTTPS with a certificate for 127.0.0.1.
    let certs = tempfile::tempdir().unwrap();
    let (certificate, key) = (certs.path().join("cert.pem"), certs.path().join("key.pem"));
    let made = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
        ])
        .args([
            "/CN=neargate-test",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-addext",
            "basicConstraints=critical,CA:FALSE",
            "-keyout",
        ])
        .arg(&key)
        .arg("-out")
        .arg(&certificate)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("openssl");
    assert!(made.success());
    let root = registry.storage.as_ref().unwrap().path();
    let secure = start_registry_in(root, Some((&certificate, &key)));
    // SAFETY: this test binary's other test reads no environment variable (the certificate
    // store is read at each pull).
    unsafe { std::env::set_var("SSL_CERT_FILE", &certificate) };
    let dir = tempfile::tempdir().unwrap();
    let store = ImageStore::open(dir.path()).unwrap();
    let pulled = store
        .pull(&format!("{}/busybox:1.35", secure.host))
        .unwrap();
    assert_eq!(pulled.manifest, digest(&manifest));
    assert_eq!(
        std::fs::read(store.blob_path(&pulled.layers[0])).unwrap(),
        layer
    );
    // The certificate does not name "localhost": no TLS, and no plain HTTP there either.
    let port = secure.host.rsplit_once(':').unwrap().1;
    let refused = store
        .pull(&format!("localhost:{port}/busybox:1.35"))
        .unwrap_err();
    assert!(matches!(refused, ImageError::Registry(_)), "{refused}");
}
