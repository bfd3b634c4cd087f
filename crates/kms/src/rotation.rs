//! Rotation of key material: automatic on a period the clock drives, or on demand. Each
//! rotation adds a material version; new ciphertexts use the newest, old ones still decrypt
//! because each blob names the version that sealed it.

use std::time::Duration;

use neargate_common::{AwsError, Timestamp};
use neargate_model::kms::{
    DisableKeyRotationRequest, EnableKeyRotationRequest, GetKeyRotationStatusRequest,
    GetKeyRotationStatusResponse, ListKeyRotationsRequest, ListKeyRotationsResponse,
    RotateKeyOnDemandRequest, RotateKeyOnDemandResponse, RotationsListEntry,
};
use neargate_model::{Empty, Time};

use crate::access::on_named_key;
use crate::errors::{disabled, invalid_key_id, invalid_state};
use crate::key_ops::{page, refuse_pending_deletion};
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
fn refuse_alias(caller: &Caller<'_>, text: &str) -> Result<(), AwsError> {
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

    fn enable_key_rotation(
        &self,
        caller: &Caller<'_>,
        input: EnableKeyRotationRequest,
    ) -> Result<Empty, AwsError> {
        refuse_alias(caller, &input.key_id)?;
        let period = input.rotation_period_in_days.unwrap_or(365);
        let period = u32::try_from(period).unwrap_or(365);
        let now = self.now();
        let key = self.update_key(caller, &input.key_id, |key| {
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
        Ok(Empty {})
    }

    fn disable_key_rotation(
        &self,
        caller: &Caller<'_>,
        input: DisableKeyRotationRequest,
    ) -> Result<Empty, AwsError> {
        refuse_alias(caller, &input.key_id)?;
        self.update_key(caller, &input.key_id, |key| {
            rotatable(key)?;
            key.rotation = None;
            Ok(())
        })?;
        Ok(Empty {})
    }

    fn get_key_rotation_status(
        &self,
        caller: &Caller<'_>,
        input: GetKeyRotationStatusRequest,
    ) -> Result<GetKeyRotationStatusResponse, AwsError> {
        refuse_alias(caller, &input.key_id)?;
        let key = self.key(caller, &input.key_id)?;
        refuse_pending_deletion(&key)?;
        let rotation = key.rotation.as_ref();
        Ok(GetKeyRotationStatusResponse {
            key_id: Some(key.arn()),
            key_rotation_enabled: Some(rotation.is_some()),
            rotation_period_in_days: rotation.and_then(|r| i32::try_from(r.period_days).ok()),
            next_rotation_date: rotation.map(|r| Time(r.next)),
            on_demand_rotation_start_date: None,
        })
    }

    fn rotate_key_on_demand(
        &self,
        caller: &Caller<'_>,
        input: RotateKeyOnDemandRequest,
    ) -> Result<RotateKeyOnDemandResponse, AwsError> {
        refuse_alias(caller, &input.key_id)?;
        let now = self.now();
        let key = self.update_key(caller, &input.key_id, |key| {
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
        Ok(RotateKeyOnDemandResponse {
            key_id: Some(key.id.to_string()),
        })
    }

    fn list_key_rotations(
        &self,
        caller: &Caller<'_>,
        input: ListKeyRotationsRequest,
    ) -> Result<ListKeyRotationsResponse, AwsError> {
        refuse_alias(caller, &input.key_id)?;
        let key = self.key(caller, &input.key_id)?;
        if key.origin != "AWS_KMS" {
            return Err(KmsError::UnsupportedOperationException
                .with(format!("{} has imported key material.", key.arn())));
        }
        // Keys of origin AWS_KMS have no imported material: both ways of listing agree.
        let rotations: Vec<RotationsListEntry> = key
            .materials
            .iter()
            .filter_map(|m| {
                m.rotation.as_ref().map(|kind| RotationsListEntry {
                    key_id: Some(key.id.to_string()),
                    key_material_id: Some(material_id(key.id, m.version)),
                    rotation_date: Some(Time(m.created)),
                    rotation_type: Some(kind.as_str().into()),
                    ..RotationsListEntry::default()
                })
            })
            .collect();
        let (rotations, next) = page(input.limit, input.marker.as_deref(), rotations)?;
        Ok(ListKeyRotationsResponse {
            rotations: Some(rotations),
            truncated: Some(next.is_some()),
            next_marker: next,
        })
    }
}

on_named_key! {
    EnableKeyRotation => enable_key_rotation,
    DisableKeyRotation => disable_key_rotation,
    GetKeyRotationStatus => get_key_rotation_status,
    RotateKeyOnDemand => rotate_key_on_demand,
    ListKeyRotations => list_key_rotations,
}
