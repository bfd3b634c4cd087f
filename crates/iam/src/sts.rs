//! The STS API (query protocol): `GetCallerIdentity`, `GetSessionToken` and `AssumeRole`, each
//! an operation unit.

use std::sync::Arc;
use std::time::Duration;

use neargate_common::{AwsError, Common, Principal, PrincipalKind};
use neargate_model::sts::{
    AssumeRoleRequest, AssumeRoleResponse, AssumedRoleUser, Credentials, GetCallerIdentityRequest,
    GetCallerIdentityResponse, GetSessionTokenRequest, GetSessionTokenResponse, ops,
};
use neargate_model::{Access, ConditionKey, Handler, Question, Resource, SecretString, Time};
use serde_json::{Value, json};

use crate::domain::credentials::SessionOwner;
use crate::{Iam, IssuedSession};
use neargate_model::sts::Error as StsError;

impl Handler<ops::GetCallerIdentity, Principal> for Iam {
    /// Never denied, as on AWS.
    fn access(&self, _: &Principal, _: &GetCallerIdentityRequest) -> Result<Access<'_>, AwsError> {
        Ok(Access::always())
    }

    fn handle(
        &self,
        caller: &Principal,
        _: GetCallerIdentityRequest,
    ) -> Result<GetCallerIdentityResponse, AwsError> {
        Ok(GetCallerIdentityResponse {
            user_id: Some(caller.principal_id.clone()),
            account: Some(caller.account.clone()),
            arn: Some(caller.arn.clone()),
        })
    }
}

impl Handler<ops::GetSessionToken, Principal> for Iam {
    fn access(&self, _: &Principal, _: &GetSessionTokenRequest) -> Result<Access<'_>, AwsError> {
        Ok(Access::one(Question::plain("sts:GetSessionToken", "*")))
    }

    fn handle(
        &self,
        caller: &Principal,
        input: GetSessionTokenRequest,
    ) -> Result<GetSessionTokenResponse, AwsError> {
        if caller.session.is_some() {
            return Err(access_denied(
                "Cannot call GetSessionToken with session credentials",
            ));
        }
        if input.serial_number.is_some() || input.token_code.is_some() {
            return Err(access_denied(
                "MultiFactorAuthentication failed: no MFA device is registered for this user.",
            ));
        }
        let max = if caller.kind == PrincipalKind::Root {
            3_600
        } else {
            129_600
        };
        let seconds = duration(input.duration_seconds, 43_200, max)?;
        let Some(user_name) = caller.user_name.as_deref() else {
            return Err(access_denied("Only IAM users can call GetSessionToken"));
        };
        let user = self
            .user(&caller.account, user_name)
            .map_err(internal)?
            .ok_or_else(|| {
                AwsError::with_status(
                    403,
                    "InvalidClientTokenId",
                    "The security token included in the request is invalid.",
                )
            })?;
        let issued = self
            .issue_session(SessionOwner::User(&user), Duration::from_secs(seconds))
            .map_err(internal)?;
        Ok(GetSessionTokenResponse {
            credentials: Some(credentials(&issued)),
        })
    }

    /// The credentials' key id and expiry (never the secret or the token).
    fn response_elements(&self, output: &GetSessionTokenResponse, _: &[Resource]) -> Option<Value> {
        Some(json!({ "credentials": output.credentials.as_ref().map(trail_credentials) }))
    }
}

