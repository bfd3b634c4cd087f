//! Roles: a trust policy saying who may assume them, and inline policies saying what their
//! sessions may do.

use neargate_common::{Arn, ids};
use neargate_policy::PolicyUse;
use neargate_store::Read;

use crate::Iam;
use crate::domain::records::IamError;
use crate::domain::records::{ROLES, Role, role_key};
use crate::domain::tags::TagChange;
use crate::domain::{boundaries, tags};

/// The quota a role's tags count against.
const ROLE_TAG_QUOTA: &str = "TagsPerRole";

/// What a new role is made of.
#[derive(Debug, Clone, Copy)]
pub struct NewRole<'a> {
    /// The role name.
    pub name: &'a str,
    /// The IAM path.
    pub path: &'a str,
    /// The trust (assume-role) policy document.
    pub trust_policy: &'a str,
    /// The longest session, in seconds.
    pub max_session_secs: u64,
    /// Tags, at most 50.
    pub tags: &'a [(String, String)],
    /// The ARN of a managed policy to cap its permissions.
    pub boundary: Option<&'a str>,
    /// What the role is for.
    pub description: Option<&'a str>,
}

/// Session lengths a role may allow, as on AWS.
pub const MAX_SESSION_RANGE: std::ops::RangeInclusive<u64> = 3_600..=43_200;

fn no_such_role(name: &str) -> IamError {
    IamError::NoSuchEntity(format!("The role with name {name} cannot be found."))
}

impl Iam {
    /// Creates the role `new` describes in `account`.
    pub fn create_role(&self, account: &str, new: NewRole<'_>) -> Result<Role, IamError> {
        neargate_policy::parse(new.trust_policy, PolicyUse::Trust)
            .map_err(|e| IamError::MalformedPolicy(e.0))?;
        tags::check_count(new.tags, ROLE_TAG_QUOTA)?;
        let name = new.name;
        let role = Role {
            account: account.to_owned(),
            name: name.to_owned(),
            role_id: ids::prefixed_id("AROA"),
            path: new.path.to_owned(),
            trust_policy: new.trust_policy.to_owned(),
            max_session_secs: new.max_session_secs,
            created: self.clock.now(),
            tags: new.tags.to_vec(),
            permissions_boundary: new.boundary.map(str::to_owned),
            description: new.description.map(str::to_owned),
        };
        self.store.write(|tx| {
            let taken = tx
                .prefix(&ROLES, &role_key(account, ""))?
                .iter()
                .any(|(_, r)| r.name.eq_ignore_ascii_case(name));
            if taken {
                return Ok(Err(IamError::AlreadyExists(format!(
                    "Role with name {name} already exists."
                ))));
            }
            if let Err(e) = boundaries::set_use(tx, role.holder(), None, new.boundary)? {
                return Ok(Err(e));
            }
            tx.put(&ROLES, &role_key(account, name), &role)?;
            Ok(Ok(role))
        })?
    }

    /// The role `name` of `account`.
    pub fn role(&self, account: &str, name: &str) -> Result<Role, IamError> {
        self.store
            .read(|tx| tx.get(&ROLES, &role_key(account, name)))?
            .ok_or_else(|| no_such_role(name))
    }

    /// The role an ARN names, if it exists.
    pub fn role_by_arn(&self, arn: &str) -> Result<Option<Role>, IamError> {
        let Some(parsed) = Arn::parse(arn).filter(|a| a.service == "iam") else {
            return Ok(None);
        };
        let Some(name) = parsed
            .resource
            .strip_prefix("role/")
            .and_then(|r| r.rsplit('/').next())
        else {
            return Ok(None);
        };
        match self.role(&parsed.account, name) {
            Ok(role) if role.arn() == arn => Ok(Some(role)),
            Ok(_) | Err(IamError::NoSuchEntity(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The roles of `account`, by name.
    pub fn list_roles(&self, account: &str) -> Result<Vec<Role>, IamError> {
        Ok(self
            .store
            .read(|tx| tx.prefix(&ROLES, &role_key(account, "")))?
            .into_iter()
            .map(|(_, r)| r)
            .collect())
    }

    /// Replaces the role's trust policy.
    pub fn update_trust_policy(&self, role: &Role, trust_policy: &str) -> Result<(), IamError> {
        neargate_policy::parse(trust_policy, PolicyUse::Trust)
            .map_err(|e| IamError::MalformedPolicy(e.0))?;
        let updated = Role {
            trust_policy: trust_policy.to_owned(),
            ..role.clone()
        };
        self.store
            .write(|tx| tx.put(&ROLES, &role_key(&role.account, &role.name), &updated))?;
        Ok(())
    }

    /// Deletes the role, which must hold no inline policies, as on AWS.
    pub fn delete_role(&self, role: &Role) -> Result<(), IamError> {
        if self.has_attached_policies(role.holder())? {
            return Err(IamError::DeleteConflict(
                "Cannot delete entity, must detach all policies first.".into(),
            ));
        }
        if self.has_inline_policies(role.holder())? {
            return Err(IamError::DeleteConflict(
                "Cannot delete entity, must delete policies first.".into(),
            ));
        }
        self.store.write(|tx| {
            boundaries::forget(tx, role.holder(), role.permissions_boundary.as_deref())?;
            tx.delete(&ROLES, &role_key(&role.account, &role.name))
        })?;
        Ok(())
    }

    /// Changes the tags of `role`; at most 50 may result.
    pub(crate) fn change_role_tags(
        &self,
        role: &Role,
        change: TagChange<'_>,
    ) -> Result<(), IamError> {
        let key = role_key(&role.account, &role.name);
        self.update_entity(&ROLES, &key, role.holder(), |_, r: &mut Role| {
            Ok(change
                .apply(&r.tags, ROLE_TAG_QUOTA)
                .map(|tags| r.tags = tags))
        })
    }
}
