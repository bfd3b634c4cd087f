//! Smoke tests with the `aws` CLI (botocore) against the real `neargate` binary.

use std::process::{Command, Output};

use neargate_testkit::Server;
use serde_json::Value;

fn start() -> Server {
    Server::start(env!("CARGO_BIN_EXE_neargate"))
}

/// Starts the server with extra `serve` arguments.
fn start_with(args: &[&str]) -> Server {
    let options = neargate_testkit::ServerOptions {
        args: args.iter().map(|a| (*a).to_owned()).collect(),
        ..Default::default()
    };
    Server::start_with(env!("CARGO_BIN_EXE_neargate"), options)
}

/// Runs `aws args…` against `server` with `key`/`secret` (and an optional session token).
fn aws_as(server: &Server, key: &str, secret: &str, token: Option<&str>, args: &[&str]) -> Output {
    let mut command = Command::new("aws");
    command
        .args(args)
        .args(["--output", "json"])
        .env("AWS_ENDPOINT_URL", server.endpoint())
        .env("AWS_ACCESS_KEY_ID", key)
        .env("AWS_SECRET_ACCESS_KEY", secret)
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env("AWS_CONFIG_FILE", "/nonexistent")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_PAGER", "")
        .env_remove("AWS_SESSION_TOKEN")
        .env_remove("AWS_PROFILE");
    if let Some(token) = token {
        command.env("AWS_SESSION_TOKEN", token);
    }
    command
        .output()
        .expect("the aws CLI is installed (bash .ci/run installs it)")
}

/// What a failed command printed.
fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts that `out` was refused with `code`, and returns what it said.
fn refused(out: &Output, code: &str) -> String {
    let said = stderr(out);
    assert!(
        !out.status.success() && said.contains(&format!("({code})")),
        "expected {code}, got: {said}"
    );
    said
}

/// Creates the user `name` with an access key; returns (key id, secret).
fn user_with_key(server: &Server, name: &str) -> (String, String) {
    aws(server, &["iam", "create-user", "--user-name", name]);
    let key = aws(server, &["iam", "create-access-key", "--user-name", name])["AccessKey"].clone();
    (
        key["AccessKeyId"].as_str().unwrap().to_owned(),
        key["SecretAccessKey"].as_str().unwrap().to_owned(),
    )
}

/// Runs `aws args…` as the administrator, whether it succeeds or not.
fn aws_try(server: &Server, args: &[&str]) -> Output {
    let c = server.credentials();
    aws_as(server, &c.access_key_id, &c.secret_access_key, None, args)
}

