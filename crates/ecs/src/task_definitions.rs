//! Task definitions: `RegisterTaskDefinition`, `DescribeTaskDefinition`,
//! `ListTaskDefinitions`, `ListTaskDefinitionFamilies`, `DeregisterTaskDefinition`,
//! `DeleteTaskDefinitions`. Every member of a registration is kept and shown back.

use std::collections::HashSet;
use std::sync::Arc;

use neargate_common::AwsError;
use neargate_model::ecs::{
    Compatibility, ContainerCondition, ContainerDefinition, DeleteTaskDefinitionsRequest,
    DeleteTaskDefinitionsResponse, DeregisterTaskDefinitionRequest,
    DeregisterTaskDefinitionResponse, DescribeTaskDefinitionRequest,
    DescribeTaskDefinitionResponse, Failure, HealthCheck, IpcMode,
    ListTaskDefinitionFamiliesRequest, ListTaskDefinitionFamiliesResponse,
    ListTaskDefinitionsRequest, ListTaskDefinitionsResponse, LogDriver, NetworkMode, PidMode,
    RegisterTaskDefinitionRequest, RegisterTaskDefinitionResponse, SortOrder, TaskDefinition,
    TaskDefinitionFamilyStatus, TaskDefinitionField, TaskDefinitionStatus, Volume, ops,
};
use neargate_model::{Access, Handler, Question, Time};
use neargate_store::Read;

use crate::errors::{client, invalid, server};
use crate::fargate::{self, ADDABLE_CAPABILITY};
use crate::input::{choice, required};
use crate::names::{Scope, limit, short_name, typed_page, valid_name};
use crate::records::{TASK_DEFINITIONS, TaskDefinitionRecord, latest_active, revision_key};
use crate::roles::pass_task_roles;
use crate::tags;
use crate::{Caller, Ecs};

/// Checks the container definitions as ECS does and fills in the defaults it shows.
fn check_containers(containers: &mut [ContainerDefinition]) -> Result<(), AwsError> {
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
        let name = container.name.as_deref().unwrap_or_default();
        if !valid_name(name) {
            return Err(client(
                "Container name can have up to 255 letters (uppercase and lowercase), numbers, \
                 underscores, and hyphens.",
            ));
        }
        if !names.insert(name) {
            return Err(client(format!(
                "Duplicate container name found: {name}. Container names must be unique \
                 within a task definition."
            )));
        }
        if container.image.as_deref().is_none_or(str::is_empty) {
            return Err(client("Container.image should not be null or empty."));
        }
    }
    if !containers.iter().any(|c| c.essential != Some(false)) {
        return Err(client(
            "Task definition must have at least one essential container.",
        ));
    }
    for container in containers.iter() {
        let name = container.name.as_deref().unwrap_or_default();
        for dependency in container.depends_on.iter().flatten() {
            let other = dependency.container_name.as_deref().unwrap_or_default();
            if other == name || !names.contains(other) {
                return Err(client(format!(
                    "Container {name} depends on container {other}, which is not another \
                     container of the task definition."
                )));
            }
            let condition = dependency
                .condition
                .as_ref()
                .map_or("", ContainerCondition::as_str);
            if !ContainerCondition::VALUES.contains(&condition) {
                return Err(client(format!(
                    "Invalid dependsOn condition {condition:?} for container {name}: use \
                     START, COMPLETE, SUCCESS or HEALTHY."
                )));
            }
        }
        if let Some(check) = &container.health_check {
            check_health(name, check)?;
        }
        for secret in container.secrets.iter().flatten() {
            let value_from = secret.value_from.as_deref().unwrap_or_default();
            let named = secret.name.as_deref().is_some_and(|n| !n.is_empty());
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
        container.cpu.get_or_insert(0);
        container.port_mappings.get_or_insert_with(Vec::new);
        container.essential.get_or_insert(true);
        container.environment.get_or_insert_with(Vec::new);
        container.mount_points.get_or_insert_with(Vec::new);
        container.volumes_from.get_or_insert_with(Vec::new);
    }
    Ok(())
}

