//! SigV4 end to end: requests signed by the official `aws-sigv4` crate verify; changing any
//! signed part after signing is refused with the protocol's code.

use std::time::Duration;

use neargate_testkit::{RawResponse, Server, SignSpec, now, raw_request, sign};

use crate::common::start;

const STS_BODY: &str = "Action=GetCallerIdentity&Version=2011-06-15";
const FORM: &str = "application/x-www-form-urlencoded; charset=utf-8";
const LOOKUP: &str = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";

fn spec(
    server: &Server,
    service: &str,
    path_and_query: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> SignSpec {
    let mut spec = server.sign_spec(service, path_and_query);
    spec.headers = headers
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect();
    spec.body = body.as_bytes().to_vec();
    spec
}

fn send(server: &Server, bytes: &[u8]) -> RawResponse {
    raw_request(&server.proxy_addr(), bytes).expect("response")
}

/// Replaces the first `from` in `bytes` with `to`.
fn tamper(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    assert!(text.contains(from), "{from} not in request");
    text.replacen(from, to, 1).into_bytes()
}

#[test]
fn a_signed_query_request_verifies_and_any_change_is_refused() {
    let server = start();
    let headers = [("content-type", FORM), ("x-amz-meta-note", "one")];
    let signed = sign(&spec(&server, "sts", "/?probe=1", &headers, STS_BODY));
    let ok = send(&server, &signed);
    assert_eq!(ok.status, 200, "{}", ok.text());
    assert!(ok.header("x-amzn-requestid").is_some());

    let cases = [
        ("method", tamper(&signed, "POST /", "PUT /")),
        ("path", tamper(&signed, "POST /?probe=1", "POST /x?probe=1")),
        ("query", tamper(&signed, "probe=1", "probe=2")),
        (
            "signed header",
            tamper(&signed, "x-amz-meta-note: one", "x-amz-meta-note: two"),
        ),
        (
            "body",
            tamper(&signed, "Version=2011-06-15", "Version=2011-06-16"),
        ),
    ];
    for (part, request) in cases {
        let r = send(&server, &request);
        assert_eq!(
            (r.status, r.error_code().as_deref()),
            (403, Some("SignatureDoesNotMatch")),
            "{part}: {}",
            r.text()
        );
    }
    let text = String::from_utf8(signed.clone()).unwrap();
    let date_at = text.find("x-amz-date: ").unwrap() + "x-amz-date: ".len();
    let date = &text[date_at..date_at + 16];
    let second = if date.ends_with("0Z") { "1Z" } else { "0Z" };
    let moved = format!("{}{second}", &date[..14]);
    let r = send(&server, &tamper(&signed, date, &moved));
    assert_eq!(
        r.error_code().as_deref(),
        Some("SignatureDoesNotMatch"),
        "date: {}",
        r.text()
    );
}

#[test]
fn json_services_use_their_own_codes() {
    let server = start();
    let headers = [
        ("content-type", "application/x-amz-json-1.1"),
        ("x-amz-target", LOOKUP),
    ];
    let signed = sign(&spec(&server, "cloudtrail", "/", &headers, "{}"));
    assert_eq!(send(&server, &signed).status, 200);
    let r = send(&server, &tamper(&signed, "{}", "[]"));
    assert_eq!(
        (r.status, r.error_code().as_deref()),
        (400, Some("InvalidSignatureException"))
    );
    assert_eq!(
        r.header("x-amzn-errortype"),
        Some("InvalidSignatureException")
    );

    let unsigned = format!(
        "POST / HTTP/1.1\r\nhost: x\r\nx-amz-target: {LOOKUP}\r\ncontent-type: application/x-amz-json-1.1\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{{}}"
    );
    let r = send(&server, unsigned.as_bytes());
    assert_eq!(
        r.error_code().as_deref(),
        Some("MissingAuthenticationTokenException")
    );

    let wrong_scope = sign(&spec(&server, "sts", "/", &headers, "{}"));
    let r = send(&server, &wrong_scope);
    assert_eq!(r.error_code().as_deref(), Some("InvalidSignatureException"));
    assert!(
        r.text().contains("scoped to correct service"),
        "{}",
        r.text()
    );
}

#[test]
fn stale_and_future_dates_are_refused() {
    let server = start();
    for offset in [-1_200i64, 1_200] {
        let mut s = spec(&server, "sts", "/", &[("content-type", FORM)], STS_BODY);
        s.time = if offset < 0 {
            now() - Duration::from_secs(offset.unsigned_abs())
        } else {
            now() + Duration::from_secs(offset.unsigned_abs())
        };
        let r = send(&server, &sign(&s));
        assert_eq!(
            (r.status, r.error_code().as_deref()),
            (403, Some("SignatureDoesNotMatch")),
            "{}",
            r.text()
        );
        assert!(
            r.text().contains("Signature expired") || r.text().contains("not yet current"),
            "{}",
            r.text()
        );
    }
}

#[test]
fn presigned_urls_work_then_expire() {
    let server = start();
    let mut s = spec(
        &server,
        "sts",
        "/?Action=GetCallerIdentity&Version=2011-06-15",
        &[],
        "",
    );
    s.method = "GET".into();
    s.presign_for = Some(Duration::from_secs(60));
    let fresh = sign(&s);
    assert!(String::from_utf8_lossy(&fresh).contains("X-Amz-Signature="));
    let r = send(&server, &fresh);
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("<Arn>arn:aws:iam::"));

    s.time = now() - Duration::from_secs(120);
    let r = send(&server, &sign(&s));
    assert_eq!(
        (r.status, r.error_code().as_deref()),
        (400, Some("RequestExpired")),
        "{}",
        r.text()
    );

    s.time = now();
    let r = send(
        &server,
        &tamper(
            &sign(&s),
            "Action=GetCallerIdentity",
            "Action=GetSessionToken",
        ),
    );
    assert_eq!(r.error_code().as_deref(), Some("SignatureDoesNotMatch"));
}
