//! The served part of botocore 1.43.11's `ecs/2014-11-13` model. Written by `neargate-codegen`; do not edit.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::shape::{Bound, Kind, Member, Model, Operation, Patterns, Rules, Shape, Text};
use crate::types::{Time};

static PATTERNS: Patterns = Patterns::new();

/// The model: 43 served operations, 436 shapes.
pub static MODEL: Model = Model {
    service: "ecs",
    api_version: "2014-11-13",
    json: true,
    rules: Rules { exception: "InvalidParameterException", required: false, constraints: false },
    operations: &[
        Operation { name: "CreateCapacityProvider", read_only: false, dry_run: false, input: Some(89), output: Some(90), errors: &["AccessDeniedException", "LimitExceededException", "ServerException", "UpdateInProgressException", "InvalidParameterException", "ClientException", "ClusterNotFoundException", "UnsupportedFeatureException"] },
        Operation { name: "CreateCluster", read_only: false, dry_run: false, input: Some(91), output: Some(92), errors: &["AccessDeniedException", "NamespaceNotFoundException", "ServerException", "InvalidParameterException", "ClientException"] },
        Operation { name: "CreateService", read_only: false, dry_run: false, input: Some(94), output: Some(95), errors: &["AccessDeniedException", "PlatformUnknownException", "NamespaceNotFoundException", "ServerException", "InvalidParameterException", "ClientException", "ClusterNotFoundException", "PlatformTaskDefinitionIncompatibilityException", "UnsupportedFeatureException"] },
        Operation { name: "DeleteAccountSetting", read_only: false, dry_run: false, input: Some(96), output: Some(97), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException"] },
        Operation { name: "DeleteAttributes", read_only: false, dry_run: false, input: Some(98), output: Some(99), errors: &["AccessDeniedException", "TargetNotFoundException", "ServerException", "InvalidParameterException", "ClientException", "ClusterNotFoundException"] },
        Operation { name: "DeleteCapacityProvider", read_only: false, dry_run: false, input: Some(100), output: Some(101), errors: &["AccessDeniedException", "ServerException", "UpdateInProgressException", "InvalidParameterException", "ClientException", "ClusterNotFoundException", "UnsupportedFeatureException"] },
        Operation { name: "DeleteCluster", read_only: false, dry_run: false, input: Some(102), output: Some(103), errors: &["ClusterContainsContainerInstancesException", "AccessDeniedException", "ClusterContainsServicesException", "ClusterContainsCapacityProviderException", "ClusterContainsTasksException", "ServerException", "UpdateInProgressException", "InvalidParameterException", "ClientException", "ClusterNotFoundException"] },
        Operation { name: "DeleteService", read_only: false, dry_run: false, input: Some(104), output: Some(105), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException", "ServiceNotFoundException", "ClusterNotFoundException"] },
        Operation { name: "DeleteTaskDefinitions", read_only: false, dry_run: false, input: Some(106), output: Some(107), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException"] },
        Operation { name: "DeregisterContainerInstance", read_only: false, dry_run: false, input: Some(126), output: Some(127), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException", "ClusterNotFoundException"] },
        Operation { name: "DeregisterTaskDefinition", read_only: false, dry_run: false, input: Some(128), output: Some(129), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException"] },
        Operation { name: "DescribeCapacityProviders", read_only: true, dry_run: false, input: Some(130), output: Some(131), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException", "ClusterNotFoundException", "UnsupportedFeatureException"] },
        Operation { name: "DescribeClusters", read_only: true, dry_run: false, input: Some(132), output: Some(133), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException"] },
        Operation { name: "DescribeContainerInstances", read_only: true, dry_run: false, input: Some(134), output: Some(135), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException", "ClusterNotFoundException"] },
        Operation { name: "DescribeServices", read_only: true, dry_run: false, input: Some(136), output: Some(137), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException", "ClusterNotFoundException"] },
        Operation { name: "DescribeTaskDefinition", read_only: true, dry_run: false, input: Some(138), output: Some(139), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException"] },
        Operation { name: "DescribeTasks", read_only: true, dry_run: false, input: Some(140), output: Some(141), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException", "ClusterNotFoundException"] },
        Operation { name: "ListAccountSettings", read_only: true, dry_run: false, input: Some(211), output: Some(212), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException"] },
        Operation { name: "ListAttributes", read_only: true, dry_run: false, input: Some(213), output: Some(214), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException", "ClusterNotFoundException"] },
        Operation { name: "ListClusters", read_only: true, dry_run: false, input: Some(215), output: Some(216), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException"] },
        Operation { name: "ListContainerInstances", read_only: true, dry_run: false, input: Some(217), output: Some(218), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException", "ClusterNotFoundException"] },
        Operation { name: "ListServices", read_only: true, dry_run: false, input: Some(221), output: Some(222), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException", "ClusterNotFoundException"] },
        Operation { name: "ListServicesByNamespace", read_only: true, dry_run: false, input: Some(219), output: Some(220), errors: &["AccessDeniedException", "NamespaceNotFoundException", "ServerException", "InvalidParameterException", "ClientException"] },
        Operation { name: "ListTagsForResource", read_only: true, dry_run: false, input: Some(223), output: Some(224), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException", "ClusterNotFoundException"] },
        Operation { name: "ListTaskDefinitionFamilies", read_only: true, dry_run: false, input: Some(225), output: Some(226), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException"] },
        Operation { name: "ListTaskDefinitions", read_only: true, dry_run: false, input: Some(227), output: Some(228), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException"] },
        Operation { name: "ListTasks", read_only: true, dry_run: false, input: Some(229), output: Some(230), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException", "ServiceNotFoundException", "ClusterNotFoundException"] },
        Operation { name: "PutAccountSetting", read_only: false, dry_run: false, input: Some(292), output: Some(293), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException"] },
        Operation { name: "PutAccountSettingDefault", read_only: false, dry_run: false, input: Some(290), output: Some(291), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException"] },
        Operation { name: "PutAttributes", read_only: false, dry_run: false, input: Some(294), output: Some(295), errors: &["AccessDeniedException", "TargetNotFoundException", "ServerException", "AttributeLimitExceededException", "InvalidParameterException", "ClientException", "ClusterNotFoundException"] },
        Operation { name: "PutClusterCapacityProviders", read_only: false, dry_run: false, input: Some(296), output: Some(297), errors: &["AccessDeniedException", "ServerException", "UpdateInProgressException", "InvalidParameterException", "ResourceInUseException", "ClientException", "ClusterNotFoundException"] },
        Operation { name: "RegisterContainerInstance", read_only: false, dry_run: false, input: Some(298), output: Some(299), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException", "ClusterNotFoundException"] },
        Operation { name: "RegisterTaskDefinition", read_only: false, dry_run: false, input: Some(300), output: Some(301), errors: &["AccessDeniedException", "LimitExceededException", "ServerException", "InvalidParameterException", "ClientException"] },
        Operation { name: "RunTask", read_only: false, dry_run: false, input: Some(313), output: Some(314), errors: &["ConflictException", "AccessDeniedException", "PlatformUnknownException", "ServerException", "InvalidParameterException", "BlockedException", "ClientException", "ClusterNotFoundException", "PlatformTaskDefinitionIncompatibilityException", "UnsupportedFeatureException"] },
        Operation { name: "StartTask", read_only: false, dry_run: false, input: Some(360), output: Some(361), errors: &["AccessDeniedException", "NamespaceNotFoundException", "ServerException", "InvalidParameterException", "ClientException", "ClusterNotFoundException", "UnsupportedFeatureException"] },
        Operation { name: "StopTask", read_only: false, dry_run: false, input: Some(363), output: Some(364), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException", "ClusterNotFoundException"] },
        Operation { name: "TagResource", read_only: false, dry_run: false, input: Some(373), output: Some(374), errors: &["AccessDeniedException", "LimitExceededException", "ResourceNotFoundException", "ServerException", "InvalidParameterException", "ClientException", "ClusterNotFoundException"] },
        Operation { name: "UntagResource", read_only: false, dry_run: false, input: Some(413), output: Some(414), errors: &["AccessDeniedException", "ResourceNotFoundException", "ServerException", "InvalidParameterException", "ClientException", "ClusterNotFoundException"] },
        Operation { name: "UpdateCapacityProvider", read_only: false, dry_run: false, input: Some(415), output: Some(416), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException", "ClusterNotFoundException", "UnsupportedFeatureException"] },
        Operation { name: "UpdateCluster", read_only: false, dry_run: false, input: Some(417), output: Some(418), errors: &["AccessDeniedException", "NamespaceNotFoundException", "ServerException", "InvalidParameterException", "ClientException", "ClusterNotFoundException"] },
        Operation { name: "UpdateClusterSettings", read_only: false, dry_run: false, input: Some(419), output: Some(420), errors: &["AccessDeniedException", "ServerException", "UpdateInProgressException", "InvalidParameterException", "ClientException", "ClusterNotFoundException"] },
        Operation { name: "UpdateContainerInstancesState", read_only: false, dry_run: false, input: Some(421), output: Some(422), errors: &["AccessDeniedException", "ServerException", "InvalidParameterException", "ClientException", "ClusterNotFoundException"] },
        Operation { name: "UpdateService", read_only: false, dry_run: false, input: Some(425), output: Some(426), errors: &["AccessDeniedException", "PlatformUnknownException", "NamespaceNotFoundException", "ServiceNotActiveException", "ServerException", "InvalidParameterException", "ClientException", "ServiceNotFoundException", "ClusterNotFoundException", "PlatformTaskDefinitionIncompatibilityException", "UnsupportedFeatureException"] },
    ],
    shapes: &[
        /* 0 */ Shape { name: "AcceleratorCountRequest", kind: Kind::Structure(&[Member { name: "max", shape: 33, required: false }, Member { name: "min", shape: 33, required: false }]) },
        /* 1 */ Shape { name: "AcceleratorManufacturer", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["amazon-web-services", "amd", "nvidia", "xilinx", "habana"], sensitive: false }) },
        /* 2 */ Shape { name: "AcceleratorManufacturerSet", kind: Kind::List { member: 1, length: Bound { min: None, max: None } } },
        /* 3 */ Shape { name: "AcceleratorName", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["a100", "inferentia", "k520", "k80", "m60", "radeon-pro-v520", "t4", "vu9p", "v100", "a10g", "h100", "t4g"], sensitive: false }) },
        /* 4 */ Shape { name: "AcceleratorNameSet", kind: Kind::List { member: 3, length: Bound { min: None, max: None } } },
        /* 5 */ Shape { name: "AcceleratorTotalMemoryMiBRequest", kind: Kind::Structure(&[Member { name: "max", shape: 33, required: false }, Member { name: "min", shape: 33, required: false }]) },
        /* 6 */ Shape { name: "AcceleratorType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["gpu", "fpga", "inference"], sensitive: false }) },
        /* 7 */ Shape { name: "AcceleratorTypeSet", kind: Kind::List { member: 6, length: Bound { min: None, max: None } } },
        /* 8 */ Shape { name: "AccessDeniedException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 9 */ Shape { name: "AdvancedConfiguration", kind: Kind::Structure(&[Member { name: "alternateTargetGroupArn", shape: 365, required: false }, Member { name: "productionListenerRule", shape: 365, required: false }, Member { name: "roleArn", shape: 365, required: false }, Member { name: "testListenerRule", shape: 365, required: false }]) },
        /* 10 */ Shape { name: "AgentUpdateStatus", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["PENDING", "STAGING", "STAGED", "UPDATING", "UPDATED", "FAILED"], sensitive: false }) },
        /* 11 */ Shape { name: "AllowedInstanceType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(30) }, pattern: Some("[a-zA-Z0-9\\.\\*\\-]+"), values: &[], sensitive: false }) },
        /* 12 */ Shape { name: "AllowedInstanceTypeSet", kind: Kind::List { member: 11, length: Bound { min: Some(0), max: Some(400) } } },
        /* 13 */ Shape { name: "ApplicationProtocol", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["http", "http2", "grpc"], sensitive: false }) },
        /* 14 */ Shape { name: "AssignPublicIp", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ENABLED", "DISABLED"], sensitive: false }) },
        /* 15 */ Shape { name: "Attachment", kind: Kind::Structure(&[Member { name: "details", shape: 16, required: false }, Member { name: "id", shape: 365, required: false }, Member { name: "status", shape: 365, required: false }, Member { name: "type", shape: 365, required: false }]) },
        /* 16 */ Shape { name: "AttachmentDetails", kind: Kind::List { member: 206, length: Bound { min: None, max: None } } },
        /* 17 */ Shape { name: "Attachments", kind: Kind::List { member: 15, length: Bound { min: None, max: None } } },
        /* 18 */ Shape { name: "Attribute", kind: Kind::Structure(&[Member { name: "name", shape: 365, required: true }, Member { name: "targetId", shape: 365, required: false }, Member { name: "targetType", shape: 378, required: false }, Member { name: "value", shape: 365, required: false }]) },
        /* 19 */ Shape { name: "AttributeLimitExceededException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 20 */ Shape { name: "Attributes", kind: Kind::List { member: 18, length: Bound { min: None, max: None } } },
        /* 21 */ Shape { name: "AutoRepairActionsStatus", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ENABLED", "DISABLED"], sensitive: false }) },
        /* 22 */ Shape { name: "AutoRepairConfiguration", kind: Kind::Structure(&[Member { name: "actionsStatus", shape: 21, required: false }]) },
        /* 23 */ Shape { name: "AutoScalingGroupProvider", kind: Kind::Structure(&[Member { name: "autoScalingGroupArn", shape: 365, required: true }, Member { name: "managedDraining", shape: 243, required: false }, Member { name: "managedScaling", shape: 249, required: false }, Member { name: "managedTerminationProtection", shape: 255, required: false }]) },
        /* 24 */ Shape { name: "AutoScalingGroupProviderUpdate", kind: Kind::Structure(&[Member { name: "managedDraining", shape: 243, required: false }, Member { name: "managedScaling", shape: 249, required: false }, Member { name: "managedTerminationProtection", shape: 255, required: false }]) },
        /* 25 */ Shape { name: "AvailabilityZoneRebalancing", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ENABLED", "DISABLED"], sensitive: false }) },
        /* 26 */ Shape { name: "AwsVpcConfiguration", kind: Kind::Structure(&[Member { name: "assignPublicIp", shape: 14, required: false }, Member { name: "securityGroups", shape: 366, required: false }, Member { name: "subnets", shape: 366, required: true }]) },
        /* 27 */ Shape { name: "BareMetal", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["included", "required", "excluded"], sensitive: false }) },
        /* 28 */ Shape { name: "BaselineEbsBandwidthMbpsRequest", kind: Kind::Structure(&[Member { name: "max", shape: 33, required: false }, Member { name: "min", shape: 33, required: false }]) },
        /* 29 */ Shape { name: "BlockedException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 30 */ Shape { name: "Boolean", kind: Kind::Boolean },
        /* 31 */ Shape { name: "BoxedBoolean", kind: Kind::Boolean },
        /* 32 */ Shape { name: "BoxedDouble", kind: Kind::Float(Bound { min: None, max: None }) },
        /* 33 */ Shape { name: "BoxedInteger", kind: Kind::Integer(Bound { min: None, max: None }) },
        /* 34 */ Shape { name: "BurstablePerformance", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["included", "required", "excluded"], sensitive: false }) },
        /* 35 */ Shape { name: "CPUArchitecture", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["X86_64", "ARM64"], sensitive: false }) },
        /* 36 */ Shape { name: "CanaryConfiguration", kind: Kind::Structure(&[Member { name: "canaryBakeTimeInMinutes", shape: 201, required: false }, Member { name: "canaryPercent", shape: 149, required: false }]) },
        /* 37 */ Shape { name: "CapacityOptionType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ON_DEMAND", "SPOT", "RESERVED"], sensitive: false }) },
        /* 38 */ Shape { name: "CapacityProvider", kind: Kind::Structure(&[Member { name: "autoScalingGroupProvider", shape: 23, required: false }, Member { name: "capacityProviderArn", shape: 365, required: false }, Member { name: "cluster", shape: 365, required: false }, Member { name: "managedInstancesProvider", shape: 247, required: false }, Member { name: "name", shape: 365, required: false }, Member { name: "status", shape: 41, required: false }, Member { name: "tags", shape: 376, required: false }, Member { name: "type", shape: 46, required: false }, Member { name: "updateStatus", shape: 47, required: false }, Member { name: "updateStatusReason", shape: 365, required: false }]) },
        /* 39 */ Shape { name: "CapacityProviderField", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["TAGS"], sensitive: false }) },
        /* 40 */ Shape { name: "CapacityProviderFieldList", kind: Kind::List { member: 39, length: Bound { min: None, max: None } } },
        /* 41 */ Shape { name: "CapacityProviderStatus", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["PROVISIONING", "ACTIVE", "DEPROVISIONING", "INACTIVE"], sensitive: false }) },
        /* 42 */ Shape { name: "CapacityProviderStrategy", kind: Kind::List { member: 43, length: Bound { min: None, max: None } } },
        /* 43 */ Shape { name: "CapacityProviderStrategyItem", kind: Kind::Structure(&[Member { name: "base", shape: 44, required: false }, Member { name: "capacityProvider", shape: 365, required: true }, Member { name: "weight", shape: 45, required: false }]) },
        /* 44 */ Shape { name: "CapacityProviderStrategyItemBase", kind: Kind::Integer(Bound { min: Some(0), max: Some(100000) }) },
        /* 45 */ Shape { name: "CapacityProviderStrategyItemWeight", kind: Kind::Integer(Bound { min: Some(0), max: Some(1000) }) },
        /* 46 */ Shape { name: "CapacityProviderType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["EC2_AUTOSCALING", "MANAGED_INSTANCES", "FARGATE", "FARGATE_SPOT"], sensitive: false }) },
        /* 47 */ Shape { name: "CapacityProviderUpdateStatus", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["CREATE_IN_PROGRESS", "CREATE_COMPLETE", "CREATE_FAILED", "DELETE_IN_PROGRESS", "DELETE_COMPLETE", "DELETE_FAILED", "UPDATE_IN_PROGRESS", "UPDATE_COMPLETE", "UPDATE_FAILED"], sensitive: false }) },
        /* 48 */ Shape { name: "CapacityProviders", kind: Kind::List { member: 38, length: Bound { min: None, max: None } } },
        /* 49 */ Shape { name: "CapacityReservationPreference", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["RESERVATIONS_ONLY", "RESERVATIONS_FIRST", "RESERVATIONS_EXCLUDED"], sensitive: false }) },
        /* 50 */ Shape { name: "CapacityReservationRequest", kind: Kind::Structure(&[Member { name: "reservationGroupArn", shape: 365, required: false }, Member { name: "reservationPreference", shape: 49, required: false }]) },
        /* 51 */ Shape { name: "ClientException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 52 */ Shape { name: "Cluster", kind: Kind::Structure(&[Member { name: "activeServicesCount", shape: 201, required: false }, Member { name: "attachments", shape: 17, required: false }, Member { name: "attachmentsStatus", shape: 365, required: false }, Member { name: "capacityProviders", shape: 366, required: false }, Member { name: "clusterArn", shape: 365, required: false }, Member { name: "clusterName", shape: 365, required: false }, Member { name: "configuration", shape: 53, required: false }, Member { name: "defaultCapacityProviderStrategy", shape: 42, required: false }, Member { name: "pendingTasksCount", shape: 201, required: false }, Member { name: "registeredContainerInstancesCount", shape: 201, required: false }, Member { name: "runningTasksCount", shape: 201, required: false }, Member { name: "serviceConnectDefaults", shape: 61, required: false }, Member { name: "settings", shape: 65, required: false }, Member { name: "statistics", shape: 362, required: false }, Member { name: "status", shape: 365, required: false }, Member { name: "tags", shape: 376, required: false }]) },
        /* 53 */ Shape { name: "ClusterConfiguration", kind: Kind::Structure(&[Member { name: "executeCommandConfiguration", shape: 169, required: false }, Member { name: "managedStorageConfiguration", shape: 254, required: false }]) },
        /* 54 */ Shape { name: "ClusterContainsCapacityProviderException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 55 */ Shape { name: "ClusterContainsContainerInstancesException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 56 */ Shape { name: "ClusterContainsServicesException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 57 */ Shape { name: "ClusterContainsTasksException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 58 */ Shape { name: "ClusterField", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS"], sensitive: false }) },
        /* 59 */ Shape { name: "ClusterFieldList", kind: Kind::List { member: 58, length: Bound { min: None, max: None } } },
        /* 60 */ Shape { name: "ClusterNotFoundException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 61 */ Shape { name: "ClusterServiceConnectDefaults", kind: Kind::Structure(&[Member { name: "namespace", shape: 365, required: false }]) },
        /* 62 */ Shape { name: "ClusterServiceConnectDefaultsRequest", kind: Kind::Structure(&[Member { name: "namespace", shape: 365, required: true }]) },
        /* 63 */ Shape { name: "ClusterSetting", kind: Kind::Structure(&[Member { name: "name", shape: 64, required: false }, Member { name: "value", shape: 365, required: false }]) },
        /* 64 */ Shape { name: "ClusterSettingName", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["containerInsights"], sensitive: false }) },
        /* 65 */ Shape { name: "ClusterSettings", kind: Kind::List { member: 63, length: Bound { min: None, max: None } } },
        /* 66 */ Shape { name: "Clusters", kind: Kind::List { member: 52, length: Bound { min: None, max: None } } },
        /* 67 */ Shape { name: "Compatibility", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"], sensitive: false }) },
        /* 68 */ Shape { name: "CompatibilityList", kind: Kind::List { member: 67, length: Bound { min: None, max: None } } },
        /* 69 */ Shape { name: "ConflictException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }, Member { name: "resourceIds", shape: 305, required: false }]) },
        /* 70 */ Shape { name: "Connectivity", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["CONNECTED", "DISCONNECTED"], sensitive: false }) },
        /* 71 */ Shape { name: "Container", kind: Kind::Structure(&[Member { name: "containerArn", shape: 365, required: false }, Member { name: "cpu", shape: 365, required: false }, Member { name: "exitCode", shape: 33, required: false }, Member { name: "gpuIds", shape: 179, required: false }, Member { name: "healthStatus", shape: 181, required: false }, Member { name: "image", shape: 365, required: false }, Member { name: "imageDigest", shape: 365, required: false }, Member { name: "lastStatus", shape: 365, required: false }, Member { name: "managedAgents", shape: 242, required: false }, Member { name: "memory", shape: 365, required: false }, Member { name: "memoryReservation", shape: 365, required: false }, Member { name: "name", shape: 365, required: false }, Member { name: "networkBindings", shape: 263, required: false }, Member { name: "networkInterfaces", shape: 267, required: false }, Member { name: "reason", shape: 365, required: false }, Member { name: "runtimeId", shape: 365, required: false }, Member { name: "taskArn", shape: 365, required: false }]) },
        /* 72 */ Shape { name: "ContainerCondition", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["START", "COMPLETE", "SUCCESS", "HEALTHY"], sensitive: false }) },
        /* 73 */ Shape { name: "ContainerDefinition", kind: Kind::Structure(&[Member { name: "command", shape: 366, required: false }, Member { name: "cpu", shape: 201, required: false }, Member { name: "credentialSpecs", shape: 366, required: false }, Member { name: "dependsOn", shape: 75, required: false }, Member { name: "disableNetworking", shape: 31, required: false }, Member { name: "dnsSearchDomains", shape: 366, required: false }, Member { name: "dnsServers", shape: 366, required: false }, Member { name: "dockerLabels", shape: 147, required: false }, Member { name: "dockerSecurityOptions", shape: 366, required: false }, Member { name: "entryPoint", shape: 366, required: false }, Member { name: "environment", shape: 165, required: false }, Member { name: "environmentFiles", shape: 164, required: false }, Member { name: "essential", shape: 31, required: false }, Member { name: "extraHosts", shape: 184, required: false }, Member { name: "firelensConfiguration", shape: 176, required: false }, Member { name: "healthCheck", shape: 180, required: false }, Member { name: "hostname", shape: 365, required: false }, Member { name: "image", shape: 365, required: false }, Member { name: "interactive", shape: 31, required: false }, Member { name: "links", shape: 366, required: false }, Member { name: "linuxParameters", shape: 210, required: false }, Member { name: "logConfiguration", shape: 236, required: false }, Member { name: "memory", shape: 33, required: false }, Member { name: "memoryReservation", shape: 33, required: false }, Member { name: "mountPoints", shape: 259, required: false }, Member { name: "name", shape: 365, required: false }, Member { name: "portMappings", shape: 283, required: false }, Member { name: "privileged", shape: 31, required: false }, Member { name: "pseudoTerminal", shape: 31, required: false }, Member { name: "readonlyRootFilesystem", shape: 31, required: false }, Member { name: "repositoryCredentials", shape: 302, required: false }, Member { name: "resourceRequirements", shape: 310, required: false }, Member { name: "restartPolicy", shape: 85, required: false }, Member { name: "secrets", shape: 322, required: false }, Member { name: "startTimeout", shape: 33, required: false }, Member { name: "stopTimeout", shape: 33, required: false }, Member { name: "systemControls", shape: 369, required: false }, Member { name: "ulimits", shape: 410, required: false }, Member { name: "user", shape: 365, required: false }, Member { name: "versionConsistency", shape: 428, required: false }, Member { name: "volumesFrom", shape: 432, required: false }, Member { name: "workingDirectory", shape: 365, required: false }]) },
        /* 74 */ Shape { name: "ContainerDefinitions", kind: Kind::List { member: 73, length: Bound { min: None, max: None } } },
        /* 75 */ Shape { name: "ContainerDependencies", kind: Kind::List { member: 76, length: Bound { min: None, max: None } } },
        /* 76 */ Shape { name: "ContainerDependency", kind: Kind::Structure(&[Member { name: "condition", shape: 72, required: true }, Member { name: "containerName", shape: 365, required: true }]) },
        /* 77 */ Shape { name: "ContainerInstance", kind: Kind::Structure(&[Member { name: "agentConnected", shape: 30, required: false }, Member { name: "agentUpdateStatus", shape: 10, required: false }, Member { name: "attachments", shape: 17, required: false }, Member { name: "attributes", shape: 20, required: false }, Member { name: "capacityProviderName", shape: 365, required: false }, Member { name: "containerInstanceArn", shape: 365, required: false }, Member { name: "ec2InstanceId", shape: 365, required: false }, Member { name: "healthStatus", shape: 80, required: false }, Member { name: "pendingTasksCount", shape: 201, required: false }, Member { name: "registeredAt", shape: 404, required: false }, Member { name: "registeredResources", shape: 312, required: false }, Member { name: "remainingResources", shape: 312, required: false }, Member { name: "runningTasksCount", shape: 201, required: false }, Member { name: "status", shape: 365, required: false }, Member { name: "statusReason", shape: 365, required: false }, Member { name: "tags", shape: 376, required: false }, Member { name: "version", shape: 239, required: false }, Member { name: "versionInfo", shape: 429, required: false }]) },
        /* 78 */ Shape { name: "ContainerInstanceField", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["TAGS", "CONTAINER_INSTANCE_HEALTH"], sensitive: false }) },
        /* 79 */ Shape { name: "ContainerInstanceFieldList", kind: Kind::List { member: 78, length: Bound { min: None, max: None } } },
        /* 80 */ Shape { name: "ContainerInstanceHealthStatus", kind: Kind::Structure(&[Member { name: "details", shape: 195, required: false }, Member { name: "overallStatus", shape: 196, required: false }]) },
        /* 81 */ Shape { name: "ContainerInstanceStatus", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ACTIVE", "DRAINING", "REGISTERING", "DEREGISTERING", "REGISTRATION_FAILED"], sensitive: false }) },
        /* 82 */ Shape { name: "ContainerInstances", kind: Kind::List { member: 77, length: Bound { min: None, max: None } } },
        /* 83 */ Shape { name: "ContainerOverride", kind: Kind::Structure(&[Member { name: "command", shape: 366, required: false }, Member { name: "cpu", shape: 33, required: false }, Member { name: "environment", shape: 165, required: false }, Member { name: "environmentFiles", shape: 164, required: false }, Member { name: "memory", shape: 33, required: false }, Member { name: "memoryReservation", shape: 33, required: false }, Member { name: "name", shape: 365, required: false }, Member { name: "resourceRequirements", shape: 310, required: false }]) },
        /* 84 */ Shape { name: "ContainerOverrides", kind: Kind::List { member: 83, length: Bound { min: None, max: None } } },
        /* 85 */ Shape { name: "ContainerRestartPolicy", kind: Kind::Structure(&[Member { name: "enabled", shape: 31, required: true }, Member { name: "ignoredExitCodes", shape: 202, required: false }, Member { name: "restartAttemptPeriod", shape: 33, required: false }]) },
        /* 86 */ Shape { name: "Containers", kind: Kind::List { member: 71, length: Bound { min: None, max: None } } },
        /* 87 */ Shape { name: "CpuManufacturer", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["intel", "amd", "amazon-web-services"], sensitive: false }) },
        /* 88 */ Shape { name: "CpuManufacturerSet", kind: Kind::List { member: 87, length: Bound { min: None, max: None } } },
        /* 89 */ Shape { name: "CreateCapacityProviderRequest", kind: Kind::Structure(&[Member { name: "autoScalingGroupProvider", shape: 23, required: false }, Member { name: "cluster", shape: 365, required: false }, Member { name: "managedInstancesProvider", shape: 93, required: false }, Member { name: "name", shape: 365, required: true }, Member { name: "tags", shape: 376, required: false }]) },
        /* 90 */ Shape { name: "CreateCapacityProviderResponse", kind: Kind::Structure(&[Member { name: "capacityProvider", shape: 38, required: false }]) },
        /* 91 */ Shape { name: "CreateClusterRequest", kind: Kind::Structure(&[Member { name: "capacityProviders", shape: 366, required: false }, Member { name: "clusterName", shape: 365, required: false }, Member { name: "configuration", shape: 53, required: false }, Member { name: "defaultCapacityProviderStrategy", shape: 42, required: false }, Member { name: "serviceConnectDefaults", shape: 62, required: false }, Member { name: "settings", shape: 65, required: false }, Member { name: "tags", shape: 376, required: false }]) },
        /* 92 */ Shape { name: "CreateClusterResponse", kind: Kind::Structure(&[Member { name: "cluster", shape: 52, required: false }]) },
        /* 93 */ Shape { name: "CreateManagedInstancesProviderConfiguration", kind: Kind::Structure(&[Member { name: "autoRepairConfiguration", shape: 22, required: false }, Member { name: "infrastructureOptimization", shape: 191, required: false }, Member { name: "infrastructureRoleArn", shape: 365, required: true }, Member { name: "instanceLaunchTemplate", shape: 198, required: true }, Member { name: "propagateTags", shape: 285, required: false }]) },
        /* 94 */ Shape { name: "CreateServiceRequest", kind: Kind::Structure(&[Member { name: "availabilityZoneRebalancing", shape: 25, required: false }, Member { name: "capacityProviderStrategy", shape: 42, required: false }, Member { name: "clientToken", shape: 365, required: false }, Member { name: "cluster", shape: 365, required: false }, Member { name: "deploymentConfiguration", shape: 111, required: false }, Member { name: "deploymentController", shape: 112, required: false }, Member { name: "desiredCount", shape: 33, required: false }, Member { name: "enableECSManagedTags", shape: 30, required: false }, Member { name: "enableExecuteCommand", shape: 30, required: false }, Member { name: "healthCheckGracePeriodSeconds", shape: 33, required: false }, Member { name: "launchType", shape: 207, required: false }, Member { name: "loadBalancers", shape: 232, required: false }, Member { name: "networkConfiguration", shape: 264, required: false }, Member { name: "placementConstraints", shape: 273, required: false }, Member { name: "placementStrategy", shape: 274, required: false }, Member { name: "platformVersion", shape: 365, required: false }, Member { name: "propagateTags", shape: 286, required: false }, Member { name: "role", shape: 365, required: false }, Member { name: "schedulingStrategy", shape: 319, required: false }, Member { name: "serviceConnectConfiguration", shape: 329, required: false }, Member { name: "serviceName", shape: 365, required: true }, Member { name: "serviceRegistries", shape: 349, required: false }, Member { name: "tags", shape: 376, required: false }, Member { name: "taskDefinition", shape: 365, required: false }, Member { name: "volumeConfigurations", shape: 352, required: false }, Member { name: "vpcLatticeConfigurations", shape: 435, required: false }]) },
        /* 95 */ Shape { name: "CreateServiceResponse", kind: Kind::Structure(&[Member { name: "service", shape: 324, required: false }]) },
        /* 96 */ Shape { name: "DeleteAccountSettingRequest", kind: Kind::Structure(&[Member { name: "name", shape: 355, required: true }, Member { name: "principalArn", shape: 365, required: false }]) },
        /* 97 */ Shape { name: "DeleteAccountSettingResponse", kind: Kind::Structure(&[Member { name: "setting", shape: 354, required: false }]) },
        /* 98 */ Shape { name: "DeleteAttributesRequest", kind: Kind::Structure(&[Member { name: "attributes", shape: 20, required: true }, Member { name: "cluster", shape: 365, required: false }]) },
        /* 99 */ Shape { name: "DeleteAttributesResponse", kind: Kind::Structure(&[Member { name: "attributes", shape: 20, required: false }]) },
        /* 100 */ Shape { name: "DeleteCapacityProviderRequest", kind: Kind::Structure(&[Member { name: "capacityProvider", shape: 365, required: true }, Member { name: "cluster", shape: 365, required: false }]) },
        /* 101 */ Shape { name: "DeleteCapacityProviderResponse", kind: Kind::Structure(&[Member { name: "capacityProvider", shape: 38, required: false }]) },
        /* 102 */ Shape { name: "DeleteClusterRequest", kind: Kind::Structure(&[Member { name: "cluster", shape: 365, required: true }]) },
        /* 103 */ Shape { name: "DeleteClusterResponse", kind: Kind::Structure(&[Member { name: "cluster", shape: 52, required: false }]) },
        /* 104 */ Shape { name: "DeleteServiceRequest", kind: Kind::Structure(&[Member { name: "cluster", shape: 365, required: false }, Member { name: "force", shape: 31, required: false }, Member { name: "service", shape: 365, required: true }]) },
        /* 105 */ Shape { name: "DeleteServiceResponse", kind: Kind::Structure(&[Member { name: "service", shape: 324, required: false }]) },
        /* 106 */ Shape { name: "DeleteTaskDefinitionsRequest", kind: Kind::Structure(&[Member { name: "taskDefinitions", shape: 366, required: true }]) },
        /* 107 */ Shape { name: "DeleteTaskDefinitionsResponse", kind: Kind::Structure(&[Member { name: "failures", shape: 175, required: false }, Member { name: "taskDefinitions", shape: 384, required: false }]) },
        /* 108 */ Shape { name: "Deployment", kind: Kind::Structure(&[Member { name: "capacityProviderStrategy", shape: 42, required: false }, Member { name: "createdAt", shape: 404, required: false }, Member { name: "desiredCount", shape: 201, required: false }, Member { name: "failedTasks", shape: 201, required: false }, Member { name: "fargateEphemeralStorage", shape: 114, required: false }, Member { name: "id", shape: 365, required: false }, Member { name: "launchType", shape: 207, required: false }, Member { name: "networkConfiguration", shape: 264, required: false }, Member { name: "pendingCount", shape: 201, required: false }, Member { name: "platformFamily", shape: 365, required: false }, Member { name: "platformVersion", shape: 365, required: false }, Member { name: "rolloutState", shape: 123, required: false }, Member { name: "rolloutStateReason", shape: 365, required: false }, Member { name: "runningCount", shape: 201, required: false }, Member { name: "serviceConnectConfiguration", shape: 329, required: false }, Member { name: "serviceConnectResources", shape: 334, required: false }, Member { name: "status", shape: 365, required: false }, Member { name: "taskDefinition", shape: 365, required: false }, Member { name: "updatedAt", shape: 404, required: false }, Member { name: "volumeConfigurations", shape: 352, required: false }, Member { name: "vpcLatticeConfigurations", shape: 435, required: false }]) },
        /* 109 */ Shape { name: "DeploymentAlarms", kind: Kind::Structure(&[Member { name: "alarmNames", shape: 366, required: true }, Member { name: "enable", shape: 30, required: true }, Member { name: "rollback", shape: 30, required: true }]) },
        /* 110 */ Shape { name: "DeploymentCircuitBreaker", kind: Kind::Structure(&[Member { name: "enable", shape: 30, required: true }, Member { name: "rollback", shape: 30, required: true }]) },
        /* 111 */ Shape { name: "DeploymentConfiguration", kind: Kind::Structure(&[Member { name: "alarms", shape: 109, required: false }, Member { name: "bakeTimeInMinutes", shape: 33, required: false }, Member { name: "canaryConfiguration", shape: 36, required: false }, Member { name: "deploymentCircuitBreaker", shape: 110, required: false }, Member { name: "lifecycleHooks", shape: 118, required: false }, Member { name: "linearConfiguration", shape: 209, required: false }, Member { name: "maximumPercent", shape: 33, required: false }, Member { name: "minimumHealthyPercent", shape: 33, required: false }, Member { name: "strategy", shape: 124, required: false }]) },
        /* 112 */ Shape { name: "DeploymentController", kind: Kind::Structure(&[Member { name: "type", shape: 113, required: true }]) },
        /* 113 */ Shape { name: "DeploymentControllerType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ECS", "CODE_DEPLOY", "EXTERNAL"], sensitive: false }) },
        /* 114 */ Shape { name: "DeploymentEphemeralStorage", kind: Kind::Structure(&[Member { name: "kmsKeyId", shape: 365, required: false }]) },
        /* 115 */ Shape { name: "DeploymentLifecycleHook", kind: Kind::Structure(&[Member { name: "hookDetails", shape: 182, required: false }, Member { name: "hookTargetArn", shape: 365, required: false }, Member { name: "lifecycleStages", shape: 120, required: false }, Member { name: "roleArn", shape: 186, required: false }, Member { name: "targetType", shape: 121, required: false }, Member { name: "timeoutConfiguration", shape: 122, required: false }]) },
        /* 116 */ Shape { name: "DeploymentLifecycleHookAction", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ROLLBACK", "CONTINUE"], sensitive: false }) },
        /* 117 */ Shape { name: "DeploymentLifecycleHookDuration", kind: Kind::Integer(Bound { min: Some(1), max: Some(20160) }) },
        /* 118 */ Shape { name: "DeploymentLifecycleHookList", kind: Kind::List { member: 115, length: Bound { min: None, max: None } } },
        /* 119 */ Shape { name: "DeploymentLifecycleHookStage", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT"], sensitive: false }) },
        /* 120 */ Shape { name: "DeploymentLifecycleHookStageList", kind: Kind::List { member: 119, length: Bound { min: None, max: None } } },
        /* 121 */ Shape { name: "DeploymentLifecycleHookTargetType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["AWS_LAMBDA", "PAUSE"], sensitive: false }) },
        /* 122 */ Shape { name: "DeploymentLifecycleHookTimeoutConfiguration", kind: Kind::Structure(&[Member { name: "action", shape: 116, required: false }, Member { name: "timeoutInMinutes", shape: 117, required: false }]) },
        /* 123 */ Shape { name: "DeploymentRolloutState", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["COMPLETED", "FAILED", "IN_PROGRESS"], sensitive: false }) },
        /* 124 */ Shape { name: "DeploymentStrategy", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ROLLING", "BLUE_GREEN", "LINEAR", "CANARY"], sensitive: false }) },
        /* 125 */ Shape { name: "Deployments", kind: Kind::List { member: 108, length: Bound { min: None, max: None } } },
        /* 126 */ Shape { name: "DeregisterContainerInstanceRequest", kind: Kind::Structure(&[Member { name: "cluster", shape: 365, required: false }, Member { name: "containerInstance", shape: 365, required: true }, Member { name: "force", shape: 31, required: false }]) },
        /* 127 */ Shape { name: "DeregisterContainerInstanceResponse", kind: Kind::Structure(&[Member { name: "containerInstance", shape: 77, required: false }]) },
        /* 128 */ Shape { name: "DeregisterTaskDefinitionRequest", kind: Kind::Structure(&[Member { name: "taskDefinition", shape: 365, required: true }]) },
        /* 129 */ Shape { name: "DeregisterTaskDefinitionResponse", kind: Kind::Structure(&[Member { name: "taskDefinition", shape: 380, required: false }]) },
        /* 130 */ Shape { name: "DescribeCapacityProvidersRequest", kind: Kind::Structure(&[Member { name: "capacityProviders", shape: 366, required: false }, Member { name: "cluster", shape: 365, required: false }, Member { name: "include", shape: 40, required: false }, Member { name: "maxResults", shape: 33, required: false }, Member { name: "nextToken", shape: 365, required: false }]) },
        /* 131 */ Shape { name: "DescribeCapacityProvidersResponse", kind: Kind::Structure(&[Member { name: "capacityProviders", shape: 48, required: false }, Member { name: "failures", shape: 175, required: false }, Member { name: "nextToken", shape: 365, required: false }]) },
        /* 132 */ Shape { name: "DescribeClustersRequest", kind: Kind::Structure(&[Member { name: "clusters", shape: 366, required: false }, Member { name: "include", shape: 59, required: false }]) },
        /* 133 */ Shape { name: "DescribeClustersResponse", kind: Kind::Structure(&[Member { name: "clusters", shape: 66, required: false }, Member { name: "failures", shape: 175, required: false }]) },
        /* 134 */ Shape { name: "DescribeContainerInstancesRequest", kind: Kind::Structure(&[Member { name: "cluster", shape: 365, required: false }, Member { name: "containerInstances", shape: 366, required: true }, Member { name: "include", shape: 79, required: false }]) },
        /* 135 */ Shape { name: "DescribeContainerInstancesResponse", kind: Kind::Structure(&[Member { name: "containerInstances", shape: 82, required: false }, Member { name: "failures", shape: 175, required: false }]) },
        /* 136 */ Shape { name: "DescribeServicesRequest", kind: Kind::Structure(&[Member { name: "cluster", shape: 365, required: false }, Member { name: "include", shape: 345, required: false }, Member { name: "services", shape: 366, required: true }]) },
        /* 137 */ Shape { name: "DescribeServicesResponse", kind: Kind::Structure(&[Member { name: "failures", shape: 175, required: false }, Member { name: "services", shape: 353, required: false }]) },
        /* 138 */ Shape { name: "DescribeTaskDefinitionRequest", kind: Kind::Structure(&[Member { name: "include", shape: 383, required: false }, Member { name: "taskDefinition", shape: 365, required: true }]) },
        /* 139 */ Shape { name: "DescribeTaskDefinitionResponse", kind: Kind::Structure(&[Member { name: "tags", shape: 376, required: false }, Member { name: "taskDefinition", shape: 380, required: false }]) },
        /* 140 */ Shape { name: "DescribeTasksRequest", kind: Kind::Structure(&[Member { name: "cluster", shape: 365, required: false }, Member { name: "include", shape: 391, required: false }, Member { name: "tasks", shape: 366, required: true }]) },
        /* 141 */ Shape { name: "DescribeTasksResponse", kind: Kind::Structure(&[Member { name: "failures", shape: 175, required: false }, Member { name: "tasks", shape: 402, required: false }]) },
        /* 142 */ Shape { name: "DesiredStatus", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["RUNNING", "PENDING", "STOPPED"], sensitive: false }) },
        /* 143 */ Shape { name: "Device", kind: Kind::Structure(&[Member { name: "containerPath", shape: 365, required: false }, Member { name: "hostPath", shape: 365, required: true }, Member { name: "permissions", shape: 145, required: false }]) },
        /* 144 */ Shape { name: "DeviceCgroupPermission", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["read", "write", "mknod"], sensitive: false }) },
        /* 145 */ Shape { name: "DeviceCgroupPermissions", kind: Kind::List { member: 144, length: Bound { min: None, max: None } } },
        /* 146 */ Shape { name: "DevicesList", kind: Kind::List { member: 143, length: Bound { min: None, max: None } } },
        /* 147 */ Shape { name: "DockerLabelsMap", kind: Kind::Map { key: 365, value: 365, length: Bound { min: None, max: None } } },
        /* 148 */ Shape { name: "DockerVolumeConfiguration", kind: Kind::Structure(&[Member { name: "autoprovision", shape: 31, required: false }, Member { name: "driver", shape: 365, required: false }, Member { name: "driverOpts", shape: 367, required: false }, Member { name: "labels", shape: 367, required: false }, Member { name: "scope", shape: 320, required: false }]) },
        /* 149 */ Shape { name: "Double", kind: Kind::Float(Bound { min: None, max: None }) },
        /* 150 */ Shape { name: "Duration", kind: Kind::Integer(Bound { min: Some(0), max: Some(2147483647) }) },
        /* 151 */ Shape { name: "EBSKMSKeyId", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 152 */ Shape { name: "EBSResourceType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["volume"], sensitive: false }) },
        /* 153 */ Shape { name: "EBSSnapshotId", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 154 */ Shape { name: "EBSTagSpecification", kind: Kind::Structure(&[Member { name: "propagateTags", shape: 286, required: false }, Member { name: "resourceType", shape: 152, required: true }, Member { name: "tags", shape: 376, required: false }]) },
        /* 155 */ Shape { name: "EBSTagSpecifications", kind: Kind::List { member: 154, length: Bound { min: None, max: None } } },
        /* 156 */ Shape { name: "EBSVolumeType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 157 */ Shape { name: "ECSVolumeName", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 158 */ Shape { name: "EFSAuthorizationConfig", kind: Kind::Structure(&[Member { name: "accessPointId", shape: 365, required: false }, Member { name: "iam", shape: 159, required: false }]) },
        /* 159 */ Shape { name: "EFSAuthorizationConfigIAM", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ENABLED", "DISABLED"], sensitive: false }) },
        /* 160 */ Shape { name: "EFSTransitEncryption", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ENABLED", "DISABLED"], sensitive: false }) },
        /* 161 */ Shape { name: "EFSVolumeConfiguration", kind: Kind::Structure(&[Member { name: "authorizationConfig", shape: 158, required: false }, Member { name: "fileSystemId", shape: 365, required: true }, Member { name: "rootDirectory", shape: 365, required: false }, Member { name: "transitEncryption", shape: 160, required: false }, Member { name: "transitEncryptionPort", shape: 33, required: false }]) },
        /* 162 */ Shape { name: "EnvironmentFile", kind: Kind::Structure(&[Member { name: "type", shape: 163, required: true }, Member { name: "value", shape: 365, required: true }]) },
        /* 163 */ Shape { name: "EnvironmentFileType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["s3"], sensitive: false }) },
        /* 164 */ Shape { name: "EnvironmentFiles", kind: Kind::List { member: 162, length: Bound { min: None, max: None } } },
        /* 165 */ Shape { name: "EnvironmentVariables", kind: Kind::List { member: 206, length: Bound { min: None, max: None } } },
        /* 166 */ Shape { name: "EphemeralStorage", kind: Kind::Structure(&[Member { name: "sizeInGiB", shape: 201, required: true }]) },
        /* 167 */ Shape { name: "ExcludedInstanceType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(30) }, pattern: Some("[a-zA-Z0-9\\.\\*\\-]+"), values: &[], sensitive: false }) },
        /* 168 */ Shape { name: "ExcludedInstanceTypeSet", kind: Kind::List { member: 167, length: Bound { min: Some(0), max: Some(400) } } },
        /* 169 */ Shape { name: "ExecuteCommandConfiguration", kind: Kind::Structure(&[Member { name: "kmsKeyId", shape: 365, required: false }, Member { name: "logConfiguration", shape: 170, required: false }, Member { name: "logging", shape: 171, required: false }]) },
        /* 170 */ Shape { name: "ExecuteCommandLogConfiguration", kind: Kind::Structure(&[Member { name: "cloudWatchEncryptionEnabled", shape: 30, required: false }, Member { name: "cloudWatchLogGroupName", shape: 365, required: false }, Member { name: "s3BucketName", shape: 365, required: false }, Member { name: "s3EncryptionEnabled", shape: 30, required: false }, Member { name: "s3KeyPrefix", shape: 365, required: false }]) },
        /* 171 */ Shape { name: "ExecuteCommandLogging", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["NONE", "DEFAULT", "OVERRIDE"], sensitive: false }) },
        /* 172 */ Shape { name: "FSxWindowsFileServerAuthorizationConfig", kind: Kind::Structure(&[Member { name: "credentialsParameter", shape: 365, required: true }, Member { name: "domain", shape: 365, required: true }]) },
        /* 173 */ Shape { name: "FSxWindowsFileServerVolumeConfiguration", kind: Kind::Structure(&[Member { name: "authorizationConfig", shape: 172, required: true }, Member { name: "fileSystemId", shape: 365, required: true }, Member { name: "rootDirectory", shape: 365, required: true }]) },
        /* 174 */ Shape { name: "Failure", kind: Kind::Structure(&[Member { name: "arn", shape: 365, required: false }, Member { name: "detail", shape: 365, required: false }, Member { name: "reason", shape: 365, required: false }]) },
        /* 175 */ Shape { name: "Failures", kind: Kind::List { member: 174, length: Bound { min: None, max: None } } },
        /* 176 */ Shape { name: "FirelensConfiguration", kind: Kind::Structure(&[Member { name: "options", shape: 177, required: false }, Member { name: "type", shape: 178, required: true }]) },
        /* 177 */ Shape { name: "FirelensConfigurationOptionsMap", kind: Kind::Map { key: 365, value: 365, length: Bound { min: None, max: None } } },
        /* 178 */ Shape { name: "FirelensConfigurationType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["fluentd", "fluentbit"], sensitive: false }) },
        /* 179 */ Shape { name: "GpuIds", kind: Kind::List { member: 365, length: Bound { min: None, max: None } } },
        /* 180 */ Shape { name: "HealthCheck", kind: Kind::Structure(&[Member { name: "command", shape: 366, required: true }, Member { name: "interval", shape: 33, required: false }, Member { name: "retries", shape: 33, required: false }, Member { name: "startPeriod", shape: 33, required: false }, Member { name: "timeout", shape: 33, required: false }]) },
        /* 181 */ Shape { name: "HealthStatus", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["HEALTHY", "UNHEALTHY", "UNKNOWN"], sensitive: false }) },
        /* 182 */ Shape { name: "HookDetails", kind: Kind::Document },
        /* 183 */ Shape { name: "HostEntry", kind: Kind::Structure(&[Member { name: "hostname", shape: 365, required: true }, Member { name: "ipAddress", shape: 365, required: true }]) },
        /* 184 */ Shape { name: "HostEntryList", kind: Kind::List { member: 183, length: Bound { min: None, max: None } } },
        /* 185 */ Shape { name: "HostVolumeProperties", kind: Kind::Structure(&[Member { name: "sourcePath", shape: 365, required: false }]) },
        /* 186 */ Shape { name: "IAMRoleArn", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 187 */ Shape { name: "InferenceAccelerator", kind: Kind::Structure(&[Member { name: "deviceName", shape: 365, required: true }, Member { name: "deviceType", shape: 365, required: true }]) },
        /* 188 */ Shape { name: "InferenceAcceleratorOverride", kind: Kind::Structure(&[Member { name: "deviceName", shape: 365, required: false }, Member { name: "deviceType", shape: 365, required: false }]) },
        /* 189 */ Shape { name: "InferenceAcceleratorOverrides", kind: Kind::List { member: 188, length: Bound { min: None, max: None } } },
        /* 190 */ Shape { name: "InferenceAccelerators", kind: Kind::List { member: 187, length: Bound { min: None, max: None } } },
        /* 191 */ Shape { name: "InfrastructureOptimization", kind: Kind::Structure(&[Member { name: "scaleInAfter", shape: 33, required: false }]) },
        /* 192 */ Shape { name: "InstanceGeneration", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["current", "previous"], sensitive: false }) },
        /* 193 */ Shape { name: "InstanceGenerationSet", kind: Kind::List { member: 192, length: Bound { min: None, max: None } } },
        /* 194 */ Shape { name: "InstanceHealthCheckResult", kind: Kind::Structure(&[Member { name: "lastStatusChange", shape: 404, required: false }, Member { name: "lastUpdated", shape: 404, required: false }, Member { name: "status", shape: 196, required: false }, Member { name: "statusReason", shape: 365, required: false }, Member { name: "type", shape: 197, required: false }]) },
        /* 195 */ Shape { name: "InstanceHealthCheckResultList", kind: Kind::List { member: 194, length: Bound { min: None, max: None } } },
        /* 196 */ Shape { name: "InstanceHealthCheckState", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["OK", "IMPAIRED", "INSUFFICIENT_DATA", "INITIALIZING"], sensitive: false }) },
        /* 197 */ Shape { name: "InstanceHealthCheckType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["CONTAINER_RUNTIME", "ACCELERATED_COMPUTE", "DAEMON"], sensitive: false }) },
        /* 198 */ Shape { name: "InstanceLaunchTemplate", kind: Kind::Structure(&[Member { name: "capacityOptionType", shape: 37, required: false }, Member { name: "capacityReservations", shape: 50, required: false }, Member { name: "ec2InstanceProfileArn", shape: 365, required: true }, Member { name: "fipsEnabled", shape: 31, required: false }, Member { name: "instanceMetadataTagsPropagation", shape: 31, required: false }, Member { name: "instanceRequirements", shape: 200, required: false }, Member { name: "localStorageConfiguration", shape: 244, required: false }, Member { name: "monitoring", shape: 245, required: false }, Member { name: "networkConfiguration", shape: 246, required: true }, Member { name: "storageConfiguration", shape: 248, required: false }]) },
        /* 199 */ Shape { name: "InstanceLaunchTemplateUpdate", kind: Kind::Structure(&[Member { name: "capacityReservations", shape: 50, required: false }, Member { name: "ec2InstanceProfileArn", shape: 365, required: false }, Member { name: "instanceMetadataTagsPropagation", shape: 31, required: false }, Member { name: "instanceRequirements", shape: 200, required: false }, Member { name: "localStorageConfiguration", shape: 244, required: false }, Member { name: "monitoring", shape: 245, required: false }, Member { name: "networkConfiguration", shape: 246, required: false }, Member { name: "storageConfiguration", shape: 248, required: false }]) },
        /* 200 */ Shape { name: "InstanceRequirementsRequest", kind: Kind::Structure(&[Member { name: "acceleratorCount", shape: 0, required: false }, Member { name: "acceleratorManufacturers", shape: 2, required: false }, Member { name: "acceleratorNames", shape: 4, required: false }, Member { name: "acceleratorTotalMemoryMiB", shape: 5, required: false }, Member { name: "acceleratorTypes", shape: 7, required: false }, Member { name: "allowedInstanceTypes", shape: 12, required: false }, Member { name: "bareMetal", shape: 27, required: false }, Member { name: "baselineEbsBandwidthMbps", shape: 28, required: false }, Member { name: "burstablePerformance", shape: 34, required: false }, Member { name: "cpuManufacturers", shape: 88, required: false }, Member { name: "excludedInstanceTypes", shape: 168, required: false }, Member { name: "instanceGenerations", shape: 193, required: false }, Member { name: "localStorage", shape: 233, required: false }, Member { name: "localStorageTypes", shape: 235, required: false }, Member { name: "maxSpotPriceAsPercentageOfOptimalOnDemandPrice", shape: 33, required: false }, Member { name: "memoryGiBPerVCpu", shape: 256, required: false }, Member { name: "memoryMiB", shape: 257, required: true }, Member { name: "networkBandwidthGbps", shape: 261, required: false }, Member { name: "networkInterfaceCount", shape: 266, required: false }, Member { name: "onDemandMaxPricePercentageOverLowestPrice", shape: 33, required: false }, Member { name: "requireHibernateSupport", shape: 31, required: false }, Member { name: "spotMaxPricePercentageOverLowestPrice", shape: 33, required: false }, Member { name: "totalLocalStorageGB", shape: 407, required: false }, Member { name: "vCpuCount", shape: 427, required: true }]) },
        /* 201 */ Shape { name: "Integer", kind: Kind::Integer(Bound { min: None, max: None }) },
        /* 202 */ Shape { name: "IntegerList", kind: Kind::List { member: 33, length: Bound { min: None, max: None } } },
        /* 203 */ Shape { name: "InvalidParameterException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 204 */ Shape { name: "IpcMode", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["host", "task", "none"], sensitive: false }) },
        /* 205 */ Shape { name: "KernelCapabilities", kind: Kind::Structure(&[Member { name: "add", shape: 366, required: false }, Member { name: "drop", shape: 366, required: false }]) },
        /* 206 */ Shape { name: "KeyValuePair", kind: Kind::Structure(&[Member { name: "name", shape: 365, required: false }, Member { name: "value", shape: 365, required: false }]) },
        /* 207 */ Shape { name: "LaunchType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"], sensitive: false }) },
        /* 208 */ Shape { name: "LimitExceededException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 209 */ Shape { name: "LinearConfiguration", kind: Kind::Structure(&[Member { name: "stepBakeTimeInMinutes", shape: 201, required: false }, Member { name: "stepPercent", shape: 149, required: false }]) },
        /* 210 */ Shape { name: "LinuxParameters", kind: Kind::Structure(&[Member { name: "capabilities", shape: 205, required: false }, Member { name: "devices", shape: 146, required: false }, Member { name: "initProcessEnabled", shape: 31, required: false }, Member { name: "maxSwap", shape: 33, required: false }, Member { name: "sharedMemorySize", shape: 33, required: false }, Member { name: "swappiness", shape: 33, required: false }, Member { name: "tmpfs", shape: 406, required: false }]) },
        /* 211 */ Shape { name: "ListAccountSettingsRequest", kind: Kind::Structure(&[Member { name: "effectiveSettings", shape: 30, required: false }, Member { name: "maxResults", shape: 201, required: false }, Member { name: "name", shape: 355, required: false }, Member { name: "nextToken", shape: 365, required: false }, Member { name: "principalArn", shape: 365, required: false }, Member { name: "value", shape: 365, required: false }]) },
        /* 212 */ Shape { name: "ListAccountSettingsResponse", kind: Kind::Structure(&[Member { name: "nextToken", shape: 365, required: false }, Member { name: "settings", shape: 357, required: false }]) },
        /* 213 */ Shape { name: "ListAttributesRequest", kind: Kind::Structure(&[Member { name: "attributeName", shape: 365, required: false }, Member { name: "attributeValue", shape: 365, required: false }, Member { name: "cluster", shape: 365, required: false }, Member { name: "maxResults", shape: 33, required: false }, Member { name: "nextToken", shape: 365, required: false }, Member { name: "targetType", shape: 378, required: true }]) },
        /* 214 */ Shape { name: "ListAttributesResponse", kind: Kind::Structure(&[Member { name: "attributes", shape: 20, required: false }, Member { name: "nextToken", shape: 365, required: false }]) },
        /* 215 */ Shape { name: "ListClustersRequest", kind: Kind::Structure(&[Member { name: "maxResults", shape: 33, required: false }, Member { name: "nextToken", shape: 365, required: false }]) },
        /* 216 */ Shape { name: "ListClustersResponse", kind: Kind::Structure(&[Member { name: "clusterArns", shape: 366, required: false }, Member { name: "nextToken", shape: 365, required: false }]) },
        /* 217 */ Shape { name: "ListContainerInstancesRequest", kind: Kind::Structure(&[Member { name: "cluster", shape: 365, required: false }, Member { name: "filter", shape: 365, required: false }, Member { name: "maxResults", shape: 33, required: false }, Member { name: "nextToken", shape: 365, required: false }, Member { name: "status", shape: 81, required: false }]) },
        /* 218 */ Shape { name: "ListContainerInstancesResponse", kind: Kind::Structure(&[Member { name: "containerInstanceArns", shape: 366, required: false }, Member { name: "nextToken", shape: 365, required: false }]) },
        /* 219 */ Shape { name: "ListServicesByNamespaceRequest", kind: Kind::Structure(&[Member { name: "maxResults", shape: 33, required: false }, Member { name: "namespace", shape: 365, required: true }, Member { name: "nextToken", shape: 365, required: false }]) },
        /* 220 */ Shape { name: "ListServicesByNamespaceResponse", kind: Kind::Structure(&[Member { name: "nextToken", shape: 365, required: false }, Member { name: "serviceArns", shape: 366, required: false }]) },
        /* 221 */ Shape { name: "ListServicesRequest", kind: Kind::Structure(&[Member { name: "cluster", shape: 365, required: false }, Member { name: "launchType", shape: 207, required: false }, Member { name: "maxResults", shape: 33, required: false }, Member { name: "nextToken", shape: 365, required: false }, Member { name: "resourceManagementType", shape: 307, required: false }, Member { name: "schedulingStrategy", shape: 319, required: false }]) },
        /* 222 */ Shape { name: "ListServicesResponse", kind: Kind::Structure(&[Member { name: "nextToken", shape: 365, required: false }, Member { name: "serviceArns", shape: 366, required: false }]) },
        /* 223 */ Shape { name: "ListTagsForResourceRequest", kind: Kind::Structure(&[Member { name: "resourceArn", shape: 365, required: true }]) },
        /* 224 */ Shape { name: "ListTagsForResourceResponse", kind: Kind::Structure(&[Member { name: "tags", shape: 376, required: false }]) },
        /* 225 */ Shape { name: "ListTaskDefinitionFamiliesRequest", kind: Kind::Structure(&[Member { name: "familyPrefix", shape: 365, required: false }, Member { name: "maxResults", shape: 33, required: false }, Member { name: "nextToken", shape: 365, required: false }, Member { name: "status", shape: 381, required: false }]) },
        /* 226 */ Shape { name: "ListTaskDefinitionFamiliesResponse", kind: Kind::Structure(&[Member { name: "families", shape: 366, required: false }, Member { name: "nextToken", shape: 365, required: false }]) },
        /* 227 */ Shape { name: "ListTaskDefinitionsRequest", kind: Kind::Structure(&[Member { name: "familyPrefix", shape: 365, required: false }, Member { name: "maxResults", shape: 33, required: false }, Member { name: "nextToken", shape: 365, required: false }, Member { name: "sort", shape: 358, required: false }, Member { name: "status", shape: 388, required: false }]) },
        /* 228 */ Shape { name: "ListTaskDefinitionsResponse", kind: Kind::Structure(&[Member { name: "nextToken", shape: 365, required: false }, Member { name: "taskDefinitionArns", shape: 366, required: false }]) },
        /* 229 */ Shape { name: "ListTasksRequest", kind: Kind::Structure(&[Member { name: "cluster", shape: 365, required: false }, Member { name: "containerInstance", shape: 365, required: false }, Member { name: "daemonName", shape: 365, required: false }, Member { name: "desiredStatus", shape: 142, required: false }, Member { name: "family", shape: 365, required: false }, Member { name: "launchType", shape: 207, required: false }, Member { name: "maxResults", shape: 33, required: false }, Member { name: "nextToken", shape: 365, required: false }, Member { name: "serviceName", shape: 365, required: false }, Member { name: "startedBy", shape: 365, required: false }]) },
        /* 230 */ Shape { name: "ListTasksResponse", kind: Kind::Structure(&[Member { name: "nextToken", shape: 365, required: false }, Member { name: "taskArns", shape: 366, required: false }]) },
        /* 231 */ Shape { name: "LoadBalancer", kind: Kind::Structure(&[Member { name: "advancedConfiguration", shape: 9, required: false }, Member { name: "containerName", shape: 365, required: false }, Member { name: "containerPort", shape: 33, required: false }, Member { name: "loadBalancerName", shape: 365, required: false }, Member { name: "targetGroupArn", shape: 365, required: false }]) },
        /* 232 */ Shape { name: "LoadBalancers", kind: Kind::List { member: 231, length: Bound { min: None, max: None } } },
        /* 233 */ Shape { name: "LocalStorage", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["included", "required", "excluded"], sensitive: false }) },
        /* 234 */ Shape { name: "LocalStorageType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["hdd", "ssd"], sensitive: false }) },
        /* 235 */ Shape { name: "LocalStorageTypeSet", kind: Kind::List { member: 234, length: Bound { min: None, max: None } } },
        /* 236 */ Shape { name: "LogConfiguration", kind: Kind::Structure(&[Member { name: "logDriver", shape: 238, required: true }, Member { name: "options", shape: 237, required: false }, Member { name: "secretOptions", shape: 322, required: false }]) },
        /* 237 */ Shape { name: "LogConfigurationOptionsMap", kind: Kind::Map { key: 365, value: 365, length: Bound { min: None, max: None } } },
        /* 238 */ Shape { name: "LogDriver", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["json-file", "syslog", "journald", "gelf", "fluentd", "awslogs", "splunk", "awsfirelens"], sensitive: false }) },
        /* 239 */ Shape { name: "Long", kind: Kind::Integer(Bound { min: None, max: None }) },
        /* 240 */ Shape { name: "ManagedAgent", kind: Kind::Structure(&[Member { name: "lastStartedAt", shape: 404, required: false }, Member { name: "lastStatus", shape: 365, required: false }, Member { name: "name", shape: 241, required: false }, Member { name: "reason", shape: 365, required: false }]) },
        /* 241 */ Shape { name: "ManagedAgentName", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ExecuteCommandAgent"], sensitive: false }) },
        /* 242 */ Shape { name: "ManagedAgents", kind: Kind::List { member: 240, length: Bound { min: None, max: None } } },
        /* 243 */ Shape { name: "ManagedDraining", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ENABLED", "DISABLED"], sensitive: false }) },
        /* 244 */ Shape { name: "ManagedInstancesLocalStorageConfiguration", kind: Kind::Structure(&[Member { name: "useLocalStorage", shape: 30, required: false }]) },
        /* 245 */ Shape { name: "ManagedInstancesMonitoringOptions", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["BASIC", "DETAILED"], sensitive: false }) },
        /* 246 */ Shape { name: "ManagedInstancesNetworkConfiguration", kind: Kind::Structure(&[Member { name: "securityGroups", shape: 366, required: false }, Member { name: "subnets", shape: 366, required: false }]) },
        /* 247 */ Shape { name: "ManagedInstancesProvider", kind: Kind::Structure(&[Member { name: "autoRepairConfiguration", shape: 22, required: false }, Member { name: "infrastructureOptimization", shape: 191, required: false }, Member { name: "infrastructureRoleArn", shape: 365, required: false }, Member { name: "instanceLaunchTemplate", shape: 198, required: false }, Member { name: "propagateTags", shape: 285, required: false }]) },
        /* 248 */ Shape { name: "ManagedInstancesStorageConfiguration", kind: Kind::Structure(&[Member { name: "storageSizeGiB", shape: 401, required: false }]) },
        /* 249 */ Shape { name: "ManagedScaling", kind: Kind::Structure(&[Member { name: "instanceWarmupPeriod", shape: 250, required: false }, Member { name: "maximumScalingStepSize", shape: 252, required: false }, Member { name: "minimumScalingStepSize", shape: 252, required: false }, Member { name: "status", shape: 251, required: false }, Member { name: "targetCapacity", shape: 253, required: false }]) },
        /* 250 */ Shape { name: "ManagedScalingInstanceWarmupPeriod", kind: Kind::Integer(Bound { min: Some(0), max: Some(10000) }) },
        /* 251 */ Shape { name: "ManagedScalingStatus", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ENABLED", "DISABLED"], sensitive: false }) },
        /* 252 */ Shape { name: "ManagedScalingStepSize", kind: Kind::Integer(Bound { min: Some(1), max: Some(10000) }) },
        /* 253 */ Shape { name: "ManagedScalingTargetCapacity", kind: Kind::Integer(Bound { min: Some(1), max: Some(100) }) },
        /* 254 */ Shape { name: "ManagedStorageConfiguration", kind: Kind::Structure(&[Member { name: "fargateEphemeralStorageKmsKeyId", shape: 365, required: false }, Member { name: "kmsKeyId", shape: 365, required: false }]) },
        /* 255 */ Shape { name: "ManagedTerminationProtection", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ENABLED", "DISABLED"], sensitive: false }) },
        /* 256 */ Shape { name: "MemoryGiBPerVCpuRequest", kind: Kind::Structure(&[Member { name: "max", shape: 32, required: false }, Member { name: "min", shape: 32, required: false }]) },
        /* 257 */ Shape { name: "MemoryMiBRequest", kind: Kind::Structure(&[Member { name: "max", shape: 33, required: false }, Member { name: "min", shape: 33, required: true }]) },
        /* 258 */ Shape { name: "MountPoint", kind: Kind::Structure(&[Member { name: "containerPath", shape: 365, required: false }, Member { name: "readOnly", shape: 31, required: false }, Member { name: "sourceVolume", shape: 365, required: false }]) },
        /* 259 */ Shape { name: "MountPointList", kind: Kind::List { member: 258, length: Bound { min: None, max: None } } },
        /* 260 */ Shape { name: "NamespaceNotFoundException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 261 */ Shape { name: "NetworkBandwidthGbpsRequest", kind: Kind::Structure(&[Member { name: "max", shape: 32, required: false }, Member { name: "min", shape: 32, required: false }]) },
        /* 262 */ Shape { name: "NetworkBinding", kind: Kind::Structure(&[Member { name: "bindIP", shape: 365, required: false }, Member { name: "containerPort", shape: 33, required: false }, Member { name: "containerPortRange", shape: 365, required: false }, Member { name: "hostPort", shape: 33, required: false }, Member { name: "hostPortRange", shape: 365, required: false }, Member { name: "protocol", shape: 408, required: false }]) },
        /* 263 */ Shape { name: "NetworkBindings", kind: Kind::List { member: 262, length: Bound { min: None, max: None } } },
        /* 264 */ Shape { name: "NetworkConfiguration", kind: Kind::Structure(&[Member { name: "awsvpcConfiguration", shape: 26, required: false }]) },
        /* 265 */ Shape { name: "NetworkInterface", kind: Kind::Structure(&[Member { name: "attachmentId", shape: 365, required: false }, Member { name: "ipv6Address", shape: 365, required: false }, Member { name: "privateIpv4Address", shape: 365, required: false }]) },
        /* 266 */ Shape { name: "NetworkInterfaceCountRequest", kind: Kind::Structure(&[Member { name: "max", shape: 33, required: false }, Member { name: "min", shape: 33, required: false }]) },
        /* 267 */ Shape { name: "NetworkInterfaces", kind: Kind::List { member: 265, length: Bound { min: None, max: None } } },
        /* 268 */ Shape { name: "NetworkMode", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["bridge", "host", "awsvpc", "none"], sensitive: false }) },
        /* 269 */ Shape { name: "OSFamily", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["WINDOWS_SERVER_2019_FULL", "WINDOWS_SERVER_2019_CORE", "WINDOWS_SERVER_2016_FULL", "WINDOWS_SERVER_2004_CORE", "WINDOWS_SERVER_2022_CORE", "WINDOWS_SERVER_2022_FULL", "WINDOWS_SERVER_2025_CORE", "WINDOWS_SERVER_2025_FULL", "WINDOWS_SERVER_20H2_CORE", "LINUX"], sensitive: false }) },
        /* 270 */ Shape { name: "PidMode", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["host", "task"], sensitive: false }) },
        /* 271 */ Shape { name: "PlacementConstraint", kind: Kind::Structure(&[Member { name: "expression", shape: 365, required: false }, Member { name: "type", shape: 272, required: false }]) },
        /* 272 */ Shape { name: "PlacementConstraintType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["distinctInstance", "memberOf"], sensitive: false }) },
        /* 273 */ Shape { name: "PlacementConstraints", kind: Kind::List { member: 271, length: Bound { min: None, max: None } } },
        /* 274 */ Shape { name: "PlacementStrategies", kind: Kind::List { member: 275, length: Bound { min: None, max: None } } },
        /* 275 */ Shape { name: "PlacementStrategy", kind: Kind::Structure(&[Member { name: "field", shape: 365, required: false }, Member { name: "type", shape: 276, required: false }]) },
        /* 276 */ Shape { name: "PlacementStrategyType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["random", "spread", "binpack"], sensitive: false }) },
        /* 277 */ Shape { name: "PlatformDevice", kind: Kind::Structure(&[Member { name: "id", shape: 365, required: true }, Member { name: "type", shape: 278, required: true }]) },
        /* 278 */ Shape { name: "PlatformDeviceType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["GPU"], sensitive: false }) },
        /* 279 */ Shape { name: "PlatformDevices", kind: Kind::List { member: 277, length: Bound { min: None, max: None } } },
        /* 280 */ Shape { name: "PlatformTaskDefinitionIncompatibilityException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 281 */ Shape { name: "PlatformUnknownException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 282 */ Shape { name: "PortMapping", kind: Kind::Structure(&[Member { name: "appProtocol", shape: 13, required: false }, Member { name: "containerPort", shape: 33, required: false }, Member { name: "containerPortRange", shape: 365, required: false }, Member { name: "hostPort", shape: 33, required: false }, Member { name: "name", shape: 365, required: false }, Member { name: "protocol", shape: 408, required: false }]) },
        /* 283 */ Shape { name: "PortMappingList", kind: Kind::List { member: 282, length: Bound { min: None, max: None } } },
        /* 284 */ Shape { name: "PortNumber", kind: Kind::Integer(Bound { min: Some(0), max: Some(65535) }) },
        /* 285 */ Shape { name: "PropagateMITags", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["CAPACITY_PROVIDER", "NONE"], sensitive: false }) },
        /* 286 */ Shape { name: "PropagateTags", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["TASK_DEFINITION", "SERVICE", "NONE"], sensitive: false }) },
        /* 287 */ Shape { name: "ProxyConfiguration", kind: Kind::Structure(&[Member { name: "containerName", shape: 365, required: true }, Member { name: "properties", shape: 288, required: false }, Member { name: "type", shape: 289, required: false }]) },
        /* 288 */ Shape { name: "ProxyConfigurationProperties", kind: Kind::List { member: 206, length: Bound { min: None, max: None } } },
        /* 289 */ Shape { name: "ProxyConfigurationType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["APPMESH"], sensitive: false }) },
        /* 290 */ Shape { name: "PutAccountSettingDefaultRequest", kind: Kind::Structure(&[Member { name: "name", shape: 355, required: true }, Member { name: "value", shape: 365, required: true }]) },
        /* 291 */ Shape { name: "PutAccountSettingDefaultResponse", kind: Kind::Structure(&[Member { name: "setting", shape: 354, required: false }]) },
        /* 292 */ Shape { name: "PutAccountSettingRequest", kind: Kind::Structure(&[Member { name: "name", shape: 355, required: true }, Member { name: "principalArn", shape: 365, required: false }, Member { name: "value", shape: 365, required: true }]) },
        /* 293 */ Shape { name: "PutAccountSettingResponse", kind: Kind::Structure(&[Member { name: "setting", shape: 354, required: false }]) },
        /* 294 */ Shape { name: "PutAttributesRequest", kind: Kind::Structure(&[Member { name: "attributes", shape: 20, required: true }, Member { name: "cluster", shape: 365, required: false }]) },
        /* 295 */ Shape { name: "PutAttributesResponse", kind: Kind::Structure(&[Member { name: "attributes", shape: 20, required: false }]) },
        /* 296 */ Shape { name: "PutClusterCapacityProvidersRequest", kind: Kind::Structure(&[Member { name: "capacityProviders", shape: 366, required: true }, Member { name: "cluster", shape: 365, required: true }, Member { name: "defaultCapacityProviderStrategy", shape: 42, required: true }]) },
        /* 297 */ Shape { name: "PutClusterCapacityProvidersResponse", kind: Kind::Structure(&[Member { name: "cluster", shape: 52, required: false }]) },
        /* 298 */ Shape { name: "RegisterContainerInstanceRequest", kind: Kind::Structure(&[Member { name: "attributes", shape: 20, required: false }, Member { name: "cluster", shape: 365, required: false }, Member { name: "containerInstanceArn", shape: 365, required: false }, Member { name: "instanceIdentityDocument", shape: 365, required: false }, Member { name: "instanceIdentityDocumentSignature", shape: 365, required: false }, Member { name: "platformDevices", shape: 279, required: false }, Member { name: "tags", shape: 376, required: false }, Member { name: "totalResources", shape: 312, required: false }, Member { name: "versionInfo", shape: 429, required: false }]) },
        /* 299 */ Shape { name: "RegisterContainerInstanceResponse", kind: Kind::Structure(&[Member { name: "containerInstance", shape: 77, required: false }]) },
        /* 300 */ Shape { name: "RegisterTaskDefinitionRequest", kind: Kind::Structure(&[Member { name: "containerDefinitions", shape: 74, required: true }, Member { name: "cpu", shape: 365, required: false }, Member { name: "enableFaultInjection", shape: 31, required: false }, Member { name: "ephemeralStorage", shape: 166, required: false }, Member { name: "executionRoleArn", shape: 365, required: false }, Member { name: "family", shape: 365, required: true }, Member { name: "inferenceAccelerators", shape: 190, required: false }, Member { name: "ipcMode", shape: 204, required: false }, Member { name: "memory", shape: 365, required: false }, Member { name: "networkMode", shape: 268, required: false }, Member { name: "pidMode", shape: 270, required: false }, Member { name: "placementConstraints", shape: 387, required: false }, Member { name: "proxyConfiguration", shape: 287, required: false }, Member { name: "requiresCompatibilities", shape: 68, required: false }, Member { name: "runtimePlatform", shape: 315, required: false }, Member { name: "tags", shape: 376, required: false }, Member { name: "taskRoleArn", shape: 365, required: false }, Member { name: "volumes", shape: 433, required: false }]) },
        /* 301 */ Shape { name: "RegisterTaskDefinitionResponse", kind: Kind::Structure(&[Member { name: "tags", shape: 376, required: false }, Member { name: "taskDefinition", shape: 380, required: false }]) },
        /* 302 */ Shape { name: "RepositoryCredentials", kind: Kind::Structure(&[Member { name: "credentialsParameter", shape: 365, required: true }]) },
        /* 303 */ Shape { name: "RequiresAttributes", kind: Kind::List { member: 18, length: Bound { min: None, max: None } } },
        /* 304 */ Shape { name: "Resource", kind: Kind::Structure(&[Member { name: "doubleValue", shape: 149, required: false }, Member { name: "integerValue", shape: 201, required: false }, Member { name: "longValue", shape: 239, required: false }, Member { name: "name", shape: 365, required: false }, Member { name: "stringSetValue", shape: 366, required: false }, Member { name: "type", shape: 365, required: false }]) },
        /* 305 */ Shape { name: "ResourceIds", kind: Kind::List { member: 365, length: Bound { min: None, max: None } } },
        /* 306 */ Shape { name: "ResourceInUseException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 307 */ Shape { name: "ResourceManagementType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["CUSTOMER", "ECS"], sensitive: false }) },
        /* 308 */ Shape { name: "ResourceNotFoundException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 309 */ Shape { name: "ResourceRequirement", kind: Kind::Structure(&[Member { name: "type", shape: 311, required: true }, Member { name: "value", shape: 365, required: true }]) },
        /* 310 */ Shape { name: "ResourceRequirements", kind: Kind::List { member: 309, length: Bound { min: None, max: None } } },
        /* 311 */ Shape { name: "ResourceType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["GPU", "InferenceAccelerator"], sensitive: false }) },
        /* 312 */ Shape { name: "Resources", kind: Kind::List { member: 304, length: Bound { min: None, max: None } } },
        /* 313 */ Shape { name: "RunTaskRequest", kind: Kind::Structure(&[Member { name: "capacityProviderStrategy", shape: 42, required: false }, Member { name: "clientToken", shape: 365, required: false }, Member { name: "cluster", shape: 365, required: false }, Member { name: "count", shape: 33, required: false }, Member { name: "enableECSManagedTags", shape: 30, required: false }, Member { name: "enableExecuteCommand", shape: 30, required: false }, Member { name: "group", shape: 365, required: false }, Member { name: "launchType", shape: 207, required: false }, Member { name: "networkConfiguration", shape: 264, required: false }, Member { name: "overrides", shape: 395, required: false }, Member { name: "placementConstraints", shape: 273, required: false }, Member { name: "placementStrategy", shape: 274, required: false }, Member { name: "platformVersion", shape: 365, required: false }, Member { name: "propagateTags", shape: 286, required: false }, Member { name: "referenceId", shape: 365, required: false }, Member { name: "startedBy", shape: 365, required: false }, Member { name: "tags", shape: 376, required: false }, Member { name: "taskDefinition", shape: 365, required: true }, Member { name: "volumeConfigurations", shape: 400, required: false }]) },
        /* 314 */ Shape { name: "RunTaskResponse", kind: Kind::Structure(&[Member { name: "failures", shape: 175, required: false }, Member { name: "tasks", shape: 402, required: false }]) },
        /* 315 */ Shape { name: "RuntimePlatform", kind: Kind::Structure(&[Member { name: "cpuArchitecture", shape: 35, required: false }, Member { name: "operatingSystemFamily", shape: 269, required: false }]) },
        /* 316 */ Shape { name: "S3FilesVolumeConfiguration", kind: Kind::Structure(&[Member { name: "accessPointArn", shape: 365, required: false }, Member { name: "fileSystemArn", shape: 365, required: true }, Member { name: "rootDirectory", shape: 365, required: false }, Member { name: "transitEncryptionPort", shape: 33, required: false }]) },
        /* 317 */ Shape { name: "Scale", kind: Kind::Structure(&[Member { name: "unit", shape: 318, required: false }, Member { name: "value", shape: 149, required: false }]) },
        /* 318 */ Shape { name: "ScaleUnit", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["PERCENT"], sensitive: false }) },
        /* 319 */ Shape { name: "SchedulingStrategy", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["REPLICA", "DAEMON"], sensitive: false }) },
        /* 320 */ Shape { name: "Scope", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["task", "shared"], sensitive: false }) },
        /* 321 */ Shape { name: "Secret", kind: Kind::Structure(&[Member { name: "name", shape: 365, required: true }, Member { name: "valueFrom", shape: 365, required: true }]) },
        /* 322 */ Shape { name: "SecretList", kind: Kind::List { member: 321, length: Bound { min: None, max: None } } },
        /* 323 */ Shape { name: "ServerException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 324 */ Shape { name: "Service", kind: Kind::Structure(&[Member { name: "availabilityZoneRebalancing", shape: 25, required: false }, Member { name: "capacityProviderStrategy", shape: 42, required: false }, Member { name: "clusterArn", shape: 365, required: false }, Member { name: "createdAt", shape: 404, required: false }, Member { name: "createdBy", shape: 365, required: false }, Member { name: "currentServiceDeployment", shape: 365, required: false }, Member { name: "currentServiceRevisions", shape: 341, required: false }, Member { name: "deploymentConfiguration", shape: 111, required: false }, Member { name: "deploymentController", shape: 112, required: false }, Member { name: "deployments", shape: 125, required: false }, Member { name: "desiredCount", shape: 201, required: false }, Member { name: "enableECSManagedTags", shape: 30, required: false }, Member { name: "enableExecuteCommand", shape: 30, required: false }, Member { name: "events", shape: 343, required: false }, Member { name: "healthCheckGracePeriodSeconds", shape: 33, required: false }, Member { name: "launchType", shape: 207, required: false }, Member { name: "loadBalancers", shape: 232, required: false }, Member { name: "networkConfiguration", shape: 264, required: false }, Member { name: "pendingCount", shape: 201, required: false }, Member { name: "placementConstraints", shape: 273, required: false }, Member { name: "placementStrategy", shape: 274, required: false }, Member { name: "platformFamily", shape: 365, required: false }, Member { name: "platformVersion", shape: 365, required: false }, Member { name: "propagateTags", shape: 286, required: false }, Member { name: "resourceManagementType", shape: 307, required: false }, Member { name: "roleArn", shape: 365, required: false }, Member { name: "runningCount", shape: 201, required: false }, Member { name: "schedulingStrategy", shape: 319, required: false }, Member { name: "serviceArn", shape: 365, required: false }, Member { name: "serviceName", shape: 365, required: false }, Member { name: "serviceRegistries", shape: 349, required: false }, Member { name: "status", shape: 365, required: false }, Member { name: "tags", shape: 376, required: false }, Member { name: "taskDefinition", shape: 365, required: false }, Member { name: "taskSets", shape: 397, required: false }]) },
        /* 325 */ Shape { name: "ServiceConnectAccessLogConfiguration", kind: Kind::Structure(&[Member { name: "format", shape: 326, required: true }, Member { name: "includeQueryParameters", shape: 330, required: false }]) },
        /* 326 */ Shape { name: "ServiceConnectAccessLoggingFormat", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["TEXT", "JSON"], sensitive: false }) },
        /* 327 */ Shape { name: "ServiceConnectClientAlias", kind: Kind::Structure(&[Member { name: "dnsName", shape: 365, required: false }, Member { name: "port", shape: 284, required: true }, Member { name: "testTrafficRules", shape: 337, required: false }]) },
        /* 328 */ Shape { name: "ServiceConnectClientAliasList", kind: Kind::List { member: 327, length: Bound { min: None, max: None } } },
        /* 329 */ Shape { name: "ServiceConnectConfiguration", kind: Kind::Structure(&[Member { name: "accessLogConfiguration", shape: 325, required: false }, Member { name: "enabled", shape: 30, required: true }, Member { name: "logConfiguration", shape: 236, required: false }, Member { name: "namespace", shape: 365, required: false }, Member { name: "services", shape: 332, required: false }]) },
        /* 330 */ Shape { name: "ServiceConnectIncludeQueryParameters", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["DISABLED", "ENABLED"], sensitive: false }) },
        /* 331 */ Shape { name: "ServiceConnectService", kind: Kind::Structure(&[Member { name: "clientAliases", shape: 328, required: false }, Member { name: "discoveryName", shape: 365, required: false }, Member { name: "ingressPortOverride", shape: 284, required: false }, Member { name: "portName", shape: 365, required: true }, Member { name: "timeout", shape: 403, required: false }, Member { name: "tls", shape: 339, required: false }]) },
        /* 332 */ Shape { name: "ServiceConnectServiceList", kind: Kind::List { member: 331, length: Bound { min: None, max: None } } },
        /* 333 */ Shape { name: "ServiceConnectServiceResource", kind: Kind::Structure(&[Member { name: "discoveryArn", shape: 365, required: false }, Member { name: "discoveryName", shape: 365, required: false }]) },
        /* 334 */ Shape { name: "ServiceConnectServiceResourceList", kind: Kind::List { member: 333, length: Bound { min: None, max: None } } },
        /* 335 */ Shape { name: "ServiceConnectTestTrafficHeaderMatchRules", kind: Kind::Structure(&[Member { name: "exact", shape: 365, required: true }]) },
        /* 336 */ Shape { name: "ServiceConnectTestTrafficHeaderRules", kind: Kind::Structure(&[Member { name: "name", shape: 365, required: true }, Member { name: "value", shape: 335, required: false }]) },
        /* 337 */ Shape { name: "ServiceConnectTestTrafficRules", kind: Kind::Structure(&[Member { name: "header", shape: 336, required: true }]) },
        /* 338 */ Shape { name: "ServiceConnectTlsCertificateAuthority", kind: Kind::Structure(&[Member { name: "awsPcaAuthorityArn", shape: 365, required: false }]) },
        /* 339 */ Shape { name: "ServiceConnectTlsConfiguration", kind: Kind::Structure(&[Member { name: "issuerCertificateAuthority", shape: 338, required: true }, Member { name: "kmsKey", shape: 365, required: false }, Member { name: "roleArn", shape: 365, required: false }]) },
        /* 340 */ Shape { name: "ServiceCurrentRevisionSummary", kind: Kind::Structure(&[Member { name: "arn", shape: 365, required: false }, Member { name: "pendingTaskCount", shape: 201, required: false }, Member { name: "requestedTaskCount", shape: 201, required: false }, Member { name: "runningTaskCount", shape: 201, required: false }]) },
        /* 341 */ Shape { name: "ServiceCurrentRevisionSummaryList", kind: Kind::List { member: 340, length: Bound { min: None, max: None } } },
        /* 342 */ Shape { name: "ServiceEvent", kind: Kind::Structure(&[Member { name: "createdAt", shape: 404, required: false }, Member { name: "id", shape: 365, required: false }, Member { name: "message", shape: 365, required: false }]) },
        /* 343 */ Shape { name: "ServiceEvents", kind: Kind::List { member: 342, length: Bound { min: None, max: None } } },
        /* 344 */ Shape { name: "ServiceField", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["TAGS"], sensitive: false }) },
        /* 345 */ Shape { name: "ServiceFieldList", kind: Kind::List { member: 344, length: Bound { min: None, max: None } } },
        /* 346 */ Shape { name: "ServiceManagedEBSVolumeConfiguration", kind: Kind::Structure(&[Member { name: "encrypted", shape: 31, required: false }, Member { name: "filesystemType", shape: 392, required: false }, Member { name: "iops", shape: 33, required: false }, Member { name: "kmsKeyId", shape: 151, required: false }, Member { name: "roleArn", shape: 186, required: true }, Member { name: "sizeInGiB", shape: 33, required: false }, Member { name: "snapshotId", shape: 153, required: false }, Member { name: "tagSpecifications", shape: 155, required: false }, Member { name: "throughput", shape: 33, required: false }, Member { name: "volumeInitializationRate", shape: 33, required: false }, Member { name: "volumeType", shape: 156, required: false }]) },
        /* 347 */ Shape { name: "ServiceNotActiveException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 348 */ Shape { name: "ServiceNotFoundException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 349 */ Shape { name: "ServiceRegistries", kind: Kind::List { member: 350, length: Bound { min: None, max: None } } },
        /* 350 */ Shape { name: "ServiceRegistry", kind: Kind::Structure(&[Member { name: "containerName", shape: 365, required: false }, Member { name: "containerPort", shape: 33, required: false }, Member { name: "port", shape: 33, required: false }, Member { name: "registryArn", shape: 365, required: false }]) },
        /* 351 */ Shape { name: "ServiceVolumeConfiguration", kind: Kind::Structure(&[Member { name: "managedEBSVolume", shape: 346, required: false }, Member { name: "name", shape: 157, required: true }]) },
        /* 352 */ Shape { name: "ServiceVolumeConfigurations", kind: Kind::List { member: 351, length: Bound { min: None, max: None } } },
        /* 353 */ Shape { name: "Services", kind: Kind::List { member: 324, length: Bound { min: None, max: None } } },
        /* 354 */ Shape { name: "Setting", kind: Kind::Structure(&[Member { name: "name", shape: 355, required: false }, Member { name: "principalArn", shape: 365, required: false }, Member { name: "type", shape: 356, required: false }, Member { name: "value", shape: 365, required: false }]) },
        /* 355 */ Shape { name: "SettingName", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["serviceLongArnFormat", "taskLongArnFormat", "containerInstanceLongArnFormat", "awsvpcTrunking", "containerInsights", "fargateFIPSMode", "tagResourceAuthorization", "fargateTaskRetirementWaitPeriod", "guardDutyActivate", "defaultLogDriverMode", "fargateEventWindows"], sensitive: false }) },
        /* 356 */ Shape { name: "SettingType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["user", "aws_managed"], sensitive: false }) },
        /* 357 */ Shape { name: "Settings", kind: Kind::List { member: 354, length: Bound { min: None, max: None } } },
        /* 358 */ Shape { name: "SortOrder", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ASC", "DESC"], sensitive: false }) },
        /* 359 */ Shape { name: "StabilityStatus", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["STEADY_STATE", "STABILIZING"], sensitive: false }) },
        /* 360 */ Shape { name: "StartTaskRequest", kind: Kind::Structure(&[Member { name: "cluster", shape: 365, required: false }, Member { name: "containerInstances", shape: 366, required: true }, Member { name: "enableECSManagedTags", shape: 30, required: false }, Member { name: "enableExecuteCommand", shape: 30, required: false }, Member { name: "group", shape: 365, required: false }, Member { name: "networkConfiguration", shape: 264, required: false }, Member { name: "overrides", shape: 395, required: false }, Member { name: "propagateTags", shape: 286, required: false }, Member { name: "referenceId", shape: 365, required: false }, Member { name: "startedBy", shape: 365, required: false }, Member { name: "tags", shape: 376, required: false }, Member { name: "taskDefinition", shape: 365, required: true }, Member { name: "volumeConfigurations", shape: 400, required: false }]) },
        /* 361 */ Shape { name: "StartTaskResponse", kind: Kind::Structure(&[Member { name: "failures", shape: 175, required: false }, Member { name: "tasks", shape: 402, required: false }]) },
        /* 362 */ Shape { name: "Statistics", kind: Kind::List { member: 206, length: Bound { min: None, max: None } } },
        /* 363 */ Shape { name: "StopTaskRequest", kind: Kind::Structure(&[Member { name: "cluster", shape: 365, required: false }, Member { name: "reason", shape: 365, required: false }, Member { name: "task", shape: 365, required: true }]) },
        /* 364 */ Shape { name: "StopTaskResponse", kind: Kind::Structure(&[Member { name: "task", shape: 379, required: false }]) },
        /* 365 */ Shape { name: "String", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 366 */ Shape { name: "StringList", kind: Kind::List { member: 365, length: Bound { min: None, max: None } } },
        /* 367 */ Shape { name: "StringMap", kind: Kind::Map { key: 365, value: 365, length: Bound { min: None, max: None } } },
        /* 368 */ Shape { name: "SystemControl", kind: Kind::Structure(&[Member { name: "namespace", shape: 365, required: false }, Member { name: "value", shape: 365, required: false }]) },
        /* 369 */ Shape { name: "SystemControls", kind: Kind::List { member: 368, length: Bound { min: None, max: None } } },
        /* 370 */ Shape { name: "Tag", kind: Kind::Structure(&[Member { name: "key", shape: 371, required: false }, Member { name: "value", shape: 375, required: false }]) },
        /* 371 */ Shape { name: "TagKey", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(128) }, pattern: Some("([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)"), values: &[], sensitive: false }) },
        /* 372 */ Shape { name: "TagKeys", kind: Kind::List { member: 371, length: Bound { min: None, max: None } } },
        /* 373 */ Shape { name: "TagResourceRequest", kind: Kind::Structure(&[Member { name: "resourceArn", shape: 365, required: true }, Member { name: "tags", shape: 376, required: true }]) },
        /* 374 */ Shape { name: "TagResourceResponse", kind: Kind::Structure(&[]) },
        /* 375 */ Shape { name: "TagValue", kind: Kind::String(Text { length: Bound { min: Some(0), max: Some(256) }, pattern: Some("([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)"), values: &[], sensitive: false }) },
        /* 376 */ Shape { name: "Tags", kind: Kind::List { member: 370, length: Bound { min: Some(0), max: Some(50) } } },
        /* 377 */ Shape { name: "TargetNotFoundException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 378 */ Shape { name: "TargetType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["container-instance"], sensitive: false }) },
        /* 379 */ Shape { name: "Task", kind: Kind::Structure(&[Member { name: "attachments", shape: 17, required: false }, Member { name: "attributes", shape: 20, required: false }, Member { name: "availabilityZone", shape: 365, required: false }, Member { name: "capacityProviderName", shape: 365, required: false }, Member { name: "clusterArn", shape: 365, required: false }, Member { name: "connectivity", shape: 70, required: false }, Member { name: "connectivityAt", shape: 404, required: false }, Member { name: "containerInstanceArn", shape: 365, required: false }, Member { name: "containers", shape: 86, required: false }, Member { name: "cpu", shape: 365, required: false }, Member { name: "createdAt", shape: 404, required: false }, Member { name: "desiredStatus", shape: 365, required: false }, Member { name: "enableExecuteCommand", shape: 30, required: false }, Member { name: "ephemeralStorage", shape: 166, required: false }, Member { name: "executionStoppedAt", shape: 404, required: false }, Member { name: "fargateEphemeralStorage", shape: 389, required: false }, Member { name: "group", shape: 365, required: false }, Member { name: "healthStatus", shape: 181, required: false }, Member { name: "inferenceAccelerators", shape: 190, required: false }, Member { name: "lastStatus", shape: 365, required: false }, Member { name: "launchType", shape: 207, required: false }, Member { name: "memory", shape: 365, required: false }, Member { name: "overrides", shape: 395, required: false }, Member { name: "platformFamily", shape: 365, required: false }, Member { name: "platformVersion", shape: 365, required: false }, Member { name: "pullStartedAt", shape: 404, required: false }, Member { name: "pullStoppedAt", shape: 404, required: false }, Member { name: "startedAt", shape: 404, required: false }, Member { name: "startedBy", shape: 365, required: false }, Member { name: "stopCode", shape: 398, required: false }, Member { name: "stoppedAt", shape: 404, required: false }, Member { name: "stoppedReason", shape: 365, required: false }, Member { name: "stoppingAt", shape: 404, required: false }, Member { name: "tags", shape: 376, required: false }, Member { name: "taskArn", shape: 365, required: false }, Member { name: "taskDefinitionArn", shape: 365, required: false }, Member { name: "version", shape: 239, required: false }]) },
        /* 380 */ Shape { name: "TaskDefinition", kind: Kind::Structure(&[Member { name: "compatibilities", shape: 68, required: false }, Member { name: "containerDefinitions", shape: 74, required: false }, Member { name: "cpu", shape: 365, required: false }, Member { name: "deleteRequestedAt", shape: 404, required: false }, Member { name: "deregisteredAt", shape: 404, required: false }, Member { name: "enableFaultInjection", shape: 31, required: false }, Member { name: "ephemeralStorage", shape: 166, required: false }, Member { name: "executionRoleArn", shape: 365, required: false }, Member { name: "family", shape: 365, required: false }, Member { name: "inferenceAccelerators", shape: 190, required: false }, Member { name: "ipcMode", shape: 204, required: false }, Member { name: "memory", shape: 365, required: false }, Member { name: "networkMode", shape: 268, required: false }, Member { name: "pidMode", shape: 270, required: false }, Member { name: "placementConstraints", shape: 387, required: false }, Member { name: "proxyConfiguration", shape: 287, required: false }, Member { name: "registeredAt", shape: 404, required: false }, Member { name: "registeredBy", shape: 365, required: false }, Member { name: "requiresAttributes", shape: 303, required: false }, Member { name: "requiresCompatibilities", shape: 68, required: false }, Member { name: "revision", shape: 201, required: false }, Member { name: "runtimePlatform", shape: 315, required: false }, Member { name: "status", shape: 388, required: false }, Member { name: "taskDefinitionArn", shape: 365, required: false }, Member { name: "taskRoleArn", shape: 365, required: false }, Member { name: "volumes", shape: 433, required: false }]) },
        /* 381 */ Shape { name: "TaskDefinitionFamilyStatus", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ACTIVE", "INACTIVE", "ALL"], sensitive: false }) },
        /* 382 */ Shape { name: "TaskDefinitionField", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["TAGS"], sensitive: false }) },
        /* 383 */ Shape { name: "TaskDefinitionFieldList", kind: Kind::List { member: 382, length: Bound { min: None, max: None } } },
        /* 384 */ Shape { name: "TaskDefinitionList", kind: Kind::List { member: 380, length: Bound { min: None, max: None } } },
        /* 385 */ Shape { name: "TaskDefinitionPlacementConstraint", kind: Kind::Structure(&[Member { name: "expression", shape: 365, required: false }, Member { name: "type", shape: 386, required: false }]) },
        /* 386 */ Shape { name: "TaskDefinitionPlacementConstraintType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["memberOf"], sensitive: false }) },
        /* 387 */ Shape { name: "TaskDefinitionPlacementConstraints", kind: Kind::List { member: 385, length: Bound { min: None, max: None } } },
        /* 388 */ Shape { name: "TaskDefinitionStatus", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ACTIVE", "INACTIVE", "DELETE_IN_PROGRESS"], sensitive: false }) },
        /* 389 */ Shape { name: "TaskEphemeralStorage", kind: Kind::Structure(&[Member { name: "kmsKeyId", shape: 365, required: false }, Member { name: "sizeInGiB", shape: 201, required: false }]) },
        /* 390 */ Shape { name: "TaskField", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["TAGS"], sensitive: false }) },
        /* 391 */ Shape { name: "TaskFieldList", kind: Kind::List { member: 390, length: Bound { min: None, max: None } } },
        /* 392 */ Shape { name: "TaskFilesystemType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ext3", "ext4", "xfs", "ntfs"], sensitive: false }) },
        /* 393 */ Shape { name: "TaskManagedEBSVolumeConfiguration", kind: Kind::Structure(&[Member { name: "encrypted", shape: 31, required: false }, Member { name: "filesystemType", shape: 392, required: false }, Member { name: "iops", shape: 33, required: false }, Member { name: "kmsKeyId", shape: 151, required: false }, Member { name: "roleArn", shape: 186, required: true }, Member { name: "sizeInGiB", shape: 33, required: false }, Member { name: "snapshotId", shape: 153, required: false }, Member { name: "tagSpecifications", shape: 155, required: false }, Member { name: "terminationPolicy", shape: 394, required: false }, Member { name: "throughput", shape: 33, required: false }, Member { name: "volumeInitializationRate", shape: 33, required: false }, Member { name: "volumeType", shape: 156, required: false }]) },
        /* 394 */ Shape { name: "TaskManagedEBSVolumeTerminationPolicy", kind: Kind::Structure(&[Member { name: "deleteOnTermination", shape: 31, required: true }]) },
        /* 395 */ Shape { name: "TaskOverride", kind: Kind::Structure(&[Member { name: "containerOverrides", shape: 84, required: false }, Member { name: "cpu", shape: 365, required: false }, Member { name: "ephemeralStorage", shape: 166, required: false }, Member { name: "executionRoleArn", shape: 365, required: false }, Member { name: "inferenceAcceleratorOverrides", shape: 189, required: false }, Member { name: "memory", shape: 365, required: false }, Member { name: "taskRoleArn", shape: 365, required: false }]) },
        /* 396 */ Shape { name: "TaskSet", kind: Kind::Structure(&[Member { name: "capacityProviderStrategy", shape: 42, required: false }, Member { name: "clusterArn", shape: 365, required: false }, Member { name: "computedDesiredCount", shape: 201, required: false }, Member { name: "createdAt", shape: 404, required: false }, Member { name: "externalId", shape: 365, required: false }, Member { name: "fargateEphemeralStorage", shape: 114, required: false }, Member { name: "id", shape: 365, required: false }, Member { name: "launchType", shape: 207, required: false }, Member { name: "loadBalancers", shape: 232, required: false }, Member { name: "networkConfiguration", shape: 264, required: false }, Member { name: "pendingCount", shape: 201, required: false }, Member { name: "platformFamily", shape: 365, required: false }, Member { name: "platformVersion", shape: 365, required: false }, Member { name: "runningCount", shape: 201, required: false }, Member { name: "scale", shape: 317, required: false }, Member { name: "serviceArn", shape: 365, required: false }, Member { name: "serviceRegistries", shape: 349, required: false }, Member { name: "stabilityStatus", shape: 359, required: false }, Member { name: "stabilityStatusAt", shape: 404, required: false }, Member { name: "startedBy", shape: 365, required: false }, Member { name: "status", shape: 365, required: false }, Member { name: "tags", shape: 376, required: false }, Member { name: "taskDefinition", shape: 365, required: false }, Member { name: "taskSetArn", shape: 365, required: false }, Member { name: "updatedAt", shape: 404, required: false }]) },
        /* 397 */ Shape { name: "TaskSets", kind: Kind::List { member: 396, length: Bound { min: None, max: None } } },
        /* 398 */ Shape { name: "TaskStopCode", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["TaskFailedToStart", "EssentialContainerExited", "UserInitiated", "ServiceSchedulerInitiated", "SpotInterruption", "TerminationNotice"], sensitive: false }) },
        /* 399 */ Shape { name: "TaskVolumeConfiguration", kind: Kind::Structure(&[Member { name: "managedEBSVolume", shape: 393, required: false }, Member { name: "name", shape: 157, required: true }]) },
        /* 400 */ Shape { name: "TaskVolumeConfigurations", kind: Kind::List { member: 399, length: Bound { min: None, max: None } } },
        /* 401 */ Shape { name: "TaskVolumeStorageGiB", kind: Kind::Integer(Bound { min: Some(1), max: None }) },
        /* 402 */ Shape { name: "Tasks", kind: Kind::List { member: 379, length: Bound { min: None, max: None } } },
        /* 403 */ Shape { name: "TimeoutConfiguration", kind: Kind::Structure(&[Member { name: "idleTimeoutSeconds", shape: 150, required: false }, Member { name: "perRequestTimeoutSeconds", shape: 150, required: false }]) },
        /* 404 */ Shape { name: "Timestamp", kind: Kind::Timestamp },
        /* 405 */ Shape { name: "Tmpfs", kind: Kind::Structure(&[Member { name: "containerPath", shape: 365, required: true }, Member { name: "mountOptions", shape: 366, required: false }, Member { name: "size", shape: 201, required: true }]) },
        /* 406 */ Shape { name: "TmpfsList", kind: Kind::List { member: 405, length: Bound { min: None, max: None } } },
        /* 407 */ Shape { name: "TotalLocalStorageGBRequest", kind: Kind::Structure(&[Member { name: "max", shape: 32, required: false }, Member { name: "min", shape: 32, required: false }]) },
        /* 408 */ Shape { name: "TransportProtocol", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["tcp", "udp"], sensitive: false }) },
        /* 409 */ Shape { name: "Ulimit", kind: Kind::Structure(&[Member { name: "hardLimit", shape: 201, required: true }, Member { name: "name", shape: 411, required: true }, Member { name: "softLimit", shape: 201, required: true }]) },
        /* 410 */ Shape { name: "UlimitList", kind: Kind::List { member: 409, length: Bound { min: None, max: None } } },
        /* 411 */ Shape { name: "UlimitName", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack"], sensitive: false }) },
        /* 412 */ Shape { name: "UnsupportedFeatureException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 413 */ Shape { name: "UntagResourceRequest", kind: Kind::Structure(&[Member { name: "resourceArn", shape: 365, required: true }, Member { name: "tagKeys", shape: 372, required: true }]) },
        /* 414 */ Shape { name: "UntagResourceResponse", kind: Kind::Structure(&[]) },
        /* 415 */ Shape { name: "UpdateCapacityProviderRequest", kind: Kind::Structure(&[Member { name: "autoScalingGroupProvider", shape: 24, required: false }, Member { name: "cluster", shape: 365, required: false }, Member { name: "managedInstancesProvider", shape: 424, required: false }, Member { name: "name", shape: 365, required: true }]) },
        /* 416 */ Shape { name: "UpdateCapacityProviderResponse", kind: Kind::Structure(&[Member { name: "capacityProvider", shape: 38, required: false }]) },
        /* 417 */ Shape { name: "UpdateClusterRequest", kind: Kind::Structure(&[Member { name: "cluster", shape: 365, required: true }, Member { name: "configuration", shape: 53, required: false }, Member { name: "serviceConnectDefaults", shape: 62, required: false }, Member { name: "settings", shape: 65, required: false }]) },
        /* 418 */ Shape { name: "UpdateClusterResponse", kind: Kind::Structure(&[Member { name: "cluster", shape: 52, required: false }]) },
        /* 419 */ Shape { name: "UpdateClusterSettingsRequest", kind: Kind::Structure(&[Member { name: "cluster", shape: 365, required: true }, Member { name: "settings", shape: 65, required: true }]) },
        /* 420 */ Shape { name: "UpdateClusterSettingsResponse", kind: Kind::Structure(&[Member { name: "cluster", shape: 52, required: false }]) },
        /* 421 */ Shape { name: "UpdateContainerInstancesStateRequest", kind: Kind::Structure(&[Member { name: "cluster", shape: 365, required: false }, Member { name: "containerInstances", shape: 366, required: true }, Member { name: "status", shape: 81, required: true }]) },
        /* 422 */ Shape { name: "UpdateContainerInstancesStateResponse", kind: Kind::Structure(&[Member { name: "containerInstances", shape: 82, required: false }, Member { name: "failures", shape: 175, required: false }]) },
        /* 423 */ Shape { name: "UpdateInProgressException", kind: Kind::Structure(&[Member { name: "message", shape: 365, required: false }]) },
        /* 424 */ Shape { name: "UpdateManagedInstancesProviderConfiguration", kind: Kind::Structure(&[Member { name: "autoRepairConfiguration", shape: 22, required: false }, Member { name: "infrastructureOptimization", shape: 191, required: false }, Member { name: "infrastructureRoleArn", shape: 365, required: true }, Member { name: "instanceLaunchTemplate", shape: 199, required: true }, Member { name: "propagateTags", shape: 285, required: false }]) },
        /* 425 */ Shape { name: "UpdateServiceRequest", kind: Kind::Structure(&[Member { name: "availabilityZoneRebalancing", shape: 25, required: false }, Member { name: "capacityProviderStrategy", shape: 42, required: false }, Member { name: "cluster", shape: 365, required: false }, Member { name: "deploymentConfiguration", shape: 111, required: false }, Member { name: "deploymentController", shape: 112, required: false }, Member { name: "desiredCount", shape: 33, required: false }, Member { name: "enableECSManagedTags", shape: 31, required: false }, Member { name: "enableExecuteCommand", shape: 31, required: false }, Member { name: "forceNewDeployment", shape: 30, required: false }, Member { name: "healthCheckGracePeriodSeconds", shape: 33, required: false }, Member { name: "loadBalancers", shape: 232, required: false }, Member { name: "networkConfiguration", shape: 264, required: false }, Member { name: "placementConstraints", shape: 273, required: false }, Member { name: "placementStrategy", shape: 274, required: false }, Member { name: "platformVersion", shape: 365, required: false }, Member { name: "propagateTags", shape: 286, required: false }, Member { name: "service", shape: 365, required: true }, Member { name: "serviceConnectConfiguration", shape: 329, required: false }, Member { name: "serviceRegistries", shape: 349, required: false }, Member { name: "taskDefinition", shape: 365, required: false }, Member { name: "volumeConfigurations", shape: 352, required: false }, Member { name: "vpcLatticeConfigurations", shape: 435, required: false }]) },
        /* 426 */ Shape { name: "UpdateServiceResponse", kind: Kind::Structure(&[Member { name: "service", shape: 324, required: false }]) },
        /* 427 */ Shape { name: "VCpuCountRangeRequest", kind: Kind::Structure(&[Member { name: "max", shape: 33, required: false }, Member { name: "min", shape: 33, required: true }]) },
        /* 428 */ Shape { name: "VersionConsistency", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["enabled", "disabled"], sensitive: false }) },
        /* 429 */ Shape { name: "VersionInfo", kind: Kind::Structure(&[Member { name: "agentHash", shape: 365, required: false }, Member { name: "agentVersion", shape: 365, required: false }, Member { name: "dockerVersion", shape: 365, required: false }]) },
        /* 430 */ Shape { name: "Volume", kind: Kind::Structure(&[Member { name: "configuredAtLaunch", shape: 31, required: false }, Member { name: "dockerVolumeConfiguration", shape: 148, required: false }, Member { name: "efsVolumeConfiguration", shape: 161, required: false }, Member { name: "fsxWindowsFileServerVolumeConfiguration", shape: 173, required: false }, Member { name: "host", shape: 185, required: false }, Member { name: "name", shape: 365, required: false }, Member { name: "s3filesVolumeConfiguration", shape: 316, required: false }]) },
        /* 431 */ Shape { name: "VolumeFrom", kind: Kind::Structure(&[Member { name: "readOnly", shape: 31, required: false }, Member { name: "sourceContainer", shape: 365, required: false }]) },
        /* 432 */ Shape { name: "VolumeFromList", kind: Kind::List { member: 431, length: Bound { min: None, max: None } } },
        /* 433 */ Shape { name: "VolumeList", kind: Kind::List { member: 430, length: Bound { min: None, max: None } } },
        /* 434 */ Shape { name: "VpcLatticeConfiguration", kind: Kind::Structure(&[Member { name: "portName", shape: 365, required: true }, Member { name: "roleArn", shape: 186, required: true }, Member { name: "targetGroupArn", shape: 365, required: true }]) },
        /* 435 */ Shape { name: "VpcLatticeConfigurations", kind: Kind::List { member: 434, length: Bound { min: None, max: None } } },
    ],
    all_operations: &["ContinueServiceDeployment", "CreateCapacityProvider", "CreateCluster", "CreateDaemon", "CreateExpressGatewayService", "CreateService", "CreateTaskSet", "DeleteAccountSetting", "DeleteAttributes", "DeleteCapacityProvider", "DeleteCluster", "DeleteDaemon", "DeleteDaemonTaskDefinition", "DeleteExpressGatewayService", "DeleteService", "DeleteTaskDefinitions", "DeleteTaskSet", "DeregisterContainerInstance", "DeregisterTaskDefinition", "DescribeCapacityProviders", "DescribeClusters", "DescribeContainerInstances", "DescribeDaemon", "DescribeDaemonDeployments", "DescribeDaemonRevisions", "DescribeDaemonTaskDefinition", "DescribeExpressGatewayService", "DescribeServiceDeployments", "DescribeServiceRevisions", "DescribeServices", "DescribeTaskDefinition", "DescribeTaskSets", "DescribeTasks", "DiscoverPollEndpoint", "ExecuteCommand", "GetTaskProtection", "ListAccountSettings", "ListAttributes", "ListClusters", "ListContainerInstances", "ListDaemonDeployments", "ListDaemonTaskDefinitions", "ListDaemons", "ListServiceDeployments", "ListServices", "ListServicesByNamespace", "ListTagsForResource", "ListTaskDefinitionFamilies", "ListTaskDefinitions", "ListTasks", "PutAccountSetting", "PutAccountSettingDefault", "PutAttributes", "PutClusterCapacityProviders", "RegisterContainerInstance", "RegisterDaemonTaskDefinition", "RegisterTaskDefinition", "RunTask", "StartTask", "StopServiceDeployment", "StopTask", "SubmitAttachmentStateChanges", "SubmitContainerStateChange", "SubmitTaskStateChange", "TagResource", "UntagResource", "UpdateCapacityProvider", "UpdateCluster", "UpdateClusterSettings", "UpdateContainerAgent", "UpdateContainerInstancesState", "UpdateDaemon", "UpdateExpressGatewayService", "UpdateService", "UpdateServicePrimaryTaskSet", "UpdateTaskProtection", "UpdateTaskSet"],
    patterns: &PATTERNS,
};

