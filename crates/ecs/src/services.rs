//! Services: `CreateService`, `UpdateService`, `DescribeServices`, `ListServices`,
//! `DeleteService`, and the scheduler that keeps each service's `desiredCount` running through
//! rolling deployments. A deployment records the cluster's ephemeral storage key when it is
//! created: scaling keeps it, only a new deployment picks up the cluster's current key.

use neargate_common::{AwsError, ids};
use neargate_model::ecs::{ListServicesByNamespaceRequest, ListServicesByNamespaceResponse, ops};
use neargate_store::{Read as _, Table};
use neargate_wire::JsonInput;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::errors::{invalid, server};
use crate::input::{opt_bool, opt_object, opt_str, req_str, strings};
use crate::names::{Scope, missing, page, short_name, valid_name};
use crate::placement;
use crate::tags::{self, Tag};
use crate::task_definitions::TaskDefinitionRecord;
use crate::task_index::{TaskSummary, scan, task_key};
use crate::tasks::{DEPLOYMENT_FAILURES, Placement, TaskRequest, platform_version};
use crate::throttle::LaunchThrottle;
use crate::{Caller, Ecs, Platform};
use neargate_model::ecs::Error as EcsError;

/// A service as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct ServiceRecord {
    /// The service as `DescribeServices` shows it (without `tags`).
    pub(crate) doc: Value,
    pub(crate) cluster: String,
    pub(crate) tags: Vec<Tag>,
    /// Counts changes made by calls, so a scheduler pass that read an older version does not
    /// overwrite them (it runs again a moment later).
    #[serde(default)]
    pub(crate) generation: u64,
    /// How long the scheduler waits before starting tasks again, when they keep failing.
    #[serde(default)]
    pub(crate) throttle: LaunchThrottle,
}

impl ServiceRecord {
    fn name(&self) -> &str {
        self.doc["serviceName"].as_str().unwrap_or_default()
    }

    fn status(&self) -> &str {
        self.doc["status"].as_str().unwrap_or_default()
    }

    fn shown(&self, with_tags: bool) -> Value {
        tags::shown(&self.doc, &self.tags, with_tags)
    }

    /// Adds an event, newest first, keeping the last 100; a message the newest event already
    /// gives (a placement that keeps failing, pass after pass) is not repeated.
    fn event(&mut self, now: f64, message: String) {
        let events = self.doc["events"].as_array_mut();
        if let Some(events) = events
            && events
                .first()
                .is_none_or(|e| e["message"] != message.as_str())
        {
            events.insert(
                0,
                json!({"id": ids::fast_uuid(), "createdAt": now, "message": message}),
            );
            events.truncate(100);
        }
    }
}

/// Services by `account/region/cluster/name`.
pub(crate) const SERVICES: Table<ServiceRecord> = Table::new("ecs.services", 1);

/// The tags of a service's tasks: the service's or the task definition's (`propagateTags`), and
/// ECS's own with `enableECSManagedTags`.
fn service_task_tags(record: &ServiceRecord, definition: &TaskDefinitionRecord) -> Vec<Tag> {
    let mut tags = match record.doc["propagateTags"].as_str() {
        Some("SERVICE") => record.tags.clone(),
        Some("TASK_DEFINITION") => definition.tags.clone(),
        _ => Vec::new(),
    };
    if record.doc["enableECSManagedTags"] == true {
        tags::merge(
            &mut tags,
            tags::managed(&record.cluster, Some(record.name())),
        );
    }
    tags
}

/// A new deployment's id, `ecs-svc/` and 19 digits.
fn deployment_id() -> String {
    let mut bytes = [0u8; 8];
    ids::random_bytes(&mut bytes);
    format!(
        "ecs-svc/{:019}",
        u64::from_le_bytes(bytes) % 10_000_000_000_000_000_000
    )
}

/// The deployment configuration with ECS's defaults filled in.
fn deployment_configuration(given: Option<&Map<String, Value>>) -> Result<Value, AwsError> {
    let mut configuration = json!({
        "deploymentCircuitBreaker": {"enable": false, "rollback": false},
        "maximumPercent": 200,
        "minimumHealthyPercent": 100
    });
    for (key, value) in given.into_iter().flatten() {
        configuration[key] = value.clone();
    }
    let maximum = configuration["maximumPercent"].as_i64().unwrap_or(200);
    let minimum = configuration["minimumHealthyPercent"]
        .as_i64()
        .unwrap_or(100);
    if !(0..=100).contains(&minimum) || !(100..=200).contains(&maximum) {
        return Err(invalid(
            "minimumHealthyPercent must be 0 to 100 and maximumPercent 100 to 200.",
        ));
    }
    Ok(configuration)
}

