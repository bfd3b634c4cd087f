//! Outputs read through their model: the members it marks sensitive left out (for the trail),
//! and the query protocol's XML.

use neargate_common::Timestamp;
use neargate_wire::Xml;
use serde_json::Value;

use crate::shape::{Kind, Model, ShapeId, Text};

/// Leaves out of `value` (of shape `id`) every member whose shape is sensitive.
pub(crate) fn sensitive(model: &Model, id: ShapeId, value: &mut Value) {
    match (&model.shape(id).kind, value) {
        (Kind::Structure(members), Value::Object(map)) => {
            for member in *members {
                if is_sensitive(&model.shape(member.shape).kind) {
                    map.remove(member.name);
                } else if let Some(child) = map.get_mut(member.name) {
                    sensitive(model, member.shape, child);
                }
            }
        }
        (Kind::List { member, .. }, Value::Array(items)) => {
            for item in items {
                sensitive(model, *member, item);
            }
        }
        (Kind::Map { value: of, .. }, Value::Object(map)) => {
            for entry in map.values_mut() {
                sensitive(model, *of, entry);
            }
        }
        _ => {}
    }
}

fn is_sensitive(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::String(Text {
            sensitive: true,
            ..
        }) | Kind::Blob {
            sensitive: true,
            ..
        }
    )
}

/// The children of `<{Operation}Result>` for an output `value` of shape `id`, as the query
/// protocol writes them: lists as `<member>` elements, maps as `<entry><key/><value/></entry>`,
/// timestamps in ISO 8601.
pub fn to_xml(model: &Model, id: ShapeId, value: &Value) -> Vec<Xml> {
    let Kind::Structure(members) = &model.shape(id).kind else {
        return Vec::new();
    };
    let Value::Object(map) = value else {
        return Vec::new();
    };
    members
        .iter()
        .filter_map(|member| {
            let child = map.get(member.name).filter(|v| !v.is_null())?;
            Some(element(model, member.name, member.shape, child))
        })
        .collect()
}

fn element(model: &Model, name: &'static str, id: ShapeId, value: &Value) -> Xml {
    match &model.shape(id).kind {
        Kind::Structure(_) => Xml::Node(name, to_xml(model, id, value)),
        Kind::List { member, .. } => Xml::Node(
            name,
            value
                .as_array()
                .into_iter()
                .flatten()
                .map(|item| element(model, "member", *member, item))
                .collect(),
        ),
        Kind::Map { key, value: of, .. } => Xml::Node(
            name,
            value
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, v)| {
                    Xml::Node(
                        "entry",
                        vec![
                            element(model, "key", *key, &Value::String(k.clone())),
                            element(model, "value", *of, v),
                        ],
                    )
                })
                .collect(),
        ),
        Kind::Timestamp => {
            let time = value.as_f64().and_then(Timestamp::from_epoch_seconds_f64);
            Xml::Text(name, time.unwrap_or_default().to_iso8601())
        }
        _ => Xml::Text(
            name,
            match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            },
        ),
    }
}
