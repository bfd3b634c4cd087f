//! What Fargate accepts: task sizes, network mode, capabilities, storage.

/// Whether `cpu` units and `memory` MiB are a Fargate task size: 256 CPU with 512, 1024 or
/// 2048 MiB; 512 with 1–4 GiB; 1024 with 2–8 GiB; 2048 with 4–16 GiB; 4096 with 8–30 GiB (in
/// 1 GiB steps); 8192 with 16–60 GiB (4 GiB steps); 16384 with 32–120 GiB (8 GiB steps).
pub(crate) fn valid_size(cpu: u32, memory: u32) -> bool {
    let (low, high, step) = match cpu {
        256 => return matches!(memory, 512 | 1024 | 2048),
        512 => (1024, 4096, 1024),
        1024 => (2048, 8192, 1024),
        2048 => (4096, 16384, 1024),
        4096 => (8192, 30720, 1024),
        8192 => (16384, 61440, 4096),
        16384 => (32768, 122_880, 8192),
        _ => return false,
    };
    (low..=high).contains(&memory) && memory.is_multiple_of(step)
}

/// A task size as written in a task definition: `cpu` in units or vCPU (`"1 vcpu"`), `memory`
/// in MiB or GB (`"2 GB"`).
pub(crate) fn parse_units(text: &str, unit_words: &[&str], factor: f64) -> Option<u32> {
    let text = text.trim();
    if let Ok(n) = text.parse::<u32>() {
        return Some(n);
    }
    let lower = text.to_ascii_lowercase();
    let number = unit_words
        .iter()
        .find_map(|w| lower.strip_suffix(w))?
        .trim()
        .parse::<f64>()
        .ok()?;
    let value = (number * factor).round();
    (value >= 0.0 && value <= f64::from(u32::MAX)).then(|| {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // checked above
        let v = value as u32;
        v
    })
}

/// CPU units from a task definition's `cpu`.
pub(crate) fn cpu_units(text: &str) -> Option<u32> {
    parse_units(text, &["vcpu"], 1024.0)
}

/// MiB from a task definition's `memory`.
pub(crate) fn memory_mib(text: &str) -> Option<u32> {
    parse_units(text, &["gb"], 1024.0)
}

/// The only capability a Fargate container may add.
pub(crate) const ADDABLE_CAPABILITY: &str = "SYS_PTRACE";

/// The ephemeral storage a Fargate task gets without `ephemeralStorage`, in GiB.
pub(crate) const DEFAULT_STORAGE_GIB: u32 = 20;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_sizes_follow_fargates_table() {
        assert!(valid_size(256, 512));
        assert!(!valid_size(256, 4096));
        assert!(valid_size(1024, 3072));
        assert!(!valid_size(1024, 1024));
        assert!(valid_size(8192, 20480));
        assert!(!valid_size(8192, 17408));
        assert!(!valid_size(300, 1024));
        assert_eq!(cpu_units("1 vCPU"), Some(1024));
        assert_eq!(cpu_units(".25 vcpu"), Some(256));
        assert_eq!(memory_mib("2 GB"), Some(2048));
        assert_eq!(memory_mib("512"), Some(512));
        assert_eq!(memory_mib("lots"), None);
    }
}
