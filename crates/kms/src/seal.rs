//! Sealing data under a key's material: AES-256-GCM with a fresh random nonce per call, the
//! blob header and the encryption context bound as additional authenticated data.

use std::collections::BTreeMap;

use aws_lc_rs::aead::{AES_256_GCM, Aad, LessSafeKey, Nonce, UnboundKey};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::blob::{self, Blob, NONCE_LEN};
use crate::root::fill_random;

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

fn cipher(material: &[u8]) -> Option<LessSafeKey> {
    Some(LessSafeKey::new(
        UnboundKey::new(&AES_256_GCM, material).ok()?,
    ))
}

/// Seals `plaintext` under `material` (version `version` of key `key_id`) into a blob.
pub(crate) fn seal(
    key_id: Uuid,
    version: u32,
    material: &[u8],
    plaintext: &[u8],
    context: &EncryptionContext,
) -> Vec<u8> {
    let header = blob::header(key_id, version);
    let mut nonce = [0u8; NONCE_LEN];
    fill_random(&mut nonce);
    let mut out = header.to_vec();
    out.extend_from_slice(&nonce);
    let mut sealed = Zeroizing::new(plaintext.to_vec());
    // Material is always 32 bytes and plaintexts are bounded, so sealing cannot fail.
    cipher(material)
        .expect("32-byte material")
        .seal_in_place_append_tag(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(aad(&header, context)),
            &mut *sealed,
        )
        .expect("bounded plaintext seals");
    out.extend_from_slice(&sealed);
    out
}

/// Opens `blob` with `material`; `None` if the blob, the material or the context do not match.
pub(crate) fn open(
    blob: &Blob<'_>,
    material: &[u8],
    context: &EncryptionContext,
) -> Option<Zeroizing<Vec<u8>>> {
    let mut buffer = Zeroizing::new(blob.sealed.to_vec());
    let len = cipher(material)?
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
        let sealed = seal(id, 1, &material, b"hello", &ctx);
        let parsed = blob::parse(&sealed).unwrap();
        assert_eq!(open(&parsed, &material, &ctx).unwrap().as_slice(), b"hello");
        assert!(open(&parsed, &material, &context(&[("purpose", "other")])).is_none());
        assert!(open(&parsed, &material, &EncryptionContext::new()).is_none());
        // Pairs that concatenate alike are still different contexts.
        let a = seal(id, 1, &material, b"x", &context(&[("ab", "c")]));
        assert!(
            open(
                &blob::parse(&a).unwrap(),
                &material,
                &context(&[("a", "bc")])
            )
            .is_none()
        );
    }

    proptest! {
        #[test]
        fn round_trips_and_any_flipped_bit_fails(
            plaintext in proptest::collection::vec(any::<u8>(), 1..=4096),
            pairs in proptest::collection::btree_map("[a-z]{1,8}", "[ -~]{0,16}", 0..4),
            bit in any::<proptest::sample::Index>(),
        ) {
            let material = new_material();
            let sealed = seal(Uuid::new_v4(), 3, &material, &plaintext, &pairs);
            let parsed = blob::parse(&sealed).unwrap();
            let opened = open(&parsed, &material, &pairs).unwrap();
            prop_assert_eq!(opened.as_slice(), &plaintext[..]);
            let mut tampered = sealed.clone();
            let i = bit.index(tampered.len() * 8);
            tampered[i / 8] ^= 1 << (i % 8);
            let opened = blob::parse(&tampered).and_then(|b| open(&b, &material, &pairs));
            prop_assert!(opened.is_none());
        }
    }
}
