//! Grants: permissions on one key for one grantee, limited to listed operations and, if
//! constrained, to requests with a matching encryption context. A grant takes effect at once;
//! grant tokens are accepted and checked, as on AWS, though they are never needed here.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use neargate_common::{AwsError, Timestamp};
use neargate_store::{Read, Table};
use neargate_wire::{JsonInput, Reply};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::errors::{disabled, internal, invalid_state, validation};
use crate::input::{opt_str, req_str};
use crate::key_ops::{page, paged, quiet, reply};
use crate::keys::{KeyRecord, KeyState, find};
use crate::seal::EncryptionContext;
use crate::{Caller, Kms};
use neargate_model::kms::Error as KmsError;
use neargate_rootkey::{fill_random, hex};

/// Grants by `key id \0 grant id`.
pub(crate) const GRANTS: Table<Grant> = Table::new("kms.grants", 1);

/// Operations a grant on a symmetric encryption key may allow.
const SYMMETRIC_OPERATIONS: &[&str] = &[
    "Decrypt",
    "Encrypt",
    "GenerateDataKey",
    "GenerateDataKeyWithoutPlaintext",
    "GenerateDataKeyPair",
    "GenerateDataKeyPairWithoutPlaintext",
    "ReEncryptFrom",
    "ReEncryptTo",
    "CreateGrant",
    "RetireGrant",
    "DescribeKey",
];
/// Operations a grant on an asymmetric signing key may allow.
const SIGNING_OPERATIONS: &[&str] = &[
    "Sign",
    "Verify",
    "GetPublicKey",
    "CreateGrant",
    "RetireGrant",
    "DescribeKey",
];
/// Operations a grant on an RSA encryption key may allow.
const RSA_ENCRYPTION_OPERATIONS: &[&str] = &[
    "Encrypt",
    "Decrypt",
    "ReEncryptFrom",
    "ReEncryptTo",
    "GetPublicKey",
    "CreateGrant",
    "RetireGrant",
    "DescribeKey",
];
/// Operations a grant on an HMAC key may allow.
const MAC_OPERATIONS: &[&str] = &[
    "GenerateMac",
    "VerifyMac",
    "CreateGrant",
    "RetireGrant",
    "DescribeKey",
];

/// The operations a grant on `key` may allow.
fn operations_for(key: &KeyRecord) -> &'static [&'static str] {
    match key.usage.as_str() {
        _ if key.symmetric() => SYMMETRIC_OPERATIONS,
        "SIGN_VERIFY" => SIGNING_OPERATIONS,
        "GENERATE_VERIFY_MAC" => MAC_OPERATIONS,
        _ => RSA_ENCRYPTION_OPERATIONS,
    }
}

/// Every operation a grant may name.
const ALL_OPERATIONS: &[&str] = &[
    "Decrypt",
    "Encrypt",
    "GenerateDataKey",
    "GenerateDataKeyWithoutPlaintext",
    "ReEncryptFrom",
    "ReEncryptTo",
    "Sign",
    "Verify",
    "GetPublicKey",
    "CreateGrant",
    "RetireGrant",
    "DescribeKey",
    "GenerateDataKeyPair",
    "GenerateDataKeyPairWithoutPlaintext",
    "GenerateMac",
    "VerifyMac",
    "DeriveSharedSecret",
];
/// Grants one key may hold.
const MAX_GRANTS_PER_KEY: usize = 50_000;

/// Encryption context constraints of a grant.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Constraints {
    pub(crate) subset: Option<EncryptionContext>,
    pub(crate) equals: Option<EncryptionContext>,
}

impl Constraints {
    /// Whether a request with `context` meets the constraints.
    pub(crate) fn allow(&self, context: &EncryptionContext) -> bool {
        let subset = self
            .subset
            .as_ref()
            .is_none_or(|pairs| pairs.iter().all(|(k, v)| context.get(k) == Some(v)));
        let equals = self.equals.as_ref().is_none_or(|pairs| pairs == context);
        subset && equals
    }

    fn to_json(&self) -> Option<Value> {
        if self.subset.is_none() && self.equals.is_none() {
            return None;
        }
        let mut out = json!({});
        if let Some(pairs) = &self.subset {
            out["EncryptionContextSubset"] = json!(pairs);
        }
        if let Some(pairs) = &self.equals {
            out["EncryptionContextEquals"] = json!(pairs);
        }
        Some(out)
    }
}

/// A grant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Grant {
    pub(crate) id: String,
    pub(crate) key: Uuid,
    pub(crate) key_arn: String,
    pub(crate) name: Option<String>,
    pub(crate) created: Timestamp,
    pub(crate) grantee: String,
    pub(crate) retiring: Option<String>,
    pub(crate) issuing_account: String,
    pub(crate) operations: Vec<String>,
    pub(crate) constraints: Constraints,
    /// SHA-256 of the grant token, hex.
    pub(crate) token_sha256: String,
}

