//! Bad input gets AWS-shaped errors, never a crash: the server keeps serving afterwards.

use neargate_testkit::{RawResponse, Server, raw_request, sign};

use crate::common::{admin, start, sts};

const LOOKUP: &str = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";

fn signed_json(server: &Server, target: &str, content_type: &str, body: Vec<u8>) -> Vec<u8> {
    let mut spec = server.sign_spec("cloudtrail", "/");
    spec.headers = vec![
        ("content-type".into(), content_type.into()),
        ("x-amz-target".into(), target.into()),
    ];
    spec.body = body;
    sign(&spec)
}

fn send(server: &Server, bytes: &[u8]) -> RawResponse {
    raw_request(&server.proxy_addr(), bytes).expect("a response, not a dropped connection")
}

#[tokio::test(flavor = "multi_thread")]
async fn garbage_then_a_valid_request() {
    let server = start();
    let json = "application/x-amz-json-1.1";
    let deep = format!("{{\"a\":{}}}", "[".repeat(50_000));
    let cases: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        (
            "malformed JSON",
            signed_json(&server, LOOKUP, json, b"{\"MaxResults\":".to_vec()),
            400,
            "SerializationException",
        ),
        (
            "deeply nested JSON",
            signed_json(&server, LOOKUP, json, deep.into_bytes()),
            400,
            "SerializationException",
        ),
        (
            "invalid UTF-8",
            signed_json(&server, LOOKUP, json, b"{\"a\":\"\xff\xfe\"}".to_vec()),
            400,
            "SerializationException",
        ),
        (
            "not an object",
            signed_json(&server, LOOKUP, json, b"[1,2]".to_vec()),
            400,
            "SerializationException",
        ),
        (
            "wrong content type",
            signed_json(&server, LOOKUP, "text/plain", b"{}".to_vec()),
            400,
            "UnknownOperationException",
        ),
        (
            "unknown target",
            signed_json(&server, "NoSuchService.DoIt", json, b"{}".to_vec()),
            400,
            "UnknownOperationException",
        ),
        (
            "unknown operation",
            signed_json(
                &server,
                "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.Nope",
                json,
                b"{}".to_vec(),
            ),
            400,
            "UnknownOperationException",
        ),
        (
            "wrong member type",
            signed_json(&server, LOOKUP, json, b"{\"MaxResults\":\"ten\"}".to_vec()),
            400,
            "SerializationException",
        ),
        (
            "oversized body",
            signed_json(&server, LOOKUP, json, vec![b' '; 2 << 20]),
            413,
            "RequestEntityTooLargeException",
        ),
    ];
    for (name, request, status, code) in cases {
        let r = send(&server, &request);
        assert_eq!(
            (r.status, r.error_code().as_deref()),
            (status, Some(code)),
            "{name}: {}",
            r.text()
        );
        let body: serde_json::Value = serde_json::from_slice(&r.body).expect("a JSON error body");
        assert!(
            body["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{name}: no message"
        );
    }
    for junk in [
        &b"\x00\x01\x02 garbage\r\n\r\n"[..],
        b"GET / HTTP/9.9\r\n\r\n",
        b"POST / HTTP/1.1\r\ncontent-length: nope\r\n\r\n",
    ] {
        let _ = raw_request(server.direct_addr(), junk);
    }
    let mut spec = server.sign_spec("sts", "/");
    spec.headers = vec![(
        "content-type".into(),
        "application/x-www-form-urlencoded".into(),
    )];
    spec.body = b"Version=2011-06-15".to_vec();
    let query = sign(&spec);
    let r = send(&server, &query);
    assert_eq!(
        (r.status, r.error_code().as_deref()),
        (400, Some("MissingAction")),
        "{}",
        r.text()
    );
    assert!(r.text().starts_with("<ErrorResponse"), "{}", r.text());

    let me = sts(&server, admin(&server))
        .get_caller_identity()
        .send()
        .await
        .unwrap();
    assert!(me.account().is_some(), "the server still serves");
}

#[test]
fn idle_and_stalled_connections_are_closed() {
    use std::io::{Read, Write};
    use std::time::{Duration, Instant};

    let server = crate::common::start_with(&["--idle-timeout", "1"]);
    let mut idle = std::net::TcpStream::connect(server.direct_addr()).unwrap();
    let mut stalled = std::net::TcpStream::connect(server.direct_addr()).unwrap();
    stalled
        .write_all(b"POST / HTTP/1.1\r\nhost: x\r\n")
        .unwrap();
    for stream in [&mut idle, &mut stalled] {
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let started = Instant::now();
        let mut buf = [0u8; 64];
        let n = stream.read(&mut buf).unwrap_or(0);
        assert_eq!(n, 0, "closed without an answer");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "closed within the limit"
        );
    }
}

#[test]
fn requests_hyper_cannot_parse_get_aws_error_bodies() {
    let server = start();
    let mut many = String::from("POST / HTTP/1.1\r\nhost: x\r\n");
    for i in 0..5_000 {
        many.push_str(&format!("x-h{i}: v\r\n"));
    }
    many.push_str("content-length: 0\r\n\r\n");
    let cases: [(&[u8], u16, &str); 2] = [
        (many.as_bytes(), 431, "RequestHeaderFieldsTooLarge"),
        (b"POST /\x01 HTTP/1.1\r\nhost: x\r\n\r\n", 400, "BadRequest"),
    ];
    for (request, status, code) in cases {
        let r = raw_request(server.direct_addr(), request).expect("an answer");
        assert_eq!(r.status, status, "{}", r.text());
        assert_eq!(r.error_code().as_deref(), Some(code), "{}", r.text());
        assert_eq!(r.header("x-amzn-errortype"), Some(code));
    }
    // Ordinary errors of ours are untouched, and the server goes on serving.
    let r = send(
        &server,
        &signed_json(&server, LOOKUP, "application/x-amz-json-1.1", b"[".to_vec()),
    );
    assert_eq!(r.error_code().as_deref(), Some("SerializationException"));
}
