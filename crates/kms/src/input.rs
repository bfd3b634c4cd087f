//! Reading KMS request members, with KMS's validation errors.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use neargate_common::{AwsError, Common};
use neargate_wire::JsonInput;
use serde_json::Value;
use zeroize::Zeroizing;

use crate::errors::{length, validation};
use crate::seal::EncryptionContext;
use neargate_model::kms::Error as KmsError;

/// The wrong-type error KMS answers (a serialization problem, as the SDKs report it).
fn wrong_type(e: neargate_wire::FieldError) -> AwsError {
    e.into_aws()
}

/// An optional string member, at most `max` characters.
pub(crate) fn opt_str<'a>(
    input: &'a JsonInput,
    name: &str,
    max: usize,
) -> Result<Option<&'a str>, AwsError> {
    let value = input.str(name).map_err(wrong_type)?;
    if let Some(v) = value
        && v.chars().count() > max
    {
        return Err(length(
            &neargate_model::lower_camel(name),
            v,
            &format!("less than or equal to {max}"),
        ));
    }
    Ok(value)
}

/// A required string member of 1 to `max` characters.
pub(crate) fn req_str<'a>(
    input: &'a JsonInput,
    name: &str,
    max: usize,
) -> Result<&'a str, AwsError> {
    match opt_str(input, name, max)? {
        Some(v) if !v.is_empty() => Ok(v),
        Some(v) => Err(length(
            &neargate_model::lower_camel(name),
            v,
            "greater than or equal to 1",
        )),
        None => Err(validation(format!(
            "1 validation error detected: Value null at '{}' failed to satisfy constraint: \
             Member must not be null",
            neargate_model::lower_camel(name)
        ))),
    }
}

/// An optional integer member within `range`.
pub(crate) fn opt_int(
    input: &JsonInput,
    name: &str,
    range: std::ops::RangeInclusive<i64>,
) -> Result<Option<i64>, AwsError> {
    let value = input.i64(name).map_err(wrong_type)?;
    if let Some(v) = value {
        if v < *range.start() {
            return Err(validation(format!(
                "1 validation error detected: Value '{v}' at '{}' failed to satisfy constraint: \
                 Member must have value greater than or equal to {}",
                neargate_model::lower_camel(name),
                range.start()
            )));
        }
        if v > *range.end() {
            return Err(validation(format!(
                "1 validation error detected: Value '{v}' at '{}' failed to satisfy constraint: \
                 Member must have value less than or equal to {}",
                neargate_model::lower_camel(name),
                range.end()
            )));
        }
    }
    Ok(value)
}

/// An optional boolean member.
pub(crate) fn opt_bool(input: &JsonInput, name: &str) -> Result<Option<bool>, AwsError> {
    match input.get(name) {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => {
            Err(Common::SerializationException
                .with(format!("Value for '{name}' must be a boolean.")))
        }
    }
}

/// A blob member (base64 on the wire), its length within `1..=max`; held so it is zeroized.
pub(crate) fn opt_blob(
    input: &JsonInput,
    name: &str,
    max: usize,
) -> Result<Option<Zeroizing<Vec<u8>>>, AwsError> {
    let Some(text) = input.str(name).map_err(wrong_type)? else {
        return Ok(None);
    };
    let bytes = Zeroizing::new(STANDARD.decode(text).map_err(|_| {
        Common::SerializationException.with(format!("Value for '{name}' is not valid base64."))
    })?);
    if bytes.is_empty() || bytes.len() > max {
        let constraint = if bytes.is_empty() {
            "greater than or equal to 1".to_owned()
        } else {
            format!("less than or equal to {max}")
        };
        return Err(validation(format!(
            "1 validation error detected: Value at '{}' failed to satisfy constraint: Member \
             must have length {constraint}",
            neargate_model::lower_camel(name)
        )));
    }
    Ok(Some(bytes))
}

/// A required blob member.
pub(crate) fn req_blob(
    input: &JsonInput,
    name: &str,
    max: usize,
) -> Result<Zeroizing<Vec<u8>>, AwsError> {
    opt_blob(input, name, max)?.ok_or_else(|| {
        validation(format!(
            "1 validation error detected: Value null at '{}' failed to satisfy constraint: \
             Member must not be null",
            neargate_model::lower_camel(name)
        ))
    })
}

/// An encryption context member (a map of strings); empty when absent.
pub(crate) fn context(input: &JsonInput, name: &str) -> Result<EncryptionContext, AwsError> {
    let Some(value) = input.get(name) else {
        return Ok(EncryptionContext::new());
    };
    let Value::Object(map) = value else {
        return Err(Common::SerializationException
            .with(format!("Value for '{name}' must be a map of strings.")));
    };
    map.iter()
        .map(|(k, v)| match v {
            Value::String(s) => Ok((k.clone(), s.clone())),
            _ => Err(Common::SerializationException
                .with(format!("Value for '{name}' must be a map of strings."))),
        })
        .collect()
}

/// A `Tags` member: a list of `{TagKey, TagValue}`.
pub(crate) fn tags(input: &JsonInput) -> Result<Vec<(String, String)>, AwsError> {
    let Some(list) = input.array("Tags").map_err(wrong_type)? else {
        return Ok(Vec::new());
    };
    list.iter()
        .map(|tag| {
            let field = |n: &str| tag.get(n).and_then(Value::as_str);
            match (field("TagKey"), field("TagValue")) {
                (Some(k), Some(v)) if !k.is_empty() && k.len() <= 128 && v.len() <= 256 => {
                    Ok((k.to_owned(), v.to_owned()))
                }
                _ => Err(KmsError::TagException.with(
                    "Each tag needs a TagKey of 1 to 128 characters and a TagValue of at most 256.",
                )),
            }
        })
        .collect()
}

/// The strings of a list member (other elements skipped); empty when absent.
pub(crate) fn strings(input: &JsonInput, name: &str) -> Vec<String> {
    input
        .get(name)
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// Base64 of `bytes`, as blobs travel in JSON.
pub(crate) fn b64(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}