impl Handler<ops::AssumeRole, Principal> for Iam {
    /// `sts:AssumeRole` on the role, under its trust policy (with `sts:ExternalId`,
    /// `sts:RoleSessionName`, the role's tags and the session tags asked for); passing session
    /// tags also needs `sts:TagSession` under the same policy.
    fn access(&self, _: &Principal, input: &AssumeRoleRequest) -> Result<Access<'_>, AwsError> {
        let arn = input.role_arn.clone();
        let mut context: Vec<ConditionKey> = Vec::new();
        let mut key = |k: String, v: String| context.push((k, vec![v]));
        if let Some(external_id) = &input.external_id {
            key("sts:ExternalId".into(), external_id.clone());
        }
        key(
            "sts:RoleSessionName".into(),
            input.role_session_name.clone(),
        );
        let tags = input.tags.as_deref().unwrap_or_default();
        for tag in tags {
            key(format!("aws:RequestTag/{}", tag.key), tag.value.clone());
        }
        let role = self
            .role_by_arn(&arn)
            .map_err(|_| AwsError::internal("InternalFailure"))?;
        for (k, v) in role.iter().flat_map(|r| &r.tags) {
            key(format!("aws:ResourceTag/{k}"), v.clone());
            key(format!("iam:ResourceTag/{k}"), v.clone());
        }
        if !tags.is_empty() {
            context.push((
                "aws:TagKeys".into(),
                tags.iter().map(|t| t.key.clone()).collect(),
            ));
        }
        let trust = role.and_then(|r| {
            neargate_policy::parse(&r.trust_policy, neargate_policy::PolicyUse::Trust)
                .ok()
                .map(Arc::new)
        });
        let on_role = |action: &str| Question {
            action: action.to_owned(),
            resource: arn.clone(),
            policy: trust.clone(),
            policy_required: true,
            context: context.clone(),
            also_allowed: None,
            deferred: None,
        };
        let mut questions = vec![on_role("sts:AssumeRole")];
        if !tags.is_empty() {
            questions.push(on_role("sts:TagSession"));
        }
        Ok(Access {
            questions,
            resources: Vec::new(),
        })
    }

    /// Issues credentials for a session of the role (the caller was authorized against both its
    /// own policies and the role's trust policy).
    fn handle(
        &self,
        caller: &Principal,
        input: AssumeRoleRequest,
    ) -> Result<AssumeRoleResponse, AwsError> {
        refuse_unsupported(&input)?;
        let arn = &input.role_arn;
        let session_name = input.role_session_name.as_str();
        let role = self
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
        let seconds = duration(input.duration_seconds, 3_600, max)?;
        let policy = input.policy.as_deref();
        let policy_arns: Vec<String> = input
            .policy_arns
            .iter()
            .flatten()
            .filter_map(|p| p.arn.clone())
            .collect();
        // AWS takes at most 10, though its model does not say so.
        if policy_arns.len() > MAX_SESSION_POLICY_ARNS {
            return Err(Common::ValidationError.with(format!(
                "1 validation error detected: Value at 'policyArns' failed to satisfy \
                     constraint: Member must have length less than or equal to \
                     {MAX_SESSION_POLICY_ARNS}"
            )));
        }
        let packed = policy.map_or(0, |document| {
            document.chars().filter(|c| !c.is_whitespace()).count()
        }) + policy_arns.iter().map(String::len).sum::<usize>();
        if packed > SESSION_POLICY_CHARS {
            return Err(StsError::PackedPolicyTooLargeException
                .with("Packed size of the session policy exceeds the limit."));
        }
        if let Some(document) = policy {
            neargate_policy::parse(document, neargate_policy::PolicyUse::Identity)
                .map_err(|e| StsError::MalformedPolicyDocumentException.with(e.0))?;
        }
        let tags: Vec<(String, String)> = input
            .tags
            .iter()
            .flatten()
            .map(|t| (t.key.clone(), t.value.clone()))
            .collect();
        let owner = SessionOwner::Role {
            role: &role,
            session_name,
            policy,
            policy_arns: &policy_arns,
            tags: &tags,
        };
        let issued = self
            .issue_session(owner, Duration::from_secs(seconds))
            .map_err(internal)?;
        Ok(AssumeRoleResponse {
            credentials: Some(credentials(&issued)),
            assumed_role_user: Some(AssumedRoleUser {
                assumed_role_id: format!("{}:{session_name}", role.role_id),
                arn: format!(
                    "arn:aws:sts::{}:assumed-role/{}/{session_name}",
                    role.account, role.name
                ),
            }),
            ..Default::default()
        })
    }

    /// The credentials' key id and expiry, and the assumed role user.
    fn response_elements(&self, output: &AssumeRoleResponse, _: &[Resource]) -> Option<Value> {
        let user = output.assumed_role_user.as_ref();
        Some(json!({
            "credentials": output.credentials.as_ref().map(trail_credentials),
            "assumedRoleUser": {
                "assumedRoleId": user.map(|u| &u.assumed_role_id),
                "arn": user.map(|u| &u.arn),
            },
        }))
    }
}

