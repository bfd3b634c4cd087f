//! Key lifecycle operations: create, describe, list, describe-update, enable and disable,
//! scheduled deletion, tags and key policies.

use std::sync::Arc;

use neargate_common::AwsError;
use neargate_model::kms::Error as KmsError;
use neargate_model::kms::KeyState as WireKeyState;
use neargate_model::kms::{
    CancelKeyDeletionRequest, CancelKeyDeletionResponse, CreateKeyRequest, CreateKeyResponse,
    DescribeKeyRequest, DescribeKeyResponse, DisableKeyRequest, EnableKeyRequest,
    GetKeyPolicyRequest, GetKeyPolicyResponse, KeyListEntry, ListKeyPoliciesRequest,
    ListKeyPoliciesResponse, ListKeysRequest, ListKeysResponse, ListResourceTagsRequest,
    ListResourceTagsResponse, OriginType, PutKeyPolicyRequest, ScheduleKeyDeletionRequest,
    ScheduleKeyDeletionResponse, Tag, TagResourceRequest, UntagResourceRequest,
    UpdateKeyDescriptionRequest, ops,
};
use neargate_model::{Access, ConditionKey, Empty, Handler, Time};
use neargate_policy::{Policy, PolicyUse};
use neargate_store::{Read, WriteTx};
use serde_json::json;
use uuid::Uuid;

use crate::access::{account_access, on_named_key, pair, request_tags};
use crate::asymmetric::Spec;
use crate::errors::{self, internal, invalid_state, validation};
use crate::keys::{KEYS, KEYS_BY_SCOPE, KeyRecord, KeyState, Material, find, scoped};
use crate::{Caller, Kms};

/// Longest key policy KMS accepts, in characters.
const MAX_POLICY: usize = 32_768;
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

/// Pages over `items` (already in order), by `limit` (default 100; the model bounds it) and
/// `marker` (the index to start at, as issued by the previous page): the page, and the marker
/// of the next one if there is more.
pub(crate) fn page<T>(
    limit: Option<i32>,
    marker: Option<&str>,
    items: Vec<T>,
) -> Result<(Vec<T>, Option<String>), AwsError> {
    let start = match marker {
        None => 0,
        Some(marker) => marker
            .strip_prefix("page-")
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| *n <= items.len())
            .ok_or_else(|| KmsError::InvalidMarkerException.with("The marker is not valid."))?,
    };
    let limit = limit.and_then(|n| usize::try_from(n).ok()).unwrap_or(100);
    let end = start.saturating_add(limit).min(items.len());
    let next = (end < items.len()).then(|| format!("page-{end}"));
    let page = items.into_iter().skip(start).take(end - start).collect();
    Ok((page, next))
}

impl Kms {
    /// The key `text` names, in the caller's account and region.
    pub(crate) fn key(&self, caller: &Caller<'_>, text: &str) -> Result<Arc<KeyRecord>, AwsError> {
        self.find_key(text, &caller.principal.account, caller.region)
    }

