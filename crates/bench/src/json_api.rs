//! Signed requests to AWS JSON APIs, and moto's server to measure against.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use neargate_testkit::{SignSpec, now, raw_request, sign};

/// A moto server on a free port.
pub(crate) struct Moto {
    child: Child,
    pub(crate) addr: String,
}

impl Moto {
    pub(crate) fn start() -> anyhow::Result<Self> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let child = Command::new("moto_server")
            .args(["-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| anyhow::anyhow!("moto_server (pip install 'moto[server]'): {e}"))?;
        let addr = format!("127.0.0.1:{port}");
        for _ in 0..100 {
            if std::net::TcpStream::connect(&addr).is_ok() {
                return Ok(Self { child, addr });
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        anyhow::bail!("moto_server did not start")
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A JSON 1.1 API: its signing name and `X-Amz-Target` prefix.
pub(crate) struct Api {
    pub(crate) service: &'static str,
    pub(crate) target_prefix: &'static str,
}

impl Api {
    /// A signed keep-alive request for `operation` to `addr`.
    pub(crate) fn request(
        &self,
        addr: &str,
        keys: (&str, &str),
        operation: &str,
        body: &str,
    ) -> Vec<u8> {
        let raw = sign(&SignSpec {
            method: "POST".into(),
            url: format!("http://{addr}/"),
            headers: vec![
                ("content-type".into(), "application/x-amz-json-1.1".into()),
                (
                    "x-amz-target".into(),
                    format!("{}.{operation}", self.target_prefix),
                ),
            ],
            body: body.as_bytes().to_vec(),
            service: self.service.into(),
            region: "us-east-1".into(),
            access_key_id: keys.0.to_owned(),
            secret_access_key: keys.1.to_owned(),
            session_token: None,
            time: now(),
            presign_for: None,
            unsigned_payload: false,
        });
        String::from_utf8_lossy(&raw)
            .replace("connection: close\r\n", "")
            .into_bytes()
    }

    /// Calls `operation` once on a fresh connection and returns the JSON answer.
    pub(crate) fn call(
        &self,
        addr: &str,
        keys: (&str, &str),
        operation: &str,
        body: &str,
    ) -> anyhow::Result<serde_json::Value> {
        let mut request = self.request(addr, keys, operation, body);
        // One shot: ask the server to close, so the reader sees the end of the response.
        let at = request
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .ok_or_else(|| anyhow::anyhow!("no request head"))?;
        request.splice(at + 2..at + 2, b"connection: close\r\n".iter().copied());
        let response = raw_request(addr, &request)?;
        anyhow::ensure!(
            response.status == 200,
            "{operation} answered {}: {}",
            response.status,
            String::from_utf8_lossy(&response.body)
        );
        Ok(serde_json::from_slice(&response.body)?)
    }
}
