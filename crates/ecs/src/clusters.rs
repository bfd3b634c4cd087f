//! Clusters: `CreateCluster`, `DescribeClusters`, `ListClusters`, `UpdateCluster`,
//! `UpdateClusterSettings`, `PutClusterCapacityProviders`, `DeleteCluster`.

use std::sync::Arc;

use neargate_common::AwsError;
use neargate_model::ecs::{
    Cluster, ClusterConfiguration, ClusterField, ClusterServiceConnectDefaults, ClusterSetting,
    ClusterSettingName, CreateClusterRequest, CreateClusterResponse, DeleteClusterRequest,
    DeleteClusterResponse, DescribeClustersRequest, DescribeClustersResponse, KeyValuePair,
    ListClustersRequest, ListClustersResponse, PutClusterCapacityProvidersRequest,
    PutClusterCapacityProvidersResponse, UpdateClusterRequest, UpdateClusterResponse,
    UpdateClusterSettingsRequest, UpdateClusterSettingsResponse, ops,
};
use neargate_model::kms::{DescribeKeyRequest, KeySpec, KeyUsageType};
use neargate_model::{Access, ConditionKey, Handler, Question};
use neargate_store::Read as _;

use crate::errors::{client, cluster_not_found, invalid, server};
use crate::input::required;
use crate::names::{Scope, cluster_arn, limit, missing, short_name, typed_page, valid_name};
use crate::records::{BUILT_IN_PROVIDERS, CLUSTERS, ClusterRecord, ClusterStatus};
use crate::tags;
use crate::task_index::scan;
use crate::{Caller, Ecs};
use neargate_model::ecs::Error as EcsError;

/// How many tasks of a cluster are running and pending, in all, on `EC2` and on Fargate.
struct Counts {
    running: usize,
    pending: usize,
    running_ec2: usize,
    pending_ec2: usize,
    running_fargate: usize,
    pending_fargate: usize,
}

impl Ecs {
    /// The active cluster `text` (a name or ARN; `default` when absent).
    pub(crate) fn cluster(
        &self,
        scope: Scope<'_>,
        text: Option<&str>,
    ) -> Result<Arc<ClusterRecord>, AwsError> {
        let name = short_name(text.unwrap_or("default"), "cluster");
        let key = scope.key(name);
        self.db
            .cached(&self.clusters, key.as_bytes(), |tx| {
                tx.get(&CLUSTERS, key.as_bytes())
            })
            .map_err(server)?
            .filter(|c| c.is_active())
            .ok_or_else(cluster_not_found)
    }

    fn counts(&self, scope: Scope<'_>, name: &str) -> Result<Counts, AwsError> {
        let prefix = scope.key(&format!("{name}/RUNNING/"));
        let live = self
            .db
            .read(|tx| scan(tx, prefix.as_bytes(), None, usize::MAX, |_| true))
            .map_err(server)?;
        let count = |launch_type: Option<&str>, running: bool| {
            live.iter()
                .filter(|(_, t)| {
                    launch_type.is_none_or(|l| t.launch_type == l) && t.running() == running
                })
                .count()
        };
        Ok(Counts {
            running: count(None, true),
            pending: count(None, false),
            running_ec2: count(Some("EC2"), true),
            pending_ec2: count(Some("EC2"), false),
            running_fargate: count(Some("FARGATE"), true),
            pending_fargate: count(Some("FARGATE"), false),
        })
    }

