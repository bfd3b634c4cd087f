//! Encoding results and errors in each protocol's form.

use neargate_common::AwsError;

use crate::Output;
use crate::query::escape_into;
use crate::service::{Protocol, ServiceSpec};

/// An encoded response body with its status and content type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    /// The HTTP status.
    pub status: u16,
    /// The `Content-Type`.
    pub content_type: &'static str,
    /// The body.
    pub body: Vec<u8>,
    /// The error code, sent as `X-Amzn-ErrorType` for JSON errors.
    pub error_type: Option<String>,
}

const JSON_TYPE: &str = "application/x-amz-json-1.1";
const XML_TYPE: &str = "text/xml";

/// Encodes a successful result of `operation`.
pub fn encode_output(
    service: &ServiceSpec,
    operation: &str,
    output: &Output,
    request_id: &str,
) -> Encoded {
    let body = match output {
        Output::Json(value) => serde_json::to_vec(value).unwrap_or_else(|_| b"{}".to_vec()),
        Output::JsonText(text) => text.clone(),
        Output::Xml(children) => {
            // An operation without output (such as PutUserPolicy) has no Result element.
            let mut out = String::with_capacity(512);
            for part in [
                "<",
                operation,
                "Response xmlns=\"",
                service.xml_namespace,
                "\">",
            ] {
                out.push_str(part);
            }
            if !children.is_empty() {
                for part in ["<", operation, "Result>"] {
                    out.push_str(part);
                }
                out.push_str(children);
                for part in ["</", operation, "Result>"] {
                    out.push_str(part);
                }
            }
            for part in [
                "<ResponseMetadata><RequestId>",
                request_id,
                "</RequestId></ResponseMetadata></",
                operation,
                "Response>",
            ] {
                out.push_str(part);
            }
            out.into_bytes()
        }
    };
    let content_type = match output {
        Output::Json(_) | Output::JsonText(_) => JSON_TYPE,
        Output::Xml(_) => XML_TYPE,
    };
    Encoded {
        status: 200,
        content_type,
        body,
        error_type: None,
    }
}

/// Encodes `error` in `protocol`'s form; `xml_namespace` applies to the query protocol.
pub fn encode_error(
    protocol: Protocol,
    xml_namespace: &str,
    error: &AwsError,
    request_id: &str,
) -> Encoded {
    match protocol {
        Protocol::Json => {
            let body = serde_json::json!({ "__type": error.code, "message": error.message });
            Encoded {
                status: error.status,
                content_type: JSON_TYPE,
                body: body.to_string().into_bytes(),
                error_type: Some(error.code.to_string()),
            }
        }
        Protocol::Query => {
            let kind = if error.is_server_fault() {
                "Receiver"
            } else {
                "Sender"
            };
            let mut out = String::with_capacity(256);
            if xml_namespace.is_empty() {
                out.push_str("<ErrorResponse>");
            } else {
                out.push_str(&format!("<ErrorResponse xmlns=\"{xml_namespace}\">"));
            }
            out.push_str(&format!("<Error><Type>{kind}</Type><Code>"));
            escape_into(&error.code, &mut out);
            out.push_str("</Code><Message>");
            escape_into(&error.message, &mut out);
            out.push_str(&format!(
                "</Message></Error><RequestId>{request_id}</RequestId></ErrorResponse>"
            ));
            Encoded {
                status: error.status,
                content_type: XML_TYPE,
                body: out.into_bytes(),
                error_type: None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SERVICES;

    #[test]
    fn json_errors_carry_type_and_message() {
        let e = encode_error(
            Protocol::Json,
            "",
            &AwsError::client("NotFoundException", "gone"),
            "r1",
        );
        let v: serde_json::Value = serde_json::from_slice(&e.body).unwrap();
        assert_eq!(v["__type"], "NotFoundException");
        assert_eq!(v["message"], "gone");
        assert_eq!(
            (e.status, e.error_type.as_deref()),
            (400, Some("NotFoundException"))
        );
    }

    #[test]
    fn query_responses_wrap_results() {
        let sts = &SERVICES[0];
        let out = Output::Xml("<Account>1</Account>".into());
        let e = encode_output(sts, "GetCallerIdentity", &out, "r1");
        let text = String::from_utf8(e.body).unwrap();
        assert!(text.starts_with("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult><Account>1</Account>"));
        assert!(
            text.ends_with(
                "<RequestId>r1</RequestId></ResponseMetadata></GetCallerIdentityResponse>"
            )
        );
        let err = encode_error(
            Protocol::Query,
            sts.xml_namespace,
            &AwsError::with_status(500, "InternalFailure", "x<y"),
            "r2",
        );
        let text = String::from_utf8(err.body).unwrap();
        assert!(text.contains(
            "<Type>Receiver</Type><Code>InternalFailure</Code><Message>x&lt;y</Message>"
        ));
    }
}
