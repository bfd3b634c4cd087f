//! Why a signature was rejected. The caller maps each case to its protocol's error code.

/// A rejected or unparseable signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigError {
    /// The request carries no authentication at all.
    Missing,
    /// The signature is present but malformed; the text says what is wrong.
    Incomplete(String),
    /// The signature does not match the one computed from the request.
    Mismatch,
    /// The scope or header set is inconsistent with the request; the text says how.
    InvalidScope(String),
    /// `X-Amz-Date` lies more than the allowed skew in the past; the text is AWS's message.
    Expired(String),
    /// `X-Amz-Date` lies more than the allowed skew in the future; the text is AWS's message.
    NotYetCurrent(String),
    /// A presigned URL whose `X-Amz-Expires` has passed.
    PresignExpired,
}

impl std::fmt::Display for SigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Missing => f.write_str("missing authentication"),
            Self::Incomplete(m)
            | Self::InvalidScope(m)
            | Self::Expired(m)
            | Self::NotYetCurrent(m) => f.write_str(m),
            Self::Mismatch => f.write_str("signature mismatch"),
            Self::PresignExpired => f.write_str("presigned request expired"),
        }
    }
}

impl std::error::Error for SigError {}
