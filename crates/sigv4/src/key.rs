//! Signing-key derivation and a cache of derived keys.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::parse::Scope;

/// HMAC-SHA256 of `data` under `key`.
pub(crate) fn hmac(key: &[u8], data: &[u8]) -> [u8; 32] {
    // HMAC accepts keys of any length, so construction cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(data);
    mac.finalize().into_bytes().into()
}

/// A derived SigV4 signing key for one access key, date, region and service.
#[derive(Clone)]
pub struct SigningKey(Zeroizing<[u8; 32]>);

impl SigningKey {
    /// Derives the key: `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
    pub fn derive(secret: &str, scope: &Scope) -> Self {
        let seed = Zeroizing::new(format!("AWS4{secret}"));
        let k_date = Zeroizing::new(hmac(seed.as_bytes(), scope.date.as_bytes()));
        let k_region = Zeroizing::new(hmac(&*k_date, scope.region.as_bytes()));
        let k_service = Zeroizing::new(hmac(&*k_region, scope.service.as_bytes()));
        Self(Zeroizing::new(hmac(&*k_service, b"aws4_request")))
    }

    /// The signature of `string_to_sign`, as lowercase hex.
    pub fn sign(&self, string_to_sign: &str) -> String {
        hex::encode(hmac(&*self.0, string_to_sign.as_bytes()))
    }
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SigningKey(<redacted>)")
    }
}

/// Derived keys per (access key id, scope). A key id's secret never changes, so entries stay
/// valid; the cache is emptied when it grows past its bound.
#[derive(Debug, Default)]
pub struct KeyCache {
    keys: Mutex<HashMap<(String, Scope), SigningKey>>,
}

/// Entries kept before the cache starts over.
const CACHE_BOUND: usize = 10_000;

impl KeyCache {
    /// The signing key for `access_key_id` and `scope`, derived from `secret` on a miss.
    pub fn get(&self, access_key_id: &str, secret: &str, scope: &Scope) -> SigningKey {
        let id = (access_key_id.to_owned(), scope.clone());
        if let Some(key) = self.lock().get(&id) {
            return key.clone();
        }
        let key = SigningKey::derive(secret, scope);
        let mut keys = self.lock();
        if keys.len() >= CACHE_BOUND {
            keys.clear();
        }
        keys.insert(id, key.clone());
        key
    }

    /// Forgets every derived key.
    pub fn clear(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(String, Scope), SigningKey>> {
        self.keys.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
