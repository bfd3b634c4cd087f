//! Task definitions: `RegisterTaskDefinition`, `DescribeTaskDefinition`,
//! `ListTaskDefinitions`, `ListTaskDefinitionFamilies`, `DeregisterTaskDefinition`,
//! `DeleteTaskDefinitions`. Every member of a registration is kept and shown back.

use std::collections::HashSet;
use std::sync::Arc;

use neargate_common::AwsError;
use neargate_store::{Read, Table};
use neargate_wire::JsonInput;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::errors::{client, invalid, server};
use crate::fargate::{self, ADDABLE_CAPABILITY};
use crate::input::{max_results, opt_str, req_str, strings};
use crate::names::{Scope, page, short_name, valid_name};
use crate::tags::{self, Tag};
use crate::{Caller, Ecs};

/// A task definition revision as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct TaskDefinitionRecord {
    pub(crate) family: String,
    pub(crate) revision: u32,
    /// The definition as `DescribeTaskDefinition` shows it (its `status` kept current).
    pub(crate) body: Map<String, Value>,
    pub(crate) tags: Vec<Tag>,
}

impl TaskDefinitionRecord {
    /// The member `name` of the definition (null when absent).
    pub(crate) fn member(&self, name: &str) -> &Value {
        self.body.get(name).unwrap_or(&Value::Null)
    }

    /// `ACTIVE`, `INACTIVE` or `DELETE_IN_PROGRESS`.
    pub(crate) fn status(&self) -> &str {
        self.member("status").as_str().unwrap_or("ACTIVE")
    }

    /// Its ARN.
    pub(crate) fn arn(&self) -> &str {
        self.member("taskDefinitionArn")
            .as_str()
            .unwrap_or_default()
    }

    /// The launch types it can run on.
    pub(crate) fn compatible_with(&self, launch_type: &str) -> bool {
        self.member("compatibilities")
            .as_array()
            .is_some_and(|c| c.iter().any(|v| v == launch_type))
    }
}

/// Revisions by `account/region/family/<revision, 10 digits>`.
pub(crate) const TASK_DEFINITIONS: Table<TaskDefinitionRecord> =
    Table::new("ecs.task_definitions", 1);

fn revision_key(scope: Scope<'_>, family: &str, revision: u32) -> String {
    scope.key(&format!("{family}/{revision:010}"))
}

/// The latest `ACTIVE` revision of the family whose revisions are under `prefix`: read from
/// the newest back, a few at a time, so that a family of many revisions costs what it skips.
fn latest_active(
    tx: &impl Read,
    prefix: &[u8],
) -> neargate_store::Result<Option<TaskDefinitionRecord>> {
    const BATCH: usize = 4;
    let mut end = neargate_store::prefix_end(prefix);
    loop {
        let batch = tx.range(&TASK_DEFINITIONS, prefix, &end, true, BATCH)?;
        let full = batch.len() == BATCH;
        for (key, record) in batch {
            if record.status() == "ACTIVE" {
                return Ok(Some(record));
            }
            end = key;
        }
        if !full {
            return Ok(None);
        }
    }
}

/// The members of `RegisterTaskDefinition` kept in the definition (all but `tags`).
const KEPT: &[&str] = &[
    "family",
    "taskRoleArn",
    "executionRoleArn",
    "networkMode",
    "containerDefinitions",
    "volumes",
    "placementConstraints",
    "requiresCompatibilities",
    "cpu",
    "memory",
    "pidMode",
    "ipcMode",
    "proxyConfiguration",
    "inferenceAccelerators",
    "ephemeralStorage",
    "runtimePlatform",
    "enableFaultInjection",
];

