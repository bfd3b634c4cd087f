//! The AWS wire protocols Neargate speaks: JSON 1.1 (`X-Amz-Target`) and query (`Action=`).
//!
//! This crate turns bytes into a [`Call`] (which service, which operation, what input) and an
//! operation's [`Output`] or [`AwsError`](neargate_common::AwsError) back into a response body.
//! It knows nothing of business rules.

mod json;
mod query;
mod response;
mod route;
mod service;

pub use json::{FieldError, JsonInput};
pub use query::{QueryParams, escape_into};
pub use response::{Encoded, encode_error, encode_output};
pub use route::{Call, Input, RequestMeta, route};
pub use service::{Protocol, SERVICES, ServiceSpec, service_by_signing_name};

/// The operation's result, in its protocol's form.
#[derive(Debug, Clone, PartialEq)]
pub enum Output {
    /// A JSON object (JSON protocol).
    Json(serde_json::Value),
    /// A JSON object already written out (JSON protocol).
    JsonText(Vec<u8>),
    /// The children of `<{Operation}Result>`, written out (query protocol).
    Xml(String),
}

/// What an operation hands back: the output for the caller and, for the audit trail, the
/// response elements (with secrets left out), or `None` where CloudTrail records none.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    /// The output sent to the caller.
    pub output: Output,
    /// CloudTrail's `responseElements`.
    pub response_elements: Option<serde_json::Value>,
}

impl Reply {
    /// A reply whose trail records no response elements (read-only operations).
    pub fn quiet(output: Output) -> Self {
        Self {
            output,
            response_elements: None,
        }
    }
}
