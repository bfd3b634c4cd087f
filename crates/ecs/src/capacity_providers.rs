//! Capacity providers: the built-in `FARGATE` and `FARGATE_SPOT`, and Managed Instances
//! providers (`CreateCapacityProvider`, `DescribeCapacityProviders`, `UpdateCapacityProvider`,
//! `DeleteCapacityProvider`).
//!
//! A Managed Instances provider belongs to one cluster and is associated with it from the
//! start. Its instances are slices of this host served by its agent: each is a container
//! instance of the cluster with the provider's name, sized by the launch template's
//! `instanceRequirements` minimums (the whole host without them). They are made when a task
//! finds no room ([`crate::managed_instances`]), drained when they reach their lifetime, and
//! deregistered when idle for `scaleInAfter` seconds.

use neargate_common::AwsError;
use neargate_model::ecs::{
    AutoRepairConfiguration, CapacityOptionType, CapacityProvider, CapacityProviderField,
    CapacityProviderStatus, CapacityProviderType, CapacityProviderUpdateStatus,
    ContainerDefinition, CreateCapacityProviderRequest, CreateCapacityProviderResponse,
    DeleteCapacityProviderRequest, DeleteCapacityProviderResponse,
    DescribeCapacityProvidersRequest, DescribeCapacityProvidersResponse,
    InfrastructureOptimization, InstanceLaunchTemplate, InstanceLaunchTemplateUpdate,
    ManagedInstancesMonitoringOptions, ManagedInstancesProvider, PropagateMITags,
    UpdateCapacityProviderRequest, UpdateCapacityProviderResponse, VCpuCountRangeRequest, ops,
};
use neargate_model::{Access, ConditionKey, Handler, Question};
use neargate_store::Read as _;

use crate::errors::{client, invalid, server};
use crate::input::{choice, required};
use crate::names::{Scope, missing, short_name, typed_page, valid_name};
use crate::records::{
    BUILT_IN_PROVIDERS, CLUSTERS, ClusterRecord, PRIVILEGED_TAG, PROVIDERS, ProviderRecord,
};
use crate::roles::{ECS_SERVICE, pass_role};
use crate::tags;
use crate::task_definitions::added_capabilities;
use crate::{Caller, Ecs};
use neargate_model::ecs::Error as EcsError;

/// How a built-in provider is shown.
fn built_in(scope: Scope<'_>, name: &str) -> CapacityProvider {
    CapacityProvider {
        capacity_provider_arn: Some(scope.arn(&format!("capacity-provider/{name}"))),
        name: Some(name.to_owned()),
        status: Some(CapacityProviderStatus::Active),
        type_: Some(CapacityProviderType::from(name)),
        tags: Some(Vec::new()),
        ..CapacityProvider::default()
    }
}

/// Whether `arn` is an IAM ARN of `kind` (`role`, `instance-profile`) in some account.
fn iam_arn(arn: &str, kind: &str) -> bool {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    matches!(parts[..], ["arn", "aws", "iam", "", account, resource]
        if account.len() == 12
            && account.bytes().all(|b| b.is_ascii_digit())
            && resource
                .strip_prefix(kind)
                .and_then(|r| r.strip_prefix('/'))
                .is_some_and(|name| !name.is_empty()))
}

/// A `{min, max}` range whose `min` is required and at least `floor`.
fn check_range(range: Option<(Option<i32>, Option<i32>)>, label: &str) -> Result<(), AwsError> {
    let (min, max) = range.unwrap_or_default();
    let min =
        min.ok_or_else(|| invalid(format!("instanceRequirements.{label}.min must be given.")))?;
    if min < 1 {
        return Err(invalid(format!(
            "instanceRequirements.{label}.min must be at least 1."
        )));
    }
    if max.is_some_and(|max| max < min) {
        return Err(invalid(format!(
            "instanceRequirements.{label}.max must not be less than its min."
        )));
    }
    Ok(())
}

