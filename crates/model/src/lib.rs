//! The AWS service models Neargate serves, generated from botocore's (`generated/`, written by
//! `neargate-codegen` from the operations `served.txt` lists), and AWS's input validation read
//! from them.

mod generated;
mod query;
mod shape;
mod validate;

#[cfg(test)]
mod tests;

pub use generated::{cloudtrail, ecs, iam, kms, sts};
pub use query::from_query;
pub use shape::{Bound, Kind, Member, Model, Operation, Patterns, Shape, ShapeId, Text};
pub use validate::{Rules, lower_camel, validate};

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

/// The served operation `name` of `service`.
pub fn operation(service: &str, name: &str) -> Option<&'static Operation> {
    model(service)?.operation(name)
}

/// How `service` reports what its model forbids.
pub fn rules(service: &str) -> Rules {
    match service {
        // KMS validates every constraint of its model and names the error ValidationException.
        "kms" => Rules {
            exception: "ValidationException",
            required: true,
            constraints: true,
        },
        // IAM and STS (query protocol) call it ValidationError.
        "iam" | "sts" => Rules {
            exception: "ValidationError",
            required: true,
            constraints: true,
        },
        // ECS and CloudTrail answer missing members, bad values and bad lengths with their
        // own exceptions and messages (`ClientException: Family can not be blank.`); the model
        // decides only the member types.
        _ => Rules {
            exception: "InvalidParameterException",
            required: false,
            constraints: false,
        },
    }
}
