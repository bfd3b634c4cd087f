//! What clients can take from the server: file descriptors, memory for bodies, and time. None of
//! it stops the server from serving.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use neargate_testkit::{Server, ServerOptions, raw_request, sign};

use crate::common::{admin, start, start_with, sts};

const FORM: &str = "application/x-www-form-urlencoded; charset=utf-8";
const STS_BODY: &str = "Action=GetCallerIdentity&Version=2011-06-15";

/// A signed `GetCallerIdentity` as raw bytes, split into its head and its body.
fn signed_sts(server: &Server) -> (Vec<u8>, Vec<u8>) {
    let mut spec = server.sign_spec("sts", "/");
    spec.headers = vec![("content-type".into(), FORM.into())];
    spec.body = STS_BODY.as_bytes().to_vec();
    let raw = sign(&spec);
    let split = raw.len() - STS_BODY.len();
    (raw[..split].to_vec(), raw[split..].to_vec())
}

fn status_line(stream: &mut TcpStream) -> String {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut bytes = Vec::new();
    let mut buf = [0u8; 4096];
    while let Ok(n) = stream.read(&mut buf) {
        if n == 0 {
            break;
        }
        bytes.extend_from_slice(&buf[..n]);
        if bytes.windows(4).any(|w| w == b"\r\n\r\n") {
            break;
        }
    }
    String::from_utf8_lossy(&bytes)
        .lines()
        .next()
        .unwrap_or("")
        .to_owned()
}

/// Resident memory of a process, in KiB.
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .expect("VmRSS")
}

/// CPU time a process has used (user and system), in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..].split(' ').collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

#[test]
fn a_slow_body_is_served_while_it_keeps_coming() {
    let server = start_with(&["--idle-timeout", "2"]);
    let (head, body) = signed_sts(&server);
    let mut stream = TcpStream::connect(server.direct_addr()).unwrap();
    stream.write_all(&head).unwrap();
    // Five seconds of body, a little at a time: longer than the limit, never silent for it.
    for chunk in body.chunks(body.len().div_ceil(6)) {
        std::thread::sleep(Duration::from_millis(900));
        stream.write_all(chunk).unwrap();
    }
    assert_eq!(status_line(&mut stream), "HTTP/1.1 200 OK");

    // A body that goes silent for the limit is closed.
    let mut stalled = TcpStream::connect(server.direct_addr()).unwrap();
    stalled.write_all(&head).unwrap();
    stalled.write_all(&body[..5]).unwrap();
    let started = Instant::now();
    assert_eq!(status_line(&mut stalled), "");
    assert!(started.elapsed() < Duration::from_secs(6));
}

#[test]
fn an_oversize_body_is_refused_from_its_head() {
    let server = start();
    let mut stream = TcpStream::connect(server.direct_addr()).unwrap();
    stream
        .write_all(
            b"POST / HTTP/1.1\r\nhost: x\r\ncontent-type: application/x-www-form-urlencoded\r\n\
              content-length: 10000000\r\n\r\n",
        )
        .unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("RequestEntityTooLarge"), "{answer}");
}

#[test]
fn bodies_held_before_authentication_stay_within_the_budget() {
    let server = start_with(&["--body-memory-bytes", "33554432"]);
    let pid = server.pid().unwrap();
    let before = rss_kib(pid);
    let body = vec![b'a'; 1_000_000];
    let mut held = Vec::new();
    for _ in 0..300 {
        let mut stream = TcpStream::connect(server.direct_addr()).unwrap();
        stream
            .set_write_timeout(Some(Duration::from_millis(50)))
            .unwrap();
        let _ = stream.write_all(
            b"POST / HTTP/1.1\r\nhost: x\r\ncontent-type: application/x-www-form-urlencoded\r\n\
              content-length: 1000001\r\n\r\n",
        );
        let _ = stream.write_all(&body);
        held.push(stream);
    }
    std::thread::sleep(Duration::from_secs(2));
    let holding = rss_kib(pid);
    assert!(
        holding.saturating_sub(before) < 128 * 1024,
        "300 bodies of 1 MB raised the resident set from {before} KiB to {holding} KiB"
    );
    drop(held);
    std::thread::sleep(Duration::from_secs(3));
    let after = rss_kib(pid);
    assert!(
        after.saturating_sub(before) < 64 * 1024,
        "after the bodies were dropped the resident set is {after} KiB (from {before} KiB)"
    );
    let (head, body) = signed_sts(&server);
    let r = raw_request(&server.proxy_addr(), &[head, body].concat()).unwrap();
    assert_eq!(r.status, 200, "{}", r.text());
}

#[tokio::test(flavor = "multi_thread")]
async fn running_out_of_file_descriptors_backs_off_and_recovers() {
    let log = tempfile::NamedTempFile::new().unwrap();
    let server = Server::start_with(
        env!("CARGO_BIN_EXE_neargate"),
        ServerOptions {
            log_file: Some(log.path().to_owned()),
            ..Default::default()
        },
    );
    let pid = server.pid().unwrap();
    // A connection opened before descriptors run out goes on being served.
    let mut existing = TcpStream::connect(server.direct_addr()).unwrap();
    let limited = std::process::Command::new("prlimit")
        .args(["--pid", &pid.to_string(), "--nofile=64:64"])
        .status()
        .unwrap();
    assert!(limited.success());
    let flood: Vec<TcpStream> = (0..100)
        .filter_map(|_| TcpStream::connect(server.direct_addr()).ok())
        .collect();
    let cpu_before = cpu_ticks(pid);
    std::thread::sleep(Duration::from_secs(3));
    let cpu_used = cpu_ticks(pid) - cpu_before;
    assert!(
        cpu_used < 100,
        "{cpu_used} ticks of CPU in 3 s while out of descriptors"
    );
    let (head, body) = signed_sts(&server);
    existing.write_all(&[head, body].concat()).unwrap();
    assert_eq!(status_line(&mut existing), "HTTP/1.1 200 OK");
    drop(flood);
    std::thread::sleep(Duration::from_secs(2));
    let fresh = sts(&server, admin(&server));
    fresh.get_caller_identity().send().await.unwrap();
    let text = std::fs::read_to_string(log.path()).unwrap();
    let failures = text.matches("accepting connections failed").count();
    assert!(
        failures == 1,
        "{failures} accept failure warnings:\n{}",
        &text[..text.len().min(2000)]
    );
}
