//! The served part of botocore 1.43.11's `sts/2011-06-15` model. Written by `neargate-codegen`; do not edit.

use serde::{Deserialize, Serialize};

use crate::shape::{Bound, Kind, Member, Model, Operation, Patterns, Rules, Shape, Text};
use crate::types::{SecretString, Time};

static PATTERNS: Patterns = Patterns::new();

/// The model: 3 served operations, 43 shapes.
pub static MODEL: Model = Model {
    service: "sts",
    api_version: "2011-06-15",
    json: false,
    rules: Rules { exception: "ValidationError", required: true, constraints: true },
    operations: &[
        Operation { name: "AssumeRole", read_only: true, dry_run: false, input: Some(0), output: Some(1), errors: &["MalformedPolicyDocument", "PackedPolicyTooLarge", "RegionDisabledException", "ExpiredTokenException"] },
        Operation { name: "GetCallerIdentity", read_only: true, dry_run: false, input: Some(5), output: Some(6), errors: &[] },
        Operation { name: "GetSessionToken", read_only: true, dry_run: false, input: Some(7), output: Some(8), errors: &["RegionDisabledException"] },
    ],
    shapes: &[
        /* 0 */ Shape { name: "AssumeRoleRequest", kind: Kind::Structure(&[Member { name: "DurationSeconds", shape: 31, required: false }, Member { name: "ExternalId", shape: 25, required: false }, Member { name: "Policy", shape: 41, required: false }, Member { name: "PolicyArns", shape: 29, required: false }, Member { name: "ProvidedContexts", shape: 13, required: false }, Member { name: "RoleArn", shape: 19, required: true }, Member { name: "RoleSessionName", shape: 32, required: true }, Member { name: "SerialNumber", shape: 33, required: false }, Member { name: "SourceIdentity", shape: 34, required: false }, Member { name: "Tags", shape: 37, required: false }, Member { name: "TokenCode", shape: 39, required: false }, Member { name: "TransitiveTagKeys", shape: 35, required: false }]) },
        /* 1 */ Shape { name: "AssumeRoleResponse", kind: Kind::Structure(&[Member { name: "AssumedRoleUser", shape: 2, required: false }, Member { name: "Credentials", shape: 3, required: false }, Member { name: "PackedPolicySize", shape: 27, required: false }, Member { name: "SourceIdentity", shape: 34, required: false }]) },
        /* 2 */ Shape { name: "AssumedRoleUser", kind: Kind::Structure(&[Member { name: "Arn", shape: 19, required: true }, Member { name: "AssumedRoleId", shape: 20, required: true }]) },
        /* 3 */ Shape { name: "Credentials", kind: Kind::Structure(&[Member { name: "AccessKeyId", shape: 16, required: true }, Member { name: "Expiration", shape: 22, required: true }, Member { name: "SecretAccessKey", shape: 17, required: true }, Member { name: "SessionToken", shape: 40, required: true }]) },
        /* 4 */ Shape { name: "ExpiredTokenException", kind: Kind::Structure(&[Member { name: "message", shape: 24, required: false }]) },
        /* 5 */ Shape { name: "GetCallerIdentityRequest", kind: Kind::Structure(&[]) },
        /* 6 */ Shape { name: "GetCallerIdentityResponse", kind: Kind::Structure(&[Member { name: "Account", shape: 18, required: false }, Member { name: "Arn", shape: 19, required: false }, Member { name: "UserId", shape: 42, required: false }]) },
        /* 7 */ Shape { name: "GetSessionTokenRequest", kind: Kind::Structure(&[Member { name: "DurationSeconds", shape: 23, required: false }, Member { name: "SerialNumber", shape: 33, required: false }, Member { name: "TokenCode", shape: 39, required: false }]) },
        /* 8 */ Shape { name: "GetSessionTokenResponse", kind: Kind::Structure(&[Member { name: "Credentials", shape: 3, required: false }]) },
        /* 9 */ Shape { name: "MalformedPolicyDocumentException", kind: Kind::Structure(&[Member { name: "message", shape: 26, required: false }]) },
        /* 10 */ Shape { name: "PackedPolicyTooLargeException", kind: Kind::Structure(&[Member { name: "message", shape: 28, required: false }]) },
        /* 11 */ Shape { name: "PolicyDescriptorType", kind: Kind::Structure(&[Member { name: "arn", shape: 19, required: false }]) },
        /* 12 */ Shape { name: "ProvidedContext", kind: Kind::Structure(&[Member { name: "ContextAssertion", shape: 21, required: false }, Member { name: "ProviderArn", shape: 19, required: false }]) },
        /* 13 */ Shape { name: "ProvidedContextsListType", kind: Kind::List { member: 12, length: Bound { min: Some(1), max: Some(5) } } },
        /* 14 */ Shape { name: "RegionDisabledException", kind: Kind::Structure(&[Member { name: "message", shape: 30, required: false }]) },
        /* 15 */ Shape { name: "Tag", kind: Kind::Structure(&[Member { name: "Key", shape: 36, required: true }, Member { name: "Value", shape: 38, required: true }]) },
        /* 16 */ Shape { name: "accessKeyIdType", kind: Kind::String(Text { length: Bound { min: Some(16), max: Some(128) }, pattern: Some("[\\w]*"), values: &[], sensitive: false }) },
        /* 17 */ Shape { name: "accessKeySecretType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: true }) },
        /* 18 */ Shape { name: "accountType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 19 */ Shape { name: "arnType", kind: Kind::String(Text { length: Bound { min: Some(20), max: Some(2048) }, pattern: Some("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+"), values: &[], sensitive: false }) },
        /* 20 */ Shape { name: "assumedRoleIdType", kind: Kind::String(Text { length: Bound { min: Some(2), max: Some(193) }, pattern: Some("[\\w+=,.@:-]*"), values: &[], sensitive: false }) },
        /* 21 */ Shape { name: "contextAssertionType", kind: Kind::String(Text { length: Bound { min: Some(4), max: Some(2048) }, pattern: None, values: &[], sensitive: false }) },
        /* 22 */ Shape { name: "dateType", kind: Kind::Timestamp },
        /* 23 */ Shape { name: "durationSecondsType", kind: Kind::Integer(Bound { min: Some(900), max: Some(129600) }) },
        /* 24 */ Shape { name: "expiredIdentityTokenMessage", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 25 */ Shape { name: "externalIdType", kind: Kind::String(Text { length: Bound { min: Some(2), max: Some(1224) }, pattern: Some("[\\w+=,.@:\\/-]*"), values: &[], sensitive: false }) },
        /* 26 */ Shape { name: "malformedPolicyDocumentMessage", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 27 */ Shape { name: "nonNegativeIntegerType", kind: Kind::Integer(Bound { min: Some(0), max: None }) },
        /* 28 */ Shape { name: "packedPolicyTooLargeMessage", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 29 */ Shape { name: "policyDescriptorListType", kind: Kind::List { member: 11, length: Bound { min: None, max: None } } },
        /* 30 */ Shape { name: "regionDisabledMessage", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 31 */ Shape { name: "roleDurationSecondsType", kind: Kind::Integer(Bound { min: Some(900), max: Some(43200) }) },
        /* 32 */ Shape { name: "roleSessionNameType", kind: Kind::String(Text { length: Bound { min: Some(2), max: Some(64) }, pattern: Some("[\\w+=,.@-]*"), values: &[], sensitive: false }) },
        /* 33 */ Shape { name: "serialNumberType", kind: Kind::String(Text { length: Bound { min: Some(9), max: Some(256) }, pattern: Some("[\\w+=/:,.@-]*"), values: &[], sensitive: false }) },
        /* 34 */ Shape { name: "sourceIdentityType", kind: Kind::String(Text { length: Bound { min: Some(2), max: Some(64) }, pattern: Some("[\\w+=,.@-]*"), values: &[], sensitive: false }) },
        /* 35 */ Shape { name: "tagKeyListType", kind: Kind::List { member: 36, length: Bound { min: None, max: Some(50) } } },
        /* 36 */ Shape { name: "tagKeyType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(128) }, pattern: Some("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+"), values: &[], sensitive: false }) },
        /* 37 */ Shape { name: "tagListType", kind: Kind::List { member: 15, length: Bound { min: None, max: Some(50) } } },
        /* 38 */ Shape { name: "tagValueType", kind: Kind::String(Text { length: Bound { min: Some(0), max: Some(256) }, pattern: Some("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*"), values: &[], sensitive: false }) },
        /* 39 */ Shape { name: "tokenCodeType", kind: Kind::String(Text { length: Bound { min: Some(6), max: Some(6) }, pattern: Some("[\\d]*"), values: &[], sensitive: false }) },
        /* 40 */ Shape { name: "tokenType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 41 */ Shape { name: "unrestrictedSessionPolicyDocumentType", kind: Kind::String(Text { length: Bound { min: Some(1), max: None }, pattern: Some("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+"), values: &[], sensitive: false }) },
        /* 42 */ Shape { name: "userIdType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
    ],
    all_operations: &["AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "AssumeRoot", "DecodeAuthorizationMessage", "GetAccessKeyInfo", "GetCallerIdentity", "GetDelegatedAccessToken", "GetFederationToken", "GetSessionToken", "GetWebIdentityToken"],
    patterns: &PATTERNS,
};

/// The model's `AssumeRoleRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AssumeRoleRequest {
    /// `DurationSeconds`.
    #[serde(rename = "DurationSeconds", default, skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<i32>,
    /// `ExternalId`.
    #[serde(rename = "ExternalId", default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// `Policy`.
    #[serde(rename = "Policy", default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// `PolicyArns`.
    #[serde(rename = "PolicyArns", default, skip_serializing_if = "Option::is_none")]
    pub policy_arns: Option<Vec<PolicyDescriptorType>>,
    /// `ProvidedContexts`.
    #[serde(rename = "ProvidedContexts", default, skip_serializing_if = "Option::is_none")]
    pub provided_contexts: Option<Vec<ProvidedContext>>,
    /// `RoleArn`.
    #[serde(rename = "RoleArn")]
    pub role_arn: String,
    /// `RoleSessionName`.
    #[serde(rename = "RoleSessionName")]
    pub role_session_name: String,
    /// `SerialNumber`.
    #[serde(rename = "SerialNumber", default, skip_serializing_if = "Option::is_none")]
    pub serial_number: Option<String>,
    /// `SourceIdentity`.
    #[serde(rename = "SourceIdentity", default, skip_serializing_if = "Option::is_none")]
    pub source_identity: Option<String>,
    /// `Tags`.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `TokenCode`.
    #[serde(rename = "TokenCode", default, skip_serializing_if = "Option::is_none")]
    pub token_code: Option<String>,
    /// `TransitiveTagKeys`.
    #[serde(rename = "TransitiveTagKeys", default, skip_serializing_if = "Option::is_none")]
    pub transitive_tag_keys: Option<Vec<String>>,
}

/// The model's `AssumeRoleResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AssumeRoleResponse {
    /// `AssumedRoleUser`.
    #[serde(rename = "AssumedRoleUser", default, skip_serializing_if = "Option::is_none")]
    pub assumed_role_user: Option<AssumedRoleUser>,
    /// `Credentials`.
    #[serde(rename = "Credentials", default, skip_serializing_if = "Option::is_none")]
    pub credentials: Option<Credentials>,
    /// `PackedPolicySize`.
    #[serde(rename = "PackedPolicySize", default, skip_serializing_if = "Option::is_none")]
    pub packed_policy_size: Option<i32>,
    /// `SourceIdentity`.
    #[serde(rename = "SourceIdentity", default, skip_serializing_if = "Option::is_none")]
    pub source_identity: Option<String>,
}

/// The model's `AssumedRoleUser`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AssumedRoleUser {
    /// `Arn`.
    #[serde(rename = "Arn")]
    pub arn: String,
    /// `AssumedRoleId`.
    #[serde(rename = "AssumedRoleId")]
    pub assumed_role_id: String,
}

/// The model's `Credentials`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Credentials {
    /// `AccessKeyId`.
    #[serde(rename = "AccessKeyId")]
    pub access_key_id: String,
    /// `Expiration`.
    #[serde(rename = "Expiration")]
    pub expiration: Time,
    /// `SecretAccessKey`.
    #[serde(rename = "SecretAccessKey")]
    pub secret_access_key: SecretString,
    /// `SessionToken`.
    #[serde(rename = "SessionToken")]
    pub session_token: String,
}

/// The model's `GetCallerIdentityRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GetCallerIdentityRequest {
}

/// The model's `GetCallerIdentityResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GetCallerIdentityResponse {
    /// `Account`.
    #[serde(rename = "Account", default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// `Arn`.
    #[serde(rename = "Arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// `UserId`.
    #[serde(rename = "UserId", default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
}

/// The model's `GetSessionTokenRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GetSessionTokenRequest {
    /// `DurationSeconds`.
    #[serde(rename = "DurationSeconds", default, skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<i32>,
    /// `SerialNumber`.
    #[serde(rename = "SerialNumber", default, skip_serializing_if = "Option::is_none")]
    pub serial_number: Option<String>,
    /// `TokenCode`.
    #[serde(rename = "TokenCode", default, skip_serializing_if = "Option::is_none")]
    pub token_code: Option<String>,
}

/// The model's `GetSessionTokenResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GetSessionTokenResponse {
    /// `Credentials`.
    #[serde(rename = "Credentials", default, skip_serializing_if = "Option::is_none")]
    pub credentials: Option<Credentials>,
}

/// The model's `PolicyDescriptorType`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PolicyDescriptorType {
    /// `arn`.
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
}

/// The model's `ProvidedContext`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ProvidedContext {
    /// `ContextAssertion`.
    #[serde(rename = "ContextAssertion", default, skip_serializing_if = "Option::is_none")]
    pub context_assertion: Option<String>,
    /// `ProviderArn`.
    #[serde(rename = "ProviderArn", default, skip_serializing_if = "Option::is_none")]
    pub provider_arn: Option<String>,
}

