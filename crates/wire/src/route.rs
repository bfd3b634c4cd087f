//! From a received request to a [`Call`]: which service, which operation, what input.

use neargate_common::{AwsError, Common};

use crate::json::JsonInput;
use crate::query::QueryParams;
use crate::service::{Protocol, ServiceSpec, service_by_signing_name, service_by_target_prefix};

/// The parts of a request that routing looks at.
#[derive(Debug, Clone, Copy)]
pub struct RequestMeta<'a> {
    /// The HTTP method.
    pub method: &'a str,
    /// The raw query string, without `?`.
    pub query: &'a str,
    /// `X-Amz-Target`, if sent.
    pub target: Option<&'a str>,
    /// `Content-Type`, if sent.
    pub content_type: Option<&'a str>,
    /// The service named by the SigV4 credential scope, if the request is signed.
    pub signing_service: Option<&'a str>,
    /// The body.
    pub body: &'a [u8],
}

/// The decoded input of a call.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// A JSON object.
    Json(JsonInput),
    /// Query parameters (without `Action` and `Version`).
    Query(QueryParams),
}

/// A routed, decoded call.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// The service addressed.
    pub service: &'static ServiceSpec,
    /// The operation name, e.g. `GetCallerIdentity`.
    pub operation: String,
    /// The decoded input.
    pub input: Input,
}

/// The JSON content types AWS accepts.
const JSON_TYPES: &[&str] = &["application/x-amz-json-1.1", "application/x-amz-json-1.0"];

/// Routes and decodes a request. The result names the service even when decoding fails, so the
/// caller can answer in that service's protocol.
pub fn route(meta: &RequestMeta<'_>) -> Result<Call, (Protocol, AwsError)> {
    match meta.target {
        Some(target) => route_json(meta, target).map_err(|e| (Protocol::Json, e)),
        None => route_query(meta).map_err(|e| (Protocol::Query, e)),
    }
}

fn route_json(meta: &RequestMeta<'_>, target: &str) -> Result<Call, AwsError> {
    let unknown = || Common::UnknownOperationException.with(format!("Unknown operation: {target}"));
    let (prefix, operation) = target.rsplit_once('.').ok_or_else(unknown)?;
    let service = service_by_target_prefix(prefix).ok_or_else(unknown)?;
    if operation.is_empty() || !operation.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(unknown());
    }
    if meta.method != "POST" {
        return Err(Common::UnknownOperationException.with(format!(
            "{target} must be sent with POST, not {}",
            meta.method
        )));
    }
    let media_type = meta
        .content_type
        .map(|c| c.split(';').next().unwrap_or("").trim());
    if !media_type.is_some_and(|m| JSON_TYPES.iter().any(|t| m.eq_ignore_ascii_case(t))) {
        return Err(Common::UnknownOperationException.with(format!(
            "Unsupported Content-Type {:?}; send application/x-amz-json-1.1",
            meta.content_type.unwrap_or("")
        )));
    }
    Ok(Call {
        service,
        operation: operation.to_owned(),
        input: Input::Json(JsonInput::parse(meta.body)?),
    })
}

