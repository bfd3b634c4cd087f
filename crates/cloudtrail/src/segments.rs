//! Append-only segment files holding the text of CloudTrail records. The store keeps only each
//! record's [`Location`]; record bodies are written sequentially, one `fdatasync` per batch.
//! Segment numbers are never reused within a process, so a cached file handle always refers to
//! the file it was opened for.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use serde::{Deserialize, Serialize};

/// A segment is closed for appends past this size.
const MAX_SEGMENT: u64 = 64 << 20;

/// Where a record's text lives: segment number, byte offset, length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Location(pub(crate) u32, pub(crate) u64, pub(crate) u32);

fn segment_path(dir: &Path, number: u32) -> PathBuf {
    dir.join(format!("events-{number:08}.jsonl"))
}

/// The numbers of the segment files in `dir`, ascending.
pub(crate) fn segment_numbers(dir: &Path) -> std::io::Result<Vec<u32>> {
    let mut numbers: Vec<u32> = std::fs::read_dir(dir)?
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.strip_prefix("events-")?
                .strip_suffix(".jsonl")?
                .parse()
                .ok()
        })
        .collect();
    numbers.sort_unstable();
    Ok(numbers)
}

/// Appends records to the newest segment; owned by the writer thread.
#[derive(Debug)]
pub(crate) struct SegmentWriter {
    dir: PathBuf,
    number: u32,
    file: File,
    len: u64,
}

impl SegmentWriter {
    /// Opens the newest segment in `dir` for appending (creating `dir` and a first segment).
    pub(crate) fn open(dir: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        let number = segment_numbers(dir)?.last().copied().unwrap_or(1);
        Self::open_number(dir, number)
    }

    fn open_number(dir: &Path, number: u32) -> std::io::Result<Self> {
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(segment_path(dir, number))?;
        let len = file.metadata()?.len();
        Ok(Self {
            dir: dir.to_owned(),
            number,
            file,
            len,
        })
    }

    /// Appends each run (records as lines), makes them durable, and returns where each run
    /// landed (its lines without the final newline).
    pub(crate) fn append(&mut self, runs: &[Vec<&str>]) -> std::io::Result<Vec<Location>> {
        if self.len >= MAX_SEGMENT {
            self.rotate()?;
        }
        let mut buffer = Vec::new();
        let mut locations = Vec::with_capacity(runs.len());
        for run in runs {
            let start = buffer.len();
            for text in run {
                buffer.extend_from_slice(text.as_bytes());
                buffer.push(b'\n');
            }
            let len = u32::try_from(buffer.len() - start)
                .map_err(|_| std::io::Error::other("run too large"))?;
            locations.push(Location(
                self.number,
                self.len + start as u64,
                len.saturating_sub(1),
            ));
        }
        self.file.write_all(&buffer)?;
        self.file.sync_data()?;
        self.len += buffer.len() as u64;
        Ok(locations)
    }

    /// Closes the current segment and continues in a new one with the next number.
    pub(crate) fn rotate(&mut self) -> std::io::Result<()> {
        *self = Self::open_number(&self.dir, self.number + 1)?;
        Ok(())
    }

    /// Deletes every segment file and continues in a new one with a higher number.
    pub(crate) fn remove_all(&mut self) -> std::io::Result<()> {
        for number in segment_numbers(&self.dir)? {
            std::fs::remove_file(segment_path(&self.dir, number))?;
        }
        self.rotate()
    }

    /// Deletes segment `number` (never the current one).
    pub(crate) fn remove(&self, number: u32) -> std::io::Result<()> {
        if number == self.number {
            return Ok(());
        }
        match std::fs::remove_file(segment_path(&self.dir, number)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

/// Reads records by location; shared by lookups and the retention sweep.
#[derive(Debug)]
pub(crate) struct SegmentReader {
    dir: PathBuf,
    open: Mutex<HashMap<u32, Arc<File>>>,
}

impl SegmentReader {
    pub(crate) fn new(dir: &Path) -> Self {
        Self {
            dir: dir.to_owned(),
            open: Mutex::default(),
        }
    }

    /// The record text at `location`, or `None` if its segment is gone or the bytes are not text.
    pub(crate) fn read(&self, location: Location) -> Option<String> {
        let Location(number, offset, len) = location;
        let file = self.file(number)?;
        let mut bytes = vec![0u8; usize::try_from(len).ok()?];
        file.read_exact_at(&mut bytes, offset).ok()?;
        String::from_utf8(bytes).ok()
    }

    fn file(&self, number: u32) -> Option<Arc<File>> {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(file) = open.get(&number) {
            return Some(file.clone());
        }
        let file = Arc::new(File::open(segment_path(&self.dir, number)).ok()?);
        open.insert(number, file.clone());
        Some(file)
    }

    /// Closes the handle of segment `number` (after it is deleted).
    pub(crate) fn forget(&self, number: u32) {
        self.open
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&number);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_read_back_across_rotation_and_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let mut writer = SegmentWriter::open(dir.path()).unwrap();
        let first = writer
            .append(&[vec!["{\"a\":1}", "{\"b\":2}"], vec!["{\"x\":0}"]])
            .unwrap();
        writer.len = MAX_SEGMENT;
        let second = writer.append(&[vec!["{\"c\":3}"]]).unwrap();
        assert_eq!(second[0].0, first[0].0 + 1, "a full segment rotates");
        let reader = SegmentReader::new(dir.path());
        assert_eq!(
            reader.read(first[0]).as_deref(),
            Some("{\"a\":1}\n{\"b\":2}")
        );
        assert_eq!(reader.read(first[1]).as_deref(), Some("{\"x\":0}"));
        assert_eq!(reader.read(second[0]).as_deref(), Some("{\"c\":3}"));
        let mut reopened = SegmentWriter::open(dir.path()).unwrap();
        assert_eq!(
            reopened.number, second[0].0,
            "appends continue in the newest segment"
        );
        let third = reopened.append(&[vec!["{\"d\":4}"]]).unwrap();
        assert_eq!(reader.read(third[0]).as_deref(), Some("{\"d\":4}"));
        reopened.remove_all().unwrap();
        reader.forget(first[0].0);
        assert_eq!(reader.read(first[0]), None);
        assert_eq!(segment_numbers(dir.path()).unwrap(), vec![reopened.number]);
    }
}
