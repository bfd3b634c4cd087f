//! Grants: permissions on one key for one grantee, limited to listed operations and, if
//! constrained, to requests with a matching encryption context. A grant takes effect at once;
//! grant tokens are accepted and checked, as on AWS, though they are never needed here.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use neargate_common::{AwsError, Principal, PrincipalKind, Timestamp};
use neargate_model::kms::Error as KmsError;
use neargate_model::kms::{
    CreateGrantRequest, CreateGrantResponse, GrantConstraints, GrantListEntry, ListGrantsRequest,
    ListGrantsResponse, ListRetirableGrantsRequest, RetireGrantRequest, RevokeGrantRequest, ops,
};
use neargate_model::{Access, ConditionKey, Empty, Handler, Resource, Time};
use neargate_store::{Read, Table};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::access::{Target, account_access, context_keys, on_keys, on_named_key, pair};
use crate::errors::{disabled, internal, invalid_state, validation};
use crate::key_ops::page;
use crate::keys::{KeyRecord, KeyState, find};
use crate::seal::EncryptionContext;
use crate::{Caller, Kms};
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
    fn entry(&self) -> GrantListEntry {
        let constraints = (self.constraints.subset.is_some() || self.constraints.equals.is_some())
            .then(|| GrantConstraints {
                encryption_context_subset: self.constraints.subset.clone(),
                encryption_context_equals: self.constraints.equals.clone(),
            });
        GrantListEntry {
            key_id: Some(self.key_arn.clone()),
            grant_id: Some(self.id.clone()),
            name: self.name.clone(),
            creation_date: Some(Time(self.created)),
            grantee_principal: Some(self.grantee.clone()),
            retiring_principal: self.retiring.clone(),
            issuing_account: Some(format!("arn:aws:iam::{}:root", self.issuing_account)),
            operations: Some(self.operations.iter().map(|o| o.as_str().into()).collect()),
            constraints,
        }
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

/// Checks a request's `GrantTokens`: each one must be a grant token (the model bounds how
/// many).
pub(crate) fn check_grant_tokens(tokens: Option<&[String]>) -> Result<(), AwsError> {
    if tokens
        .unwrap_or_default()
        .iter()
        .any(|t| parse_token(t).is_none())
    {
        return Err(invalid_token());
    }
    Ok(())
}

/// The ARNs a grant or retiring principal may name the caller by: its own, and for a role
/// session the role's.
pub(crate) fn principal_arns(p: &Principal) -> Vec<&str> {
    let mut arns = vec![p.arn.as_str()];
    if let Some(issuer) = &p.issuer {
        arns.push(issuer.arn.as_str());
    }
    arns
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

    fn create_grant(
        &self,
        caller: &Caller<'_>,
        input: CreateGrantRequest,
    ) -> Result<CreateGrantResponse, AwsError> {
        let text = input.key_id.as_str();
        if crate::keys::KeyRef::parse(text, &caller.principal.account, caller.region)
            .is_some_and(|r| r.is_alias())
        {
            return Err(validation(
                "CreateGrant takes a key id or key ARN, not an alias.",
            ));
        }
        check_grant_tokens(input.grant_tokens.as_deref())?;
        let CreateGrantRequest {
            grantee_principal: grantee,
            retiring_principal: retiring,
            name,
            ..
        } = input;
        let operations: Vec<String> = input.operations.iter().map(|o| o.to_string()).collect();
        let constraints = input
            .constraints
            .map_or_else(Constraints::default, |c| Constraints {
                subset: c.encryption_context_subset,
                equals: c.encryption_context_equals,
            });
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
                    return Ok(Ok((same.id, token)));
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
                Ok(Ok((id, token)))
            })
            .map_err(internal)?;
        let (id, token) = result?;
        Ok(CreateGrantResponse {
            grant_id: Some(id),
            grant_token: Some(token),
        })
    }

    fn list_grants(
        &self,
        caller: &Caller<'_>,
        input: ListGrantsRequest,
    ) -> Result<ListGrantsResponse, AwsError> {
        let key = self.key(caller, &input.key_id)?;
        let only_id = input.grant_id.as_deref();
        let only_grantee = input.grantee_principal.as_deref();
        let prefix = format!("{}\u{0}", key.id).into_bytes();
        let grants: Vec<GrantListEntry> = self
            .db
            .read(|tx| tx.prefix(&GRANTS, &prefix))
            .map_err(internal)?
            .into_iter()
            .map(|(_, g)| g)
            .filter(|g| only_id.is_none_or(|id| g.id == id))
            .filter(|g| only_grantee.is_none_or(|p| g.grantee == p))
            .map(|g| g.entry())
            .collect();
        let (grants, next) = page(input.limit, input.marker.as_deref(), grants)?;
        Ok(ListGrantsResponse {
            grants: Some(grants),
            truncated: Some(next.is_some()),
            next_marker: next,
        })
    }

    fn list_retirable_grants(
        &self,
        caller: &Caller<'_>,
        input: ListRetirableGrantsRequest,
    ) -> Result<ListGrantsResponse, AwsError> {
        let retiring = input.retiring_principal.as_str();
        let account = &caller.principal.account;
        let grants: Vec<GrantListEntry> = self
            .db
            .read(|tx| tx.prefix(&GRANTS, b""))
            .map_err(internal)?
            .into_iter()
            .map(|(_, g)| g)
            .filter(|g| g.retiring.as_deref() == Some(retiring) && &g.issuing_account == account)
            .map(|g| g.entry())
            .collect();
        let (grants, next) = page(input.limit, input.marker.as_deref(), grants)?;
        Ok(ListGrantsResponse {
            grants: Some(grants),
            truncated: Some(next.is_some()),
            next_marker: next,
        })
    }

    /// The grant a `RetireGrant` request names: by token, or by key and grant id.
    fn grant_to_retire(
        &self,
        caller: &Caller<'_>,
        input: &RetireGrantRequest,
    ) -> Result<Grant, AwsError> {
        let (account, region) = (&caller.principal.account, caller.region);
        let token = input.grant_token.as_deref();
        let key_text = input.key_id.as_deref();
        let grant_id = input.grant_id.as_deref();
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

    fn retire_grant(
        &self,
        caller: &Caller<'_>,
        input: RetireGrantRequest,
    ) -> Result<Empty, AwsError> {
        let grant = self.grant_to_retire(caller, &input)?;
        self.write(|tx| tx.delete(&GRANTS, &grant_key(grant.key, &grant.id)))
            .map_err(internal)?;
        Ok(Empty {})
    }

    fn revoke_grant(
        &self,
        caller: &Caller<'_>,
        input: RevokeGrantRequest,
    ) -> Result<Empty, AwsError> {
        let key = self.key(caller, &input.key_id)?;
        let id = input.grant_id.as_str();
        let deleted = self
            .write(|tx| tx.delete(&GRANTS, &grant_key(key.id, id)))
            .map_err(internal)?;
        if !deleted {
            return Err(invalid_grant_id(id));
        }
        Ok(Empty {})
    }
}