/// The model's `AcceleratorCountRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AcceleratorCountRequest {
    /// `max`.
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
    /// `min`.
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i32>,
}

crate::wire_enum! {
    /// The model's `AcceleratorManufacturer`.
    AcceleratorManufacturer { AmazonWebServices => "amazon-web-services", Amd => "amd", Nvidia => "nvidia", Xilinx => "xilinx", Habana => "habana" }
}

crate::wire_enum! {
    /// The model's `AcceleratorName`.
    AcceleratorName { A100 => "a100", Inferentia => "inferentia", K520 => "k520", K80 => "k80", M60 => "m60", RadeonProV520 => "radeon-pro-v520", T4 => "t4", Vu9p => "vu9p", V100 => "v100", A10g => "a10g", H100 => "h100", T4g => "t4g" }
}

/// The model's `AcceleratorTotalMemoryMiBRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AcceleratorTotalMemoryMiBRequest {
    /// `max`.
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
    /// `min`.
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i32>,
}

crate::wire_enum! {
    /// The model's `AcceleratorType`.
    AcceleratorType { Gpu => "gpu", Fpga => "fpga", Inference => "inference" }
}

/// The model's `AdvancedConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AdvancedConfiguration {
    /// `alternateTargetGroupArn`.
    #[serde(rename = "alternateTargetGroupArn", default, skip_serializing_if = "Option::is_none")]
    pub alternate_target_group_arn: Option<String>,
    /// `productionListenerRule`.
    #[serde(rename = "productionListenerRule", default, skip_serializing_if = "Option::is_none")]
    pub production_listener_rule: Option<String>,
    /// `roleArn`.
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    /// `testListenerRule`.
    #[serde(rename = "testListenerRule", default, skip_serializing_if = "Option::is_none")]
    pub test_listener_rule: Option<String>,
}