/// Checks the container definitions as ECS does and fills in the defaults it shows.
fn check_containers(containers: &mut [Value]) -> Result<(), AwsError> {
    if containers.is_empty() {
        return Err(client("Container list cannot be empty."));
    }
    if containers.len() > 10 {
        return Err(client(
            "Too many containers: a task definition can have at most 10.",
        ));
    }
    let mut names = HashSet::new();
    for container in containers.iter() {
        let name = container["name"].as_str().unwrap_or_default();
        if !valid_name(name) {
            return Err(client(
                "Container name can have up to 255 letters (uppercase and lowercase), numbers, \
                 underscores, and hyphens.",
            ));
        }
        if !names.insert(name.to_owned()) {
            return Err(client(format!(
                "Duplicate container name found: {name}. Container names must be unique \
                 within a task definition."
            )));
        }
        if container["image"].as_str().is_none_or(str::is_empty) {
            return Err(client("Container.image should not be null or empty."));
        }
    }
    if !containers.iter().any(|c| c["essential"] != false) {
        return Err(client(
            "Task definition must have at least one essential container.",
        ));
    }
    for container in containers.iter() {
        let name = container["name"].as_str().unwrap_or_default();
        for dependency in container["dependsOn"].as_array().into_iter().flatten() {
            let other = dependency["containerName"].as_str().unwrap_or_default();
            if other == name || !names.contains(other) {
                return Err(client(format!(
                    "Container {name} depends on container {other}, which is not another \
                     container of the task definition."
                )));
            }
            let condition = dependency["condition"].as_str().unwrap_or_default();
            if !matches!(condition, "START" | "COMPLETE" | "SUCCESS" | "HEALTHY") {
                return Err(client(format!(
                    "Invalid dependsOn condition {condition:?} for container {name}: use \
                     START, COMPLETE, SUCCESS or HEALTHY."
                )));
            }
        }
        if let Some(check) = container.get("healthCheck") {
            check_health(name, check)?;
        }
        for secret in container["secrets"].as_array().into_iter().flatten() {
            let value_from = secret["valueFrom"].as_str().unwrap_or_default();
            let named = secret["name"].as_str().is_some_and(|n| !n.is_empty());
            let arn_ok = !value_from.starts_with("arn:")
                || value_from.splitn(6, ':').count() == 6
                    && (value_from.contains(":secretsmanager:") || value_from.contains(":ssm:"));
            if !named || value_from.is_empty() || !arn_ok {
                return Err(client(format!(
                    "Invalid secret in container {name}: each secret needs a name and a \
                     valueFrom that is a Secrets Manager or SSM parameter ARN or name."
                )));
            }
        }
    }
    for container in containers.iter_mut() {
        if let Some(object) = container.as_object_mut() {
            for (member, default) in [
                ("cpu", json!(0)),
                ("portMappings", json!([])),
                ("essential", json!(true)),
                ("environment", json!([])),
                ("mountPoints", json!([])),
                ("volumesFrom", json!([])),
            ] {
                object.entry(member).or_insert(default);
            }
        }
    }
    Ok(())
}

/// A `healthCheck`: `CMD` or `CMD-SHELL` and ECS's ranges.
fn check_health(name: &str, check: &Value) -> Result<(), AwsError> {
    let command = check["command"].as_array().cloned().unwrap_or_default();
    let kind = command.first().and_then(Value::as_str).unwrap_or_default();
    if !matches!(kind, "CMD" | "CMD-SHELL") || command.len() < 2 {
        return Err(client(format!(
            "Invalid healthCheck command for container {name}: start it with CMD or CMD-SHELL."
        )));
    }
    for (member, low, high) in [
        ("interval", 5, 300),
        ("timeout", 2, 60),
        ("retries", 1, 10),
        ("startPeriod", 0, 300),
    ] {
        if let Some(value) = check.get(member).and_then(Value::as_i64)
            && !(low..=high).contains(&value)
        {
            return Err(client(format!(
                "Invalid healthCheck {member} {value} for container {name}: it must be \
                 between {low} and {high}."
            )));
        }
    }
    Ok(())
}

