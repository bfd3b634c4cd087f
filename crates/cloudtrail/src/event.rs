//! The CloudTrail event record, in AWS's JSON format.

use std::borrow::Cow;
use std::net::IpAddr;
use std::sync::Arc;

use neargate_common::{Principal, PrincipalKind, Timestamp};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

/// The record format version Neargate writes.
const EVENT_VERSION: &str = "1.11";

/// What the request pipeline knows about a finished call.
#[derive(Debug, Clone)]
pub struct CallFacts {
    /// When the call arrived.
    pub time: Timestamp,
    /// The caller; `None` when authentication failed before a principal was known.
    pub principal: Arc<Principal>,
    /// Set when a service made the call on the principal's behalf, e.g. `fargate.amazonaws.com`.
    pub invoked_by: Option<String>,
    /// `kms.amazonaws.com`, ...
    pub event_source: &'static str,
    /// The operation.
    pub event_name: String,
    /// The region.
    pub region: String,
    /// The client address.
    pub source_ip: IpAddr,
    /// The client's `User-Agent`.
    pub user_agent: String,
    /// The request id returned to the client.
    pub request_id: String,
    /// Whether the operation only reads.
    pub read_only: bool,
    /// Request parameters with secrets removed.
    pub request_parameters: Option<Value>,
    /// Response elements with secrets removed.
    pub response_elements: Option<Value>,
    /// The error code, for failed calls.
    pub error_code: Option<String>,
    /// The error message, for failed calls.
    pub error_message: Option<String>,
    /// Resources touched: (type, ARN).
    pub resources: Vec<(String, String)>,
}

/// An event: CloudTrail's JSON text, plus the fields `LookupEvents` filters and returns.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRecord {
    /// The event id (UUID).
    pub event_id: String,
    /// The operation.
    pub event_name: String,
    /// Whether it only read.
    pub read_only: bool,
    /// The signing access key, if any.
    pub access_key_id: Option<String>,
    /// When it happened (whole seconds, as `eventTime` records it).
    pub event_time: Timestamp,
    /// The service's event source.
    pub event_source: Cow<'static, str>,
    /// The user name (or principal name) CloudTrail shows.
    pub username: Option<String>,
    /// Resources as (type, name).
    pub resources: Vec<(String, String)>,
    /// The account whose trail holds it.
    pub account: String,
    /// The region.
    pub region: String,
    /// The whole record as CloudTrail's JSON text; this is what is stored.
    pub cloudtrail_event: String,
}

/// CloudTrail's record layout, written field by field.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Record<'a> {
    event_version: &'static str,
    user_identity: UserIdentity<'a>,
    event_time: String,
    event_source: &'a str,
    event_name: &'a str,
    aws_region: &'a str,
    #[serde(rename = "sourceIPAddress")]
    source_ip_address: &'a str,
    user_agent: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_code: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_message: Option<&'a str>,
    request_parameters: &'a Option<Value>,
    response_elements: &'a Option<Value>,
    #[serde(rename = "requestID")]
    request_id: &'a str,
    #[serde(rename = "eventID")]
    event_id: &'a str,
    read_only: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    resources: Vec<Resource<'a>>,
    event_type: &'static str,
    management_event: bool,
    recipient_account_id: &'a str,
    event_category: &'static str,
}

#[derive(Serialize, Deserialize)]
struct Resource<'a> {
    #[serde(rename = "accountId", skip_serializing_if = "Option::is_none")]
    account_id: Option<&'a str>,
    #[serde(rename = "type")]
    kind: std::borrow::Cow<'a, str>,
    #[serde(rename = "ARN")]
    arn: std::borrow::Cow<'a, str>,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct UserIdentity<'a> {
    #[serde(rename = "type")]
    kind: std::borrow::Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    principal_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    arn: Option<std::borrow::Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    account_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    access_key_id: Option<std::borrow::Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    user_name: Option<std::borrow::Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    session_context: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    invoked_by: Option<std::borrow::Cow<'a, str>>,
}