fn route_query(meta: &RequestMeta<'_>) -> Result<Call, AwsError> {
    let service = meta
        .signing_service
        .and_then(service_by_signing_name)
        .filter(|s| s.protocol == Protocol::Query)
        .ok_or_else(|| {
            Common::InvalidAction.with(
                "Requests without X-Amz-Target must be signed for a query service (sts or iam).",
            )
        })?;
    let mut params = QueryParams::parse(meta.query)?;
    if meta.method == "POST" {
        let form = meta.content_type.is_some_and(|c| {
            c.split(';').next().is_some_and(|m| {
                m.trim()
                    .eq_ignore_ascii_case("application/x-www-form-urlencoded")
            })
        });
        if !meta.body.is_empty() && !form {
            return Err(Common::InvalidAction
                .with("Query requests must be form-encoded (application/x-www-form-urlencoded)."));
        }
        let body = std::str::from_utf8(meta.body).map_err(|_| {
            Common::MalformedQueryString.with("The request body is not valid UTF-8.")
        })?;
        params.extend(QueryParams::parse(body)?);
    }
    params.refuse_repeats()?;
    let action = params.take("Action").ok_or_else(|| {
        Common::MissingAction.with("The request must contain the parameter Action.")
    })?;
    let version = params.take("Version");
    if action.is_empty() || !action.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(Common::InvalidAction.with(format!(
            "Could not find operation {action} for version {}",
            version.unwrap_or_default()
        )));
    }
    Ok(Call {
        service,
        operation: action,
        input: Input::Query(params),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta<'a>(target: Option<&'a str>, content_type: &'a str, body: &'a [u8]) -> RequestMeta<'a> {
        RequestMeta {
            method: "POST",
            query: "",
            target,
            content_type: Some(content_type),
            signing_service: Some("sts"),
            body,
        }
    }

    #[test]
    fn routes_json_by_target() {
        let call = route(&meta(
            Some("TrentService.ListKeys"),
            "application/x-amz-json-1.1",
            b"{}",
        ))
        .unwrap();
        assert_eq!(call.service.signing_name, "kms");
        assert_eq!(call.operation, "ListKeys");
        let short = route(&meta(
            Some("CloudTrail_20131101.LookupEvents"),
            "application/x-amz-json-1.1",
            b"{}",
        ))
        .unwrap();
        assert_eq!(short.service.signing_name, "cloudtrail");
    }

    #[test]
    fn rejects_unknown_targets_and_types() {
        let err = |m: RequestMeta<'_>| route(&m).unwrap_err().1.code;
        assert_eq!(
            err(meta(
                Some("Nope.ListKeys"),
                "application/x-amz-json-1.1",
                b"{}"
            )),
            "UnknownOperationException"
        );
        assert_eq!(
            err(meta(
                Some("TrentService"),
                "application/x-amz-json-1.1",
                b"{}"
            )),
            "UnknownOperationException"
        );
        assert_eq!(
            err(meta(Some("TrentService.ListKeys"), "text/plain", b"{}")),
            "UnknownOperationException"
        );
        assert_eq!(
            err(meta(
                Some("TrentService.ListKeys"),
                "application/x-amz-json-1.1",
                b"{"
            )),
            "SerializationException"
        );
    }

    #[test]
    fn routes_query_by_action_and_scope() {
        let body = b"Action=GetCallerIdentity&Version=2011-06-15";
        let call = route(&meta(
            None,
            "application/x-www-form-urlencoded; charset=utf-8",
            body,
        ))
        .unwrap();
        assert_eq!(call.service.signing_name, "sts");
        assert_eq!(call.operation, "GetCallerIdentity");
        assert_eq!(call.input, Input::Query(QueryParams::default()));
        let missing = route(&meta(
            None,
            "application/x-www-form-urlencoded",
            b"Version=1",
        ))
        .unwrap_err();
        assert_eq!(missing.1.code, "MissingAction");
    }

    #[test]
    fn a_parameter_given_twice_is_refused_wherever_it_travels() {
        let form = "application/x-www-form-urlencoded";
        let twice = route(&meta(
            None,
            form,
            b"Action=DeleteUser&Version=2010-05-08&UserName=a&UserName=b",
        ))
        .unwrap_err();
        assert_eq!(twice.1.code, "MalformedQueryString");
        assert!(twice.1.message.contains("UserName"), "{}", twice.1.message);
        let mut split = meta(None, form, b"Action=DeleteUser&UserName=b");
        split.query = "UserName=a";
        assert_eq!(route(&split).unwrap_err().1.code, "MalformedQueryString");
    }

    proptest::proptest! {
        /// Whatever parameters a request carries, split between query and body at random, it
        /// routes exactly when no name repeats; routed, each parameter keeps its one value.
        #[test]
        fn routing_refuses_exactly_the_repeated_names(
            params in proptest::collection::vec(("[A-C]{1,2}", "[a-z0-9]{0,4}"), 0..8),
            split in proptest::prelude::any::<proptest::sample::Index>(),
        ) {
            let encoded: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let at = split.index(encoded.len() + 1);
            let query = encoded[..at].join("&");
            let body = format!("Action=GetUser&{}", encoded[at..].join("&"));
            let mut request = meta(None, "application/x-www-form-urlencoded", body.as_bytes());
            request.query = &query;
            let mut names: Vec<&str> = params.iter().map(|(k, _)| k.as_str()).collect();
            names.sort_unstable();
            let repeated = names.windows(2).any(|w| w[0] == w[1]);
            match route(&request) {
                Ok(call) => {
                    proptest::prop_assert!(!repeated);
                    let Input::Query(input) = call.input else { unreachable!() };
                    for (k, v) in &params {
                        proptest::prop_assert_eq!(input.get(k), Some(v.as_str()));
                    }
                }
                Err((_, e)) => {
                    proptest::prop_assert!(repeated, "{}", e.message);
                    proptest::prop_assert_eq!(e.code, "MalformedQueryString");
                }
            }
        }
    }
}