crate::wire_enum! {
    /// The model's `AgentUpdateStatus`.
    AgentUpdateStatus { Pending => "PENDING", Staging => "STAGING", Staged => "STAGED", Updating => "UPDATING", Updated => "UPDATED", Failed => "FAILED" }
}

crate::wire_enum! {
    /// The model's `ApplicationProtocol`.
    ApplicationProtocol { Http => "http", Http2 => "http2", Grpc => "grpc" }
}

crate::wire_enum! {
    /// The model's `AssignPublicIp`.
    AssignPublicIp { Enabled => "ENABLED", Disabled => "DISABLED" }
}

/// The model's `Attachment`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Attachment {
    /// `details`.
    #[serde(rename = "details", default, skip_serializing_if = "Option::is_none")]
    pub details: Option<Vec<KeyValuePair>>,
    /// `id`.
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `status`.
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `type`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// The model's `Attribute`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Attribute {
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `targetId`.
    #[serde(rename = "targetId", default, skip_serializing_if = "Option::is_none")]
    pub target_id: Option<String>,
    /// `targetType`.
    #[serde(rename = "targetType", default, skip_serializing_if = "Option::is_none")]
    pub target_type: Option<TargetType>,
    /// `value`.
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

crate::wire_enum! {
    /// The model's `AutoRepairActionsStatus`.
    AutoRepairActionsStatus { Enabled => "ENABLED", Disabled => "DISABLED" }
}