/// The fields of a stored record that lookups need.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct StoredView<'a> {
    #[serde(rename = "eventID")]
    event_id: String,
    event_name: String,
    read_only: bool,
    event_time: String,
    event_source: String,
    aws_region: String,
    recipient_account_id: String,
    #[serde(borrow)]
    user_identity: UserIdentity<'a>,
    #[serde(default, borrow)]
    resources: Vec<Resource<'a>>,
}

impl EventRecord {
    /// Builds the record of a call, with `event_id`.
    pub fn from_call(facts: CallFacts, event_id: String) -> Self {
        let p = &facts.principal;
        let invoked_by = facts.invoked_by.as_deref();
        let source_ip = facts.source_ip.to_string();
        let record = Record {
            event_version: EVENT_VERSION,
            user_identity: user_identity(p, invoked_by),
            event_time: facts.time.to_iso8601(),
            event_source: facts.event_source,
            event_name: &facts.event_name,
            aws_region: &facts.region,
            source_ip_address: invoked_by.unwrap_or(&source_ip),
            user_agent: invoked_by.unwrap_or(&facts.user_agent),
            error_code: facts.error_code.as_deref(),
            error_message: facts
                .error_code
                .as_ref()
                .map(|_| facts.error_message.as_deref().unwrap_or("")),
            request_parameters: &facts.request_parameters,
            response_elements: &facts.response_elements,
            request_id: &facts.request_id,
            event_id: &event_id,
            read_only: facts.read_only,
            resources: facts
                .resources
                .iter()
                .map(|(kind, arn)| Resource {
                    account_id: Some(&p.account),
                    kind: kind.into(),
                    arn: arn.into(),
                })
                .collect(),
            event_type: "AwsApiCall",
            management_event: true,
            recipient_account_id: &p.account,
            event_category: "Management",
        };
        let mut text = Vec::with_capacity(1024);
        // Serializing plain strings, numbers and JSON values cannot fail.
        serde_json::to_writer(&mut text, &record).expect("an event record serializes");
        // serde_json writes UTF-8 only.
        let cloudtrail_event = String::from_utf8(text).expect("JSON text is UTF-8");
        Self {
            event_id,
            read_only: facts.read_only,
            access_key_id: p.access_key_id.clone(),
            event_time: Timestamp::from_secs(facts.time.secs()),
            event_source: Cow::Borrowed(facts.event_source),
            username: username(p),
            account: p.account.clone(),
            event_name: facts.event_name,
            resources: facts.resources,
            region: facts.region,
            cloudtrail_event,
        }
    }

    /// Reads a stored record back; `None` if the text is not a CloudTrail record.
    pub fn parse(text: &str) -> Option<Self> {
        let view: StoredView<'_> = serde_json::from_str(text).ok()?;
        let identity = &view.user_identity;
        let username = match identity.kind.as_ref() {
            "AWSService" => None,
            "Root" => Some("root".to_owned()),
            _ => identity
                .user_name
                .as_deref()
                .map(str::to_owned)
                .or_else(|| {
                    identity
                        .arn
                        .as_deref()
                        .and_then(|a| a.rsplit('/').next())
                        .map(str::to_owned)
                }),
        };
        Some(Self {
            event_time: Timestamp::parse_iso8601(&view.event_time)?,
            access_key_id: identity.access_key_id.as_deref().map(str::to_owned),
            username,
            resources: view
                .resources
                .iter()
                .map(|r| (r.kind.to_string(), r.arn.to_string()))
                .collect(),
            event_id: view.event_id,
            event_name: view.event_name,
            read_only: view.read_only,
            event_source: Cow::Owned(view.event_source),
            account: view.recipient_account_id,
            region: view.aws_region,
            cloudtrail_event: text.to_owned(),
        })
    }
}

