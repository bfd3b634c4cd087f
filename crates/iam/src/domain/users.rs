//! Creating users and access keys, and users' inline policies.

use neargate_common::{Secret, ids};
use neargate_store::Read;

use crate::Iam;
use crate::domain::records::{ACCESS_KEYS, AccessKey, KeyStatus};
use crate::domain::records::{IamError, USER_KEYS, keys_prefix, user_key_entry};
use crate::domain::records::{USERS, User, user_key};
use crate::domain::tags::TagChange;
use crate::domain::{boundaries, tags};

/// Access keys a user may hold, as on AWS.
const KEYS_PER_USER: usize = 2;
impl Iam {
    /// Creates the user `name` in `account` with `tags` (at most 50) and, if given, the
    /// managed policy `boundary` as its permissions boundary.
    pub fn create_user(
        &self,
        account: &str,
        name: &str,
        path: &str,
        tags: Vec<(String, String)>,
        boundary: Option<&str>,
    ) -> Result<User, IamError> {
        tags::check_count(&tags, USER_TAG_QUOTA)?;
        let user = User {
            account: account.to_owned(),
            name: name.to_owned(),
            user_id: ids::prefixed_id("AIDA"),
            path: path.to_owned(),
            created: self.clock.now(),
            tags,
            permissions_boundary: boundary.map(str::to_owned),
        };
        self.store.write(|tx| {
            if tx
                .prefix(&USERS, &user_key(account, ""))
                .map(|all| all.iter().any(|(_, u)| u.name.eq_ignore_ascii_case(name)))?
            {
                return Ok(Err(IamError::AlreadyExists(format!(
                    "User with name {name} already exists."
                ))));
            }
            if let Err(e) = boundaries::set_use(tx, user.holder(), None, boundary)? {
                return Ok(Err(e));
            }
            tx.put(&USERS, &user_key(account, name), &user)?;
            Ok(Ok(user))
        })?
    }

    /// Creates an access key for `user`.
    pub fn create_access_key(&self, user: &User) -> Result<(AccessKey, Secret), IamError> {
        let access_key_id = ids::prefixed_id("AKIA");
        let secret = Secret::new(ids::secret_access_key());
        let key = AccessKey {
            secret: self.seal_secret(&access_key_id, &secret),
            access_key_id,
            account: user.account.clone(),
            user_name: user.name.clone(),
            status: KeyStatus::Active,
            created: self.clock.now(),
        };
        self.store.write(|tx| {
            if tx
                .prefix(&USER_KEYS, &keys_prefix(&user.account, &user.name))?
                .len()
                >= KEYS_PER_USER
            {
                return Ok(Err(IamError::LimitExceeded(format!(
                    "Cannot exceed quota for AccessKeysPerUser: {KEYS_PER_USER}"
                ))));
            }
            tx.put(&ACCESS_KEYS, key.access_key_id.as_bytes(), &key)?;
            tx.put(
                &USER_KEYS,
                &user_key_entry(&user.account, &user.name, &key.access_key_id),
                &(),
            )?;
            Ok(Ok((key, secret)))
        })?
    }

    /// Changes the tags of `user`; at most 50 may result.
    pub(crate) fn change_user_tags(
        &self,
        user: &User,
        change: TagChange<'_>,
    ) -> Result<(), IamError> {
        let key = user_key(&user.account, &user.name);
        self.update_entity(&USERS, &key, user.holder(), |_, u: &mut User| {
            Ok(change
                .apply(&u.tags, USER_TAG_QUOTA)
                .map(|tags| u.tags = tags))
        })
    }

    /// The users of `account`, by name.
    pub fn list_users(&self, account: &str) -> Result<Vec<User>, IamError> {
        Ok(self
            .store
            .read(|tx| tx.prefix(&USERS, &user_key(account, "")))?
            .into_iter()
            .map(|(_, u)| u)
            .collect())
    }

    /// Deletes `user`, which must hold no access keys and no inline policies, as on AWS.
    pub fn delete_user(&self, user: &User) -> Result<(), IamError> {
        if self.in_any_group(user)? {
            return Err(IamError::DeleteConflict(
                "Cannot delete entity, must remove users from group first.".into(),
            ));
        }
        if self.has_attached_policies(user.holder())? {
            return Err(IamError::DeleteConflict(
                "Cannot delete entity, must detach all policies first.".into(),
            ));
        }
        if self.has_inline_policies(user.holder())? {
            return Err(IamError::DeleteConflict(
                "Cannot delete entity, must delete policies first.".into(),
            ));
        }
        let prefix = keys_prefix(&user.account, &user.name);
        self.store.write(|tx| {
            if !tx.prefix(&USER_KEYS, &prefix)?.is_empty() {
                return Ok(Err(IamError::DeleteConflict(
                    "Cannot delete entity, must delete access keys first.".into(),
                )));
            }
            boundaries::forget(tx, user.holder(), user.permissions_boundary.as_deref())?;
            tx.delete(&USERS, &user_key(&user.account, &user.name))?;
            Ok(Ok(()))
        })?
    }

    /// The access keys of `user`, oldest first.
    pub fn list_access_keys(&self, user: &User) -> Result<Vec<AccessKey>, IamError> {
        let prefix = keys_prefix(&user.account, &user.name);
        let mut keys = self.store.read(|tx| {
            let mut keys = Vec::new();
            for (entry, ()) in tx.prefix(&USER_KEYS, &prefix)? {
                keys.extend(tx.get(&ACCESS_KEYS, &entry[prefix.len()..])?);
            }
            Ok(keys)
        })?;
        keys.sort_by_key(|k| k.created);
        Ok(keys)
    }

    /// Activates or deactivates `user`'s key `access_key_id`; it takes effect at once.
    pub fn update_access_key(
        &self,
        user: &User,
        access_key_id: &str,
        status: KeyStatus,
    ) -> Result<(), IamError> {
        self.store
            .write(|tx| match tx.get(&ACCESS_KEYS, access_key_id.as_bytes())? {
                Some(mut key) if key.account == user.account && key.user_name == user.name => {
                    key.status = status;
                    tx.put(&ACCESS_KEYS, access_key_id.as_bytes(), &key)?;
                    Ok(Ok(()))
                }
                _ => Ok(Err(no_such_key(access_key_id))),
            })?
    }

    /// Deletes `user`'s key `access_key_id`; it stops working at once.
    pub fn delete_access_key(&self, user: &User, access_key_id: &str) -> Result<(), IamError> {
        self.store
            .write(|tx| match tx.get(&ACCESS_KEYS, access_key_id.as_bytes())? {
                Some(key) if key.account == user.account && key.user_name == user.name => {
                    tx.delete(&ACCESS_KEYS, access_key_id.as_bytes())?;
                    tx.delete(
                        &USER_KEYS,
                        &user_key_entry(&user.account, &user.name, access_key_id),
                    )?;
                    Ok(Ok(()))
                }
                _ => Ok(Err(no_such_key(access_key_id))),
            })?
    }
}

/// The quota a user's tags count against.
const USER_TAG_QUOTA: &str = "TagsPerUser";

fn no_such_key(access_key_id: &str) -> IamError {
    IamError::NoSuchEntity(format!(
        "The Access Key with id {access_key_id} cannot be found."
    ))
}
