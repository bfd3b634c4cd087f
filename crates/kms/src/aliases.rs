//! Aliases: friendly names for keys, per account and region. Names under `alias/aws/` belong
//! to AWS managed keys and cannot be created, changed or deleted.

use neargate_common::{AwsError, Common};
use neargate_store::{Read, WriteTx};
use neargate_wire::{JsonInput, Reply};
use serde_json::{Value, json};

use crate::errors::{internal, invalid_state, not_found};
use crate::input::{opt_str, req_str};
use crate::key_ops::{page, paged, quiet, reply};
use crate::keys::{ALIASES, AliasRecord, KeyRecord, KeyRef, KeyState, find, scoped};
use crate::{Caller, Kms};
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
    pub(crate) fn create_alias(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let name = req_str(input, "AliasName", 256)?;
        let target_text = req_str(input, "TargetKeyId", 2048)?;
        check_name(name)?;
        let account = &caller.principal.account;
        let now = self.now();
        self.write(|tx| {
            let key = match target(tx, target_text, caller) {
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
        reply(json!({}))
    }

    pub(crate) fn update_alias(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let name = req_str(input, "AliasName", 256)?;
        let target_text = req_str(input, "TargetKeyId", 2048)?;
        check_name(name)?;
        let account = &caller.principal.account;
        let now = self.now();
        self.write(|tx| {
            let store_key = scoped(account, caller.region, name);
            let Some(mut alias) = tx.get(&ALIASES, &store_key)? else {
                return Ok(Err(not_found(name, account, caller.region)));
            };
            let key = match target(tx, target_text, caller) {
                Ok(key) => key,
                Err(e) => return Ok(Err(e)),
            };
            alias.target = key.id;
            alias.updated = now;
            tx.put(&ALIASES, &store_key, &alias)?;
            Ok(Ok(()))
        })
        .map_err(internal)??;
        reply(json!({}))
    }

    pub(crate) fn delete_alias(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let name = req_str(input, "AliasName", 256)?;
        check_name(name)?;
        let account = &caller.principal.account;
        let deleted = self
            .write(|tx| tx.delete(&ALIASES, &scoped(account, caller.region, name)))
            .map_err(internal)?;
        if !deleted {
            return Err(not_found(name, account, caller.region));
        }
        reply(json!({}))
    }

    pub(crate) fn list_aliases(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let account = &caller.principal.account;
        let filter = opt_str(input, "KeyId", 2048)?;
        let prefix = scoped(account, caller.region, "");
        let (aliases, only) = self
            .db
            .read(|tx| {
                let only = filter.map(|text| find(tx, text, account, caller.region));
                Ok((tx.prefix(&ALIASES, &prefix)?, only))
            })
            .map_err(internal)?;
        let only = only.transpose()?.map(|k| k.id);
        let entries: Vec<Value> = aliases
            .into_iter()
            .map(|(_, alias)| alias)
            .filter(|alias| only.is_none_or(|id| alias.target == id))
            .map(|alias| {
                json!({
                    "AliasName": alias.name,
                    "AliasArn": format!("arn:aws:kms:{}:{account}:{}", caller.region, alias.name),
                    "TargetKeyId": alias.target.to_string(),
                    "CreationDate": alias.created.epoch_seconds_f64(),
                    "LastUpdatedDate": alias.updated.epoch_seconds_f64(),
                })
            })
            .collect();
        let (entries, next) = page(input, entries)?;
        quiet(paged(json!({ "Aliases": entries }), next))
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