impl Grant {
    fn entry(&self) -> Value {
        let mut entry = json!({
            "KeyId": self.key_arn,
            "GrantId": self.id,
            "CreationDate": self.created.epoch_seconds_f64(),
            "GranteePrincipal": self.grantee,
            "IssuingAccount": format!("arn:aws:iam::{}:root", self.issuing_account),
            "Operations": self.operations,
        });
        if let Some(name) = &self.name {
            entry["Name"] = json!(name);
        }
        if let Some(retiring) = &self.retiring {
            entry["RetiringPrincipal"] = json!(retiring);
        }
        if let Some(constraints) = self.constraints.to_json() {
            entry["Constraints"] = constraints;
        }
        entry
    }

    /// Whether this grant lets one of `principals` run `operation` with `context`.
    pub(crate) fn allows(
        &self,
        principals: &[&str],
        operation: &str,
        context: &EncryptionContext,
    ) -> bool {
        principals.contains(&self.grantee.as_str())
            && self.operations.iter().any(|o| o == operation)
            && self.constraints.allow(context)
    }
}

fn grant_key(key: Uuid, grant: &str) -> Vec<u8> {
    format!("{key}\u{0}{grant}").into_bytes()
}

fn sha256_hex(text: &str) -> String {
    hex(aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, text.as_bytes()).as_ref())
}

/// A fresh grant id (64 hex digits) and token (naming the key and grant, plus a secret part).
fn new_id_and_token(key: Uuid) -> (String, String) {
    let mut random = [0u8; 64];
    fill_random(&mut random);
    let id = hex(&random[..32]);
    let mut token = key.as_bytes().to_vec();
    token.extend_from_slice(&random);
    (id, URL_SAFE_NO_PAD.encode(token))
}

/// The key and grant a token names; `None` if it is not a grant token.
fn parse_token(token: &str) -> Option<(Uuid, String)> {
    let bytes = URL_SAFE_NO_PAD.decode(token).ok()?;
    if bytes.len() != 16 + 64 {
        return None;
    }
    Some((Uuid::from_slice(&bytes[..16]).ok()?, hex(&bytes[16..48])))
}

fn invalid_token() -> AwsError {
    KmsError::InvalidGrantTokenException.with("The grant token is not valid.")
}

fn invalid_grant_id(id: &str) -> AwsError {
    KmsError::InvalidGrantIdException.with(format!("Grant id {id} is not valid or does not exist."))
}

/// Reads a `Constraints` member.
fn constraints(input: &JsonInput) -> Result<Constraints, AwsError> {
    let Some(value) = input.get("Constraints") else {
        return Ok(Constraints::default());
    };
    let pairs = |name: &str| -> Result<Option<EncryptionContext>, AwsError> {
        match value.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Object(map)) => map
                .iter()
                .map(|(k, v)| {
                    v.as_str()
                        .map(|s| (k.clone(), s.to_owned()))
                        .ok_or_else(|| validation(format!("{name} values must be strings.")))
                })
                .collect::<Result<_, _>>()
                .map(Some),
            Some(_) => Err(validation(format!("{name} must be a map of strings."))),
        }
    };
    Ok(Constraints {
        subset: pairs("EncryptionContextSubset")?,
        equals: pairs("EncryptionContextEquals")?,
    })
}

/// Checks the `GrantTokens` member: at most 10 tokens, each one a grant token.
pub(crate) fn check_grant_tokens(input: &JsonInput) -> Result<(), AwsError> {
    let Some(tokens) = input.get("GrantTokens").and_then(Value::as_array) else {
        return Ok(());
    };
    if tokens.len() > 10 {
        return Err(validation(
            "1 validation error detected: Value at 'grantTokens' failed to satisfy constraint: \
             Member must have length less than or equal to 10",
        ));
    }
    if tokens
        .iter()
        .any(|t| t.as_str().and_then(parse_token).is_none())
    {
        return Err(invalid_token());
    }
    Ok(())
}

impl Kms {
    /// Whether a grant on `key` lets one of `principals` run `operation` with `context`.
    pub fn granted(
        &self,
        key: Uuid,
        principals: &[&str],
        operation: &str,
        context: &EncryptionContext,
    ) -> bool {
        let prefix = format!("{key}\u{0}").into_bytes();
        self.db
            .read(|tx| tx.prefix(&GRANTS, &prefix))
            .map(|grants| {
                grants
                    .iter()
                    .any(|(_, g)| g.allows(principals, operation, context))
            })
            .unwrap_or(false)
    }

