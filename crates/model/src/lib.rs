//! The AWS service models Neargate serves, generated from botocore's (`generated/`, written by
//! `neargate-codegen` from the operations `served.txt` lists): their shapes and typed inputs and
//! outputs, AWS's input validation read from them, and operation units ([`Handler`]) with the
//! one runner every unit goes through.

mod generated;
mod operation;
mod path;
mod query;
mod redact;
mod shape;
mod types;
mod validate;
mod xml;

#[cfg(test)]
mod tests;

pub use generated::{cloudtrail, ecs, iam, kms, sts};
pub use operation::{
    Access, AlsoAllowed, Answer, Answered, Authorize, ConditionKey, Deferred, Failure, Handler,
    Question, Resource, WireOutput, recorded, run, run_typed,
};
pub use query::from_query;
pub use shape::{Bound, Kind, Member, Model, Operation, Patterns, Rules, Shape, ShapeId, Text};
pub use types::{Blob, Empty, SecretBytes, SecretString, Time};
pub use validate::{lower_camel, validate};
pub use xml::{XmlError, to_xml};

/// Every served model.
pub static MODELS: &[&Model] = &[
    &cloudtrail::MODEL,
    &ecs::MODEL,
    &iam::MODEL,
    &kms::MODEL,
    &sts::MODEL,
];

/// The model of the service whose signing name is `service`.
pub fn model(service: &str) -> Option<&'static Model> {
    MODELS.iter().copied().find(|m| m.service == service)
}

/// The served operation `name` of `service`, with its model.
pub fn served(service: &str, name: &str) -> Option<(&'static Model, &'static Operation)> {
    let model = model(service)?;
    Some((model, model.operation(name)?))
}

/// A served operation, as the generated code declares it: its name and typed input and output.
pub trait Op {
    /// The operation's name, e.g. `CreateKey`.
    const NAME: &'static str;
    /// Whether it only reads (CloudTrail's `readOnly`).
    const READ_ONLY: bool;
    /// The input structure.
    type Input: serde::de::DeserializeOwned + serde::Serialize;
    /// The output structure.
    type Output: serde::Serialize;

    /// The operation's model and its entry there.
    fn operation() -> (&'static Model, &'static Operation);
}

/// The error a generated `Error` variant makes: its code and status, with `message`.
fn error_with(
    status: u16,
    code: &'static str,
    message: impl Into<String>,
) -> neargate_common::AwsError {
    neargate_common::AwsError::with_status(status, code, message)
}
