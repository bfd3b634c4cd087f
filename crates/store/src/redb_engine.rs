//! The on-disk engine: redb behind a write-ahead log ([`crate::wal`]). Write transactions
//! commit to redb without waiting for the disk and log their changes; a durable write returns
//! once the log holds it on disk (one `fdatasync` for every writer that arrived meanwhile), so
//! no writer waits for another's `fsync` while holding redb's write lock. Checkpoints make
//! redb's own state durable and empty the log; at open the log's later records are applied again.

use std::ops::Bound;
use std::path::Path;

use redb::{
    Database, ReadableTable, ReadableTableMetadata, TableDefinition, TableError, TableHandle,
};

use crate::engine::{Engine, RawRead, RawWrite};
use crate::wal::{Checkpoint, Op, Wal};
use crate::{Result, StoreError};

type Def<'a> = TableDefinition<'a, &'static [u8], &'static [u8]>;

fn def(name: &str) -> Def<'_> {
    TableDefinition::new(name)
}

fn engine_err(e: impl std::fmt::Display) -> StoreError {
    StoreError::Engine(e.to_string())
}

/// The table that holds the last checkpoint: the sequence number of the last logged write it
/// made durable, and the salt of the log's generation after it.
const META: &str = "_neargate.wal";
const CHECKPOINT_KEY: &[u8] = b"checkpoint";
/// A checkpoint is taken once the log holds this many bytes.
const CHECKPOINT_BYTES: u64 = 1 << 20;

/// redb behind the engine trait.
pub(crate) struct RedbEngine {
    db: Database,
    wal: Wal,
}

impl RedbEngine {
    /// Opens the store at `path` and its log beside it (`<path>.wal`), applying the log's
    /// records that the last checkpoint does not hold, and starts a new generation of the log.
    pub(crate) fn open(path: &Path) -> Result<Self> {
        let db = Database::create(path).map_err(engine_err)?;
        let unsalted = Checkpoint {
            sequence: 0,
            salt: 0,
        };
        let checkpoint = {
            let tx = db.begin_read().map_err(engine_err)?;
            match tx.open_table(def(META)) {
                Ok(t) => t
                    .get(CHECKPOINT_KEY)
                    .map_err(engine_err)?
                    .and_then(|v| Checkpoint::from_bytes(v.value()))
                    .unwrap_or(unsalted),
                Err(TableError::TableDoesNotExist(_)) => unsalted,
                Err(e) => return Err(engine_err(e)),
            }
        };
        let mut log_path = path.as_os_str().to_owned();
        log_path.push(".wal");
        let (wal, records) = Wal::open(Path::new(&log_path), checkpoint)?;
        let engine = Self { db, wal };
        if !records.is_empty() {
            let mut tx = engine.db.begin_write().map_err(engine_err)?;
            tx.set_durability(redb::Durability::None);
            for op in records.iter().flat_map(|(_, ops)| ops) {
                apply(&tx, op)?;
            }
            tx.commit().map_err(engine_err)?;
        }
        // Always a new generation: whatever an interrupted one left in the file stays behind.
        engine.checkpoint(true)?;
        Ok(engine)
    }

    /// Makes redb's state durable and starts the log over — if the log is full, or `force`.
    fn checkpoint(&self, force: bool) -> Result<()> {
        let tx = self.db.begin_write().map_err(engine_err)?;
        let mut appender = self.wal.appender();
        if !force && appender.len() < CHECKPOINT_BYTES {
            return tx.abort().map_err(engine_err);
        }
        let checkpoint = record_checkpoint(&tx, appender.sequence)?;
        tx.commit().map_err(engine_err)?;
        appender.restart(&self.wal, checkpoint);
        Ok(())
    }
}

impl Drop for RedbEngine {
    fn drop(&mut self) {
        // A clean close leaves nothing to replay.
        if let Err(e) = self.checkpoint(true) {
            eprintln!("neargate store: checkpoint at close failed: {e}");
        }
    }
}

/// Writes a checkpoint at `sequence`, with the salt of the next generation, in `tx`.
fn record_checkpoint(tx: &redb::WriteTransaction, sequence: u64) -> Result<Checkpoint> {
    let checkpoint = Checkpoint::fresh(sequence)?;
    let mut meta = tx.open_table(def(META)).map_err(engine_err)?;
    meta.insert(CHECKPOINT_KEY, checkpoint.to_bytes().as_slice())
        .map_err(engine_err)?;
    Ok(checkpoint)
}

/// Applies one logged change in `tx`.
fn apply(tx: &redb::WriteTransaction, op: &Op) -> Result<()> {
    match op {
        Op::Put { table, key, value } => {
            let mut t = tx.open_table(def(table)).map_err(engine_err)?;
            t.insert(key.as_slice(), value.as_slice())
                .map_err(engine_err)?;
        }
        Op::Delete { table, key } => {
            let mut t = tx.open_table(def(table)).map_err(engine_err)?;
            t.remove(key.as_slice()).map_err(engine_err)?;
        }
    }
    Ok(())
}

/// The bounds of `[start, end)`, an empty `end` meaning no upper bound.
fn bounds<'k>(start: &'k [u8], end: &'k [u8]) -> (Bound<&'k [u8]>, Bound<&'k [u8]>) {
    let upper = if end.is_empty() {
        Bound::Unbounded
    } else {
        Bound::Excluded(end)
    };
    (Bound::Included(start), upper)
}

