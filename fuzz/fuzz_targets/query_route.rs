//! Fuzzes routing and decoding of query-protocol and JSON requests.

#![no_main]

use libfuzzer_sys::fuzz_target;
use neargate_wire::{RequestMeta, route};

fuzz_target!(|data: &[u8]| {
    let (query, body) = match data.iter().position(|b| *b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &b""[..]),
    };
    let query = std::str::from_utf8(query).unwrap_or("");
    for (target, content_type) in [
        (None, "application/x-www-form-urlencoded"),
        (Some("TrentService.ListKeys"), "application/x-amz-json-1.1"),
    ] {
        let meta = RequestMeta {
            method: "POST",
            query,
            target,
            content_type: Some(content_type),
            signing_service: Some("sts"),
            body,
        };
        let _ = route(&meta);
    }
});
