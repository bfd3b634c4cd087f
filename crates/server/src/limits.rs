//! The server's guards on what clients can take: open files, accept errors, and the memory
//! request bodies hold before anyone knows who sent them.

#![allow(unsafe_code)]

use std::sync::Arc;
use std::time::Duration;

use neargate_common::AwsError;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Raises the soft limit on open files to the hard limit, so a server started under a low
/// default (1024 is common) can hold as many connections as the host allows. Returns the
/// limit now in force.
pub(crate) fn raise_open_file_limit() -> std::io::Result<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `limit` is a valid, writable `rlimit` for the duration of the call.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &raw mut limit) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    if limit.rlim_cur < limit.rlim_max {
        let raised = libc::rlimit {
            rlim_cur: limit.rlim_max,
            rlim_max: limit.rlim_max,
        };
        // SAFETY: `raised` is a valid `rlimit` that outlives the call.
        if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &raw const raised) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        limit = raised;
    }
    Ok(limit.rlim_cur)
}

/// Hands the memory the allocator holds free back to the system once a second, for as long as
/// the runtime runs: pages freed after a burst (bodies, connections) are purged once their short
/// delay has passed, even when no thread allocates again to trigger it, so an idle server does
/// not keep a burst's memory. A busy server pays one collection a second.
pub(crate) async fn return_free_memory() {
    let mut every = tokio::time::interval(Duration::from_secs(1));
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        // SAFETY: `mi_collect` only walks the allocator's own structures; it takes no pointers.
        unsafe { libmimalloc_sys::mi_collect(true) };
    }
}

/// Backing off when `accept` fails: out of file descriptors (`EMFILE`, `ENFILE`) or memory,
/// retrying at once would spin a core and flood the log. The warning is logged at most once a
/// minute, however often accepts fail and recover meanwhile.
#[derive(Debug, Default)]
pub(crate) struct AcceptBackoff {
    /// Failures since the last successful accept.
    failures: u32,
    warned: Option<std::time::Instant>,
}

impl AcceptBackoff {
    /// The first delay; each further failure doubles it, up to [`Self::LONGEST`].
    const FIRST: Duration = Duration::from_millis(5);
    /// The longest delay between two attempts.
    const LONGEST: Duration = Duration::from_secs(1);
    /// The least time between two warnings.
    const QUIET: Duration = Duration::from_secs(60);

    /// Notes a failed `accept` and returns how long to wait before the next.
    pub(crate) fn failed(&mut self, error: &std::io::Error) -> Duration {
        if self.warned.is_none_or(|at| at.elapsed() >= Self::QUIET) {
            tracing::warn!(
                %error,
                "accepting connections failed; new connections wait (existing ones are still \
                 served) until it works again"
            );
            self.warned = Some(std::time::Instant::now());
        }
        self.failures = self.failures.saturating_add(1);
        let doublings = self.failures.min(16) - 1;
        Self::FIRST
            .saturating_mul(1 << doublings)
            .min(Self::LONGEST)
    }

    /// Notes a successful `accept`: the next failure waits the shortest delay again.
    pub(crate) fn succeeded(&mut self) {
        self.failures = 0;
    }
}

/// The memory all request bodies being read may hold at once. A request reserves its
/// declared length (the largest body allowed for a chunked one; nothing when it has no body)
/// before its body is read, and holds it until it is answered, so however many clients send bodies at once, they
/// hold at most the budget; the others wait, and are closed if they stay silent.
#[derive(Debug)]
pub(crate) struct BodyBudget {
    kib: Arc<Semaphore>,
    total_kib: u32,
}

impl BodyBudget {
    /// A budget of `bytes`.
    pub(crate) fn new(bytes: usize) -> Self {
        let total_kib = u32::try_from(bytes.div_ceil(1024))
            .unwrap_or(u32::MAX)
            .min(u32::try_from(Semaphore::MAX_PERMITS).unwrap_or(u32::MAX));
        Self {
            kib: Arc::new(Semaphore::new(total_kib as usize)),
            total_kib,
        }
    }

    /// Reserves room for a body of `bytes`, waiting while the budget is spent.
    pub(crate) async fn reserve(&self, bytes: usize) -> Option<OwnedSemaphorePermit> {
        let kib = u32::try_from(bytes.div_ceil(1024))
            .unwrap_or(u32::MAX)
            .min(self.total_kib);
        if kib == 0 {
            return None;
        }
        self.kib.clone().acquire_many_owned(kib).await.ok()
    }
}

/// The error for a body over `limit` bytes: HTTP 413, as AWS answers.
pub(crate) fn body_too_large(limit: usize) -> AwsError {
    AwsError::with_status(
        413,
        "RequestEntityTooLargeException",
        format!("Request body exceeds the limit of {limit} bytes."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_to_a_second_and_starts_over() {
        let mut backoff = AcceptBackoff::default();
        let error = std::io::Error::from_raw_os_error(libc::EMFILE);
        assert_eq!(backoff.failed(&error), Duration::from_millis(5));
        assert_eq!(backoff.failed(&error), Duration::from_millis(10));
        for _ in 0..20 {
            backoff.failed(&error);
        }
        assert_eq!(backoff.failed(&error), Duration::from_secs(1));
        backoff.succeeded();
        assert_eq!(backoff.failed(&error), Duration::from_millis(5));
    }

    #[tokio::test(flavor = "current_thread")]
    async fn the_budget_holds_bodies_until_they_are_answered() {
        let budget = BodyBudget::new(4096);
        assert!(budget.reserve(0).await.is_none());
        let first = budget.reserve(3000).await.expect("room");
        let waiting = tokio::time::timeout(Duration::from_millis(50), budget.reserve(2048));
        assert!(waiting.await.is_err(), "the budget is spent");
        drop(first);
        assert!(
            budget.reserve(1 << 30).await.is_some(),
            "clamped to the whole budget"
        );
    }
}
