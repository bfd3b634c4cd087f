//! Fuzzes reading KMS ciphertext blobs: any bytes either parse into a well-formed blob whose
//! parts cover the input exactly, or are refused; nothing panics.

#![no_main]

use libfuzzer_sys::fuzz_target;
use neargate_kms::blob;

fuzz_target!(|data: &[u8]| {
    if let Some(parsed) = blob::parse(data) {
        assert_eq!(
            parsed.header.len() + parsed.nonce.len() + parsed.sealed.len(),
            data.len()
        );
        assert_eq!(parsed.header[0], 1);
    }
});
