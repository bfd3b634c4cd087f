//! The write-ahead log in front of redb. Every write transaction appends what it changed (each
//! key's new value, or its removal) to the log, in commit order; a durable write then waits for
//! an `fdatasync` of the log covering its record, shared with every writer that arrived
//! meanwhile. The changes are applied to redb later, off the request path, by a checkpoint that
//! makes redb's state durable, records the last sequence number it holds, and starts the log
//! over. At open, the records after the checkpoint are applied again.
//!
//! The log is two files that take turns: `<name>` and `<name>.1`. A checkpoint switches the
//! writers to the other file (a switch record at the end of the current one names it and its
//! generation) before it applies the changes to redb, so writers go on logging while redb
//! commits; once the checkpoint is durable, the file it leaves behind is free to be written over
//! at the next switch. Each file is written with zeros to [`INITIAL_SIZE`] bytes when it is made,
//! and later, while it is free, to [`PREALLOCATED`] bytes (off the request path, so a new store
//! starts fast), and then overwritten in place, from the start again after each switch, so an
//! `fdatasync` writes the records alone: the file's size (and with it its inode) does not change
//! with every append.
//! Each run of records in one file is a generation with its own random salt, kept with the
//! checkpoint (or the switch record) and mixed into every record's checksum, so that the records
//! an earlier generation left further along the file never pass for current ones.
//!
//! A record is `[length u32][crc32 u32][sequence u64][body]`, little-endian, the checksum taken
//! over the salt and the sequence number and body. A body is a list of operations, each `[kind
//! u8][table length u16][table][key length u32][key]` and, for a put, `[value length u32][value]`;
//! or a switch, `[3][file u8][salt u64]`. Replay stops at the first record that is cut short,
//! fails its checksum or does not follow its predecessor's sequence number (a write that never
//! reached the disk was never acknowledged as durable), and after a switch goes on in the file it
//! names.

use std::fs::File;
use std::io::Read as _;
use std::os::unix::fs::FileExt as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, MutexGuard};

use crate::syncer::{DurableWait, Files, Syncer};
use crate::threads::lock;
use crate::{Result, StoreError};

/// One change a transaction made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Op {
    /// `key` of `table` set to `value` (shared with the layer that holds it in memory).
    Put {
        table: String,
        key: Vec<u8>,
        value: Arc<[u8]>,
    },
    /// `key` of `table` removed.
    Delete { table: String, key: Vec<u8> },
}

const PUT: u8 = 1;
const DELETE: u8 = 2;
const SWITCH: u8 = 3;

/// Each log file's size, written with zeros while the file is free: more than a checkpoint
/// usually lets one file hold, so appends overwrite blocks that are already allocated.
pub(crate) const PREALLOCATED: u64 = 16 << 20;

/// Each log file's size when it is made.
pub(crate) const INITIAL_SIZE: u64 = 4 << 20;

fn io_err(e: std::io::Error) -> StoreError {
    StoreError::Engine(format!("write-ahead log: {e}"))
}

/// Where the log starts: the last sequence number a checkpoint made durable, and the file and
/// salt of the generation written since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Checkpoint {
    /// The last sequence number redb holds durably.
    pub(crate) sequence: u64,
    /// The salt of the records after it; 0 for a log written before generations were salted.
    pub(crate) salt: u64,
    /// Which of the two files holds them (0 or 1).
    pub(crate) file: u8,
}

impl Checkpoint {
    /// A checkpoint at `sequence` opening a new generation in `file` with a fresh random salt.
    pub(crate) fn fresh(sequence: u64, file: u8) -> Result<Self> {
        let mut bytes = [0; 8];
        getrandom::fill(&mut bytes)
            .map_err(|e| StoreError::Engine(format!("write-ahead log salt: {e}")))?;
        Ok(Self {
            sequence,
            salt: u64::from_le_bytes(bytes) | 1,
            file,
        })
    }

