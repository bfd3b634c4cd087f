//! Tasks: `RunTask`, `StopTask`, `DescribeTasks`, `ListTasks`, and the state a task moves
//! through as the platform launches, runs and stops it (`PROVISIONING`, `PENDING`, `RUNNING`,
//! `DEACTIVATING`, `STOPPING`, `DEPROVISIONING`, `STOPPED`).

use neargate_model::ecs::CapacityProviderStrategyItem;
use std::net::Ipv4Addr;
use std::time::Duration;

use neargate_common::{AwsError, ids};
use neargate_store::{Read as _, Table};
use neargate_taskspec::{Condition, ContainerSpec, HealthCheck, Limits, MountPoint, TaskSpec};
use neargate_wire::JsonInput;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::capacity_providers::{BUILT_IN_PROVIDERS, ProviderRecord, check_task_fits};
use crate::clusters::ClusterRecord;
use crate::container_instances::{INSTANCES, InstanceRecord, Load, instance_key, instances_of};
use crate::errors::{invalid, server};
use crate::fargate::{self, DEFAULT_STORAGE_GIB};
use crate::input::{listed, max_results, opt_bool, opt_object, opt_str, req_str, strings};
use crate::managed_instances::place_managed;
use crate::names::{Scope, missing, resume, short_name, token};
use crate::placement::{self, Candidate, Constraint, Need, Strategy, place};
use crate::tags::{self, Tag};
use crate::task_definitions::TaskDefinitionRecord;
use crate::task_index::{desired_of, save, scan};
use crate::{Caller, Ecs};

/// A task as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct TaskRecord {
    /// The task as `DescribeTasks` shows it (without `tags`).
    pub(crate) doc: Value,
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
    fn last_status(&self) -> &str {
        self.doc["lastStatus"].as_str().unwrap_or_default()
    }

    fn shown(&self, with_tags: bool) -> Value {
        tags::shown(&self.doc, &self.tags, with_tags)
    }
}

