//! Aliases: friendly names for keys, per account and region. Names under `alias/aws/` belong
//! to AWS managed keys and cannot be created, changed or deleted.

use neargate_common::{AwsError, Common};
use neargate_model::kms::{
    AliasListEntry, CreateAliasRequest, DeleteAliasRequest, ListAliasesRequest,
    ListAliasesResponse, UpdateAliasRequest, ops,
};
use neargate_model::{Access, Empty, Handler, Question, Time};
use neargate_store::{Read, WriteTx};

use crate::access::{Target, account_access, base_context, on_keys};
use crate::errors::{internal, invalid_state, not_found};
use crate::key_ops::page;
use crate::keys::{ALIASES, AliasRecord, KeyRecord, KeyRef, KeyState, find, scoped};
use crate::{Caller, EncryptionContext, Kms};
use neargate_model::kms::Error as KmsError;

const RESERVED: &str = "alias/aws/";

fn check_name(name: &str) -> Result<(), AwsError> {
    let invalid = |message: String| KmsError::InvalidAliasNameException.with(message);
    if !name.starts_with("alias/") {
        return Err(Common::ValidationException.with(
            "Alias must start with the prefix \"alias/\". Please see \
             https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html",
        ));
    }
    // The model's pattern allows ':'; KMS does not.
    if name.len() <= "alias/".len() || name.contains(':') {
        return Err(invalid(format!(
            "Alias {name} must contain only alphanumeric characters, '/', '_' or '-' after \
             \"alias/\"."
        )));
    }
    if name.starts_with(RESERVED) {
        return Err(invalid(format!(
            "Alias names starting with {RESERVED} are reserved for AWS managed keys: {name}"
        )));
    }
    Ok(())
}

/// The key an alias may point at: named by key id or key ARN, and not pending deletion.
fn target(tx: &impl Read, text: &str, caller: &Caller<'_>) -> Result<KeyRecord, AwsError> {
    let account = &caller.principal.account;
    if KeyRef::parse(text, account, caller.region).is_some_and(|r| r.is_alias()) {
        return Err(Common::ValidationException.with(
            "An alias must point to a key, named by its key id or key ARN, not to another alias.",
        ));
    }
    let key = find(tx, text, account, caller.region)?;
    if key.state == KeyState::PendingDeletion {
        return Err(invalid_state(&key.arn(), key.state.as_str()));
    }
    Ok(key)
}

/// Deletes every alias that points at `key` (when it is destroyed).
pub(crate) fn delete_for_key(tx: &mut WriteTx<'_>, key: &KeyRecord) -> neargate_store::Result<()> {
    let prefix = scoped(&key.account, &key.region, "");
    for (store_key, alias) in tx.prefix(&ALIASES, &prefix)? {
        if alias.target == key.id {
            tx.delete(&ALIASES, &store_key)?;
        }
    }
    Ok(())
}

impl Kms {
    fn create_alias(
        &self,
        caller: &Caller<'_>,
        input: CreateAliasRequest,
    ) -> Result<Empty, AwsError> {
        let name = input.alias_name.as_str();
        check_name(name)?;
        let account = &caller.principal.account;
        let now = self.now();
        self.write(|tx| {
            let key = match target(tx, &input.target_key_id, caller) {
                Ok(key) => key,
                Err(e) => return Ok(Err(e)),
            };
            let store_key = scoped(account, caller.region, name);
            if tx.get(&ALIASES, &store_key)?.is_some() {
                return Ok(Err(KmsError::AlreadyExistsException.with(format!(
                    "An alias with the name arn:aws:kms:{}:{account}:{name} already exists",
                    caller.region
                ))));
            }
            let alias = AliasRecord {
                name: name.to_owned(),
                target: key.id,
                created: now,
                updated: now,
            };
            tx.put(&ALIASES, &store_key, &alias)?;
            Ok(Ok(()))
        })
        .map_err(internal)??;
        Ok(Empty {})
    }

    fn update_alias(
        &self,
        caller: &Caller<'_>,
        input: UpdateAliasRequest,
    ) -> Result<Empty, AwsError> {
        let name = input.alias_name.as_str();
        check_name(name)?;
        let account = &caller.principal.account;
        let now = self.now();
        self.write(|tx| {
            let store_key = scoped(account, caller.region, name);
            let Some(mut alias) = tx.get(&ALIASES, &store_key)? else {
                return Ok(Err(not_found(name, account, caller.region)));
            };
            let key = match target(tx, &input.target_key_id, caller) {
                Ok(key) => key,
                Err(e) => return Ok(Err(e)),
            };
            alias.target = key.id;
            alias.updated = now;
            tx.put(&ALIASES, &store_key, &alias)?;
            Ok(Ok(()))
        })
        .map_err(internal)??;
        Ok(Empty {})
    }

    fn delete_alias(
        &self,
        caller: &Caller<'_>,
        input: DeleteAliasRequest,
    ) -> Result<Empty, AwsError> {
        let name = input.alias_name.as_str();
        check_name(name)?;
        let account = &caller.principal.account;
        let deleted = self
            .write(|tx| tx.delete(&ALIASES, &scoped(account, caller.region, name)))
            .map_err(internal)?;
        if !deleted {
            return Err(not_found(name, account, caller.region));
        }
        Ok(Empty {})
    }

