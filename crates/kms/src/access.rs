//! What authorizing a KMS call needs to know: which keys it acts on, with which action, under
//! which key policy, and the KMS condition keys of the request.

use neargate_common::AwsError;
use neargate_policy::{Policy, PolicyUse};
use neargate_store::Read;
use neargate_wire::JsonInput;
use serde_json::Value;

use std::sync::Arc;

use crate::blob;
use crate::errors::internal;
use crate::keys::{ALIASES, KeyRecord, KeyRef, scoped};
use crate::seal::EncryptionContext;
use crate::{Caller, Kms};
use neargate_model::{Access, AlsoAllowed, ConditionKey, Question};
use uuid::Uuid;

/// One authorization question of a KMS call.
#[derive(Debug)]
pub struct KeyCheck {
    /// The action, e.g. `kms:Encrypt`.
    pub action: String,
    /// The key's ARN, or `*` for calls that act on no key.
    pub resource: String,
    /// The key policy, which must allow (directly or by trusting the account) when present.
    pub key_policy: Option<Arc<Policy>>,
    /// Condition keys and their values.
    pub context: Vec<(String, Vec<String>)>,
    /// The key, when one was found: grants on it may allow what policies do not.
    pub key: Option<Uuid>,
    /// The operation as grants name it (`Encrypt`, `ReEncryptFrom`, ...).
    pub grant_operation: String,
    /// The request's encryption context, which grant constraints are checked against.
    pub encryption_context: EncryptionContext,
}

/// The member that names the key an operation acts on.
fn key_member(operation: &str) -> Option<&'static str> {
    match operation {
        "CreateKey" | "ListKeys" | "ListAliases" | "GenerateRandom" | "ListRetirableGrants" => None,
        _ => Some("KeyId"),
    }
}

fn pairs(context: &mut Vec<(String, Vec<String>)>, key: &str, value: impl Into<String>) {
    context.push((key.to_owned(), vec![value.into()]));
}

/// `kms:BypassPolicyLockoutSafetyCheck` from the request (false when absent).
fn bypass_flag(input: &JsonInput, context: &mut Vec<(String, Vec<String>)>) {
    let bypass = input
        .get("BypassPolicyLockoutSafetyCheck")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    pairs(
        context,
        "kms:BypassPolicyLockoutSafetyCheck",
        bypass.to_string(),
    );
}

/// `aws:RequestTag/*` and `aws:TagKeys` from a `Tags` member.
fn request_tags(input: &JsonInput, context: &mut Vec<(String, Vec<String>)>) {
    let Some(tags) = input.get("Tags").and_then(Value::as_array) else {
        return;
    };
    let mut keys = Vec::new();
    for tag in tags {
        if let (Some(k), Some(v)) = (
            tag.get("TagKey").and_then(Value::as_str),
            tag.get("TagValue").and_then(Value::as_str),
        ) {
            pairs(context, &format!("aws:RequestTag/{k}"), v);
            keys.push(k.to_owned());
        }
    }
    context.push(("aws:TagKeys".to_owned(), keys));
}

/// `kms:EncryptionContext:*` and `kms:EncryptionContextKeys` from the member `name`.
fn encryption_context(input: &JsonInput, name: &str, context: &mut Vec<(String, Vec<String>)>) {
    encryption_context_of(input.get(name), context);
}

/// `kms:EncryptionContext:*` and `kms:EncryptionContextKeys` from a map of strings.
fn encryption_context_of(value: Option<&Value>, context: &mut Vec<(String, Vec<String>)>) {
    let Some(Value::Object(map)) = value else {
        return;
    };
    context_keys(
        map.iter()
            .filter_map(|(k, v)| Some((k.as_str(), v.as_str()?))),
        context,
    );
}

/// `kms:EncryptionContext:*` and `kms:EncryptionContextKeys` from an encryption context.
fn context_keys<'k>(
    entries: impl Iterator<Item = (&'k str, &'k str)>,
    context: &mut Vec<(String, Vec<String>)>,
) {
    let mut keys = Vec::new();
    for (k, v) in entries {
        pairs(context, &format!("kms:EncryptionContext:{k}"), v);
        keys.push(k.to_owned());
    }
    if !keys.is_empty() {
        context.push(("kms:EncryptionContextKeys".to_owned(), keys));
    }
}

