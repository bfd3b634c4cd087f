//! The thread that makes the log durable: while records wait for the disk, it runs one
//! `fdatasync` after another, each covering every record appended before it started. A writer
//! waits for the one that covers its record, blocking its thread ([`DurableWait::wait`]) or as
//! a future ([`DurableWait`]), so a server's request threads go on serving meanwhile.

use std::fs::File;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::task::{Context, Poll, Waker};

use crate::threads::{lock, spawn};
use crate::{Result, StoreError};

/// Which log files an `fdatasync` must cover.
pub(crate) struct Files {
    /// The file being written.
    pub(crate) current: u8,
    /// The file written before the last switch, until an `fdatasync` covers its end.
    pub(crate) unsynced_previous: Option<u8>,
}

/// How far the log is on disk, and who waits for more.
#[derive(Default)]
struct State {
    /// Bytes of the log (over its whole life) known to be on disk.
    synced: u64,
    /// The most any writer waits for.
    requested: u64,
    /// The bytes an `fdatasync` that failed was to cover, and why it failed: waits for them fail.
    failed: Option<(u64, String)>,
    /// Futures waiting, with the length each waits for.
    wakers: Vec<(u64, Waker)>,
    stop: bool,
}

/// What the sync thread and the writers share.
pub(crate) struct Syncer {
    /// Handles on the log's two files.
    handles: [File; 2],
    /// Which of them the next `fdatasync` covers.
    pub(crate) files: Mutex<Files>,
    /// Bytes appended to the log over its life.
    pub(crate) appended: AtomicU64,
    state: Mutex<State>,
    /// Wakes the sync thread.
    wanted: Condvar,
    /// Signalled after each `fdatasync`.
    done: Condvar,
}

impl Syncer {
    /// A syncer for the log files `handles`, writing `current`, and its thread.
    pub(crate) fn start(
        handles: [File; 2],
        current: u8,
    ) -> Result<(Arc<Self>, std::thread::JoinHandle<()>)> {
        let syncer = Arc::new(Self {
            handles,
            files: Mutex::new(Files {
                current,
                unsynced_previous: None,
            }),
            appended: AtomicU64::new(0),
            state: Mutex::default(),
            wanted: Condvar::new(),
            done: Condvar::new(),
        });
        let thread = {
            let syncer = Arc::clone(&syncer);
            spawn("neargate-log-sync", move || syncer.run())?
        };
        Ok((syncer, thread))
    }

    /// Stops the thread once every requested `fdatasync` is done.
    pub(crate) fn stop(&self) {
        lock(&self.state).stop = true;
        self.wanted.notify_all();
    }

    /// Records that the log is on disk up to `length` (a durable checkpoint holds it).
    pub(crate) fn mark_synced(&self, length: u64) {
        let mut state = lock(&self.state);
        state.synced = state.synced.max(length);
        self.wake(state);
    }

    /// A wait for the log to be on disk up to `end`.
    pub(crate) fn durable(self: &Arc<Self>, end: u64) -> DurableWait {
        DurableWait {
            syncer: Arc::clone(self),
            end,
        }
    }

    fn run(&self) {
        loop {
            {
                let mut state = lock(&self.state);
                while state.requested <= state.synced && !state.stop {
                    state = self
                        .wanted
                        .wait(state)
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                }
                if state.requested <= state.synced {
                    return;
                }
            }
            let covered = self.appended.load(Ordering::SeqCst);
            let outcome = self.sync_files();
            let mut state = lock(&self.state);
            match outcome {
                Ok(()) => state.synced = state.synced.max(covered),
                Err(e) => {
                    // The waits it was to answer fail; later ones ask for another.
                    state.failed = Some((covered, e.to_string()));
                    if state.requested <= covered {
                        state.requested = state.synced;
                    }
                }
            }
            self.wake(state);
        }
    }

    /// Wakes the waiters that `state` answers.
    fn wake(&self, mut state: MutexGuard<'_, State>) {
        let synced = state.synced;
        let failed_below = state.failed.as_ref().map_or(0, |(below, _)| *below);
        let (ready, waiting) = std::mem::take(&mut state.wakers)
            .into_iter()
            .partition(|(end, _)| *end <= synced || *end <= failed_below);
        state.wakers = waiting;
        drop(state);
        for (_, waker) in ready {
            waker.wake();
        }
        self.done.notify_all();
    }

    /// `fdatasync`s the file left behind by a switch, if it needs it, and the current file.
    fn sync_files(&self) -> std::io::Result<()> {
        let (current, previous) = {
            let mut files = lock(&self.files);
            (files.current, files.unsynced_previous.take())
        };
        if let Some(previous) = previous
            && let Err(e) = self.handles[usize::from(previous)].sync_data()
        {
            lock(&self.files).unsynced_previous.get_or_insert(previous);
            return Err(e);
        }
        self.handles[usize::from(current)].sync_data()
    }

    /// Whether the log is on disk up to `end` (`Some(Ok)`), cannot be (`Some(Err)`), or not
    /// yet; asks the thread for an `fdatasync` in the last case.
    fn check(&self, state: &mut State, end: u64) -> Option<Result<()>> {
        if state.synced >= end {
            return Some(Ok(()));
        }
        if let Some((below, reason)) = &state.failed
            && end <= *below
        {
            return Some(Err(StoreError::Engine(format!(
                "write-ahead log: {reason}"
            ))));
        }
        if state.requested < end {
            state.requested = end;
            self.wanted.notify_one();
        }
        None
    }
}

/// Waits for the log to be on disk up to a length a writer's record ends at.
pub(crate) struct DurableWait {
    syncer: Arc<Syncer>,
    end: u64,
}

impl DurableWait {
    /// Blocks the thread until then.
    pub(crate) fn wait(self) -> Result<()> {
        let mut state = lock(&self.syncer.state);
        loop {
            if let Some(outcome) = self.syncer.check(&mut state, self.end) {
                return outcome;
            }
            state = self
                .syncer
                .done
                .wait(state)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }
}

impl Future for DurableWait {
    type Output = Result<()>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut state = lock(&self.syncer.state);
        match self.syncer.check(&mut state, self.end) {
            Some(outcome) => Poll::Ready(outcome),
            None => {
                state.wakers.push((self.end, cx.waker().clone()));
                Poll::Pending
            }
        }
    }
}
