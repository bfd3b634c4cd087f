//! Services: `CreateService`, `UpdateService`, `DescribeServices`, `ListServices`,
//! `DeleteService`, and the scheduler that keeps each service's `desiredCount` running through
//! rolling deployments. A deployment records the cluster's ephemeral storage key when it is
//! created: scaling keeps it, only a new deployment picks up the cluster's current key.

use neargate_common::{AwsError, ids};
use neargate_model::ecs::{
    CapacityProviderStrategyItem, CreateServiceRequest, CreateServiceResponse,
    DeleteServiceRequest, DeleteServiceResponse, Deployment, DeploymentCircuitBreaker,
    DeploymentConfiguration, DeploymentController, DeploymentControllerType,
    DeploymentEphemeralStorage, DeploymentRolloutState, DeploymentStrategy,
    DescribeServicesRequest, DescribeServicesResponse, LaunchType, ListServicesByNamespaceRequest,
    ListServicesByNamespaceResponse, ListServicesRequest, ListServicesResponse,
    NetworkConfiguration, PropagateTags, SchedulingStrategy, Service, ServiceField, TaskStopCode,
    UpdateServiceRequest, UpdateServiceResponse, ops,
};
use neargate_model::{Access, ConditionKey, Handler, Question, Time};
use neargate_store::Read as _;

use crate::errors::{invalid, server};
use crate::input::required;
use crate::names::{Scope, cluster_arn, limit, missing, short_name, typed_page, valid_name};
use crate::records::{
    OLDER_DEPLOYMENT, SERVICES, ServiceRecord, ServiceStatus, TaskDefinitionRecord,
};
use crate::tags::{self, Tag};
use crate::task_index::{TaskSummary, scan, task_key};
use crate::task_request::{Placement, TaskRequest, platform_version};
use crate::tasks::{DEPLOYMENT_FAILURES, constraint_parts, placement_strategies};
use crate::throttle::LaunchThrottle;
use crate::{Caller, Ecs, Platform};
use neargate_model::ecs::Error as EcsError;

