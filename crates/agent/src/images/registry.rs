//! Pulling from an OCI distribution registry over HTTPS, trusting the system's certificate
//! authorities (or the file `SSL_CERT_FILE` names). A registry on loopback may also answer plain
//! HTTP, as Docker allows: when its TLS handshake fails, the pull falls back to HTTP. Registries
//! that demand token authentication (Docker Hub and other public ones) are not supported.

use std::cell::Cell;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs as _};
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use super::{Blobs, ImageError, Reference};

/// The media types asked for, images before indexes.
const ACCEPT: &str = "application/vnd.oci.image.manifest.v1+json, \
application/vnd.docker.distribution.manifest.v2+json, \
application/vnd.oci.image.index.v1+json, \
application/vnd.docker.distribution.manifest.list.v2+json";

/// A registry response.
struct Response {
    status: u16,
    body: Vec<u8>,
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

/// One registry for the length of a pull: its TLS settings, read once, and whether it turned
/// out to speak plain HTTP.
struct Registry<'a> {
    host: &'a str,
    tls: Arc<rustls::ClientConfig>,
    plain: Cell<bool>,
}

impl<'a> Registry<'a> {
    fn new(host: &'a str) -> Result<Self, ImageError> {
        Ok(Self {
            host,
            tls: tls_config().map_err(|e| ImageError::Registry(format!("{host}: {e}")))?,
            plain: Cell::new(false),
        })
    }

    /// Connects over TLS, or for a loopback registry that does not speak it, plain.
    fn connect(&self) -> Result<Box<dyn Stream>, ImageError> {
        let host = self.host;
        let (name, port) = host_and_port(host);
        if !self.plain.get() {
            match connect_tls(host, &self.tls) {
                Ok(stream) => return Ok(stream),
                Err(e) if !loopback(name) => {
                    return Err(ImageError::Registry(format!("{host}: {e}")));
                }
                Err(_) => self.plain.set(true),
            }
        }
        let tcp = dial(name, port, 80).map_err(|e| ImageError::Registry(format!("{host}: {e}")))?;
        Ok(Box::new(tcp))
    }

    /// `GET https://{host}{path}` (or `http://` on loopback), following nothing; the whole
    /// body (by length or chunked).
    fn get(&self, path: &str) -> Result<Response, ImageError> {
        let host = self.host;
        let failed = |e: std::io::Error| ImageError::Registry(format!("{host}: {e}"));
        let mut stream = self.connect()?;
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: {ACCEPT}\r\nConnection: close\r\n\r\n"
        )
        .map_err(failed)?;
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
        loop {
            line.clear();
            reader.read_line(&mut line).map_err(failed)?;
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                match name.trim().to_ascii_lowercase().as_str() {
                    "content-length" => length = value.trim().parse::<usize>().ok(),
                    "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
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
        Ok(Response { status, body })
    }
}

/// The registry host and repository path of `reference` (`localhost:5000`, `busybox`).
fn split(reference: &Reference) -> Result<(&str, &str), ImageError> {
    let (host, repository) = reference
        .name
        .split_once('/')
        .ok_or_else(|| ImageError::BadReference(reference.to_string()))?;
    if host == "docker.io" {
        return Err(ImageError::Registry(
            "Docker Hub requires token authentication, which is not supported; import the \
             image from a file instead"
                .to_owned(),
        ));
    }
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
