//! A closed-loop load generator: each connection sends the same request again as soon as the
//! previous response is complete, over HTTP/1.1 keep-alive.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// One load run.
#[derive(Debug)]
pub(crate) struct Load<'a> {
    /// `host:port`.
    pub(crate) addr: &'a str,
    /// The full request bytes, sent as is.
    pub(crate) request: &'a [u8],
    /// Connections in flight.
    pub(crate) concurrency: usize,
    /// How long to send.
    pub(crate) duration: Duration,
}

/// Throughput and latency of a run.
#[derive(Debug, Clone)]
pub(crate) struct Summary {
    pub(crate) rps: f64,
    pub(crate) p50_ms: f64,
    pub(crate) p99_ms: f64,
}

impl Load<'_> {
    /// Runs the load on a runtime of its own and summarises it.
    pub(crate) fn run(&self) -> anyhow::Result<Summary> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?;
        let mut latencies = runtime.block_on(async {
            let mut tasks = tokio::task::JoinSet::new();
            let deadline = Instant::now() + self.duration;
            for _ in 0..self.concurrency {
                let (addr, request) = (self.addr.to_owned(), self.request.to_vec());
                tasks.spawn(async move { connection(&addr, &request, deadline).await });
            }
            let mut all = Vec::new();
            while let Some(result) = tasks.join_next().await {
                all.extend(result??);
            }
            anyhow::Ok(all)
        })?;
        anyhow::ensure!(!latencies.is_empty(), "no request completed");
        latencies.sort_unstable();
        let at = |q: f64| {
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                clippy::cast_precision_loss
            )]
            let index = ((latencies.len() - 1) as f64 * q).round() as usize;
            latencies[index].as_secs_f64() * 1000.0
        };
        #[allow(clippy::cast_precision_loss)]
        let rps = latencies.len() as f64 / self.duration.as_secs_f64();
        Ok(Summary {
            rps,
            p50_ms: at(0.50),
            p99_ms: at(0.99),
        })
    }
}

/// Sends requests on one connection until `deadline`; every response must be a 200.
async fn connection(
    addr: &str,
    request: &[u8],
    deadline: Instant,
) -> anyhow::Result<Vec<Duration>> {
    let mut stream = None;
    let mut latencies = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    while Instant::now() < deadline {
        let started = Instant::now();
        // A server that closes after each response (as moto's does) is reconnected to, and
        // the connection time counts in the request's latency.
        let conn = match &mut stream {
            Some(open) => open,
            None => {
                let open = TcpStream::connect(addr).await?;
                open.set_nodelay(true)?;
                stream.insert(open)
            }
        };
        conn.write_all(request).await?;
        let mut filled = 0;
        loop {
            if filled == buf.len() {
                // A large response (DescribeTasks of 100 tasks is ~260 KB).
                buf.resize(buf.len() * 2, 0);
            }
            let n = conn.read(&mut buf[filled..]).await?;
            anyhow::ensure!(n > 0, "connection closed");
            filled += n;
            if let Some(status) = complete(&buf[..filled]) {
                anyhow::ensure!(
                    status == 200,
                    "status {status}: {}",
                    String::from_utf8_lossy(&buf[..filled])
                );
                break;
            }
        }
        latencies.push(started.elapsed());
        if closes(&buf[..filled]) {
            stream = None;
        }
    }
    Ok(latencies)
}

/// Whether a response announces that the server closes the connection.
fn closes(response: &[u8]) -> bool {
    let head_end = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(response.len());
    String::from_utf8_lossy(&response[..head_end])
        .to_ascii_lowercase()
        .contains("\r\nconnection: close")
}

/// The status of a complete response in `bytes`, once it has all arrived.
fn complete(bytes: &[u8]) -> Option<u16> {
    let head_end = bytes.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    let head = std::str::from_utf8(&bytes[..head_end]).ok()?;
    let length: usize = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().to_owned())
        })?
        .parse()
        .ok()?;
    if bytes.len() < head_end + length {
        return None;
    }
    head.split(' ').nth(1)?.parse().ok()
}
