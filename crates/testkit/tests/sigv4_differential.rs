//! Differential property tests: whatever the official `aws-sigv4` crate signs, Neargate's
//! verifier accepts; a changed signature is refused; the parser never panics.

use std::time::{Duration, UNIX_EPOCH};

use neargate_common::Timestamp;
use neargate_sigv4::{KeyCache, PayloadRule, RequestView, parse, verify};
use neargate_testkit::{SignSpec, sign};
use proptest::prelude::*;

/// A raw HTTP/1.1 request split back into the parts the verifier sees.
struct Parts {
    method: String,
    path: String,
    query: String,
    headers: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
}

fn split(raw: &[u8]) -> Parts {
    let head_end = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("head") + 4;
    let head = std::str::from_utf8(&raw[..head_end]).expect("ASCII head");
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next().expect("request line").split(' ');
    let method = request_line.next().expect("method").to_owned();
    let target = request_line.next().expect("target");
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let headers = lines
        .filter_map(|l| l.split_once(": "))
        .map(|(n, v)| (n.to_owned(), v.as_bytes().to_vec()))
        .collect();
    Parts {
        method,
        path: path.to_owned(),
        query: query.to_owned(),
        headers,
        body: raw[head_end..].to_vec(),
    }
}

fn check(parts: &Parts, secret: &str, now: Timestamp) -> Result<(), String> {
    let headers: Vec<(&str, &[u8])> = parts
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_slice()))
        .collect();
    let req = RequestView {
        method: &parts.method,
        path: &parts.path,
        query: &parts.query,
        headers: &headers,
        body: &parts.body,
    };
    let auth = parse(&req).map_err(|e| e.to_string())?;
    let key = KeyCache::default().get(&auth.access_key_id, secret, &auth.scope);
    verify(&req, &auth, &key, now, PayloadRule::Signed).map_err(|e| e.to_string())
}

/// Path segments and query text as clients put them on the wire (percent-encoded).
fn wire_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            "[A-Za-z0-9._~-]{1,6}",
            Just("%20".to_owned()),
            Just("%2F".to_owned()),
            Just("%C3%A9".to_owned()),
            Just("+".to_owned()),
        ],
        1..4,
    )
    .prop_map(|parts| parts.concat())
}

/// A random request to sign.
#[derive(Debug, Clone)]
struct Generated {
    method: String,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    presign: bool,
}

fn request() -> impl Strategy<Value = Generated> {
    (
        prop::sample::select(vec!["GET", "POST", "PUT", "DELETE"]),
        proptest::collection::vec(wire_text(), 0..4),
        proptest::collection::vec((wire_text(), wire_text()), 0..4),
        proptest::collection::vec("[a-z]{1,8}  ?[ -~&&[^ ]]{0,10}( +[a-z]{1,4})?", 0..3),
        proptest::collection::vec(any::<u8>(), 0..64),
        any::<bool>(),
    )
        .prop_map(
            |(method, segments, query, values, body, presign)| Generated {
                method: method.to_owned(),
                path: format!("/{}", segments.join("/")),
                query,
                headers: values
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| (format!("x-amz-meta-h{i}"), v.trim().to_owned()))
                    .filter(|(_, v)| !v.is_empty())
                    .collect(),
                body,
                presign,
            },
        )
}

/// The signing instructions for a generated request (a presigned one has no body).
fn spec_of(r: Generated) -> SignSpec {
    let Generated {
        method,
        path,
        query,
        headers,
        body,
        presign,
    } = r;
    let query_text: Vec<String> = query.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let url = if query_text.is_empty() {
        format!("http://127.0.0.1:4566{path}")
    } else {
        format!("http://127.0.0.1:4566{path}?{}", query_text.join("&"))
    };
    SignSpec {
        method,
        url,
        headers,
        body: if presign { Vec::new() } else { body },
        service: "kms".into(),
        region: "eu-west-1".into(),
        access_key_id: "AKIDEXAMPLE".into(),
        secret_access_key: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".into(),
        session_token: Some("token/with+chars=".into()),
        time: UNIX_EPOCH + Duration::from_secs(1_700_000_000),
        presign_for: presign.then(|| Duration::from_secs(300)),
        unsigned_payload: false,
    }
}

