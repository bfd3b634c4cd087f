//! KMS: customer managed symmetric keys with real AES-256-GCM, key policies evaluated by the
//! policy engine, aliases, tags, key states and scheduled deletion. Key material is stored only
//! wrapped under a root key kept outside the store.

mod access;
mod aliases;
mod asymmetric;
pub mod blob;
mod cache;
mod crypto_ops;
mod due;
mod errors;
mod grants;
mod import;
mod input;
mod key_ops;
mod keys;
mod rewrap;
mod rotation;
mod seal;
mod signing_ops;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::atomic::AtomicI64;
use std::sync::{Arc, Mutex};

use neargate_common::{AwsError, Principal, SharedClock, Timestamp};
use neargate_model::kms::Error as KmsError;
use neargate_policy::Policy;
use neargate_store::Db;
use neargate_wire::{JsonInput, Reply};

pub use access::{KeyCheck, via_service};
pub use neargate_rootkey::{RootKey, RootKeyError};
pub use rewrap::{RewrapError, Rewrapped, rewrap_all};
pub use seal::EncryptionContext;
pub use uuid::Uuid as KeyId;

/// Who calls, and how to check that a new key policy would not lock them out.
pub struct Caller<'a> {
    /// The authenticated principal.
    pub principal: &'a Principal,
    /// The region the request was signed for.
    pub region: &'a str,
    /// Whether the caller could still run `kms:PutKeyPolicy` on `key_arn` under `policy`
    /// (the key policy lockout safety check).
    pub may_manage: &'a dyn Fn(&Policy, &str) -> bool,
    /// The service making the call on the principal's behalf (`kms:ViaService`), if any.
    pub called_via: Option<&'a str>,
}

impl std::fmt::Debug for Caller<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Caller")
            .field("principal", &self.principal.arn)
            .field("region", &self.region)
            .finish_non_exhaustive()
    }
}

/// The KMS service.
#[derive(Debug)]
pub struct Kms {
    db: Db,
    clock: SharedClock,
    root: Arc<RootKey>,
    /// The earliest time any key has work due (deletion, rotation, material expiry), in epoch
    /// milliseconds (`i64::MAX` when none), so calls check for it without reading the store.
    next_due: AtomicI64,
    /// Keys read between writes.
    cache: cache::KeyCache,
    /// Parsed key policies by key, with the text they were parsed from.
    policies: Mutex<HashMap<uuid::Uuid, (String, Arc<Policy>)>>,
}

impl Kms {
    /// The service over `db`, wrapping key material under `root`.
    pub fn new(
        db: Db,
        clock: SharedClock,
        root: Arc<RootKey>,
    ) -> Result<Self, neargate_store::StoreError> {
        let kms = Self {
            db,
            clock,
            root,
            next_due: AtomicI64::new(i64::MAX),
            policies: Mutex::default(),
            cache: cache::KeyCache::default(),
        };
        kms.recompute_next_due()?;
        Ok(kms)
    }

    /// Runs the KMS `operation` for `caller`.
    pub fn handle(
        &self,
        caller: &Caller<'_>,
        operation: &str,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        self.run_due_work();
        // Authorization has passed by now: a dry run stops here, as on AWS.
        let dry_runnable = neargate_model::kms::MODEL
            .operation(operation)
            .is_some_and(|op| op.dry_run);
        if dry_runnable && input::opt_bool(input, "DryRun")? == Some(true) {
            return Err(KmsError::DryRunOperationException
                .with("The request would have succeeded, but the DryRun parameter was set."));
        }
        match operation {
            "CreateKey" => self.create_key(caller, input),
            "DescribeKey" => self.describe_key(caller, input),
            "ListKeys" => self.list_keys(caller, input),
            "UpdateKeyDescription" => self.update_key_description(caller, input),
            "EnableKey" => self.set_enabled(caller, input, true),
            "DisableKey" => self.set_enabled(caller, input, false),
            "ScheduleKeyDeletion" => self.schedule_key_deletion(caller, input),
            "CancelKeyDeletion" => self.cancel_key_deletion(caller, input),
            "TagResource" => self.tag_resource(caller, input),
            "UntagResource" => self.untag_resource(caller, input),
            "ListResourceTags" => self.list_resource_tags(caller, input),
            "GetKeyPolicy" => self.get_key_policy(caller, input),
            "PutKeyPolicy" => self.put_key_policy(caller, input),
            "ListKeyPolicies" => self.list_key_policies(caller, input),
            "EnableKeyRotation" => self.enable_key_rotation(caller, input),
            "DisableKeyRotation" => self.disable_key_rotation(caller, input),
            "GetKeyRotationStatus" => self.get_key_rotation_status(caller, input),
            "RotateKeyOnDemand" => self.rotate_key_on_demand(caller, input),
            "ListKeyRotations" => self.list_key_rotations(caller, input),
            "CreateGrant" => self.create_grant(caller, input),
            "ListGrants" => self.list_grants(caller, input),
            "ListRetirableGrants" => self.list_retirable_grants(caller, input),
            "RetireGrant" => self.retire_grant(caller, input),
            "RevokeGrant" => self.revoke_grant(caller, input),
            "GetParametersForImport" => self.get_parameters_for_import(caller, input),
            "ImportKeyMaterial" => self.import_key_material(caller, input),
            "DeleteImportedKeyMaterial" => self.delete_imported_key_material(caller, input),
            "GetPublicKey" => self.get_public_key(caller, input),
            "Sign" => self.sign(caller, input),
            "Verify" => self.verify(caller, input),
            "GenerateMac" => self.generate_mac(caller, input),
            "VerifyMac" => self.verify_mac(caller, input),
            "Encrypt" => self.encrypt(caller, input),
            "Decrypt" => self.decrypt(caller, input),
            "ReEncrypt" => self.re_encrypt(caller, input),
            "GenerateDataKeyPair" => self.generate_data_key_pair(caller, input, true),
            "GenerateDataKeyPairWithoutPlaintext" => {
                self.generate_data_key_pair(caller, input, false)
            }
            "CreateAlias" => self.create_alias(caller, input),
            "UpdateAlias" => self.update_alias(caller, input),
            "DeleteAlias" => self.delete_alias(caller, input),
            "ListAliases" => self.list_aliases(caller, input),
            _ => Err(AwsError::unknown_operation(operation)),
        }
    }

    fn now(&self) -> Timestamp {
        self.clock.now()
    }
}
