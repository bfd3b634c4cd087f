//! The write-ahead log in front of redb. Every write transaction commits to redb without waiting
//! for the disk and appends what it changed (each key's new value, or its removal) to the log,
//! in commit order; a durable write then waits for an `fdatasync` of the log covering its record,
//! shared with every writer that arrived meanwhile, and none of this holds redb's write lock.
//! From time to time a checkpoint makes redb's state durable, records the last sequence number
//! it holds, and starts the log over. At open, the records after the checkpoint are applied again.
//!
//! The file is written once with zeros to [`PREALLOCATED`] bytes and then overwritten in place,
//! from the start again after each checkpoint, so an `fdatasync` writes the records alone: the
//! file's size (and with it its inode) does not change with every append. Each run of the log
//! between two checkpoints is a generation with its own random salt, kept with the checkpoint and
//! mixed into every record's checksum, so that the records an earlier generation left further
//! along the file never pass for current ones.
//!
//! A record is `[length u32][crc32 u32][sequence u64][operations]`, little-endian, the checksum
//! taken over the salt and the body; an operation is `[kind u8][table length u16][table][key
//! length u32][key]` and, for a put, `[value length u32][value]`. Replay stops at the first record
//! that is cut short, fails its checksum or does not follow its predecessor's sequence number: a
//! write that never reached the disk was never acknowledged as durable.

use std::fs::File;
use std::io::{Read as _, Write as _};
use std::os::unix::fs::FileExt as _;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::{Result, StoreError};

/// One change a transaction made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Op {
    /// `key` of `table` set to `value`.
    Put {
        table: String,
        key: Vec<u8>,
        value: Vec<u8>,
    },
    /// `key` of `table` removed.
    Delete { table: String, key: Vec<u8> },
}

const PUT: u8 = 1;
const DELETE: u8 = 2;

/// The log file's size, written with zeros when the file is made: more than a checkpoint lets the
/// log hold, so appends overwrite blocks that are already allocated.
pub(crate) const PREALLOCATED: u64 = 4 << 20;

fn io_err(e: std::io::Error) -> StoreError {
    StoreError::Engine(format!("write-ahead log: {e}"))
}

/// Where the log starts: the last sequence number a checkpoint made durable, and the salt of the
/// generation written since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Checkpoint {
    /// The last sequence number redb holds durably.
    pub(crate) sequence: u64,
    /// The salt of the records after it; 0 for a log written before generations were salted.
    pub(crate) salt: u64,
}

impl Checkpoint {
    /// A checkpoint at `sequence` opening a new generation with a fresh random salt.
    pub(crate) fn fresh(sequence: u64) -> Result<Self> {
        let mut bytes = [0; 8];
        getrandom::fill(&mut bytes)
            .map_err(|e| StoreError::Engine(format!("write-ahead log salt: {e}")))?;
        Ok(Self {
            sequence,
            salt: u64::from_le_bytes(bytes) | 1,
        })
    }

    /// The stored form: sequence number then salt.
    pub(crate) fn to_bytes(self) -> [u8; 16] {
        let mut out = [0; 16];
        out[..8].copy_from_slice(&self.sequence.to_le_bytes());
        out[8..].copy_from_slice(&self.salt.to_le_bytes());
        out
    }

    /// Reads the stored form (an unsalted one is the sequence number alone).
    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let word = |at: usize| Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?));
        match bytes.len() {
            8 => Some(Self {
                sequence: word(0)?,
                salt: 0,
            }),
            16 => Some(Self {
                sequence: word(0)?,
                salt: word(8)?,
            }),
            _ => None,
        }
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

/// The bytes of one record.
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
    let mut record = Vec::with_capacity(body.len() + 8);
    record.extend_from_slice(&u32::try_from(body.len()).unwrap_or(u32::MAX).to_le_bytes());
    record.extend_from_slice(&checksum(salt, &body).to_le_bytes());
    record.extend_from_slice(&body);
    record
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

    fn field(&mut self) -> Option<&'a [u8]> {
        let n = usize::try_from(self.u32()?).ok()?;
        self.take(n)
    }
}

/// The operations of one record body (after its sequence number).
fn decode_ops(mut cursor: Cursor<'_>) -> Option<Vec<Op>> {
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
                value: cursor.field()?.to_vec(),
            },
            DELETE => Op::Delete { table, key },
            _ => return None,
        });
    }
    Some(ops)
}

