//! Why an identity change was refused.

/// Why an identity change was refused.
#[derive(Debug)]
pub enum IamError {
    /// The entity exists already; the text says which.
    AlreadyExists(String),
    /// The entity is missing; the text says which.
    NoSuchEntity(String),
    /// The policy document is invalid; IAM's message.
    MalformedPolicy(String),
    /// A quota would be exceeded; the text says which.
    LimitExceeded(String),
    /// The entity still has dependents; the text says which.
    DeleteConflict(String),
    /// The entity belongs to AWS and cannot be changed; the text says how.
    AccessDenied(String),
    /// The store failed.
    Store(neargate_store::StoreError),
}

impl From<neargate_store::StoreError> for IamError {
    fn from(e: neargate_store::StoreError) -> Self {
        Self::Store(e)
    }
}
