//! Keys read for calls, kept in memory between writes: a call on a key reads it twice (to
//! authorize, then to act), and decoding a key record is a large part of a cryptographic call.
//! Every KMS write empties the cache; a read that raced with a write is not remembered.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use neargate_common::AwsError;
use neargate_store::{Read, WriteTx};
use uuid::Uuid;

use crate::Kms;
use crate::errors::{internal, not_found};
use crate::keys::{ALIASES, KEYS, KeyRecord, resolve};
use crate::seal::Sealer;

/// Keys by id, and their set-up ciphers by key and material version, valid for one store
/// generation.
#[derive(Debug, Default)]
pub(crate) struct KeyCache {
    generation: AtomicU64,
    keys: Mutex<HashMap<Uuid, Arc<KeyRecord>>>,
    sealers: Mutex<HashMap<(Uuid, u32), Arc<Sealer>>>,
}

/// Keys kept before the cache starts over.
const BOUND: usize = 10_000;

impl KeyCache {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Uuid, Arc<KeyRecord>>> {
        self.keys.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn lock_sealers(&self) -> std::sync::MutexGuard<'_, HashMap<(Uuid, u32), Arc<Sealer>>> {
        self.sealers.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Kms {
    /// Runs a write transaction, then forgets every cached key.
    pub(crate) fn write<T>(
        &self,
        f: impl FnOnce(&mut WriteTx<'_>) -> neargate_store::Result<T>,
    ) -> neargate_store::Result<T> {
        let result = self.db.write(f);
        self.cache.generation.fetch_add(1, Ordering::SeqCst);
        self.cache.lock().clear();
        self.cache.lock_sealers().clear();
        result
    }

    /// The key with `id`, from the cache or the store.
    fn key_by_id(&self, id: Uuid) -> Result<Option<Arc<KeyRecord>>, AwsError> {
        let generation = self.cache.generation.load(Ordering::SeqCst);
        if let Some(key) = self.cache.lock().get(&id) {
            return Ok(Some(key.clone()));
        }
        let Some(key) = self
            .db
            .read(|tx| tx.get(&KEYS, id.to_string().as_bytes()))
            .map_err(internal)?
        else {
            return Ok(None);
        };
        let key = Arc::new(key);
        let mut keys = self.cache.lock();
        if self.cache.generation.load(Ordering::SeqCst) == generation {
            if keys.len() >= BOUND {
                keys.clear();
            }
            keys.insert(id, key.clone());
        }
        Ok(Some(key))
    }

    /// The key `text` names in `account` and `region`, or `NotFoundException`.
    pub(crate) fn find_key(
        &self,
        text: &str,
        account: &str,
        region: &str,
    ) -> Result<Arc<KeyRecord>, AwsError> {
        let (id, want_account, want_region) = resolve(text, account, region, |alias| {
            self.db
                .read(|tx| tx.get(&ALIASES, alias))
                .map(|a| a.map(|a| a.target))
                .map_err(internal)
        })?;
        self.key_by_id(id)?
            .filter(|k| k.account == want_account && k.region == want_region)
            .ok_or_else(|| not_found(text, account, region))
    }

    /// AES-256-GCM under `key`'s material `version`, set up once per store generation.
    pub(crate) fn sealer(&self, key: &KeyRecord, version: u32) -> Result<Arc<Sealer>, AwsError> {
        let generation = self.cache.generation.load(Ordering::SeqCst);
        if let Some(sealer) = self.cache.lock_sealers().get(&(key.id, version)) {
            return Ok(sealer.clone());
        }
        let material = self.material(key, version)?;
        let sealer = Arc::new(
            Sealer::new(&material).ok_or_else(|| AwsError::internal("KMSInternalException"))?,
        );
        let mut sealers = self.cache.lock_sealers();
        if self.cache.generation.load(Ordering::SeqCst) == generation {
            if sealers.len() >= BOUND {
                sealers.clear();
            }
            sealers.insert((key.id, version), sealer.clone());
        }
        Ok(sealer)
    }

    /// The key with `id`, wherever it is (for ciphertexts, which name their key).
    pub(crate) fn key_of_blob(&self, id: Uuid) -> Result<Option<Arc<KeyRecord>>, AwsError> {
        self.key_by_id(id)
    }
}
