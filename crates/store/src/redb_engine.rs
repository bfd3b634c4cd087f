//! The on-disk engine: redb behind a write-ahead log ([`crate::wal`]) and layers of changes in
//! memory ([`crate::layer`]).
//!
//! Writers take turns: each runs its closure against the latest state, appends its changes to
//! the log and lays them over redb in memory, where every later read sees them at once. A
//! durable write then returns once the log holds it on disk (one `fdatasync` for every writer
//! that arrived meanwhile). A background thread applies the layers to redb, every
//! [`FLUSH_EVERY`] or sooner when they grow, in one durable redb transaction that also records a
//! checkpoint: the log's sequence number it holds and the log's generation after it. So requests
//! wait for the log alone, and a key written several times between two checkpoints reaches redb
//! once. At open, the log's records after the checkpoint are applied again.
//!
//! A read sees one consistent snapshot: a redb read transaction and the layers not yet in it,
//! taken together under the layers' lock, with the versions written after it left out.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Duration;

use redb::{Database, ReadableTableMetadata, TableDefinition, TableError, TableHandle};

use crate::engine::{Engine, RawRead, RawWrite};
use crate::layer::{Layer, Overlay, bounds, empty_range, merge};
use crate::threads::{lock, spawn};
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
/// made durable, and the log's generation after it.
const META: &str = "_neargate.wal";
const CHECKPOINT_KEY: &[u8] = b"checkpoint";

/// How often the layers are applied to redb, when there are changes.
pub(crate) const FLUSH_EVERY: Duration = Duration::from_millis(500);
/// The layers are applied sooner once the log's current file holds this many bytes...
const FLUSH_LOG_BYTES: u64 = 8 << 20;
/// ... or the newest layer this many.
const FLUSH_LAYER_BYTES: usize = 8 << 20;
/// Writers wait while the newest layer holds this many bytes and an older one is still being
/// applied: the memory the layers take stays bounded when the disk is slower than the writers.
const FULL_LAYER_BYTES: usize = 64 << 20;

/// redb behind the engine trait.
pub(crate) struct RedbEngine {
    shared: Arc<Shared>,
    flusher: Option<std::thread::JoinHandle<()>>,
}

/// What the writers, the readers and the flusher share.
struct Shared {
    db: Database,
    wal: Wal,
    /// Held by the one writer at a time.
    writer: Mutex<()>,
    /// The changes not yet in redb.
    layers: RwLock<Layers>,
    /// The sequence number of the last transaction readers may see.
    published: AtomicU64,
    /// Held while the layers are applied: the checkpoint of a flush that failed, to try again.
    flushing: Mutex<Option<Checkpoint>>,
    /// Requests to the flusher and what became of its last flush.
    signal: Mutex<Signal>,
    /// Wakes the flusher.
    wake: Condvar,
    /// Signalled after each flush.
    flushed: Condvar,
}

#[derive(Default)]
struct Layers {
    /// Where writers lay their changes.
    active: Arc<Layer>,
    /// Layers being applied to redb, oldest first.
    frozen: Vec<Arc<Layer>>,
}

#[derive(Default)]
struct Signal {
    requested: bool,
    stop: bool,
    /// Why the last flush failed, if it did.
    failure: Option<String>,
}

