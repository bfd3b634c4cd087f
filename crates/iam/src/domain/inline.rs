//! Inline policies, held by users and roles alike.

use std::sync::Arc;

use neargate_policy::{Policy, PolicyUse};
use neargate_store::{Read, ReadTx};

use crate::Iam;
use crate::domain::records::IamError;
use crate::domain::records::{Holder, InlinePolicy};

/// The holder's identity policies, parsed: its inline policies and the default versions of the
/// managed policies attached to it (all validated when stored).
pub(crate) fn parsed_policies(
    tx: &ReadTx<'_>,
    holder: Holder<'_>,
) -> neargate_store::Result<Vec<Arc<Policy>>> {
    let mut policies: Vec<Arc<Policy>> = tx
        .prefix(holder.table(), &holder.prefix())?
        .into_iter()
        .filter_map(|(_, p)| {
            neargate_policy::parse(&p.document, PolicyUse::Identity)
                .ok()
                .map(Arc::new)
        })
        .collect();
    policies.extend(crate::domain::managed::attached_policies(tx, holder)?);
    if let Holder::User { account, name } = holder {
        for group in crate::domain::groups::groups_of(tx, account, name)? {
            policies.extend(parsed_policies(
                tx,
                Holder::Group {
                    account,
                    name: &group,
                },
            )?);
        }
    }
    Ok(policies)
}

/// Characters that count toward IAM's policy size quota: all but white space.
fn significant_chars(document: &str) -> usize {
    document.chars().filter(|c| !c.is_whitespace()).count()
}

impl Iam {
    /// Adds or replaces the inline policy `name` of `holder`.
    pub fn put_inline_policy(
        &self,
        holder: Holder<'_>,
        name: &str,
        document: &str,
    ) -> Result<(), IamError> {
        neargate_policy::parse(document, PolicyUse::Identity)
            .map_err(|e| IamError::MalformedPolicy(e.0))?;
        self.store.write(|tx| {
            let others: usize = tx
                .prefix(holder.table(), &holder.prefix())?
                .iter()
                .filter(|(_, p)| p.name != name)
                .map(|(_, p)| significant_chars(&p.document))
                .sum();
            if others + significant_chars(document) > holder.quota() {
                return Ok(Err(IamError::LimitExceeded(format!(
                    "Maximum policy size of {} bytes exceeded for {}",
                    holder.quota(),
                    holder.describe()
                ))));
            }
            let policy = InlinePolicy {
                name: name.to_owned(),
                document: document.to_owned(),
            };
            tx.put(holder.table(), &holder.key(name), &policy)?;
            Ok(Ok(()))
        })?
    }

    /// The inline policy `name` of `holder`.
    pub fn inline_policy(&self, holder: Holder<'_>, name: &str) -> Result<InlinePolicy, IamError> {
        self.store
            .read(|tx| tx.get(holder.table(), &holder.key(name)))?
            .ok_or_else(|| holder.missing(name))
    }

    /// The names of `holder`'s inline policies, ascending.
    pub fn inline_policy_names(&self, holder: Holder<'_>) -> Result<Vec<String>, IamError> {
        let policies = self
            .store
            .read(|tx| tx.prefix(holder.table(), &holder.prefix()))?;
        Ok(policies.into_iter().map(|(_, p)| p.name).collect())
    }

    /// Deletes the inline policy `name` of `holder`.
    pub fn delete_inline_policy(&self, holder: Holder<'_>, name: &str) -> Result<(), IamError> {
        if self
            .store
            .write(|tx| tx.delete(holder.table(), &holder.key(name)))?
        {
            Ok(())
        } else {
            Err(holder.missing(name))
        }
    }

    /// Whether `holder` has any inline policy.
    pub(crate) fn has_inline_policies(&self, holder: Holder<'_>) -> Result<bool, IamError> {
        Ok(!self
            .store
            .read(|tx| tx.prefix(holder.table(), &holder.prefix()))?
            .is_empty())
    }

    /// The identity policies of `holder`, parsed.
    pub fn identity_policies(
        &self,
        holder: Holder<'_>,
    ) -> neargate_store::Result<Vec<Arc<Policy>>> {
        self.store.read(|tx| parsed_policies(tx, holder))
    }
}
