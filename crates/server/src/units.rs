//! The one runner of services whose operations are units (`neargate_model::Handler`): each
//! operation declares its access from its typed input, the pipeline decides it, and the
//! service's generated `dispatch` decodes, handles and encodes.

use neargate_common::AwsError;
use neargate_model::{Answer, Failure};
use neargate_wire::{Call, Input, Output, Protocol, Reply};

use crate::app::App;
use crate::authorize::{Caller, RequestFacts, authorize_access};

/// A call's outcome, with the resources it acted on (CloudTrail's `resources`).
pub(crate) type Outcome = (Vec<(String, String)>, Result<Reply, AwsError>);

/// Runs `call` if its service's operations are units; `None` if they are not (yet).
pub(crate) fn run(
    app: &App,
    caller: &Caller,
    facts: &RequestFacts<'_>,
    call: &Call,
    protocol: Protocol,
) -> Option<Outcome> {
    let Input::Json(input) = &call.input else {
        return None;
    };
    let mut authorize = |access: &neargate_model::Access<'_>| {
        authorize_access(app, caller, facts, protocol, access)
    };
    let principal = &caller.principal;
    let answered = match call.service.signing_name {
        "cloudtrail" => neargate_model::cloudtrail::dispatch(
            &app.recorder,
            &neargate_cloudtrail::Caller {
                principal,
                region: facts.region,
            },
            &call.operation,
            input.0.clone(),
            &mut authorize,
        ),
        _ => return None,
    };
    Some(match answered {
        None => (
            Vec::new(),
            Err(AwsError::unknown_operation(&call.operation)),
        ),
        Some(Ok(answer)) => (answer.resources.clone(), Ok(reply(call, answer))),
        Some(Err(Failure { error, resources })) => (resources, Err(error)),
    })
}

/// The reply of an answered call: CloudTrail records the output of calls that change state.
fn reply(call: &Call, answer: Answer) -> Reply {
    let read_only = neargate_model::operation(call.service.signing_name, &call.operation)
        .is_some_and(|op| op.read_only);
    if read_only {
        Reply::quiet(Output::Json(answer.output))
    } else {
        Reply {
            response_elements: Some(answer.output.clone()),
            output: Output::Json(answer.output),
        }
    }
}
