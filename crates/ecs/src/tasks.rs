//! Tasks: `RunTask`, `StartTask`, `StopTask`, `DescribeTasks`, `ListTasks`, and the state a
//! task moves through as the platform launches, runs and stops it (`PROVISIONING`, `PENDING`,
//! `RUNNING`, `DEACTIVATING`, `STOPPING`, `DEPROVISIONING`, `STOPPED`).

use std::net::Ipv4Addr;
use std::time::Duration;

use neargate_common::{AwsError, ids};
use neargate_model::ecs::{
    Attachment, Attribute, Connectivity, Container, ContainerCondition, ContainerDefinition,
    DescribeTasksRequest, DescribeTasksResponse, DesiredStatus, EphemeralStorage, Failure,
    HealthStatus, KeyValuePair, LaunchType, ListTasksRequest, ListTasksResponse, NetworkInterface,
    PlacementConstraint, PlacementStrategy, RunTaskRequest, RunTaskResponse, StartTaskRequest,
    StartTaskResponse, StopTaskRequest, StopTaskResponse, Task, TaskEphemeralStorage, TaskField,
    TaskOverride, TaskStopCode, ops,
};
use neargate_model::{Access, ConditionKey, Handler, Question, Time};
use neargate_store::{Read as _, Table};
use neargate_taskspec::{Condition, ContainerSpec, HealthCheck, Limits, MountPoint, TaskSpec};

use crate::capacity_providers::check_task_fits;
use crate::errors::{invalid, server};
use crate::fargate::{self};
use crate::input::{counted, required};
use crate::managed_instances::place_managed;
use crate::names::{Scope, cluster_arn, instance_arn, limit, missing, resume, short_name, token};
use crate::placement::{self, Candidate, Constraint, Need, Strategy, place};
use crate::records::TaskDefinitionRecord;
use crate::records::{
    ClusterRecord, INSTANCES, InstanceRecord, Load, ProviderRecord, RUNNING, STOPPED, TASKS,
    TaskRecord, instance_key, instances_of,
};
use crate::roles::pass_task_roles;
use crate::tags;
use crate::task_definitions::added_capabilities;
use crate::task_index::{desired_of, save, scan};
use crate::task_request::{
    Hosts, Placement, Shared, TaskRequest, placement_failure, platform_version, random,
};
use crate::task_status::TaskStatus;
use crate::{Caller, Ecs};

/// The tasks `RunTask` made for a `clientToken`, by `account/region/token`.
const CLIENT_TOKENS: Table<Vec<String>> = Table::new("ecs.client_tokens", 1);

/// A task for the platform to launch.
#[derive(Debug, Clone)]
pub struct LaunchOrder {
    /// The task's ARN.
    pub task_arn: String,
    /// The account it runs for.
    pub account: String,
    /// Its region.
    pub region: String,
    /// Its cluster's name.
    pub cluster: String,
    /// The cluster's key for Fargate ephemeral storage when the task was made; `None`: a
    /// platform-owned key.
    pub kms_key: Option<String>,
    /// What the agent runs.
    pub spec: TaskSpec,
}

/// A step in a task's life, reported by the platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskUpdate {
    /// Its key, volume, network and containers are being prepared.
    Pending,
    /// The grant made for its volume.
    Grant(String),
    /// Its essential containers have started; its address.
    Running(Ipv4Addr),
    /// A container's health changed (`HEALTHY`, `UNHEALTHY`).
    Health {
        /// The container.
        container: String,
        /// Its `healthStatus`.
        status: String,
    },
    /// It has ended (or never started).
    Stopped {
        /// ECS's `stopCode`, unless `StopTask` set one already.
        stop_code: Option<String>,
        /// ECS's `stoppedReason`, unless `StopTask` set one already.
        reason: Option<String>,
        /// Each container's exit code and reason, by name.
        containers: Vec<(String, Option<i32>, Option<String>)>,
    },
}

/// Failed launches by deployment id: the deployment circuit breaker's count.
pub(crate) const DEPLOYMENT_FAILURES: Table<u64> = Table::new("ecs.deployment_failures", 1);

/// Counts a service task that failed to start against its deployment.
fn count_failure(
    tx: &mut neargate_store::WriteTx<'_>,
    record: &TaskRecord,
) -> neargate_store::Result<()> {
    let Some(deployment) = record
        .doc
        .started_by
        .as_deref()
        .filter(|_| record.by_service())
    else {
        return Ok(());
    };
    if record.doc.stop_code != Some(TaskStopCode::TaskFailedToStart) {
        return Ok(());
    }
    let failed = tx
        .get(&DEPLOYMENT_FAILURES, deployment.as_bytes())?
        .unwrap_or(0);
    tx.put(&DEPLOYMENT_FAILURES, deployment.as_bytes(), &(failed + 1))
}

/// Marks a task just made as stopped with `TaskFailedToStart` and `reason`, counting it
/// against its deployment.
fn fail_to_start(
    tx: &mut neargate_store::WriteTx<'_>,
    record: &mut TaskRecord,
    reason: &str,
    now: Time,
) -> neargate_store::Result<()> {
    let update = TaskUpdate::Stopped {
        stop_code: Some("TaskFailedToStart".into()),
        reason: Some(reason.into()),
        containers: Vec::new(),
    };
    apply(record, update, now);
    count_failure(tx, record)
}

/// The 17 hex digits that name a task's network interface and volume (`eni-…`, `vol-…`): the
/// random end of its id (the start is the second it was made, shared by tasks made together).
pub fn resource_suffix(task_id: &str) -> &str {
    let start = task_id.len().saturating_sub(17);
    task_id.get(start..).unwrap_or(task_id)
}

/// The store key of the task `task_arn` (`arn:aws:ecs:<region>:<account>:task/<cluster>/<id>`).
fn key_of(task_arn: &str) -> Option<String> {
    let parts: Vec<&str> = task_arn.splitn(6, ':').collect();
    let [_, _, _, region, account, resource] = parts[..] else {
        return None;
    };
    let mut path = resource.strip_prefix("task/")?.split('/');
    let (cluster, id) = (path.next()?, path.next()?);
    Some(task_key(Scope { account, region }, cluster, id))
}

