//! What new tasks are made from, beyond their cluster and task definition (from `RunTask`,
//! `StartTask` or a service's deployment), where they run, and the checks they pass first.

use neargate_common::{AwsError, ids};
use neargate_model::ecs::{
    AwsVpcConfiguration, CapacityProviderStrategyItem, Failure, LaunchType, PropagateTags,
    TaskOverride,
};

use crate::errors::invalid;
use crate::fargate::DEFAULT_STORAGE_GIB;
use crate::placement::{Constraint, Strategy};
use crate::records::TaskDefinitionRecord;
use crate::records::{BUILT_IN_PROVIDERS, ClusterRecord, InstanceRecord};
use crate::tags::{self, Tag};

/// What new tasks are made from, beyond their cluster and task definition: from `RunTask`, or
/// from a service's deployment.
#[derive(Debug, Clone)]
pub(crate) struct TaskRequest {
    pub(crate) count: usize,
    pub(crate) placement: Placement,
    pub(crate) platform_version: String,
    /// The key for the tasks' ephemeral storage (the cluster's, or the deployment's).
    pub(crate) key: Option<String>,
    /// `awsvpcConfiguration`.
    pub(crate) network: AwsVpcConfiguration,
    pub(crate) overrides: TaskOverride,
    pub(crate) tags: Vec<Tag>,
    pub(crate) started_by: Option<String>,
    pub(crate) group: String,
    pub(crate) execute_command: bool,
    /// Where `RunTask`'s `clientToken` is recorded.
    pub(crate) token_key: Option<String>,
    /// `EC2` tasks: the placement constraints (the request's and the definition's).
    pub(crate) constraints: Vec<Constraint>,
    /// `EC2` tasks: the placement strategies.
    pub(crate) strategies: Vec<Strategy>,
    /// `StartTask`: the container instances named, one task on each.
    pub(crate) instances: Option<Vec<String>>,
}

/// The members `RunTask` and `StartTask` share.
pub(crate) struct Shared {
    pub(crate) network: Option<AwsVpcConfiguration>,
    pub(crate) overrides: Option<TaskOverride>,
    pub(crate) propagate_tags: Option<PropagateTags>,
    pub(crate) tags: Option<Vec<neargate_model::ecs::Tag>>,
    pub(crate) managed_tags: Option<bool>,
    pub(crate) started_by: Option<String>,
    pub(crate) group: Option<String>,
    pub(crate) execute_command: Option<bool>,
}

impl TaskRequest {
    /// What `RunTask` and `StartTask` share: one `EC2` task of `definition` with the
    /// request's network, overrides, tags, `startedBy` and `group`.
    pub(crate) fn read(
        shared: Shared,
        definition: &TaskDefinitionRecord,
        cluster: &str,
    ) -> Result<Self, AwsError> {
        let tags = request_tags(&shared, definition, cluster)?;
        Ok(Self {
            count: 1,
            placement: Placement {
                launch_type: "EC2".into(),
                capacity_provider: None,
            },
            platform_version: String::new(),
            key: None,
            network: shared.network.unwrap_or_default(),
            overrides: shared.overrides.unwrap_or_default(),
            tags,
            started_by: shared.started_by,
            group: shared
                .group
                .unwrap_or_else(|| format!("family:{}", definition.family)),
            execute_command: shared.execute_command.unwrap_or(false),
            token_key: None,
            constraints: Vec::new(),
            strategies: Vec::new(),
            instances: None,
        })
    }

