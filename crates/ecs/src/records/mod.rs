//! ECS's records and their tables: what each resource keeps in the store, with the reads and
//! changes that belong to the record itself. Operations live beside their handlers and use
//! these; nothing here calls an operation.

mod cluster;
mod instance;
mod provider;
mod service;
mod task;
mod task_definition;

pub(crate) use cluster::{CLUSTERS, ClusterRecord, ClusterStatus};
pub(crate) use instance::{
    INSTANCES, InstanceRecord, InstanceStatus, Load, amount, instance_key, instances_of, release,
};
pub(crate) use provider::{BUILT_IN_PROVIDERS, PRIVILEGED_TAG, PROVIDERS, ProviderRecord};
pub(crate) use service::{OLDER_DEPLOYMENT, SERVICES, ServiceRecord, ServiceStatus};
pub(crate) use task::{RUNNING, STOPPED, TASKS, TaskRecord};
pub(crate) use task_definition::{
    TASK_DEFINITIONS, TaskDefinitionRecord, latest_active, revision_key,
};