/// The Fargate rules, for a definition that requires Fargate.
fn check_fargate(body: &Map<String, Value>) -> Result<(), AwsError> {
    if body.get("networkMode").and_then(Value::as_str) != Some("awsvpc") {
        return Err(client("Fargate only supports network mode 'awsvpc'."));
    }
    if body.get("pidMode").and_then(Value::as_str) == Some("host") {
        return Err(client("Fargate does not support the 'host' pid mode."));
    }
    let (Some(cpu), Some(memory)) = (
        body.get("cpu").and_then(Value::as_str),
        body.get("memory").and_then(Value::as_str),
    ) else {
        return Err(client(
            "Fargate requires that 'cpu' and 'memory' be defined at the task level.",
        ));
    };
    let size = fargate::cpu_units(cpu).zip(fargate::memory_mib(memory));
    if !size.is_some_and(|(c, m)| fargate::valid_size(c, m)) {
        return Err(client(format!(
            "No Fargate configuration exists for given values: {cpu} CPU, {memory} memory. \
             See the Amazon ECS documentation for the valid values."
        )));
    }
    for container in body
        .get("containerDefinitions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let name = container["name"].as_str().unwrap_or_default();
        if container["privileged"] == true {
            return Err(client(format!(
                "Privileged mode is not supported on Fargate (container {name})."
            )));
        }
        let added = &container["linuxParameters"]["capabilities"]["add"];
        if let Some(other) = added
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .find(|c| c.trim_start_matches("CAP_") != ADDABLE_CAPABILITY)
        {
            return Err(client(format!(
                "Fargate only supports adding the SYS_PTRACE kernel capability; container \
                 {name} adds {other}."
            )));
        }
    }
    Ok(())
}

/// The EC2 rule on memory: without task memory, each container must say how much it needs.
fn check_ec2_memory(body: &Map<String, Value>) -> Result<(), AwsError> {
    if body.get("memory").is_some_and(|m| !m.is_null()) {
        return Ok(());
    }
    let containers = body.get("containerDefinitions").and_then(Value::as_array);
    for container in containers.into_iter().flatten() {
        let has = |member: &str| container.get(member).is_some_and(|v| !v.is_null());
        if !has("memory") && !has("memoryReservation") {
            return Err(client(format!(
                "Invalid setting for container '{}'. At least one of 'memory' or \
                 'memoryReservation' must be specified.",
                container["name"].as_str().unwrap_or_default()
            )));
        }
    }
    Ok(())
}

/// EFS volumes mount the file system's root unless they name a directory, and show it.
fn default_efs_root(volumes: Option<&mut Value>) {
    for volume in volumes.and_then(Value::as_array_mut).into_iter().flatten() {
        if let Some(Value::Object(efs)) = volume.get_mut("efsVolumeConfiguration")
            && efs.get("rootDirectory").is_none_or(Value::is_null)
        {
            efs.insert("rootDirectory".into(), json!("/"));
        }
    }
}

/// The Managed Instances rules: the `awsvpc`, `host` or `none` network mode.
fn check_managed_instances(body: &Map<String, Value>) -> Result<(), AwsError> {
    let mode = body
        .get("networkMode")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if matches!(mode, "awsvpc" | "host" | "none") {
        Ok(())
    } else {
        Err(client(format!(
            "Managed Instances supports the awsvpc, host and none network modes, not '{mode}'."
        )))
    }
}

/// Whether the definition can run on Fargate as registered.
fn fargate_compatible(body: &Map<String, Value>) -> bool {
    check_fargate(body).is_ok()
}

impl Ecs {
    /// The revision `text` names: an ARN, `family:revision`, or `family` (its latest active
    /// revision).
    pub(crate) fn task_definition(
        &self,
        scope: Scope<'_>,
        text: &str,
    ) -> Result<Option<Arc<TaskDefinitionRecord>>, AwsError> {
        let text = short_name(text, "task-definition");
        let key = scope.key(text);
        let found = self
            .db
            .cached(&self.definitions, key.as_bytes(), |tx| {
                match text.rsplit_once(':') {
                    Some((family, revision)) => {
                        let Ok(revision) = revision.parse::<u32>() else {
                            return Ok(None);
                        };
                        let key = revision_key(scope, family, revision);
                        tx.get(&TASK_DEFINITIONS, key.as_bytes())
                    }
                    None => latest_active(tx, scope.key(&format!("{text}/")).as_bytes()),
                }
            })
            .map_err(server)?;
        Ok(found.filter(|r| r.status() != "DELETE_IN_PROGRESS"))
    }

