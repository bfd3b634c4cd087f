//! The STS API (query protocol): `GetCallerIdentity` and `GetSessionToken`.

use std::time::Duration;

use neargate_common::{AwsError, Principal, PrincipalKind};
use neargate_wire::{Output, QueryParams, Reply, Xml};
use serde_json::json;

use crate::domain::credentials::SessionOwner;
use crate::{Iam, IssuedSession};

/// STS's API version.
const VERSION: &str = "2011-06-15";

/// Runs the STS `operation` for `caller`.
pub fn handle(
    iam: &Iam,
    caller: &Principal,
    operation: &str,
    params: &QueryParams,
) -> Result<Reply, AwsError> {
    match operation {
        "GetCallerIdentity" => Ok(get_caller_identity(caller)),
        "GetSessionToken" => get_session_token(iam, caller, params),
        "AssumeRole" => assume_role(iam, caller, params),
        _ => Err(AwsError::client(
            "InvalidAction",
            format!("Could not find operation {operation} for version {VERSION}"),
        )),
    }
}

fn get_caller_identity(caller: &Principal) -> Reply {
    Reply::quiet(Output::Xml(vec![
        Xml::Text("UserId", caller.principal_id.clone()),
        Xml::Text("Account", caller.account.clone()),
        Xml::Text("Arn", caller.arn.clone()),
    ]))
}

fn get_session_token(
    iam: &Iam,
    caller: &Principal,
    params: &QueryParams,
) -> Result<Reply, AwsError> {
    if caller.session.is_some() {
        return Err(access_denied(
            "Cannot call GetSessionToken with session credentials",
        ));
    }
    if params.get("SerialNumber").is_some() || params.get("TokenCode").is_some() {
        return Err(access_denied(
            "MultiFactorAuthentication failed: no MFA device is registered for this user.",
        ));
    }
    let max = if caller.kind == PrincipalKind::Root {
        3_600
    } else {
        129_600
    };
    let seconds = duration_seconds(params, 900, max)?;
    let Some(user_name) = caller.user_name.as_deref() else {
        return Err(access_denied("Only IAM users can call GetSessionToken"));
    };
    let user = iam
        .user(&caller.account, user_name)
        .map_err(internal)?
        .ok_or_else(|| {
            AwsError::with_status(
                403,
                "InvalidClientTokenId",
                "The security token included in the request is invalid.",
            )
        })?;
    let issued = iam
        .issue_session(SessionOwner::User(&user), Duration::from_secs(seconds))
        .map_err(internal)?;
    let expiration = issued.expiration.to_iso8601();
    let output = Output::Xml(vec![credentials_xml(&issued)]);
    let trail =
        json!({ "credentials": { "accessKeyId": issued.access_key_id, "expiration": expiration } });
    Ok(Reply {
        output,
        response_elements: Some(trail),
    })
}

/// Session policies may be this long, as packed by AWS.
const SESSION_POLICY_CHARS: usize = 2_048;