/// Checks an `instanceLaunchTemplate` (`creating`: the create form, whose profile and
/// network are required).
fn check_template(template: &InstanceLaunchTemplate, creating: bool) -> Result<(), AwsError> {
    match template.ec2_instance_profile_arn.as_deref() {
        Some(arn) if !iam_arn(arn, "instance-profile") => {
            return Err(invalid(format!(
                "ec2InstanceProfileArn {arn} is not the ARN of an IAM instance profile."
            )));
        }
        None if creating => {
            return Err(invalid(
                "instanceLaunchTemplate.ec2InstanceProfileArn can not be blank.",
            ));
        }
        _ => {}
    }
    match &template.network_configuration {
        Some(network) if network.subnets.as_ref().is_none_or(Vec::is_empty) => {
            return Err(invalid(
                "instanceLaunchTemplate.networkConfiguration.subnets can not be empty.",
            ));
        }
        None if creating => {
            return Err(invalid(
                "instanceLaunchTemplate.networkConfiguration can not be blank.",
            ));
        }
        _ => {}
    }
    if let Some(storage) = &template.storage_configuration
        && storage.storage_size_gib.is_none_or(|s| s < 1)
    {
        return Err(invalid(
            "storageConfiguration.storageSizeGiB must be at least 1.",
        ));
    }
    if let Some(requirements) = &template.instance_requirements {
        let cpu = requirements
            .v_cpu_count
            .as_ref()
            .map(|VCpuCountRangeRequest { min, max }| (*min, *max));
        check_range(cpu, "vCpuCount")?;
        let memory = requirements.memory_mib.as_ref().map(|m| (m.min, m.max));
        check_range(memory, "memoryMiB")?;
    }
    choice(
        template
            .capacity_option_type
            .as_ref()
            .map(CapacityOptionType::as_str),
        "capacityOptionType",
        CapacityOptionType::VALUES,
    )?;
    choice(
        template
            .monitoring
            .as_ref()
            .map(ManagedInstancesMonitoringOptions::as_str),
        "monitoring",
        ManagedInstancesMonitoringOptions::VALUES,
    )?;
    if template.capacity_option_type == Some(CapacityOptionType::Reserved)
        && template.capacity_reservations.is_none()
    {
        return Err(invalid(
            "capacityReservations must be given when capacityOptionType is RESERVED.",
        ));
    }
    Ok(())
}

/// The members a Managed Instances provider shares between create and update.
struct Settings<'a> {
    role: Option<&'a str>,
    propagate_tags: Option<&'a PropagateMITags>,
    optimization: Option<&'a InfrastructureOptimization>,
    repair: Option<&'a AutoRepairConfiguration>,
}

/// Checks the members a Managed Instances provider shares between create and update.
fn check_settings(settings: &Settings<'_>) -> Result<(), AwsError> {
    let role = settings.role.unwrap_or_default();
    if !iam_arn(role, "role") {
        return Err(invalid(format!(
            "infrastructureRoleArn '{role}' is not the ARN of an IAM role."
        )));
    }
    choice(
        settings.propagate_tags.map(PropagateMITags::as_str),
        "propagateTags",
        PropagateMITags::VALUES,
    )?;
    if let Some(after) = settings.optimization.and_then(|o| o.scale_in_after)
        && !(after == -1 || (0..=3600).contains(&after))
    {
        return Err(invalid(
            "infrastructureOptimization.scaleInAfter must be -1 or between 0 and 3600.",
        ));
    }
    if let Some(repair) = settings.repair {
        choice(
            repair
                .actions_status
                .as_ref()
                .map(neargate_model::ecs::AutoRepairActionsStatus::as_str),
            "actionsStatus",
            neargate_model::ecs::AutoRepairActionsStatus::VALUES,
        )?;
    }
    Ok(())
}

/// The `managedInstancesProvider` of `CreateCapacityProvider`, validated, with defaults.
fn read_managed(
    given: neargate_model::ecs::CreateManagedInstancesProviderConfiguration,
) -> Result<ManagedInstancesProvider, AwsError> {
    check_settings(&Settings {
        role: given.infrastructure_role_arn.as_deref(),
        propagate_tags: given.propagate_tags.as_ref(),
        optimization: given.infrastructure_optimization.as_ref(),
        repair: given.auto_repair_configuration.as_ref(),
    })?;
    let Some(mut template) = given.instance_launch_template else {
        return Err(invalid(
            "managedInstancesProvider.instanceLaunchTemplate can not be blank.",
        ));
    };
    check_template(&template, true)?;
    template
        .capacity_option_type
        .get_or_insert(CapacityOptionType::OnDemand);
    template
        .monitoring
        .get_or_insert(ManagedInstancesMonitoringOptions::Basic);
    Ok(ManagedInstancesProvider {
        auto_repair_configuration: given.auto_repair_configuration,
        infrastructure_optimization: given.infrastructure_optimization,
        infrastructure_role_arn: given.infrastructure_role_arn,
        instance_launch_template: Some(template),
        propagate_tags: Some(given.propagate_tags.unwrap_or(PropagateMITags::None)),
    })
}