/// The condition keys every KMS call carries: `kms:CallerAccount`, and `kms:ViaService` when
/// a service calls on the principal's behalf.
pub(crate) fn base_context(caller: &Caller<'_>) -> Vec<ConditionKey> {
    let mut context = vec![(
        "kms:CallerAccount".to_owned(),
        vec![caller.principal.account.clone()],
    )];
    if let Some(service) = caller.called_via {
        let via = via_service(service, caller.region);
        context.push(("kms:ViaService".to_owned(), vec![via]));
    }
    context
}

/// `kms:ViaService` for `service` calling in `region`: `ecs.amazonaws.com` →
/// `ecs.<region>.amazonaws.com`.
pub fn via_service(service: &str, region: &str) -> String {
    let name = service.trim_end_matches(".amazonaws.com");
    format!("{name}.{region}.amazonaws.com")
}

impl Kms {
    /// The access of `operation` on the key `text` names: `kms:<operation>` under the key's
    /// policy, with the request's and the key's condition keys, and the key's grants allowing
    /// what no policy does (for `encryption_context`). A key that cannot be found is left to
    /// the operation, which answers `NotFoundException`.
    pub(crate) fn key_access(
        &self,
        caller: &Caller<'_>,
        operation: &'static str,
        text: &str,
        encryption_context: EncryptionContext,
    ) -> Result<Access<'_>, AwsError> {
        let mut context = base_context(caller);
        context_keys(
            encryption_context
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str())),
            &mut context,
        );
        let (account, region) = (&caller.principal.account, caller.region);
        let (key, policy) = self.key_check(account, region, Some(text), None, &mut context)?;
        let arn = key.as_ref().map(|k| k.arn());
        let resources = arn
            .iter()
            .map(|arn| ("AWS::KMS::Key".to_owned(), arn.clone()))
            .collect();
        let also_allowed = key.as_ref().map(|k| {
            let id = k.id;
            Box::new(move |arns: &[&str]| self.granted(id, arns, operation, &encryption_context))
                as AlsoAllowed<'_>
        });
        Ok(Access {
            questions: vec![Question {
                action: format!("kms:{operation}"),
                resource: arn.unwrap_or_else(|| "*".to_owned()),
                policy_required: policy.is_some(),
                policy,
                context,
                also_allowed,
            }],
            resources,
        })
    }
}

