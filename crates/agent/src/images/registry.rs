//! Pulling from an OCI distribution registry over HTTPS, trusting the system's certificate
//! authorities (or the file `SSL_CERT_FILE` names). A registry on loopback may also answer plain
//! HTTP, as Docker allows: when its TLS handshake fails, the pull falls back to HTTP.
//!
//! Registries that demand a bearer token (Docker Hub, GitHub's and most public ones) get the
//! token flow of the distribution specification: the `401` names a token service
//! (`WWW-Authenticate: Bearer realm=…,service=…,scope=…`), the token it hands out is sent with the
//! requests that follow. Registries that want a user name and password (`Basic`, as Amazon ECR
//! and private registries do) get the credentials `docker login` keeps for them in Docker's
//! `config.json` (under `$DOCKER_CONFIG`, else `~/.docker`), or that the credential helper it
//! names (`credHelpers`, `credsStore`) hands out, which also go to a token service that asks for
//! them. Redirects (registries send blob downloads to a storage service) are
//! followed, and neither token nor credentials are sent to another host.

use std::cell::{Cell, OnceCell, RefCell};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs as _};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use neargate_common::Secret;
use serde_json::Value;
use zeroize::Zeroizing;

use super::{Blobs, ImageError, Reference};

/// The media types asked for, images before indexes.
const ACCEPT: &str = "application/vnd.oci.image.manifest.v1+json, \
application/vnd.docker.distribution.manifest.v2+json, \
application/vnd.oci.image.index.v1+json, \
application/vnd.docker.distribution.manifest.list.v2+json";

/// Docker Hub's registry, for references under `docker.io`.
const DOCKER_HUB: &str = "registry-1.docker.io";

/// Redirects followed for one request.
const MAX_REDIRECTS: usize = 5;

/// A registry response.
struct Response {
    status: u16,
    body: Vec<u8>,
    /// The `WWW-Authenticate` challenge of a `401`.
    challenge: Option<String>,
    /// The `Location` of a redirect.
    location: Option<String>,
}

/// A connection, with or without TLS.
trait Stream: Read + Write {}

impl<T: Read + Write> Stream for T {}

/// The host name of `host` (`name:port`, `[v6]:port` or `name`) and its port, if given.
fn host_and_port(host: &str) -> (&str, Option<&str>) {
    if let Some(rest) = host.strip_prefix('[') {
        let (name, after) = rest.split_once(']').unwrap_or((rest, ""));
        return (name, after.strip_prefix(':'));
    }
    match host.rsplit_once(':') {
        Some((name, port)) => (name, Some(port)),
        None => (host, None),
    }
}

/// Whether the registry is on this host (plain HTTP allowed).
fn loopback(name: &str) -> bool {
    name == "localhost" || name.starts_with("127.") || name == "::1"
}

/// TLS with the system's certificate authorities (`SSL_CERT_FILE` and `SSL_CERT_DIR` honoured).
fn tls_config() -> Result<Arc<rustls::ClientConfig>, String> {
    let mut roots = rustls::RootCertStore::empty();
    for certificate in rustls_native_certs::load_native_certs().certs {
        // A certificate the store cannot use is skipped, as the system's tools do.
        let _ = roots.add(certificate);
    }
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// A TCP connection to `name` on `port` (a port number, or `default`), within 10 s; reads
/// time out after 60 s.
fn dial(name: &str, port: Option<&str>, default: u16) -> Result<TcpStream, String> {
    let port: u16 = port
        .map_or(Ok(default), str::parse)
        .map_err(|_| "bad port")?;
    let address = (name, port)
        .to_socket_addrs()
        .map_err(|e| e.to_string())?
        .next()
        .ok_or("no address")?;
    let tcp =
        TcpStream::connect_timeout(&address, Duration::from_secs(10)).map_err(|e| e.to_string())?;
    tcp.set_read_timeout(Some(Duration::from_secs(60)))
        .map_err(|e| e.to_string())?;
    Ok(tcp)
}

/// Connects to `host` over TLS with `config`, the handshake done.
fn connect_tls(host: &str, config: &Arc<rustls::ClientConfig>) -> Result<Box<dyn Stream>, String> {
    let (name, port) = host_and_port(host);
    let tcp = dial(name, port, 443)?;
    let server =
        rustls::pki_types::ServerName::try_from(name.to_owned()).map_err(|e| e.to_string())?;
    let connection =
        rustls::ClientConnection::new(Arc::clone(config), server).map_err(|e| e.to_string())?;
    let mut stream = rustls::StreamOwned::new(connection, tcp);
    while stream.conn.is_handshaking() {
        stream
            .conn
            .complete_io(&mut stream.sock)
            .map_err(|e| e.to_string())?;
    }
    Ok(Box::new(stream))
}

/// How to reach a host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scheme {
    /// The registry itself: HTTPS, or plain HTTP on loopback when TLS fails there.
    Registry,
    /// HTTPS only.
    Https,
    /// Plain HTTP.
    Http,
}

