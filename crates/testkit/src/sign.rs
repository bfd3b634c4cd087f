//! Signing requests with the official `aws-sigv4` crate, for tests that then send them raw or
//! change one part to prove the server notices.

use std::time::{Duration, SystemTime};

use aws_sigv4::http_request::{SignableBody, SignableRequest, SignatureLocation, SigningSettings};
use aws_sigv4::sign::v4;

/// What to sign, and how.
#[derive(Debug, Clone)]
pub struct SignSpec {
    /// The method.
    pub method: String,
    /// The full URL, e.g. `http://127.0.0.1:4566/?Action=GetCallerIdentity`.
    pub url: String,
    /// Headers to send and sign (`host` is added from the URL).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
    /// The signing name, e.g. `sts`.
    pub service: String,
    /// The region.
    pub region: String,
    /// Access key id.
    pub access_key_id: String,
    /// Secret access key.
    pub secret_access_key: String,
    /// Session token, for temporary credentials.
    pub session_token: Option<String>,
    /// Signing time.
    pub time: SystemTime,
    /// Sign into the query string, valid this long.
    pub presign_for: Option<Duration>,
    /// Sign `UNSIGNED-PAYLOAD` in place of the body's hash (S3's convention).
    pub unsigned_payload: bool,
}

/// The wall-clock time, for signing requests to a live server.
#[allow(clippy::disallowed_methods)] // a real server checks signatures against real time
pub fn now() -> SystemTime {
    SystemTime::now()
}

/// Signs `spec` and returns the request as raw HTTP/1.1 bytes.
pub fn sign(spec: &SignSpec) -> Vec<u8> {
    let uri: http::Uri = spec.url.parse().expect("a valid URL");
    let host = uri.authority().expect("URL with a host").to_string();
    let mut headers = vec![("host".to_owned(), host)];
    headers.extend(spec.headers.iter().cloned());
    let credentials = aws_credential_types::Credentials::new(
        &spec.access_key_id,
        &spec.secret_access_key,
        spec.session_token.clone(),
        None,
        "testkit",
    );
    let identity = credentials.into();
    let mut settings = SigningSettings::default();
    if let Some(expires) = spec.presign_for {
        settings.signature_location = SignatureLocation::QueryParams;
        settings.expires_in = Some(expires);
    }
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(&spec.region)
        .name(&spec.service)
        .time(spec.time)
        .settings(settings)
        .build()
        .expect("signing parameters")
        .into();
    let signable = SignableRequest::new(
        &spec.method,
        &spec.url,
        headers.iter().map(|(n, v)| (n.as_str(), v.as_str())),
        if spec.unsigned_payload {
            SignableBody::UnsignedPayload
        } else {
            SignableBody::Bytes(&spec.body)
        },
    )
    .expect("signable request");
    let (instructions, _) = aws_sigv4::http_request::sign(signable, &params)
        .expect("signing")
        .into_parts();
    let mut request = http::Request::builder()
        .method(spec.method.as_str())
        .uri(&spec.url);
    for (n, v) in &headers {
        request = request.header(n, v);
    }
    let mut request = request.body(()).expect("request");
    instructions.apply_to_request_http1x(&mut request);
    to_raw(&request, &spec.body)
}

fn to_raw(request: &http::Request<()>, body: &[u8]) -> Vec<u8> {
    let target = request.uri().path_and_query().map_or("/", |p| p.as_str());
    let mut out = format!("{} {target} HTTP/1.1\r\n", request.method()).into_bytes();
    for (name, value) in request.headers() {
        out.extend_from_slice(name.as_str().as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(
        format!(
            "content-length: {}\r\nconnection: close\r\n\r\n",
            body.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(body);
    out
}