    /// The stored form: sequence number, salt, file.
    pub(crate) fn to_bytes(self) -> [u8; 24] {
        let mut out = [0; 24];
        out[..8].copy_from_slice(&self.sequence.to_le_bytes());
        out[8..16].copy_from_slice(&self.salt.to_le_bytes());
        out[16..].copy_from_slice(&u64::from(self.file).to_le_bytes());
        out
    }

    /// Reads the stored form (an older one is the sequence number alone, or it and the salt,
    /// both in the first file).
    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let word = |at: usize| Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?));
        let (salt, file) = match bytes.len() {
            8 => (0, 0),
            16 => (word(8)?, 0),
            24 => (word(8)?, u8::try_from(word(16)?).ok().filter(|f| *f < 2)?),
            _ => return None,
        };
        Some(Self {
            sequence: word(0)?,
            salt,
            file,
        })
    }
}

/// The checksum of a record body in the generation salted with `salt`.
fn checksum(salt: u64, body: &[u8]) -> u32 {
    if salt == 0 {
        return crc32fast::hash(body);
    }
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(&salt.to_le_bytes());
    hasher.update(body);
    hasher.finalize()
}

/// Frames a record body (which starts with its sequence number).
fn frame(salt: u64, body: &[u8]) -> Vec<u8> {
    let mut record = Vec::with_capacity(body.len() + 8);
    record.extend_from_slice(&u32::try_from(body.len()).unwrap_or(u32::MAX).to_le_bytes());
    record.extend_from_slice(&checksum(salt, body).to_le_bytes());
    record.extend_from_slice(body);
    record
}

/// The bytes of one record of changes.
pub(crate) fn encode(salt: u64, sequence: u64, ops: &[Op]) -> Vec<u8> {
    let mut body = sequence.to_le_bytes().to_vec();
    let field = |body: &mut Vec<u8>, bytes: &[u8]| {
        body.extend_from_slice(&u32::try_from(bytes.len()).unwrap_or(u32::MAX).to_le_bytes());
        body.extend_from_slice(bytes);
    };
    for op in ops {
        let (kind, table, key) = match op {
            Op::Put { table, key, .. } => (PUT, table, key),
            Op::Delete { table, key } => (DELETE, table, key),
        };
        body.push(kind);
        body.extend_from_slice(&u16::try_from(table.len()).unwrap_or(u16::MAX).to_le_bytes());
        body.extend_from_slice(table.as_bytes());
        field(&mut body, key);
        if let Op::Put { value, .. } = op {
            field(&mut body, value);
        }
    }
    frame(salt, &body)
}

/// The bytes of a switch record: the log goes on in generation `next`.
fn encode_switch(salt: u64, sequence: u64, next: Checkpoint) -> Vec<u8> {
    let mut body = sequence.to_le_bytes().to_vec();
    body.push(SWITCH);
    body.push(next.file);
    body.extend_from_slice(&next.salt.to_le_bytes());
    frame(salt, &body)
}

/// Reads little-endian fields off a byte slice.
struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn field(&mut self) -> Option<&'a [u8]> {
        let n = usize::try_from(self.u32()?).ok()?;
        self.take(n)
    }
}

/// What a record body (after its sequence number) holds.
enum Body {
    Ops(Vec<Op>),
    Switch { file: u8, salt: u64 },
}

fn decode_body(mut cursor: Cursor<'_>) -> Option<Body> {
    if cursor.0.first() == Some(&SWITCH) {
        cursor.take(1)?;
        let file = cursor.take(1)?[0];
        let salt = cursor.u64()?;
        return (cursor.0.is_empty() && file < 2).then_some(Body::Switch { file, salt });
    }
    let mut ops = Vec::new();
    while !cursor.0.is_empty() {
        let kind = cursor.take(1)?[0];
        let table_len = usize::from(u16::from_le_bytes(cursor.take(2)?.try_into().ok()?));
        let table = String::from_utf8(cursor.take(table_len)?.to_vec()).ok()?;
        let key = cursor.field()?.to_vec();
        ops.push(match kind {
            PUT => Op::Put {
                table,
                key,
                value: cursor.field()?.into(),
            },
            DELETE => Op::Delete { table, key },
            _ => return None,
        });
    }
    Some(Body::Ops(ops))
}