/// Where a request goes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Target {
    scheme: Scheme,
    host: String,
    /// The path and query.
    path: String,
}

impl Target {
    /// Reads `location` (an absolute URL, or a path on the host of `base`).
    fn resolve(base: &Self, location: &str) -> Option<Self> {
        let (scheme, rest) = if let Some(rest) = location.strip_prefix("https://") {
            (Scheme::Https, rest)
        } else if let Some(rest) = location.strip_prefix("http://") {
            (Scheme::Http, rest)
        } else if location.starts_with('/') {
            return Some(Self {
                path: location.to_owned(),
                ..base.clone()
            });
        } else {
            return None;
        };
        let (host, path) = match rest.find(['/', '?']) {
            Some(i) if rest[i..].starts_with('/') => (&rest[..i], rest[i..].to_owned()),
            Some(i) => (&rest[..i], format!("/{}", &rest[i..])),
            None => (rest, "/".to_owned()),
        };
        if host.is_empty() {
            return None;
        }
        // The registry's own host keeps its fallback to plain HTTP on loopback.
        let scheme = if host == base.host && base.scheme == Scheme::Registry {
            Scheme::Registry
        } else {
            scheme
        };
        Some(Self {
            scheme,
            host: host.to_owned(),
            path,
        })
    }
}

/// The parameters of a `Bearer` challenge (`realm`, `service`, `scope`); `None` for any other
/// scheme.
fn bearer_challenge(header: &str) -> Option<Vec<(String, String)>> {
    let (scheme, rest) = header.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return None;
    }
    let mut params = Vec::new();
    let mut rest = rest.trim();
    while !rest.is_empty() {
        let (name, after) = rest.split_once('=')?;
        let (value, after) = if let Some(quoted) = after.strip_prefix('"') {
            let end = quoted.find('"')?;
            (&quoted[..end], &quoted[end + 1..])
        } else {
            after.split_once(',').map_or((after, ""), |(v, a)| (v, a))
        };
        params.push((name.trim().to_ascii_lowercase(), value.to_owned()));
        rest = after.trim_start_matches([',', ' ']);
    }
    Some(params)
}

/// `text` percent-encoded for a query string.
fn query_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Whether a key of Docker's `config.json` names `host` (keys may carry a scheme and a path;
/// Docker Hub's is `https://index.docker.io/v1/`).
fn names_host(key: &str, host: &str) -> bool {
    let key = key
        .strip_prefix("https://")
        .or_else(|| key.strip_prefix("http://"))
        .unwrap_or(key);
    let key = key.split('/').next().unwrap_or_default();
    key == host || (host == DOCKER_HUB && key == "index.docker.io")
}

/// The `auths` entry of Docker's `config` for `host`: `user:password` in base64, as `Basic`
/// sends it.
fn credentials_in(config: &Value, host: &str) -> Option<Secret> {
    let (_, entry) = config
        .get("auths")?
        .as_object()?
        .iter()
        .find(|(key, _)| names_host(key, host))?;
    if let Some(auth) = entry["auth"].as_str().filter(|a| !a.is_empty()) {
        return Some(Secret::new(auth.to_owned()));
    }
    basic_pair(entry["username"].as_str()?, entry["password"].as_str()?)
}

/// `user:password` in base64.
fn basic_pair(user: &str, password: &str) -> Option<Secret> {
    let pair = Zeroizing::new(format!("{user}:{password}"));
    Some(Secret::new(
        base64::engine::general_purpose::STANDARD.encode(pair.as_bytes()),
    ))
}

