//! `SimulateCustomPolicy` and `SimulatePrincipalPolicy`: what the policy engine would decide,
//! with the deciding statements and the condition keys the request lacked.

use std::sync::Arc;

use neargate_common::{AwsError, Principal};
use neargate_policy::{
    Context, Decision, DenyReason, Policy, PolicySet, PolicyUse, Request, RequestPrincipal,
    evaluate,
};
use neargate_wire::{Output, QueryParams, Reply, Xml};

use crate::Iam;
use crate::domain::inline::Holder;
use neargate_model::iam::Error as IamCode;

/// A policy under simulation, with the id and type the answer names it by.
struct Source {
    id: String,
    kind: &'static str,
    policy: Arc<Policy>,
}

/// Runs a simulation; `principal` selects `SimulatePrincipalPolicy`.
pub(crate) fn simulate(
    iam: &Iam,
    caller: &Principal,
    params: &QueryParams,
    principal: bool,
) -> Result<Reply, AwsError> {
    let mut sources = Vec::new();
    let mut subject = caller.arn.clone();
    let mut boundary = None;
    if principal {
        let arn = params
            .get("PolicySourceArn")
            .ok_or_else(|| invalid("PolicySourceArn is required."))?;
        subject = arn.to_owned();
        let (policies, entity_boundary) = principal_policies(iam, caller, arn)?;
        sources.extend(policies);
        boundary = entity_boundary;
    }
    // A boundary given to simulate stands in for the entity's own.
    match params.list("PermissionsBoundaryPolicyInputList").as_slice() {
        [] => {}
        [text] => {
            let policy = neargate_policy::parse(text, PolicyUse::Identity)
                .map_err(|e| invalid(&format!("PermissionsBoundaryPolicyInputList.1: {e}")))?;
            boundary = Some(Arc::new(policy));
        }
        _ => return Err(invalid("Only one permissions boundary may be simulated.")),
    }
    for (i, text) in params.list("PolicyInputList").iter().enumerate() {
        let policy = neargate_policy::parse(text, PolicyUse::Identity)
            .map_err(|e| invalid(&format!("PolicyInputList.{}: {e}", i + 1)))?;
        sources.push(Source {
            id: format!("PolicyInputList.{}", i + 1),
            kind: "none",
            policy: Arc::new(policy),
        });
    }
    if !principal && sources.is_empty() {
        return Err(invalid("PolicyInputList must contain at least one policy."));
    }
    let resource_policy = match params.get("ResourcePolicy") {
        Some(text) => Some(
            neargate_policy::parse(text, PolicyUse::Resource)
                .map_err(|e| invalid(&format!("ResourcePolicy: {e}")))?,
        ),
        None => None,
    };
    let actions = params.list("ActionNames");
    if actions.is_empty() {
        return Err(invalid("ActionNames must contain at least one action."));
    }
    let mut resources = params.list("ResourceArns");
    if resources.is_empty() {
        resources.push("*");
    }
    let context = context_entries(params);
    let caller_arn = params.get("CallerArn").map_or(subject, str::to_owned);
    let account =
        neargate_common::Arn::parse(&caller_arn).map_or(caller.account.clone(), |a| a.account);
    let set = PolicySet {
        identity: sources.iter().map(|s| s.policy.as_ref()).collect(),
        resource: resource_policy.as_ref(),
        boundary: boundary.as_deref(),
        ..PolicySet::default()
    };
    // Whether the boundary alone allows a request: `AllowedByPermissionsBoundary`.
    let boundary_only = boundary.as_deref().map(|b| PolicySet {
        identity: vec![b],
        ..PolicySet::default()
    });
    let missing = missing_keys(&sources, &context);
    let mut results = Vec::new();
    for action in &actions {
        for resource in &resources {
            let request = Request {
                principal: RequestPrincipal {
                    arn: &caller_arn,
                    account: &account,
                    service: None,
                },
                action,
                resource,
                context: &context,
            };
            let mut result = result_xml(
                action,
                resource,
                evaluate(&set, &request),
                &sources,
                &missing,
            );
            if let (Some(alone), Xml::Node(_, children)) = (&boundary_only, &mut result) {
                let allowed = evaluate(alone, &request).allowed();
                children.push(Xml::Node(
                    "PermissionsBoundaryDecisionDetail",
                    vec![Xml::Text(
                        "AllowedByPermissionsBoundary",
                        allowed.to_string(),
                    )],
                ));
            }
            results.push(result);
        }
    }
    Ok(Reply::quiet(Output::Xml(vec![
        Xml::Node("EvaluationResults", results),
        Xml::Text("IsTruncated", "false".into()),
    ])))
}