    /// The active task definition `text` names, for new tasks and services.
    pub(crate) fn active_definition(
        &self,
        scope: Scope<'_>,
        text: &str,
    ) -> Result<Arc<TaskDefinitionRecord>, AwsError> {
        let definition = self
            .task_definition(scope, text)?
            .ok_or_else(|| invalid("TaskDefinition not found."))?;
        if definition.status() != "ACTIVE" {
            return Err(client("TaskDefinition is inactive"));
        }
        Ok(definition)
    }

    pub(crate) fn register_task_definition(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let family = req_str(input, "family")?;
        if !valid_name(family) {
            return Err(client(
                "Family name can have up to 255 letters (uppercase and lowercase), numbers, \
                 underscores, and hyphens.",
            ));
        }
        let tags = tags::read(input, "tags")?;
        let mut body: Map<String, Value> = KEPT
            .iter()
            .filter_map(|k| input.get(k).map(|v| ((*k).to_owned(), v.clone())))
            .collect();
        let Some(Value::Array(containers)) = body.get_mut("containerDefinitions") else {
            return Err(invalid("containerDefinitions can not be blank."));
        };
        check_containers(containers)?;
        if let Some(size) = body.get("ephemeralStorage") {
            let gib = size["sizeInGiB"].as_i64().unwrap_or(0);
            if !(21..=200).contains(&gib) {
                return Err(client(format!(
                    "The ephemeral storage size {gib} GiB is not valid: it must be between 21 \
                     and 200 GiB."
                )));
            }
        }
        let requires = strings(input, "requiresCompatibilities")?;
        let requires_managed = requires.iter().any(|r| r == "MANAGED_INSTANCES");
        // Managed Instances tasks default to awsvpc, the others to bridge.
        let default_mode = if requires_managed { "awsvpc" } else { "bridge" };
        body.entry("networkMode").or_insert(json!(default_mode));
        if requires.iter().any(|r| r == "FARGATE") {
            check_fargate(&body)?;
        }
        if requires_managed {
            check_managed_instances(&body)?;
        }
        // EC2 is what a definition that names no compatibility is checked for.
        if requires.is_empty() || requires.iter().any(|r| r == "EC2") {
            check_ec2_memory(&body)?;
        }
        default_efs_root(body.get_mut("volumes"));
        let mut compatibilities = vec!["EC2"];
        if fargate_compatible(&body) {
            compatibilities.push("FARGATE");
        }
        if check_managed_instances(&body).is_ok() {
            compatibilities.push("MANAGED_INSTANCES");
        }
        body.insert("compatibilities".into(), json!(compatibilities));
        body.insert("status".into(), json!("ACTIVE"));
        body.insert(
            "registeredAt".into(),
            json!(self.clock.now().epoch_seconds_f64()),
        );
        body.insert("registeredBy".into(), json!(caller.principal.arn));
        body.insert("requiresAttributes".into(), json!([]));
        body.entry("volumes").or_insert(json!([]));
        body.entry("placementConstraints").or_insert(json!([]));
        let prefix = scope.key(&format!("{family}/"));
        let record = self
            .db
            .write(|tx| {
                let last = tx.range(
                    &TASK_DEFINITIONS,
                    prefix.as_bytes(),
                    &neargate_store::prefix_end(prefix.as_bytes()),
                    true,
                    1,
                )?;
                let revision = last.first().map_or(1, |(_, r)| r.revision + 1);
                body.insert(
                    "taskDefinitionArn".into(),
                    json!(scope.arn(&format!("task-definition/{family}:{revision}"))),
                );
                body.insert("revision".into(), json!(revision));
                let record = TaskDefinitionRecord {
                    family: family.to_owned(),
                    revision,
                    body,
                    tags,
                };
                tx.put(
                    &TASK_DEFINITIONS,
                    revision_key(scope, family, revision).as_bytes(),
                    &record,
                )?;
                Ok(record)
            })
            .map_err(server)?;
        Ok(json!({"taskDefinition": record.body, "tags": tags::show(&record.tags)}))
    }