/// Tasks by `account/region/cluster/<task id>`.
pub(crate) const TASKS: Table<TaskRecord> = Table::new("ecs.tasks", 1);

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
    let Some(deployment) = record.doc["startedBy"]
        .as_str()
        .filter(|s| s.starts_with("ecs-svc/"))
    else {
        return Ok(());
    };
    if record.doc["stopCode"] != "TaskFailedToStart" {
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
    now: &Value,
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

/// The output of the calls that return tasks and failures (moved in, not copied as `json!`
/// would).
fn tasks_and_failures(tasks: Vec<Value>, failures: Vec<Value>) -> Value {
    Value::Object(Map::from_iter([
        ("tasks".to_owned(), Value::Array(tasks)),
        ("failures".to_owned(), Value::Array(failures)),
    ]))
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
        let now = json!(self.clock.now().epoch_seconds_f64());
        // Progress is reconciled at every start, so it need not wait for the disk.
        let record = self
            .db
            .write_relaxed(|tx| {
                let Some(mut record) = tx.get(&TASKS, key.as_bytes())? else {
                    return Ok(None);
                };
                if record.last_status() == "STOPPED" {
                    return Ok(Some(record));
                }
                let before = desired_of(&record);
                apply(&mut record, update, &now);
                if record.last_status() == "STOPPED" {
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
        let now = json!(self.clock.now().epoch_seconds_f64());
        self.db
            .write(|tx| {
                let unfinished = scan(tx, b"", None, usize::MAX, |t| t.last_status != "STOPPED")?;
                let mut stopped = Vec::new();
                for (index, _) in unfinished {
                    let key = crate::task_index::task_key(&index);
                    let Some(mut record) = tx.get(&TASKS, &key)? else {
                        continue;
                    };
                    let before = desired_of(&record);
                    let ran = record.doc.get("startedAt").is_some();
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
                    apply(&mut record, update, &now);
                    save(tx, &key, &record, Some(&before))?;
                }
                Ok(stopped)
            })
            .map_err(server)
    }

    pub(crate) fn run_task(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, opt_str(input, "cluster")?)?;
        let definition = self.active_definition(scope, req_str(input, "taskDefinition")?)?;
        let count = input
            .i64("count")
            .map_err(crate::errors::wrong_type)?
            .unwrap_or(1);
        if !(1..=10).contains(&count) {
            return Err(invalid("count must be between 1 and 10."));
        }
        let token_key = opt_str(input, "clientToken")?.map(|t| scope.key(t));
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
            return Ok(tasks_and_failures(tasks, Vec::new()));
        }
        let placement = Placement::read(input, &cluster)?;
        let request = TaskRequest {
            count: usize::try_from(count).unwrap_or(1),
            key: cluster.key_for(&placement.launch_type).map(str::to_owned),
            placement,
            platform_version: platform_version(opt_str(input, "platformVersion")?)?,
            token_key,
            constraints: placement_constraints(input, &definition)?,
            strategies: placement::strategies(
                input
                    .array("placementStrategy")
                    .map_err(crate::errors::wrong_type)?
                    .map_or(&[][..], Vec::as_slice),
            )?,
            ..TaskRequest::read(input, &definition, &cluster.name)?
        };
        let (tasks, failures) =
            self.start_tasks(scope, &cluster, &definition, &request, caller.platform)?;
        Ok(tasks_and_failures(tasks, failures))
    }

    pub(crate) fn start_task(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, opt_str(input, "cluster")?)?;
        let definition = self.active_definition(scope, req_str(input, "taskDefinition")?)?;
        let instances = listed(input, "containerInstances", "Container Instances", 10)?;
        let request = TaskRequest {
            count: instances.len(),
            instances: Some(instances),
            ..TaskRequest::read(input, &definition, &cluster.name)?
        };
        let (tasks, failures) =
            self.start_tasks(scope, &cluster, &definition, &request, caller.platform)?;
        Ok(tasks_and_failures(tasks, failures))
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
    ) -> Result<(Vec<Value>, Vec<Value>), AwsError> {
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
        let now = clock.epoch_seconds_f64();
        let unlaunchable = platform.unlaunchable();
        let stopped_at = json!(now);
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
                        overrides: &request.overrides,
                        placement: &request.placement,
                        platform_version: &request.platform_version,
                        storage_gib,
                        key: request.key.as_deref(),
                        subnet: subnet.as_deref(),
                        started_by: request.started_by.as_deref(),
                        group: &request.group,
                        execute_command: request.execute_command,
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
                        fail_to_start(tx, &mut record, reason, &stopped_at)?;
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
                    let arns: Vec<String> = shown
                        .iter()
                        .filter_map(|t| t["taskArn"].as_str().map(str::to_owned))
                        .collect();
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

    pub(crate) fn stop_task(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, opt_str(input, "cluster")?)?;
        let id = short_name(req_str(input, "task")?, "task");
        let reason = opt_str(input, "reason")?.unwrap_or("Task stopped by user");
        if reason.chars().count() > 1024 {
            return Err(invalid("reason can be at most 1024 characters."));
        }
        let key = task_key(scope, &cluster.name, id);
        let record = self
            .mark_stopping(key.as_bytes(), "UserInitiated", reason)?
            .ok_or_else(|| invalid("The referenced task was not found."))?;
        if record.last_status() != "STOPPED" {
            caller
                .platform
                .stop(record.doc["taskArn"].as_str().unwrap_or_default());
        }
        Ok(Value::Object(Map::from_iter([(
            "task".to_owned(),
            record.shown(false),
        )])))
    }

    /// Marks the task `task_arn` as to stop because its host is going away (`stopCode`
    /// `TerminationNotice`, with `reason`); the platform then stops it.
    pub fn mark_terminating(&self, task_arn: &str, reason: &str) -> Result<(), AwsError> {
        if let Some(key) = key_of(task_arn) {
            self.mark_stopping(key.as_bytes(), "TerminationNotice", reason)?;
        }
        Ok(())
    }

    /// Marks the task at `key` as to stop with `code` and `reason` (unless it is already
    /// stopping); the task after.
    fn mark_stopping(
        &self,
        key: &[u8],
        code: &str,
        reason: &str,
    ) -> Result<Option<TaskRecord>, AwsError> {
        let now = json!(self.clock.now().epoch_seconds_f64());
        self.db
            .write(|tx| {
                let Some(mut record) = tx.get(&TASKS, key)? else {
                    return Ok(None);
                };
                if record.doc["desiredStatus"] != "STOPPED" {
                    let before = desired_of(&record);
                    let doc = &mut record.doc;
                    doc["desiredStatus"] = json!("STOPPED");
                    doc["stopCode"] = json!(code);
                    doc["stoppedReason"] = json!(reason);
                    doc["stoppingAt"] = now.clone();
                    if doc["lastStatus"] == "RUNNING" {
                        doc["lastStatus"] = json!("DEACTIVATING");
                    }
                    bump(doc);
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
        code: &str,
        reason: &str,
    ) -> Result<Option<String>, AwsError> {
        Ok(self
            .mark_stopping(key, code, reason)?
            .filter(|r| r.last_status() != "STOPPED")
            .and_then(|r| r.doc["taskArn"].as_str().map(str::to_owned)))
    }

    pub(crate) fn describe_tasks(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, opt_str(input, "cluster")?)?;
        let wanted = listed(input, "tasks", "Tasks", 100)?;
        let with_tags = strings(input, "include")?.iter().any(|i| i == "TAGS");
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
                None => failures.push(missing(if text.starts_with("arn:") {
                    text.clone()
                } else {
                    scope.arn(&format!("task/{}/{text}", cluster.name))
                })),
            }
        }
        Ok(tasks_and_failures(tasks, failures))
    }

    pub(crate) fn list_tasks(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, opt_str(input, "cluster")?)?;
        let limit = max_results(input)?;
        let family = opt_str(input, "family")?;
        let started_by = opt_str(input, "startedBy")?;
        let service = opt_str(input, "serviceName")?;
        let launch_type = opt_str(input, "launchType")?;
        let desired = opt_str(input, "desiredStatus")?.unwrap_or("RUNNING");
        if !matches!(desired, "RUNNING" | "PENDING" | "STOPPED") {
            return Err(invalid(format!("Invalid desiredStatus {desired}.")));
        }
        let instance =
            opt_str(input, "containerInstance")?.map(|i| short_name(i, "container-instance"));
        let index = if desired == "STOPPED" {
            "STOPPED"
        } else {
            "RUNNING"
        };
        let prefix = scope.key(&format!("{}/{index}/", cluster.name));
        let after = opt_str(input, "nextToken")?.map(resume).transpose()?;
        let page = self
            .db
            .read(|tx| {
                scan(tx, prefix.as_bytes(), after.as_deref(), limit + 1, |t| {
                    family.is_none_or(|f| t.family == f)
                        && started_by.is_none_or(|s| t.started_by.as_deref() == Some(s))
                        && service.is_none_or(|s| t.group == format!("service:{s}"))
                        && launch_type.is_none_or(|l| t.launch_type == l)
                        && instance.is_none_or(|i| t.instance == i)
                        && (desired != "PENDING" || !t.running())
                })
            })
            .map_err(server)?;
        let mut body = json!({
            "taskArns": page.iter().take(limit).map(|(_, t)| t.arn.clone()).collect::<Vec<_>>()
        });
        if page.len() > limit {
            body["nextToken"] = json!(token(&page[limit - 1].0));
        }
        Ok(body)
    }
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
            task_arn: record.doc["taskArn"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            stop_requested: record.doc["desiredStatus"] == "STOPPED",
            grant: record.grant.clone(),
            kms_key: record.doc["fargateEphemeralStorage"]["kmsKeyId"]
                .as_str()
                .map(str::to_owned),
        }
    }
}