/// The launch template an update gives, as a template (its capacity option and FIPS mode
/// cannot change).
fn template_of(update: InstanceLaunchTemplateUpdate) -> InstanceLaunchTemplate {
    InstanceLaunchTemplate {
        capacity_reservations: update.capacity_reservations,
        ec2_instance_profile_arn: update.ec2_instance_profile_arn,
        instance_metadata_tags_propagation: update.instance_metadata_tags_propagation,
        instance_requirements: update.instance_requirements,
        local_storage_configuration: update.local_storage_configuration,
        monitoring: update.monitoring,
        network_configuration: update.network_configuration,
        storage_configuration: update.storage_configuration,
        capacity_option_type: None,
        fips_enabled: None,
    }
}

/// An `UpdateCapacityProvider`'s provider, checked; its launch template as a template.
struct ProviderUpdate {
    settings: neargate_model::ecs::UpdateManagedInstancesProviderConfiguration,
    template: InstanceLaunchTemplate,
}

impl ProviderUpdate {
    /// `update`, checked as ECS checks it before looking the provider up.
    fn checked(
        mut update: neargate_model::ecs::UpdateManagedInstancesProviderConfiguration,
    ) -> Result<Self, AwsError> {
        check_settings(&Settings {
            role: update.infrastructure_role_arn.as_deref(),
            propagate_tags: update.propagate_tags.as_ref(),
            optimization: update.infrastructure_optimization.as_ref(),
            repair: update.auto_repair_configuration.as_ref(),
        })?;
        let Some(template) = update.instance_launch_template.take().map(template_of) else {
            return Err(invalid(
                "managedInstancesProvider.instanceLaunchTemplate can not be blank.",
            ));
        };
        check_template(&template, false)?;
        Ok(Self {
            settings: update,
            template,
        })
    }

    /// Sets each member it gives on `managed` (the launch template's member by member).
    fn apply(self, managed: &mut ManagedInstancesProvider) {
        let Self { settings, template } = self;
        let target = managed
            .instance_launch_template
            .get_or_insert_with(InstanceLaunchTemplate::default);
        given_members!(
            target,
            template,
            capacity_reservations,
            ec2_instance_profile_arn,
            instance_metadata_tags_propagation,
            instance_requirements,
            local_storage_configuration,
            monitoring,
            network_configuration,
            storage_configuration
        );
        given_members!(
            managed,
            settings,
            auto_repair_configuration,
            infrastructure_optimization,
            infrastructure_role_arn,
            propagate_tags
        );
    }
}

/// Whether `name` may name a new capacity provider.
fn valid_provider_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    valid_name(name)
        && !["aws", "ecs", "fargate"]
            .iter()
            .any(|p| lower.starts_with(p))
}

impl Ecs {
    /// The Managed Instances provider `text` (a name or ARN), in any status.
    pub(crate) fn provider(
        &self,
        scope: Scope<'_>,
        text: &str,
    ) -> Result<Option<ProviderRecord>, AwsError> {
        let name = short_name(text, "capacity-provider");
        self.db
            .read(|tx| tx.get(&PROVIDERS, scope.key(name).as_bytes()))
            .map_err(server)
    }