/// A logged transaction: its sequence number and changes.
pub(crate) type Record = (u64, Vec<Op>);

/// What one file of the log holds for one generation.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Decoded {
    /// The whole records, each following the one before.
    pub(crate) records: Vec<Record>,
    /// The bytes they take.
    pub(crate) end: u64,
    /// Where the log goes on, if the generation ended with a switch: the generation after it,
    /// whose first record follows the switch's sequence number.
    pub(crate) next: Option<Checkpoint>,
}

/// The whole records of the generation salted with `salt` at the start of `bytes`, the first
/// of them numbered `first` if given.
pub(crate) fn decode(salt: u64, bytes: &[u8], first: Option<u64>) -> Decoded {
    let mut decoded = Decoded {
        records: Vec::new(),
        end: 0,
        next: None,
    };
    let mut expected = first;
    let mut cursor = Cursor(bytes);
    while let Some(len) = cursor.u32() {
        let Some(crc) = cursor.u32() else { break };
        let Some(body) = usize::try_from(len).ok().and_then(|n| cursor.take(n)) else {
            break;
        };
        if body.len() < 8 || checksum(salt, body) != crc {
            break;
        }
        let mut body = Cursor(body);
        let Some(sequence) = body.u64() else { break };
        if expected.is_some_and(|e| e != sequence) {
            break;
        }
        let Some(content) = decode_body(body) else {
            break;
        };
        decoded.end = (bytes.len() - cursor.0.len()) as u64;
        expected = Some(sequence + 1);
        match content {
            Body::Ops(ops) => decoded.records.push((sequence, ops)),
            Body::Switch { file, salt } => {
                decoded.next = Some(Checkpoint {
                    sequence,
                    salt,
                    file,
                });
                break;
            }
        }
    }
    decoded
}

/// The append side of the log.
pub(crate) struct Appender {
    /// Both files, by number.
    files: [File; 2],
    /// The file being written.
    file: u8,
    /// The sequence number of the last record appended.
    pub(crate) sequence: u64,
    /// The salt of the generation being written.
    salt: u64,
    /// Where the next record goes: the bytes of this generation.
    len: u64,
}

impl Appender {
    /// Appends a record of `ops`; the log's total length (over its whole life) after it.
    pub(crate) fn append(&mut self, wal: &Wal, ops: &[Op]) -> Result<u64> {
        let record = encode(self.salt, self.sequence + 1, ops);
        self.write(wal, &record)
    }

    fn write(&mut self, wal: &Wal, record: &[u8]) -> Result<u64> {
        // A record cut short ends replay where it stands, and the next one overwrites it.
        self.files[usize::from(self.file)]
            .write_all_at(record, self.len)
            .map_err(io_err)?;
        self.sequence += 1;
        self.len += record.len() as u64;
        Ok(wal
            .syncer
            .appended
            .fetch_add(record.len() as u64, Ordering::SeqCst)
            + record.len() as u64)
    }

    /// Bytes of the current generation.
    pub(crate) fn len(&self) -> u64 {
        self.len
    }

    /// Ends this generation with a switch record and goes on in a new one in the other file;
    /// the checkpoint that, once durable, makes the file left behind free again. The next
    /// `fdatasync` covers the switch record before any record after it.
    pub(crate) fn switch(&mut self, wal: &Wal) -> Result<Checkpoint> {
        let next = Checkpoint::fresh(self.sequence + 1, 1 - self.file)?;
        let record = encode_switch(self.salt, next.sequence, next);
        self.write(wal, &record)?;
        let mut files = lock(&wal.syncer.files);
        files.unsynced_previous = Some(self.file);
        files.current = next.file;
        drop(files);
        self.file = next.file;
        self.salt = next.salt;
        self.len = 0;
        Ok(next)
    }

