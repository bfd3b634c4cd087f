//! The SigV4 tamper suite: a signature binds every part of the request it was made for. Each
//! signed element is changed after signing, and each presigned attack a holder of a signature
//! could try (another operation, another body, an unsigned payload) is refused, with nothing done.

use std::time::Duration;

use neargate_testkit::{RawResponse, Server, SignSpec, now, raw_request, sign};
use serde_json::Value;

use crate::common::start;

const JSON: &str = "application/x-amz-json-1.1";
const FORM: &str = "application/x-www-form-urlencoded; charset=utf-8";

fn send(server: &Server, bytes: &[u8]) -> RawResponse {
    raw_request(&server.proxy_addr(), bytes).expect("response")
}

/// A KMS call signed by the administrator, in headers, with the body's hash.
fn kms_spec(server: &Server, operation: &str, body: &str) -> SignSpec {
    let mut spec = server.sign_spec("kms", "/");
    spec.headers = vec![
        ("content-type".into(), JSON.into()),
        ("x-amz-target".into(), format!("TrentService.{operation}")),
    ];
    spec.body = body.as_bytes().to_vec();
    spec
}

/// A query-protocol call signed by the administrator, parameters in the body.
fn query_spec(server: &Server, service: &str, body: &str) -> SignSpec {
    let mut spec = server.sign_spec(service, "/");
    spec.headers = vec![("content-type".into(), FORM.into())];
    spec.body = body.as_bytes().to_vec();
    spec
}

/// A presigned `POST` whose only signed header is `host`, for `service` with `query`.
fn presigned(server: &Server, service: &str, query: &str, unsigned_payload: bool) -> SignSpec {
    let mut spec = server.sign_spec(service, query);
    spec.presign_for = Some(Duration::from_secs(300));
    spec.unsigned_payload = unsigned_payload;
    spec
}

/// `raw` (a request as `sign` writes it) with `headers` added and its body replaced by `body`.
fn resend_with(raw: &[u8], headers: &[(&str, &str)], body: &str) -> Vec<u8> {
    let text = String::from_utf8(raw.to_vec()).expect("ASCII request");
    let head = text.split("\r\n\r\n").next().expect("head");
    let mut out: Vec<String> = head
        .split("\r\n")
        .filter(|l| {
            let l = l.to_ascii_lowercase();
            !l.starts_with("content-length:") && !l.starts_with("connection:")
        })
        .map(str::to_owned)
        .collect();
    out.extend(headers.iter().map(|(n, v)| format!("{n}: {v}")));
    out.push(format!("content-length: {}", body.len()));
    out.push("connection: close".into());
    format!("{}\r\n\r\n{body}", out.join("\r\n")).into_bytes()
}

/// Replaces the first `from` in `bytes` with `to`.
fn tamper(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    assert!(text.contains(from), "{from} not in request");
    text.replacen(from, to, 1).into_bytes()
}

fn ok_json(r: &RawResponse) -> Value {
    assert_eq!(r.status, 200, "{}", r.text());
    serde_json::from_slice(&r.body).expect("JSON")
}

fn create_key(server: &Server) -> String {
    let created = ok_json(&send(server, &sign(&kms_spec(server, "CreateKey", "{}"))));
    created["KeyMetadata"]["KeyId"]
        .as_str()
        .expect("key id")
        .to_owned()
}

