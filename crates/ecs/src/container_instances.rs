//! Container instances: hosts registered with a cluster for `EC2` launch type tasks
//! (`RegisterContainerInstance`, `DeregisterContainerInstance`, `DescribeContainerInstances`,
//! `ListContainerInstances`, `UpdateContainerInstancesState`) and what each one has given to
//! the tasks placed on it.
//!
//! The host's own agent registers through the same call as the platform's agent principal
//! ([`AGENT_PRINCIPAL`]); only its instance has an agent connected. An instance registered by
//! anyone else has no agent behind it, so placement refuses it with `AGENT`, as ECS does for an
//! instance whose agent is disconnected.

use std::collections::BTreeMap;

use neargate_common::{AwsError, PrincipalKind, ids};
use neargate_model::ecs::{
    Attribute, ContainerInstance, ContainerInstanceField, ContainerInstanceStatus,
    DeleteAttributesRequest, DeleteAttributesResponse, DeregisterContainerInstanceRequest,
    DeregisterContainerInstanceResponse, DescribeContainerInstancesRequest,
    DescribeContainerInstancesResponse, ListAttributesRequest, ListAttributesResponse,
    ListContainerInstancesRequest, ListContainerInstancesResponse, PutAttributesRequest,
    PutAttributesResponse, RegisterContainerInstanceRequest, RegisterContainerInstanceResponse,
    Resource, TargetType, UpdateContainerInstancesStateRequest,
    UpdateContainerInstancesStateResponse, ops,
};
use neargate_model::{Access, ConditionKey, Handler, Question};
use neargate_store::Read;
use serde_json::Value;

use crate::errors::{invalid, server};
use crate::input::required;
use crate::names::{Scope, cluster_arn, instance_arn, limit, missing, short_name, typed_page};
use crate::query;
use crate::records::{
    INSTANCES, InstanceRecord, InstanceStatus, TASKS, amount, instance_key, instances_of,
};
use crate::tags;
use crate::{Caller, Ecs};
use neargate_model::ecs::Error as EcsError;

/// The service principal the host's agent registers as.
pub const AGENT_PRINCIPAL: &str = "ecs.amazonaws.com";

/// The custom attributes an instance may carry.
const MAX_CUSTOM_ATTRIBUTES: usize = 10;

/// Whether `name` is a valid attribute name: up to 128 letters, digits and `-_./\`.
fn valid_attribute_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 128
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./\\".contains(&b))
}

/// Whether `value` is a valid attribute value: up to 128 letters, digits, spaces and
/// `-_.@/\:`, not starting or ending with a space.
fn valid_attribute_value(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 128
        && value.trim() == value
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b" -_.@/\\:".contains(&b))
}

/// `attributes` (`name`, optional `value`), validated as ECS does.
fn read_attributes(list: &[Attribute]) -> Result<Vec<(String, Option<String>)>, AwsError> {
    list.iter()
        .map(|a| {
            let name = a.name.as_deref().unwrap_or_default();
            if !valid_attribute_name(name) {
                return Err(invalid(format!(
                    "Invalid attribute name '{name}': up to 128 letters, numbers, hyphens, \
                     underscores, periods and slashes."
                )));
            }
            if let Some(value) = a.value.as_deref()
                && !valid_attribute_value(value)
            {
                return Err(invalid(format!(
                    "Invalid value for attribute '{name}': up to 128 letters, numbers, \
                     spaces, hyphens, underscores, periods, at signs, slashes and colons, \
                     without leading or trailing spaces."
                )));
            }
            Ok((name.to_owned(), a.value.clone()))
        })
        .collect()
}

fn count_custom(attributes: &BTreeMap<String, Option<String>>) -> usize {
    attributes.keys().filter(|k| !k.starts_with("ecs.")).count()
}

fn attribute_limit() -> AwsError {
    EcsError::AttributeLimitExceededException.with(format!(
        "You can apply up to {MAX_CUSTOM_ATTRIBUTES} custom attributes to a resource."
    ))
}

