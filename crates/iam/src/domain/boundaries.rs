//! Permissions boundaries: a managed policy (the account's own or AWS's) that caps what a
//! user's or a role's own policies may allow. The user or role keeps the boundary's ARN; an index
//! of uses lets a policy count them and refuse deletion while any remain.

use std::sync::Arc;

use neargate_policy::Policy;
use neargate_store::{ReadTx, WriteTx};

use crate::Iam;
use crate::domain::managed;
use crate::domain::records::Holder;
use crate::domain::records::IamError;
use crate::domain::records::{ROLES, Role, role_key};
use crate::domain::records::{USERS, User, user_key};
use crate::domain::records::{USES, use_key};

/// The boundary `arn` names, parsed, for an identity (one that cannot be read allows nothing).
pub(crate) fn parsed_boundary(
    tx: &ReadTx<'_>,
    account: &str,
    arn: Option<&str>,
) -> neargate_store::Result<Option<Arc<Policy>>> {
    arn.map(|arn| managed::limit_by_arn(tx, account, arn))
        .transpose()
}

/// Moves `holder`'s boundary from `old` to `new` in the index of uses, after checking that
/// `new` names a managed policy of the holder's account or an AWS managed policy.
pub(crate) fn set_use(
    tx: &mut WriteTx<'_>,
    holder: Holder<'_>,
    old: Option<&str>,
    new: Option<&str>,
) -> neargate_store::Result<Result<(), IamError>> {
    let account = holder.account();
    let new_policy = match new {
        None => None,
        Some(arn) => match managed::by_arn(tx, account, arn)? {
            Some(policy) => Some(policy),
            None => {
                return Ok(Err(IamError::NoSuchEntity(format!(
                    "Scope ARN: {arn} does not exist or is not attachable."
                ))));
            }
        },
    };
    forget(tx, holder, old)?;
    if let Some(policy) = new_policy {
        tx.put(&USES, &use_key(holder, &managed::stored_name(&policy)), &())?;
    }
    Ok(Ok(()))
}

/// Removes `holder`'s use of the boundary `arn` (if any) from the index, as when it is deleted.
pub(crate) fn forget(
    tx: &mut WriteTx<'_>,
    holder: Holder<'_>,
    arn: Option<&str>,
) -> neargate_store::Result<()> {
    if let Some(policy) = arn.and_then(|arn| managed::stored_name_in_arn(holder.account(), arn)) {
        tx.delete(&USES, &use_key(holder, &policy))?;
    }
    Ok(())
}

impl Iam {
    /// The boundary `arn` names in `account`, parsed (allowing nothing if it cannot be read).
    pub fn boundary_policy(&self, account: &str, arn: &str) -> neargate_store::Result<Arc<Policy>> {
        self.store
            .read(|tx| managed::limit_by_arn(tx, account, arn))
    }

    /// Sets the permissions boundary of `user` to the managed policy `arn`, or removes it.
    pub fn set_user_boundary(&self, user: &User, arn: Option<&str>) -> Result<(), IamError> {
        let key = user_key(&user.account, &user.name);
        let holder = user.holder();
        self.update_entity(&USERS, &key, holder, |tx, u: &mut User| {
            move_boundary(tx, holder, &mut u.permissions_boundary, arn)
        })
    }

    /// Sets the permissions boundary of `role` to the managed policy `arn`, or removes it.
    pub fn set_role_boundary(&self, role: &Role, arn: Option<&str>) -> Result<(), IamError> {
        let key = role_key(&role.account, &role.name);
        let holder = role.holder();
        self.update_entity(&ROLES, &key, holder, |tx, r: &mut Role| {
            move_boundary(tx, holder, &mut r.permissions_boundary, arn)
        })
    }
}

/// Sets `boundary` (the field of `holder`'s record) to `arn`, with the index of uses.
fn move_boundary(
    tx: &mut WriteTx<'_>,
    holder: Holder<'_>,
    boundary: &mut Option<String>,
    arn: Option<&str>,
) -> neargate_store::Result<Result<(), IamError>> {
    if let Err(e) = set_use(tx, holder, boundary.as_deref(), arn)? {
        return Ok(Err(e));
    }
    *boundary = arn.map(str::to_owned);
    Ok(Ok(()))
}