/// The model's `AutoRepairConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AutoRepairConfiguration {
    /// `actionsStatus`.
    #[serde(rename = "actionsStatus", default, skip_serializing_if = "Option::is_none")]
    pub actions_status: Option<AutoRepairActionsStatus>,
}

/// The model's `AutoScalingGroupProvider`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AutoScalingGroupProvider {
    /// `autoScalingGroupArn`.
    #[serde(rename = "autoScalingGroupArn", default, skip_serializing_if = "Option::is_none")]
    pub auto_scaling_group_arn: Option<String>,
    /// `managedDraining`.
    #[serde(rename = "managedDraining", default, skip_serializing_if = "Option::is_none")]
    pub managed_draining: Option<ManagedDraining>,
    /// `managedScaling`.
    #[serde(rename = "managedScaling", default, skip_serializing_if = "Option::is_none")]
    pub managed_scaling: Option<ManagedScaling>,
    /// `managedTerminationProtection`.
    #[serde(rename = "managedTerminationProtection", default, skip_serializing_if = "Option::is_none")]
    pub managed_termination_protection: Option<ManagedTerminationProtection>,
}

/// The model's `AutoScalingGroupProviderUpdate`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AutoScalingGroupProviderUpdate {
    /// `managedDraining`.
    #[serde(rename = "managedDraining", default, skip_serializing_if = "Option::is_none")]
    pub managed_draining: Option<ManagedDraining>,
    /// `managedScaling`.
    #[serde(rename = "managedScaling", default, skip_serializing_if = "Option::is_none")]
    pub managed_scaling: Option<ManagedScaling>,
    /// `managedTerminationProtection`.
    #[serde(rename = "managedTerminationProtection", default, skip_serializing_if = "Option::is_none")]
    pub managed_termination_protection: Option<ManagedTerminationProtection>,
}

crate::wire_enum! {
    /// The model's `AvailabilityZoneRebalancing`.
    AvailabilityZoneRebalancing { Enabled => "ENABLED", Disabled => "DISABLED" }
}

/// The model's `AwsVpcConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AwsVpcConfiguration {
    /// `assignPublicIp`.
    #[serde(rename = "assignPublicIp", default, skip_serializing_if = "Option::is_none")]
    pub assign_public_ip: Option<AssignPublicIp>,
    /// `securityGroups`.
    #[serde(rename = "securityGroups", default, skip_serializing_if = "Option::is_none")]
    pub security_groups: Option<Vec<String>>,
    /// `subnets`.
    #[serde(rename = "subnets", default, skip_serializing_if = "Option::is_none")]
    pub subnets: Option<Vec<String>>,
}

crate::wire_enum! {
    /// The model's `BareMetal`.
    BareMetal { Included => "included", Required => "required", Excluded => "excluded" }
}

/// The model's `BaselineEbsBandwidthMbpsRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BaselineEbsBandwidthMbpsRequest {
    /// `max`.
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
    /// `min`.
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i32>,
}

crate::wire_enum! {
    /// The model's `BurstablePerformance`.
    BurstablePerformance { Included => "included", Required => "required", Excluded => "excluded" }
}

crate::wire_enum! {
    /// The model's `CPUArchitecture`.
    CPUArchitecture { X8664 => "X86_64", Arm64 => "ARM64" }
}

/// The model's `CanaryConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CanaryConfiguration {
    /// `canaryBakeTimeInMinutes`.
    #[serde(rename = "canaryBakeTimeInMinutes", default, skip_serializing_if = "Option::is_none")]
    pub canary_bake_time_in_minutes: Option<i32>,
    /// `canaryPercent`.
    #[serde(rename = "canaryPercent", default, skip_serializing_if = "Option::is_none")]
    pub canary_percent: Option<f64>,
}

crate::wire_enum! {
    /// The model's `CapacityOptionType`.
    CapacityOptionType { OnDemand => "ON_DEMAND", Spot => "SPOT", Reserved => "RESERVED" }
}

/// The model's `CapacityProvider`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CapacityProvider {
    /// `autoScalingGroupProvider`.
    #[serde(rename = "autoScalingGroupProvider", default, skip_serializing_if = "Option::is_none")]
    pub auto_scaling_group_provider: Option<AutoScalingGroupProvider>,
    /// `capacityProviderArn`.
    #[serde(rename = "capacityProviderArn", default, skip_serializing_if = "Option::is_none")]
    pub capacity_provider_arn: Option<String>,
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `managedInstancesProvider`.
    #[serde(rename = "managedInstancesProvider", default, skip_serializing_if = "Option::is_none")]
    pub managed_instances_provider: Option<ManagedInstancesProvider>,
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `status`.
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CapacityProviderStatus>,
    /// `tags`.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `type`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<CapacityProviderType>,
    /// `updateStatus`.
    #[serde(rename = "updateStatus", default, skip_serializing_if = "Option::is_none")]
    pub update_status: Option<CapacityProviderUpdateStatus>,
    /// `updateStatusReason`.
    #[serde(rename = "updateStatusReason", default, skip_serializing_if = "Option::is_none")]
    pub update_status_reason: Option<String>,
}

crate::wire_enum! {
    /// The model's `CapacityProviderField`.
    CapacityProviderField { Tags => "TAGS" }
}

crate::wire_enum! {
    /// The model's `CapacityProviderStatus`.
    CapacityProviderStatus { Provisioning => "PROVISIONING", Active => "ACTIVE", Deprovisioning => "DEPROVISIONING", Inactive => "INACTIVE" }
}

/// The model's `CapacityProviderStrategyItem`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CapacityProviderStrategyItem {
    /// `base`.
    #[serde(rename = "base", default, skip_serializing_if = "Option::is_none")]
    pub base: Option<i32>,
    /// `capacityProvider`.
    #[serde(rename = "capacityProvider", default, skip_serializing_if = "Option::is_none")]
    pub capacity_provider: Option<String>,
    /// `weight`.
    #[serde(rename = "weight", default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<i32>,
}

crate::wire_enum! {
    /// The model's `CapacityProviderType`.
    CapacityProviderType { Ec2Autoscaling => "EC2_AUTOSCALING", ManagedInstances => "MANAGED_INSTANCES", Fargate => "FARGATE", FargateSpot => "FARGATE_SPOT" }
}

crate::wire_enum! {
    /// The model's `CapacityProviderUpdateStatus`.
    CapacityProviderUpdateStatus { CreateInProgress => "CREATE_IN_PROGRESS", CreateComplete => "CREATE_COMPLETE", CreateFailed => "CREATE_FAILED", DeleteInProgress => "DELETE_IN_PROGRESS", DeleteComplete => "DELETE_COMPLETE", DeleteFailed => "DELETE_FAILED", UpdateInProgress => "UPDATE_IN_PROGRESS", UpdateComplete => "UPDATE_COMPLETE", UpdateFailed => "UPDATE_FAILED" }
}

crate::wire_enum! {
    /// The model's `CapacityReservationPreference`.
    CapacityReservationPreference { ReservationsOnly => "RESERVATIONS_ONLY", ReservationsFirst => "RESERVATIONS_FIRST", ReservationsExcluded => "RESERVATIONS_EXCLUDED" }
}

/// The model's `CapacityReservationRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CapacityReservationRequest {
    /// `reservationGroupArn`.
    #[serde(rename = "reservationGroupArn", default, skip_serializing_if = "Option::is_none")]
    pub reservation_group_arn: Option<String>,
    /// `reservationPreference`.
    #[serde(rename = "reservationPreference", default, skip_serializing_if = "Option::is_none")]
    pub reservation_preference: Option<CapacityReservationPreference>,
}

/// The model's `Cluster`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Cluster {
    /// `activeServicesCount`.
    #[serde(rename = "activeServicesCount", default, skip_serializing_if = "Option::is_none")]
    pub active_services_count: Option<i32>,
    /// `attachments`.
    #[serde(rename = "attachments", default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<Attachment>>,
    /// `attachmentsStatus`.
    #[serde(rename = "attachmentsStatus", default, skip_serializing_if = "Option::is_none")]
    pub attachments_status: Option<String>,
    /// `capacityProviders`.
    #[serde(rename = "capacityProviders", default, skip_serializing_if = "Option::is_none")]
    pub capacity_providers: Option<Vec<String>>,
    /// `clusterArn`.
    #[serde(rename = "clusterArn", default, skip_serializing_if = "Option::is_none")]
    pub cluster_arn: Option<String>,
    /// `clusterName`.
    #[serde(rename = "clusterName", default, skip_serializing_if = "Option::is_none")]
    pub cluster_name: Option<String>,
    /// `configuration`.
    #[serde(rename = "configuration", default, skip_serializing_if = "Option::is_none")]
    pub configuration: Option<ClusterConfiguration>,
    /// `defaultCapacityProviderStrategy`.
    #[serde(rename = "defaultCapacityProviderStrategy", default, skip_serializing_if = "Option::is_none")]
    pub default_capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    /// `pendingTasksCount`.
    #[serde(rename = "pendingTasksCount", default, skip_serializing_if = "Option::is_none")]
    pub pending_tasks_count: Option<i32>,
    /// `registeredContainerInstancesCount`.
    #[serde(rename = "registeredContainerInstancesCount", default, skip_serializing_if = "Option::is_none")]
    pub registered_container_instances_count: Option<i32>,
    /// `runningTasksCount`.
    #[serde(rename = "runningTasksCount", default, skip_serializing_if = "Option::is_none")]
    pub running_tasks_count: Option<i32>,
    /// `serviceConnectDefaults`.
    #[serde(rename = "serviceConnectDefaults", default, skip_serializing_if = "Option::is_none")]
    pub service_connect_defaults: Option<ClusterServiceConnectDefaults>,
    /// `settings`.
    #[serde(rename = "settings", default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Vec<ClusterSetting>>,
    /// `statistics`.
    #[serde(rename = "statistics", default, skip_serializing_if = "Option::is_none")]
    pub statistics: Option<Vec<KeyValuePair>>,
    /// `status`.
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `tags`.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// The model's `ClusterConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ClusterConfiguration {
    /// `executeCommandConfiguration`.
    #[serde(rename = "executeCommandConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub execute_command_configuration: Option<ExecuteCommandConfiguration>,
    /// `managedStorageConfiguration`.
    #[serde(rename = "managedStorageConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub managed_storage_configuration: Option<ManagedStorageConfiguration>,
}

crate::wire_enum! {
    /// The model's `ClusterField`.
    ClusterField { Attachments => "ATTACHMENTS", Configurations => "CONFIGURATIONS", Settings => "SETTINGS", Statistics => "STATISTICS", Tags => "TAGS" }
}

/// The model's `ClusterServiceConnectDefaults`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ClusterServiceConnectDefaults {
    /// `namespace`.
    #[serde(rename = "namespace", default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
}

/// The model's `ClusterServiceConnectDefaultsRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ClusterServiceConnectDefaultsRequest {
    /// `namespace`.
    #[serde(rename = "namespace", default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
}

/// The model's `ClusterSetting`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ClusterSetting {
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ClusterSettingName>,
    /// `value`.
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

crate::wire_enum! {
    /// The model's `ClusterSettingName`.
    ClusterSettingName { ContainerInsights => "containerInsights" }
}

crate::wire_enum! {
    /// The model's `Compatibility`.
    Compatibility { Ec2 => "EC2", Fargate => "FARGATE", External => "EXTERNAL", ManagedInstances => "MANAGED_INSTANCES" }
}

crate::wire_enum! {
    /// The model's `Connectivity`.
    Connectivity { Connected => "CONNECTED", Disconnected => "DISCONNECTED" }
}

/// The model's `Container`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Container {
    /// `containerArn`.
    #[serde(rename = "containerArn", default, skip_serializing_if = "Option::is_none")]
    pub container_arn: Option<String>,
    /// `cpu`.
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    /// `exitCode`.
    #[serde(rename = "exitCode", default, skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    /// `gpuIds`.
    #[serde(rename = "gpuIds", default, skip_serializing_if = "Option::is_none")]
    pub gpu_ids: Option<Vec<String>>,
    /// `healthStatus`.
    #[serde(rename = "healthStatus", default, skip_serializing_if = "Option::is_none")]
    pub health_status: Option<HealthStatus>,
    /// `image`.
    #[serde(rename = "image", default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// `imageDigest`.
    #[serde(rename = "imageDigest", default, skip_serializing_if = "Option::is_none")]
    pub image_digest: Option<String>,
    /// `lastStatus`.
    #[serde(rename = "lastStatus", default, skip_serializing_if = "Option::is_none")]
    pub last_status: Option<String>,
    /// `managedAgents`.
    #[serde(rename = "managedAgents", default, skip_serializing_if = "Option::is_none")]
    pub managed_agents: Option<Vec<ManagedAgent>>,
    /// `memory`.
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    /// `memoryReservation`.
    #[serde(rename = "memoryReservation", default, skip_serializing_if = "Option::is_none")]
    pub memory_reservation: Option<String>,
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `networkBindings`.
    #[serde(rename = "networkBindings", default, skip_serializing_if = "Option::is_none")]
    pub network_bindings: Option<Vec<NetworkBinding>>,
    /// `networkInterfaces`.
    #[serde(rename = "networkInterfaces", default, skip_serializing_if = "Option::is_none")]
    pub network_interfaces: Option<Vec<NetworkInterface>>,
    /// `reason`.
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `runtimeId`.
    #[serde(rename = "runtimeId", default, skip_serializing_if = "Option::is_none")]
    pub runtime_id: Option<String>,
    /// `taskArn`.
    #[serde(rename = "taskArn", default, skip_serializing_if = "Option::is_none")]
    pub task_arn: Option<String>,
}

crate::wire_enum! {
    /// The model's `ContainerCondition`.
    ContainerCondition { Start => "START", Complete => "COMPLETE", Success => "SUCCESS", Healthy => "HEALTHY" }
}

/// The model's `ContainerDefinition`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ContainerDefinition {
    /// `command`.
    #[serde(rename = "command", default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    /// `cpu`.
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<i32>,
    /// `credentialSpecs`.
    #[serde(rename = "credentialSpecs", default, skip_serializing_if = "Option::is_none")]
    pub credential_specs: Option<Vec<String>>,
    /// `dependsOn`.
    #[serde(rename = "dependsOn", default, skip_serializing_if = "Option::is_none")]
    pub depends_on: Option<Vec<ContainerDependency>>,
    /// `disableNetworking`.
    #[serde(rename = "disableNetworking", default, skip_serializing_if = "Option::is_none")]
    pub disable_networking: Option<bool>,
    /// `dnsSearchDomains`.
    #[serde(rename = "dnsSearchDomains", default, skip_serializing_if = "Option::is_none")]
    pub dns_search_domains: Option<Vec<String>>,
    /// `dnsServers`.
    #[serde(rename = "dnsServers", default, skip_serializing_if = "Option::is_none")]
    pub dns_servers: Option<Vec<String>>,
    /// `dockerLabels`.
    #[serde(rename = "dockerLabels", default, skip_serializing_if = "Option::is_none")]
    pub docker_labels: Option<BTreeMap<String, String>>,
    /// `dockerSecurityOptions`.
    #[serde(rename = "dockerSecurityOptions", default, skip_serializing_if = "Option::is_none")]
    pub docker_security_options: Option<Vec<String>>,
    /// `entryPoint`.
    #[serde(rename = "entryPoint", default, skip_serializing_if = "Option::is_none")]
    pub entry_point: Option<Vec<String>>,
    /// `environment`.
    #[serde(rename = "environment", default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<Vec<KeyValuePair>>,
    /// `environmentFiles`.
    #[serde(rename = "environmentFiles", default, skip_serializing_if = "Option::is_none")]
    pub environment_files: Option<Vec<EnvironmentFile>>,
    /// `essential`.
    #[serde(rename = "essential", default, skip_serializing_if = "Option::is_none")]
    pub essential: Option<bool>,
    /// `extraHosts`.
    #[serde(rename = "extraHosts", default, skip_serializing_if = "Option::is_none")]
    pub extra_hosts: Option<Vec<HostEntry>>,
    /// `firelensConfiguration`.
    #[serde(rename = "firelensConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub firelens_configuration: Option<FirelensConfiguration>,
    /// `healthCheck`.
    #[serde(rename = "healthCheck", default, skip_serializing_if = "Option::is_none")]
    pub health_check: Option<HealthCheck>,
    /// `hostname`.
    #[serde(rename = "hostname", default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
    /// `image`.
    #[serde(rename = "image", default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// `interactive`.
    #[serde(rename = "interactive", default, skip_serializing_if = "Option::is_none")]
    pub interactive: Option<bool>,
    /// `links`.
    #[serde(rename = "links", default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Vec<String>>,
    /// `linuxParameters`.
    #[serde(rename = "linuxParameters", default, skip_serializing_if = "Option::is_none")]
    pub linux_parameters: Option<LinuxParameters>,
    /// `logConfiguration`.
    #[serde(rename = "logConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub log_configuration: Option<LogConfiguration>,
    /// `memory`.
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<i32>,
    /// `memoryReservation`.
    #[serde(rename = "memoryReservation", default, skip_serializing_if = "Option::is_none")]
    pub memory_reservation: Option<i32>,
    /// `mountPoints`.
    #[serde(rename = "mountPoints", default, skip_serializing_if = "Option::is_none")]
    pub mount_points: Option<Vec<MountPoint>>,
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `portMappings`.
    #[serde(rename = "portMappings", default, skip_serializing_if = "Option::is_none")]
    pub port_mappings: Option<Vec<PortMapping>>,
    /// `privileged`.
    #[serde(rename = "privileged", default, skip_serializing_if = "Option::is_none")]
    pub privileged: Option<bool>,
    /// `pseudoTerminal`.
    #[serde(rename = "pseudoTerminal", default, skip_serializing_if = "Option::is_none")]
    pub pseudo_terminal: Option<bool>,
    /// `readonlyRootFilesystem`.
    #[serde(rename = "readonlyRootFilesystem", default, skip_serializing_if = "Option::is_none")]
    pub readonly_root_filesystem: Option<bool>,
    /// `repositoryCredentials`.
    #[serde(rename = "repositoryCredentials", default, skip_serializing_if = "Option::is_none")]
    pub repository_credentials: Option<RepositoryCredentials>,
    /// `resourceRequirements`.
    #[serde(rename = "resourceRequirements", default, skip_serializing_if = "Option::is_none")]
    pub resource_requirements: Option<Vec<ResourceRequirement>>,
    /// `restartPolicy`.
    #[serde(rename = "restartPolicy", default, skip_serializing_if = "Option::is_none")]
    pub restart_policy: Option<ContainerRestartPolicy>,
    /// `secrets`.
    #[serde(rename = "secrets", default, skip_serializing_if = "Option::is_none")]
    pub secrets: Option<Vec<Secret>>,
    /// `startTimeout`.
    #[serde(rename = "startTimeout", default, skip_serializing_if = "Option::is_none")]
    pub start_timeout: Option<i32>,
    /// `stopTimeout`.
    #[serde(rename = "stopTimeout", default, skip_serializing_if = "Option::is_none")]
    pub stop_timeout: Option<i32>,
    /// `systemControls`.
    #[serde(rename = "systemControls", default, skip_serializing_if = "Option::is_none")]
    pub system_controls: Option<Vec<SystemControl>>,
    /// `ulimits`.
    #[serde(rename = "ulimits", default, skip_serializing_if = "Option::is_none")]
    pub ulimits: Option<Vec<Ulimit>>,
    /// `user`.
    #[serde(rename = "user", default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// `versionConsistency`.
    #[serde(rename = "versionConsistency", default, skip_serializing_if = "Option::is_none")]
    pub version_consistency: Option<VersionConsistency>,
    /// `volumesFrom`.
    #[serde(rename = "volumesFrom", default, skip_serializing_if = "Option::is_none")]
    pub volumes_from: Option<Vec<VolumeFrom>>,
    /// `workingDirectory`.
    #[serde(rename = "workingDirectory", default, skip_serializing_if = "Option::is_none")]
    pub working_directory: Option<String>,
}

/// The model's `ContainerDependency`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ContainerDependency {
    /// `condition`.
    #[serde(rename = "condition", default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<ContainerCondition>,
    /// `containerName`.
    #[serde(rename = "containerName", default, skip_serializing_if = "Option::is_none")]
    pub container_name: Option<String>,
}

/// The model's `ContainerInstance`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ContainerInstance {
    /// `agentConnected`.
    #[serde(rename = "agentConnected", default, skip_serializing_if = "Option::is_none")]
    pub agent_connected: Option<bool>,
    /// `agentUpdateStatus`.
    #[serde(rename = "agentUpdateStatus", default, skip_serializing_if = "Option::is_none")]
    pub agent_update_status: Option<AgentUpdateStatus>,
    /// `attachments`.
    #[serde(rename = "attachments", default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<Attachment>>,
    /// `attributes`.
    #[serde(rename = "attributes", default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<Vec<Attribute>>,
    /// `capacityProviderName`.
    #[serde(rename = "capacityProviderName", default, skip_serializing_if = "Option::is_none")]
    pub capacity_provider_name: Option<String>,
    /// `containerInstanceArn`.
    #[serde(rename = "containerInstanceArn", default, skip_serializing_if = "Option::is_none")]
    pub container_instance_arn: Option<String>,
    /// `ec2InstanceId`.
    #[serde(rename = "ec2InstanceId", default, skip_serializing_if = "Option::is_none")]
    pub ec2_instance_id: Option<String>,
    /// `healthStatus`.
    #[serde(rename = "healthStatus", default, skip_serializing_if = "Option::is_none")]
    pub health_status: Option<ContainerInstanceHealthStatus>,
    /// `pendingTasksCount`.
    #[serde(rename = "pendingTasksCount", default, skip_serializing_if = "Option::is_none")]
    pub pending_tasks_count: Option<i32>,
    /// `registeredAt`.
    #[serde(rename = "registeredAt", default, skip_serializing_if = "Option::is_none")]
    pub registered_at: Option<Time>,
    /// `registeredResources`.
    #[serde(rename = "registeredResources", default, skip_serializing_if = "Option::is_none")]
    pub registered_resources: Option<Vec<Resource>>,
    /// `remainingResources`.
    #[serde(rename = "remainingResources", default, skip_serializing_if = "Option::is_none")]
    pub remaining_resources: Option<Vec<Resource>>,
    /// `runningTasksCount`.
    #[serde(rename = "runningTasksCount", default, skip_serializing_if = "Option::is_none")]
    pub running_tasks_count: Option<i32>,
    /// `status`.
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `statusReason`.
    #[serde(rename = "statusReason", default, skip_serializing_if = "Option::is_none")]
    pub status_reason: Option<String>,
    /// `tags`.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `version`.
    #[serde(rename = "version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// `versionInfo`.
    #[serde(rename = "versionInfo", default, skip_serializing_if = "Option::is_none")]
    pub version_info: Option<VersionInfo>,
}

crate::wire_enum! {
    /// The model's `ContainerInstanceField`.
    ContainerInstanceField { Tags => "TAGS", ContainerInstanceHealth => "CONTAINER_INSTANCE_HEALTH" }
}

/// The model's `ContainerInstanceHealthStatus`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ContainerInstanceHealthStatus {
    /// `details`.
    #[serde(rename = "details", default, skip_serializing_if = "Option::is_none")]
    pub details: Option<Vec<InstanceHealthCheckResult>>,
    /// `overallStatus`.
    #[serde(rename = "overallStatus", default, skip_serializing_if = "Option::is_none")]
    pub overall_status: Option<InstanceHealthCheckState>,
}

crate::wire_enum! {
    /// The model's `ContainerInstanceStatus`.
    ContainerInstanceStatus { Active => "ACTIVE", Draining => "DRAINING", Registering => "REGISTERING", Deregistering => "DEREGISTERING", RegistrationFailed => "REGISTRATION_FAILED" }
}

/// The model's `ContainerOverride`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ContainerOverride {
    /// `command`.
    #[serde(rename = "command", default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    /// `cpu`.
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<i32>,
    /// `environment`.
    #[serde(rename = "environment", default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<Vec<KeyValuePair>>,
    /// `environmentFiles`.
    #[serde(rename = "environmentFiles", default, skip_serializing_if = "Option::is_none")]
    pub environment_files: Option<Vec<EnvironmentFile>>,
    /// `memory`.
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<i32>,
    /// `memoryReservation`.
    #[serde(rename = "memoryReservation", default, skip_serializing_if = "Option::is_none")]
    pub memory_reservation: Option<i32>,
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `resourceRequirements`.
    #[serde(rename = "resourceRequirements", default, skip_serializing_if = "Option::is_none")]
    pub resource_requirements: Option<Vec<ResourceRequirement>>,
}

/// The model's `ContainerRestartPolicy`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ContainerRestartPolicy {
    /// `enabled`.
    #[serde(rename = "enabled", default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// `ignoredExitCodes`.
    #[serde(rename = "ignoredExitCodes", default, skip_serializing_if = "Option::is_none")]
    pub ignored_exit_codes: Option<Vec<i32>>,
    /// `restartAttemptPeriod`.
    #[serde(rename = "restartAttemptPeriod", default, skip_serializing_if = "Option::is_none")]
    pub restart_attempt_period: Option<i32>,
}

crate::wire_enum! {
    /// The model's `CpuManufacturer`.
    CpuManufacturer { Intel => "intel", Amd => "amd", AmazonWebServices => "amazon-web-services" }
}

/// The model's `CreateCapacityProviderRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CreateCapacityProviderRequest {
    /// `autoScalingGroupProvider`.
    #[serde(rename = "autoScalingGroupProvider", default, skip_serializing_if = "Option::is_none")]
    pub auto_scaling_group_provider: Option<AutoScalingGroupProvider>,
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `managedInstancesProvider`.
    #[serde(rename = "managedInstancesProvider", default, skip_serializing_if = "Option::is_none")]
    pub managed_instances_provider: Option<CreateManagedInstancesProviderConfiguration>,
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `tags`.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// The model's `CreateCapacityProviderResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CreateCapacityProviderResponse {
    /// `capacityProvider`.
    #[serde(rename = "capacityProvider", default, skip_serializing_if = "Option::is_none")]
    pub capacity_provider: Option<CapacityProvider>,
}

/// The model's `CreateClusterRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CreateClusterRequest {
    /// `capacityProviders`.
    #[serde(rename = "capacityProviders", default, skip_serializing_if = "Option::is_none")]
    pub capacity_providers: Option<Vec<String>>,
    /// `clusterName`.
    #[serde(rename = "clusterName", default, skip_serializing_if = "Option::is_none")]
    pub cluster_name: Option<String>,
    /// `configuration`.
    #[serde(rename = "configuration", default, skip_serializing_if = "Option::is_none")]
    pub configuration: Option<ClusterConfiguration>,
    /// `defaultCapacityProviderStrategy`.
    #[serde(rename = "defaultCapacityProviderStrategy", default, skip_serializing_if = "Option::is_none")]
    pub default_capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    /// `serviceConnectDefaults`.
    #[serde(rename = "serviceConnectDefaults", default, skip_serializing_if = "Option::is_none")]
    pub service_connect_defaults: Option<ClusterServiceConnectDefaultsRequest>,
    /// `settings`.
    #[serde(rename = "settings", default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Vec<ClusterSetting>>,
    /// `tags`.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// The model's `CreateClusterResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CreateClusterResponse {
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Cluster>,
}

/// The model's `CreateManagedInstancesProviderConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CreateManagedInstancesProviderConfiguration {
    /// `autoRepairConfiguration`.
    #[serde(rename = "autoRepairConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub auto_repair_configuration: Option<AutoRepairConfiguration>,
    /// `infrastructureOptimization`.
    #[serde(rename = "infrastructureOptimization", default, skip_serializing_if = "Option::is_none")]
    pub infrastructure_optimization: Option<InfrastructureOptimization>,
    /// `infrastructureRoleArn`.
    #[serde(rename = "infrastructureRoleArn", default, skip_serializing_if = "Option::is_none")]
    pub infrastructure_role_arn: Option<String>,
    /// `instanceLaunchTemplate`.
    #[serde(rename = "instanceLaunchTemplate", default, skip_serializing_if = "Option::is_none")]
    pub instance_launch_template: Option<InstanceLaunchTemplate>,
    /// `propagateTags`.
    #[serde(rename = "propagateTags", default, skip_serializing_if = "Option::is_none")]
    pub propagate_tags: Option<PropagateMITags>,
}

/// The model's `CreateServiceRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CreateServiceRequest {
    /// `availabilityZoneRebalancing`.
    #[serde(rename = "availabilityZoneRebalancing", default, skip_serializing_if = "Option::is_none")]
    pub availability_zone_rebalancing: Option<AvailabilityZoneRebalancing>,
    /// `capacityProviderStrategy`.
    #[serde(rename = "capacityProviderStrategy", default, skip_serializing_if = "Option::is_none")]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    /// `clientToken`.
    #[serde(rename = "clientToken", default, skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `deploymentConfiguration`.
    #[serde(rename = "deploymentConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub deployment_configuration: Option<DeploymentConfiguration>,
    /// `deploymentController`.
    #[serde(rename = "deploymentController", default, skip_serializing_if = "Option::is_none")]
    pub deployment_controller: Option<DeploymentController>,
    /// `desiredCount`.
    #[serde(rename = "desiredCount", default, skip_serializing_if = "Option::is_none")]
    pub desired_count: Option<i32>,
    /// `enableECSManagedTags`.
    #[serde(rename = "enableECSManagedTags", default, skip_serializing_if = "Option::is_none")]
    pub enable_ecs_managed_tags: Option<bool>,
    /// `enableExecuteCommand`.
    #[serde(rename = "enableExecuteCommand", default, skip_serializing_if = "Option::is_none")]
    pub enable_execute_command: Option<bool>,
    /// `healthCheckGracePeriodSeconds`.
    #[serde(rename = "healthCheckGracePeriodSeconds", default, skip_serializing_if = "Option::is_none")]
    pub health_check_grace_period_seconds: Option<i32>,
    /// `launchType`.
    #[serde(rename = "launchType", default, skip_serializing_if = "Option::is_none")]
    pub launch_type: Option<LaunchType>,
    /// `loadBalancers`.
    #[serde(rename = "loadBalancers", default, skip_serializing_if = "Option::is_none")]
    pub load_balancers: Option<Vec<LoadBalancer>>,
    /// `networkConfiguration`.
    #[serde(rename = "networkConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub network_configuration: Option<NetworkConfiguration>,
    /// `placementConstraints`.
    #[serde(rename = "placementConstraints", default, skip_serializing_if = "Option::is_none")]
    pub placement_constraints: Option<Vec<PlacementConstraint>>,
    /// `placementStrategy`.
    #[serde(rename = "placementStrategy", default, skip_serializing_if = "Option::is_none")]
    pub placement_strategy: Option<Vec<PlacementStrategy>>,
    /// `platformVersion`.
    #[serde(rename = "platformVersion", default, skip_serializing_if = "Option::is_none")]
    pub platform_version: Option<String>,
    /// `propagateTags`.
    #[serde(rename = "propagateTags", default, skip_serializing_if = "Option::is_none")]
    pub propagate_tags: Option<PropagateTags>,
    /// `role`.
    #[serde(rename = "role", default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// `schedulingStrategy`.
    #[serde(rename = "schedulingStrategy", default, skip_serializing_if = "Option::is_none")]
    pub scheduling_strategy: Option<SchedulingStrategy>,
    /// `serviceConnectConfiguration`.
    #[serde(rename = "serviceConnectConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub service_connect_configuration: Option<ServiceConnectConfiguration>,
    /// `serviceName`.
    #[serde(rename = "serviceName", default, skip_serializing_if = "Option::is_none")]
    pub service_name: Option<String>,
    /// `serviceRegistries`.
    #[serde(rename = "serviceRegistries", default, skip_serializing_if = "Option::is_none")]
    pub service_registries: Option<Vec<ServiceRegistry>>,
    /// `tags`.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `taskDefinition`.
    #[serde(rename = "taskDefinition", default, skip_serializing_if = "Option::is_none")]
    pub task_definition: Option<String>,
    /// `volumeConfigurations`.
    #[serde(rename = "volumeConfigurations", default, skip_serializing_if = "Option::is_none")]
    pub volume_configurations: Option<Vec<ServiceVolumeConfiguration>>,
    /// `vpcLatticeConfigurations`.
    #[serde(rename = "vpcLatticeConfigurations", default, skip_serializing_if = "Option::is_none")]
    pub vpc_lattice_configurations: Option<Vec<VpcLatticeConfiguration>>,
}