/// The instance id a registration's identity document names, or a new one.
fn ec2_instance_id(identity: &Value) -> String {
    identity["instanceId"].as_str().map_or_else(
        || format!("i-{}", &ids::fast_uuid().replace('-', "")[..17]),
        str::to_owned,
    )
}

/// The `ecs.*` attributes of an instance, from its identity document (zone, instance type)
/// and the host's platform.
pub(crate) fn built_in_attributes(
    identity: &Value,
    region: &str,
) -> BTreeMap<String, Option<String>> {
    let text = |value: &str| Some(value.to_owned());
    BTreeMap::from([
        ("ecs.os-type".to_owned(), text("linux")),
        ("ecs.os-family".to_owned(), text("LINUX")),
        ("ecs.cpu-architecture".to_owned(), text("x86_64")),
        (
            "ecs.availability-zone".to_owned(),
            Some(
                identity["availabilityZone"]
                    .as_str()
                    .map_or_else(|| format!("{region}a"), str::to_owned),
            ),
        ),
        (
            "ecs.instance-type".to_owned(),
            text(identity["instanceType"].as_str().unwrap_or("neargate.host")),
        ),
    ])
}

/// The tasks on `instance`: (running, pending).
fn task_counts(
    tx: &impl Read,
    scope: Scope<'_>,
    instance: &InstanceRecord,
) -> neargate_store::Result<(usize, usize)> {
    let mut counts = (0, 0);
    for id in instance.tasks.keys() {
        let key = scope.key(&format!("{}/{id}", instance.cluster));
        match tx.get(&TASKS, key.as_bytes())? {
            Some(t) if t.status() == crate::task_status::TaskStatus::Running => counts.0 += 1,
            Some(_) => counts.1 += 1,
            None => {}
        }
    }
    Ok(counts)
}

impl Ecs {
    /// The instance as shown, read in `tx`.
    fn show_instance(
        tx: &impl Read,
        scope: Scope<'_>,
        instance: &InstanceRecord,
        with_tags: bool,
    ) -> neargate_store::Result<ContainerInstance> {
        Ok(instance.shown(task_counts(tx, scope, instance)?, with_tags))
    }

    fn register_container_instance(
        &self,
        caller: &Caller<'_>,
        input: RegisterContainerInstanceRequest,
    ) -> Result<RegisterContainerInstanceResponse, AwsError> {
        if input
            .platform_devices
            .as_ref()
            .is_some_and(|d| !d.is_empty())
        {
            return Err(invalid(
                "platformDevices (GPUs) are not supported: no task here can be given a device.",
            ));
        }
        let scope = caller.scope();
        let cluster = self.cluster(scope, input.cluster.as_deref())?;
        let local = caller.principal.kind == PrincipalKind::AwsService
            && caller.principal.arn == AGENT_PRINCIPAL;
        let resources = match input.total_resources {
            Some(list) if !list.is_empty() => list,
            _ => default_resources(),
        };
        for name in ["CPU", "MEMORY"] {
            if amount(&resources, name) < 0 {
                return Err(invalid(format!("The {name} resource cannot be negative.")));
            }
        }
        let identity: Value = input
            .instance_identity_document
            .as_deref()
            .and_then(|d| serde_json::from_str(d).ok())
            .unwrap_or_default();
        let mut attributes = built_in_attributes(&identity, scope.region);
        attributes.extend(read_attributes(
            input.attributes.as_deref().unwrap_or_default(),
        )?);
        if count_custom(&attributes) > MAX_CUSTOM_ATTRIBUTES {
            return Err(attribute_limit());
        }
        let tags = tags::given(input.tags.as_deref())?;
        let version_info = input.version_info.unwrap_or_default();
        let again = input.container_instance_arn.as_deref();
        let now = self.clock.now();
        let shown = self
            .db
            .write(|tx| {
                let existing = match again {
                    Some(arn) => {
                        let key = instance_key(scope, &cluster.name, arn);
                        Some(tx.get(&INSTANCES, key.as_bytes())?.ok_or(()))
                    }
                    None => None,
                };
                let record = match existing {
                    Some(Err(())) => return Ok(Err(invalid("Container instance not found."))),
                    // Registering again: the same instance, with what the agent reports now.
                    Some(Ok(mut record)) => {
                        record.status = InstanceStatus::Active;
                        record.connected = local;
                        record.local = local;
                        record.resources = resources;
                        let custom: Vec<(String, Option<String>)> = record
                            .attributes
                            .iter()
                            .filter(|(k, _)| !k.starts_with("ecs."))
                            .map(|(k, v)| (k.clone(), v.clone()))
                            .collect();
                        record.attributes = attributes;
                        record.attributes.extend(custom);
                        record.version_info = version_info;
                        record.version += 1;
                        tags::merge(&mut record.tags, tags);
                        record
                    }
                    None => {
                        let id = ids::fast_uuid().replace('-', "");
                        InstanceRecord {
                            arn: scope.arn(&format!("container-instance/{}/{id}", cluster.name)),
                            id,
                            cluster: cluster.name.clone(),
                            ec2_instance_id: ec2_instance_id(&identity),
                            status: InstanceStatus::Active,
                            local,
                            connected: local,
                            resources,
                            attributes,
                            version_info,
                            registered_at: now,
                            version: 1,
                            tags,
                            tasks: BTreeMap::new(),
                            capacity_provider: None,
                            idle_since: None,
                        }
                    }
                };
                let key = instance_key(scope, &cluster.name, &record.id);
                tx.put(&INSTANCES, key.as_bytes(), &record)?;
                Ok(Ok(Self::show_instance(tx, scope, &record, true)?))
            })
            .map_err(server)??;
        Ok(RegisterContainerInstanceResponse {
            container_instance: Some(shown),
        })
    }

