//! The canonical request and string to sign, as AWS defines them for every service but S3.

use std::fmt::Write as _;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use sha2::{Digest, Sha256};

use crate::parse::Auth;
use crate::{RequestView, decode_query};

/// Everything but the RFC 3986 unreserved characters is encoded.
const STRICT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');
/// As [`STRICT`], but `/` separates path segments and stays.
const PATH: &AsciiSet = &STRICT.remove(b'/');

/// The canonical request for `req` under the signature `auth`, with `payload_hash` as its last line.
pub fn canonical_request(req: &RequestView<'_>, auth: &Auth, payload_hash: &str) -> String {
    let mut out = String::with_capacity(256 + req.path.len() + req.query.len());
    out.push_str(req.method);
    out.push('\n');
    push_canonical_path(&mut out, req.path);
    out.push('\n');
    push_canonical_query(&mut out, req.query);
    out.push('\n');
    for name in &auth.signed_headers {
        out.push_str(name);
        out.push(':');
        push_canonical_header_value(&mut out, req, name);
        out.push('\n');
    }
    out.push('\n');
    for (i, name) in auth.signed_headers.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.push_str(name);
    }
    out.push('\n');
    out.push_str(payload_hash);
    out
}

/// The string to sign: algorithm, date, scope and the hash of the canonical request.
pub fn string_to_sign(auth: &Auth, canonical_request: &str) -> String {
    let scope = &auth.scope;
    let mut out = String::with_capacity(160);
    out.push_str("AWS4-HMAC-SHA256\n");
    out.push_str(&auth.amz_date);
    out.push('\n');
    for part in [&scope.date, &scope.region, &scope.service] {
        out.push_str(part);
        out.push('/');
    }
    out.push_str("aws4_request\n");
    out.push_str(Hex::of(&Sha256::digest(canonical_request.as_bytes()).into()).as_str());
    out
}

/// Lowercase hex of a 32-byte digest or signature, without allocating.
#[derive(Debug, Clone, Copy)]
pub struct Hex([u8; 64]);

impl Hex {
    /// The hex form of `bytes`.
    pub fn of(bytes: &[u8; 32]) -> Self {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut out = [0u8; 64];
        for (i, b) in bytes.iter().enumerate() {
            out[2 * i] = DIGITS[usize::from(b >> 4)];
            out[2 * i + 1] = DIGITS[usize::from(b & 0xf)];
        }
        Self(out)
    }

    /// The digits as text.
    pub fn as_str(&self) -> &str {
        // Every byte is an ASCII hex digit.
        std::str::from_utf8(&self.0).expect("hex digits are ASCII")
    }
}

/// Lowercase hex SHA-256 of `data`.
pub(crate) fn sha256_hex(data: &[u8]) -> Hex {
    Hex::of(&Sha256::digest(data).into())
}

/// Removes empty and dot segments, then encodes the (already encoded) path once more.
fn push_canonical_path(out: &mut String, raw: &str) {
    let mut segments: Vec<&str> = Vec::new();
    for segment in raw.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    for segment in &segments {
        out.push('/');
        push_encoded(out, segment, PATH);
    }
    // A path ending in `/`, or in a `.` or `..` segment, names a directory: keep the slash.
    let last = raw.rsplit('/').next().unwrap_or("");
    if segments.is_empty() || raw.ends_with('/') || last == "." || last == ".." {
        out.push('/');
    }
}

/// Decoded pairs, re-encoded strictly and sorted; the presigned signature itself is left out.
fn push_canonical_query(out: &mut String, raw: &str) {
    if raw.is_empty() {
        return;
    }
    let mut pairs: Vec<(String, String)> = decode_query(raw)
        .into_iter()
        .filter(|(k, _)| k != "X-Amz-Signature")
        .map(|(k, v)| (encode(&k), encode(&v)))
        .collect();
    pairs.sort();
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(k);
        out.push('=');
        out.push_str(v);
    }
}

fn encode(text: &str) -> String {
    utf8_percent_encode(text, STRICT).to_string()
}

fn push_encoded(out: &mut String, text: &str, set: &'static AsciiSet) {
    // Writing to a String cannot fail.
    let _ = write!(out, "{}", utf8_percent_encode(text, set));
}

/// All values of one header joined by `,`, each trimmed with inner runs of spaces folded.
fn push_canonical_header_value(out: &mut String, req: &RequestView<'_>, name: &str) {
    for (i, value) in req.header_values(name).enumerate() {
        if i > 0 {
            out.push(',');
        }
        let text = String::from_utf8_lossy(value);
        let mut first = true;
        for word in text.split_ascii_whitespace() {
            if !first {
                out.push(' ');
            }
            out.push_str(word);
            first = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical_path(raw: &str) -> String {
        let mut out = String::new();
        push_canonical_path(&mut out, raw);
        out
    }

    fn canonical_query(raw: &str) -> String {
        let mut out = String::new();
        push_canonical_query(&mut out, raw);
        out
    }

    #[test]
    fn digests_are_lowercase_hex() {
        assert_eq!(
            sha256_hex(b"").as_str(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let bytes: [u8; 32] = std::array::from_fn(|i| if i == 0 { 0xAB } else { 0x0F });
        assert!(Hex::of(&bytes).as_str().starts_with("ab0f0f"));
    }

    #[test]
    fn paths_are_normalized_then_encoded_again() {
        assert_eq!(canonical_path("//example//"), "/example/");
        assert_eq!(canonical_path("/example1/example2/../.."), "/");
        assert_eq!(canonical_path("/./"), "/");
        assert_eq!(canonical_path("/"), "/");
        assert_eq!(canonical_path(""), "/");
        assert_eq!(canonical_path("/a/%3D"), "/a/%253D");
        assert_eq!(canonical_path("/test/@x"), "/test/%40x");
        assert_eq!(canonical_path("/A/."), "/A/");
        assert_eq!(canonical_path("/A/B/.."), "/A/");
        assert_eq!(canonical_path("/A/.."), "/");
    }

    #[test]
    fn query_is_sorted_and_strictly_encoded() {
        assert_eq!(canonical_query("b=2&a=1&a=0"), "a=0&a=1&b=2");
        assert_eq!(canonical_query("k=a+b&s=%2F"), "k=a%20b&s=%2F");
        assert_eq!(canonical_query("flag"), "flag=");
        assert_eq!(canonical_query("X-Amz-Signature=abc&x=1"), "x=1");
    }
}
