//! `SimulateCustomPolicy` and `SimulatePrincipalPolicy`: what the policy engine would decide,
//! with the deciding statements and the condition keys the request lacked.

use std::sync::Arc;

use neargate_common::{AwsError, Principal};
use neargate_model::iam::Error as IamCode;
use neargate_model::iam::{
    ContextEntry, EvaluationResult, PermissionsBoundaryDecisionDetail,
    PolicyEvaluationDecisionType, SimulateCustomPolicyRequest, SimulatePolicyResponse,
    SimulatePrincipalPolicyRequest, Statement, ops,
};
use neargate_model::{Access, Handler, Question};
use neargate_policy::{
    Context, Decision, DenyReason, Policy, PolicySet, PolicyUse, Request, RequestPrincipal,
    evaluate,
};

use crate::Iam;
use crate::domain::records::Holder;

/// A policy under simulation, with the id and type the answer names it by.
struct Source {
    id: String,
    kind: &'static str,
    policy: Arc<Policy>,
}

/// What both simulations take.
struct Simulation<'a> {
    /// `SimulatePrincipalPolicy`'s user, group or role.
    source: Option<&'a str>,
    policies: &'a [String],
    boundaries: &'a [String],
    resource_policy: Option<&'a str>,
    actions: &'a [String],
    resources: &'a [String],
    context: &'a [ContextEntry],
    caller_arn: Option<&'a str>,
    /// What this endpoint does not simulate: refused if given.
    resource_handling_option: Option<&'a str>,
    resource_owner: Option<&'a str>,
    max_items: Option<i32>,
    marker: Option<&'a str>,
}

/// Runs a simulation.
fn simulate(
    iam: &Iam,
    caller: &Principal,
    asked: &Simulation<'_>,
) -> Result<SimulatePolicyResponse, AwsError> {
    if asked.resource_handling_option.is_some() || asked.resource_owner.is_some() {
        return Err(invalid(
            "ResourceHandlingOption and ResourceOwner are not supported by this endpoint.",
        ));
    }
    let mut sources = Vec::new();
    let mut subject = caller.arn.clone();
    let mut boundary = None;
    if let Some(arn) = asked.source {
        subject = arn.to_owned();
        let (policies, entity_boundary) = principal_policies(iam, caller, arn)?;
        sources.extend(policies);
        boundary = entity_boundary;
    }
    // A boundary given to simulate stands in for the entity's own.
    match asked.boundaries {
        [] => {}
        [text] => {
            let policy = neargate_policy::parse(text, PolicyUse::Identity)
                .map_err(|e| invalid(&format!("PermissionsBoundaryPolicyInputList.1: {e}")))?;
            boundary = Some(Arc::new(policy));
        }
        _ => return Err(invalid("Only one permissions boundary may be simulated.")),
    }
    for (i, text) in asked.policies.iter().enumerate() {
        let policy = neargate_policy::parse(text, PolicyUse::Identity)
            .map_err(|e| invalid(&format!("PolicyInputList.{}: {e}", i + 1)))?;
        sources.push(Source {
            id: format!("PolicyInputList.{}", i + 1),
            kind: "none",
            policy: Arc::new(policy),
        });
    }
    if asked.source.is_none() && sources.is_empty() {
        return Err(invalid("PolicyInputList must contain at least one policy."));
    }
    let resource_policy = match asked.resource_policy {
        Some(text) => Some(
            neargate_policy::parse(text, PolicyUse::Resource)
                .map_err(|e| invalid(&format!("ResourcePolicy: {e}")))?,
        ),
        None => None,
    };
    if asked.actions.is_empty() {
        return Err(invalid("ActionNames must contain at least one action."));
    }
    let every = ["*".to_owned()];
    let resources = if asked.resources.is_empty() {
        &every[..]
    } else {
        asked.resources
    };
    let context = context_entries(asked.context);
    let caller_arn = asked.caller_arn.map_or(subject, str::to_owned);
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
    for action in asked.actions {
        for resource in resources {
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
            let mut result = result_of(
                action,
                resource,
                evaluate(&set, &request),
                &sources,
                &missing,
            );
            if let Some(alone) = &boundary_only {
                result.permissions_boundary_decision_detail =
                    Some(PermissionsBoundaryDecisionDetail {
                        allowed_by_permissions_boundary: Some(evaluate(alone, &request).allowed()),
                    });
            }
            results.push(result);
        }
    }
    let max = asked
        .max_items
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(100);
    let start = match asked.marker {
        None => 0,
        Some(marker) => marker
            .strip_prefix("result-")
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| *n <= results.len())
            .ok_or_else(|| invalid("Invalid Marker."))?,
    };
    let end = start.saturating_add(max).min(results.len());
    let more = end < results.len();
    Ok(SimulatePolicyResponse {
        evaluation_results: Some(results.drain(start..end).collect()),
        is_truncated: Some(more),
        marker: more.then(|| format!("result-{end}")),
    })
}