/// The tags of a service's tasks: the service's or the task definition's (`propagateTags`), and
/// ECS's own with `enableECSManagedTags`.
fn service_task_tags(record: &ServiceRecord, definition: &TaskDefinitionRecord) -> Vec<Tag> {
    let mut tags = match record.doc.propagate_tags {
        Some(PropagateTags::Service) => record.tags.clone(),
        Some(PropagateTags::TaskDefinition) => definition.tags.clone(),
        _ => Vec::new(),
    };
    if record.doc.enable_ecs_managed_tags == Some(true) {
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

/// The deployment configuration `given` over `base` (member by member), with ECS's defaults
/// filled in and checked.
fn deployment_configuration(
    base: Option<DeploymentConfiguration>,
    given: Option<DeploymentConfiguration>,
) -> Result<DeploymentConfiguration, AwsError> {
    let mut configuration = DeploymentConfiguration {
        deployment_circuit_breaker: Some(DeploymentCircuitBreaker {
            enable: Some(false),
            rollback: Some(false),
        }),
        maximum_percent: Some(200),
        minimum_healthy_percent: Some(100),
        ..DeploymentConfiguration::default()
    };
    for layer in [base, given].into_iter().flatten() {
        given_members!(
            configuration,
            layer,
            alarms,
            bake_time_in_minutes,
            canary_configuration,
            deployment_circuit_breaker,
            lifecycle_hooks,
            linear_configuration,
            maximum_percent,
            minimum_healthy_percent,
            strategy
        );
    }
    if configuration
        .strategy
        .as_ref()
        .is_some_and(|s| *s != DeploymentStrategy::Rolling)
    {
        return Err(EcsError::UnsupportedFeatureException
            .with("Only the ROLLING deployment strategy is supported by this endpoint."));
    }
    let maximum = configuration.maximum_percent.unwrap_or(200);
    let minimum = configuration.minimum_healthy_percent.unwrap_or(100);
    if !(0..=100).contains(&minimum) || !(100..=200).contains(&maximum) {
        return Err(invalid(
            "minimumHealthyPercent must be 0 to 100 and maximumPercent 100 to 200.",
        ));
    }
    Ok(configuration)
}

/// The one-item capacity provider strategy of a placement on `provider`.
fn strategy_of(provider: &str) -> Vec<CapacityProviderStrategyItem> {
    vec![CapacityProviderStrategyItem {
        capacity_provider: Some(provider.to_owned()),
        weight: Some(1),
        base: Some(0),
    }]
}

/// How a service deployment's tasks run: its `launchType` (Fargate by default) and
/// capacity provider.
fn placement_of(deployment: &Deployment) -> Placement {
    Placement {
        launch_type: deployment
            .launch_type
            .as_ref()
            .map_or("FARGATE", LaunchType::as_str)
            .to_owned(),
        capacity_provider: deployment
            .capacity_provider_strategy
            .iter()
            .flatten()
            .next()
            .and_then(|s| s.capacity_provider.clone()),
    }
}

/// A deployment's count member as a number.
fn count(value: Option<i32>) -> i64 {
    i64::from(value.unwrap_or(0))
}

/// A number as a deployment's count member.
fn count_of(value: impl TryInto<i32>) -> Option<i32> {
    Some(value.try_into().unwrap_or(i32::MAX))
}

/// The network configuration of `subnets` and the rest of `awsvpcConfiguration`.
fn network_of(network: &neargate_model::ecs::AwsVpcConfiguration) -> NetworkConfiguration {
    NetworkConfiguration {
        awsvpc_configuration: Some(network.clone()),
    }
}

/// What a deployment launches.
struct DeploymentSpec<'a> {
    definition: &'a TaskDefinitionRecord,
    placement: &'a Placement,
    platform_version: &'a str,
    network: &'a neargate_model::ecs::AwsVpcConfiguration,
    key: Option<&'a str>,
    desired: i32,
    now: Time,
}

impl DeploymentSpec<'_> {
    fn document(&self) -> Deployment {
        let fargate = self.placement.launch_type == "FARGATE";
        Deployment {
            id: Some(deployment_id()),
            status: Some("PRIMARY".to_owned()),
            task_definition: Some(self.definition.arn().to_owned()),
            desired_count: Some(self.desired),
            pending_count: Some(0),
            running_count: Some(0),
            failed_tasks: Some(0),
            created_at: Some(self.now),
            updated_at: Some(self.now),
            launch_type: Some(LaunchType::from(self.placement.launch_type.as_str())),
            network_configuration: Some(network_of(self.network)),
            rollout_state: Some(DeploymentRolloutState::InProgress),
            rollout_state_reason: Some("ECS deployment in progress.".to_owned()),
            platform_version: fargate.then(|| self.platform_version.to_owned()),
            platform_family: fargate.then(|| "Linux".to_owned()),
            fargate_ephemeral_storage: fargate.then(|| DeploymentEphemeralStorage {
                kms_key_id: self.key.map(str::to_owned),
            }),
            capacity_provider_strategy: self
                .placement
                .capacity_provider
                .as_deref()
                .map(strategy_of),
            ..Deployment::default()
        }
    }
}

/// Members of `CreateService` and `UpdateService` for what this endpoint does not have: they
/// are refused rather than ignored.
struct Unsupported<'a> {
    load_balancers: Option<&'a [neargate_model::ecs::LoadBalancer]>,
    role: Option<&'a str>,
    grace_period: Option<i32>,
    registries: Option<&'a [neargate_model::ecs::ServiceRegistry]>,
    service_connect: bool,
    volumes: bool,
    lattice: bool,
    controller: Option<&'a DeploymentController>,
}

/// The members of `input` (a `CreateService` or `UpdateService` request) this endpoint refuses,
/// with `role` (only `CreateService` has one).
macro_rules! unsupported_members {
    ($input:expr, $role:expr) => {
        Unsupported {
            load_balancers: $input.load_balancers.as_deref(),
            role: $role,
            grace_period: $input.health_check_grace_period_seconds,
            registries: $input.service_registries.as_deref(),
            service_connect: $input.service_connect_configuration.is_some(),
            volumes: $input
                .volume_configurations
                .as_ref()
                .is_some_and(|v| !v.is_empty()),
            lattice: $input
                .vpc_lattice_configurations
                .as_ref()
                .is_some_and(|v| !v.is_empty()),
            controller: $input.deployment_controller.as_ref(),
        }
    };
}