/// Counts a change in the task's `version`.
fn bump(doc: &mut Value) {
    let version = doc["version"].as_i64().unwrap_or(1);
    doc["version"] = json!(version + 1);
}

/// Applies one update to a stored task.
fn apply(record: &mut TaskRecord, update: TaskUpdate, now: &Value) {
    let doc = &mut record.doc;
    match update {
        TaskUpdate::Pending => {
            doc["lastStatus"] = json!("PENDING");
            doc["pullStartedAt"] = now.clone();
        }
        TaskUpdate::Grant(grant) => {
            record.grant = Some(grant);
            return;
        }
        TaskUpdate::Running(address) => {
            doc["lastStatus"] = json!(if doc["desiredStatus"] == "STOPPED" {
                "DEACTIVATING"
            } else {
                "RUNNING"
            });
            for stamp in ["pullStoppedAt", "startedAt", "connectivityAt"] {
                doc[stamp] = now.clone();
            }
            let arn = doc["taskArn"].as_str().unwrap_or_default();
            let id = arn.rsplit('/').next().unwrap_or_default();
            let eni = format!("eni-{}", resource_suffix(id));
            let dns = format!("ip-{}.ec2.internal", address.to_string().replace('.', "-"));
            if let Some(attachment) = doc["attachments"].get_mut(0) {
                attachment["status"] = json!("ATTACHED");
                if let Some(details) = attachment["details"].as_array_mut() {
                    for (name, value) in [
                        ("networkInterfaceId", eni.clone()),
                        ("macAddress", mac(address)),
                        ("privateDnsName", dns),
                        ("privateIPv4Address", address.to_string()),
                    ] {
                        details.push(json!({"name": name, "value": value}));
                    }
                }
            }
            let attachment_id = doc["attachments"][0]["id"].clone();
            for container in doc["containers"].as_array_mut().into_iter().flatten() {
                container["lastStatus"] = json!("RUNNING");
                if !attachment_id.is_null() {
                    container["networkInterfaces"] = json!([{
                        "attachmentId": attachment_id,
                        "privateIpv4Address": address.to_string()
                    }]);
                }
            }
        }
        TaskUpdate::Health { container, status } => {
            for shown in doc["containers"].as_array_mut().into_iter().flatten() {
                if shown["name"] == container.as_str() {
                    shown["healthStatus"] = json!(status);
                }
            }
            doc["healthStatus"] = json!(task_health(doc));
        }
        TaskUpdate::Stopped {
            stop_code,
            reason,
            containers,
        } => {
            doc["lastStatus"] = json!("STOPPED");
            doc["desiredStatus"] = json!("STOPPED");
            if doc.get("stopCode").is_none() {
                if let Some(code) = stop_code {
                    doc["stopCode"] = json!(code);
                }
                if let Some(reason) = reason {
                    doc["stoppedReason"] = json!(reason);
                }
            }
            if doc.get("stoppingAt").is_none() {
                doc["stoppingAt"] = now.clone();
            }
            doc["executionStoppedAt"] = now.clone();
            doc["stoppedAt"] = now.clone();
            if let Some(attachment) = doc["attachments"].get_mut(0) {
                attachment["status"] = json!("DELETED");
            }
            for container in doc["containers"].as_array_mut().into_iter().flatten() {
                container["lastStatus"] = json!("STOPPED");
                let outcome = containers.iter().find(|(n, ..)| container["name"] == *n);
                if let Some((_, exit, why)) = outcome {
                    if let Some(code) = exit {
                        container["exitCode"] = json!(code);
                    }
                    if let Some(why) = why {
                        container["reason"] = json!(why);
                    }
                }
            }
        }
    }
    bump(doc);
}

