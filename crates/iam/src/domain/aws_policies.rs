//! AWS managed policies: the policies every account can attach, under
//! `arn:aws:iam::aws:policy/…`. Neargate carries the ones that matter for its services, each as
//! AWS defines its version in force; they can be read, attached, used as permissions boundaries
//! and session policies, but not changed or deleted.

use std::sync::LazyLock;

use neargate_common::Timestamp;
use neargate_common::ids::BASE32;
use sha2::{Digest, Sha256};

use crate::domain::records::{AWS_OWNER, ManagedPolicy, PolicyVersion};

/// The start of every AWS managed policy's ARN.
pub(crate) const ARN_PREFIX: &str = "arn:aws:iam::aws:policy/";

/// One policy of the catalogue, as AWS publishes it.
struct Entry {
    name: &'static str,
    path: &'static str,
    description: &'static str,
    /// The number of the version in force (`v12` is 12).
    version: u32,
    /// Creation and last update, in seconds since the epoch.
    created: i64,
    updated: i64,
    document: &'static str,
}

const CATALOGUE: &[Entry] = &[
    Entry {
        name: "AdministratorAccess",
        path: "/",
        description: "Provides full access to AWS services and resources.",
        version: 1,
        created: 1_423_247_986,
        updated: 1_423_247_986,
        document: r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
    },
    Entry {
        name: "PowerUserAccess",
        path: "/",
        description: "Provides full access to AWS services and resources, but does not allow management of Users and groups.",
        version: 12,
        created: 1_423_247_987,
        updated: 1_770_919_154,
        document: r#"{"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","NotAction":["iam:*","organizations:*","account:*"],"Resource":"*"},
            {"Effect":"Allow","Action":["account:GetAccountInformation","account:GetGovCloudAccountInformation",
                "account:GetPrimaryEmail","account:ListRegions","iam:CreateServiceLinkedRole",
                "iam:DeleteServiceLinkedRole","iam:ListRoles","organizations:DescribeEffectivePolicy",
                "organizations:DescribeOrganization"],"Resource":"*"}]}"#,
    },
    Entry {
        name: "IAMReadOnlyAccess",
        path: "/",
        description: "Provides read only access to IAM via the AWS Management Console.",
        version: 4,
        created: 1_423_248_039,
        updated: 1_516_907_487,
        document: r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[
            "iam:GenerateCredentialReport","iam:GenerateServiceLastAccessedDetails","iam:Get*","iam:List*",
            "iam:SimulateCustomPolicy","iam:SimulatePrincipalPolicy"],"Resource":"*"}]}"#,
    },
    Entry {
        name: "AWSKeyManagementServicePowerUser",
        path: "/",
        description: "Provides access to AWS Key Management Service (KMS).",
        version: 2,
        created: 1_423_248_040,
        updated: 1_488_848_111,
        document: r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[
            "kms:CreateAlias","kms:CreateKey","kms:DeleteAlias","kms:Describe*","kms:GenerateRandom",
            "kms:Get*","kms:List*","kms:TagResource","kms:UntagResource","iam:ListGroups","iam:ListRoles",
            "iam:ListUsers"],"Resource":"*"}]}"#,
    },
    Entry {
        name: "AWSCloudTrail_ReadOnlyAccess",
        path: "/",
        description: "Provides read only access to AWS CloudTrail.",
        version: 1,
        created: 1_655_227_145,
        updated: 1_655_227_145,
        document: r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[
            "cloudtrail:Get*","cloudtrail:Describe*","cloudtrail:List*","cloudtrail:LookupEvents"],
            "Resource":"*"}]}"#,
    },
    Entry {
        name: "AmazonECSTaskExecutionRolePolicy",
        path: "/service-role/",
        description: "Provides access to other AWS service resources that are required to run Amazon ECS tasks",
        version: 1,
        created: 1_510_858_102,
        updated: 1_510_858_102,
        document: r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[
            "ecr:GetAuthorizationToken","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer",
            "ecr:BatchGetImage","logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}"#,
    },
    Entry {
        name: "AmazonEC2ContainerServiceEventsRole",
        path: "/service-role/",
        description: "Policy to enable CloudWatch Events for EC2 Container Service",
        version: 3,
        created: 1_496_163_095,
        updated: 1_678_141_512,
        document: r#"{"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","Action":["ecs:RunTask"],"Resource":["*"]},
            {"Effect":"Allow","Action":"iam:PassRole","Resource":["*"],
             "Condition":{"StringLike":{"iam:PassedToService":"ecs-tasks.amazonaws.com"}}},
            {"Effect":"Allow","Action":"ecs:TagResource","Resource":"*",
             "Condition":{"StringEquals":{"ecs:CreateAction":["RunTask"]}}}]}"#,
    },
    Entry {
        name: "AmazonEC2ContainerServiceforEC2Role",
        path: "/service-role/",
        description: "Default policy for the Amazon EC2 Role for Amazon EC2 Container Service.",
        version: 10,
        created: 1_426_790_718,
        updated: 1_770_919_192,
        document: r#"{"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","Action":["ec2:DescribeTags","ecs:CreateCluster","ecs:DeregisterContainerInstance",
                "ecs:DiscoverPollEndpoint","ecs:Poll","ecs:RegisterContainerInstance","ecs:StartTelemetrySession",
                "ecs:UpdateContainerInstancesState","ecs:Submit*","ecr:GetAuthorizationToken",
                "ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:BatchGetImage",
                "logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"},
            {"Effect":"Allow","Action":"ecs:TagResource","Resource":"*",
             "Condition":{"StringEquals":{"ecs:CreateAction":["CreateCluster","RegisterContainerInstance"]}}},
            {"Effect":"Allow","Action":["ecs:ListTagsForResource"],
             "Resource":["arn:aws:ecs:*:*:task/*/*","arn:aws:ecs:*:*:container-instance/*/*"]}]}"#,
    },
];