    /// Starts generation `checkpoint` at the start of its file: everything logged so far is in
    /// the durable checkpoint that recorded it.
    pub(crate) fn restart(&mut self, wal: &Wal, checkpoint: Checkpoint) {
        self.file = checkpoint.file;
        self.salt = checkpoint.salt;
        self.len = 0;
        *lock(&wal.syncer.files) = Files {
            current: checkpoint.file,
            unsynced_previous: None,
        };
        wal.syncer
            .mark_synced(wal.syncer.appended.load(Ordering::SeqCst));
    }
}

/// The log files and the thread that makes them durable.
pub(crate) struct Wal {
    /// Taken by the one writer at a time, so records are in commit order.
    appender: Mutex<Appender>,
    syncer: Arc<Syncer>,
    sync_thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Wal {
    fn drop(&mut self) {
        self.syncer.stop();
        if let Some(thread) = self.sync_thread.take() {
            let _ = thread.join();
        }
    }
}

/// The second file of the log at `path`.
fn second_file(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".1");
    PathBuf::from(name)
}

/// Writes zeros to `file` (of `size` bytes) up to `target` bytes and syncs it: not a hole, so
/// appends then allocate nothing.
fn fill_with_zeros(file: &File, size: u64, target: u64) -> std::io::Result<()> {
    const CHUNK: usize = 1 << 20;
    let zeros = vec![0; CHUNK];
    let mut at = size;
    while at < target {
        let n = usize::try_from(target - at).map_or(CHUNK, |left| left.min(CHUNK));
        file.write_all_at(&zeros[..n], at)?;
        at += n as u64;
    }
    if size < target {
        file.sync_all()?;
    }
    Ok(())
}

/// Opens a log file, made or grown to [`INITIAL_SIZE`] bytes; and what it held.
fn open_file(path: &Path) -> Result<(File, Vec<u8>)> {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(path)
        .map_err(io_err)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(io_err)?;
    fill_with_zeros(&file, bytes.len() as u64, INITIAL_SIZE).map_err(io_err)?;
    Ok((file, bytes))
}

impl Wal {
    /// Opens the log whose first file is `path`, and its records after `checkpoint`, for
    /// replay. Nothing may be appended before [`Appender::restart`] starts a generation.
    pub(crate) fn open(path: &Path, checkpoint: Checkpoint) -> Result<(Self, Vec<Record>)> {
        let (first, first_bytes) = open_file(path)?;
        let (second, second_bytes) = open_file(&second_file(path))?;
        let contents = [first_bytes, second_bytes];
        let mut records = Vec::new();
        let mut sequence = checkpoint.sequence;
        let mut generation = checkpoint;
        let mut first_expected = None;
        // A checkpoint is durable before the generation it names can switch again, so the log
        // goes on at most once into the other file.
        for _ in 0..2 {
            let decoded = decode(
                generation.salt,
                &contents[usize::from(generation.file)],
                first_expected,
            );
            if let Some((last, _)) = decoded.records.last() {
                sequence = sequence.max(*last);
            }
            records.extend(
                decoded
                    .records
                    .into_iter()
                    .filter(|(s, _)| *s > checkpoint.sequence),
            );
            let Some(next) = decoded.next else { break };
            sequence = sequence.max(next.sequence);
            first_expected = Some(next.sequence + 1);
            generation = next;
        }
        let appender = Appender {
            files: [
                first.try_clone().map_err(io_err)?,
                second.try_clone().map_err(io_err)?,
            ],
            file: 0,
            sequence,
            salt: 0,
            len: 0,
        };
        let (syncer, sync_thread) = Syncer::start([first, second], 0)?;
        let wal = Self {
            appender: Mutex::new(appender),
            syncer,
            sync_thread: Some(sync_thread),
        };
        Ok((wal, records))
    }

