//! Per-task encrypted ephemeral volumes. A volume is an ext4 filesystem on a sparse file of the
//! task's `ephemeralStorage` size, mounted through a loop device, whose data directory is under a
//! kernel fscrypt v2 policy (AES-256-XTS for contents, AES-256-CTS for names). The master key is
//! derived from the task's 256-bit data key and handed only to the kernel; at stop the key is
//! removed, the filesystem unmounted and the backing file deleted, so what was written is
//! ciphertext under a key nobody holds any more.

mod key;
mod sys;
mod volume;

pub use key::{DataKey, KeySource};
pub use sys::unmount;
pub use volume::{Volume, VolumeError, sweep};