impl RedbEngine {
    /// Opens the store at `path` and its log beside it (`<path>.wal` and `<path>.wal.1`),
    /// applying the log's records that the last checkpoint does not hold, and starts a new
    /// generation of the log.
    pub(crate) fn open(path: &Path) -> Result<Self> {
        let db = Database::create(path).map_err(engine_err)?;
        let unsalted = Checkpoint {
            sequence: 0,
            salt: 0,
            file: 0,
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
        // The replay and a new generation in one durable commit: whatever an interrupted
        // generation left in the files stays behind.
        let mut appender = wal.appender();
        let fresh = Checkpoint::fresh(appender.sequence, 0)?;
        let tx = db.begin_write().map_err(engine_err)?;
        for op in records.iter().flat_map(|(_, ops)| ops) {
            apply(&tx, op)?;
        }
        record_checkpoint(&tx, fresh)?;
        tx.commit().map_err(engine_err)?;
        appender.restart(&wal, fresh);
        let published = AtomicU64::new(appender.sequence);
        drop(appender);
        let shared = Arc::new(Shared {
            db,
            wal,
            writer: Mutex::new(()),
            layers: RwLock::default(),
            published,
            flushing: Mutex::new(None),
            signal: Mutex::default(),
            wake: Condvar::new(),
            flushed: Condvar::new(),
        });
        let flusher = {
            let shared = Arc::clone(&shared);
            spawn("neargate-store", move || shared.flush_until_stopped())?
        };
        Ok(Self {
            shared,
            flusher: Some(flusher),
        })
    }
}

impl Drop for RedbEngine {
    fn drop(&mut self) {
        lock(&self.shared.signal).stop = true;
        self.shared.wake.notify_all();
        if let Some(flusher) = self.flusher.take() {
            let _ = flusher.join();
        }
        // A clean close leaves nothing in memory.
        if let Err(e) = self.shared.flush() {
            eprintln!("neargate store: checkpoint at close failed: {e}");
        }
    }
}

/// Writes `checkpoint` in `tx`.
fn record_checkpoint(tx: &redb::WriteTransaction, checkpoint: Checkpoint) -> Result<()> {
    let mut meta = tx.open_table(def(META)).map_err(engine_err)?;
    meta.insert(CHECKPOINT_KEY, checkpoint.to_bytes().as_slice())
        .map_err(engine_err)?;
    Ok(())
}

/// Applies one logged change in `tx`.
fn apply(tx: &redb::WriteTransaction, op: &Op) -> Result<()> {
    match op {
        Op::Put { table, key, value } => {
            let mut t = tx.open_table(def(table)).map_err(engine_err)?;
            t.insert(key.as_slice(), &**value).map_err(engine_err)?;
        }
        Op::Delete { table, key } => {
            let mut t = tx.open_table(def(table)).map_err(engine_err)?;
            t.remove(key.as_slice()).map_err(engine_err)?;
        }
    }
    Ok(())
}

/// Applies each key's latest change in `layer` in `tx`, a table at a time.
fn apply_layer(tx: &redb::WriteTransaction, layer: &Layer) -> Result<()> {
    for (table, changes) in layer.latest() {
        let mut t = tx.open_table(def(&table)).map_err(engine_err)?;
        for (key, change) in changes {
            match change {
                Some(value) => t.insert(key.as_slice(), &*value).map(drop),
                None => t.remove(key.as_slice()).map(drop),
            }
            .map_err(engine_err)?;
        }
    }
    Ok(())
}

/// Why a flush failed.
fn reason(e: StoreError) -> String {
    match e {
        StoreError::Engine(reason) => reason,
        other => other.to_string(),
    }
}

/// One consistent snapshot: redb's state and the changes laid over it.
struct View {
    tx: redb::ReadTransaction,
    overlay: Overlay,
}

impl RawRead for View {
    fn get(&self, table: &'static str, key: &[u8]) -> Result<Option<Vec<u8>>> {
        if let Some(change) = self.overlay.get(table, key) {
            return Ok(change.map(|v| v.to_vec()));
        }
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
        if empty_range(start, end) {
            return Ok(Vec::new());
        }
        let changes = self.overlay.range(table, start, end);
        let t = match self.tx.open_table(def(table)) {
            Ok(t) => t,
            Err(TableError::TableDoesNotExist(_)) => {
                return merge(std::iter::empty::<Result<_>>(), changes, reverse, limit);
            }
            Err(e) => return Err(engine_err(e)),
        };
        let range = t.range::<&[u8]>(bounds(start, end)).map_err(engine_err)?;
        let entries: Box<dyn Iterator<Item = _>> = if reverse {
            Box::new(range.rev())
        } else {
            Box::new(range)
        };
        let entries = entries.map(|entry| {
            let (k, v) = entry.map_err(engine_err)?;
            Ok((k.value().to_vec(), v.value().to_vec()))
        });
        merge(entries, changes, reverse, limit)
    }
}

/// A writer's view: the latest state, with its own changes (the first layer) over it.
struct WriteView {
    view: View,
    own: Arc<Layer>,
}

impl RawWrite for WriteView {
    fn as_read(&self) -> &dyn RawRead {
        &self.view
    }

    fn put(&mut self, table: &'static str, key: &[u8], value: &[u8]) -> Result<()> {
        self.own.set(table, key, Some(value.into()), 0);
        Ok(())
    }

    fn delete(&mut self, table: &'static str, key: &[u8]) -> Result<bool> {
        if self.view.get(table, key)?.is_none() {
            return Ok(false);
        }
        self.own.set(table, key, None, 0);
        Ok(true)
    }
}

impl Shared {
    fn read_layers(&self) -> RwLockReadGuard<'_, Layers> {
        self.layers
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn write_layers(&self) -> RwLockWriteGuard<'_, Layers> {
        self.layers
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// A snapshot of the store now. A writer (`latest`) sees every version; a reader those of
    /// the transactions published when it was taken.
    fn view(&self, latest: bool) -> Result<View> {
        let layers = self.read_layers();
        let tx = self.db.begin_read().map_err(engine_err)?;
        let visible = if latest {
            u64::MAX
        } else {
            self.published.load(Ordering::SeqCst)
        };
        let mut list = Vec::with_capacity(layers.frozen.len() + 2);
        list.push(Arc::clone(&layers.active));
        list.extend(layers.frozen.iter().rev().cloned());
        Ok(View {
            tx,
            overlay: Overlay {
                layers: list,
                visible,
            },
        })
    }

    /// Asks the flusher to apply the layers now.
    fn request_flush(&self) {
        lock(&self.signal).requested = true;
        self.wake.notify_all();
    }

