//! Fuzzes reading a signature and building the canonical request from arbitrary parts.

#![no_main]

use libfuzzer_sys::fuzz_target;
use neargate_common::Timestamp;
use neargate_sigv4::{KeyCache, PayloadRule, RequestView, canonical_request, parse, verify};

fuzz_target!(|data: &[u8]| {
    // Split the input into authorization header, path, query and body at NUL bytes.
    let mut parts = data.splitn(4, |b| *b == 0);
    let auth = parts.next().unwrap_or_default();
    let path = std::str::from_utf8(parts.next().unwrap_or_default()).unwrap_or("/");
    let query = std::str::from_utf8(parts.next().unwrap_or_default()).unwrap_or("");
    let body = parts.next().unwrap_or_default();
    let headers: [(&str, &[u8]); 3] = [
        ("authorization", auth),
        ("x-amz-date", b"20231114T221320Z"),
        ("host", b"localhost"),
    ];
    let req = RequestView { method: "POST", path, query, headers: &headers, body };
    if let Ok(parsed) = parse(&req) {
        let _ = canonical_request(&req, &parsed, "UNSIGNED-PAYLOAD");
        let key = KeyCache::default().get(&parsed.access_key_id, "secret", &parsed.scope);
        for rule in [PayloadRule::Signed, PayloadRule::MayBeUnsigned] {
            let _ = verify(&req, &parsed, &key, Timestamp::from_secs(1_700_000_000), rule);
        }
    }
    let presigned = RequestView { method: "GET", path, query, headers: &headers[1..], body };
    let _ = parse(&presigned);
});