/// The model's `Tag`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Tag {
    /// `Key`.
    #[serde(rename = "Key")]
    pub key: String,
    /// `Value`.
    #[serde(rename = "Value")]
    pub value: String,
}

/// The served operations, as types.
pub mod ops {
    /// `AssumeRole`.
    #[derive(Debug)]
    pub struct AssumeRole;

    impl crate::Op for AssumeRole {
        const NAME: &'static str = "AssumeRole";
        const READ_ONLY: bool = true;
        type Input = super::AssumeRoleRequest;
        type Output = super::AssumeRoleResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[0])
        }
    }

    /// `GetCallerIdentity`.
    #[derive(Debug)]
    pub struct GetCallerIdentity;

    impl crate::Op for GetCallerIdentity {
        const NAME: &'static str = "GetCallerIdentity";
        const READ_ONLY: bool = true;
        type Input = super::GetCallerIdentityRequest;
        type Output = super::GetCallerIdentityResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[1])
        }
    }

    /// `GetSessionToken`.
    #[derive(Debug)]
    pub struct GetSessionToken;

    impl crate::Op for GetSessionToken {
        const NAME: &'static str = "GetSessionToken";
        const READ_ONLY: bool = true;
        type Input = super::GetSessionTokenRequest;
        type Output = super::GetSessionTokenResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[2])
        }
    }

}

