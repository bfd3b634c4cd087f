//! Re-wrapping every key's material under a new root key, for root key rotation.

use neargate_store::{Db, Read};

use crate::keys::{KEYS, KeyRecord};
use neargate_rootkey::RootKey;

/// What a re-wrap did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rewrapped {
    /// Material versions moved from the old root key to the new one.
    pub moved: usize,
    /// Material versions already under the new root key (an interrupted run being finished).
    pub already: usize,
}

/// Why a re-wrap stopped.
#[derive(Debug, thiserror::Error)]
pub enum RewrapError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] neargate_store::StoreError),
    /// Some material is wrapped under neither key; nothing was changed.
    #[error("material of key {key} (version {version}) is wrapped under neither root key")]
    UnknownRoot {
        /// The key.
        key: String,
        /// The material version.
        version: u32,
    },
}

/// Re-wraps all material wrapped under `old` so it is wrapped under `new`, in one transaction:
/// either every key moves or none does. Material already under `new` is left as it is, so an
/// interrupted rotation can simply be run again.
pub fn rewrap_all(db: &Db, old: &RootKey, new: &RootKey) -> Result<Rewrapped, RewrapError> {
    db.write(|tx| {
        let mut done = Rewrapped::default();
        let mut changed = Vec::new();
        for (store_key, mut key) in tx.prefix(&KEYS, b"")? {
            for material in &mut key.materials {
                let context = KeyRecord::wrap_context(key.id, material.version);
                if material.wrapped.root == new.fingerprint() {
                    done.already += 1;
                    continue;
                }
                // Nothing is written unless every material unwraps.
                let Some(plain) = old.unwrap(&material.wrapped, &context) else {
                    return Ok(Err(RewrapError::UnknownRoot {
                        key: key.id.to_string(),
                        version: material.version,
                    }));
                };
                material.wrapped = new.wrap(&plain, &context);
                done.moved += 1;
            }
            changed.push((store_key, key));
        }
        for (store_key, key) in &changed {
            tx.put(&KEYS, store_key, key)?;
        }
        Ok(Ok(done))
    })?
}
