//! Encrypted ephemeral volumes: how long a fresh 20 GiB volume takes to make, and sequential
//! throughput in its encrypted directory against a plain directory of the same filesystem and
//! against gocryptfs (a FUSE filesystem with AES-256-GCM) on the same disk. Needs root.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use neargate_ephemeral::{DataKey, Volume};

use crate::median;

const GIB: u64 = 1 << 30;
const BLOCK: usize = 1 << 20;

/// Milliseconds in `d`.
fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn key() -> DataKey {
    DataKey::from_bytes(&[0x5a; 32]).expect("32 bytes")
}

/// Writes `size` bytes to `path` in 1 MiB blocks and syncs them; returns MiB/s.
fn write_speed(path: &Path, size: u64) -> anyhow::Result<f64> {
    let block = vec![0xa5u8; BLOCK];
    let begun = Instant::now();
    let mut file = std::fs::File::create(path)?;
    for _ in 0..size / BLOCK as u64 {
        file.write_all(&block)?;
    }
    file.sync_all()?;
    Ok(size as f64 / (1 << 20) as f64 / begun.elapsed().as_secs_f64())
}

/// Reads `path` from disk (caches dropped first); returns MiB/s.
fn read_speed(path: &Path) -> anyhow::Result<f64> {
    std::fs::write("/proc/sys/vm/drop_caches", "3").context("dropping caches (needs root)")?;
    let mut block = vec![0u8; BLOCK];
    let begun = Instant::now();
    let mut file = std::fs::File::open(path)?;
    let mut total = 0u64;
    loop {
        let n = file.read(&mut block)?;
        if n == 0 {
            break;
        }
        total += n as u64;
    }
    Ok(total as f64 / (1 << 20) as f64 / begun.elapsed().as_secs_f64())
}

/// A mounted gocryptfs directory, unmounted on drop.
struct Gocryptfs {
    plain: PathBuf,
}

impl Gocryptfs {
    fn mount(dir: &Path) -> anyhow::Result<Self> {
        let cipher = dir.join("gocryptfs-cipher");
        let plain = dir.join("gocryptfs-plain");
        std::fs::create_dir_all(&cipher)?;
        std::fs::create_dir_all(&plain)?;
        let pass = ["-extpass", "echo neargate-bench"];
        let status = Command::new("gocryptfs")
            .args(["-q", "-init", "-scryptn", "10"])
            .args(pass)
            .arg(&cipher)
            .status()
            .context("gocryptfs (apt-get install gocryptfs)")?;
        anyhow::ensure!(status.success(), "gocryptfs -init failed");
        let status = Command::new("gocryptfs")
            .arg("-q")
            .args(pass)
            .arg(&cipher)
            .arg(&plain)
            .status()?;
        anyhow::ensure!(status.success(), "mounting gocryptfs failed");
        Ok(Self { plain })
    }
}

impl Drop for Gocryptfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.plain).status();
    }
}

/// Runs the measurements and prints them.
pub(crate) fn run(dir: &Path, rounds: usize, size_gib: u64) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    let dir = tempfile::tempdir_in(dir)?;
    let volumes = dir.path().join("volumes");

    let mut creates = Vec::new();
    let mut destroys = Vec::new();
    for n in 0..50 {
        let begun = Instant::now();
        let volume = Volume::create(&volumes, &format!("launch-{n}"), 20 * GIB, &key())?;
        creates.push(ms(begun.elapsed()));
        let begun = Instant::now();
        volume.destroy()?;
        destroys.push(ms(begun.elapsed()));
    }
    let p99 = {
        let mut sorted = creates.clone();
        sorted.sort_by(f64::total_cmp);
        sorted[sorted.len() * 99 / 100]
    };
    println!(
        "fresh encrypted 20 GiB volume, 50 times: create median {:.1} ms, p99 {p99:.1} ms; \
         destroy median {:.1} ms",
        median(&creates),
        median(&destroys)
    );

    let size = size_gib * GIB;
    let volume = Volume::create(&volumes, "throughput", size * 3, &key())?;
    let plain_dir = volume
        .path()
        .parent()
        .map(Path::to_owned)
        .unwrap_or_default();
    let gocryptfs = Gocryptfs::mount(dir.path())?;
    let targets = [
        ("fscrypt (encrypted dir)", volume.path().join("f")),
        ("same ext4, plain dir", plain_dir.join("f")),
        ("gocryptfs, same disk", gocryptfs.plain.join("f")),
    ];
    println!(
        "sequential {size_gib} GiB, 1 MiB blocks, fsync at the end, caches dropped before reads"
    );
    println!(
        "{:<8} {:<26} {:>12} {:>12}",
        "round", "where", "write MiB/s", "read MiB/s"
    );
    let mut speeds = vec![(Vec::new(), Vec::new()); targets.len()];
    for round in 1..=rounds {
        for ((name, path), (writes, reads)) in targets.iter().zip(&mut speeds) {
            let write = write_speed(path, size)?;
            let read = read_speed(path)?;
            std::fs::remove_file(path)?;
            println!("{round:<8} {name:<26} {write:>12.0} {read:>12.0}");
            writes.push(write);
            reads.push(read);
        }
    }
    let medians: Vec<(f64, f64)> = speeds.iter().map(|(w, r)| (median(w), median(r))).collect();
    let (encrypted, plain, fuse) = (medians[0], medians[1], medians[2]);
    println!();
    println!(
        "medians of {rounds}: encrypted/plain write {:.2}, read {:.2} (target >= 0.8); \
         encrypted/gocryptfs write {:.2}, read {:.2} (target > 1)",
        encrypted.0 / plain.0,
        encrypted.1 / plain.1,
        encrypted.0 / fuse.0,
        encrypted.1 / fuse.1
    );
    drop(gocryptfs);
    volume.destroy()?;
    Ok(())
}
