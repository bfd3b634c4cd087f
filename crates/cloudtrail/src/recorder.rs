//! The background writer that makes events durable in batches, off the request path.

use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, TrySendError, sync_channel};
use std::time::Duration;

use neargate_common::SharedClock;
use neargate_store::Db;

use crate::event::EventRecord;
use crate::storage;

/// How long events are kept and searchable.
pub(crate) const RETENTION: Duration = Duration::from_secs(90 * 24 * 3600);
/// Events waiting for the writer before `record` starts to wait for room.
const QUEUE: usize = 65_536;
/// Events committed together at most.
const BATCH: usize = 2_048;
/// How often expired events are swept.
const SWEEP_EVERY: Duration = Duration::from_secs(3600);

enum Command {
    Event(Box<EventRecord>),
    Flush(SyncSender<()>),
}

/// Queues events and commits them on a writer thread. Cloning shares the same writer.
#[derive(Clone)]
pub struct Recorder {
    db: Db,
    clock: SharedClock,
    queue: SyncSender<Command>,
}

impl std::fmt::Debug for Recorder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recorder").finish_non_exhaustive()
    }
}

impl Recorder {
    /// Starts the writer thread for `db`.
    pub fn start(db: Db, clock: SharedClock) -> std::io::Result<Self> {
        let (queue, inbox) = sync_channel(QUEUE);
        let writer_db = db.clone();
        let writer_clock = clock.clone();
        // The writer ends when the last sender is dropped, after draining what is queued.
        std::thread::Builder::new()
            .name("cloudtrail-writer".into())
            .spawn(move || write_loop(&writer_db, &writer_clock, &inbox))?;
        Ok(Self { db, clock, queue })
    }

    /// Queues `event`. Returns at once unless the queue is full, then waits for room.
    pub fn record(&self, event: EventRecord) {
        match self.queue.try_send(Command::Event(Box::new(event))) {
            Ok(()) => {}
            Err(TrySendError::Full(command)) => {
                tracing::warn!("audit queue full; waiting for the writer");
                if self.queue.send(command).is_err() {
                    tracing::error!("audit writer stopped; event lost");
                }
            }
            Err(TrySendError::Disconnected(_)) => {
                tracing::error!("audit writer stopped; event lost")
            }
        }
    }

    /// Waits until every event queued before this call is durable (used at shutdown and before
    /// a lookup, so callers read their own calls).
    pub fn flush(&self) {
        let (done, wait) = sync_channel(1);
        if self.queue.send(Command::Flush(done)).is_ok() {
            let _ = wait.recv();
        }
    }

    pub(crate) fn db(&self) -> &Db {
        &self.db
    }

    pub(crate) fn clock(&self) -> &SharedClock {
        &self.clock
    }
}

fn write_loop(db: &Db, clock: &SharedClock, inbox: &Receiver<Command>) {
    let mut last_sweep = None;
    loop {
        let first = match inbox.recv_timeout(SWEEP_EVERY) {
            Ok(command) => command,
            Err(RecvTimeoutError::Timeout) => {
                sweep(db, clock, &mut last_sweep);
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return,
        };
        let mut events = Vec::new();
        let mut waiters = Vec::new();
        let mut next = Some(first);
        while let Some(command) = next {
            match command {
                Command::Event(e) => events.push(*e),
                Command::Flush(done) => waiters.push(done),
            }
            next = if events.len() < BATCH {
                inbox.try_recv().ok()
            } else {
                None
            };
        }
        if !events.is_empty() {
            let result = db.write(|tx| storage::insert(tx, &events));
            if let Err(e) = result {
                tracing::error!(error = %e, lost = events.len(), "audit events could not be stored");
            }
        }
        for done in waiters {
            let _ = done.send(());
        }
        sweep(db, clock, &mut last_sweep);
    }
}

/// Deletes events past the retention period, at most once per [`SWEEP_EVERY`].
fn sweep(db: &Db, clock: &SharedClock, last: &mut Option<neargate_common::Timestamp>) {
    let now = clock.now();
    if last.is_some_and(|t| now < t + SWEEP_EVERY) {
        return;
    }
    *last = Some(now);
    let cutoff = now - RETENTION;
    loop {
        match db.write(|tx| storage::expire(tx, cutoff, 1_000)) {
            Ok(1_000) => {}
            Ok(_) => return,
            Err(e) => {
                tracing::error!(error = %e, "expired audit events could not be deleted");
                return;
            }
        }
    }
}
