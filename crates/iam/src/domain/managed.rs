//! Managed policies: standalone, versioned policies attached to users and roles.

use std::sync::Arc;

use neargate_common::{Timestamp, ids};
use neargate_policy::{Policy, PolicyUse};
use neargate_store::{Read, ReadTx, Table, WriteTx};
use serde::{Deserialize, Serialize};

use crate::Iam;
use crate::domain::boundaries;
use crate::domain::inline::Holder;
use crate::domain::users::IamError;

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

/// A customer managed policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedPolicy {
    /// The owning account.
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

    /// The version in force.
    pub fn default(&self) -> Option<&PolicyVersion> {
        self.versions
            .iter()
            .find(|v| v.number == self.default_version)
    }
}

pub(crate) const MANAGED: Table<ManagedPolicy> = Table::new("iam.managed_policies", 1);
/// Attachments, keys only, in both directions: `h/<holder>/<policy>` and `p/<policy>/<holder>`.
pub(crate) const ATTACHED: Table<()> = Table::new("iam.attachments", 1);

/// Versions a managed policy keeps, and policies a user or role may have attached, as on AWS.
const MAX_VERSIONS: usize = 5;
const MAX_ATTACHED: usize = 10;

fn policy_key(account: &str, name: &str) -> Vec<u8> {
    format!("{account}/{name}").into_bytes()
}

fn holder_prefix(holder: Holder<'_>) -> Vec<u8> {
    format!(
        "h/{}/{}/{}/",
        holder.account(),
        holder.kind(),
        holder.name()
    )
    .into_bytes()
}

fn policy_prefix(account: &str, name: &str) -> Vec<u8> {
    format!("p/{account}/{name}/").into_bytes()
}

fn not_found(arn: &str) -> IamError {
    IamError::NoSuchEntity(format!("Policy {arn} does not exist or is not attachable."))
}

/// The managed policy's version in force, parsed (every version was validated when stored).
fn parsed_default(policy: &ManagedPolicy) -> Option<Arc<Policy>> {
    let document = &policy.default()?.document;
    neargate_policy::parse(document, PolicyUse::Identity)
        .ok()
        .map(Arc::new)
}

/// The default documents of the managed policies attached to `holder`, parsed.
pub(crate) fn attached_policies(
    tx: &ReadTx<'_>,
    holder: Holder<'_>,
) -> neargate_store::Result<Vec<Arc<Policy>>> {
    let prefix = holder_prefix(holder);
    let mut out = Vec::new();
    for (key, ()) in tx.prefix(&ATTACHED, &prefix)? {
        let name = String::from_utf8_lossy(&key[prefix.len()..]).into_owned();
        let policy = tx.get(&MANAGED, &policy_key(holder.account(), &name))?;
        out.extend(policy.as_ref().and_then(parsed_default));
    }
    Ok(out)
}

/// The name of the customer managed policy of `account` that `arn` names (its last segment).
fn name_in_arn<'a>(account: &str, arn: &'a str) -> Option<&'a str> {
    arn.strip_prefix("arn:aws:iam::")?
        .strip_prefix(account)?
        .strip_prefix(":policy/")?
        .rsplit('/')
        .next()
}

/// The managed policy of `account` that `arn` names, path included, if there is one.
pub(crate) fn by_arn(
    tx: &impl Read,
    account: &str,
    arn: &str,
) -> neargate_store::Result<Option<ManagedPolicy>> {
    let Some(name) = name_in_arn(account, arn) else {
        return Ok(None);
    };
    Ok(tx
        .get(&MANAGED, &policy_key(account, name))?
        .filter(|p| p.arn() == arn))
}

/// The version in force of the managed policy `arn` names in `account`, parsed, for a policy
/// that limits a principal (a boundary, a session policy): one that cannot be read (deleted
/// since, or never there) allows nothing, so a lost limit never widens access.
pub(crate) fn limit_by_arn(
    tx: &ReadTx<'_>,
    account: &str,
    arn: &str,
) -> neargate_store::Result<Arc<Policy>> {
    let policy = by_arn(tx, account, arn)?.as_ref().and_then(parsed_default);
    Ok(policy.unwrap_or_else(|| Arc::new(Policy::allowing_nothing())))
}

