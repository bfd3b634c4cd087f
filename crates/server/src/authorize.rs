//! Authorization: every routed call is evaluated by the policy engine before it is dispatched.

use std::net::IpAddr;
use std::sync::Arc;

use neargate_common::{AwsError, Common, Principal, PrincipalKind, Timestamp};
use neargate_iam::Identity;
use neargate_policy::{
    Context, Decision, DenyReason, Policy, PolicySet, Request, RequestPrincipal, evaluate,
};
use neargate_wire::Protocol;

use crate::app::App;

/// An authenticated caller: the principal with its identity policies, session policy and tags.
pub(crate) type Caller = Arc<Identity>;

/// Facts about the request that become global condition keys.
#[derive(Debug)]
pub(crate) struct RequestFacts<'a> {
    pub(crate) region: &'a str,
    pub(crate) source_ip: IpAddr,
    pub(crate) now: Timestamp,
    /// The service making this call on the principal's behalf (`aws:CalledVia`), if any.
    pub(crate) called_via: Option<&'static str>,
}

/// One authorization question: an action on a resource, under the resource's policy.
struct Question {
    action: String,
    resource: String,
    policy: Option<Arc<Policy>>,
    /// Whether the resource policy must allow (directly or by trusting the account).
    policy_required: bool,
    context: Context,
}

/// Whether any of the caller's policies, or the account's guardrails, can read the context.
/// When none can (and no resource policy decides), the global keys are not built, which saves
/// every such request their formatting.
fn policies_read_context(app: &App, caller: &Caller) -> bool {
    let control = app.guardrails.for_account(&caller.principal.account);
    caller
        .policies
        .iter()
        .chain(&caller.boundary)
        .chain(&caller.session_policies)
        .map(Arc::as_ref)
        .chain(control)
        .any(Policy::reads_context)
}

/// The global condition keys of the request and the caller's principal tags.
fn caller_context(caller: &Caller, facts: &RequestFacts<'_>) -> Context {
    let mut context = global_keys(&caller.principal, facts);
    for (key, value) in &caller.tags {
        context.set(&format!("aws:PrincipalTag/{key}"), value.clone());
    }
    context
}

/// Decides the access an operation declared for `caller`: every question must be allowed by
/// the policies that apply (or, where no policy allows, by what the question names, such as a
/// KMS grant); an explicit deny always wins. The error is AWS's access denial in `protocol`.
pub(crate) fn authorize_access(
    app: &App,
    caller: &Caller,
    facts: &RequestFacts<'_>,
    protocol: Protocol,
    access: &neargate_model::Access<'_>,
) -> Result<(), AwsError> {
    if access.questions.is_empty() {
        return Ok(());
    }
    // A resource policy (a trust policy, a key policy) may read the context too.
    let live =
        access.questions.iter().any(|q| q.policy.is_some()) || policies_read_context(app, caller);
    let global = if live {
        caller_context(caller, facts)
    } else {
        Context::new()
    };
    for asked in &access.questions {
        let mut context = global.clone();
        for (key, values) in &asked.context {
            context.set_all(key, values.clone());
        }
        if let (true, Some(deferred)) = (live, &asked.deferred) {
            for (key, values) in deferred()? {
                context.set_all(&key, values);
            }
        }
        let question = Question {
            action: asked.action.clone(),
            resource: asked.resource.clone(),
            policy: asked.policy.clone(),
            policy_required: asked.policy_required,
            context,
        };
        verdict(app, caller, protocol, &question, || {
            asked
                .also_allowed
                .as_ref()
                .is_some_and(|also| also(&principal_arns(&caller.principal)))
        })?;
    }
    Ok(())
}

/// One question's verdict: allowed by the policies that apply, or, where none allows and none
/// denies, by `also` (a KMS grant); otherwise AWS's access denial in `protocol`.
fn verdict(
    app: &App,
    caller: &Caller,
    protocol: Protocol,
    question: &Question,
    also: impl FnOnce() -> bool,
) -> Result<(), AwsError> {
    let (decision, request) = decide(app, caller, question);
    match decision {
        Decision::Allow(..) => Ok(()),
        Decision::Deny(DenyReason::NotAllowed(_), _) if also() => Ok(()),
        Decision::Deny(reason, _) => Err(denied(protocol, reason.message(&request))),
    }
}

/// AWS's access denial in `protocol`.
fn denied(protocol: Protocol, message: String) -> AwsError {
    match protocol {
        Protocol::Json => Common::AccessDeniedException.with(message),
        Protocol::Query => Common::AccessDenied.with(message),
    }
}

