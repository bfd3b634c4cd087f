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
    let principal = &caller.principal;
    let region = facts.region;
    match (call.service.signing_name, &call.input) {
        ("ecs", Input::Json(input)) => {
            let platform = crate::launcher::EcsPlatform {
                app,
                caller,
                region,
            };
            let ecs_caller = neargate_ecs::Caller {
                principal,
                region,
                platform: &platform,
            };
            app.ecs.handle(&ecs_caller, &call.operation, input)
        }
        _ => Err(crate::units::not_served(call)),
    }
}
