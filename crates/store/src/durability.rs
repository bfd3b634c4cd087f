//! Deferred durability: a server thread that answers a request can let its durable writes
//! return before the disk holds them, and wait for the disk (as a future) only before it sends
//! the answer. Nothing is acknowledged before it is durable, and the thread serves other
//! requests while the disk works.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use crate::Result;
use crate::syncer::DurableWait;

thread_local! {
    /// The waits deferred by the scope running on this thread, if one is.
    static DEFERRED: RefCell<Option<Vec<DurableWait>>> = const { RefCell::new(None) };
}

/// Waits for `wait` now, unless a [`deferring_durability`] scope runs on this thread: then it
/// becomes part of that scope's [`Durable`].
pub(crate) fn defer_or_wait(wait: DurableWait) -> Result<()> {
    let undeferred = DEFERRED.with(|deferred| match deferred.borrow_mut().as_mut() {
        Some(waits) => {
            waits.push(wait);
            None
        }
        None => Some(wait),
    });
    undeferred.map_or(Ok(()), DurableWait::wait)
}

/// Puts back the enclosing scope's waits when a scope ends, even by a panic.
struct Scope(Option<Vec<DurableWait>>);

impl Drop for Scope {
    fn drop(&mut self) {
        let outer = self.0.take();
        DEFERRED.with(|deferred| *deferred.borrow_mut() = outer);
    }
}

/// Runs `f` on this thread with the durable writes it makes returning as soon as they are
/// logged (and seen by every later read); returns what `f` returned and a future that is ready
/// once all of them are on disk. Await it before acknowledging anything `f` did. Writes made on
/// other threads wait for the disk as usual.
pub fn deferring_durability<T>(f: impl FnOnce() -> T) -> (T, Durable) {
    let outer = DEFERRED.with(|deferred| deferred.borrow_mut().replace(Vec::new()));
    let scope = Scope(outer);
    let out = f();
    let waits = DEFERRED.with(|deferred| deferred.borrow_mut().take().unwrap_or_default());
    drop(scope);
    (out, Durable { waits })
}

/// The disk's answer for a scope's durable writes: ready with `Ok` once all are on disk, or
/// with the error that kept one from it.
#[must_use = "nothing the scope did is durable until this is ready"]
pub struct Durable {
    waits: Vec<DurableWait>,
}

impl Durable {
    /// Whether the scope made no durable write.
    pub fn is_empty(&self) -> bool {
        self.waits.is_empty()
    }
}

impl std::fmt::Debug for Durable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Durable")
            .field("waits", &self.waits.len())
            .finish()
    }
}

impl Future for Durable {
    type Output = Result<()>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        while let Some(last) = self.waits.last_mut() {
            match Pin::new(last).poll(cx) {
                Poll::Ready(Ok(())) => {
                    self.waits.pop();
                }
                Poll::Ready(Err(e)) => {
                    self.waits.clear();
                    return Poll::Ready(Err(e));
                }
                Poll::Pending => return Poll::Pending,
            }
        }
        Poll::Ready(Ok(()))
    }
}