/// The ARN parts of a task: its cluster and id.
fn task_key(scope: Scope<'_>, cluster: &str, id: &str) -> String {
    scope.key(&format!("{cluster}/{id}"))
}

/// The ARN of the task `text` (an id or ARN) of `cluster`.
fn task_arn(scope: Scope<'_>, cluster: &str, text: &str) -> String {
    if text.starts_with("arn:") {
        text.to_owned()
    } else {
        scope.arn(&format!("task/{cluster}/{text}"))
    }
}

impl Ecs {
    /// The record of `task_arn` and its store key.
    fn find_task(&self, task_arn: &str) -> Result<Option<(String, TaskRecord)>, AwsError> {
        let Some(key) = key_of(task_arn) else {
            return Ok(None);
        };
        let found = self
            .db
            .read(|tx| tx.get(&TASKS, key.as_bytes()))
            .map_err(server)?;
        Ok(found.map(|r| (key, r)))
    }

    /// What the platform needs to know of the task `task_arn`, if it exists.
    pub fn task_view(&self, task_arn: &str) -> Result<Option<TaskView>, AwsError> {
        Ok(self.find_task(task_arn)?.map(|(_, r)| TaskView::of(&r)))
    }

    /// Applies `update` to the task `task_arn`; the record after it, if the task exists.
    pub fn update_task(
        &self,
        task_arn: &str,
        update: TaskUpdate,
    ) -> Result<Option<TaskView>, AwsError> {
        let Some(key) = key_of(task_arn) else {
            return Ok(None);
        };
        let now = Time(self.clock.now());
        // Progress is reconciled at every start, so it need not wait for the disk.
        let record = self
            .db
            .write_relaxed(|tx| {
                let Some(mut record) = tx.get(&TASKS, key.as_bytes())? else {
                    return Ok(None);
                };
                if record.is_stopped() {
                    return Ok(Some(record));
                }
                let before = desired_of(&record);
                apply(&mut record, update, now);
                if record.is_stopped() {
                    count_failure(tx, &record)?;
                }
                save(tx, key.as_bytes(), &record, Some(&before))?;
                Ok(Some(record))
            })
            .map_err(server)?;
        Ok(record.map(|r| TaskView::of(&r)))
    }

    /// Marks every task not yet stopped as stopped: after a restart nothing runs them any more.
    /// Returns them as they were, for the platform to retire their grants.
    pub fn stop_orphaned_tasks(&self) -> Result<Vec<TaskView>, AwsError> {
        let now = Time(self.clock.now());
        self.db
            .write(|tx| {
                let unfinished = scan(tx, b"", None, usize::MAX, |t| {
                    t.last_status != TaskStatus::Stopped.as_str()
                })?;
                let mut stopped = Vec::new();
                for (index, _) in unfinished {
                    let key = crate::task_index::task_key(&index);
                    let Some(mut record) = tx.get(&TASKS, &key)? else {
                        continue;
                    };
                    let before = desired_of(&record);
                    let ran = record.doc.started_at.is_some();
                    stopped.push(TaskView::of(&record));
                    let update = TaskUpdate::Stopped {
                        stop_code: Some(
                            if ran {
                                "TerminationNotice"
                            } else {
                                "TaskFailedToStart"
                            }
                            .into(),
                        ),
                        reason: Some(
                            "Neargate restarted; the task's agent could not re-adopt it.".into(),
                        ),
                        containers: Vec::new(),
                    };
                    apply(&mut record, update, now);
                    save(tx, &key, &record, Some(&before))?;
                }
                Ok(stopped)
            })
            .map_err(server)
    }

