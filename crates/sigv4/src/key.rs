//! Signing-key derivation and a cache of derived keys.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::canonical::Hex;
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
    pub fn derive(secret: &str, scope: &Scope<'_>) -> Self {
        let seed = Zeroizing::new(format!("AWS4{secret}"));
        let k_date = Zeroizing::new(hmac(seed.as_bytes(), scope.date.as_bytes()));
        let k_region = Zeroizing::new(hmac(&*k_date, scope.region.as_bytes()));
        let k_service = Zeroizing::new(hmac(&*k_region, scope.service.as_bytes()));
        Self(Zeroizing::new(hmac(&*k_service, b"aws4_request")))
    }

    /// The signature of `string_to_sign`, as lowercase hex.
    pub fn sign(&self, string_to_sign: &str) -> Hex {
        Hex::of(&hmac(&*self.0, string_to_sign.as_bytes()))
    }
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SigningKey(<redacted>)")
    }
}

/// Derived keys per access key id and scope. A key id's secret never changes, so entries stay
/// valid; the cache is emptied when it grows past its bound. Lookups do not allocate.
#[derive(Debug, Default)]
pub struct KeyCache {
    keys: Mutex<CachedKeys>,
}

#[derive(Debug, Default)]
struct CachedKeys {
    by_key_id: HashMap<String, Vec<(Scope<'static>, SigningKey)>>,
    count: usize,
}

/// Entries kept before the cache starts over.
const CACHE_BOUND: usize = 10_000;

impl KeyCache {
    /// The signing key for `access_key_id` and `scope`, derived from `secret` on a miss.
    pub fn get(&self, access_key_id: &str, secret: &str, scope: &Scope<'_>) -> SigningKey {
        let cached = self.lock().by_key_id.get(access_key_id).and_then(|scopes| {
            scopes
                .iter()
                .find(|(s, _)| s == scope)
                .map(|(_, key)| key.clone())
        });
        if let Some(key) = cached {
            return key;
        }
        let key = SigningKey::derive(secret, scope);
        let mut keys = self.lock();
        if keys.count >= CACHE_BOUND {
            *keys = CachedKeys::default();
        }
        keys.count += 1;
        keys.by_key_id
            .entry(access_key_id.to_owned())
            .or_default()
            .push((scope.clone().into_owned(), key.clone()));
        key
    }

    /// Forgets every derived key.
    pub fn clear(&self) {
        *self.lock() = CachedKeys::default();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, CachedKeys> {
        self.keys.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
