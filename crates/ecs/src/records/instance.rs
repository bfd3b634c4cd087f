//! A container instance as stored: what it has, what its tasks hold of it, and how it is
//! shown and placed on.

use std::collections::BTreeMap;

use neargate_common::Timestamp;
use neargate_model::Time;
use neargate_model::ecs::{
    Attribute, ContainerInstance, ContainerInstanceHealthStatus, InstanceHealthCheckResult,
    InstanceHealthCheckState, InstanceHealthCheckType, Resource, VersionInfo,
};
use neargate_store::{Read, Table, WriteTx};
use serde::{Deserialize, Serialize};

use crate::names::{Scope, short_name};
use crate::placement::Candidate;
use crate::query;
use crate::tags::{self, Tag};

/// A container instance's `status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub(crate) enum InstanceStatus {
    /// Takes new tasks.
    Active,
    /// Takes no new tasks; its service tasks are being moved off.
    Draining,
    /// Deregistered.
    Inactive,
}

impl InstanceStatus {
    /// The status as ECS spells it.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Active => "ACTIVE",
            Self::Draining => "DRAINING",
            Self::Inactive => "INACTIVE",
        }
    }
}

/// What one task holds on its instance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Load {
    pub(crate) group: String,
    pub(crate) cpu: i64,
    pub(crate) memory: i64,
}

/// A container instance as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct InstanceRecord {
    pub(crate) id: String,
    pub(crate) arn: String,
    pub(crate) cluster: String,
    pub(crate) ec2_instance_id: String,
    /// `ACTIVE`, `DRAINING` or (deregistered) `INACTIVE`.
    pub(crate) status: InstanceStatus,
    /// Whether this host's agent registered it.
    pub(crate) local: bool,
    pub(crate) connected: bool,
    /// `registeredResources` as registered.
    pub(crate) resources: Vec<Resource>,
    /// Built-in (`ecs.*`) and custom attributes.
    pub(crate) attributes: BTreeMap<String, Option<String>>,
    pub(crate) version_info: VersionInfo,
    pub(crate) registered_at: Timestamp,
    pub(crate) version: i64,
    pub(crate) tags: Vec<Tag>,
    /// The tasks placed on it that have not stopped, by task id.
    pub(crate) tasks: BTreeMap<String, Load>,
    /// The Managed Instances capacity provider that made it, if one did.
    #[serde(default)]
    pub(crate) capacity_provider: Option<String>,
    /// A managed instance: since when it has held no task.
    #[serde(default)]
    pub(crate) idle_since: Option<Timestamp>,
}

/// Container instances by `account/region/cluster/<id>`.
pub(crate) const INSTANCES: Table<InstanceRecord> = Table::new("ecs.container_instances", 1);

/// The value of the resource `name` among `resources` (`integerValue` or `longValue`).
pub(crate) fn amount(resources: &[Resource], name: &str) -> i64 {
    resources
        .iter()
        .find(|r| r.name.as_deref() == Some(name))
        .and_then(|r| {
            r.integer_value
                .filter(|v| *v != 0)
                .map(i64::from)
                .or(r.long_value)
        })
        .unwrap_or(0)
}

impl InstanceRecord {
    /// Whether it is still registered (active or draining).
    pub(crate) fn is_registered(&self) -> bool {
        self.status != InstanceStatus::Inactive
    }

    /// Whether new tasks may be placed on it.
    pub(crate) fn can_take_tasks(&self) -> bool {
        self.status == InstanceStatus::Active
    }

    pub(crate) fn used(&self) -> (i64, i64) {
        self.tasks
            .values()
            .fold((0, 0), |(c, m), l| (c + l.cpu, m + l.memory))
    }

    /// What placement needs of it.
    pub(crate) fn candidate(&self) -> Candidate {
        let (cpu, memory) = self.used();
        Candidate {
            arn: self.arn.clone(),
            connected: self.connected,
            cpu_left: amount(&self.resources, "CPU") - cpu,
            memory_left: amount(&self.resources, "MEMORY") - memory,
            attributes: self.attributes.clone(),
            ec2_instance_id: self.ec2_instance_id.clone(),
            agent_version: self.version_info.agent_version.clone().unwrap_or_default(),
            registered_at: self.registered_at.to_iso8601(),
            groups: self.tasks.values().map(|l| l.group.clone()).collect(),
        }
    }