    fn run_task(
        &self,
        caller: &Caller<'_>,
        input: RunTaskRequest,
    ) -> Result<RunTaskResponse, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, input.cluster.as_deref())?;
        let definition = self.active_definition(
            scope,
            required(input.task_definition.as_deref(), "taskDefinition")?,
        )?;
        let count = input.count.unwrap_or(1);
        if !(1..=10).contains(&count) {
            return Err(invalid("count must be between 1 and 10."));
        }
        refuse_volume_configurations(input.volume_configurations.as_deref())?;
        let token_key = input.client_token.as_deref().map(|t| scope.key(t));
        if let Some(key) = &token_key
            && let Some(arns) = self
                .db
                .read(|tx| tx.get(&CLIENT_TOKENS, key.as_bytes()))
                .map_err(server)?
        {
            let mut tasks = Vec::new();
            for arn in arns {
                if let Some((_, record)) = self.find_task(&arn)? {
                    tasks.push(record.shown(false));
                }
            }
            return Ok(RunTaskResponse {
                tasks: Some(tasks),
                failures: Some(Vec::new()),
            });
        }
        let placement = Placement::read(
            input.launch_type.as_ref().map(LaunchType::as_str),
            input.capacity_provider_strategy.as_deref(),
            &cluster,
        )?;
        let shared = shared_members!(input);
        let request = TaskRequest {
            count: usize::try_from(count).unwrap_or(1),
            key: cluster.key_for(&placement.launch_type).map(str::to_owned),
            placement,
            platform_version: platform_version(input.platform_version.as_deref())?,
            token_key,
            constraints: placement_constraints(
                input.placement_constraints.as_deref(),
                &definition,
            )?,
            strategies: placement_strategies(input.placement_strategy.as_deref())?,
            ..TaskRequest::read(shared, &definition, &cluster.name)?
        };
        let (tasks, failures) =
            self.start_tasks(scope, &cluster, &definition, &request, caller.platform)?;
        Ok(RunTaskResponse {
            tasks: Some(tasks),
            failures: Some(failures),
        })
    }

    fn start_task(
        &self,
        caller: &Caller<'_>,
        input: StartTaskRequest,
    ) -> Result<StartTaskResponse, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, input.cluster.as_deref())?;
        let definition = self.active_definition(
            scope,
            required(input.task_definition.as_deref(), "taskDefinition")?,
        )?;
        let instances = counted(
            input.container_instances.unwrap_or_default(),
            "Container Instances",
            10,
        )?;
        refuse_volume_configurations(input.volume_configurations.as_deref())?;
        let shared = shared_members!(input);
        let request = TaskRequest {
            count: instances.len(),
            instances: Some(instances),
            ..TaskRequest::read(shared, &definition, &cluster.name)?
        };
        let (tasks, failures) =
            self.start_tasks(scope, &cluster, &definition, &request, caller.platform)?;
        Ok(StartTaskResponse {
            tasks: Some(tasks),
            failures: Some(failures),
        })
    }

    /// Records the tasks `request` asks for (placing `EC2` tasks on the cluster's container
    /// instances) and hands them to the platform to launch; the tasks as first shown, and the
    /// placement failures.
    pub(crate) fn start_tasks(
        &self,
        scope: Scope<'_>,
        cluster: &ClusterRecord,
        definition: &TaskDefinitionRecord,
        request: &TaskRequest,
        platform: &dyn crate::Platform,
    ) -> Result<(Vec<Task>, Vec<Failure>), AwsError> {
        let (subnet, storage_gib) = request.check(definition)?;
        let provider = self.managed_provider(scope, cluster, &request.placement, definition)?;
        if request.placement.launch_type == "EC2"
            && request.instances.is_none()
            && self.registered_instances(scope, &cluster.name)? == 0
        {
            return Err(invalid(
                "No Container Instances were found in your cluster.",
            ));
        }
        let clock = self.clock.now();
        let unlaunchable = platform.unlaunchable();
        let now = Time(clock);
        let (shown, orders, failures) = self
            .db
            .write(|tx| {
                let (hosts, failures) = match &provider {
                    Some(provider) => {
                        let need = need_of(definition, request);
                        place_managed(
                            tx, scope, cluster, request, &need, provider, self.host, clock,
                        )?
                    }
                    None if request.placement.launch_type == "EC2" => {
                        place_on_instances(tx, scope, cluster, definition, request)?
                    }
                    None => (vec![None; request.count], Vec::new()),
                };
                let mut shown = Vec::new();
                let mut orders = Vec::new();
                for host in hosts {
                    let id = ids::time_ordered_hex_id(u64::try_from(clock.secs()).unwrap_or(0));
                    let task_arn = scope.arn(&format!("task/{}/{id}", cluster.name));
                    let facts = TaskFacts {
                        task_arn: &task_arn,
                        cluster,
                        definition,
                        request,
                        storage_gib,
                        subnet: subnet.as_deref(),
                        now,
                        region: scope.region,
                        instance: host.as_ref().map(|(_, i)| i),
                    };
                    let mut record = TaskRecord {
                        doc: facts.document(),
                        cluster: cluster.name.clone(),
                        family: definition.family.clone(),
                        tags: request.tags.clone(),
                        grant: None,
                        instance: host.as_ref().map(|(key, _)| key.clone()),
                    };
                    if let Some((key, _)) = &host
                        && let Some(mut instance) = tx.get(&INSTANCES, key.as_bytes())?
                    {
                        let (cpu, memory) = task_needs(definition, &request.overrides);
                        instance.tasks.insert(
                            id.clone(),
                            Load {
                                group: request.group.clone(),
                                cpu,
                                memory,
                            },
                        );
                        tx.put(&INSTANCES, key.as_bytes(), &instance)?;
                    }
                    // The task as first shown, before anything happens to it.
                    shown.push(record.shown(false));
                    let key = task_key(scope, &cluster.name, &id);
                    if let Some(reason) = unlaunchable {
                        fail_to_start(tx, &mut record, reason, now)?;
                        save(tx, key.as_bytes(), &record, None)?;
                        continue;
                    }
                    save(tx, key.as_bytes(), &record, None)?;
                    orders.push(LaunchOrder {
                        task_arn: task_arn.clone(),
                        account: scope.account.to_owned(),
                        region: scope.region.to_owned(),
                        cluster: cluster.name.clone(),
                        kms_key: request.key.clone(),
                        spec: facts.spec(&id),
                    });
                }
                if let Some(token) = &request.token_key {
                    let arns: Vec<String> =
                        shown.iter().filter_map(|t| t.task_arn.clone()).collect();
                    tx.put(&CLIENT_TOKENS, token.as_bytes(), &arns)?;
                }
                Ok((shown, orders, failures))
            })
            .map_err(server)?;
        for order in orders {
            platform.launch(order);
        }
        Ok((shown, failures))
    }

    fn stop_task(
        &self,
        caller: &Caller<'_>,
        input: StopTaskRequest,
    ) -> Result<StopTaskResponse, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, input.cluster.as_deref())?;
        let id = short_name(required(input.task.as_deref(), "task")?, "task");
        let reason = input.reason.as_deref().unwrap_or("Task stopped by user");
        if reason.chars().count() > 1024 {
            return Err(invalid("reason can be at most 1024 characters."));
        }
        let key = task_key(scope, &cluster.name, id);
        let record = self
            .mark_stopping(key.as_bytes(), TaskStopCode::UserInitiated, reason)?
            .ok_or_else(|| invalid("The referenced task was not found."))?;
        if !record.is_stopped() {
            caller.platform.stop(record.arn());
        }
        Ok(StopTaskResponse {
            task: Some(record.shown(false)),
        })
    }

    /// Marks the task `task_arn` as to stop because its host is going away (`stopCode`
    /// `TerminationNotice`, with `reason`); the platform then stops it.
    pub fn mark_terminating(&self, task_arn: &str, reason: &str) -> Result<(), AwsError> {
        if let Some(key) = key_of(task_arn) {
            self.mark_stopping(key.as_bytes(), TaskStopCode::TerminationNotice, reason)?;
        }
        Ok(())
    }

    /// Marks the task at `key` as to stop with `code` and `reason` (unless it is already
    /// stopping); the task after.
    fn mark_stopping(
        &self,
        key: &[u8],
        code: TaskStopCode,
        reason: &str,
    ) -> Result<Option<TaskRecord>, AwsError> {
        let now = Time(self.clock.now());
        self.db
            .write(|tx| {
                let Some(mut record) = tx.get(&TASKS, key)? else {
                    return Ok(None);
                };
                if record.can_stop() {
                    let before = desired_of(&record);
                    if record.status() == TaskStatus::Running {
                        record.advance(TaskStatus::Deactivating);
                    }
                    let task = &mut record.doc;
                    task.desired_status = Some(STOPPED.to_owned());
                    task.stop_code = Some(code);
                    task.stopped_reason = Some(reason.to_owned());
                    task.stopping_at = Some(now);
                    bump(task);
                    save(tx, key, &record, Some(&before))?;
                }
                Ok(Some(record))
            })
            .map_err(server)
    }

    /// Asks the task at `key` to stop as the scheduler does; its ARN if it still has to stop.
    pub(crate) fn request_stop(
        &self,
        key: &[u8],
        code: TaskStopCode,
        reason: &str,
    ) -> Result<Option<String>, AwsError> {
        Ok(self
            .mark_stopping(key, code, reason)?
            .filter(|r| !r.is_stopped())
            .map(|r| r.arn().to_owned()))
    }

    fn describe_tasks(
        &self,
        caller: &Caller<'_>,
        input: DescribeTasksRequest,
    ) -> Result<DescribeTasksResponse, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, input.cluster.as_deref())?;
        let wanted = counted(input.tasks.unwrap_or_default(), "Tasks", 100)?;
        let with_tags = input.include.unwrap_or_default().contains(&TaskField::Tags);
        let keys: Vec<String> = wanted
            .iter()
            .map(|t| task_key(scope, &cluster.name, short_name(t, "task")))
            .collect();
        let found = self
            .db
            .read(|tx| {
                keys.iter()
                    .map(|k| tx.get(&TASKS, k.as_bytes()))
                    .collect::<Result<Vec<_>, _>>()
            })
            .map_err(server)?;
        let mut tasks = Vec::new();
        let mut failures = Vec::new();
        for (text, record) in wanted.iter().zip(found) {
            match record {
                Some(record) => tasks.push(record.shown(with_tags)),
                None => failures.push(missing(task_arn(scope, &cluster.name, text))),
            }
        }
        Ok(DescribeTasksResponse {
            tasks: Some(tasks),
            failures: Some(failures),
        })
    }

    fn list_tasks(
        &self,
        caller: &Caller<'_>,
        input: ListTasksRequest,
    ) -> Result<ListTasksResponse, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, input.cluster.as_deref())?;
        let limit = limit(input.max_results)?;
        if input.daemon_name.is_some() {
            return Err(invalid(
                "daemonName names an ECS daemon; there are none here.",
            ));
        }
        let family = input.family.as_deref();
        let started_by = input.started_by.as_deref();
        let service = input.service_name.as_deref();
        let launch_type = input.launch_type.as_ref().map(LaunchType::as_str);
        let desired = input.desired_status.unwrap_or(DesiredStatus::Running);
        if let DesiredStatus::Unknown(other) = &desired {
            return Err(invalid(format!("Invalid desiredStatus {other}.")));
        }
        let instance = input
            .container_instance
            .as_deref()
            .map(|i| short_name(i, "container-instance"));
        let index = if desired == DesiredStatus::Stopped {
            STOPPED
        } else {
            RUNNING
        };
        let prefix = scope.key(&format!("{}/{index}/", cluster.name));
        let after = input.next_token.as_deref().map(resume).transpose()?;
        let page = self
            .db
            .read(|tx| {
                scan(tx, prefix.as_bytes(), after.as_deref(), limit + 1, |t| {
                    family.is_none_or(|f| t.family == f)
                        && started_by.is_none_or(|s| t.started_by.as_deref() == Some(s))
                        && service.is_none_or(|s| t.group == format!("service:{s}"))
                        && launch_type.is_none_or(|l| t.launch_type == l)
                        && instance.is_none_or(|i| t.instance == i)
                        && (desired != DesiredStatus::Pending || !t.running())
                })
            })
            .map_err(server)?;
        Ok(ListTasksResponse {
            task_arns: Some(
                page.iter()
                    .take(limit)
                    .map(|(_, t)| t.arn.clone())
                    .collect(),
            ),
            next_token: (page.len() > limit).then(|| token(&page[limit - 1].0)),
        })
    }
}