/// Issues credentials for a session of the role `RoleArn`. The caller was authorized by the
/// pipeline against both its own policies and the role's trust policy.
fn assume_role(iam: &Iam, caller: &Principal, params: &QueryParams) -> Result<Reply, AwsError> {
    let arn = params.get("RoleArn").ok_or_else(|| missing("roleArn"))?;
    let session_name = params
        .get("RoleSessionName")
        .ok_or_else(|| missing("roleSessionName"))?;
    let valid_name = (2..=64).contains(&session_name.chars().count())
        && session_name
            .chars()
            .all(|c| c.is_alphanumeric() || "_+=,.@-".contains(c));
    if !valid_name {
        return Err(AwsError::client(
            "ValidationError",
            format!(
                "1 validation error detected: Value '{session_name}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]{{2,64}}"
            ),
        ));
    }
    let role = iam
        .role_by_arn(arn)
        .map_err(|_| AwsError::internal("InternalFailure"))?
        .ok_or_else(|| {
            access_denied(&format!(
                "User: {} is not authorized to perform: sts:AssumeRole on resource: {arn}",
                caller.arn
            ))
        })?;
    // Role chaining (a role session assuming a role) is limited to one hour, as on AWS.
    let max = if caller.issuer.is_some() {
        3_600
    } else {
        role.max_session_secs
    };
    let seconds = params
        .get("DurationSeconds")
        .map_or(Ok(3_600.min(max)), |_| duration_seconds(params, 900, max))?;
    let policy = params.get("Policy");
    let policy_arns = session_policy_arns(params)?;
    let packed = policy.map_or(0, |document| {
        document.chars().filter(|c| !c.is_whitespace()).count()
    }) + policy_arns.iter().map(String::len).sum::<usize>();
    if packed > SESSION_POLICY_CHARS {
        return Err(AwsError::client(
            "PackedPolicyTooLarge",
            "Packed size of the session policy exceeds the limit.",
        ));
    }
    if let Some(document) = policy {
        neargate_policy::parse(document, neargate_policy::PolicyUse::Identity)
            .map_err(|e| AwsError::client("MalformedPolicyDocument", e.0))?;
    }
    let tags = crate::iam_api::request_tags(params);
    if tags.len() > 50 {
        return Err(AwsError::client(
            "ValidationError",
            "A session may carry at most 50 tags.",
        ));
    }
    let owner = SessionOwner::Role {
        role: &role,
        session_name,
        policy,
        policy_arns: &policy_arns,
        tags: &tags,
    };
    let issued = iam
        .issue_session(owner, Duration::from_secs(seconds))
        .map_err(internal)?;
    let expiration = issued.expiration.to_iso8601();
    let assumed_arn = format!(
        "arn:aws:sts::{}:assumed-role/{}/{session_name}",
        role.account, role.name
    );
    let assumed_id = format!("{}:{session_name}", role.role_id);
    let output = Output::Xml(vec![
        credentials_xml(&issued),
        Xml::Node(
            "AssumedRoleUser",
            vec![
                Xml::Text("AssumedRoleId", assumed_id.clone()),
                Xml::Text("Arn", assumed_arn.clone()),
            ],
        ),
    ]);
    let trail = json!({
        "credentials": { "accessKeyId": issued.access_key_id, "expiration": expiration },
        "assumedRoleUser": { "assumedRoleId": assumed_id, "arn": assumed_arn },
    });
    Ok(Reply {
        output,
        response_elements: Some(trail),
    })
}

/// Managed session policies may number this many, as on AWS.
const MAX_SESSION_POLICY_ARNS: usize = 10;

/// `PolicyArns.member.N.arn`: the managed session policies, at most 10 ARNs of 20 to 2,048
/// characters. A policy that does not exist (or is deleted later) allows nothing in the
/// session, so a session is never wider than asked.
fn session_policy_arns(params: &QueryParams) -> Result<Vec<String>, AwsError> {
    let arns: Vec<String> = (1..)
        .map_while(|n| params.get(&format!("PolicyArns.member.{n}.arn")))
        .map(str::to_owned)
        .collect();
    if arns.len() > MAX_SESSION_POLICY_ARNS {
        return Err(AwsError::client(
            "ValidationError",
            format!(
                "1 validation error detected: Value at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to {MAX_SESSION_POLICY_ARNS}"
            ),
        ));
    }
    if let Some(arn) = arns
        .iter()
        .find(|a| !(20..=2048).contains(&a.chars().count()))
    {
        return Err(AwsError::client(
            "ValidationError",
            format!(
                "1 validation error detected: Value '{arn}' at 'policyArns.member.arn' failed to satisfy constraint: Member must have length between 20 and 2048"
            ),
        ));
    }
    Ok(arns)
}

/// The `Credentials` element of an STS response (the secret and token go to the caller only).
fn credentials_xml(issued: &IssuedSession) -> Xml {
    Xml::Node(
        "Credentials",
        vec![
            Xml::Text("AccessKeyId", issued.access_key_id.clone()),
            Xml::Text(
                "SecretAccessKey",
                issued.secret_access_key.expose().to_owned(),
            ),
            Xml::Text("SessionToken", issued.session_token.expose().to_owned()),
            Xml::Text("Expiration", issued.expiration.to_iso8601()),
        ],
    )
}

fn missing(member: &str) -> AwsError {
    AwsError::client(
        "ValidationError",
        format!(
            "1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null"
        ),
    )
}