    pub(crate) fn create_grant(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let text = req_str(input, "KeyId", 2048)?;
        if crate::keys::KeyRef::parse(text, &caller.principal.account, caller.region)
            .is_some_and(|r| r.is_alias())
        {
            return Err(validation(
                "CreateGrant takes a key id or key ARN, not an alias.",
            ));
        }
        let grantee = req_str(input, "GranteePrincipal", 256)?.to_owned();
        let retiring = opt_str(input, "RetiringPrincipal", 256)?.map(str::to_owned);
        let name = opt_str(input, "Name", 256)?.map(str::to_owned);
        check_grant_tokens(input)?;
        let operations: Vec<String> = crate::input::strings(input, "Operations");
        if operations.is_empty() {
            return Err(validation(
                "1 validation error detected: Value null at 'operations' failed to satisfy \
                 constraint: Member must not be null",
            ));
        }
        if let Some(bad) = operations
            .iter()
            .find(|o| !ALL_OPERATIONS.contains(&o.as_str()))
        {
            return Err(validation(format!(
                "1 validation error detected: Value '[{bad}]' at 'operations' failed to satisfy \
                 constraint: Member must satisfy enum value set: [{}]",
                ALL_OPERATIONS.join(", ")
            )));
        }
        let constraints = constraints(input)?;
        let account = caller.principal.account.clone();
        let now = self.now();
        let result = self
            .write(|tx| {
                let key = match find(tx, text, &account, caller.region) {
                    Ok(key) => key,
                    Err(e) => return Ok(Err(e)),
                };
                if let Err(e) = grantable(&key) {
                    return Ok(Err(e));
                }
                let allowed = operations_for(&key);
                if let Some(bad) = operations.iter().find(|o| !allowed.contains(&o.as_str())) {
                    return Ok(Err(validation(format!(
                        "Grant operation {bad} is not valid for a {} key with usage {}.",
                        key.spec, key.usage
                    ))));
                }
                let prefix = format!("{}\u{0}", key.id).into_bytes();
                let existing = tx.prefix(&GRANTS, &prefix)?;
                let (id, token) = new_id_and_token(key.id);
                // The same name and grant again returns the existing grant, with a new token.
                if let Some((store_key, mut same)) = existing.into_iter().find(|(_, g)| {
                    name.is_some()
                        && g.name == name
                        && g.grantee == grantee
                        && g.retiring == retiring
                        && g.operations == operations
                        && g.constraints == constraints
                }) {
                    same.token_sha256 = sha256_hex(&token);
                    tx.put(&GRANTS, &store_key, &same)?;
                    return Ok(Ok((same.id, token, key.arn())));
                }
                if tx.prefix(&GRANTS, &prefix)?.len() >= MAX_GRANTS_PER_KEY {
                    return Ok(Err(KmsError::LimitExceededException
                        .with(format!("{} has too many grants.", key.arn()))));
                }
                let grant = Grant {
                    id: id.clone(),
                    key: key.id,
                    key_arn: key.arn(),
                    name: name.clone(),
                    created: now,
                    grantee: grantee.clone(),
                    retiring: retiring.clone(),
                    issuing_account: account.clone(),
                    operations: operations.clone(),
                    constraints: constraints.clone(),
                    token_sha256: sha256_hex(&token),
                };
                tx.put(&GRANTS, &grant_key(key.id, &id), &grant)?;
                Ok(Ok((id, token, key.arn())))
            })
            .map_err(internal)?;
        let (id, token, key_arn) = result?;
        Ok(Reply {
            // The token is a credential of sorts: the trail records the grant and key only.
            response_elements: Some(json!({ "grantId": id, "keyId": key_arn })),
            output: neargate_wire::Output::Json(json!({ "GrantId": id, "GrantToken": token })),
        })
    }

    pub(crate) fn list_grants(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let key = self.key(caller, input)?;
        let only_id = opt_str(input, "GrantId", 128)?;
        let only_grantee = opt_str(input, "GranteePrincipal", 256)?;
        let prefix = format!("{}\u{0}", key.id).into_bytes();
        let grants: Vec<Value> = self
            .db
            .read(|tx| tx.prefix(&GRANTS, &prefix))
            .map_err(internal)?
            .into_iter()
            .map(|(_, g)| g)
            .filter(|g| only_id.is_none_or(|id| g.id == id))
            .filter(|g| only_grantee.is_none_or(|p| g.grantee == p))
            .map(|g| g.entry())
            .collect();
        let (grants, next) = page(input, grants)?;
        quiet(paged(json!({ "Grants": grants }), next))
    }

