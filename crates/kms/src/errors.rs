//! KMS's error codes and messages.

use neargate_common::{AwsError, Common};
use neargate_model::kms::Error as KmsError;

/// `NotFoundException` for a key (or alias) named `text`.
pub(crate) fn not_found(text: &str, account: &str, region: &str) -> AwsError {
    let named = if text.starts_with("arn:") {
        text.to_owned()
    } else if text.starts_with("alias/") {
        format!("arn:aws:kms:{region}:{account}:{text}")
    } else {
        format!("arn:aws:kms:{region}:{account}:key/{text}")
    };
    KmsError::NotFoundException.with(format!("Key '{named}' does not exist"))
}

/// `NotFoundException` for a `KeyId` that is neither a key id, a key ARN nor an alias (or,
/// where an operation takes no alias, an alias).
pub(crate) fn invalid_key_id(text: &str) -> AwsError {
    KmsError::NotFoundException.with(format!("Invalid keyId {text}"))
}

/// `NotFoundException` for an alias that does not exist.
pub(crate) fn alias_not_found(account: &str, region: &str, name: &str) -> AwsError {
    KmsError::NotFoundException.with(format!(
        "Alias arn:aws:kms:{region}:{account}:{name} is not found."
    ))
}

/// `DisabledException`.
pub(crate) fn disabled(arn: &str) -> AwsError {
    KmsError::DisabledException.with(format!("{arn} is disabled."))
}

/// `KMSInvalidStateException` for a key in a state that forbids the operation.
pub(crate) fn invalid_state(arn: &str, state: &str) -> AwsError {
    let what = match state {
        "PendingDeletion" => "pending deletion",
        "PendingImport" => "pending import",
        "Disabled" => "disabled",
        _ => "enabled",
    };
    KmsError::KMSInvalidStateException.with(format!("{arn} is {what}."))
}

/// `ValidationException` in the form of AWS's model validation.
pub(crate) fn validation(message: impl Into<String>) -> AwsError {
    Common::ValidationException.with(message)
}

/// `ValidationException` for a member that breaks a length constraint.
pub(crate) fn length(member: &str, value_shown: &str, constraint: &str) -> AwsError {
    validation(format!(
        "1 validation error detected: Value '{value_shown}' at '{member}' failed to satisfy \
         constraint: Member must have length {constraint}"
    ))
}

/// `InvalidCiphertextException`.
pub(crate) fn invalid_ciphertext() -> AwsError {
    KmsError::InvalidCiphertextException.with(
        "The ciphertext is not one this service made, was altered, or was encrypted with a \
         different encryption context.",
    )
}

/// A store failure; the cause is logged, never sent.
pub(crate) fn internal(e: neargate_store::StoreError) -> AwsError {
    tracing::error!(error = %e, "KMS store failure");
    AwsError::internal("KMSInternalException")
}