/// A stable `ANPA…` id for the policy `name`, the same on every server.
fn policy_id(name: &str) -> String {
    let digest = Sha256::digest(format!("aws-managed-policy/{name}"));
    let tail: String = digest
        .iter()
        .take(16)
        .map(|b| char::from(BASE32[usize::from(b % 32)]))
        .collect();
    format!("ANPA{tail}")
}

impl Entry {
    fn policy(&self) -> ManagedPolicy {
        let updated = Timestamp::from_secs(self.updated);
        ManagedPolicy {
            account: AWS_OWNER.to_owned(),
            name: self.name.to_owned(),
            policy_id: policy_id(self.name),
            path: self.path.to_owned(),
            description: Some(self.description.to_owned()),
            default_version: self.version,
            versions: vec![PolicyVersion {
                number: self.version,
                document: self.document.to_owned(),
                created: updated,
            }],
            created: Timestamp::from_secs(self.created),
            updated,
        }
    }
}

static POLICIES: LazyLock<Vec<ManagedPolicy>> =
    LazyLock::new(|| CATALOGUE.iter().map(Entry::policy).collect());

/// Every AWS managed policy Neargate carries, by name.
pub(crate) fn all() -> &'static [ManagedPolicy] {
    &POLICIES
}

/// The AWS managed policy called `name`.
pub(crate) fn named(name: &str) -> Option<&'static ManagedPolicy> {
    POLICIES.iter().find(|p| p.name == name)
}

/// The AWS managed policy `arn` names exactly (path included).
pub(crate) fn by_arn(arn: &str) -> Option<&'static ManagedPolicy> {
    let name = arn.strip_prefix(ARN_PREFIX)?.rsplit('/').next()?;
    named(name).filter(|p| p.arn() == arn)
}

#[cfg(test)]
mod tests {
    use neargate_policy::PolicyUse;

    use super::*;

    #[test]
    fn every_catalogued_policy_parses_and_is_found_by_its_arn_only() {
        for policy in all() {
            let document = &policy.default().expect("a version in force").document;
            neargate_policy::parse(document, PolicyUse::Identity)
                .unwrap_or_else(|e| panic!("{}: {}", policy.name, e.0));
            assert_eq!(by_arn(&policy.arn()), Some(policy));
            assert!(policy.policy_id.starts_with("ANPA") && policy.policy_id.len() == 20);
        }
        let execution = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
        assert!(by_arn(execution).is_some());
        assert!(by_arn("arn:aws:iam::aws:policy/AmazonECSTaskExecutionRolePolicy").is_none());
        assert!(by_arn("arn:aws:iam::123456789012:policy/AdministratorAccess").is_none());
        assert_ne!(
            policy_id("AdministratorAccess"),
            policy_id("PowerUserAccess")
        );
    }
}
