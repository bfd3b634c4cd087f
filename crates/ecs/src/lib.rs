//! ECS: clusters (with the customer managed key for Fargate ephemeral storage), task
//! definitions, and tasks that really run on the agent. State lives in the store; the platform's
//! own calls (KMS, the agent) go through the [`Platform`] the server provides, so they are
//! authorized and audited like any other call.

/// Sets each member of `update` that is given on `target` (the others stay as they are).
macro_rules! given_members {
    ($target:expr, $update:expr, $($member:ident),+) => {
        $(if let Some(value) = $update.$member {
            $target.$member = Some(value);
        })+
    };
}

mod account_settings;
mod capacity_providers;
mod clusters;
mod container_instances;
mod errors;
mod fargate;
mod input;
mod managed_instances;
mod names;
mod placement;
mod query;
mod records;
mod resource_tags;
mod roles;
mod services;
mod tags;
mod task_definitions;
mod task_index;
mod task_key;
mod task_request;
mod task_status;
mod tasks;
mod throttle;

use std::sync::Arc;

use neargate_common::{AwsError, Principal, SharedClock};
use neargate_model::kms::{DescribeKeyRequest, DescribeKeyResponse};
use neargate_store::{Db, RecordCache};

pub use container_instances::{AGENT_PRINCIPAL, host_cpu_units, host_memory_mib};
pub use task_key::{KeyService, ServiceCaller, TaskKey};
pub use tasks::{LaunchOrder, TaskUpdate, TaskView, resource_suffix};

/// What ECS needs from the rest of the platform.
pub trait Platform {
    /// KMS `DescribeKey`, made on the caller's behalf (`aws:CalledVia` ECS).
    fn describe_key(&self, input: DescribeKeyRequest) -> Result<DescribeKeyResponse, AwsError>;
    /// Starts launching a task just recorded (returns at once; progress comes back through
    /// [`Ecs::update_task`]).
    fn launch(&self, order: LaunchOrder);
    /// Why no task can launch here, if none can (no agent runs tasks): tasks are then recorded
    /// as stopped with `TaskFailedToStart` and this reason in the write that makes them.
    fn unlaunchable(&self) -> Option<&str>;
    /// Asks a running task to stop.
    fn stop(&self, task_arn: &str);
}

/// Who calls.
pub struct Caller<'a> {
    /// The authenticated principal.
    pub principal: &'a Principal,
    /// The region the request was signed for.
    pub region: &'a str,
    /// The rest of the platform, acting for this caller.
    pub platform: &'a dyn Platform,
}

impl std::fmt::Debug for Caller<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Caller")
            .field("principal", &self.principal.arn)
            .field("region", &self.region)
            .finish_non_exhaustive()
    }
}

impl Caller<'_> {
    fn scope(&self) -> names::Scope<'_> {
        names::Scope {
            account: &self.principal.account,
            region: self.region,
        }
    }
}

/// The ECS service.
#[derive(Debug)]
pub struct Ecs {
    db: Db,
    clock: SharedClock,
    /// This host's CPU units and MiB of memory: the most a managed instance is given.
    host: (i64, i64),
    /// Clusters as the calls that name them read them (every task call does).
    clusters: RecordCache<records::ClusterRecord>,
    /// Task definitions as `RunTask` and services name them (`family` or `family:revision`).
    definitions: RecordCache<records::TaskDefinitionRecord>,
}

/// Evaluates the cluster query language expression `text` (a `memberOf` constraint or a
/// `ListContainerInstances` filter) against an instance with `attributes` and tasks of
/// `task_groups`; the parse error if it is malformed.
pub fn query_matches(
    text: &str,
    attributes: &std::collections::BTreeMap<String, Option<String>>,
    task_groups: &[&str],
) -> Result<bool, String> {
    let expr = query::parse(text)?;
    Ok(expr.matches(&query::Subject {
        attributes,
        ec2_instance_id: "i-0123456789abcdef0",
        agent_connected: true,
        agent_version: env!("CARGO_PKG_VERSION"),
        registered_at: "2026-01-01T00:00:00Z",
        running_tasks: task_groups.len(),
        task_groups,
    }))
}

impl Ecs {
    /// ECS over `db`, its times from `clock`.
    pub fn new(db: Db, clock: SharedClock) -> Arc<Self> {
        Arc::new(Self {
            db,
            clock,
            host: (host_cpu_units(), host_memory_mib()),
            clusters: RecordCache::new(&records::CLUSTERS),
            definitions: RecordCache::new(&records::TASK_DEFINITIONS),
        })
    }
}
