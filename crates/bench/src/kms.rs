//! `neargate-bench kms`: KMS `GenerateDataKey`, `Encrypt` and `Decrypt` through Neargate (SigV4
//! verified, key policy evaluated, audited) against moto's server (which checks neither), with the
//! same load generator and the same signed requests, in one run.

use std::time::Duration;

use crate::json_api::{Api, Moto};
use crate::load::{Load, Summary};
use crate::median;
use crate::process::Neargate;

/// KMS's JSON API.
const KMS: Api = Api {
    service: "kms",
    target_prefix: "TrentService",
};

/// The three measured requests for one server.
fn requests(addr: &str, keys: (&str, &str)) -> anyhow::Result<Vec<(&'static str, Vec<u8>)>> {
    let created = KMS.call(addr, keys, "CreateKey", "{}")?;
    let key_id = created["KeyMetadata"]["KeyId"]
        .as_str()
        .ok_or_else(|| anyhow::anyhow!("no KeyId in {created}"))?
        .to_owned();
    let plaintext = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    let encrypt = format!(r#"{{"KeyId":"{key_id}","Plaintext":"{plaintext}"}}"#);
    let sealed = KMS.call(addr, keys, "Encrypt", &encrypt)?;
    let blob = sealed["CiphertextBlob"].as_str().unwrap_or_default();
    let decrypt = format!(r#"{{"CiphertextBlob":"{blob}"}}"#);
    let generate = format!(r#"{{"KeyId":"{key_id}","KeySpec":"AES_256"}}"#);
    Ok(vec![
        (
            "GenerateDataKey",
            KMS.request(addr, keys, "GenerateDataKey", &generate),
        ),
        ("Encrypt", KMS.request(addr, keys, "Encrypt", &encrypt)),
        ("Decrypt", KMS.request(addr, keys, "Decrypt", &decrypt)),
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
