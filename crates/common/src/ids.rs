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
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&fast_random().to_le_bytes());
    bytes[8..].copy_from_slice(&fast_random().to_le_bytes());
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

/// A 32-hex-digit id (the form of ECS task ids) whose first 8 digits are `epoch_seconds` and
/// whose other 24 are random: ids made later sort after, so records stored under them are
/// written in order (to the same few B-tree pages instead of a random page each).
pub fn time_ordered_hex_id(epoch_seconds: u64) -> String {
    // Seconds fit in 32 bits until 2106.
    let seconds = u32::try_from(epoch_seconds).unwrap_or(u32::MAX);
    let random = (u128::from(fast_random()) << 64 | u128::from(fast_random())) >> 32;
    format!("{seconds:08x}{random:024x}")
}

/// 64 bits from a fast per-thread generator (SplitMix64, seeded from the OS).
fn fast_random() -> u64 {
    thread_local! {
        static STATE: std::cell::Cell<u64> = std::cell::Cell::new({
            let mut seed = [0u8; 8];
            random_bytes(&mut seed);
            u64::from_le_bytes(seed)
        });
    }
    STATE.with(|state| {
        let mut z = state.get().wrapping_add(0x9E37_79B9_7F4A_7C15);
        state.set(z);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    })
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

/// The alphabet of AWS's unique ids after their prefix.
pub const BASE32: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
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
    fn time_ordered_ids_sort_by_their_second_and_differ_within_it() {
        let early = time_ordered_hex_id(1_700_000_000);
        let late = time_ordered_hex_id(1_700_000_001);
        assert_eq!(early.len(), 32);
        assert!(
            early
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        assert!(early.starts_with("6553f100"), "{early}");
        assert!(early < late);
        let same: std::collections::HashSet<String> = (0..1000)
            .map(|_| time_ordered_hex_id(1_700_000_000))
            .collect();
        assert_eq!(same.len(), 1000);
    }

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