    fn deregister_container_instance(
        &self,
        caller: &Caller<'_>,
        input: DeregisterContainerInstanceRequest,
    ) -> Result<DeregisterContainerInstanceResponse, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, input.cluster.as_deref())?;
        let instance = required(input.container_instance.as_deref(), "containerInstance")?;
        let key = instance_key(scope, &cluster.name, instance);
        let force = input.force.unwrap_or(false);
        let shown = self
            .db
            .write(|tx| {
                let Some(mut record) = tx
                    .get(&INSTANCES, key.as_bytes())?
                    .filter(InstanceRecord::is_registered)
                else {
                    return Ok(Err(invalid(
                        "The referenced container instance was not found.",
                    )));
                };
                if !record.tasks.is_empty() && !force {
                    return Ok(Err(invalid("Found running tasks on the instance.")));
                }
                record.status = InstanceStatus::Inactive;
                record.connected = false;
                record.version += 1;
                // Its tasks keep running, no longer counted against it.
                record.tasks.clear();
                tx.put(&INSTANCES, key.as_bytes(), &record)?;
                Ok(Ok(Self::show_instance(tx, scope, &record, false)?))
            })
            .map_err(server)??;
        Ok(DeregisterContainerInstanceResponse {
            container_instance: Some(shown),
        })
    }

    fn describe_container_instances(
        &self,
        caller: &Caller<'_>,
        input: DescribeContainerInstancesRequest,
    ) -> Result<DescribeContainerInstancesResponse, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, input.cluster.as_deref())?;
        let wanted = listed(input.container_instances, "Container Instances", 100)?;
        let include = input.include.unwrap_or_default();
        let with_tags = include.contains(&ContainerInstanceField::Tags);
        let with_health = include.contains(&ContainerInstanceField::ContainerInstanceHealth);
        let now = self.clock.now();
        let (found, failures) = self
            .db
            .read(|tx| {
                let mut found = Vec::new();
                let mut failures = Vec::new();
                for text in &wanted {
                    let key = instance_key(scope, &cluster.name, text);
                    match tx.get(&INSTANCES, key.as_bytes())? {
                        Some(record) => {
                            let mut shown = Self::show_instance(tx, scope, &record, with_tags)?;
                            if with_health {
                                shown.health_status = Some(record.health(now));
                            }
                            found.push(shown);
                        }
                        None => failures.push(missing(if text.starts_with("arn:") {
                            text.clone()
                        } else {
                            scope.arn(&format!("container-instance/{}/{text}", cluster.name))
                        })),
                    }
                }
                Ok((found, failures))
            })
            .map_err(server)?;
        Ok(DescribeContainerInstancesResponse {
            container_instances: Some(found),
            failures: Some(failures),
        })
    }

    fn list_container_instances(
        &self,
        caller: &Caller<'_>,
        input: ListContainerInstancesRequest,
    ) -> Result<ListContainerInstancesResponse, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, input.cluster.as_deref())?;
        let filter = input
            .filter
            .as_deref()
            .map(|text| {
                query::parse(text).map_err(|e| invalid(format!("Invalid filter '{text}': {e}.")))
            })
            .transpose()?;
        let status = input.status.as_ref().map(ContainerInstanceStatus::as_str);
        let limit = limit(input.max_results)?;
        let instances = self
            .db
            .read(|tx| instances_of(tx, scope, &cluster.name))
            .map_err(server)?;
        let kept: Vec<(Vec<u8>, String)> = instances
            .into_iter()
            .filter(|(_, r)| match status {
                Some(status) => r.status.as_str() == status,
                None => r.is_registered(),
            })
            .filter(|(_, r)| filter.as_ref().is_none_or(|f| r.matches(f)))
            .map(|(key, r)| (key, r.arn))
            .collect();
        let (arns, next_token) = typed_page(kept, input.next_token.as_deref(), limit)?;
        Ok(ListContainerInstancesResponse {
            container_instance_arns: Some(arns),
            next_token,
        })
    }

    fn update_container_instances_state(
        &self,
        caller: &Caller<'_>,
        input: UpdateContainerInstancesStateRequest,
    ) -> Result<UpdateContainerInstancesStateResponse, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, input.cluster.as_deref())?;
        let wanted = listed(input.container_instances, "Container Instances", 10)?;
        let status = match input.status.as_ref() {
            None => return Err(invalid("status can not be blank.")),
            Some(ContainerInstanceStatus::Active) => InstanceStatus::Active,
            Some(ContainerInstanceStatus::Draining) => InstanceStatus::Draining,
            Some(other) => {
                return Err(invalid(format!(
                    "Container instances can be set to ACTIVE or DRAINING, not {other}."
                )));
            }
        };
        let (shown, failures, draining) =
            self.db
                .write(|tx| {
                    let mut shown = Vec::new();
                    let mut failures = Vec::new();
                    let mut draining = Vec::new();
                    for text in &wanted {
                        let key = instance_key(scope, &cluster.name, text);
                        let Some(mut record) = tx
                            .get(&INSTANCES, key.as_bytes())?
                            .filter(InstanceRecord::is_registered)
                        else {
                            failures.push(missing(text.clone()));
                            continue;
                        };
                        if record.status != status {
                            record.status = status;
                            record.version += 1;
                            tx.put(&INSTANCES, key.as_bytes(), &record)?;
                        }
                        if status == InstanceStatus::Draining {
                            draining.extend(record.tasks.keys().map(|id| {
                                scope.key(&format!("{}/{id}", cluster.name)).into_bytes()
                            }));
                        }
                        shown.push(Self::show_instance(tx, scope, &record, false)?);
                    }
                    Ok((shown, failures, draining))
                })
                .map_err(server)?;
        self.drain(&draining, caller.platform)?;
        Ok(UpdateContainerInstancesStateResponse {
            container_instances: Some(shown),
            failures: Some(failures),
        })
    }

    /// Stops the service tasks among `tasks` (store keys) so that their services replace them
    /// elsewhere; tasks run by hand keep running, as on ECS.
    pub(crate) fn drain(
        &self,
        tasks: &[Vec<u8>],
        platform: &dyn crate::Platform,
    ) -> Result<(), AwsError> {
        for key in tasks {
            let Some(record) = self.db.read(|tx| tx.get(&TASKS, key)).map_err(server)? else {
                continue;
            };
            if record.by_service()
                && let Some(arn) = self.request_stop(
                    key,
                    neargate_model::ecs::TaskStopCode::ServiceSchedulerInitiated,
                    "Container instance is draining.",
                )?
            {
                platform.stop(&arn);
            }
        }
        Ok(())
    }

    /// The active instances of `cluster` that hold an agent connected to this host, for the
    /// cluster counts.
    pub(crate) fn registered_instances(
        &self,
        scope: Scope<'_>,
        cluster: &str,
    ) -> Result<usize, AwsError> {
        let all = self
            .db
            .read(|tx| instances_of(tx, scope, cluster))
            .map_err(server)?;
        Ok(all.iter().filter(|(_, r)| r.is_registered()).count())
    }

    /// This host's agent's instance in `cluster` of `account`/`region`: its ARN and status,
    /// if it registered there.
    pub fn local_instance(
        &self,
        account: &str,
        region: &str,
        cluster: &str,
    ) -> Result<Option<(String, String)>, AwsError> {
        let scope = Scope { account, region };
        let all = self
            .db
            .read(|tx| instances_of(tx, scope, cluster))
            .map_err(server)?;
        Ok(all
            .into_iter()
            .map(|(_, r)| r)
            .filter(|r| r.local)
            .max_by_key(|r| r.registered_at)
            .map(|r| (r.arn, r.status.as_str().to_owned())))
    }

    /// Whether the active cluster `cluster` exists in `account`/`region`.
    pub fn has_cluster(&self, account: &str, region: &str, cluster: &str) -> bool {
        self.cluster(Scope { account, region }, Some(cluster))
            .is_ok()
    }

    /// Marks every instance of this host's agent disconnected (at start, before the agent
    /// registers again).
    pub fn disconnect_local_instances(&self) -> Result<(), AwsError> {
        self.db
            .write(|tx| {
                let all = tx.range(&INSTANCES, b"", &[0xff], false, usize::MAX)?;
                for (key, mut record) in all {
                    if record.local && record.connected {
                        record.connected = false;
                        tx.put(&INSTANCES, &key, &record)?;
                    }
                }
                Ok(())
            })
            .map_err(server)
    }

    /// `PutAttributes` (`put`) or `DeleteAttributes` of `list` on the instances of `cluster`.
    fn change_attributes(
        &self,
        caller: &Caller<'_>,
        cluster: Option<&str>,
        list: Vec<Attribute>,
        put: bool,
    ) -> Result<Vec<Attribute>, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, cluster)?;
        if list.is_empty() {
            return Err(invalid("Attributes cannot be empty."));
        }
        if list.len() > MAX_CUSTOM_ATTRIBUTES {
            return Err(attribute_limit());
        }
        let attributes = read_attributes(&list)?;
        let mut targets = Vec::new();
        for item in &list {
            if item
                .target_type
                .as_ref()
                .is_some_and(|t| *t != TargetType::ContainerInstance)
            {
                return Err(invalid("The target type must be container-instance."));
            }
            let target = item.target_id.as_deref().ok_or_else(|| {
                invalid("A targetId is required for container instance attributes.")
            })?;
            targets.push(instance_key(scope, &cluster.name, target));
        }
        let outcome = self
            .db
            .write(|tx| {
                for ((name, value), key) in attributes.iter().zip(&targets) {
                    let Some(mut record) = tx
                        .get(&INSTANCES, key.as_bytes())?
                        .filter(InstanceRecord::is_registered)
                    else {
                        return Ok(Err(EcsError::TargetNotFoundException
                            .with("Could not find the specified target.")));
                    };
                    if put {
                        record.attributes.insert(name.clone(), value.clone());
                        if count_custom(&record.attributes) > MAX_CUSTOM_ATTRIBUTES {
                            return Ok(Err(attribute_limit()));
                        }
                    } else {
                        record.attributes.remove(name);
                    }
                    tx.put(&INSTANCES, key.as_bytes(), &record)?;
                }
                Ok(Ok(()))
            })
            .map_err(server)?;
        outcome?;
        Ok(list)
    }

    fn list_attributes(
        &self,
        caller: &Caller<'_>,
        input: ListAttributesRequest,
    ) -> Result<ListAttributesResponse, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, input.cluster.as_deref())?;
        match input.target_type {
            Some(TargetType::ContainerInstance) => {}
            Some(_) => return Err(invalid("The target type must be container-instance.")),
            None => return Err(invalid("targetType can not be blank.")),
        }
        let name = input.attribute_name.as_deref();
        let value = input.attribute_value.as_deref();
        if value.is_some() && name.is_none() {
            return Err(invalid(
                "attributeValue can only be given with attributeName.",
            ));
        }
        let limit = limit(input.max_results)?;
        let instances = self
            .db
            .read(|tx| instances_of(tx, scope, &cluster.name))
            .map_err(server)?;
        let mut found = Vec::new();
        for (key, record) in instances.iter().filter(|(_, r)| r.is_registered()) {
            for (n, v) in &record.attributes {
                if name.is_some_and(|name| name != n)
                    || value.is_some_and(|value| v.as_deref() != Some(value))
                {
                    continue;
                }
                let mut item_key = key.clone();
                item_key.push(0);
                item_key.extend_from_slice(n.as_bytes());
                let item = Attribute {
                    name: Some(n.clone()),
                    value: v.clone(),
                    target_type: Some(TargetType::ContainerInstance),
                    target_id: Some(record.arn.clone()),
                };
                found.push((item_key, item));
            }
        }
        let (attributes, next_token) = typed_page(found, input.next_token.as_deref(), limit)?;
        Ok(ListAttributesResponse {
            attributes: Some(attributes),
            next_token,
        })
    }
}