/// What a deployment launches.
struct DeploymentSpec<'a> {
    definition: &'a TaskDefinitionRecord,
    placement: &'a Placement,
    platform_version: &'a str,
    network: &'a Value,
    key: Option<&'a str>,
    desired: i64,
    now: f64,
}

impl DeploymentSpec<'_> {
    fn document(&self) -> Value {
        let mut storage = json!({});
        if let Some(key) = self.key {
            storage["kmsKeyId"] = json!(key);
        }
        let mut deployment = json!({
            "id": deployment_id(),
            "status": "PRIMARY",
            "taskDefinition": self.definition.arn(),
            "desiredCount": self.desired,
            "pendingCount": 0,
            "runningCount": 0,
            "failedTasks": 0,
            "createdAt": self.now,
            "updatedAt": self.now,
            "launchType": self.placement.launch_type,
            "networkConfiguration": {"awsvpcConfiguration": self.network},
            "rolloutState": "IN_PROGRESS",
            "rolloutStateReason": "ECS deployment in progress.",
        });
        if self.placement.launch_type == "FARGATE" {
            deployment["platformVersion"] = json!(self.platform_version);
            deployment["platformFamily"] = json!("Linux");
            deployment["fargateEphemeralStorage"] = storage;
        }
        if let Some(provider) = &self.placement.capacity_provider {
            deployment["capacityProviderStrategy"] =
                json!([{"capacityProvider": provider, "weight": 1, "base": 0}]);
        }
        deployment
    }
}

impl Ecs {
    /// The service `text` (name or ARN) of `cluster`, with its store key.
    fn service(
        &self,
        scope: Scope<'_>,
        cluster: &str,
        text: &str,
    ) -> Result<Option<(String, ServiceRecord)>, AwsError> {
        let key = scope.key(&format!("{cluster}/{}", short_name(text, "service")));
        let found = self
            .db
            .read(|tx| tx.get(&SERVICES, key.as_bytes()))
            .map_err(server)?;
        Ok(found.map(|s| (key, s)))
    }

    /// The services of `cluster` that are not yet inactive.
    pub(crate) fn live_services(&self, scope: Scope<'_>, cluster: &str) -> Result<usize, AwsError> {
        Ok(self.services_of(scope, cluster)?.len())
    }

    /// The name of a live service of `cluster` whose capacity provider strategy names
    /// `provider`, if there is one.
    pub(crate) fn service_using(
        &self,
        scope: Scope<'_>,
        cluster: &str,
        provider: &str,
    ) -> Result<Option<String>, AwsError> {
        Ok(self
            .services_of(scope, cluster)?
            .into_iter()
            .find(|s| {
                s.doc["capacityProviderStrategy"]
                    .as_array()
                    .is_some_and(|list| list.iter().any(|i| i["capacityProvider"] == provider))
            })
            .map(|s| s.doc["serviceName"].as_str().unwrap_or_default().to_owned()))
    }

    /// The services of `cluster` that are not deleted.
    fn services_of(&self, scope: Scope<'_>, cluster: &str) -> Result<Vec<ServiceRecord>, AwsError> {
        let prefix = scope.key(&format!("{cluster}/"));
        Ok(self
            .db
            .read(|tx| tx.prefix(&SERVICES, prefix.as_bytes()))
            .map_err(server)?
            .into_iter()
            .map(|(_, s)| s)
            .filter(|s| s.status() != "INACTIVE")
            .collect())
    }

    /// The DAEMON strategy places one task per instance, so a desired count makes no sense
    /// with it; on Fargate there are no instances. Neargate schedules replicas only.
    fn check_daemon(input: &JsonInput) -> Result<(), AwsError> {
        if opt_str(input, "schedulingStrategy")? != Some("DAEMON") {
            return Ok(());
        }
        if input.get("desiredCount").is_some() {
            return Err(invalid(
                "The daemon scheduling strategy does not support a desired count for services.",
            ));
        }
        match opt_str(input, "launchType")? {
            None | Some("FARGATE") => Err(invalid(
                "The DAEMON scheduling strategy is not supported for tasks on Fargate.",
            )),
            Some(_) => Err(EcsError::UnsupportedFeatureException
                .with("The DAEMON scheduling strategy is not supported by this endpoint.")),
        }
    }