    pub(crate) fn describe_task_definition(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let text = req_str(input, "taskDefinition")?;
        let record = self
            .task_definition(caller.scope(), text)?
            .ok_or_else(|| client("Unable to describe task definition."))?;
        let mut body = json!({"taskDefinition": record.body});
        if strings(input, "include")?.iter().any(|i| i == "TAGS") {
            body["tags"] = tags::show(&record.tags);
        }
        Ok(body)
    }

    /// Every revision in the caller's scope, in key order.
    fn revisions(
        &self,
        scope: Scope<'_>,
    ) -> Result<Vec<(Vec<u8>, TaskDefinitionRecord)>, AwsError> {
        let prefix = scope.key("");
        self.db
            .read(|tx| tx.prefix(&TASK_DEFINITIONS, prefix.as_bytes()))
            .map_err(server)
    }

    pub(crate) fn list_task_definitions(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let limit = max_results(input)?;
        let family = opt_str(input, "familyPrefix")?;
        let status = opt_str(input, "status")?.unwrap_or("ACTIVE");
        if !matches!(status, "ACTIVE" | "INACTIVE" | "DELETE_IN_PROGRESS") {
            return Err(invalid(format!("Invalid status {status}.")));
        }
        let descending = match opt_str(input, "sort")? {
            None | Some("ASC") => false,
            Some("DESC") => true,
            Some(other) => return Err(invalid(format!("Invalid sort order {other}."))),
        };
        let mut matching: Vec<_> = self
            .revisions(caller.scope())?
            .into_iter()
            // `familyPrefix` names a whole family here (unlike ListTaskDefinitionFamilies).
            .filter(|(_, r)| family.is_none_or(|f| r.family == f) && r.status() == status)
            .collect();
        if descending {
            matching.reverse();
        }
        page(
            matching,
            opt_str(input, "nextToken")?,
            limit,
            "taskDefinitionArns",
            |r| json!(r.arn()),
        )
    }

    pub(crate) fn list_task_definition_families(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let limit = max_results(input)?;
        let prefix = opt_str(input, "familyPrefix")?.unwrap_or("");
        let status = opt_str(input, "status")?.unwrap_or("ACTIVE");
        let revisions = self.revisions(caller.scope())?;
        let mut families: Vec<(Vec<u8>, String)> = Vec::new();
        for (_, record) in &revisions {
            if !record.family.starts_with(prefix)
                || families.last().is_some_and(|(_, f)| *f == record.family)
            {
                continue;
            }
            let of_family = revisions.iter().filter(|(_, r)| r.family == record.family);
            let active = of_family.clone().any(|(_, r)| r.status() == "ACTIVE");
            let keep = match status {
                "ACTIVE" => active,
                "INACTIVE" => !active,
                "ALL" => true,
                other => return Err(invalid(format!("Invalid status {other}."))),
            };
            if keep {
                families.push((record.family.clone().into_bytes(), record.family.clone()));
            }
        }
        // By name (`web` before `web-admin`), which store keys (`web/`, `web-admin/`) are not.
        families.sort();
        page(
            families,
            opt_str(input, "nextToken")?,
            limit,
            "families",
            |f| json!(f),
        )
    }

    /// Sets the status of the revision `text` names, if it is in `from`; `None` if not found.
    fn set_status(
        &self,
        scope: Scope<'_>,
        text: &str,
        from: &str,
        to: &str,
        stamp: &str,
    ) -> Result<Option<Result<TaskDefinitionRecord, TaskDefinitionRecord>>, AwsError> {
        let name = short_name(text, "task-definition");
        let Some((family, revision)) = name.rsplit_once(':') else {
            return Err(client(
                "The specified task definition must include a revision (family:revision or \
                 its full ARN).",
            ));
        };
        let Ok(revision) = revision.parse::<u32>() else {
            return Err(client(format!(
                "Invalid revision number. Number: {revision}"
            )));
        };
        let key = revision_key(scope, family, revision);
        let now = self.clock.now().epoch_seconds_f64();
        self.db
            .write(|tx| {
                let Some(mut record) = tx.get(&TASK_DEFINITIONS, key.as_bytes())? else {
                    return Ok(None);
                };
                if record.status() != from {
                    return Ok(Some(Err(record)));
                }
                record.body.insert("status".into(), json!(to));
                record.body.insert(stamp.into(), json!(now));
                tx.put(&TASK_DEFINITIONS, key.as_bytes(), &record)?;
                Ok(Some(Ok(record)))
            })
            .map_err(server)
    }