    /// The resources left: the registered ones less what the tasks hold.
    pub(crate) fn remaining(&self) -> Vec<Resource> {
        let (cpu, memory) = self.used();
        self.resources
            .iter()
            .map(|r| {
                let used = match r.name.as_deref() {
                    Some("CPU") => cpu,
                    Some("MEMORY") => memory,
                    _ => return r.clone(),
                };
                let value = amount(std::slice::from_ref(r), r.name.as_deref().unwrap_or(""));
                Resource {
                    integer_value: i32::try_from(value - used).ok(),
                    ..r.clone()
                }
            })
            .collect()
    }

    pub(crate) fn shown_attributes(&self) -> Vec<Attribute> {
        self.attributes
            .iter()
            .map(|(name, value)| Attribute {
                name: Some(name.clone()),
                value: value.clone(),
                ..Attribute::default()
            })
            .collect()
    }

    /// The instance as ECS shows it; `counts` are its running and pending tasks.
    pub(crate) fn shown(&self, counts: (usize, usize), with_tags: bool) -> ContainerInstance {
        let count = |n: usize| i32::try_from(n).ok();
        ContainerInstance {
            container_instance_arn: Some(self.arn.clone()),
            ec2_instance_id: Some(self.ec2_instance_id.clone()),
            version: Some(self.version),
            version_info: Some(self.version_info.clone()),
            remaining_resources: Some(self.remaining()),
            registered_resources: Some(self.resources.clone()),
            status: Some(self.status.as_str().to_owned()),
            agent_connected: Some(self.connected),
            running_tasks_count: count(counts.0),
            pending_tasks_count: count(counts.1),
            attributes: Some(self.shown_attributes()),
            registered_at: Some(Time(self.registered_at)),
            attachments: Some(Vec::new()),
            capacity_provider_name: self.capacity_provider.clone(),
            tags: with_tags.then(|| tags::typed(&self.tags)),
            ..ContainerInstance::default()
        }
    }

    /// `healthStatus` as of `now`: the container runtime of an instance whose agent is
    /// connected (the host's: `runc` runs its tasks) is `OK`; of any other, nothing is known.
    pub(crate) fn health(&self, now: Timestamp) -> ContainerInstanceHealthStatus {
        if self.connected {
            ContainerInstanceHealthStatus {
                overall_status: Some(InstanceHealthCheckState::Ok),
                details: Some(vec![InstanceHealthCheckResult {
                    type_: Some(InstanceHealthCheckType::ContainerRuntime),
                    status: Some(InstanceHealthCheckState::Ok),
                    last_updated: Some(Time(now)),
                    last_status_change: Some(Time(self.registered_at)),
                    status_reason: None,
                }]),
            }
        } else {
            ContainerInstanceHealthStatus {
                overall_status: Some(InstanceHealthCheckState::InsufficientData),
                details: Some(Vec::new()),
            }
        }
    }

    /// Whether a `ListContainerInstances` filter selects it.
    pub(crate) fn matches(&self, expr: &query::Expr) -> bool {
        self.candidate().matches(expr)
    }
}

/// The store key of instance `text` (an id or ARN) of `cluster`.
pub(crate) fn instance_key(scope: Scope<'_>, cluster: &str, text: &str) -> String {
    scope.key(&format!(
        "{cluster}/{}",
        short_name(text, "container-instance")
    ))
}

/// The instances of `cluster` (every status).
pub(crate) fn instances_of(
    tx: &impl Read,
    scope: Scope<'_>,
    cluster: &str,
) -> neargate_store::Result<Vec<(Vec<u8>, InstanceRecord)>> {
    let prefix = scope.key(&format!("{cluster}/"));
    let end = neargate_store::prefix_end(prefix.as_bytes());
    tx.range(&INSTANCES, prefix.as_bytes(), &end, false, usize::MAX)
}

/// Gives back what the task `task_id` held on the instance at `instance_key`.
pub(crate) fn release(
    tx: &mut WriteTx<'_>,
    instance_key: &str,
    task_id: &str,
) -> neargate_store::Result<()> {
    if let Some(mut instance) = tx.get(&INSTANCES, instance_key.as_bytes())?
        && instance.tasks.remove(task_id).is_some()
    {
        tx.put(&INSTANCES, instance_key.as_bytes(), &instance)?;
    }
    Ok(())
}
