//! Key lifecycle operations: create, describe, list, describe-update, enable and disable,
//! scheduled deletion, tags and key policies.

use std::sync::Arc;

use neargate_common::AwsError;
use neargate_policy::{Policy, PolicyUse};
use neargate_store::{Read, WriteTx};
use neargate_wire::{JsonInput, Output, Reply};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::asymmetric::Spec;
use crate::errors::{self, internal, invalid_state, validation};
use crate::input::{opt_bool, opt_int, opt_str, req_str, tags};
use crate::keys::{KEYS, KEYS_BY_SCOPE, KeyRecord, KeyState, Material, find, scoped};
use crate::{Caller, Kms};
use neargate_model::kms::Error as KmsError;

/// Longest key policy KMS accepts, in characters.
const MAX_POLICY: usize = 32_768;
/// Longest description.
const MAX_DESCRIPTION: usize = 8_192;
/// Tags a key may carry.
const MAX_TAGS: usize = 50;

/// The key policy KMS gives a key created without one: the account's IAM policies decide.
pub(crate) fn default_policy(account: &str) -> String {
    json!({
        "Version": "2012-10-17",
        "Id": "key-default-1",
        "Statement": [{
            "Sid": "Enable IAM User Permissions",
            "Effect": "Allow",
            "Principal": {"AWS": format!("arn:aws:iam::{account}:root")},
            "Action": "kms:*",
            "Resource": "*"
        }]
    })
    .to_string()
}

fn parse_policy(text: &str) -> Result<Policy, AwsError> {
    if text.chars().count() > MAX_POLICY {
        return Err(errors::length(
            "policy",
            "<policy>",
            &format!("less than or equal to {MAX_POLICY}"),
        ));
    }
    neargate_policy::parse(text, PolicyUse::Resource)
        .map_err(|e| KmsError::MalformedPolicyDocumentException.with(e.to_string()))
}

/// The lockout safety check: the caller must still be able to change the policy afterwards.
fn check_lockout(
    caller: &Caller<'_>,
    policy: &Policy,
    key_arn: &str,
    bypass: bool,
) -> Result<(), AwsError> {
    if bypass || (caller.may_manage)(policy, key_arn) {
        return Ok(());
    }
    Err(KmsError::MalformedPolicyDocumentException
        .with("The new key policy will not allow you to update the key policy in the future."))
}

/// A reply whose body is also the trail's `responseElements` (none when it is empty).
pub(crate) fn reply(body: Value) -> Result<Reply, AwsError> {
    let empty = body.as_object().is_some_and(serde_json::Map::is_empty);
    Ok(Reply {
        response_elements: (!empty).then(|| body.clone()),
        output: Output::Json(body),
    })
}

/// A reply the trail records without response elements.
pub(crate) fn quiet(body: Value) -> Result<Reply, AwsError> {
    Ok(Reply::quiet(Output::Json(body)))
}

/// Pages over `items` (already in order), by `Limit` (1–1000, default 100) and `Marker` (the
/// index to start at, as issued by the previous page).
pub(crate) fn page<T>(
    input: &JsonInput,
    items: Vec<T>,
) -> Result<(Vec<T>, Option<String>), AwsError> {
    let limit = opt_int(input, "Limit", 1..=1000)?.unwrap_or(100);
    let start = match opt_str(input, "Marker", 1024)? {
        None => 0,
        Some(marker) => marker
            .strip_prefix("page-")
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| *n <= items.len())
            .ok_or_else(|| KmsError::InvalidMarkerException.with("The marker is not valid."))?,
    };
    let limit = usize::try_from(limit).unwrap_or(100);
    let end = start.saturating_add(limit).min(items.len());
    let next = (end < items.len()).then(|| format!("page-{end}"));
    let page = items.into_iter().skip(start).take(end - start).collect();
    Ok((page, next))
}

/// `{..., "Truncated": bool, "NextMarker"?}`.
pub(crate) fn paged(mut body: Value, next: Option<String>) -> Value {
    body["Truncated"] = json!(next.is_some());
    if let Some(marker) = next {
        body["NextMarker"] = json!(marker);
    }
    body
}

