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

use neargate_common::{Principal, SharedClock, Timestamp};
use neargate_policy::Policy;
use neargate_store::Db;

pub use access::via_service;
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

    fn now(&self) -> Timestamp {
        self.clock.now()
    }
}
