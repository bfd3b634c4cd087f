//! Pulling from a real OCI distribution registry: Debian's `docker-registry` on loopback, with
//! an image pushed to it by the test.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use neargate_agent::images::{ImageError, ImageStore};
use neargate_testkit::images::{busybox_layer, digest};
use serde_json::json;

/// Held by each test while it pulls: a pull reads `SSL_CERT_FILE`, which one test sets.
static ENVIRONMENT: Mutex<()> = Mutex::new(());

fn environment() -> std::sync::MutexGuard<'static, ()> {
    ENVIRONMENT
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

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

/// The environment lock, and a registry holding `busybox:1.35`, with its manifest and layer.
fn busybox_registry() -> (
    std::sync::MutexGuard<'static, ()>,
    Registry,
    Vec<u8>,
    Vec<u8>,
) {
    let environment = environment();
    let registry = start_registry();
    let (manifest, layer) = push_busybox(&registry.host);
    (environment, registry, manifest, layer)
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
    let (_environment, registry, manifest, layer) = busybox_registry();
    let host = &registry.host;

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
    // A launch pulls what the store lacks from a named registry, not from Docker Hub.
    let fresh_dir = tempfile::tempdir().unwrap();
    let fresh = ImageStore::open(fresh_dir.path()).unwrap();
    let launched = fresh
        .resolve_or_pull(&format!("{host}/busybox:1.35"))
        .unwrap();
    assert_eq!(launched.manifest, digest(&manifest));
    assert_eq!(
        fresh.resolve(&format!("{host}/busybox:1.35")).unwrap(),
        launched
    );
    let absent = fresh.resolve_or_pull(&format!("{host}/busybox:9.99"));
    assert!(matches!(absent, Err(ImageError::NotFound(_))), "{absent:?}");
    let hub = fresh.resolve_or_pull("busybox:1.35");
    assert!(matches!(hub, Err(ImageError::NotFound(_))), "{hub:?}");
    // Docker Hub's registry, which this host cannot reach.
    let remote = store.pull("busybox:1.35").unwrap_err();
    assert!(
        remote.to_string().contains("registry-1.docker.io"),
        "{remote}"
    );
}

/// The token an [`AuthFront`] hands out.
const TOKEN: &str = "t0ken-for-pulls";

/// What an [`AuthFront`] wants before it forwards a request.
#[derive(Debug, Clone)]
enum Demand {
    /// Its bearer token, from its token service, which wants these `Basic` credentials, if any.
    Token(Option<String>),
    /// These `Basic` credentials (`user:password` in base64).
    Basic(String),
}

/// A front for a registry that behaves as public and private registries do. Wanting a token:
/// `/v2/` requests without it answer `401` with a challenge naming its token service (`/token`),
/// and blob downloads are redirected to a second listener (a storage service) that refuses
/// requests carrying an `Authorization`. Wanting credentials: `/v2/` requests without them
/// answer `401` with a `Basic` challenge. Every request it saw is kept, as `"<listener> <path>"`.
struct AuthFront {
    host: String,
    seen: Arc<Mutex<Vec<String>>>,
}

/// The request line's path and the `Authorization` and `Accept` headers of a request on
/// `stream`; `None` for what is not plain HTTP (a client first tries TLS on loopback).
fn read_request(stream: &TcpStream) -> Option<(String, Option<String>, String)> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let path = line.split(' ').nth(1).unwrap_or("/").to_owned();
    let (mut authorization, mut accept) = (None, String::new());
    loop {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        match name.to_ascii_lowercase().as_str() {
            "authorization" => authorization = Some(value.trim().to_owned()),
            "accept" => accept = value.trim().to_owned(),
            _ => {}
        }
    }
    Some((path, authorization, accept))
}