fn result_xml(
    action: &str,
    resource: &str,
    decision: Decision,
    sources: &[Source],
    missing: &[String],
) -> Xml {
    let (text, deciding) = match decision {
        Decision::Allow(_, policy, _) => ("allowed", Some(policy)),
        Decision::Deny(DenyReason::Explicit(_), Some((policy, _))) => {
            ("explicitDeny", Some(policy))
        }
        Decision::Deny(DenyReason::Explicit(_), None) => ("explicitDeny", None),
        Decision::Deny(DenyReason::NotAllowed(_), _) => ("implicitDeny", None),
    };
    let matched = deciding
        .and_then(|i| sources.get(i))
        .map(|s| {
            Xml::Node(
                "member",
                vec![
                    Xml::Text("SourcePolicyId", s.id.clone()),
                    Xml::Text("SourcePolicyType", s.kind.into()),
                ],
            )
        })
        .into_iter()
        .collect();
    Xml::Node(
        "member",
        vec![
            Xml::Text("EvalActionName", action.to_owned()),
            Xml::Text("EvalResourceName", resource.to_owned()),
            Xml::Text("EvalDecision", text.into()),
            Xml::Node("MatchedStatements", matched),
            Xml::Node(
                "MissingContextValues",
                missing
                    .iter()
                    .map(|k| Xml::Text("member", k.clone()))
                    .collect(),
            ),
        ],
    )
}

/// The identity policies of the user, role or group `arn` names, and its permissions boundary.
fn principal_policies(
    iam: &Iam,
    caller: &Principal,
    arn: &str,
) -> Result<(Vec<Source>, Option<Arc<Policy>>), AwsError> {
    let not_found =
        || IamCode::NoSuchEntityException.with(format!("The entity {arn} cannot be found."));
    let parsed = neargate_common::Arn::parse(arn)
        .filter(|a| a.service == "iam" && a.account == caller.account)
        .ok_or_else(not_found)?;
    let (holder, kind) = match parsed.resource.split_once('/') {
        Some(("user", path)) => (
            Holder::User {
                account: &parsed.account,
                name: path.rsplit('/').next().unwrap_or(path),
            },
            "user",
        ),
        Some(("role", path)) => (
            Holder::Role {
                account: &parsed.account,
                name: path.rsplit('/').next().unwrap_or(path),
            },
            "role",
        ),
        Some(("group", path)) => (
            Holder::Group {
                account: &parsed.account,
                name: path.rsplit('/').next().unwrap_or(path),
            },
            "group",
        ),
        _ => return Err(not_found()),
    };
    // The entity must exist; its boundary's ARN comes with it.
    let boundary_arn = match holder {
        Holder::User { account, name } => iam
            .user(account, name)
            .map_err(service_failure)?
            .ok_or_else(not_found)?
            .permissions_boundary
            .clone(),
        Holder::Role { account, name } => {
            iam.role(account, name)
                .map_err(|_| not_found())?
                .permissions_boundary
        }
        Holder::Group { account, name } => {
            iam.group(account, name).map_err(|_| not_found())?;
            None
        }
    };
    let boundary = boundary_arn
        .map(|arn| iam.boundary_policy(&parsed.account, &arn))
        .transpose()
        .map_err(service_failure)?;
    // Inline policies (named) come first, then attached managed and group policies.
    let names = iam.inline_policy_names(holder).map_err(service_failure)?;
    let policies = iam.identity_policies(holder).map_err(service_failure)?;
    let sources = policies
        .into_iter()
        .enumerate()
        .map(|(i, policy)| Source {
            id: names
                .get(i)
                .cloned()
                .unwrap_or_else(|| format!("inherited-{}", i - names.len() + 1)),
            kind,
            policy,
        })
        .collect();
    Ok((sources, boundary))
}

/// `ContextEntries.member.N.{ContextKeyName, ContextKeyValues.member.M, ContextKeyType}`.
fn context_entries(params: &QueryParams) -> Context {
    let mut ctx = Context::new();
    for n in 1.. {
        let prefix = format!("ContextEntries.member.{n}");
        let Some(name) = params.get(&format!("{prefix}.ContextKeyName")) else {
            break;
        };
        let values: Vec<String> = params
            .list(&format!("{prefix}.ContextKeyValues"))
            .into_iter()
            .map(str::to_owned)
            .collect();
        ctx.set_all(name, values);
    }
    ctx
}

/// Condition keys the policies test that the request context lacks.
fn missing_keys(sources: &[Source], context: &Context) -> Vec<String> {
    let mut keys: Vec<String> = sources
        .iter()
        .flat_map(|s| s.policy.statements.iter())
        .flat_map(|st| st.conditions.iter())
        .filter(|c| context.get(&c.key).is_none())
        .map(|c| c.key.clone())
        .collect();
    keys.sort_by_key(|k| k.to_ascii_lowercase());
    keys.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    keys
}

fn service_failure<E>(_: E) -> AwsError {
    AwsError::internal("ServiceFailure")
}

fn invalid(message: &str) -> AwsError {
    IamCode::InvalidInputException.with(message.to_owned())
}
