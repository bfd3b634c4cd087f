//! The protocol-neutral AWS error every service returns.

use std::borrow::Cow;

/// An error as AWS reports it: a code from the service model, a message and an HTTP status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwsError {
    /// The error code, such as `ValidationException`.
    pub code: Cow<'static, str>,
    /// The human-readable message.
    pub message: String,
    /// The HTTP status: 400 for client errors, 500 for faults, or what AWS uses for the code.
    pub status: u16,
}

impl AwsError {
    /// A client error (HTTP 400).
    pub fn client(code: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            status: 400,
        }
    }

    /// An error with an explicit status.
    pub fn with_status(
        status: u16,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            status,
        }
    }

    /// `UnknownOperationException`: what every AWS JSON service answers for an operation name it
    /// does not serve.
    pub fn unknown_operation(operation: &str) -> Self {
        Common::UnknownOperationException.with(format!(
            "The operation {operation} is not supported by this endpoint."
        ))
    }

    /// Whether the fault lies with the server (status 5xx), `Receiver` in the query protocol.
    pub fn is_server_fault(&self) -> bool {
        self.status >= 500
    }
}

impl std::fmt::Display for AwsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for AwsError {}

impl AwsError {
    /// An internal failure (HTTP 500) with the given service-specific code; the cause is logged
    /// by the caller, never sent.
    pub fn internal(code: &'static str) -> Self {
        Self::with_status(500, code, "An internal error occurred. Try again later.")
    }
}

/// The errors any AWS service may answer beyond those its model names (botocore lists them as
/// common errors), with the HTTP status each carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Common {
    /// A member of the wrong type, or a body that is not the protocol's.
    SerializationException,
    /// A JSON service's input breaks a constraint.
    ValidationException,
    /// A query service's input breaks a constraint.
    ValidationError,
    /// A JSON service does not know the operation.
    UnknownOperationException,
    /// A query service does not know the action.
    InvalidAction,
    /// A query request names no action.
    MissingAction,
    /// A query parameter is malformed or repeated.
    MalformedQueryString,
    /// A query service denies the call (HTTP 403).
    AccessDenied,
    /// A JSON service denies the call.
    AccessDeniedException,
    /// A query request's signature does not match (HTTP 403).
    SignatureDoesNotMatch,
    /// A JSON request's signature does not match.
    InvalidSignatureException,
    /// The call would have succeeded, but `DryRun` was set.
    DryRunOperationException,
}

impl Common {
    /// The code the wire carries.
    pub const fn code(self) -> &'static str {
        match self {
            Self::SerializationException => "SerializationException",
            Self::ValidationException => "ValidationException",
            Self::ValidationError => "ValidationError",
            Self::UnknownOperationException => "UnknownOperationException",
            Self::InvalidAction => "InvalidAction",
            Self::MissingAction => "MissingAction",
            Self::MalformedQueryString => "MalformedQueryString",
            Self::AccessDenied => "AccessDenied",
            Self::AccessDeniedException => "AccessDeniedException",
            Self::SignatureDoesNotMatch => "SignatureDoesNotMatch",
            Self::InvalidSignatureException => "InvalidSignatureException",
            Self::DryRunOperationException => "DryRunOperationException",
        }
    }

    /// The HTTP status.
    pub const fn status(self) -> u16 {
        match self {
            Self::AccessDenied | Self::SignatureDoesNotMatch => 403,
            _ => 400,
        }
    }

    /// The error with `message`.
    pub fn with(self, message: impl Into<String>) -> AwsError {
        AwsError::with_status(self.status(), self.code(), message)
    }
}
