//! Small helpers for the engine's locks and background threads.

use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::{Result, StoreError};

/// Locks `mutex`, going on past a panic in another holder: every guarded state here stays
/// consistent between statements.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Starts a background thread called `name` running `work`.
pub(crate) fn spawn(
    name: &str,
    work: impl FnOnce() + Send + 'static,
) -> Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(work)
        .map_err(|e| StoreError::Engine(format!("starting thread {name}: {e}")))
}
