//! Reading a policy document, with IAM's validation rules and messages.

use serde_json::{Map, Value};

use crate::model::{
    Condition, Effect, Names, OpKind, Operator, Policy, Principals, SetOp, Statement, Version,
};

/// What a policy is used as; each use has its own required and forbidden elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyUse {
    /// Attached to a user, group or role (and permissions boundaries): no `Principal`,
    /// `Resource` required.
    Identity,
    /// Attached to a resource, such as a key policy: `Principal` and `Resource` required.
    Resource,
    /// A role's trust policy: `Principal` required, no `Resource`.
    Trust,
    /// An account guardrail (service control policy): no `Principal`.
    ControlPolicy,
}

/// Why a document is not a valid policy; the message is IAM's `MalformedPolicyDocument` text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError(pub String);

impl std::fmt::Display for PolicyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PolicyError {}

fn err<T>(message: impl Into<String>) -> Result<T, PolicyError> {
    Err(PolicyError(message.into()))
}

/// Parses and validates `text` as a policy for `usage`.
pub fn parse(text: &str, usage: PolicyUse) -> Result<Policy, PolicyError> {
    let Ok(Value::Object(doc)) = serde_json::from_str::<Value>(text) else {
        return err("Syntax errors in policy.");
    };
    for key in doc.keys() {
        if !matches!(key.as_str(), "Version" | "Id" | "Statement") {
            return err(format!(
                "Policy document contains an unknown element: {key}."
            ));
        }
    }
    let version = match doc.get("Version") {
        None => Version::V2008,
        Some(Value::String(v)) if v == "2012-10-17" => Version::V2012,
        Some(Value::String(v)) if v == "2008-10-17" => Version::V2008,
        Some(_) => {
            return err(
                "The policy failed legacy parsing: Version must be 2012-10-17 or 2008-10-17.",
            );
        }
    };
    let id = match doc.get("Id") {
        None => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return err("Id must be a string."),
    };
    let statements = match doc.get("Statement") {
        Some(Value::Array(list)) if !list.is_empty() => list
            .iter()
            .map(|s| statement(s, usage))
            .collect::<Result<Vec<_>, _>>()?,
        Some(Value::Object(_)) => vec![statement(&doc["Statement"], usage)?],
        Some(_) => return err("Statement must be a statement or a non-empty list of statements."),
        None => return err("Missing required field Statement."),
    };
    let mut sids: Vec<&str> = statements.iter().filter_map(|s| s.sid.as_deref()).collect();
    sids.sort_unstable();
    if sids.windows(2).any(|w| w[0] == w[1]) {
        return err("Statement IDs (SID) in a single policy must be unique.");
    }
    Ok(Policy {
        version,
        id,
        statements,
    })
}

fn statement(value: &Value, usage: PolicyUse) -> Result<Statement, PolicyError> {
    let Value::Object(s) = value else {
        return err("Each statement must be a JSON object.");
    };
    for key in s.keys() {
        if !matches!(
            key.as_str(),
            "Sid"
                | "Effect"
                | "Principal"
                | "NotPrincipal"
                | "Action"
                | "NotAction"
                | "Resource"
                | "NotResource"
                | "Condition"
        ) {
            return err(format!("Statement contains an unknown element: {key}."));
        }
    }
    let sid = match s.get("Sid") {
        None => None,
        Some(Value::String(sid))
            if sid.chars().all(|c| c.is_ascii_alphanumeric()) || usage != PolicyUse::Identity =>
        {
            Some(sid.clone())
        }
        Some(Value::String(_)) => return err("Statement IDs (SID) must be alpha-numeric."),
        Some(_) => return err("Sid must be a string."),
    };
    let effect = match s.get("Effect").and_then(Value::as_str) {
        Some("Allow") => Effect::Allow,
        Some("Deny") => Effect::Deny,
        Some(other) => return err(format!("Invalid effect: {other}")),
        None => return err("Missing required field Effect."),
    };
    let action = names(s, "Action", "NotAction")?
        .ok_or_else(|| PolicyError("Policy statement must contain actions.".into()))?;
    for pattern in &action.patterns {
        if pattern != "*"
            && !pattern
                .split_once(':')
                .is_some_and(|(svc, op)| !svc.is_empty() && !op.is_empty())
        {
            return err(format!(
                "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc. Got '{pattern}'."
            ));
        }
    }
    let resource = names(s, "Resource", "NotResource")?;
    let (principal, principal_negated) = principals(s)?;
    match usage {
        PolicyUse::Identity | PolicyUse::ControlPolicy if principal.is_some() => {
            return err("Policy document should not specify a principal.");
        }
        PolicyUse::Resource | PolicyUse::Trust if principal.is_none() => {
            return err("Policy statement must contain a principal.");
        }
        PolicyUse::Identity | PolicyUse::Resource if resource.is_none() => {
            return err("Policy statement must contain resources.");
        }
        PolicyUse::Trust if resource.is_some() => {
            return err("Has prohibited field Resource.");
        }
        _ => {}
    }
    let conditions = match s.get("Condition") {
        None => Vec::new(),
        Some(Value::Object(block)) => conditions(block)?,
        Some(_) => return err("Condition must be a JSON object."),
    };
    Ok(Statement {
        sid,
        effect,
        principal,
        principal_negated,
        action,
        resource,
        conditions,
    })
}

