//! Reading ECS request members.

use neargate_common::{AwsError, Common};
use neargate_wire::JsonInput;
use serde_json::Value;

use crate::errors::{invalid, wrong_type};

/// An optional string member.
pub(crate) fn opt_str<'a>(input: &'a JsonInput, name: &str) -> Result<Option<&'a str>, AwsError> {
    input.str(name).map_err(wrong_type)
}

/// A required string member.
pub(crate) fn req_str<'a>(input: &'a JsonInput, name: &str) -> Result<&'a str, AwsError> {
    required(opt_str(input, name)?, name)
}

/// A member ECS requires (the model leaves it optional): present and not empty.
pub(crate) fn required<'i>(value: Option<&'i str>, name: &str) -> Result<&'i str, AwsError> {
    value
        .filter(|v| !v.is_empty())
        .ok_or_else(|| invalid(format!("{name} can not be blank.")))
}

/// An optional list of strings.
pub(crate) fn strings(input: &JsonInput, name: &str) -> Result<Vec<String>, AwsError> {
    let Some(list) = input.array(name).map_err(wrong_type)? else {
        return Ok(Vec::new());
    };
    list.iter()
        .map(|v| {
            v.as_str().map(str::to_owned).ok_or_else(|| {
                Common::SerializationException
                    .with(format!("Value for '{name}' must be a list of strings."))
            })
        })
        .collect()
}

/// A list of strings that must hold 1 to `max` items; `label` names it in errors
/// ("Tasks cannot be empty.").
pub(crate) fn listed(
    input: &JsonInput,
    name: &str,
    label: &str,
    max: usize,
) -> Result<Vec<String>, AwsError> {
    counted(strings(input, name)?, label, max)
}

/// `list`, which must hold 1 to `max` items; `label` names it in errors.
pub(crate) fn counted(list: Vec<String>, label: &str, max: usize) -> Result<Vec<String>, AwsError> {
    if list.is_empty() {
        return Err(invalid(format!("{label} cannot be empty.")));
    }
    if list.len() > max {
        return Err(invalid(format!(
            "{label} cannot have more than {max} items."
        )));
    }
    Ok(list)
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

/// An optional object member (a structure).
pub(crate) fn opt_object<'a>(
    input: &'a JsonInput,
    name: &str,
) -> Result<Option<&'a serde_json::Map<String, Value>>, AwsError> {
    match input.get(name) {
        None => Ok(None),
        Some(Value::Object(map)) => Ok(Some(map)),
        Some(_) => {
            Err(Common::SerializationException
                .with(format!("Value for '{name}' must be a structure.")))
        }
    }
}

/// `maxResults`, from 1 to 100 (100 when absent).
pub(crate) fn max_results(input: &JsonInput) -> Result<usize, AwsError> {
    let asked = input.i64("maxResults").map_err(wrong_type)?;
    crate::names::limit(asked.map(|n| i32::try_from(n).unwrap_or(i32::MAX)))
}

/// An enum member ECS checks itself (its model's values are not enforced for it): absent, or
/// one of `values`.
pub(crate) fn choice(value: Option<&str>, member: &str, values: &[&str]) -> Result<(), AwsError> {
    match value {
        Some(value) if !values.contains(&value) => Err(invalid(format!(
            "Invalid value \"{value}\" for {member}: expected one of {}.",
            values.join(", ")
        ))),
        _ => Ok(()),
    }
}
