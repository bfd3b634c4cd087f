//! A Bloom filter over the (attribute, value) pairs of a batch of events: a lookup reads a
//! batch only if the filter says it may hold a match. The hash (FNV-1a) is fixed so filters
//! written by one build are read correctly by the next.

use serde::{Deserialize, Serialize};

/// Bits per pair: about 1% false positives with [`PROBES`] probes.
const BITS_PER_PAIR: usize = 10;
/// Probes per pair.
const PROBES: u64 = 4;

/// The filter, stored as hex text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PairFilter(String);

fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            // A byte no UTF-8 text contains separates the parts.
            hash ^= 0xff;
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        for byte in part.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// The bit positions of one pair in a filter of `bits` bits (double hashing).
fn positions(attribute: &str, value: &str, bits: u64) -> impl Iterator<Item = u64> {
    let h1 = fnv1a(&[attribute, value]);
    let h2 = fnv1a(&[value, attribute]) | 1;
    (0..PROBES).map(move |i| h1.wrapping_add(i.wrapping_mul(h2)) % bits)
}

impl PairFilter {
    /// A filter holding every pair of `pairs`.
    pub(crate) fn build(pairs: &[(&str, &str)]) -> Self {
        let count = pairs.len().max(1);
        let bytes = (count * BITS_PER_PAIR)
            .div_ceil(8)
            .next_power_of_two()
            .max(16);
        let mut bitmap = vec![0u8; bytes];
        let bits = (bytes * 8) as u64;
        for (attribute, value) in pairs {
            for bit in positions(attribute, value, bits) {
                let bit = usize::try_from(bit).unwrap_or(0);
                bitmap[bit / 8] |= 1 << (bit % 8);
            }
        }
        Self(hex::encode(bitmap))
    }

    /// Whether the pair may be in the batch (false means certainly not; an unreadable filter
    /// answers true, so nothing is ever missed).
    pub(crate) fn may_contain(&self, attribute: &str, value: &str) -> bool {
        let Ok(bitmap) = hex::decode(&self.0) else {
            return true;
        };
        if bitmap.is_empty() {
            return true;
        }
        let bits = (bitmap.len() * 8) as u64;
        positions(attribute, value, bits).all(|bit| {
            let bit = usize::try_from(bit).unwrap_or(0);
            bitmap[bit / 8] & (1 << (bit % 8)) != 0
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_misses_and_rarely_lies() {
        let values: Vec<String> = (0..500).map(|i| format!("value-{i}")).collect();
        let filter = PairFilter::build(
            &values
                .iter()
                .map(|v| ("EventName", v.as_str()))
                .collect::<Vec<_>>(),
        );
        assert!(values.iter().all(|v| filter.may_contain("EventName", v)));
        let false_positives = (0..10_000)
            .filter(|i| filter.may_contain("EventName", &format!("other-{i}")))
            .count();
        assert!(
            false_positives < 300,
            "{false_positives} false positives in 10000"
        );
        let attributes_matter = (0..500)
            .filter(|i| filter.may_contain("Username", &format!("value-{i}")))
            .count();
        assert!(attributes_matter < 30, "the attribute is part of the pair");
    }
}