/// A list that must hold 1 to `max` items; `label` names it in errors ("Container Instances
/// cannot be empty.").
fn listed(list: Option<Vec<String>>, label: &str, max: usize) -> Result<Vec<String>, AwsError> {
    crate::input::counted(list.unwrap_or_default(), label, max)
}

/// The cluster an instance call names: `ecs:cluster`.
fn cluster_key(scope: Scope<'_>, cluster: Option<&str>) -> ConditionKey {
    ("ecs:cluster".to_owned(), vec![cluster_arn(scope, cluster)])
}

/// `ecs:<operation>` on each instance of `instances` (in `cluster`), or on the cluster when it
/// names none, with `ecs:cluster`.
fn on_instances(
    scope: Scope<'_>,
    operation: &str,
    cluster: Option<&str>,
    instances: &[&str],
) -> Access<'static> {
    let key = cluster_key(scope, cluster);
    let name = short_name(cluster.unwrap_or("default"), "cluster");
    let question = |resource: String| {
        Question::plain(format!("ecs:{operation}"), resource).with_context(vec![key.clone()])
    };
    let questions = if instances.is_empty() {
        vec![question(cluster_arn(scope, cluster))]
    } else {
        instances
            .iter()
            .map(|i| question(instance_arn(scope, name, i)))
            .collect()
    };
    Access {
        questions,
        resources: Vec::new(),
    }
}