/// The model's `CreateServiceResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CreateServiceResponse {
    /// `service`.
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<Service>,
}

/// The model's `DeleteAccountSettingRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeleteAccountSettingRequest {
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<SettingName>,
    /// `principalArn`.
    #[serde(rename = "principalArn", default, skip_serializing_if = "Option::is_none")]
    pub principal_arn: Option<String>,
}

/// The model's `DeleteAccountSettingResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DeleteAccountSettingResponse {
    /// `setting`.
    #[serde(rename = "setting", default, skip_serializing_if = "Option::is_none")]
    pub setting: Option<Setting>,
}

/// The model's `DeleteAttributesRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeleteAttributesRequest {
    /// `attributes`.
    #[serde(rename = "attributes", default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<Vec<Attribute>>,
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
}

/// The model's `DeleteAttributesResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DeleteAttributesResponse {
    /// `attributes`.
    #[serde(rename = "attributes", default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<Vec<Attribute>>,
}

/// The model's `DeleteCapacityProviderRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeleteCapacityProviderRequest {
    /// `capacityProvider`.
    #[serde(rename = "capacityProvider", default, skip_serializing_if = "Option::is_none")]
    pub capacity_provider: Option<String>,
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
}

/// The model's `DeleteCapacityProviderResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DeleteCapacityProviderResponse {
    /// `capacityProvider`.
    #[serde(rename = "capacityProvider", default, skip_serializing_if = "Option::is_none")]
    pub capacity_provider: Option<CapacityProvider>,
}

/// The model's `DeleteClusterRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeleteClusterRequest {
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
}

/// The model's `DeleteClusterResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DeleteClusterResponse {
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Cluster>,
}

/// The model's `DeleteServiceRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeleteServiceRequest {
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `force`.
    #[serde(rename = "force", default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
    /// `service`.
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
}

/// The model's `DeleteServiceResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DeleteServiceResponse {
    /// `service`.
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<Service>,
}

/// The model's `DeleteTaskDefinitionsRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeleteTaskDefinitionsRequest {
    /// `taskDefinitions`.
    #[serde(rename = "taskDefinitions", default, skip_serializing_if = "Option::is_none")]
    pub task_definitions: Option<Vec<String>>,
}

/// The model's `DeleteTaskDefinitionsResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DeleteTaskDefinitionsResponse {
    /// `failures`.
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
    /// `taskDefinitions`.
    #[serde(rename = "taskDefinitions", default, skip_serializing_if = "Option::is_none")]
    pub task_definitions: Option<Vec<TaskDefinition>>,
}

/// The model's `Deployment`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Deployment {
    /// `capacityProviderStrategy`.
    #[serde(rename = "capacityProviderStrategy", default, skip_serializing_if = "Option::is_none")]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    /// `createdAt`.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Time>,
    /// `desiredCount`.
    #[serde(rename = "desiredCount", default, skip_serializing_if = "Option::is_none")]
    pub desired_count: Option<i32>,
    /// `failedTasks`.
    #[serde(rename = "failedTasks", default, skip_serializing_if = "Option::is_none")]
    pub failed_tasks: Option<i32>,
    /// `fargateEphemeralStorage`.
    #[serde(rename = "fargateEphemeralStorage", default, skip_serializing_if = "Option::is_none")]
    pub fargate_ephemeral_storage: Option<DeploymentEphemeralStorage>,
    /// `id`.
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `launchType`.
    #[serde(rename = "launchType", default, skip_serializing_if = "Option::is_none")]
    pub launch_type: Option<LaunchType>,
    /// `networkConfiguration`.
    #[serde(rename = "networkConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub network_configuration: Option<NetworkConfiguration>,
    /// `pendingCount`.
    #[serde(rename = "pendingCount", default, skip_serializing_if = "Option::is_none")]
    pub pending_count: Option<i32>,
    /// `platformFamily`.
    #[serde(rename = "platformFamily", default, skip_serializing_if = "Option::is_none")]
    pub platform_family: Option<String>,
    /// `platformVersion`.
    #[serde(rename = "platformVersion", default, skip_serializing_if = "Option::is_none")]
    pub platform_version: Option<String>,
    /// `rolloutState`.
    #[serde(rename = "rolloutState", default, skip_serializing_if = "Option::is_none")]
    pub rollout_state: Option<DeploymentRolloutState>,
    /// `rolloutStateReason`.
    #[serde(rename = "rolloutStateReason", default, skip_serializing_if = "Option::is_none")]
    pub rollout_state_reason: Option<String>,
    /// `runningCount`.
    #[serde(rename = "runningCount", default, skip_serializing_if = "Option::is_none")]
    pub running_count: Option<i32>,
    /// `serviceConnectConfiguration`.
    #[serde(rename = "serviceConnectConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub service_connect_configuration: Option<ServiceConnectConfiguration>,
    /// `serviceConnectResources`.
    #[serde(rename = "serviceConnectResources", default, skip_serializing_if = "Option::is_none")]
    pub service_connect_resources: Option<Vec<ServiceConnectServiceResource>>,
    /// `status`.
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `taskDefinition`.
    #[serde(rename = "taskDefinition", default, skip_serializing_if = "Option::is_none")]
    pub task_definition: Option<String>,
    /// `updatedAt`.
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Time>,
    /// `volumeConfigurations`.
    #[serde(rename = "volumeConfigurations", default, skip_serializing_if = "Option::is_none")]
    pub volume_configurations: Option<Vec<ServiceVolumeConfiguration>>,
    /// `vpcLatticeConfigurations`.
    #[serde(rename = "vpcLatticeConfigurations", default, skip_serializing_if = "Option::is_none")]
    pub vpc_lattice_configurations: Option<Vec<VpcLatticeConfiguration>>,
}

/// The model's `DeploymentAlarms`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeploymentAlarms {
    /// `alarmNames`.
    #[serde(rename = "alarmNames", default, skip_serializing_if = "Option::is_none")]
    pub alarm_names: Option<Vec<String>>,
    /// `enable`.
    #[serde(rename = "enable", default, skip_serializing_if = "Option::is_none")]
    pub enable: Option<bool>,
    /// `rollback`.
    #[serde(rename = "rollback", default, skip_serializing_if = "Option::is_none")]
    pub rollback: Option<bool>,
}

/// The model's `DeploymentCircuitBreaker`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeploymentCircuitBreaker {
    /// `enable`.
    #[serde(rename = "enable", default, skip_serializing_if = "Option::is_none")]
    pub enable: Option<bool>,
    /// `rollback`.
    #[serde(rename = "rollback", default, skip_serializing_if = "Option::is_none")]
    pub rollback: Option<bool>,
}

/// The model's `DeploymentConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeploymentConfiguration {
    /// `alarms`.
    #[serde(rename = "alarms", default, skip_serializing_if = "Option::is_none")]
    pub alarms: Option<DeploymentAlarms>,
    /// `bakeTimeInMinutes`.
    #[serde(rename = "bakeTimeInMinutes", default, skip_serializing_if = "Option::is_none")]
    pub bake_time_in_minutes: Option<i32>,
    /// `canaryConfiguration`.
    #[serde(rename = "canaryConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub canary_configuration: Option<CanaryConfiguration>,
    /// `deploymentCircuitBreaker`.
    #[serde(rename = "deploymentCircuitBreaker", default, skip_serializing_if = "Option::is_none")]
    pub deployment_circuit_breaker: Option<DeploymentCircuitBreaker>,
    /// `lifecycleHooks`.
    #[serde(rename = "lifecycleHooks", default, skip_serializing_if = "Option::is_none")]
    pub lifecycle_hooks: Option<Vec<DeploymentLifecycleHook>>,
    /// `linearConfiguration`.
    #[serde(rename = "linearConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub linear_configuration: Option<LinearConfiguration>,
    /// `maximumPercent`.
    #[serde(rename = "maximumPercent", default, skip_serializing_if = "Option::is_none")]
    pub maximum_percent: Option<i32>,
    /// `minimumHealthyPercent`.
    #[serde(rename = "minimumHealthyPercent", default, skip_serializing_if = "Option::is_none")]
    pub minimum_healthy_percent: Option<i32>,
    /// `strategy`.
    #[serde(rename = "strategy", default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<DeploymentStrategy>,
}

/// The model's `DeploymentController`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeploymentController {
    /// `type`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<DeploymentControllerType>,
}

crate::wire_enum! {
    /// The model's `DeploymentControllerType`.
    DeploymentControllerType { Ecs => "ECS", CodeDeploy => "CODE_DEPLOY", External => "EXTERNAL" }
}

/// The model's `DeploymentEphemeralStorage`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeploymentEphemeralStorage {
    /// `kmsKeyId`.
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

/// The model's `DeploymentLifecycleHook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeploymentLifecycleHook {
    /// `hookDetails`.
    #[serde(rename = "hookDetails", default, skip_serializing_if = "Option::is_none")]
    pub hook_details: Option<serde_json::Value>,
    /// `hookTargetArn`.
    #[serde(rename = "hookTargetArn", default, skip_serializing_if = "Option::is_none")]
    pub hook_target_arn: Option<String>,
    /// `lifecycleStages`.
    #[serde(rename = "lifecycleStages", default, skip_serializing_if = "Option::is_none")]
    pub lifecycle_stages: Option<Vec<DeploymentLifecycleHookStage>>,
    /// `roleArn`.
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    /// `targetType`.
    #[serde(rename = "targetType", default, skip_serializing_if = "Option::is_none")]
    pub target_type: Option<DeploymentLifecycleHookTargetType>,
    /// `timeoutConfiguration`.
    #[serde(rename = "timeoutConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub timeout_configuration: Option<DeploymentLifecycleHookTimeoutConfiguration>,
}

crate::wire_enum! {
    /// The model's `DeploymentLifecycleHookAction`.
    DeploymentLifecycleHookAction { Rollback => "ROLLBACK", Continue => "CONTINUE" }
}

crate::wire_enum! {
    /// The model's `DeploymentLifecycleHookStage`.
    DeploymentLifecycleHookStage { ReconcileService => "RECONCILE_SERVICE", PreScaleUp => "PRE_SCALE_UP", PostScaleUp => "POST_SCALE_UP", TestTrafficShift => "TEST_TRAFFIC_SHIFT", PostTestTrafficShift => "POST_TEST_TRAFFIC_SHIFT", PreProductionTrafficShift => "PRE_PRODUCTION_TRAFFIC_SHIFT", ProductionTrafficShift => "PRODUCTION_TRAFFIC_SHIFT", PostProductionTrafficShift => "POST_PRODUCTION_TRAFFIC_SHIFT" }
}

crate::wire_enum! {
    /// The model's `DeploymentLifecycleHookTargetType`.
    DeploymentLifecycleHookTargetType { AwsLambda => "AWS_LAMBDA", Pause => "PAUSE" }
}

/// The model's `DeploymentLifecycleHookTimeoutConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeploymentLifecycleHookTimeoutConfiguration {
    /// `action`.
    #[serde(rename = "action", default, skip_serializing_if = "Option::is_none")]
    pub action: Option<DeploymentLifecycleHookAction>,
    /// `timeoutInMinutes`.
    #[serde(rename = "timeoutInMinutes", default, skip_serializing_if = "Option::is_none")]
    pub timeout_in_minutes: Option<i32>,
}

crate::wire_enum! {
    /// The model's `DeploymentRolloutState`.
    DeploymentRolloutState { Completed => "COMPLETED", Failed => "FAILED", InProgress => "IN_PROGRESS" }
}

crate::wire_enum! {
    /// The model's `DeploymentStrategy`.
    DeploymentStrategy { Rolling => "ROLLING", BlueGreen => "BLUE_GREEN", Linear => "LINEAR", Canary => "CANARY" }
}

/// The model's `DeregisterContainerInstanceRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeregisterContainerInstanceRequest {
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `containerInstance`.
    #[serde(rename = "containerInstance", default, skip_serializing_if = "Option::is_none")]
    pub container_instance: Option<String>,
    /// `force`.
    #[serde(rename = "force", default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
}

/// The model's `DeregisterContainerInstanceResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DeregisterContainerInstanceResponse {
    /// `containerInstance`.
    #[serde(rename = "containerInstance", default, skip_serializing_if = "Option::is_none")]
    pub container_instance: Option<ContainerInstance>,
}

/// The model's `DeregisterTaskDefinitionRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeregisterTaskDefinitionRequest {
    /// `taskDefinition`.
    #[serde(rename = "taskDefinition", default, skip_serializing_if = "Option::is_none")]
    pub task_definition: Option<String>,
}

/// The model's `DeregisterTaskDefinitionResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DeregisterTaskDefinitionResponse {
    /// `taskDefinition`.
    #[serde(rename = "taskDefinition", default, skip_serializing_if = "Option::is_none")]
    pub task_definition: Option<TaskDefinition>,
}

/// The model's `DescribeCapacityProvidersRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DescribeCapacityProvidersRequest {
    /// `capacityProviders`.
    #[serde(rename = "capacityProviders", default, skip_serializing_if = "Option::is_none")]
    pub capacity_providers: Option<Vec<String>>,
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `include`.
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<CapacityProviderField>>,
    /// `maxResults`.
    #[serde(rename = "maxResults", default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// The model's `DescribeCapacityProvidersResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DescribeCapacityProvidersResponse {
    /// `capacityProviders`.
    #[serde(rename = "capacityProviders", default, skip_serializing_if = "Option::is_none")]
    pub capacity_providers: Option<Vec<CapacityProvider>>,
    /// `failures`.
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// The model's `DescribeClustersRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DescribeClustersRequest {
    /// `clusters`.
    #[serde(rename = "clusters", default, skip_serializing_if = "Option::is_none")]
    pub clusters: Option<Vec<String>>,
    /// `include`.
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<ClusterField>>,
}

/// The model's `DescribeClustersResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DescribeClustersResponse {
    /// `clusters`.
    #[serde(rename = "clusters", default, skip_serializing_if = "Option::is_none")]
    pub clusters: Option<Vec<Cluster>>,
    /// `failures`.
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

/// The model's `DescribeContainerInstancesRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DescribeContainerInstancesRequest {
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `containerInstances`.
    #[serde(rename = "containerInstances", default, skip_serializing_if = "Option::is_none")]
    pub container_instances: Option<Vec<String>>,
    /// `include`.
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<ContainerInstanceField>>,
}

/// The model's `DescribeContainerInstancesResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DescribeContainerInstancesResponse {
    /// `containerInstances`.
    #[serde(rename = "containerInstances", default, skip_serializing_if = "Option::is_none")]
    pub container_instances: Option<Vec<ContainerInstance>>,
    /// `failures`.
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

/// The model's `DescribeServicesRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DescribeServicesRequest {
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `include`.
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<ServiceField>>,
    /// `services`.
    #[serde(rename = "services", default, skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<String>>,
}

/// The model's `DescribeServicesResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DescribeServicesResponse {
    /// `failures`.
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
    /// `services`.
    #[serde(rename = "services", default, skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<Service>>,
}

/// The model's `DescribeTaskDefinitionRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DescribeTaskDefinitionRequest {
    /// `include`.
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<TaskDefinitionField>>,
    /// `taskDefinition`.
    #[serde(rename = "taskDefinition", default, skip_serializing_if = "Option::is_none")]
    pub task_definition: Option<String>,
}

/// The model's `DescribeTaskDefinitionResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DescribeTaskDefinitionResponse {
    /// `tags`.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `taskDefinition`.
    #[serde(rename = "taskDefinition", default, skip_serializing_if = "Option::is_none")]
    pub task_definition: Option<TaskDefinition>,
}

/// The model's `DescribeTasksRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DescribeTasksRequest {
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `include`.
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<TaskField>>,
    /// `tasks`.
    #[serde(rename = "tasks", default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Vec<String>>,
}

/// The model's `DescribeTasksResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DescribeTasksResponse {
    /// `failures`.
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
    /// `tasks`.
    #[serde(rename = "tasks", default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Vec<Task>>,
}

crate::wire_enum! {
    /// The model's `DesiredStatus`.
    DesiredStatus { Running => "RUNNING", Pending => "PENDING", Stopped => "STOPPED" }
}

/// The model's `Device`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Device {
    /// `containerPath`.
    #[serde(rename = "containerPath", default, skip_serializing_if = "Option::is_none")]
    pub container_path: Option<String>,
    /// `hostPath`.
    #[serde(rename = "hostPath", default, skip_serializing_if = "Option::is_none")]
    pub host_path: Option<String>,
    /// `permissions`.
    #[serde(rename = "permissions", default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Vec<DeviceCgroupPermission>>,
}

crate::wire_enum! {
    /// The model's `DeviceCgroupPermission`.
    DeviceCgroupPermission { Read => "read", Write => "write", Mknod => "mknod" }
}

/// The model's `DockerVolumeConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DockerVolumeConfiguration {
    /// `autoprovision`.
    #[serde(rename = "autoprovision", default, skip_serializing_if = "Option::is_none")]
    pub autoprovision: Option<bool>,
    /// `driver`.
    #[serde(rename = "driver", default, skip_serializing_if = "Option::is_none")]
    pub driver: Option<String>,
    /// `driverOpts`.
    #[serde(rename = "driverOpts", default, skip_serializing_if = "Option::is_none")]
    pub driver_opts: Option<BTreeMap<String, String>>,
    /// `labels`.
    #[serde(rename = "labels", default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
    /// `scope`.
    #[serde(rename = "scope", default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
}

crate::wire_enum! {
    /// The model's `EBSResourceType`.
    EBSResourceType { Volume => "volume" }
}

/// The model's `EBSTagSpecification`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EBSTagSpecification {
    /// `propagateTags`.
    #[serde(rename = "propagateTags", default, skip_serializing_if = "Option::is_none")]
    pub propagate_tags: Option<PropagateTags>,
    /// `resourceType`.
    #[serde(rename = "resourceType", default, skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<EBSResourceType>,
    /// `tags`.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// The model's `EFSAuthorizationConfig`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EFSAuthorizationConfig {
    /// `accessPointId`.
    #[serde(rename = "accessPointId", default, skip_serializing_if = "Option::is_none")]
    pub access_point_id: Option<String>,
    /// `iam`.
    #[serde(rename = "iam", default, skip_serializing_if = "Option::is_none")]
    pub iam: Option<EFSAuthorizationConfigIAM>,
}

crate::wire_enum! {
    /// The model's `EFSAuthorizationConfigIAM`.
    EFSAuthorizationConfigIAM { Enabled => "ENABLED", Disabled => "DISABLED" }
}

crate::wire_enum! {
    /// The model's `EFSTransitEncryption`.
    EFSTransitEncryption { Enabled => "ENABLED", Disabled => "DISABLED" }
}

/// The model's `EFSVolumeConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EFSVolumeConfiguration {
    /// `authorizationConfig`.
    #[serde(rename = "authorizationConfig", default, skip_serializing_if = "Option::is_none")]
    pub authorization_config: Option<EFSAuthorizationConfig>,
    /// `fileSystemId`.
    #[serde(rename = "fileSystemId", default, skip_serializing_if = "Option::is_none")]
    pub file_system_id: Option<String>,
    /// `rootDirectory`.
    #[serde(rename = "rootDirectory", default, skip_serializing_if = "Option::is_none")]
    pub root_directory: Option<String>,
    /// `transitEncryption`.
    #[serde(rename = "transitEncryption", default, skip_serializing_if = "Option::is_none")]
    pub transit_encryption: Option<EFSTransitEncryption>,
    /// `transitEncryptionPort`.
    #[serde(rename = "transitEncryptionPort", default, skip_serializing_if = "Option::is_none")]
    pub transit_encryption_port: Option<i32>,
}

/// The model's `EnvironmentFile`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EnvironmentFile {
    /// `type`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<EnvironmentFileType>,
    /// `value`.
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

crate::wire_enum! {
    /// The model's `EnvironmentFileType`.
    EnvironmentFileType { S3 => "s3" }
}

/// The model's `EphemeralStorage`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EphemeralStorage {
    /// `sizeInGiB`.
    #[serde(rename = "sizeInGiB", default, skip_serializing_if = "Option::is_none")]
    pub size_in_gib: Option<i32>,
}

/// The model's `ExecuteCommandConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ExecuteCommandConfiguration {
    /// `kmsKeyId`.
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// `logConfiguration`.
    #[serde(rename = "logConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub log_configuration: Option<ExecuteCommandLogConfiguration>,
    /// `logging`.
    #[serde(rename = "logging", default, skip_serializing_if = "Option::is_none")]
    pub logging: Option<ExecuteCommandLogging>,
}

/// The model's `ExecuteCommandLogConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ExecuteCommandLogConfiguration {
    /// `cloudWatchEncryptionEnabled`.
    #[serde(rename = "cloudWatchEncryptionEnabled", default, skip_serializing_if = "Option::is_none")]
    pub cloud_watch_encryption_enabled: Option<bool>,
    /// `cloudWatchLogGroupName`.
    #[serde(rename = "cloudWatchLogGroupName", default, skip_serializing_if = "Option::is_none")]
    pub cloud_watch_log_group_name: Option<String>,
    /// `s3BucketName`.
    #[serde(rename = "s3BucketName", default, skip_serializing_if = "Option::is_none")]
    pub s3_bucket_name: Option<String>,
    /// `s3EncryptionEnabled`.
    #[serde(rename = "s3EncryptionEnabled", default, skip_serializing_if = "Option::is_none")]
    pub s3_encryption_enabled: Option<bool>,
    /// `s3KeyPrefix`.
    #[serde(rename = "s3KeyPrefix", default, skip_serializing_if = "Option::is_none")]
    pub s3_key_prefix: Option<String>,
}

crate::wire_enum! {
    /// The model's `ExecuteCommandLogging`.
    ExecuteCommandLogging { None => "NONE", Default => "DEFAULT", Override => "OVERRIDE" }
}

/// The model's `FSxWindowsFileServerAuthorizationConfig`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FSxWindowsFileServerAuthorizationConfig {
    /// `credentialsParameter`.
    #[serde(rename = "credentialsParameter", default, skip_serializing_if = "Option::is_none")]
    pub credentials_parameter: Option<String>,
    /// `domain`.
    #[serde(rename = "domain", default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
}

/// The model's `FSxWindowsFileServerVolumeConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FSxWindowsFileServerVolumeConfiguration {
    /// `authorizationConfig`.
    #[serde(rename = "authorizationConfig", default, skip_serializing_if = "Option::is_none")]
    pub authorization_config: Option<FSxWindowsFileServerAuthorizationConfig>,
    /// `fileSystemId`.
    #[serde(rename = "fileSystemId", default, skip_serializing_if = "Option::is_none")]
    pub file_system_id: Option<String>,
    /// `rootDirectory`.
    #[serde(rename = "rootDirectory", default, skip_serializing_if = "Option::is_none")]
    pub root_directory: Option<String>,
}

/// The model's `Failure`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Failure {
    /// `arn`.
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// `detail`.
    #[serde(rename = "detail", default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// `reason`.
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The model's `FirelensConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FirelensConfiguration {
    /// `options`.
    #[serde(rename = "options", default, skip_serializing_if = "Option::is_none")]
    pub options: Option<BTreeMap<String, String>>,
    /// `type`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<FirelensConfigurationType>,
}

crate::wire_enum! {
    /// The model's `FirelensConfigurationType`.
    FirelensConfigurationType { Fluentd => "fluentd", Fluentbit => "fluentbit" }
}

/// The model's `HealthCheck`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HealthCheck {
    /// `command`.
    #[serde(rename = "command", default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    /// `interval`.
    #[serde(rename = "interval", default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<i32>,
    /// `retries`.
    #[serde(rename = "retries", default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<i32>,
    /// `startPeriod`.
    #[serde(rename = "startPeriod", default, skip_serializing_if = "Option::is_none")]
    pub start_period: Option<i32>,
    /// `timeout`.
    #[serde(rename = "timeout", default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<i32>,
}

crate::wire_enum! {
    /// The model's `HealthStatus`.
    HealthStatus { Healthy => "HEALTHY", Unhealthy => "UNHEALTHY", UnknownValue => "UNKNOWN" }
}

/// The model's `HostEntry`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HostEntry {
    /// `hostname`.
    #[serde(rename = "hostname", default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
    /// `ipAddress`.
    #[serde(rename = "ipAddress", default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
}

/// The model's `HostVolumeProperties`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HostVolumeProperties {
    /// `sourcePath`.
    #[serde(rename = "sourcePath", default, skip_serializing_if = "Option::is_none")]
    pub source_path: Option<String>,
}

/// The model's `InferenceAccelerator`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct InferenceAccelerator {
    /// `deviceName`.
    #[serde(rename = "deviceName", default, skip_serializing_if = "Option::is_none")]
    pub device_name: Option<String>,
    /// `deviceType`.
    #[serde(rename = "deviceType", default, skip_serializing_if = "Option::is_none")]
    pub device_type: Option<String>,
}

/// The model's `InferenceAcceleratorOverride`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct InferenceAcceleratorOverride {
    /// `deviceName`.
    #[serde(rename = "deviceName", default, skip_serializing_if = "Option::is_none")]
    pub device_name: Option<String>,
    /// `deviceType`.
    #[serde(rename = "deviceType", default, skip_serializing_if = "Option::is_none")]
    pub device_type: Option<String>,
}

/// The model's `InfrastructureOptimization`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct InfrastructureOptimization {
    /// `scaleInAfter`.
    #[serde(rename = "scaleInAfter", default, skip_serializing_if = "Option::is_none")]
    pub scale_in_after: Option<i32>,
}

crate::wire_enum! {
    /// The model's `InstanceGeneration`.
    InstanceGeneration { Current => "current", Previous => "previous" }
}

/// The model's `InstanceHealthCheckResult`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct InstanceHealthCheckResult {
    /// `lastStatusChange`.
    #[serde(rename = "lastStatusChange", default, skip_serializing_if = "Option::is_none")]
    pub last_status_change: Option<Time>,
    /// `lastUpdated`.
    #[serde(rename = "lastUpdated", default, skip_serializing_if = "Option::is_none")]
    pub last_updated: Option<Time>,
    /// `status`.
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<InstanceHealthCheckState>,
    /// `statusReason`.
    #[serde(rename = "statusReason", default, skip_serializing_if = "Option::is_none")]
    pub status_reason: Option<String>,
    /// `type`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<InstanceHealthCheckType>,
}

crate::wire_enum! {
    /// The model's `InstanceHealthCheckState`.
    InstanceHealthCheckState { Ok => "OK", Impaired => "IMPAIRED", InsufficientData => "INSUFFICIENT_DATA", Initializing => "INITIALIZING" }
}

crate::wire_enum! {
    /// The model's `InstanceHealthCheckType`.
    InstanceHealthCheckType { ContainerRuntime => "CONTAINER_RUNTIME", AcceleratedCompute => "ACCELERATED_COMPUTE", Daemon => "DAEMON" }
}

/// The model's `InstanceLaunchTemplate`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct InstanceLaunchTemplate {
    /// `capacityOptionType`.
    #[serde(rename = "capacityOptionType", default, skip_serializing_if = "Option::is_none")]
    pub capacity_option_type: Option<CapacityOptionType>,
    /// `capacityReservations`.
    #[serde(rename = "capacityReservations", default, skip_serializing_if = "Option::is_none")]
    pub capacity_reservations: Option<CapacityReservationRequest>,
    /// `ec2InstanceProfileArn`.
    #[serde(rename = "ec2InstanceProfileArn", default, skip_serializing_if = "Option::is_none")]
    pub ec2_instance_profile_arn: Option<String>,
    /// `fipsEnabled`.
    #[serde(rename = "fipsEnabled", default, skip_serializing_if = "Option::is_none")]
    pub fips_enabled: Option<bool>,
    /// `instanceMetadataTagsPropagation`.
    #[serde(rename = "instanceMetadataTagsPropagation", default, skip_serializing_if = "Option::is_none")]
    pub instance_metadata_tags_propagation: Option<bool>,
    /// `instanceRequirements`.
    #[serde(rename = "instanceRequirements", default, skip_serializing_if = "Option::is_none")]
    pub instance_requirements: Option<InstanceRequirementsRequest>,
    /// `localStorageConfiguration`.
    #[serde(rename = "localStorageConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub local_storage_configuration: Option<ManagedInstancesLocalStorageConfiguration>,
    /// `monitoring`.
    #[serde(rename = "monitoring", default, skip_serializing_if = "Option::is_none")]
    pub monitoring: Option<ManagedInstancesMonitoringOptions>,
    /// `networkConfiguration`.
    #[serde(rename = "networkConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub network_configuration: Option<ManagedInstancesNetworkConfiguration>,
    /// `storageConfiguration`.
    #[serde(rename = "storageConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub storage_configuration: Option<ManagedInstancesStorageConfiguration>,
}

/// The model's `InstanceLaunchTemplateUpdate`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct InstanceLaunchTemplateUpdate {
    /// `capacityReservations`.
    #[serde(rename = "capacityReservations", default, skip_serializing_if = "Option::is_none")]
    pub capacity_reservations: Option<CapacityReservationRequest>,
    /// `ec2InstanceProfileArn`.
    #[serde(rename = "ec2InstanceProfileArn", default, skip_serializing_if = "Option::is_none")]
    pub ec2_instance_profile_arn: Option<String>,
    /// `instanceMetadataTagsPropagation`.
    #[serde(rename = "instanceMetadataTagsPropagation", default, skip_serializing_if = "Option::is_none")]
    pub instance_metadata_tags_propagation: Option<bool>,
    /// `instanceRequirements`.
    #[serde(rename = "instanceRequirements", default, skip_serializing_if = "Option::is_none")]
    pub instance_requirements: Option<InstanceRequirementsRequest>,
    /// `localStorageConfiguration`.
    #[serde(rename = "localStorageConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub local_storage_configuration: Option<ManagedInstancesLocalStorageConfiguration>,
    /// `monitoring`.
    #[serde(rename = "monitoring", default, skip_serializing_if = "Option::is_none")]
    pub monitoring: Option<ManagedInstancesMonitoringOptions>,
    /// `networkConfiguration`.
    #[serde(rename = "networkConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub network_configuration: Option<ManagedInstancesNetworkConfiguration>,
    /// `storageConfiguration`.
    #[serde(rename = "storageConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub storage_configuration: Option<ManagedInstancesStorageConfiguration>,
}

/// The model's `InstanceRequirementsRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct InstanceRequirementsRequest {
    /// `acceleratorCount`.
    #[serde(rename = "acceleratorCount", default, skip_serializing_if = "Option::is_none")]
    pub accelerator_count: Option<AcceleratorCountRequest>,
    /// `acceleratorManufacturers`.
    #[serde(rename = "acceleratorManufacturers", default, skip_serializing_if = "Option::is_none")]
    pub accelerator_manufacturers: Option<Vec<AcceleratorManufacturer>>,
    /// `acceleratorNames`.
    #[serde(rename = "acceleratorNames", default, skip_serializing_if = "Option::is_none")]
    pub accelerator_names: Option<Vec<AcceleratorName>>,
    /// `acceleratorTotalMemoryMiB`.
    #[serde(rename = "acceleratorTotalMemoryMiB", default, skip_serializing_if = "Option::is_none")]
    pub accelerator_total_memory_mib: Option<AcceleratorTotalMemoryMiBRequest>,
    /// `acceleratorTypes`.
    #[serde(rename = "acceleratorTypes", default, skip_serializing_if = "Option::is_none")]
    pub accelerator_types: Option<Vec<AcceleratorType>>,
    /// `allowedInstanceTypes`.
    #[serde(rename = "allowedInstanceTypes", default, skip_serializing_if = "Option::is_none")]
    pub allowed_instance_types: Option<Vec<String>>,
    /// `bareMetal`.
    #[serde(rename = "bareMetal", default, skip_serializing_if = "Option::is_none")]
    pub bare_metal: Option<BareMetal>,
    /// `baselineEbsBandwidthMbps`.
    #[serde(rename = "baselineEbsBandwidthMbps", default, skip_serializing_if = "Option::is_none")]
    pub baseline_ebs_bandwidth_mbps: Option<BaselineEbsBandwidthMbpsRequest>,
    /// `burstablePerformance`.
    #[serde(rename = "burstablePerformance", default, skip_serializing_if = "Option::is_none")]
    pub burstable_performance: Option<BurstablePerformance>,
    /// `cpuManufacturers`.
    #[serde(rename = "cpuManufacturers", default, skip_serializing_if = "Option::is_none")]
    pub cpu_manufacturers: Option<Vec<CpuManufacturer>>,
    /// `excludedInstanceTypes`.
    #[serde(rename = "excludedInstanceTypes", default, skip_serializing_if = "Option::is_none")]
    pub excluded_instance_types: Option<Vec<String>>,
    /// `instanceGenerations`.
    #[serde(rename = "instanceGenerations", default, skip_serializing_if = "Option::is_none")]
    pub instance_generations: Option<Vec<InstanceGeneration>>,
    /// `localStorage`.
    #[serde(rename = "localStorage", default, skip_serializing_if = "Option::is_none")]
    pub local_storage: Option<LocalStorage>,
    /// `localStorageTypes`.
    #[serde(rename = "localStorageTypes", default, skip_serializing_if = "Option::is_none")]
    pub local_storage_types: Option<Vec<LocalStorageType>>,
    /// `maxSpotPriceAsPercentageOfOptimalOnDemandPrice`.
    #[serde(rename = "maxSpotPriceAsPercentageOfOptimalOnDemandPrice", default, skip_serializing_if = "Option::is_none")]
    pub max_spot_price_as_percentage_of_optimal_on_demand_price: Option<i32>,
    /// `memoryGiBPerVCpu`.
    #[serde(rename = "memoryGiBPerVCpu", default, skip_serializing_if = "Option::is_none")]
    pub memory_gib_per_v_cpu: Option<MemoryGiBPerVCpuRequest>,
    /// `memoryMiB`.
    #[serde(rename = "memoryMiB", default, skip_serializing_if = "Option::is_none")]
    pub memory_mib: Option<MemoryMiBRequest>,
    /// `networkBandwidthGbps`.
    #[serde(rename = "networkBandwidthGbps", default, skip_serializing_if = "Option::is_none")]
    pub network_bandwidth_gbps: Option<NetworkBandwidthGbpsRequest>,
    /// `networkInterfaceCount`.
    #[serde(rename = "networkInterfaceCount", default, skip_serializing_if = "Option::is_none")]
    pub network_interface_count: Option<NetworkInterfaceCountRequest>,
    /// `onDemandMaxPricePercentageOverLowestPrice`.
    #[serde(rename = "onDemandMaxPricePercentageOverLowestPrice", default, skip_serializing_if = "Option::is_none")]
    pub on_demand_max_price_percentage_over_lowest_price: Option<i32>,
    /// `requireHibernateSupport`.
    #[serde(rename = "requireHibernateSupport", default, skip_serializing_if = "Option::is_none")]
    pub require_hibernate_support: Option<bool>,
    /// `spotMaxPricePercentageOverLowestPrice`.
    #[serde(rename = "spotMaxPricePercentageOverLowestPrice", default, skip_serializing_if = "Option::is_none")]
    pub spot_max_price_percentage_over_lowest_price: Option<i32>,
    /// `totalLocalStorageGB`.
    #[serde(rename = "totalLocalStorageGB", default, skip_serializing_if = "Option::is_none")]
    pub total_local_storage_gb: Option<TotalLocalStorageGBRequest>,
    /// `vCpuCount`.
    #[serde(rename = "vCpuCount", default, skip_serializing_if = "Option::is_none")]
    pub v_cpu_count: Option<VCpuCountRangeRequest>,
}

crate::wire_enum! {
    /// The model's `IpcMode`.
    IpcMode { Host => "host", Task => "task", None => "none" }
}

/// The model's `KernelCapabilities`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct KernelCapabilities {
    /// `add`.
    #[serde(rename = "add", default, skip_serializing_if = "Option::is_none")]
    pub add: Option<Vec<String>>,
    /// `drop`.
    #[serde(rename = "drop", default, skip_serializing_if = "Option::is_none")]
    pub drop: Option<Vec<String>>,
}

/// The model's `KeyValuePair`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct KeyValuePair {
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `value`.
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

crate::wire_enum! {
    /// The model's `LaunchType`.
    LaunchType { Ec2 => "EC2", Fargate => "FARGATE", External => "EXTERNAL", ManagedInstances => "MANAGED_INSTANCES" }
}

