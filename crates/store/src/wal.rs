//! The write-ahead log in front of redb. Every write transaction commits to redb without waiting
//! for the disk and appends what it changed (each key's new value, or its removal) to the log,
//! in commit order; a durable write then waits for an `fdatasync` of the log covering its record,
//! shared with every writer that arrived meanwhile, and none of this holds redb's write lock.
//! From time to time a checkpoint makes redb's state durable, records the last sequence number
//! it holds, and empties the log. At open, the records after the checkpoint are applied again.
//!
//! A record is `[length u32][crc32 u32][sequence u64][operations]`, little-endian; an operation is
//! `[kind u8][table length u16][table][key length u32][key]` and, for a put, `[value length
//! u32][value]`. Replay stops at the first record that is cut short or fails its checksum: a
//! write that never reached the disk was never acknowledged as durable.

use std::fs::File;
use std::io::Write as _;
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

fn io_err(e: std::io::Error) -> StoreError {
    StoreError::Engine(format!("write-ahead log: {e}"))
}

/// The bytes of one record.
pub(crate) fn encode(sequence: u64, ops: &[Op]) -> Vec<u8> {
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
    record.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
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

/// The whole records at the start of `bytes`.
pub(crate) fn decode(bytes: &[u8]) -> Vec<Record> {
    let mut records = Vec::new();
    let mut cursor = Cursor(bytes);
    while let Some(len) = cursor.u32() {
        let Some(crc) = cursor.u32() else { break };
        let Some(body) = usize::try_from(len).ok().and_then(|n| cursor.take(n)) else {
            break;
        };
        if crc32fast::hash(body) != crc || body.len() < 8 {
            break;
        }
        let mut body = Cursor(body);
        let Some(sequence) = body.take(8).and_then(|s| s.try_into().ok()) else {
            break;
        };
        let Some(ops) = decode_ops(body) else { break };
        records.push((u64::from_le_bytes(sequence), ops));
    }
    records
}

/// The append side of the log.
pub(crate) struct Appender {
    file: File,
    /// The sequence number of the last record appended.
    pub(crate) sequence: u64,
    /// Bytes in the file now.
    len: u64,
}

impl Appender {
    /// Appends a record of `ops`; the log's total length (over its whole life) after it.
    pub(crate) fn append(&mut self, wal: &Wal, ops: &[Op]) -> Result<u64> {
        let record = encode(self.sequence + 1, ops);
        if let Err(e) = self.file.write_all(&record) {
            // A record cut short would end every later replay: take it back.
            let _ = self.file.set_len(self.len);
            return Err(io_err(e));
        }
        self.sequence += 1;
        self.len += record.len() as u64;
        Ok(wal
            .appended
            .fetch_add(record.len() as u64, Ordering::SeqCst)
            + record.len() as u64)
    }

    /// Bytes in the file now.
    pub(crate) fn len(&self) -> u64 {
        self.len
    }

    /// Empties the log (everything in it is in a durable checkpoint) and waits for the disk.
    pub(crate) fn truncate(&mut self, wal: &Wal) -> Result<()> {
        self.file.set_len(0).map_err(io_err)?;
        self.file.sync_all().map_err(io_err)?;
        self.len = 0;
        let mut synced = wal
            .synced
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *synced = (*synced).max(wal.appended.load(Ordering::SeqCst));
        Ok(())
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
    /// Opens the log at `path`; its valid records too, for replay.
    pub(crate) fn open(path: &Path, checkpoint: u64) -> Result<(Self, Vec<Record>)> {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .read(true)
            .append(true)
            .open(path)
            .map_err(io_err)?;
        let bytes = std::fs::read(path).map_err(io_err)?;
        let records: Vec<Record> = decode(&bytes)
            .into_iter()
            .filter(|(sequence, _)| *sequence > checkpoint)
            .collect();
        let sequence = records.last().map_or(checkpoint, |(s, _)| *s);
        let wal = Self {
            sync_handle: file.try_clone().map_err(io_err)?,
            appender: Mutex::new(Appender {
                file,
                sequence,
                len: bytes.len() as u64,
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

    #[test]
    fn records_round_trip_and_a_torn_tail_is_dropped() {
        let mut bytes = encode(7, &ops());
        bytes.extend(encode(8, &ops()[..1]));
        assert_eq!(decode(&bytes), vec![(7, ops()), (8, ops()[..1].to_vec())]);
        // Cut the second record short: only the first remains.
        let whole = bytes.len();
        assert_eq!(decode(&bytes[..whole - 1]), vec![(7, ops())]);
        // A flipped bit fails the checksum.
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        assert_eq!(decode(&bytes).len(), 1);
        assert!(decode(&[]).is_empty());
        assert!(decode(&[1, 2, 3]).is_empty());
    }

    #[test]
    fn replay_skips_what_the_checkpoint_holds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log");
        let mut bytes = encode(1, &ops());
        bytes.extend(encode(2, &ops()));
        bytes.extend(encode(3, &ops()));
        std::fs::write(&path, &bytes).unwrap();
        let (wal, records) = Wal::open(&path, 2).unwrap();
        assert_eq!(records.iter().map(|r| r.0).collect::<Vec<_>>(), [3]);
        assert_eq!(wal.appender().sequence, 3);
        let (wal, records) = Wal::open(&path, 5).unwrap();
        assert!(records.is_empty());
        assert_eq!(wal.appender().sequence, 5);
    }
}