    fn create_capacity_provider(
        &self,
        caller: &Caller<'_>,
        input: CreateCapacityProviderRequest,
    ) -> Result<CreateCapacityProviderResponse, AwsError> {
        let scope = caller.scope();
        let name = required(input.name.as_deref(), "name")?;
        if !valid_provider_name(name) {
            return Err(invalid(
                "The capacity provider name can have up to 255 letters (uppercase and \
                 lowercase), numbers, underscores, and hyphens, and cannot start with \"aws\", \
                 \"ecs\" or \"fargate\".",
            ));
        }
        if input.auto_scaling_group_provider.is_some() {
            return Err(EcsError::UnsupportedFeatureException.with(
                "Auto Scaling group capacity providers are not available here: there are no \
                 EC2 Auto Scaling groups. Use a Managed Instances capacity provider \
                 (managedInstancesProvider).",
            ));
        }
        let Some(managed) = input.managed_instances_provider else {
            return Err(invalid(
                "A capacity provider needs managedInstancesProvider or autoScalingGroupProvider.",
            ));
        };
        let Some(cluster_name) = input.cluster.as_deref() else {
            return Err(invalid(
                "cluster must be given for a Managed Instances capacity provider.",
            ));
        };
        let cluster = self.cluster(scope, Some(cluster_name))?;
        let record = ProviderRecord {
            name: name.to_owned(),
            arn: scope.arn(&format!("capacity-provider/{name}")),
            cluster: cluster.name.clone(),
            status: CapacityProviderStatus::Active,
            update_status: CapacityProviderUpdateStatus::CreateComplete,
            managed: read_managed(managed)?,
            tags: tags::given(input.tags.as_deref())?,
        };
        let key = scope.key(name);
        let cluster_key = scope.key(&cluster.name);
        self.db
            .write(|tx| {
                if tx
                    .get(&PROVIDERS, key.as_bytes())?
                    .is_some_and(|p| p.status != CapacityProviderStatus::Inactive)
                {
                    return Ok(Err(client(format!(
                        "The specified capacity provider {name} already exists. To change \
                         the configuration of an existing capacity provider, update the \
                         capacity provider."
                    ))));
                }
                let Some(mut cluster) = tx
                    .get(&CLUSTERS, cluster_key.as_bytes())?
                    .filter(ClusterRecord::is_active)
                else {
                    return Ok(Err(crate::errors::cluster_not_found()));
                };
                cluster.capacity_providers.push(name.to_owned());
                tx.put(&CLUSTERS, cluster_key.as_bytes(), &cluster)?;
                tx.put(&PROVIDERS, key.as_bytes(), &record)?;
                Ok(Ok(()))
            })
            .map_err(server)??;
        Ok(CreateCapacityProviderResponse {
            capacity_provider: Some(record.shown(true)),
        })
    }

    fn describe_capacity_providers(
        &self,
        caller: &Caller<'_>,
        input: DescribeCapacityProvidersRequest,
    ) -> Result<DescribeCapacityProvidersResponse, AwsError> {
        let scope = caller.scope();
        let wanted = input.capacity_providers.unwrap_or_default();
        if wanted.len() > 100 {
            return Err(invalid(
                "capacityProviders cannot have more than 100 items.",
            ));
        }
        let with_tags = input
            .include
            .unwrap_or_default()
            .contains(&CapacityProviderField::Tags);
        let cluster = input
            .cluster
            .as_deref()
            .map(|c| self.cluster(scope, Some(c)))
            .transpose()?;
        let stored = self
            .db
            .read(|tx| tx.prefix(&PROVIDERS, scope.key("").as_bytes()))
            .map_err(server)?;
        let show = |name: &str| -> Option<CapacityProvider> {
            if BUILT_IN_PROVIDERS.contains(&name) {
                return Some(built_in(scope, name));
            }
            stored
                .iter()
                .map(|(_, p)| p)
                .find(|p| p.name == name)
                .map(|p| p.shown(with_tags))
        };
        let in_cluster = |name: &str| {
            cluster
                .as_ref()
                .is_none_or(|c| c.capacity_providers.iter().any(|p| p == name))
        };
        let mut shown = Vec::new();
        let mut failures = Vec::new();
        if wanted.is_empty() {
            let names = BUILT_IN_PROVIDERS.iter().map(|n| (*n).to_owned()).chain(
                stored
                    .iter()
                    .filter(|(_, p)| p.status != CapacityProviderStatus::Inactive)
                    .map(|(_, p)| p.name.clone()),
            );
            shown.extend(names.filter(|n| in_cluster(n)).filter_map(|n| show(&n)));
        } else {
            for text in wanted {
                let name = short_name(&text, "capacity-provider");
                match show(name).filter(|_| in_cluster(name)) {
                    Some(provider) => shown.push(provider),
                    None => failures.push(missing(text)),
                }
            }
        }
        let limit = match input.max_results {
            None => usize::MAX,
            Some(n @ 1..=10) => usize::try_from(n).unwrap_or(10),
            Some(_) => return Err(invalid("maxResults must be between 1 and 10.")),
        };
        let named = shown
            .into_iter()
            .map(|p| (p.name.clone().unwrap_or_default().into_bytes(), p))
            .collect();
        let (capacity_providers, next_token) =
            typed_page(named, input.next_token.as_deref(), limit)?;
        Ok(DescribeCapacityProvidersResponse {
            capacity_providers: Some(capacity_providers),
            failures: Some(failures),
            next_token,
        })
    }

