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
pub use query::{QueryParams, Xml};
pub use response::{Encoded, encode_error, encode_output};
pub use route::{Call, Input, RequestMeta, route};
pub use service::{Protocol, SERVICES, ServiceSpec, service_by_signing_name};

/// The operation's result, in its protocol's form.
#[derive(Debug, Clone, PartialEq)]
pub enum Output {
    /// A JSON object (JSON protocol).
    Json(serde_json::Value),
    /// The children of `<{Operation}Result>` (query protocol).
    Xml(Vec<Xml>),
}
