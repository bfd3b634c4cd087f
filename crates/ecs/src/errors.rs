//! ECS's modelled errors.

use neargate_common::AwsError;
use neargate_model::ecs::Error as EcsError;

/// `InvalidParameterException`: a request member is wrong.
pub(crate) fn invalid(message: impl Into<String>) -> AwsError {
    EcsError::InvalidParameterException.with(message)
}

/// `ClientException`: the request cannot be served as made (ECS's general client error).
pub(crate) fn client(message: impl Into<String>) -> AwsError {
    EcsError::ClientException.with(message)
}

/// `ClusterNotFoundException`.
pub(crate) fn cluster_not_found() -> AwsError {
    EcsError::ClusterNotFoundException.with("Cluster not found.")
}

/// `ServerException` for a store failure.
pub(crate) fn server(e: impl std::fmt::Display) -> AwsError {
    EcsError::ServerException.with(e.to_string())
}
