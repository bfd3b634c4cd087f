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
use neargate_store::{Read as _, Table};
use neargate_wire::JsonInput;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::clusters::CLUSTERS;
use crate::errors::{client, invalid, server};
use crate::input::{opt_object, opt_str, req_str, strings};
use crate::names::{Scope, missing, page, short_name, valid_name};
use crate::tags::{self, Tag};
use crate::{Caller, Ecs};
use neargate_model::ecs::Error as EcsError;

/// The capacity providers every account has.
pub(crate) const BUILT_IN_PROVIDERS: &[&str] = &["FARGATE", "FARGATE_SPOT"];

/// The tag that lets a Managed Instances provider's tasks add privileged Linux capabilities
/// (AWS has no API field for this opt-in).
pub(crate) const PRIVILEGED_TAG: &str = "neargate:privileged-capabilities";

/// How long an idle managed instance is kept when `scaleInAfter` is not given, in seconds.
const DEFAULT_SCALE_IN_AFTER: i64 = 300;

/// A Managed Instances capacity provider as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct ProviderRecord {
    pub(crate) name: String,
    pub(crate) arn: String,
    /// The cluster it belongs to.
    pub(crate) cluster: String,
    /// `ACTIVE`, `DEPROVISIONING` (being deleted) or `INACTIVE`.
    pub(crate) status: String,
    pub(crate) update_status: String,
    /// `managedInstancesProvider`, validated, with its defaults.
    pub(crate) managed: Value,
    pub(crate) tags: Vec<Tag>,
}

/// Managed Instances providers by `account/region/name`.
pub(crate) const PROVIDERS: Table<ProviderRecord> = Table::new("ecs.capacity_providers", 1);

impl ProviderRecord {
    fn shown(&self, with_tags: bool) -> Value {
        let mut shown = json!({
            "capacityProviderArn": self.arn,
            "name": self.name,
            "cluster": self.cluster,
            "status": self.status,
            "type": "MANAGED_INSTANCES",
            "managedInstancesProvider": self.managed,
            "updateStatus": self.update_status,
        });
        if with_tags {
            shown["tags"] = tags::show(&self.tags);
        }
        shown
    }

    fn template(&self) -> &Value {
        &self.managed["instanceLaunchTemplate"]
    }

    /// Whether its tasks may add privileged Linux capabilities or run privileged.
    pub(crate) fn allows_privileged(&self) -> bool {
        self.tags
            .iter()
            .any(|t| t.key == PRIVILEGED_TAG && t.value == "enabled")
    }

    /// Whether its instances run in FIPS mode.
    pub(crate) fn fips(&self) -> bool {
        self.template()["fipsEnabled"] == true
    }

    /// The CPU units and MiB of memory of one of its instances, on a host of `host`.
    pub(crate) fn instance_size(&self, host: (i64, i64)) -> (i64, i64) {
        let requirements = &self.template()["instanceRequirements"];
        let cpu = requirements["vCpuCount"]["min"]
            .as_i64()
            .map_or(host.0, |v| (v * 1024).min(host.0));
        let memory = requirements["memoryMiB"]["min"]
            .as_i64()
            .map_or(host.1, |m| m.min(host.1));
        (cpu, memory)
    }

    /// Seconds an idle instance is kept; `None` when idle instances are kept for good.
    pub(crate) fn scale_in_after(&self) -> Option<i64> {
        match self.managed["infrastructureOptimization"]["scaleInAfter"].as_i64() {
            Some(-1) => None,
            Some(seconds) => Some(seconds),
            None => Some(DEFAULT_SCALE_IN_AFTER),
        }
    }

    /// Whether instances take the provider's tags.
    pub(crate) fn propagates_tags(&self) -> bool {
        self.managed["propagateTags"] == "CAPACITY_PROVIDER"
    }
}

/// How a built-in provider is shown.
fn built_in(scope: Scope<'_>, name: &str) -> Value {
    json!({
        "capacityProviderArn": scope.arn(&format!("capacity-provider/{name}")),
        "name": name,
        "status": "ACTIVE",
        "type": name,
        "tags": [],
    })
}