    pub(crate) fn list_retirable_grants(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let retiring = req_str(input, "RetiringPrincipal", 256)?;
        let account = &caller.principal.account;
        let grants: Vec<Value> = self
            .db
            .read(|tx| tx.prefix(&GRANTS, b""))
            .map_err(internal)?
            .into_iter()
            .map(|(_, g)| g)
            .filter(|g| g.retiring.as_deref() == Some(retiring) && &g.issuing_account == account)
            .map(|g| g.entry())
            .collect();
        let (grants, next) = page(input, grants)?;
        quiet(paged(json!({ "Grants": grants }), next))
    }

    /// The grant a `RetireGrant` request names: by token, or by key and grant id.
    pub fn grant_to_retire(
        &self,
        account: &str,
        region: &str,
        input: &JsonInput,
    ) -> Result<(String, Option<String>, Vec<String>), AwsError> {
        let grant = self.find_grant_to_retire(account, region, input)?;
        Ok((grant.grantee, grant.retiring, grant.operations))
    }

    fn find_grant_to_retire(
        &self,
        account: &str,
        region: &str,
        input: &JsonInput,
    ) -> Result<Grant, AwsError> {
        let token = opt_str(input, "GrantToken", 8192)?;
        let key_text = opt_str(input, "KeyId", 2048)?;
        let grant_id = opt_str(input, "GrantId", 128)?;
        self.db
            .read(|tx| {
                let found = match (token, key_text, grant_id) {
                    (Some(token), _, _) => {
                        let Some((key, id)) = parse_token(token) else {
                            return Ok(Err(invalid_token()));
                        };
                        tx.get(&GRANTS, &grant_key(key, &id))?
                            .filter(|g| g.token_sha256 == sha256_hex(token))
                            .ok_or_else(invalid_token)
                    }
                    (None, Some(key_text), Some(id)) => match find(tx, key_text, account, region) {
                        Ok(key) => tx
                            .get(&GRANTS, &grant_key(key.id, id))?
                            .ok_or_else(|| invalid_grant_id(id)),
                        Err(e) => Err(e),
                    },
                    _ => Err(validation(
                        "Specify either GrantToken, or both KeyId and GrantId.",
                    )),
                };
                Ok(found)
            })
            .map_err(internal)?
    }

    pub(crate) fn retire_grant(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let grant = self.find_grant_to_retire(&caller.principal.account, caller.region, input)?;
        self.write(|tx| tx.delete(&GRANTS, &grant_key(grant.key, &grant.id)))
            .map_err(internal)?;
        reply(json!({}))
    }

    pub(crate) fn revoke_grant(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let key = self.key(caller, input)?;
        let id = req_str(input, "GrantId", 128)?;
        let deleted = self
            .write(|tx| tx.delete(&GRANTS, &grant_key(key.id, id)))
            .map_err(internal)?;
        if !deleted {
            return Err(invalid_grant_id(id));
        }
        reply(json!({}))
    }
}

/// Grants can be made on keys that are enabled (or awaiting imported material).
fn grantable(key: &KeyRecord) -> Result<(), AwsError> {
    match key.state {
        KeyState::Enabled | KeyState::PendingImport => Ok(()),
        KeyState::Disabled => Err(disabled(&key.arn())),
        state => Err(invalid_state(&key.arn(), state.as_str())),
    }
}

/// Deletes every grant of `key` (when it is destroyed).
pub(crate) fn delete_for_key(
    tx: &mut neargate_store::WriteTx<'_>,
    key: &KeyRecord,
) -> neargate_store::Result<()> {
    let prefix = format!("{}\u{0}", key.id).into_bytes();
    for (store_key, _) in tx.prefix(&GRANTS, &prefix)? {
        tx.delete(&GRANTS, &store_key)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(pairs: &[(&str, &str)]) -> EncryptionContext {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn constraints_match_as_kms_documents() {
        let subset = Constraints {
            subset: Some(ctx(&[("cluster", "a")])),
            equals: None,
        };
        assert!(subset.allow(&ctx(&[("cluster", "a"), ("task", "1")])));
        assert!(!subset.allow(&ctx(&[("cluster", "b")])));
        assert!(!subset.allow(&ctx(&[])));
        let equals = Constraints {
            subset: None,
            equals: Some(ctx(&[("cluster", "a")])),
        };
        assert!(equals.allow(&ctx(&[("cluster", "a")])));
        assert!(!equals.allow(&ctx(&[("cluster", "a"), ("task", "1")])));
        assert!(Constraints::default().allow(&ctx(&[("any", "thing")])));
    }

    #[test]
    fn tokens_name_their_grant() {
        let key = Uuid::new_v4();
        let (id, token) = new_id_and_token(key);
        assert_eq!(parse_token(&token), Some((key, id)));
        assert_eq!(parse_token("not-a-token"), None);
    }
}
