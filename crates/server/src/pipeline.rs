//! The fixed request pipeline: authenticate → route and decode → dispatch → encode → audit.
//! It sees a request as plain parts and bytes; `http.rs` owns the HTTP types.

use std::net::SocketAddr;
use std::sync::Arc;

use neargate_cloudtrail::{CallFacts, redact_parameters};
use neargate_common::{AwsError, Common, Principal, Timestamp};
use neargate_sigv4::{RequestView, Scope};
use neargate_wire::{
    Call, Encoded, Input, Output, Protocol, QueryParams, RequestMeta, SERVICES, ServiceSpec,
    encode_error, encode_output, route, service_by_signing_name,
};
use serde_json::{Map, Value};

use crate::app::App;
use crate::audit::{Audited, Origin, audit, failed, record};
use crate::auth::authenticate;
use crate::authorize::{Caller, RequestFacts};

/// An operation the model serves, with its model.
type Served = (
    &'static neargate_model::Model,
    &'static neargate_model::Operation,
);

/// A request as the pipeline sees it.
#[derive(Debug)]
pub(crate) struct Incoming<'a> {
    pub(crate) method: &'a str,
    pub(crate) path: &'a str,
    pub(crate) query: &'a str,
    pub(crate) headers: &'a [(&'a str, &'a [u8])],
    pub(crate) body: &'a [u8],
    pub(crate) remote: SocketAddr,
    pub(crate) request_id: &'a str,
}

/// Runs one request through every stage and returns the encoded response.
pub(crate) fn run(app: &App, req: &Incoming<'_>) -> Encoded {
    let started = app.clock.now();
    let view = RequestView {
        method: req.method,
        path: req.path,
        query: req.query,
        headers: req.headers,
        body: req.body,
    };
    let parsed = neargate_sigv4::parse(&view);
    let scope = parsed.as_ref().ok().map(|a| &a.scope);
    let target = view.header("x-amz-target");
    let protocol = if target.is_some() {
        Protocol::Json
    } else {
        Protocol::Query
    };
    let namespace = scope
        .and_then(|s| service_by_signing_name(&s.service))
        .map_or(SERVICES[0].xml_namespace, |s| s.xml_namespace);
    let fail = |error: &AwsError| encode_error(protocol, namespace, error, req.request_id);

    let caller = match authenticate(app, &view, parsed.as_ref(), protocol) {
        Ok(caller) => caller,
        Err(rejected) => {
            if let (Some(principal), Some(scope)) = (&rejected.principal, scope) {
                audit_failure(app, req, principal, scope, target, started, &rejected.error);
            }
            return fail(&rejected.error);
        }
    };
    let scope = scope.expect("an authenticated request has a scope");
    let principal = &caller.principal;
    let meta = RequestMeta {
        method: req.method,
        query: req.query,
        target,
        content_type: view.header("content-type"),
        signing_service: Some(&scope.service),
        body: req.body,
    };
    let call = match route(&meta) {
        Ok(call) => call,
        Err((protocol, error)) => {
            audit_failure(app, req, principal, scope, target, started, &error);
            return encode_error(protocol, namespace, &error, req.request_id);
        }
    };
    let request_facts = RequestFacts {
        region: &scope.region,
        source_ip: req.remote.ip(),
        now: started,
        called_via: None,
    };
    let refused =
        (call.service.signing_name != scope.service).then(|| wrong_scope(&call, protocol));
    let origin = Origin {
        user_agent: user_agent(req),
        request_id: req.request_id,
        invoked_by: None,
    };
    let (service, operation, outcome) = execute(
        app,
        &caller,
        &request_facts,
        call,
        protocol,
        origin,
        refused,
    );
    match &outcome {
        Ok(output) => encode_output(service, &operation, output, req.request_id),
        Err(error) => encode_error(protocol, service.xml_namespace, error, req.request_id),
    }
}

/// Runs the call's handler; a defect that panics answers `InternalFailure` (HTTP 500) instead
/// Runs a call, guarded: a handler that panics answers `InternalFailure` and the server keeps
/// serving.
fn run_guarded(
    app: &App,
    caller: &Caller,
    facts: &RequestFacts<'_>,
    call: &Call,
    served: Option<Served>,
    read: Option<Map<String, Value>>,
    protocol: Protocol,
) -> crate::units::Outcome {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::units::run(app, caller, facts, call, served.is_some(), read, protocol)
    }))
    .unwrap_or_else(|_| {
        tracing::error!(operation = %call.operation, "the handler panicked");
        (Vec::new(), Err(AwsError::internal("InternalFailure")))
    })
}