/// A `healthCheck`: `CMD` or `CMD-SHELL` and ECS's ranges.
fn check_health(name: &str, check: &HealthCheck) -> Result<(), AwsError> {
    let command = check.command.as_deref().unwrap_or_default();
    let kind = command.first().map_or("", String::as_str);
    if !matches!(kind, "CMD" | "CMD-SHELL") || command.len() < 2 {
        return Err(client(format!(
            "Invalid healthCheck command for container {name}: start it with CMD or CMD-SHELL."
        )));
    }
    for (member, value, low, high) in [
        ("interval", check.interval, 5, 300),
        ("timeout", check.timeout, 2, 60),
        ("retries", check.retries, 1, 10),
        ("startPeriod", check.start_period, 0, 300),
    ] {
        if let Some(value) = value
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

/// The capabilities a container adds.
pub(crate) fn added_capabilities(container: &ContainerDefinition) -> &[String] {
    container
        .linux_parameters
        .as_ref()
        .and_then(|l| l.capabilities.as_ref())
        .and_then(|c| c.add.as_deref())
        .unwrap_or_default()
}

/// The Fargate rules, for a definition that requires Fargate.
fn check_fargate(definition: &TaskDefinition) -> Result<(), AwsError> {
    if definition.network_mode != Some(NetworkMode::Awsvpc) {
        return Err(client("Fargate only supports network mode 'awsvpc'."));
    }
    if definition.pid_mode == Some(PidMode::Host) {
        return Err(client("Fargate does not support the 'host' pid mode."));
    }
    let (Some(cpu), Some(memory)) = (definition.cpu.as_deref(), definition.memory.as_deref())
    else {
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
    for container in definition.container_definitions.iter().flatten() {
        let name = container.name.as_deref().unwrap_or_default();
        if container.privileged == Some(true) {
            return Err(client(format!(
                "Privileged mode is not supported on Fargate (container {name})."
            )));
        }
        if let Some(other) = added_capabilities(container)
            .iter()
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
fn check_ec2_memory(definition: &TaskDefinition) -> Result<(), AwsError> {
    if definition.memory.is_some() {
        return Ok(());
    }
    for container in definition.container_definitions.iter().flatten() {
        if container.memory.is_none() && container.memory_reservation.is_none() {
            return Err(client(format!(
                "Invalid setting for container '{}'. At least one of 'memory' or \
                 'memoryReservation' must be specified.",
                container.name.as_deref().unwrap_or_default()
            )));
        }
    }
    Ok(())
}

/// EFS volumes mount the file system's root unless they name a directory, and show it.
fn default_efs_root(volumes: &mut [Volume]) {
    for volume in volumes {
        if let Some(efs) = &mut volume.efs_volume_configuration {
            efs.root_directory.get_or_insert_with(|| "/".to_owned());
        }
    }
}

/// The Managed Instances rules: the `awsvpc`, `host` or `none` network mode.
fn check_managed_instances(definition: &TaskDefinition) -> Result<(), AwsError> {
    match &definition.network_mode {
        Some(NetworkMode::Awsvpc | NetworkMode::Host | NetworkMode::None) => Ok(()),
        other => Err(client(format!(
            "Managed Instances supports the awsvpc, host and none network modes, not '{}'.",
            other.as_ref().map_or("", NetworkMode::as_str)
        ))),
    }
}

/// A task definition that needs an execution role and names none is refused, in ECS's words:
/// container secrets (or a log driver's secret options) are fetched with it, and on Fargate the
/// `awslogs` driver sends with it.
fn check_execution_role(definition: &TaskDefinition, fargate: bool) -> Result<(), AwsError> {
    if definition.execution_role_arn.is_some() {
        return Ok(());
    }
    for container in definition.container_definitions.iter().flatten() {
        let logs = container.log_configuration.as_ref();
        let secrets = container.secrets.as_ref().is_some_and(|s| !s.is_empty())
            || logs
                .and_then(|l| l.secret_options.as_ref())
                .is_some_and(|s| !s.is_empty());
        if secrets {
            return Err(client(
                "When you are specifying container secrets, you must also specify a value for \
                 'executionRoleArn'.",
            ));
        }
        if fargate && logs.and_then(|l| l.log_driver.as_ref()) == Some(&LogDriver::Awslogs) {
            return Err(client(
                "Fargate requires task definition to have execution role ARN to support log \
                 driver awslogs.",
            ));
        }
    }
    Ok(())
}

/// The members of a registration ECS checks against its enums itself.
fn check_choices(input: &RegisterTaskDefinitionRequest) -> Result<(), AwsError> {
    choice(
        input.network_mode.as_ref().map(NetworkMode::as_str),
        "networkMode",
        NetworkMode::VALUES,
    )?;
    choice(
        input.pid_mode.as_ref().map(PidMode::as_str),
        "pidMode",
        PidMode::VALUES,
    )?;
    choice(
        input.ipc_mode.as_ref().map(IpcMode::as_str),
        "ipcMode",
        IpcMode::VALUES,
    )?;
    for compatibility in input.requires_compatibilities.iter().flatten() {
        choice(
            Some(compatibility.as_str()),
            "requiresCompatibilities",
            Compatibility::VALUES,
        )?;
    }
    Ok(())
}

/// The definition a registration makes of `input` (before its ARN and revision), checked.
fn definition_of(
    input: RegisterTaskDefinitionRequest,
    family: String,
) -> Result<TaskDefinition, AwsError> {
    check_choices(&input)?;
    let Some(mut containers) = input.container_definitions else {
        return Err(invalid("containerDefinitions can not be blank."));
    };
    check_containers(&mut containers)?;
    if let Some(size) = &input.ephemeral_storage {
        let gib = size.size_in_gib.unwrap_or(0);
        if !(21..=200).contains(&gib) {
            return Err(client(format!(
                "The ephemeral storage size {gib} GiB is not valid: it must be between 21 \
                 and 200 GiB."
            )));
        }
    }
    let requires = input.requires_compatibilities.unwrap_or_default();
    let requires_managed = requires.contains(&Compatibility::ManagedInstances);
    let mut definition = TaskDefinition {
        container_definitions: Some(containers),
        cpu: input.cpu,
        enable_fault_injection: input.enable_fault_injection,
        ephemeral_storage: input.ephemeral_storage,
        execution_role_arn: input.execution_role_arn,
        family: Some(family),
        inference_accelerators: input.inference_accelerators,
        ipc_mode: input.ipc_mode,
        memory: input.memory,
        // Managed Instances tasks default to awsvpc, the others to bridge.
        network_mode: Some(input.network_mode.unwrap_or(if requires_managed {
            NetworkMode::Awsvpc
        } else {
            NetworkMode::Bridge
        })),
        pid_mode: input.pid_mode,
        placement_constraints: Some(input.placement_constraints.unwrap_or_default()),
        proxy_configuration: input.proxy_configuration,
        runtime_platform: input.runtime_platform,
        task_role_arn: input.task_role_arn,
        volumes: Some(input.volumes.unwrap_or_default()),
        requires_attributes: Some(Vec::new()),
        status: Some(TaskDefinitionStatus::Active),
        ..TaskDefinition::default()
    };
    if requires.contains(&Compatibility::Fargate) {
        check_fargate(&definition)?;
    }
    check_execution_role(&definition, requires.contains(&Compatibility::Fargate))?;
    if requires_managed {
        check_managed_instances(&definition)?;
    }
    // EC2 is what a definition that names no compatibility is checked for.
    if requires.is_empty() || requires.contains(&Compatibility::Ec2) {
        check_ec2_memory(&definition)?;
    }
    default_efs_root(definition.volumes.as_deref_mut().unwrap_or_default());
    let mut compatibilities = vec![Compatibility::Ec2];
    if check_fargate(&definition).is_ok() {
        compatibilities.push(Compatibility::Fargate);
    }
    if check_managed_instances(&definition).is_ok() {
        compatibilities.push(Compatibility::ManagedInstances);
    }
    definition.compatibilities = Some(compatibilities);
    if !requires.is_empty() {
        definition.requires_compatibilities = Some(requires);
    }
    Ok(definition)
}

/// Whether `include` asks for tags.
fn with_tags(include: Option<&[TaskDefinitionField]>) -> bool {
    include
        .unwrap_or_default()
        .contains(&TaskDefinitionField::Tags)
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
        Ok(found.filter(|r| *r.status() != TaskDefinitionStatus::DeleteInProgress))
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
        if !definition.is_active() {
            return Err(client("TaskDefinition is inactive"));
        }
        Ok(definition)
    }

    fn register_task_definition(
        &self,
        caller: &Caller<'_>,
        mut input: RegisterTaskDefinitionRequest,
    ) -> Result<RegisterTaskDefinitionResponse, AwsError> {
        let scope = caller.scope();
        let family = required(input.family.as_deref(), "family")?.to_owned();
        if !valid_name(&family) {
            return Err(client(
                "Family name can have up to 255 letters (uppercase and lowercase), numbers, \
                 underscores, and hyphens.",
            ));
        }
        let tags = tags::given(input.tags.take().as_deref())?;
        let mut definition = definition_of(input, family.clone())?;
        definition.registered_at = Some(Time(self.clock.now()));
        definition.registered_by = Some(caller.principal.arn.clone());
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
                definition.task_definition_arn =
                    Some(scope.arn(&format!("task-definition/{family}:{revision}")));
                definition.revision = Some(i32::try_from(revision).unwrap_or(i32::MAX));
                let record = TaskDefinitionRecord {
                    family: family.clone(),
                    revision,
                    definition,
                    tags,
                };
                tx.put(
                    &TASK_DEFINITIONS,
                    revision_key(scope, &family, revision).as_bytes(),
                    &record,
                )?;
                Ok(record)
            })
            .map_err(server)?;
        Ok(RegisterTaskDefinitionResponse {
            tags: Some(tags::typed(&record.tags)),
            task_definition: Some(record.definition),
        })
    }

    fn describe_task_definition(
        &self,
        caller: &Caller<'_>,
        input: DescribeTaskDefinitionRequest,
    ) -> Result<DescribeTaskDefinitionResponse, AwsError> {
        let text = required(input.task_definition.as_deref(), "taskDefinition")?;
        let record = self
            .task_definition(caller.scope(), text)?
            .ok_or_else(|| client("Unable to describe task definition."))?;
        Ok(DescribeTaskDefinitionResponse {
            tags: with_tags(input.include.as_deref()).then(|| tags::typed(&record.tags)),
            task_definition: Some(record.definition.clone()),
        })
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

    fn list_task_definitions(
        &self,
        caller: &Caller<'_>,
        input: ListTaskDefinitionsRequest,
    ) -> Result<ListTaskDefinitionsResponse, AwsError> {
        let limit = limit(input.max_results)?;
        let family = input.family_prefix.as_deref();
        let status = input.status.unwrap_or(TaskDefinitionStatus::Active);
        if let TaskDefinitionStatus::Unknown(other) = &status {
            return Err(invalid(format!("Invalid status {other}.")));
        }
        let descending = match input.sort {
            None | Some(SortOrder::Asc) => false,
            Some(SortOrder::Desc) => true,
            Some(SortOrder::Unknown(other)) => {
                return Err(invalid(format!("Invalid sort order {other}.")));
            }
        };
        let mut matching: Vec<_> = self
            .revisions(caller.scope())?
            .into_iter()
            // `familyPrefix` names a whole family here (unlike ListTaskDefinitionFamilies).
            .filter(|(_, r)| family.is_none_or(|f| r.family == f) && *r.status() == status)
            .map(|(key, r)| (key, r.arn().to_owned()))
            .collect();
        if descending {
            matching.reverse();
        }
        let (arns, next_token) = typed_page(matching, input.next_token.as_deref(), limit)?;
        Ok(ListTaskDefinitionsResponse {
            next_token,
            task_definition_arns: Some(arns),
        })
    }

    fn list_task_definition_families(
        &self,
        caller: &Caller<'_>,
        input: ListTaskDefinitionFamiliesRequest,
    ) -> Result<ListTaskDefinitionFamiliesResponse, AwsError> {
        let limit = limit(input.max_results)?;
        let prefix = input.family_prefix.as_deref().unwrap_or("");
        let status = input.status.unwrap_or(TaskDefinitionFamilyStatus::Active);
        if let TaskDefinitionFamilyStatus::Unknown(other) = &status {
            return Err(invalid(format!("Invalid status {other}.")));
        }
        let revisions = self.revisions(caller.scope())?;
        let mut families: Vec<(Vec<u8>, String)> = Vec::new();
        for (_, record) in &revisions {
            if !record.family.starts_with(prefix)
                || families.last().is_some_and(|(_, f)| *f == record.family)
            {
                continue;
            }
            let active = revisions
                .iter()
                .any(|(_, r)| r.family == record.family && r.is_active());
            let keep = match status {
                TaskDefinitionFamilyStatus::Active => active,
                TaskDefinitionFamilyStatus::Inactive => !active,
                _ => true,
            };
            if keep {
                families.push((record.family.clone().into_bytes(), record.family.clone()));
            }
        }
        // By name (`web` before `web-admin`), which store keys (`web/`, `web-admin/`) are not.
        families.sort();
        let (families, next_token) = typed_page(families, input.next_token.as_deref(), limit)?;
        Ok(ListTaskDefinitionFamiliesResponse {
            families: Some(families),
            next_token,
        })
    }

    /// Moves the revision `text` names from `from` to `to`, stamping the time with `stamp`;
    /// `None` if not found, the record as it is if it was not in `from`.
    fn set_status(
        &self,
        scope: Scope<'_>,
        text: &str,
        (from, to): (TaskDefinitionStatus, TaskDefinitionStatus),
        stamp: fn(&mut TaskDefinition, Time),
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
        let now = Time(self.clock.now());
        self.db
            .write(|tx| {
                let Some(mut record) = tx.get(&TASK_DEFINITIONS, key.as_bytes())? else {
                    return Ok(None);
                };
                if *record.status() != from {
                    return Ok(Some(Err(record)));
                }
                record.definition.status = Some(to);
                stamp(&mut record.definition, now);
                tx.put(&TASK_DEFINITIONS, key.as_bytes(), &record)?;
                Ok(Some(Ok(record)))
            })
            .map_err(server)
    }

    fn deregister_task_definition(
        &self,
        caller: &Caller<'_>,
        input: DeregisterTaskDefinitionRequest,
    ) -> Result<DeregisterTaskDefinitionResponse, AwsError> {
        let text = required(input.task_definition.as_deref(), "taskDefinition")?;
        let moved = self.set_status(
            caller.scope(),
            text,
            (TaskDefinitionStatus::Active, TaskDefinitionStatus::Inactive),
            |d, now| d.deregistered_at = Some(now),
        )?;
        match moved {
            Some(Ok(record)) => Ok(DeregisterTaskDefinitionResponse {
                task_definition: Some(record.definition),
            }),
            Some(Err(_)) => Err(client("The specified task definition is already inactive.")),
            None => Err(client("Unable to describe task definition.")),
        }
    }

    fn delete_task_definitions(
        &self,
        caller: &Caller<'_>,
        input: DeleteTaskDefinitionsRequest,
    ) -> Result<DeleteTaskDefinitionsResponse, AwsError> {
        let wanted = input.task_definitions.unwrap_or_default();
        if wanted.is_empty() || wanted.len() > 10 {
            return Err(invalid("taskDefinitions must have 1 to 10 items."));
        }
        let scope = caller.scope();
        let mut deleted = Vec::new();
        let mut failures = Vec::new();
        for text in wanted {
            let moved = self.set_status(
                scope,
                &text,
                (
                    TaskDefinitionStatus::Inactive,
                    TaskDefinitionStatus::DeleteInProgress,
                ),
                |d, now| d.delete_requested_at = Some(now),
            )?;
            let arn = if text.starts_with("arn:") {
                text
            } else {
                scope.arn(&format!("task-definition/{text}"))
            };
            let failure = |reason: &str| Failure {
                arn: Some(arn.clone()),
                reason: Some(reason.to_owned()),
                detail: None,
            };
            match moved {
                Some(Ok(record)) => deleted.push(record.definition),
                Some(Err(_)) => failures.push(failure(
                    "The specified task definition is still in ACTIVE status. Please \
                     deregister the target and try again.",
                )),
                None => failures.push(failure("TASK_DEFINITION_NOT_FOUND")),
            }
        }
        Ok(DeleteTaskDefinitionsResponse {
            failures: Some(failures),
            task_definitions: Some(deleted),
        })
    }
}

/// The access of the task definition calls other than a registration: `ecs:<operation>` on
/// `*` (they name no resource a policy can scope).
macro_rules! task_definition_operations {
    ($($op:ident => $method:ident),* $(,)?) => {$(
        impl<'a> Handler<ops::$op, Caller<'a>> for Ecs {
            fn access(
                &self,
                _: &Caller<'a>,
                _: &<ops::$op as neargate_model::Op>::Input,
            ) -> Result<Access<'_>, AwsError> {
                Ok(Access::one(Question::plain(
                    concat!("ecs:", stringify!($op)),
                    "*",
                )))
            }

            fn handle(
                &self,
                caller: &Caller<'a>,
                input: <ops::$op as neargate_model::Op>::Input,
            ) -> Result<<ops::$op as neargate_model::Op>::Output, AwsError> {
                self.$method(caller, input)
            }
        }
    )*};
}

impl<'a> Handler<ops::RegisterTaskDefinition, Caller<'a>> for Ecs {
    /// `ecs:RegisterTaskDefinition` with the tags it sets, and `iam:PassRole` on the task role
    /// and the execution role it names.
    fn access(
        &self,
        _: &Caller<'a>,
        input: &RegisterTaskDefinitionRequest,
    ) -> Result<Access<'_>, AwsError> {
        let context = tags::request_keys(&tags::given(input.tags.as_deref())?);
        let register = Question::plain("ecs:RegisterTaskDefinition", "*").with_context(context);
        let roles = [
            input.task_role_arn.as_deref(),
            input.execution_role_arn.as_deref(),
        ];
        Ok(Access {
            questions: std::iter::once(register)
                .chain(pass_task_roles(roles))
                .collect(),
            resources: Vec::new(),
        })
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: RegisterTaskDefinitionRequest,
    ) -> Result<RegisterTaskDefinitionResponse, AwsError> {
        self.register_task_definition(caller, input)
    }
}

task_definition_operations! {
    DescribeTaskDefinition => describe_task_definition,
    ListTaskDefinitions => list_task_definitions,
    ListTaskDefinitionFamilies => list_task_definition_families,
    DeregisterTaskDefinition => deregister_task_definition,
    DeleteTaskDefinitions => delete_task_definitions,
}

#[cfg(test)]
mod tests {
    use neargate_store::Db;

    use super::*;

    fn revision(family: &str, revision: u32, status: &str) -> TaskDefinitionRecord {
        TaskDefinitionRecord {
            family: family.into(),
            revision,
            definition: TaskDefinition {
                status: Some(TaskDefinitionStatus::from(status)),
                ..TaskDefinition::default()
            },
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