/// The model's `LinearConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LinearConfiguration {
    /// `stepBakeTimeInMinutes`.
    #[serde(rename = "stepBakeTimeInMinutes", default, skip_serializing_if = "Option::is_none")]
    pub step_bake_time_in_minutes: Option<i32>,
    /// `stepPercent`.
    #[serde(rename = "stepPercent", default, skip_serializing_if = "Option::is_none")]
    pub step_percent: Option<f64>,
}

/// The model's `LinuxParameters`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LinuxParameters {
    /// `capabilities`.
    #[serde(rename = "capabilities", default, skip_serializing_if = "Option::is_none")]
    pub capabilities: Option<KernelCapabilities>,
    /// `devices`.
    #[serde(rename = "devices", default, skip_serializing_if = "Option::is_none")]
    pub devices: Option<Vec<Device>>,
    /// `initProcessEnabled`.
    #[serde(rename = "initProcessEnabled", default, skip_serializing_if = "Option::is_none")]
    pub init_process_enabled: Option<bool>,
    /// `maxSwap`.
    #[serde(rename = "maxSwap", default, skip_serializing_if = "Option::is_none")]
    pub max_swap: Option<i32>,
    /// `sharedMemorySize`.
    #[serde(rename = "sharedMemorySize", default, skip_serializing_if = "Option::is_none")]
    pub shared_memory_size: Option<i32>,
    /// `swappiness`.
    #[serde(rename = "swappiness", default, skip_serializing_if = "Option::is_none")]
    pub swappiness: Option<i32>,
    /// `tmpfs`.
    #[serde(rename = "tmpfs", default, skip_serializing_if = "Option::is_none")]
    pub tmpfs: Option<Vec<Tmpfs>>,
}

/// The model's `ListAccountSettingsRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListAccountSettingsRequest {
    /// `effectiveSettings`.
    #[serde(rename = "effectiveSettings", default, skip_serializing_if = "Option::is_none")]
    pub effective_settings: Option<bool>,
    /// `maxResults`.
    #[serde(rename = "maxResults", default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<SettingName>,
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// `principalArn`.
    #[serde(rename = "principalArn", default, skip_serializing_if = "Option::is_none")]
    pub principal_arn: Option<String>,
    /// `value`.
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// The model's `ListAccountSettingsResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListAccountSettingsResponse {
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// `settings`.
    #[serde(rename = "settings", default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Vec<Setting>>,
}

/// The model's `ListAttributesRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListAttributesRequest {
    /// `attributeName`.
    #[serde(rename = "attributeName", default, skip_serializing_if = "Option::is_none")]
    pub attribute_name: Option<String>,
    /// `attributeValue`.
    #[serde(rename = "attributeValue", default, skip_serializing_if = "Option::is_none")]
    pub attribute_value: Option<String>,
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `maxResults`.
    #[serde(rename = "maxResults", default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// `targetType`.
    #[serde(rename = "targetType", default, skip_serializing_if = "Option::is_none")]
    pub target_type: Option<TargetType>,
}

/// The model's `ListAttributesResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListAttributesResponse {
    /// `attributes`.
    #[serde(rename = "attributes", default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<Vec<Attribute>>,
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// The model's `ListClustersRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListClustersRequest {
    /// `maxResults`.
    #[serde(rename = "maxResults", default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// The model's `ListClustersResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListClustersResponse {
    /// `clusterArns`.
    #[serde(rename = "clusterArns", default, skip_serializing_if = "Option::is_none")]
    pub cluster_arns: Option<Vec<String>>,
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// The model's `ListContainerInstancesRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListContainerInstancesRequest {
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `filter`.
    #[serde(rename = "filter", default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<String>,
    /// `maxResults`.
    #[serde(rename = "maxResults", default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// `status`.
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ContainerInstanceStatus>,
}

/// The model's `ListContainerInstancesResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListContainerInstancesResponse {
    /// `containerInstanceArns`.
    #[serde(rename = "containerInstanceArns", default, skip_serializing_if = "Option::is_none")]
    pub container_instance_arns: Option<Vec<String>>,
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// The model's `ListServicesByNamespaceRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListServicesByNamespaceRequest {
    /// `maxResults`.
    #[serde(rename = "maxResults", default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
    /// `namespace`.
    #[serde(rename = "namespace", default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// The model's `ListServicesByNamespaceResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListServicesByNamespaceResponse {
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// `serviceArns`.
    #[serde(rename = "serviceArns", default, skip_serializing_if = "Option::is_none")]
    pub service_arns: Option<Vec<String>>,
}

/// The model's `ListServicesRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListServicesRequest {
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `launchType`.
    #[serde(rename = "launchType", default, skip_serializing_if = "Option::is_none")]
    pub launch_type: Option<LaunchType>,
    /// `maxResults`.
    #[serde(rename = "maxResults", default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// `resourceManagementType`.
    #[serde(rename = "resourceManagementType", default, skip_serializing_if = "Option::is_none")]
    pub resource_management_type: Option<ResourceManagementType>,
    /// `schedulingStrategy`.
    #[serde(rename = "schedulingStrategy", default, skip_serializing_if = "Option::is_none")]
    pub scheduling_strategy: Option<SchedulingStrategy>,
}

/// The model's `ListServicesResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListServicesResponse {
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// `serviceArns`.
    #[serde(rename = "serviceArns", default, skip_serializing_if = "Option::is_none")]
    pub service_arns: Option<Vec<String>>,
}

/// The model's `ListTagsForResourceRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListTagsForResourceRequest {
    /// `resourceArn`.
    #[serde(rename = "resourceArn", default, skip_serializing_if = "Option::is_none")]
    pub resource_arn: Option<String>,
}

/// The model's `ListTagsForResourceResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListTagsForResourceResponse {
    /// `tags`.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// The model's `ListTaskDefinitionFamiliesRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListTaskDefinitionFamiliesRequest {
    /// `familyPrefix`.
    #[serde(rename = "familyPrefix", default, skip_serializing_if = "Option::is_none")]
    pub family_prefix: Option<String>,
    /// `maxResults`.
    #[serde(rename = "maxResults", default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// `status`.
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TaskDefinitionFamilyStatus>,
}

/// The model's `ListTaskDefinitionFamiliesResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListTaskDefinitionFamiliesResponse {
    /// `families`.
    #[serde(rename = "families", default, skip_serializing_if = "Option::is_none")]
    pub families: Option<Vec<String>>,
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// The model's `ListTaskDefinitionsRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListTaskDefinitionsRequest {
    /// `familyPrefix`.
    #[serde(rename = "familyPrefix", default, skip_serializing_if = "Option::is_none")]
    pub family_prefix: Option<String>,
    /// `maxResults`.
    #[serde(rename = "maxResults", default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// `sort`.
    #[serde(rename = "sort", default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<SortOrder>,
    /// `status`.
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TaskDefinitionStatus>,
}

/// The model's `ListTaskDefinitionsResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListTaskDefinitionsResponse {
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// `taskDefinitionArns`.
    #[serde(rename = "taskDefinitionArns", default, skip_serializing_if = "Option::is_none")]
    pub task_definition_arns: Option<Vec<String>>,
}

/// The model's `ListTasksRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListTasksRequest {
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `containerInstance`.
    #[serde(rename = "containerInstance", default, skip_serializing_if = "Option::is_none")]
    pub container_instance: Option<String>,
    /// `daemonName`.
    #[serde(rename = "daemonName", default, skip_serializing_if = "Option::is_none")]
    pub daemon_name: Option<String>,
    /// `desiredStatus`.
    #[serde(rename = "desiredStatus", default, skip_serializing_if = "Option::is_none")]
    pub desired_status: Option<DesiredStatus>,
    /// `family`.
    #[serde(rename = "family", default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// `launchType`.
    #[serde(rename = "launchType", default, skip_serializing_if = "Option::is_none")]
    pub launch_type: Option<LaunchType>,
    /// `maxResults`.
    #[serde(rename = "maxResults", default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// `serviceName`.
    #[serde(rename = "serviceName", default, skip_serializing_if = "Option::is_none")]
    pub service_name: Option<String>,
    /// `startedBy`.
    #[serde(rename = "startedBy", default, skip_serializing_if = "Option::is_none")]
    pub started_by: Option<String>,
}

/// The model's `ListTasksResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListTasksResponse {
    /// `nextToken`.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// `taskArns`.
    #[serde(rename = "taskArns", default, skip_serializing_if = "Option::is_none")]
    pub task_arns: Option<Vec<String>>,
}

/// The model's `LoadBalancer`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LoadBalancer {
    /// `advancedConfiguration`.
    #[serde(rename = "advancedConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub advanced_configuration: Option<AdvancedConfiguration>,
    /// `containerName`.
    #[serde(rename = "containerName", default, skip_serializing_if = "Option::is_none")]
    pub container_name: Option<String>,
    /// `containerPort`.
    #[serde(rename = "containerPort", default, skip_serializing_if = "Option::is_none")]
    pub container_port: Option<i32>,
    /// `loadBalancerName`.
    #[serde(rename = "loadBalancerName", default, skip_serializing_if = "Option::is_none")]
    pub load_balancer_name: Option<String>,
    /// `targetGroupArn`.
    #[serde(rename = "targetGroupArn", default, skip_serializing_if = "Option::is_none")]
    pub target_group_arn: Option<String>,
}

crate::wire_enum! {
    /// The model's `LocalStorage`.
    LocalStorage { Included => "included", Required => "required", Excluded => "excluded" }
}

crate::wire_enum! {
    /// The model's `LocalStorageType`.
    LocalStorageType { Hdd => "hdd", Ssd => "ssd" }
}

/// The model's `LogConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LogConfiguration {
    /// `logDriver`.
    #[serde(rename = "logDriver", default, skip_serializing_if = "Option::is_none")]
    pub log_driver: Option<LogDriver>,
    /// `options`.
    #[serde(rename = "options", default, skip_serializing_if = "Option::is_none")]
    pub options: Option<BTreeMap<String, String>>,
    /// `secretOptions`.
    #[serde(rename = "secretOptions", default, skip_serializing_if = "Option::is_none")]
    pub secret_options: Option<Vec<Secret>>,
}

crate::wire_enum! {
    /// The model's `LogDriver`.
    LogDriver { JsonFile => "json-file", Syslog => "syslog", Journald => "journald", Gelf => "gelf", Fluentd => "fluentd", Awslogs => "awslogs", Splunk => "splunk", Awsfirelens => "awsfirelens" }
}

/// The model's `ManagedAgent`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ManagedAgent {
    /// `lastStartedAt`.
    #[serde(rename = "lastStartedAt", default, skip_serializing_if = "Option::is_none")]
    pub last_started_at: Option<Time>,
    /// `lastStatus`.
    #[serde(rename = "lastStatus", default, skip_serializing_if = "Option::is_none")]
    pub last_status: Option<String>,
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ManagedAgentName>,
    /// `reason`.
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

crate::wire_enum! {
    /// The model's `ManagedAgentName`.
    ManagedAgentName { ExecuteCommandAgent => "ExecuteCommandAgent" }
}

crate::wire_enum! {
    /// The model's `ManagedDraining`.
    ManagedDraining { Enabled => "ENABLED", Disabled => "DISABLED" }
}

/// The model's `ManagedInstancesLocalStorageConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ManagedInstancesLocalStorageConfiguration {
    /// `useLocalStorage`.
    #[serde(rename = "useLocalStorage", default, skip_serializing_if = "Option::is_none")]
    pub use_local_storage: Option<bool>,
}

crate::wire_enum! {
    /// The model's `ManagedInstancesMonitoringOptions`.
    ManagedInstancesMonitoringOptions { Basic => "BASIC", Detailed => "DETAILED" }
}

/// The model's `ManagedInstancesNetworkConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ManagedInstancesNetworkConfiguration {
    /// `securityGroups`.
    #[serde(rename = "securityGroups", default, skip_serializing_if = "Option::is_none")]
    pub security_groups: Option<Vec<String>>,
    /// `subnets`.
    #[serde(rename = "subnets", default, skip_serializing_if = "Option::is_none")]
    pub subnets: Option<Vec<String>>,
}

/// The model's `ManagedInstancesProvider`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ManagedInstancesProvider {
    /// `autoRepairConfiguration`.
    #[serde(rename = "autoRepairConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub auto_repair_configuration: Option<AutoRepairConfiguration>,
    /// `infrastructureOptimization`.
    #[serde(rename = "infrastructureOptimization", default, skip_serializing_if = "Option::is_none")]
    pub infrastructure_optimization: Option<InfrastructureOptimization>,
    /// `infrastructureRoleArn`.
    #[serde(rename = "infrastructureRoleArn", default, skip_serializing_if = "Option::is_none")]
    pub infrastructure_role_arn: Option<String>,
    /// `instanceLaunchTemplate`.
    #[serde(rename = "instanceLaunchTemplate", default, skip_serializing_if = "Option::is_none")]
    pub instance_launch_template: Option<InstanceLaunchTemplate>,
    /// `propagateTags`.
    #[serde(rename = "propagateTags", default, skip_serializing_if = "Option::is_none")]
    pub propagate_tags: Option<PropagateMITags>,
}

/// The model's `ManagedInstancesStorageConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ManagedInstancesStorageConfiguration {
    /// `storageSizeGiB`.
    #[serde(rename = "storageSizeGiB", default, skip_serializing_if = "Option::is_none")]
    pub storage_size_gib: Option<i32>,
}

/// The model's `ManagedScaling`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ManagedScaling {
    /// `instanceWarmupPeriod`.
    #[serde(rename = "instanceWarmupPeriod", default, skip_serializing_if = "Option::is_none")]
    pub instance_warmup_period: Option<i32>,
    /// `maximumScalingStepSize`.
    #[serde(rename = "maximumScalingStepSize", default, skip_serializing_if = "Option::is_none")]
    pub maximum_scaling_step_size: Option<i32>,
    /// `minimumScalingStepSize`.
    #[serde(rename = "minimumScalingStepSize", default, skip_serializing_if = "Option::is_none")]
    pub minimum_scaling_step_size: Option<i32>,
    /// `status`.
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ManagedScalingStatus>,
    /// `targetCapacity`.
    #[serde(rename = "targetCapacity", default, skip_serializing_if = "Option::is_none")]
    pub target_capacity: Option<i32>,
}

crate::wire_enum! {
    /// The model's `ManagedScalingStatus`.
    ManagedScalingStatus { Enabled => "ENABLED", Disabled => "DISABLED" }
}

/// The model's `ManagedStorageConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ManagedStorageConfiguration {
    /// `fargateEphemeralStorageKmsKeyId`.
    #[serde(rename = "fargateEphemeralStorageKmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub fargate_ephemeral_storage_kms_key_id: Option<String>,
    /// `kmsKeyId`.
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

crate::wire_enum! {
    /// The model's `ManagedTerminationProtection`.
    ManagedTerminationProtection { Enabled => "ENABLED", Disabled => "DISABLED" }
}

/// The model's `MemoryGiBPerVCpuRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MemoryGiBPerVCpuRequest {
    /// `max`.
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// `min`.
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
}

/// The model's `MemoryMiBRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MemoryMiBRequest {
    /// `max`.
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
    /// `min`.
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i32>,
}

/// The model's `MountPoint`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MountPoint {
    /// `containerPath`.
    #[serde(rename = "containerPath", default, skip_serializing_if = "Option::is_none")]
    pub container_path: Option<String>,
    /// `readOnly`.
    #[serde(rename = "readOnly", default, skip_serializing_if = "Option::is_none")]
    pub read_only: Option<bool>,
    /// `sourceVolume`.
    #[serde(rename = "sourceVolume", default, skip_serializing_if = "Option::is_none")]
    pub source_volume: Option<String>,
}

/// The model's `NetworkBandwidthGbpsRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NetworkBandwidthGbpsRequest {
    /// `max`.
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// `min`.
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
}

/// The model's `NetworkBinding`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NetworkBinding {
    /// `bindIP`.
    #[serde(rename = "bindIP", default, skip_serializing_if = "Option::is_none")]
    pub bind_ip: Option<String>,
    /// `containerPort`.
    #[serde(rename = "containerPort", default, skip_serializing_if = "Option::is_none")]
    pub container_port: Option<i32>,
    /// `containerPortRange`.
    #[serde(rename = "containerPortRange", default, skip_serializing_if = "Option::is_none")]
    pub container_port_range: Option<String>,
    /// `hostPort`.
    #[serde(rename = "hostPort", default, skip_serializing_if = "Option::is_none")]
    pub host_port: Option<i32>,
    /// `hostPortRange`.
    #[serde(rename = "hostPortRange", default, skip_serializing_if = "Option::is_none")]
    pub host_port_range: Option<String>,
    /// `protocol`.
    #[serde(rename = "protocol", default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<TransportProtocol>,
}

/// The model's `NetworkConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NetworkConfiguration {
    /// `awsvpcConfiguration`.
    #[serde(rename = "awsvpcConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub awsvpc_configuration: Option<AwsVpcConfiguration>,
}

/// The model's `NetworkInterface`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NetworkInterface {
    /// `attachmentId`.
    #[serde(rename = "attachmentId", default, skip_serializing_if = "Option::is_none")]
    pub attachment_id: Option<String>,
    /// `ipv6Address`.
    #[serde(rename = "ipv6Address", default, skip_serializing_if = "Option::is_none")]
    pub ipv6_address: Option<String>,
    /// `privateIpv4Address`.
    #[serde(rename = "privateIpv4Address", default, skip_serializing_if = "Option::is_none")]
    pub private_ipv4_address: Option<String>,
}

/// The model's `NetworkInterfaceCountRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NetworkInterfaceCountRequest {
    /// `max`.
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
    /// `min`.
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i32>,
}

crate::wire_enum! {
    /// The model's `NetworkMode`.
    NetworkMode { Bridge => "bridge", Host => "host", Awsvpc => "awsvpc", None => "none" }
}

crate::wire_enum! {
    /// The model's `OSFamily`.
    OSFamily { WindowsServer2019Full => "WINDOWS_SERVER_2019_FULL", WindowsServer2019Core => "WINDOWS_SERVER_2019_CORE", WindowsServer2016Full => "WINDOWS_SERVER_2016_FULL", WindowsServer2004Core => "WINDOWS_SERVER_2004_CORE", WindowsServer2022Core => "WINDOWS_SERVER_2022_CORE", WindowsServer2022Full => "WINDOWS_SERVER_2022_FULL", WindowsServer2025Core => "WINDOWS_SERVER_2025_CORE", WindowsServer2025Full => "WINDOWS_SERVER_2025_FULL", WindowsServer20H2Core => "WINDOWS_SERVER_20H2_CORE", Linux => "LINUX" }
}

crate::wire_enum! {
    /// The model's `PidMode`.
    PidMode { Host => "host", Task => "task" }
}

/// The model's `PlacementConstraint`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PlacementConstraint {
    /// `expression`.
    #[serde(rename = "expression", default, skip_serializing_if = "Option::is_none")]
    pub expression: Option<String>,
    /// `type`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<PlacementConstraintType>,
}

crate::wire_enum! {
    /// The model's `PlacementConstraintType`.
    PlacementConstraintType { DistinctInstance => "distinctInstance", MemberOf => "memberOf" }
}

/// The model's `PlacementStrategy`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PlacementStrategy {
    /// `field`.
    #[serde(rename = "field", default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// `type`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<PlacementStrategyType>,
}

crate::wire_enum! {
    /// The model's `PlacementStrategyType`.
    PlacementStrategyType { Random => "random", Spread => "spread", Binpack => "binpack" }
}

/// The model's `PlatformDevice`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PlatformDevice {
    /// `id`.
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `type`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<PlatformDeviceType>,
}

crate::wire_enum! {
    /// The model's `PlatformDeviceType`.
    PlatformDeviceType { Gpu => "GPU" }
}

/// The model's `PortMapping`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PortMapping {
    /// `appProtocol`.
    #[serde(rename = "appProtocol", default, skip_serializing_if = "Option::is_none")]
    pub app_protocol: Option<ApplicationProtocol>,
    /// `containerPort`.
    #[serde(rename = "containerPort", default, skip_serializing_if = "Option::is_none")]
    pub container_port: Option<i32>,
    /// `containerPortRange`.
    #[serde(rename = "containerPortRange", default, skip_serializing_if = "Option::is_none")]
    pub container_port_range: Option<String>,
    /// `hostPort`.
    #[serde(rename = "hostPort", default, skip_serializing_if = "Option::is_none")]
    pub host_port: Option<i32>,
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `protocol`.
    #[serde(rename = "protocol", default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<TransportProtocol>,
}

crate::wire_enum! {
    /// The model's `PropagateMITags`.
    PropagateMITags { CapacityProvider => "CAPACITY_PROVIDER", None => "NONE" }
}

crate::wire_enum! {
    /// The model's `PropagateTags`.
    PropagateTags { TaskDefinition => "TASK_DEFINITION", Service => "SERVICE", None => "NONE" }
}

/// The model's `ProxyConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ProxyConfiguration {
    /// `containerName`.
    #[serde(rename = "containerName", default, skip_serializing_if = "Option::is_none")]
    pub container_name: Option<String>,
    /// `properties`.
    #[serde(rename = "properties", default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<Vec<KeyValuePair>>,
    /// `type`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<ProxyConfigurationType>,
}

crate::wire_enum! {
    /// The model's `ProxyConfigurationType`.
    ProxyConfigurationType { Appmesh => "APPMESH" }
}

/// The model's `PutAccountSettingDefaultRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PutAccountSettingDefaultRequest {
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<SettingName>,
    /// `value`.
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// The model's `PutAccountSettingDefaultResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PutAccountSettingDefaultResponse {
    /// `setting`.
    #[serde(rename = "setting", default, skip_serializing_if = "Option::is_none")]
    pub setting: Option<Setting>,
}

/// The model's `PutAccountSettingRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PutAccountSettingRequest {
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<SettingName>,
    /// `principalArn`.
    #[serde(rename = "principalArn", default, skip_serializing_if = "Option::is_none")]
    pub principal_arn: Option<String>,
    /// `value`.
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// The model's `PutAccountSettingResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PutAccountSettingResponse {
    /// `setting`.
    #[serde(rename = "setting", default, skip_serializing_if = "Option::is_none")]
    pub setting: Option<Setting>,
}

/// The model's `PutAttributesRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PutAttributesRequest {
    /// `attributes`.
    #[serde(rename = "attributes", default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<Vec<Attribute>>,
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
}

/// The model's `PutAttributesResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PutAttributesResponse {
    /// `attributes`.
    #[serde(rename = "attributes", default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<Vec<Attribute>>,
}

/// The model's `PutClusterCapacityProvidersRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PutClusterCapacityProvidersRequest {
    /// `capacityProviders`.
    #[serde(rename = "capacityProviders", default, skip_serializing_if = "Option::is_none")]
    pub capacity_providers: Option<Vec<String>>,
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `defaultCapacityProviderStrategy`.
    #[serde(rename = "defaultCapacityProviderStrategy", default, skip_serializing_if = "Option::is_none")]
    pub default_capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
}

/// The model's `PutClusterCapacityProvidersResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PutClusterCapacityProvidersResponse {
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Cluster>,
}

/// The model's `RegisterContainerInstanceRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RegisterContainerInstanceRequest {
    /// `attributes`.
    #[serde(rename = "attributes", default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<Vec<Attribute>>,
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `containerInstanceArn`.
    #[serde(rename = "containerInstanceArn", default, skip_serializing_if = "Option::is_none")]
    pub container_instance_arn: Option<String>,
    /// `instanceIdentityDocument`.
    #[serde(rename = "instanceIdentityDocument", default, skip_serializing_if = "Option::is_none")]
    pub instance_identity_document: Option<String>,
    /// `instanceIdentityDocumentSignature`.
    #[serde(rename = "instanceIdentityDocumentSignature", default, skip_serializing_if = "Option::is_none")]
    pub instance_identity_document_signature: Option<String>,
    /// `platformDevices`.
    #[serde(rename = "platformDevices", default, skip_serializing_if = "Option::is_none")]
    pub platform_devices: Option<Vec<PlatformDevice>>,
    /// `tags`.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `totalResources`.
    #[serde(rename = "totalResources", default, skip_serializing_if = "Option::is_none")]
    pub total_resources: Option<Vec<Resource>>,
    /// `versionInfo`.
    #[serde(rename = "versionInfo", default, skip_serializing_if = "Option::is_none")]
    pub version_info: Option<VersionInfo>,
}

/// The model's `RegisterContainerInstanceResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RegisterContainerInstanceResponse {
    /// `containerInstance`.
    #[serde(rename = "containerInstance", default, skip_serializing_if = "Option::is_none")]
    pub container_instance: Option<ContainerInstance>,
}

/// The model's `RegisterTaskDefinitionRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RegisterTaskDefinitionRequest {
    /// `containerDefinitions`.
    #[serde(rename = "containerDefinitions", default, skip_serializing_if = "Option::is_none")]
    pub container_definitions: Option<Vec<ContainerDefinition>>,
    /// `cpu`.
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    /// `enableFaultInjection`.
    #[serde(rename = "enableFaultInjection", default, skip_serializing_if = "Option::is_none")]
    pub enable_fault_injection: Option<bool>,
    /// `ephemeralStorage`.
    #[serde(rename = "ephemeralStorage", default, skip_serializing_if = "Option::is_none")]
    pub ephemeral_storage: Option<EphemeralStorage>,
    /// `executionRoleArn`.
    #[serde(rename = "executionRoleArn", default, skip_serializing_if = "Option::is_none")]
    pub execution_role_arn: Option<String>,
    /// `family`.
    #[serde(rename = "family", default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// `inferenceAccelerators`.
    #[serde(rename = "inferenceAccelerators", default, skip_serializing_if = "Option::is_none")]
    pub inference_accelerators: Option<Vec<InferenceAccelerator>>,
    /// `ipcMode`.
    #[serde(rename = "ipcMode", default, skip_serializing_if = "Option::is_none")]
    pub ipc_mode: Option<IpcMode>,
    /// `memory`.
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    /// `networkMode`.
    #[serde(rename = "networkMode", default, skip_serializing_if = "Option::is_none")]
    pub network_mode: Option<NetworkMode>,
    /// `pidMode`.
    #[serde(rename = "pidMode", default, skip_serializing_if = "Option::is_none")]
    pub pid_mode: Option<PidMode>,
    /// `placementConstraints`.
    #[serde(rename = "placementConstraints", default, skip_serializing_if = "Option::is_none")]
    pub placement_constraints: Option<Vec<TaskDefinitionPlacementConstraint>>,
    /// `proxyConfiguration`.
    #[serde(rename = "proxyConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub proxy_configuration: Option<ProxyConfiguration>,
    /// `requiresCompatibilities`.
    #[serde(rename = "requiresCompatibilities", default, skip_serializing_if = "Option::is_none")]
    pub requires_compatibilities: Option<Vec<Compatibility>>,
    /// `runtimePlatform`.
    #[serde(rename = "runtimePlatform", default, skip_serializing_if = "Option::is_none")]
    pub runtime_platform: Option<RuntimePlatform>,
    /// `tags`.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `taskRoleArn`.
    #[serde(rename = "taskRoleArn", default, skip_serializing_if = "Option::is_none")]
    pub task_role_arn: Option<String>,
    /// `volumes`.
    #[serde(rename = "volumes", default, skip_serializing_if = "Option::is_none")]
    pub volumes: Option<Vec<Volume>>,
}

/// The model's `RegisterTaskDefinitionResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RegisterTaskDefinitionResponse {
    /// `tags`.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `taskDefinition`.
    #[serde(rename = "taskDefinition", default, skip_serializing_if = "Option::is_none")]
    pub task_definition: Option<TaskDefinition>,
}

/// The model's `RepositoryCredentials`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RepositoryCredentials {
    /// `credentialsParameter`.
    #[serde(rename = "credentialsParameter", default, skip_serializing_if = "Option::is_none")]
    pub credentials_parameter: Option<String>,
}

/// The model's `Resource`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Resource {
    /// `doubleValue`.
    #[serde(rename = "doubleValue", default, skip_serializing_if = "Option::is_none")]
    pub double_value: Option<f64>,
    /// `integerValue`.
    #[serde(rename = "integerValue", default, skip_serializing_if = "Option::is_none")]
    pub integer_value: Option<i32>,
    /// `longValue`.
    #[serde(rename = "longValue", default, skip_serializing_if = "Option::is_none")]
    pub long_value: Option<i64>,
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `stringSetValue`.
    #[serde(rename = "stringSetValue", default, skip_serializing_if = "Option::is_none")]
    pub string_set_value: Option<Vec<String>>,
    /// `type`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

crate::wire_enum! {
    /// The model's `ResourceManagementType`.
    ResourceManagementType { Customer => "CUSTOMER", Ecs => "ECS" }
}

/// The model's `ResourceRequirement`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ResourceRequirement {
    /// `type`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<ResourceType>,
    /// `value`.
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

crate::wire_enum! {
    /// The model's `ResourceType`.
    ResourceType { Gpu => "GPU", InferenceAccelerator => "InferenceAccelerator" }
}

/// The model's `RunTaskRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RunTaskRequest {
    /// `capacityProviderStrategy`.
    #[serde(rename = "capacityProviderStrategy", default, skip_serializing_if = "Option::is_none")]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    /// `clientToken`.
    #[serde(rename = "clientToken", default, skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `count`.
    #[serde(rename = "count", default, skip_serializing_if = "Option::is_none")]
    pub count: Option<i32>,
    /// `enableECSManagedTags`.
    #[serde(rename = "enableECSManagedTags", default, skip_serializing_if = "Option::is_none")]
    pub enable_ecs_managed_tags: Option<bool>,
    /// `enableExecuteCommand`.
    #[serde(rename = "enableExecuteCommand", default, skip_serializing_if = "Option::is_none")]
    pub enable_execute_command: Option<bool>,
    /// `group`.
    #[serde(rename = "group", default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// `launchType`.
    #[serde(rename = "launchType", default, skip_serializing_if = "Option::is_none")]
    pub launch_type: Option<LaunchType>,
    /// `networkConfiguration`.
    #[serde(rename = "networkConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub network_configuration: Option<NetworkConfiguration>,
    /// `overrides`.
    #[serde(rename = "overrides", default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<TaskOverride>,
    /// `placementConstraints`.
    #[serde(rename = "placementConstraints", default, skip_serializing_if = "Option::is_none")]
    pub placement_constraints: Option<Vec<PlacementConstraint>>,
    /// `placementStrategy`.
    #[serde(rename = "placementStrategy", default, skip_serializing_if = "Option::is_none")]
    pub placement_strategy: Option<Vec<PlacementStrategy>>,
    /// `platformVersion`.
    #[serde(rename = "platformVersion", default, skip_serializing_if = "Option::is_none")]
    pub platform_version: Option<String>,
    /// `propagateTags`.
    #[serde(rename = "propagateTags", default, skip_serializing_if = "Option::is_none")]
    pub propagate_tags: Option<PropagateTags>,
    /// `referenceId`.
    #[serde(rename = "referenceId", default, skip_serializing_if = "Option::is_none")]
    pub reference_id: Option<String>,
    /// `startedBy`.
    #[serde(rename = "startedBy", default, skip_serializing_if = "Option::is_none")]
    pub started_by: Option<String>,
    /// `tags`.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `taskDefinition`.
    #[serde(rename = "taskDefinition", default, skip_serializing_if = "Option::is_none")]
    pub task_definition: Option<String>,
    /// `volumeConfigurations`.
    #[serde(rename = "volumeConfigurations", default, skip_serializing_if = "Option::is_none")]
    pub volume_configurations: Option<Vec<TaskVolumeConfiguration>>,
}

/// The model's `RunTaskResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RunTaskResponse {
    /// `failures`.
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
    /// `tasks`.
    #[serde(rename = "tasks", default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Vec<Task>>,
}

/// The model's `RuntimePlatform`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RuntimePlatform {
    /// `cpuArchitecture`.
    #[serde(rename = "cpuArchitecture", default, skip_serializing_if = "Option::is_none")]
    pub cpu_architecture: Option<CPUArchitecture>,
    /// `operatingSystemFamily`.
    #[serde(rename = "operatingSystemFamily", default, skip_serializing_if = "Option::is_none")]
    pub operating_system_family: Option<OSFamily>,
}

/// The model's `S3FilesVolumeConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct S3FilesVolumeConfiguration {
    /// `accessPointArn`.
    #[serde(rename = "accessPointArn", default, skip_serializing_if = "Option::is_none")]
    pub access_point_arn: Option<String>,
    /// `fileSystemArn`.
    #[serde(rename = "fileSystemArn", default, skip_serializing_if = "Option::is_none")]
    pub file_system_arn: Option<String>,
    /// `rootDirectory`.
    #[serde(rename = "rootDirectory", default, skip_serializing_if = "Option::is_none")]
    pub root_directory: Option<String>,
    /// `transitEncryptionPort`.
    #[serde(rename = "transitEncryptionPort", default, skip_serializing_if = "Option::is_none")]
    pub transit_encryption_port: Option<i32>,
}

/// The model's `Scale`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Scale {
    /// `unit`.
    #[serde(rename = "unit", default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<ScaleUnit>,
    /// `value`.
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
}

crate::wire_enum! {
    /// The model's `ScaleUnit`.
    ScaleUnit { Percent => "PERCENT" }
}

crate::wire_enum! {
    /// The model's `SchedulingStrategy`.
    SchedulingStrategy { Replica => "REPLICA", Daemon => "DAEMON" }
}

crate::wire_enum! {
    /// The model's `Scope`.
    Scope { Task => "task", Shared => "shared" }
}

/// The model's `Secret`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Secret {
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `valueFrom`.
    #[serde(rename = "valueFrom", default, skip_serializing_if = "Option::is_none")]
    pub value_from: Option<String>,
}

/// The model's `Service`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Service {
    /// `availabilityZoneRebalancing`.
    #[serde(rename = "availabilityZoneRebalancing", default, skip_serializing_if = "Option::is_none")]
    pub availability_zone_rebalancing: Option<AvailabilityZoneRebalancing>,
    /// `capacityProviderStrategy`.
    #[serde(rename = "capacityProviderStrategy", default, skip_serializing_if = "Option::is_none")]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    /// `clusterArn`.
    #[serde(rename = "clusterArn", default, skip_serializing_if = "Option::is_none")]
    pub cluster_arn: Option<String>,
    /// `createdAt`.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Time>,
    /// `createdBy`.
    #[serde(rename = "createdBy", default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    /// `currentServiceDeployment`.
    #[serde(rename = "currentServiceDeployment", default, skip_serializing_if = "Option::is_none")]
    pub current_service_deployment: Option<String>,
    /// `currentServiceRevisions`.
    #[serde(rename = "currentServiceRevisions", default, skip_serializing_if = "Option::is_none")]
    pub current_service_revisions: Option<Vec<ServiceCurrentRevisionSummary>>,
    /// `deploymentConfiguration`.
    #[serde(rename = "deploymentConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub deployment_configuration: Option<DeploymentConfiguration>,
    /// `deploymentController`.
    #[serde(rename = "deploymentController", default, skip_serializing_if = "Option::is_none")]
    pub deployment_controller: Option<DeploymentController>,
    /// `deployments`.
    #[serde(rename = "deployments", default, skip_serializing_if = "Option::is_none")]
    pub deployments: Option<Vec<Deployment>>,
    /// `desiredCount`.
    #[serde(rename = "desiredCount", default, skip_serializing_if = "Option::is_none")]
    pub desired_count: Option<i32>,
    /// `enableECSManagedTags`.
    #[serde(rename = "enableECSManagedTags", default, skip_serializing_if = "Option::is_none")]
    pub enable_ecs_managed_tags: Option<bool>,
    /// `enableExecuteCommand`.
    #[serde(rename = "enableExecuteCommand", default, skip_serializing_if = "Option::is_none")]
    pub enable_execute_command: Option<bool>,
    /// `events`.
    #[serde(rename = "events", default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<ServiceEvent>>,
    /// `healthCheckGracePeriodSeconds`.
    #[serde(rename = "healthCheckGracePeriodSeconds", default, skip_serializing_if = "Option::is_none")]
    pub health_check_grace_period_seconds: Option<i32>,
    /// `launchType`.
    #[serde(rename = "launchType", default, skip_serializing_if = "Option::is_none")]
    pub launch_type: Option<LaunchType>,
    /// `loadBalancers`.
    #[serde(rename = "loadBalancers", default, skip_serializing_if = "Option::is_none")]
    pub load_balancers: Option<Vec<LoadBalancer>>,
    /// `networkConfiguration`.
    #[serde(rename = "networkConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub network_configuration: Option<NetworkConfiguration>,
    /// `pendingCount`.
    #[serde(rename = "pendingCount", default, skip_serializing_if = "Option::is_none")]
    pub pending_count: Option<i32>,
    /// `placementConstraints`.
    #[serde(rename = "placementConstraints", default, skip_serializing_if = "Option::is_none")]
    pub placement_constraints: Option<Vec<PlacementConstraint>>,
    /// `placementStrategy`.
    #[serde(rename = "placementStrategy", default, skip_serializing_if = "Option::is_none")]
    pub placement_strategy: Option<Vec<PlacementStrategy>>,
    /// `platformFamily`.
    #[serde(rename = "platformFamily", default, skip_serializing_if = "Option::is_none")]
    pub platform_family: Option<String>,
    /// `platformVersion`.
    #[serde(rename = "platformVersion", default, skip_serializing_if = "Option::is_none")]
    pub platform_version: Option<String>,
    /// `propagateTags`.
    #[serde(rename = "propagateTags", default, skip_serializing_if = "Option::is_none")]
    pub propagate_tags: Option<PropagateTags>,
    /// `resourceManagementType`.
    #[serde(rename = "resourceManagementType", default, skip_serializing_if = "Option::is_none")]
    pub resource_management_type: Option<ResourceManagementType>,
    /// `roleArn`.
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    /// `runningCount`.
    #[serde(rename = "runningCount", default, skip_serializing_if = "Option::is_none")]
    pub running_count: Option<i32>,
    /// `schedulingStrategy`.
    #[serde(rename = "schedulingStrategy", default, skip_serializing_if = "Option::is_none")]
    pub scheduling_strategy: Option<SchedulingStrategy>,
    /// `serviceArn`.
    #[serde(rename = "serviceArn", default, skip_serializing_if = "Option::is_none")]
    pub service_arn: Option<String>,
    /// `serviceName`.
    #[serde(rename = "serviceName", default, skip_serializing_if = "Option::is_none")]
    pub service_name: Option<String>,
    /// `serviceRegistries`.
    #[serde(rename = "serviceRegistries", default, skip_serializing_if = "Option::is_none")]
    pub service_registries: Option<Vec<ServiceRegistry>>,
    /// `status`.
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `tags`.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `taskDefinition`.
    #[serde(rename = "taskDefinition", default, skip_serializing_if = "Option::is_none")]
    pub task_definition: Option<String>,
    /// `taskSets`.
    #[serde(rename = "taskSets", default, skip_serializing_if = "Option::is_none")]
    pub task_sets: Option<Vec<TaskSet>>,
}

/// The model's `ServiceConnectAccessLogConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceConnectAccessLogConfiguration {
    /// `format`.
    #[serde(rename = "format", default, skip_serializing_if = "Option::is_none")]
    pub format: Option<ServiceConnectAccessLoggingFormat>,
    /// `includeQueryParameters`.
    #[serde(rename = "includeQueryParameters", default, skip_serializing_if = "Option::is_none")]
    pub include_query_parameters: Option<ServiceConnectIncludeQueryParameters>,
}

crate::wire_enum! {
    /// The model's `ServiceConnectAccessLoggingFormat`.
    ServiceConnectAccessLoggingFormat { Text => "TEXT", Json => "JSON" }
}

/// The model's `ServiceConnectClientAlias`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceConnectClientAlias {
    /// `dnsName`.
    #[serde(rename = "dnsName", default, skip_serializing_if = "Option::is_none")]
    pub dns_name: Option<String>,
    /// `port`.
    #[serde(rename = "port", default, skip_serializing_if = "Option::is_none")]
    pub port: Option<i32>,
    /// `testTrafficRules`.
    #[serde(rename = "testTrafficRules", default, skip_serializing_if = "Option::is_none")]
    pub test_traffic_rules: Option<ServiceConnectTestTrafficRules>,
}

/// The model's `ServiceConnectConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceConnectConfiguration {
    /// `accessLogConfiguration`.
    #[serde(rename = "accessLogConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub access_log_configuration: Option<ServiceConnectAccessLogConfiguration>,
    /// `enabled`.
    #[serde(rename = "enabled", default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// `logConfiguration`.
    #[serde(rename = "logConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub log_configuration: Option<LogConfiguration>,
    /// `namespace`.
    #[serde(rename = "namespace", default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// `services`.
    #[serde(rename = "services", default, skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<ServiceConnectService>>,
}

crate::wire_enum! {
    /// The model's `ServiceConnectIncludeQueryParameters`.
    ServiceConnectIncludeQueryParameters { Disabled => "DISABLED", Enabled => "ENABLED" }
}

/// The model's `ServiceConnectService`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceConnectService {
    /// `clientAliases`.
    #[serde(rename = "clientAliases", default, skip_serializing_if = "Option::is_none")]
    pub client_aliases: Option<Vec<ServiceConnectClientAlias>>,
    /// `discoveryName`.
    #[serde(rename = "discoveryName", default, skip_serializing_if = "Option::is_none")]
    pub discovery_name: Option<String>,
    /// `ingressPortOverride`.
    #[serde(rename = "ingressPortOverride", default, skip_serializing_if = "Option::is_none")]
    pub ingress_port_override: Option<i32>,
    /// `portName`.
    #[serde(rename = "portName", default, skip_serializing_if = "Option::is_none")]
    pub port_name: Option<String>,
    /// `timeout`.
    #[serde(rename = "timeout", default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<TimeoutConfiguration>,
    /// `tls`.
    #[serde(rename = "tls", default, skip_serializing_if = "Option::is_none")]
    pub tls: Option<ServiceConnectTlsConfiguration>,
}

/// The model's `ServiceConnectServiceResource`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceConnectServiceResource {
    /// `discoveryArn`.
    #[serde(rename = "discoveryArn", default, skip_serializing_if = "Option::is_none")]
    pub discovery_arn: Option<String>,
    /// `discoveryName`.
    #[serde(rename = "discoveryName", default, skip_serializing_if = "Option::is_none")]
    pub discovery_name: Option<String>,
}

/// The model's `ServiceConnectTestTrafficHeaderMatchRules`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceConnectTestTrafficHeaderMatchRules {
    /// `exact`.
    #[serde(rename = "exact", default, skip_serializing_if = "Option::is_none")]
    pub exact: Option<String>,
}

/// The model's `ServiceConnectTestTrafficHeaderRules`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceConnectTestTrafficHeaderRules {
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `value`.
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<ServiceConnectTestTrafficHeaderMatchRules>,
}

/// The model's `ServiceConnectTestTrafficRules`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceConnectTestTrafficRules {
    /// `header`.
    #[serde(rename = "header", default, skip_serializing_if = "Option::is_none")]
    pub header: Option<ServiceConnectTestTrafficHeaderRules>,
}

/// The model's `ServiceConnectTlsCertificateAuthority`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceConnectTlsCertificateAuthority {
    /// `awsPcaAuthorityArn`.
    #[serde(rename = "awsPcaAuthorityArn", default, skip_serializing_if = "Option::is_none")]
    pub aws_pca_authority_arn: Option<String>,
}

/// The model's `ServiceConnectTlsConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceConnectTlsConfiguration {
    /// `issuerCertificateAuthority`.
    #[serde(rename = "issuerCertificateAuthority", default, skip_serializing_if = "Option::is_none")]
    pub issuer_certificate_authority: Option<ServiceConnectTlsCertificateAuthority>,
    /// `kmsKey`.
    #[serde(rename = "kmsKey", default, skip_serializing_if = "Option::is_none")]
    pub kms_key: Option<String>,
    /// `roleArn`.
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
}

/// The model's `ServiceCurrentRevisionSummary`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceCurrentRevisionSummary {
    /// `arn`.
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// `pendingTaskCount`.
    #[serde(rename = "pendingTaskCount", default, skip_serializing_if = "Option::is_none")]
    pub pending_task_count: Option<i32>,
    /// `requestedTaskCount`.
    #[serde(rename = "requestedTaskCount", default, skip_serializing_if = "Option::is_none")]
    pub requested_task_count: Option<i32>,
    /// `runningTaskCount`.
    #[serde(rename = "runningTaskCount", default, skip_serializing_if = "Option::is_none")]
    pub running_task_count: Option<i32>,
}

/// The model's `ServiceEvent`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceEvent {
    /// `createdAt`.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Time>,
    /// `id`.
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `message`.
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

crate::wire_enum! {
    /// The model's `ServiceField`.
    ServiceField { Tags => "TAGS" }
}

/// The model's `ServiceManagedEBSVolumeConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceManagedEBSVolumeConfiguration {
    /// `encrypted`.
    #[serde(rename = "encrypted", default, skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    /// `filesystemType`.
    #[serde(rename = "filesystemType", default, skip_serializing_if = "Option::is_none")]
    pub filesystem_type: Option<TaskFilesystemType>,
    /// `iops`.
    #[serde(rename = "iops", default, skip_serializing_if = "Option::is_none")]
    pub iops: Option<i32>,
    /// `kmsKeyId`.
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// `roleArn`.
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    /// `sizeInGiB`.
    #[serde(rename = "sizeInGiB", default, skip_serializing_if = "Option::is_none")]
    pub size_in_gib: Option<i32>,
    /// `snapshotId`.
    #[serde(rename = "snapshotId", default, skip_serializing_if = "Option::is_none")]
    pub snapshot_id: Option<String>,
    /// `tagSpecifications`.
    #[serde(rename = "tagSpecifications", default, skip_serializing_if = "Option::is_none")]
    pub tag_specifications: Option<Vec<EBSTagSpecification>>,
    /// `throughput`.
    #[serde(rename = "throughput", default, skip_serializing_if = "Option::is_none")]
    pub throughput: Option<i32>,
    /// `volumeInitializationRate`.
    #[serde(rename = "volumeInitializationRate", default, skip_serializing_if = "Option::is_none")]
    pub volume_initialization_rate: Option<i32>,
    /// `volumeType`.
    #[serde(rename = "volumeType", default, skip_serializing_if = "Option::is_none")]
    pub volume_type: Option<String>,
}

/// The model's `ServiceRegistry`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceRegistry {
    /// `containerName`.
    #[serde(rename = "containerName", default, skip_serializing_if = "Option::is_none")]
    pub container_name: Option<String>,
    /// `containerPort`.
    #[serde(rename = "containerPort", default, skip_serializing_if = "Option::is_none")]
    pub container_port: Option<i32>,
    /// `port`.
    #[serde(rename = "port", default, skip_serializing_if = "Option::is_none")]
    pub port: Option<i32>,
    /// `registryArn`.
    #[serde(rename = "registryArn", default, skip_serializing_if = "Option::is_none")]
    pub registry_arn: Option<String>,
}

/// The model's `ServiceVolumeConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceVolumeConfiguration {
    /// `managedEBSVolume`.
    #[serde(rename = "managedEBSVolume", default, skip_serializing_if = "Option::is_none")]
    pub managed_ebs_volume: Option<ServiceManagedEBSVolumeConfiguration>,
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The model's `Setting`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Setting {
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<SettingName>,
    /// `principalArn`.
    #[serde(rename = "principalArn", default, skip_serializing_if = "Option::is_none")]
    pub principal_arn: Option<String>,
    /// `type`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<SettingType>,
    /// `value`.
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

crate::wire_enum! {
    /// The model's `SettingName`.
    SettingName { ServiceLongArnFormat => "serviceLongArnFormat", TaskLongArnFormat => "taskLongArnFormat", ContainerInstanceLongArnFormat => "containerInstanceLongArnFormat", AwsvpcTrunking => "awsvpcTrunking", ContainerInsights => "containerInsights", FargateFipsMode => "fargateFIPSMode", TagResourceAuthorization => "tagResourceAuthorization", FargateTaskRetirementWaitPeriod => "fargateTaskRetirementWaitPeriod", GuardDutyActivate => "guardDutyActivate", DefaultLogDriverMode => "defaultLogDriverMode", FargateEventWindows => "fargateEventWindows" }
}

crate::wire_enum! {
    /// The model's `SettingType`.
    SettingType { User => "user", AwsManaged => "aws_managed" }
}

crate::wire_enum! {
    /// The model's `SortOrder`.
    SortOrder { Asc => "ASC", Desc => "DESC" }
}

crate::wire_enum! {
    /// The model's `StabilityStatus`.
    StabilityStatus { SteadyState => "STEADY_STATE", Stabilizing => "STABILIZING" }
}

/// The model's `StartTaskRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StartTaskRequest {
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `containerInstances`.
    #[serde(rename = "containerInstances", default, skip_serializing_if = "Option::is_none")]
    pub container_instances: Option<Vec<String>>,
    /// `enableECSManagedTags`.
    #[serde(rename = "enableECSManagedTags", default, skip_serializing_if = "Option::is_none")]
    pub enable_ecs_managed_tags: Option<bool>,
    /// `enableExecuteCommand`.
    #[serde(rename = "enableExecuteCommand", default, skip_serializing_if = "Option::is_none")]
    pub enable_execute_command: Option<bool>,
    /// `group`.
    #[serde(rename = "group", default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// `networkConfiguration`.
    #[serde(rename = "networkConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub network_configuration: Option<NetworkConfiguration>,
    /// `overrides`.
    #[serde(rename = "overrides", default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<TaskOverride>,
    /// `propagateTags`.
    #[serde(rename = "propagateTags", default, skip_serializing_if = "Option::is_none")]
    pub propagate_tags: Option<PropagateTags>,
    /// `referenceId`.
    #[serde(rename = "referenceId", default, skip_serializing_if = "Option::is_none")]
    pub reference_id: Option<String>,
    /// `startedBy`.
    #[serde(rename = "startedBy", default, skip_serializing_if = "Option::is_none")]
    pub started_by: Option<String>,
    /// `tags`.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `taskDefinition`.
    #[serde(rename = "taskDefinition", default, skip_serializing_if = "Option::is_none")]
    pub task_definition: Option<String>,
    /// `volumeConfigurations`.
    #[serde(rename = "volumeConfigurations", default, skip_serializing_if = "Option::is_none")]
    pub volume_configurations: Option<Vec<TaskVolumeConfiguration>>,
}

/// The model's `StartTaskResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct StartTaskResponse {
    /// `failures`.
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
    /// `tasks`.
    #[serde(rename = "tasks", default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Vec<Task>>,
}

/// The model's `StopTaskRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StopTaskRequest {
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `reason`.
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `task`.
    #[serde(rename = "task", default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
}

/// The model's `StopTaskResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct StopTaskResponse {
    /// `task`.
    #[serde(rename = "task", default, skip_serializing_if = "Option::is_none")]
    pub task: Option<Task>,
}

/// The model's `SystemControl`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SystemControl {
    /// `namespace`.
    #[serde(rename = "namespace", default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// `value`.
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// The model's `Tag`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Tag {
    /// `key`.
    #[serde(rename = "key", default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// `value`.
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// The model's `TagResourceRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TagResourceRequest {
    /// `resourceArn`.
    #[serde(rename = "resourceArn", default, skip_serializing_if = "Option::is_none")]
    pub resource_arn: Option<String>,
    /// `tags`.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// The model's `TagResourceResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct TagResourceResponse {
}

crate::wire_enum! {
    /// The model's `TargetType`.
    TargetType { ContainerInstance => "container-instance" }
}

/// The model's `Task`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Task {
    /// `attachments`.
    #[serde(rename = "attachments", default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<Attachment>>,
    /// `attributes`.
    #[serde(rename = "attributes", default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<Vec<Attribute>>,
    /// `availabilityZone`.
    #[serde(rename = "availabilityZone", default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
    /// `capacityProviderName`.
    #[serde(rename = "capacityProviderName", default, skip_serializing_if = "Option::is_none")]
    pub capacity_provider_name: Option<String>,
    /// `clusterArn`.
    #[serde(rename = "clusterArn", default, skip_serializing_if = "Option::is_none")]
    pub cluster_arn: Option<String>,
    /// `connectivity`.
    #[serde(rename = "connectivity", default, skip_serializing_if = "Option::is_none")]
    pub connectivity: Option<Connectivity>,
    /// `connectivityAt`.
    #[serde(rename = "connectivityAt", default, skip_serializing_if = "Option::is_none")]
    pub connectivity_at: Option<Time>,
    /// `containerInstanceArn`.
    #[serde(rename = "containerInstanceArn", default, skip_serializing_if = "Option::is_none")]
    pub container_instance_arn: Option<String>,
    /// `containers`.
    #[serde(rename = "containers", default, skip_serializing_if = "Option::is_none")]
    pub containers: Option<Vec<Container>>,
    /// `cpu`.
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    /// `createdAt`.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Time>,
    /// `desiredStatus`.
    #[serde(rename = "desiredStatus", default, skip_serializing_if = "Option::is_none")]
    pub desired_status: Option<String>,
    /// `enableExecuteCommand`.
    #[serde(rename = "enableExecuteCommand", default, skip_serializing_if = "Option::is_none")]
    pub enable_execute_command: Option<bool>,
    /// `ephemeralStorage`.
    #[serde(rename = "ephemeralStorage", default, skip_serializing_if = "Option::is_none")]
    pub ephemeral_storage: Option<EphemeralStorage>,
    /// `executionStoppedAt`.
    #[serde(rename = "executionStoppedAt", default, skip_serializing_if = "Option::is_none")]
    pub execution_stopped_at: Option<Time>,
    /// `fargateEphemeralStorage`.
    #[serde(rename = "fargateEphemeralStorage", default, skip_serializing_if = "Option::is_none")]
    pub fargate_ephemeral_storage: Option<TaskEphemeralStorage>,
    /// `group`.
    #[serde(rename = "group", default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// `healthStatus`.
    #[serde(rename = "healthStatus", default, skip_serializing_if = "Option::is_none")]
    pub health_status: Option<HealthStatus>,
    /// `inferenceAccelerators`.
    #[serde(rename = "inferenceAccelerators", default, skip_serializing_if = "Option::is_none")]
    pub inference_accelerators: Option<Vec<InferenceAccelerator>>,
    /// `lastStatus`.
    #[serde(rename = "lastStatus", default, skip_serializing_if = "Option::is_none")]
    pub last_status: Option<String>,
    /// `launchType`.
    #[serde(rename = "launchType", default, skip_serializing_if = "Option::is_none")]
    pub launch_type: Option<LaunchType>,
    /// `memory`.
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    /// `overrides`.
    #[serde(rename = "overrides", default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<TaskOverride>,
    /// `platformFamily`.
    #[serde(rename = "platformFamily", default, skip_serializing_if = "Option::is_none")]
    pub platform_family: Option<String>,
    /// `platformVersion`.
    #[serde(rename = "platformVersion", default, skip_serializing_if = "Option::is_none")]
    pub platform_version: Option<String>,
    /// `pullStartedAt`.
    #[serde(rename = "pullStartedAt", default, skip_serializing_if = "Option::is_none")]
    pub pull_started_at: Option<Time>,
    /// `pullStoppedAt`.
    #[serde(rename = "pullStoppedAt", default, skip_serializing_if = "Option::is_none")]
    pub pull_stopped_at: Option<Time>,
    /// `startedAt`.
    #[serde(rename = "startedAt", default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Time>,
    /// `startedBy`.
    #[serde(rename = "startedBy", default, skip_serializing_if = "Option::is_none")]
    pub started_by: Option<String>,
    /// `stopCode`.
    #[serde(rename = "stopCode", default, skip_serializing_if = "Option::is_none")]
    pub stop_code: Option<TaskStopCode>,
    /// `stoppedAt`.
    #[serde(rename = "stoppedAt", default, skip_serializing_if = "Option::is_none")]
    pub stopped_at: Option<Time>,
    /// `stoppedReason`.
    #[serde(rename = "stoppedReason", default, skip_serializing_if = "Option::is_none")]
    pub stopped_reason: Option<String>,
    /// `stoppingAt`.
    #[serde(rename = "stoppingAt", default, skip_serializing_if = "Option::is_none")]
    pub stopping_at: Option<Time>,
    /// `tags`.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `taskArn`.
    #[serde(rename = "taskArn", default, skip_serializing_if = "Option::is_none")]
    pub task_arn: Option<String>,
    /// `taskDefinitionArn`.
    #[serde(rename = "taskDefinitionArn", default, skip_serializing_if = "Option::is_none")]
    pub task_definition_arn: Option<String>,
    /// `version`.
    #[serde(rename = "version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
}

/// The model's `TaskDefinition`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TaskDefinition {
    /// `compatibilities`.
    #[serde(rename = "compatibilities", default, skip_serializing_if = "Option::is_none")]
    pub compatibilities: Option<Vec<Compatibility>>,
    /// `containerDefinitions`.
    #[serde(rename = "containerDefinitions", default, skip_serializing_if = "Option::is_none")]
    pub container_definitions: Option<Vec<ContainerDefinition>>,
    /// `cpu`.
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    /// `deleteRequestedAt`.
    #[serde(rename = "deleteRequestedAt", default, skip_serializing_if = "Option::is_none")]
    pub delete_requested_at: Option<Time>,
    /// `deregisteredAt`.
    #[serde(rename = "deregisteredAt", default, skip_serializing_if = "Option::is_none")]
    pub deregistered_at: Option<Time>,
    /// `enableFaultInjection`.
    #[serde(rename = "enableFaultInjection", default, skip_serializing_if = "Option::is_none")]
    pub enable_fault_injection: Option<bool>,
    /// `ephemeralStorage`.
    #[serde(rename = "ephemeralStorage", default, skip_serializing_if = "Option::is_none")]
    pub ephemeral_storage: Option<EphemeralStorage>,
    /// `executionRoleArn`.
    #[serde(rename = "executionRoleArn", default, skip_serializing_if = "Option::is_none")]
    pub execution_role_arn: Option<String>,
    /// `family`.
    #[serde(rename = "family", default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// `inferenceAccelerators`.
    #[serde(rename = "inferenceAccelerators", default, skip_serializing_if = "Option::is_none")]
    pub inference_accelerators: Option<Vec<InferenceAccelerator>>,
    /// `ipcMode`.
    #[serde(rename = "ipcMode", default, skip_serializing_if = "Option::is_none")]
    pub ipc_mode: Option<IpcMode>,
    /// `memory`.
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    /// `networkMode`.
    #[serde(rename = "networkMode", default, skip_serializing_if = "Option::is_none")]
    pub network_mode: Option<NetworkMode>,
    /// `pidMode`.
    #[serde(rename = "pidMode", default, skip_serializing_if = "Option::is_none")]
    pub pid_mode: Option<PidMode>,
    /// `placementConstraints`.
    #[serde(rename = "placementConstraints", default, skip_serializing_if = "Option::is_none")]
    pub placement_constraints: Option<Vec<TaskDefinitionPlacementConstraint>>,
    /// `proxyConfiguration`.
    #[serde(rename = "proxyConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub proxy_configuration: Option<ProxyConfiguration>,
    /// `registeredAt`.
    #[serde(rename = "registeredAt", default, skip_serializing_if = "Option::is_none")]
    pub registered_at: Option<Time>,
    /// `registeredBy`.
    #[serde(rename = "registeredBy", default, skip_serializing_if = "Option::is_none")]
    pub registered_by: Option<String>,
    /// `requiresAttributes`.
    #[serde(rename = "requiresAttributes", default, skip_serializing_if = "Option::is_none")]
    pub requires_attributes: Option<Vec<Attribute>>,
    /// `requiresCompatibilities`.
    #[serde(rename = "requiresCompatibilities", default, skip_serializing_if = "Option::is_none")]
    pub requires_compatibilities: Option<Vec<Compatibility>>,
    /// `revision`.
    #[serde(rename = "revision", default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<i32>,
    /// `runtimePlatform`.
    #[serde(rename = "runtimePlatform", default, skip_serializing_if = "Option::is_none")]
    pub runtime_platform: Option<RuntimePlatform>,
    /// `status`.
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TaskDefinitionStatus>,
    /// `taskDefinitionArn`.
    #[serde(rename = "taskDefinitionArn", default, skip_serializing_if = "Option::is_none")]
    pub task_definition_arn: Option<String>,
    /// `taskRoleArn`.
    #[serde(rename = "taskRoleArn", default, skip_serializing_if = "Option::is_none")]
    pub task_role_arn: Option<String>,
    /// `volumes`.
    #[serde(rename = "volumes", default, skip_serializing_if = "Option::is_none")]
    pub volumes: Option<Vec<Volume>>,
}

crate::wire_enum! {
    /// The model's `TaskDefinitionFamilyStatus`.
    TaskDefinitionFamilyStatus { Active => "ACTIVE", Inactive => "INACTIVE", All => "ALL" }
}

crate::wire_enum! {
    /// The model's `TaskDefinitionField`.
    TaskDefinitionField { Tags => "TAGS" }
}

/// The model's `TaskDefinitionPlacementConstraint`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TaskDefinitionPlacementConstraint {
    /// `expression`.
    #[serde(rename = "expression", default, skip_serializing_if = "Option::is_none")]
    pub expression: Option<String>,
    /// `type`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<TaskDefinitionPlacementConstraintType>,
}

crate::wire_enum! {
    /// The model's `TaskDefinitionPlacementConstraintType`.
    TaskDefinitionPlacementConstraintType { MemberOf => "memberOf" }
}

crate::wire_enum! {
    /// The model's `TaskDefinitionStatus`.
    TaskDefinitionStatus { Active => "ACTIVE", Inactive => "INACTIVE", DeleteInProgress => "DELETE_IN_PROGRESS" }
}

/// The model's `TaskEphemeralStorage`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TaskEphemeralStorage {
    /// `kmsKeyId`.
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// `sizeInGiB`.
    #[serde(rename = "sizeInGiB", default, skip_serializing_if = "Option::is_none")]
    pub size_in_gib: Option<i32>,
}

crate::wire_enum! {
    /// The model's `TaskField`.
    TaskField { Tags => "TAGS" }
}

crate::wire_enum! {
    /// The model's `TaskFilesystemType`.
    TaskFilesystemType { Ext3 => "ext3", Ext4 => "ext4", Xfs => "xfs", Ntfs => "ntfs" }
}

/// The model's `TaskManagedEBSVolumeConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TaskManagedEBSVolumeConfiguration {
    /// `encrypted`.
    #[serde(rename = "encrypted", default, skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    /// `filesystemType`.
    #[serde(rename = "filesystemType", default, skip_serializing_if = "Option::is_none")]
    pub filesystem_type: Option<TaskFilesystemType>,
    /// `iops`.
    #[serde(rename = "iops", default, skip_serializing_if = "Option::is_none")]
    pub iops: Option<i32>,
    /// `kmsKeyId`.
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// `roleArn`.
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    /// `sizeInGiB`.
    #[serde(rename = "sizeInGiB", default, skip_serializing_if = "Option::is_none")]
    pub size_in_gib: Option<i32>,
    /// `snapshotId`.
    #[serde(rename = "snapshotId", default, skip_serializing_if = "Option::is_none")]
    pub snapshot_id: Option<String>,
    /// `tagSpecifications`.
    #[serde(rename = "tagSpecifications", default, skip_serializing_if = "Option::is_none")]
    pub tag_specifications: Option<Vec<EBSTagSpecification>>,
    /// `terminationPolicy`.
    #[serde(rename = "terminationPolicy", default, skip_serializing_if = "Option::is_none")]
    pub termination_policy: Option<TaskManagedEBSVolumeTerminationPolicy>,
    /// `throughput`.
    #[serde(rename = "throughput", default, skip_serializing_if = "Option::is_none")]
    pub throughput: Option<i32>,
    /// `volumeInitializationRate`.
    #[serde(rename = "volumeInitializationRate", default, skip_serializing_if = "Option::is_none")]
    pub volume_initialization_rate: Option<i32>,
    /// `volumeType`.
    #[serde(rename = "volumeType", default, skip_serializing_if = "Option::is_none")]
    pub volume_type: Option<String>,
}

/// The model's `TaskManagedEBSVolumeTerminationPolicy`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TaskManagedEBSVolumeTerminationPolicy {
    /// `deleteOnTermination`.
    #[serde(rename = "deleteOnTermination", default, skip_serializing_if = "Option::is_none")]
    pub delete_on_termination: Option<bool>,
}

/// The model's `TaskOverride`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TaskOverride {
    /// `containerOverrides`.
    #[serde(rename = "containerOverrides", default, skip_serializing_if = "Option::is_none")]
    pub container_overrides: Option<Vec<ContainerOverride>>,
    /// `cpu`.
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    /// `ephemeralStorage`.
    #[serde(rename = "ephemeralStorage", default, skip_serializing_if = "Option::is_none")]
    pub ephemeral_storage: Option<EphemeralStorage>,
    /// `executionRoleArn`.
    #[serde(rename = "executionRoleArn", default, skip_serializing_if = "Option::is_none")]
    pub execution_role_arn: Option<String>,
    /// `inferenceAcceleratorOverrides`.
    #[serde(rename = "inferenceAcceleratorOverrides", default, skip_serializing_if = "Option::is_none")]
    pub inference_accelerator_overrides: Option<Vec<InferenceAcceleratorOverride>>,
    /// `memory`.
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    /// `taskRoleArn`.
    #[serde(rename = "taskRoleArn", default, skip_serializing_if = "Option::is_none")]
    pub task_role_arn: Option<String>,
}

/// The model's `TaskSet`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TaskSet {
    /// `capacityProviderStrategy`.
    #[serde(rename = "capacityProviderStrategy", default, skip_serializing_if = "Option::is_none")]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    /// `clusterArn`.
    #[serde(rename = "clusterArn", default, skip_serializing_if = "Option::is_none")]
    pub cluster_arn: Option<String>,
    /// `computedDesiredCount`.
    #[serde(rename = "computedDesiredCount", default, skip_serializing_if = "Option::is_none")]
    pub computed_desired_count: Option<i32>,
    /// `createdAt`.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Time>,
    /// `externalId`.
    #[serde(rename = "externalId", default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// `fargateEphemeralStorage`.
    #[serde(rename = "fargateEphemeralStorage", default, skip_serializing_if = "Option::is_none")]
    pub fargate_ephemeral_storage: Option<DeploymentEphemeralStorage>,
    /// `id`.
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `launchType`.
    #[serde(rename = "launchType", default, skip_serializing_if = "Option::is_none")]
    pub launch_type: Option<LaunchType>,
    /// `loadBalancers`.
    #[serde(rename = "loadBalancers", default, skip_serializing_if = "Option::is_none")]
    pub load_balancers: Option<Vec<LoadBalancer>>,
    /// `networkConfiguration`.
    #[serde(rename = "networkConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub network_configuration: Option<NetworkConfiguration>,
    /// `pendingCount`.
    #[serde(rename = "pendingCount", default, skip_serializing_if = "Option::is_none")]
    pub pending_count: Option<i32>,
    /// `platformFamily`.
    #[serde(rename = "platformFamily", default, skip_serializing_if = "Option::is_none")]
    pub platform_family: Option<String>,
    /// `platformVersion`.
    #[serde(rename = "platformVersion", default, skip_serializing_if = "Option::is_none")]
    pub platform_version: Option<String>,
    /// `runningCount`.
    #[serde(rename = "runningCount", default, skip_serializing_if = "Option::is_none")]
    pub running_count: Option<i32>,
    /// `scale`.
    #[serde(rename = "scale", default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
    /// `serviceArn`.
    #[serde(rename = "serviceArn", default, skip_serializing_if = "Option::is_none")]
    pub service_arn: Option<String>,
    /// `serviceRegistries`.
    #[serde(rename = "serviceRegistries", default, skip_serializing_if = "Option::is_none")]
    pub service_registries: Option<Vec<ServiceRegistry>>,
    /// `stabilityStatus`.
    #[serde(rename = "stabilityStatus", default, skip_serializing_if = "Option::is_none")]
    pub stability_status: Option<StabilityStatus>,
    /// `stabilityStatusAt`.
    #[serde(rename = "stabilityStatusAt", default, skip_serializing_if = "Option::is_none")]
    pub stability_status_at: Option<Time>,
    /// `startedBy`.
    #[serde(rename = "startedBy", default, skip_serializing_if = "Option::is_none")]
    pub started_by: Option<String>,
    /// `status`.
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `tags`.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `taskDefinition`.
    #[serde(rename = "taskDefinition", default, skip_serializing_if = "Option::is_none")]
    pub task_definition: Option<String>,
    /// `taskSetArn`.
    #[serde(rename = "taskSetArn", default, skip_serializing_if = "Option::is_none")]
    pub task_set_arn: Option<String>,
    /// `updatedAt`.
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Time>,
}

crate::wire_enum! {
    /// The model's `TaskStopCode`.
    TaskStopCode { TaskFailedToStart => "TaskFailedToStart", EssentialContainerExited => "EssentialContainerExited", UserInitiated => "UserInitiated", ServiceSchedulerInitiated => "ServiceSchedulerInitiated", SpotInterruption => "SpotInterruption", TerminationNotice => "TerminationNotice" }
}

/// The model's `TaskVolumeConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TaskVolumeConfiguration {
    /// `managedEBSVolume`.
    #[serde(rename = "managedEBSVolume", default, skip_serializing_if = "Option::is_none")]
    pub managed_ebs_volume: Option<TaskManagedEBSVolumeConfiguration>,
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The model's `TimeoutConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TimeoutConfiguration {
    /// `idleTimeoutSeconds`.
    #[serde(rename = "idleTimeoutSeconds", default, skip_serializing_if = "Option::is_none")]
    pub idle_timeout_seconds: Option<i32>,
    /// `perRequestTimeoutSeconds`.
    #[serde(rename = "perRequestTimeoutSeconds", default, skip_serializing_if = "Option::is_none")]
    pub per_request_timeout_seconds: Option<i32>,
}

/// The model's `Tmpfs`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Tmpfs {
    /// `containerPath`.
    #[serde(rename = "containerPath", default, skip_serializing_if = "Option::is_none")]
    pub container_path: Option<String>,
    /// `mountOptions`.
    #[serde(rename = "mountOptions", default, skip_serializing_if = "Option::is_none")]
    pub mount_options: Option<Vec<String>>,
    /// `size`.
    #[serde(rename = "size", default, skip_serializing_if = "Option::is_none")]
    pub size: Option<i32>,
}

/// The model's `TotalLocalStorageGBRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TotalLocalStorageGBRequest {
    /// `max`.
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// `min`.
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
}

crate::wire_enum! {
    /// The model's `TransportProtocol`.
    TransportProtocol { Tcp => "tcp", Udp => "udp" }
}

/// The model's `Ulimit`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Ulimit {
    /// `hardLimit`.
    #[serde(rename = "hardLimit", default, skip_serializing_if = "Option::is_none")]
    pub hard_limit: Option<i32>,
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<UlimitName>,
    /// `softLimit`.
    #[serde(rename = "softLimit", default, skip_serializing_if = "Option::is_none")]
    pub soft_limit: Option<i32>,
}

crate::wire_enum! {
    /// The model's `UlimitName`.
    UlimitName { Core => "core", Cpu => "cpu", Data => "data", Fsize => "fsize", Locks => "locks", Memlock => "memlock", Msgqueue => "msgqueue", Nice => "nice", Nofile => "nofile", Nproc => "nproc", Rss => "rss", Rtprio => "rtprio", Rttime => "rttime", Sigpending => "sigpending", Stack => "stack" }
}

/// The model's `UntagResourceRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UntagResourceRequest {
    /// `resourceArn`.
    #[serde(rename = "resourceArn", default, skip_serializing_if = "Option::is_none")]
    pub resource_arn: Option<String>,
    /// `tagKeys`.
    #[serde(rename = "tagKeys", default, skip_serializing_if = "Option::is_none")]
    pub tag_keys: Option<Vec<String>>,
}

/// The model's `UntagResourceResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct UntagResourceResponse {
}

/// The model's `UpdateCapacityProviderRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UpdateCapacityProviderRequest {
    /// `autoScalingGroupProvider`.
    #[serde(rename = "autoScalingGroupProvider", default, skip_serializing_if = "Option::is_none")]
    pub auto_scaling_group_provider: Option<AutoScalingGroupProviderUpdate>,
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `managedInstancesProvider`.
    #[serde(rename = "managedInstancesProvider", default, skip_serializing_if = "Option::is_none")]
    pub managed_instances_provider: Option<UpdateManagedInstancesProviderConfiguration>,
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The model's `UpdateCapacityProviderResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct UpdateCapacityProviderResponse {
    /// `capacityProvider`.
    #[serde(rename = "capacityProvider", default, skip_serializing_if = "Option::is_none")]
    pub capacity_provider: Option<CapacityProvider>,
}

/// The model's `UpdateClusterRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UpdateClusterRequest {
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `configuration`.
    #[serde(rename = "configuration", default, skip_serializing_if = "Option::is_none")]
    pub configuration: Option<ClusterConfiguration>,
    /// `serviceConnectDefaults`.
    #[serde(rename = "serviceConnectDefaults", default, skip_serializing_if = "Option::is_none")]
    pub service_connect_defaults: Option<ClusterServiceConnectDefaultsRequest>,
    /// `settings`.
    #[serde(rename = "settings", default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Vec<ClusterSetting>>,
}

/// The model's `UpdateClusterResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct UpdateClusterResponse {
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Cluster>,
}

/// The model's `UpdateClusterSettingsRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UpdateClusterSettingsRequest {
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `settings`.
    #[serde(rename = "settings", default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Vec<ClusterSetting>>,
}

/// The model's `UpdateClusterSettingsResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct UpdateClusterSettingsResponse {
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Cluster>,
}

/// The model's `UpdateContainerInstancesStateRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UpdateContainerInstancesStateRequest {
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `containerInstances`.
    #[serde(rename = "containerInstances", default, skip_serializing_if = "Option::is_none")]
    pub container_instances: Option<Vec<String>>,
    /// `status`.
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ContainerInstanceStatus>,
}

/// The model's `UpdateContainerInstancesStateResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct UpdateContainerInstancesStateResponse {
    /// `containerInstances`.
    #[serde(rename = "containerInstances", default, skip_serializing_if = "Option::is_none")]
    pub container_instances: Option<Vec<ContainerInstance>>,
    /// `failures`.
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

/// The model's `UpdateManagedInstancesProviderConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UpdateManagedInstancesProviderConfiguration {
    /// `autoRepairConfiguration`.
    #[serde(rename = "autoRepairConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub auto_repair_configuration: Option<AutoRepairConfiguration>,
    /// `infrastructureOptimization`.
    #[serde(rename = "infrastructureOptimization", default, skip_serializing_if = "Option::is_none")]
    pub infrastructure_optimization: Option<InfrastructureOptimization>,
    /// `infrastructureRoleArn`.
    #[serde(rename = "infrastructureRoleArn", default, skip_serializing_if = "Option::is_none")]
    pub infrastructure_role_arn: Option<String>,
    /// `instanceLaunchTemplate`.
    #[serde(rename = "instanceLaunchTemplate", default, skip_serializing_if = "Option::is_none")]
    pub instance_launch_template: Option<InstanceLaunchTemplateUpdate>,
    /// `propagateTags`.
    #[serde(rename = "propagateTags", default, skip_serializing_if = "Option::is_none")]
    pub propagate_tags: Option<PropagateMITags>,
}

/// The model's `UpdateServiceRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UpdateServiceRequest {
    /// `availabilityZoneRebalancing`.
    #[serde(rename = "availabilityZoneRebalancing", default, skip_serializing_if = "Option::is_none")]
    pub availability_zone_rebalancing: Option<AvailabilityZoneRebalancing>,
    /// `capacityProviderStrategy`.
    #[serde(rename = "capacityProviderStrategy", default, skip_serializing_if = "Option::is_none")]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    /// `cluster`.
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `deploymentConfiguration`.
    #[serde(rename = "deploymentConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub deployment_configuration: Option<DeploymentConfiguration>,
    /// `deploymentController`.
    #[serde(rename = "deploymentController", default, skip_serializing_if = "Option::is_none")]
    pub deployment_controller: Option<DeploymentController>,
    /// `desiredCount`.
    #[serde(rename = "desiredCount", default, skip_serializing_if = "Option::is_none")]
    pub desired_count: Option<i32>,
    /// `enableECSManagedTags`.
    #[serde(rename = "enableECSManagedTags", default, skip_serializing_if = "Option::is_none")]
    pub enable_ecs_managed_tags: Option<bool>,
    /// `enableExecuteCommand`.
    #[serde(rename = "enableExecuteCommand", default, skip_serializing_if = "Option::is_none")]
    pub enable_execute_command: Option<bool>,
    /// `forceNewDeployment`.
    #[serde(rename = "forceNewDeployment", default, skip_serializing_if = "Option::is_none")]
    pub force_new_deployment: Option<bool>,
    /// `healthCheckGracePeriodSeconds`.
    #[serde(rename = "healthCheckGracePeriodSeconds", default, skip_serializing_if = "Option::is_none")]
    pub health_check_grace_period_seconds: Option<i32>,
    /// `loadBalancers`.
    #[serde(rename = "loadBalancers", default, skip_serializing_if = "Option::is_none")]
    pub load_balancers: Option<Vec<LoadBalancer>>,
    /// `networkConfiguration`.
    #[serde(rename = "networkConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub network_configuration: Option<NetworkConfiguration>,
    /// `placementConstraints`.
    #[serde(rename = "placementConstraints", default, skip_serializing_if = "Option::is_none")]
    pub placement_constraints: Option<Vec<PlacementConstraint>>,
    /// `placementStrategy`.
    #[serde(rename = "placementStrategy", default, skip_serializing_if = "Option::is_none")]
    pub placement_strategy: Option<Vec<PlacementStrategy>>,
    /// `platformVersion`.
    #[serde(rename = "platformVersion", default, skip_serializing_if = "Option::is_none")]
    pub platform_version: Option<String>,
    /// `propagateTags`.
    #[serde(rename = "propagateTags", default, skip_serializing_if = "Option::is_none")]
    pub propagate_tags: Option<PropagateTags>,
    /// `service`.
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// `serviceConnectConfiguration`.
    #[serde(rename = "serviceConnectConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub service_connect_configuration: Option<ServiceConnectConfiguration>,
    /// `serviceRegistries`.
    #[serde(rename = "serviceRegistries", default, skip_serializing_if = "Option::is_none")]
    pub service_registries: Option<Vec<ServiceRegistry>>,
    /// `taskDefinition`.
    #[serde(rename = "taskDefinition", default, skip_serializing_if = "Option::is_none")]
    pub task_definition: Option<String>,
    /// `volumeConfigurations`.
    #[serde(rename = "volumeConfigurations", default, skip_serializing_if = "Option::is_none")]
    pub volume_configurations: Option<Vec<ServiceVolumeConfiguration>>,
    /// `vpcLatticeConfigurations`.
    #[serde(rename = "vpcLatticeConfigurations", default, skip_serializing_if = "Option::is_none")]
    pub vpc_lattice_configurations: Option<Vec<VpcLatticeConfiguration>>,
}

/// The model's `UpdateServiceResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct UpdateServiceResponse {
    /// `service`.
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<Service>,
}

/// The model's `VCpuCountRangeRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct VCpuCountRangeRequest {
    /// `max`.
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
    /// `min`.
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i32>,
}

crate::wire_enum! {
    /// The model's `VersionConsistency`.
    VersionConsistency { Enabled => "enabled", Disabled => "disabled" }
}

/// The model's `VersionInfo`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct VersionInfo {
    /// `agentHash`.
    #[serde(rename = "agentHash", default, skip_serializing_if = "Option::is_none")]
    pub agent_hash: Option<String>,
    /// `agentVersion`.
    #[serde(rename = "agentVersion", default, skip_serializing_if = "Option::is_none")]
    pub agent_version: Option<String>,
    /// `dockerVersion`.
    #[serde(rename = "dockerVersion", default, skip_serializing_if = "Option::is_none")]
    pub docker_version: Option<String>,
}

/// The model's `Volume`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Volume {
    /// `configuredAtLaunch`.
    #[serde(rename = "configuredAtLaunch", default, skip_serializing_if = "Option::is_none")]
    pub configured_at_launch: Option<bool>,
    /// `dockerVolumeConfiguration`.
    #[serde(rename = "dockerVolumeConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub docker_volume_configuration: Option<DockerVolumeConfiguration>,
    /// `efsVolumeConfiguration`.
    #[serde(rename = "efsVolumeConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub efs_volume_configuration: Option<EFSVolumeConfiguration>,
    /// `fsxWindowsFileServerVolumeConfiguration`.
    #[serde(rename = "fsxWindowsFileServerVolumeConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub fsx_windows_file_server_volume_configuration: Option<FSxWindowsFileServerVolumeConfiguration>,
    /// `host`.
    #[serde(rename = "host", default, skip_serializing_if = "Option::is_none")]
    pub host: Option<HostVolumeProperties>,
    /// `name`.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `s3filesVolumeConfiguration`.
    #[serde(rename = "s3filesVolumeConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub s3files_volume_configuration: Option<S3FilesVolumeConfiguration>,
}

/// The model's `VolumeFrom`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct VolumeFrom {
    /// `readOnly`.
    #[serde(rename = "readOnly", default, skip_serializing_if = "Option::is_none")]
    pub read_only: Option<bool>,
    /// `sourceContainer`.
    #[serde(rename = "sourceContainer", default, skip_serializing_if = "Option::is_none")]
    pub source_container: Option<String>,
}

/// The model's `VpcLatticeConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct VpcLatticeConfiguration {
    /// `portName`.
    #[serde(rename = "portName", default, skip_serializing_if = "Option::is_none")]
    pub port_name: Option<String>,
    /// `roleArn`.
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    /// `targetGroupArn`.
    #[serde(rename = "targetGroupArn", default, skip_serializing_if = "Option::is_none")]
    pub target_group_arn: Option<String>,
}

/// The served operations, as types.
pub mod ops {
    /// `CreateCapacityProvider`.
    #[derive(Debug)]
    pub struct CreateCapacityProvider;

    impl crate::Op for CreateCapacityProvider {
        const NAME: &'static str = "CreateCapacityProvider";
        const READ_ONLY: bool = false;
        type Input = super::CreateCapacityProviderRequest;
        type Output = super::CreateCapacityProviderResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[0])
        }
    }

    /// `CreateCluster`.
    #[derive(Debug)]
    pub struct CreateCluster;

    impl crate::Op for CreateCluster {
        const NAME: &'static str = "CreateCluster";
        const READ_ONLY: bool = false;
        type Input = super::CreateClusterRequest;
        type Output = super::CreateClusterResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[1])
        }
    }

    /// `CreateService`.
    #[derive(Debug)]
    pub struct CreateService;

    impl crate::Op for CreateService {
        const NAME: &'static str = "CreateService";
        const READ_ONLY: bool = false;
        type Input = super::CreateServiceRequest;
        type Output = super::CreateServiceResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[2])
        }
    }

    /// `DeleteAccountSetting`.
    #[derive(Debug)]
    pub struct DeleteAccountSetting;

    impl crate::Op for DeleteAccountSetting {
        const NAME: &'static str = "DeleteAccountSetting";
        const READ_ONLY: bool = false;
        type Input = super::DeleteAccountSettingRequest;
        type Output = super::DeleteAccountSettingResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[3])
        }
    }

    /// `DeleteAttributes`.
    #[derive(Debug)]
    pub struct DeleteAttributes;

    impl crate::Op for DeleteAttributes {
        const NAME: &'static str = "DeleteAttributes";
        const READ_ONLY: bool = false;
        type Input = super::DeleteAttributesRequest;
        type Output = super::DeleteAttributesResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[4])
        }
    }

    /// `DeleteCapacityProvider`.
    #[derive(Debug)]
    pub struct DeleteCapacityProvider;

    impl crate::Op for DeleteCapacityProvider {
        const NAME: &'static str = "DeleteCapacityProvider";
        const READ_ONLY: bool = false;
        type Input = super::DeleteCapacityProviderRequest;
        type Output = super::DeleteCapacityProviderResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[5])
        }
    }

    /// `DeleteCluster`.
    #[derive(Debug)]
    pub struct DeleteCluster;

    impl crate::Op for DeleteCluster {
        const NAME: &'static str = "DeleteCluster";
        const READ_ONLY: bool = false;
        type Input = super::DeleteClusterRequest;
        type Output = super::DeleteClusterResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[6])
        }
    }

    /// `DeleteService`.
    #[derive(Debug)]
    pub struct DeleteService;

    impl crate::Op for DeleteService {
        const NAME: &'static str = "DeleteService";
        const READ_ONLY: bool = false;
        type Input = super::DeleteServiceRequest;
        type Output = super::DeleteServiceResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[7])
        }
    }

    /// `DeleteTaskDefinitions`.
    #[derive(Debug)]
    pub struct DeleteTaskDefinitions;

    impl crate::Op for DeleteTaskDefinitions {
        const NAME: &'static str = "DeleteTaskDefinitions";
        const READ_ONLY: bool = false;
        type Input = super::DeleteTaskDefinitionsRequest;
        type Output = super::DeleteTaskDefinitionsResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[8])
        }
    }

    /// `DeregisterContainerInstance`.
    #[derive(Debug)]
    pub struct DeregisterContainerInstance;

    impl crate::Op for DeregisterContainerInstance {
        const NAME: &'static str = "DeregisterContainerInstance";
        const READ_ONLY: bool = false;
        type Input = super::DeregisterContainerInstanceRequest;
        type Output = super::DeregisterContainerInstanceResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[9])
        }
    }

    /// `DeregisterTaskDefinition`.
    #[derive(Debug)]
    pub struct DeregisterTaskDefinition;

    impl crate::Op for DeregisterTaskDefinition {
        const NAME: &'static str = "DeregisterTaskDefinition";
        const READ_ONLY: bool = false;
        type Input = super::DeregisterTaskDefinitionRequest;
        type Output = super::DeregisterTaskDefinitionResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[10])
        }
    }

    /// `DescribeCapacityProviders`.
    #[derive(Debug)]
    pub struct DescribeCapacityProviders;

    impl crate::Op for DescribeCapacityProviders {
        const NAME: &'static str = "DescribeCapacityProviders";
        const READ_ONLY: bool = true;
        type Input = super::DescribeCapacityProvidersRequest;
        type Output = super::DescribeCapacityProvidersResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[11])
        }
    }

    /// `DescribeClusters`.
    #[derive(Debug)]
    pub struct DescribeClusters;

    impl crate::Op for DescribeClusters {
        const NAME: &'static str = "DescribeClusters";
        const READ_ONLY: bool = true;
        type Input = super::DescribeClustersRequest;
        type Output = super::DescribeClustersResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[12])
        }
    }

    /// `DescribeContainerInstances`.
    #[derive(Debug)]
    pub struct DescribeContainerInstances;

    impl crate::Op for DescribeContainerInstances {
        const NAME: &'static str = "DescribeContainerInstances";
        const READ_ONLY: bool = true;
        type Input = super::DescribeContainerInstancesRequest;
        type Output = super::DescribeContainerInstancesResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[13])
        }
    }

    /// `DescribeServices`.
    #[derive(Debug)]
    pub struct DescribeServices;

    impl crate::Op for DescribeServices {
        const NAME: &'static str = "DescribeServices";
        const READ_ONLY: bool = true;
        type Input = super::DescribeServicesRequest;
        type Output = super::DescribeServicesResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[14])
        }
    }

    /// `DescribeTaskDefinition`.
    #[derive(Debug)]
    pub struct DescribeTaskDefinition;

    impl crate::Op for DescribeTaskDefinition {
        const NAME: &'static str = "DescribeTaskDefinition";
        const READ_ONLY: bool = true;
        type Input = super::DescribeTaskDefinitionRequest;
        type Output = super::DescribeTaskDefinitionResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[15])
        }
    }

    /// `DescribeTasks`.
    #[derive(Debug)]
    pub struct DescribeTasks;

    impl crate::Op for DescribeTasks {
        const NAME: &'static str = "DescribeTasks";
        const READ_ONLY: bool = true;
        type Input = super::DescribeTasksRequest;
        type Output = super::DescribeTasksResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[16])
        }
    }

    /// `ListAccountSettings`.
    #[derive(Debug)]
    pub struct ListAccountSettings;

    impl crate::Op for ListAccountSettings {
        const NAME: &'static str = "ListAccountSettings";
        const READ_ONLY: bool = true;
        type Input = super::ListAccountSettingsRequest;
        type Output = super::ListAccountSettingsResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[17])
        }
    }

    /// `ListAttributes`.
    #[derive(Debug)]
    pub struct ListAttributes;

    impl crate::Op for ListAttributes {
        const NAME: &'static str = "ListAttributes";
        const READ_ONLY: bool = true;
        type Input = super::ListAttributesRequest;
        type Output = super::ListAttributesResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[18])
        }
    }

    /// `ListClusters`.
    #[derive(Debug)]
    pub struct ListClusters;

    impl crate::Op for ListClusters {
        const NAME: &'static str = "ListClusters";
        const READ_ONLY: bool = true;
        type Input = super::ListClustersRequest;
        type Output = super::ListClustersResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[19])
        }
    }

    /// `ListContainerInstances`.
    #[derive(Debug)]
    pub struct ListContainerInstances;

    impl crate::Op for ListContainerInstances {
        const NAME: &'static str = "ListContainerInstances";
        const READ_ONLY: bool = true;
        type Input = super::ListContainerInstancesRequest;
        type Output = super::ListContainerInstancesResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[20])
        }
    }

    /// `ListServices`.
    #[derive(Debug)]
    pub struct ListServices;

    impl crate::Op for ListServices {
        const NAME: &'static str = "ListServices";
        const READ_ONLY: bool = true;
        type Input = super::ListServicesRequest;
        type Output = super::ListServicesResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[21])
        }
    }

    /// `ListServicesByNamespace`.
    #[derive(Debug)]
    pub struct ListServicesByNamespace;

    impl crate::Op for ListServicesByNamespace {
        const NAME: &'static str = "ListServicesByNamespace";
        const READ_ONLY: bool = true;
        type Input = super::ListServicesByNamespaceRequest;
        type Output = super::ListServicesByNamespaceResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[22])
        }
    }

    /// `ListTagsForResource`.
    #[derive(Debug)]
    pub struct ListTagsForResource;

    impl crate::Op for ListTagsForResource {
        const NAME: &'static str = "ListTagsForResource";
        const READ_ONLY: bool = true;
        type Input = super::ListTagsForResourceRequest;
        type Output = super::ListTagsForResourceResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[23])
        }
    }

    /// `ListTaskDefinitionFamilies`.
    #[derive(Debug)]
    pub struct ListTaskDefinitionFamilies;

    impl crate::Op for ListTaskDefinitionFamilies {
        const NAME: &'static str = "ListTaskDefinitionFamilies";
        const READ_ONLY: bool = true;
        type Input = super::ListTaskDefinitionFamiliesRequest;
        type Output = super::ListTaskDefinitionFamiliesResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[24])
        }
    }

    /// `ListTaskDefinitions`.
    #[derive(Debug)]
    pub struct ListTaskDefinitions;

    impl crate::Op for ListTaskDefinitions {
        const NAME: &'static str = "ListTaskDefinitions";
        const READ_ONLY: bool = true;
        type Input = super::ListTaskDefinitionsRequest;
        type Output = super::ListTaskDefinitionsResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[25])
        }
    }

    /// `ListTasks`.
    #[derive(Debug)]
    pub struct ListTasks;

    impl crate::Op for ListTasks {
        const NAME: &'static str = "ListTasks";
        const READ_ONLY: bool = true;
        type Input = super::ListTasksRequest;
        type Output = super::ListTasksResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[26])
        }
    }

    /// `PutAccountSetting`.
    #[derive(Debug)]
    pub struct PutAccountSetting;

    impl crate::Op for PutAccountSetting {
        const NAME: &'static str = "PutAccountSetting";
        const READ_ONLY: bool = false;
        type Input = super::PutAccountSettingRequest;
        type Output = super::PutAccountSettingResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[27])
        }
    }

    /// `PutAccountSettingDefault`.
    #[derive(Debug)]
    pub struct PutAccountSettingDefault;

    impl crate::Op for PutAccountSettingDefault {
        const NAME: &'static str = "PutAccountSettingDefault";
        const READ_ONLY: bool = false;
        type Input = super::PutAccountSettingDefaultRequest;
        type Output = super::PutAccountSettingDefaultResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[28])
        }
    }

    /// `PutAttributes`.
    #[derive(Debug)]
    pub struct PutAttributes;

    impl crate::Op for PutAttributes {
        const NAME: &'static str = "PutAttributes";
        const READ_ONLY: bool = false;
        type Input = super::PutAttributesRequest;
        type Output = super::PutAttributesResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[29])
        }
    }

    /// `PutClusterCapacityProviders`.
    #[derive(Debug)]
    pub struct PutClusterCapacityProviders;

    impl crate::Op for PutClusterCapacityProviders {
        const NAME: &'static str = "PutClusterCapacityProviders";
        const READ_ONLY: bool = false;
        type Input = super::PutClusterCapacityProvidersRequest;
        type Output = super::PutClusterCapacityProvidersResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[30])
        }
    }

    /// `RegisterContainerInstance`.
    #[derive(Debug)]
    pub struct RegisterContainerInstance;

    impl crate::Op for RegisterContainerInstance {
        const NAME: &'static str = "RegisterContainerInstance";
        const READ_ONLY: bool = false;
        type Input = super::RegisterContainerInstanceRequest;
        type Output = super::RegisterContainerInstanceResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[31])
        }
    }

    /// `RegisterTaskDefinition`.
    #[derive(Debug)]
    pub struct RegisterTaskDefinition;

    impl crate::Op for RegisterTaskDefinition {
        const NAME: &'static str = "RegisterTaskDefinition";
        const READ_ONLY: bool = false;
        type Input = super::RegisterTaskDefinitionRequest;
        type Output = super::RegisterTaskDefinitionResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[32])
        }
    }

    /// `RunTask`.
    #[derive(Debug)]
    pub struct RunTask;

    impl crate::Op for RunTask {
        const NAME: &'static str = "RunTask";
        const READ_ONLY: bool = false;
        type Input = super::RunTaskRequest;
        type Output = super::RunTaskResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[33])
        }
    }

    /// `StartTask`.
    #[derive(Debug)]
    pub struct StartTask;

    impl crate::Op for StartTask {
        const NAME: &'static str = "StartTask";
        const READ_ONLY: bool = false;
        type Input = super::StartTaskRequest;
        type Output = super::StartTaskResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[34])
        }
    }

    /// `StopTask`.
    #[derive(Debug)]
    pub struct StopTask;

    impl crate::Op for StopTask {
        const NAME: &'static str = "StopTask";
        const READ_ONLY: bool = false;
        type Input = super::StopTaskRequest;
        type Output = super::StopTaskResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[35])
        }
    }

    /// `TagResource`.
    #[derive(Debug)]
    pub struct TagResource;

    impl crate::Op for TagResource {
        const NAME: &'static str = "TagResource";
        const READ_ONLY: bool = false;
        type Input = super::TagResourceRequest;
        type Output = super::TagResourceResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[36])
        }
    }

    /// `UntagResource`.
    #[derive(Debug)]
    pub struct UntagResource;

    impl crate::Op for UntagResource {
        const NAME: &'static str = "UntagResource";
        const READ_ONLY: bool = false;
        type Input = super::UntagResourceRequest;
        type Output = super::UntagResourceResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[37])
        }
    }

    /// `UpdateCapacityProvider`.
    #[derive(Debug)]
    pub struct UpdateCapacityProvider;

    impl crate::Op for UpdateCapacityProvider {
        const NAME: &'static str = "UpdateCapacityProvider";
        const READ_ONLY: bool = false;
        type Input = super::UpdateCapacityProviderRequest;
        type Output = super::UpdateCapacityProviderResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[38])
        }
    }

    /// `UpdateCluster`.
    #[derive(Debug)]
    pub struct UpdateCluster;

    impl crate::Op for UpdateCluster {
        const NAME: &'static str = "UpdateCluster";
        const READ_ONLY: bool = false;
        type Input = super::UpdateClusterRequest;
        type Output = super::UpdateClusterResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[39])
        }
    }

    /// `UpdateClusterSettings`.
    #[derive(Debug)]
    pub struct UpdateClusterSettings;

    impl crate::Op for UpdateClusterSettings {
        const NAME: &'static str = "UpdateClusterSettings";
        const READ_ONLY: bool = false;
        type Input = super::UpdateClusterSettingsRequest;
        type Output = super::UpdateClusterSettingsResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[40])
        }
    }

    /// `UpdateContainerInstancesState`.
    #[derive(Debug)]
    pub struct UpdateContainerInstancesState;

    impl crate::Op for UpdateContainerInstancesState {
        const NAME: &'static str = "UpdateContainerInstancesState";
        const READ_ONLY: bool = false;
        type Input = super::UpdateContainerInstancesStateRequest;
        type Output = super::UpdateContainerInstancesStateResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[41])
        }
    }

    /// `UpdateService`.
    #[derive(Debug)]
    pub struct UpdateService;

    impl crate::Op for UpdateService {
        const NAME: &'static str = "UpdateService";
        const READ_ONLY: bool = false;
        type Input = super::UpdateServiceRequest;
        type Output = super::UpdateServiceResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[42])
        }
    }

}

/// The errors the model names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// `AccessDeniedException`.
    AccessDeniedException,
    /// `AttributeLimitExceededException`.
    AttributeLimitExceededException,
    /// `BlockedException`.
    BlockedException,
    /// `ClientException`.
    ClientException,
    /// `ClusterContainsCapacityProviderException`.
    ClusterContainsCapacityProviderException,
    /// `ClusterContainsContainerInstancesException`.
    ClusterContainsContainerInstancesException,
    /// `ClusterContainsServicesException`.
    ClusterContainsServicesException,
    /// `ClusterContainsTasksException`.
    ClusterContainsTasksException,
    /// `ClusterNotFoundException`.
    ClusterNotFoundException,
    /// `ConflictException`.
    ConflictException,
    /// `DaemonNotActiveException`.
    DaemonNotActiveException,
    /// `DaemonNotFoundException`.
    DaemonNotFoundException,
    /// `InvalidParameterException`.
    InvalidParameterException,
    /// `LimitExceededException`.
    LimitExceededException,
    /// `MissingVersionException`.
    MissingVersionException,
    /// `NamespaceNotFoundException`.
    NamespaceNotFoundException,
    /// `NoUpdateAvailableException`.
    NoUpdateAvailableException,
    /// `PlatformTaskDefinitionIncompatibilityException`.
    PlatformTaskDefinitionIncompatibilityException,
    /// `PlatformUnknownException`.
    PlatformUnknownException,
    /// `ResourceInUseException`.
    ResourceInUseException,
    /// `ResourceNotFoundException`.
    ResourceNotFoundException,
    /// `ServerException`.
    ServerException,
    /// `ServiceDeploymentNotFoundException`.
    ServiceDeploymentNotFoundException,
    /// `ServiceNotActiveException`.
    ServiceNotActiveException,
    /// `ServiceNotFoundException`.
    ServiceNotFoundException,
    /// `TargetNotConnectedException`.
    TargetNotConnectedException,
    /// `TargetNotFoundException`.
    TargetNotFoundException,
    /// `TaskSetNotFoundException`.
    TaskSetNotFoundException,
    /// `UnsupportedFeatureException`.
    UnsupportedFeatureException,
    /// `UpdateInProgressException`.
    UpdateInProgressException,
}

impl Error {
    /// The code the wire carries.
    pub const fn code(self) -> &'static str {
        match self {
            Self::AccessDeniedException => "AccessDeniedException",
            Self::AttributeLimitExceededException => "AttributeLimitExceededException",
            Self::BlockedException => "BlockedException",
            Self::ClientException => "ClientException",
            Self::ClusterContainsCapacityProviderException => "ClusterContainsCapacityProviderException",
            Self::ClusterContainsContainerInstancesException => "ClusterContainsContainerInstancesException",
            Self::ClusterContainsServicesException => "ClusterContainsServicesException",
            Self::ClusterContainsTasksException => "ClusterContainsTasksException",
            Self::ClusterNotFoundException => "ClusterNotFoundException",
            Self::ConflictException => "ConflictException",
            Self::DaemonNotActiveException => "DaemonNotActiveException",
            Self::DaemonNotFoundException => "DaemonNotFoundException",
            Self::InvalidParameterException => "InvalidParameterException",
            Self::LimitExceededException => "LimitExceededException",
            Self::MissingVersionException => "MissingVersionException",
            Self::NamespaceNotFoundException => "NamespaceNotFoundException",
            Self::NoUpdateAvailableException => "NoUpdateAvailableException",
            Self::PlatformTaskDefinitionIncompatibilityException => "PlatformTaskDefinitionIncompatibilityException",
            Self::PlatformUnknownException => "PlatformUnknownException",
            Self::ResourceInUseException => "ResourceInUseException",
            Self::ResourceNotFoundException => "ResourceNotFoundException",
            Self::ServerException => "ServerException",
            Self::ServiceDeploymentNotFoundException => "ServiceDeploymentNotFoundException",
            Self::ServiceNotActiveException => "ServiceNotActiveException",
            Self::ServiceNotFoundException => "ServiceNotFoundException",
            Self::TargetNotConnectedException => "TargetNotConnectedException",
            Self::TargetNotFoundException => "TargetNotFoundException",
            Self::TaskSetNotFoundException => "TaskSetNotFoundException",
            Self::UnsupportedFeatureException => "UnsupportedFeatureException",
            Self::UpdateInProgressException => "UpdateInProgressException",
        }
    }

    /// The HTTP status.
    pub const fn status(self) -> u16 {
        match self {
            Self::AccessDeniedException => 400,
            Self::AttributeLimitExceededException => 400,
            Self::BlockedException => 400,
            Self::ClientException => 400,
            Self::ClusterContainsCapacityProviderException => 400,
            Self::ClusterContainsContainerInstancesException => 400,
            Self::ClusterContainsServicesException => 400,
            Self::ClusterContainsTasksException => 400,
            Self::ClusterNotFoundException => 400,
            Self::ConflictException => 400,
            Self::DaemonNotActiveException => 400,
            Self::DaemonNotFoundException => 400,
            Self::InvalidParameterException => 400,
            Self::LimitExceededException => 400,
            Self::MissingVersionException => 400,
            Self::NamespaceNotFoundException => 400,
            Self::NoUpdateAvailableException => 400,
            Self::PlatformTaskDefinitionIncompatibilityException => 400,
            Self::PlatformUnknownException => 400,
            Self::ResourceInUseException => 400,
            Self::ResourceNotFoundException => 400,
            Self::ServerException => 500,
            Self::ServiceDeploymentNotFoundException => 400,
            Self::ServiceNotActiveException => 400,
            Self::ServiceNotFoundException => 400,
            Self::TargetNotConnectedException => 400,
            Self::TargetNotFoundException => 400,
            Self::TaskSetNotFoundException => 400,
            Self::UnsupportedFeatureException => 400,
            Self::UpdateInProgressException => 400,
        }
    }

    /// The error with `message`.
    pub fn with(self, message: impl Into<String>) -> neargate_common::AwsError {
        crate::error_with(self.status(), self.code(), message)
    }
}

/// Runs `operation` on `service`, which handles every operation in `served.txt`; `None` for
/// any other.
pub fn dispatch<S, C: ?Sized>(
    service: &S,
    caller: &C,
    operation: &str,
    input: &serde_json::Map<String, serde_json::Value>,
    authorize: &mut crate::Authorize<'_>,
) -> Option<Result<crate::Answer, crate::Failure>>
where
    S: ?Sized
        + crate::Handler<ops::CreateCapacityProvider, C>
        + crate::Handler<ops::CreateCluster, C>
        + crate::Handler<ops::CreateService, C>
        + crate::Handler<ops::DeleteAccountSetting, C>
        + crate::Handler<ops::DeleteAttributes, C>
        + crate::Handler<ops::DeleteCapacityProvider, C>
        + crate::Handler<ops::DeleteCluster, C>
        + crate::Handler<ops::DeleteService, C>
        + crate::Handler<ops::DeleteTaskDefinitions, C>
        + crate::Handler<ops::DeregisterContainerInstance, C>
        + crate::Handler<ops::DeregisterTaskDefinition, C>
        + crate::Handler<ops::DescribeCapacityProviders, C>
        + crate::Handler<ops::DescribeClusters, C>
        + crate::Handler<ops::DescribeContainerInstances, C>
        + crate::Handler<ops::DescribeServices, C>
        + crate::Handler<ops::DescribeTaskDefinition, C>
        + crate::Handler<ops::DescribeTasks, C>
        + crate::Handler<ops::ListAccountSettings, C>
        + crate::Handler<ops::ListAttributes, C>
        + crate::Handler<ops::ListClusters, C>
        + crate::Handler<ops::ListContainerInstances, C>
        + crate::Handler<ops::ListServices, C>
        + crate::Handler<ops::ListServicesByNamespace, C>
        + crate::Handler<ops::ListTagsForResource, C>
        + crate::Handler<ops::ListTaskDefinitionFamilies, C>
        + crate::Handler<ops::ListTaskDefinitions, C>
        + crate::Handler<ops::ListTasks, C>
        + crate::Handler<ops::PutAccountSetting, C>
        + crate::Handler<ops::PutAccountSettingDefault, C>
        + crate::Handler<ops::PutAttributes, C>
        + crate::Handler<ops::PutClusterCapacityProviders, C>
        + crate::Handler<ops::RegisterContainerInstance, C>
        + crate::Handler<ops::RegisterTaskDefinition, C>
        + crate::Handler<ops::RunTask, C>
        + crate::Handler<ops::StartTask, C>
        + crate::Handler<ops::StopTask, C>
        + crate::Handler<ops::TagResource, C>
        + crate::Handler<ops::UntagResource, C>
        + crate::Handler<ops::UpdateCapacityProvider, C>
        + crate::Handler<ops::UpdateCluster, C>
        + crate::Handler<ops::UpdateClusterSettings, C>
        + crate::Handler<ops::UpdateContainerInstancesState, C>
        + crate::Handler<ops::UpdateService, C>
{
    Some(match operation {
        "CreateCapacityProvider" => crate::run::<ops::CreateCapacityProvider, S, C>(service, caller, input, authorize),
        "CreateCluster" => crate::run::<ops::CreateCluster, S, C>(service, caller, input, authorize),
        "CreateService" => crate::run::<ops::CreateService, S, C>(service, caller, input, authorize),
        "DeleteAccountSetting" => crate::run::<ops::DeleteAccountSetting, S, C>(service, caller, input, authorize),
        "DeleteAttributes" => crate::run::<ops::DeleteAttributes, S, C>(service, caller, input, authorize),
        "DeleteCapacityProvider" => crate::run::<ops::DeleteCapacityProvider, S, C>(service, caller, input, authorize),
        "DeleteCluster" => crate::run::<ops::DeleteCluster, S, C>(service, caller, input, authorize),
        "DeleteService" => crate::run::<ops::DeleteService, S, C>(service, caller, input, authorize),
        "DeleteTaskDefinitions" => crate::run::<ops::DeleteTaskDefinitions, S, C>(service, caller, input, authorize),
        "DeregisterContainerInstance" => crate::run::<ops::DeregisterContainerInstance, S, C>(service, caller, input, authorize),
        "DeregisterTaskDefinition" => crate::run::<ops::DeregisterTaskDefinition, S, C>(service, caller, input, authorize),
        "DescribeCapacityProviders" => crate::run::<ops::DescribeCapacityProviders, S, C>(service, caller, input, authorize),
        "DescribeClusters" => crate::run::<ops::DescribeClusters, S, C>(service, caller, input, authorize),
        "DescribeContainerInstances" => crate::run::<ops::DescribeContainerInstances, S, C>(service, caller, input, authorize),
        "DescribeServices" => crate::run::<ops::DescribeServices, S, C>(service, caller, input, authorize),
        "DescribeTaskDefinition" => crate::run::<ops::DescribeTaskDefinition, S, C>(service, caller, input, authorize),
        "DescribeTasks" => crate::run::<ops::DescribeTasks, S, C>(service, caller, input, authorize),
        "ListAccountSettings" => crate::run::<ops::ListAccountSettings, S, C>(service, caller, input, authorize),
        "ListAttributes" => crate::run::<ops::ListAttributes, S, C>(service, caller, input, authorize),
        "ListClusters" => crate::run::<ops::ListClusters, S, C>(service, caller, input, authorize),
        "ListContainerInstances" => crate::run::<ops::ListContainerInstances, S, C>(service, caller, input, authorize),
        "ListServices" => crate::run::<ops::ListServices, S, C>(service, caller, input, authorize),
        "ListServicesByNamespace" => crate::run::<ops::ListServicesByNamespace, S, C>(service, caller, input, authorize),
        "ListTagsForResource" => crate::run::<ops::ListTagsForResource, S, C>(service, caller, input, authorize),
        "ListTaskDefinitionFamilies" => crate::run::<ops::ListTaskDefinitionFamilies, S, C>(service, caller, input, authorize),
        "ListTaskDefinitions" => crate::run::<ops::ListTaskDefinitions, S, C>(service, caller, input, authorize),
        "ListTasks" => crate::run::<ops::ListTasks, S, C>(service, caller, input, authorize),
        "PutAccountSetting" => crate::run::<ops::PutAccountSetting, S, C>(service, caller, input, authorize),
        "PutAccountSettingDefault" => crate::run::<ops::PutAccountSettingDefault, S, C>(service, caller, input, authorize),
        "PutAttributes" => crate::run::<ops::PutAttributes, S, C>(service, caller, input, authorize),
        "PutClusterCapacityProviders" => crate::run::<ops::PutClusterCapacityProviders, S, C>(service, caller, input, authorize),
        "RegisterContainerInstance" => crate::run::<ops::RegisterContainerInstance, S, C>(service, caller, input, authorize),
        "RegisterTaskDefinition" => crate::run::<ops::RegisterTaskDefinition, S, C>(service, caller, input, authorize),
        "RunTask" => crate::run::<ops::RunTask, S, C>(service, caller, input, authorize),
        "StartTask" => crate::run::<ops::StartTask, S, C>(service, caller, input, authorize),
        "StopTask" => crate::run::<ops::StopTask, S, C>(service, caller, input, authorize),
        "TagResource" => crate::run::<ops::TagResource, S, C>(service, caller, input, authorize),
        "UntagResource" => crate::run::<ops::UntagResource, S, C>(service, caller, input, authorize),
        "UpdateCapacityProvider" => crate::run::<ops::UpdateCapacityProvider, S, C>(service, caller, input, authorize),
        "UpdateCluster" => crate::run::<ops::UpdateCluster, S, C>(service, caller, input, authorize),
        "UpdateClusterSettings" => crate::run::<ops::UpdateClusterSettings, S, C>(service, caller, input, authorize),
        "UpdateContainerInstancesState" => crate::run::<ops::UpdateContainerInstancesState, S, C>(service, caller, input, authorize),
        "UpdateService" => crate::run::<ops::UpdateService, S, C>(service, caller, input, authorize),
        _ => return None,
    })
}
