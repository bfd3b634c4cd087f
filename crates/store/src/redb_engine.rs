//! The on-disk engine: redb. Durable writes are group-committed: each transaction commits
//! without waiting for the disk, then waits until a durable commit made after it has reached the
//! disk — one `fsync` for every writer that arrived meanwhile, and none returns before its data
//! is on disk.

use std::ops::Bound;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use redb::{
    Database, ReadableTable, ReadableTableMetadata, TableDefinition, TableError, TableHandle,
};

use crate::engine::{Engine, RawRead, RawWrite};
use crate::{Result, StoreError};

type Def<'a> = TableDefinition<'a, &'static [u8], &'static [u8]>;

fn def(name: &'static str) -> Def<'static> {
    TableDefinition::new(name)
}

fn engine_err(e: impl std::fmt::Display) -> StoreError {
    StoreError::Engine(e.to_string())
}

/// redb behind the engine trait.
pub(crate) struct RedbEngine {
    db: Database,
    /// Numbers the commits: taken inside each write transaction, so in commit order.
    commits: AtomicU64,
    /// The highest commit number known to be on disk.
    durable: Mutex<u64>,
}

impl RedbEngine {
    pub(crate) fn open(path: &std::path::Path) -> Result<Self> {
        Ok(Self {
            db: Database::create(path).map_err(engine_err)?,
            commits: AtomicU64::new(0),
            durable: Mutex::new(0),
        })
    }

    /// Returns once commit `number` is on disk: at once if a durable commit made after it
    /// already is, else after one (which also covers every commit made before it).
    fn make_durable(&self, number: u64) -> Result<()> {
        let mut durable = self
            .durable
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if *durable >= number {
            return Ok(());
        }
        // Holding redb's write lock: every numbered commit so far has completed.
        let tx = self.db.begin_write().map_err(engine_err)?;
        let covered = self.commits.load(Ordering::SeqCst);
        tx.commit().map_err(engine_err)?;
        *durable = covered;
        Ok(())
    }
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
        Ok(())
    }

    fn delete(&mut self, table: &'static str, key: &[u8]) -> Result<bool> {
        let mut t = self.tx.open_table(def(table)).map_err(engine_err)?;
        Ok(t.remove(key).map_err(engine_err)?.is_some())
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
        let outcome = f(&mut WriteView { tx: &tx });
        match outcome {
            Ok(()) => {
                let number = self.commits.fetch_add(1, Ordering::SeqCst) + 1;
                tx.commit().map_err(engine_err)?;
                if durable {
                    self.make_durable(number)?;
                }
                Ok(())
            }
            Err(e) => {
                tx.abort().map_err(engine_err)?;
                Err(e)
            }
        }
    }

    fn clear(&self) -> Result<()> {
        let tx = self.db.begin_write().map_err(engine_err)?;
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
        tx.commit().map_err(engine_err)
    }
}