/// A string member of `object` that must be one of `allowed` when present.
fn check_choice(object: &Value, member: &str, allowed: &[&str]) -> Result<(), AwsError> {
    match object.get(member) {
        None | Some(Value::Null) => Ok(()),
        Some(Value::String(s)) if allowed.contains(&s.as_str()) => Ok(()),
        Some(other) => Err(invalid(format!(
            "Invalid value {other} for {member}: expected one of {}.",
            allowed.join(", ")
        ))),
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
fn check_range(range: &Value, label: &str, floor: i64) -> Result<(), AwsError> {
    let min = range["min"]
        .as_i64()
        .ok_or_else(|| invalid(format!("instanceRequirements.{label}.min must be given.")))?;
    if min < floor {
        return Err(invalid(format!(
            "instanceRequirements.{label}.min must be at least {floor}."
        )));
    }
    if range["max"].as_i64().is_some_and(|max| max < min) {
        return Err(invalid(format!(
            "instanceRequirements.{label}.max must not be less than its min."
        )));
    }
    Ok(())
}

/// Checks an `instanceLaunchTemplate` (`creating`: the create form, whose profile and
/// network are required).
fn check_template(template: &Value, creating: bool) -> Result<(), AwsError> {
    match template
        .get("ec2InstanceProfileArn")
        .and_then(Value::as_str)
    {
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
    match template.get("networkConfiguration") {
        Some(network) => {
            let subnets = network["subnets"].as_array().map_or(0, Vec::len);
            if subnets == 0 {
                return Err(invalid(
                    "instanceLaunchTemplate.networkConfiguration.subnets can not be empty.",
                ));
            }
        }
        None if creating => {
            return Err(invalid(
                "instanceLaunchTemplate.networkConfiguration can not be blank.",
            ));
        }
        None => {}
    }
    if let Some(size) = template.pointer("/storageConfiguration/storageSizeGiB")
        && size.as_i64().is_none_or(|s| s < 1)
    {
        return Err(invalid(
            "storageConfiguration.storageSizeGiB must be at least 1.",
        ));
    }
    if let Some(requirements) = template.get("instanceRequirements") {
        check_range(&requirements["vCpuCount"], "vCpuCount", 1)?;
        check_range(&requirements["memoryMiB"], "memoryMiB", 1)?;
    }
    check_choice(
        template,
        "capacityOptionType",
        &["ON_DEMAND", "SPOT", "RESERVED"],
    )?;
    check_choice(template, "monitoring", &["BASIC", "DETAILED"])?;
    if template["capacityOptionType"] == "RESERVED"
        && template.get("capacityReservations").is_none()
    {
        return Err(invalid(
            "capacityReservations must be given when capacityOptionType is RESERVED.",
        ));
    }
    Ok(())
}

/// Checks the members a Managed Instances provider shares between create and update.
fn check_settings(managed: &Value) -> Result<(), AwsError> {
    let role = managed["infrastructureRoleArn"]
        .as_str()
        .unwrap_or_default();
    if !iam_arn(role, "role") {
        return Err(invalid(format!(
            "infrastructureRoleArn '{role}' is not the ARN of an IAM role."
        )));
    }
    check_choice(managed, "propagateTags", &["CAPACITY_PROVIDER", "NONE"])?;
    if let Some(after) = managed.pointer("/infrastructureOptimization/scaleInAfter")
        && !after.is_null()
        && !after
            .as_i64()
            .is_some_and(|s| s == -1 || (0..=3600).contains(&s))
    {
        return Err(invalid(
            "infrastructureOptimization.scaleInAfter must be -1 or between 0 and 3600.",
        ));
    }
    if let Some(repair) = managed.get("autoRepairConfiguration") {
        check_choice(repair, "actionsStatus", &["ENABLED", "DISABLED"])?;
    }
    Ok(())
}

/// The `managedInstancesProvider` of `CreateCapacityProvider`, validated, with defaults.
fn read_managed(input: &JsonInput) -> Result<Value, AwsError> {
    let mut managed = Value::Object(
        opt_object(input, "managedInstancesProvider")?
            .cloned()
            .unwrap_or_default(),
    );
    check_settings(&managed)?;
    let Some(template) = managed.get_mut("instanceLaunchTemplate") else {
        return Err(invalid(
            "managedInstancesProvider.instanceLaunchTemplate can not be blank.",
        ));
    };
    check_template(template, true)?;
    for (member, default) in [("capacityOptionType", "ON_DEMAND"), ("monitoring", "BASIC")] {
        if template.get(member).is_none() {
            template[member] = json!(default);
        }
    }
    if managed.get("propagateTags").is_none() {
        managed["propagateTags"] = json!("NONE");
    }
    Ok(managed)
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

    pub(crate) fn create_capacity_provider(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let name = req_str(input, "name")?;
        if !valid_provider_name(name) {
            return Err(invalid(
                "The capacity provider name can have up to 255 letters (uppercase and \
                 lowercase), numbers, underscores, and hyphens, and cannot start with \"aws\", \
                 \"ecs\" or \"fargate\".",
            ));
        }
        if input.get("autoScalingGroupProvider").is_some() {
            return Err(EcsError::UnsupportedFeatureException.with(
                "Auto Scaling group capacity providers are not available here: there are no \
                 EC2 Auto Scaling groups. Use a Managed Instances capacity provider \
                 (managedInstancesProvider).",
            ));
        }
        if input.get("managedInstancesProvider").is_none() {
            return Err(invalid(
                "A capacity provider needs managedInstancesProvider or autoScalingGroupProvider.",
            ));
        }
        let Some(cluster_name) = opt_str(input, "cluster")? else {
            return Err(invalid(
                "cluster must be given for a Managed Instances capacity provider.",
            ));
        };
        let cluster = self.cluster(scope, Some(cluster_name))?;
        let record = ProviderRecord {
            name: name.to_owned(),
            arn: scope.arn(&format!("capacity-provider/{name}")),
            cluster: cluster.name.clone(),
            status: "ACTIVE".into(),
            update_status: "CREATE_COMPLETE".into(),
            managed: read_managed(input)?,
            tags: tags::read(input, "tags")?,
        };
        let key = scope.key(name);
        let cluster_key = scope.key(&cluster.name);
        self.db
            .write(|tx| {
                if tx
                    .get(&PROVIDERS, key.as_bytes())?
                    .is_some_and(|p| p.status != "INACTIVE")
                {
                    return Ok(Err(client(format!(
                        "The specified capacity provider {name} already exists. To change \
                         the configuration of an existing capacity provider, update the \
                         capacity provider."
                    ))));
                }
                let Some(mut cluster) = tx
                    .get(&CLUSTERS, cluster_key.as_bytes())?
                    .filter(|c| c.status == "ACTIVE")
                else {
                    return Ok(Err(crate::errors::cluster_not_found()));
                };
                cluster.capacity_providers.push(name.to_owned());
                tx.put(&CLUSTERS, cluster_key.as_bytes(), &cluster)?;
                tx.put(&PROVIDERS, key.as_bytes(), &record)?;
                Ok(Ok(()))
            })
            .map_err(server)??;
        Ok(json!({"capacityProvider": record.shown(true)}))
    }

    pub(crate) fn describe_capacity_providers(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let wanted = strings(input, "capacityProviders")?;
        if wanted.len() > 100 {
            return Err(invalid(
                "capacityProviders cannot have more than 100 items.",
            ));
        }
        let with_tags = strings(input, "include")?.iter().any(|i| i == "TAGS");
        let cluster = opt_str(input, "cluster")?
            .map(|c| self.cluster(scope, Some(c)))
            .transpose()?;
        let stored = self
            .db
            .read(|tx| tx.prefix(&PROVIDERS, scope.key("").as_bytes()))
            .map_err(server)?;
        let show = |name: &str| -> Option<Value> {
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
                    .filter(|(_, p)| p.status != "INACTIVE")
                    .map(|(_, p)| p.name.clone()),
            );
            shown.extend(names.filter(|n| in_cluster(n)).filter_map(|n| show(&n)));
        } else {
            for text in &wanted {
                let name = short_name(text, "capacity-provider");
                match show(name).filter(|_| in_cluster(name)) {
                    Some(provider) => shown.push(provider),
                    None => failures.push(missing(text.clone())),
                }
            }
        }
        let limit = match input.i64("maxResults").map_err(crate::errors::wrong_type)? {
            None => usize::MAX,
            Some(n @ 1..=10) => usize::try_from(n).unwrap_or(10),
            Some(_) => return Err(invalid("maxResults must be between 1 and 10.")),
        };
        let named: Vec<(Vec<u8>, Value)> = shown
            .into_iter()
            .map(|p| {
                (
                    p["name"].as_str().unwrap_or_default().as_bytes().to_vec(),
                    p,
                )
            })
            .collect();
        let mut body = page(
            named,
            opt_str(input, "nextToken")?,
            limit,
            "capacityProviders",
            Value::clone,
        )?;
        body["failures"] = json!(failures);
        Ok(body)
    }

    pub(crate) fn update_capacity_provider(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let name = short_name(req_str(input, "name")?, "capacity-provider");
        if BUILT_IN_PROVIDERS.contains(&name) {
            return Err(invalid(format!(
                "The {name} capacity provider is reserved and cannot be updated."
            )));
        }
        if input.get("autoScalingGroupProvider").is_some() {
            return Err(invalid(format!(
                "{name} is a Managed Instances capacity provider: update its \
                 managedInstancesProvider."
            )));
        }
        let Some(update) = opt_object(input, "managedInstancesProvider")?.cloned() else {
            return Err(invalid("managedInstancesProvider can not be blank."));
        };
        let update = Value::Object(update);
        check_settings(&update)?;
        let Some(template) = update.get("instanceLaunchTemplate") else {
            return Err(invalid(
                "managedInstancesProvider.instanceLaunchTemplate can not be blank.",
            ));
        };
        check_template(template, false)?;
        let cluster = opt_str(input, "cluster")?;
        let key = scope.key(name);
        let record = self
            .db
            .write(|tx| {
                let Some(mut record) = tx
                    .get(&PROVIDERS, key.as_bytes())?
                    .filter(|p| p.status == "ACTIVE")
                else {
                    return Ok(Err(not_found(name)));
                };
                if cluster.is_some_and(|c| short_name(c, "cluster") != record.cluster) {
                    return Ok(Err(not_found(name)));
                }
                merge(&mut record.managed, &update);
                record.update_status = "UPDATE_COMPLETE".into();
                tx.put(&PROVIDERS, key.as_bytes(), &record)?;
                Ok(Ok(record))
            })
            .map_err(server)??;
        Ok(json!({"capacityProvider": record.shown(false)}))
    }

    pub(crate) fn delete_capacity_provider(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let name = short_name(req_str(input, "capacityProvider")?, "capacity-provider");
        if BUILT_IN_PROVIDERS.contains(&name) {
            return Err(invalid(format!(
                "The {name} capacity provider is reserved and cannot be deleted. Remove it \
                 from a cluster with PutClusterCapacityProviders."
            )));
        }
        let record = self
            .provider(scope, name)?
            .filter(|p| p.status == "ACTIVE")
            .ok_or_else(|| not_found(name))?;
        if let Some(cluster) = opt_str(input, "cluster")?
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
                record.status = "DEPROVISIONING".into();
                record.update_status = "DELETE_IN_PROGRESS".into();
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
        Ok(json!({"capacityProvider": record.shown(false)}))
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
            .filter(|p| p.cluster == cluster && p.status == "ACTIVE")
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

/// Merges `update` into `target`, member by member (objects recursively).
fn merge(target: &mut Value, update: &Value) {
    match (target, update) {
        (Value::Object(target), Value::Object(update)) => {
            for (k, v) in update {
                merge(target.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
        (target, update) => *target = update.clone(),
    }
}

/// Whether a container of `definition` needs a provider's privileged opt-in: `privileged`,
/// or an added capability beyond Docker's defaults and `SYS_PTRACE`; the first such, named.
pub(crate) fn privileged_need(containers: &[Value]) -> Option<String> {
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
        let name = c["name"].as_str().unwrap_or_default();
        if c["privileged"] == true {
            return Some(format!("container {name} is privileged"));
        }
        c["linuxParameters"]["capabilities"]["add"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .find(|cap| !ALLOWED.contains(&cap.trim_start_matches("CAP_")))
            .map(|cap| format!("container {name} adds {cap}"))
    })
}

/// Checks that a task of `containers` (running on `architecture`) may run on `provider`.
pub(crate) fn check_task_fits(
    provider: &ProviderRecord,
    containers: &[Value],
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
    use super::*;

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
            status: "ACTIVE".into(),
            update_status: "CREATE_COMPLETE".into(),
            managed,
            tags,
        }
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
        assert!(check_settings(&sample()).is_ok());
        let mut bad_role = sample();
        bad_role["infrastructureRoleArn"] = json!("role");
        assert!(check_settings(&bad_role).is_err());
        for (after, ok) in [
            (-1, true),
            (0, true),
            (3600, true),
            (3601, false),
            (-2, false),
        ] {
            let mut managed = sample();
            managed["infrastructureOptimization"] = json!({"scaleInAfter": after});
            assert_eq!(check_settings(&managed).is_ok(), ok, "{after}");
        }
        let template = &sample()["instanceLaunchTemplate"];
        assert!(check_template(template, true).is_ok());
        assert!(check_template(&json!({}), true).is_err());
        assert!(check_template(&json!({}), false).is_ok());
        let mut small = template.clone();
        small["instanceRequirements"] =
            json!({"vCpuCount": {"min": 2, "max": 1}, "memoryMiB": {"min": 1024}});
        assert!(check_template(&small, true).is_err());
    }

    #[test]
    fn instances_are_sized_by_the_requirements_within_the_host() {
        let mut managed = sample();
        assert_eq!(
            record(managed.clone(), vec![]).instance_size((4096, 8000)),
            (4096, 8000)
        );
        managed["instanceLaunchTemplate"]["instanceRequirements"] =
            json!({"vCpuCount": {"min": 2}, "memoryMiB": {"min": 4096}});
        assert_eq!(
            record(managed.clone(), vec![]).instance_size((4096, 8000)),
            (2048, 4096)
        );
        assert_eq!(
            record(managed, vec![]).instance_size((1024, 2000)),
            (1024, 2000)
        );
    }

    #[test]
    fn privileged_capabilities_need_the_opt_in() {
        let plain = vec![
            json!({"name": "a", "linuxParameters": {"capabilities": {"add": ["SYS_PTRACE", "CAP_CHOWN"]}}}),
        ];
        let admin =
            vec![json!({"name": "a", "linuxParameters": {"capabilities": {"add": ["NET_ADMIN"]}}})];
        let privileged = vec![json!({"name": "a", "privileged": true})];
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
    fn scale_in_defaults_and_opt_out() {
        let mut managed = sample();
        assert_eq!(
            record(managed.clone(), vec![]).scale_in_after(),
            Some(DEFAULT_SCALE_IN_AFTER)
        );
        managed["infrastructureOptimization"] = json!({"scaleInAfter": -1});
        assert_eq!(record(managed.clone(), vec![]).scale_in_after(), None);
        managed["infrastructureOptimization"] = json!({"scaleInAfter": 5});
        assert_eq!(record(managed, vec![]).scale_in_after(), Some(5));
    }

    #[test]
    fn updates_merge_member_by_member() {
        let mut managed = sample();
        merge(
            &mut managed,
            &json!({"instanceLaunchTemplate": {"monitoring": "DETAILED"}, "propagateTags": "CAPACITY_PROVIDER"}),
        );
        assert_eq!(managed["instanceLaunchTemplate"]["monitoring"], "DETAILED");
        assert_eq!(
            managed["instanceLaunchTemplate"]["networkConfiguration"]["subnets"][0],
            "subnet-1"
        );
        assert_eq!(managed["propagateTags"], "CAPACITY_PROVIDER");
    }
}
