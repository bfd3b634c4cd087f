//! Clusters: `CreateCluster`, `DescribeClusters`, `ListClusters`, `UpdateCluster`,
//! `UpdateClusterSettings`, `PutClusterCapacityProviders`, `DeleteCluster`.

use neargate_model::kms::{DescribeKeyRequest, KeySpec, KeyUsageType};
use std::sync::Arc;

use neargate_common::{AwsError, Common};
use neargate_store::{Read as _, Table};
use neargate_wire::JsonInput;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::capacity_providers::BUILT_IN_PROVIDERS;
use crate::errors::{client, cluster_not_found, invalid, server};
use crate::input::{max_results, opt_object, opt_str, req_str, strings};
use crate::names::{Scope, missing, resume, short_name, token, valid_name};
use crate::tags::{self, Tag};
use crate::task_index::scan;
use crate::{Caller, Ecs};
use neargate_model::ecs::Error as EcsError;

/// A cluster as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct ClusterRecord {
    pub(crate) name: String,
    pub(crate) arn: String,
    /// `ACTIVE` or `INACTIVE` (deleted).
    pub(crate) status: String,
    /// `configuration`, as given (validated).
    pub(crate) configuration: Option<Value>,
    pub(crate) settings: Vec<Value>,
    pub(crate) tags: Vec<Tag>,
    pub(crate) capacity_providers: Vec<String>,
    pub(crate) default_strategy: Vec<Value>,
    pub(crate) service_connect: Option<Value>,
}

impl ClusterRecord {
    /// The key that encrypts the storage of tasks of `launch_type`, if the cluster names one:
    /// `fargateEphemeralStorageKmsKeyId` for Fargate, `kmsKeyId` (managed storage) for Managed
    /// Instances; `EC2` tasks use a platform key.
    pub(crate) fn key_for(&self, launch_type: &str) -> Option<&str> {
        let member = match launch_type {
            "FARGATE" => "fargateEphemeralStorageKmsKeyId",
            "MANAGED_INSTANCES" => "kmsKeyId",
            _ => return None,
        };
        self.configuration.as_ref()?["managedStorageConfiguration"][member].as_str()
    }
}