    /// The cluster as ECS shows it: statistics, tags, settings, configuration and attachments
    /// only where `include` asks for them.
    fn show_cluster(
        &self,
        scope: Scope<'_>,
        cluster: &ClusterRecord,
        include: &[ClusterField],
    ) -> Result<Cluster, AwsError> {
        let counts = self.counts(scope, &cluster.name)?;
        let included = |part: ClusterField| include.contains(&part);
        let count = |n: usize| i32::try_from(n).ok();
        let statistic = |name: &str, value: usize| KeyValuePair {
            name: Some(name.to_owned()),
            value: Some(value.to_string()),
        };
        Ok(Cluster {
            cluster_arn: Some(cluster.arn.clone()),
            cluster_name: Some(cluster.name.clone()),
            status: Some(
                if cluster.is_active() {
                    "ACTIVE"
                } else {
                    "INACTIVE"
                }
                .to_owned(),
            ),
            registered_container_instances_count: count(
                self.registered_instances(scope, &cluster.name)?,
            ),
            running_tasks_count: count(counts.running),
            pending_tasks_count: count(counts.pending),
            active_services_count: count(self.live_services(scope, &cluster.name)?),
            capacity_providers: Some(cluster.capacity_providers.clone()),
            default_capacity_provider_strategy: Some(cluster.default_strategy.clone()),
            configuration: cluster
                .configuration
                .clone()
                .filter(|_| included(ClusterField::Configurations)),
            settings: included(ClusterField::Settings).then(|| cluster.settings.clone()),
            tags: included(ClusterField::Tags).then(|| tags::typed(&cluster.tags)),
            statistics: included(ClusterField::Statistics).then(|| {
                vec![
                    statistic("runningFargateTasksCount", counts.running_fargate),
                    statistic("pendingFargateTasksCount", counts.pending_fargate),
                    statistic("runningEC2TasksCount", counts.running_ec2),
                    statistic("pendingEC2TasksCount", counts.pending_ec2),
                    statistic("activeFargateServiceCount", 0),
                    statistic("drainingFargateServiceCount", 0),
                ]
            }),
            attachments: included(ClusterField::Attachments).then(Vec::new),
            service_connect_defaults: cluster.service_connect.as_ref().map(|d| {
                ClusterServiceConnectDefaults {
                    namespace: d.namespace.clone(),
                }
            }),
            attachments_status: None,
        })
    }

    /// Checks a cluster `configuration`: the key of Fargate ephemeral storage or of managed
    /// storage must be a key ID or key ARN (not an alias) of a symmetric, single-Region key the
    /// caller may describe.
    fn check_configuration(
        caller: &Caller<'_>,
        configuration: &ClusterConfiguration,
    ) -> Result<(), AwsError> {
        let Some(storage) = &configuration.managed_storage_configuration else {
            return Ok(());
        };
        for (member, key) in [
            (
                "fargateEphemeralStorageKmsKeyId",
                &storage.fargate_ephemeral_storage_kms_key_id,
            ),
            ("kmsKeyId", &storage.kms_key_id),
        ] {
            let Some(key) = key else {
                continue;
            };
            if key.starts_with("alias/") || key.contains(":alias/") {
                return Err(invalid(format!(
                    "Invalid KMS key identifier for {member}: aliases are not supported; \
                     specify a key ID or key ARN."
                )));
            }
            let input = DescribeKeyRequest {
                key_id: key.clone(),
                grant_tokens: None,
            };
            let described = caller.platform.describe_key(input).map_err(|e| {
                if e.code == "AccessDeniedException" {
                    e
                } else {
                    invalid(format!(
                        "The KMS key {key} given for {member} could not be used: {}: {}",
                        e.code, e.message
                    ))
                }
            })?;
            let metadata = described.key_metadata.unwrap_or_default();
            if metadata.key_spec != Some(KeySpec::SymmetricDefault)
                || metadata.key_usage != Some(KeyUsageType::EncryptDecrypt)
            {
                return Err(invalid(format!(
                    "The KMS key {key} given for {member} must be a symmetric encryption key."
                )));
            }
            if metadata.multi_region == Some(true) {
                return Err(invalid(format!(
                    "The KMS key {key} given for {member} is a multi-Region key; only \
                     single-Region keys are supported."
                )));
            }
        }
        Ok(())
    }