    fn update_capacity_provider(
        &self,
        caller: &Caller<'_>,
        input: UpdateCapacityProviderRequest,
    ) -> Result<UpdateCapacityProviderResponse, AwsError> {
        let scope = caller.scope();
        let name = short_name(
            required(input.name.as_deref(), "name")?,
            "capacity-provider",
        );
        if BUILT_IN_PROVIDERS.contains(&name) {
            return Err(invalid(format!(
                "The {name} capacity provider is reserved and cannot be updated."
            )));
        }
        if input.auto_scaling_group_provider.is_some() {
            return Err(invalid(format!(
                "{name} is a Managed Instances capacity provider: update its \
                 managedInstancesProvider."
            )));
        }
        let Some(update) = input.managed_instances_provider else {
            return Err(invalid("managedInstancesProvider can not be blank."));
        };
        let update = ProviderUpdate::checked(update)?;
        let cluster = input.cluster.as_deref();
        let key = scope.key(name);
        let record = self
            .db
            .write(|tx| {
                let Some(mut record) = tx
                    .get(&PROVIDERS, key.as_bytes())?
                    .filter(ProviderRecord::is_active)
                else {
                    return Ok(Err(not_found(name)));
                };
                if cluster.is_some_and(|c| short_name(c, "cluster") != record.cluster) {
                    return Ok(Err(not_found(name)));
                }
                update.apply(&mut record.managed);
                record.update_status = CapacityProviderUpdateStatus::UpdateComplete;
                tx.put(&PROVIDERS, key.as_bytes(), &record)?;
                Ok(Ok(record))
            })
            .map_err(server)??;
        Ok(UpdateCapacityProviderResponse {
            capacity_provider: Some(record.shown(false)),
        })
    }

    fn delete_capacity_provider(
        &self,
        caller: &Caller<'_>,
        input: DeleteCapacityProviderRequest,
    ) -> Result<DeleteCapacityProviderResponse, AwsError> {
        let scope = caller.scope();
        let name = short_name(
            required(input.capacity_provider.as_deref(), "capacityProvider")?,
            "capacity-provider",
        );
        if BUILT_IN_PROVIDERS.contains(&name) {
            return Err(invalid(format!(
                "The {name} capacity provider is reserved and cannot be deleted. Remove it \
                 from a cluster with PutClusterCapacityProviders."
            )));
        }
        let record = self
            .provider(scope, name)?
            .filter(ProviderRecord::is_active)
            .ok_or_else(|| not_found(name))?;
        if let Some(cluster) = input.cluster.as_deref()
            && short_name(cluster, "cluster") != record.cluster
        {
            return Err(not_found(name));
        }
        if let Some(service) = self.service_using(scope, &record.cluster, name)? {
            return Err(invalid(format!(
                "The capacity provider {name} is in the capacity provider strategy of service \
                 {service}. Update the service to use another capacity provider first."
            )));
        }
        let key = scope.key(name);
        let cluster_key = scope.key(&record.cluster);
        let record = self
            .db
            .write(|tx| {
                let Some(mut record) = tx.get(&PROVIDERS, key.as_bytes())? else {
                    return Ok(None);
                };
                record.status = CapacityProviderStatus::Deprovisioning;
                record.update_status = CapacityProviderUpdateStatus::DeleteInProgress;
                tx.put(&PROVIDERS, key.as_bytes(), &record)?;
                if let Some(mut cluster) = tx.get(&CLUSTERS, cluster_key.as_bytes())? {
                    cluster.capacity_providers.retain(|p| p != name);
                    cluster
                        .default_strategy
                        .retain(|s| s.capacity_provider.as_deref() != Some(name));
                    tx.put(&CLUSTERS, cluster_key.as_bytes(), &cluster)?;
                }
                Ok(Some(record))
            })
            .map_err(server)?
            .ok_or_else(|| not_found(name))?;
        Ok(DeleteCapacityProviderResponse {
            capacity_provider: Some(record.shown(false)),
        })
    }