/// `volumeConfigurations` configure Amazon EBS volumes at launch; there are none here.
fn refuse_volume_configurations(
    given: Option<&[neargate_model::ecs::TaskVolumeConfiguration]>,
) -> Result<(), AwsError> {
    if given.is_some_and(|v| !v.is_empty()) {
        return Err(invalid(
            "volumeConfigurations configure Amazon EBS volumes, which are not available here.",
        ));
    }
    Ok(())
}

/// What the platform needs to know of a task after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskView {
    /// The task's ARN.
    pub task_arn: String,
    /// Whether it is to stop (`desiredStatus` `STOPPED`).
    pub stop_requested: bool,
    /// The grant made for its volume, if any.
    pub grant: Option<String>,
    /// The key that grant is on.
    pub kms_key: Option<String>,
}

impl TaskView {
    fn of(record: &TaskRecord) -> Self {
        Self {
            task_arn: record.arn().to_owned(),
            stop_requested: record.stop_requested(),
            grant: record.grant.clone(),
            kms_key: record
                .doc
                .fargate_ephemeral_storage
                .as_ref()
                .and_then(|s| s.kms_key_id.clone()),
        }
    }
}

/// Counts a change in the task's `version`.
fn bump(task: &mut Task) {
    task.version = Some(task.version.unwrap_or(1) + 1);
}

/// Applies one update to a stored task.
fn apply(record: &mut TaskRecord, update: TaskUpdate, now: Time) {
    match &update {
        TaskUpdate::Pending => record.advance(TaskStatus::Pending),
        TaskUpdate::Running(_) if record.stop_requested() => {
            record.advance(TaskStatus::Deactivating);
        }
        TaskUpdate::Running(_) => record.advance(TaskStatus::Running),
        TaskUpdate::Stopped { .. } => record.advance(TaskStatus::Stopped),
        TaskUpdate::Grant(_) | TaskUpdate::Health { .. } => {}
    }
    let task = &mut record.doc;
    match update {
        TaskUpdate::Pending => task.pull_started_at = Some(now),
        TaskUpdate::Grant(grant) => {
            record.grant = Some(grant);
            return;
        }
        TaskUpdate::Running(address) => running(task, address, now),
        TaskUpdate::Health { container, status } => {
            for shown in task.containers.iter_mut().flatten() {
                if shown.name.as_deref() == Some(container.as_str()) {
                    shown.health_status = Some(HealthStatus::from(status.as_str()));
                }
            }
            task.health_status = Some(task_health(task.containers.as_deref().unwrap_or_default()));
        }
        TaskUpdate::Stopped {
            stop_code,
            reason,
            containers,
        } => {
            task.desired_status = Some(STOPPED.to_owned());
            if task.stop_code.is_none() {
                task.stop_code = stop_code.as_deref().map(TaskStopCode::from);
                if reason.is_some() {
                    task.stopped_reason = reason;
                }
            }
            task.stopping_at.get_or_insert(now);
            task.execution_stopped_at = Some(now);
            task.stopped_at = Some(now);
            if let Some(attachment) = task.attachments.iter_mut().flatten().next() {
                attachment.status = Some("DELETED".to_owned());
            }
            for container in task.containers.iter_mut().flatten() {
                container.last_status = Some(TaskStatus::Stopped.as_str().to_owned());
                let outcome = containers
                    .iter()
                    .find(|(n, ..)| container.name.as_deref() == Some(n.as_str()));
                if let Some((_, exit, why)) = outcome {
                    if exit.is_some() {
                        container.exit_code = *exit;
                    }
                    if why.is_some() {
                        container.reason.clone_from(why);
                    }
                }
            }
        }
    }
    bump(task);
}

