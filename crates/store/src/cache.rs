//! Decoded records kept between reads, for lookups made on every request (a cluster, a task
//! definition): each is dropped as soon as any record of its table changes.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use crate::table::{Record, Table};

/// Counters of the changes made to each table. A table's counter is raised after every write
/// that touched it has been published (or has failed), so a record read while the counter
/// showed `n` is current for as long as it still shows `n`. Tables share 64 counters by the
/// hash of their names: sharing only makes cached records be read again more often.
#[derive(Debug)]
pub(crate) struct ChangeCounts([AtomicU64; 64]);

impl Default for ChangeCounts {
    fn default() -> Self {
        Self(std::array::from_fn(|_| AtomicU64::new(0)))
    }
}

impl ChangeCounts {
    fn slot(&self, table: &str) -> &AtomicU64 {
        // FNV-1a: table names are few and short.
        let hash = table.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
        let index = usize::try_from(hash % 64).unwrap_or(0);
        &self.0[index]
    }

    /// The count of `table` now.
    pub(crate) fn of(&self, table: &str) -> u64 {
        self.slot(table).load(Ordering::SeqCst)
    }

    /// Counts a change to `table`.
    pub(crate) fn bump(&self, table: &str) {
        self.slot(table).fetch_add(1, Ordering::SeqCst);
    }

    /// Counts a change to every table.
    pub(crate) fn bump_all(&self) {
        for counter in &self.0 {
            counter.fetch_add(1, Ordering::SeqCst);
        }
    }
}

/// The records found under each key, with the change count of their table when they were read.
type Entries<V> = HashMap<Vec<u8>, (u64, Option<Arc<V>>)>;

/// Decoded records of one table, kept for [`crate::Db::cached`]. At most [`RecordCache::LIMIT`]
/// keys are kept; past that the cache starts again empty.
#[derive(Debug)]
pub struct RecordCache<V> {
    pub(crate) table: &'static str,
    entries: Mutex<Entries<V>>,
}

impl<V: Record> RecordCache<V> {
    /// How many keys a cache keeps.
    pub const LIMIT: usize = 1024;

    /// An empty cache of records of `table`.
    pub fn new(table: &Table<V>) -> Self {
        Self {
            table: table.name,
            entries: Mutex::new(HashMap::new()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Entries<V>> {
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// What is kept under `key`, if it was read at change count `count`.
    pub(crate) fn find(&self, key: &[u8], count: u64) -> Option<Option<Arc<V>>> {
        let entries = self.lock();
        let (seen, record) = entries.get(key)?;
        (*seen == count).then(|| record.clone())
    }

    /// Keeps `record`, read under `key` at change count `count`.
    pub(crate) fn keep(&self, key: &[u8], count: u64, record: Option<Arc<V>>) {
        let mut entries = self.lock();
        if entries.len() >= Self::LIMIT && !entries.contains_key(key) {
            entries.clear();
        }
        entries.insert(key.to_vec(), (count, record));
    }
}