/// `ecs:<operation>` on the cluster a call names, with the tags it sets.
fn on_cluster(
    caller: &Caller<'_>,
    operation: &str,
    cluster: Option<&str>,
    context: Vec<ConditionKey>,
) -> Access<'static> {
    Access::one(
        Question::plain(
            format!("ecs:{operation}"),
            cluster_arn(caller.scope(), cluster),
        )
        .with_context(context),
    )
}

impl<'a> Handler<ops::RegisterContainerInstance, Caller<'a>> for Ecs {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &RegisterContainerInstanceRequest,
    ) -> Result<Access<'_>, AwsError> {
        let context = tags::request_keys(&tags::given(input.tags.as_deref())?);
        Ok(on_cluster(
            caller,
            "RegisterContainerInstance",
            input.cluster.as_deref(),
            context,
        ))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: RegisterContainerInstanceRequest,
    ) -> Result<RegisterContainerInstanceResponse, AwsError> {
        self.register_container_instance(caller, input)
    }
}

impl<'a> Handler<ops::DeregisterContainerInstance, Caller<'a>> for Ecs {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &DeregisterContainerInstanceRequest,
    ) -> Result<Access<'_>, AwsError> {
        let instances: Vec<&str> = input.container_instance.as_deref().into_iter().collect();
        Ok(on_instances(
            caller.scope(),
            "DeregisterContainerInstance",
            input.cluster.as_deref(),
            &instances,
        ))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: DeregisterContainerInstanceRequest,
    ) -> Result<DeregisterContainerInstanceResponse, AwsError> {
        self.deregister_container_instance(caller, input)
    }
}

