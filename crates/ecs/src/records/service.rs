//! A service as stored: the model's `Service`, its status moved forward through one method, its
//! events, and what the scheduler keeps beside it.

use neargate_common::ids;
use neargate_model::Time;
use neargate_model::ecs::{Service, ServiceEvent};
use neargate_store::Table;
use serde::{Deserialize, Serialize};

use crate::tags::{self, Tag};
use crate::throttle::LaunchThrottle;

/// A service's `status`: it moves forward only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum ServiceStatus {
    /// It runs its desired count.
    Active,
    /// Deleted; its tasks are stopping.
    Draining,
    /// Deleted and drained.
    Inactive,
}

impl ServiceStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Active => "ACTIVE",
            Self::Draining => "DRAINING",
            Self::Inactive => "INACTIVE",
        }
    }

    fn parse(text: Option<&str>) -> Self {
        match text {
            Some("DRAINING") => Self::Draining,
            Some("INACTIVE") => Self::Inactive,
            _ => Self::Active,
        }
    }
}

/// A deployment's `status` once a newer one is primary.
pub(crate) const OLDER_DEPLOYMENT: &str = "ACTIVE";

/// A service as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct ServiceRecord {
    /// The service as `DescribeServices` shows it (without `tags`).
    pub(crate) doc: Service,
    pub(crate) cluster: String,
    pub(crate) tags: Vec<Tag>,
    /// Counts changes made by calls, so a scheduler pass that read an older version does not
    /// overwrite them (it runs again a moment later).
    #[serde(default)]
    pub(crate) generation: u64,
    /// How long the scheduler waits before starting tasks again, when they keep failing.
    #[serde(default)]
    pub(crate) throttle: LaunchThrottle,
    /// The `clientToken` it was created with: creating it again with the same token is the
    /// same call.
    #[serde(default)]
    pub(crate) client_token: Option<String>,
}

impl ServiceRecord {
    pub(crate) fn name(&self) -> &str {
        self.doc.service_name.as_deref().unwrap_or_default()
    }

    pub(crate) fn status(&self) -> ServiceStatus {
        ServiceStatus::parse(self.doc.status.as_deref())
    }

    /// Moves it to `next` (forward only: a deleted service is never active again).
    pub(crate) fn advance(&mut self, next: ServiceStatus) {
        if next > self.status() {
            self.doc.status = Some(next.as_str().to_owned());
        }
    }

    /// Whether it is gone (deleted and drained).
    pub(crate) fn is_inactive(&self) -> bool {
        self.status() == ServiceStatus::Inactive
    }

    /// Whether calls may change it (it is neither deleted nor draining).
    pub(crate) fn can_update(&self) -> bool {
        self.status() == ServiceStatus::Active
    }

    pub(crate) fn shown(&self, with_tags: bool) -> Service {
        let mut service = self.doc.clone();
        service.tags = with_tags.then(|| tags::typed(&self.tags));
        service
    }

    /// Adds an event, newest first, keeping the last 100; a message the newest event already
    /// gives (a placement that keeps failing, pass after pass) is not repeated.
    pub(crate) fn event(&mut self, now: Time, message: String) {
        let events = self.doc.events.get_or_insert_with(Vec::new);
        if events
            .first()
            .is_none_or(|e| e.message.as_deref() != Some(message.as_str()))
        {
            events.insert(
                0,
                ServiceEvent {
                    id: Some(ids::fast_uuid()),
                    created_at: Some(now),
                    message: Some(message),
                },
            );
            events.truncate(100);
        }
    }
}

/// Services by `account/region/cluster/name`.
pub(crate) const SERVICES: Table<ServiceRecord> = Table::new("ecs.services", 1);
