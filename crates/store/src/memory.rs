//! The in-memory engine: ordered maps behind a lock, with an undo log for aborted writes.

use std::collections::BTreeMap;
use std::ops::Bound;
use std::sync::{PoisonError, RwLock};

use crate::Result;
use crate::engine::{Engine, RawRead, RawWrite};

type Tables = BTreeMap<&'static str, BTreeMap<Vec<u8>, Vec<u8>>>;

/// Tables in memory; lost when the process ends.
#[derive(Default)]
pub(crate) struct MemoryEngine {
    tables: RwLock<Tables>,
}

fn range_of(
    tables: &Tables,
    table: &'static str,
    start: &[u8],
    end: &[u8],
    reverse: bool,
    limit: usize,
) -> Vec<(Vec<u8>, Vec<u8>)> {
    let Some(t) = tables.get(table) else {
        return Vec::new();
    };
    if !end.is_empty() && start >= end {
        return Vec::new();
    }
    let upper = if end.is_empty() {
        Bound::Unbounded
    } else {
        Bound::Excluded(end)
    };
    let range = t.range::<[u8], _>((Bound::Included(start), upper));
    let pairs = |(k, v): (&Vec<u8>, &Vec<u8>)| (k.clone(), v.clone());
    if reverse {
        range.rev().take(limit).map(pairs).collect()
    } else {
        range.take(limit).map(pairs).collect()
    }
}

struct Snapshot<'a>(&'a Tables);

impl RawRead for Snapshot<'_> {
    fn get(&self, table: &'static str, key: &[u8]) -> Result<Option<Vec<u8>>> {
        Ok(self.0.get(table).and_then(|t| t.get(key)).cloned())
    }

    fn range(
        &self,
        table: &'static str,
        start: &[u8],
        end: &[u8],
        reverse: bool,
        limit: usize,
    ) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        Ok(range_of(self.0, table, start, end, reverse, limit))
    }
}

/// One undo entry: the table, the key, and what the key held before (`None`: absent).
type Undo = (&'static str, Vec<u8>, Option<Vec<u8>>);

/// A write in progress: changes apply in place and the undo log restores them on abort.
struct Writer<'a> {
    tables: &'a mut Tables,
    undo: Vec<Undo>,
}

impl RawRead for Writer<'_> {
    fn get(&self, table: &'static str, key: &[u8]) -> Result<Option<Vec<u8>>> {
        Snapshot(self.tables).get(table, key)
    }

    fn range(
        &self,
        table: &'static str,
        start: &[u8],
        end: &[u8],
        reverse: bool,
        limit: usize,
    ) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        Ok(range_of(self.tables, table, start, end, reverse, limit))
    }
}

impl RawWrite for Writer<'_> {
    fn as_read(&self) -> &dyn RawRead {
        self
    }

    fn put(&mut self, table: &'static str, key: &[u8], value: &[u8]) -> Result<()> {
        let previous = self
            .tables
            .entry(table)
            .or_default()
            .insert(key.to_vec(), value.to_vec());
        self.undo.push((table, key.to_vec(), previous));
        Ok(())
    }

    fn delete(&mut self, table: &'static str, key: &[u8]) -> Result<bool> {
        let previous = self.tables.get_mut(table).and_then(|t| t.remove(key));
        let existed = previous.is_some();
        self.undo.push((table, key.to_vec(), previous));
        Ok(existed)
    }
}

impl Writer<'_> {
    fn roll_back(&mut self) {
        while let Some((table, key, previous)) = self.undo.pop() {
            let t = self.tables.entry(table).or_default();
            match previous {
                Some(v) => t.insert(key, v),
                None => t.remove(&key),
            };
        }
    }
}

impl Engine for MemoryEngine {
    fn name(&self) -> &'static str {
        "memory"
    }

    fn read(&self, f: &mut dyn FnMut(&dyn RawRead) -> Result<()>) -> Result<()> {
        let tables = self.tables.read().unwrap_or_else(PoisonError::into_inner);
        f(&Snapshot(&tables))
    }

    fn write(
        &self,
        _durable: bool,
        f: &mut dyn FnMut(&mut dyn RawWrite) -> Result<()>,
    ) -> Result<()> {
        let mut tables = self.tables.write().unwrap_or_else(PoisonError::into_inner);
        let mut writer = Writer {
            tables: &mut tables,
            undo: Vec::new(),
        };
        // A closure that panics is rolled back like one that fails, and the panic goes on.
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut writer)));
        if !matches!(outcome, Ok(Ok(()))) {
            writer.roll_back();
        }
        outcome.unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    }

    fn clear(&self) -> Result<()> {
        self.tables
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
        Ok(())
    }
}
