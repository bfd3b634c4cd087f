//! JSON input: parsing with AWS's errors, and typed access to members.

use neargate_common::{AwsError, Common};
use serde_json::{Map, Value};

/// The decoded JSON body of a call: always an object.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JsonInput(pub Map<String, Value>);

/// A member that is present but of the wrong type: AWS's JSON services answer it with
/// `SerializationException`, before any rule of the operation ([`FieldError::into_aws`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The member name.
    pub member: String,
    /// What was expected, e.g. `a string`.
    pub expected: &'static str,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Value for '{}' must be {}.", self.member, self.expected)
    }
}

impl FieldError {
    /// The `SerializationException` every JSON service answers for it.
    pub fn into_aws(self) -> AwsError {
        serialization(&self.to_string())
    }
}

impl JsonInput {
    /// Parses a request body. An empty body is an empty object; anything but an object, invalid
    /// UTF-8, or JSON nested deeper than the parser's limit is a `SerializationException`.
    pub fn parse(body: &[u8]) -> Result<Self, AwsError> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Self::default());
        }
        match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(map)) => Ok(Self(map)),
            Ok(_) => Err(serialization("The request body must be a JSON object.")),
            Err(e) if e.is_syntax() || e.is_eof() => Err(serialization(&format!(
                "The request body is not valid JSON ({e})."
            ))),
            Err(e) => Err(serialization(&format!(
                "The request body could not be read ({e})."
            ))),
        }
    }

    /// The raw member `name`, unless absent or null.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.get(name).filter(|v| !v.is_null())
    }

    /// A string member.
    pub fn str(&self, name: &str) -> Result<Option<&str>, FieldError> {
        self.typed(name, "a string", Value::as_str)
    }

    /// An integer member.
    pub fn i64(&self, name: &str) -> Result<Option<i64>, FieldError> {
        self.typed(name, "an integer", Value::as_i64)
    }

    /// A list member.
    pub fn array(&self, name: &str) -> Result<Option<&Vec<Value>>, FieldError> {
        self.typed(name, "a list", Value::as_array)
    }

    fn typed<'a, T>(
        &'a self,
        name: &str,
        expected: &'static str,
        read: impl FnOnce(&'a Value) -> Option<T>,
    ) -> Result<Option<T>, FieldError> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => read(v).map(Some).ok_or_else(|| FieldError {
                member: name.to_owned(),
                expected,
            }),
        }
    }
}

fn serialization(message: &str) -> AwsError {
    Common::SerializationException.with(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_objects_only() {
        assert_eq!(JsonInput::parse(b"").unwrap(), JsonInput::default());
        assert!(JsonInput::parse(br#"{"a":1}"#).is_ok());
        for bad in [&b"[1]"[..], b"\"x\"", b"{", b"\xff\xfe", b"{\"a\":}"] {
            assert_eq!(
                JsonInput::parse(bad).unwrap_err().code,
                "SerializationException"
            );
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        let body = format!("{{\"a\":{deep}");
        assert_eq!(
            JsonInput::parse(body.as_bytes()).unwrap_err().code,
            "SerializationException"
        );
    }

    #[test]
    fn typed_access() {
        let input = JsonInput::parse(br#"{"s":"x","n":5,"z":null}"#).unwrap();
        assert_eq!(input.str("s"), Ok(Some("x")));
        assert_eq!(input.str("z"), Ok(None));
        assert_eq!(input.i64("n"), Ok(Some(5)));
        assert!(input.str("n").is_err());
    }
}