    /// The append lock.
    pub(crate) fn appender(&self) -> MutexGuard<'_, Appender> {
        lock(&self.appender)
    }

    /// Grows the file the writers are not using to [`PREALLOCATED`] bytes. Only while no
    /// switch can happen, and once a durable checkpoint holds what that file logged.
    pub(crate) fn grow_free_file(&self) -> Result<()> {
        let file = {
            let appender = self.appender();
            appender.files[usize::from(1 - appender.file)]
                .try_clone()
                .map_err(io_err)?
        };
        let size = file.metadata().map_err(io_err)?.len();
        fill_with_zeros(&file, size, PREALLOCATED).map_err(io_err)
    }

    /// A wait for the log to be on disk up to `end` (a total length [`Appender::append`]
    /// gave): answered by the first `fdatasync` that starts after that record was appended.
    pub(crate) fn durable(&self, end: u64) -> DurableWait {
        self.syncer.durable(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops() -> Vec<Op> {
        vec![
            Op::Put {
                table: "t".into(),
                key: b"k1".to_vec(),
                value: b"v1"[..].into(),
            },
            Op::Delete {
                table: "other".into(),
                key: b"k2".to_vec(),
            },
            Op::Put {
                table: "t".into(),
                key: Vec::new(),
                value: Arc::from([]),
            },
        ]
    }

    const SALT: u64 = 0x5eed;

    fn sequences(salt: u64, bytes: &[u8]) -> Vec<u64> {
        decode(salt, bytes, None)
            .records
            .iter()
            .map(|r| r.0)
            .collect()
    }

    fn at(sequence: u64, salt: u64, file: u8) -> Checkpoint {
        Checkpoint {
            sequence,
            salt,
            file,
        }
    }

    #[test]
    fn records_round_trip_and_a_torn_tail_is_dropped() {
        let mut bytes = encode(SALT, 7, &ops());
        let first = bytes.len() as u64;
        bytes.extend(encode(SALT, 8, &ops()[..1]));
        let whole = bytes.len();
        assert_eq!(
            decode(SALT, &bytes, None),
            Decoded {
                records: vec![(7, ops()), (8, ops()[..1].to_vec())],
                end: whole as u64,
                next: None
            }
        );
        // Cut the second record short: only the first remains.
        assert_eq!(
            decode(SALT, &bytes[..whole - 1], None),
            Decoded {
                records: vec![(7, ops())],
                end: first,
                next: None
            }
        );
        // Zeros after the records (the preallocated rest of the file) end them.
        let mut padded = bytes.clone();
        padded.extend([0; 64]);
        assert_eq!(sequences(SALT, &padded), [7, 8]);
        // A flipped bit fails the checksum.
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        assert_eq!(sequences(SALT, &bytes), [7]);
        assert!(decode(SALT, &[], None).records.is_empty());
        assert!(decode(SALT, &[1, 2, 3], None).records.is_empty());
    }

    #[test]
    fn records_of_another_generation_or_out_of_sequence_end_the_log() {
        let bytes = encode(SALT, 1, &ops());
        assert!(sequences(SALT + 1, &bytes).is_empty(), "another salt");
        assert!(sequences(0, &bytes).is_empty(), "unsalted");
        let unsalted = encode(0, 1, &ops());
        assert_eq!(sequences(0, &unsalted), [1], "a log from before salts");
        // A new generation written over the start of an older one: the older records that
        // follow do not count, even when their sequence numbers would.
        let mut bytes = encode(SALT, 5, &ops());
        bytes.extend(encode(SALT + 1, 6, &ops()));
        assert_eq!(sequences(SALT, &bytes), [5]);
        let mut bytes = encode(SALT, 5, &ops());
        bytes.extend(encode(SALT, 9, &ops()));
        assert_eq!(sequences(SALT, &bytes), [5], "a gap in the sequence");
        assert!(
            decode(SALT, &encode(SALT, 5, &ops()), Some(4))
                .records
                .is_empty(),
            "not the record a switch promised"
        );
    }

    #[test]
    fn a_switch_record_ends_its_generation_and_names_the_next() {
        let next = at(6, 0xabc, 1);
        let mut bytes = encode(SALT, 5, &ops());
        bytes.extend(encode_switch(SALT, 6, next));
        let end = bytes.len() as u64;
        bytes.extend(encode(SALT, 7, &ops()));
        let decoded = decode(SALT, &bytes, None);
        assert_eq!(decoded.records, vec![(5, ops())]);
        assert_eq!((decoded.end, decoded.next), (end, Some(next)));
    }

    /// The two files of a log at `path`, holding `first` and `second`.
    fn write_files(path: &Path, first: &[u8], second: &[u8]) {
        std::fs::write(path, first).unwrap();
        std::fs::write(second_file(path), second).unwrap();
    }

    #[test]
    fn replay_skips_what_the_checkpoint_holds_and_follows_a_switch() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log");
        let mut first = encode(SALT, 1, &ops());
        first.extend(encode(SALT, 2, &ops()));
        first.extend(encode(SALT, 3, &ops()));
        let next = at(4, 0xfeed, 1);
        first.extend(encode_switch(SALT, 4, next));
        let mut second = encode(next.salt, 5, &ops());
        second.extend(encode(next.salt, 6, &ops()[..1]));
        write_files(&path, &first, &second);
        let replayed = |checkpoint| {
            let (wal, records) = Wal::open(&path, checkpoint).unwrap();
            let sequences: Vec<u64> = records.iter().map(|r| r.0).collect();
            (sequences, wal.appender().sequence)
        };
        assert_eq!(replayed(at(2, SALT, 0)), (vec![3, 5, 6], 6));
        assert_eq!(replayed(at(4, next.salt, 1)), (vec![5, 6], 6));
        assert_eq!(replayed(at(9, next.salt, 1)), (vec![], 9));
        assert_eq!(
            replayed(at(3, 0x1234, 0)),
            (vec![], 3),
            "another generation"
        );
        for file in [path.clone(), second_file(&path)] {
            assert_eq!(std::fs::metadata(file).unwrap().len(), INITIAL_SIZE);
        }
        // The second file's records must follow the switch.
        let stale = encode(next.salt, 8, &ops());
        write_files(&path, &first, &stale);
        assert_eq!(replayed(at(0, SALT, 0)), (vec![1, 2, 3], 4));
    }

    #[test]
    fn appends_switch_files_and_overwrite_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log");
        let (wal, _) = Wal::open(&path, at(0, 0, 0)).unwrap();
        let start = Checkpoint::fresh(0, 0).unwrap();
        wal.appender().restart(&wal, start);
        let one = wal.appender().append(&wal, &ops()).unwrap();
        let next = wal.appender().switch(&wal).unwrap();
        assert_eq!((next.sequence, next.file), (2, 1));
        let three = wal.appender().append(&wal, &ops()[..1]).unwrap();
        assert!(three > one);
        wal.durable(three).wait().unwrap();
        // The file left behind grows while it is free; what it holds stays.
        wal.grow_free_file().unwrap();
        let size = |file: &Path| std::fs::metadata(file).unwrap().len();
        assert_eq!(size(&path), PREALLOCATED);
        assert_eq!(size(&second_file(&path)), INITIAL_SIZE);
        drop(wal);
        let (_, records) = Wal::open(&path, start).unwrap();
        assert_eq!(records, vec![(1, ops()), (3, ops()[..1].to_vec())]);
        let (_, records) = Wal::open(&path, next).unwrap();
        assert_eq!(records, vec![(3, ops()[..1].to_vec())]);
    }

    #[test]
    fn checkpoints_round_trip_and_read_the_older_forms() {
        let fresh = Checkpoint::fresh(42, 1).unwrap();
        assert_ne!(fresh.salt, 0);
        assert_ne!(fresh.salt, Checkpoint::fresh(42, 1).unwrap().salt);
        assert_eq!(Checkpoint::from_bytes(&fresh.to_bytes()), Some(fresh));
        assert_eq!(
            Checkpoint::from_bytes(&42u64.to_le_bytes()),
            Some(at(42, 0, 0))
        );
        let mut salted = 42u64.to_le_bytes().to_vec();
        salted.extend(7u64.to_le_bytes());
        assert_eq!(Checkpoint::from_bytes(&salted), Some(at(42, 7, 0)));
        salted.extend(2u64.to_le_bytes());
        assert_eq!(Checkpoint::from_bytes(&salted), None, "no third file");
        assert_eq!(Checkpoint::from_bytes(&[1, 2, 3]), None);
    }
}
