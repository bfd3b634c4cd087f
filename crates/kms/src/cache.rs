//! What KMS calls read, kept in memory between writes: a call on a key reads it twice (to
//! authorize, then to act), looks up its aliases for the condition keys, and needs a cipher set
//! up from its material — each a large part of a cryptographic call. Every KMS write empties the
//! cache; a read that raced with a write is not remembered.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use neargate_common::AwsError;
use neargate_store::{Read, WriteTx};
use uuid::Uuid;

use crate::Kms;
use crate::errors::{internal, not_found};
use crate::keys::{ALIASES, KEYS, KeyRecord, resolve, scoped};
use crate::seal::Sealer;

/// Entries one memo keeps before it starts over.
const BOUND: usize = 10_000;

/// Values by key, for one store generation.
#[derive(Debug)]
struct Memo<K, V> {
    values: Mutex<HashMap<K, Arc<V>>>,
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Self {
            values: Mutex::new(HashMap::new()),
        }
    }
}

impl<K: Eq + Hash + Clone, V> Memo<K, V> {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<K, Arc<V>>> {
        self.values.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The value for `key`: remembered, or `load`ed and remembered unless a write happened
    /// since `generation` was read.
    fn get(
        &self,
        generation: &AtomicU64,
        key: &K,
        load: impl FnOnce() -> Result<Option<V>, AwsError>,
    ) -> Result<Option<Arc<V>>, AwsError> {
        let seen = generation.load(Ordering::SeqCst);
        if let Some(value) = self.lock().get(key) {
            return Ok(Some(value.clone()));
        }
        let Some(value) = load()? else {
            return Ok(None);
        };
        let value = Arc::new(value);
        let mut values = self.lock();
        if generation.load(Ordering::SeqCst) == seen {
            if values.len() >= BOUND {
                values.clear();
            }
            values.insert(key.clone(), value.clone());
        }
        Ok(Some(value))
    }
}

/// Keys by id, their aliases, and their set-up ciphers by key and material version.
#[derive(Debug, Default)]
pub(crate) struct KeyCache {
    generation: AtomicU64,
    keys: Memo<Uuid, KeyRecord>,
    aliases: Memo<Uuid, Vec<String>>,
    sealers: Memo<(Uuid, u32), Sealer>,
}

impl Kms {
    /// Runs a write transaction, then forgets everything cached.
    pub(crate) fn write<T>(
        &self,
        f: impl FnOnce(&mut WriteTx<'_>) -> neargate_store::Result<T>,
    ) -> neargate_store::Result<T> {
        let result = self.db.write(f);
        self.cache.generation.fetch_add(1, Ordering::SeqCst);
        self.cache.keys.lock().clear();
        self.cache.aliases.lock().clear();
        self.cache.sealers.lock().clear();
        result
    }

    /// The key with `id`, from the cache or the store.
    fn key_by_id(&self, id: Uuid) -> Result<Option<Arc<KeyRecord>>, AwsError> {
        self.cache.keys.get(&self.cache.generation, &id, || {
            self.db
                .read(|tx| tx.get(&KEYS, id.to_string().as_bytes()))
                .map_err(internal)
        })
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

    /// The key with `id`, wherever it is (for ciphertexts, which name their key).
    pub(crate) fn key_of_blob(&self, id: Uuid) -> Result<Option<Arc<KeyRecord>>, AwsError> {
        self.key_by_id(id)
    }

    /// The names of the aliases that point at `key`.
    pub(crate) fn aliases_of(&self, key: &KeyRecord) -> Result<Arc<Vec<String>>, AwsError> {
        let prefix = scoped(&key.account, &key.region, "");
        let found = self
            .cache
            .aliases
            .get(&self.cache.generation, &key.id, || {
                let all = self
                    .db
                    .read(|tx| tx.prefix(&ALIASES, &prefix))
                    .map_err(internal)?;
                Ok(Some(
                    all.into_iter()
                        .filter(|(_, a)| a.target == key.id)
                        .map(|(_, a)| a.name)
                        .collect(),
                ))
            })?;
        Ok(found.unwrap_or_default())
    }

    /// AES-256-GCM under `key`'s material `version`, set up once per store generation.
    pub(crate) fn sealer(&self, key: &KeyRecord, version: u32) -> Result<Arc<Sealer>, AwsError> {
        let found = self
            .cache
            .sealers
            .get(&self.cache.generation, &(key.id, version), || {
                let material = self.material(key, version)?;
                Sealer::new(&material)
                    .map(Some)
                    .ok_or_else(|| AwsError::internal("KMSInternalException"))
            })?;
        found.ok_or_else(|| AwsError::internal("KMSInternalException"))
    }
}
