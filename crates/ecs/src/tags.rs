//! Resource tags: `[{"key", "value"}]` as ECS takes and shows them.

use neargate_common::AwsError;
use serde::{Deserialize, Serialize};

use crate::errors::invalid;

/// One tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Tag {
    pub(crate) key: String,
    pub(crate) value: String,
}

/// The tags a request sets, validated as ECS does.
pub(crate) fn given(list: Option<&[neargate_model::ecs::Tag]>) -> Result<Vec<Tag>, AwsError> {
    validated(
        list.unwrap_or_default()
            .iter()
            .map(|t| (t.key.as_deref(), t.value.as_deref())),
    )
}

/// Tags as (key, value), checked as ECS checks them; a key given twice keeps its last value.
fn validated<'t>(
    pairs: impl ExactSizeIterator<Item = (Option<&'t str>, Option<&'t str>)>,
) -> Result<Vec<Tag>, AwsError> {
    if pairs.len() > 50 {
        return Err(invalid(
            "Too many tags: a resource can have at most 50 tags.",
        ));
    }
    let mut tags: Vec<Tag> = Vec::with_capacity(pairs.len());
    for (key, value) in pairs {
        let (key, value) = (key.unwrap_or_default(), value.unwrap_or_default());
        if key.is_empty() || key.chars().count() > 128 || value.chars().count() > 256 {
            return Err(invalid(
                "Tag keys must be 1 to 128 characters and values at most 256 characters.",
            ));
        }
        if key.to_ascii_lowercase().starts_with("aws:") {
            return Err(invalid(
                "Tag keys may not begin with 'aws:': it is reserved.",
            ));
        }
        tags.retain(|t| t.key != key);
        tags.push(Tag {
            key: key.to_owned(),
            value: value.to_owned(),
        });
    }
    Ok(tags)
}

/// The tags as the model writes them.
pub(crate) fn typed(tags: &[Tag]) -> Vec<neargate_model::ecs::Tag> {
    tags.iter()
        .map(|t| neargate_model::ecs::Tag {
            key: Some(t.key.clone()),
            value: Some(t.value.clone()),
        })
        .collect()
}

/// The tags ECS puts on tasks with `enableECSManagedTags`: their cluster, and their service.
pub(crate) fn managed(cluster: &str, service: Option<&str>) -> Vec<Tag> {
    let mut tags = vec![Tag {
        key: "aws:ecs:clusterName".to_owned(),
        value: cluster.to_owned(),
    }];
    if let Some(service) = service {
        tags.push(Tag {
            key: "aws:ecs:serviceName".to_owned(),
            value: service.to_owned(),
        });
    }
    tags
}

/// Adds `new` to `tags`, replacing the values of keys already there.
pub(crate) fn merge(tags: &mut Vec<Tag>, new: Vec<Tag>) {
    for tag in new {
        tags.retain(|t| t.key != tag.key);
        tags.push(tag);
    }
}

/// The request context keys `aws:RequestTag/<key>` and `aws:TagKeys` for tags a call sets.
pub(crate) fn request_keys(tags: &[Tag]) -> Vec<(String, Vec<String>)> {
    if tags.is_empty() {
        return Vec::new();
    }
    let mut keys: Vec<(String, Vec<String>)> = tags
        .iter()
        .map(|t| (format!("aws:RequestTag/{}", t.key), vec![t.value.clone()]))
        .collect();
    keys.push((
        "aws:TagKeys".to_owned(),
        tags.iter().map(|t| t.key.clone()).collect(),
    ));
    keys
}
