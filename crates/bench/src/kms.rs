//! `neargate-bench kms`: KMS `GenerateDataKey`, `Encrypt` and `Decrypt` through Neargate (SigV4
//! verified, key policy evaluated, audited) against moto's server (which checks neither), with the
//! same load generator and the same signed requests, in one run.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use neargate_testkit::{SignSpec, now, raw_request, sign};

use crate::load::{Load, Summary};
use crate::median;
use crate::process::Neargate;

/// A moto server on a free port.
struct Moto {
    child: Child,
    addr: String,
}

impl Moto {
    fn start() -> anyhow::Result<Self> {
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

/// A signed KMS request to `addr` (keep-alive).
fn kms_request(addr: &str, keys: (&str, &str), operation: &str, body: &str) -> Vec<u8> {
    let raw = sign(&SignSpec {
        method: "POST".into(),
        url: format!("http://{addr}/"),
        headers: vec![
            ("content-type".into(), "application/x-amz-json-1.1".into()),
            ("x-amz-target".into(), format!("TrentService.{operation}")),
        ],
        body: body.as_bytes().to_vec(),
        service: "kms".into(),
        region: "us-east-1".into(),
        access_key_id: keys.0.to_owned(),
        secret_access_key: keys.1.to_owned(),
        session_token: None,
        time: now(),
        presign_for: None,
    });
    String::from_utf8_lossy(&raw)
        .replace("connection: close\r\n", "")
        .into_bytes()
}

/// Calls `operation` once on a fresh connection and returns the JSON answer.
fn call(
    addr: &str,
    keys: (&str, &str),
    operation: &str,
    body: &str,
) -> anyhow::Result<serde_json::Value> {
    let mut request = kms_request(addr, keys, operation, body);
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

/// The three measured requests for one server.
fn requests(addr: &str, keys: (&str, &str)) -> anyhow::Result<Vec<(&'static str, Vec<u8>)>> {
    let created = call(addr, keys, "CreateKey", "{}")?;
    let key_id = created["KeyMetadata"]["KeyId"]
        .as_str()
        .ok_or_else(|| anyhow::anyhow!("no KeyId in {created}"))?
        .to_owned();
    let plaintext = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    let encrypt = format!(r#"{{"KeyId":"{key_id}","Plaintext":"{plaintext}"}}"#);
    let sealed = call(addr, keys, "Encrypt", &encrypt)?;
    let blob = sealed["CiphertextBlob"].as_str().unwrap_or_default();
    let decrypt = format!(r#"{{"CiphertextBlob":"{blob}"}}"#);
    let generate = format!(r#"{{"KeyId":"{key_id}","KeySpec":"AES_256"}}"#);
    Ok(vec![
        (
            "GenerateDataKey",
            kms_request(addr, keys, "GenerateDataKey", &generate),
        ),
        ("Encrypt", kms_request(addr, keys, "Encrypt", &encrypt)),
        ("Decrypt", kms_request(addr, keys, "Decrypt", &decrypt)),
    ])
}

/// Runs the comparison and prints it.
pub(crate) fn run(binary: &std::path::Path, seconds: u64, rounds: usize) -> anyhow::Result<()> {
    let duration = Duration::from_secs(seconds);
    let neargate = Neargate::start(binary)?;
    let moto = Moto::start()?;
    let (key_id, secret) = neargate.admin_keys();
    let keys = (key_id.as_str(), secret.as_str());
    let ours = requests(neargate.addr(), keys)?;
    let theirs = requests(&moto.addr, keys)?;
    let load = |addr: &str, request: &[u8], concurrency| -> anyhow::Result<Summary> {
        Load {
            addr,
            request,
            concurrency,
            duration,
        }
        .run()
    };
    println!("KMS through Neargate (SigV4 verified, key policy evaluated, audited) vs moto_server");
    println!(
        "{:<8} {:<18} {:>14} {:>16} {:>8} {:>14}",
        "round", "operation", "moto req/s", "neargate req/s", "ratio", "p99 c=8 ms"
    );
    for ((name, our), (_, their)) in ours.iter().zip(&theirs) {
        let (mut ratios, mut p99s) = (Vec::new(), Vec::new());
        for round in 1..=rounds {
            let moto64 = load(&moto.addr, their, 64)?;
            let near64 = load(neargate.addr(), our, 64)?;
            let near8 = load(neargate.addr(), our, 8)?;
            let ratio = near64.rps / moto64.rps;
            println!(
                "{round:<8} {name:<18} {:>14.0} {:>16.0} {:>8.0} {:>14.3}",
                moto64.rps, near64.rps, ratio, near8.p99_ms
            );
            ratios.push(ratio);
            p99s.push(near8.p99_ms);
        }
        println!(
            "{name}: median ratio {:.0}x moto at c=64 (target >= 50x), median p99 at c=8 {:.3} ms (target < 2 ms)",
            median(&ratios),
            median(&p99s)
        );
    }
    Ok(())
}