fn aws(server: &Server, args: &[&str]) -> Value {
    let c = server.credentials();
    let out = aws_as(server, &c.access_key_id, &c.secret_access_key, None, args);
    assert!(
        out.status.success(),
        "aws {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    if out.stdout.iter().all(u8::is_ascii_whitespace) {
        return Value::Null; // commands such as put-user-policy print nothing
    }
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

#[test]
fn get_caller_identity() {
    let server = start();
    let me = aws(&server, &["sts", "get-caller-identity"]);
    assert_eq!(me["Account"], server.credentials().account.as_str());
    assert!(me["Arn"].as_str().unwrap().ends_with(":user/admin"));
}

#[test]
fn neargate_env_configures_the_cli() {
    let server = start();
    let script = format!(
        "set -e; eval \"$({} env --data-dir {})\"; AWS_CONFIG_FILE=/nonexistent AWS_SHARED_CREDENTIALS_FILE=/nonexistent aws sts get-caller-identity --output json",
        env!("CARGO_BIN_EXE_neargate"),
        server.data_dir().display()
    );
    let out = Command::new("bash").args(["-c", &script]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let me: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(me["Account"], server.credentials().account.as_str());
}

#[test]
fn session_token_round_trip() {
    let server = start();
    let creds = aws(
        &server,
        &["sts", "get-session-token", "--duration-seconds", "900"],
    )["Credentials"]
        .clone();
    let (key, secret, token) = (
        creds["AccessKeyId"].as_str().unwrap(),
        creds["SecretAccessKey"].as_str().unwrap(),
        creds["SessionToken"].as_str().unwrap(),
    );
    let out = aws_as(
        &server,
        key,
        secret,
        Some(token),
        &["sts", "get-caller-identity"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = aws_as(&server, key, secret, None, &["sts", "get-caller-identity"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("InvalidClientTokenId"));
}

#[test]
fn errors_reach_the_cli_with_aws_codes() {
    let server = start();
    let c = server.credentials();
    let out = aws_as(
        &server,
        &c.access_key_id,
        "wrong-secret",
        None,
        &["sts", "get-caller-identity"],
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("(SignatureDoesNotMatch)"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = aws_as(
        &server,
        "AKIAUNKNOWNUNKNOWN00",
        "x",
        None,
        &["cloudtrail", "lookup-events"],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("(UnrecognizedClientException)"));
    let out = aws_as(
        &server,
        &c.access_key_id,
        &c.secret_access_key,
        None,
        &[
            "cloudtrail",
            "lookup-events",
            "--lookup-attributes",
            "AttributeKey=EventName,AttributeValue=a",
            "AttributeKey=EventName,AttributeValue=b",
        ],
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("(InvalidLookupAttributesException)"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn lookup_events_paginates_through_the_cli() {
    let server = start();
    for _ in 0..5 {
        aws(&server, &["sts", "get-caller-identity"]);
    }
    let all = aws(
        &server,
        &[
            "cloudtrail",
            "lookup-events",
            "--page-size",
            "2",
            "--lookup-attributes",
            "AttributeKey=EventName,AttributeValue=GetCallerIdentity",
        ],
    );
    let events = all["Events"].as_array().unwrap();
    assert_eq!(
        events.len(),
        5,
        "the CLI followed NextToken through every page"
    );
    let record: Value =
        serde_json::from_str(events[0]["CloudTrailEvent"].as_str().unwrap()).unwrap();
    assert_eq!(record["eventSource"], "sts.amazonaws.com");
    assert!(
        record["userAgent"]
            .as_str()
            .unwrap()
            .starts_with("aws-cli/")
    );
}

mod authorization;
mod aws_managed_policies;
mod boundaries;
mod container_instances;
mod ecs;
mod ecs_fidelity;
mod kms;
mod managed_instances;
mod roles;

/// The key policy of the seed walkthrough: Fargate may make data keys and `Decrypt` grants for
/// the cluster `cluster` of `account` only; the account's principals may do anything.
fn seed_key_policy(account: &str, cluster: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Id":"key-consolepolicy-3","Statement":[
        {{"Sid":"Allow generate data key access for Fargate tasks.","Effect":"Allow",
          "Principal":{{"Service":"fargate.amazonaws.com"}},
          "Action":"kms:GenerateDataKeyWithoutPlaintext","Resource":"*",
          "Condition":{{"StringEquals":{{
            "kms:EncryptionContext:aws:ecs:clusterName":"{cluster}",
            "kms:EncryptionContext:aws:ecs:clusterAccount":"{account}"}}}}}},
        {{"Sid":"Allow grant creation permission for Fargate tasks.","Effect":"Allow",
          "Principal":{{"Service":"fargate.amazonaws.com"}},
          "Action":"kms:CreateGrant","Resource":"*",
          "Condition":{{"StringEquals":{{
            "kms:EncryptionContext:aws:ecs:clusterName":"{cluster}",
            "kms:EncryptionContext:aws:ecs:clusterAccount":"{account}"}},
            "ForAllValues:StringEquals":{{"kms:GrantOperations":"Decrypt"}}}}}},
        {{"Sid":"Enable IAM User Permissions","Effect":"Allow",
          "Principal":{{"AWS":"arn:aws:iam::{account}:root"}},
          "Action":"kms:*","Resource":"*"}}]}}"#
    )
}

/// Runs a local `neargate` command (no server) on the data directory `data`.
fn neargate_local(data: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_neargate"))
        .args(args)
        .env("NEARGATE_DATA_DIR", data)
        .output()
        .unwrap()
}

#[test]
fn images_import_list_and_remove_from_the_command_line() {
    use neargate_testkit::images::{busybox_layer, docker_save};

    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("busybox.tar");
    std::fs::write(&archive, docker_save(&busybox_layer(), "busybox:1.35")).unwrap();
    let neargate = |args: &[&str]| neargate_local(&dir.path().join("data"), args);
    let imported = neargate(&["image", "import", archive.to_str().unwrap()]);
    assert!(imported.status.success(), "{imported:?}");
    assert!(
        String::from_utf8_lossy(&imported.stdout)
            .contains("imported docker.io/library/busybox:1.35")
    );
    let listed = neargate(&["image", "ls"]);
    assert!(String::from_utf8_lossy(&listed.stdout).contains("docker.io/library/busybox:1.35"));
    let missing = neargate(&["image", "rm", "busybox:1.36"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("CannotPullContainerError"));
    let removed = neargate(&["image", "rm", "busybox:1.35"]);
    assert!(removed.status.success(), "{removed:?}");
    let empty = neargate(&["image", "ls"]);
    assert!(!String::from_utf8_lossy(&empty.stdout).contains("busybox"));
}

#[test]
fn task_logs_print_with_their_container_time_and_stream() {
    use neargate_agent::logs::{DEFAULT_LIMIT, LogFile, task_logs};

    let dir = tempfile::tempdir().unwrap();
    let logs = task_logs(&dir.path().join("data"), "task-42");
    let clock = std::sync::Arc::new(neargate_common::ManualClock::new(
        neargate_common::Timestamp::from_secs(1_800_000_000),
    ));
    let app = LogFile::open(&logs.join("app.log"), DEFAULT_LIMIT, clock.clone()).unwrap();
    app.line("stdout", "listening").unwrap();
    let sidecar = LogFile::open(&logs.join("sidecar.log"), DEFAULT_LIMIT, clock).unwrap();
    sidecar.line("stderr", "warming up").unwrap();
    let neargate = |args: &[&str]| neargate_local(&dir.path().join("data"), args);
    let all = neargate(&["logs", "task-42"]);
    assert!(all.status.success(), "{all:?}");
    assert_eq!(
        String::from_utf8_lossy(&all.stdout),
        "app 2027-01-15T08:00:00Z stdout listening\nsidecar 2027-01-15T08:00:00Z stderr warming up\n"
    );
    let one = neargate(&["logs", "task-42", "sidecar"]);
    assert!(!String::from_utf8_lossy(&one.stdout).contains("listening"));
    assert!(!neargate(&["logs", "no-such-task"]).status.success());
}
