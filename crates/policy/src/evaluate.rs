//! AWS's policy evaluation logic for a request within one account: an explicit deny anywhere
//! wins; then the service control policies must allow; a resource policy naming the principal
//! allows; otherwise an identity policy must allow, and so must the permissions boundary and the
//! session policy where there is one. Anything not allowed is denied implicitly.

use crate::condition::holds;
use crate::context::Context;
use crate::model::{Effect, Names, Policy, Principals, Statement};
use crate::pattern::{arn_matches, matches};

/// Who is asking.
#[derive(Debug, Clone, Copy)]
pub struct RequestPrincipal<'a> {
    /// The principal's ARN (for a service, its name, e.g. `fargate.amazonaws.com`).
    pub arn: &'a str,
    /// The principal's account.
    pub account: &'a str,
    /// The service name, when a service principal acts.
    pub service: Option<&'a str>,
}

/// One authorization question.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// Who asks.
    pub principal: RequestPrincipal<'a>,
    /// The action, e.g. `kms:Encrypt`.
    pub action: &'a str,
    /// The resource ARN (or `*`).
    pub resource: &'a str,
    /// The condition keys.
    pub context: &'a Context,
}

/// The kinds of policy, as AWS names them in denials.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyKind {
    /// A service control policy (account guardrail).
    ControlPolicy,
    /// A resource-based policy, such as a key policy.
    Resource,
    /// An identity-based policy.
    Identity,
    /// A permissions boundary.
    Boundary,
    /// A session policy.
    Session,
}

impl PolicyKind {
    fn article(self) -> &'static str {
        match self {
            Self::Identity => "an",
            _ => "a",
        }
    }

    fn phrase(self) -> &'static str {
        match self {
            Self::ControlPolicy => "service control policy",
            Self::Resource => "resource-based policy",
            Self::Identity => "identity-based policy",
            Self::Boundary => "permissions boundary",
            Self::Session => "session policy",
        }
    }
}

/// Why a request is denied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DenyReason {
    /// A statement of this kind of policy denies it.
    Explicit(PolicyKind),
    /// No policy of this kind allows it.
    NotAllowed(PolicyKind),
}

impl DenyReason {
    /// AWS's `AccessDenied` message for this denial.
    pub fn message(self, request: &Request<'_>) -> String {
        let who = request.principal.arn;
        let (action, resource) = (request.action, request.resource);
        let because = match self {
            Self::Explicit(kind) => format!(
                "with an explicit deny in {} {}",
                kind.article(),
                kind.phrase()
            ),
            Self::NotAllowed(kind) => {
                format!("because no {} allows the {action} action", kind.phrase())
            }
        };
        format!(
            "User: {who} is not authorized to perform: {action} on resource: {resource} {because}"
        )
    }
}

/// The answer, with the statement that decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Allowed by the statement at (kind, policy index, statement index).
    Allow(PolicyKind, usize, usize),
    /// Denied; an explicit deny names its statement.
    Deny(DenyReason, Option<(usize, usize)>),
}

impl Decision {
    /// Whether the request is allowed.
    pub fn allowed(self) -> bool {
        matches!(self, Self::Allow(..))
    }
}

/// The policies that apply to one request.
#[derive(Debug, Clone, Default)]
pub struct PolicySet<'a> {
    /// Guardrails (service control policies) of one level: when there are any, at least one
    /// must allow, and none may deny.
    pub control: Vec<&'a Policy>,
    /// The resource's policy.
    pub resource: Option<&'a Policy>,
    /// Whether the resource policy must allow (directly or by trusting the account), as KMS
    /// key policies require: identity policies then count only where it trusts the account.
    pub resource_required: bool,
    /// The principal's identity policies.
    pub identity: Vec<&'a Policy>,
    /// The permissions boundary.
    pub boundary: Option<&'a Policy>,
    /// The session policies (an inline one and managed ones): when there are any, one must
    /// allow.
    pub session: Vec<&'a Policy>,
}

/// How a resource policy statement names the principal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Named {
    No,
    /// Through its account (`123456789012` or `…:root`): the account's IAM policies decide.
    Account,
    /// By its own ARN, `*`, or its service name.
    Exactly,
}

/// What one policy says about a request.
#[derive(Debug, Clone, Copy, Default)]
struct Verdict {
    deny: Option<usize>,
    allow_exact: Option<usize>,
    allow_account: Option<usize>,
}

