//! ECS's modelled errors.

use neargate_common::AwsError;

/// `InvalidParameterException`: a request member is wrong.
pub(crate) fn invalid(message: impl Into<String>) -> AwsError {
    AwsError::client("InvalidParameterException", message)
}

/// `ClientException`: the request cannot be served as made (ECS's general client error).
pub(crate) fn client(message: impl Into<String>) -> AwsError {
    AwsError::client("ClientException", message)
}

/// `ClusterNotFoundException`.
pub(crate) fn cluster_not_found() -> AwsError {
    AwsError::client("ClusterNotFoundException", "Cluster not found.")
}

/// `ServerException` for a store failure.
pub(crate) fn server(e: impl std::fmt::Display) -> AwsError {
    AwsError::with_status(500, "ServerException", e.to_string())
}

/// The wrong-type error the SDKs report as a serialization problem.
pub(crate) fn wrong_type(e: neargate_wire::FieldError) -> AwsError {
    e.into_aws()
}
