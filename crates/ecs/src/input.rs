//! The checks ECS makes of request members itself (its model's constraints are not enforced
//! for it).

use neargate_common::AwsError;

use crate::errors::invalid;

/// A member ECS requires (the model leaves it optional): present and not empty.
pub(crate) fn required<'i>(value: Option<&'i str>, name: &str) -> Result<&'i str, AwsError> {
    value
        .filter(|v| !v.is_empty())
        .ok_or_else(|| invalid(format!("{name} can not be blank.")))
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