/// What a simulation request of either kind asks, for `source` and `policies`.
macro_rules! simulation {
    ($input:ident, $source:expr, $policies:expr) => {
        Simulation {
            source: $source,
            policies: $policies,
            boundaries: $input
                .permissions_boundary_policy_input_list
                .as_deref()
                .unwrap_or_default(),
            resource_policy: $input.resource_policy.as_deref(),
            actions: &$input.action_names,
            resources: $input.resource_arns.as_deref().unwrap_or_default(),
            context: $input.context_entries.as_deref().unwrap_or_default(),
            caller_arn: $input.caller_arn.as_deref(),
            resource_handling_option: $input.resource_handling_option.as_deref(),
            resource_owner: $input.resource_owner.as_deref(),
            max_items: $input.max_items,
            marker: $input.marker.as_deref(),
        }
    };
}

impl Handler<ops::SimulateCustomPolicy, Principal> for Iam {
    fn access(
        &self,
        caller: &Principal,
        _: &SimulateCustomPolicyRequest,
    ) -> Result<Access<'_>, AwsError> {
        Ok(Access::one(Question::plain(
            "iam:SimulateCustomPolicy",
            caller.arn.clone(),
        )))
    }

    fn handle(
        &self,
        caller: &Principal,
        input: SimulateCustomPolicyRequest,
    ) -> Result<SimulatePolicyResponse, AwsError> {
        let asked = simulation!(input, None, &input.policy_input_list);
        simulate(self, caller, &asked)
    }
}

impl Handler<ops::SimulatePrincipalPolicy, Principal> for Iam {
    fn access(
        &self,
        caller: &Principal,
        _: &SimulatePrincipalPolicyRequest,
    ) -> Result<Access<'_>, AwsError> {
        Ok(Access::one(Question::plain(
            "iam:SimulatePrincipalPolicy",
            caller.arn.clone(),
        )))
    }

    fn handle(
        &self,
        caller: &Principal,
        input: SimulatePrincipalPolicyRequest,
    ) -> Result<SimulatePolicyResponse, AwsError> {
        let policies = input.policy_input_list.as_deref().unwrap_or_default();
        let asked = simulation!(input, Some(&input.policy_source_arn), policies);
        simulate(self, caller, &asked)
    }
}

fn result_of(
    action: &str,
    resource: &str,
    decision: Decision,
    sources: &[Source],
    missing: &[String],
) -> EvaluationResult {
    let (text, deciding) = match decision {
        Decision::Allow(_, policy, _) => (PolicyEvaluationDecisionType::Allowed, Some(policy)),
        Decision::Deny(DenyReason::Explicit(_), Some((policy, _))) => {
            (PolicyEvaluationDecisionType::ExplicitDeny, Some(policy))
        }
        Decision::Deny(DenyReason::Explicit(_), None) => {
            (PolicyEvaluationDecisionType::ExplicitDeny, None)
        }
        Decision::Deny(DenyReason::NotAllowed(_), _) => {
            (PolicyEvaluationDecisionType::ImplicitDeny, None)
        }
    };
    let matched = deciding
        .and_then(|i| sources.get(i))
        .map(|s| Statement {
            source_policy_id: Some(s.id.clone()),
            source_policy_type: Some(s.kind.into()),
            ..Statement::default()
        })
        .into_iter()
        .collect();
    EvaluationResult {
        eval_action_name: action.to_owned(),
        eval_resource_name: Some(resource.to_owned()),
        eval_decision: text,
        matched_statements: Some(matched),
        missing_context_values: Some(missing.to_vec()),
        eval_decision_details: None,
        organizations_decision_detail: None,
        permissions_boundary_decision_detail: None,
        resource_specific_results: None,
    }
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

/// The simulated request's context: each entry's name and values (the policy engine reads
/// values by the condition operator that tests them).
fn context_entries(entries: &[ContextEntry]) -> Context {
    let mut ctx = Context::new();
    for entry in entries {
        if let Some(name) = &entry.context_key_name {
            ctx.set_all(name, entry.context_key_values.clone().unwrap_or_default());
        }
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