    /// The active Managed Instances providers of `cluster`.
    pub(crate) fn cluster_providers(
        &self,
        scope: Scope<'_>,
        cluster: &str,
    ) -> Result<Vec<ProviderRecord>, AwsError> {
        Ok(self
            .db
            .read(|tx| tx.prefix(&PROVIDERS, scope.key("").as_bytes()))
            .map_err(server)?
            .into_iter()
            .map(|(_, p)| p)
            .filter(|p| p.cluster == cluster && p.is_active())
            .collect())
    }
}

/// The error for a Managed Instances provider that does not exist.
fn not_found(name: &str) -> AwsError {
    invalid(format!(
        "The specified capacity provider {name} does not exist. Specify a valid capacity \
         provider and try again."
    ))
}

/// `ecs:<operation>` on the capacity provider `name`, with the request's tags; and, when the
/// request hands ECS an infrastructure role, `iam:PassRole` on it (as on AWS).
fn on_provider(
    caller: &Caller<'_>,
    operation: &str,
    name: Option<&str>,
    context: Vec<ConditionKey>,
    role: Option<&str>,
) -> Access<'static> {
    let name = short_name(name.unwrap_or("*"), "capacity-provider");
    let mut questions = vec![
        Question::plain(
            format!("ecs:{operation}"),
            caller.scope().arn(&format!("capacity-provider/{name}")),
        )
        .with_context(context),
    ];
    if let Some(role) = role {
        questions.push(pass_role(role, ECS_SERVICE));
    }
    Access {
        questions,
        resources: Vec::new(),
    }
}

impl<'a> Handler<ops::CreateCapacityProvider, Caller<'a>> for Ecs {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &CreateCapacityProviderRequest,
    ) -> Result<Access<'_>, AwsError> {
        let context = tags::request_keys(&tags::given(input.tags.as_deref())?);
        let role = input
            .managed_instances_provider
            .as_ref()
            .and_then(|m| m.infrastructure_role_arn.as_deref());
        Ok(on_provider(
            caller,
            "CreateCapacityProvider",
            input.name.as_deref(),
            context,
            role,
        ))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: CreateCapacityProviderRequest,
    ) -> Result<CreateCapacityProviderResponse, AwsError> {
        self.create_capacity_provider(caller, input)
    }
}

impl<'a> Handler<ops::UpdateCapacityProvider, Caller<'a>> for Ecs {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &UpdateCapacityProviderRequest,
    ) -> Result<Access<'_>, AwsError> {
        let role = input
            .managed_instances_provider
            .as_ref()
            .and_then(|m| m.infrastructure_role_arn.as_deref());
        Ok(on_provider(
            caller,
            "UpdateCapacityProvider",
            input.name.as_deref(),
            Vec::new(),
            role,
        ))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: UpdateCapacityProviderRequest,
    ) -> Result<UpdateCapacityProviderResponse, AwsError> {
        self.update_capacity_provider(caller, input)
    }
}

impl<'a> Handler<ops::DeleteCapacityProvider, Caller<'a>> for Ecs {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &DeleteCapacityProviderRequest,
    ) -> Result<Access<'_>, AwsError> {
        Ok(on_provider(
            caller,
            "DeleteCapacityProvider",
            input.capacity_provider.as_deref(),
            Vec::new(),
            None,
        ))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: DeleteCapacityProviderRequest,
    ) -> Result<DeleteCapacityProviderResponse, AwsError> {
        self.delete_capacity_provider(caller, input)
    }
}

impl<'a> Handler<ops::DescribeCapacityProviders, Caller<'a>> for Ecs {
    fn access(
        &self,
        _: &Caller<'a>,
        _: &DescribeCapacityProvidersRequest,
    ) -> Result<Access<'_>, AwsError> {
        Ok(Access::one(Question::plain(
            "ecs:DescribeCapacityProviders",
            "*",
        )))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: DescribeCapacityProvidersRequest,
    ) -> Result<DescribeCapacityProvidersResponse, AwsError> {
        self.describe_capacity_providers(caller, input)
    }
}