    /// Checks the request against Fargate and the definition; the first subnet and the
    /// storage size in GiB.
    pub(crate) fn check(
        &self,
        definition: &TaskDefinitionRecord,
    ) -> Result<(Option<String>, u32), AwsError> {
        let launch_type = self.placement.launch_type.as_str();
        if !matches!(launch_type, "FARGATE" | "EC2" | "MANAGED_INSTANCES") {
            return Err(invalid(format!(
                "The {launch_type} launch type is not supported: tasks run on Fargate, on \
                 Managed Instances, or on the cluster's container instances (EC2)."
            )));
        }
        if !definition.compatible_with(launch_type) {
            return Err(invalid(format!(
                "Task definition does not support launch_type {launch_type}."
            )));
        }
        let fargate = launch_type == "FARGATE";
        if fargate && !(self.constraints.is_empty() && self.strategies.is_empty()) {
            return Err(invalid(
                "Task placement constraints and strategies are not supported for the FARGATE \
                 launch type.",
            ));
        }
        if self.key.is_some() && fargate {
            check_key_usable(definition, &self.platform_version)?;
        }
        let subnet = self.network.subnets.iter().flatten().next().cloned();
        let awsvpc =
            definition.definition.network_mode == Some(neargate_model::ecs::NetworkMode::Awsvpc);
        if subnet.is_none() && awsvpc {
            return Err(invalid(
                "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
            ));
        }
        let storage = if fargate {
            storage_size(definition, &self.overrides)?
        } else {
            DEFAULT_STORAGE_GIB
        };
        Ok((subnet, storage))
    }
}

/// Where a task runs: its launch type and capacity provider.
#[derive(Debug, Clone)]
pub(crate) struct Placement {
    pub(crate) launch_type: String,
    pub(crate) capacity_provider: Option<String>,
}

impl Placement {
    /// `launchType` or `capacityProviderStrategy` (or the cluster's default strategy).
    pub(crate) fn read(
        launch_type: Option<&str>,
        strategy: Option<&[CapacityProviderStrategyItem]>,
        cluster: &ClusterRecord,
    ) -> Result<Self, AwsError> {
        let strategy = strategy.filter(|s| !s.is_empty());
        if launch_type.is_some() && strategy.is_some() {
            return Err(invalid(
                "Specifying both a launch type and capacity provider strategy is not \
                 supported. Remove one and try again.",
            ));
        }
        if let Some(launch_type) = launch_type {
            if !LaunchType::VALUES.contains(&launch_type) {
                return Err(invalid(format!("Invalid launch type {launch_type}.")));
            }
            if launch_type == "MANAGED_INSTANCES" {
                // The cluster's Managed Instances provider (the only kind that is not built in).
                let provider = cluster
                    .capacity_providers
                    .iter()
                    .find(|p| !BUILT_IN_PROVIDERS.contains(&p.as_str()))
                    .ok_or_else(|| {
                        invalid(format!(
                            "No Managed Instances capacity provider is associated with cluster \
                             {}. Create one with CreateCapacityProvider.",
                            cluster.name
                        ))
                    })?;
                return Ok(Self {
                    launch_type: launch_type.to_owned(),
                    capacity_provider: Some(provider.clone()),
                });
            }
            return Ok(Self {
                launch_type: launch_type.to_owned(),
                capacity_provider: None,
            });
        }
        let strategy = strategy.unwrap_or(&cluster.default_strategy);
        let Some(first) = strategy
            .iter()
            .max_by_key(|s| (s.base.unwrap_or(0), s.weight.unwrap_or(0)))
        else {
            return Ok(Self {
                launch_type: "EC2".into(),
                capacity_provider: None,
            });
        };
        let provider = first.capacity_provider.as_deref().unwrap_or_default();
        let launch_type = if BUILT_IN_PROVIDERS.contains(&provider) {
            "FARGATE"
        } else if cluster.capacity_providers.iter().any(|p| p == provider) {
            "MANAGED_INSTANCES"
        } else {
            return Err(invalid(format!(
                "The specified capacity provider strategy cannot contain a capacity provider \
                 that is not associated with the cluster. Associate the capacity provider with \
                 the cluster or specify a valid capacity provider and try again. Capacity \
                 provider: {provider}"
            )));
        };
        Ok(Self {
            launch_type: launch_type.into(),
            capacity_provider: Some(provider.to_owned()),
        })
    }
}