/// How a managed policy is used: `AttachmentCount` and `PermissionsBoundaryUsageCount`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PolicyUsage {
    /// Users, groups and roles it is attached to.
    pub attachments: usize,
    /// Users and roles it is the permissions boundary of.
    pub boundaries: usize,
}

fn usage(tx: &impl Read, account: &str, name: &str) -> neargate_store::Result<PolicyUsage> {
    Ok(PolicyUsage {
        attachments: tx.prefix(&ATTACHED, &policy_prefix(account, name))?.len(),
        boundaries: boundaries::uses(tx, account, name)?,
    })
}

impl Iam {
    /// Creates the managed policy `name` in `account` with `document` as version 1.
    pub fn create_policy(
        &self,
        account: &str,
        name: &str,
        path: &str,
        document: &str,
        description: Option<&str>,
    ) -> Result<ManagedPolicy, IamError> {
        neargate_policy::parse(document, PolicyUse::Identity)
            .map_err(|e| IamError::MalformedPolicy(e.0))?;
        let now = self.clock.now();
        let policy = ManagedPolicy {
            account: account.to_owned(),
            name: name.to_owned(),
            policy_id: ids::prefixed_id("ANPA"),
            path: path.to_owned(),
            description: description.map(str::to_owned),
            default_version: 1,
            versions: vec![PolicyVersion {
                number: 1,
                document: document.to_owned(),
                created: now,
            }],
            created: now,
            updated: now,
        };
        self.store.write(|tx| {
            if tx.get(&MANAGED, &policy_key(account, name))?.is_some() {
                return Ok(Err(IamError::AlreadyExists(format!(
                    "A policy called {name} already exists. Duplicate names are not allowed."
                ))));
            }
            tx.put(&MANAGED, &policy_key(account, name), &policy)?;
            Ok(Ok(policy))
        })?
    }

    /// The managed policy `arn` names in `account`, with how it is used.
    pub fn policy(
        &self,
        account: &str,
        arn: &str,
    ) -> Result<(ManagedPolicy, PolicyUsage), IamError> {
        self.store
            .read(|tx| {
                let Some(policy) = by_arn(tx, account, arn)? else {
                    return Ok(None);
                };
                let usage = usage(tx, account, &policy.name)?;
                Ok(Some((policy, usage)))
            })?
            .ok_or_else(|| not_found(arn))
    }

    /// The managed policies of `account` with how each is used, by name.
    pub fn list_policies(
        &self,
        account: &str,
    ) -> Result<Vec<(ManagedPolicy, PolicyUsage)>, IamError> {
        Ok(self.store.read(|tx| {
            let policies = tx.prefix(&MANAGED, format!("{account}/").as_bytes())?;
            policies
                .into_iter()
                .map(|(_, p)| Ok((usage(tx, account, &p.name)?, p)))
                .map(|r: neargate_store::Result<_>| r.map(|(u, p)| (p, u)))
                .collect()
        })?)
    }

    /// Adds a version to the policy `arn`, making it the default if asked.
    pub fn create_policy_version(
        &self,
        account: &str,
        arn: &str,
        document: &str,
        set_default: bool,
    ) -> Result<PolicyVersion, IamError> {
        neargate_policy::parse(document, PolicyUse::Identity)
            .map_err(|e| IamError::MalformedPolicy(e.0))?;
        let (mut policy, _) = self.policy(account, arn)?;
        if policy.versions.len() >= MAX_VERSIONS {
            return Err(IamError::LimitExceeded(format!(
                "A managed policy can have up to {MAX_VERSIONS} versions. Before you create a new version, you must delete an existing version."
            )));
        }
        let now = self.clock.now();
        let version = PolicyVersion {
            number: policy.versions.iter().map(|v| v.number).max().unwrap_or(0) + 1,
            document: document.to_owned(),
            created: now,
        };
        policy.versions.push(version.clone());
        if set_default {
            policy.default_version = version.number;
        }
        policy.updated = now;
        self.store
            .write(|tx| tx.put(&MANAGED, &policy_key(account, &policy.name), &policy))?;
        Ok(version)
    }