/// Evaluates `request` against `policies`.
pub fn evaluate(policies: &PolicySet<'_>, request: &Request<'_>) -> Decision {
    let layers: [(PolicyKind, Vec<&Policy>); 5] = [
        (PolicyKind::ControlPolicy, policies.control.clone()),
        (
            PolicyKind::Resource,
            policies.resource.into_iter().collect(),
        ),
        (PolicyKind::Identity, policies.identity.clone()),
        (
            PolicyKind::Boundary,
            policies.boundary.into_iter().collect(),
        ),
        (PolicyKind::Session, policies.session.clone()),
    ];
    let verdicts: Vec<(PolicyKind, Vec<Verdict>)> = layers
        .iter()
        .map(|(kind, list)| {
            (
                *kind,
                list.iter()
                    .map(|p| verdict(p, request, *kind == PolicyKind::Resource))
                    .collect(),
            )
        })
        .collect();
    for (kind, list) in &verdicts {
        for (i, v) in list.iter().enumerate() {
            if let Some(s) = v.deny {
                return Decision::Deny(DenyReason::Explicit(*kind), Some((i, s)));
            }
        }
    }
    let first_allow = |kind: PolicyKind| {
        verdicts
            .iter()
            .find(|(k, _)| *k == kind)
            .and_then(|(_, list)| {
                list.iter()
                    .enumerate()
                    .find_map(|(i, v)| v.allow_exact.or(v.allow_account).map(|s| (i, s)))
            })
    };
    let control = &verdicts[0].1;
    if !control.is_empty() && control.iter().all(|v| v.allow_exact.is_none()) {
        return Decision::Deny(DenyReason::NotAllowed(PolicyKind::ControlPolicy), None);
    }
    let resource = verdicts[1].1.first().copied().unwrap_or_default();
    if let Some(s) = resource.allow_exact {
        return Decision::Allow(PolicyKind::Resource, 0, s);
    }
    if policies.resource_required && resource.allow_account.is_none() {
        return Decision::Deny(DenyReason::NotAllowed(PolicyKind::Resource), None);
    }
    let Some((p, s)) = first_allow(PolicyKind::Identity) else {
        return Decision::Deny(DenyReason::NotAllowed(PolicyKind::Identity), None);
    };
    for (kind, present) in [
        (PolicyKind::Boundary, policies.boundary.is_some()),
        (PolicyKind::Session, !policies.session.is_empty()),
    ] {
        if present && first_allow(kind).is_none() {
            return Decision::Deny(DenyReason::NotAllowed(kind), None);
        }
    }
    Decision::Allow(PolicyKind::Identity, p, s)
}

fn verdict(policy: &Policy, request: &Request<'_>, is_resource: bool) -> Verdict {
    let mut v = Verdict::default();
    for (i, statement) in policy.statements.iter().enumerate() {
        let named = if is_resource {
            principal_named(statement, request.principal)
        } else {
            Named::Exactly
        };
        if named == Named::No || !applies(statement, policy, request) {
            continue;
        }
        match (statement.effect, named) {
            (Effect::Deny, _) => {
                v.deny.get_or_insert(i);
            }
            (Effect::Allow, Named::Exactly) => {
                v.allow_exact.get_or_insert(i);
            }
            (Effect::Allow, _) => {
                v.allow_account.get_or_insert(i);
            }
        }
    }
    v
}

/// Whether the statement's action, resource and conditions cover the request.
fn applies(statement: &Statement, policy: &Policy, request: &Request<'_>) -> bool {
    let variables = (policy.version == crate::model::Version::V2012).then_some(request.context);
    let action = any_matches(&statement.action, |p| {
        matches(p, request.action, true, true, None)
    });
    let resource = statement
        .resource
        .as_ref()
        .is_none_or(|names| any_matches(names, |p| arn_matches(p, request.resource, variables)));
    action
        && resource
        && statement
            .conditions
            .iter()
            .all(|c| holds(c, request.context, policy.version))
}

/// Whether `names` covers something: one pattern matches, or (`Not…`) none does.
fn any_matches(names: &Names, matches: impl Fn(&str) -> bool) -> bool {
    names.patterns.iter().any(|p| matches(p)) != names.negated
}

fn principal_named(statement: &Statement, who: RequestPrincipal<'_>) -> Named {
    let named = match &statement.principal {
        None => Named::No,
        Some(Principals::Any) => Named::Exactly,
        Some(Principals::Listed(kinds)) => kinds
            .iter()
            .flat_map(|(kind, ids)| ids.iter().map(move |id| entry_names(kind, id, who)))
            .max()
            .unwrap_or(Named::No),
    };
    match (statement.principal_negated, named) {
        (false, named) => named,
        (true, Named::No) => Named::Exactly,
        (true, _) => Named::No,
    }
}

fn entry_names(kind: &str, id: &str, who: RequestPrincipal<'_>) -> Named {
    match (kind, who.service) {
        ("Service", Some(service)) if id == service => Named::Exactly,
        ("AWS", None) if id == "*" || id == who.arn => Named::Exactly,
        ("AWS", None)
            if id == who.account || id == format!("arn:aws:iam::{}:root", who.account) =>
        {
            Named::Account
        }
        _ => Named::No,
    }
}
