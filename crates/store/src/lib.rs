//! The durable store: typed tables and closure transactions over an embedded engine.
//!
//! Every value is stored as a one-byte format version followed by its JSON encoding, so a
//! record written by an older Neargate can be recognised and upgraded. The engine sits behind a
//! private trait: [`Db::open`] uses redb on disk behind a write-ahead log (every durable write
//! is on disk before `write` returns); [`Db::memory`] keeps everything in memory.

mod cache;
mod durability;
mod engine;
mod layer;
mod memory;
mod redb_engine;
mod syncer;
mod table;
mod threads;
mod wal;

use std::sync::Arc;

pub use cache::RecordCache;
pub use durability::{Durable, deferring_durability};
pub use table::{Record, Table, prefix_end};

use engine::{Engine, RawRead, RawWrite};

/// A store failure.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The engine failed (I/O, corruption, or the file is locked by another process).
    #[error("storage engine error: {0}")]
    Engine(String),
    /// A record could not be decoded.
    #[error("record in table {table} could not be decoded: {reason}")]
    Corrupt {
        /// The table.
        table: &'static str,
        /// What went wrong.
        reason: String,
    },
    /// A record was written by a newer format than this build understands.
    #[error("record in table {table} has format version {found}, newer than {supported}")]
    NewerFormat {
        /// The table.
        table: &'static str,
        /// The version found.
        found: u8,
        /// The newest version this build reads.
        supported: u8,
    },
}

/// Shorthand for store results.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A handle to the store; cheap to clone.
#[derive(Clone)]
pub struct Db {
    engine: Arc<dyn Engine>,
    /// What [`RecordCache`]s check their records against.
    changes: Arc<cache::ChangeCounts>,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("engine", &self.engine.name())
            .finish()
    }
}

impl Db {
    /// Opens (or creates) the durable store file at `path`.
    pub fn open(path: &std::path::Path) -> Result<Self> {
        Ok(Self {
            engine: Arc::new(redb_engine::RedbEngine::open(path)?),
            changes: Arc::default(),
        })
    }

    /// A store kept in memory only.
    pub fn memory() -> Self {
        Self {
            engine: Arc::new(memory::MemoryEngine::default()),
            changes: Arc::default(),
        }
    }

    /// Runs `f` in a read transaction that sees one consistent snapshot.
    pub fn read<T>(&self, f: impl FnOnce(&ReadTx<'_>) -> Result<T>) -> Result<T> {
        let mut f = Some(f);
        let mut out = None;
        self.engine.read(&mut |raw| {
            let f = f.take().expect("engine calls the read closure once");
            out = Some(f(&ReadTx { raw })?);
            Ok(())
        })?;
        Ok(out.expect("read closure ran"))
    }

    /// Runs `f` in a write transaction. It commits durably if `f` returns `Ok`, and leaves no
    /// trace if `f` returns `Err`.
    pub fn write<T>(&self, f: impl FnOnce(&mut WriteTx<'_>) -> Result<T>) -> Result<T> {
        self.write_with(true, f)
    }

    /// As [`Db::write`], but the commit does not wait for the disk: it becomes durable with the
    /// next durable commit, and a crash before that loses it. Only for state that a restart
    /// reconstructs anyway (such as a running task's progress, which is reconciled at start).
    pub fn write_relaxed<T>(&self, f: impl FnOnce(&mut WriteTx<'_>) -> Result<T>) -> Result<T> {
        self.write_with(false, f)
    }

    fn write_with<T>(
        &self,
        durable: bool,
        f: impl FnOnce(&mut WriteTx<'_>) -> Result<T>,
    ) -> Result<T> {
        let mut f = Some(f);
        let mut out = None;
        let mut touched = Vec::new();
        let written = self.engine.write(durable, &mut |raw| {
            let f = f.take().expect("engine calls the write closure once");
            let mut tx = WriteTx {
                raw,
                touched: Vec::new(),
            };
            let result = f(&mut tx);
            touched = tx.touched;
            out = Some(result?);
            Ok(())
        });
        // Counted whatever the outcome: a write that failed late may have been published.
        for table in touched {
            self.changes.bump(table);
        }
        written?;
        Ok(out.expect("write closure ran"))
    }

    /// Deletes every record of every table.
    pub fn clear(&self) -> Result<()> {
        let cleared = self.engine.clear();
        self.changes.bump_all();
        cleared
    }

    /// The record under `key` of `cache`'s table as `load` reads it, decoded once and then
    /// kept in `cache` until a write changes any record of that table. `load` must read only
    /// that table (and give the same answer for the same `key`).
    pub fn cached<V: Record>(
        &self,
        cache: &RecordCache<V>,
        key: &[u8],
        load: impl FnOnce(&ReadTx<'_>) -> Result<Option<V>>,
    ) -> Result<Option<Arc<V>>> {
        // Read before the record: a change published meanwhile leaves the count behind it.
        let count = self.changes.of(cache.table);
        if let Some(found) = cache.find(key, count) {
            return Ok(found);
        }
        let found = self.read(load)?.map(Arc::new);
        cache.keep(key, count, found.clone());
        Ok(found)
    }
}

/// A read transaction.
pub struct ReadTx<'a> {
    raw: &'a dyn RawRead,
}

impl std::fmt::Debug for ReadTx<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReadTx")
    }
}

/// A write transaction; its reads see its own writes.
pub struct WriteTx<'a> {
    raw: &'a mut dyn RawWrite,
    /// The tables written to, for [`RecordCache`]s.
    touched: Vec<&'static str>,
}

impl std::fmt::Debug for WriteTx<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WriteTx")
    }
}