impl Kms {
    /// The authorization questions `operation` asks for a caller of `account` in `region`.
    /// A key that cannot be found is left to the operation, which answers `NotFoundException`.
    pub fn checks(
        &self,
        account: &str,
        region: &str,
        operation: &str,
        input: &JsonInput,
    ) -> Result<Vec<KeyCheck>, AwsError> {
        let mut common = vec![("kms:CallerAccount".to_owned(), vec![account.to_owned()])];
        match operation {
            "CreateKey" => {
                request_tags(input, &mut common);
                let text = |name: &str, default: &str| {
                    input.str(name).ok().flatten().unwrap_or(default).to_owned()
                };
                pairs(
                    &mut common,
                    "kms:KeySpec",
                    text("KeySpec", "SYMMETRIC_DEFAULT"),
                );
                pairs(
                    &mut common,
                    "kms:KeyUsage",
                    text("KeyUsage", "ENCRYPT_DECRYPT"),
                );
                pairs(&mut common, "kms:KeyOrigin", text("Origin", "AWS_KMS"));
                bypass_flag(input, &mut common);
            }
            "TagResource" => request_tags(input, &mut common),
            "CreateGrant" => {
                let text = |name: &str| input.str(name).ok().flatten().map(str::to_owned);
                if let Some(grantee) = text("GranteePrincipal") {
                    pairs(&mut common, "kms:GranteePrincipal", grantee);
                }
                if let Some(retiring) = text("RetiringPrincipal") {
                    pairs(&mut common, "kms:RetiringPrincipal", retiring);
                }
                let operations = crate::input::strings(input, "Operations");
                common.push(("kms:GrantOperations".to_owned(), operations));
                if let Some(constraints) = input.get("Constraints").and_then(Value::as_object) {
                    let kinds = constraints.keys().cloned().collect();
                    common.push(("kms:GrantConstraintType".to_owned(), kinds));
                    // For CreateGrant, the encryption context keys are the constraint's.
                    for member in ["EncryptionContextEquals", "EncryptionContextSubset"] {
                        encryption_context_of(constraints.get(member), &mut common);
                    }
                }
            }
            "UntagResource" => {
                let keys = crate::input::strings(input, "TagKeys");
                common.push(("aws:TagKeys".to_owned(), keys));
            }
            "PutKeyPolicy" => {
                bypass_flag(input, &mut common);
            }
            _ => {}
        }
        if matches!(
            operation,
            "Encrypt"
                | "Decrypt"
                | "GenerateDataKey"
                | "GenerateDataKeyWithoutPlaintext"
                | "GenerateDataKeyPair"
                | "GenerateDataKeyPairWithoutPlaintext"
        ) {
            encryption_context(input, "EncryptionContext", &mut common);
            if matches!(operation, "Encrypt" | "Decrypt") {
                let algorithm = input.str("EncryptionAlgorithm").ok().flatten();
                pairs(
                    &mut common,
                    "kms:EncryptionAlgorithm",
                    algorithm.unwrap_or("SYMMETRIC_DEFAULT"),
                );
            }
        }
        let named = |member: &str| input.str(member).ok().flatten();
        let mut from_input = |member: &str, key: &str, default: Option<&str>| {
            if let Some(value) = named(member).or(default) {
                pairs(&mut common, key, value);
            }
        };
        match operation {
            "Sign" | "Verify" => {
                from_input("SigningAlgorithm", "kms:SigningAlgorithm", None);
                from_input("MessageType", "kms:MessageType", Some("RAW"));
            }
            "GenerateMac" | "VerifyMac" => from_input("MacAlgorithm", "kms:MacAlgorithm", None),
            _ => {}
        }
        let on_key = |action: &str,
                      text: Option<&str>,
                      from_blob: bool,
                      mut context,
                      context_member: &str| {
            let (key, key_policy) = self.key_check(
                account,
                region,
                text,
                from_blob.then_some(input),
                &mut context,
            )?;
            Ok::<_, AwsError>(KeyCheck {
                action: action.to_owned(),
                resource: key.as_ref().map_or_else(|| "*".to_owned(), |k| k.arn()),
                key_policy,
                context,
                key: key.map(|k| k.id),
                grant_operation: action.trim_start_matches("kms:").to_owned(),
                encryption_context: crate::input::context(input, context_member)
                    .unwrap_or_default(),
            })
        };
        let action = format!("kms:{operation}");
        match operation {
            "ReEncrypt" => {
                let mut from = common.clone();
                encryption_context(input, "SourceEncryptionContext", &mut from);
                let mut to = common;
                encryption_context(input, "DestinationEncryptionContext", &mut to);
                Ok(vec![
                    on_key(
                        "kms:ReEncryptFrom",
                        named("SourceKeyId"),
                        true,
                        from,
                        "SourceEncryptionContext",
                    )?,
                    on_key(
                        "kms:ReEncryptTo",
                        named("DestinationKeyId"),
                        false,
                        to,
                        "DestinationEncryptionContext",
                    )?,
                ])
            }
            "CreateAlias" | "UpdateAlias" | "DeleteAlias" => {
                // Both the alias (by IAM policy) and its key (by key policy) must allow it.
                let alias_name = named("AliasName").unwrap_or_default();
                let alias = KeyCheck {
                    action: action.clone(),
                    resource: format!("arn:aws:kms:{region}:{account}:{alias_name}"),
                    key_policy: None,
                    context: common.clone(),
                    key: None,
                    grant_operation: operation.to_owned(),
                    encryption_context: EncryptionContext::new(),
                };
                let target = match operation {
                    "DeleteAlias" => self
                        .db
                        .read(|tx| tx.get(&ALIASES, &scoped(account, region, alias_name)))
                        .map_err(internal)?
                        .map(|a| a.target.to_string()),
                    _ => named("TargetKeyId").map(str::to_owned),
                };
                Ok(vec![
                    alias,
                    on_key(
                        &action,
                        target.as_deref(),
                        false,
                        common,
                        "EncryptionContext",
                    )?,
                ])
            }
            "Decrypt" => Ok(vec![on_key(
                &action,
                named("KeyId"),
                true,
                common,
                "EncryptionContext",
            )?]),
            _ => match key_member(operation) {
                Some(member) => Ok(vec![on_key(
                    &action,
                    named(member),
                    false,
                    common,
                    "EncryptionContext",
                )?]),
                None => Ok(vec![KeyCheck {
                    action,
                    resource: "*".to_owned(),
                    key_policy: None,
                    context: common,
                    key: None,
                    grant_operation: operation.to_owned(),
                    encryption_context: EncryptionContext::new(),
                }]),
            },
        }
    }