/// The credential helper Docker's `config` names for `host`: its `credHelpers` entry, else its
/// `credsStore`. Only names a helper program can have (`docker-credential-<name>`) are taken.
fn helper_for<'c>(config: &'c Value, host: &str) -> Option<&'c str> {
    let named = config
        .get("credHelpers")
        .and_then(Value::as_object)
        .and_then(|helpers| helpers.iter().find(|(key, _)| names_host(key, host)))
        .and_then(|(_, helper)| helper.as_str());
    named
        .or_else(|| config.get("credsStore").and_then(Value::as_str))
        .filter(|name| {
            !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
        })
}

/// How long a credential helper may take to answer.
const HELPER_PATIENCE: Duration = Duration::from_secs(30);

/// Asks the credential helper `docker-credential-<name>` for `host`'s credentials, as Docker
/// does: `get`, the server's address on standard input, `{"Username", "Secret"}` on standard
/// output. `None` when the helper cannot be run, has none, or answers with an identity token
/// (`<token>`, which only Docker's own token exchange uses).
fn helper_credentials(name: &str, host: &str) -> Option<Secret> {
    let server = if host == DOCKER_HUB {
        "https://index.docker.io/v1/"
    } else {
        host
    };
    let mut child = std::process::Command::new(format!("docker-credential-{name}"))
        .arg("get")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let mut stdout = child.stdout.take()?;
    // Read while the helper runs, so that a long answer cannot fill the pipe and stall it.
    let reader = std::thread::spawn(move || {
        let mut answer = Zeroizing::new(Vec::new());
        let _ = stdout.read_to_end(&mut answer);
        answer
    });
    let _ = writeln!(stdin, "{server}");
    drop(stdin);
    let started = std::time::Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() < HELPER_PATIENCE => {
                std::thread::sleep(Duration::from_millis(10));
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
    };
    let answer = reader.join().ok()?;
    if !status.success() {
        return None;
    }
    let mut answer: Value = serde_json::from_slice(&answer).ok()?;
    // Moved out of the parsed answer, so that the only copy is zeroized when dropped.
    let secret = match answer["Secret"].take() {
        Value::String(secret) => Zeroizing::new(secret),
        _ => return None,
    };
    let user = answer["Username"].as_str()?;
    if user == "<token>" {
        return None;
    }
    basic_pair(user, &secret)
}

/// The credentials Docker keeps for `host`, if any: from the credential helper its
/// `config.json` names for the registry, else from the `auths` that `docker login` fills.
fn docker_credentials(host: &str) -> Option<Secret> {
    let dir = std::env::var_os("DOCKER_CONFIG")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".docker")))?;
    let text = Zeroizing::new(std::fs::read_to_string(dir.join("config.json")).ok()?);
    let config: Value = serde_json::from_str(&text).ok()?;
    helper_for(&config, host)
        .and_then(|helper| helper_credentials(helper, host))
        .or_else(|| credentials_in(&config, host))
}

/// One registry for the length of a pull: its TLS settings and credentials, read once, whether
/// it turned out to speak plain HTTP, and the `Authorization` it asked for.
struct Registry<'a> {
    host: &'a str,
    tls: Arc<rustls::ClientConfig>,
    plain: Cell<bool>,
    /// Read when the registry first asks for them (a credential helper is a program to run).
    credentials: OnceCell<Option<Secret>>,
    authorization: RefCell<Option<Secret>>,
}

impl<'a> Registry<'a> {
    fn new(host: &'a str) -> Result<Self, ImageError> {
        Ok(Self {
            host,
            tls: tls_config().map_err(|e| ImageError::Registry(format!("{host}: {e}")))?,
            plain: Cell::new(false),
            credentials: OnceCell::new(),
            authorization: RefCell::new(None),
        })
    }

    /// The credentials Docker keeps for the registry, looked up once.
    fn credentials(&self) -> Option<&Secret> {
        self.credentials
            .get_or_init(|| docker_credentials(self.host))
            .as_ref()
    }

    fn error(&self, e: impl std::fmt::Display) -> ImageError {
        ImageError::Registry(format!("{}: {e}", self.host))
    }

