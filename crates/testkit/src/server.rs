//! Starting, killing and restarting the real server binary.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::SignSpec;
use crate::models;
use crate::proxy::Proxy;

/// The administrator credentials the server wrote at first start.
#[derive(Debug, Clone)]
pub struct Credentials {
    /// Access key id.
    pub access_key_id: String,
    /// Secret access key.
    pub secret_access_key: String,
    /// The account id.
    pub account: String,
}

/// How to start the server.
#[derive(Debug, Clone, Default)]
pub struct ServerOptions {
    /// Extra arguments to `neargate serve`.
    pub args: Vec<String>,
    /// Where the server's log (standard error) goes; inherited when `None`.
    pub log_file: Option<PathBuf>,
    /// Environment variables set for the server, over the test's own.
    pub env: Vec<(String, String)>,
}

/// A running server in its own temporary data directory, behind a recording proxy.
#[derive(Debug)]
pub struct Server {
    binary: PathBuf,
    options: ServerOptions,
    data: tempfile::TempDir,
    child: Option<Child>,
    direct: String,
    tasks_line: String,
    proxy: Proxy,
}

impl Server {
    /// Starts `binary` (use `env!("CARGO_BIN_EXE_neargate")`) with default options.
    pub fn start(binary: &str) -> Self {
        Self::start_with(binary, ServerOptions::default())
    }

    /// Starts `binary` with `options`.
    pub fn start_with(binary: &str, options: ServerOptions) -> Self {
        let data = tempfile::tempdir().expect("temporary data directory");
        let (child, direct, tasks_line) = launch(Path::new(binary), data.path(), &options);
        let proxy = Proxy::start(&direct);
        Self {
            binary: binary.into(),
            options,
            data,
            child: Some(child),
            direct,
            tasks_line,
            proxy,
        }
    }

    /// The URL clients should use: the recording proxy in front of the server.
    pub fn endpoint(&self) -> String {
        self.proxy.url()
    }

    /// `host:port` of the recording proxy, for raw requests whose responses should be checked.
    pub fn proxy_addr(&self) -> String {
        self.proxy.url().trim_start_matches("http://").to_owned()
    }

    /// `host:port` of the server itself.
    pub fn direct_addr(&self) -> &str {
        self.direct.trim_start_matches("http://")
    }

    /// The data directory.
    pub fn data_dir(&self) -> &Path {
        self.data.path()
    }

    /// The administrator credentials from the data directory.
    pub fn credentials(&self) -> Credentials {
        let text = std::fs::read_to_string(self.data.path().join("credentials"))
            .expect("credentials file");
        let field = |name: &str| {
            text.lines()
                .filter_map(|l| l.split_once('='))
                .find(|(k, _)| k.trim() == name)
                .map(|(_, v)| v.trim().to_owned())
                .expect("credentials field")
        };
        let account = text
            .lines()
            .next()
            .and_then(|l| l.rsplit(' ').next())
            .expect("account in the credentials header")
            .to_owned();
        Credentials {
            access_key_id: field("aws_access_key_id"),
            secret_access_key: field("aws_secret_access_key"),
            account,
        }
    }

    /// A request to the server itself, signed now by the administrator for `service` in
    /// `us-east-1`: `POST path_and_query` with no headers or body until the caller adds them.
    pub fn sign_spec(&self, service: &str, path_and_query: &str) -> SignSpec {
        let c = self.credentials();
        SignSpec {
            method: "POST".into(),
            url: format!("{}{path_and_query}", self.direct),
            headers: Vec::new(),
            body: Vec::new(),
            service: service.into(),
            region: "us-east-1".into(),
            access_key_id: c.access_key_id,
            secret_access_key: c.secret_access_key,
            session_token: None,
            time: crate::now(),
            presign_for: None,
            unsigned_payload: false,
        }
    }

    /// The line the server printed after its ready line: whether tasks run on this host.
    pub fn tasks_line(&self) -> &str {
        &self.tasks_line
    }

    /// The server's process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// Kills the server with SIGKILL, as a crash would.
    pub fn kill9(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Stops the server with SIGTERM and waits for a clean exit; returns whether it exited 0.
    pub fn terminate(&mut self) -> bool {
        let Some(mut child) = self.child.take() else {
            return false;
        };
        let pid = child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        child.wait().map(|s| s.success()).unwrap_or(false)
    }

    /// Starts the server again on the same data directory with other `serve` arguments.
    pub fn restart_with(&mut self, options: ServerOptions) {
        self.options = options;
        self.restart();
    }

    /// Starts the server again on the same data directory (after `kill9` or `terminate`).
    pub fn restart(&mut self) {
        self.kill9();
        let (child, direct, tasks_line) = launch(&self.binary, self.data.path(), &self.options);
        self.child = Some(child);
        self.tasks_line = tasks_line;
        self.proxy.retarget(&direct);
        self.direct = direct;
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill9();
        let exchanges = self.proxy.take_exchanges();
        if !std::thread::panicking()
            && let Err(report) = models::check(&exchanges)
        {
            panic!("responses do not match the botocore models:\n{report}");
        }
    }
}

/// Starts the server; returns it, its URL and the line it printed about tasks.
fn launch(binary: &Path, data: &Path, options: &ServerOptions) -> (Child, String, String) {
    let mut child = Command::new(binary)
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(data)
        .args(&options.args)
        .env("NEARGATE_LOG", "warn")
        .envs(options.env.iter().map(|(k, v)| (k, v)))
        .stdout(Stdio::piped())
        .stderr(match &options.log_file {
            Some(path) => Stdio::from(std::fs::File::create(path).expect("the log file")),
            None => Stdio::inherit(),
        })
        .spawn()
        .expect("start the neargate binary");
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.starts_with("neargate ready on ") || line.starts_with("neargate tasks: ") {
                let _ = tx.send(line);
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(20);
    let next = || {
        rx.recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("the server printed its ready line and its tasks line")
    };
    let ready = next();
    let url = ready["neargate ready on ".len()..].to_owned();
    (child, url, next())
}