/// Reading operations shared by both kinds of transaction.
pub trait Read {
    /// The raw engine view.
    #[doc(hidden)]
    fn raw(&self) -> &dyn RawRead;

    /// The record at `key`, if any.
    fn get<V: table::Record>(&self, table: &Table<V>, key: &[u8]) -> Result<Option<V>> {
        self.raw()
            .get(table.name, key)?
            .map(|bytes| table.decode(&bytes))
            .transpose()
    }

    /// Up to `limit` records with keys in `[start, end)`, ascending or (if `reverse`) descending.
    fn range<V: table::Record>(
        &self,
        table: &Table<V>,
        start: &[u8],
        end: &[u8],
        reverse: bool,
        limit: usize,
    ) -> Result<Vec<(Vec<u8>, V)>> {
        self.raw()
            .range(table.name, start, end, reverse, limit)?
            .into_iter()
            .map(|(k, v)| Ok((k, table.decode(&v)?)))
            .collect()
    }

    /// Every record whose key starts with `prefix`, ascending.
    fn prefix<V: table::Record>(
        &self,
        table: &Table<V>,
        prefix: &[u8],
    ) -> Result<Vec<(Vec<u8>, V)>> {
        self.range(table, prefix, &prefix_end(prefix), false, usize::MAX)
    }
}

impl Read for ReadTx<'_> {
    fn raw(&self) -> &dyn RawRead {
        self.raw
    }
}

impl Read for WriteTx<'_> {
    fn raw(&self) -> &dyn RawRead {
        self.raw.as_read()
    }
}

impl WriteTx<'_> {
    /// Stores `value` at `key`, replacing any record there.
    pub fn put<V: table::Record>(&mut self, table: &Table<V>, key: &[u8], value: &V) -> Result<()> {
        let bytes = table.encode(value)?;
        self.touch(table.name);
        self.raw.put(table.name, key, &bytes)
    }

    /// Removes the record at `key`; whether one was there.
    pub fn delete<V: table::Record>(&mut self, table: &Table<V>, key: &[u8]) -> Result<bool> {
        self.touch(table.name);
        self.raw.delete(table.name, key)
    }

    fn touch(&mut self, table: &'static str) {
        if !self.touched.contains(&table) {
            self.touched.push(table);
        }
    }
}

#[cfg(test)]
mod tests;
