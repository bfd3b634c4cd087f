//! Query protocol input (form parameters) and output (an XML tree).

use neargate_common::{AwsError, Common};

/// Decoded query parameters in the order sent.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QueryParams(Vec<(String, String)>);

impl QueryParams {
    /// Decodes a form-encoded string; a parameter that does not decode to UTF-8 is refused.
    pub fn parse(raw: &str) -> Result<Self, AwsError> {
        let mut pairs = Vec::new();
        for part in raw.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            pairs.push((decode(k)?, decode(v)?));
        }
        Ok(Self(pairs))
    }

    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Removes and returns the first value of `name`.
    pub fn take(&mut self, name: &str) -> Option<String> {
        let index = self.0.iter().position(|(k, _)| k == name)?;
        Some(self.0.remove(index).1)
    }

    /// Refuses a parameter named more than once (in the query, the body, or both): every stage
    /// of a call, from authorization to the audit record, must read the same single value.
    pub fn refuse_repeats(&self) -> Result<(), AwsError> {
        let mut names: Vec<&str> = self.0.iter().map(|(k, _)| k.as_str()).collect();
        names.sort_unstable();
        match names.windows(2).find(|w| w[0] == w[1]) {
            Some(w) => Err(Common::MalformedQueryString
                .with(format!("The parameter {} appears more than once.", w[0]))),
            None => Ok(()),
        }
    }

    /// Appends all of `other`.
    pub fn extend(&mut self, other: Self) {
        self.0.extend(other.0);
    }

    /// All parameters.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    /// The decoded pairs, in order, taken out.
    pub fn into_pairs(self) -> Vec<(String, String)> {
        self.0
    }
}

fn decode(text: &str) -> Result<String, AwsError> {
    if !text.bytes().any(|b| b == b'+' || b == b'%') {
        return Ok(text.to_owned());
    }
    let spaced = text.replace('+', " ");
    let bytes: Vec<u8> = percent_encoding::percent_decode_str(&spaced).collect();
    String::from_utf8(bytes)
        .map_err(|_| Common::MalformedQueryString.with("A query parameter is not valid UTF-8."))
}

/// Escapes XML's special characters in `text`.
pub fn escape_into(text: &str, out: &mut String) {
    let mut plain = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            b'\r' => "&#xD;",
            _ => continue,
        };
        // Every escaped byte is ASCII, so the cuts fall on character boundaries.
        out.push_str(&text[plain..i]);
        out.push_str(entity);
        plain = i + 1;
    }
    out.push_str(&text[plain..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_forms() {
        let mut p = QueryParams::parse("Action=Get&Name=a+b%2Fc&Empty=&Flag").unwrap();
        assert_eq!(p.get("Name"), Some("a b/c"));
        assert_eq!(p.get("Empty"), Some(""));
        assert_eq!(p.get("Flag"), Some(""));
        assert_eq!(p.take("Action").as_deref(), Some("Get"));
        assert_eq!(p.get("Action"), None);
        assert_eq!(
            QueryParams::parse("a=%ff").unwrap_err().code,
            "MalformedQueryString"
        );
    }

    #[test]
    fn escapes_xml_text() {
        let mut out = String::new();
        escape_into("<&>", &mut out);
        assert_eq!(out, "&lt;&amp;&gt;");
        out.clear();
        escape_into("é a'b\"c\r", &mut out);
        assert_eq!(out, "é a&apos;b&quot;c&#xD;");
    }
}
