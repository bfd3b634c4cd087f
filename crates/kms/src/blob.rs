//! The ciphertext blob: which key and which version of its material sealed the data, the
//! nonce, then the AES-256-GCM ciphertext and tag. The header is authenticated with the
//! encryption context, so changing any byte of a blob makes it fail to decrypt.
//!
//! ```text
//! 0x01 | key id (16 bytes, UUID) | material version (4 bytes, big endian) | nonce (12) | sealed
//! ```

use uuid::Uuid;

/// The format byte of this layout.
const FORMAT: u8 = 1;
/// Bytes before the nonce.
pub(crate) const HEADER_LEN: usize = 1 + 16 + 4;
/// Bytes of the nonce.
pub(crate) const NONCE_LEN: usize = 12;
/// Bytes of the authentication tag.
pub(crate) const TAG_LEN: usize = 16;
/// The largest blob KMS accepts.
pub(crate) const MAX_BLOB: usize = 6144;

/// A parsed blob, borrowing its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Blob<'a> {
    /// The key that sealed it.
    pub key_id: Uuid,
    /// The version of the key's material that sealed it.
    pub material: u32,
    /// The header bytes, authenticated with the data.
    pub header: &'a [u8],
    /// The nonce.
    pub nonce: &'a [u8; NONCE_LEN],
    /// Ciphertext and tag.
    pub sealed: &'a [u8],
}

/// The header of a blob sealed by `key_id`'s material `material`.
pub(crate) fn header(key_id: Uuid, material: u32) -> [u8; HEADER_LEN] {
    let mut out = [0u8; HEADER_LEN];
    out[0] = FORMAT;
    out[1..17].copy_from_slice(key_id.as_bytes());
    out[17..21].copy_from_slice(&material.to_be_bytes());
    out
}

/// Reads a blob; `None` if it is not one this service made.
pub fn parse(bytes: &[u8]) -> Option<Blob<'_>> {
    if bytes.len() < HEADER_LEN + NONCE_LEN + TAG_LEN || bytes.len() > MAX_BLOB {
        return None;
    }
    let (header, rest) = bytes.split_at(HEADER_LEN);
    if header[0] != FORMAT {
        return None;
    }
    let key_id = Uuid::from_slice(&header[1..17]).ok()?;
    let material = u32::from_be_bytes(header[17..21].try_into().ok()?);
    let (nonce, sealed) = rest.split_at(NONCE_LEN);
    Some(Blob {
        key_id,
        material,
        header,
        nonce: nonce.try_into().ok()?,
        sealed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_back_what_it_writes() {
        let id = Uuid::new_v4();
        let mut bytes = header(id, 7).to_vec();
        bytes.extend_from_slice(&[9u8; NONCE_LEN + TAG_LEN + 3]);
        let blob = parse(&bytes).unwrap();
        assert_eq!((blob.key_id, blob.material), (id, 7));
        assert_eq!(blob.sealed.len(), TAG_LEN + 3);
    }

    proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = parse(&bytes);
        }
    }
}
