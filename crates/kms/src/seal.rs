//! Sealing data under a key's material: AES-256-GCM with a fresh random nonce per call, the
//! blob header and the encryption context bound as additional authenticated data.

use std::collections::BTreeMap;

use aws_lc_rs::aead::{AES_256_GCM, Aad, LessSafeKey, Nonce, UnboundKey};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::blob::{self, Blob, NONCE_LEN};
use neargate_rootkey::fill_random;

/// An encryption context: the caller's name-value pairs bound to a ciphertext.
pub type EncryptionContext = BTreeMap<String, String>;

/// Bytes of a symmetric key's material.
pub(crate) const MATERIAL_LEN: usize = 32;

/// Fresh random material for a symmetric key.
pub(crate) fn new_material() -> Zeroizing<Vec<u8>> {
    let mut material = Zeroizing::new(vec![0u8; MATERIAL_LEN]);
    fill_random(&mut material);
    material
}

/// The additional authenticated data: the blob header, then each context pair length-prefixed
/// in key order, so no two contexts share an encoding.
fn aad(header: &[u8], context: &EncryptionContext) -> Vec<u8> {
    let mut out = header.to_vec();
    for (k, v) in context {
        for part in [k, v] {
            let len = u32::try_from(part.len()).unwrap_or(u32::MAX);
            out.extend_from_slice(&len.to_be_bytes());
            out.extend_from_slice(part.as_bytes());
        }
    }
    out
}

/// AES-256-GCM under one version of a key's material, set up once and kept while the key is
/// unchanged (the expanded key is cleansed when it is dropped).
pub(crate) struct Sealer(LessSafeKey);

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealer(<redacted>)")
    }
}

impl Sealer {
    /// A sealer for 32 bytes of `material`; `None` for material of another length.
    pub(crate) fn new(material: &[u8]) -> Option<Self> {
        Some(Self(LessSafeKey::new(
            UnboundKey::new(&AES_256_GCM, material).ok()?,
        )))
    }

    /// Seals `plaintext` as version `version` of key `key_id` into a blob.
    pub(crate) fn seal(
        &self,
        key_id: Uuid,
        version: u32,
        plaintext: &[u8],
        context: &EncryptionContext,
    ) -> Vec<u8> {
        let header = blob::header(key_id, version);
        let mut nonce = [0u8; NONCE_LEN];
        fill_random(&mut nonce);
        let mut out = header.to_vec();
        out.extend_from_slice(&nonce);
        let mut sealed = Zeroizing::new(plaintext.to_vec());
        // Plaintexts are bounded far below what AES-GCM can seal, so sealing cannot fail.
        self.0
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(aad(&header, context)),
                &mut *sealed,
            )
            .expect("bounded plaintext seals");
        out.extend_from_slice(&sealed);
        out
    }

    /// Opens `blob`; `None` if it was not sealed by this material with `context`.
    pub(crate) fn open(
        &self,
        blob: &Blob<'_>,
        context: &EncryptionContext,
    ) -> Option<Zeroizing<Vec<u8>>> {
        let mut buffer = Zeroizing::new(blob.sealed.to_vec());
        let len = self
            .0
            .open_in_place(
                Nonce::assume_unique_for_key(*blob.nonce),
                Aad::from(aad(blob.header, context)),
                &mut buffer,
            )
            .ok()?
            .len();
        buffer.truncate(len);
        Some(buffer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn context(pairs: &[(&str, &str)]) -> EncryptionContext {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn the_context_must_match() {
        let material = new_material();
        let id = Uuid::new_v4();
        let ctx = context(&[("purpose", "test")]);
        let sealer = Sealer::new(&material).unwrap();
        let sealed = sealer.seal(id, 1, b"hello", &ctx);
        let parsed = blob::parse(&sealed).unwrap();
        assert_eq!(sealer.open(&parsed, &ctx).unwrap().as_slice(), b"hello");
        assert!(
            sealer
                .open(&parsed, &context(&[("purpose", "other")]))
                .is_none()
        );
        assert!(sealer.open(&parsed, &EncryptionContext::new()).is_none());
        // Pairs that concatenate alike are still different contexts.
        let a = sealer.seal(id, 1, b"x", &context(&[("ab", "c")]));
        let a = blob::parse(&a).unwrap();
        assert!(sealer.open(&a, &context(&[("a", "bc")])).is_none());
        // Another key's material opens nothing.
        let other = Sealer::new(&new_material()).unwrap();
        assert!(other.open(&parsed, &ctx).is_none());
    }

    proptest! {
        #[test]
        fn round_trips_and_any_flipped_bit_fails(
            plaintext in proptest::collection::vec(any::<u8>(), 1..=4096),
            pairs in proptest::collection::btree_map("[a-z]{1,8}", "[ -~]{0,16}", 0..4),
            bit in any::<proptest::sample::Index>(),
        ) {
            let sealer = Sealer::new(&new_material()).unwrap();
            let sealed = sealer.seal(Uuid::new_v4(), 3, &plaintext, &pairs);
            let parsed = blob::parse(&sealed).unwrap();
            let opened = sealer.open(&parsed, &pairs).unwrap();
            prop_assert_eq!(opened.as_slice(), &plaintext[..]);
            let mut tampered = sealed.clone();
            let i = bit.index(tampered.len() * 8);
            tampered[i / 8] ^= 1 << (i % 8);
            let opened = blob::parse(&tampered).and_then(|b| sealer.open(&b, &pairs));
            prop_assert!(opened.is_none());
        }
    }
}
