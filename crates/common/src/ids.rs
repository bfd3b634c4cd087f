//! Identifier generation in the forms AWS uses.

/// Fills `buf` with cryptographically secure random bytes.
pub fn random_bytes(buf: &mut [u8]) {
    // The OS random source failing is unrecoverable: nothing secure can be issued without it.
    getrandom::fill(buf).expect("operating system random source failed");
}

/// A random version-4 UUID, the form of request ids, event ids and key ids.
pub fn uuid() -> String {
    let mut b = [0u8; 16];
    random_bytes(&mut b);
    uuid::Builder::from_random_bytes(b).into_uuid().to_string()
}

/// A version-4 UUID from a fast per-thread generator (SplitMix64, seeded from the OS): unique
/// for request and event ids without a system call each. Never for secrets or key ids.
pub fn fast_uuid() -> String {
    thread_local! {
        static STATE: std::cell::Cell<u64> = std::cell::Cell::new({
            let mut seed = [0u8; 8];
            random_bytes(&mut seed);
            u64::from_le_bytes(seed)
        });
    }
    let next = || {
        STATE.with(|state| {
            let mut z = state.get().wrapping_add(0x9E37_79B9_7F4A_7C15);
            state.set(z);
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        })
    };
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&next().to_le_bytes());
    bytes[8..].copy_from_slice(&next().to_le_bytes());
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

/// `len` random characters drawn from `alphabet` without modulo bias.
pub fn random_chars(alphabet: &[u8], len: usize) -> String {
    debug_assert!(!alphabet.is_empty() && alphabet.len() <= 256);
    let limit = 256 - 256 % alphabet.len();
    let mut out = String::with_capacity(len);
    let mut buf = [0u8; 64];
    while out.len() < len {
        random_bytes(&mut buf);
        for &b in &buf {
            if usize::from(b) < limit && out.len() < len {
                out.push(char::from(alphabet[usize::from(b) % alphabet.len()]));
            }
        }
    }
    out
}

const BASE32: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const DIGITS: &[u8] = b"0123456789";
const SECRET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// An AWS-style unique id with a four-letter prefix (`AKIA`, `ASIA`, `AIDA`, `AROA`, ...).
pub fn prefixed_id(prefix: &str) -> String {
    format!("{prefix}{}", random_chars(BASE32, 16))
}

/// A 40-character secret access key.
pub fn secret_access_key() -> String {
    random_chars(SECRET, 40)
}

/// A 12-digit account id that does not start with 0.
pub fn account_id() -> String {
    let first = random_chars(&DIGITS[1..], 1);
    format!("{first}{}", random_chars(DIGITS, 11))
}

/// Whether `id` is a well-formed 12-digit account id.
pub fn is_account_id(id: &str) -> bool {
    id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_aws_shapes() {
        let key = prefixed_id("AKIA");
        assert_eq!(key.len(), 20);
        assert!(key.starts_with("AKIA") && key.bytes().all(|b| BASE32.contains(&b)));
        assert_eq!(secret_access_key().len(), 40);
        assert!(is_account_id(&account_id()));
        assert!(!is_account_id("12345678901a"));
        assert_eq!(uuid().len(), 36);
        assert_ne!(uuid(), uuid());
        let fast: std::collections::HashSet<String> = (0..10_000).map(|_| fast_uuid()).collect();
        assert_eq!(fast.len(), 10_000);
        assert_eq!(fast_uuid().as_bytes()[14], b'4', "version 4");
    }
}