/// A task's essential containers have started at `address` (its status moved already).
fn running(task: &mut Task, address: Ipv4Addr, now: Time) {
    task.pull_stopped_at = Some(now);
    task.started_at = Some(now);
    task.connectivity_at = Some(now);
    let arn = task.task_arn.as_deref().unwrap_or_default();
    let id = arn.rsplit('/').next().unwrap_or_default();
    let eni = format!("eni-{}", resource_suffix(id));
    let dns = format!("ip-{}.ec2.internal", address.to_string().replace('.', "-"));
    let mut attachment_id = None;
    if let Some(attachment) = task.attachments.iter_mut().flatten().next() {
        attachment.status = Some("ATTACHED".to_owned());
        attachment_id.clone_from(&attachment.id);
        let details = attachment.details.get_or_insert_with(Vec::new);
        for (name, value) in [
            ("networkInterfaceId", eni),
            ("macAddress", mac(address)),
            ("privateDnsName", dns),
            ("privateIPv4Address", address.to_string()),
        ] {
            details.push(KeyValuePair {
                name: Some(name.to_owned()),
                value: Some(value),
            });
        }
    }
    for container in task.containers.iter_mut().flatten() {
        container.last_status = Some(TaskStatus::Running.as_str().to_owned());
        if attachment_id.is_some() {
            container.network_interfaces = Some(vec![NetworkInterface {
                attachment_id: attachment_id.clone(),
                private_ipv4_address: Some(address.to_string()),
                ipv6_address: None,
            }]);
        }
    }
}

/// The task's `healthStatus`: `UNHEALTHY` if a container with a health check is, `HEALTHY` once
/// all of them are, `UNKNOWN` before (and for tasks without health checks).
fn task_health(containers: &[Container]) -> HealthStatus {
    let checked: Vec<&HealthStatus> = containers
        .iter()
        .filter_map(|c| c.health_status.as_ref())
        .collect();
    if checked.contains(&&HealthStatus::Unhealthy) {
        HealthStatus::Unhealthy
    } else if !checked.is_empty() && checked.iter().all(|h| **h == HealthStatus::Healthy) {
        HealthStatus::Healthy
    } else {
        HealthStatus::UnknownValue
    }
}

/// A container definition's `healthCheck`, with ECS's defaults.
fn health_check(definition: &ContainerDefinition) -> Option<HealthCheck> {
    let check = definition.health_check.as_ref()?;
    let seconds = |value: Option<i32>, default: u64| {
        Duration::from_secs(value.and_then(|v| u64::try_from(v).ok()).unwrap_or(default))
    };
    Some(HealthCheck {
        command: check.command.clone()?,
        interval: seconds(check.interval, 30),
        timeout: seconds(check.timeout, 5),
        retries: check
            .retries
            .and_then(|r| u32::try_from(r).ok())
            .unwrap_or(3),
        start_period: seconds(check.start_period, 0),
    })
}

/// A locally administered MAC address derived from the task's address.
fn mac(address: Ipv4Addr) -> String {
    let [a, b, c, d] = address.octets();
    format!("0e:4e:{a:02x}:{b:02x}:{c:02x}:{d:02x}")
}

/// The task size (`cpu`, `memory`) the overrides give, or the definition's.
fn task_size<'a>(
    definition: &'a TaskDefinitionRecord,
    overrides: &'a TaskOverride,
) -> (Option<&'a str>, Option<&'a str>) {
    let cpu = overrides
        .cpu
        .as_deref()
        .or(definition.definition.cpu.as_deref());
    let memory = overrides
        .memory
        .as_deref()
        .or(definition.definition.memory.as_deref());
    (cpu, memory)
}

/// The CPU units and MiB of memory a task holds on its instance: the task size if it has
/// one, else the sum of its containers' (`memory`, or `memoryReservation`).
fn task_needs(definition: &TaskDefinitionRecord, overrides: &TaskOverride) -> (i64, i64) {
    let (cpu, memory) = task_size(definition, overrides);
    let containers = definition.containers();
    let sum = |f: &dyn Fn(&ContainerDefinition) -> Option<i32>| -> i64 {
        containers.iter().filter_map(f).map(i64::from).sum()
    };
    let cpu = cpu
        .and_then(fargate::cpu_units)
        .map_or_else(|| sum(&|c| c.cpu), i64::from);
    let memory = memory
        .and_then(fargate::memory_mib)
        .map_or_else(|| sum(&|c| c.memory.or(c.memory_reservation)), i64::from);
    (cpu, memory)
}

/// The members `RunTask` and `StartTask` share, moved out of `input`.
macro_rules! shared_members {
    ($input:expr) => {
        Shared {
            network: $input
                .network_configuration
                .and_then(|n| n.awsvpc_configuration),
            overrides: $input.overrides,
            propagate_tags: $input.propagate_tags,
            tags: $input.tags,
            managed_tags: $input.enable_ecs_managed_tags,
            started_by: $input.started_by,
            group: $input.group,
            execute_command: $input.enable_execute_command,
        }
    };
}
use shared_members;