/// Answers `stream` with `status`, extra header lines and `body`.
fn respond(mut stream: &TcpStream, status: &str, headers: &str, body: &str) {
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

/// Sends `GET path` to `upstream` and copies its whole answer back on `stream`.
fn forward(mut stream: &TcpStream, upstream: &str, path: &str, accept: &str) {
    let mut registry = TcpStream::connect(upstream).unwrap();
    write!(
        registry,
        "GET {path} HTTP/1.1\r\nHost: {upstream}\r\nAccept: {accept}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = Vec::new();
    registry.read_to_end(&mut answer).unwrap();
    let _ = stream.write_all(&answer);
}

impl AuthFront {
    fn start(upstream: &str, demand: Demand) -> Self {
        let front = TcpListener::bind("127.0.0.1:0").unwrap();
        let storage = TcpListener::bind("127.0.0.1:0").unwrap();
        let host = front.local_addr().unwrap().to_string();
        let storage_host = storage.local_addr().unwrap().to_string();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (log, upstream_for_storage) = (seen.clone(), upstream.to_owned());
        std::thread::spawn(move || {
            for stream in storage.incoming().flatten() {
                let Some((path, authorization, accept)) = read_request(&stream) else {
                    continue;
                };
                log.lock().unwrap().push(format!("storage {path}"));
                if authorization.is_some() {
                    respond(&stream, "400 Bad Request", "", "no registry token here");
                } else {
                    forward(&stream, &upstream_for_storage, &path, &accept);
                }
            }
        });
        let (log, upstream, front_host) = (seen.clone(), upstream.to_owned(), host.clone());
        std::thread::spawn(move || {
            for stream in front.incoming().flatten() {
                let Some((path, authorization, accept)) = read_request(&stream) else {
                    continue;
                };
                log.lock().unwrap().push(format!("front {path}"));
                let (accepted, challenge) = match &demand {
                    Demand::Token(_) => (
                        format!("Bearer {TOKEN}"),
                        format!(
                            "WWW-Authenticate: Bearer realm=\"http://{front_host}/token\",\
                             service=\"test-registry\",scope=\"repository:busybox:pull\"\r\n"
                        ),
                    ),
                    Demand::Basic(credentials) => (
                        format!("Basic {credentials}"),
                        "WWW-Authenticate: Basic realm=\"test-registry\"\r\n".to_owned(),
                    ),
                };
                if path.starts_with("/token?") {
                    let expected = "service=test-registry&scope=repository%3Abusybox%3Apull";
                    let wanted = match &demand {
                        Demand::Token(Some(credentials)) => Some(format!("Basic {credentials}")),
                        _ => None,
                    };
                    if wanted.is_some() && authorization != wanted {
                        respond(&stream, "401 Unauthorized", "", "credentials wanted");
                    } else if path.ends_with(expected) {
                        respond(&stream, "200 OK", "", &json!({"token": TOKEN}).to_string());
                    } else {
                        respond(&stream, "400 Bad Request", "", "unexpected token request");
                    }
                } else if authorization.as_deref() != Some(accepted.as_str()) {
                    respond(&stream, "401 Unauthorized", &challenge, "{}");
                } else if path.contains("/blobs/") && matches!(demand, Demand::Token(_)) {
                    let location = format!("Location: http://{storage_host}{path}\r\n");
                    respond(&stream, "307 Temporary Redirect", &location, "");
                } else {
                    forward(&stream, &upstream, &path, &accept);
                }
            }
        });
        Self { host, seen }
    }
}

#[test]
fn images_pull_with_a_registry_token_and_redirected_blobs() {
    let (_environment, registry, manifest, layer) = busybox_registry();
    let front = AuthFront::start(&registry.host, Demand::Token(None));

    let dir = tempfile::tempdir().unwrap();
    let store = ImageStore::open(dir.path()).unwrap();
    let pulled = store.pull(&format!("{}/busybox:1.35", front.host)).unwrap();
    assert_eq!(pulled.manifest, digest(&manifest));
    assert_eq!(
        std::fs::read(store.blob_path(&pulled.layers[0])).unwrap(),
        layer
    );
    let seen = front.seen.lock().unwrap().clone();
    let tokens = seen
        .iter()
        .filter(|r| r.starts_with("front /token"))
        .count();
    assert_eq!(tokens, 1, "one token for the whole pull: {seen:?}");
    let from_storage = seen.iter().filter(|r| r.starts_with("storage ")).count();
    assert_eq!(from_storage, 2, "the config and the layer: {seen:?}");
}

/// `neargate:s3cret`, in base64 as `docker login` keeps it and `Basic` sends it.
const CREDENTIALS: &str = "bmVhcmdhdGU6czNjcmV0";

/// Fronts of `registry` that want [`CREDENTIALS`]: one directly (`Basic`), one for its token
/// service.
fn fronts_wanting_credentials(registry: &Registry) -> (AuthFront, AuthFront) {
    (
        AuthFront::start(&registry.host, Demand::Basic(CREDENTIALS.into())),
        AuthFront::start(&registry.host, Demand::Token(Some(CREDENTIALS.into()))),
    )
}

#[test]
#[allow(unsafe_code)]
fn images_pull_with_the_credentials_docker_keeps() {
    let (_environment, registry, manifest, _) = busybox_registry();
    let credentials = CREDENTIALS;
    let (basic, token) = fronts_wanting_credentials(&registry);
    let config = tempfile::tempdir().unwrap();
    let auths = json!({
        basic.host.as_str(): {"auth": credentials},
        format!("http://{}/v2/", token.host): {"username": "neargate", "password": "s3cret"},
    });
    std::fs::write(
        config.path().join("config.json"),
        json!({"auths": auths}).to_string(),
    )
    .unwrap();
    let nothing = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = ImageStore::open(dir.path()).unwrap();
    let fronts = [&basic, &token];

    // SAFETY: the other tests of this binary, which read the environment when they pull, wait
    // for `ENVIRONMENT`.
    unsafe { std::env::set_var("DOCKER_CONFIG", nothing.path()) };
    for front in fronts {
        let refused = store
            .pull(&format!("{}/busybox:1.35", front.host))
            .unwrap_err();
        assert!(
            refused.to_string().contains("user name and password"),
            "{refused}"
        );
    }
    // SAFETY: as above.
    unsafe { std::env::set_var("DOCKER_CONFIG", config.path()) };
    for front in fronts {
        let pulled = store.pull(&format!("{}/busybox:1.35", front.host)).unwrap();
        assert_eq!(pulled.manifest, digest(&manifest), "{}", front.host);
    }
    // SAFETY: as above.
    unsafe { std::env::remove_var("DOCKER_CONFIG") };
    let seen = token.seen.lock().unwrap().clone();
    assert!(
        seen.iter().any(|r| r.starts_with("storage ")),
        "blobs came from the storage service, which refuses an Authorization: {seen:?}"
    );
}

/// A credential helper, `docker-credential-neargate-test`, in a directory of its own: it hands
/// out `user`/`secret` for `hosts`, answers as Docker's helpers do for any other server, and
/// writes each server it was asked for to `asked` in that directory.
fn credential_helper(hosts: &[&str], user: &str, secret: &str) -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let asked = dir.path().join("asked");
    let cases: String = hosts
        .iter()
        .map(|host| {
            format!(
                "  {host}) printf '{{\"ServerURL\":\"%s\",\"Username\":\"{user}\",\"Secret\":\"{secret}\"}}' \"$server\" ;;\n"
            )
        })
        .collect();
    let script = format!(
        "#!/bin/sh\n[ \"$1\" = get ] || exit 2\nread server\necho \"$server\" >> {}\ncase \"$server\" in\n{cases}  *) echo 'credentials not found in native keychain'; exit 1 ;;\nesac\n",
        asked.display()
    );
    let path = dir.path().join("docker-credential-neargate-test");
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

#[test]
#[allow(unsafe_code)]
fn images_pull_with_credentials_from_a_credential_helper() {
    let (_environment, registry, manifest, _) = busybox_registry();
    let (basic, token) = fronts_wanting_credentials(&registry);
    let helper = credential_helper(&[&basic.host, &token.host], "neargate", "s3cret");
    let wrong = credential_helper(&[&basic.host], "neargate", "wrong");
    let store_config = tempfile::tempdir().unwrap();
    std::fs::write(
        store_config.path().join("config.json"),
        json!({"credsStore": "neargate-test", "auths": {}}).to_string(),
    )
    .unwrap();
    let per_registry = tempfile::tempdir().unwrap();
    std::fs::write(
        per_registry.path().join("config.json"),
        json!({"credHelpers": {basic.host.as_str(): "neargate-test"}}).to_string(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = ImageStore::open(dir.path()).unwrap();
    let path = std::env::var_os("PATH").unwrap_or_default();
    let with = |helper_dir: &Path| {
        let mut dirs = vec![helper_dir.to_path_buf()];
        dirs.extend(std::env::split_paths(&path));
        std::env::join_paths(dirs).unwrap()
    };
    let pull = |front: &AuthFront| store.pull(&format!("{}/busybox:1.35", front.host));

    // SAFETY: the other tests of this binary, which read the environment when they pull, wait
    // for `ENVIRONMENT`.
    unsafe {
        std::env::set_var("PATH", with(helper.path()));
        std::env::set_var("DOCKER_CONFIG", store_config.path());
    }
    for front in [&basic, &token] {
        let pulled = pull(front).unwrap();
        assert_eq!(pulled.manifest, digest(&manifest), "{}", front.host);
    }
    let asked = std::fs::read_to_string(helper.path().join("asked")).unwrap();
    assert_eq!(
        asked.lines().collect::<Vec<_>>(),
        [basic.host.as_str(), token.host.as_str()],
        "one question per pull, naming the registry"
    );
    // SAFETY: as above.
    unsafe { std::env::set_var("DOCKER_CONFIG", per_registry.path()) };
    assert!(pull(&basic).is_ok());
    let refused = pull(&token).unwrap_err();
    assert!(
        refused.to_string().contains("credential helper"),
        "the helper serves only the registry it is named for: {refused}"
    );
    // SAFETY: as above.
    unsafe { std::env::set_var("PATH", with(wrong.path())) };
    let refused = pull(&basic).unwrap_err();
    assert!(
        matches!(refused, ImageError::Registry(_)),
        "the helper's wrong password is refused by the registry: {refused}"
    );
    // SAFETY: as above.
    unsafe {
        std::env::set_var("PATH", &path);
        std::env::remove_var("DOCKER_CONFIG");
    }
}

#[test]
#[allow(unsafe_code)]
fn images_pull_over_https_from_a_trusted_registry() {
    let (_environment, registry, manifest, layer) = busybox_registry();
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
    // SAFETY: the other tests of this binary, which read the environment when they pull, wait
    // for `ENVIRONMENT`.
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
