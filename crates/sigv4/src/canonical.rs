//! The canonical request and string to sign, as AWS defines them for every service but S3.

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
    let mut out = String::with_capacity(256 + req.query.len());
    out.push_str(req.method);
    out.push('\n');
    out.push_str(&canonical_path(req.path));
    out.push('\n');
    out.push_str(&canonical_query(req.query));
    out.push('\n');
    for name in &auth.signed_headers {
        out.push_str(name);
        out.push(':');
        out.push_str(&canonical_header_value(req, name));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&auth.signed_headers.join(";"));
    out.push('\n');
    out.push_str(payload_hash);
    out
}

/// The string to sign: algorithm, date, scope and the hash of the canonical request.
pub fn string_to_sign(auth: &Auth, canonical_request: &str) -> String {
    format!(
        "AWS4-HMAC-SHA256\n{}\n{}\n{}",
        auth.amz_date,
        auth.scope,
        sha256_hex(canonical_request.as_bytes())
    )
}

/// Lowercase hex SHA-256 of `data`.
pub(crate) fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// Removes empty and dot segments, then encodes the (already encoded) path once more.
fn canonical_path(raw: &str) -> String {
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
    let mut path = String::from("/");
    path.push_str(&segments.join("/"));
    // A path ending in `/`, or in a `.` or `..` segment, names a directory: keep the slash.
    let last = raw.rsplit('/').next().unwrap_or("");
    if !segments.is_empty() && (raw.ends_with('/') || last == "." || last == "..") {
        path.push('/');
    }
    utf8_percent_encode(&path, PATH).to_string()
}

/// Decoded pairs, re-encoded strictly and sorted; the presigned signature itself is left out.
fn canonical_query(raw: &str) -> String {
    let mut pairs: Vec<(String, String)> = decode_query(raw)
        .into_iter()
        .filter(|(k, _)| k != "X-Amz-Signature")
        .map(|(k, v)| (encode(&k), encode(&v)))
        .collect();
    pairs.sort();
    let mut out = String::with_capacity(raw.len() + 16);
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(k);
        out.push('=');
        out.push_str(v);
    }
    out
}

fn encode(text: &str) -> String {
    utf8_percent_encode(text, STRICT).to_string()
}

/// All values of one header joined by `,`, each trimmed with inner runs of spaces folded.
fn canonical_header_value(req: &RequestView<'_>, name: &str) -> String {
    let mut out = String::new();
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
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
