//! The one runner of operations (each a `neargate_model::Handler` of its service): each declares
//! its access from its typed input, the pipeline decides it, and the service's generated
//! `dispatch` decodes, handles and encodes.

use neargate_common::{AwsError, Common};
use neargate_ecs::{LaunchOrder, Platform};
use neargate_model::kms::{DescribeKeyRequest, DescribeKeyResponse};
use neargate_model::{Answer, Failure, WireOutput};
use neargate_wire::{Call, Input, Output, Protocol, Reply};
use serde_json::{Map, Value};

use crate::app::App;
use crate::authorize::{Caller, RequestFacts, authorize_access};
use crate::launch::{start_launch, unlaunchable};
use crate::platform_kms::{as_kms_caller, describe_key_on_behalf};

/// A call's outcome, with the resources it acted on (CloudTrail's `resources`).
pub(crate) type Outcome = (Vec<(String, String)>, Result<Reply, AwsError>);

/// Runs `call` (`served`: whether the model serves its operation). `read` is a query input
/// already read into the model's structure.
pub(crate) fn run(
    app: &App,
    caller: &Caller,
    facts: &RequestFacts<'_>,
    call: &Call,
    served: bool,
    read: Option<Map<String, Value>>,
    protocol: Protocol,
) -> Outcome {
    if !served {
        return unknown(call);
    }
    let input = match (&call.input, &read) {
        (_, Some(read)) => read,
        (Input::Json(input), None) => &input.0,
        (Input::Query(_), None) => return unknown(call),
    };
    let mut authorize = |access: &neargate_model::Access<'_>| {
        authorize_access(app, caller, facts, protocol, access)
    };
    let principal = &caller.principal;
    let region = facts.region;
    let operation = call.operation.as_str();
    let answered = match call.service.signing_name {
        "cloudtrail" => neargate_model::cloudtrail::dispatch(
            &app.recorder,
            &neargate_cloudtrail::Caller { principal, region },
            operation,
            input,
            &mut authorize,
        ),
        "kms" => as_kms_caller(app, caller, facts, |kms_caller| {
            neargate_model::kms::dispatch(&app.kms, kms_caller, operation, input, &mut authorize)
        }),
        "ecs" => as_ecs_caller(app, caller, facts, |ecs_caller| {
            neargate_model::ecs::dispatch(
                app.ecs.as_ref(),
                ecs_caller,
                operation,
                input,
                &mut authorize,
            )
        }),
        "iam" => neargate_model::iam::dispatch(
            &app.iam,
            principal.as_ref(),
            operation,
            input,
            &mut authorize,
        ),
        "sts" => neargate_model::sts::dispatch(
            &app.iam,
            principal.as_ref(),
            operation,
            input,
            &mut authorize,
        ),
        _ => return unknown(call),
    };
    match answered {
        None => unknown(call),
        Some(Ok(answer)) => (answer.resources.clone(), Ok(reply(answer))),
        Some(Err(Failure { error, resources })) => (resources, Err(error)),
    }
}

/// Runs `f` with `caller` as ECS sees it: the platform acting for the caller beside it.
fn as_ecs_caller<R>(
    app: &App,
    caller: &Caller,
    facts: &RequestFacts<'_>,
    f: impl FnOnce(&neargate_ecs::Caller<'_>) -> R,
) -> R {
    let region = facts.region;
    let platform = EcsPlatform {
        app,
        caller,
        region,
    };
    f(&neargate_ecs::Caller {
        principal: &caller.principal,
        region,
        platform: &platform,
    })
}

/// The platform as one ECS call sees it.
struct EcsPlatform<'a> {
    app: &'a App,
    caller: &'a Caller,
    region: &'a str,
}

impl Platform for EcsPlatform<'_> {
    fn describe_key(&self, input: DescribeKeyRequest) -> Result<DescribeKeyResponse, AwsError> {
        describe_key_on_behalf(
            self.app,
            self.caller,
            "ecs.amazonaws.com",
            self.region,
            input,
        )
    }

    fn launch(&self, order: LaunchOrder) {
        start_launch(self.app, order);
    }

    fn unlaunchable(&self) -> Option<&str> {
        unlaunchable(self.app)
    }

    fn stop(&self, task_arn: &str) {
        self.app.running.stop(task_arn);
    }
}

/// An operation the model does not serve.
fn unknown(call: &Call) -> Outcome {
    (Vec::new(), Err(not_served(call)))
}

/// The error AWS answers an operation it does not serve with, in the call's protocol.
fn not_served(call: &Call) -> AwsError {
    match call.input {
        Input::Json(_) => AwsError::unknown_operation(&call.operation),
        Input::Query(_) => Common::InvalidAction.with(format!(
            "The action {} of service {} is not available on this endpoint.",
            call.operation, call.service.signing_name
        )),
    }
}

/// The reply of an answered call, in the call's protocol.
fn reply(answer: Answer) -> Reply {
    let output = match answer.output {
        WireOutput::Json(text) => Output::JsonText(text),
        WireOutput::Xml(text) => Output::Xml(text),
    };
    Reply {
        output,
        response_elements: answer.response_elements,
    }
}
