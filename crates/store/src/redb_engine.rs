//! The on-disk engine: redb behind a write-ahead log ([`crate::wal`]). Write transactions
//! commit to redb without waiting for the disk and log their changes; a durable write returns
//! once the log holds it on disk (one `fdatasync` for every writer that arrived meanwhile), so
//! no writer waits for another's `fsync` while holding redb's write lock. Checkpoints make
//! redb's own state durable and start the log over; at open the log's later records are applied
//! again.
//!
//! Writers that arrive while another writes share its redb transaction (a batch): each runs its
//! closure in turn in the open transaction, the last one in line commits it and logs the batch's
//! changes as one record, and every member returns once that commit is done. A closure that
//! fails has its own changes undone (each write remembers the value it replaced) and leaves the
//! batch's others in place.

use std::collections::BTreeMap;
use std::ops::Bound;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

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

/// At most this many writers share one batch.
const MAX_BATCH: usize = 32;
/// Batch failures kept for the members that have not read theirs yet.
const FAILURES_KEPT: usize = 256;

/// redb behind the engine trait.
pub(crate) struct RedbEngine {
    db: Database,
    wal: Wal,
    /// The batch being filled; its lock is the engine's write lock.
    batch: Mutex<Batch>,
    /// Writers waiting for the write lock: while there are some, a batch stays open for them.
    queued: AtomicUsize,
    /// What became of the batches.
    outcomes: Mutex<Outcomes>,
    /// Signalled when a batch is finished.
    finished: Condvar,
}

/// The redb transaction that writers share until one of them commits it.
#[derive(Default)]
struct Batch {
    tx: Option<redb::WriteTransaction>,
    /// The changes of its members, in order, for the log.
    ops: Vec<Op>,
    /// How many writers ran in it.
    members: usize,
    /// Set when a member's changes could not be undone: the batch is abandoned.
    broken: Option<String>,
    /// The number of this batch (from 1).
    number: u64,
}

/// Finished batches.
#[derive(Default)]
struct Outcomes {
    /// The number of the last batch finished.
    finished: u64,
    /// The log's total length after the last batch logged.
    end: u64,
    /// Batches that failed, with why, by number (the latest [`FAILURES_KEPT`]).
    failures: BTreeMap<u64, String>,
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
        let engine = Self {
            db,
            wal,
            batch: Mutex::new(Batch {
                number: 1,
                ..Batch::default()
            }),
            queued: AtomicUsize::new(0),
            outcomes: Mutex::new(Outcomes::default()),
            finished: Condvar::new(),
        };
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
        let mut batch = self.lock_batch();
        self.finish_batch(&mut batch);
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

/// Puts back, latest first, what a failed closure replaced (`undo` holds, for each of its
/// writes, the change that reverses it).
fn undo_all(tx: &redb::WriteTransaction, undo: &[Op]) -> Result<()> {
    undo.iter().rev().try_for_each(|op| apply(tx, op))
}

/// Why a batch failed, for each of its members.
fn reason(e: StoreError) -> String {
    match e {
        StoreError::Engine(reason) => reason,
        other => other.to_string(),
    }
}

struct WriteView<'a> {
    tx: &'a redb::WriteTransaction,
    /// What the closure changed, for the log.
    ops: Vec<Op>,
    /// The change that reverses each of its writes.
    undo: Vec<Op>,
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
        let old = t
            .insert(key, value)
            .map_err(engine_err)?
            .map(|v| v.value().to_vec());
        self.undo.push(match old {
            Some(value) => Op::Put {
                table: table.to_owned(),
                key: key.to_vec(),
                value,
            },
            None => Op::Delete {
                table: table.to_owned(),
                key: key.to_vec(),
            },
        });
        self.ops.push(Op::Put {
            table: table.to_owned(),
            key: key.to_vec(),
            value: value.to_vec(),
        });
        Ok(())
    }

    fn delete(&mut self, table: &'static str, key: &[u8]) -> Result<bool> {
        let mut t = self.tx.open_table(def(table)).map_err(engine_err)?;
        let Some(old) = t
            .remove(key)
            .map_err(engine_err)?
            .map(|v| v.value().to_vec())
        else {
            return Ok(false);
        };
        self.undo.push(Op::Put {
            table: table.to_owned(),
            key: key.to_vec(),
            value: old,
        });
        self.ops.push(Op::Delete {
            table: table.to_owned(),
            key: key.to_vec(),
        });
        Ok(true)
    }
}

