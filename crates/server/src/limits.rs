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

/// mimalloc's `mi_option_purge_delay` (the same index in its versions 2 and 3).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Makes the allocator hand pages it no longer uses back to the system as soon as they are
/// free, rather than 10 ms later and only if the thread that freed them allocates again (an
/// idle server would otherwise keep a burst's memory). `MIMALLOC_PURGE_DELAY` still overrides it.
pub(crate) fn return_memory_promptly() {
    // SAFETY: setting an option's default takes no pointers and is allowed at any time.
    unsafe { libmimalloc_sys::mi_option_set_default(MI_OPTION_PURGE_DELAY, 0) };
}

/// Hands the memory this thread's allocator holds free back to the system, at most once a
/// second per thread: called when a runtime worker runs out of work, so memory a burst took
/// (bodies, connections) is returned once the burst is over, while a busy server pays nothing.
pub(crate) fn return_free_memory() {
    thread_local! {
        static LAST: std::cell::Cell<Option<std::time::Instant>> = const { std::cell::Cell::new(None) };
    }
    LAST.with(|last| {
        let now = std::time::Instant::now();
        if last
            .get()
            .is_some_and(|at| now.duration_since(at) < Duration::from_secs(1))
        {
            return;
        }
        last.set(Some(now));
        // SAFETY: `mi_collect` only walks the allocator's own structures; it takes no pointers.
        unsafe { libmimalloc_sys::mi_collect(true) };
    });
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
/// declared length (or the largest body allowed, when it declares none) before its body is
/// read, and holds it until it is answered, so however many clients send bodies at once, they
/// hold at most the budget; the others wait, and are closed if they stay silent.
#[derive(Debug, Clone)]
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

/// The declared `Content-Length`, if any and well-formed.
pub(crate) fn declared_length(headers: &http::HeaderMap) -> Option<usize> {
    headers
        .get(http::header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
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