/// The task's `healthStatus`: `UNHEALTHY` if a container with a health check is, `HEALTHY` once
/// all of them are, `UNKNOWN` before (and for tasks without health checks).
fn task_health(doc: &Value) -> &'static str {
    let checked: Vec<&Value> = doc["containers"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c.get("healthStatus").is_some())
        .collect();
    if checked.iter().any(|c| c["healthStatus"] == "UNHEALTHY") {
        "UNHEALTHY"
    } else if !checked.is_empty() && checked.iter().all(|c| c["healthStatus"] == "HEALTHY") {
        "HEALTHY"
    } else {
        "UNKNOWN"
    }
}

/// A container definition's `healthCheck`, with ECS's defaults.
fn health_check(definition: &Value) -> Option<HealthCheck> {
    let check = definition.get("healthCheck")?;
    let seconds =
        |member: &str, default: u64| Duration::from_secs(check[member].as_u64().unwrap_or(default));
    Some(HealthCheck {
        command: check["command"]
            .as_array()?
            .iter()
            .filter_map(|c| c.as_str().map(str::to_owned))
            .collect(),
        interval: seconds("interval", 30),
        timeout: seconds("timeout", 5),
        retries: u32::try_from(check["retries"].as_u64().unwrap_or(3)).unwrap_or(3),
        start_period: seconds("startPeriod", 0),
    })
}