    /// Connects to `target`'s host as its scheme says.
    fn connect(&self, target: &Target) -> Result<Box<dyn Stream>, ImageError> {
        let host = target.host.as_str();
        let (name, port) = host_and_port(host);
        let failed = |e: String| ImageError::Registry(format!("{host}: {e}"));
        match target.scheme {
            Scheme::Https => return connect_tls(host, &self.tls).map_err(failed),
            Scheme::Registry if !self.plain.get() => match connect_tls(host, &self.tls) {
                Ok(stream) => return Ok(stream),
                Err(e) if !loopback(name) => return Err(failed(e)),
                Err(_) => self.plain.set(true),
            },
            Scheme::Registry | Scheme::Http => {}
        }
        Ok(Box::new(dial(name, port, 80).map_err(failed)?))
    }

    /// `GET {path}` from the registry: with the `Authorization` it asked for once it has, after
    /// the redirects it answers with; the final response.
    fn get(&self, path: &str) -> Result<Response, ImageError> {
        let start = Target {
            scheme: Scheme::Registry,
            host: self.host.to_owned(),
            path: path.to_owned(),
        };
        let mut authorized = false;
        loop {
            let (response, from) = {
                let authorization = self.authorization.borrow();
                let authorization = authorization.as_ref().map(|a| (self.host, a.expose()));
                self.follow(start.clone(), authorization)?
            };
            if response.status != 401 || authorized || from.host != self.host {
                return Ok(response);
            }
            let challenge = response.challenge.unwrap_or_default();
            *self.authorization.borrow_mut() = Some(self.answer(&challenge)?);
            authorized = true;
        }
    }

    /// `GET target`, following up to [`MAX_REDIRECTS`] redirects, with `authorization` (a host
    /// and the header's value) sent to that host alone; the final response and where it came
    /// from.
    fn follow(
        &self,
        mut target: Target,
        authorization: Option<(&str, &str)>,
    ) -> Result<(Response, Target), ImageError> {
        for _ in 0..=MAX_REDIRECTS {
            let header = authorization
                .filter(|(host, _)| *host == target.host)
                .map(|(_, value)| value);
            let response = self.send(&target, header)?;
            if !matches!(response.status, 301 | 302 | 303 | 307 | 308) {
                return Ok((response, target));
            }
            let location = response.location.unwrap_or_default();
            target = Target::resolve(&target, &location).ok_or_else(|| {
                self.error(format!("a redirect to an unusable location {location:?}"))
            })?;
        }
        Err(self.error(format!("more than {MAX_REDIRECTS} redirects")))
    }

    /// The error of a registry that wants credentials Docker does not keep for it.
    fn no_credentials(&self) -> ImageError {
        self.error(
            "the registry asks for a user name and password, and Docker's config.json \
             ($DOCKER_CONFIG, else ~/.docker) has none for it, nor a credential helper it names: \
             run `docker login`, or import the image from a file",
        )
    }

    /// The `Authorization` that answers `challenge`: a token for `Bearer`, the credentials for
    /// `Basic`.
    fn answer(&self, challenge: &str) -> Result<Secret, ImageError> {
        if let Some(params) = bearer_challenge(challenge) {
            let token = Zeroizing::new(self.fetch_token(&params)?);
            return Ok(Secret::new(format!("Bearer {}", token.as_str())));
        }
        let scheme = challenge
            .split(' ')
            .next()
            .filter(|scheme| !scheme.is_empty())
            .unwrap_or("no challenge");
        match self.credentials() {
            Some(credentials) if scheme.eq_ignore_ascii_case("basic") => {
                Ok(Secret::new(format!("Basic {}", credentials.expose())))
            }
            _ if scheme.eq_ignore_ascii_case("basic") => Err(self.no_credentials()),
            _ => Err(self.error(format!(
                "the registry asks for an authentication scheme that is not supported ({scheme})"
            ))),
        }
    }