    fn create_cluster(
        &self,
        caller: &Caller<'_>,
        input: CreateClusterRequest,
    ) -> Result<CreateClusterResponse, AwsError> {
        let scope = caller.scope();
        let name = input.cluster_name.as_deref().unwrap_or("default");
        if !valid_name(name) {
            return Err(invalid(
                "Cluster name can have up to 255 letters (uppercase and lowercase), numbers, \
                 hyphens, and underscores.",
            ));
        }
        let tags = tags::given(input.tags.as_deref())?;
        if let Some(configuration) = &input.configuration {
            Self::check_configuration(caller, configuration)?;
        }
        let settings = settings(input.settings)?;
        let capacity_providers = providers(input.capacity_providers, &[])?;
        let key = scope.key(name);
        let record = ClusterRecord {
            name: name.to_owned(),
            arn: scope.arn(&format!("cluster/{name}")),
            status: ClusterStatus::Active,
            configuration: input.configuration,
            settings: if settings.is_empty() {
                vec![ClusterSetting {
                    name: Some(ClusterSettingName::ContainerInsights),
                    value: Some("disabled".to_owned()),
                }]
            } else {
                settings
            },
            tags,
            capacity_providers,
            default_strategy: input.default_capacity_provider_strategy.unwrap_or_default(),
            service_connect: input.service_connect_defaults,
        };
        let cluster = self
            .db
            .write(|tx| {
                // Creating an active cluster again returns it unchanged, as ECS does.
                if let Some(existing) = tx.get(&CLUSTERS, key.as_bytes())?
                    && existing.is_active()
                {
                    return Ok(existing);
                }
                tx.put(&CLUSTERS, key.as_bytes(), &record)?;
                Ok(record)
            })
            .map_err(server)?;
        Ok(CreateClusterResponse {
            cluster: Some(self.show_cluster(scope, &cluster, &ALL)?),
        })
    }

    fn describe_clusters(
        &self,
        caller: &Caller<'_>,
        input: DescribeClustersRequest,
    ) -> Result<DescribeClustersResponse, AwsError> {
        let scope = caller.scope();
        let mut wanted = input.clusters.unwrap_or_default();
        if wanted.is_empty() {
            wanted.push("default".into());
        }
        if wanted.len() > 100 {
            return Err(invalid("clusters can have at most 100 items."));
        }
        let include = input.include.unwrap_or_default();
        let mut clusters = Vec::new();
        let mut failures = Vec::new();
        for text in &wanted {
            let name = short_name(text, "cluster");
            let found = self
                .db
                .read(|tx| tx.get(&CLUSTERS, scope.key(name).as_bytes()))
                .map_err(server)?;
            match found {
                Some(cluster) => clusters.push(self.show_cluster(scope, &cluster, &include)?),
                None => failures.push(missing(scope.arn(&format!("cluster/{name}")))),
            }
        }
        Ok(DescribeClustersResponse {
            clusters: Some(clusters),
            failures: Some(failures),
        })
    }

    fn list_clusters(
        &self,
        caller: &Caller<'_>,
        input: ListClustersRequest,
    ) -> Result<ListClustersResponse, AwsError> {
        let scope = caller.scope();
        let limit = limit(input.max_results)?;
        let prefix = scope.key("");
        let end = neargate_store::prefix_end(prefix.as_bytes());
        let all = self
            .db
            .read(|tx| tx.range(&CLUSTERS, prefix.as_bytes(), &end, false, usize::MAX))
            .map_err(server)?;
        let active: Vec<(Vec<u8>, String)> = all
            .into_iter()
            .filter(|(_, c)| c.is_active())
            .map(|(key, c)| (key, c.arn))
            .collect();
        let (arns, next_token) = typed_page(active, input.next_token.as_deref(), limit)?;
        Ok(ListClustersResponse {
            cluster_arns: Some(arns),
            next_token,
        })
    }

    /// Changes the active cluster named by `cluster` with `change`, and shows it.
    fn change_cluster(
        &self,
        caller: &Caller<'_>,
        cluster: Option<&str>,
        change: impl FnOnce(&mut ClusterRecord) -> Result<(), AwsError>,
    ) -> Result<Cluster, AwsError> {
        let scope = caller.scope();
        let named = required(cluster, "cluster")?;
        let mut cluster = Arc::unwrap_or_clone(self.cluster(scope, Some(named))?);
        change(&mut cluster)?;
        let key = scope.key(&cluster.name);
        self.db
            .write(|tx| tx.put(&CLUSTERS, key.as_bytes(), &cluster))
            .map_err(server)?;
        self.show_cluster(scope, &cluster, &ALL)
    }