impl<'a> Handler<ops::DescribeContainerInstances, Caller<'a>> for Ecs {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &DescribeContainerInstancesRequest,
    ) -> Result<Access<'_>, AwsError> {
        let instances: Vec<&str> = input
            .container_instances
            .iter()
            .flatten()
            .map(String::as_str)
            .collect();
        Ok(on_instances(
            caller.scope(),
            "DescribeContainerInstances",
            input.cluster.as_deref(),
            &instances,
        ))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: DescribeContainerInstancesRequest,
    ) -> Result<DescribeContainerInstancesResponse, AwsError> {
        self.describe_container_instances(caller, input)
    }
}

impl<'a> Handler<ops::ListContainerInstances, Caller<'a>> for Ecs {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &ListContainerInstancesRequest,
    ) -> Result<Access<'_>, AwsError> {
        Ok(on_cluster(
            caller,
            "ListContainerInstances",
            input.cluster.as_deref(),
            Vec::new(),
        ))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: ListContainerInstancesRequest,
    ) -> Result<ListContainerInstancesResponse, AwsError> {
        self.list_container_instances(caller, input)
    }
}

impl<'a> Handler<ops::UpdateContainerInstancesState, Caller<'a>> for Ecs {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &UpdateContainerInstancesStateRequest,
    ) -> Result<Access<'_>, AwsError> {
        let instances: Vec<&str> = input
            .container_instances
            .iter()
            .flatten()
            .map(String::as_str)
            .collect();
        Ok(on_instances(
            caller.scope(),
            "UpdateContainerInstancesState",
            input.cluster.as_deref(),
            &instances,
        ))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: UpdateContainerInstancesStateRequest,
    ) -> Result<UpdateContainerInstancesStateResponse, AwsError> {
        self.update_container_instances_state(caller, input)
    }
}

