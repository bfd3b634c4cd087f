//! What the trail records of a call that reached its service, the platform's own calls
//! included: who made it, from where, and its outcome.

use neargate_cloudtrail::CallFacts;
use neargate_common::{AwsError, ids};
use neargate_wire::ServiceSpec;
use serde_json::Value;

use crate::app::App;
use crate::authorize::{Caller, RequestFacts};

/// Where a call came from, beyond its principal, for its audit record.
pub(crate) struct Origin<'a> {
    pub(crate) user_agent: String,
    pub(crate) request_id: &'a str,
    /// The service that made the call on the principal's behalf.
    pub(crate) invoked_by: Option<String>,
}

/// What the trail records of a call beyond who made it and its outcome.
pub(crate) struct Audited {
    pub(crate) service: &'static ServiceSpec,
    pub(crate) operation: String,
    pub(crate) read_only: bool,
    pub(crate) request_parameters: Option<Value>,
    pub(crate) resources: Vec<(String, String)>,
}

/// Records a call that reached its service: its response elements, or its error.
pub(crate) fn audit(
    app: &App,
    caller: &Caller,
    facts: &RequestFacts<'_>,
    origin: Origin<'_>,
    audited: Audited,
    outcome: Result<Option<Value>, &AwsError>,
) {
    let base = CallFacts {
        time: facts.now,
        principal: caller.principal.clone(),
        invoked_by: origin.invoked_by,
        event_source: audited.service.event_source,
        event_name: audited.operation,
        region: facts.region.to_owned(),
        source_ip: facts.source_ip,
        user_agent: origin.user_agent,
        request_id: origin.request_id.to_owned(),
        read_only: audited.read_only,
        request_parameters: audited.request_parameters,
        response_elements: None,
        error_code: None,
        error_message: None,
        resources: audited.resources,
    };
    let recorded = match outcome {
        Ok(response_elements) => CallFacts {
            response_elements,
            ..base
        },
        Err(error) => failed(base, error),
    };
    record(app, recorded);
}

/// Queues the audit event of a call.
pub(crate) fn record(app: &App, facts: CallFacts) {
    app.recorder.record(facts, ids::fast_uuid());
}

/// The facts of a call that ended in `error`.
pub(crate) fn failed(facts: CallFacts, error: &AwsError) -> CallFacts {
    CallFacts {
        error_code: Some(error.code.to_string()),
        error_message: Some(error.message.clone()),
        ..facts
    }
}
