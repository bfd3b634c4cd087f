//! The one place that maps a routed call to the service that answers it.

use neargate_common::AwsError;
use neargate_wire::{Call, Input, Reply};

use crate::app::App;
use crate::authorize::{Caller, RequestFacts, may_manage_key};

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
        ("iam", Input::Query(params)) => {
            neargate_iam::handle_iam(&app.iam, principal, &call.operation, params)
        }
        ("kms", Input::Json(input)) => {
            let may_manage = |policy: &neargate_policy::Policy, key_arn: &str| {
                may_manage_key(app, caller, facts, policy, key_arn)
            };
            let kms_caller = neargate_kms::Caller {
                principal,
                region,
                may_manage: &may_manage,
                called_via: facts.called_via,
            };
            app.kms.handle(&kms_caller, &call.operation, input)
        }
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