impl Kms {
    /// Reads the key named by the `KeyId` member, in the caller's account and region.
    pub(crate) fn key(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Arc<KeyRecord>, AwsError> {
        let text = req_str(input, "KeyId", 2048)?;
        self.find_key(text, &caller.principal.account, caller.region)
    }

    /// Applies `change` to the key named by `KeyId` in one write; returns the updated key.
    pub(crate) fn update_key(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
        change: impl FnOnce(&mut KeyRecord) -> Result<(), AwsError>,
    ) -> Result<KeyRecord, AwsError> {
        let text = req_str(input, "KeyId", 2048)?;
        let account = &caller.principal.account;
        self.write(|tx| {
            let mut key = match find(tx, text, account, caller.region) {
                Ok(key) => key,
                Err(e) => return Ok(Err(e)),
            };
            if let Err(e) = change(&mut key) {
                return Ok(Err(e));
            }
            put_key(tx, &key)?;
            Ok(Ok(key))
        })
        .map_err(internal)?
    }

    pub(crate) fn create_key(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let spec = opt_str(input, "KeySpec", 64)?
            .or(opt_str(input, "CustomerMasterKeySpec", 64)?)
            .unwrap_or("SYMMETRIC_DEFAULT");
        let kind = Spec::parse(spec)?;
        let usage = opt_str(input, "KeyUsage", 64)?.unwrap_or(kind.usages()[0]);
        if !kind.usages().contains(&usage) {
            return Err(validation(format!(
                "KeyUsage {usage} is not compatible with KeySpec {spec}"
            )));
        }
        let origin = opt_str(input, "Origin", 64)?.unwrap_or("AWS_KMS");
        match origin {
            "AWS_KMS" => {}
            "EXTERNAL" if kind == Spec::Symmetric => {}
            "EXTERNAL" => {
                return Err(KmsError::UnsupportedOperationException
                    .with("Imported key material is supported for SYMMETRIC_DEFAULT keys only."));
            }
            "AWS_CLOUDHSM" | "EXTERNAL_KEY_STORE" => {
                return Err(KmsError::UnsupportedOperationException.with(format!(
                    "Origin {origin} needs a custom key store, which this endpoint does not offer."
                )));
            }
            other => {
                return Err(validation(format!(
                    "1 validation error detected: Value '{other}' at 'origin' failed to satisfy \
                     constraint: Member must satisfy enum value set: [EXTERNAL_KEY_STORE, \
                     AWS_KMS, AWS_CLOUDHSM, EXTERNAL]"
                )));
            }
        }
        if opt_bool(input, "MultiRegion")? == Some(true) {
            return Err(KmsError::UnsupportedOperationException.with(
                "Multi-Region keys are not supported by this endpoint; create a single-Region key.",
            ));
        }
        let description = opt_str(input, "Description", MAX_DESCRIPTION)?.unwrap_or("");
        let new_tags = tags(input)?;
        if new_tags.len() > MAX_TAGS {
            return Err(
                KmsError::TagException.with(format!("A key can have at most {MAX_TAGS} tags."))
            );
        }
        let account = caller.principal.account.clone();
        let id = Uuid::new_v4();
        let now = self.now();
        let mut key = KeyRecord {
            id,
            account: account.clone(),
            region: caller.region.to_owned(),
            created: now,
            description: description.to_owned(),
            state: if origin == "EXTERNAL" {
                KeyState::PendingImport
            } else {
                KeyState::Enabled
            },
            origin: origin.to_owned(),
            spec: spec.to_owned(),
            usage: usage.to_owned(),
            policy: default_policy(&account),
            deletion_date: None,
            pending_window_days: None,
            tags: new_tags,
            materials: Vec::new(),
            rotation: None,
            imported: None,
        };
        if let Some(text) = opt_str(input, "Policy", MAX_POLICY + 1)? {
            let policy = parse_policy(text)?;
            let bypass = opt_bool(input, "BypassPolicyLockoutSafetyCheck")?.unwrap_or(false);
            check_lockout(caller, &policy, &key.arn(), bypass)?;
            text.clone_into(&mut key.policy);
        }
        if origin == "AWS_KMS" {
            let material = kind.generate()?;
            key.materials.push(Material {
                version: 1,
                created: now,
                wrapped: self.root.wrap(&material, &KeyRecord::wrap_context(id, 1)),
                rotation: None,
            });
        }
        self.write(|tx| {
            put_key(tx, &key)?;
            tx.put(
                &KEYS_BY_SCOPE,
                &scoped(&key.account, &key.region, &id.to_string()),
                &(),
            )
        })
        .map_err(internal)?;
        reply(json!({ "KeyMetadata": key.metadata() }))
    }

    pub(crate) fn describe_key(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let key = self.key(caller, input)?;
        quiet(json!({ "KeyMetadata": key.metadata() }))
    }

    pub(crate) fn list_keys(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let prefix = scoped(&caller.principal.account, caller.region, "");
        let ids: Vec<String> = self
            .db
            .read(|tx| tx.prefix(&KEYS_BY_SCOPE, &prefix))
            .map_err(internal)?
            .into_iter()
            .map(|(k, ())| String::from_utf8_lossy(&k[prefix.len()..]).into_owned())
            .collect();
        let (ids, next) = page(input, ids)?;
        let keys: Vec<Value> = ids
            .iter()
            .map(|id| {
                json!({
                    "KeyId": id,
                    "KeyArn": format!(
                        "arn:aws:kms:{}:{}:key/{id}",
                        caller.region, caller.principal.account
                    ),
                })
            })
            .collect();
        quiet(paged(json!({ "Keys": keys }), next))
    }

    pub(crate) fn update_key_description(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let description = opt_str(input, "Description", MAX_DESCRIPTION)?
            .ok_or_else(|| {
                validation(
                    "1 validation error detected: Value null at 'description' failed to satisfy \
                     constraint: Member must not be null",
                )
            })?
            .to_owned();
        self.update_key(caller, input, |key| {
            refuse_pending_deletion(key)?;
            key.description = description;
            Ok(())
        })?;
        reply(json!({}))
    }

    pub(crate) fn set_enabled(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
        enabled: bool,
    ) -> Result<Reply, AwsError> {
        self.update_key(caller, input, |key| match key.state {
            KeyState::Enabled | KeyState::Disabled => {
                key.state = if enabled {
                    KeyState::Enabled
                } else {
                    KeyState::Disabled
                };
                Ok(())
            }
            state => Err(invalid_state(&key.arn(), state.as_str())),
        })?;
        reply(json!({}))
    }

    pub(crate) fn schedule_key_deletion(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let days = opt_int(input, "PendingWindowInDays", 7..=30)?.unwrap_or(30);
        let now = self.now();
        let date = now + std::time::Duration::from_secs(u64::try_from(days).unwrap_or(30) * 86_400);
        let key = self.update_key(caller, input, |key| {
            refuse_pending_deletion(key)?;
            key.state = KeyState::PendingDeletion;
            key.deletion_date = Some(date);
            key.pending_window_days = u32::try_from(days).ok();
            Ok(())
        })?;
        self.work_due_at(date);
        reply(json!({
            "KeyId": key.arn(),
            "DeletionDate": date.epoch_seconds_f64(),
            "KeyState": "PendingDeletion",
            "PendingWindowInDays": days,
        }))
    }

    pub(crate) fn cancel_key_deletion(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let key = self.update_key(caller, input, |key| {
            if key.state != KeyState::PendingDeletion {
                return Err(invalid_state(&key.arn(), key.state.as_str()));
            }
            key.state = if key.materials.is_empty() {
                KeyState::PendingImport
            } else {
                KeyState::Disabled
            };
            key.deletion_date = None;
            key.pending_window_days = None;
            Ok(())
        })?;
        reply(json!({ "KeyId": key.arn() }))
    }

    pub(crate) fn tag_resource(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let new_tags = tags(input)?;
        self.update_key(caller, input, |key| {
            refuse_pending_deletion(key)?;
            for (k, v) in new_tags {
                match key.tags.iter_mut().find(|(existing, _)| *existing == k) {
                    Some(slot) => slot.1 = v,
                    None => key.tags.push((k, v)),
                }
            }
            if key.tags.len() > MAX_TAGS {
                return Err(
                    KmsError::TagException.with(format!("A key can have at most {MAX_TAGS} tags."))
                );
            }
            Ok(())
        })?;
        reply(json!({}))
    }

    pub(crate) fn untag_resource(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let keys: Vec<String> = crate::input::strings(input, "TagKeys");
        self.update_key(caller, input, |key| {
            refuse_pending_deletion(key)?;
            key.tags.retain(|(k, _)| !keys.contains(k));
            Ok(())
        })?;
        reply(json!({}))
    }

    pub(crate) fn list_resource_tags(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let key = self.key(caller, input)?;
        let (tags, next) = page(input, key.tags.clone())?;
        let tags: Vec<Value> = tags
            .into_iter()
            .map(|(k, v)| json!({"TagKey": k, "TagValue": v}))
            .collect();
        quiet(paged(json!({ "Tags": tags }), next))
    }

    pub(crate) fn get_key_policy(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let name = opt_str(input, "PolicyName", 128)?.unwrap_or("default");
        let key = self.key(caller, input)?;
        if name != "default" {
            return Err(KmsError::NotFoundException.with(format!("No such policy exists: {name}")));
        }
        quiet(json!({ "Policy": key.policy, "PolicyName": "default" }))
    }

    pub(crate) fn put_key_policy(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let name = opt_str(input, "PolicyName", 128)?.unwrap_or("default");
        if name != "default" {
            return Err(validation(format!(
                "PolicyName must be 'default', not '{name}'."
            )));
        }
        let text = req_str(input, "Policy", MAX_POLICY + 1)?.to_owned();
        let policy = parse_policy(&text)?;
        let bypass = opt_bool(input, "BypassPolicyLockoutSafetyCheck")?.unwrap_or(false);
        self.update_key(caller, input, |key| {
            refuse_pending_deletion(key)?;
            check_lockout(caller, &policy, &key.arn(), bypass)?;
            key.policy = text;
            Ok(())
        })?;
        reply(json!({}))
    }

    pub(crate) fn list_key_policies(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        self.key(caller, input)?;
        quiet(json!({ "PolicyNames": ["default"], "Truncated": false }))
    }
}

/// Operations that change a key are refused while it waits for deletion.
pub(crate) fn refuse_pending_deletion(key: &KeyRecord) -> Result<(), AwsError> {
    if key.state == KeyState::PendingDeletion {
        return Err(invalid_state(&key.arn(), key.state.as_str()));
    }
    Ok(())
}

pub(crate) fn put_key(tx: &mut WriteTx<'_>, key: &KeyRecord) -> neargate_store::Result<()> {
    tx.put(&KEYS, key.id.to_string().as_bytes(), key)
}
