//! Authorization: every routed call is evaluated by the policy engine before it is dispatched.

use std::net::IpAddr;
use std::sync::Arc;

use neargate_common::{AwsError, Principal, Timestamp};
use neargate_iam::Identity;
use neargate_policy::{Context, Decision, Policy, PolicySet, Request, RequestPrincipal, evaluate};
use neargate_wire::{Call, Input, Protocol};

use crate::app::App;

/// An authenticated caller: the principal with its identity policies, session policy and tags.
pub(crate) type Caller = Arc<Identity>;

/// Facts about the request that become global condition keys.
#[derive(Debug)]
pub(crate) struct RequestFacts<'a> {
    pub(crate) region: &'a str,
    pub(crate) source_ip: IpAddr,
    pub(crate) now: Timestamp,
}

/// Actions AWS answers for any authenticated caller, whatever its policies say, as (service,
/// operation).
const ALWAYS_ALLOWED: &[(&str, &str)] = &[("sts", "GetCallerIdentity")];

/// Allows or denies `call` for `caller`, with AWS's `AccessDenied` error in `protocol`.
pub(crate) fn authorize(
    app: &App,
    caller: &Caller,
    call: &Call,
    facts: &RequestFacts<'_>,
    protocol: Protocol,
) -> Result<(), AwsError> {
    let service = call.service.signing_name;
    if ALWAYS_ALLOWED.contains(&(service, call.operation.as_str())) {
        return Ok(());
    }
    let action = format!("{service}:{}", call.operation);
    let p = &caller.principal;
    let mut context = global_keys(p, facts);
    for (key, value) in &caller.tags {
        context.set(&format!("aws:PrincipalTag/{key}"), value.clone());
    }
    let target = target(&app.iam, p, call, &mut context)?;
    let request = Request {
        principal: RequestPrincipal {
            arn: &p.arn,
            account: &p.account,
            service: None,
        },
        action: &action,
        resource: &target.resource,
        context: &context,
    };
    let set = PolicySet {
        control: app.guardrails.for_account(&p.account),
        resource: target.policy.as_ref(),
        resource_required: target.policy_required,
        identity: caller.policies.iter().map(Arc::as_ref).collect(),
        session: caller.session_policy.as_deref(),
        ..PolicySet::default()
    };
    let tag_session = Request {
        action: "sts:TagSession",
        ..request
    };
    let decisions = [Some(&request), target.tag_session.then_some(&tag_session)];
    for asked in decisions.into_iter().flatten() {
        if let Decision::Deny(reason, _) = evaluate(&set, asked) {
            let message = reason.message(asked);
            return Err(match protocol {
                Protocol::Json => AwsError::client("AccessDeniedException", message),
                Protocol::Query => AwsError::with_status(403, "AccessDenied", message),
            });
        }
    }
    Ok(())
}

/// What a call acts on: the resource ARN and, where the resource has one, its policy.
struct Target {
    resource: String,
    policy: Option<Policy>,
    /// Whether the resource policy must allow (a role's trust policy must, to assume it).
    policy_required: bool,
    /// Whether `sts:TagSession` must be allowed too (an `AssumeRole` that passes tags).
    tag_session: bool,
}

/// Puts the tags a request sets into the context; whether there were any.
fn add_request_tags(context: &mut Context, params: &neargate_wire::QueryParams) -> bool {
    let tags = neargate_iam::request_tags(params);
    if tags.is_empty() {
        return false;
    }
    context.set_all("aws:TagKeys", tags.iter().map(|(k, _)| k.clone()).collect());
    for (key, value) in tags {
        context.set(&format!("aws:RequestTag/{key}"), value);
    }
    true
}

fn target(
    iam: &neargate_iam::Iam,
    p: &Principal,
    call: &Call,
    context: &mut Context,
) -> Result<Target, AwsError> {
    let plain = |resource: String| Target {
        resource,
        policy: None,
        policy_required: false,
        tag_session: false,
    };
    match (
        call.service.signing_name,
        call.operation.as_str(),
        &call.input,
    ) {
        ("sts", "AssumeRole", Input::Query(params)) => {
            let arn = params.get("RoleArn").unwrap_or("*").to_owned();
            if let Some(external_id) = params.get("ExternalId") {
                context.set("sts:ExternalId", external_id);
            }
            if let Some(session) = params.get("RoleSessionName") {
                context.set("sts:RoleSessionName", session);
            }
            let tagged = add_request_tags(context, params);
            let role = iam
                .role_by_arn(&arn)
                .map_err(|_| AwsError::internal("InternalFailure"))?;
            let trust = role.and_then(|r| {
                neargate_policy::parse(&r.trust_policy, neargate_policy::PolicyUse::Trust).ok()
            });
            Ok(Target {
                resource: arn,
                policy: trust,
                policy_required: true,
                tag_session: tagged,
            })
        }
        ("iam", _, Input::Query(params)) => {
            add_request_tags(context, params);
            Ok(plain(neargate_iam::iam_resource(p, params)))
        }
        _ => Ok(plain("*".to_owned())),
    }
}

/// The global condition keys every request carries.
fn global_keys(p: &Principal, facts: &RequestFacts<'_>) -> Context {
    let mut ctx = Context::new();
    ctx.set("aws:SourceIp", facts.source_ip.to_string())
        .set("aws:CurrentTime", facts.now.to_iso8601())
        .set("aws:EpochTime", facts.now.secs().to_string())
        .set("aws:SecureTransport", "false")
        .set("aws:PrincipalArn", p.arn.clone())
        .set("aws:PrincipalAccount", p.account.clone())
        .set("aws:PrincipalType", p.kind.as_str())
        .set("aws:RequestedRegion", facts.region)
        .set("aws:userid", p.principal_id.clone())
        .set("aws:ViaAWSService", "false");
    if let Some(name) = &p.user_name {
        ctx.set("aws:username", name.clone());
    }
    if let Some(session) = &p.session {
        ctx.set("aws:TokenIssueTime", session.created.to_iso8601());
    }
    ctx
}
