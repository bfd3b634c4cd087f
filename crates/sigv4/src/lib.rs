//! Verification of AWS Signature Version 4, for the `Authorization` header and presigned URLs.
//!
//! The crate is pure: it sees a request as method, raw path, raw query, headers and body, and
//! never does I/O. The caller parses ([`parse`]), looks up the secret for the access key id,
//! then verifies ([`verify`]).

use std::borrow::Cow;

mod canonical;
mod error;
mod key;
mod parse;
mod verify;

pub use canonical::{Hex, canonical_request, string_to_sign};
pub use error::SigError;
pub use key::{KeyCache, SigningKey};
pub use parse::{Auth, AuthKind, Scope, parse};
pub use verify::{MAX_SKEW, PayloadRule, verify};

/// A received HTTP request as the verifier needs to see it.
#[derive(Debug, Clone, Copy)]
pub struct RequestView<'a> {
    /// The method, e.g. `POST`.
    pub method: &'a str,
    /// The path exactly as received (percent-encoded).
    pub path: &'a str,
    /// The query string exactly as received, without `?`; empty when absent.
    pub query: &'a str,
    /// The headers in the order received; names in any case.
    pub headers: &'a [(&'a str, &'a [u8])],
    /// The body.
    pub body: &'a [u8],
}

impl<'a> RequestView<'a> {
    /// All values of the header `name` (case-insensitive), in order.
    pub fn header_values<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'a [u8]> + 's {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    }

    /// The first value of the header `name` as text, if present and valid UTF-8.
    pub fn header(&self, name: &str) -> Option<&'a str> {
        self.header_values(name)
            .next()
            .and_then(|v| std::str::from_utf8(v).ok())
    }

    /// The query parameters, percent-decoded (`+` read as a space, as form encoding does).
    pub fn query_pairs(&self) -> Vec<(Cow<'a, str>, Cow<'a, str>)> {
        decode_query(self.query)
    }
}

/// Splits and percent-decodes a query string, borrowing the parts that need no decoding.
pub(crate) fn decode_query(query: &str) -> Vec<(Cow<'_, str>, Cow<'_, str>)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(text: &str) -> Cow<'_, str> {
    if !text.bytes().any(|b| b == b'+' || b == b'%') {
        return Cow::Borrowed(text);
    }
    let spaced = text.replace('+', " ");
    Cow::Owned(
        percent_encoding::percent_decode_str(&spaced)
            .decode_utf8_lossy()
            .into_owned(),
    )
}
