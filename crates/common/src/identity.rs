//! Who is calling: the principal behind a request, as CloudTrail's `userIdentity` describes it.

use crate::Timestamp;

/// The kind of principal, CloudTrail's `userIdentity.type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrincipalKind {
    /// An account's root user.
    Root,
    /// An IAM user.
    IamUser,
    /// A role session.
    AssumedRole,
    /// An AWS service principal such as `fargate.amazonaws.com`.
    AwsService,
}

impl PrincipalKind {
    /// The name CloudTrail uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Root => "Root",
            Self::IamUser => "IAMUser",
            Self::AssumedRole => "AssumedRole",
            Self::AwsService => "AWSService",
        }
    }
}

/// A temporary session's facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    /// When the session credentials were issued.
    pub created: Timestamp,
    /// When they expire.
    pub expiration: Timestamp,
}

/// The role a role session was issued for (CloudTrail's `sessionIssuer`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionIssuer {
    /// The role's ARN.
    pub arn: String,
    /// The role's unique id (`AROA…`).
    pub principal_id: String,
    /// The role's name.
    pub name: String,
}

/// An authenticated principal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// Root, user, role session or service.
    pub kind: PrincipalKind,
    /// The account the principal belongs to.
    pub account: String,
    /// The principal's ARN (for a service, its name).
    pub arn: String,
    /// The unique id (`AIDA…` for users), CloudTrail's `principalId`.
    pub principal_id: String,
    /// The user name, for IAM users.
    pub user_name: Option<String>,
    /// The access key that signed the request.
    pub access_key_id: Option<String>,
    /// Present when the request was signed with temporary credentials.
    pub session: Option<SessionInfo>,
    /// For a role session, the role.
    pub issuer: Option<SessionIssuer>,
}
