//! Managed policies: standalone, versioned policies attached to users, groups and roles, the
//! account's own (customer managed) and AWS's (`aws_policies`).

use std::sync::Arc;

use neargate_common::ids;
use neargate_policy::{Policy, PolicyUse};
use neargate_store::{Read, ReadTx, Table, WriteTx};

use crate::Iam;
use crate::domain::aws_policies;
use crate::domain::records::Holder;
use crate::domain::records::IamError;
use crate::domain::records::{MANAGED, ManagedPolicy, PolicyVersion};

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

/// What attachments and boundary uses record for an AWS managed policy: `aws:` and its name
/// (IAM policy names cannot hold a colon, so it never meets a customer policy's name).
const AWS_MARK: &str = "aws:";

/// The name attachments and boundary uses record for `policy`.
pub(crate) fn stored_name(policy: &ManagedPolicy) -> String {
    if policy.is_aws_managed() {
        format!("{AWS_MARK}{}", policy.name)
    } else {
        policy.name.clone()
    }
}

/// The recorded name of the policy `arn` names, for `account`, if it can name one.
pub(crate) fn stored_name_in_arn(account: &str, arn: &str) -> Option<String> {
    match arn.strip_prefix(aws_policies::ARN_PREFIX) {
        Some(rest) => Some(format!("{AWS_MARK}{}", rest.rsplit('/').next()?)),
        None => name_in_arn(account, arn).map(str::to_owned),
    }
}

/// The policy recorded as `stored` in `account`'s attachments, if it still exists.
fn resolve(
    tx: &impl Read,
    account: &str,
    stored: &str,
) -> neargate_store::Result<Option<ManagedPolicy>> {
    match stored.strip_prefix(AWS_MARK) {
        Some(name) => Ok(aws_policies::named(name).cloned()),
        None => tx.get(&MANAGED, &policy_key(account, stored)),
    }
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
        let name = String::from_utf8_lossy(&key[prefix.len()..]);
        let policy = resolve(tx, holder.account(), &name)?;
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

/// The managed policy `arn` names, path included, if there is one: one of `account`'s own, or
/// an AWS managed policy.
pub(crate) fn by_arn(
    tx: &impl Read,
    account: &str,
    arn: &str,
) -> neargate_store::Result<Option<ManagedPolicy>> {
    if arn.starts_with(aws_policies::ARN_PREFIX) {
        return Ok(aws_policies::by_arn(arn).cloned());
    }
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

/// How `account` uses `policy`.
fn usage(
    tx: &impl Read,
    account: &str,
    policy: &ManagedPolicy,
) -> neargate_store::Result<PolicyUsage> {
    let name = stored_name(policy);
    Ok(PolicyUsage {
        attachments: tx.prefix(&ATTACHED, &policy_prefix(account, &name))?.len(),
        boundaries: crate::domain::records::uses(tx, account, &name)?,
    })
}

/// Which managed policies `ListPolicies` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyScope {
    /// The account's own and AWS's.
    All,
    /// AWS managed policies only.
    Aws,
    /// The account's own only.
    Local,
}

/// Refuses a change to an AWS managed policy, as IAM does for a policy of another account.
fn refuse_if_aws_managed(policy: &ManagedPolicy, what: &str) -> Result<(), IamError> {
    if policy.is_aws_managed() {
        return Err(IamError::AccessDenied(format!(
            "Cannot {what} policies outside your own account."
        )));
    }
    Ok(())
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
                let usage = usage(tx, account, &policy)?;
                Ok(Some((policy, usage)))
            })?
            .ok_or_else(|| not_found(arn))
    }

    /// The managed policies `account` sees in `scope`, with how it uses each, by name.
    pub fn list_policies(
        &self,
        account: &str,
        scope: PolicyScope,
    ) -> Result<Vec<(ManagedPolicy, PolicyUsage)>, IamError> {
        let mut policies = self.store.read(|tx| {
            let mut policies = Vec::new();
            if scope != PolicyScope::Local {
                policies.extend(aws_policies::all().iter().cloned());
            }
            if scope != PolicyScope::Aws {
                let own = tx.prefix(&MANAGED, format!("{account}/").as_bytes())?;
                policies.extend(own.into_iter().map(|(_, p)| p));
            }
            policies
                .into_iter()
                .map(|p| usage(tx, account, &p).map(|u| (p, u)))
                .collect::<neargate_store::Result<Vec<_>>>()
        })?;
        policies.sort_by(|a, b| a.0.name.cmp(&b.0.name));
        Ok(policies)
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
        refuse_if_aws_managed(&policy, "create versions of")?;
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
        refuse_if_aws_managed(&policy, "delete")?;
        if usage != PolicyUsage::default() {
            return Err(IamError::DeleteConflict(
                "Cannot delete a policy attached to entities.".into(),
            ));
        }
        self.store
            .write(|tx| tx.delete(&MANAGED, &policy_key(account, &policy.name)))?;
        Ok(())
    }

    /// Attaches the policy `arn` (the account's own or AWS's) to `holder`.
    pub fn attach_policy(&self, holder: Holder<'_>, arn: &str) -> Result<(), IamError> {
        let (policy, _) = self.policy(holder.account(), arn)?;
        let name = stored_name(&policy);
        self.store.write(|tx| {
            let held = tx.prefix(&ATTACHED, &holder_prefix(holder))?.len();
            if held >= MAX_ATTACHED && !is_attached(tx, holder, &name)? {
                return Ok(Err(IamError::LimitExceeded(format!(
                    "Cannot exceed quota for PoliciesPerEntity: {MAX_ATTACHED}"
                ))));
            }
            set_attached(tx, holder, &name, true)?;
            Ok(Ok(()))
        })?
    }

    /// Detaches the policy `arn` from `holder`.
    pub fn detach_policy(&self, holder: Holder<'_>, arn: &str) -> Result<(), IamError> {
        let name = stored_name_in_arn(holder.account(), arn).ok_or_else(|| not_found(arn))?;
        self.store.write(|tx| {
            if !is_attached(tx, holder, &name)? {
                return Ok(Err(IamError::NoSuchEntity(format!(
                    "Policy {arn} was not found."
                ))));
            }
            set_attached(tx, holder, &name, false)?;
            Ok(Ok(()))
        })?
    }

    /// The managed policies attached to `holder`.
    pub fn attached_to(&self, holder: Holder<'_>) -> Result<Vec<ManagedPolicy>, IamError> {
        let prefix = holder_prefix(holder);
        Ok(self.store.read(|tx| {
            let mut out = Vec::new();
            for (key, ()) in tx.prefix(&ATTACHED, &prefix)? {
                let name = String::from_utf8_lossy(&key[prefix.len()..]);
                out.extend(resolve(tx, holder.account(), &name)?);
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