impl RedbEngine {
    fn lock_batch(&self) -> MutexGuard<'_, Batch> {
        self.batch
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn lock_outcomes(&self) -> MutexGuard<'_, Outcomes> {
        self.outcomes
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Runs `f` in the open batch; whether it changed anything. A failed closure's changes are
    /// undone.
    fn run_in_batch(
        batch: &mut Batch,
        f: &mut dyn FnMut(&mut dyn RawWrite) -> Result<()>,
    ) -> Result<bool> {
        let tx = batch.tx.as_ref().expect("the batch is open");
        batch.members += 1;
        let mut view = WriteView {
            tx,
            ops: Vec::new(),
            undo: Vec::new(),
        };
        // A closure that panics is undone like one that fails, and the panic goes on.
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut view)));
        let WriteView { ops, undo, .. } = view;
        if !matches!(outcome, Ok(Ok(())))
            && let Err(undo_failed) = undo_all(tx, &undo)
        {
            batch.broken = Some(reason(undo_failed));
        }
        outcome.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        let wrote = !ops.is_empty();
        batch.ops.extend(ops);
        Ok(wrote)
    }

    /// Commits the open batch, if any, logs its changes as one record, and tells its members.
    fn finish_batch(&self, batch: &mut Batch) {
        let Some(tx) = batch.tx.take() else {
            return;
        };
        let ops = std::mem::take(&mut batch.ops);
        let number = batch.number;
        batch.number += 1;
        batch.members = 0;
        let result = match batch.broken.take() {
            Some(reason) => {
                let _ = tx.abort();
                Err(reason)
            }
            None if ops.is_empty() => tx.abort().map(|()| None).map_err(|e| e.to_string()),
            None => {
                // Logged in commit order: the append lock is taken before redb commits.
                let mut appender = self.wal.appender();
                tx.commit()
                    .map_err(engine_err)
                    .and_then(|()| appender.append(&self.wal, &ops))
                    .map(Some)
                    .map_err(reason)
            }
        };
        let mut outcomes = self.lock_outcomes();
        outcomes.finished = number;
        match result {
            Ok(Some(end)) => outcomes.end = end,
            Ok(None) => {}
            Err(reason) => {
                outcomes.failures.insert(number, reason);
                while outcomes.failures.len() > FAILURES_KEPT {
                    outcomes.failures.pop_first();
                }
            }
        }
        drop(outcomes);
        self.finished.notify_all();
    }

    /// Waits until batch `number` is finished; the log's length that covers it, or why it
    /// failed.
    fn outcome(&self, number: u64) -> Result<u64> {
        let mut outcomes = self.lock_outcomes();
        while outcomes.finished < number {
            outcomes = self
                .finished
                .wait(outcomes)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        match outcomes.failures.get(&number) {
            Some(reason) => Err(StoreError::Engine(reason.clone())),
            None => Ok(outcomes.end),
        }
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
        self.queued.fetch_add(1, Ordering::SeqCst);
        let mut batch = self.lock_batch();
        self.queued.fetch_sub(1, Ordering::SeqCst);
        if batch.tx.is_none() {
            let mut tx = self.db.begin_write().map_err(engine_err)?;
            tx.set_durability(redb::Durability::None);
            batch.tx = Some(tx);
        }
        let number = batch.number;
        let own = Self::run_in_batch(&mut batch, f);
        // The last writer in line commits; while others wait for the lock, they join.
        if self.queued.load(Ordering::SeqCst) == 0 || batch.members >= MAX_BATCH {
            self.finish_batch(&mut batch);
        }
        drop(batch);
        let end = self.outcome(number);
        if !own? {
            return end.map(drop);
        }
        let end = end?;
        if durable {
            self.wal.sync_to(end)?;
        }
        if self.wal.appender().len() >= CHECKPOINT_BYTES {
            self.checkpoint(false)?;
        }
        Ok(())
    }

    fn clear(&self) -> Result<()> {
        let mut batch = self.lock_batch();
        self.finish_batch(&mut batch);
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
