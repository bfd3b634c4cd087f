//! Fuzzes the JSON body decoder and typed member access.

#![no_main]

use libfuzzer_sys::fuzz_target;
use neargate_wire::JsonInput;

fuzz_target!(|data: &[u8]| {
    if let Ok(input) = JsonInput::parse(data) {
        let names: Vec<String> = input.0.keys().cloned().collect();
        for name in names {
            let _ = input.str(&name);
            let _ = input.i64(&name);
            let _ = input.array(&name);
        }
    }
});