/// A locally administered MAC address derived from the task's address.
fn mac(address: Ipv4Addr) -> String {
    let [a, b, c, d] = address.octets();
    format!("0e:4e:{a:02x}:{b:02x}:{c:02x}:{d:02x}")
}

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
    pub(crate) network: Value,
    pub(crate) overrides: Map<String, Value>,
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

impl TaskRequest {
    /// What `RunTask` and `StartTask` share: one `EC2` task of `definition` with the
    /// request's network, overrides, tags, `startedBy` and `group`.
    fn read(
        input: &JsonInput,
        definition: &TaskDefinitionRecord,
        cluster: &str,
    ) -> Result<Self, AwsError> {
        Ok(Self {
            count: 1,
            placement: Placement {
                launch_type: "EC2".into(),
                capacity_provider: None,
            },
            platform_version: String::new(),
            key: None,
            network: opt_object(input, "networkConfiguration")?
                .and_then(|n| n.get("awsvpcConfiguration"))
                .cloned()
                .unwrap_or_default(),
            overrides: opt_object(input, "overrides")?.cloned().unwrap_or_default(),
            tags: request_tags(input, definition, cluster)?,
            started_by: opt_str(input, "startedBy")?.map(str::to_owned),
            group: opt_str(input, "group")?
                .map_or_else(|| format!("family:{}", definition.family), str::to_owned),
            execute_command: opt_bool(input, "enableExecuteCommand")?.unwrap_or(false),
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
        let subnet = self.network["subnets"]
            .as_array()
            .and_then(|s| s.first())
            .and_then(Value::as_str)
            .map(str::to_owned);
        if subnet.is_none() && definition.member("networkMode") == "awsvpc" {
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
    /// How a service deployment's tasks run: its `launchType` (Fargate by default) and
    /// capacity provider.
    pub(crate) fn of_deployment(deployment: &Value) -> Self {
        Self {
            launch_type: deployment["launchType"]
                .as_str()
                .unwrap_or("FARGATE")
                .to_owned(),
            capacity_provider: deployment["capacityProviderStrategy"][0]["capacityProvider"]
                .as_str()
                .map(str::to_owned),
        }
    }

    pub(crate) fn read(input: &JsonInput, cluster: &ClusterRecord) -> Result<Self, AwsError> {
        let launch_type = opt_str(input, "launchType")?;
        let strategy = input
            .array("capacityProviderStrategy")
            .map_err(crate::errors::wrong_type)?
            .filter(|s| !s.is_empty());
        if launch_type.is_some() && strategy.is_some() {
            return Err(invalid(
                "Specifying both a launch type and capacity provider strategy is not \
                 supported. Remove one and try again.",
            ));
        }
        if let Some(launch_type) = launch_type {
            if !matches!(
                launch_type,
                "EC2" | "FARGATE" | "EXTERNAL" | "MANAGED_INSTANCES"
            ) {
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
        let strategy: Vec<CapacityProviderStrategyItem> = match strategy {
            Some(items) => serde_json::from_value(Value::Array(items.clone())).map_err(|_| {
                neargate_common::Common::SerializationException.with(
                    "Value for 'capacityProviderStrategy' must be a list of capacity provider \
                     strategy items.",
                )
            })?,
            None => cluster.default_strategy.clone(),
        };
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
fn check_key_usable(definition: &TaskDefinitionRecord, version: &str) -> Result<(), AwsError> {
    if definition.member("runtimePlatform")["operatingSystemFamily"]
        .as_str()
        .is_some_and(|f| f.starts_with("WINDOWS"))
    {
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
fn storage_size(
    definition: &TaskDefinitionRecord,
    overrides: &Map<String, Value>,
) -> Result<u32, AwsError> {
    let size = overrides
        .get("ephemeralStorage")
        .or_else(|| definition.body.get("ephemeralStorage"))
        .and_then(|e| e["sizeInGiB"].as_u64());
    match size {
        None => Ok(DEFAULT_STORAGE_GIB),
        Some(gib @ 21..=200) => Ok(u32::try_from(gib).unwrap_or(DEFAULT_STORAGE_GIB)),
        Some(gib) => Err(invalid(format!(
            "The ephemeral storage size {gib} GiB is not valid: it must be between 21 and 200 \
             GiB."
        ))),
    }
}

/// The CPU units and MiB of memory a task holds on its instance: the task size if it has
/// one, else the sum of its containers' (`memory`, or `memoryReservation`).
fn task_needs(definition: &TaskDefinitionRecord, overrides: &Map<String, Value>) -> (i64, i64) {
    let task = |member: &str| {
        overrides
            .get(member)
            .or_else(|| definition.body.get(member))
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let containers = definition.member("containerDefinitions").as_array();
    let sum = |f: &dyn Fn(&Value) -> Option<i64>| -> i64 {
        containers.into_iter().flatten().filter_map(f).sum()
    };
    let cpu = task("cpu")
        .and_then(|c| fargate::cpu_units(&c))
        .map_or_else(|| sum(&|c| c["cpu"].as_i64()), i64::from);
    let memory = task("memory")
        .and_then(|m| fargate::memory_mib(&m))
        .map_or_else(
            || {
                sum(&|c| {
                    c["memory"]
                        .as_i64()
                        .or_else(|| c["memoryReservation"].as_i64())
                })
            },
            i64::from,
        );
    (cpu, memory)
}

/// The tags of tasks `RunTask` or `StartTask` makes: the task definition's when `propagateTags`
/// is `TASK_DEFINITION`, the request's over them, and with `enableECSManagedTags` ECS's own.
fn request_tags(
    input: &JsonInput,
    definition: &TaskDefinitionRecord,
    cluster: &str,
) -> Result<Vec<Tag>, AwsError> {
    let mut tags = match opt_str(input, "propagateTags")? {
        None | Some("NONE") => Vec::new(),
        Some("TASK_DEFINITION") => definition.tags.clone(),
        Some(other) => {
            return Err(invalid(format!(
                "Invalid propagateTags value {other}: tasks started here propagate \
                 TASK_DEFINITION or NONE."
            )));
        }
    };
    tags::merge(&mut tags, tags::read(input, "tags")?);
    if opt_bool(input, "enableECSManagedTags")?.unwrap_or(false) {
        tags::merge(&mut tags, tags::managed(cluster, None));
    }
    Ok(tags)
}

/// `placementConstraints` of the request and of the task definition.
fn placement_constraints(
    input: &JsonInput,
    definition: &TaskDefinitionRecord,
) -> Result<Vec<Constraint>, AwsError> {
    let mut list: Vec<Value> = input
        .array("placementConstraints")
        .map_err(crate::errors::wrong_type)?
        .cloned()
        .unwrap_or_default();
    list.extend(
        definition
            .member("placementConstraints")
            .as_array()
            .into_iter()
            .flatten()
            .cloned(),
    );
    placement::constraints(&list)
}

/// A random number for the `random` placement strategy.
pub(crate) fn random() -> u64 {
    let mut bytes = [0u8; 8];
    ids::random_bytes(&mut bytes);
    u64::from_le_bytes(bytes)
}

/// Where each task goes (its container instance's store key and record; `None` for a Fargate
/// task) and, for tasks that could not be placed, the failures.
pub(crate) type Hosts = (Vec<Option<(String, InstanceRecord)>>, Vec<Value>);

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
    let failure = |arn: &str, reason: &str| json!({"arn": arn, "reason": reason});
    let mut hosts = Vec::new();
    let mut failures = Vec::new();
    if let Some(named) = &request.instances {
        // StartTask: one task on each instance named, with no strategy.
        let mut taken: Vec<Candidate> = Vec::new();
        for text in named {
            let key = instance_key(scope, &cluster.name, text);
            let Some((_, record)) = all
                .iter()
                .find(|(k, r)| *k == key.as_bytes() && r.status != "INACTIVE")
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
            if record.status != "ACTIVE" {
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
        all.iter().filter(|(_, r)| r.status == "ACTIVE").collect();
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
        let containers = definition
            .member("containerDefinitions")
            .as_array()
            .map_or(&[][..], Vec::as_slice);
        let architecture = definition.member("runtimePlatform")["cpuArchitecture"].as_str();
        check_task_fits(&provider, containers, architecture)?;
        Ok(Some(provider))
    }
}

/// Everything a new task is made from.
struct TaskFacts<'a> {
    task_arn: &'a str,
    cluster: &'a ClusterRecord,
    definition: &'a TaskDefinitionRecord,
    overrides: &'a Map<String, Value>,
    placement: &'a Placement,
    platform_version: &'a str,
    storage_gib: u32,
    key: Option<&'a str>,
    subnet: Option<&'a str>,
    started_by: Option<&'a str>,
    group: &'a str,
    execute_command: bool,
    now: f64,
    region: &'a str,
    /// The container instance an `EC2` task was placed on.
    instance: Option<&'a InstanceRecord>,
}

impl TaskFacts<'_> {
    fn container_override(&self, name: &str) -> Option<&Value> {
        self.overrides
            .get("containerOverrides")?
            .as_array()?
            .iter()
            .find(|o| o["name"] == name)
    }

    fn task_size(&self, member: &str) -> Option<String> {
        self.overrides
            .get(member)
            .or_else(|| self.definition.body.get(member))
            .and_then(Value::as_str)
            .map(str::to_owned)
    }

    /// The task as `DescribeTasks` first shows it.
    fn document(&self) -> Value {
        let containers: Vec<Value> = self
            .definition
            .member("containerDefinitions")
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| {
                let name = c["name"].as_str().unwrap_or_default();
                let mut shown = json!({
                    "containerArn": format!(
                        "{}/{}",
                        self.task_arn.replace(":task/", ":container/"),
                        ids::fast_uuid()
                    ),
                    "taskArn": self.task_arn,
                    "name": name,
                    "image": c["image"],
                    "lastStatus": "PENDING",
                    "networkInterfaces": [],
                    "cpu": c["cpu"].as_i64().unwrap_or(0).to_string(),
                });
                if c.get("healthCheck").is_some() {
                    shown["healthStatus"] = json!("UNKNOWN");
                }
                shown
            })
            .collect();
        let mut overrides = json!({"containerOverrides": [], "inferenceAcceleratorOverrides": []});
        for (k, v) in self.overrides {
            overrides[k] = v.clone();
        }
        let zone = self
            .instance
            .and_then(|i| i.attributes.get("ecs.availability-zone").cloned().flatten())
            .unwrap_or_else(|| format!("{}a", self.region));
        let attachments: Vec<Value> = self
            .subnet
            .map(|subnet| {
                json!({
                    "id": ids::fast_uuid(),
                    "type": "ElasticNetworkInterface",
                    "status": "PRECREATED",
                    "details": [{"name": "subnetId", "value": subnet}]
                })
            })
            .into_iter()
            .collect();
        let mut doc = json!({
            "attributes": [{"name": "ecs.cpu-architecture", "value": "x86_64"}],
            "availabilityZone": zone,
            "clusterArn": self.cluster.arn,
            "connectivity": "CONNECTED",
            "createdAt": self.now,
            "desiredStatus": "RUNNING",
            "enableExecuteCommand": self.execute_command,
            "group": self.group,
            "healthStatus": "UNKNOWN",
            "lastStatus": "PROVISIONING",
            "launchType": self.placement.launch_type,
            "taskArn": self.task_arn,
            "taskDefinitionArn": self.definition.arn(),
            "version": 1,
        });
        // Moved in: `json!` would copy them.
        doc["attachments"] = Value::Array(attachments);
        doc["containers"] = Value::Array(containers);
        doc["overrides"] = overrides;
        match self.instance {
            Some(instance) => doc["containerInstanceArn"] = json!(instance.arn),
            None => {
                let mut storage = json!({"sizeInGiB": self.storage_gib});
                if let Some(key) = self.key {
                    storage["kmsKeyId"] = json!(key);
                }
                doc["platformVersion"] = json!(self.platform_version);
                doc["platformFamily"] = json!("Linux");
                doc["ephemeralStorage"] = json!({"sizeInGiB": self.storage_gib});
                doc["fargateEphemeralStorage"] = storage;
            }
        }
        for member in ["cpu", "memory"] {
            if let Some(value) = self.task_size(member) {
                doc[member] = json!(value);
            }
        }
        if let Some(provider) = &self.placement.capacity_provider {
            doc["capacityProviderName"] = json!(provider);
        }
        if let Some(started_by) = self.started_by {
            doc["startedBy"] = json!(started_by);
        }
        doc
    }

    /// What the agent runs.
    fn spec(&self, id: &str) -> TaskSpec {
        let strings = |v: &Value| -> Option<Vec<String>> {
            v.as_array().map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            })
        };
        let pairs = |v: &Value| -> Vec<(String, String)> {
            v.as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| {
                    Some((
                        e["name"].as_str()?.to_owned(),
                        e["value"].as_str()?.to_owned(),
                    ))
                })
                .collect()
        };
        let mib = |v: &Value| v.as_u64().map(|m| m << 20);
        let mut containers = Vec::new();
        for c in self
            .definition
            .member("containerDefinitions")
            .as_array()
            .into_iter()
            .flatten()
        {
            let name = c["name"].as_str().unwrap_or_default();
            let over = self.container_override(name).cloned().unwrap_or_default();
            let mut environment = pairs(&c["environment"]);
            for (n, v) in pairs(&over["environment"]) {
                environment.retain(|(existing, _)| *existing != n);
                environment.push((n, v));
            }
            let capabilities = &c["linuxParameters"]["capabilities"];
            containers.push(ContainerSpec {
                name: name.to_owned(),
                image: c["image"].as_str().unwrap_or_default().to_owned(),
                entry_point: strings(&c["entryPoint"]),
                command: strings(&over["command"]).or_else(|| strings(&c["command"])),
                environment,
                working_directory: c["workingDirectory"].as_str().map(str::to_owned),
                user: c["user"].as_str().map(str::to_owned),
                essential: c["essential"] != false,
                depends_on: c["dependsOn"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|d| {
                        let condition = match d["condition"].as_str() {
                            Some("COMPLETE") => Condition::Complete,
                            Some("SUCCESS") => Condition::Success,
                            // `HEALTHY` waits for the start: health checks do not run yet.
                            _ => Condition::Start,
                        };
                        (
                            d["containerName"].as_str().unwrap_or_default().to_owned(),
                            condition,
                        )
                    })
                    .collect(),
                stop_timeout: Duration::from_secs(c["stopTimeout"].as_u64().unwrap_or(30).min(120)),
                readonly_root: c["readonlyRootFilesystem"] == true,
                privileged: false,
                add_capabilities: strings(&capabilities["add"]).unwrap_or_default(),
                drop_capabilities: strings(&capabilities["drop"]).unwrap_or_default(),
                mount_points: c["mountPoints"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|m| MountPoint {
                        source_volume: m["sourceVolume"].as_str().unwrap_or_default().to_owned(),
                        container_path: m["containerPath"].as_str().unwrap_or_default().to_owned(),
                        read_only: m["readOnly"] == true,
                    })
                    .collect(),
                memory: mib(&over["memory"]).or_else(|| mib(&c["memory"])),
                health_check: health_check(c),
                cpu: over["cpu"]
                    .as_u64()
                    .or_else(|| c["cpu"].as_u64())
                    .filter(|c| *c > 0),
            });
        }
        let limits = Limits {
            memory: self
                .task_size("memory")
                .and_then(|m| fargate::memory_mib(&m))
                .map(|m| u64::from(m) << 20),
            cpu_units: self
                .task_size("cpu")
                .and_then(|c| fargate::cpu_units(&c))
                .map(u64::from),
        };
        TaskSpec {
            id: id.to_owned(),
            containers,
            limits,
            storage_bytes: u64::from(self.storage_gib) << 30,
            volumes: self
                .definition
                .member("volumes")
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| v["name"].as_str().map(str::to_owned))
                .collect(),
        }
    }
}
