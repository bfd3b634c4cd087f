//! The background writer that makes events durable in batches, off the request path.

use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};
use std::time::Duration;

use neargate_common::{SharedClock, Timestamp};
use neargate_store::Db;

use crate::event::{CallFacts, EventRecord};
use crate::segments::{SegmentReader, SegmentWriter};
use crate::storage;

/// How long events are kept and searchable.
pub(crate) const RETENTION: Duration = Duration::from_secs(90 * 24 * 3600);
/// Events waiting for the writer before `record` starts to wait for room.
const QUEUE: usize = 65_536;
/// Events committed together at most.
const BATCH: usize = 4_096;
/// How long the writer gathers events into one batch once the first arrives: fewer, larger
/// batches cost less per event. It bounds the extra crash window.
const GATHER: Duration = Duration::from_millis(25);
/// While it builds a batch's records, the writer lets other threads run after every this many:
/// woken with a batch, it would otherwise hold a core for milliseconds and stall the requests of
/// the worker it displaced (the tail at low concurrency, docs/benchmarks.md).
const YIELD_EVERY: usize = 32;
/// A batch this large means the writer is behind: it stops giving way, to catch up.
const YIELD_BELOW: usize = 2_048;
/// How often expired events are swept.
const SWEEP_EVERY: Duration = Duration::from_secs(3600);

enum Command {
    Call(Box<(CallFacts, String)>),
    Flush(SyncSender<()>),
    Reset(SyncSender<()>),
}

/// Queues events and stores them on a writer thread. Cloning shares the same writer.
#[derive(Clone)]
pub struct Recorder {
    db: Db,
    clock: SharedClock,
    queue: SyncSender<Command>,
    reader: Arc<SegmentReader>,
}

impl std::fmt::Debug for Recorder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recorder").finish_non_exhaustive()
    }
}

impl Recorder {
    /// Starts the writer thread: record text goes to segment files in `dir`, the index to `db`.
    pub fn start(db: Db, clock: SharedClock, dir: &Path) -> std::io::Result<Self> {
        let (queue, inbox) = sync_channel(QUEUE);
        let reader = Arc::new(SegmentReader::new(dir));
        let mut writer = Writer {
            db: db.clone(),
            clock: clock.clone(),
            segments: SegmentWriter::open(dir)?,
            reader: reader.clone(),
            last_sweep: None,
        };
        // The writer ends when the last sender is dropped, after draining what is queued.
        std::thread::Builder::new()
            .name("cloudtrail-writer".into())
            .spawn(move || writer.run(&inbox))?;
        Ok(Self {
            db,
            clock,
            queue,
            reader,
        })
    }

    /// Queues the event of a call with `event_id`. The writer builds and serializes the record,
    /// in batches: cheaper there than on each request thread (docs/benchmarks.md). Returns at once
    /// unless the queue is full, then waits for room.
    pub fn record(&self, facts: CallFacts, event_id: String) {
        if self
            .queue
            .send(Command::Call(Box::new((facts, event_id))))
            .is_err()
        {
            tracing::error!("audit writer stopped; event lost");
        }
    }

    /// Waits until every event queued before this call is durable (used at shutdown and before
    /// a lookup, so callers read their own calls).
    pub fn flush(&self) {
        self.ask(Command::Flush);
    }

    /// Deletes every segment file (the store's tables are wiped by the caller).
    pub fn reset(&self) {
        self.ask(Command::Reset);
    }

    fn ask(&self, command: fn(SyncSender<()>) -> Command) {
        let (done, wait) = sync_channel(1);
        if self.queue.send(command(done)).is_ok() {
            let _ = wait.recv();
        }
    }

    pub(crate) fn db(&self) -> &Db {
        &self.db
    }

    pub(crate) fn clock(&self) -> &SharedClock {
        &self.clock
    }

    pub(crate) fn reader(&self) -> &SegmentReader {
        &self.reader
    }
}

/// The writer thread's state.
struct Writer {
    db: Db,
    clock: SharedClock,
    segments: SegmentWriter,
    reader: Arc<SegmentReader>,
    last_sweep: Option<Timestamp>,
}

