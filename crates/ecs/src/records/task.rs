//! A task as stored: the model's `Task`, its status read and moved through one method each, and
//! its tags, volume grant and container instance beside it.

use neargate_model::ecs::Task;
use neargate_store::Table;
use serde::{Deserialize, Serialize};

use crate::tags::{self, Tag};
use crate::task_status::TaskStatus;

/// The `desiredStatus` of a task that is to stop.
pub(crate) const STOPPED: &str = "STOPPED";
/// The `desiredStatus` of a task that is to run.
pub(crate) const RUNNING: &str = "RUNNING";

/// A task as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct TaskRecord {
    /// The task as `DescribeTasks` shows it (without `tags`).
    pub(crate) doc: Task,
    pub(crate) cluster: String,
    pub(crate) family: String,
    pub(crate) tags: Vec<Tag>,
    /// The grant the platform made for the task's volume, once made.
    #[serde(default)]
    pub(crate) grant: Option<String>,
    /// The store key of the container instance it was placed on (`EC2` tasks), until it stops.
    #[serde(default)]
    pub(crate) instance: Option<String>,
}

impl TaskRecord {
    /// Its `lastStatus`.
    pub(crate) fn status(&self) -> TaskStatus {
        TaskStatus::parse(self.doc.last_status.as_deref())
    }

    /// Moves it to `next`, if its status allows (forward only; a stopped task stays stopped).
    pub(crate) fn advance(&mut self, next: TaskStatus) {
        if self.status().can_become(next) {
            self.doc.last_status = Some(next.as_str().to_owned());
        }
    }

    /// Whether it has ended (nothing can change it any more).
    pub(crate) fn is_stopped(&self) -> bool {
        self.status() == TaskStatus::Stopped
    }

    /// Whether it may still be asked to stop.
    pub(crate) fn can_stop(&self) -> bool {
        !self.is_stopped() && !self.stop_requested()
    }

    /// Whether it is to stop (`desiredStatus` `STOPPED`).
    pub(crate) fn stop_requested(&self) -> bool {
        self.doc.desired_status.as_deref() == Some(STOPPED)
    }

    /// Its ARN.
    pub(crate) fn arn(&self) -> &str {
        self.doc.task_arn.as_deref().unwrap_or_default()
    }

    /// Whether a service's deployment started it.
    pub(crate) fn by_service(&self) -> bool {
        self.doc
            .started_by
            .as_deref()
            .is_some_and(|s| s.starts_with("ecs-svc/"))
    }

    pub(crate) fn shown(&self, with_tags: bool) -> Task {
        let mut task = self.doc.clone();
        task.tags = with_tags.then(|| tags::typed(&self.tags));
        task
    }
}

/// Tasks by `account/region/cluster/<task id>`.
pub(crate) const TASKS: Table<TaskRecord> = Table::new("ecs.tasks", 1);
