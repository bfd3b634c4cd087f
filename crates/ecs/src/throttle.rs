//! The service throttle: when a service's tasks keep failing to start, the scheduler waits
//! longer and longer between attempts (5 s after the second failing round, doubling, up to
//! 27 minutes), as ECS does, and says so once in the service's events. A new deployment, or a
//! task of the deployment reaching `RUNNING`, ends it; the service is never given up on.

use serde::{Deserialize, Serialize};

/// The wait after the second failing round in a row.
const FIRST_WAIT: f64 = 5.0;
/// The longest wait between two attempts: 27 minutes, as ECS documents.
const LONGEST_WAIT: f64 = 27.0 * 60.0;

/// A service's launch throttle, kept in its record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct LaunchThrottle {
    /// The deployment whose tasks are watched (the primary one).
    deployment: String,
    /// Its tasks that failed to start, when last seen.
    failures_seen: u64,
    /// Its running tasks, when last seen.
    running_seen: u64,
    /// Rounds in a row in which tasks failed to start.
    failing_rounds: u32,
    /// When tasks may be started again (epoch seconds; 0: at once).
    next_attempt: f64,
}

impl LaunchThrottle {
    /// Notes what the primary `deployment` shows at `now`: `failed` tasks that never started
    /// in all, `running` tasks now. Returns whether the throttle has just begun (the moment
    /// for the service event).
    pub(crate) fn observe(
        &mut self,
        deployment: &str,
        failed: u64,
        running: u64,
        now: f64,
    ) -> bool {
        if self.deployment != deployment {
            *self = Self {
                deployment: deployment.to_owned(),
                failures_seen: failed,
                running_seen: running,
                ..Self::default()
            };
            return false;
        }
        if running > self.running_seen {
            self.failing_rounds = 0;
            self.next_attempt = 0.0;
        }
        let mut began = false;
        if failed > self.failures_seen {
            self.failing_rounds += 1;
            if self.failing_rounds >= 2 {
                let doublings = i32::try_from(self.failing_rounds - 2)
                    .unwrap_or(i32::MAX)
                    .min(16);
                self.next_attempt = now + (FIRST_WAIT * 2f64.powi(doublings)).min(LONGEST_WAIT);
                began = self.failing_rounds == 2;
            }
        }
        self.failures_seen = failed;
        self.running_seen = running;
        began
    }

    /// Whether tasks may be started at `now`.
    pub(crate) fn allows(&self, now: f64) -> bool {
        now >= self.next_attempt
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_from_the_second_failing_round_and_reset() {
        let mut throttle = LaunchThrottle::default();
        assert!(!throttle.observe("d1", 0, 0, 0.0));
        assert!(
            !throttle.observe("d1", 2, 0, 1.0),
            "one failing round is retried at once"
        );
        assert!(throttle.allows(1.0));
        assert!(throttle.observe("d1", 4, 0, 2.0), "the throttle begins");
        assert!(!throttle.allows(6.9) && throttle.allows(7.0));
        assert!(!throttle.observe("d1", 6, 0, 7.0));
        assert!(
            !throttle.allows(16.9) && throttle.allows(17.0),
            "the wait doubled"
        );
        for round in 0..30 {
            throttle.observe("d1", 8 + round, 0, 100.0);
        }
        assert!(
            throttle.allows(100.0 + LONGEST_WAIT) && !throttle.allows(100.0 + LONGEST_WAIT - 1.0)
        );
        throttle.observe("d1", 40, 1, 200.0);
        assert!(throttle.allows(200.0), "a task that runs ends it");
        throttle.observe("d1", 42, 1, 201.0);
        throttle.observe("d2", 50, 0, 202.0);
        assert!(throttle.allows(202.0), "a new deployment starts afresh");
    }
}