/// A logged transaction: its sequence number and changes.
pub(crate) type Record = (u64, Vec<Op>);

/// The whole records of the generation salted with `salt` at the start of `bytes`, each
/// following the one before; and the length they take.
pub(crate) fn decode(salt: u64, bytes: &[u8]) -> (Vec<Record>, u64) {
    let mut records: Vec<Record> = Vec::new();
    let mut cursor = Cursor(bytes);
    let mut end = 0;
    while let Some(len) = cursor.u32() {
        let Some(crc) = cursor.u32() else { break };
        let Some(body) = usize::try_from(len).ok().and_then(|n| cursor.take(n)) else {
            break;
        };
        if body.len() < 8 || checksum(salt, body) != crc {
            break;
        }
        let mut body = Cursor(body);
        let Some(sequence) = body.take(8).and_then(|s| s.try_into().ok()) else {
            break;
        };
        let sequence = u64::from_le_bytes(sequence);
        if records.last().is_some_and(|(last, _)| sequence != last + 1) {
            break;
        }
        let Some(ops) = decode_ops(body) else { break };
        records.push((sequence, ops));
        end = bytes.len() - cursor.0.len();
    }
    (records, end as u64)
}

/// The append side of the log.
pub(crate) struct Appender {
    file: File,
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
        // A record cut short ends replay where it stands, and the next one overwrites it.
        self.file.write_all_at(&record, self.len).map_err(io_err)?;
        self.sequence += 1;
        self.len += record.len() as u64;
        Ok(wal
            .appended
            .fetch_add(record.len() as u64, Ordering::SeqCst)
            + record.len() as u64)
    }

    /// Bytes of the current generation.
    pub(crate) fn len(&self) -> u64 {
        self.len
    }

    /// Starts generation `checkpoint` at the start of the file: everything logged so far is in
    /// the durable checkpoint that recorded it.
    pub(crate) fn restart(&mut self, wal: &Wal, checkpoint: Checkpoint) {
        self.len = 0;
        self.salt = checkpoint.salt;
        let mut synced = wal
            .synced
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *synced = (*synced).max(wal.appended.load(Ordering::SeqCst));
    }
}

/// The log file and how much of it is known to be on disk.
pub(crate) struct Wal {
    /// Taken while holding redb's write lock, so records are in commit order.
    pub(crate) appender: Mutex<Appender>,
    /// A second handle on the file, for `fdatasync` without the append lock.
    sync_handle: File,
    /// Bytes appended over the log's life (not reset by checkpoints).
    appended: AtomicU64,
    /// Of those, how many are known to be on disk.
    synced: Mutex<u64>,
}