/// The instances a `PutAttributes` or `DeleteAttributes` request targets.
fn targets(attributes: Option<&[Attribute]>) -> Vec<&str> {
    attributes
        .unwrap_or_default()
        .iter()
        .filter_map(|a| a.target_id.as_deref())
        .collect()
}

/// Declares `PutAttributes` (`put`) or `DeleteAttributes`: `ecs:<operation>` on each instance
/// the attributes target.
macro_rules! attribute_change {
    ($op:ident, $input:ident => $output:ident, $put:expr) => {
        impl<'a> Handler<ops::$op, Caller<'a>> for Ecs {
            fn access(&self, caller: &Caller<'a>, input: &$input) -> Result<Access<'_>, AwsError> {
                let instances = targets(input.attributes.as_deref());
                let cluster = input.cluster.as_deref();
                Ok(on_instances(
                    caller.scope(),
                    stringify!($op),
                    cluster,
                    &instances,
                ))
            }

            fn handle(&self, caller: &Caller<'a>, input: $input) -> Result<$output, AwsError> {
                let list = input.attributes.unwrap_or_default();
                let cluster = input.cluster.as_deref();
                let attributes = self.change_attributes(caller, cluster, list, $put)?;
                Ok($output {
                    attributes: Some(attributes),
                })
            }
        }
    };
}

attribute_change!(PutAttributes, PutAttributesRequest => PutAttributesResponse, true);
attribute_change!(DeleteAttributes, DeleteAttributesRequest => DeleteAttributesResponse, false);

impl<'a> Handler<ops::ListAttributes, Caller<'a>> for Ecs {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &ListAttributesRequest,
    ) -> Result<Access<'_>, AwsError> {
        Ok(on_cluster(
            caller,
            "ListAttributes",
            input.cluster.as_deref(),
            Vec::new(),
        ))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: ListAttributesRequest,
    ) -> Result<ListAttributesResponse, AwsError> {
        self.list_attributes(caller, input)
    }
}