/// A string or a list of strings.
fn strings(value: &Value, element: &str) -> Result<Vec<String>, PolicyError> {
    match value {
        Value::String(s) => Ok(vec![s.clone()]),
        Value::Array(items) if !items.is_empty() => items
            .iter()
            .map(|i| {
                i.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| PolicyError(format!("{element} must contain only strings.")))
            })
            .collect(),
        _ => err(format!(
            "{element} must be a string or a non-empty list of strings."
        )),
    }
}

fn names(s: &Map<String, Value>, plain: &str, not: &str) -> Result<Option<Names>, PolicyError> {
    match (s.get(plain), s.get(not)) {
        (Some(_), Some(_)) => err(format!("Statement cannot contain both {plain} and {not}.")),
        (Some(v), None) => Ok(Some(Names {
            negated: false,
            patterns: strings(v, plain)?,
        })),
        (None, Some(v)) => Ok(Some(Names {
            negated: true,
            patterns: strings(v, not)?,
        })),
        (None, None) => Ok(None),
    }
}

fn principals(s: &Map<String, Value>) -> Result<(Option<Principals>, bool), PolicyError> {
    let (value, negated) = match (s.get("Principal"), s.get("NotPrincipal")) {
        (Some(_), Some(_)) => {
            return err("Statement cannot contain both Principal and NotPrincipal.");
        }
        (Some(v), None) => (v, false),
        (None, Some(v)) => (v, true),
        (None, None) => return Ok((None, false)),
    };
    let parsed = match value {
        Value::String(star) if star == "*" => Principals::Any,
        Value::Object(map) if !map.is_empty() => {
            let mut listed = Vec::new();
            for (kind, ids) in map {
                if !matches!(
                    kind.as_str(),
                    "AWS" | "Service" | "Federated" | "CanonicalUser"
                ) {
                    return err(format!("Invalid principal in policy: {kind}"));
                }
                let ids = strings(ids, "Principal")?;
                if kind == "AWS" && !ids.iter().all(|id| valid_aws_principal(id)) {
                    return err("Invalid principal in policy");
                }
                listed.push((kind.clone(), ids));
            }
            Principals::Listed(listed)
        }
        _ => return err("Invalid principal in policy"),
    };
    Ok((Some(parsed), negated))
}

fn valid_aws_principal(id: &str) -> bool {
    id == "*"
        || neargate_common::ids::is_account_id(id)
        || neargate_common::Arn::parse(id).is_some_and(|a| a.service == "iam" || a.service == "sts")
}

fn conditions(block: &Map<String, Value>) -> Result<Vec<Condition>, PolicyError> {
    let mut out = Vec::new();
    for (name, keys) in block {
        let operator = operator(name)?;
        let Value::Object(keys) = keys else {
            return err(format!(
                "Condition operator {name} must map condition keys to values."
            ));
        };
        for (key, values) in keys {
            let values = match values {
                Value::Array(items) => items
                    .iter()
                    .map(value_text)
                    .collect::<Result<Vec<_>, _>>()?,
                single => vec![value_text(single)?],
            };
            out.push(Condition {
                operator,
                key: key.clone(),
                values,
            });
        }
    }
    Ok(out)
}

fn value_text(v: &Value) -> Result<String, PolicyError> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Number(n) => Ok(n.to_string()),
        _ => err("Condition values must be strings, numbers or booleans."),
    }
}