/// The `Username` `LookupEvents` shows: the user name, or the last part of the ARN.
fn username(p: &Principal) -> Option<String> {
    match p.kind {
        PrincipalKind::AwsService => None,
        PrincipalKind::Root => Some("root".to_owned()),
        _ => p
            .user_name
            .clone()
            .or_else(|| p.arn.rsplit('/').next().map(str::to_owned)),
    }
}

fn user_identity<'a>(p: &'a Principal, invoked_by: Option<&'a str>) -> UserIdentity<'a> {
    if p.kind == PrincipalKind::AwsService {
        return UserIdentity {
            kind: "AWSService".into(),
            invoked_by: Some(p.arn.as_str().into()),
            ..UserIdentity::default()
        };
    }
    UserIdentity {
        kind: p.kind.as_str().into(),
        principal_id: Some(&p.principal_id),
        arn: Some(p.arn.as_str().into()),
        account_id: Some(&p.account),
        access_key_id: p.access_key_id.as_deref().map(Into::into),
        user_name: p.user_name.as_deref().map(Into::into),
        session_context: p.session.as_ref().map(|session| {
            let mut context = json!({ "attributes": {
                "creationDate": session.created.to_iso8601(),
                "mfaAuthenticated": "false"
            }});
            if let Some(issuer) = &p.issuer {
                context["sessionIssuer"] = json!({
                    "type": "Role",
                    "principalId": issuer.principal_id,
                    "arn": issuer.arn,
                    "accountId": p.account,
                    "userName": issuer.name,
                });
            }
            context
        }),
        invoked_by: invoked_by.map(Into::into),
    }
}

/// Member names whose values never enter the trail (compared without case).
const SECRET_MEMBERS: &[&str] = &[
    "plaintext",
    "secretaccesskey",
    "sessiontoken",
    "password",
    "newpassword",
    "oldpassword",
    "privatekeyplaintext",
    "keymaterial",
    "encryptedkeymaterial",
    "importtoken",
    "ciphertextblob",
    "ciphertextforrecipient",
];

/// Request parameters as CloudTrail writes them: member names in lower camel case, secret
/// members removed; `None` when nothing remains.
pub fn redact_parameters(members: impl IntoIterator<Item = (String, Value)>) -> Option<Value> {
    let map: Map<String, Value> = members
        .into_iter()
        .filter(|(k, _)| !SECRET_MEMBERS.iter().any(|m| m.eq_ignore_ascii_case(k)))
        .map(|(k, v)| {
            // A map of the caller's own keys (an encryption context) is recorded verbatim.
            let verbatim = k
                .as_bytes()
                .windows(ENCRYPTION_CONTEXT.len())
                .any(|w| w.eq_ignore_ascii_case(ENCRYPTION_CONTEXT));
            let v = if verbatim { v } else { redact_value(v) };
            (lower_camel(k), v)
        })
        .collect();
    (!map.is_empty()).then_some(Value::Object(map))
}

/// Members whose name contains this (without case) hold the caller's own key-value pairs.
const ENCRYPTION_CONTEXT: &[u8] = b"encryptioncontext";

fn redact_value(v: Value) -> Value {
    match v {
        Value::Object(map) => redact_parameters(map).unwrap_or(Value::Object(Map::new())),
        Value::Array(items) => Value::Array(items.into_iter().map(redact_value).collect()),
        other => other,
    }
}

/// `name` with its first letter lowercased, reusing the string.
fn lower_camel(mut name: String) -> String {
    if let Some(first) = name.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_enter_parameters() {
        let input = json!({
            "KeyId": "k", "Plaintext": "c2VjcmV0", "EncryptionContext": {"Purpose": "x"},
            "Nested": [{"SessionToken": "t", "Keep": 1}]
        });
        let Value::Object(map) = input else {
            unreachable!()
        };
        let out = redact_parameters(map).unwrap();
        assert_eq!(
            out,
            json!({"keyId": "k", "encryptionContext": {"Purpose": "x"}, "nested": [{"keep": 1}]})
        );
        assert_eq!(redact_parameters(Map::new()), None);
    }
}
