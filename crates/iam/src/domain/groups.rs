//! Groups: users who share the policies attached to them.

use neargate_common::{Timestamp, ids};
use neargate_store::{Read, ReadTx, Table};
use serde::{Deserialize, Serialize};

use crate::Iam;
use crate::domain::records::Holder;
use crate::domain::records::IamError;
use crate::domain::records::User;

/// A group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// The owning account.
    pub account: String,
    /// The group name.
    pub name: String,
    /// The unique id, `AGPA…`.
    pub group_id: String,
    /// The IAM path.
    pub path: String,
    /// When it was created.
    pub created: Timestamp,
}

impl Group {
    /// `arn:aws:iam::<account>:group<path><name>`.
    pub fn arn(&self) -> String {
        format!(
            "arn:aws:iam::{}:group{}{}",
            self.account, self.path, self.name
        )
    }

    /// The group as a holder of policies.
    pub fn holder(&self) -> Holder<'_> {
        Holder::Group {
            account: &self.account,
            name: &self.name,
        }
    }
}

pub(crate) const GROUPS: Table<Group> = Table::new("iam.groups", 1);
/// Memberships, keys only, in both directions: `g/<account>/<group>/<user>`, `u/<account>/<user>/<group>`.
pub(crate) const MEMBERS: Table<()> = Table::new("iam.group_members", 1);

fn group_key(account: &str, name: &str) -> Vec<u8> {
    format!("{account}/{name}").into_bytes()
}

fn members_prefix(account: &str, group: &str) -> Vec<u8> {
    format!("g/{account}/{group}/").into_bytes()
}

fn groups_prefix(account: &str, user: &str) -> Vec<u8> {
    format!("u/{account}/{user}/").into_bytes()
}

/// The names of the groups `user` belongs to.
pub(crate) fn groups_of(
    tx: &ReadTx<'_>,
    account: &str,
    user: &str,
) -> neargate_store::Result<Vec<String>> {
    let prefix = groups_prefix(account, user);
    Ok(tx
        .prefix(&MEMBERS, &prefix)?
        .into_iter()
        .map(|(k, ())| String::from_utf8_lossy(&k[prefix.len()..]).into_owned())
        .collect())
}

impl Iam {
    /// Creates the group `name` in `account`.
    pub fn create_group(&self, account: &str, name: &str, path: &str) -> Result<Group, IamError> {
        let group = Group {
            account: account.to_owned(),
            name: name.to_owned(),
            group_id: ids::prefixed_id("AGPA"),
            path: path.to_owned(),
            created: self.clock.now(),
        };
        self.store.write(|tx| {
            let taken = tx
                .prefix(&GROUPS, &group_key(account, ""))?
                .iter()
                .any(|(_, g)| g.name.eq_ignore_ascii_case(name));
            if taken {
                return Ok(Err(IamError::AlreadyExists(format!(
                    "Group with name {name} already exists."
                ))));
            }
            tx.put(&GROUPS, &group_key(account, name), &group)?;
            Ok(Ok(group))
        })?
    }

    /// The group `name` of `account`.
    pub fn group(&self, account: &str, name: &str) -> Result<Group, IamError> {
        self.store
            .read(|tx| tx.get(&GROUPS, &group_key(account, name)))?
            .ok_or_else(|| {
                IamError::NoSuchEntity(format!("The group with name {name} cannot be found."))
            })
    }

    /// The groups of `account`, by name.
    pub fn list_groups(&self, account: &str) -> Result<Vec<Group>, IamError> {
        Ok(self
            .store
            .read(|tx| tx.prefix(&GROUPS, &group_key(account, "")))?
            .into_iter()
            .map(|(_, g)| g)
            .collect())
    }

    /// The members of `group`, by name.
    pub fn group_members(&self, group: &Group) -> Result<Vec<User>, IamError> {
        let prefix = members_prefix(&group.account, &group.name);
        Ok(self.store.read(|tx| {
            let mut users = Vec::new();
            for (key, ()) in tx.prefix(&MEMBERS, &prefix)? {
                let name = String::from_utf8_lossy(&key[prefix.len()..]).into_owned();
                users.extend(tx.get(
                    &crate::domain::records::USERS,
                    format!("{}/{name}", group.account).as_bytes(),
                )?);
            }
            Ok(users)
        })?)
    }

    /// The groups `user` belongs to.
    pub fn groups_for_user(&self, user: &User) -> Result<Vec<Group>, IamError> {
        Ok(self.store.read(|tx| {
            let mut groups = Vec::new();
            for name in groups_of(tx, &user.account, &user.name)? {
                groups.extend(tx.get(&GROUPS, &group_key(&user.account, &name))?);
            }
            Ok(groups)
        })?)
    }

    /// Adds `user` to `group` (or, with `member` false, removes it).
    pub fn set_membership(&self, group: &Group, user: &User, member: bool) -> Result<(), IamError> {
        let forward = [
            members_prefix(&group.account, &group.name),
            user.name.as_bytes().to_vec(),
        ]
        .concat();
        let backward = [
            groups_prefix(&user.account, &user.name),
            group.name.as_bytes().to_vec(),
        ]
        .concat();
        self.store.write(|tx| {
            if member {
                tx.put(&MEMBERS, &forward, &())?;
                tx.put(&MEMBERS, &backward, &())?;
            } else if !tx.delete(&MEMBERS, &forward)? {
                return Ok(Err(IamError::NoSuchEntity(format!(
                    "The user with name {} cannot be found in group {}.",
                    user.name, group.name
                ))));
            } else {
                tx.delete(&MEMBERS, &backward)?;
            }
            Ok(Ok(()))
        })?
    }

    /// Deletes `group`, which must have no members and no policies, as on AWS.
    pub fn delete_group(&self, group: &Group) -> Result<(), IamError> {
        if self.has_inline_policies(group.holder())?
            || self.has_attached_policies(group.holder())?
        {
            return Err(IamError::DeleteConflict(
                "Cannot delete entity, must delete policies first.".into(),
            ));
        }
        self.store.write(|tx| {
            if !tx
                .prefix(&MEMBERS, &members_prefix(&group.account, &group.name))?
                .is_empty()
            {
                return Ok(Err(IamError::DeleteConflict(
                    "Cannot delete entity, must remove users from group first.".into(),
                )));
            }
            tx.delete(&GROUPS, &group_key(&group.account, &group.name))?;
            Ok(Ok(()))
        })?
    }

    /// Whether `user` belongs to any group.
    pub(crate) fn in_any_group(&self, user: &User) -> Result<bool, IamError> {
        Ok(!self
            .store
            .read(|tx| groups_of(tx, &user.account, &user.name))?
            .is_empty())
    }
}
