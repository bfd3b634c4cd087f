//! The tasks running on this host now, by ARN.

use std::collections::HashMap;
use std::sync::Mutex;

use neargate_agent::launch::Launched;

/// The tasks running now, by ARN.
#[derive(Debug, Default)]
pub(crate) struct Running(Mutex<HashMap<String, Launched>>);

impl Running {
    pub(crate) fn insert(&self, arn: &str, launched: Launched) {
        self.lock().insert(arn.to_owned(), launched);
    }

    pub(crate) fn remove(&self, arn: &str) {
        self.lock().remove(arn);
    }

    /// The ARNs of the tasks running now.
    pub(crate) fn arns(&self) -> Vec<String> {
        self.lock().keys().cloned().collect()
    }

    /// Asks the task `arn` to stop, if it runs here.
    pub(crate) fn stop(&self, arn: &str) {
        if let Some(task) = self.lock().get(arn) {
            task.stop();
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Launched>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
