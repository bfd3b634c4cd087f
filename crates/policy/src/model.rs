//! A policy document as types.

/// The policy language version: variables are substituted only in `2012-10-17`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// `2012-10-17`.
    V2012,
    /// `2008-10-17`, or no `Version` given.
    V2008,
}

/// A parsed policy document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// The language version.
    pub version: Version,
    /// `Id`, if given.
    pub id: Option<String>,
    /// The statements, in order.
    pub statements: Vec<Statement>,
}

impl Policy {
    /// A policy with no statements: it allows nothing. It stands in for a policy that must
    /// limit a principal but can no longer be read, so that a lost limit never widens access.
    pub fn allowing_nothing() -> Self {
        Self {
            version: Version::V2012,
            id: None,
            statements: Vec::new(),
        }
    }

    /// Whether deciding a request against it can read the request's context: a statement has
    /// conditions, or (in `2012-10-17`) names resources with a policy variable.
    pub fn reads_context(&self) -> bool {
        let variables = self.version == Version::V2012;
        self.statements.iter().any(|s| {
            !s.conditions.is_empty()
                || (variables
                    && s.resource
                        .as_ref()
                        .is_some_and(|r| r.patterns.iter().any(|p| p.contains("${"))))
        })
    }
}

/// Allow or deny.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// `Allow`.
    Allow,
    /// `Deny`.
    Deny,
}

/// `Action`/`NotAction` or `Resource`/`NotResource`: patterns, or everything but them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    /// The `Not…` form.
    pub negated: bool,
    /// The patterns (`*` and `?` wildcards).
    pub patterns: Vec<String>,
}

/// `Principal`/`NotPrincipal`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principals {
    /// `"*"`: everyone.
    Any,
    /// By kind: `AWS` (ARNs, account ids, `*`), `Service`, `Federated`, `CanonicalUser`.
    Listed(Vec<(String, Vec<String>)>),
}

/// One statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// `Sid`, if given.
    pub sid: Option<String>,
    /// `Effect`.
    pub effect: Effect,
    /// `Principal` (or, if `principal_negated`, `NotPrincipal`).
    pub principal: Option<Principals>,
    /// Whether the principal element is `NotPrincipal`.
    pub principal_negated: bool,
    /// `Action` or `NotAction`.
    pub action: Names,
    /// `Resource` or `NotResource`; absent in some resource policies.
    pub resource: Option<Names>,
    /// The conditions; all must hold.
    pub conditions: Vec<Condition>,
}

/// A condition operator's comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpKind {
    /// `StringEquals` (and, negated, `StringNotEquals`).
    StringEquals,
    /// `StringEqualsIgnoreCase` (and its negation).
    StringEqualsIgnoreCase,
    /// `StringLike` (and `StringNotLike`).
    StringLike,
    /// `NumericEquals` (and `NumericNotEquals`).
    NumericEquals,
    /// `NumericLessThan`.
    NumericLessThan,
    /// `NumericLessThanEquals`.
    NumericLessThanEquals,
    /// `NumericGreaterThan`.
    NumericGreaterThan,
    /// `NumericGreaterThanEquals`.
    NumericGreaterThanEquals,
    /// `DateEquals` (and `DateNotEquals`).
    DateEquals,
    /// `DateLessThan`.
    DateLessThan,
    /// `DateLessThanEquals`.
    DateLessThanEquals,
    /// `DateGreaterThan`.
    DateGreaterThan,
    /// `DateGreaterThanEquals`.
    DateGreaterThanEquals,
    /// `Bool`.
    Bool,
    /// `BinaryEquals`.
    BinaryEquals,
    /// `IpAddress` (and `NotIpAddress`).
    IpAddress,
    /// `ArnEquals`/`ArnLike` (and their negations); both take wildcards, as on AWS.
    ArnLike,
    /// `Null`: whether the key is absent.
    Null,
}

/// `ForAllValues:` or `ForAnyValue:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetOp {
    /// Every value in the request matches.
    ForAllValues,
    /// Some value in the request matches.
    ForAnyValue,
}

/// A full condition operator, such as `ForAnyValue:StringNotLikeIfExists`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operator {
    /// The comparison.
    pub kind: OpKind,
    /// A `Not` operator: true when no policy value matches.
    pub negated: bool,
    /// The `…IfExists` suffix: true when the key is absent.
    pub if_exists: bool,
    /// The set qualifier.
    pub set: Option<SetOp>,
}

/// One condition: operator, key and the values to compare with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    /// The operator.
    pub operator: Operator,
    /// The condition key, e.g. `aws:SourceIp` (compared without case).
    pub key: String,
    /// The values; numbers and booleans are kept as their text.
    pub values: Vec<String>,
}
