//! Starting the measured processes, and the measurements taken from outside them.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use neargate_testkit::{RawResponse, SignSpec, now, raw_request, sign};

/// Reads the `ready on …` address a child prints.
fn ready_addr(child: &mut Child, marker: &str) -> anyhow::Result<String> {
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| anyhow::anyhow!("no stdout"))?;
    for line in BufReader::new(stdout).lines() {
        let line = line?;
        if let Some(rest) = line.split(marker).nth(1) {
            return Ok(rest.trim().trim_start_matches("http://").to_owned());
        }
    }
    anyhow::bail!("the process ended before its ready line")
}

/// A running neargate server with a fresh data directory.
pub(crate) struct Neargate {
    child: Child,
    addr: String,
    data: tempfile::TempDir,
}

impl Neargate {
    pub(crate) fn start(binary: &Path) -> anyhow::Result<Self> {
        Self::start_with(binary, &[])
    }

    /// Starts it with extra `serve` arguments.
    pub(crate) fn start_with(binary: &Path, args: &[&str]) -> anyhow::Result<Self> {
        let data = tempfile::tempdir()?;
        let mut child = spawn(binary, data.path(), "127.0.0.1:0", args)?;
        let addr = ready_addr(&mut child, "neargate ready on ")?;
        Ok(Self { child, addr, data })
    }

    pub(crate) fn addr(&self) -> &str {
        &self.addr
    }

    /// Resident memory in KiB, from `/proc`.
    pub(crate) fn rss_kib(&self) -> anyhow::Result<u32> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .ok_or_else(|| anyhow::anyhow!("no VmRSS"))
    }

    /// The data directory.
    pub(crate) fn data_dir(&self) -> &Path {
        self.data.path()
    }

    /// The account the server bootstrapped.
    pub(crate) fn account(&self) -> String {
        let text =
            std::fs::read_to_string(self.data.path().join("credentials")).unwrap_or_default();
        text.lines()
            .next()
            .and_then(|l| l.rsplit(' ').next())
            .unwrap_or_default()
            .to_owned()
    }

    /// The administrator's access key id and secret.
    pub(crate) fn admin_keys(&self) -> (String, String) {
        let text =
            std::fs::read_to_string(self.data.path().join("credentials")).unwrap_or_default();
        let field = |name: &str| {
            text.lines()
                .filter_map(|l| l.split_once('='))
                .find(|(k, _)| k.trim() == name)
                .map(|(_, v)| v.trim().to_owned())
                .unwrap_or_default()
        };
        (field("aws_access_key_id"), field("aws_secret_access_key"))
    }

    /// A keep-alive `GetCallerIdentity` request signed by the administrator (valid 15 minutes).
    pub(crate) fn signed_get_caller_identity(&self) -> Vec<u8> {
        signed_request(&self.addr, self.data.path(), false)
    }

    /// A keep-alive IAM `GetUser` request for the administrator, signed by it: a call the
    /// policy engine authorizes (`GetCallerIdentity` never needs authorization).
    pub(crate) fn signed_get_user(&self) -> Vec<u8> {
        let (key, secret) = self.admin_keys();
        let raw = sign(&SignSpec {
            method: "POST".into(),
            url: format!("http://{}/", self.addr),
            headers: vec![(
                "content-type".into(),
                "application/x-www-form-urlencoded".into(),
            )],
            body: b"Action=GetUser&Version=2010-05-08&UserName=admin".to_vec(),
            service: "iam".into(),
            region: "us-east-1".into(),
            access_key_id: key,
            secret_access_key: secret,
            session_token: None,
            time: now(),
            presign_for: None,
            unsigned_payload: false,
        });
        String::from_utf8_lossy(&raw)
            .replace("connection: close\r\n", "")
            .into_bytes()
    }
}

impl Drop for Neargate {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn spawn(binary: &Path, data: &Path, listen: &str, args: &[&str]) -> anyhow::Result<Child> {
    Ok(Command::new(binary)
        .args(["serve", "--listen", listen, "--data-dir"])
        .arg(data)
        .args(args)
        .env("NEARGATE_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()?)
}

fn signed_request(addr: &str, data: &Path, close: bool) -> Vec<u8> {
    let text = std::fs::read_to_string(data.join("credentials")).unwrap_or_default();
    let field = |name: &str| {
        text.lines()
            .filter_map(|l| l.split_once('='))
            .find(|(k, _)| k.trim() == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let raw = sign(&SignSpec {
        method: "POST".into(),
        url: format!("http://{addr}/"),
        headers: vec![(
            "content-type".into(),
            "application/x-www-form-urlencoded".into(),
        )],
        body: b"Action=GetCallerIdentity&Version=2011-06-15".to_vec(),
        service: "sts".into(),
        region: "us-east-1".into(),
        access_key_id: field("aws_access_key_id"),
        secret_access_key: field("aws_secret_access_key"),
        session_token: None,
        time: now(),
        presign_for: None,
        unsigned_payload: false,
    });
    if close {
        raw
    } else {
        // The signer adds `connection: close` for one-shot use; keep the connection open here.
        String::from_utf8_lossy(&raw)
            .replace("connection: close\r\n", "")
            .into_bytes()
    }
}

/// The baseline server, run as `neargate-bench bare` in its own process.
pub(crate) struct Bare {
    child: Child,
    addr: String,
}

impl Bare {
    pub(crate) fn start() -> anyhow::Result<Self> {
        let port = free_port()?;
        let mut child = Command::new(std::env::current_exe()?)
            .args(["bare", &port.to_string()])
            .stdout(Stdio::piped())
            .spawn()?;
        let addr = ready_addr(&mut child, "ready on ")?;
        Ok(Self { child, addr })
    }

    pub(crate) fn addr(&self) -> &str {
        &self.addr
    }
}

impl Drop for Bare {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

/// Median time from process start to the first successful signed request, over `runs`
/// restarts on one data directory (bootstrapped once beforehand).
pub(crate) fn startup_median(binary: &Path, runs: usize) -> anyhow::Result<Duration> {
    let data = tempfile::tempdir()?;
    let port = free_port()?;
    let listen = format!("127.0.0.1:{port}");
    let mut first = spawn(binary, data.path(), &listen, &[])?;
    ready_addr(&mut first, "neargate ready on ")?;
    let request = signed_request(&listen, data.path(), true);
    let _ = first.kill();
    let _ = first.wait();
    let mut times = Vec::new();
    for _ in 0..runs {
        let started = Instant::now();
        let mut child = spawn(binary, data.path(), &listen, &[])?;
        loop {
            match raw_request(&listen, &request) {
                Ok(RawResponse { status: 200, .. }) => break,
                _ if started.elapsed() > Duration::from_secs(10) => {
                    anyhow::bail!("no response within 10 s")
                }
                _ => std::thread::sleep(Duration::from_micros(500)),
            }
        }
        times.push(started.elapsed());
        let _ = child.kill();
        let _ = child.wait();
    }
    times.sort();
    Ok(times[times.len() / 2])
}