    fn update_cluster(
        &self,
        caller: &Caller<'_>,
        input: UpdateClusterRequest,
    ) -> Result<UpdateClusterResponse, AwsError> {
        if let Some(configuration) = &input.configuration {
            Self::check_configuration(caller, configuration)?;
        }
        let settings = settings(input.settings)?;
        let service_connect = input.service_connect_defaults;
        let configuration = input.configuration;
        let cluster = self.change_cluster(caller, input.cluster.as_deref(), |cluster| {
            if let Some(configuration) = configuration {
                let merged = cluster.configuration.get_or_insert_with(Default::default);
                if configuration.execute_command_configuration.is_some() {
                    merged.execute_command_configuration =
                        configuration.execute_command_configuration;
                }
                if configuration.managed_storage_configuration.is_some() {
                    merged.managed_storage_configuration =
                        configuration.managed_storage_configuration;
                }
            }
            merge_settings(&mut cluster.settings, settings);
            if service_connect.is_some() {
                cluster.service_connect = service_connect;
            }
            Ok(())
        })?;
        Ok(UpdateClusterResponse {
            cluster: Some(cluster),
        })
    }

    fn update_cluster_settings(
        &self,
        caller: &Caller<'_>,
        input: UpdateClusterSettingsRequest,
    ) -> Result<UpdateClusterSettingsResponse, AwsError> {
        let settings = settings(input.settings)?;
        if settings.is_empty() {
            return Err(invalid("settings can not be empty."));
        }
        let cluster = self.change_cluster(caller, input.cluster.as_deref(), |cluster| {
            merge_settings(&mut cluster.settings, settings);
            Ok(())
        })?;
        Ok(UpdateClusterSettingsResponse {
            cluster: Some(cluster),
        })
    }

    fn put_cluster_capacity_providers(
        &self,
        caller: &Caller<'_>,
        input: PutClusterCapacityProvidersRequest,
    ) -> Result<PutClusterCapacityProvidersResponse, AwsError> {
        let named = required(input.cluster.as_deref(), "cluster")?;
        let cluster = short_name(named, "cluster");
        // Managed Instances providers stay with their cluster whatever the list says.
        let managed: Vec<String> = self
            .cluster_providers(caller.scope(), cluster)?
            .into_iter()
            .map(|p| p.name)
            .collect();
        let mut providers = providers(input.capacity_providers, &managed)?;
        for name in managed {
            if !providers.contains(&name) {
                providers.push(name);
            }
        }
        let strategy = input.default_capacity_provider_strategy.unwrap_or_default();
        for item in &strategy {
            let name = item.capacity_provider.as_deref().unwrap_or_default();
            if !providers.iter().any(|p| p == name) {
                return Err(invalid(format!(
                    "The specified capacity provider strategy cannot contain a capacity provider \
                     that is not associated with the cluster. Associate the capacity provider \
                     with the cluster or specify a valid capacity provider and try again. \
                     Capacity provider: {name}"
                )));
            }
        }
        let cluster = self.change_cluster(caller, Some(named), |cluster| {
            cluster.capacity_providers = providers;
            cluster.default_strategy = strategy;
            Ok(())
        })?;
        Ok(PutClusterCapacityProvidersResponse {
            cluster: Some(cluster),
        })
    }

    fn delete_cluster(
        &self,
        caller: &Caller<'_>,
        input: DeleteClusterRequest,
    ) -> Result<DeleteClusterResponse, AwsError> {
        let scope = caller.scope();
        let named = required(input.cluster.as_deref(), "cluster")?;
        let mut cluster = Arc::unwrap_or_clone(self.cluster(scope, Some(named))?);
        if self.live_services(scope, &cluster.name)? > 0 {
            return Err(EcsError::ClusterContainsServicesException
                .with("The Cluster cannot be deleted while Services are active."));
        }
        if !self.cluster_providers(scope, &cluster.name)?.is_empty() {
            return Err(EcsError::ClusterContainsCapacityProviderException.with(
                "The Cluster cannot be deleted while it has Managed Instances capacity \
                 providers. Delete them with DeleteCapacityProvider first.",
            ));
        }
        if self.registered_instances(scope, &cluster.name)? > 0 {
            return Err(crate::container_instances::cluster_has_instances());
        }
        let counts = self.counts(scope, &cluster.name)?;
        if counts.running + counts.pending > 0 {
            return Err(EcsError::ClusterContainsTasksException
                .with("The Cluster cannot be deleted while Tasks are active."));
        }
        cluster.status = ClusterStatus::Inactive;
        let key = scope.key(&cluster.name);
        self.db
            .write(|tx| tx.put(&CLUSTERS, key.as_bytes(), &cluster))
            .map_err(server)?;
        Ok(DeleteClusterResponse {
            cluster: Some(self.show_cluster(scope, &cluster, &ALL)?),
        })
    }
}

