//! The CloudTrail event record, in AWS's JSON format.

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
    pub principal: Principal,
    /// Set when a service made the call on the principal's behalf, e.g. `fargate.amazonaws.com`.
    pub invoked_by: Option<String>,
    /// `kms.amazonaws.com`, ...
    pub event_source: &'static str,
    /// The operation.
    pub event_name: String,
    /// The region.
    pub region: String,
    /// The client address.
    pub source_ip: String,
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

/// A stored event: the record plus the fields `LookupEvents` filters and returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// The event id (UUID).
    pub event_id: String,
    /// The operation.
    pub event_name: String,
    /// Whether it only read.
    pub read_only: bool,
    /// The signing access key, if any.
    pub access_key_id: Option<String>,
    /// When it happened.
    pub event_time: Timestamp,
    /// The service's event source.
    pub event_source: String,
    /// The user name (or principal name) CloudTrail shows.
    pub username: Option<String>,
    /// Resources as (type, name).
    pub resources: Vec<(String, String)>,
    /// The account whose trail holds it.
    pub account: String,
    /// The region.
    pub region: String,
    /// The whole record as CloudTrail's JSON text.
    pub cloudtrail_event: String,
}

impl EventRecord {
    /// Builds the record of a call, with a fresh event id.
    pub fn from_call(facts: &CallFacts) -> Self {
        let event_id = neargate_common::ids::uuid();
        let p = &facts.principal;
        let mut record = Map::new();
        record.insert("eventVersion".into(), json!(EVENT_VERSION));
        record.insert(
            "userIdentity".into(),
            user_identity(p, facts.invoked_by.as_deref()),
        );
        record.insert("eventTime".into(), json!(facts.time.to_iso8601()));
        record.insert("eventSource".into(), json!(facts.event_source));
        record.insert("eventName".into(), json!(facts.event_name));
        record.insert("awsRegion".into(), json!(facts.region));
        record.insert(
            "sourceIPAddress".into(),
            json!(facts.invoked_by.as_deref().unwrap_or(&facts.source_ip)),
        );
        record.insert(
            "userAgent".into(),
            json!(facts.invoked_by.as_deref().unwrap_or(&facts.user_agent)),
        );
        if let Some(code) = &facts.error_code {
            record.insert("errorCode".into(), json!(code));
            record.insert(
                "errorMessage".into(),
                json!(facts.error_message.as_deref().unwrap_or("")),
            );
        }
        record.insert(
            "requestParameters".into(),
            facts.request_parameters.clone().unwrap_or(Value::Null),
        );
        record.insert(
            "responseElements".into(),
            facts.response_elements.clone().unwrap_or(Value::Null),
        );
        record.insert("requestID".into(), json!(facts.request_id));
        record.insert("eventID".into(), json!(event_id));
        record.insert("readOnly".into(), json!(facts.read_only));
        if !facts.resources.is_empty() {
            let resources: Vec<Value> = facts
                .resources
                .iter()
                .map(|(kind, arn)| json!({ "accountId": p.account, "type": kind, "ARN": arn }))
                .collect();
            record.insert("resources".into(), Value::Array(resources));
        }
        record.insert("eventType".into(), json!("AwsApiCall"));
        record.insert("managementEvent".into(), json!(true));
        record.insert("recipientAccountId".into(), json!(p.account));
        record.insert("eventCategory".into(), json!("Management"));
        Self {
            event_id,
            event_name: facts.event_name.clone(),
            read_only: facts.read_only,
            access_key_id: p.access_key_id.clone(),
            event_time: facts.time,
            event_source: facts.event_source.to_owned(),
            username: username(p),
            resources: facts.resources.clone(),
            account: p.account.clone(),
            region: facts.region.clone(),
            cloudtrail_event: Value::Object(record).to_string(),
        }
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

fn user_identity(p: &Principal, invoked_by: Option<&str>) -> Value {
    if p.kind == PrincipalKind::AwsService {
        return json!({ "type": "AWSService", "invokedBy": p.arn });
    }
    let mut id = Map::new();
    id.insert("type".into(), json!(p.kind.as_str()));
    id.insert("principalId".into(), json!(p.principal_id));
    id.insert("arn".into(), json!(p.arn));
    id.insert("accountId".into(), json!(p.account));
    if let Some(key) = &p.access_key_id {
        id.insert("accessKeyId".into(), json!(key));
    }
    if let Some(name) = &p.user_name {
        id.insert("userName".into(), json!(name));
    }
    if let Some(session) = &p.session {
        id.insert(
            "sessionContext".into(),
            json!({ "attributes": {
                "creationDate": session.created.to_iso8601(),
                "mfaAuthenticated": "false"
            }}),
        );
    }
    if let Some(service) = invoked_by {
        id.insert("invokedBy".into(), json!(service));
    }
    Value::Object(id)
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
        .filter(|(k, _)| !SECRET_MEMBERS.contains(&k.to_ascii_lowercase().as_str()))
        .map(|(k, v)| {
            // A map of the caller's own keys (an encryption context) is recorded verbatim.
            let verbatim = k.to_ascii_lowercase().contains("encryptioncontext");
            let v = if verbatim { v } else { redact_value(v) };
            (lower_camel(&k), v)
        })
        .collect();
    (!map.is_empty()).then_some(Value::Object(map))
}

fn redact_value(v: Value) -> Value {
    match v {
        Value::Object(map) => redact_parameters(map).unwrap_or(Value::Object(Map::new())),
        Value::Array(items) => Value::Array(items.into_iter().map(redact_value).collect()),
        other => other,
    }
}

fn lower_camel(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_ascii_lowercase().to_string() + chars.as_str()
    })
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