    /// Deletes the policy `arn`, which must be attached to nothing and be no permissions
    /// boundary, as on AWS.
    pub fn delete_policy(&self, account: &str, arn: &str) -> Result<(), IamError> {
        let (policy, usage) = self.policy(account, arn)?;
        if usage != PolicyUsage::default() {
            return Err(IamError::DeleteConflict(
                "Cannot delete a policy attached to entities.".into(),
            ));
        }
        self.store
            .write(|tx| tx.delete(&MANAGED, &policy_key(account, &policy.name)))?;
        Ok(())
    }

    /// Attaches the policy `arn` to `holder`.
    pub fn attach_policy(&self, holder: Holder<'_>, arn: &str) -> Result<(), IamError> {
        let (policy, _) = self.policy(holder.account(), arn)?;
        self.store.write(|tx| {
            let held = tx.prefix(&ATTACHED, &holder_prefix(holder))?.len();
            if held >= MAX_ATTACHED && !is_attached(tx, holder, &policy.name)? {
                return Ok(Err(IamError::LimitExceeded(format!(
                    "Cannot exceed quota for PoliciesPerEntity: {MAX_ATTACHED}"
                ))));
            }
            set_attached(tx, holder, &policy.name, true)?;
            Ok(Ok(()))
        })?
    }

    /// Detaches the policy `arn` from `holder`.
    pub fn detach_policy(&self, holder: Holder<'_>, arn: &str) -> Result<(), IamError> {
        let name = name_in_arn(holder.account(), arn).ok_or_else(|| not_found(arn))?;
        self.store.write(|tx| {
            if !is_attached(tx, holder, name)? {
                return Ok(Err(IamError::NoSuchEntity(format!(
                    "Policy {arn} was not found."
                ))));
            }
            set_attached(tx, holder, name, false)?;
            Ok(Ok(()))
        })?
    }

    /// The managed policies attached to `holder`.
    pub fn attached_to(&self, holder: Holder<'_>) -> Result<Vec<ManagedPolicy>, IamError> {
        let prefix = holder_prefix(holder);
        Ok(self.store.read(|tx| {
            let mut out = Vec::new();
            for (key, ()) in tx.prefix(&ATTACHED, &prefix)? {
                let name = String::from_utf8_lossy(&key[prefix.len()..]).into_owned();
                out.extend(tx.get(&MANAGED, &policy_key(holder.account(), &name))?);
            }
            Ok(out)
        })?)
    }

    /// Whether any managed policy is attached to `holder`.
    pub(crate) fn has_attached_policies(&self, holder: Holder<'_>) -> Result<bool, IamError> {
        Ok(!self
            .store
            .read(|tx| tx.prefix(&ATTACHED, &holder_prefix(holder)))?
            .is_empty())
    }
}

fn is_attached(tx: &WriteTx<'_>, holder: Holder<'_>, name: &str) -> neargate_store::Result<bool> {
    Ok(tx
        .get(
            &ATTACHED,
            &[holder_prefix(holder), name.as_bytes().to_vec()].concat(),
        )?
        .is_some())
}

fn set_attached(
    tx: &mut WriteTx<'_>,
    holder: Holder<'_>,
    name: &str,
    attached: bool,
) -> neargate_store::Result<()> {
    let forward = [holder_prefix(holder), name.as_bytes().to_vec()].concat();
    let backward = [
        policy_prefix(holder.account(), name),
        format!("{}/{}", holder.kind(), holder.name()).into_bytes(),
    ]
    .concat();
    if attached {
        tx.put(&ATTACHED, &forward, &())?;
        tx.put(&ATTACHED, &backward, &())
    } else {
        tx.delete(&ATTACHED, &forward)?;
        tx.delete(&ATTACHED, &backward).map(|_| ())
    }
}