    /// A token from the service a `Bearer` challenge names (`params`), asked with the
    /// registry's credentials when Docker keeps some, else anonymously.
    fn fetch_token(&self, params: &[(String, String)]) -> Result<String, ImageError> {
        let param = |name: &str| {
            params
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        let realm =
            param("realm").ok_or_else(|| self.error("a token challenge without a realm"))?;
        let mut query = Vec::new();
        for name in ["service", "scope"] {
            if let Some(value) = param(name) {
                query.push(format!("{name}={}", query_encode(value)));
            }
        }
        let mut location = realm.to_owned();
        if !query.is_empty() {
            location.push(if realm.contains('?') { '&' } else { '?' });
            location.push_str(&query.join("&"));
        }
        let registry = Target {
            scheme: Scheme::Registry,
            host: self.host.to_owned(),
            path: "/".to_owned(),
        };
        let target = Target::resolve(&registry, &location)
            .ok_or_else(|| self.error(format!("an unusable token realm {realm:?}")))?;
        // Credentials go to the token service that asks for them, and nowhere else.
        let basic = self
            .credentials()
            .map(|c| Secret::new(format!("Basic {}", c.expose())));
        let realm_host = target.host.clone();
        let (response, target) = self.follow(
            target,
            basic.as_ref().map(|b| (realm_host.as_str(), b.expose())),
        )?;
        if response.status == 401 && self.credentials().is_none() {
            return Err(self.no_credentials());
        }
        if response.status != 200 {
            return Err(self.error(format!(
                "the token service {} answered {}",
                target.host, response.status
            )));
        }
        let answer: Value = serde_json::from_slice(&response.body)
            .map_err(|e| self.error(format!("the token service's answer: {e}")))?;
        answer["token"]
            .as_str()
            .or_else(|| answer["access_token"].as_str())
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .ok_or_else(|| self.error("the token service's answer holds no token"))
    }

    /// One `GET` of `target`, following nothing; the whole body (by length or chunked).
    fn send(&self, target: &Target, authorization: Option<&str>) -> Result<Response, ImageError> {
        let host = target.host.as_str();
        let failed = |e: std::io::Error| ImageError::Registry(format!("{host}: {e}"));
        let mut stream = self.connect(target)?;
        let mut request = Zeroizing::new(format!(
            "GET {} HTTP/1.1\r\nHost: {host}\r\nAccept: {ACCEPT}\r\nConnection: close\r\n",
            target.path
        ));
        if let Some(authorization) = authorization {
            request.push_str(&format!("Authorization: {authorization}\r\n"));
        }
        request.push_str("\r\n");
        stream.write_all(request.as_bytes()).map_err(failed)?;
        stream.flush().map_err(failed)?;
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        reader.read_line(&mut line).map_err(failed)?;
        let status = line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| ImageError::Registry(format!("{host}: not an HTTP response")))?;
        let (mut length, mut chunked) = (None, false);
        let (mut challenge, mut location) = (None, None);
        loop {
            line.clear();
            reader.read_line(&mut line).map_err(failed)?;
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                let value = value.trim();
                match name.trim().to_ascii_lowercase().as_str() {
                    "content-length" => length = value.parse::<usize>().ok(),
                    "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
                    "www-authenticate" => challenge = Some(value.to_owned()),
                    "location" => location = Some(value.to_owned()),
                    _ => {}
                }
            }
        }
        let mut body = Vec::new();
        if chunked {
            loop {
                line.clear();
                reader.read_line(&mut line).map_err(failed)?;
                let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or("0"), 16)
                    .map_err(|_| ImageError::Registry(format!("{host}: bad chunk")))?;
                if size == 0 {
                    break;
                }
                let start = body.len();
                body.resize(start + size, 0);
                reader.read_exact(&mut body[start..]).map_err(failed)?;
                line.clear();
                reader.read_line(&mut line).map_err(failed)?;
            }
        } else if let Some(length) = length {
            body.resize(length, 0);
            reader.read_exact(&mut body).map_err(failed)?;
        } else if let Err(e) = reader.read_to_end(&mut body) {
            // The end of a body without a length is the end of the connection, with or without
            // TLS's closing message.
            if e.kind() != std::io::ErrorKind::UnexpectedEof {
                return Err(failed(e));
            }
        }
        Ok(Response {
            status,
            body,
            challenge,
            location,
        })
    }
}

/// The registry host and repository path of `reference` (`localhost:5000`, `busybox`); Docker
/// Hub's registry for `docker.io`.
fn split(reference: &Reference) -> Result<(&str, &str), ImageError> {
    let (host, repository) = reference
        .name
        .split_once('/')
        .ok_or_else(|| ImageError::BadReference(reference.to_string()))?;
    let host = if host == "docker.io" {
        DOCKER_HUB
    } else {
        host
    };
    Ok((host, repository))
}

