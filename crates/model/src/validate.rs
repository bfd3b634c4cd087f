//! AWS's input validation, read from the model: member types first (a wrong type is a
//! `SerializationException`), then every constraint (required members, enum values, lengths,
//! ranges and patterns), all violations reported in one error in AWS's words.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use neargate_common::{AwsError, Common};
use serde_json::{Map, Value};

use crate::path::Path;
use crate::shape::{Bound, Kind, Model, Rules, ShapeId, Text};

/// Checks `input` against the input shape `input_shape` of `model`, reporting as the service
/// does ([`Model::rules`]); unknown members are ignored, as AWS does (newer clients send more).
pub fn validate(
    model: &Model,
    input_shape: ShapeId,
    input: &Map<String, Value>,
) -> Result<(), AwsError> {
    let rules = &model.rules;
    let mut walk = Walk {
        model,
        rules,
        violations: Vec::new(),
    };
    let Kind::Structure(members) = &model.shape(input_shape).kind else {
        return Ok(());
    };
    walk.members(members, input, &Path::Top)?;
    match walk.violations.len() {
        0 => Ok(()),
        n => {
            let noun = if n == 1 { "error" } else { "errors" };
            Err(AwsError::client(
                rules.exception,
                format!(
                    "{n} validation {noun} detected: {}",
                    walk.violations.join("; ")
                ),
            ))
        }
    }
}

struct Walk<'a> {
    model: &'a Model,
    rules: &'a Rules,
    violations: Vec<String>,
}

/// How a violation shows the value: quoted, `null`, or not at all (blobs, sensitive values
/// and structures).
enum Shown<'a> {
    Quoted(&'a Value),
    Null,
    Hidden,
}