/// A placement constraint of a request or a service as its `type` and `expression`.
pub(crate) fn constraint_parts(c: &PlacementConstraint) -> (Option<&str>, Option<&str>) {
    (
        c.type_.as_ref().map(|t| t.as_str()),
        c.expression.as_deref(),
    )
}

/// `placementConstraints` of the request and of the task definition.
fn placement_constraints(
    given: Option<&[PlacementConstraint]>,
    definition: &TaskDefinitionRecord,
) -> Result<Vec<Constraint>, AwsError> {
    let mut list: Vec<(Option<&str>, Option<&str>)> = given
        .unwrap_or_default()
        .iter()
        .map(constraint_parts)
        .collect();
    list.extend(
        definition
            .definition
            .placement_constraints
            .iter()
            .flatten()
            .map(|c| {
                (
                    c.type_.as_ref().map(|t| t.as_str()),
                    c.expression.as_deref(),
                )
            }),
    );
    placement::constraints(&list)
}

/// `placementStrategy` of a request.
pub(crate) fn placement_strategies(
    given: Option<&[PlacementStrategy]>,
) -> Result<Vec<Strategy>, AwsError> {
    let list: Vec<(Option<&str>, Option<&str>)> = given
        .unwrap_or_default()
        .iter()
        .map(|s| (s.type_.as_ref().map(|t| t.as_str()), s.field.as_deref()))
        .collect();
    placement::strategies(&list)
}

/// Places the `EC2` tasks of `request` on the cluster's container instances, in `tx`.
fn place_on_instances(
    tx: &impl neargate_store::Read,
    scope: Scope<'_>,
    cluster: &ClusterRecord,
    definition: &TaskDefinitionRecord,
    request: &TaskRequest,
) -> neargate_store::Result<Hosts> {
    let all = instances_of(tx, scope, &cluster.name)?;
    let need = need_of(definition, request);
    let failure = placement_failure;
    let mut hosts = Vec::new();
    let mut failures = Vec::new();
    if let Some(named) = &request.instances {
        // StartTask: one task on each instance named, with no strategy.
        let mut taken: Vec<Candidate> = Vec::new();
        for text in named {
            let key = instance_key(scope, &cluster.name, text);
            let Some((_, record)) = all
                .iter()
                .find(|(k, r)| *k == key.as_bytes() && r.is_registered())
            else {
                failures.push(failure(text, "MISSING"));
                continue;
            };
            let mut candidate = match taken.iter().position(|c| c.arn == record.arn) {
                Some(i) => taken.remove(i),
                None => record.candidate(),
            };
            let placed = place(
                std::slice::from_mut(&mut candidate),
                &need,
                &request.constraints,
                &[],
                1,
                random,
            );
            if !record.can_take_tasks() {
                failures.push(failure(&record.arn, "DRAINING"));
            } else if placed.chosen.is_empty() {
                failures.extend(placed.failures.iter().map(|(arn, r)| failure(arn, r)));
            } else {
                hosts.push(Some((key, record.clone())));
            }
            taken.push(candidate);
        }
        return Ok((hosts, failures));
    }
    let active: Vec<&(Vec<u8>, InstanceRecord)> =
        all.iter().filter(|(_, r)| r.can_take_tasks()).collect();
    let mut candidates: Vec<Candidate> = active.iter().map(|(_, r)| r.candidate()).collect();
    let placed = place(
        &mut candidates,
        &need,
        &request.constraints,
        &request.strategies,
        request.count,
        random,
    );
    for i in placed.chosen {
        let (key, record) = active[i];
        hosts.push(Some((
            String::from_utf8_lossy(key).into_owned(),
            record.clone(),
        )));
    }
    failures.extend(placed.failures.iter().map(|(arn, r)| failure(arn, r)));
    Ok((hosts, failures))
}

/// What each task of `request` needs of its instance.
fn need_of(definition: &TaskDefinitionRecord, request: &TaskRequest) -> Need {
    let (cpu, memory) = task_needs(definition, &request.overrides);
    Need {
        cpu,
        memory,
        group: request.group.clone(),
    }
}

impl Ecs {
    /// The Managed Instances provider a placement names, checked against the cluster and the
    /// task definition; `None` for other placements.
    pub(crate) fn managed_provider(
        &self,
        scope: Scope<'_>,
        cluster: &ClusterRecord,
        placement: &Placement,
        definition: &TaskDefinitionRecord,
    ) -> Result<Option<ProviderRecord>, AwsError> {
        if placement.launch_type != "MANAGED_INSTANCES" {
            return Ok(None);
        }
        let name = placement.capacity_provider.as_deref().unwrap_or_default();
        let provider = self
            .provider(scope, name)?
            .filter(|p| p.is_active() && p.cluster == cluster.name)
            .ok_or_else(|| {
                invalid(format!(
                    "The specified capacity provider {name} does not exist in cluster {}.",
                    cluster.name
                ))
            })?;
        let architecture = definition
            .definition
            .runtime_platform
            .as_ref()
            .and_then(|p| p.cpu_architecture.as_ref())
            .map(|a| a.as_str());
        check_task_fits(&provider, definition.containers(), architecture)?;
        Ok(Some(provider))
    }
}

/// Everything a new task is made from.
struct TaskFacts<'a> {
    task_arn: &'a str,
    cluster: &'a ClusterRecord,
    definition: &'a TaskDefinitionRecord,
    request: &'a TaskRequest,
    storage_gib: u32,
    subnet: Option<&'a str>,
    now: Time,
    region: &'a str,
    /// The container instance an `EC2` task was placed on.
    instance: Option<&'a InstanceRecord>,
}

