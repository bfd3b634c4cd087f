//! Container logs: each line of a container's standard output and error, stamped with the time
//! it arrived and the stream it came on, appended to the container's log file; when the file
//! passes its size bound it becomes `<file>.1` (replacing the previous one) and a new file starts.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use neargate_common::SharedClock;

/// Bytes a container's log file may reach before it is rotated.
pub const DEFAULT_LIMIT: u64 = 10 << 20;

/// Where a task keeps its containers' logs: `DATA_DIR/tasks/<task>/logs`.
pub fn task_logs(data_dir: &Path, task: &str) -> PathBuf {
    data_dir.join("tasks").join(task).join("logs")
}

/// A container's log file, shared by the readers of its two streams.
#[derive(Debug, Clone)]
pub struct LogFile {
    inner: Arc<Mutex<Inner>>,
    clock: SharedClock,
}

#[derive(Debug)]
struct Inner {
    path: PathBuf,
    file: File,
    written: u64,
    limit: u64,
}

impl LogFile {
    /// Opens (appending to) the log file at `path`, rotated past `limit` bytes.
    pub fn open(path: &Path, limit: u64, clock: SharedClock) -> std::io::Result<Self> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        let written = file.metadata()?.len();
        Ok(Self {
            inner: Arc::new(Mutex::new(Inner {
                path: path.to_owned(),
                file,
                written,
                limit,
            })),
            clock,
        })
    }

    /// Appends one line that arrived on `stream`.
    pub fn line(&self, stream: &str, text: &str) -> std::io::Result<()> {
        let entry = format!(
            "{} {stream} {}\n",
            self.clock.now().to_iso8601(),
            text.trim_end_matches(['\r', '\n'])
        );
        let mut inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        if inner.written + entry.len() as u64 > inner.limit && inner.written > 0 {
            let rotated = inner.path.with_extension("log.1");
            std::fs::rename(&inner.path, rotated)?;
            inner.file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&inner.path)?;
            inner.written = 0;
        }
        inner.file.write_all(entry.as_bytes())?;
        inner.written += entry.len() as u64;
        Ok(())
    }

    /// Copies `reader` into the log line by line until it ends (the container closed the stream).
    pub fn follow(&self, reader: impl Read, stream: &str) {
        let mut lines = BufReader::new(reader);
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match lines.read_until(b'\n', &mut buf) {
                Ok(0) | Err(_) => return,
                Ok(_) => {
                    if self.line(stream, &String::from_utf8_lossy(&buf)).is_err() {
                        return;
                    }
                }
            }
        }
    }
}

/// The log of a container: the rotated part, then the current file.
pub fn read(path: &Path) -> std::io::Result<String> {
    let rotated = std::fs::read_to_string(path.with_extension("log.1")).unwrap_or_default();
    Ok(rotated + &std::fs::read_to_string(path)?)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use neargate_common::{ManualClock, Timestamp};

    use super::*;

    #[test]
    fn lines_are_stamped_and_the_file_rotates_at_its_bound() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("app.log");
        let clock = Arc::new(ManualClock::new(Timestamp::from_secs(1_800_000_000)));
        let log = LogFile::open(&path, 100, clock.clone()).unwrap();
        log.follow("first\nsecond\n".as_bytes(), "stdout");
        clock.advance(Duration::from_secs(1));
        log.line("stderr", "third").unwrap();
        let text = read(&path).unwrap();
        assert!(
            text.starts_with("2027-01-15T08:00:00Z stdout first\n"),
            "{text}"
        );
        assert!(
            text.ends_with("2027-01-15T08:00:01Z stderr third\n"),
            "{text}"
        );
        assert!(std::fs::metadata(&path).unwrap().len() <= 100);
        assert!(path.with_extension("log.1").exists());
        for _ in 0..50 {
            log.line("stdout", "more").unwrap();
        }
        assert!(std::fs::metadata(&path).unwrap().len() <= 100);
        assert!(
            std::fs::metadata(path.with_extension("log.1"))
                .unwrap()
                .len()
                <= 100
        );
    }
}
