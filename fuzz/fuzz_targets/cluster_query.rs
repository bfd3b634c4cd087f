//! Fuzzes the cluster query language: parsing any text, then evaluating what parses.

#![no_main]

use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let attributes = BTreeMap::from([
        ("ecs.instance-type".to_owned(), Some("t3.large".to_owned())),
        ("stack".to_owned(), Some("prod".to_owned())),
        ("gpu".to_owned(), None),
    ]);
    let _ = neargate_ecs::query_matches(text, &attributes, &["family:web", "service:api"]);
});