impl TaskFacts<'_> {
    fn container_override(&self, name: &str) -> Option<&neargate_model::ecs::ContainerOverride> {
        self.request
            .overrides
            .container_overrides
            .iter()
            .flatten()
            .find(|o| o.name.as_deref() == Some(name))
    }

    fn task_size(&self) -> (Option<&str>, Option<&str>) {
        task_size(self.definition, &self.request.overrides)
    }

    /// The task as `DescribeTasks` first shows it.
    fn document(&self) -> Task {
        let containers = self
            .definition
            .containers()
            .iter()
            .map(|c| Container {
                container_arn: Some(format!(
                    "{}/{}",
                    self.task_arn.replace(":task/", ":container/"),
                    ids::fast_uuid()
                )),
                task_arn: Some(self.task_arn.to_owned()),
                name: c.name.clone(),
                image: c.image.clone(),
                last_status: Some(TaskStatus::Pending.as_str().to_owned()),
                network_interfaces: Some(Vec::new()),
                cpu: Some(c.cpu.unwrap_or(0).to_string()),
                health_status: c.health_check.as_ref().map(|_| HealthStatus::UnknownValue),
                ..Container::default()
            })
            .collect();
        let mut overrides = self.request.overrides.clone();
        overrides.container_overrides.get_or_insert_with(Vec::new);
        overrides
            .inference_accelerator_overrides
            .get_or_insert_with(Vec::new);
        let zone = self
            .instance
            .and_then(|i| i.attributes.get("ecs.availability-zone").cloned().flatten())
            .unwrap_or_else(|| format!("{}a", self.region));
        let attachments = self
            .subnet
            .map(|subnet| Attachment {
                id: Some(ids::fast_uuid()),
                type_: Some("ElasticNetworkInterface".to_owned()),
                status: Some("PRECREATED".to_owned()),
                details: Some(vec![KeyValuePair {
                    name: Some("subnetId".to_owned()),
                    value: Some(subnet.to_owned()),
                }]),
            })
            .into_iter()
            .collect();
        let (cpu, memory) = self.task_size();
        let placement = &self.request.placement;
        let mut task = Task {
            attachments: Some(attachments),
            attributes: Some(vec![Attribute {
                name: Some("ecs.cpu-architecture".to_owned()),
                value: Some("x86_64".to_owned()),
                ..Attribute::default()
            }]),
            availability_zone: Some(zone),
            cluster_arn: Some(self.cluster.arn.clone()),
            connectivity: Some(Connectivity::Connected),
            created_at: Some(self.now),
            desired_status: Some(RUNNING.to_owned()),
            enable_execute_command: Some(self.request.execute_command),
            group: Some(self.request.group.clone()),
            health_status: Some(HealthStatus::UnknownValue),
            last_status: Some(TaskStatus::Provisioning.as_str().to_owned()),
            launch_type: Some(LaunchType::from(placement.launch_type.as_str())),
            task_arn: Some(self.task_arn.to_owned()),
            task_definition_arn: Some(self.definition.arn().to_owned()),
            version: Some(1),
            containers: Some(containers),
            overrides: Some(overrides),
            cpu: cpu.map(str::to_owned),
            memory: memory.map(str::to_owned),
            capacity_provider_name: placement.capacity_provider.clone(),
            started_by: self.request.started_by.clone(),
            ..Task::default()
        };
        match self.instance {
            Some(instance) => task.container_instance_arn = Some(instance.arn.clone()),
            None => {
                let size = i32::try_from(self.storage_gib).unwrap_or(i32::MAX);
                task.platform_version = Some(self.request.platform_version.clone());
                task.platform_family = Some("Linux".to_owned());
                task.ephemeral_storage = Some(EphemeralStorage {
                    size_in_gib: Some(size),
                });
                task.fargate_ephemeral_storage = Some(TaskEphemeralStorage {
                    size_in_gib: Some(size),
                    kms_key_id: self.request.key.clone(),
                });
            }
        }
        task
    }

    /// What the agent runs.
    fn spec(&self, id: &str) -> TaskSpec {
        let pairs = |list: Option<&[KeyValuePair]>| -> Vec<(String, String)> {
            list.unwrap_or_default()
                .iter()
                .filter_map(|e| Some((e.name.clone()?, e.value.clone()?)))
                .collect()
        };
        let mib = |m: Option<i32>| m.and_then(|m| u64::try_from(m).ok()).map(|m| m << 20);
        let mut containers = Vec::new();
        for c in self.definition.containers() {
            let name = c.name.as_deref().unwrap_or_default();
            let over = self.container_override(name);
            let mut environment = pairs(c.environment.as_deref());
            for (n, v) in pairs(over.and_then(|o| o.environment.as_deref())) {
                environment.retain(|(existing, _)| *existing != n);
                environment.push((n, v));
            }
            let capabilities = c
                .linux_parameters
                .as_ref()
                .and_then(|l| l.capabilities.as_ref());
            containers.push(ContainerSpec {
                name: name.to_owned(),
                image: c.image.clone().unwrap_or_default(),
                entry_point: c.entry_point.clone(),
                command: over
                    .and_then(|o| o.command.clone())
                    .or_else(|| c.command.clone()),
                environment,
                working_directory: c.working_directory.clone(),
                user: c.user.clone(),
                essential: c.essential != Some(false),
                depends_on: c
                    .depends_on
                    .iter()
                    .flatten()
                    .map(|d| {
                        let condition = match d.condition {
                            Some(ContainerCondition::Complete) => Condition::Complete,
                            Some(ContainerCondition::Success) => Condition::Success,
                            // `HEALTHY` waits for the start: health checks do not run yet.
                            _ => Condition::Start,
                        };
                        (d.container_name.clone().unwrap_or_default(), condition)
                    })
                    .collect(),
                stop_timeout: Duration::from_secs(
                    c.stop_timeout
                        .and_then(|t| u64::try_from(t).ok())
                        .unwrap_or(30)
                        .min(120),
                ),
                readonly_root: c.readonly_root_filesystem == Some(true),
                privileged: false,
                add_capabilities: added_capabilities(c).to_vec(),
                drop_capabilities: capabilities
                    .and_then(|k| k.drop.clone())
                    .unwrap_or_default(),
                mount_points: c
                    .mount_points
                    .iter()
                    .flatten()
                    .map(|m| MountPoint {
                        source_volume: m.source_volume.clone().unwrap_or_default(),
                        container_path: m.container_path.clone().unwrap_or_default(),
                        read_only: m.read_only == Some(true),
                    })
                    .collect(),
                memory: mib(over.and_then(|o| o.memory)).or_else(|| mib(c.memory)),
                health_check: health_check(c),
                cpu: over
                    .and_then(|o| o.cpu)
                    .or(c.cpu)
                    .and_then(|c| u64::try_from(c).ok())
                    .filter(|c| *c > 0),
            });
        }
        let (cpu, memory) = self.task_size();
        let limits = Limits {
            memory: memory
                .and_then(fargate::memory_mib)
                .map(|m| u64::from(m) << 20),
            cpu_units: cpu.and_then(fargate::cpu_units).map(u64::from),
        };
        TaskSpec {
            id: id.to_owned(),
            containers,
            limits,
            storage_bytes: u64::from(self.storage_gib) << 30,
            volumes: self
                .definition
                .definition
                .volumes
                .iter()
                .flatten()
                .filter_map(|v| v.name.clone())
                .collect(),
        }
    }
}