/// Parses an operator name such as `ForAnyValue:StringNotLikeIfExists`.
fn operator(name: &str) -> Result<Operator, PolicyError> {
    let invalid = || PolicyError(format!("Invalid Condition type : {name}"));
    let (set, rest) = match name.split_once(':') {
        Some(("ForAllValues", rest)) => (Some(SetOp::ForAllValues), rest),
        Some(("ForAnyValue", rest)) => (Some(SetOp::ForAnyValue), rest),
        Some(_) => return Err(invalid()),
        None => (None, name),
    };
    let (base, if_exists) = match rest.strip_suffix("IfExists") {
        Some(base) if base != "Null" => (base, true),
        Some(_) => return Err(invalid()),
        None => (rest, false),
    };
    let (kind, negated) = match base {
        "StringEquals" => (OpKind::StringEquals, false),
        "StringNotEquals" => (OpKind::StringEquals, true),
        "StringEqualsIgnoreCase" => (OpKind::StringEqualsIgnoreCase, false),
        "StringNotEqualsIgnoreCase" => (OpKind::StringEqualsIgnoreCase, true),
        "StringLike" => (OpKind::StringLike, false),
        "StringNotLike" => (OpKind::StringLike, true),
        "NumericEquals" => (OpKind::NumericEquals, false),
        "NumericNotEquals" => (OpKind::NumericEquals, true),
        "NumericLessThan" => (OpKind::NumericLessThan, false),
        "NumericLessThanEquals" => (OpKind::NumericLessThanEquals, false),
        "NumericGreaterThan" => (OpKind::NumericGreaterThan, false),
        "NumericGreaterThanEquals" => (OpKind::NumericGreaterThanEquals, false),
        "DateEquals" => (OpKind::DateEquals, false),
        "DateNotEquals" => (OpKind::DateEquals, true),
        "DateLessThan" => (OpKind::DateLessThan, false),
        "DateLessThanEquals" => (OpKind::DateLessThanEquals, false),
        "DateGreaterThan" => (OpKind::DateGreaterThan, false),
        "DateGreaterThanEquals" => (OpKind::DateGreaterThanEquals, false),
        "Bool" => (OpKind::Bool, false),
        "BinaryEquals" => (OpKind::BinaryEquals, false),
        "IpAddress" => (OpKind::IpAddress, false),
        "NotIpAddress" => (OpKind::IpAddress, true),
        "ArnEquals" | "ArnLike" => (OpKind::ArnLike, false),
        "ArnNotEquals" | "ArnNotLike" => (OpKind::ArnLike, true),
        "Null" => (OpKind::Null, false),
        _ => return Err(invalid()),
    };
    if kind == OpKind::Null && set.is_some() {
        return Err(invalid());
    }
    Ok(Operator {
        kind,
        negated,
        if_exists,
        set,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str, usage: PolicyUse) -> String {
        parse(text, usage).unwrap_err().0
    }

    #[test]
    fn parses_a_full_statement() {
        let p = parse(
            r#"{"Version":"2012-10-17","Statement":{"Sid":"A1","Effect":"Allow","Action":["ecs:CreateCluster"],
               "Resource":"*","Condition":{"ForAnyValue:StringNotLikeIfExists":{"ecs:fargate-ephemeral-storage-kms-key":["arn:*",7,true]}}}}"#,
            PolicyUse::Identity,
        )
        .unwrap();
        assert_eq!(p.version, Version::V2012);
        let c = &p.statements[0].conditions[0];
        assert_eq!(
            c.operator,
            Operator {
                kind: OpKind::StringLike,
                negated: true,
                if_exists: true,
                set: Some(SetOp::ForAnyValue)
            }
        );
        assert_eq!(c.values, ["arn:*", "7", "true"]);
    }

    #[test]
    fn refuses_what_iam_refuses() {
        use PolicyUse::*;
        let cases = [
            ("not json", Identity, "Syntax errors in policy."),
            (
                r#"{"Version":"2012-10-17"}"#,
                Identity,
                "Missing required field Statement.",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Resource":"*"}]}"#,
                Identity,
                "Policy statement must contain actions.",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Action":"s3:Get"}]}"#,
                Identity,
                "Policy statement must contain resources.",
            ),
            (
                r#"{"Statement":[{"Effect":"Maybe","Action":"s3:Get","Resource":"*"}]}"#,
                Identity,
                "Invalid effect: Maybe",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Action":"Get","Resource":"*"}]}"#,
                Identity,
                "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc. Got 'Get'.",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:Get","Resource":"*"}]}"#,
                Identity,
                "Policy document should not specify a principal.",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}"#,
                Resource,
                "Policy statement must contain a principal.",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Principal":{"Alien":"x"},"Action":"kms:*","Resource":"*"}]}"#,
                Resource,
                "Invalid principal in policy: Alien",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"bob"},"Action":"kms:*","Resource":"*"}]}"#,
                Resource,
                "Invalid principal in policy",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Action":"s3:Get","Resource":"*","Condition":{"StringSortOf":{"k":"v"}}}]}"#,
                Identity,
                "Invalid Condition type : StringSortOf",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Action":"s3:Get","Resource":"*","Condition":{"NullIfExists":{"k":"true"}}}]}"#,
                Identity,
                "Invalid Condition type : NullIfExists",
            ),
            (
                r#"{"Version":"2011-01-01","Statement":[]}"#,
                Identity,
                "The policy failed legacy parsing: Version must be 2012-10-17 or 2008-10-17.",
            ),
            (
                r#"{"Statement":[{"Sid":"a","Effect":"Allow","Action":"s3:Get","Resource":"*"},{"Sid":"a","Effect":"Deny","Action":"s3:Get","Resource":"*"}]}"#,
                Identity,
                "Statement IDs (SID) in a single policy must be unique.",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Action":"s3:Get","NotAction":"s3:Put","Resource":"*"}]}"#,
                Identity,
                "Statement cannot contain both Action and NotAction.",
            ),
            (
                r#"{"Statement":[{"Effect":"Allow","Principal":{"Service":"ecs.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}]}"#,
                Trust,
                "Has prohibited field Resource.",
            ),
        ];
        for (text, usage, expected) in cases {
            assert_eq!(message(text, usage), expected, "{text}");
        }
    }
}
