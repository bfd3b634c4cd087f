//! The query protocol's parameters (`UserName=x&Tags.member.1.Key=k`) read back into the
//! structure the model describes, so that the one validator checks them as it checks JSON.

use std::borrow::Cow;
use std::collections::BTreeMap;

use neargate_common::AwsError;
use serde_json::{Map, Value};

use crate::path::Path;
use crate::shape::{Kind, Model, ShapeId};

/// The structure `shape` of `model` as the query parameters `pairs` spell it. Members that are
/// not in the model are left out; a number or boolean that does not read as one is refused
/// in AWS's words, as the query services do.
pub fn from_query<'a>(
    model: &Model,
    shape: ShapeId,
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Map<String, Value>, AwsError> {
    let params: BTreeMap<&str, &str> = pairs.into_iter().collect();
    let reader = Reader {
        model,
        params: &params,
        exception: model.rules.exception,
    };
    match reader.read(shape, "", &Path::Top)? {
        Some(Value::Object(map)) => Ok(map),
        _ => Ok(Map::new()),
    }
}

struct Reader<'a> {
    model: &'a Model,
    params: &'a BTreeMap<&'a str, &'a str>,
    exception: &'static str,
}

impl Reader<'_> {
    /// Whether any parameter is `prefix` or lies under it.
    fn any_under(&self, prefix: &str) -> bool {
        self.params.range(prefix..).next().is_some_and(|(k, _)| {
            k.strip_prefix(prefix)
                .is_some_and(|r| r.is_empty() || r.starts_with('.'))
        })
    }

    /// The value at `name` (`path` is where it sits, for AWS's messages), if the request has it.
    fn read(&self, id: ShapeId, name: &str, path: &Path<'_>) -> Result<Option<Value>, AwsError> {
        match &self.model.shape(id).kind {
            Kind::Structure(members) => {
                let mut map = Map::new();
                for member in *members {
                    // At the top, a member's parameter is its name: look it up without a copy.
                    let child = if name.is_empty() {
                        Cow::Borrowed(member.name)
                    } else {
                        Cow::Owned(format!("{name}.{}", member.name))
                    };
                    if !self.any_under(&child) {
                        continue;
                    }
                    let at = Path::Member(path, member.name);
                    if let Some(value) = self.read(member.shape, &child, &at)? {
                        map.insert(member.name.to_owned(), value);
                    }
                }
                Ok((!map.is_empty() || name.is_empty()).then_some(Value::Object(map)))
            }
            Kind::List { member, .. } => {
                if !self.any_under(name) {
                    return Ok(None);
                }
                let mut items = Vec::new();
                for i in 1.. {
                    let element = format!("{name}.member.{i}");
                    if !self.any_under(&element) {
                        break;
                    }
                    let at = Path::Element(path, i);
                    items.push(self.read(*member, &element, &at)?.unwrap_or(Value::Null));
                }
                Ok(Some(Value::Array(items)))
            }
            Kind::Map { key, value, .. } => {
                if !self.any_under(name) {
                    return Ok(None);
                }
                let mut map = Map::new();
                for i in 1.. {
                    let entry = format!("{name}.entry.{i}");
                    if !self.any_under(&entry) {
                        break;
                    }
                    let k = self.read(*key, &format!("{entry}.key"), path)?;
                    let v = self.read(*value, &format!("{entry}.value"), path)?;
                    if let Some(Value::String(k)) = k {
                        map.insert(k, v.unwrap_or(Value::Null));
                    }
                }
                Ok(Some(Value::Object(map)))
            }
            kind => {
                let Some(text) = self.params.get(name) else {
                    return Ok(None);
                };
                self.scalar(kind, text, path).map(Some)
            }
        }
    }

    fn scalar(&self, kind: &Kind, text: &str, path: &Path<'_>) -> Result<Value, AwsError> {
        let refuse = |what: &str| {
            AwsError::client(
                self.exception,
                format!(
                    "1 validation error detected: Value '{text}' at '{}' failed to satisfy \
                     constraint: Member must be {what}",
                    path.aws()
                ),
            )
        };
        Ok(match kind {
            Kind::Integer(_) => Value::from(text.parse::<i64>().map_err(|_| refuse("a number"))?),
            Kind::Float(_) => {
                let n = text.parse::<f64>().map_err(|_| refuse("a number"))?;
                serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
            }
            Kind::Boolean => match text {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                _ => return Err(refuse("a boolean")),
            },
            _ => Value::String(text.to_owned()),
        })
    }
}
