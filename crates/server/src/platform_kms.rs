//! The platform's own KMS calls, typed: made as a service principal (Fargate asking for a data
//! key and a grant) or on a principal's behalf (ECS checking a cluster's key), each checked
//! against the model, authorized, handled and recorded as a call from the wire is, its output
//! never encoded (a data key's plaintext never becomes JSON).

use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;

use neargate_cloudtrail::redact_parameters;
use neargate_common::{AwsError, Principal, PrincipalKind, ids};
use neargate_ecs::{KeyService, ServiceCaller};
use neargate_iam::Identity;
use neargate_kms::Kms;
use neargate_model::kms::{
    CreateGrantRequest, CreateGrantResponse, DecryptRequest, DecryptResponse, DescribeKeyRequest,
    DescribeKeyResponse, GenerateDataKeyWithoutPlaintextRequest,
    GenerateDataKeyWithoutPlaintextResponse, RetireGrantRequest, ops,
};
use neargate_model::{Answered, Empty, Failure, Handler, Op, run_typed};
use neargate_wire::{Protocol, service_by_signing_name};
use serde_json::{Map, Value};

use crate::app::App;
use crate::audit::{Audited, Origin, audit};
use crate::authorize::{Caller, RequestFacts, authorize_access, may_manage_key};

/// The identity of `service` acting in `account`, with `policies` as its identity policies.
pub(crate) fn service_identity(
    service: &'static str,
    account: &str,
    policies: Vec<Arc<neargate_policy::Policy>>,
) -> Caller {
    Arc::new(Identity {
        principal: Arc::new(Principal {
            kind: PrincipalKind::AwsService,
            account: account.to_owned(),
            arn: service.to_owned(),
            principal_id: service.to_owned(),
            user_name: None,
            access_key_id: None,
            session: None,
            issuer: None,
        }),
        policies,
        boundary: None,
        session_policies: Vec::new(),
        tags: Vec::new(),
    })
}

/// The facts of a call the platform makes in `region` now.
pub(crate) fn platform_facts<'r>(
    app: &App,
    region: &'r str,
    called_via: Option<&'static str>,
) -> RequestFacts<'r> {
    RequestFacts {
        region,
        source_ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
        now: app.clock.now(),
        called_via,
    }
}

/// Where a call `service` makes comes from, for its audit record.
pub(crate) fn platform_origin<'a>(service: &'static str, request_id: &'a str) -> Origin<'a> {
    Origin {
        user_agent: service.to_owned(),
        request_id,
        invoked_by: Some(service.to_owned()),
    }
}

/// KMS as the platform's service principals call it: typed calls that take the path of any
/// call (validated, authorized, handled, recorded), their outputs never encoded.
pub(crate) struct PlatformKms<'a>(pub(crate) &'a App);

impl PlatformKms<'_> {
    /// Runs the typed call `input` of `O` as `by`'s service principal.
    fn call<O>(&self, by: ServiceCaller<'_>, input: O::Input) -> Result<O::Output, AwsError>
    where
        O: Op,
        Kms: for<'c> Handler<O, neargate_kms::Caller<'c>>,
    {
        let caller = service_identity(by.service, by.account, Vec::new());
        kms_call::<O>(self.0, &caller, by.service, by.region, None, input)
    }
}

impl KeyService for PlatformKms<'_> {
    fn generate_data_key_without_plaintext(
        &self,
        by: ServiceCaller<'_>,
        input: GenerateDataKeyWithoutPlaintextRequest,
    ) -> Result<GenerateDataKeyWithoutPlaintextResponse, AwsError> {
        self.call::<ops::GenerateDataKeyWithoutPlaintext>(by, input)
    }

    fn create_grant(
        &self,
        by: ServiceCaller<'_>,
        input: CreateGrantRequest,
    ) -> Result<CreateGrantResponse, AwsError> {
        self.call::<ops::CreateGrant>(by, input)
    }

    fn decrypt(
        &self,
        by: ServiceCaller<'_>,
        input: DecryptRequest,
    ) -> Result<DecryptResponse, AwsError> {
        self.call::<ops::Decrypt>(by, input)
    }

    fn retire_grant(
        &self,
        by: ServiceCaller<'_>,
        input: RetireGrantRequest,
    ) -> Result<Empty, AwsError> {
        self.call::<ops::RetireGrant>(by, input)
    }
}

