//! Users, roles and users' access keys as stored: the records every identity rule reads.

use neargate_common::{Principal, PrincipalKind, SessionInfo, SessionIssuer, Timestamp};
use neargate_rootkey::Wrapped;
use neargate_store::Table;
use serde::{Deserialize, Serialize};

use super::Holder;

/// An IAM user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// The owning account.
    pub account: String,
    /// The user name.
    pub name: String,
    /// The unique id, `AIDA…`.
    pub user_id: String,
    /// The IAM path, `/` by default.
    pub path: String,
    /// When it was created.
    pub created: Timestamp,
    /// Tags as (key, value), in the order given.
    #[serde(default)]
    pub tags: Vec<(String, String)>,
    /// The ARN of the managed policy that caps its permissions, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<String>,
}

impl User {
    /// `arn:aws:iam::<account>:user<path><name>`.
    pub fn arn(&self) -> String {
        [
            "arn:aws:iam::",
            &self.account,
            ":user",
            &self.path,
            &self.name,
        ]
        .concat()
    }

    /// The user as a holder of policies.
    pub fn holder(&self) -> Holder<'_> {
        Holder::User {
            account: &self.account,
            name: &self.name,
        }
    }

    /// The principal this user is when signing with `access_key_id`.
    pub fn principal(&self, access_key_id: &str) -> Principal {
        Principal {
            kind: PrincipalKind::IamUser,
            account: self.account.clone(),
            arn: self.arn(),
            principal_id: self.user_id.clone(),
            user_name: Some(self.name.clone()),
            access_key_id: Some(access_key_id.to_owned()),
            session: None,
            issuer: None,
        }
    }
}

pub(crate) const USERS: Table<User> = Table::new("iam.users", 1);

pub(crate) fn user_key(account: &str, name: &str) -> Vec<u8> {
    format!("{account}/{name}").into_bytes()
}

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

pub(crate) const ROLES: Table<Role> = Table::new("iam.roles", 1);

pub(crate) fn role_key(account: &str, name: &str) -> Vec<u8> {
    format!("{account}/{name}").into_bytes()
}

/// Whether an access key may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeyStatus {
    /// Usable.
    Active,
    /// Refused.
    Inactive,
}

/// A credential secret as stored: wrapped under the root key and bound to its access key id,
/// so the store (and its log, and a deleted key's old pages) never holds it in clear. Records
/// written before secrets were wrapped hold it in clear until the next start wraps them
/// ([`Iam::seal_clear_secrets`]).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum StoredSecret {
    /// Wrapped under the root key.
    Wrapped(Wrapped),
    /// In clear, as records of earlier versions hold it.
    Clear(String),
}

impl std::fmt::Debug for StoredSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Wrapped(w) => w.fmt(f),
            Self::Clear(_) => f.write_str("Clear(<redacted>)"),
        }
    }
}

/// A long-term access key of an IAM user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessKey {
    /// `AKIA…`.
    pub access_key_id: String,
    /// The secret, needed to verify signatures.
    #[serde(alias = "secret_access_key")]
    pub secret: StoredSecret,
    /// The owning account.
    pub account: String,
    /// The owning user.
    pub user_name: String,
    /// Active or inactive.
    pub status: KeyStatus,
    /// When it was created.
    pub created: Timestamp,
}

pub(crate) const ACCESS_KEYS: Table<AccessKey> = Table::new("iam.access_keys", 1);
/// Each user's access key ids: `account/user/key id`, keys only.
pub(crate) const USER_KEYS: Table<()> = Table::new("iam.user_keys", 1);

/// The start of every `USER_KEYS` entry of a user.
pub(crate) fn keys_prefix(account: &str, user: &str) -> Vec<u8> {
    format!("{account}/{user}/").into_bytes()
}

/// The `USER_KEYS` entry of an access key.
pub(crate) fn user_key_entry(account: &str, user: &str, access_key_id: &str) -> Vec<u8> {
    format!("{account}/{user}/{access_key_id}").into_bytes()
}

/// The policy the bootstrap administrator holds: an ordinary policy, not a bypass.
pub(crate) const ADMINISTRATOR_ACCESS: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;