/// Fetches `digest` from the repository of `registry` and keeps it, checked.
fn blob(
    registry: &Registry<'_>,
    repository: &str,
    digest: &str,
    blobs: &Blobs,
) -> Result<u64, ImageError> {
    let host = registry.host;
    let response = registry.get(&format!("/v2/{repository}/blobs/{digest}"))?;
    if response.status != 200 {
        return Err(ImageError::Registry(format!(
            "{host}: blob {digest} answered {}",
            response.status
        )));
    }
    let actual = blobs.write(&response.body)?;
    if actual != digest {
        blobs.forget(&actual);
        return Err(ImageError::DigestMismatch {
            expected: digest.to_owned(),
            actual,
        });
    }
    Ok(response.body.len() as u64)
}

/// A pulled image: its manifest, config and layer digests and size.
pub(crate) struct Pulled {
    pub(crate) manifest: String,
    pub(crate) config: String,
    pub(crate) layers: Vec<String>,
    pub(crate) size: u64,
}

/// Pulls `reference` into `blobs`.
pub(crate) fn pull(reference: &Reference, blobs: &Blobs) -> Result<Pulled, ImageError> {
    let (host, repository) = split(reference)?;
    let wanted = reference
        .digest
        .clone()
        .or_else(|| reference.tag.clone())
        .unwrap_or_else(|| "latest".to_owned());
    let registry = Registry::new(host)?;
    let mut response = registry.get(&format!("/v2/{repository}/manifests/{wanted}"))?;
    if response.status == 404 {
        return Err(ImageError::NotFound(reference.to_string()));
    }
    if response.status != 200 {
        return Err(ImageError::Registry(format!(
            "{host}: manifest {wanted} answered {}",
            response.status
        )));
    }
    let mut manifest: Value = serde_json::from_slice(&response.body)
        .map_err(|e| ImageError::Invalid(format!("manifest: {e}")))?;
    if let Some(list) = manifest.get("manifests").and_then(Value::as_array) {
        let chosen = list
            .iter()
            .find(|m| m["platform"]["os"] == "linux" && m["platform"]["architecture"] == "amd64")
            .and_then(|m| m["digest"].as_str())
            .ok_or_else(|| ImageError::Invalid("no linux/amd64 image in the index".into()))?
            .to_owned();
        response = registry.get(&format!("/v2/{repository}/manifests/{chosen}"))?;
        manifest = serde_json::from_slice(&response.body)
            .map_err(|e| ImageError::Invalid(format!("manifest: {e}")))?;
    }
    let manifest_digest = blobs.write(&response.body)?;
    if let Some(pinned) = &reference.digest
        && pinned != &manifest_digest
        && manifest.get("manifests").is_none()
    {
        return Err(ImageError::DigestMismatch {
            expected: pinned.clone(),
            actual: manifest_digest,
        });
    }
    let config = manifest["config"]["digest"]
        .as_str()
        .ok_or_else(|| ImageError::Invalid("a manifest without a config".into()))?
        .to_owned();
    let mut size = blob(&registry, repository, &config, blobs)?;
    let mut layers = Vec::new();
    for layer in manifest["layers"].as_array().into_iter().flatten() {
        let digest = layer["digest"]
            .as_str()
            .ok_or_else(|| ImageError::Invalid("a layer without a digest".into()))?;
        size += blob(&registry, repository, digest, blobs)?;
        layers.push(digest.to_owned());
    }
    Ok(Pulled {
        manifest: manifest_digest,
        config,
        layers,
        size,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(scheme: Scheme, host: &str, path: &str) -> Target {
        Target {
            scheme,
            host: host.to_owned(),
            path: path.to_owned(),
        }
    }

    #[test]
    fn bearer_challenges_are_read_with_quoted_commas() {
        let params = bearer_challenge(
            r#"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/busybox:pull,push""#,
        )
        .unwrap();
        assert_eq!(
            params,
            [
                ("realm".into(), "https://auth.docker.io/token".into()),
                ("service".into(), "registry.docker.io".into()),
                (
                    "scope".into(),
                    "repository:library/busybox:pull,push".into()
                ),
            ]
        );
        let bare = bearer_challenge("bearer realm=http://x/t, service=s").unwrap();
        assert_eq!(bare[1], ("service".into(), "s".into()));
        assert!(bearer_challenge(r#"Basic realm="Registry""#).is_none());
        assert!(bearer_challenge("Bearer").is_none());
        assert!(bearer_challenge(r#"Bearer realm="unterminated"#).is_none());
    }

    #[test]
    fn locations_resolve_against_the_request() {
        let registry = target(Scheme::Registry, "127.0.0.1:5000", "/v2/a/blobs/x");
        let cases = [
            (
                "/cdn/x?sig=1",
                Scheme::Registry,
                "127.0.0.1:5000",
                "/cdn/x?sig=1",
            ),
            (
                "https://storage.example/b/x?s=1",
                Scheme::Https,
                "storage.example",
                "/b/x?s=1",
            ),
            (
                "http://127.0.0.1:5000/v2/",
                Scheme::Registry,
                "127.0.0.1:5000",
                "/v2/",
            ),
            ("http://other:80?x=1", Scheme::Http, "other:80", "/?x=1"),
        ];
        for (location, scheme, host, path) in cases {
            assert_eq!(
                Target::resolve(&registry, location),
                Some(target(scheme, host, path)),
                "{location}"
            );
        }
        assert_eq!(Target::resolve(&registry, "relative/path"), None);
        assert_eq!(Target::resolve(&registry, "https:///nohost"), None);
    }

    #[test]
    fn credentials_are_found_as_docker_login_keeps_them() {
        let config = serde_json::json!({"auths": {
            "registry.example.com": {"auth": "dXNlcjpwYXNz"},
            "https://index.docker.io/v1/": {"auth": "aHViOmh1Yg=="},
            "http://localhost:5000/v2": {"username": "user", "password": "pass"},
            "empty.example.com": {"auth": ""},
        }});
        let found = |host| credentials_in(&config, host).map(|s| s.expose().to_owned());
        assert_eq!(
            found("registry.example.com").as_deref(),
            Some("dXNlcjpwYXNz")
        );
        assert_eq!(found(DOCKER_HUB).as_deref(), Some("aHViOmh1Yg=="));
        assert_eq!(found("localhost:5000").as_deref(), Some("dXNlcjpwYXNz"));
        assert_eq!(found("empty.example.com"), None);
        assert_eq!(found("other.example.com"), None);
        assert_eq!(credentials_in(&serde_json::json!({}), "x"), None);
    }

    #[test]
    fn credential_helpers_are_chosen_as_docker_chooses_them() {
        let config = serde_json::json!({
            "credsStore": "desktop",
            "credHelpers": {
                "123456789012.dkr.ecr.us-east-1.amazonaws.com": "ecr-login",
                "https://index.docker.io/v1/": "pass",
                "bad.example.com": "../../bin/sh",
            },
        });
        let helper = |host| helper_for(&config, host);
        assert_eq!(
            helper("123456789012.dkr.ecr.us-east-1.amazonaws.com"),
            Some("ecr-login")
        );
        assert_eq!(helper(DOCKER_HUB), Some("pass"));
        assert_eq!(helper("registry.example.com"), Some("desktop"));
        assert_eq!(helper("bad.example.com"), None, "not a helper's name");
        assert_eq!(
            helper_for(&serde_json::json!({"credsStore": ""}), "x"),
            None
        );
        assert_eq!(helper_for(&serde_json::json!({}), "x"), None);
    }

    #[test]
    fn a_missing_credential_helper_gives_no_credentials() {
        assert!(helper_credentials("neargate-no-such-helper", "example.com").is_none());
    }

    #[test]
    fn queries_are_percent_encoded() {
        assert_eq!(
            query_encode("repository:library/busybox:pull"),
            "repository%3Alibrary%2Fbusybox%3Apull"
        );
        assert_eq!(query_encode("a-b_c.d~e"), "a-b_c.d~e");
    }

    #[test]
    fn docker_hub_names_its_registry() {
        let reference = Reference::parse("busybox:1.35").unwrap();
        assert_eq!(split(&reference).unwrap(), (DOCKER_HUB, "library/busybox"));
        let reference = Reference::parse("localhost:5000/app:v1").unwrap();
        assert_eq!(split(&reference).unwrap(), ("localhost:5000", "app"));
    }
}
