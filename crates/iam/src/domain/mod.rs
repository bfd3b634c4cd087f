//! Identity rules, free of wire types.

pub(crate) mod accounts;
pub(crate) mod aws_policies;
pub(crate) mod boundaries;
pub(crate) mod credentials;
pub(crate) mod groups;
pub(crate) mod inline;
pub(crate) mod managed;
pub(crate) mod records;
pub(crate) mod roles;
pub(crate) mod tags;
pub(crate) mod users;

use neargate_store::{Read, Record, Table, WriteTx};

use crate::Iam;
use crate::domain::records::{Holder, IamError};

impl Iam {
    /// Changes the user or role record of `holder` at `key` in `table` with `change`, reading
    /// and writing it in one transaction so that no concurrent change to it is lost.
    pub(crate) fn update_entity<V: Record>(
        &self,
        table: &Table<V>,
        key: &[u8],
        holder: Holder<'_>,
        change: impl FnOnce(&mut WriteTx<'_>, &mut V) -> neargate_store::Result<Result<(), IamError>>,
    ) -> Result<(), IamError> {
        self.store.write(|tx| {
            let Some(mut record) = tx.get(table, key)? else {
                return Ok(Err(IamError::NoSuchEntity(format!(
                    "The {} with name {} cannot be found.",
                    holder.kind(),
                    holder.name()
                ))));
            };
            if let Err(e) = change(tx, &mut record)? {
                return Ok(Err(e));
            }
            tx.put(table, key, &record)?;
            Ok(Ok(()))
        })?
    }
}