/// Clusters by `account/region/name`.
pub(crate) const CLUSTERS: Table<ClusterRecord> = Table::new("ecs.clusters", 1);

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
            .filter(|c| c.status == "ACTIVE")
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
        include: &[String],
    ) -> Result<Value, AwsError> {
        let counts = self.counts(scope, &cluster.name)?;
        let mut shown = json!({
            "clusterArn": cluster.arn,
            "clusterName": cluster.name,
            "status": cluster.status,
            "registeredContainerInstancesCount": self.registered_instances(scope, &cluster.name)?,
            "runningTasksCount": counts.running,
            "pendingTasksCount": counts.pending,
            "activeServicesCount": self.live_services(scope, &cluster.name)?,
            "capacityProviders": cluster.capacity_providers,
            "defaultCapacityProviderStrategy": cluster.default_strategy,
        });
        let included = |part: &str| include.iter().any(|i| i == part);
        if included("CONFIGURATIONS")
            && let Some(configuration) = &cluster.configuration
        {
            shown["configuration"] = configuration.clone();
        }
        if included("SETTINGS") {
            shown["settings"] = json!(cluster.settings);
        }
        if included("TAGS") {
            shown["tags"] = tags::show(&cluster.tags);
        }
        if included("STATISTICS") {
            shown["statistics"] = json!([
                {"name": "runningFargateTasksCount", "value": counts.running_fargate.to_string()},
                {"name": "pendingFargateTasksCount", "value": counts.pending_fargate.to_string()},
                {"name": "runningEC2TasksCount", "value": counts.running_ec2.to_string()},
                {"name": "pendingEC2TasksCount", "value": counts.pending_ec2.to_string()},
                {"name": "activeFargateServiceCount", "value": "0"},
                {"name": "drainingFargateServiceCount", "value": "0"},
            ]);
        }
        if included("ATTACHMENTS") {
            shown["attachments"] = json!([]);
        }
        if let Some(defaults) = &cluster.service_connect {
            shown["serviceConnectDefaults"] = defaults.clone();
        }
        Ok(shown)
    }

    /// Checks a cluster `configuration`: the Fargate ephemeral storage key must be a key ID or
    /// key ARN (not an alias) of a symmetric, single-Region key the caller may describe.
    fn check_configuration(
        caller: &Caller<'_>,
        configuration: &Map<String, Value>,
    ) -> Result<(), AwsError> {
        let Some(storage) = configuration.get("managedStorageConfiguration") else {
            return Ok(());
        };
        for member in ["fargateEphemeralStorageKmsKeyId", "kmsKeyId"] {
            let Some(key) = storage.get(member).filter(|v| !v.is_null()) else {
                continue;
            };
            let key = key.as_str().ok_or_else(|| {
                Common::SerializationException
                    .with(format!("Value for '{member}' must be a string."))
            })?;
            if key.starts_with("alias/") || key.contains(":alias/") {
                return Err(invalid(format!(
                    "Invalid KMS key identifier for {member}: aliases are not supported; \
                     specify a key ID or key ARN."
                )));
            }
            let input = DescribeKeyRequest {
                key_id: key.to_owned(),
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

    pub(crate) fn create_cluster(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let name = opt_str(input, "clusterName")?.unwrap_or("default");
        if !valid_name(name) {
            return Err(invalid(
                "Cluster name can have up to 255 letters (uppercase and lowercase), numbers, \
                 hyphens, and underscores.",
            ));
        }
        let tags = tags::read(input, "tags")?;
        let configuration = opt_object(input, "configuration")?;
        if let Some(configuration) = configuration {
            Self::check_configuration(caller, configuration)?;
        }
        let settings = settings(input)?;
        let capacity_providers = providers(input, &[])?;
        let key = scope.key(name);
        let record = ClusterRecord {
            name: name.to_owned(),
            arn: scope.arn(&format!("cluster/{name}")),
            status: "ACTIVE".into(),
            configuration: configuration.map(|c| Value::Object(c.clone())),
            settings: if settings.is_empty() {
                vec![json!({"name": "containerInsights", "value": "disabled"})]
            } else {
                settings
            },
            tags,
            capacity_providers,
            default_strategy: input
                .array("defaultCapacityProviderStrategy")
                .ok()
                .flatten()
                .cloned()
                .unwrap_or_default(),
            service_connect: input.get("serviceConnectDefaults").cloned(),
        };
        let cluster = self
            .db
            .write(|tx| {
                // Creating an active cluster again returns it unchanged, as ECS does.
                if let Some(existing) = tx.get(&CLUSTERS, key.as_bytes())?
                    && existing.status == "ACTIVE"
                {
                    return Ok(existing);
                }
                tx.put(&CLUSTERS, key.as_bytes(), &record)?;
                Ok(record)
            })
            .map_err(server)?;
        let all = ["CONFIGURATIONS", "SETTINGS", "TAGS"].map(String::from);
        Ok(json!({"cluster": self.show_cluster(scope, &cluster, &all)?}))
    }

    pub(crate) fn describe_clusters(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let mut wanted = strings(input, "clusters")?;
        if wanted.is_empty() {
            wanted.push("default".into());
        }
        if wanted.len() > 100 {
            return Err(invalid("clusters can have at most 100 items."));
        }
        let include = strings(input, "include")?;
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
        Ok(json!({"clusters": clusters, "failures": failures}))
    }

    pub(crate) fn list_clusters(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let limit = max_results(input)?;
        let prefix = scope.key("");
        let start = match opt_str(input, "nextToken")? {
            Some(t) => {
                let mut after = resume(t)?;
                after.push(0);
                after
            }
            None => prefix.as_bytes().to_vec(),
        };
        let end = neargate_store::prefix_end(prefix.as_bytes());
        let page = self
            .db
            .read(|tx| tx.range(&CLUSTERS, &start, &end, false, usize::MAX))
            .map_err(server)?;
        let active: Vec<_> = page
            .into_iter()
            .filter(|(_, c)| c.status == "ACTIVE")
            .collect();
        let mut body = json!({
            "clusterArns": active.iter().take(limit).map(|(_, c)| c.arn.clone()).collect::<Vec<_>>()
        });
        if active.len() > limit {
            body["nextToken"] = json!(token(&active[limit - 1].0));
        }
        Ok(body)
    }

    /// Changes the active cluster named by `cluster` with `change`, and shows it.
    fn change_cluster(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
        change: impl FnOnce(&mut ClusterRecord) -> Result<(), AwsError>,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let mut cluster =
            Arc::unwrap_or_clone(self.cluster(scope, Some(req_str(input, "cluster")?))?);
        change(&mut cluster)?;
        let key = scope.key(&cluster.name);
        self.db
            .write(|tx| tx.put(&CLUSTERS, key.as_bytes(), &cluster))
            .map_err(server)?;
        let all = ["CONFIGURATIONS", "SETTINGS", "TAGS"].map(String::from);
        Ok(json!({"cluster": self.show_cluster(scope, &cluster, &all)?}))
    }

    pub(crate) fn update_cluster(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let configuration = opt_object(input, "configuration")?;
        if let Some(configuration) = configuration {
            Self::check_configuration(caller, configuration)?;
        }
        let settings = settings(input)?;
        let service_connect = input.get("serviceConnectDefaults").cloned();
        self.change_cluster(caller, input, |cluster| {
            if let Some(configuration) = configuration {
                let mut merged = cluster
                    .configuration
                    .take()
                    .and_then(|c| c.as_object().cloned())
                    .unwrap_or_default();
                for (k, v) in configuration {
                    merged.insert(k.clone(), v.clone());
                }
                cluster.configuration = Some(Value::Object(merged));
            }
            merge_settings(&mut cluster.settings, settings);
            if service_connect.is_some() {
                cluster.service_connect = service_connect;
            }
            Ok(())
        })
    }

    pub(crate) fn update_cluster_settings(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let settings = settings(input)?;
        if settings.is_empty() {
            return Err(invalid("settings can not be empty."));
        }
        self.change_cluster(caller, input, |cluster| {
            merge_settings(&mut cluster.settings, settings);
            Ok(())
        })
    }

    pub(crate) fn put_cluster_capacity_providers(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let cluster = short_name(req_str(input, "cluster")?, "cluster");
        // Managed Instances providers stay with their cluster whatever the list says.
        let managed: Vec<String> = self
            .cluster_providers(caller.scope(), cluster)?
            .into_iter()
            .map(|p| p.name)
            .collect();
        let mut providers = providers(input, &managed)?;
        for name in managed {
            if !providers.contains(&name) {
                providers.push(name);
            }
        }
        let strategy = input
            .array("defaultCapacityProviderStrategy")
            .map_err(crate::errors::wrong_type)?
            .cloned()
            .unwrap_or_default();
        for item in &strategy {
            let name = item["capacityProvider"].as_str().unwrap_or_default();
            if !providers.iter().any(|p| p == name) {
                return Err(invalid(format!(
                    "The specified capacity provider strategy cannot contain a capacity provider \
                     that is not associated with the cluster. Associate the capacity provider \
                     with the cluster or specify a valid capacity provider and try again. \
                     Capacity provider: {name}"
                )));
            }
        }
        self.change_cluster(caller, input, |cluster| {
            cluster.capacity_providers = providers;
            cluster.default_strategy = strategy;
            Ok(())
        })
    }

    pub(crate) fn delete_cluster(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let mut cluster =
            Arc::unwrap_or_clone(self.cluster(scope, Some(req_str(input, "cluster")?))?);
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
        cluster.status = "INACTIVE".into();
        let key = scope.key(&cluster.name);
        self.db
            .write(|tx| tx.put(&CLUSTERS, key.as_bytes(), &cluster))
            .map_err(server)?;
        let all = ["CONFIGURATIONS", "SETTINGS", "TAGS"].map(String::from);
        Ok(json!({"cluster": self.show_cluster(scope, &cluster, &all)?}))
    }
}

/// `settings`: `containerInsights` set to `enabled`, `disabled` or `enhanced`.
fn settings(input: &JsonInput) -> Result<Vec<Value>, AwsError> {
    let list = input
        .array("settings")
        .map_err(crate::errors::wrong_type)?
        .cloned()
        .unwrap_or_default();
    for setting in &list {
        let (name, value) = (setting["name"].as_str(), setting["value"].as_str());
        if name != Some("containerInsights") {
            return Err(invalid(format!(
                "Invalid cluster setting name: {}",
                name.unwrap_or("null")
            )));
        }
        if !matches!(value, Some("enabled" | "disabled" | "enhanced")) {
            return Err(invalid(
                "The containerInsights setting value must be enabled, disabled or enhanced.",
            ));
        }
    }
    Ok(list)
}

fn merge_settings(settings: &mut Vec<Value>, new: Vec<Value>) {
    for setting in new {
        settings.retain(|s| s["name"] != setting["name"]);
        settings.push(setting);
    }
}

/// `capacityProviders`: the built-in Fargate providers, or the cluster's Managed Instances
/// providers among `managed`.
fn providers(input: &JsonInput, managed: &[String]) -> Result<Vec<String>, AwsError> {
    let providers = strings(input, "capacityProviders")?;
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
