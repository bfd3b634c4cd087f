//! Outputs read through their model: the members it marks sensitive left out, for the trail.

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
