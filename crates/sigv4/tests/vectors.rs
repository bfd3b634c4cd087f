//! AWS's published SigV4 test suite, verified by Neargate's verifier.

use std::path::{Path, PathBuf};

use neargate_common::Timestamp;
use neargate_sigv4::{KeyCache, PayloadRule, RequestView, canonical_request, parse, verify};

/// A signed request read from the suite's text form.
struct RawRequest {
    method: String,
    path: String,
    query: String,
    headers: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
}

impl RawRequest {
    /// The headers as the verifier takes them.
    fn header_pairs(&self) -> Vec<(&str, &[u8])> {
        self.headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_slice()))
            .collect()
    }

    /// The request as the verifier sees it, with `headers` from [`RawRequest::header_pairs`].
    fn view<'a>(&'a self, headers: &'a [(&'a str, &'a [u8])]) -> RequestView<'a> {
        RequestView {
            method: &self.method,
            path: &self.path,
            query: &self.query,
            headers,
            body: &self.body,
        }
    }
}

fn read_request(text: &str) -> RawRequest {
    let (head, body) = text.split_once("\n\n").unwrap_or((text, ""));
    let mut lines = head.lines();
    let request_line = lines.next().expect("request line");
    let target = request_line.strip_prefix_method();
    let (method, rest) = target;
    let uri = rest.rsplit_once(" HTTP/1.1").map_or(rest, |(u, _)| u);
    let (path, query) = uri.split_once('?').unwrap_or((uri, ""));
    let mut headers: Vec<(String, Vec<u8>)> = Vec::new();
    for line in lines {
        if line.starts_with(' ') || line.starts_with('\t') {
            // An obsolete folded continuation of the previous header's value.
            let last = headers.last_mut().expect("continuation after a header");
            last.1.push(b' ');
            last.1.extend_from_slice(line.trim().as_bytes());
        } else if let Some((name, value)) = line.split_once(':') {
            headers.push((name.to_owned(), value.as_bytes().to_vec()));
        }
    }
    RawRequest {
        method: method.to_owned(),
        path: path.to_owned(),
        query: query.to_owned(),
        headers,
        body: body.as_bytes().to_vec(),
    }
}

trait SplitMethod {
    fn strip_prefix_method(&self) -> (&str, &str);
}

impl SplitMethod for str {
    fn strip_prefix_method(&self) -> (&str, &str) {
        self.split_once(' ').expect("method and target")
    }
}

fn vector_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .expect("vectors folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// Whether this suite case models what a SigV4 client sends to a non-S3 service.
fn applies(name: &str, context: &serde_json::Value, path: &str) -> bool {
    // Unnormalized cases are S3's rules. Paths with spaces or non-ASCII text are given in the
    // suite before URI encoding; SDKs sign the path as sent on the wire, encoded once more, so
    // those cases (and get-space-normalized, whose `%20` is the same text pre-encoded) do not
    // describe a wire request.
    // A token added after signing (unsigned) is an IoT convention, not SigV4's: every
    // `x-amz-*` header and parameter sent must be signed.
    let token_after = context["omit_session_token"].as_bool().unwrap_or(false);
    context["normalize"].as_bool().unwrap_or(true)
        && !token_after
        && name != "get-space-normalized"
        && path.bytes().all(|b| b.is_ascii_graphic())
}

fn check(dir: &Path, file: &str) -> Option<Result<(), String>> {
    let name = dir.file_name()?.to_str()?.to_owned();
    let context: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("context.json")).ok()?).ok()?;
    let raw = read_request(&std::fs::read_to_string(dir.join(file)).ok()?);
    if !applies(&name, &context, &raw.path) {
        return None;
    }
    let headers = raw.header_pairs();
    let req = raw.view(&headers);
    let now = Timestamp::parse_iso8601(context["timestamp"].as_str()?)?;
    let secret = context["credentials"]["secret_access_key"].as_str()?;
    let result = parse(&req)
        .map_err(|e| format!("{name}/{file}: parse: {e}"))
        .and_then(|auth| {
            let key = KeyCache::default().get(&auth.access_key_id, secret, &auth.scope);
            // The suite's presigned cases sign `UNSIGNED-PAYLOAD`, which S3 alone accepts.
            let rule = if file.starts_with("query") {
                PayloadRule::MayBeUnsigned
            } else {
                PayloadRule::Signed
            };
            verify(&req, &auth, &key, now, rule).map_err(|e| {
                let canonical = canonical_request(&req, &auth, "<payload>");
                format!("{name}/{file}: {e}\n{canonical}")
            })
        });
    Some(result)
}

#[test]
fn every_applicable_vector_verifies() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for dir in vector_dirs() {
        for file in ["header-signed-request.txt", "query-signed-request.txt"] {
            match check(&dir, file) {
                Some(Ok(())) => checked += 1,
                Some(Err(e)) => failures.push(e),
                None => {}
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} vectors failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    assert!(checked >= 40, "only {checked} vectors were checked");
}

#[test]
fn canonical_requests_match_the_suite() {
    for dir in vector_dirs() {
        let Ok(expected) = std::fs::read_to_string(dir.join("header-canonical-request.txt")) else {
            continue;
        };
        let context: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("context.json")).unwrap())
                .unwrap();
        let raw =
            read_request(&std::fs::read_to_string(dir.join("header-signed-request.txt")).unwrap());
        let name = dir.file_name().unwrap().to_str().unwrap();
        if !applies(name, &context, &raw.path) {
            continue;
        }
        let headers = raw.header_pairs();
        let req = raw.view(&headers);
        let auth = parse(&req).unwrap();
        let payload = expected.lines().last().unwrap();
        assert_eq!(canonical_request(&req, &auth, payload), expected, "{name}");
    }
}