/// What `AssumeRole` accepts but this endpoint cannot honour yet is refused, not ignored.
fn refuse_unsupported(input: &AssumeRoleRequest) -> Result<(), AwsError> {
    if input.serial_number.is_some() || input.token_code.is_some() {
        return Err(access_denied(
            "MultiFactorAuthentication failed: no MFA device is registered for this user.",
        ));
    }
    let unsupported = [
        ("TransitiveTagKeys", input.transitive_tag_keys.is_some()),
        ("SourceIdentity", input.source_identity.is_some()),
        ("ProvidedContexts", input.provided_contexts.is_some()),
    ];
    match unsupported.iter().find(|(_, given)| *given) {
        Some((member, _)) => {
            Err(Common::ValidationError
                .with(format!("{member} is not supported by this endpoint.")))
        }
        None => Ok(()),
    }
}

/// Managed session policies may number this many, as on AWS.
const MAX_SESSION_POLICY_ARNS: usize = 10;

/// Session policies may be this long, as packed by AWS.
const SESSION_POLICY_CHARS: usize = 2_048;

/// The credentials of a session, for the caller alone.
fn credentials(issued: &IssuedSession) -> Credentials {
    Credentials {
        access_key_id: issued.access_key_id.clone(),
        secret_access_key: SecretString::new(issued.secret_access_key.expose().to_owned()),
        session_token: issued.session_token.expose().to_owned(),
        expiration: Time(issued.expiration),
    }
}

/// What the trail keeps of credentials: the key id and the expiry (ISO 8601).
fn trail_credentials(credentials: &Credentials) -> Value {
    json!({
        "accessKeyId": credentials.access_key_id,
        "expiration": credentials.expiration.0.to_iso8601(),
    })
}

/// `DurationSeconds` (the model has checked its lower bound), `default` when absent, refused
/// above `max` as AWS refuses it.
fn duration(asked: Option<i32>, default: u64, max: u64) -> Result<u64, AwsError> {
    let Some(value) = asked else {
        return Ok(default.min(max));
    };
    let value = u64::try_from(value).unwrap_or(0);
    if value > max {
        return Err(Common::ValidationError.with(format!(
            "1 validation error detected: Value '{value}' at 'durationSeconds' failed to \
                 satisfy constraint: Member must have value less than or equal to {max}"
        )));
    }
    Ok(value)
}

fn access_denied(message: &str) -> AwsError {
    Common::AccessDenied.with(message)
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

    fn session_token(
        iam: &Iam,
        caller: &Principal,
        seconds: Option<i32>,
    ) -> Result<GetSessionTokenResponse, AwsError> {
        let input = GetSessionTokenRequest {
            duration_seconds: seconds,
            ..Default::default()
        };
        Handler::<ops::GetSessionToken, _>::handle(iam, caller, input)
    }

    #[test]
    fn caller_identity_names_the_user() {
        let (iam, caller) = setup();
        let output = Handler::<ops::GetCallerIdentity, _>::handle(
            &iam,
            &caller,
            GetCallerIdentityRequest::default(),
        )
        .unwrap();
        assert_eq!(output.account.as_deref(), Some("123456789012"));
        assert_eq!(
            output.arn.as_deref(),
            Some("arn:aws:iam::123456789012:user/admin")
        );
    }

    #[test]
    fn session_tokens_resolve_and_cannot_chain() {
        let (iam, caller) = setup();
        let output = session_token(&iam, &caller, Some(900)).unwrap();
        let credentials = output.credentials.clone().unwrap();
        let trail = Handler::<ops::GetSessionToken, _>::response_elements(&iam, &output, &[])
            .unwrap()
            .to_string();
        assert!(
            !trail.contains("secret") && !trail.contains("sessionToken"),
            "{trail}"
        );
        let resolved = iam.resolve(&credentials.access_key_id).unwrap().unwrap();
        let token = credentials.session_token.as_str();
        assert!(resolved.token.token_matches(Some(token)));
        assert!(!resolved.token.token_matches(Some("forged")));
        assert!(!resolved.token.token_matches(None));
        let err = session_token(&iam, &resolved.identity.principal.clone(), None).unwrap_err();
        assert_eq!((err.code.as_ref(), err.status), ("AccessDenied", 403));
    }

    #[test]
    fn duration_beyond_the_callers_limit_is_refused() {
        let (iam, caller) = setup();
        let err = session_token(&iam, &caller, Some(129_601)).unwrap_err();
        assert_eq!(err.code, "ValidationError");
        assert!(session_token(&iam, &caller, Some(129_600)).is_ok());
    }
}
