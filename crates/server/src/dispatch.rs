//! The one place that maps a routed call to the service that answers it.

use neargate_common::AwsError;
use neargate_wire::{Call, Input, Reply};

use crate::app::App;
use crate::authorize::{Caller, RequestFacts};

/// Runs `call` for `caller`.
pub(crate) fn dispatch(
    app: &App,
    caller: &Caller,
    facts: &RequestFacts<'_>,
    call: &Call,
) -> Result<Reply, AwsError> {
    match (call.service.signing_name, &call.input) {
        ("ecs", Input::Json(input)) => crate::units::as_ecs_caller(app, caller, facts, |ecs| {
            app.ecs.handle(ecs, &call.operation, input)
        }),
        _ => Err(crate::units::not_served(call)),
    }
}