impl Walk<'_> {
    fn members(
        &mut self,
        members: &[crate::shape::Member],
        object: &Map<String, Value>,
        at: &Path<'_>,
    ) -> Result<(), AwsError> {
        for member in members {
            let value = object.get(member.name).filter(|v| !v.is_null());
            let path = Path::Member(at, member.name);
            match value {
                Some(value) => self.value(member.shape, value, &path)?,
                None if member.required && self.rules.required => {
                    self.violation(Shown::Null, &path, "Member must not be null");
                }
                None => {}
            }
        }
        Ok(())
    }

    fn value(&mut self, id: ShapeId, value: &Value, path: &Path<'_>) -> Result<(), AwsError> {
        let model = self.model;
        match &model.shape(id).kind {
            Kind::Structure(members) => {
                let object = value
                    .as_object()
                    .ok_or_else(|| wrong(path, "a structure"))?;
                self.members(members, object, path)
            }
            Kind::String(text) => {
                let s = value.as_str().ok_or_else(|| wrong(path, "a string"))?;
                self.text(id, text, s, value, path);
                Ok(())
            }
            Kind::Integer(range) => {
                let n = value.as_i64().ok_or_else(|| wrong(path, "an integer"))?;
                self.range(*range, n as f64, value, path);
                Ok(())
            }
            Kind::Float(range) => {
                let n = value.as_f64().ok_or_else(|| wrong(path, "a number"))?;
                self.range(*range, n, value, path);
                Ok(())
            }
            Kind::Boolean => value
                .as_bool()
                .map(drop)
                .ok_or_else(|| wrong(path, "a boolean")),
            Kind::Blob { length, .. } => {
                let text = value.as_str().ok_or_else(|| wrong(path, "a string"))?;
                let len = decoded_len(text).ok_or_else(|| {
                    Common::SerializationException
                        .with(format!("Value for '{}' is not valid base64.", path.wire()))
                })?;
                self.length(*length, len, Shown::Hidden, path);
                Ok(())
            }
            Kind::Timestamp => match value {
                Value::Number(_) | Value::String(_) => Ok(()),
                _ => Err(wrong(path, "a timestamp")),
            },
            Kind::List { member, length } => {
                let list = value.as_array().ok_or_else(|| wrong(path, "a list"))?;
                self.length(*length, list.len(), Shown::Hidden, path);
                self.list(*member, list, value, path)
            }
            Kind::Map {
                value: of, length, ..
            } => {
                let map = value.as_object().ok_or_else(|| wrong(path, "a map"))?;
                self.length(*length, map.len(), Shown::Hidden, path);
                for (key, entry) in map {
                    if !entry.is_null() {
                        self.value(*of, entry, &Path::Entry(path, key))?;
                    }
                }
                Ok(())
            }
            Kind::Document => Ok(()),
        }
    }

    /// A list's elements: an enum list is reported as a whole, as AWS does; other elements at
    /// `path.N.member`.
    fn list(
        &mut self,
        member: ShapeId,
        list: &[Value],
        whole: &Value,
        path: &Path<'_>,
    ) -> Result<(), AwsError> {
        let model = self.model;
        if let Kind::String(text) = &model.shape(member).kind
            && !text.values.is_empty()
        {
            let mut outside = false;
            for item in list {
                let s = item
                    .as_str()
                    .ok_or_else(|| wrong(path, "a list of strings"))?;
                outside |= !text.values.contains(&s);
            }
            if self.rules.constraints && outside {
                self.violation(Shown::Quoted(whole), path, &enum_constraint(text.values));
            }
            return Ok(());
        }
        for (i, element) in list.iter().enumerate() {
            if !element.is_null() {
                self.value(member, element, &Path::Element(path, i + 1))?;
            }
        }
        Ok(())
    }

    fn text(&mut self, id: ShapeId, text: &Text, s: &str, value: &Value, path: &Path<'_>) {
        if !self.rules.constraints {
            return;
        }
        let shown = || {
            if text.sensitive {
                Shown::Hidden
            } else {
                Shown::Quoted(value)
            }
        };
        if text.length.min.is_some() || text.length.max.is_some() {
            self.length(text.length, s.encode_utf16().count(), shown(), path);
        }
        if let Some(pattern) = text.pattern
            && self.model.pattern(id).is_some_and(|re| !re.is_match(s))
        {
            let constraint = format!("Member must satisfy regular expression pattern: {pattern}");
            self.violation(shown(), path, &constraint);
        }
        if !text.values.is_empty() && !text.values.contains(&s) {
            self.violation(shown(), path, &enum_constraint(text.values));
        }
    }

    fn length(&mut self, bound: Bound, len: usize, shown: Shown<'_>, path: &Path<'_>) {
        if !self.rules.constraints {
            return;
        }
        let len = i64::try_from(len).unwrap_or(i64::MAX);
        if let Some(constraint) = outside(bound, len as f64) {
            self.violation(
                shown,
                path,
                &format!("Member must have length {constraint}"),
            );
        }
    }

    fn range(&mut self, bound: Bound, n: f64, value: &Value, path: &Path<'_>) {
        if !self.rules.constraints {
            return;
        }
        if let Some(constraint) = outside(bound, n) {
            let constraint = format!("Member must have value {constraint}");
            self.violation(Shown::Quoted(value), path, &constraint);
        }
    }

    fn violation(&mut self, shown: Shown<'_>, path: &Path<'_>, constraint: &str) {
        let value = match shown {
            Shown::Quoted(v) => format!(" '{}'", display(v)),
            Shown::Null => " null".to_owned(),
            Shown::Hidden => String::new(),
        };
        self.violations.push(format!(
            "Value{value} at '{}' failed to satisfy constraint: {constraint}",
            path.aws()
        ));
    }
}

/// The length of the bytes base64 `text` decodes to, without keeping them; `None` if it is not
/// base64.
fn decoded_len(text: &str) -> Option<usize> {
    let mut scratch = vec![0u8; text.len() / 4 * 3 + 3];
    let n = STANDARD.decode_slice(text, &mut scratch).ok();
    zeroize_bytes(&mut scratch);
    n
}

/// Overwrites what a decoded blob left (plaintexts pass through here).
fn zeroize_bytes(bytes: &mut [u8]) {
    use zeroize::Zeroize as _;
    bytes.zeroize();
}

/// The words of the bound `n` breaks, if it breaks one.
fn outside(bound: Bound, n: f64) -> Option<String> {
    if bound.min.is_some_and(|min| n < min as f64) {
        return bound
            .min
            .map(|min| format!("greater than or equal to {min}"));
    }
    if bound.max.is_some_and(|max| n > max as f64) {
        return bound.max.map(|max| format!("less than or equal to {max}"));
    }
    None
}

fn enum_constraint(values: &[&str]) -> String {
    format!(
        "Member must satisfy enum value set: [{}]",
        values.join(", ")
    )
}

/// A value as AWS's messages print it: strings bare, lists as `[a, b]`.
fn display(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(display).collect::<Vec<_>>().join(", ")
        ),
        other => other.to_string(),
    }
}

fn wrong(path: &Path<'_>, expected: &str) -> AwsError {
    Common::SerializationException.with(format!("Value for '{}' must be {expected}.", path.wire()))
}

/// A member name as AWS's validation messages write it: its first letter lowered.
pub fn lower_camel(name: &str) -> String {
    let mut out = name.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    out
}