/// What an instance registered without `totalResources` offers.
fn default_resources() -> Vec<Resource> {
    resources(2048, 3768)
}

/// The resources of an instance of `cpu` units and `memory` MiB, with the ports the ECS agent
/// reserves.
pub(crate) fn resources(cpu: i64, memory: i64) -> Vec<Resource> {
    let integer = |name: &str, value: i64| Resource {
        name: Some(name.to_owned()),
        type_: Some("INTEGER".to_owned()),
        integer_value: Some(i32::try_from(value).unwrap_or(i32::MAX)),
        ..Resource::default()
    };
    let ports = |name: &str, ports: &[&str]| Resource {
        name: Some(name.to_owned()),
        type_: Some("STRINGSET".to_owned()),
        string_set_value: Some(ports.iter().map(|p| (*p).to_owned()).collect()),
        ..Resource::default()
    };
    vec![
        integer("CPU", cpu),
        integer("MEMORY", memory),
        ports("PORTS", &["22", "2375", "2376", "51678", "51679"]),
        ports("PORTS_UDP", &[]),
    ]
}

/// This host's CPU units (1,024 per core).
pub fn host_cpu_units() -> i64 {
    std::thread::available_parallelism().map_or(1, |n| i64::try_from(n.get()).unwrap_or(1)) * 1024
}

/// This host's memory in MiB (`MemTotal`).
pub fn host_memory_mib() -> i64 {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|text| {
            let line = text.lines().find(|l| l.starts_with("MemTotal:"))?;
            line.split_whitespace().nth(1)?.parse::<i64>().ok()
        })
        .map_or(0, |kib| kib / 1024)
}

/// The error for a cluster that holds container instances.
pub(crate) fn cluster_has_instances() -> AwsError {
    EcsError::ClusterContainsContainerInstancesException
        .with("The Cluster cannot be deleted while Container Instances are active or draining.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_names_and_values_follow_ecs_rules() {
        assert!(valid_attribute_name("stack"));
        assert!(valid_attribute_name("com.example/team_1"));
        assert!(!valid_attribute_name(""));
        assert!(!valid_attribute_name("has space"));
        assert!(!valid_attribute_name(&"a".repeat(129)));
        assert!(valid_attribute_value("prod 2: a@b/c"));
        assert!(!valid_attribute_value(" leading"));
        assert!(!valid_attribute_value("semi;colon"));
    }

    #[test]
    fn attribute_calls_name_their_instances() {
        let scope = Scope {
            account: "123456789012",
            region: "us-east-1",
        };
        let attributes = [Attribute {
            name: Some("a".into()),
            target_id: Some("abc".into()),
            ..Attribute::default()
        }];
        let instances = targets(Some(&attributes));
        let access = on_instances(scope, "PutAttributes", Some("prod"), &instances);
        assert_eq!(
            access.questions[0].resource,
            "arn:aws:ecs:us-east-1:123456789012:container-instance/prod/abc"
        );
        assert_eq!(
            access.questions[0].context,
            vec![(
                "ecs:cluster".to_owned(),
                vec!["arn:aws:ecs:us-east-1:123456789012:cluster/prod".to_owned()]
            )]
        );
        let none = on_instances(scope, "DescribeContainerInstances", None, &[]);
        assert!(none.questions[0].resource.ends_with(":cluster/default"));
    }

    #[test]
    fn amounts_read_any_number_member() {
        let resources = vec![
            Resource {
                name: Some("CPU".into()),
                integer_value: Some(1024),
                ..Resource::default()
            },
            Resource {
                name: Some("MEMORY".into()),
                long_value: Some(2048),
                ..Resource::default()
            },
        ];
        assert_eq!(amount(&resources, "CPU"), 1024);
        assert_eq!(amount(&resources, "MEMORY"), 2048);
        assert_eq!(amount(&resources, "GPU"), 0);
    }
}