/// `platformVersion`: `LATEST` (or nothing) is 1.4.0.
pub(crate) fn platform_version(text: Option<&str>) -> Result<String, AwsError> {
    match text {
        None | Some("LATEST") => Ok("1.4.0".into()),
        Some(v @ ("1.4.0" | "1.3.0" | "1.2.0" | "1.1.0" | "1.0.0")) => Ok(v.to_owned()),
        Some(other) => Err(invalid(format!("Invalid platform version {other}."))),
    }
}

/// A cluster key encrypts only Linux tasks on platform version 1.4.0 or later.
pub(crate) fn check_key_usable(
    definition: &TaskDefinitionRecord,
    version: &str,
) -> Result<(), AwsError> {
    let windows = definition
        .definition
        .runtime_platform
        .as_ref()
        .and_then(|p| p.operating_system_family.as_ref())
        .is_some_and(|f| f.as_str().starts_with("WINDOWS"));
    if windows {
        return Err(invalid(
            "Fargate ephemeral storage encryption with a customer managed key is not \
             supported for Windows tasks.",
        ));
    }
    if version != "1.4.0" {
        return Err(invalid(format!(
            "Fargate ephemeral storage encryption with a customer managed key requires \
             platform version 1.4.0 or later, not {version}."
        )));
    }
    Ok(())
}

/// The task's ephemeral storage in GiB: the override's, the definition's, or 20.
pub(crate) fn storage_size(
    definition: &TaskDefinitionRecord,
    overrides: &TaskOverride,
) -> Result<u32, AwsError> {
    let size = overrides
        .ephemeral_storage
        .as_ref()
        .or(definition.definition.ephemeral_storage.as_ref())
        .and_then(|e| e.size_in_gib);
    match size {
        None => Ok(DEFAULT_STORAGE_GIB),
        Some(gib @ 21..=200) => Ok(u32::try_from(gib).unwrap_or(DEFAULT_STORAGE_GIB)),
        Some(gib) => Err(invalid(format!(
            "The ephemeral storage size {gib} GiB is not valid: it must be between 21 and 200 \
             GiB."
        ))),
    }
}

/// The tags of tasks `RunTask` or `StartTask` makes: the task definition's when `propagateTags`
/// is `TASK_DEFINITION`, the request's over them, and with `enableECSManagedTags` ECS's own.
pub(crate) fn request_tags(
    shared: &Shared,
    definition: &TaskDefinitionRecord,
    cluster: &str,
) -> Result<Vec<Tag>, AwsError> {
    let mut tags = match &shared.propagate_tags {
        None | Some(PropagateTags::None) => Vec::new(),
        Some(PropagateTags::TaskDefinition) => definition.tags.clone(),
        Some(other) => {
            return Err(invalid(format!(
                "Invalid propagateTags value {other}: tasks started here propagate \
                 TASK_DEFINITION or NONE."
            )));
        }
    };
    tags::merge(&mut tags, tags::given(shared.tags.as_deref())?);
    if shared.managed_tags.unwrap_or(false) {
        tags::merge(&mut tags, tags::managed(cluster, None));
    }
    Ok(tags)
}

/// A random number for the `random` placement strategy.
pub(crate) fn random() -> u64 {
    let mut bytes = [0u8; 8];
    ids::random_bytes(&mut bytes);
    u64::from_le_bytes(bytes)
}

/// Where each task goes (its container instance's store key and record; `None` for a Fargate
/// task) and, for tasks that could not be placed, the failures.
pub(crate) type Hosts = (Vec<Option<(String, InstanceRecord)>>, Vec<Failure>);

/// A placement failure on `arn`.
pub(crate) fn placement_failure(arn: &str, reason: &str) -> Failure {
    Failure {
        arn: Some(arn.to_owned()),
        reason: Some(reason.to_owned()),
        detail: None,
    }
}
