//! The few system calls a volume needs that have no safe wrapper: the kernel's fscrypt v2
//! interface (add a master key to a filesystem, put a directory under a policy naming it, remove
//! the key) and unmounting. Each structure mirrors `<linux/fscrypt.h>` field for field.
#![allow(unsafe_code)]

use std::ffi::CString;
use std::os::fd::AsRawFd as _;
use std::os::unix::ffi::OsStrExt as _;
use std::path::Path;

use zeroize::Zeroize as _;

/// The length of a fscrypt master key: AES-256-XTS needs a 64-byte key, and the kernel refuses a
/// master key shorter than the keys it derives from it.
pub(crate) const MASTER_KEY_LEN: usize = RAW_SIZE as usize;

/// [`MASTER_KEY_LEN`] as the kernel's structure carries it.
const RAW_SIZE: u32 = 64;

/// A master key's identifier, as the kernel computes it from the key.
pub(crate) type KeyIdentifier = [u8; 16];

/// `_IOR('f', 19, struct fscrypt_policy_v1)`: the size in the number is v1's; the kernel reads the
/// version byte to tell the layouts apart.
const FS_IOC_SET_ENCRYPTION_POLICY: libc::Ioctl = 0x800c_6613;
/// `_IOWR('f', 23, struct fscrypt_add_key_arg)`.
const FS_IOC_ADD_ENCRYPTION_KEY: libc::Ioctl = 0xc050_6617;
/// `_IOWR('f', 24, struct fscrypt_remove_key_arg)`.
const FS_IOC_REMOVE_ENCRYPTION_KEY: libc::Ioctl = 0xc040_6618;

/// `FSCRYPT_KEY_SPEC_TYPE_IDENTIFIER`: a v2 key, named by its identifier.
const KEY_SPEC_TYPE_IDENTIFIER: u32 = 2;
/// `FSCRYPT_POLICY_V2`.
const POLICY_V2: u8 = 2;
/// `FSCRYPT_MODE_AES_256_XTS`, for file contents.
const MODE_AES_256_XTS: u8 = 1;
/// `FSCRYPT_MODE_AES_256_CTS`, for file names.
const MODE_AES_256_CTS: u8 = 4;
/// `FSCRYPT_POLICY_FLAGS_PAD_32`: names padded to 32 bytes, so their lengths leak less.
const PAD_32: u8 = 0x03;

/// `struct fscrypt_key_specifier`: the union is 32 bytes; an identifier fills its first 16.
#[repr(C)]
struct KeySpecifier {
    kind: u32,
    reserved: u32,
    identifier: [u8; 32],
}

impl KeySpecifier {
    fn new(identifier: &KeyIdentifier) -> Self {
        let mut spec = Self {
            kind: KEY_SPEC_TYPE_IDENTIFIER,
            reserved: 0,
            identifier: [0; 32],
        };
        spec.identifier[..16].copy_from_slice(identifier);
        spec
    }
}

/// `struct fscrypt_add_key_arg` followed by the raw key it carries.
#[repr(C)]
struct AddKey {
    spec: KeySpecifier,
    raw_size: u32,
    key_id: u32,
    reserved: [u32; 8],
    raw: [u8; MASTER_KEY_LEN],
}

/// `struct fscrypt_remove_key_arg`.
#[repr(C)]
struct RemoveKey {
    spec: KeySpecifier,
    removal_status_flags: u32,
    reserved: [u32; 5],
}

/// `struct fscrypt_policy_v2`.
#[repr(C)]
struct PolicyV2 {
    version: u8,
    contents_mode: u8,
    filenames_mode: u8,
    flags: u8,
    log2_data_unit_size: u8,
    reserved: [u8; 3],
    identifier: KeyIdentifier,
}

fn check(result: libc::c_int) -> std::io::Result<()> {
    if result < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(())
    }
}

/// Adds `key` to the filesystem mounted at `mount` and returns its identifier. The copy handed to
/// the kernel is wiped before returning.
pub(crate) fn add_key(mount: &Path, key: &[u8; MASTER_KEY_LEN]) -> std::io::Result<KeyIdentifier> {
    let dir = std::fs::File::open(mount)?;
    let mut arg = Box::new(AddKey {
        spec: KeySpecifier::new(&[0; 16]),
        raw_size: RAW_SIZE,
        key_id: 0,
        reserved: [0; 8],
        raw: *key,
    });
    // SAFETY: `arg` is a live, properly laid out `fscrypt_add_key_arg` whose `raw_size` bytes of
    // key follow it in the same allocation; the kernel reads it and writes back the identifier.
    let result = unsafe { libc::ioctl(dir.as_raw_fd(), FS_IOC_ADD_ENCRYPTION_KEY, &raw mut *arg) };
    arg.raw.zeroize();
    check(result)?;
    let mut identifier = [0; 16];
    identifier.copy_from_slice(&arg.spec.identifier[..16]);
    Ok(identifier)
}

/// Puts the empty directory `dir` under a v2 policy (AES-256-XTS contents, AES-256-CTS names)
/// with the master key `identifier`; everything created below it inherits the policy.
pub(crate) fn set_policy(dir: &Path, identifier: &KeyIdentifier) -> std::io::Result<()> {
    let file = std::fs::File::open(dir)?;
    let policy = PolicyV2 {
        version: POLICY_V2,
        contents_mode: MODE_AES_256_XTS,
        filenames_mode: MODE_AES_256_CTS,
        flags: PAD_32,
        log2_data_unit_size: 0,
        reserved: [0; 3],
        identifier: *identifier,
    };
    // SAFETY: `policy` is a live `fscrypt_policy_v2` the kernel only reads.
    check(unsafe {
        libc::ioctl(
            file.as_raw_fd(),
            FS_IOC_SET_ENCRYPTION_POLICY,
            &raw const policy,
        )
    })
}

/// Removes the master key `identifier` from the filesystem mounted at `mount`: the kernel wipes
/// its copy and the per-file keys derived from it.
pub(crate) fn remove_key(mount: &Path, identifier: &KeyIdentifier) -> std::io::Result<()> {
    let dir = std::fs::File::open(mount)?;
    let mut arg = RemoveKey {
        spec: KeySpecifier::new(identifier),
        removal_status_flags: 0,
        reserved: [0; 5],
    };
    // SAFETY: `arg` is a live `fscrypt_remove_key_arg`; the kernel reads the specifier and writes
    // the status flags.
    check(unsafe { libc::ioctl(dir.as_raw_fd(), FS_IOC_REMOVE_ENCRYPTION_KEY, &raw mut arg) })
}

/// Unmounts `path`; `detach` lets the kernel finish once the last user is gone.
pub fn unmount(path: &Path, detach: bool) -> std::io::Result<()> {
    let path = CString::new(path.as_os_str().as_bytes()).map_err(std::io::Error::other)?;
    let flags = if detach { libc::MNT_DETACH } else { 0 };
    // SAFETY: `path` is a NUL-terminated string that outlives the call.
    check(unsafe { libc::umount2(path.as_ptr(), flags) })
}