/// The errors the model names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// `ExpiredTokenException`.
    ExpiredTokenException,
    /// `ExpiredTradeInTokenException`.
    ExpiredTradeInTokenException,
    /// `IDPCommunicationError`.
    IDPCommunicationErrorException,
    /// `IDPRejectedClaim`.
    IDPRejectedClaimException,
    /// `InvalidAuthorizationMessageException`.
    InvalidAuthorizationMessageException,
    /// `InvalidIdentityToken`.
    InvalidIdentityTokenException,
    /// `JWTPayloadSizeExceededException`.
    JWTPayloadSizeExceededException,
    /// `MalformedPolicyDocument`.
    MalformedPolicyDocumentException,
    /// `OutboundWebIdentityFederationDisabledException`.
    OutboundWebIdentityFederationDisabledException,
    /// `PackedPolicyTooLarge`.
    PackedPolicyTooLargeException,
    /// `RegionDisabledException`.
    RegionDisabledException,
    /// `SessionDurationEscalationException`.
    SessionDurationEscalationException,
}

impl Error {
    /// The code the wire carries.
    pub const fn code(self) -> &'static str {
        match self {
            Self::ExpiredTokenException => "ExpiredTokenException",
            Self::ExpiredTradeInTokenException => "ExpiredTradeInTokenException",
            Self::IDPCommunicationErrorException => "IDPCommunicationError",
            Self::IDPRejectedClaimException => "IDPRejectedClaim",
            Self::InvalidAuthorizationMessageException => "InvalidAuthorizationMessageException",
            Self::InvalidIdentityTokenException => "InvalidIdentityToken",
            Self::JWTPayloadSizeExceededException => "JWTPayloadSizeExceededException",
            Self::MalformedPolicyDocumentException => "MalformedPolicyDocument",
            Self::OutboundWebIdentityFederationDisabledException => "OutboundWebIdentityFederationDisabledException",
            Self::PackedPolicyTooLargeException => "PackedPolicyTooLarge",
            Self::RegionDisabledException => "RegionDisabledException",
            Self::SessionDurationEscalationException => "SessionDurationEscalationException",
        }
    }

    /// The HTTP status.
    pub const fn status(self) -> u16 {
        match self {
            Self::ExpiredTokenException => 400,
            Self::ExpiredTradeInTokenException => 400,
            Self::IDPCommunicationErrorException => 400,
            Self::IDPRejectedClaimException => 403,
            Self::InvalidAuthorizationMessageException => 400,
            Self::InvalidIdentityTokenException => 400,
            Self::JWTPayloadSizeExceededException => 400,
            Self::MalformedPolicyDocumentException => 400,
            Self::OutboundWebIdentityFederationDisabledException => 403,
            Self::PackedPolicyTooLargeException => 400,
            Self::RegionDisabledException => 403,
            Self::SessionDurationEscalationException => 403,
        }
    }

    /// The error with `message`.
    pub fn with(self, message: impl Into<String>) -> neargate_common::AwsError {
        crate::error_with(self.status(), self.code(), message)
    }
}

/// Runs `operation` on `service`, which handles every operation in `served.txt`; `None` for
/// any other.
pub fn dispatch<S, C: ?Sized>(
    service: &S,
    caller: &C,
    operation: &str,
    input: &serde_json::Map<String, serde_json::Value>,
    authorize: &mut crate::Authorize<'_>,
) -> Option<Result<crate::Answer, crate::Failure>>
where
    S: ?Sized
        + crate::Handler<ops::AssumeRole, C>
        + crate::Handler<ops::GetCallerIdentity, C>
        + crate::Handler<ops::GetSessionToken, C>
{
    Some(match operation {
        "AssumeRole" => crate::run::<ops::AssumeRole, S, C>(service, caller, input, authorize),
        "GetCallerIdentity" => crate::run::<ops::GetCallerIdentity, S, C>(service, caller, input, authorize),
        "GetSessionToken" => crate::run::<ops::GetSessionToken, S, C>(service, caller, input, authorize),
        _ => return None,
    })
}