    /// `role` lets ECS call a load balancer, so it needs `loadBalancers`; load balancers
    /// themselves are refused rather than ignored, as this endpoint has none.
    fn check_load_balancing(input: &JsonInput) -> Result<(), AwsError> {
        let balancers = input
            .array("loadBalancers")
            .map_err(crate::errors::wrong_type)?;
        if balancers.is_some_and(|b| !b.is_empty()) {
            return Err(EcsError::UnsupportedFeatureException
                .with("Load balancers are not supported by this endpoint."));
        }
        if opt_str(input, "role")?.is_some() {
            return Err(invalid(
                "You cannot specify an IAM role for a service without a load balancer: the \
                 role lets Amazon ECS call your load balancer on your behalf.",
            ));
        }
        Ok(())
    }

    pub(crate) fn create_service(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, opt_str(input, "cluster")?)?;
        let name = req_str(input, "serviceName")?;
        if !valid_name(name) {
            return Err(invalid(
                "Service name can have up to 255 letters (uppercase and lowercase), numbers, \
                 underscores, and hyphens.",
            ));
        }
        Self::check_daemon(input)?;
        Self::check_load_balancing(input)?;
        let definition = self.active_definition(scope, req_str(input, "taskDefinition")?)?;
        let desired = input
            .i64("desiredCount")
            .map_err(crate::errors::wrong_type)?
            .unwrap_or(0);
        if desired < 0 {
            return Err(invalid("desiredCount must be 0 or more."));
        }
        let placement = Placement::read(input, &cluster)?;
        let constraints = input
            .array("placementConstraints")
            .map_err(crate::errors::wrong_type)?
            .cloned()
            .unwrap_or_default();
        let strategy = input
            .array("placementStrategy")
            .map_err(crate::errors::wrong_type)?
            .cloned()
            .unwrap_or_default();
        let version = platform_version(opt_str(input, "platformVersion")?)?;
        let network = opt_object(input, "networkConfiguration")?
            .and_then(|n| n.get("awsvpcConfiguration"))
            .cloned()
            .unwrap_or_default();
        let key = cluster.key_for(&placement.launch_type);
        let now = self.clock.now().epoch_seconds_f64();
        let spec = DeploymentSpec {
            definition: &definition,
            placement: &placement,
            platform_version: &version,
            network: &network,
            key,
            desired,
            now,
        };
        let placement_members = json!({
            "placementConstraints": constraints,
            "placementStrategy": strategy,
        });
        // The tasks it will start must be acceptable now.
        Self::request_for(&placement_members, &spec.document(), name, 0, Vec::new())?
            .check(&definition)?;
        self.managed_provider(scope, &cluster, &placement, &definition)?;
        let arn = scope.arn(&format!("service/{}/{name}", cluster.name));
        let mut record = ServiceRecord {
            doc: json!({
                "serviceArn": arn,
                "serviceName": name,
                "clusterArn": cluster.arn,
                "loadBalancers": [],
                "serviceRegistries": [],
                "status": "ACTIVE",
                "desiredCount": desired,
                "runningCount": 0,
                "pendingCount": 0,
                "launchType": placement.launch_type,
                "taskDefinition": definition.arn(),
                "deploymentConfiguration": deployment_configuration(
                    opt_object(input, "deploymentConfiguration")?
                )?,
                "deployments": [spec.document()],
                "events": [],
                "createdAt": now,
                "placementConstraints": placement_members["placementConstraints"],
                "placementStrategy": placement_members["placementStrategy"],
                "networkConfiguration": {"awsvpcConfiguration": network},
                "schedulingStrategy": "REPLICA",
                "deploymentController": {"type": "ECS"},
                "createdBy": caller.principal.arn,
                "enableECSManagedTags": opt_bool(input, "enableECSManagedTags")?.unwrap_or(false),
                "propagateTags": opt_str(input, "propagateTags")?.unwrap_or("NONE"),
                "enableExecuteCommand": opt_bool(input, "enableExecuteCommand")?.unwrap_or(false),
            }),
            cluster: cluster.name.clone(),
            tags: tags::read(input, "tags")?,
            generation: 0,
            throttle: LaunchThrottle::default(),
        };
        if let Some(provider) = &placement.capacity_provider {
            record.doc["capacityProviderStrategy"] =
                json!([{"capacityProvider": provider, "weight": 1, "base": 0}]);
        }
        if placement.launch_type == "FARGATE" {
            record.doc["platformVersion"] = json!(version);
            record.doc["platformFamily"] = json!("Linux");
        }
        let key = scope.key(&format!("{}/{name}", cluster.name));
        let record = self
            .db
            .write(|tx| {
                if let Some(existing) = tx.get(&SERVICES, key.as_bytes())?
                    && existing.status() != "INACTIVE"
                {
                    return Ok(Err(invalid("Creation of service was not idempotent.")));
                }
                tx.put(&SERVICES, key.as_bytes(), &record)?;
                Ok(Ok(record))
            })
            .map_err(server)??;
        Ok(json!({"service": record.shown(false)}))
    }

    pub(crate) fn update_service(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, opt_str(input, "cluster")?)?;
        let (key, mut record) = self
            .service(scope, &cluster.name, req_str(input, "service")?)?
            .ok_or_else(|| EcsError::ServiceNotFoundException.with("Service not found."))?;
        if record.status() != "ACTIVE" {
            return Err(EcsError::ServiceNotActiveException.with("Service was not ACTIVE."));
        }
        let now = self.clock.now().epoch_seconds_f64();
        let desired = input
            .i64("desiredCount")
            .map_err(crate::errors::wrong_type)?;
        if desired.is_some_and(|d| d < 0) {
            return Err(invalid("desiredCount must be 0 or more."));
        }
        if let Some(configuration) = opt_object(input, "deploymentConfiguration")? {
            let mut merged = record.doc["deploymentConfiguration"]
                .as_object()
                .cloned()
                .unwrap_or_default();
            merged.extend(configuration.clone());
            record.doc["deploymentConfiguration"] = deployment_configuration(Some(&merged))?;
        }
        let primary = record.doc["deployments"][0].clone();
        let definition_text = opt_str(input, "taskDefinition")?;
        let definition = match definition_text {
            Some(text) => self.active_definition(scope, text)?,
            None => {
                self.active_definition(scope, primary["taskDefinition"].as_str().unwrap_or(""))?
            }
        };
        let network = opt_object(input, "networkConfiguration")?
            .and_then(|n| n.get("awsvpcConfiguration"))
            .cloned();
        let version = opt_str(input, "platformVersion")?
            .map(|v| platform_version(Some(v)))
            .transpose()?;
        let new_deployment = opt_bool(input, "forceNewDeployment")? == Some(true)
            || definition.arn() != primary["taskDefinition"]
            || network
                .as_ref()
                .is_some_and(|n| *n != primary["networkConfiguration"]["awsvpcConfiguration"])
            || version
                .as_ref()
                .is_some_and(|v| *v != primary["platformVersion"]);
        if let Some(desired) = desired {
            record.doc["desiredCount"] = json!(desired);
        }
        let desired = record.doc["desiredCount"].as_i64().unwrap_or(0);
        if new_deployment {
            let placement = Placement::of_deployment(&primary);
            let version = version.unwrap_or_else(|| {
                primary["platformVersion"]
                    .as_str()
                    .unwrap_or("1.4.0")
                    .to_owned()
            });
            let network = network
                .unwrap_or_else(|| primary["networkConfiguration"]["awsvpcConfiguration"].clone());
            let spec = DeploymentSpec {
                definition: &definition,
                placement: &placement,
                platform_version: &version,
                network: &network,
                // A new deployment takes the cluster's key as it is now (Fargate storage only).
                key: cluster.key_for(&placement.launch_type),
                desired,
                now,
            };
            let deployment = spec.document();
            Self::request_for(&record.doc, &deployment, record.name(), 0, Vec::new())?
                .check(&definition)?;
            self.managed_provider(scope, &cluster, &placement, &definition)?;
            if let Some(deployments) = record.doc["deployments"].as_array_mut() {
                for old in deployments.iter_mut() {
                    old["status"] = json!("ACTIVE");
                    old["desiredCount"] = json!(0);
                    old["updatedAt"] = json!(now);
                }
                deployments.insert(0, deployment);
            }
            record.doc["taskDefinition"] = json!(definition.arn());
            if placement.launch_type == "FARGATE" {
                record.doc["platformVersion"] = json!(version);
            }
            record.doc["networkConfiguration"] = json!({"awsvpcConfiguration": network});
        } else {
            record.doc["deployments"][0]["desiredCount"] = json!(desired);
            record.doc["deployments"][0]["updatedAt"] = json!(now);
        }
        self.save_change(&key, record)
    }

    /// `ListServicesByNamespace`: services join Service Connect namespaces, which live in Cloud
    /// Map; Neargate has neither, so no namespace exists.
    pub(crate) fn describe_services(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, opt_str(input, "cluster")?)?;
        let wanted = strings(input, "services")?;
        if wanted.is_empty() || wanted.len() > 10 {
            return Err(invalid("services must have 1 to 10 items."));
        }
        let with_tags = strings(input, "include")?.iter().any(|i| i == "TAGS");
        let mut services = Vec::new();
        let mut failures = Vec::new();
        for text in &wanted {
            match self.service(scope, &cluster.name, text)? {
                Some((_, record)) => services.push(record.shown(with_tags)),
                // AWS names a missing service as asked, or by its ARN without the cluster.
                None if text.starts_with("arn:") => failures.push(missing(text.clone())),
                None => failures.push(missing(scope.arn(&format!("service/{text}")))),
            }
        }
        Ok(json!({"services": services, "failures": failures}))
    }

    pub(crate) fn list_services(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, opt_str(input, "cluster")?)?;
        let limit = match input.i64("maxResults").map_err(crate::errors::wrong_type)? {
            None => 10,
            Some(n @ 1..=100) => usize::try_from(n).unwrap_or(10),
            Some(_) => return Err(invalid("maxResults must be between 1 and 100.")),
        };
        let launch_type = opt_str(input, "launchType")?;
        let prefix = scope.key(&format!("{}/", cluster.name));
        let matching: Vec<_> = self
            .db
            .read(|tx| tx.prefix(&SERVICES, prefix.as_bytes()))
            .map_err(server)?
            .into_iter()
            .filter(|(_, s)| {
                s.status() != "INACTIVE" && launch_type.is_none_or(|l| s.doc["launchType"] == l)
            })
            .collect();
        page(
            matching,
            opt_str(input, "nextToken")?,
            limit,
            "serviceArns",
            |s| s.doc["serviceArn"].clone(),
        )
    }

    pub(crate) fn delete_service(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, opt_str(input, "cluster")?)?;
        let (key, mut record) = self
            .service(scope, &cluster.name, req_str(input, "service")?)?
            .filter(|(_, s)| s.status() != "INACTIVE")
            .ok_or_else(|| EcsError::ServiceNotFoundException.with("Service not found."))?;
        let force = opt_bool(input, "force")?.unwrap_or(false);
        if record.doc["desiredCount"].as_i64().unwrap_or(0) > 0 && !force {
            return Err(invalid(
                "The service cannot be stopped while it is scaled above 0.",
            ));
        }
        record.doc["desiredCount"] = json!(0);
        record.doc["status"] = json!("DRAINING");
        if let Some(deployments) = record.doc["deployments"].as_array_mut() {
            for deployment in deployments {
                deployment["desiredCount"] = json!(0);
            }
        }
        self.save_change(&key, record)
    }

    /// Stores a service a call changed (counting the change, so that a scheduler pass that read
    /// the service before does not overwrite it) and shows it.
    fn save_change(&self, key: &str, mut record: ServiceRecord) -> Result<Value, AwsError> {
        record.generation += 1;
        self.db
            .write(|tx| tx.put(&SERVICES, key.as_bytes(), &record))
            .map_err(server)?;
        Ok(json!({"service": record.shown(false)}))
    }

    /// The request that starts `count` tasks of `deployment` for service `name`.
    /// The request that starts `count` tasks of `deployment` for service `name`, placed as the
    /// service's `placementConstraints` and `placementStrategy` (in `service`) say.
    fn request_for(
        service: &Value,
        deployment: &Value,
        name: &str,
        count: usize,
        tags: Vec<Tag>,
    ) -> Result<TaskRequest, AwsError> {
        let list = |member: &str| service[member].as_array().cloned().unwrap_or_default();
        Ok(TaskRequest {
            count,
            placement: Placement::of_deployment(deployment),
            platform_version: deployment["platformVersion"]
                .as_str()
                .unwrap_or("1.4.0")
                .to_owned(),
            key: deployment["fargateEphemeralStorage"]["kmsKeyId"]
                .as_str()
                .map(str::to_owned),
            network: deployment["networkConfiguration"]["awsvpcConfiguration"].clone(),
            overrides: Map::new(),
            tags,
            started_by: deployment["id"].as_str().map(str::to_owned),
            group: format!("service:{name}"),
            execute_command: false,
            token_key: None,
            constraints: placement::constraints(&list("placementConstraints"))?,
            strategies: placement::strategies(&list("placementStrategy"))?,
            instances: None,
        })
    }

    /// One pass of the service scheduler over every service: starts and stops tasks so that
    /// each service converges on its `desiredCount`, deployment by deployment, within
    /// `minimumHealthyPercent` and `maximumPercent`; trips the circuit breaker; records events.
    pub fn schedule(&self, platform: &dyn Platform) -> Result<(), AwsError> {
        let services = self
            .db
            .read(|tx| tx.prefix(&SERVICES, b""))
            .map_err(server)?;
        for (key, record) in services {
            if record.status() == "INACTIVE" {
                continue;
            }
            self.schedule_service(&key, record, platform)?;
        }
        Ok(())
    }

    fn schedule_service(
        &self,
        key: &[u8],
        mut record: ServiceRecord,
        platform: &dyn Platform,
    ) -> Result<(), AwsError> {
        let text = String::from_utf8_lossy(key).into_owned();
        let mut parts = text.splitn(3, '/');
        let (Some(account), Some(region)) = (parts.next(), parts.next()) else {
            return Ok(());
        };
        let scope = Scope { account, region };
        let name = record.name().to_owned();
        let now = self.clock.now().epoch_seconds_f64();
        let prefix = scope.key(&format!("{}/RUNNING/", record.cluster));
        let group = format!("service:{name}");
        let tasks: Vec<(Vec<u8>, TaskSummary)> = self
            .db
            .read(|tx| {
                scan(tx, prefix.as_bytes(), None, usize::MAX, |t| {
                    t.group == group
                })
            })
            .map_err(server)?;
        let of = |id: &Value| {
            tasks
                .iter()
                .filter(move |(_, t)| t.started_by.as_deref() == id.as_str())
                .collect::<Vec<_>>()
        };
        let running = |t: &TaskSummary| t.running();

        let desired = if record.status() == "DRAINING" {
            0
        } else {
            record.doc["desiredCount"].as_i64().unwrap_or(0)
        };
        let configuration = &record.doc["deploymentConfiguration"];
        let maximum = configuration["maximumPercent"].as_i64().unwrap_or(200);
        let minimum = configuration["minimumHealthyPercent"]
            .as_i64()
            .unwrap_or(100);
        let max_total = desired * maximum / 100;
        let min_healthy = (desired * minimum + 99) / 100;
        let breaker = configuration["deploymentCircuitBreaker"].clone();

        let mut deployments: Vec<Value> = record.doc["deployments"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if deployments.is_empty() {
            return Ok(());
        }
        // Counts per deployment.
        for deployment in &mut deployments {
            let mine = of(&deployment["id"]);
            let running_count = mine.iter().filter(|(_, t)| running(t)).count();
            let pending_count = mine.len() - running_count;
            let id = deployment["id"]
                .as_str()
                .unwrap_or_default()
                .as_bytes()
                .to_vec();
            let failed = self
                .db
                .read(|tx| tx.get(&DEPLOYMENT_FAILURES, &id))
                .map_err(server)?
                .unwrap_or(0);
            deployment["runningCount"] = json!(running_count);
            deployment["pendingCount"] = json!(pending_count);
            deployment["failedTasks"] = json!(failed);
        }
        let live_total: i64 = deployments
            .iter()
            .map(|d| {
                d["runningCount"].as_i64().unwrap_or(0) + d["pendingCount"].as_i64().unwrap_or(0)
            })
            .sum();
        let healthy_total: i64 = deployments
            .iter()
            .map(|d| d["runningCount"].as_i64().unwrap_or(0))
            .sum();

        // The circuit breaker.
        let threshold = ((desired + 1) / 2).clamp(3, 200);
        let primary_failed = deployments[0]["failedTasks"].as_i64().unwrap_or(0);
        if breaker["enable"] == true
            && deployments[0]["rolloutState"] == "IN_PROGRESS"
            && primary_failed >= threshold
        {
            deployments[0]["rolloutState"] = json!("FAILED");
            deployments[0]["rolloutStateReason"] =
                json!("ECS deployment circuit breaker: tasks failed to start.");
            let id = deployments[0]["id"].as_str().unwrap_or_default().to_owned();
            record.event(
                now,
                format!(
                    "(service {name}) (deployment {id}) deployment failed: tasks failed to start."
                ),
            );
            if breaker["rollback"] == true && deployments.len() > 1 {
                let failed = deployments.remove(0);
                let mut previous = deployments.remove(0);
                previous["status"] = json!("PRIMARY");
                previous["desiredCount"] = json!(desired);
                previous["rolloutState"] = json!("IN_PROGRESS");
                previous["rolloutStateReason"] = json!(format!(
                    "ECS deployment circuit breaker: rolling back to deploymentId {}.",
                    previous["id"].as_str().unwrap_or_default()
                ));
                previous["updatedAt"] = json!(now);
                let mut failed = failed;
                failed["status"] = json!("ACTIVE");
                failed["desiredCount"] = json!(0);
                deployments.insert(0, previous);
                deployments.insert(1, failed);
                record.doc["taskDefinition"] = deployments[0]["taskDefinition"].clone();
            }
        }

        // The throttle, when the primary deployment's tasks keep failing to start.
        let primary_running = deployments[0]["runningCount"].as_u64().unwrap_or(0);
        let primary_failed = deployments[0]["failedTasks"].as_u64().unwrap_or(0);
        let primary_id = deployments[0]["id"].as_str().unwrap_or_default().to_owned();
        if record
            .throttle
            .observe(&primary_id, primary_failed, primary_running, now)
        {
            record.event(
                now,
                format!("(service {name}) is unable to consistently start tasks successfully."),
            );
        }
        let throttled = !record.throttle.allows(now);

        // Start tasks for the primary deployment, within maximumPercent.
        let primary = deployments[0].clone();
        let primary_live = primary["runningCount"].as_i64().unwrap_or(0)
            + primary["pendingCount"].as_i64().unwrap_or(0);
        let blocked = primary["rolloutState"] == "FAILED" && breaker["rollback"] != true;
        let room = (max_total.max(desired) - live_total).max(0);
        let to_start = (desired - primary_live).min(room).max(0);
        if to_start > 0 && !blocked && !throttled {
            let definition = self.task_definition(
                scope,
                primary["taskDefinition"].as_str().unwrap_or_default(),
            )?;
            let cluster = self.cluster(scope, Some(&record.cluster));
            if let (Some(definition), Ok(cluster)) = (definition, cluster) {
                let request = Self::request_for(
                    &record.doc,
                    &primary,
                    &name,
                    usize::try_from(to_start).unwrap_or(0),
                    service_task_tags(&record, &definition),
                );
                let started = request.and_then(|mut request| {
                    // Deployments record the Fargate key; managed instances' storage takes
                    // the cluster's managed storage key as it is now.
                    if request.placement.launch_type == "MANAGED_INSTANCES" {
                        request.key = cluster.key_for("MANAGED_INSTANCES").map(str::to_owned);
                    }
                    self.start_tasks(scope, &cluster, &definition, &request, platform)
                });
                match started {
                    Ok((started, failures)) => {
                        if !failures.is_empty() {
                            let reasons: Vec<String> = failures
                                .iter()
                                .map(|f| {
                                    format!(
                                        "{} ({})",
                                        f["reason"].as_str().unwrap_or_default(),
                                        f["arn"].as_str().unwrap_or_default()
                                    )
                                })
                                .collect();
                            record.event(
                                now,
                                format!(
                                    "(service {name}) was unable to place a task because no \
                                     container instance met all of its requirements: {}.",
                                    reasons.join(", ")
                                ),
                            );
                        }
                        let ids: Vec<&str> = started
                            .iter()
                            .filter_map(|t| t["taskArn"].as_str()?.rsplit('/').next())
                            .collect();
                        if !ids.is_empty() {
                            record.event(
                                now,
                                format!(
                                    "(service {name}) has started {} tasks: (task {}).",
                                    ids.len(),
                                    ids.join(") (task ")
                                ),
                            );
                        }
                    }
                    Err(e) => record.event(
                        now,
                        format!("(service {name}) was unable to place a task: {}", e.message),
                    ),
                }
            }
        }

        // Stop tasks: old deployments' (pending ones first) while enough stay healthy, and the
        // primary's beyond its desired count.
        let mut healthy = healthy_total;
        let mut stopped = Vec::new();
        for deployment in deployments.iter().skip(1) {
            let mut mine = of(&deployment["id"]);
            mine.sort_by_key(|(_, t)| running(t));
            for (index_key, task) in mine {
                if running(task) {
                    if healthy - 1 < min_healthy {
                        break;
                    }
                    healthy -= 1;
                }
                stopped.push((task_key(index_key), deployment["id"].clone()));
            }
        }
        let mut primary_tasks = of(&primary["id"]);
        let excess = usize::try_from(primary_live - desired).unwrap_or(0);
        primary_tasks.sort_by_key(|(_, t)| running(t));
        for (index_key, _) in primary_tasks.into_iter().take(excess) {
            stopped.push((task_key(index_key), primary["id"].clone()));
        }
        for (stopping, deployment) in &stopped {
            let reason = format!(
                "Scaling activity initiated by (deployment {})",
                deployment.as_str().unwrap_or_default()
            );
            if let Some(arn) = self.request_stop(stopping, "ServiceSchedulerInitiated", &reason)? {
                platform.stop(&arn);
            }
        }
        // Tasks that fail their health checks are replaced.
        for (index_key, task) in tasks.iter().filter(|(_, t)| t.health == "UNHEALTHY") {
            let stopping = task_key(index_key);
            let reason = "Task failed container health checks";
            if self
                .request_stop(&stopping, "ServiceSchedulerInitiated", reason)?
                .is_some()
            {
                platform.stop(&task.arn);
                let id = task.arn.rsplit('/').next().unwrap_or_default();
                record.event(
                    now,
                    format!("(service {name}) (task {id}) failed container health checks."),
                );
            }
        }
        if !stopped.is_empty() {
            record.event(
                now,
                format!(
                    "(service {name}) has stopped {} running tasks.",
                    stopped.len()
                ),
            );
        }

        // Completion: the primary runs its desired count and nothing else is left.
        let others_left = deployments.iter().skip(1).any(|d| {
            d["runningCount"].as_i64().unwrap_or(0) + d["pendingCount"].as_i64().unwrap_or(0) > 0
        });
        let primary_running = deployments[0]["runningCount"].as_i64().unwrap_or(0);
        if primary_running == desired
            && primary_live == desired
            && !others_left
            && stopped.is_empty()
        {
            deployments.truncate(1);
            if deployments[0]["rolloutState"] == "IN_PROGRESS" {
                let id = deployments[0]["id"].as_str().unwrap_or_default().to_owned();
                deployments[0]["rolloutState"] = json!("COMPLETED");
                deployments[0]["rolloutStateReason"] =
                    json!(format!("ECS deployment {id} completed."));
                deployments[0]["updatedAt"] = json!(now);
                record.event(now, format!("(service {name}) has reached a steady state."));
            }
            if record.status() == "DRAINING" {
                record.doc["status"] = json!("INACTIVE");
            }
        }
        let (running_all, pending_all) = deployments.iter().fold((0, 0), |(r, p), d| {
            (
                r + d["runningCount"].as_i64().unwrap_or(0),
                p + d["pendingCount"].as_i64().unwrap_or(0),
            )
        });
        record.doc["runningCount"] = json!(running_all);
        record.doc["pendingCount"] = json!(pending_all);
        record.doc["deployments"] = Value::Array(deployments);
        self.db
            .write(|tx| match tx.get(&SERVICES, key)? {
                Some(current) if current.generation == record.generation => {
                    tx.put(&SERVICES, key, &record)
                }
                _ => Ok(()),
            })
            .map_err(server)
    }
}

impl<'a> neargate_model::Handler<ops::ListServicesByNamespace, Caller<'a>> for Ecs {
    fn access(
        &self,
        _: &Caller<'a>,
        _: &ListServicesByNamespaceRequest,
    ) -> Result<neargate_model::Access<'_>, AwsError> {
        Ok(neargate_model::Access::one(
            neargate_model::Question::plain("ecs:ListServicesByNamespace", "*"),
        ))
    }

    /// Service Connect namespaces are not offered: every one is not found.
    fn handle(
        &self,
        _: &Caller<'a>,
        input: ListServicesByNamespaceRequest,
    ) -> Result<ListServicesByNamespaceResponse, AwsError> {
        let namespace = crate::input::required(input.namespace.as_deref(), "namespace")?;
        Err(EcsError::NamespaceNotFoundException.with(format!(
            "Namespace {namespace} not found: Service Connect namespaces are not supported."
        )))
    }
}
