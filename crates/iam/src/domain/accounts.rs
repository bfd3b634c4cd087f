//! Accounts and IAM users, and the first-start bootstrap of an administrator.

use std::sync::Arc;

use neargate_common::{Secret, Timestamp, ids};
use neargate_store::{Read, Result, Table};
use serde::{Deserialize, Serialize};

use crate::Iam;
use crate::domain::records::{ACCESS_KEYS, AccessKey, KeyStatus};
use crate::domain::records::{ADMINISTRATOR_ACCESS, USER_KEYS, user_key_entry};
use crate::domain::records::{InlinePolicy, USER_POLICIES};
use crate::domain::records::{USERS, User, user_key};

/// An account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// The 12-digit id.
    pub id: String,
    /// When it was created.
    pub created: Timestamp,
}

pub(crate) const ACCOUNTS: Table<Account> = Table::new("iam.accounts", 1);
/// The administrator created at first start.
pub(crate) const ADMIN_USER: &str = "admin";

/// The credentials of a freshly bootstrapped administrator.
#[derive(Debug, Clone)]
pub struct Bootstrap {
    /// The account id.
    pub account: String,
    /// The administrator's user name.
    pub user_name: String,
    /// The access key id.
    pub access_key_id: String,
    /// The secret access key.
    pub secret_access_key: Secret,
}

impl Iam {
    /// The first account created (the one bootstrapped at first start), if any.
    pub fn first_account(&self) -> Result<Option<String>> {
        self.store.read(|tx| {
            let all = tx.range(&ACCOUNTS, b"", b"", false, usize::MAX)?;
            Ok(all
                .into_iter()
                .map(|(_, a)| a)
                .min_by_key(|a| a.created)
                .map(|a| a.id))
        })
    }

    /// Creates the account `account_id` (a random id when `None`) with an administrator and an
    /// access key, unless some account exists already; returns the new credentials if it did.
    pub fn bootstrap(&self, account_id: Option<&str>) -> Result<Option<Bootstrap>> {
        let now = self.clock.now();
        self.store.write(|tx| {
            if !tx.range(&ACCOUNTS, b"", b"", false, 1)?.is_empty() {
                return Ok(None);
            }
            let account = account_id.map_or_else(ids::account_id, str::to_owned);
            tx.put(
                &ACCOUNTS,
                account.as_bytes(),
                &Account {
                    id: account.clone(),
                    created: now,
                },
            )?;
            let user = User {
                account: account.clone(),
                name: ADMIN_USER.to_owned(),
                user_id: ids::prefixed_id("AIDA"),
                path: "/".to_owned(),
                created: now,
                tags: Vec::new(),
                permissions_boundary: None,
            };
            tx.put(&USERS, &user_key(&account, ADMIN_USER), &user)?;
            let access_key_id = ids::prefixed_id("AKIA");
            let secret = Secret::new(ids::secret_access_key());
            let key = AccessKey {
                secret: self.seal_secret(&access_key_id, &secret),
                access_key_id,
                account: account.clone(),
                user_name: ADMIN_USER.to_owned(),
                status: KeyStatus::Active,
                created: now,
            };
            tx.put(&ACCESS_KEYS, key.access_key_id.as_bytes(), &key)?;
            tx.put(
                &USER_KEYS,
                &user_key_entry(&account, ADMIN_USER, &key.access_key_id),
                &(),
            )?;
            let admin_policy = InlinePolicy {
                name: "AdministratorAccess".to_owned(),
                document: ADMINISTRATOR_ACCESS.to_owned(),
            };
            tx.put(
                &USER_POLICIES,
                format!("{account}/{ADMIN_USER}/AdministratorAccess").as_bytes(),
                &admin_policy,
            )?;
            Ok(Some(Bootstrap {
                account,
                user_name: ADMIN_USER.to_owned(),
                access_key_id: key.access_key_id,
                secret_access_key: secret,
            }))
        })
    }

    /// The user `name` of `account` (served from memory once read, until an identity changes).
    pub fn user(&self, account: &str, name: &str) -> Result<Option<Arc<User>>> {
        let key = user_key(account, name);
        let generation = match self.store.cached(|r| &r.users, &key) {
            Ok(user) => return Ok(Some(user)),
            Err(generation) => generation,
        };
        let user = self.store.read(|tx| tx.get(&USERS, &key))?.map(Arc::new);
        if let Some(user) = &user {
            self.store
                .remember(|r| &mut r.users, key, Arc::clone(user), generation);
        }
        Ok(user)
    }
}
