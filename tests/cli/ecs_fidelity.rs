//! ECS answering as AWS does where the model and ECS's documented behaviour decide: what
//! `DescribeClusters` leaves out, how task definitions are named and checked, and the errors
//! of services that do not exist.

use serde_json::{Value, json};

use super::{aws, aws_try, refused, start};

/// Registers `definition` (a JSON object of `RegisterTaskDefinition` members).
fn register(server: &neargate_testkit::Server, definition: &Value) -> std::process::Output {
    aws_try(
        server,
        &[
            "ecs",
            "register-task-definition",
            "--cli-input-json",
            &definition.to_string(),
        ],
    )
}

fn container(name: &str) -> Value {
    json!({"name": name, "image": "busybox", "memory": 64})
}

#[test]
fn describe_clusters_shows_the_optional_parts_only_when_asked() {
    let server = start();
    aws(
        &server,
        &[
            "ecs",
            "create-cluster",
            "--cluster-name",
            "c1",
            "--tags",
            "key=team,value=a",
            "--settings",
            "name=containerInsights,value=enabled",
        ],
    );
    let plain = &aws(&server, &["ecs", "describe-clusters", "--clusters", "c1"])["clusters"][0];
    for part in [
        "tags",
        "settings",
        "statistics",
        "attachments",
        "configuration",
    ] {
        assert!(plain.get(part).is_none(), "{part} shown unasked: {plain}");
    }
    let full = &aws(
        &server,
        &[
            "ecs",
            "describe-clusters",
            "--clusters",
            "c1",
            "--include",
            "TAGS",
            "SETTINGS",
            "STATISTICS",
        ],
    )["clusters"][0];
    assert_eq!(full["tags"], json!([{"key": "team", "value": "a"}]));
    assert_eq!(full["settings"][0]["name"], "containerInsights");
    assert!(full["statistics"].as_array().is_some_and(|s| !s.is_empty()));
}

#[test]
fn task_definitions_are_named_and_checked_as_aws_does() {
    let server = start();
    for family in ["web", "web-admin"] {
        let out = register(
            &server,
            &json!({"family": family, "containerDefinitions": [container("app")]}),
        );
        assert!(out.status.success(), "{}", super::stderr(&out));
    }
    // `familyPrefix` is a whole family name for ListTaskDefinitions.
    let listed = aws(
        &server,
        &["ecs", "list-task-definitions", "--family-prefix", "web"],
    );
    assert_eq!(listed["taskDefinitionArns"].as_array().unwrap().len(), 1);
    // ... and a prefix for ListTaskDefinitionFamilies.
    let families = aws(
        &server,
        &[
            "ecs",
            "list-task-definition-families",
            "--family-prefix",
            "web",
        ],
    );
    assert_eq!(families["families"], json!(["web", "web-admin"]));

    let out = aws_try(
        &server,
        &[
            "ecs",
            "deregister-task-definition",
            "--task-definition",
            "web:latest",
        ],
    );
    assert!(refused(&out, "ClientException").contains("Invalid revision number. Number: latest"));
    let out = aws_try(
        &server,
        &[
            "ecs",
            "deregister-task-definition",
            "--task-definition",
            "web:9",
        ],
    );
    assert!(refused(&out, "ClientException").contains("Unable to describe task definition."));

    // EC2 (the default) needs memory at the task or in every container.
    let out = register(
        &server,
        &json!({"family": "nomem", "containerDefinitions": [{"name": "app", "image": "busybox"}]}),
    );
    assert!(refused(&out, "ClientException").contains(
        "Invalid setting for container 'app'. At least one of 'memory' or 'memoryReservation' \
         must be specified."
    ));
    let out = register(
        &server,
        &json!({"family": "reserved", "containerDefinitions": [
            {"name": "app", "image": "busybox", "memoryReservation": 32}
        ]}),
    );
    assert!(out.status.success(), "{}", super::stderr(&out));

    // Fargate has no host pid namespace to share.
    let out = register(
        &server,
        &json!({
            "family": "pid", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
            "cpu": "256", "memory": "512", "pidMode": "host",
            "containerDefinitions": [container("app")]
        }),
    );
    refused(&out, "ClientException");

    // An EFS volume without a root directory mounts, and shows, `/`.
    let out = register(
        &server,
        &json!({
            "family": "efs", "containerDefinitions": [container("app")],
            "volumes": [{"name": "shared", "efsVolumeConfiguration": {"fileSystemId": "fs-1234"}}]
        }),
    );
    assert!(out.status.success(), "{}", super::stderr(&out));
    let described = aws(
        &server,
        &[
            "ecs",
            "describe-task-definition",
            "--task-definition",
            "efs",
        ],
    );
    assert_eq!(
        described["taskDefinition"]["volumes"][0]["efsVolumeConfiguration"]["rootDirectory"],
        "/"
    );
}

#[test]
fn services_that_do_not_exist_and_members_that_need_others() {
    let server = start();
    aws(&server, &["ecs", "create-cluster", "--cluster-name", "c1"]);
    let account = server.credentials().account;

    let described = aws(
        &server,
        &[
            "ecs",
            "describe-services",
            "--cluster",
            "c1",
            "--services",
            "ghost",
        ],
    );
    assert_eq!(
        described["failures"],
        json!([{
            "arn": format!("arn:aws:ecs:us-east-1:{account}:service/ghost"),
            "reason": "MISSING"
        }])
    );
    let out = aws_try(
        &server,
        &[
            "ecs",
            "update-service",
            "--cluster",
            "c1",
            "--service",
            "ghost",
            "--desired-count",
            "1",
        ],
    );
    assert!(refused(&out, "ServiceNotFoundException").contains("Service not found."));

    let out = register(
        &server,
        &json!({"family": "web", "containerDefinitions": [container("app")]}),
    );
    assert!(out.status.success());
    let create = |extra: &[&str]| {
        let mut args = vec![
            "ecs",
            "create-service",
            "--cluster",
            "c1",
            "--service-name",
            "s1",
            "--task-definition",
            "web",
        ];
        args.extend_from_slice(extra);
        aws_try(&server, &args)
    };
    // A role lets ECS call a load balancer: it needs one.
    refused(
        &create(&["--role", "ecsServiceRole"]),
        "InvalidParameterException",
    );
    // DAEMON places one task per instance: a desired count is refused for that reason.
    let out = create(&[
        "--launch-type",
        "EC2",
        "--scheduling-strategy",
        "DAEMON",
        "--desired-count",
        "2",
    ]);
    assert!(
        refused(&out, "InvalidParameterException").contains(
            "The daemon scheduling strategy does not support a desired count for services."
        )
    );
}