/// A change made to a signed request after signing, as whoever holds the signature might.
#[derive(Debug, Clone)]
enum Tamper {
    /// An `x-amz-*` header the signer did not sign, such as `X-Amz-Target`.
    AddAmzHeader(String, String),
    /// Bytes added to the body.
    AppendBody(Vec<u8>),
    /// A query parameter added.
    AddParameter(String, String),
    /// The body's hash declared as `UNSIGNED-PAYLOAD`.
    DeclareUnsignedPayload,
}

fn tamper() -> impl Strategy<Value = Tamper> {
    prop_oneof![
        (
            prop_oneof![
                Just("X-Amz-Target".to_owned()),
                Just("x-amz-security-token".to_owned()),
                "x-amz-[a-z]{1,10}",
            ],
            "[A-Za-z0-9.]{1,20}",
        )
            .prop_map(|(n, v)| Tamper::AddAmzHeader(n, v)),
        proptest::collection::vec(any::<u8>(), 1..32).prop_map(Tamper::AppendBody),
        ("[A-Za-z]{1,8}", "[A-Za-z0-9]{0,8}").prop_map(|(k, v)| Tamper::AddParameter(k, v)),
        Just(Tamper::DeclareUnsignedPayload),
    ]
}

impl Tamper {
    fn apply(&self, parts: &mut Parts) {
        match self {
            Self::AddAmzHeader(name, value) => {
                parts
                    .headers
                    .push((name.clone(), value.as_bytes().to_vec()));
            }
            Self::AppendBody(bytes) => parts.body.extend_from_slice(bytes),
            Self::AddParameter(k, v) => {
                let sep = if parts.query.is_empty() { "" } else { "&" };
                parts.query = format!("{}{sep}{k}={v}", parts.query);
            }
            Self::DeclareUnsignedPayload => parts
                .headers
                .push(("x-amz-content-sha256".into(), b"UNSIGNED-PAYLOAD".to_vec())),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn official_signatures_verify(r in request()) {
        let spec = spec_of(r);
        let raw = sign(&spec);
        let parts = split(&raw);
        let now = Timestamp::from_secs(1_700_000_060);
        prop_assert_eq!(check(&parts, &spec.secret_access_key, now), Ok(()));
        prop_assert!(check(&parts, "another-secret", now).is_err());
    }

    /// Whatever is added after signing, header or presigned, with the body's hash or
    /// `UNSIGNED-PAYLOAD` signed, is refused by a JSON or query service.
    #[test]
    fn changes_after_signing_are_refused(
        r in request(),
        change in tamper(),
        unsigned in any::<bool>(),
    ) {
        let mut spec = spec_of(r);
        spec.unsigned_payload = unsigned;
        let mut parts = split(&sign(&spec));
        let now = Timestamp::from_secs(1_700_000_060);
        if !unsigned {
            prop_assert_eq!(check(&parts, &spec.secret_access_key, now), Ok(()));
        }
        change.apply(&mut parts);
        prop_assert!(check(&parts, &spec.secret_access_key, now).is_err(), "{:?}", change);
    }

    #[test]
    fn the_parser_never_panics(header in ".{0,300}", query in ".{0,300}") {
        let headers: Vec<(&str, &[u8])> = vec![("authorization", header.as_bytes()), ("x-amz-date", b"20231114T221320Z")];
        let req = RequestView { method: "POST", path: "/", query: &query, headers: &headers, body: b"" };
        let _ = parse(&req);
        let presigned = RequestView { method: "GET", path: "/", query: &query, headers: &[], body: b"" };
        let _ = parse(&presigned);
    }
}