/// `ecs:<operation>` on `resource` with the task calls' condition keys: `ecs:cluster`, and the
/// request's tags.
fn on_task_resource(
    operation: &str,
    resource: String,
    context: Vec<ConditionKey>,
) -> Question<'static> {
    Question::plain(format!("ecs:{operation}"), resource).with_context(context)
}

/// The `ecs:cluster` condition key of the cluster `text` names.
fn cluster_key(caller: &Caller<'_>, text: Option<&str>) -> ConditionKey {
    (
        "ecs:cluster".to_owned(),
        vec![cluster_arn(caller.scope(), text)],
    )
}

/// The task definition ARN a launch names, for its question: `family:*` for a family.
fn definition_resource(caller: &Caller<'_>, text: Option<&str>) -> String {
    let text = text.unwrap_or("*");
    if text.starts_with("arn:") {
        text.to_owned()
    } else if text.contains(':') {
        caller.scope().arn(&format!("task-definition/{text}"))
    } else {
        caller.scope().arn(&format!("task-definition/{text}:*"))
    }
}

/// `launch`, and `iam:PassRole` on each role the overrides give the task (`taskRoleArn`,
/// `executionRoleArn`).
fn with_override_roles(
    launch: Question<'static>,
    overrides: Option<&TaskOverride>,
) -> Access<'static> {
    let roles = [
        overrides.and_then(|o| o.task_role_arn.as_deref()),
        overrides.and_then(|o| o.execution_role_arn.as_deref()),
    ];
    Access {
        questions: std::iter::once(launch)
            .chain(pass_task_roles(roles))
            .collect(),
        resources: Vec::new(),
    }
}

/// The questions of a call on the tasks `tasks` of `cluster` (on the cluster itself when it
/// names none).
fn on_tasks(
    caller: &Caller<'_>,
    operation: &str,
    cluster: Option<&str>,
    tasks: &[String],
) -> Access<'static> {
    let key = cluster_key(caller, cluster);
    let questions = if tasks.is_empty() {
        vec![on_task_resource(
            operation,
            cluster_arn(caller.scope(), cluster),
            vec![key],
        )]
    } else {
        let name = short_name(cluster.unwrap_or("default"), "cluster");
        tasks
            .iter()
            .map(|t| {
                on_task_resource(
                    operation,
                    task_arn(caller.scope(), name, t),
                    vec![key.clone()],
                )
            })
            .collect()
    };
    Access {
        questions,
        resources: Vec::new(),
    }
}

impl<'a> Handler<ops::RunTask, Caller<'a>> for Ecs {
    /// `ecs:RunTask` on the task definition, with `ecs:cluster` and the request's tags.
    fn access(&self, caller: &Caller<'a>, input: &RunTaskRequest) -> Result<Access<'_>, AwsError> {
        let mut context = tags::request_keys(&tags::given(input.tags.as_deref())?);
        context.push(cluster_key(caller, input.cluster.as_deref()));
        let run = on_task_resource(
            "RunTask",
            definition_resource(caller, input.task_definition.as_deref()),
            context,
        );
        Ok(with_override_roles(run, input.overrides.as_ref()))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: RunTaskRequest,
    ) -> Result<RunTaskResponse, AwsError> {
        self.run_task(caller, input)
    }
}

impl<'a> Handler<ops::StartTask, Caller<'a>> for Ecs {
    /// `ecs:StartTask` on the task definition, with `ecs:cluster`,
    /// `ecs:container-instances` and the request's tags.
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &StartTaskRequest,
    ) -> Result<Access<'_>, AwsError> {
        let mut context = tags::request_keys(&tags::given(input.tags.as_deref())?);
        context.push(cluster_key(caller, input.cluster.as_deref()));
        let cluster = short_name(input.cluster.as_deref().unwrap_or("default"), "cluster");
        let instances = input
            .container_instances
            .iter()
            .flatten()
            .map(|i| instance_arn(caller.scope(), cluster, i))
            .collect();
        context.push(("ecs:container-instances".to_owned(), instances));
        let start = on_task_resource(
            "StartTask",
            definition_resource(caller, input.task_definition.as_deref()),
            context,
        );
        Ok(with_override_roles(start, input.overrides.as_ref()))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: StartTaskRequest,
    ) -> Result<StartTaskResponse, AwsError> {
        self.start_task(caller, input)
    }
}

impl<'a> Handler<ops::StopTask, Caller<'a>> for Ecs {
    fn access(&self, caller: &Caller<'a>, input: &StopTaskRequest) -> Result<Access<'_>, AwsError> {
        let tasks: Vec<String> = input.task.iter().cloned().collect();
        Ok(on_tasks(
            caller,
            "StopTask",
            input.cluster.as_deref(),
            &tasks,
        ))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: StopTaskRequest,
    ) -> Result<StopTaskResponse, AwsError> {
        self.stop_task(caller, input)
    }
}

impl<'a> Handler<ops::DescribeTasks, Caller<'a>> for Ecs {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &DescribeTasksRequest,
    ) -> Result<Access<'_>, AwsError> {
        Ok(on_tasks(
            caller,
            "DescribeTasks",
            input.cluster.as_deref(),
            input.tasks.as_deref().unwrap_or_default(),
        ))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: DescribeTasksRequest,
    ) -> Result<DescribeTasksResponse, AwsError> {
        self.describe_tasks(caller, input)
    }
}

impl<'a> Handler<ops::ListTasks, Caller<'a>> for Ecs {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &ListTasksRequest,
    ) -> Result<Access<'_>, AwsError> {
        Ok(on_tasks(caller, "ListTasks", input.cluster.as_deref(), &[]))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: ListTasksRequest,
    ) -> Result<ListTasksResponse, AwsError> {
        self.list_tasks(caller, input)
    }
}
