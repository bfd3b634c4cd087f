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
    if principal {
        let arn = params
            .get("PolicySourceArn")
            .ok_or_else(|| invalid("PolicySourceArn is required."))?;
        subject = arn.to_owned();
        sources.extend(principal_policies(iam, caller, arn)?);
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
        ..PolicySet::default()
    };
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
            results.push(result_xml(
                action,
                resource,
                evaluate(&set, &request),
                &sources,
                &missing,
            ));
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

/// The inline policies of the user or role `arn` names.
fn principal_policies(iam: &Iam, caller: &Principal, arn: &str) -> Result<Vec<Source>, AwsError> {
    let not_found = || {
        AwsError::with_status(
            404,
            "NoSuchEntity",
            format!("The entity {arn} cannot be found."),
        )
    };
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
    let exists = match holder {
        Holder::User { account, name } => iam.user(account, name).map(|u| u.is_some()),
        Holder::Role { account, name } => iam.role(account, name).map(|_| true).or(Ok(false)),
        Holder::Group { account, name } => iam.group(account, name).map(|_| true).or(Ok(false)),
    }
    .map_err(|_| AwsError::internal("ServiceFailure"))?;
    if !exists {
        return Err(not_found());
    }
    // Inline policies (named) come first, then attached managed and group policies.
    let failure = |_| AwsError::internal("ServiceFailure");
    let names = iam.inline_policy_names(holder).map_err(failure)?;
    let policies = iam
        .identity_policies(holder)
        .map_err(|_| AwsError::internal("ServiceFailure"))?;
    Ok(policies
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
        .collect())
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

fn invalid(message: &str) -> AwsError {
    AwsError::client("InvalidInput", message.to_owned())
}
