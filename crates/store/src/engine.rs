//! The private contract between the façade and a storage engine: byte keys and values in
//! named tables.

use crate::Result;

/// Reads from one consistent snapshot.
pub trait RawRead {
    /// The value at `key` in `table`.
    fn get(&self, table: &'static str, key: &[u8]) -> Result<Option<Vec<u8>>>;
    /// Up to `limit` entries with keys in `[start, end)`; descending if `reverse`.
    fn range(
        &self,
        table: &'static str,
        start: &[u8],
        end: &[u8],
        reverse: bool,
        limit: usize,
    ) -> Result<Vec<(Vec<u8>, Vec<u8>)>>;
}

/// Reads and writes inside one transaction.
pub(crate) trait RawWrite {
    /// This transaction as a reader (it sees its own writes).
    fn as_read(&self) -> &dyn RawRead;
    /// Sets `key` to `value`.
    fn put(&mut self, table: &'static str, key: &[u8], value: &[u8]) -> Result<()>;
    /// Removes `key`; whether it existed.
    fn delete(&mut self, table: &'static str, key: &[u8]) -> Result<bool>;
}

/// A storage engine.
pub(crate) trait Engine: Send + Sync {
    /// A short name for diagnostics.
    fn name(&self) -> &'static str;
    /// Runs `f` against a read snapshot.
    fn read(&self, f: &mut dyn FnMut(&dyn RawRead) -> Result<()>) -> Result<()>;
    /// Runs `f` in a write transaction; commits on `Ok` (durably, or if not `durable` without
    /// waiting for the disk: persisted with the next durable commit), discards on `Err`.
    fn write(
        &self,
        durable: bool,
        f: &mut dyn FnMut(&mut dyn RawWrite) -> Result<()>,
    ) -> Result<()>;
    /// Removes every table.
    fn clear(&self) -> Result<()>;
}
