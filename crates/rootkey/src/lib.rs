//! The root key: held in a file outside the store (mode 0600), it wraps every KMS key's
//! material and every credential secret (IAM access keys, session credentials) before they
//! reach the store.
//!
//! Each wrapped value names the root key that wrapped it by a fingerprint, so a store whose
//! values were re-wrapped under a new root key (`neargate root-key rotate`) is read with the
//! right one.

pub mod b64;

use std::fs::OpenOptions;
use std::io::Write as _;
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::Path;

use aws_lc_rs::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use aws_lc_rs::digest::{SHA256, digest};
use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// Bytes of a root key (AES-256).
const ROOT_KEY_LEN: usize = 32;

/// Key material wrapped under a root key, as stored.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wrapped {
    /// Fingerprint of the root key that wrapped it.
    pub root: String,
    /// Nonce, then ciphertext and tag.
    #[serde(with = "crate::b64")]
    pub sealed: Vec<u8>,
}

impl std::fmt::Debug for Wrapped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Wrapped")
            .field("root", &self.root)
            .finish_non_exhaustive()
    }
}

/// A root key.
pub struct RootKey {
    key: LessSafeKey,
    fingerprint: String,
}

impl std::fmt::Debug for RootKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RootKey({})", self.fingerprint)
    }
}

/// Why a root key could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum RootKeyError {
    /// The file could not be read or written.
    #[error("root key file {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The file does not hold a root key.
    #[error("root key file {0} must hold exactly {ROOT_KEY_LEN} bytes")]
    Length(String),
    /// The file is readable by others than its owner.
    #[error("root key file {0} must not be readable by group or others (chmod 600)")]
    Permissions(String),
}

impl RootKey {
    /// Loads the root key from `path`, creating it (mode 0600) if the file does not exist.
    pub fn load_or_create(path: &Path) -> Result<Self, RootKeyError> {
        if !path.exists() {
            write_new(path, random_key().as_ref())?;
        }
        Self::load(path)
    }

    /// Loads the root key from `path`, which must exist, hold 32 bytes and be private.
    pub fn load(path: &Path) -> Result<Self, RootKeyError> {
        use std::os::unix::fs::PermissionsExt as _;
        let io = |source| RootKeyError::Io {
            path: path.display().to_string(),
            source,
        };
        let mode = std::fs::metadata(path).map_err(io)?.permissions().mode();
        if mode & 0o077 != 0 {
            return Err(RootKeyError::Permissions(path.display().to_string()));
        }
        let bytes = Zeroizing::new(std::fs::read(path).map_err(io)?);
        Self::from_bytes(&bytes).ok_or_else(|| RootKeyError::Length(path.display().to_string()))
    }

    /// A fresh random root key written to `path` (which must not exist yet), mode 0600.
    pub fn create(path: &Path) -> Result<Self, RootKeyError> {
        write_new(path, random_key().as_ref())?;
        Self::load(path)
    }

    fn from_bytes(bytes: &[u8]) -> Option<Self> {
        if bytes.len() != ROOT_KEY_LEN {
            return None;
        }
        let key = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, bytes).ok()?);
        let mut tagged = b"neargate root key fingerprint\0".to_vec();
        tagged.extend_from_slice(bytes);
        let fingerprint = hex(&digest(&SHA256, &tagged).as_ref()[..8]);
        tagged.fill(0);
        Some(Self { key, fingerprint })
    }

    /// This key's fingerprint, as recorded beside what it wraps.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Wraps `material`, bound to `context` (what the material belongs to).
    pub fn wrap(&self, material: &[u8], context: &[u8]) -> Wrapped {
        let mut nonce = [0u8; NONCE_LEN];
        fill_random(&mut nonce);
        let mut sealed = material.to_vec();
        // Sealing in place only fails for inputs far beyond any key material's size.
        self.key
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(context),
                &mut sealed,
            )
            .expect("key material seals");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        sealed.fill(0);
        Wrapped {
            root: self.fingerprint.clone(),
            sealed: out,
        }
    }

    /// Unwraps material wrapped by this key for `context`; `None` if it was not.
    pub fn unwrap(&self, wrapped: &Wrapped, context: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        if wrapped.root != self.fingerprint || wrapped.sealed.len() < NONCE_LEN {
            return None;
        }
        let (nonce, sealed) = wrapped.sealed.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).ok()?;
        let mut buffer = Zeroizing::new(sealed.to_vec());
        let len = self
            .key
            .open_in_place(nonce, Aad::from(context), &mut buffer)
            .ok()?
            .len();
        buffer.truncate(len);
        Some(buffer)
    }
}

/// Fills `out` from the system's secure random source.
pub fn fill_random(out: &mut [u8]) {
    // The system random source does not fail on Linux once the kernel has seeded it.
    SystemRandom::new().fill(out).expect("system randomness");
}

fn random_key() -> Zeroizing<[u8; ROOT_KEY_LEN]> {
    let mut bytes = Zeroizing::new([0u8; ROOT_KEY_LEN]);
    fill_random(bytes.as_mut());
    bytes
}

fn write_new(path: &Path, bytes: &[u8]) -> Result<(), RootKeyError> {
    let io = |source| RootKeyError::Io {
        path: path.display().to_string(),
        source,
    };
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    file.sync_all().map_err(io)
}

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_and_unwraps_only_under_the_same_key_and_context() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("root.key");
        let root = RootKey::load_or_create(&path).unwrap();
        let again = RootKey::load_or_create(&path).unwrap();
        assert_eq!(root.fingerprint(), again.fingerprint());
        let wrapped = root.wrap(b"material", b"key-1/1");
        assert!(!wrapped.sealed.windows(8).any(|w| w == b"material"));
        assert_eq!(
            again.unwrap(&wrapped, b"key-1/1").unwrap().as_slice(),
            b"material"
        );
        assert!(again.unwrap(&wrapped, b"key-1/2").is_none());
        let other = RootKey::create(&dir.path().join("other.key")).unwrap();
        assert!(other.unwrap(&wrapped, b"key-1/1").is_none());
    }

    #[test]
    fn refuses_files_others_can_read() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("root.key");
        RootKey::load_or_create(&path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(matches!(
            RootKey::load(&path),
            Err(RootKeyError::Permissions(_))
        ));
    }
}