/// Reads `DurationSeconds` (default 43,200, clamped into range as AWS validates it).
fn duration_seconds(params: &QueryParams, min: u64, max: u64) -> Result<u64, AwsError> {
    let Some(text) = params.get("DurationSeconds") else {
        return Ok(43_200.min(max));
    };
    let value: i64 = text.parse().map_err(|_| {
        AwsError::client(
            "ValidationError",
            format!("1 validation error detected: Value '{text}' at 'durationSeconds' failed to satisfy constraint: Member must be a number"),
        )
    })?;
    if value < i64::try_from(min).unwrap_or(i64::MAX) {
        return Err(AwsError::client(
            "ValidationError",
            format!(
                "1 validation error detected: Value '{value}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to {min}"
            ),
        ));
    }
    if value > i64::try_from(max).unwrap_or(i64::MAX) {
        return Err(AwsError::client(
            "ValidationError",
            format!(
                "1 validation error detected: Value '{value}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to {max}"
            ),
        ));
    }
    Ok(u64::try_from(value).unwrap_or(min))
}

fn access_denied(message: &str) -> AwsError {
    AwsError::with_status(403, "AccessDenied", message)
}

fn internal(e: neargate_store::StoreError) -> AwsError {
    tracing::error!(error = %e, "store failure in STS");
    AwsError::internal("InternalFailure")
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use neargate_common::{ManualClock, Timestamp};
    use neargate_store::Db;

    use super::*;

    fn setup() -> (Iam, Principal) {
        let clock = Arc::new(ManualClock::new(Timestamp::from_secs(1_700_000_000)));
        let iam = Iam::new(Db::memory(), clock, crate::test_root_key());
        let boot = iam.bootstrap(Some("123456789012")).unwrap().unwrap();
        let caller = iam
            .resolve(&boot.access_key_id)
            .unwrap()
            .unwrap()
            .identity
            .principal
            .as_ref()
            .clone();
        (iam, caller)
    }

    #[test]
    fn caller_identity_names_the_user() {
        let (iam, caller) = setup();
        let reply = handle(&iam, &caller, "GetCallerIdentity", &QueryParams::default()).unwrap();
        let Output::Xml(nodes) = reply.output else {
            panic!("xml")
        };
        assert_eq!(nodes[1], Xml::Text("Account", "123456789012".into()));
        assert_eq!(
            nodes[2],
            Xml::Text("Arn", "arn:aws:iam::123456789012:user/admin".into())
        );
    }

    #[test]
    fn session_tokens_resolve_and_cannot_chain() {
        let (iam, caller) = setup();
        let reply = handle(
            &iam,
            &caller,
            "GetSessionToken",
            &QueryParams::parse("DurationSeconds=900").unwrap(),
        )
        .unwrap();
        let trail = reply.response_elements.unwrap().to_string();
        assert!(
            !trail.contains("secret") && !trail.contains("sessionToken"),
            "{trail}"
        );
        let Output::Xml(nodes) = reply.output else {
            panic!("xml")
        };
        let Xml::Node(_, creds) = &nodes[0] else {
            panic!("node")
        };
        let (Xml::Text(_, akid), Xml::Text(_, token)) = (&creds[0], &creds[2]) else {
            panic!("text")
        };
        let resolved = iam.resolve(akid).unwrap().unwrap();
        assert!(resolved.token.token_matches(Some(token)));
        assert!(!resolved.token.token_matches(Some("forged")));
        assert!(!resolved.token.token_matches(None));
        let err = handle(
            &iam,
            &resolved.identity.principal.clone(),
            "GetSessionToken",
            &QueryParams::default(),
        )
        .unwrap_err();
        assert_eq!((err.code.as_ref(), err.status), ("AccessDenied", 403));
    }

    #[test]
    fn duration_is_validated() {
        let (iam, caller) = setup();
        for bad in ["899", "129601", "x"] {
            let params = QueryParams::parse(&format!("DurationSeconds={bad}")).unwrap();
            let err = handle(&iam, &caller, "GetSessionToken", &params).unwrap_err();
            assert_eq!(err.code, "ValidationError", "{bad}");
        }
        let err = handle(&iam, &caller, "Nope", &QueryParams::default()).unwrap_err();
        assert_eq!(err.code, "InvalidAction");
    }
}