/// The condition keys of a `CreateGrant` request: the grantee, retiring principal, operations
/// and constraints it asks for, and whether an AWS service asks (`kms:GrantIsForAWSResource`).
fn grant_keys(caller: &Caller<'_>, input: &CreateGrantRequest) -> Vec<ConditionKey> {
    let mut context = vec![pair("kms:GranteePrincipal", &*input.grantee_principal)];
    if let Some(retiring) = &input.retiring_principal {
        context.push(pair("kms:RetiringPrincipal", &**retiring));
    }
    let operations = input.operations.iter().map(|o| o.to_string()).collect();
    context.push(("kms:GrantOperations".to_owned(), operations));
    if let Some(constraints) = &input.constraints {
        let mut kinds = Vec::new();
        // For CreateGrant, the encryption context keys are the constraint's.
        for (kind, pairs) in [
            (
                "EncryptionContextEquals",
                &constraints.encryption_context_equals,
            ),
            (
                "EncryptionContextSubset",
                &constraints.encryption_context_subset,
            ),
        ] {
            if let Some(pairs) = pairs {
                kinds.push(kind.to_owned());
                context.extend(context_keys(pairs));
            }
        }
        context.push(("kms:GrantConstraintType".to_owned(), kinds));
    }
    let for_service = caller.principal.kind == PrincipalKind::AwsService;
    context.push(pair("kms:GrantIsForAWSResource", for_service.to_string()));
    context
}

impl<'a> Handler<ops::CreateGrant, Caller<'a>> for Kms {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &CreateGrantRequest,
    ) -> Result<Access<'_>, AwsError> {
        let context = grant_keys(caller, input);
        self.key_access(
            caller,
            "CreateGrant",
            &input.key_id,
            EncryptionContext::new(),
            context,
        )
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: CreateGrantRequest,
    ) -> Result<CreateGrantResponse, AwsError> {
        self.create_grant(caller, input)
    }

    /// The grant token is a credential of sorts: the trail records the grant and key only.
    fn response_elements(&self, output: &CreateGrantResponse, keys: &[Resource]) -> Option<Value> {
        let key = keys.first().map(|(_, arn)| arn);
        Some(json!({ "grantId": output.grant_id, "keyId": key }))
    }
}

impl<'a> Handler<ops::RetireGrant, Caller<'a>> for Kms {
    /// The grant's retiring principal, and its grantee if the grant allows `RetireGrant`, may
    /// retire it whatever the policies say; anyone else needs `kms:RetireGrant` on its key.
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &RetireGrantRequest,
    ) -> Result<Access<'_>, AwsError> {
        let grant = self.grant_to_retire(caller, input)?;
        let arns = principal_arns(caller.principal);
        let retiring = grant.retiring.as_deref().is_some_and(|r| arns.contains(&r));
        let grantee = arns.contains(&grant.grantee.as_str())
            && grant.operations.iter().any(|o| o == "RetireGrant");
        let key = self.key_of_blob(grant.key)?;
        let asked = self.key_question(
            caller,
            "RetireGrant",
            Target::of(key),
            EncryptionContext::new(),
            Vec::new(),
        )?;
        let mut access = on_keys(vec![asked]);
        if retiring || grantee {
            access.questions.clear();
        }
        Ok(access)
    }

    fn handle(&self, caller: &Caller<'a>, input: RetireGrantRequest) -> Result<Empty, AwsError> {
        self.retire_grant(caller, input)
    }
}

impl<'a> Handler<ops::ListRetirableGrants, Caller<'a>> for Kms {
    fn access(
        &self,
        caller: &Caller<'a>,
        _: &ListRetirableGrantsRequest,
    ) -> Result<Access<'_>, AwsError> {
        Ok(account_access(caller, "ListRetirableGrants", Vec::new()))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: ListRetirableGrantsRequest,
    ) -> Result<ListGrantsResponse, AwsError> {
        self.list_retirable_grants(caller, input)
    }
}

on_named_key! {
    ListGrants => list_grants,
    RevokeGrant => revoke_grant,
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
