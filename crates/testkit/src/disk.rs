//! Looking at what reached the disk: whether known bytes occur in a file or a tree, and what a
//! host holds that tasks may leak (mounts, loop devices, cgroups, network interfaces).

use std::io::Read as _;
use std::path::Path;

/// `len` bytes that occur nowhere by chance: numbered 32-byte records under a marker.
pub fn pattern(len: usize) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(len + 32);
    let mut n = 0u64;
    while bytes.len() < len {
        bytes.extend_from_slice(format!("NEARGATE-PLAINTEXT-{n:012}\n").as_bytes());
        n += 1;
    }
    bytes.truncate(len);
    bytes
}

/// Whether `needle` occurs anywhere in the file at `path`. Only the file's data is read (holes
/// of sparse files are skipped: they read as zeros), in chunks that overlap by the needle's
/// length so that no occurrence falls between two.
pub fn file_contains(path: &Path, needle: &[u8]) -> std::io::Result<bool> {
    use std::io::{Seek as _, SeekFrom};
    let mut file = std::fs::File::open(path)?;
    let mut buffer = vec![0u8; (4 << 20) + needle.len()];
    let mut offset = 0u64;
    while let Some((start, end)) = data_extent(&file, offset)? {
        file.seek(SeekFrom::Start(start))?;
        let mut at = start;
        let mut kept = 0;
        while at < end {
            let want = usize::try_from(end - at)
                .unwrap_or(usize::MAX)
                .min(buffer.len() - kept);
            let read = file.read(&mut buffer[kept..kept + want])?;
            if read == 0 {
                break;
            }
            at += read as u64;
            let filled = kept + read;
            if find(&buffer[..filled], needle) {
                return Ok(true);
            }
            kept = needle.len().saturating_sub(1).min(filled);
            buffer.copy_within(filled - kept..filled, 0);
        }
        offset = end;
    }
    Ok(false)
}

/// The next range of `file` holding data at or after `offset` (`SEEK_DATA`, then `SEEK_HOLE`).
#[allow(unsafe_code)]
fn data_extent(file: &std::fs::File, offset: u64) -> std::io::Result<Option<(u64, u64)>> {
    use std::os::fd::AsRawFd as _;
    let fd = file.as_raw_fd();
    let Ok(offset) = libc::off_t::try_from(offset) else {
        return Ok(None);
    };
    // SAFETY: `lseek` on a file descriptor `file` keeps open; it only moves the file offset.
    let start = unsafe { libc::lseek(fd, offset, libc::SEEK_DATA) };
    if start < 0 {
        let error = std::io::Error::last_os_error();
        // ENXIO: no data after `offset`.
        return if error.raw_os_error() == Some(libc::ENXIO) {
            Ok(None)
        } else {
            Err(error)
        };
    }
    // SAFETY: as above.
    let end = unsafe { libc::lseek(fd, start, libc::SEEK_HOLE) };
    if end < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(Some((start.unsigned_abs(), end.unsigned_abs())))
}

/// Whether `needle` occurs in `haystack`, looking for its first byte before comparing.
fn find(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, _)) = needle.split_first() else {
        return true;
    };
    let mut at = 0;
    while let Some(offset) = haystack[at..].iter().position(|&b| b == first) {
        let start = at + offset;
        if haystack[start..].starts_with(needle) {
            return true;
        }
        at = start + 1;
    }
    false
}

/// Whether `needle` occurs in any regular file below `dir` on the same filesystem (as
/// `find -xdev`: what is mounted below, such as a task's decrypted volume, is not entered;
/// symbolic links are not followed).
pub fn tree_contains(dir: &Path, needle: &[u8]) -> std::io::Result<bool> {
    use std::os::unix::fs::MetadataExt as _;
    let device = std::fs::metadata(dir)?.dev();
    let mut stack = vec![dir.to_owned()];
    while let Some(path) = stack.pop() {
        let meta = std::fs::symlink_metadata(&path)?;
        if meta.dev() != device {
            continue;
        }
        if meta.is_dir() {
            for entry in std::fs::read_dir(&path)? {
                stack.push(entry?.path());
            }
        } else if meta.is_file() && file_contains(&path, needle)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// What the host holds that a task could leak, counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostResources {
    /// Mounts in this mount namespace, but for `/run/netns`.
    pub mounts: usize,
    /// Attached loop devices.
    pub loop_devices: usize,
    /// Cgroups under `neargate` in every hierarchy.
    pub cgroups: usize,
    /// Network interfaces, but for the tasks' bridge (`neargate0`).
    pub links: usize,
    /// Named network namespaces.
    pub netns: usize,
}

impl HostResources {
    /// Counts them now.
    pub fn count() -> Self {
        let entries = |path: &Path| std::fs::read_dir(path).map(|d| d.count()).unwrap_or(0);
        let loop_devices = std::fs::read_dir("/sys/block")
            .map(|d| {
                d.flatten()
                    .filter(|e| e.path().join("loop/backing_file").exists())
                    .count()
            })
            .unwrap_or(0);
        let cgroups = std::fs::read_dir("/sys/fs/cgroup")
            .map(|d| {
                d.flatten()
                    .map(|h| count_dirs(&h.path().join("neargate")))
                    .sum()
            })
            .unwrap_or(0);
        // What the first task on a host sets up once and leaves for the next (the tasks' bridge,
        // and the mount `ip netns` makes of its directory) is not a leak.
        let mounts = std::fs::read_to_string("/proc/self/mountinfo")
            .map(|t| {
                t.lines()
                    .filter(|line| line.split(' ').nth(4) != Some("/run/netns"))
                    .count()
            })
            .unwrap_or(0);
        let links = std::fs::read_dir("/sys/class/net")
            .map(|d| d.flatten().filter(|e| e.file_name() != "neargate0").count())
            .unwrap_or(0);
        Self {
            mounts,
            loop_devices,
            cgroups,
            links,
            netns: entries(Path::new("/run/netns")),
        }
    }
}

/// Directories below `dir`, not counting `dir`.
fn count_dirs(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .filter(|e| e.path().is_dir())
                .map(|e| 1 + count_dirs(&e.path()))
                .sum()
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_needle_across_chunk_boundaries_and_only_there() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let needle = pattern(64);
        let mut bytes = vec![b'N'; (4 << 20) - 10];
        std::fs::write(&path, &bytes).unwrap();
        assert!(!file_contains(&path, &needle).unwrap());
        bytes.extend_from_slice(&needle);
        bytes.extend_from_slice(&[0; 100]);
        std::fs::write(&path, &bytes).unwrap();
        assert!(file_contains(&path, &needle).unwrap());
        assert!(tree_contains(dir.path(), &needle).unwrap());
        // Past a hole of a sparse file.
        let sparse = std::fs::File::create(dir.path().join("sparse")).unwrap();
        sparse.set_len(1 << 30).unwrap();
        use std::os::unix::fs::FileExt as _;
        sparse.write_all_at(&needle, (1 << 30) - 4096).unwrap();
        assert!(file_contains(&dir.path().join("sparse"), &needle).unwrap());
    }
}
