//! Fuzzes AWS's input validation read from the service models: the first byte picks a served
//! operation; the rest is its input, as a JSON body or as query parameters read back into the
//! model's structure. Validation must answer every input with a verdict, never a panic, and an
//! input it accepts must have only its error's words when refused.

#![no_main]

use libfuzzer_sys::fuzz_target;
use neargate_model::{MODELS, from_query, to_xml, validate};
use neargate_wire::{JsonInput, QueryParams};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let operations: Vec<_> = MODELS
        .iter()
        .flat_map(|m| m.operations.iter().map(move |op| (*m, op)))
        .collect();
    let (model, op) = operations[usize::from(pick) % operations.len()];
    let Some(shape) = op.input else {
        return;
    };
    if let Ok(input) = JsonInput::parse(rest) {
        if let Err(e) = validate(model, shape, &input.0) {
            assert!(e.code == "SerializationException" || e.message.contains("validation error"));
        }
        // An output of the same shape writes as XML without panicking.
        let _ = to_xml(model, shape, &serde_json::Value::Object(input.0));
    }
    if let Ok(text) = std::str::from_utf8(rest)
        && let Ok(params) = QueryParams::parse(text)
    {
        let pairs = params.pairs().iter().map(|(k, v)| (k.as_str(), v.as_str()));
        if let Ok(input) = from_query(model, shape, pairs) {
            let _ = validate(model, shape, &input);
        }
    }
});
