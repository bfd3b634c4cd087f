//! Rotation of key material: automatic on a period the clock drives, or on demand. Each
//! rotation adds a material version; new ciphertexts use the newest, old ones still decrypt
//! because each blob names the version that sealed it.

use std::time::Duration;

use neargate_common::{AwsError, Timestamp};
use neargate_wire::{JsonInput, Reply};
use serde_json::{Value, json};

use crate::errors::{disabled, invalid_key_id, invalid_state};
use crate::input::opt_int;
use crate::key_ops::{page, paged, quiet, refuse_pending_deletion, reply};
use crate::keys::{KeyRecord, KeyRef, KeyState, Material, Rotation, material_id};
use crate::seal::new_material;
use crate::{Caller, Kms};
use neargate_model::kms::Error as KmsError;

/// On-demand rotations a key may have.
const MAX_ON_DEMAND: usize = 10;

pub(crate) fn days(n: u32) -> Duration {
    Duration::from_secs(u64::from(n) * 86_400)
}

/// The rotation operations name their key by key id or key ARN only: an alias is an invalid
/// key id to them.
fn refuse_alias(caller: &Caller<'_>, input: &JsonInput) -> Result<(), AwsError> {
    let text = input.str("KeyId").ok().flatten().unwrap_or_default();
    if KeyRef::parse(text, &caller.principal.account, caller.region).is_some_and(|r| r.is_alias()) {
        return Err(invalid_key_id(text));
    }
    Ok(())
}

/// Rotation needs a symmetric key with material KMS made, enabled.
fn rotatable(key: &KeyRecord) -> Result<(), AwsError> {
    if !key.symmetric() {
        return Err(KmsError::UnsupportedOperationException.with(format!(
            "{} is a {} key; only symmetric encryption keys rotate.",
            key.arn(),
            key.spec
        )));
    }
    if key.origin != "AWS_KMS" {
        return Err(KmsError::UnsupportedOperationException.with(format!(
            "{} has imported key material; rotate it by importing new material.",
            key.arn()
        )));
    }
    match key.state {
        KeyState::Enabled => Ok(()),
        KeyState::Disabled => Err(disabled(&key.arn())),
        state => Err(invalid_state(&key.arn(), state.as_str())),
    }
}

impl Kms {
    /// Adds a new material version to `key`, made by a rotation of `kind`.
    pub(crate) fn add_material(&self, key: &mut KeyRecord, now: Timestamp, kind: &str) {
        let version = key.current().map_or(1, |m| m.version + 1);
        let material = new_material();
        key.materials.push(Material {
            version,
            created: now,
            wrapped: self
                .root
                .wrap(&material, &KeyRecord::wrap_context(key.id, version)),
            rotation: Some(kind.to_owned()),
        });
    }

    pub(crate) fn enable_key_rotation(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        refuse_alias(caller, input)?;
        let period = opt_int(input, "RotationPeriodInDays", 90..=2560)?.unwrap_or(365);
        let period = u32::try_from(period).unwrap_or(365);
        let now = self.now();
        let key = self.update_key(caller, input, |key| {
            rotatable(key)?;
            key.rotation = Some(Rotation {
                period_days: period,
                next: now + days(period),
            });
            Ok(())
        })?;
        if let Some(rotation) = &key.rotation {
            self.work_due_at(rotation.next);
        }
        reply(json!({}))
    }

    pub(crate) fn disable_key_rotation(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        refuse_alias(caller, input)?;
        self.update_key(caller, input, |key| {
            rotatable(key)?;
            key.rotation = None;
            Ok(())
        })?;
        reply(json!({}))
    }

    pub(crate) fn get_key_rotation_status(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        refuse_alias(caller, input)?;
        let key = self.key(caller, input)?;
        refuse_pending_deletion(&key)?;
        let mut body = json!({
            "KeyId": key.arn(),
            "KeyRotationEnabled": key.rotation.is_some(),
        });
        if let Some(rotation) = &key.rotation {
            body["RotationPeriodInDays"] = json!(rotation.period_days);
            body["NextRotationDate"] = json!(rotation.next.epoch_seconds_f64());
        }
        quiet(body)
    }

    pub(crate) fn rotate_key_on_demand(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        refuse_alias(caller, input)?;
        let now = self.now();
        let key = self.update_key(caller, input, |key| {
            rotatable(key)?;
            let done = key
                .materials
                .iter()
                .filter(|m| m.rotation.as_deref() == Some("ON_DEMAND"))
                .count();
            if done >= MAX_ON_DEMAND {
                return Err(KmsError::LimitExceededException.with(format!(
                    "{} has reached the limit of {MAX_ON_DEMAND} on-demand rotations.",
                    key.arn()
                )));
            }
            self.add_material(key, now, "ON_DEMAND");
            Ok(())
        })?;
        reply(json!({ "KeyId": key.id.to_string() }))
    }

    pub(crate) fn list_key_rotations(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        refuse_alias(caller, input)?;
        let key = self.key(caller, input)?;
        if key.origin != "AWS_KMS" {
            return Err(KmsError::UnsupportedOperationException
                .with(format!("{} has imported key material.", key.arn())));
        }
        let rotations: Vec<Value> = key
            .materials
            .iter()
            .filter_map(|m| {
                m.rotation.as_ref().map(|kind| {
                    json!({
                        "KeyId": key.id.to_string(),
                        "KeyMaterialId": material_id(key.id, m.version),
                        "RotationDate": m.created.epoch_seconds_f64(),
                        "RotationType": kind,
                    })
                })
            })
            .collect();
        let (rotations, next) = page(input, rotations)?;
        quiet(paged(json!({ "Rotations": rotations }), next))
    }
}
