//! A Managed Instances capacity provider as stored, and what its settings mean for its
//! instances.

use neargate_model::ecs::{
    CapacityProvider, CapacityProviderStatus, CapacityProviderType, CapacityProviderUpdateStatus,
    InstanceLaunchTemplate, ManagedInstancesProvider, PropagateMITags,
};
use neargate_store::Table;
use serde::{Deserialize, Serialize};

use crate::tags::{self, Tag};

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
    pub(crate) status: CapacityProviderStatus,
    pub(crate) update_status: CapacityProviderUpdateStatus,
    /// `managedInstancesProvider`, validated, with its defaults.
    pub(crate) managed: ManagedInstancesProvider,
    pub(crate) tags: Vec<Tag>,
}

/// Managed Instances providers by `account/region/name`.
pub(crate) const PROVIDERS: Table<ProviderRecord> = Table::new("ecs.capacity_providers", 1);

impl ProviderRecord {
    pub(crate) fn shown(&self, with_tags: bool) -> CapacityProvider {
        CapacityProvider {
            capacity_provider_arn: Some(self.arn.clone()),
            name: Some(self.name.clone()),
            cluster: Some(self.cluster.clone()),
            status: Some(self.status.clone()),
            type_: Some(CapacityProviderType::ManagedInstances),
            managed_instances_provider: Some(self.managed.clone()),
            update_status: Some(self.update_status.clone()),
            tags: with_tags.then(|| tags::typed(&self.tags)),
            ..CapacityProvider::default()
        }
    }

    /// Whether it is in use (neither being deleted nor deleted).
    pub(crate) fn is_active(&self) -> bool {
        self.status == CapacityProviderStatus::Active
    }

    pub(crate) fn template(&self) -> Option<&InstanceLaunchTemplate> {
        self.managed.instance_launch_template.as_ref()
    }

    /// Whether its tasks may add privileged Linux capabilities or run privileged.
    pub(crate) fn allows_privileged(&self) -> bool {
        self.tags
            .iter()
            .any(|t| t.key == PRIVILEGED_TAG && t.value == "enabled")
    }

    /// Whether its instances run in FIPS mode.
    pub(crate) fn fips(&self) -> bool {
        self.template().and_then(|t| t.fips_enabled) == Some(true)
    }

    /// The CPU units and MiB of memory of one of its instances, on a host of `host`.
    pub(crate) fn instance_size(&self, host: (i64, i64)) -> (i64, i64) {
        let requirements = self
            .template()
            .and_then(|t| t.instance_requirements.as_ref());
        let cpu = requirements
            .and_then(|r| r.v_cpu_count.as_ref())
            .and_then(|c| c.min)
            .map_or(host.0, |v| (i64::from(v) * 1024).min(host.0));
        let memory = requirements
            .and_then(|r| r.memory_mib.as_ref())
            .and_then(|m| m.min)
            .map_or(host.1, |m| i64::from(m).min(host.1));
        (cpu, memory)
    }

    /// Seconds an idle instance is kept; `None` when idle instances are kept for good.
    pub(crate) fn scale_in_after(&self) -> Option<i64> {
        let after = self
            .managed
            .infrastructure_optimization
            .as_ref()
            .and_then(|o| o.scale_in_after);
        match after {
            Some(-1) => None,
            Some(seconds) => Some(i64::from(seconds)),
            None => Some(DEFAULT_SCALE_IN_AFTER),
        }
    }

    /// Whether instances take the provider's tags.
    pub(crate) fn propagates_tags(&self) -> bool {
        self.managed.propagate_tags == Some(PropagateMITags::CapacityProvider)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;

    /// A provider whose `managedInstancesProvider` is `managed`.
    fn record(managed: Value) -> ProviderRecord {
        ProviderRecord {
            name: "mi".into(),
            arn: "arn".into(),
            cluster: "c".into(),
            status: CapacityProviderStatus::Active,
            update_status: CapacityProviderUpdateStatus::CreateComplete,
            managed: serde_json::from_value(managed).unwrap(),
            tags: Vec::new(),
        }
    }

    fn sample() -> Value {
        json!({"instanceLaunchTemplate": {"networkConfiguration": {"subnets": ["subnet-1"]}}})
    }

    #[test]
    fn instances_are_sized_by_the_requirements_within_the_host() {
        let mut managed = sample();
        assert_eq!(
            record(managed.clone()).instance_size((4096, 8000)),
            (4096, 8000)
        );
        managed["instanceLaunchTemplate"]["instanceRequirements"] =
            json!({"vCpuCount": {"min": 2}, "memoryMiB": {"min": 4096}});
        assert_eq!(
            record(managed.clone()).instance_size((4096, 8000)),
            (2048, 4096)
        );
        assert_eq!(record(managed).instance_size((1024, 2000)), (1024, 2000));
    }

    #[test]
    fn scale_in_defaults_and_opt_out() {
        let mut managed = sample();
        assert_eq!(
            record(managed.clone()).scale_in_after(),
            Some(DEFAULT_SCALE_IN_AFTER)
        );
        managed["infrastructureOptimization"] = json!({"scaleInAfter": -1});
        assert_eq!(record(managed.clone()).scale_in_after(), None);
        managed["infrastructureOptimization"] = json!({"scaleInAfter": 5});
        assert_eq!(record(managed).scale_in_after(), Some(5));
    }
}