/// Whether a container of `definition` needs a provider's privileged opt-in: `privileged`,
/// or an added capability beyond Docker's defaults and `SYS_PTRACE`; the first such, named.
pub(crate) fn privileged_need(containers: &[ContainerDefinition]) -> Option<String> {
    const ALLOWED: &[&str] = &[
        "AUDIT_WRITE",
        "CHOWN",
        "DAC_OVERRIDE",
        "FOWNER",
        "FSETID",
        "KILL",
        "MKNOD",
        "NET_BIND_SERVICE",
        "NET_RAW",
        "SETFCAP",
        "SETGID",
        "SETPCAP",
        "SETUID",
        "SYS_CHROOT",
        "SYS_PTRACE",
    ];
    containers.iter().find_map(|c| {
        let name = c.name.as_deref().unwrap_or_default();
        if c.privileged == Some(true) {
            return Some(format!("container {name} is privileged"));
        }
        added_capabilities(c)
            .iter()
            .find(|cap| !ALLOWED.contains(&cap.trim_start_matches("CAP_")))
            .map(|cap| format!("container {name} adds {cap}"))
    })
}

/// Checks that a task of `containers` (running on `architecture`) may run on `provider`.
pub(crate) fn check_task_fits(
    provider: &ProviderRecord,
    containers: &[ContainerDefinition],
    architecture: Option<&str>,
) -> Result<(), AwsError> {
    if !provider.allows_privileged()
        && let Some(what) = privileged_need(containers)
    {
        return Err(invalid(format!(
            "The capacity provider {} does not allow privileged Linux capabilities ({what}). \
             Tag the capacity provider with {PRIVILEGED_TAG}=enabled to allow them.",
            provider.name
        )));
    }
    if provider.fips() && architecture.is_some_and(|a| a != "X86_64") {
        return Err(invalid(format!(
            "The capacity provider {} runs FIPS-enabled instances, which require the \
             X86_64 CPU architecture.",
            provider.name
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::tags::Tag;

    /// A valid `managedInstancesProvider`.
    fn sample() -> Value {
        json!({
            "infrastructureRoleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole",
            "instanceLaunchTemplate": {
                "ec2InstanceProfileArn": "arn:aws:iam::123456789012:instance-profile/ecsInstance",
                "networkConfiguration": {"subnets": ["subnet-1"]},
            },
        })
    }

    fn record(managed: Value, tags: Vec<Tag>) -> ProviderRecord {
        ProviderRecord {
            name: "mi".into(),
            arn: "arn".into(),
            cluster: "c".into(),
            status: CapacityProviderStatus::Active,
            update_status: CapacityProviderUpdateStatus::CreateComplete,
            managed: serde_json::from_value(managed).unwrap(),
            tags,
        }
    }

    /// The shared settings of the provider `managed`, checked.
    fn check(managed: &Value) -> Result<(), AwsError> {
        let managed: ManagedInstancesProvider = serde_json::from_value(managed.clone()).unwrap();
        check_settings(&Settings {
            role: managed.infrastructure_role_arn.as_deref(),
            propagate_tags: managed.propagate_tags.as_ref(),
            optimization: managed.infrastructure_optimization.as_ref(),
            repair: managed.auto_repair_configuration.as_ref(),
        })
    }

    fn template(value: &Value) -> InstanceLaunchTemplate {
        serde_json::from_value(value.clone()).unwrap()
    }

    #[test]
    fn names_follow_the_reserved_prefixes_rule() {
        assert!(valid_provider_name("mi-provider_1"));
        assert!(!valid_provider_name("ecs-mine"));
        assert!(!valid_provider_name("AWSmine"));
        assert!(!valid_provider_name("Fargate2"));
        assert!(!valid_provider_name("has space"));
    }

    #[test]
    fn iam_arns_are_checked_by_kind() {
        assert!(iam_arn("arn:aws:iam::123456789012:role/r", "role"));
        assert!(iam_arn("arn:aws:iam::123456789012:role/path/r", "role"));
        assert!(!iam_arn("arn:aws:iam::123456789012:user/r", "role"));
        assert!(!iam_arn("arn:aws:iam::1234:role/r", "role"));
        assert!(!iam_arn("arn:aws:iam::123456789012:role/", "role"));
        assert!(iam_arn(
            "arn:aws:iam::123456789012:instance-profile/p",
            "instance-profile"
        ));
    }

    #[test]
    fn settings_are_validated() {
        assert!(check(&sample()).is_ok());
        let mut bad_role = sample();
        bad_role["infrastructureRoleArn"] = json!("role");
        assert!(check(&bad_role).is_err());
        let mut bad_tags = sample();
        bad_tags["propagateTags"] = json!("ALL");
        assert!(check(&bad_tags).is_err());
        for (after, ok) in [
            (-1, true),
            (0, true),
            (3600, true),
            (3601, false),
            (-2, false),
        ] {
            let mut managed = sample();
            managed["infrastructureOptimization"] = json!({"scaleInAfter": after});
            assert_eq!(check(&managed).is_ok(), ok, "{after}");
        }
        let given = &sample()["instanceLaunchTemplate"];
        assert!(check_template(&template(given), true).is_ok());
        assert!(check_template(&template(&json!({})), true).is_err());
        assert!(check_template(&template(&json!({})), false).is_ok());
        let mut small = given.clone();
        small["instanceRequirements"] =
            json!({"vCpuCount": {"min": 2, "max": 1}, "memoryMiB": {"min": 1024}});
        assert!(check_template(&template(&small), true).is_err());
        let mut reserved = given.clone();
        reserved["capacityOptionType"] = json!("RESERVED");
        assert!(check_template(&template(&reserved), true).is_err());
        let mut unknown = given.clone();
        unknown["monitoring"] = json!("CONSTANT");
        assert!(check_template(&template(&unknown), true).is_err());
    }

    #[test]
    fn privileged_capabilities_need_the_opt_in() {
        let containers = |value: Value| -> Vec<ContainerDefinition> {
            vec![serde_json::from_value(value).unwrap()]
        };
        let plain = containers(
            json!({"name": "a", "linuxParameters": {"capabilities": {"add": ["SYS_PTRACE", "CAP_CHOWN"]}}}),
        );
        let admin = containers(
            json!({"name": "a", "linuxParameters": {"capabilities": {"add": ["NET_ADMIN"]}}}),
        );
        let privileged = containers(json!({"name": "a", "privileged": true}));
        let closed = record(sample(), vec![]);
        let open = record(
            sample(),
            vec![Tag {
                key: PRIVILEGED_TAG.into(),
                value: "enabled".into(),
            }],
        );
        assert!(check_task_fits(&closed, &plain, None).is_ok());
        assert!(check_task_fits(&closed, &admin, None).is_err());
        assert!(check_task_fits(&closed, &privileged, None).is_err());
        assert!(check_task_fits(&open, &admin, None).is_ok());
        assert!(check_task_fits(&open, &privileged, None).is_ok());
    }

    #[test]
    fn fips_instances_need_x86() {
        let mut managed = sample();
        managed["instanceLaunchTemplate"]["fipsEnabled"] = json!(true);
        let fips = record(managed, vec![]);
        assert!(check_task_fits(&fips, &[], Some("ARM64")).is_err());
        assert!(check_task_fits(&fips, &[], Some("X86_64")).is_ok());
        assert!(check_task_fits(&fips, &[], None).is_ok());
    }

    #[test]
    fn updates_merge_member_by_member() {
        let mut managed = record(sample(), vec![]).managed;
        let update = serde_json::from_value(json!({
            "infrastructureRoleArn": "arn:aws:iam::123456789012:role/other",
            "instanceLaunchTemplate": {"monitoring": "DETAILED"},
            "propagateTags": "CAPACITY_PROVIDER",
        }))
        .unwrap();
        ProviderUpdate::checked(update).unwrap().apply(&mut managed);
        let template = managed.instance_launch_template.unwrap();
        assert_eq!(
            template.monitoring,
            Some(ManagedInstancesMonitoringOptions::Detailed)
        );
        assert_eq!(
            template.network_configuration.unwrap().subnets.unwrap(),
            ["subnet-1"]
        );
        assert_eq!(
            managed.infrastructure_role_arn.as_deref(),
            Some("arn:aws:iam::123456789012:role/other")
        );
        assert_eq!(
            managed.propagate_tags,
            Some(PropagateMITags::CapacityProvider)
        );
    }

    #[test]
    fn updates_without_a_template_are_refused() {
        let update = serde_json::from_value(json!({
            "infrastructureRoleArn": "arn:aws:iam::123456789012:role/other",
        }))
        .unwrap();
        assert!(ProviderUpdate::checked(update).is_err());
    }
}