fn key_state(server: &Server, key: &str) -> String {
    let body = format!(r#"{{"KeyId": "{key}"}}"#);
    let described = ok_json(&send(
        server,
        &sign(&kms_spec(server, "DescribeKey", &body)),
    ));
    described["KeyMetadata"]["KeyState"]
        .as_str()
        .expect("state")
        .to_owned()
}

/// The admin's query call, which must succeed; its body text.
fn query_ok(server: &Server, service: &str, body: &str) -> String {
    let r = send(server, &sign(&query_spec(server, service, body)));
    assert_eq!(r.status, 200, "{body}: {}", r.text());
    r.text()
}

fn assert_refused(r: &RawResponse, codes: &[&str], what: &str) {
    let code = r.error_code().unwrap_or_default();
    assert!(
        codes.contains(&code.as_str()) && (r.status == 400 || r.status == 403),
        "{what}: {} {}",
        r.status,
        r.text()
    );
}

const JSON_REFUSALS: &[&str] = &["InvalidSignatureException"];
const QUERY_REFUSALS: &[&str] = &["SignatureDoesNotMatch"];

#[test]
fn a_presigned_url_cannot_be_sent_with_another_operation_and_body() {
    let server = start();
    let key = create_key(&server);
    let body = format!(r#"{{"KeyId": "{key}", "PendingWindowInDays": 7}}"#);
    for unsigned in [true, false] {
        let url = sign(&presigned(&server, "kms", "/", unsigned));
        let attack = resend_with(
            &url,
            &[
                ("x-amz-target", "TrentService.ScheduleKeyDeletion"),
                ("content-type", JSON),
            ],
            &body,
        );
        assert_refused(
            &send(&server, &attack),
            JSON_REFUSALS,
            "ScheduleKeyDeletion",
        );
    }
    // The same with UNSIGNED-PAYLOAD declared in the query, as S3 clients presign.
    let url = sign(&presigned(
        &server,
        "kms",
        "/?X-Amz-Content-Sha256=UNSIGNED-PAYLOAD",
        true,
    ));
    let attack = resend_with(
        &url,
        &[
            ("x-amz-target", "TrentService.ScheduleKeyDeletion"),
            ("content-type", JSON),
        ],
        &body,
    );
    assert_refused(&send(&server, &attack), JSON_REFUSALS, "declared unsigned");
    assert_eq!(key_state(&server, &key), "Enabled");
}

#[test]
fn a_presigned_query_call_binds_its_parameters_wherever_they_travel() {
    let server = start();
    query_ok(
        &server,
        "iam",
        "Action=CreateUser&Version=2010-05-08&UserName=victim",
    );
    for unsigned in [true, false] {
        let url = sign(&presigned(
            &server,
            "iam",
            "/?Action=CreateAccessKey&Version=2010-05-08",
            unsigned,
        ));
        let attack = resend_with(&url, &[("content-type", FORM)], "UserName=victim");
        assert_refused(&send(&server, &attack), QUERY_REFUSALS, "CreateAccessKey");

        let url = sign(&presigned(
            &server,
            "sts",
            "/?Action=GetSessionToken&Version=2011-06-15",
            unsigned,
        ));
        let attack = resend_with(&url, &[("content-type", FORM)], "DurationSeconds=129600");
        assert_refused(&send(&server, &attack), QUERY_REFUSALS, "GetSessionToken");
    }
    let keys = query_ok(
        &server,
        "iam",
        "Action=ListAccessKeys&Version=2010-05-08&UserName=victim",
    );
    assert!(!keys.contains("<AccessKeyId>"), "{keys}");

    // Untouched, a presigned query call with the body's hash works; UNSIGNED-PAYLOAD does not.
    let url = sign(&presigned(
        &server,
        "iam",
        "/?Action=ListAccessKeys&Version=2010-05-08&UserName=victim",
        false,
    ));
    assert_eq!(send(&server, &url).status, 200);
    let url = sign(&presigned(
        &server,
        "iam",
        "/?Action=ListAccessKeys&Version=2010-05-08&UserName=victim",
        true,
    ));
    assert_refused(&send(&server, &url), QUERY_REFUSALS, "unsigned payload");
}

#[test]
fn every_x_amz_header_sent_must_be_signed() {
    let server = start();
    let key = create_key(&server);
    let body = format!(r#"{{"KeyId": "{key}", "PendingWindowInDays": 7}}"#);
    let mut spec = kms_spec(&server, "ScheduleKeyDeletion", &body);
    spec.headers.retain(|(n, _)| n != "x-amz-target");
    let signed = sign(&spec);
    let attack = tamper(
        &signed,
        "\r\ncontent-length:",
        "\r\nx-amz-target: TrentService.ScheduleKeyDeletion\r\ncontent-length:",
    );
    let r = send(&server, &attack);
    assert_refused(&r, JSON_REFUSALS, "unsigned target");
    assert!(r.text().contains("x-amz-target"), "{}", r.text());
    assert_eq!(key_state(&server, &key), "Enabled");

    // Any other x-amz-* header added after signing is refused too, in query services as well.
    let signed = sign(&query_spec(
        &server,
        "sts",
        "Action=GetCallerIdentity&Version=2011-06-15",
    ));
    for header in ["x-amz-meta-extra: 1", "X-Amz-Security-Token: abc"] {
        let r = send(
            &server,
            &tamper(
                &signed,
                "\r\ncontent-length:",
                &format!("\r\n{header}\r\ncontent-length:"),
            ),
        );
        assert_refused(&r, QUERY_REFUSALS, header);
    }
}

#[test]
fn every_signed_element_is_bound() {
    let server = start();
    let mut spec = kms_spec(&server, "ListKeys", "{}");
    spec.headers.push(("x-amz-meta-note".into(), "one".into()));
    let signed = sign(&spec);
    assert_eq!(send(&server, &signed).status, 200);
    let text = String::from_utf8(signed.clone()).unwrap();
    let date_at = text.find("x-amz-date: ").unwrap() + "x-amz-date: ".len();
    let date = text[date_at..date_at + 8].to_owned();
    let host = server.direct_addr().to_owned();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("path", tamper(&signed, "POST / ", "POST /other ")),
        ("query", tamper(&signed, "POST / ", "POST /?a=1 ")),
        ("method", tamper(&signed, "POST / ", "PUT / ")),
        (
            "target",
            tamper(&signed, "TrentService.ListKeys", "TrentService.ListAliases"),
        ),
        (
            "content type",
            tamper(&signed, JSON, "application/x-amz-json-1.0"),
        ),
        (
            "extra header",
            tamper(&signed, "x-amz-meta-note: one", "x-amz-meta-note: two"),
        ),
        (
            "host",
            tamper(&signed, &format!("host: {host}"), "host: elsewhere"),
        ),
        ("body", tamper(&signed, "{}", "[]")),
        (
            "scope region",
            tamper(&signed, "/us-east-1/kms/", "/eu-west-1/kms/"),
        ),
        (
            "scope date",
            tamper(
                &signed,
                &format!("/{date}/us-east-1"),
                "/20200101/us-east-1",
            ),
        ),
        ("scope service", tamper(&signed, "/kms/aws4", "/sts/aws4")),
        (
            "signed header dropped",
            tamper(&signed, "x-amz-meta-note: one\r\n", ""),
        ),
    ];
    for (part, request) in cases {
        let r = send(&server, &request);
        assert!(
            r.status == 400 || r.status == 403,
            "{part}: {} {}",
            r.status,
            r.text()
        );
        assert_ne!(r.error_code(), None, "{part}");
    }
}

#[test]
fn a_session_token_of_another_session_is_refused() {
    let server = start();
    let session = |server: &Server| {
        let text = query_ok(
            server,
            "sts",
            "Action=GetSessionToken&Version=2011-06-15&DurationSeconds=900",
        );
        let field = |name: &str| {
            let start = text.find(&format!("<{name}>")).unwrap() + name.len() + 2;
            let end = text[start..].find('<').unwrap() + start;
            text[start..end].to_owned()
        };
        (
            field("AccessKeyId"),
            field("SecretAccessKey"),
            field("SessionToken"),
        )
    };
    let (a_key, a_secret, a_token) = session(&server);
    let (_, _, b_token) = session(&server);
    let mut spec = query_spec(
        &server,
        "sts",
        "Action=GetCallerIdentity&Version=2011-06-15",
    );
    spec.access_key_id = a_key;
    spec.secret_access_key = a_secret;
    spec.session_token = Some(a_token.clone());
    assert_eq!(send(&server, &sign(&spec)).status, 200);
    spec.session_token = Some(b_token);
    let r = send(&server, &sign(&spec));
    assert_eq!(
        (r.status, r.error_code().as_deref()),
        (403, Some("InvalidClientTokenId")),
        "{}",
        r.text()
    );
    spec.session_token = Some(a_token);
    for skew in [-1_000i64, 1_000] {
        spec.time = if skew < 0 {
            now() - Duration::from_secs(skew.unsigned_abs())
        } else {
            now() + Duration::from_secs(skew.unsigned_abs())
        };
        let r = send(&server, &sign(&spec));
        assert_eq!(
            (r.status, r.error_code().as_deref()),
            (403, Some("SignatureDoesNotMatch")),
            "{}",
            r.text()
        );
    }
}

#[test]
fn a_repeated_parameter_is_refused_and_nothing_is_done() {
    let server = start();
    for user in ["protected", "permitted"] {
        query_ok(
            &server,
            "iam",
            &format!("Action=CreateUser&Version=2010-05-08&UserName={user}"),
        );
    }
    let body = "Action=DeleteUser&Version=2010-05-08&UserName=protected&UserName=permitted";
    let r = send(&server, &sign(&query_spec(&server, "iam", body)));
    assert_eq!(
        (r.status, r.error_code().as_deref()),
        (400, Some("MalformedQueryString")),
        "{}",
        r.text()
    );
    // Once in the query and once in the body counts as twice.
    let mut spec = query_spec(
        &server,
        "iam",
        "Action=DeleteUser&Version=2010-05-08&UserName=permitted",
    );
    spec.url.push_str("?UserName=protected");
    let r = send(&server, &sign(&spec));
    assert_eq!(r.error_code().as_deref(), Some("MalformedQueryString"));
    for user in ["protected", "permitted"] {
        query_ok(
            &server,
            "iam",
            &format!("Action=GetUser&Version=2010-05-08&UserName={user}"),
        );
    }
}