    /// Applies `change` to the key `text` names in one write; returns the updated key.
    pub(crate) fn update_key(
        &self,
        caller: &Caller<'_>,
        text: &str,
        change: impl FnOnce(&mut KeyRecord) -> Result<(), AwsError>,
    ) -> Result<KeyRecord, AwsError> {
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

    fn create_key(
        &self,
        caller: &Caller<'_>,
        input: CreateKeyRequest,
    ) -> Result<CreateKeyResponse, AwsError> {
        if input.custom_key_store_id.is_some() || input.xks_key_id.is_some() {
            return Err(KmsError::CustomKeyStoreNotFoundException
                .with("This endpoint has no custom key stores."));
        }
        let spec = input
            .key_spec
            .map(|s| s.to_string())
            .or_else(|| input.customer_master_key_spec.map(|s| s.to_string()))
            .unwrap_or_else(|| "SYMMETRIC_DEFAULT".to_owned());
        let kind = Spec::parse(&spec)?;
        let usage = input
            .key_usage
            .map_or_else(|| kind.usages()[0].to_owned(), |u| u.to_string());
        if !kind.usages().contains(&usage.as_str()) {
            return Err(validation(format!(
                "KeyUsage {usage} is not compatible with KeySpec {spec}"
            )));
        }
        let origin = input.origin.unwrap_or(OriginType::AwsKms);
        match origin {
            OriginType::AwsKms => {}
            OriginType::External if kind == Spec::Symmetric => {}
            OriginType::External => {
                return Err(KmsError::UnsupportedOperationException
                    .with("Imported key material is supported for SYMMETRIC_DEFAULT keys only."));
            }
            other => {
                return Err(KmsError::UnsupportedOperationException.with(format!(
                    "Origin {other} needs a custom key store, which this endpoint does not offer."
                )));
            }
        }
        if input.multi_region == Some(true) {
            return Err(KmsError::UnsupportedOperationException.with(
                "Multi-Region keys are not supported by this endpoint; create a single-Region key.",
            ));
        }
        let new_tags = tag_pairs(input.tags.unwrap_or_default());
        if new_tags.len() > MAX_TAGS {
            return Err(
                KmsError::TagException.with(format!("A key can have at most {MAX_TAGS} tags."))
            );
        }
        let account = caller.principal.account.clone();
        let id = Uuid::new_v4();
        let now = self.now();
        let external = origin == OriginType::External;
        let mut key = KeyRecord {
            id,
            account: account.clone(),
            region: caller.region.to_owned(),
            created: now,
            description: input.description.unwrap_or_default(),
            state: if external {
                KeyState::PendingImport
            } else {
                KeyState::Enabled
            },
            origin: origin.to_string(),
            spec,
            usage,
            policy: default_policy(&account),
            deletion_date: None,
            pending_window_days: None,
            tags: new_tags,
            materials: Vec::new(),
            rotation: None,
            imported: None,
        };
        if let Some(text) = input.policy {
            let policy = parse_policy(&text)?;
            let bypass = input.bypass_policy_lockout_safety_check.unwrap_or(false);
            check_lockout(caller, &policy, &key.arn(), bypass)?;
            key.policy = text;
        }
        if !external {
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
        Ok(CreateKeyResponse {
            key_metadata: Some(key.metadata()),
        })
    }

    fn describe_key(
        &self,
        caller: &Caller<'_>,
        input: DescribeKeyRequest,
    ) -> Result<DescribeKeyResponse, AwsError> {
        // Grant tokens only ever spare a caller the wait for a grant to take effect, which
        // never happens here; AWS's model gives DescribeKey no error for a bad one.
        let key = self.key(caller, &input.key_id)?;
        Ok(DescribeKeyResponse {
            key_metadata: Some(key.metadata()),
        })
    }

    fn list_keys(
        &self,
        caller: &Caller<'_>,
        input: ListKeysRequest,
    ) -> Result<ListKeysResponse, AwsError> {
        let prefix = scoped(&caller.principal.account, caller.region, "");
        let ids: Vec<String> = self
            .db
            .read(|tx| tx.prefix(&KEYS_BY_SCOPE, &prefix))
            .map_err(internal)?
            .into_iter()
            .map(|(k, ())| String::from_utf8_lossy(&k[prefix.len()..]).into_owned())
            .collect();
        let (ids, next) = page(input.limit, input.marker.as_deref(), ids)?;
        let keys = ids
            .into_iter()
            .map(|id| KeyListEntry {
                key_arn: Some(format!(
                    "arn:aws:kms:{}:{}:key/{id}",
                    caller.region, caller.principal.account
                )),
                key_id: Some(id),
            })
            .collect();
        Ok(ListKeysResponse {
            keys: Some(keys),
            truncated: Some(next.is_some()),
            next_marker: next,
        })
    }

    fn update_key_description(
        &self,
        caller: &Caller<'_>,
        input: UpdateKeyDescriptionRequest,
    ) -> Result<Empty, AwsError> {
        self.update_key(caller, &input.key_id, |key| {
            refuse_pending_deletion(key)?;
            key.description = input.description;
            Ok(())
        })?;
        Ok(Empty {})
    }

    fn set_enabled(
        &self,
        caller: &Caller<'_>,
        text: &str,
        enabled: bool,
    ) -> Result<Empty, AwsError> {
        self.update_key(caller, text, |key| match key.state {
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
        Ok(Empty {})
    }

    fn enable_key(&self, caller: &Caller<'_>, input: EnableKeyRequest) -> Result<Empty, AwsError> {
        self.set_enabled(caller, &input.key_id, true)
    }

    fn disable_key(
        &self,
        caller: &Caller<'_>,
        input: DisableKeyRequest,
    ) -> Result<Empty, AwsError> {
        self.set_enabled(caller, &input.key_id, false)
    }

    fn schedule_key_deletion(
        &self,
        caller: &Caller<'_>,
        input: ScheduleKeyDeletionRequest,
    ) -> Result<ScheduleKeyDeletionResponse, AwsError> {
        let days = input.pending_window_in_days.unwrap_or(30);
        // The model allows 1 to 365 days; KMS takes 7 to 30.
        let bound = match days {
            ..7 => Some("greater than or equal to 7"),
            31.. => Some("less than or equal to 30"),
            _ => None,
        };
        if let Some(bound) = bound {
            return Err(validation(format!(
                "1 validation error detected: Value '{days}' at 'pendingWindowInDays' failed to \
                 satisfy constraint: Member must have value {bound}"
            )));
        }
        let now = self.now();
        let date = now + std::time::Duration::from_secs(u64::try_from(days).unwrap_or(30) * 86_400);
        let key = self.update_key(caller, &input.key_id, |key| {
            refuse_pending_deletion(key)?;
            key.state = KeyState::PendingDeletion;
            key.deletion_date = Some(date);
            key.pending_window_days = u32::try_from(days).ok();
            Ok(())
        })?;
        self.work_due_at(date);
        Ok(ScheduleKeyDeletionResponse {
            key_id: Some(key.arn()),
            deletion_date: Some(Time(date)),
            key_state: Some(WireKeyState::PendingDeletion),
            pending_window_in_days: Some(days),
        })
    }

    fn cancel_key_deletion(
        &self,
        caller: &Caller<'_>,
        input: CancelKeyDeletionRequest,
    ) -> Result<CancelKeyDeletionResponse, AwsError> {
        let key = self.update_key(caller, &input.key_id, |key| {
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
        Ok(CancelKeyDeletionResponse {
            key_id: Some(key.arn()),
        })
    }

    fn tag_resource(
        &self,
        caller: &Caller<'_>,
        input: TagResourceRequest,
    ) -> Result<Empty, AwsError> {
        let new_tags = tag_pairs(input.tags);
        self.update_key(caller, &input.key_id, |key| {
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
        Ok(Empty {})
    }

    fn untag_resource(
        &self,
        caller: &Caller<'_>,
        input: UntagResourceRequest,
    ) -> Result<Empty, AwsError> {
        self.update_key(caller, &input.key_id, |key| {
            refuse_pending_deletion(key)?;
            key.tags.retain(|(k, _)| !input.tag_keys.contains(k));
            Ok(())
        })?;
        Ok(Empty {})
    }

    fn list_resource_tags(
        &self,
        caller: &Caller<'_>,
        input: ListResourceTagsRequest,
    ) -> Result<ListResourceTagsResponse, AwsError> {
        let key = self.key(caller, &input.key_id)?;
        let (tags, next) = page(input.limit, input.marker.as_deref(), key.tags.clone())?;
        let tags = tags
            .into_iter()
            .map(|(tag_key, tag_value)| Tag { tag_key, tag_value })
            .collect();
        Ok(ListResourceTagsResponse {
            tags: Some(tags),
            truncated: Some(next.is_some()),
            next_marker: next,
        })
    }

    fn get_key_policy(
        &self,
        caller: &Caller<'_>,
        input: GetKeyPolicyRequest,
    ) -> Result<GetKeyPolicyResponse, AwsError> {
        let name = input.policy_name.as_deref().unwrap_or("default");
        let key = self.key(caller, &input.key_id)?;
        if name != "default" {
            return Err(KmsError::NotFoundException.with(format!("No such policy exists: {name}")));
        }
        Ok(GetKeyPolicyResponse {
            policy: Some(key.policy.clone()),
            policy_name: Some("default".to_owned()),
        })
    }

    fn put_key_policy(
        &self,
        caller: &Caller<'_>,
        input: PutKeyPolicyRequest,
    ) -> Result<Empty, AwsError> {
        let name = input.policy_name.as_deref().unwrap_or("default");
        if name != "default" {
            return Err(validation(format!(
                "PolicyName must be 'default', not '{name}'."
            )));
        }
        let policy = parse_policy(&input.policy)?;
        let bypass = input.bypass_policy_lockout_safety_check.unwrap_or(false);
        self.update_key(caller, &input.key_id, |key| {
            refuse_pending_deletion(key)?;
            check_lockout(caller, &policy, &key.arn(), bypass)?;
            key.policy = input.policy;
            Ok(())
        })?;
        Ok(Empty {})
    }

    fn list_key_policies(
        &self,
        caller: &Caller<'_>,
        input: ListKeyPoliciesRequest,
    ) -> Result<ListKeyPoliciesResponse, AwsError> {
        self.key(caller, &input.key_id)?;
        let (names, next) = page(
            input.limit,
            input.marker.as_deref(),
            vec!["default".to_owned()],
        )?;
        Ok(ListKeyPoliciesResponse {
            policy_names: Some(names),
            truncated: Some(next.is_some()),
            next_marker: next,
        })
    }
}

/// The tags of a request as stored.
fn tag_pairs(tags: Vec<Tag>) -> Vec<(String, String)> {
    tags.into_iter().map(|t| (t.tag_key, t.tag_value)).collect()
}

/// `kms:BypassPolicyLockoutSafetyCheck` of a request (false when absent).
fn bypass_key(bypass: Option<bool>) -> ConditionKey {
    pair(
        "kms:BypassPolicyLockoutSafetyCheck",
        bypass.unwrap_or(false).to_string(),
    )
}

impl<'a> Handler<ops::CreateKey, Caller<'a>> for Kms {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &CreateKeyRequest,
    ) -> Result<Access<'_>, AwsError> {
        let spec = input
            .key_spec
            .as_ref()
            .map_or("SYMMETRIC_DEFAULT", |s| s.as_str());
        let mut context = request_tags(input.tags.as_deref().unwrap_or_default());
        context.push(pair("kms:KeySpec", spec));
        let usage = input
            .key_usage
            .as_ref()
            .map_or("ENCRYPT_DECRYPT", |u| u.as_str());
        context.push(pair("kms:KeyUsage", usage));
        let origin = input.origin.as_ref().map_or("AWS_KMS", |o| o.as_str());
        context.push(pair("kms:KeyOrigin", origin));
        context.push(bypass_key(input.bypass_policy_lockout_safety_check));
        Ok(account_access(caller, "CreateKey", context))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: CreateKeyRequest,
    ) -> Result<CreateKeyResponse, AwsError> {
        self.create_key(caller, input)
    }
}

impl<'a> Handler<ops::ListKeys, Caller<'a>> for Kms {
    fn access(&self, caller: &Caller<'a>, _: &ListKeysRequest) -> Result<Access<'_>, AwsError> {
        Ok(account_access(caller, "ListKeys", Vec::new()))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: ListKeysRequest,
    ) -> Result<ListKeysResponse, AwsError> {
        self.list_keys(caller, input)
    }
}

on_named_key! {
    TagResource => tag_resource where |input| request_tags(&input.tags),
    UntagResource => untag_resource
        where |input| vec![("aws:TagKeys".to_owned(), input.tag_keys.clone())],
    PutKeyPolicy => put_key_policy
        where |input| vec![bypass_key(input.bypass_policy_lockout_safety_check)],
    DescribeKey => describe_key,
    UpdateKeyDescription => update_key_description,
    EnableKey => enable_key,
    DisableKey => disable_key,
    ScheduleKeyDeletion => schedule_key_deletion,
    CancelKeyDeletion => cancel_key_deletion,
    ListResourceTags => list_resource_tags,
    GetKeyPolicy => get_key_policy,
    ListKeyPolicies => list_key_policies,
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