fn collect_range(
    table: &impl ReadableTable<&'static [u8], &'static [u8]>,
    start: &[u8],
    end: &[u8],
    reverse: bool,
    limit: usize,
) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
    if !end.is_empty() && start >= end {
        return Ok(Vec::new());
    }
    let range = table
        .range::<&[u8]>(bounds(start, end))
        .map_err(engine_err)?;
    let entries: Box<dyn Iterator<Item = _>> = if reverse {
        Box::new(range.rev())
    } else {
        Box::new(range)
    };
    entries
        .take(limit)
        .map(|entry| {
            let (k, v) = entry.map_err(engine_err)?;
            Ok((k.value().to_vec(), v.value().to_vec()))
        })
        .collect()
}

struct ReadView {
    tx: redb::ReadTransaction,
}

impl RawRead for ReadView {
    fn get(&self, table: &'static str, key: &[u8]) -> Result<Option<Vec<u8>>> {
        match self.tx.open_table(def(table)) {
            Ok(t) => Ok(t.get(key).map_err(engine_err)?.map(|v| v.value().to_vec())),
            Err(TableError::TableDoesNotExist(_)) => Ok(None),
            Err(e) => Err(engine_err(e)),
        }
    }

    fn range(
        &self,
        table: &'static str,
        start: &[u8],
        end: &[u8],
        reverse: bool,
        limit: usize,
    ) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        match self.tx.open_table(def(table)) {
            Ok(t) => collect_range(&t, start, end, reverse, limit),
            Err(TableError::TableDoesNotExist(_)) => Ok(Vec::new()),
            Err(e) => Err(engine_err(e)),
        }
    }
}

struct WriteView<'a> {
    tx: &'a redb::WriteTransaction,
    /// What the transaction changed, for the log.
    ops: Vec<Op>,
}

impl RawRead for WriteView<'_> {
    fn get(&self, table: &'static str, key: &[u8]) -> Result<Option<Vec<u8>>> {
        let t = self.tx.open_table(def(table)).map_err(engine_err)?;
        Ok(t.get(key).map_err(engine_err)?.map(|v| v.value().to_vec()))
    }

    fn range(
        &self,
        table: &'static str,
        start: &[u8],
        end: &[u8],
        reverse: bool,
        limit: usize,
    ) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        let t = self.tx.open_table(def(table)).map_err(engine_err)?;
        collect_range(&t, start, end, reverse, limit)
    }
}

impl RawWrite for WriteView<'_> {
    fn as_read(&self) -> &dyn RawRead {
        self
    }

    fn put(&mut self, table: &'static str, key: &[u8], value: &[u8]) -> Result<()> {
        let mut t = self.tx.open_table(def(table)).map_err(engine_err)?;
        t.insert(key, value).map_err(engine_err)?;
        self.ops.push(Op::Put {
            table: table.to_owned(),
            key: key.to_vec(),
            value: value.to_vec(),
        });
        Ok(())
    }

    fn delete(&mut self, table: &'static str, key: &[u8]) -> Result<bool> {
        let mut t = self.tx.open_table(def(table)).map_err(engine_err)?;
        let existed = t.remove(key).map_err(engine_err)?.is_some();
        if existed {
            self.ops.push(Op::Delete {
                table: table.to_owned(),
                key: key.to_vec(),
            });
        }
        Ok(existed)
    }
}

impl Engine for RedbEngine {
    fn name(&self) -> &'static str {
        "redb"
    }

    fn read(&self, f: &mut dyn FnMut(&dyn RawRead) -> Result<()>) -> Result<()> {
        let view = ReadView {
            tx: self.db.begin_read().map_err(engine_err)?,
        };
        f(&view)
    }

    fn write(
        &self,
        durable: bool,
        f: &mut dyn FnMut(&mut dyn RawWrite) -> Result<()>,
    ) -> Result<()> {
        let mut tx = self.db.begin_write().map_err(engine_err)?;
        tx.set_durability(redb::Durability::None);
        let mut view = WriteView {
            tx: &tx,
            ops: Vec::new(),
        };
        let outcome = f(&mut view);
        let ops = view.ops;
        if let Err(e) = outcome {
            tx.abort().map_err(engine_err)?;
            return Err(e);
        }
        if ops.is_empty() {
            return tx.abort().map_err(engine_err);
        }
        // Logged in commit order: the append lock is taken while redb's write lock is held.
        let mut appender = self.wal.appender();
        tx.commit().map_err(engine_err)?;
        let end = appender.append(&self.wal, &ops)?;
        let full = appender.len() >= CHECKPOINT_BYTES;
        drop(appender);
        if durable {
            self.wal.sync_to(end)?;
        }
        if full {
            self.checkpoint(false)?;
        }
        Ok(())
    }

    fn clear(&self) -> Result<()> {
        let tx = self.db.begin_write().map_err(engine_err)?;
        let mut appender = self.wal.appender();
        let names: Vec<String> = tx
            .list_tables()
            .map_err(engine_err)?
            .map(|h| h.name().to_owned())
            .collect();
        for name in names {
            let definition: TableDefinition<'_, &[u8], &[u8]> = TableDefinition::new(&name);
            let table = tx.open_table(definition).map_err(engine_err)?;
            let empty = table.len().map_err(engine_err)? == 0;
            drop(table);
            if !empty {
                tx.delete_table(definition).map_err(engine_err)?;
            }
        }
        let checkpoint = record_checkpoint(&tx, appender.sequence)?;
        tx.commit().map_err(engine_err)?;
        appender.restart(&self.wal, checkpoint);
        Ok(())
    }
}