impl Writer {
    fn run(&mut self, inbox: &Receiver<Command>) {
        loop {
            let first = match inbox.recv_timeout(SWEEP_EVERY) {
                Ok(command) => command,
                Err(RecvTimeoutError::Timeout) => {
                    self.sweep();
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return,
            };
            let (events, flushes, resets) = gather(first, inbox);
            if !events.is_empty() {
                self.store(&events);
            }
            // A due sweep runs before waiters are answered: a flushed trail has retention applied.
            self.sweep();
            for done in flushes {
                let _ = done.send(());
            }
            for done in resets {
                if let Err(e) = self.segments.remove_all() {
                    tracing::error!(error = %e, "audit segments could not be deleted");
                }
                let _ = done.send(());
            }
        }
    }

    /// Appends the records' text in runs per scope, then indexes the runs: a crash between
    /// the two leaves only unreferenced bytes behind.
    fn store(&mut self, events: &[EventRecord]) {
        let runs = storage::runs(events);
        let texts: Vec<Vec<&str>> = runs
            .iter()
            .map(|(_, run)| run.iter().map(|e| e.cloudtrail_event.as_str()).collect())
            .collect();
        let result = self
            .segments
            .append(&texts)
            .map_err(|e| e.to_string())
            .and_then(|locations| {
                let entries = storage::index_entries(&runs, &locations);
                self.db
                    .write(|tx| storage::insert(tx, &entries))
                    .map_err(|e| e.to_string())
            });
        if let Err(e) = result {
            tracing::error!(error = %e, lost = events.len(), "audit events could not be stored");
        }
    }

    /// Forgets runs past the retention period, at most once per [`SWEEP_EVERY`], and deletes
    /// the segment files that held only such runs.
    fn sweep(&mut self) {
        let now = self.clock.now();
        if self.last_sweep.is_some_and(|t| now < t + SWEEP_EVERY) {
            return;
        }
        self.last_sweep = Some(now);
        match self.db.write(|tx| storage::expire(tx, now - RETENTION)) {
            Ok(numbers) => {
                for number in numbers {
                    self.reader.forget(number);
                    if let Err(e) = self.segments.remove(number) {
                        tracing::error!(error = %e, number, "expired audit segment could not be deleted");
                    }
                }
            }
            Err(e) => tracing::error!(error = %e, "expired audit events could not be deleted"),
        }
    }
}
/// Collects one batch. Unless `first` is a waiter, the writer sleeps out [`GATHER`] and then
/// drains the queue without blocking: senders then find it awake or asleep, never parked on
/// the queue, so recording an event costs them no wake-up.
fn gather(
    first: Command,
    inbox: &Receiver<Command>,
) -> (Vec<EventRecord>, Vec<SyncSender<()>>, Vec<SyncSender<()>>) {
    let (mut events, mut flushes, mut resets) = (Vec::new(), Vec::new(), Vec::new());
    if matches!(first, Command::Call(_)) {
        std::thread::sleep(GATHER);
    }
    let mut next = Some(first);
    while let Some(command) = next {
        match command {
            Command::Call(c) => {
                events.push(EventRecord::from_call(c.0, c.1));
                if events.len() % YIELD_EVERY == 0 && events.len() < YIELD_BELOW {
                    std::thread::yield_now();
                }
            }
            Command::Flush(done) => flushes.push(done),
            Command::Reset(done) => resets.push(done),
        }
        next = if events.len() < BATCH {
            inbox.try_recv().ok()
        } else {
            None
        };
    }
    (events, flushes, resets)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use neargate_common::{Clock, ManualClock, Principal, PrincipalKind, Timestamp};
    use neargate_store::{Db, Read};

    use super::*;
    use crate::event::CallFacts;
    use crate::segments::segment_numbers;

    fn event(time: Timestamp) -> EventRecord {
        let facts = CallFacts {
            time,
            principal: Arc::new(Principal {
                kind: PrincipalKind::Root,
                account: "111111111111".into(),
                arn: "arn:aws:iam::111111111111:root".into(),
                principal_id: "111111111111".into(),
                user_name: None,
                access_key_id: None,
                session: None,
                issuer: None,
            }),
            invoked_by: None,
            event_source: "sts.amazonaws.com",
            event_name: "GetCallerIdentity".into(),
            region: "us-east-1".into(),
            source_ip: std::net::Ipv4Addr::LOCALHOST.into(),
            user_agent: "test".into(),
            request_id: "r".into(),
            read_only: true,
            request_parameters: None,
            response_elements: None,
            error_code: None,
            error_message: None,
            resources: Vec::new(),
        };
        EventRecord::from_call(facts, neargate_common::ids::uuid())
    }

    #[test]
    fn expired_segment_files_are_deleted_and_the_current_one_kept() {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(ManualClock::new(Timestamp::from_secs(1_800_000_000)));
        let db = Db::memory();
        let mut writer = Writer {
            db: db.clone(),
            clock: clock.clone(),
            segments: SegmentWriter::open(dir.path()).unwrap(),
            reader: Arc::new(SegmentReader::new(dir.path())),
            last_sweep: None,
        };
        writer.store(&[event(clock.now())]);
        let old = segment_numbers(dir.path()).unwrap();
        writer.segments.rotate().unwrap();
        clock.advance(Duration::from_secs(91 * 24 * 3600));
        writer.store(&[event(clock.now())]);
        writer.sweep();
        let left = segment_numbers(dir.path()).unwrap();
        assert!(
            old.iter().all(|n| !left.contains(n)),
            "the expired file is gone: {left:?}"
        );
        assert_eq!(left.len(), 1, "the current file stays");
        let runs = db
            .read(|tx| Ok(tx.prefix(&storage::BATCHES, b"")?.len()))
            .unwrap();
        assert_eq!(runs, 1);
    }
}
