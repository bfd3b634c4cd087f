//! Roles: a trust policy saying who may assume them, and inline policies saying what their
//! sessions may do.

use neargate_common::{Arn, Principal, PrincipalKind, SessionInfo, SessionIssuer, ids};
use neargate_policy::PolicyUse;
use neargate_store::{Read, Table};
use serde::{Deserialize, Serialize};

use crate::Iam;
use crate::domain::inline::Holder;
use crate::domain::tags::TagChange;
use crate::domain::users::IamError;
use crate::domain::{boundaries, tags};

/// A role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The owning account.
    pub account: String,
    /// The role name.
    pub name: String,
    /// The unique id, `AROA…`.
    pub role_id: String,
    /// The IAM path.
    pub path: String,
    /// The trust (assume-role) policy document.
    pub trust_policy: String,
    /// The longest session, in seconds (3,600 to 43,200).
    pub max_session_secs: u64,
    /// When it was created.
    pub created: neargate_common::Timestamp,
    /// Tags as (key, value), in the order given: `aws:PrincipalTag/<key>` for its sessions.
    #[serde(default)]
    pub tags: Vec<(String, String)>,
    /// The ARN of the managed policy that caps its permissions, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<String>,
    /// What the role is for, as its creator described it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

pub(crate) const ROLES: Table<Role> = Table::new("iam.roles", 1);

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

impl Role {
    /// `arn:aws:iam::<account>:role<path><name>`.
    pub fn arn(&self) -> String {
        [
            "arn:aws:iam::",
            &self.account,
            ":role",
            &self.path,
            &self.name,
        ]
        .concat()
    }

    /// The principal of the session `session_name` of this role.
    pub fn session_principal(
        &self,
        session_name: &str,
        access_key_id: &str,
        session: SessionInfo,
    ) -> Principal {
        Principal {
            kind: PrincipalKind::AssumedRole,
            account: self.account.clone(),
            arn: format!(
                "arn:aws:sts::{}:assumed-role/{}/{session_name}",
                self.account, self.name
            ),
            principal_id: format!("{}:{session_name}", self.role_id),
            user_name: None,
            access_key_id: Some(access_key_id.to_owned()),
            session: Some(session),
            issuer: Some(SessionIssuer {
                arn: self.arn(),
                principal_id: self.role_id.clone(),
                name: self.name.clone(),
            }),
        }
    }

    /// The role as a holder of inline policies.
    pub fn holder(&self) -> Holder<'_> {
        Holder::Role {
            account: &self.account,
            name: &self.name,
        }
    }
}

pub(crate) fn role_key(account: &str, name: &str) -> Vec<u8> {
    format!("{account}/{name}").into_bytes()
}

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
