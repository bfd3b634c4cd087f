//! Starting the server and building SDK clients for it.

use aws_sdk_sts::config::{Credentials, Region};
use neargate_testkit::{Server, ServerOptions};

/// Starts the real server.
pub(crate) fn start() -> Server {
    Server::start(env!("CARGO_BIN_EXE_neargate"))
}

/// Starts the real server with extra `serve` arguments.
pub(crate) fn start_with(args: &[&str]) -> Server {
    let options = ServerOptions {
        args: args.iter().map(|a| (*a).to_owned()).collect(),
        ..Default::default()
    };
    Server::start_with(env!("CARGO_BIN_EXE_neargate"), options)
}

/// The administrator's credentials as an SDK provider.
pub(crate) fn admin(server: &Server) -> Credentials {
    let c = server.credentials();
    Credentials::new(
        c.access_key_id,
        c.secret_access_key,
        None,
        None,
        "neargate-test",
    )
}

fn http() -> aws_sdk_sts::config::SharedHttpClient {
    aws_smithy_http_client::Builder::new().build_http()
}

/// An STS client signing with `credentials`.
pub(crate) fn sts(server: &Server, credentials: Credentials) -> aws_sdk_sts::Client {
    aws_sdk_sts::Client::from_conf(sts_config(server, credentials).build())
}

/// An STS client signing with `credentials` at a clock `ahead` of this machine's, for a
/// server started with `--clock-offset`.
pub(crate) fn sts_ahead(
    server: &Server,
    credentials: Credentials,
    ahead: std::time::Duration,
) -> aws_sdk_sts::Client {
    let signing_time = neargate_testkit::now() + ahead;
    let config = sts_config(server, credentials)
        .time_source(aws_smithy_async::time::StaticTimeSource::new(signing_time))
        .build();
    aws_sdk_sts::Client::from_conf(config)
}

fn sts_config(server: &Server, credentials: Credentials) -> aws_sdk_sts::config::Builder {
    aws_sdk_sts::Config::builder()
        .behavior_version(aws_sdk_sts::config::BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .endpoint_url(server.endpoint())
        .credentials_provider(credentials)
        .http_client(http())
}

/// A CloudTrail client signing with `credentials`.
pub(crate) fn cloudtrail(server: &Server, credentials: Credentials) -> aws_sdk_cloudtrail::Client {
    let config = aws_sdk_cloudtrail::Config::builder()
        .behavior_version(aws_sdk_cloudtrail::config::BehaviorVersion::latest())
        .region(aws_sdk_cloudtrail::config::Region::new("us-east-1"))
        .endpoint_url(server.endpoint())
        .credentials_provider(credentials)
        .http_client(http())
        .build();
    aws_sdk_cloudtrail::Client::from_conf(config)
}

/// An IAM client signing with `credentials`.
pub(crate) fn iam(server: &Server, credentials: Credentials) -> aws_sdk_iam::Client {
    let config = aws_sdk_iam::Config::builder()
        .behavior_version(aws_sdk_iam::config::BehaviorVersion::latest())
        .region(aws_sdk_iam::config::Region::new("us-east-1"))
        .endpoint_url(server.endpoint())
        .credentials_provider(credentials)
        .http_client(http())
        .build();
    aws_sdk_iam::Client::from_conf(config)
}

/// A KMS client signing with `credentials`.
pub(crate) fn kms(server: &Server, credentials: Credentials) -> aws_sdk_kms::Client {
    aws_sdk_kms::Client::from_conf(kms_config(server, credentials).build())
}

/// A KMS client signing at a clock `ahead` of this machine's (see [`sts_ahead`]).
pub(crate) fn kms_ahead(
    server: &Server,
    credentials: Credentials,
    ahead: std::time::Duration,
) -> aws_sdk_kms::Client {
    let signing_time = neargate_testkit::now() + ahead;
    let config = kms_config(server, credentials)
        .time_source(aws_smithy_async::time::StaticTimeSource::new(signing_time))
        .build();
    aws_sdk_kms::Client::from_conf(config)
}

fn kms_config(server: &Server, credentials: Credentials) -> aws_sdk_kms::config::Builder {
    aws_sdk_kms::Config::builder()
        .behavior_version(aws_sdk_kms::config::BehaviorVersion::latest())
        .region(aws_sdk_kms::config::Region::new("us-east-1"))
        .endpoint_url(server.endpoint())
        .credentials_provider(credentials)
        .http_client(http())
}

/// An ECS client signing with `credentials`.
pub(crate) fn ecs(server: &Server, credentials: Credentials) -> aws_sdk_ecs::Client {
    let config = aws_sdk_ecs::Config::builder()
        .behavior_version(aws_sdk_ecs::config::BehaviorVersion::latest())
        .region(aws_sdk_ecs::config::Region::new("us-east-1"))
        .endpoint_url(server.endpoint())
        .credentials_provider(credentials)
        .http_client(http())
        .build();
    aws_sdk_ecs::Client::from_conf(config)
}

/// A new IAM user with an access key and, if given, one inline policy; its credentials.
pub(crate) async fn user_with_policy(
    server: &Server,
    name: &str,
    policy: Option<&str>,
) -> Credentials {
    let client = iam(server, admin(server));
    client.create_user().user_name(name).send().await.unwrap();
    if let Some(document) = policy {
        client
            .put_user_policy()
            .user_name(name)
            .policy_name("inline")
            .policy_document(document)
            .send()
            .await
            .unwrap();
    }
    let key = client
        .create_access_key()
        .user_name(name)
        .send()
        .await
        .unwrap();
    let key = key.access_key().unwrap();
    Credentials::new(
        key.access_key_id(),
        key.secret_access_key(),
        None,
        None,
        "neargate-test",
    )
}

/// The error code of an SDK error.
/// The code and message of a service error, for tests that check AWS's exact words.
pub(crate) fn code_and_message<E, R>(error: &aws_sdk_sts::error::SdkError<E, R>) -> (String, String)
where
    E: aws_sdk_sts::error::ProvideErrorMetadata,
{
    let service = error.as_service_error();
    (
        code(error),
        service
            .and_then(|e| e.message())
            .unwrap_or_default()
            .to_owned(),
    )
}

pub(crate) fn code<E, R>(error: &aws_sdk_sts::error::SdkError<E, R>) -> String
where
    E: aws_sdk_sts::error::ProvideErrorMetadata,
{
    error
        .as_service_error()
        .and_then(|e| e.code())
        .unwrap_or("<no service error>")
        .to_owned()
}
