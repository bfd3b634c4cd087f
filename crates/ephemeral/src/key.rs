//! The data key a volume is encrypted under, and where it comes from.

use zeroize::Zeroizing;

use crate::sys::MASTER_KEY_LEN;

/// A 256-bit data key in plaintext: held in memory only, wiped when dropped, never printed.
pub struct DataKey(Zeroizing<[u8; 32]>);

impl DataKey {
    /// The key in `bytes`, which must be 32 bytes long (an `AES_256` data key).
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let array: [u8; 32] = bytes.try_into().ok()?;
        Some(Self(Zeroizing::new(array)))
    }

    /// The fscrypt master key: 64 bytes (AES-256-XTS uses two 256-bit keys) expanded from the
    /// data key with HKDF-SHA512, so the volume's strength is exactly the data key's.
    pub(crate) fn master_key(&self) -> Zeroizing<[u8; MASTER_KEY_LEN]> {
        struct Len;
        impl aws_lc_rs::hkdf::KeyType for Len {
            fn len(&self) -> usize {
                MASTER_KEY_LEN
            }
        }
        let mut out = Zeroizing::new([0u8; MASTER_KEY_LEN]);
        let prk = aws_lc_rs::hkdf::Salt::new(aws_lc_rs::hkdf::HKDF_SHA512, b"neargate")
            .extract(self.0.as_slice());
        prk.expand(&[b"ephemeral volume master key"], Len)
            .and_then(|okm| okm.fill(out.as_mut_slice()))
            .expect("HKDF-SHA512 yields 64 bytes");
        out
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(<redacted>)")
    }
}

/// Where a volume's data key comes from: on Neargate, KMS `Decrypt` through the grant made for
/// the task's volume. The error is the reason the task could not start.
pub trait KeySource {
    /// The plaintext data key for the volume `volume`.
    fn data_key(&self, volume: &str) -> Result<DataKey, String>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_256_bit_keys_are_taken_and_none_is_printed() {
        assert!(DataKey::from_bytes(&[7; 16]).is_none());
        assert!(DataKey::from_bytes(&[7; 33]).is_none());
        let key = DataKey::from_bytes(&[7; 32]).unwrap();
        assert_eq!(format!("{key:?}"), "DataKey(<redacted>)");
    }

    #[test]
    fn the_master_key_depends_on_every_byte_of_the_data_key() {
        let a = DataKey::from_bytes(&[1; 32]).unwrap().master_key();
        let mut other = [1; 32];
        other[31] = 2;
        let b = DataKey::from_bytes(&other).unwrap().master_key();
        assert_ne!(*a, *b);
        assert_eq!(*a, *DataKey::from_bytes(&[1; 32]).unwrap().master_key());
        assert!(!a.iter().all(|b| *b == 0));
    }
}
