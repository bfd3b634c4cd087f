use proptest::prelude::*;
use serde_json::{Map, Value, json};

use crate::{Kind, MODELS, Model, kms, validate};

fn check(model: &Model, operation: &str, input: Value) -> Result<(), (String, String)> {
    let op = model.operation(operation).expect("served");
    let Value::Object(map) = input else {
        panic!("an object")
    };
    validate(model, op.input.expect("an input"), &map).map_err(|e| (e.code.to_string(), e.message))
}

#[test]
fn every_pattern_compiles() {
    let mut broken = Vec::new();
    for model in MODELS {
        for shape in model.shapes {
            if let Kind::String(text) = &shape.kind
                && let Some(pattern) = text.pattern
                && crate::shape::compile(pattern).is_none()
            {
                broken.push(format!("{}.{}: {pattern}", model.service, shape.name));
            }
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn operations_are_sorted_for_lookup() {
    for model in MODELS {
        assert!(model.operations.is_sorted_by(|a, b| a.name < b.name));
        assert!(model.operation(model.operations[0].name).is_some());
    }
}

#[test]
fn an_enum_value_outside_the_set_lists_the_set() {
    let (code, message) =
        check(&kms::MODEL, "CreateKey", json!({"KeySpec": "AES_512"})).unwrap_err();
    assert_eq!(code, "ValidationException");
    assert_eq!(
        message,
        "1 validation error detected: Value 'AES_512' at 'keySpec' failed to satisfy constraint: \
         Member must satisfy enum value set: [RSA_2048, RSA_3072, RSA_4096, ECC_NIST_P256, \
         ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, SYMMETRIC_DEFAULT, HMAC_224, HMAC_256, \
         HMAC_384, HMAC_512, SM2, ML_DSA_44, ML_DSA_65, ML_DSA_87, ECC_NIST_EDWARDS25519]"
    );
}

#[test]
fn violations_are_counted_and_joined() {
    let (_, message) = check(
        &kms::MODEL,
        "Sign",
        json!({"KeyId": "", "Message": "AA==", "SigningAlgorithm": "MD5"}),
    )
    .unwrap_err();
    assert!(message.starts_with("2 validation errors detected: Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1; Value 'MD5' at 'signingAlgorithm'"), "{message}");
}

#[test]
fn a_pattern_is_checked_before_any_rule() {
    let (code, message) = check(
        &kms::MODEL,
        "CreateAlias",
        json!({"AliasName": "alias/has space", "TargetKeyId": "k"}),
    )
    .unwrap_err();
    assert_eq!(code, "ValidationException");
    assert_eq!(
        message,
        "1 validation error detected: Value 'alias/has space' at 'aliasName' failed to satisfy \
         constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$"
    );
    assert!(
        check(
            &kms::MODEL,
            "CreateAlias",
            json!({"AliasName": "alias/ok-1", "TargetKeyId": "k"})
        )
        .is_ok()
    );
}

#[test]
fn missing_required_members_are_null() {
    let (_, message) = check(&kms::MODEL, "Encrypt", json!({})).unwrap_err();
    assert_eq!(
        message,
        "2 validation errors detected: Value null at 'keyId' failed to satisfy constraint: Member \
         must not be null; Value null at 'plaintext' failed to satisfy constraint: Member must not be null"
    );
}

#[test]
fn sensitive_and_blob_values_are_not_shown() {
    let (_, message) = check(
        &kms::MODEL,
        "Encrypt",
        json!({"KeyId": "k", "Plaintext": ""}),
    )
    .unwrap_err();
    assert_eq!(
        message,
        "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member \
         must have length greater than or equal to 1"
    );
}

#[test]
fn wrong_types_are_serialization_errors() {
    for input in [
        json!({"KeyId": 5}),
        json!({"KeyId": "k", "NumberOfBytes": "ten"}),
        json!({"KeyId": "k", "EncryptionContext": ["a"]}),
        json!({"KeyId": "k", "GrantTokens": "t"}),
    ] {
        let (code, _) = check(&kms::MODEL, "GenerateDataKey", input).unwrap_err();
        assert_eq!(code, "SerializationException");
    }
}

#[test]
fn nested_members_and_list_elements_have_paths() {
    let (_, message) = check(
        &kms::MODEL,
        "CreateKey",
        json!({"Tags": [{"TagKey": "a", "TagValue": "b"}, {"TagKey": ""}]}),
    )
    .unwrap_err();
    assert_eq!(
        message,
        "2 validation errors detected: Value '' at 'tags.2.member.tagKey' failed to satisfy \
         constraint: Member must have length greater than or equal to 1; Value null at \
         'tags.2.member.tagValue' failed to satisfy constraint: Member must not be null"
    );
}

#[test]
fn ranges_and_unknown_members() {
    let (_, message) = check(
        &kms::MODEL,
        "GenerateDataKey",
        json!({"KeyId": "k", "NumberOfBytes": 2000, "SomethingNew": {"x": 1}}),
    )
    .unwrap_err();
    assert_eq!(
        message,
        "1 validation error detected: Value '2000' at 'numberOfBytes' failed to satisfy \
         constraint: Member must have value less than or equal to 1024"
    );
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        "[A-Za-z0-9/:=+_ -]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[A-Za-z]{1,16}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// An object whose members take the names the operation's input has, with random values.
fn member_names() -> impl Strategy<Value = (usize, usize, Vec<(usize, Value)>)> {
    (
        0..MODELS.len(),
        0..64usize,
        prop::collection::vec((0..64usize, arbitrary_json()), 0..8),
    )
}

proptest! {
    #[test]
    fn validation_never_panics((model, op, members) in member_names()) {
        let model = MODELS[model];
        let op = &model.operations[op % model.operations.len()];
        let Some(input) = op.input else { return Ok(()) };
        let Kind::Structure(fields) = &model.shape(input).kind else { return Ok(()) };
        let mut map = Map::new();
        for (i, value) in members {
            if let Some(field) = fields.get(i % fields.len().max(1)) {
                map.insert(field.name.to_owned(), value);
            }
        }
        let outcome = validate(model, input, &map);
        if let Err(e) = outcome {
            prop_assert!(e.code == "SerializationException" || e.message.contains("validation error"));
        }
    }
}

#[test]
fn java_word_characters_are_ascii() {
    let re = crate::shape::compile(r"[\w+=,.@-]+").unwrap();
    assert!(re.is_match("alice@example.com"));
    assert!(!re.is_match("é"));
    let re = crate::shape::compile(r"\w+").unwrap();
    assert!(!re.is_match("é") && re.is_match("a_1"));
    let tags = crate::shape::compile(r"[\p{L}\p{Z}\p{N}_.:/=+\-@]+").unwrap();
    assert!(tags.is_match("Équipe 1"));
}

/// `docs/api-coverage.md` lists every operation of each served model, and calls supported
/// (or partial) exactly the operations served.
#[test]
fn api_coverage_matches_the_operation_tables() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/api-coverage.md");
    let text = std::fs::read_to_string(path).unwrap();
    let mut sections: std::collections::BTreeMap<&str, Vec<(&str, &str)>> = Default::default();
    let mut current = None;
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            current = heading.split('`').nth(1);
            sections.entry(current.unwrap_or_default()).or_default();
        } else if let (Some(service), Some(row)) = (current, line.strip_prefix("| `")) {
            let (name, rest) = row.split_once('`').unwrap();
            let status = rest.trim_start_matches(" | ").trim();
            sections.get_mut(service).unwrap().push((name, status));
        }
    }
    for model in MODELS {
        let rows = sections
            .get(model.service)
            .unwrap_or_else(|| panic!("no section for {}", model.service));
        let listed: Vec<&str> = rows.iter().map(|(name, _)| *name).collect();
        assert_eq!(
            listed, model.all_operations,
            "{}: the listed operations",
            model.service
        );
        let supported: Vec<&str> = rows
            .iter()
            .filter(|(_, status)| !status.starts_with("absent"))
            .map(|(name, _)| *name)
            .collect();
        let served: Vec<&str> = model.operations.iter().map(|op| op.name).collect();
        assert_eq!(supported, served, "{}: supported operations", model.service);
        let count = format!(
            "{} of {} operations supported",
            served.len(),
            model.all_operations.len()
        );
        assert!(
            text.contains(&count),
            "{}: the count line `{count}`",
            model.service
        );
    }
}

#[test]
fn query_parameters_read_as_the_model_structure() {
    let model = &crate::iam::MODEL;
    let op = model.operation("TagRole").unwrap();
    let mut pairs = vec![("RoleName".to_owned(), "r".to_owned())];
    for i in 1..=51 {
        pairs.push((format!("Tags.member.{i}.Key"), format!("k{i}")));
        pairs.push((format!("Tags.member.{i}.Value"), "v".to_owned()));
    }
    let input = crate::from_query(
        model,
        op.input.unwrap(),
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
    )
    .unwrap();
    assert_eq!(input["Tags"].as_array().unwrap().len(), 51);
    assert_eq!(input["Tags"][50]["Key"], "k51");
    let error = validate(model, op.input.unwrap(), &input).unwrap_err();
    assert_eq!(error.code, "ValidationError");
    assert!(error.message.contains("at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50"), "{}", error.message);
}

#[test]
fn typed_inputs_decode_and_outputs_encode_as_the_wire_has_them() {
    use crate::kms::{EncryptRequest, EncryptionAlgorithmSpec, GenerateDataKeyResponse, KeySpec};
    let input: EncryptRequest = serde_json::from_value(json!({
        "KeyId": "alias/app",
        "Plaintext": "aGVsbG8=",
        "EncryptionContext": {"purpose": "test"},
        "EncryptionAlgorithm": "SYMMETRIC_DEFAULT",
        "SomethingNewer": true
    }))
    .unwrap();
    assert_eq!(input.key_id, "alias/app");
    assert_eq!(&**input.plaintext.0, b"hello");
    assert_eq!(
        input.encryption_algorithm,
        Some(EncryptionAlgorithmSpec::SymmetricDefault)
    );
    assert_eq!(input.encryption_context.unwrap()["purpose"], "test");
    assert!(!format!("{:?}", input.plaintext).contains("hello"));
    assert_eq!(
        KeySpec::from("AES_512"),
        KeySpec::Unknown("AES_512".to_owned())
    );
    assert!(KeySpec::VALUES.contains(&"SYMMETRIC_DEFAULT"));

    let output = GenerateDataKeyResponse {
        key_id: Some("k".to_owned()),
        plaintext: Some(crate::SecretBytes(zeroize::Zeroizing::new(b"key".to_vec()))),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&output).unwrap(),
        json!({"KeyId": "k", "Plaintext": "a2V5"})
    );
}