impl Wal {
    /// Opens the log at `path` (made, or grown, to its preallocated size); its records after
    /// `checkpoint` too, for replay.
    pub(crate) fn open(path: &Path, checkpoint: Checkpoint) -> Result<(Self, Vec<Record>)> {
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(path)
            .map_err(io_err)?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).map_err(io_err)?;
        let (records, len) = decode(checkpoint.salt, &bytes);
        let records: Vec<Record> = records
            .into_iter()
            .filter(|(sequence, _)| *sequence > checkpoint.sequence)
            .collect();
        let sequence = records.last().map_or(checkpoint.sequence, |(s, _)| *s);
        let size = bytes.len() as u64;
        if size < PREALLOCATED {
            // Zeros written (after what was read), not a hole: appends then allocate nothing.
            let zeros = vec![0; usize::try_from(PREALLOCATED - size).unwrap_or(0)];
            file.write_all(&zeros).map_err(io_err)?;
            file.sync_all().map_err(io_err)?;
        }
        let wal = Self {
            sync_handle: file.try_clone().map_err(io_err)?,
            appender: Mutex::new(Appender {
                file,
                sequence,
                salt: checkpoint.salt,
                len,
            }),
            appended: AtomicU64::new(0),
            synced: Mutex::new(0),
        };
        Ok((wal, records))
    }

    /// The append lock.
    pub(crate) fn appender(&self) -> std::sync::MutexGuard<'_, Appender> {
        self.appender
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Returns once the log is on disk up to `end` (a total length [`Appender::append`] gave):
    /// at once if an `fdatasync` after it already finished, else after one, which covers every
    /// record appended before it started.
    pub(crate) fn sync_to(&self, end: u64) -> Result<()> {
        let mut synced = self
            .synced
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if *synced >= end {
            return Ok(());
        }
        let covered = self.appended.load(Ordering::SeqCst);
        self.sync_handle.sync_data().map_err(io_err)?;
        *synced = covered;
        Ok(())
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
                value: b"v1".to_vec(),
            },
            Op::Delete {
                table: "other".into(),
                key: b"k2".to_vec(),
            },
            Op::Put {
                table: "t".into(),
                key: Vec::new(),
                value: Vec::new(),
            },
        ]
    }

    const SALT: u64 = 0x5eed;

    fn sequences(salt: u64, bytes: &[u8]) -> Vec<u64> {
        decode(salt, bytes).0.iter().map(|r| r.0).collect()
    }

    #[test]
    fn records_round_trip_and_a_torn_tail_is_dropped() {
        let mut bytes = encode(SALT, 7, &ops());
        let first = bytes.len() as u64;
        bytes.extend(encode(SALT, 8, &ops()[..1]));
        let whole = bytes.len();
        assert_eq!(
            decode(SALT, &bytes),
            (vec![(7, ops()), (8, ops()[..1].to_vec())], whole as u64)
        );
        // Cut the second record short: only the first remains.
        assert_eq!(decode(SALT, &bytes[..whole - 1]), (vec![(7, ops())], first));
        // Zeros after the records (the preallocated rest of the file) end them.
        let mut padded = bytes.clone();
        padded.extend([0; 64]);
        assert_eq!(sequences(SALT, &padded), [7, 8]);
        // A flipped bit fails the checksum.
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        assert_eq!(sequences(SALT, &bytes), [7]);
        assert!(decode(SALT, &[]).0.is_empty());
        assert!(decode(SALT, &[1, 2, 3]).0.is_empty());
    }

    #[test]
    fn records_of_another_generation_or_out_of_sequence_end_the_log() {
        let bytes = encode(SALT, 1, &ops());
        assert!(decode(SALT + 1, &bytes).0.is_empty(), "another salt");
        assert!(decode(0, &bytes).0.is_empty(), "unsalted");
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
    }

    #[test]
    fn replay_skips_what_the_checkpoint_holds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log");
        let mut bytes = encode(SALT, 1, &ops());
        bytes.extend(encode(SALT, 2, &ops()));
        bytes.extend(encode(SALT, 3, &ops()));
        std::fs::write(&path, &bytes).unwrap();
        let at = |sequence| Checkpoint {
            sequence,
            salt: SALT,
        };
        let (wal, records) = Wal::open(&path, at(2)).unwrap();
        assert_eq!(records.iter().map(|r| r.0).collect::<Vec<_>>(), [3]);
        assert_eq!(wal.appender().sequence, 3);
        assert_eq!(wal.appender().len(), bytes.len() as u64);
        assert_eq!(std::fs::metadata(&path).unwrap().len(), PREALLOCATED);
        let (wal, records) = Wal::open(&path, at(5)).unwrap();
        assert!(records.is_empty());
        assert_eq!(wal.appender().sequence, 5);
        // Appends overwrite the file in place; its size stays.
        let (wal, _) = Wal::open(&path, Checkpoint::fresh(3).unwrap()).unwrap();
        assert_eq!(
            wal.appender().len(),
            0,
            "the old generation is not this one"
        );
        let end = wal.appender().append(&wal, &ops()).unwrap();
        wal.sync_to(end).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().len(), PREALLOCATED);
    }

    #[test]
    fn checkpoints_round_trip_and_read_the_unsalted_form() {
        let fresh = Checkpoint::fresh(42).unwrap();
        assert_ne!(fresh.salt, 0);
        assert_ne!(fresh.salt, Checkpoint::fresh(42).unwrap().salt);
        assert_eq!(Checkpoint::from_bytes(&fresh.to_bytes()), Some(fresh));
        assert_eq!(
            Checkpoint::from_bytes(&42u64.to_le_bytes()),
            Some(Checkpoint {
                sequence: 42,
                salt: 0
            })
        );
        assert_eq!(Checkpoint::from_bytes(&[1, 2, 3]), None);
    }
}