    /// The resource and key policy for the key named `text` (or, failing that and
    /// `blob_input` given, the key that made its `CiphertextBlob`), adding the key's
    /// condition keys to `context`.
    fn key_check(
        &self,
        account: &str,
        region: &str,
        text: Option<&str>,
        blob_input: Option<&JsonInput>,
        context: &mut Vec<(String, Vec<String>)>,
    ) -> Result<KeyAndPolicy, AwsError> {
        let found = match (text, blob_input) {
            (Some(text), _) => self.find_key(text, account, region).ok(),
            (None, Some(input)) => {
                let bytes = crate::input::opt_blob(input, "CiphertextBlob", blob::MAX_BLOB)
                    .ok()
                    .flatten();
                match bytes.as_deref().and_then(|b| blob::parse(b)) {
                    Some(parsed) => self.key_of_blob(parsed.key_id)?,
                    None => None,
                }
            }
            (None, None) => None,
        };
        let Some(key) = found else {
            return Ok((None, None));
        };
        if text.is_some_and(|t| KeyRef::parse(t, account, region).is_some_and(|r| r.is_alias())) {
            pairs(context, "kms:RequestAlias", text.unwrap_or_default());
        }
        self.key_condition_keys(&key, context)?;
        let policy = self.parsed_policy(&key);
        Ok((Some(key), policy))
    }

    fn key_condition_keys(
        &self,
        key: &KeyRecord,
        context: &mut Vec<(String, Vec<String>)>,
    ) -> Result<(), AwsError> {
        pairs(context, "kms:KeyOrigin", key.origin.clone());
        pairs(context, "kms:KeySpec", key.spec.clone());
        pairs(context, "kms:KeyUsage", key.usage.clone());
        pairs(context, "kms:MultiRegion", "false");
        for (k, v) in &key.tags {
            pairs(context, &format!("aws:ResourceTag/{k}"), v.clone());
        }
        let aliases = self.aliases_of(key)?;
        if !aliases.is_empty() {
            context.push(("kms:ResourceAliases".to_owned(), aliases.to_vec()));
        }
        Ok(())
    }
}

impl Kms {
    /// `key`'s policy, parsed once per policy text and kept while the key keeps that text.
    fn parsed_policy(&self, key: &KeyRecord) -> Option<Arc<Policy>> {
        let mut cache = self
            .policies
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((text, parsed)) = cache.get(&key.id)
            && *text == key.policy
        {
            return Some(parsed.clone());
        }
        let parsed = Arc::new(neargate_policy::parse(&key.policy, PolicyUse::Resource).ok()?);
        if cache.len() >= POLICY_CACHE_BOUND {
            cache.clear();
        }
        cache.insert(key.id, (key.policy.clone(), parsed.clone()));
        Some(parsed)
    }
}

/// A key found for a call (if any) and its parsed policy.
type KeyAndPolicy = (Option<Arc<KeyRecord>>, Option<Arc<Policy>>);

/// Parsed key policies kept before the cache starts over.
const POLICY_CACHE_BOUND: usize = 10_000;