    pub(crate) fn deregister_task_definition(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let text = req_str(input, "taskDefinition")?;
        match self.set_status(caller.scope(), text, "ACTIVE", "INACTIVE", "deregisteredAt")? {
            Some(Ok(record)) => Ok(json!({"taskDefinition": record.body})),
            Some(Err(_)) => Err(client("The specified task definition is already inactive.")),
            None => Err(client("Unable to describe task definition.")),
        }
    }

    pub(crate) fn delete_task_definitions(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let wanted = strings(input, "taskDefinitions")?;
        if wanted.is_empty() || wanted.len() > 10 {
            return Err(invalid("taskDefinitions must have 1 to 10 items."));
        }
        let scope = caller.scope();
        let mut deleted = Vec::new();
        let mut failures = Vec::new();
        for text in &wanted {
            let arn = if text.starts_with("arn:") {
                text.clone()
            } else {
                scope.arn(&format!("task-definition/{text}"))
            };
            match self.set_status(
                scope,
                text,
                "INACTIVE",
                "DELETE_IN_PROGRESS",
                "deleteRequestedAt",
            )? {
                Some(Ok(record)) => deleted.push(Value::Object(record.body)),
                Some(Err(_)) => failures.push(json!({
                    "arn": arn,
                    "reason": "The specified task definition is still in ACTIVE status. \
                               Please deregister the target and try again."
                })),
                None => failures.push(json!({"arn": arn, "reason": "TASK_DEFINITION_NOT_FOUND"})),
            }
        }
        Ok(json!({"taskDefinitions": deleted, "failures": failures}))
    }
}

#[cfg(test)]
mod tests {
    use neargate_store::Db;

    use super::*;

    fn revision(family: &str, revision: u32, status: &str) -> TaskDefinitionRecord {
        TaskDefinitionRecord {
            family: family.into(),
            revision,
            body: Map::from_iter([("status".to_owned(), json!(status))]),
            tags: Vec::new(),
        }
    }

    #[test]
    fn a_family_names_its_latest_active_revision_past_inactive_ones() {
        let db = Db::memory();
        let scope = Scope {
            account: "123456789012",
            region: "us-east-1",
        };
        db.write(|tx| {
            for n in 1..=12 {
                let status = if n == 3 || n == 9 {
                    "ACTIVE"
                } else {
                    "INACTIVE"
                };
                let key = revision_key(scope, "web", n);
                tx.put(
                    &TASK_DEFINITIONS,
                    key.as_bytes(),
                    &revision("web", n, status),
                )?;
            }
            // A family whose name extends this one's is not among its revisions.
            let other = revision_key(scope, "web-2", 1);
            tx.put(
                &TASK_DEFINITIONS,
                other.as_bytes(),
                &revision("web-2", 1, "ACTIVE"),
            )
        })
        .unwrap();
        let latest = |family: &str| {
            let prefix = scope.key(&format!("{family}/"));
            db.read(|tx| latest_active(tx, prefix.as_bytes()))
                .unwrap()
                .map(|r| r.revision)
        };
        assert_eq!(latest("web"), Some(9));
        assert_eq!(latest("web-2"), Some(1));
        assert_eq!(latest("absent"), None);
        for (n, then) in [(9, Some(3)), (3, None)] {
            let key = revision_key(scope, "web", n);
            db.write(|tx| {
                tx.put(
                    &TASK_DEFINITIONS,
                    key.as_bytes(),
                    &revision("web", n, "INACTIVE"),
                )
            })
            .unwrap();
            assert_eq!(latest("web"), then);
        }
    }
}
