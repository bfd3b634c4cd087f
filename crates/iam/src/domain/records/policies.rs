//! Policies as stored: inline policies and who holds them, managed policies and their
//! versions, and the index of managed policies used as permissions boundaries.

use neargate_common::Timestamp;
use neargate_store::{Read, Table};
use serde::{Deserialize, Serialize};

use super::IamError;

/// A policy embedded in a user or a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InlinePolicy {
    /// The policy name.
    pub name: String,
    /// The document as given.
    pub document: String,
}

pub(crate) const USER_POLICIES: Table<InlinePolicy> = Table::new("iam.user_policies", 1);
pub(crate) const ROLE_POLICIES: Table<InlinePolicy> = Table::new("iam.role_policies", 1);
pub(crate) const GROUP_POLICIES: Table<InlinePolicy> = Table::new("iam.group_policies", 1);

/// Who holds inline policies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder<'a> {
    /// The user `name` of `account`.
    User {
        /// The account.
        account: &'a str,
        /// The user name.
        name: &'a str,
    },
    /// The role `name` of `account`.
    Role {
        /// The account.
        account: &'a str,
        /// The role name.
        name: &'a str,
    },
    /// The group `name` of `account`.
    Group {
        /// The account.
        account: &'a str,
        /// The group name.
        name: &'a str,
    },
}

impl<'a> Holder<'a> {
    pub(crate) fn table(self) -> &'static Table<InlinePolicy> {
        match self {
            Self::User { .. } => &USER_POLICIES,
            Self::Role { .. } => &ROLE_POLICIES,
            Self::Group { .. } => &GROUP_POLICIES,
        }
    }

    pub(crate) fn prefix(self) -> Vec<u8> {
        let (Self::User { account, name }
        | Self::Role { account, name }
        | Self::Group { account, name }) = self;
        format!("{account}/{name}/").into_bytes()
    }

    /// `user` or `role`.
    pub(crate) fn kind(self) -> &'static str {
        match self {
            Self::User { .. } => "user",
            Self::Role { .. } => "role",
            Self::Group { .. } => "group",
        }
    }

    /// The holder's name.
    pub(crate) fn name(self) -> &'a str {
        let (Self::User { name, .. } | Self::Role { name, .. } | Self::Group { name, .. }) = self;
        name
    }

    /// The holder's account.
    pub fn account(self) -> &'a str {
        let (Self::User { account, .. } | Self::Role { account, .. } | Self::Group { account, .. }) =
            self;
        account
    }

    pub(crate) fn key(self, policy: &str) -> Vec<u8> {
        [self.prefix(), policy.as_bytes().to_vec()].concat()
    }

    /// IAM's quota on the total size of a holder's inline policies (white space aside).
    pub(crate) fn quota(self) -> usize {
        match self {
            Self::User { .. } => 2_048,
            Self::Role { .. } => 10_240,
            Self::Group { .. } => 5_120,
        }
    }

    pub(crate) fn describe(self) -> String {
        format!("{} {}", self.kind(), self.name())
    }

    pub(crate) fn missing(self, policy: &str) -> IamError {
        IamError::NoSuchEntity(format!(
            "The {} policy with name {policy} cannot be found.",
            self.kind()
        ))
    }
}

/// The owner AWS managed policies are stored under, in place of an account.
pub(crate) const AWS_OWNER: &str = "aws";

/// One version of a managed policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyVersion {
    /// The version number (`v1` is 1).
    pub number: u32,
    /// The document as given.
    pub document: String,
    /// When it was created.
    pub created: Timestamp,
}

/// A managed policy: a customer managed one, or an AWS managed one (account `aws`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedPolicy {
    /// The owning account (`aws` for an AWS managed policy).
    pub account: String,
    /// The policy name.
    pub name: String,
    /// The unique id, `ANPA…`.
    pub policy_id: String,
    /// The IAM path.
    pub path: String,
    /// The description, if given.
    pub description: Option<String>,
    /// The version in force.
    pub default_version: u32,
    /// Every version kept (at most five).
    pub versions: Vec<PolicyVersion>,
    /// When it was created.
    pub created: Timestamp,
    /// When a version was last added or made the default.
    pub updated: Timestamp,
}

impl ManagedPolicy {
    /// `arn:aws:iam::<account>:policy<path><name>`.
    pub fn arn(&self) -> String {
        format!(
            "arn:aws:iam::{}:policy{}{}",
            self.account, self.path, self.name
        )
    }

    /// Whether AWS owns it: it can be used, not changed.
    pub fn is_aws_managed(&self) -> bool {
        self.account == AWS_OWNER
    }

    /// The version in force.
    pub fn default(&self) -> Option<&PolicyVersion> {
        self.versions
            .iter()
            .find(|v| v.number == self.default_version)
    }
}

pub(crate) const MANAGED: Table<ManagedPolicy> = Table::new("iam.managed_policies", 1);
/// Uses of policies as boundaries, keys only: `account/policy name/kind/holder name`.
pub(crate) const USES: Table<()> = Table::new("iam.boundary_uses", 1);

pub(crate) fn uses_prefix(account: &str, policy: &str) -> Vec<u8> {
    format!("{account}/{policy}/").into_bytes()
}

pub(crate) fn use_key(holder: Holder<'_>, policy: &str) -> Vec<u8> {
    let mut key = uses_prefix(holder.account(), policy);
    key.extend_from_slice(format!("{}/{}", holder.kind(), holder.name()).as_bytes());
    key
}

/// How many users and roles have the managed policy `name` of `account` as their boundary.
pub(crate) fn uses(tx: &impl Read, account: &str, name: &str) -> neargate_store::Result<usize> {
    Ok(tx.prefix(&USES, &uses_prefix(account, name))?.len())
}