/// What the calls that change a cluster show of it.
const ALL: [ClusterField; 3] = [
    ClusterField::Configurations,
    ClusterField::Settings,
    ClusterField::Tags,
];

/// `settings`: `containerInsights` set to `enabled`, `disabled` or `enhanced`.
fn settings(list: Option<Vec<ClusterSetting>>) -> Result<Vec<ClusterSetting>, AwsError> {
    let list = list.unwrap_or_default();
    for setting in &list {
        if setting.name != Some(ClusterSettingName::ContainerInsights) {
            return Err(invalid(format!(
                "Invalid cluster setting name: {}",
                setting
                    .name
                    .as_ref()
                    .map_or("null", ClusterSettingName::as_str)
            )));
        }
        if !matches!(
            setting.value.as_deref(),
            Some("enabled" | "disabled" | "enhanced")
        ) {
            return Err(invalid(
                "The containerInsights setting value must be enabled, disabled or enhanced.",
            ));
        }
    }
    Ok(list)
}

fn merge_settings(settings: &mut Vec<ClusterSetting>, new: Vec<ClusterSetting>) {
    for setting in new {
        settings.retain(|s| s.name != setting.name);
        settings.push(setting);
    }
}

/// `capacityProviders`: the built-in Fargate providers, or the cluster's Managed Instances
/// providers among `managed`.
fn providers(asked: Option<Vec<String>>, managed: &[String]) -> Result<Vec<String>, AwsError> {
    let providers = asked.unwrap_or_default();
    if let Some(unknown) = providers
        .iter()
        .find(|p| !BUILT_IN_PROVIDERS.contains(&p.as_str()) && !managed.contains(p))
    {
        return Err(client(format!(
            "The specified capacity provider {unknown} does not exist. Specify a valid \
             capacity provider and try again."
        )));
    }
    Ok(providers)
}

/// `ecs:<operation>` on the cluster `name` names, with `context`.
fn on_cluster(
    caller: &Caller<'_>,
    operation: &str,
    name: Option<&str>,
    context: Vec<ConditionKey>,
) -> Access<'static> {
    Access::one(
        Question::plain(
            format!("ecs:{operation}"),
            cluster_arn(caller.scope(), name),
        )
        .with_context(context),
    )
}

/// The condition keys of a cluster configuration and tags: `ecs:fargate-ephemeral-storage-kms-key`
/// and the request's tags.
fn configuration_keys(
    configuration: Option<&ClusterConfiguration>,
    tags: Option<&[neargate_model::ecs::Tag]>,
) -> Result<Vec<ConditionKey>, AwsError> {
    let mut context = tags::request_keys(&tags::given(tags)?);
    let key = configuration
        .and_then(|c| c.managed_storage_configuration.as_ref())
        .and_then(|m| m.fargate_ephemeral_storage_kms_key_id.clone());
    if let Some(key) = key {
        context.push((
            "ecs:fargate-ephemeral-storage-kms-key".to_owned(),
            vec![key],
        ));
    }
    Ok(context)
}

impl<'a> Handler<ops::CreateCluster, Caller<'a>> for Ecs {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &CreateClusterRequest,
    ) -> Result<Access<'_>, AwsError> {
        let context = configuration_keys(input.configuration.as_ref(), input.tags.as_deref())?;
        Ok(on_cluster(
            caller,
            "CreateCluster",
            input.cluster_name.as_deref(),
            context,
        ))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: CreateClusterRequest,
    ) -> Result<CreateClusterResponse, AwsError> {
        self.create_cluster(caller, input)
    }
}

impl<'a> Handler<ops::UpdateCluster, Caller<'a>> for Ecs {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &UpdateClusterRequest,
    ) -> Result<Access<'_>, AwsError> {
        let context = configuration_keys(input.configuration.as_ref(), None)?;
        Ok(on_cluster(
            caller,
            "UpdateCluster",
            input.cluster.as_deref(),
            context,
        ))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: UpdateClusterRequest,
    ) -> Result<UpdateClusterResponse, AwsError> {
        self.update_cluster(caller, input)
    }
}

