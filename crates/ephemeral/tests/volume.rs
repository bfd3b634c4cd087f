//! Volumes on the real kernel: ext4 on a loop device under fscrypt. Needs root.

use std::io::Write as _;
use std::path::Path;

use neargate_ephemeral::{DataKey, Volume, sweep};
use neargate_testkit::disk::{HostResources, file_contains, pattern};

const MIB: usize = 1 << 20;

/// One test at a time: they count the host's mounts and loop devices.
static HOST: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    HOST.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn key(byte: u8) -> DataKey {
    DataKey::from_bytes(&[byte; 32]).unwrap()
}

/// Writes `bytes` to `path` and pushes them through to the backing file.
fn write_synced(path: &Path, bytes: &[u8]) {
    let mut file = std::fs::File::create(path).unwrap();
    file.write_all(bytes).unwrap();
    file.sync_all().unwrap();
}

#[test]
fn what_a_task_writes_is_ciphertext_on_disk_and_gone_after_destroy() {
    let _host = serial();
    let dir = tempfile::tempdir().unwrap();
    let before = HostResources::count();
    let volume = Volume::create(dir.path(), "task-1", 64 << 20, &key(1)).unwrap();
    let secret = pattern(MIB);
    let name = "NEARGATE-SECRET-FILE-NAME-0001";
    write_synced(&volume.path().join(name), &secret);
    assert_eq!(std::fs::read(volume.path().join(name)).unwrap(), secret);

    // Neither the contents nor the file's name reach the backing file in the clear.
    let backing = volume.backing_file().to_owned();
    assert!(!file_contains(&backing, &secret[..64]).unwrap());
    assert!(!file_contains(&backing, name.as_bytes()).unwrap());
    // The same bytes outside the encrypted directory are found: the search works.
    let outside = volume.path().parent().unwrap().join("plain");
    write_synced(&outside, &secret);
    assert!(file_contains(&backing, &secret[..64]).unwrap());
    std::fs::remove_file(&outside).unwrap();

    // Sparse: only what was written takes space on the host.
    use std::os::unix::fs::MetadataExt as _;
    assert!(std::fs::metadata(&backing).unwrap().blocks() * 512 < 16 << 20);

    volume.destroy().unwrap();
    assert!(!backing.exists());
    assert!(!dir.path().join("task-1").exists());
    assert_eq!(HostResources::count(), before);
}

#[test]
fn a_full_volume_gives_enospc_to_its_writer_only() {
    let _host = serial();
    let dir = tempfile::tempdir().unwrap();
    let volume = Volume::create(dir.path(), "task-full", 32 << 20, &key(2)).unwrap();
    let mut file = std::fs::File::create(volume.path().join("fill")).unwrap();
    let chunk = vec![7u8; MIB];
    let error = (0..64)
        .find_map(|_| file.write_all(&chunk).and_then(|()| file.sync_data()).err())
        .expect("a 32 MiB volume fills up");
    assert_eq!(error.kind(), std::io::ErrorKind::StorageFull, "{error}");
    drop(file);
    let host_bytes = std::fs::metadata(volume.backing_file()).unwrap().len();
    assert_eq!(host_bytes, 32 << 20);
    volume.destroy().unwrap();
}

#[test]
fn volumes_under_different_keys_are_independent() {
    let _host = serial();
    let dir = tempfile::tempdir().unwrap();
    let a = Volume::create(dir.path(), "a", 32 << 20, &key(3)).unwrap();
    let b = Volume::create(dir.path(), "b", 32 << 20, &key(4)).unwrap();
    std::fs::write(a.path().join("f"), b"in a").unwrap();
    std::fs::write(b.path().join("f"), b"in b").unwrap();
    assert_eq!(std::fs::read(a.path().join("f")).unwrap(), b"in a");
    a.destroy().unwrap();
    assert_eq!(std::fs::read(b.path().join("f")).unwrap(), b"in b");
    b.destroy().unwrap();
}

#[test]
fn volumes_left_by_a_crashed_agent_are_swept_without_leaks() {
    let _host = serial();
    let dir = tempfile::tempdir().unwrap();
    let before = HostResources::count();
    for id in ["crashed-1", "crashed-2"] {
        let volume = Volume::create(dir.path(), id, 32 << 20, &key(5)).unwrap();
        std::fs::write(volume.path().join("f"), b"left behind").unwrap();
        // The agent dies without taking it down.
        std::mem::forget(volume);
    }
    assert_ne!(HostResources::count(), before);
    let mut swept = sweep(dir.path()).unwrap();
    swept.sort();
    assert_eq!(swept, ["crashed-1", "crashed-2"]);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    assert_eq!(HostResources::count(), before);
}

#[test]
fn bad_ids_and_failed_steps_leave_nothing_behind() {
    let _host = serial();
    let dir = tempfile::tempdir().unwrap();
    assert!(Volume::create(dir.path(), "../escape", 32 << 20, &key(6)).is_err());
    let before = HostResources::count();
    // Too small for ext4: mkfs fails, and the backing file is removed.
    let error = Volume::create(dir.path(), "tiny", 4096, &key(6)).unwrap_err();
    assert!(error.to_string().contains("mkfs.ext4"), "{error}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    assert_eq!(HostResources::count(), before);
}