/// Authorizes, runs and records a routed call (unless `refused` already decided it); returns
/// the service, the operation and the output or error.
pub(crate) fn execute(
    app: &App,
    caller: &Caller,
    facts: &RequestFacts<'_>,
    call: Call,
    protocol: Protocol,
    origin: Origin<'_>,
    refused: Option<AwsError>,
) -> (&'static ServiceSpec, String, Result<Output, AwsError>) {
    // The operation as the model serves it, looked up once for every stage.
    let served = neargate_model::served(call.service.signing_name, &call.operation);
    let (resources, outcome) = match refused {
        Some(error) => (Vec::new(), Err(error)),
        None => match conforms(&call, served) {
            Err(error) => (Vec::new(), Err(error)),
            Ok(read) => run_guarded(app, caller, facts, &call, served, read, protocol),
        },
    };
    let Call {
        service,
        operation,
        input,
    } = call;
    let audited = Audited {
        service,
        operation: operation.clone(),
        // CloudTrail's `readOnly` (unknown operations count as not read-only).
        read_only: served.is_some_and(|(_, op)| op.read_only),
        request_parameters: request_parameters(input),
        resources,
    };
    let outcome = match outcome {
        Ok(reply) => {
            audit(
                app,
                caller,
                facts,
                origin,
                audited,
                Ok(reply.response_elements),
            );
            Ok(reply.output)
        }
        Err(error) => {
            audit(app, caller, facts, origin, audited, Err(&error));
            Err(error)
        }
    };
    (service, operation, outcome)
}

/// Checks a call's input against its service's model, before any rule of the operation, as
/// AWS does: member types, then required members and constraints as the service reports them.
/// Operations the model does not serve are left to the service, which refuses them. A query
/// input comes back read into the model's structure, for the operation to decode.
fn conforms(call: &Call, served: Option<Served>) -> Result<Option<Map<String, Value>>, AwsError> {
    let Some((model, shape)) = served.and_then(|(model, op)| Some((model, op.input?))) else {
        return Ok(None);
    };
    match &call.input {
        Input::Json(input) => neargate_model::validate(model, shape, &input.0).map(|()| None),
        Input::Query(params) => {
            let pairs = params.pairs().iter().map(|(k, v)| (k.as_str(), v.as_str()));
            let input = neargate_model::from_query(model, shape, pairs)?;
            neargate_model::validate(model, shape, &input)?;
            Ok(Some(input))
        }
    }
}

/// A request signed for another service than the one it addresses.
fn wrong_scope(call: &Call, protocol: Protocol) -> AwsError {
    let message = format!(
        "Credential should be scoped to correct service: '{}'. ",
        call.service.signing_name
    );
    match protocol {
        Protocol::Json => Common::InvalidSignatureException.with(message),
        Protocol::Query => Common::SignatureDoesNotMatch.with(message),
    }
}

/// The facts every event has, before the outcome is known.
fn base_facts(
    req: &Incoming<'_>,
    principal: &Arc<Principal>,
    region: &str,
    event_source: &'static str,
    event_name: String,
    time: Timestamp,
) -> CallFacts {
    CallFacts {
        time,
        principal: principal.clone(),
        invoked_by: None,
        event_source,
        event_name,
        region: region.to_owned(),
        source_ip: req.remote.ip(),
        user_agent: user_agent(req),
        request_id: req.request_id.to_owned(),
        read_only: false,
        request_parameters: None,
        response_elements: None,
        error_code: None,
        error_message: None,
        resources: Vec::new(),
    }
}

/// Records a call that failed before it reached a service (authentication or routing).
fn audit_failure(
    app: &App,
    req: &Incoming<'_>,
    principal: &Arc<Principal>,
    scope: &Scope,
    target: Option<&str>,
    time: Timestamp,
    error: &AwsError,
) {
    let name = operation_hint(req, target).unwrap_or_else(|| "Unknown".to_owned());
    let source = service_by_signing_name(&scope.service).map_or("unknown", |s| s.event_source);
    record(
        app,
        failed(
            base_facts(req, principal, &scope.region, source, name, time),
            error,
        ),
    );
}

/// The operation a request names, read without routing it: the target's suffix, or `Action`.
fn operation_hint(req: &Incoming<'_>, target: Option<&str>) -> Option<String> {
    if let Some(target) = target {
        return target.rsplit('.').next().map(str::to_owned);
    }
    let body = std::str::from_utf8(req.body).unwrap_or("");
    [req.query, body].into_iter().find_map(|part| {
        QueryParams::parse(part)
            .ok()?
            .get("Action")
            .map(str::to_owned)
    })
}

/// The client's `User-Agent`, cut to 1024 characters.
fn user_agent(req: &Incoming<'_>) -> String {
    let Some((_, value)) = req
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("user-agent"))
    else {
        return String::new();
    };
    match std::str::from_utf8(value) {
        Ok(text) if text.len() <= 1024 => text.to_owned(),
        _ => String::from_utf8_lossy(value).chars().take(1024).collect(),
    }
}

fn request_parameters(input: Input) -> Option<Value> {
    match input {
        Input::Json(json) => redact_parameters(json.0),
        Input::Query(params) => redact_parameters(
            params
                .into_pairs()
                .into_iter()
                .map(|(k, v)| (k, Value::String(v))),
        ),
    }
}