impl Unsupported<'_> {
    /// `role` lets ECS call a load balancer, so it needs `loadBalancers`; load balancers,
    /// service discovery, Service Connect, EBS volumes and VPC Lattice are refused, as this
    /// endpoint has none of them.
    fn check(&self) -> Result<(), AwsError> {
        let unsupported = |what: &str| {
            Err(EcsError::UnsupportedFeatureException
                .with(format!("{what} are not supported by this endpoint.")))
        };
        if self.load_balancers.is_some_and(|b| !b.is_empty()) {
            return unsupported("Load balancers");
        }
        if self.role.is_some() {
            return Err(invalid(
                "You cannot specify an IAM role for a service without a load balancer: the \
                 role lets Amazon ECS call your load balancer on your behalf.",
            ));
        }
        if self.grace_period.is_some() {
            return Err(invalid(
                "Health check grace period is only valid for services configured to use load \
                 balancers",
            ));
        }
        if self.registries.is_some_and(|r| !r.is_empty()) {
            return unsupported("Service registries (service discovery)");
        }
        if self.service_connect {
            return unsupported("Service Connect configurations");
        }
        if self.volumes {
            return unsupported("Amazon EBS volume configurations");
        }
        if self.lattice {
            return unsupported("VPC Lattice configurations");
        }
        if self
            .controller
            .and_then(|c| c.type_.as_ref())
            .is_some_and(|t| *t != DeploymentControllerType::Ecs)
        {
            return unsupported("Deployment controllers other than ECS");
        }
        Ok(())
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
                s.doc
                    .capacity_provider_strategy
                    .iter()
                    .flatten()
                    .any(|i| i.capacity_provider.as_deref() == Some(provider))
            })
            .map(|s| s.name().to_owned()))
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
            .filter(|s| !s.is_inactive())
            .collect())
    }

    /// The DAEMON strategy places one task per instance, so a desired count makes no sense
    /// with it; on Fargate there are no instances. Neargate schedules replicas only.
    fn check_daemon(input: &CreateServiceRequest) -> Result<(), AwsError> {
        if input.scheduling_strategy != Some(SchedulingStrategy::Daemon) {
            return Ok(());
        }
        if input.desired_count.is_some() {
            return Err(invalid(
                "The daemon scheduling strategy does not support a desired count for services.",
            ));
        }
        match &input.launch_type {
            None | Some(LaunchType::Fargate) => Err(invalid(
                "The DAEMON scheduling strategy is not supported for tasks on Fargate.",
            )),
            Some(_) => Err(EcsError::UnsupportedFeatureException
                .with("The DAEMON scheduling strategy is not supported by this endpoint.")),
        }
    }

    fn create_service(
        &self,
        caller: &Caller<'_>,
        input: CreateServiceRequest,
    ) -> Result<CreateServiceResponse, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, input.cluster.as_deref())?;
        let name = required(input.service_name.as_deref(), "serviceName")?;
        if !valid_name(name) {
            return Err(invalid(
                "Service name can have up to 255 letters (uppercase and lowercase), numbers, \
                 underscores, and hyphens.",
            ));
        }
        Self::check_daemon(&input)?;
        unsupported_members!(input, input.role.as_deref()).check()?;
        let definition = self.active_definition(
            scope,
            required(input.task_definition.as_deref(), "taskDefinition")?,
        )?;
        if let Some(scheduling) = &input.scheduling_strategy {
            crate::input::choice(
                Some(scheduling.as_str()),
                "schedulingStrategy",
                SchedulingStrategy::VALUES,
            )?;
        }
        let desired = input.desired_count.unwrap_or(0);
        if desired < 0 {
            return Err(invalid("desiredCount must be 0 or more."));
        }
        let placement = Placement::read(
            input.launch_type.as_ref().map(LaunchType::as_str),
            input.capacity_provider_strategy.as_deref(),
            &cluster,
        )?;
        let version = platform_version(input.platform_version.as_deref())?;
        let network = input
            .network_configuration
            .and_then(|n| n.awsvpc_configuration)
            .unwrap_or_default();
        let key = cluster.key_for(&placement.launch_type);
        let now = Time(self.clock.now());
        let spec = DeploymentSpec {
            definition: &definition,
            placement: &placement,
            platform_version: &version,
            network: &network,
            key,
            desired,
            now,
        };
        let deployment = spec.document();
        let fargate = placement.launch_type == "FARGATE";
        let doc = Service {
            service_arn: Some(scope.arn(&format!("service/{}/{name}", cluster.name))),
            service_name: Some(name.to_owned()),
            cluster_arn: Some(cluster.arn.clone()),
            load_balancers: Some(Vec::new()),
            service_registries: Some(Vec::new()),
            status: Some(ServiceStatus::Active.as_str().to_owned()),
            desired_count: Some(desired),
            running_count: Some(0),
            pending_count: Some(0),
            launch_type: Some(LaunchType::from(placement.launch_type.as_str())),
            task_definition: Some(definition.arn().to_owned()),
            deployment_configuration: Some(deployment_configuration(
                None,
                input.deployment_configuration,
            )?),
            events: Some(Vec::new()),
            created_at: Some(now),
            placement_constraints: Some(input.placement_constraints.unwrap_or_default()),
            placement_strategy: Some(input.placement_strategy.unwrap_or_default()),
            network_configuration: Some(network_of(&network)),
            scheduling_strategy: Some(SchedulingStrategy::Replica),
            deployment_controller: Some(DeploymentController {
                type_: Some(DeploymentControllerType::Ecs),
            }),
            created_by: Some(caller.principal.arn.clone()),
            enable_ecs_managed_tags: Some(input.enable_ecs_managed_tags.unwrap_or(false)),
            propagate_tags: Some(input.propagate_tags.unwrap_or(PropagateTags::None)),
            enable_execute_command: Some(input.enable_execute_command.unwrap_or(false)),
            availability_zone_rebalancing: input.availability_zone_rebalancing,
            capacity_provider_strategy: placement.capacity_provider.as_deref().map(strategy_of),
            platform_version: fargate.then(|| version.clone()),
            platform_family: fargate.then(|| "Linux".to_owned()),
            deployments: Some(vec![deployment.clone()]),
            ..Service::default()
        };
        // The tasks it will start must be acceptable now.
        Self::request_for(&doc, &deployment, name, 0, Vec::new())?.check(&definition)?;
        self.managed_provider(scope, &cluster, &placement, &definition)?;
        let record = ServiceRecord {
            doc,
            cluster: cluster.name.clone(),
            tags: tags::given(input.tags.as_deref())?,
            generation: 0,
            throttle: LaunchThrottle::default(),
            client_token: input.client_token,
        };
        let key = scope.key(&format!("{}/{name}", cluster.name));
        let record = self
            .db
            .write(|tx| {
                if let Some(existing) = tx.get(&SERVICES, key.as_bytes())?
                    && !existing.is_inactive()
                {
                    if existing.client_token.is_some()
                        && existing.client_token == record.client_token
                    {
                        return Ok(Ok(existing));
                    }
                    return Ok(Err(invalid("Creation of service was not idempotent.")));
                }
                tx.put(&SERVICES, key.as_bytes(), &record)?;
                Ok(Ok(record))
            })
            .map_err(server)??;
        Ok(CreateServiceResponse {
            service: Some(record.shown(false)),
        })
    }

    fn update_service(
        &self,
        caller: &Caller<'_>,
        input: UpdateServiceRequest,
    ) -> Result<UpdateServiceResponse, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, input.cluster.as_deref())?;
        let (key, mut record) = self
            .service(
                scope,
                &cluster.name,
                required(input.service.as_deref(), "service")?,
            )?
            .ok_or_else(|| EcsError::ServiceNotFoundException.with("Service not found."))?;
        if !record.can_update() {
            return Err(EcsError::ServiceNotActiveException.with("Service was not ACTIVE."));
        }
        unsupported_members!(input, None).check()?;
        if input
            .capacity_provider_strategy
            .as_ref()
            .is_some_and(|s| !s.is_empty())
        {
            return Err(EcsError::UnsupportedFeatureException.with(
                "Changing a service's capacity provider strategy is not supported by this \
                 endpoint: create a new service.",
            ));
        }
        let now = Time(self.clock.now());
        if let Some(constraints) = input.placement_constraints {
            record.doc.placement_constraints = Some(constraints);
        }
        if let Some(strategy) = input.placement_strategy {
            record.doc.placement_strategy = Some(strategy);
        }
        given_members!(
            record.doc,
            input,
            propagate_tags,
            enable_ecs_managed_tags,
            enable_execute_command,
            availability_zone_rebalancing
        );
        if input.desired_count.is_some_and(|d| d < 0) {
            return Err(invalid("desiredCount must be 0 or more."));
        }
        if let Some(given) = input.deployment_configuration {
            record.doc.deployment_configuration = Some(deployment_configuration(
                record.doc.deployment_configuration.take(),
                Some(given),
            )?);
        }
        let primary = record
            .doc
            .deployments
            .iter()
            .flatten()
            .next()
            .cloned()
            .unwrap_or_default();
        let primary_definition = primary.task_definition.as_deref().unwrap_or_default();
        let definition = self.active_definition(
            scope,
            input
                .task_definition
                .as_deref()
                .unwrap_or(primary_definition),
        )?;
        let network = input
            .network_configuration
            .and_then(|n| n.awsvpc_configuration);
        let primary_network = primary
            .network_configuration
            .as_ref()
            .and_then(|n| n.awsvpc_configuration.clone())
            .unwrap_or_default();
        let version = input
            .platform_version
            .as_deref()
            .map(|v| platform_version(Some(v)))
            .transpose()?;
        let new_deployment = input.force_new_deployment == Some(true)
            || definition.arn() != primary_definition
            || network.as_ref().is_some_and(|n| *n != primary_network)
            || version
                .as_ref()
                .is_some_and(|v| Some(v.as_str()) != primary.platform_version.as_deref());
        if let Some(desired) = input.desired_count {
            record.doc.desired_count = Some(desired);
        }
        let desired = record.doc.desired_count.unwrap_or(0);
        if new_deployment {
            let placement = placement_of(&primary);
            let version = version.unwrap_or_else(|| {
                primary
                    .platform_version
                    .clone()
                    .unwrap_or_else(|| "1.4.0".to_owned())
            });
            let network = network.unwrap_or(primary_network);
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
            let deployments = record.doc.deployments.get_or_insert_with(Vec::new);
            for old in deployments.iter_mut() {
                old.status = Some(OLDER_DEPLOYMENT.to_owned());
                old.desired_count = Some(0);
                old.updated_at = Some(now);
            }
            deployments.insert(0, deployment);
            record.doc.task_definition = Some(definition.arn().to_owned());
            if placement.launch_type == "FARGATE" {
                record.doc.platform_version = Some(version);
            }
            record.doc.network_configuration = Some(network_of(&network));
        } else {
            // The placement the service's next tasks take must be valid now.
            Self::request_for(&record.doc, &primary, record.name(), 0, Vec::new())?
                .check(&definition)?;
            if let Some(primary) = record.doc.deployments.iter_mut().flatten().next() {
                primary.desired_count = Some(desired);
                primary.updated_at = Some(now);
            }
        }
        Ok(UpdateServiceResponse {
            service: Some(self.save_change(&key, record)?),
        })
    }

    fn describe_services(
        &self,
        caller: &Caller<'_>,
        input: DescribeServicesRequest,
    ) -> Result<DescribeServicesResponse, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, input.cluster.as_deref())?;
        let wanted = input.services.unwrap_or_default();
        if wanted.is_empty() || wanted.len() > 10 {
            return Err(invalid("services must have 1 to 10 items."));
        }
        let with_tags = input
            .include
            .unwrap_or_default()
            .contains(&ServiceField::Tags);
        let mut services = Vec::new();
        let mut failures = Vec::new();
        for text in wanted {
            match self.service(scope, &cluster.name, &text)? {
                Some((_, record)) => services.push(record.shown(with_tags)),
                // AWS names a missing service as asked, or by its ARN without the cluster.
                None if text.starts_with("arn:") => failures.push(missing(text)),
                None => failures.push(missing(scope.arn(&format!("service/{text}")))),
            }
        }
        Ok(DescribeServicesResponse {
            failures: Some(failures),
            services: Some(services),
        })
    }

    fn list_services(
        &self,
        caller: &Caller<'_>,
        input: ListServicesRequest,
    ) -> Result<ListServicesResponse, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, input.cluster.as_deref())?;
        // A page is 10 services unless asked otherwise.
        let limit = limit(Some(input.max_results.unwrap_or(10)))?;
        let launch_type = input.launch_type.as_ref();
        let scheduling = input.scheduling_strategy.as_ref();
        let prefix = scope.key(&format!("{}/", cluster.name));
        let matching: Vec<_> = self
            .db
            .read(|tx| tx.prefix(&SERVICES, prefix.as_bytes()))
            .map_err(server)?
            .into_iter()
            .filter(|(_, s)| {
                !s.is_inactive()
                    && launch_type.is_none_or(|l| s.doc.launch_type.as_ref() == Some(l))
                    && scheduling.is_none_or(|l| s.doc.scheduling_strategy.as_ref() == Some(l))
            })
            .map(|(key, s)| (key, s.doc.service_arn.unwrap_or_default()))
            .collect();
        let (arns, next_token) = typed_page(matching, input.next_token.as_deref(), limit)?;
        Ok(ListServicesResponse {
            next_token,
            service_arns: Some(arns),
        })
    }

    fn delete_service(
        &self,
        caller: &Caller<'_>,
        input: DeleteServiceRequest,
    ) -> Result<DeleteServiceResponse, AwsError> {
        let scope = caller.scope();
        let cluster = self.cluster(scope, input.cluster.as_deref())?;
        let (key, mut record) = self
            .service(
                scope,
                &cluster.name,
                required(input.service.as_deref(), "service")?,
            )?
            .filter(|(_, s)| !s.is_inactive())
            .ok_or_else(|| EcsError::ServiceNotFoundException.with("Service not found."))?;
        let force = input.force.unwrap_or(false);
        if record.doc.desired_count.unwrap_or(0) > 0 && !force {
            return Err(invalid(
                "The service cannot be stopped while it is scaled above 0.",
            ));
        }
        record.doc.desired_count = Some(0);
        record.advance(ServiceStatus::Draining);
        for deployment in record.doc.deployments.iter_mut().flatten() {
            deployment.desired_count = Some(0);
        }
        Ok(DeleteServiceResponse {
            service: Some(self.save_change(&key, record)?),
        })
    }

    /// Stores a service a call changed (counting the change, so that a scheduler pass that read
    /// the service before does not overwrite it) and shows it.
    fn save_change(&self, key: &str, mut record: ServiceRecord) -> Result<Service, AwsError> {
        record.generation += 1;
        self.db
            .write(|tx| tx.put(&SERVICES, key.as_bytes(), &record))
            .map_err(server)?;
        Ok(record.shown(false))
    }

    /// The request that starts `count` tasks of `deployment` for service `name`, placed as the
    /// service's `placementConstraints` and `placementStrategy` say.
    fn request_for(
        service: &Service,
        deployment: &Deployment,
        name: &str,
        count: usize,
        tags: Vec<Tag>,
    ) -> Result<TaskRequest, AwsError> {
        let constraints: Vec<(Option<&str>, Option<&str>)> = service
            .placement_constraints
            .iter()
            .flatten()
            .map(constraint_parts)
            .collect();
        Ok(TaskRequest {
            count,
            placement: placement_of(deployment),
            platform_version: deployment
                .platform_version
                .clone()
                .unwrap_or_else(|| "1.4.0".to_owned()),
            key: deployment
                .fargate_ephemeral_storage
                .as_ref()
                .and_then(|s| s.kms_key_id.clone()),
            network: deployment
                .network_configuration
                .as_ref()
                .and_then(|n| n.awsvpc_configuration.clone())
                .unwrap_or_default(),
            overrides: neargate_model::ecs::TaskOverride::default(),
            tags,
            started_by: deployment.id.clone(),
            group: format!("service:{name}"),
            execute_command: service.enable_execute_command == Some(true),
            token_key: None,
            constraints: crate::placement::constraints(&constraints)?,
            strategies: placement_strategies(service.placement_strategy.as_deref())?,
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
            if record.is_inactive() {
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
        let now = Time(self.clock.now());
        let seconds = now.0.epoch_seconds_f64();
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
        let of = |id: Option<&str>| {
            tasks
                .iter()
                .filter(move |(_, t)| t.started_by.as_deref() == id)
                .collect::<Vec<_>>()
        };
        let running = |t: &TaskSummary| t.running();

        let desired = if record.status() == ServiceStatus::Draining {
            0
        } else {
            count(record.doc.desired_count)
        };
        let configuration = record
            .doc
            .deployment_configuration
            .clone()
            .unwrap_or_default();
        let maximum = i64::from(configuration.maximum_percent.unwrap_or(200));
        let minimum = i64::from(configuration.minimum_healthy_percent.unwrap_or(100));
        let max_total = desired * maximum / 100;
        let min_healthy = (desired * minimum + 99) / 100;
        let breaker = configuration.deployment_circuit_breaker.unwrap_or_default();
        let rolls_back = breaker.rollback == Some(true);

        let mut deployments: Vec<Deployment> = record.doc.deployments.take().unwrap_or_default();
        if deployments.is_empty() {
            return Ok(());
        }
        // Counts per deployment.
        for deployment in &mut deployments {
            let mine = of(deployment.id.as_deref());
            let running_count = mine.iter().filter(|(_, t)| running(t)).count();
            let pending_count = mine.len() - running_count;
            let id = deployment.id.clone().unwrap_or_default().into_bytes();
            let failed = self
                .db
                .read(|tx| tx.get(&DEPLOYMENT_FAILURES, &id))
                .map_err(server)?
                .unwrap_or(0);
            deployment.running_count = count_of(running_count);
            deployment.pending_count = count_of(pending_count);
            deployment.failed_tasks = count_of(failed);
        }
        let live = |d: &Deployment| count(d.running_count) + count(d.pending_count);
        let live_total: i64 = deployments.iter().map(live).sum();
        let healthy_total: i64 = deployments.iter().map(|d| count(d.running_count)).sum();

        // The circuit breaker.
        let threshold = ((desired + 1) / 2).clamp(3, 200);
        let in_progress = Some(DeploymentRolloutState::InProgress);
        if breaker.enable == Some(true)
            && deployments[0].rollout_state == in_progress
            && count(deployments[0].failed_tasks) >= threshold
        {
            deployments[0].rollout_state = Some(DeploymentRolloutState::Failed);
            deployments[0].rollout_state_reason =
                Some("ECS deployment circuit breaker: tasks failed to start.".to_owned());
            let id = deployments[0].id.clone().unwrap_or_default();
            record.event(
                now,
                format!(
                    "(service {name}) (deployment {id}) deployment failed: tasks failed to start."
                ),
            );
            if rolls_back && deployments.len() > 1 {
                let mut failed = deployments.remove(0);
                let mut previous = deployments.remove(0);
                previous.status = Some("PRIMARY".to_owned());
                previous.desired_count = count_of(desired);
                previous.rollout_state = in_progress.clone();
                previous.rollout_state_reason = Some(format!(
                    "ECS deployment circuit breaker: rolling back to deploymentId {}.",
                    previous.id.as_deref().unwrap_or_default()
                ));
                previous.updated_at = Some(now);
                failed.status = Some(OLDER_DEPLOYMENT.to_owned());
                failed.desired_count = Some(0);
                deployments.insert(0, previous);
                deployments.insert(1, failed);
                record.doc.task_definition = deployments[0].task_definition.clone();
            }
        }

        // The throttle, when the primary deployment's tasks keep failing to start.
        let primary_running = u64::try_from(count(deployments[0].running_count)).unwrap_or(0);
        let primary_failed = u64::try_from(count(deployments[0].failed_tasks)).unwrap_or(0);
        let primary_id = deployments[0].id.clone().unwrap_or_default();
        if record
            .throttle
            .observe(&primary_id, primary_failed, primary_running, seconds)
        {
            record.event(
                now,
                format!("(service {name}) is unable to consistently start tasks successfully."),
            );
        }
        let throttled = !record.throttle.allows(seconds);

        // Start tasks for the primary deployment, within maximumPercent.
        let primary = deployments[0].clone();
        let primary_live = live(&primary);
        let blocked = primary.rollout_state == Some(DeploymentRolloutState::Failed) && !rolls_back;
        let room = (max_total.max(desired) - live_total).max(0);
        let to_start = (desired - primary_live).min(room).max(0);
        if to_start > 0 && !blocked && !throttled {
            let definition = self.task_definition(
                scope,
                primary.task_definition.as_deref().unwrap_or_default(),
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
                                        f.reason.as_deref().unwrap_or_default(),
                                        f.arn.as_deref().unwrap_or_default()
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
                            .filter_map(|t| t.task_arn.as_deref()?.rsplit('/').next())
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
            let mut mine = of(deployment.id.as_deref());
            mine.sort_by_key(|(_, t)| running(t));
            for (index_key, task) in mine {
                if running(task) {
                    if healthy - 1 < min_healthy {
                        break;
                    }
                    healthy -= 1;
                }
                stopped.push((task_key(index_key), deployment.id.clone()));
            }
        }
        let mut primary_tasks = of(primary.id.as_deref());
        let excess = usize::try_from(primary_live - desired).unwrap_or(0);
        primary_tasks.sort_by_key(|(_, t)| running(t));
        for (index_key, _) in primary_tasks.into_iter().take(excess) {
            stopped.push((task_key(index_key), primary.id.clone()));
        }
        for (stopping, deployment) in &stopped {
            let reason = format!(
                "Scaling activity initiated by (deployment {})",
                deployment.as_deref().unwrap_or_default()
            );
            let code = TaskStopCode::ServiceSchedulerInitiated;
            if let Some(arn) = self.request_stop(stopping, code, &reason)? {
                platform.stop(&arn);
            }
        }
        // Tasks that fail their health checks are replaced.
        for (index_key, task) in tasks.iter().filter(|(_, t)| t.health == "UNHEALTHY") {
            let stopping = task_key(index_key);
            let reason = "Task failed container health checks";
            if self
                .request_stop(&stopping, TaskStopCode::ServiceSchedulerInitiated, reason)?
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
        let others_left = deployments.iter().skip(1).any(|d| live(d) > 0);
        if count(deployments[0].running_count) == desired
            && primary_live == desired
            && !others_left
            && stopped.is_empty()
        {
            deployments.truncate(1);
            if deployments[0].rollout_state == in_progress {
                let id = deployments[0].id.clone().unwrap_or_default();
                deployments[0].rollout_state = Some(DeploymentRolloutState::Completed);
                deployments[0].rollout_state_reason =
                    Some(format!("ECS deployment {id} completed."));
                deployments[0].updated_at = Some(now);
                record.event(now, format!("(service {name}) has reached a steady state."));
            }
            if record.status() == ServiceStatus::Draining {
                record.advance(ServiceStatus::Inactive);
            }
        }
        let running_all: i64 = deployments.iter().map(|d| count(d.running_count)).sum();
        let pending_all: i64 = deployments.iter().map(|d| count(d.pending_count)).sum();
        record.doc.running_count = count_of(running_all);
        record.doc.pending_count = count_of(pending_all);
        record.doc.deployments = Some(deployments);
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

/// The questions of a call on the services `names` of `cluster`: `ecs:<operation>` on each,
/// with `ecs:cluster` and the request's tags.
fn on_services(
    caller: &Caller<'_>,
    operation: &str,
    cluster: Option<&str>,
    names: &[String],
    tags: Option<&[neargate_model::ecs::Tag]>,
) -> Result<Access<'static>, AwsError> {
    let mut context: Vec<ConditionKey> = tags::request_keys(&tags::given(tags)?);
    context.push((
        "ecs:cluster".to_owned(),
        vec![cluster_arn(caller.scope(), cluster)],
    ));
    let cluster_name = short_name(cluster.unwrap_or("default"), "cluster");
    let questions = names
        .iter()
        .map(|n| {
            let resource = if n.starts_with("arn:") {
                n.clone()
            } else {
                caller.scope().arn(&format!("service/{cluster_name}/{n}"))
            };
            Question::plain(format!("ecs:{operation}"), resource).with_context(context.clone())
        })
        .collect();
    Ok(Access {
        questions,
        resources: Vec::new(),
    })
}

/// Declares a service operation: its access from the services it names, and its handler.
macro_rules! service_operations {
    ($($op:ident => $method:ident, |$input:ident| ($names:expr, $tags:expr)),* $(,)?) => {$(
        impl<'a> Handler<ops::$op, Caller<'a>> for Ecs {
            fn access(
                &self,
                caller: &Caller<'a>,
                $input: &<ops::$op as neargate_model::Op>::Input,
            ) -> Result<Access<'_>, AwsError> {
                let names: Vec<String> = $names;
                on_services(
                    caller,
                    stringify!($op),
                    $input.cluster.as_deref(),
                    &names,
                    $tags,
                )
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

service_operations! {
    CreateService => create_service,
        |input| (input.service_name.iter().cloned().collect(), input.tags.as_deref()),
    UpdateService => update_service, |input| (input.service.iter().cloned().collect(), None),
    DeleteService => delete_service, |input| (input.service.iter().cloned().collect(), None),
    DescribeServices => describe_services,
        |input| (input.services.clone().unwrap_or_default(), None),
}

impl<'a> Handler<ops::ListServices, Caller<'a>> for Ecs {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &ListServicesRequest,
    ) -> Result<Access<'_>, AwsError> {
        Ok(Access::one(Question::plain(
            "ecs:ListServices",
            cluster_arn(caller.scope(), input.cluster.as_deref()),
        )))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: ListServicesRequest,
    ) -> Result<ListServicesResponse, AwsError> {
        self.list_services(caller, input)
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