/// KMS `DescribeKey` for `principal`, made by `service` on the principal's behalf.
pub(crate) fn describe_key_on_behalf(
    app: &App,
    principal: &Caller,
    service: &'static str,
    region: &str,
    input: DescribeKeyRequest,
) -> Result<DescribeKeyResponse, AwsError> {
    kms_call::<ops::DescribeKey>(app, principal, service, region, Some(service), input)
}

/// Runs the typed KMS call `input` of `O` for `caller`, made by `service` (on the caller's
/// behalf when `called_via` names it): checked against the model, authorized, handled and
/// recorded as a call from the wire is.
fn kms_call<O>(
    app: &App,
    caller: &Caller,
    service: &'static str,
    region: &str,
    called_via: Option<&'static str>,
    input: O::Input,
) -> Result<O::Output, AwsError>
where
    O: Op,
    Kms: for<'c> Handler<O, neargate_kms::Caller<'c>>,
{
    let facts = platform_facts(app, region, called_via);
    let request_id = ids::fast_uuid();
    let (model, operation) = O::operation();
    let parameters = match serde_json::to_value(&input) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    let checked = operation.input.map_or(Ok(()), |shape| {
        neargate_model::validate(model, shape, &parameters)
    });
    let (resources, outcome) = match checked {
        Err(error) => (Vec::new(), Err(error)),
        Ok(()) => {
            let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                run_kms::<O>(app, caller, &facts, input)
            }));
            match run {
                Ok(Ok(answered)) => (
                    answered.resources,
                    Ok((answered.output, answered.response_elements)),
                ),
                Ok(Err(Failure { error, resources })) => (resources, Err(error)),
                Err(_) => {
                    tracing::error!(operation = O::NAME, "the handler panicked");
                    (Vec::new(), Err(AwsError::internal("InternalFailure")))
                }
            }
        }
    };
    let spec =
        service_by_signing_name("kms").ok_or_else(|| AwsError::internal("InternalFailure"))?;
    let audited = Audited {
        service: spec,
        operation: O::NAME.to_owned(),
        read_only: O::READ_ONLY,
        request_parameters: redact_parameters(parameters),
        resources,
    };
    let origin = platform_origin(service, &request_id);
    match outcome {
        Ok((output, response_elements)) => {
            audit(app, caller, &facts, origin, audited, Ok(response_elements));
            Ok(output)
        }
        Err(error) => {
            audit(app, caller, &facts, origin, audited, Err(&error));
            Err(error)
        }
    }
}

/// Runs `f` with `caller` as KMS sees it, once KMS's due work (deletions, rotations) is done.
pub(crate) fn as_kms_caller<R>(
    app: &App,
    caller: &Caller,
    facts: &RequestFacts<'_>,
    f: impl FnOnce(&neargate_kms::Caller<'_>) -> R,
) -> R {
    app.kms.run_due_work();
    let may_manage = |policy: &neargate_policy::Policy, key_arn: &str| {
        may_manage_key(app, caller, facts, policy, key_arn)
    };
    f(&neargate_kms::Caller {
        principal: &caller.principal,
        region: facts.region,
        may_manage: &may_manage,
        called_via: facts.called_via,
    })
}

/// Runs one typed KMS call of `O` for `caller`, authorized as any call is; its output stays
/// typed (the platform's own calls: a data key's plaintext never becomes JSON).
fn run_kms<O>(
    app: &App,
    caller: &Caller,
    facts: &RequestFacts<'_>,
    input: O::Input,
) -> Result<Answered<O::Output>, Failure>
where
    O: Op,
    Kms: for<'c> Handler<O, neargate_kms::Caller<'c>>,
{
    let mut authorize = |access: &neargate_model::Access<'_>| {
        authorize_access(app, caller, facts, Protocol::Json, access)
    };
    as_kms_caller(app, caller, facts, |kms_caller| {
        run_typed::<O, Kms, _>(&app.kms, kms_caller, input, false, &mut authorize)
    })
}