    fn list_aliases(
        &self,
        caller: &Caller<'_>,
        input: ListAliasesRequest,
    ) -> Result<ListAliasesResponse, AwsError> {
        let account = &caller.principal.account;
        let prefix = scoped(account, caller.region, "");
        let (aliases, only) = self
            .db
            .read(|tx| {
                let only = input
                    .key_id
                    .as_deref()
                    .map(|text| find(tx, text, account, caller.region));
                Ok((tx.prefix(&ALIASES, &prefix)?, only))
            })
            .map_err(internal)?;
        let only = only.transpose()?.map(|k| k.id);
        let entries: Vec<AliasListEntry> = aliases
            .into_iter()
            .map(|(_, alias)| alias)
            .filter(|alias| only.is_none_or(|id| alias.target == id))
            .map(|alias| AliasListEntry {
                alias_arn: Some(format!(
                    "arn:aws:kms:{}:{account}:{}",
                    caller.region, alias.name
                )),
                target_key_id: Some(alias.target.to_string()),
                creation_date: Some(Time(alias.created)),
                last_updated_date: Some(Time(alias.updated)),
                alias_name: Some(alias.name),
            })
            .collect();
        let (entries, next) = page(input.limit, input.marker.as_deref(), entries)?;
        Ok(ListAliasesResponse {
            aliases: Some(entries),
            truncated: Some(next.is_some()),
            next_marker: next,
        })
    }

    /// The key alias `name` points at now, if it exists.
    fn alias_target(&self, caller: &Caller<'_>, name: &str) -> Result<Target<'static>, AwsError> {
        let store_key = scoped(&caller.principal.account, caller.region, name);
        let alias = self
            .db
            .read(|tx| tx.get(&ALIASES, &store_key))
            .map_err(internal)?;
        let key = match alias {
            Some(alias) => self.key_of_blob(alias.target)?,
            None => None,
        };
        Ok(Target::of(key))
    }

    /// An alias operation's access: `kms:<operation>` on the alias (decided by identity
    /// policies) and on each key it points at before and after (under the key's policy).
    fn alias_access(
        &self,
        caller: &Caller<'_>,
        operation: &'static str,
        name: &str,
        keys: Vec<Target<'_>>,
    ) -> Result<Access<'_>, AwsError> {
        let resource = format!(
            "arn:aws:kms:{}:{}:{name}",
            caller.region, caller.principal.account
        );
        let alias = Question::plain(format!("kms:{operation}"), resource)
            .with_context(base_context(caller));
        let mut asked = vec![(alias, None)];
        for key in keys {
            asked.push(self.key_question(
                caller,
                operation,
                key,
                EncryptionContext::new(),
                Vec::new(),
            )?);
        }
        Ok(on_keys(asked))
    }
}

impl<'a> Handler<ops::CreateAlias, Caller<'a>> for Kms {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &CreateAliasRequest,
    ) -> Result<Access<'_>, AwsError> {
        let key = self.target(caller, &input.target_key_id);
        self.alias_access(caller, "CreateAlias", &input.alias_name, vec![key])
    }

    fn handle(&self, caller: &Caller<'a>, input: CreateAliasRequest) -> Result<Empty, AwsError> {
        self.create_alias(caller, input)
    }
}

impl<'a> Handler<ops::UpdateAlias, Caller<'a>> for Kms {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &UpdateAliasRequest,
    ) -> Result<Access<'_>, AwsError> {
        let before = self.alias_target(caller, &input.alias_name)?;
        let after = self.target(caller, &input.target_key_id);
        self.alias_access(
            caller,
            "UpdateAlias",
            &input.alias_name,
            vec![before, after],
        )
    }

    fn handle(&self, caller: &Caller<'a>, input: UpdateAliasRequest) -> Result<Empty, AwsError> {
        self.update_alias(caller, input)
    }
}

impl<'a> Handler<ops::DeleteAlias, Caller<'a>> for Kms {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &DeleteAliasRequest,
    ) -> Result<Access<'_>, AwsError> {
        let key = self.alias_target(caller, &input.alias_name)?;
        self.alias_access(caller, "DeleteAlias", &input.alias_name, vec![key])
    }

    fn handle(&self, caller: &Caller<'a>, input: DeleteAliasRequest) -> Result<Empty, AwsError> {
        self.delete_alias(caller, input)
    }
}

impl<'a> Handler<ops::ListAliases, Caller<'a>> for Kms {
    fn access(&self, caller: &Caller<'a>, _: &ListAliasesRequest) -> Result<Access<'_>, AwsError> {
        Ok(account_access(caller, "ListAliases", Vec::new()))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: ListAliasesRequest,
    ) -> Result<ListAliasesResponse, AwsError> {
        self.list_aliases(caller, input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_names_follow_kms_rules() {
        assert!(check_name("alias/app-key_1/v2").is_ok());
        assert_eq!(check_name("app").unwrap_err().code, "ValidationException");
        assert_eq!(
            check_name("alias/").unwrap_err().code,
            "InvalidAliasNameException"
        );
        assert_eq!(
            check_name("alias/a:b").unwrap_err().code,
            "InvalidAliasNameException"
        );
        assert_eq!(
            check_name("alias/aws/ebs").unwrap_err().code,
            "InvalidAliasNameException"
        );
    }
}