    /// Waits while the newest layer is full and an older one is still being applied; fails if
    /// the last flush failed then.
    fn wait_for_room(&self) -> Result<()> {
        loop {
            {
                let layers = self.read_layers();
                if layers.frozen.is_empty() || layers.active.bytes() < FULL_LAYER_BYTES {
                    return Ok(());
                }
            }
            let signal = lock(&self.signal);
            if let Some(failure) = &signal.failure {
                return Err(StoreError::Engine(failure.clone()));
            }
            // Timed, so a flush that ends between the check and the wait is not missed.
            let _ = self.flushed.wait_timeout(signal, Duration::from_millis(10));
        }
    }

    /// Applies every layer to redb in one durable commit with a checkpoint, the log going on
    /// in its other file meanwhile. A flush that failed is tried again, with the same
    /// checkpoint, before any new layer is taken.
    fn flush(&self) -> Result<()> {
        let mut flushing = lock(&self.flushing);
        let checkpoint = match *flushing {
            Some(checkpoint) => checkpoint,
            None => {
                let _writer = lock(&self.writer);
                if self.read_layers().active.is_empty() {
                    return Ok(());
                }
                let checkpoint = self.wal.appender().switch(&self.wal)?;
                let mut layers = self.write_layers();
                let full = std::mem::take(&mut layers.active);
                layers.frozen.push(full);
                checkpoint
            }
        };
        *flushing = Some(checkpoint);
        let frozen = self.read_layers().frozen.clone();
        let tx = self.db.begin_write().map_err(engine_err)?;
        for layer in &frozen {
            apply_layer(&tx, layer)?;
        }
        record_checkpoint(&tx, checkpoint)?;
        tx.commit().map_err(engine_err)?;
        *flushing = None;
        self.write_layers().frozen.drain(..frozen.len());
        // The file the switch left behind is free now: it can grow while nobody writes it. If
        // it cannot, appends grow it later; the flush itself succeeded.
        if let Err(e) = self.wal.grow_free_file() {
            eprintln!("neargate store: growing the free log file failed: {e}");
        }
        Ok(())
    }

    /// The flusher's loop: a flush every [`FLUSH_EVERY`] or when asked, until stopped.
    fn flush_until_stopped(&self) {
        loop {
            {
                let mut signal = lock(&self.signal);
                if !signal.requested && !signal.stop {
                    signal = self
                        .wake
                        .wait_timeout(signal, FLUSH_EVERY)
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .0;
                }
                if signal.stop {
                    return;
                }
                signal.requested = false;
            }
            let outcome = self.flush();
            if let Err(e) = &outcome {
                eprintln!("neargate store: applying the log to the database failed: {e}");
            }
            lock(&self.signal).failure = outcome.err().map(reason);
            self.flushed.notify_all();
        }
    }
}

impl Engine for RedbEngine {
    fn name(&self) -> &'static str {
        "redb"
    }

    fn read(&self, f: &mut dyn FnMut(&dyn RawRead) -> Result<()>) -> Result<()> {
        f(&self.shared.view(false)?)
    }

    fn write(
        &self,
        durable: bool,
        f: &mut dyn FnMut(&mut dyn RawWrite) -> Result<()>,
    ) -> Result<()> {
        let shared = &*self.shared;
        shared.wait_for_room()?;
        let writer = lock(&shared.writer);
        let mut view = shared.view(true)?;
        let own = Arc::new(Layer::default());
        view.overlay.layers.insert(0, Arc::clone(&own));
        let mut write = WriteView { view, own };
        f(&mut write)?;
        let ops = write.own.ops();
        if ops.is_empty() {
            return Ok(());
        }
        let (end, sequence, logged) = {
            let mut appender = shared.wal.appender();
            let end = appender.append(&shared.wal, &ops)?;
            (end, appender.sequence, appender.len())
        };
        let active = Arc::clone(&shared.read_layers().active);
        active.absorb(&ops, sequence);
        shared.published.store(sequence, Ordering::SeqCst);
        drop(writer);
        if logged >= FLUSH_LOG_BYTES || active.bytes() >= FLUSH_LAYER_BYTES {
            shared.request_flush();
        }
        if durable {
            crate::durability::defer_or_wait(shared.wal.durable(end))?;
        }
        Ok(())
    }

    fn clear(&self) -> Result<()> {
        let shared = &*self.shared;
        let mut flushing = lock(&shared.flushing);
        let _writer = lock(&shared.writer);
        // A new generation: nothing logged before the clear is replayed after it.
        let checkpoint = shared.wal.appender().switch(&shared.wal)?;
        *flushing = Some(checkpoint);
        let tx = shared.db.begin_write().map_err(engine_err)?;
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
        record_checkpoint(&tx, checkpoint)?;
        // Readers see the layers and the tables go together.
        let mut layers = shared.write_layers();
        tx.commit().map_err(engine_err)?;
        *layers = Layers::default();
        *flushing = None;
        Ok(())
    }
}
