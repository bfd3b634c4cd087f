//! A task's life as ECS shows it in `lastStatus`: the statuses, the order they come in, and
//! what each allows. A task only moves forward, and a stopped task stays stopped.

/// A task's `lastStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum TaskStatus {
    /// Recorded; its volume, network and image are not ready yet.
    Provisioning,
    /// Its key, volume, network and containers are being prepared.
    Pending,
    /// Its essential containers run.
    Running,
    /// Asked to stop while running (or while starting): its containers are being stopped.
    Deactivating,
    /// Ended, or never started.
    Stopped,
}

impl TaskStatus {
    /// The status as ECS spells it.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Provisioning => "PROVISIONING",
            Self::Pending => "PENDING",
            Self::Running => "RUNNING",
            Self::Deactivating => "DEACTIVATING",
            Self::Stopped => "STOPPED",
        }
    }

    /// The status `text` names (a stored `lastStatus`); a task recorded before it had one is
    /// provisioning.
    pub(crate) fn parse(text: Option<&str>) -> Self {
        match text {
            Some("PENDING") => Self::Pending,
            Some("RUNNING") => Self::Running,
            Some("DEACTIVATING" | "STOPPING" | "DEPROVISIONING") => Self::Deactivating,
            Some("STOPPED") => Self::Stopped,
            _ => Self::Provisioning,
        }
    }

    /// Whether a task in this status may move to `next`: forward only, never out of `STOPPED`.
    pub(crate) fn can_become(self, next: Self) -> bool {
        self != Self::Stopped && next >= self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [TaskStatus; 5] = [
        TaskStatus::Provisioning,
        TaskStatus::Pending,
        TaskStatus::Running,
        TaskStatus::Deactivating,
        TaskStatus::Stopped,
    ];

    #[test]
    fn statuses_move_forward_and_a_stopped_task_stays_stopped() {
        for status in ALL {
            assert_eq!(TaskStatus::parse(Some(status.as_str())), status);
            assert!(!TaskStatus::Stopped.can_become(status));
        }
        assert!(TaskStatus::Provisioning.can_become(TaskStatus::Stopped));
        assert!(TaskStatus::Pending.can_become(TaskStatus::Deactivating));
        assert!(!TaskStatus::Running.can_become(TaskStatus::Pending));
        assert!(!TaskStatus::Deactivating.can_become(TaskStatus::Running));
        assert_eq!(TaskStatus::parse(None), TaskStatus::Provisioning);
    }
}