/// Evaluates one question for `caller` against every policy that applies.
fn decide<'q>(app: &App, caller: &'q Caller, question: &'q Question) -> (Decision, Request<'q>) {
    let p = &caller.principal;
    let service = p.kind == PrincipalKind::AwsService;
    let request = Request {
        principal: RequestPrincipal {
            arn: &p.arn,
            account: &p.account,
            service: service.then_some(p.arn.as_str()),
        },
        action: &question.action,
        resource: &question.resource,
        context: &question.context,
    };
    let set = PolicySet {
        // Guardrails limit the account's own principals, not services acting for it.
        control: if service {
            Vec::new()
        } else {
            app.guardrails.for_account(&p.account)
        },
        resource: question.policy.as_deref(),
        resource_required: question.policy_required,
        identity: caller.policies.iter().map(Arc::as_ref).collect(),
        boundary: caller.boundary.as_deref(),
        session: caller.session_policies.iter().map(Arc::as_ref).collect(),
    };
    (evaluate(&set, &request), request)
}

/// Whether `caller` could run `kms:PutKeyPolicy` on `key_arn` if its key policy were `policy`:
/// the key policy lockout safety check.
pub(crate) fn may_manage_key(
    app: &App,
    caller: &Caller,
    facts: &RequestFacts<'_>,
    policy: &Policy,
    key_arn: &str,
) -> bool {
    let question = Question {
        action: "kms:PutKeyPolicy".to_owned(),
        resource: key_arn.to_owned(),
        policy: Some(Arc::new(policy.clone())),
        policy_required: true,
        context: caller_context(caller, facts),
    };
    decide(app, caller, &question).0.allowed()
}

/// The ARNs a grant or retiring principal may name the caller by: its own, and for a role
/// session the role's.
fn principal_arns(p: &Principal) -> Vec<&str> {
    let mut arns = vec![p.arn.as_str()];
    if let Some(issuer) = &p.issuer {
        arns.push(issuer.arn.as_str());
    }
    arns
}

/// An address as text; IPv4 written by hand, since every authorized request needs it.
fn ip_text(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => {
            let mut out = String::with_capacity(15);
            for (i, octet) in v4.octets().iter().enumerate() {
                if i > 0 {
                    out.push('.');
                }
                let (hundreds, tens, ones) = (octet / 100, octet / 10 % 10, octet % 10);
                if hundreds > 0 {
                    out.push(char::from(b'0' + hundreds));
                }
                if hundreds > 0 || tens > 0 {
                    out.push(char::from(b'0' + tens));
                }
                out.push(char::from(b'0' + ones));
            }
            out
        }
        IpAddr::V6(v6) => v6.to_string(),
    }
}

/// The global condition keys every request carries.
fn global_keys(p: &Principal, facts: &RequestFacts<'_>) -> Context {
    let service = p.kind == PrincipalKind::AwsService;
    let mut ctx = Context::with_capacity(24);
    ctx.add("aws:SourceIp", ip_text(facts.source_ip))
        .add("aws:CurrentTime", facts.now.to_iso8601())
        .add("aws:EpochTime", facts.now.secs().to_string())
        .add("aws:SecureTransport", "false")
        .add("aws:PrincipalArn", p.arn.clone())
        .add("aws:PrincipalAccount", p.account.clone())
        .add("aws:PrincipalType", p.kind.as_str())
        .add("aws:RequestedRegion", facts.region)
        .add("aws:userid", p.principal_id.clone())
        .add(
            "aws:ViaAWSService",
            if facts.called_via.is_some() {
                "true"
            } else {
                "false"
            },
        )
        .add(
            "aws:PrincipalIsAWSService",
            if service { "true" } else { "false" },
        );
    if service {
        ctx.add("aws:PrincipalServiceName", p.arn.clone());
    }
    if let Some(via) = facts.called_via {
        ctx.set_all("aws:CalledVia", vec![via.to_owned()])
            .add("aws:CalledViaFirst", via)
            .add("aws:CalledViaLast", via);
    }
    if let Some(name) = &p.user_name {
        ctx.add("aws:username", name.clone());
    }
    if let Some(session) = &p.session {
        ctx.add("aws:TokenIssueTime", session.created.to_iso8601());
    }
    ctx
}

#[cfg(test)]
mod tests {
    use std::net::{Ipv4Addr, Ipv6Addr};

    use super::*;

    #[test]
    fn addresses_read_as_the_standard_library_writes_them() {
        for octets in [
            [0, 0, 0, 0],
            [127, 0, 0, 1],
            [10, 9, 100, 255],
            [192, 168, 1, 20],
        ] {
            let ip = IpAddr::V4(Ipv4Addr::from(octets));
            assert_eq!(ip_text(ip), ip.to_string());
        }
        for a in 0..=255u8 {
            let ip = IpAddr::V4(Ipv4Addr::new(a, a / 3, a / 7, 255 - a));
            assert_eq!(ip_text(ip), ip.to_string());
        }
        let v6 = IpAddr::V6(Ipv6Addr::LOCALHOST);
        assert_eq!(ip_text(v6), "::1");
    }
}