impl<'a> Handler<ops::DescribeClusters, Caller<'a>> for Ecs {
    /// `ecs:DescribeClusters` on each cluster named (`default` when none).
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &DescribeClustersRequest,
    ) -> Result<Access<'_>, AwsError> {
        let default = ["default".to_owned()];
        let names = match input.clusters.as_deref() {
            Some(names) if !names.is_empty() => names,
            _ => &default[..],
        };
        let questions = names
            .iter()
            .map(|n| Question::plain("ecs:DescribeClusters", cluster_arn(caller.scope(), Some(n))))
            .collect();
        Ok(Access {
            questions,
            resources: Vec::new(),
        })
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: DescribeClustersRequest,
    ) -> Result<DescribeClustersResponse, AwsError> {
        self.describe_clusters(caller, input)
    }
}

impl<'a> Handler<ops::ListClusters, Caller<'a>> for Ecs {
    fn access(&self, _: &Caller<'a>, _: &ListClustersRequest) -> Result<Access<'_>, AwsError> {
        Ok(Access::one(Question::plain("ecs:ListClusters", "*")))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: ListClustersRequest,
    ) -> Result<ListClustersResponse, AwsError> {
        self.list_clusters(caller, input)
    }
}

impl<'a> Handler<ops::UpdateClusterSettings, Caller<'a>> for Ecs {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &UpdateClusterSettingsRequest,
    ) -> Result<Access<'_>, AwsError> {
        Ok(on_cluster(
            caller,
            "UpdateClusterSettings",
            input.cluster.as_deref(),
            Vec::new(),
        ))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: UpdateClusterSettingsRequest,
    ) -> Result<UpdateClusterSettingsResponse, AwsError> {
        self.update_cluster_settings(caller, input)
    }
}

impl<'a> Handler<ops::PutClusterCapacityProviders, Caller<'a>> for Ecs {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &PutClusterCapacityProvidersRequest,
    ) -> Result<Access<'_>, AwsError> {
        Ok(on_cluster(
            caller,
            "PutClusterCapacityProviders",
            input.cluster.as_deref(),
            Vec::new(),
        ))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: PutClusterCapacityProvidersRequest,
    ) -> Result<PutClusterCapacityProvidersResponse, AwsError> {
        self.put_cluster_capacity_providers(caller, input)
    }
}

impl<'a> Handler<ops::DeleteCluster, Caller<'a>> for Ecs {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &DeleteClusterRequest,
    ) -> Result<Access<'_>, AwsError> {
        Ok(on_cluster(
            caller,
            "DeleteCluster",
            input.cluster.as_deref(),
            Vec::new(),
        ))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: DeleteClusterRequest,
    ) -> Result<DeleteClusterResponse, AwsError> {
        self.delete_cluster(caller, input)
    }
}

#[cfg(test)]
mod tests {
    use neargate_model::ecs::{ManagedStorageConfiguration, Tag};

    use super::*;

    #[test]
    fn the_cluster_key_becomes_the_condition_key() {
        let key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        let configuration = ClusterConfiguration {
            managed_storage_configuration: Some(ManagedStorageConfiguration {
                fargate_ephemeral_storage_kms_key_id: Some(key.to_owned()),
                kms_key_id: None,
            }),
            execute_command_configuration: None,
        };
        let tags = [Tag {
            key: Some("team".into()),
            value: Some("a".into()),
        }];
        let context = configuration_keys(Some(&configuration), Some(&tags)).unwrap();
        assert!(context.contains(&(
            "ecs:fargate-ephemeral-storage-kms-key".to_owned(),
            vec![key.to_owned()]
        )));
        assert!(context.contains(&("aws:TagKeys".to_owned(), vec!["team".to_owned()])));
        assert!(configuration_keys(None, None).unwrap().is_empty());
        let scope = Scope {
            account: "123456789012",
            region: "us-east-1",
        };
        assert!(cluster_arn(scope, None).ends_with(":cluster/default"));
        assert_eq!(
            cluster_arn(
                scope,
                Some("arn:aws:ecs:us-east-1:123456789012:cluster/prod")
            ),
            "arn:aws:ecs:us-east-1:123456789012:cluster/prod"
        );
    }
}
