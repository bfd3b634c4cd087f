//! The one place that maps a routed call to the service that answers it.

use neargate_common::{AwsError, Principal};
use neargate_wire::{Call, Input, Reply, ServiceSpec};

use crate::app::App;

/// Runs `call` for `principal` in `region`.
pub(crate) fn dispatch(
    app: &App,
    principal: &Principal,
    region: &str,
    call: &Call,
) -> Result<Reply, AwsError> {
    match (call.service.signing_name, &call.input) {
        ("iam", Input::Query(params)) => {
            neargate_iam::handle_iam(&app.iam, principal, &call.operation, params)
        }
        ("sts", Input::Query(params)) => {
            neargate_iam::handle_sts(&app.iam, principal, &call.operation, params)
        }
        ("cloudtrail", Input::Json(input)) => {
            neargate_cloudtrail::handle(&app.recorder, principal, region, &call.operation, input)
        }
        (service, Input::Json(_)) => Err(AwsError::client(
            "UnknownOperationException",
            format!(
                "The operation {} of service {service} is not available on this endpoint.",
                call.operation
            ),
        )),
        (service, Input::Query(_)) => Err(AwsError::client(
            "InvalidAction",
            format!(
                "The action {} of service {service} is not available on this endpoint.",
                call.operation
            ),
        )),
    }
}

/// CloudTrail's `readOnly` for an operation (unknown operations count as not read-only).
pub(crate) fn read_only(service: &ServiceSpec, operation: &str) -> bool {
    let known = match service.signing_name {
        "sts" => neargate_iam::sts_read_only(operation),
        "iam" => neargate_iam::iam_read_only(operation),
        "cloudtrail" => neargate_cloudtrail::read_only(operation),
        _ => None,
    };
    known.unwrap_or(false)
}
