//! A cluster as stored.

use neargate_model::ecs::{
    CapacityProviderStrategyItem, ClusterConfiguration, ClusterServiceConnectDefaultsRequest,
    ClusterSetting,
};
use neargate_store::Table;
use serde::{Deserialize, Serialize};

use crate::tags::Tag;

/// A cluster's `status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub(crate) enum ClusterStatus {
    /// In use.
    Active,
    /// Deleted.
    Inactive,
}

/// A cluster as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct ClusterRecord {
    pub(crate) name: String,
    pub(crate) arn: String,
    /// `ACTIVE` or `INACTIVE` (deleted).
    pub(crate) status: ClusterStatus,
    /// `configuration`, as given (validated).
    pub(crate) configuration: Option<ClusterConfiguration>,
    pub(crate) settings: Vec<ClusterSetting>,
    pub(crate) tags: Vec<Tag>,
    pub(crate) capacity_providers: Vec<String>,
    pub(crate) default_strategy: Vec<CapacityProviderStrategyItem>,
    /// `serviceConnectDefaults`, as given.
    pub(crate) service_connect: Option<ClusterServiceConnectDefaultsRequest>,
}

impl ClusterRecord {
    /// Whether it is in use (not deleted).
    pub(crate) fn is_active(&self) -> bool {
        self.status == ClusterStatus::Active
    }

    /// The key that encrypts the storage of tasks of `launch_type`, if the cluster names one:
    /// `fargateEphemeralStorageKmsKeyId` for Fargate, `kmsKeyId` (managed storage) for Managed
    /// Instances; `EC2` tasks use a platform key.
    pub(crate) fn key_for(&self, launch_type: &str) -> Option<&str> {
        let storage = self
            .configuration
            .as_ref()?
            .managed_storage_configuration
            .as_ref()?;
        match launch_type {
            "FARGATE" => storage.fargate_ephemeral_storage_kms_key_id.as_deref(),
            "MANAGED_INSTANCES" => storage.kms_key_id.as_deref(),
            _ => None,
        }
    }
}

/// Clusters by `account/region/name`.
pub(crate) const CLUSTERS: Table<ClusterRecord> = Table::new("ecs.clusters", 1);
