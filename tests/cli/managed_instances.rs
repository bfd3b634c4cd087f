//! Managed Instances with the aws CLI: a cluster's capacity provider makes instances on this
//! host when its tasks find no room, packs tasks onto them, refuses privileged capabilities
//! unless the provider opted in, scales idle instances in, replaces instances at the end of
//! their lifetime, and takes its instances down when deleted. Needs root and `runc`, like the
//! other ECS scenarios.

use std::process::Output;
use std::time::Duration;

use neargate_testkit::Server;
use serde_json::{Value, json};

use crate::ecs::{
    assert_invalid, describe, import_busybox, seed_key, wait_for, wait_for_event, wait_stopped,
};
use crate::{aws, aws_as, aws_try, start, start_with, stderr, user_with_key};

const CLUSTER: &str = "mi";
const PROVIDER: &str = "mi-cp";
const NETWORK: &str = "awsvpcConfiguration={subnets=[subnet-12345678]}";

/// `managedInstancesProvider` for instances of 1 vCPU and 512 MiB, idle ones kept for
/// `scale_in_after` seconds.
fn managed(account: &str, scale_in_after: i64) -> String {
    json!({
        "infrastructureRoleArn": format!("arn:aws:iam::{account}:role/ecsInfrastructureRole"),
        "instanceLaunchTemplate": {
            "ec2InstanceProfileArn": format!("arn:aws:iam::{account}:instance-profile/ecsInstanceRole"),
            "networkConfiguration": {"subnets": ["subnet-12345678"]},
            "instanceRequirements": {"vCpuCount": {"min": 1}, "memoryMiB": {"min": 512}},
        },
        "propagateTags": "CAPACITY_PROVIDER",
        "infrastructureOptimization": {"scaleInAfter": scale_in_after},
    })
    .to_string()
}

/// `create-capacity-provider` of `name` for the cluster, with the administrator's keys or
/// `keys`.
fn create_provider(
    server: &Server,
    keys: Option<(&str, &str)>,
    name: &str,
    scale_in_after: i64,
) -> Output {
    let account = server.credentials().account;
    let args = [
        "ecs",
        "create-capacity-provider",
        "--name",
        name,
        "--cluster",
        CLUSTER,
        "--managed-instances-provider",
        &managed(&account, scale_in_after),
        "--tags",
        "key=team,value=platform",
    ];
    match keys {
        Some((key, secret)) => aws_as(server, key, secret, None, &args),
        None => aws_try(server, &args),
    }
}

/// Imports busybox and makes the cluster (its managed storage under `key`, if given) and its
/// Managed Instances provider; the provider.
fn cluster_with_provider(server: &Server, key: Option<&str>, scale_in_after: i64) -> Value {
    import_busybox(server);
    let mut args = vec!["ecs", "create-cluster", "--cluster-name", CLUSTER];
    let configuration =
        key.map(|key| json!({"managedStorageConfiguration": {"kmsKeyId": key}}).to_string());
    if let Some(configuration) = &configuration {
        args.extend(["--configuration", configuration]);
    }
    aws(server, &args);
    let out = create_provider(server, None, PROVIDER, scale_in_after);
    assert!(out.status.success(), "{}", stderr(&out));
    let created: Value = serde_json::from_slice(&out.stdout).unwrap();
    created["capacityProvider"].clone()
}

/// Asserts that a command failed with the error `code`.
fn assert_fails_with(out: &Output, code: &str) {
    assert!(!out.status.success());
    assert!(stderr(out).contains(code), "{}", stderr(out));
}

/// Registers `family` for Managed Instances: 256 MiB, a container that sleeps until stopped,
/// adding `capabilities`.
fn register(server: &Server, family: &str, capabilities: &[&str]) -> Value {
    let containers = json!([{
        "name": "app", "image": "busybox:1.35",
        "entryPoint": ["/bin/sh", "-c"], "command": ["trap 'exit 0' TERM; sleep 600 & wait"],
        "linuxParameters": {"capabilities": {"add": capabilities}},
        "stopTimeout": 2
    }]);
    aws(
        server,
        &[
            "ecs",
            "register-task-definition",
            "--family",
            family,
            "--requires-compatibilities",
            "MANAGED_INSTANCES",
            "--cpu",
            "256",
            "--memory",
            "256",
            "--container-definitions",
            &containers.to_string(),
        ],
    )["taskDefinition"]
        .clone()
}

fn run_args<'a>(family: &'a str, count: &'a str) -> Vec<&'a str> {
    vec![
        "ecs",
        "run-task",
        "--cluster",
        CLUSTER,
        "--task-definition",
        family,
        "--count",
        count,
        "--capacity-provider-strategy",
        "capacityProvider=mi-cp,weight=1",
        "--network-configuration",
        NETWORK,
    ]
}

/// Runs `count` tasks of `family` on the provider; their ARNs.
fn run(server: &Server, family: &str, count: &str) -> Vec<String> {
    let ran = aws(server, &run_args(family, count));
    assert_eq!(ran["failures"], json!([]), "{ran:#}");
    ran["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["taskArn"].as_str().unwrap().to_owned())
        .collect()
}

/// The cluster's container instances (every status) as `describe-container-instances` shows
/// them.
fn instances(server: &Server, arns: &[String]) -> Vec<Value> {
    let mut args = vec![
        "ecs",
        "describe-container-instances",
        "--cluster",
        CLUSTER,
        "--container-instances",
    ];
    args.extend(arns.iter().map(String::as_str));
    aws(server, &args)["containerInstances"]
        .as_array()
        .unwrap()
        .clone()
}

/// The ARNs `list-container-instances` gives (active and draining ones).
fn listed(server: &Server) -> Vec<String> {
    aws(
        server,
        &["ecs", "list-container-instances", "--cluster", CLUSTER],
    )["containerInstanceArns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap().to_owned())
        .collect()
}

/// Waits until `check` holds, polling every 250 ms for up to 30 s.
fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    for _ in 0..120 {
        if check() {
            return;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    panic!("{what} never happened");
}

fn stop(server: &Server, task: &str) {
    aws(
        server,
        &["ecs", "stop-task", "--cluster", CLUSTER, "--task", task],
    );
}

#[test]
fn managed_instances_are_made_packed_guarded_and_scaled_in() {
    let server = start();
    let dir = tempfile::tempdir().unwrap();
    let key = seed_key(&server, dir.path(), CLUSTER);
    let provider = cluster_with_provider(&server, Some(&key), 1);
    assert_eq!(provider["type"], "MANAGED_INSTANCES");
    assert_eq!(provider["status"], "ACTIVE");
    assert_eq!(provider["cluster"], CLUSTER);
    assert_eq!(
        provider["managedInstancesProvider"]["instanceLaunchTemplate"]["capacityOptionType"],
        "ON_DEMAND"
    );
    // The provider is the cluster's from the start.
    let cluster = aws(
        &server,
        &["ecs", "describe-clusters", "--clusters", CLUSTER],
    );
    assert_eq!(
        cluster["clusters"][0]["capacityProviders"],
        json!([PROVIDER])
    );
    let described = aws(
        &server,
        &["ecs", "describe-capacity-providers", "--cluster", CLUSTER],
    );
    let names: Vec<&str> = described["capacityProviders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, [PROVIDER]);
    let all = aws(&server, &["ecs", "describe-capacity-providers"]);
    assert_eq!(all["capacityProviders"].as_array().unwrap().len(), 3);

    // Bad requests are refused with ECS's errors.
    assert_invalid(&create_provider(&server, None, "ecs-mine", 1));
    assert_fails_with(
        &create_provider(&server, None, PROVIDER, 1),
        "ClientException",
    );
    let asg = aws_try(
        &server,
        &[
            "ecs",
            "create-capacity-provider",
            "--name",
            "asg",
            "--auto-scaling-group-provider",
            "autoScalingGroupArn=arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:1:autoScalingGroupName/a",
        ],
    );
    assert_fails_with(&asg, "UnsupportedFeatureException");
    let in_use = aws_try(&server, &["ecs", "delete-cluster", "--cluster", CLUSTER]);
    assert_fails_with(&in_use, "ClusterContainsCapacityProviderException");
    // Passing the infrastructure role takes iam:PassRole, as on AWS.
    let (akid, secret) = user_with_key(&server, "no-pass-role");
    let policy = json!({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ecs:*", "Resource": "*"}]});
    aws(
        &server,
        &[
            "iam",
            "put-user-policy",
            "--user-name",
            "no-pass-role",
            "--policy-name",
            "ecs",
            "--policy-document",
            &policy.to_string(),
        ],
    );
    let denied = create_provider(&server, Some((&akid, &secret)), "other", 1);
    assert_fails_with(&denied, "AccessDeniedException");
    assert!(
        stderr(&denied).contains("iam:PassRole"),
        "{}",
        stderr(&denied)
    );

    let definition = register(&server, "mi-app", &[]);
    assert!(
        definition["compatibilities"]
            .as_array()
            .unwrap()
            .contains(&json!("MANAGED_INSTANCES"))
    );
    assert_eq!(definition["networkMode"], "awsvpc");

    // Two 256 MiB tasks fill one 512 MiB instance; a third gets a new one.
    let tasks = run(&server, "mi-app", "2");
    let first = wait_for(&server, CLUSTER, &tasks[0], "RUNNING");
    let second = wait_for(&server, CLUSTER, &tasks[1], "RUNNING");
    assert_eq!(first["launchType"], "MANAGED_INSTANCES");
    assert_eq!(first["capacityProviderName"], PROVIDER);
    assert_eq!(
        first["containerInstanceArn"],
        second["containerInstanceArn"]
    );
    // Their storage is encrypted under the cluster's managed storage key, through a grant.
    let grants = wait_for_event(&server, "CreateGrant");
    assert_eq!(grants[0]["requestParameters"]["keyId"], key.as_str());
    assert_eq!(
        grants[0]["requestParameters"]["granteePrincipal"],
        "fargate.amazonaws.com"
    );
    let third = run(&server, "mi-app", "1").remove(0);
    let third_shown = wait_for(&server, CLUSTER, &third, "RUNNING");
    assert_ne!(
        third_shown["containerInstanceArn"],
        first["containerInstanceArn"]
    );
    let made = listed(&server);
    assert_eq!(made.len(), 2);
    let shown = instances(&server, &made);
    for instance in &shown {
        assert_eq!(instance["capacityProviderName"], PROVIDER);
        assert_eq!(instance["agentConnected"], true);
        let memory = instance["registeredResources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == "MEMORY")
            .unwrap()["integerValue"]
            .clone();
        assert_eq!(memory, 512);
    }
    let tagged = aws(
        &server,
        &["ecs", "list-tags-for-resource", "--resource-arn", &made[0]],
    );
    assert_eq!(
        tagged["tags"],
        json!([{"key": "team", "value": "platform"}])
    );

    // Privileged capabilities need the provider's opt-in.
    register(&server, "mi-admin", &["NET_ADMIN"]);
    let refused = aws_try(&server, &run_args("mi-admin", "1"));
    assert_invalid(&refused);
    assert_fails_with(&refused, "neargate:privileged-capabilities");
    aws(
        &server,
        &[
            "ecs",
            "tag-resource",
            "--resource-arn",
            provider["capacityProviderArn"].as_str().unwrap(),
            "--tags",
            "key=neargate:privileged-capabilities,value=enabled",
        ],
    );
    let admin = run(&server, "mi-admin", "1").remove(0);
    wait_for(&server, CLUSTER, &admin, "RUNNING");
    let every = listed(&server);

    // Stopped tasks give their room back; idle instances go after scaleInAfter.
    for task in tasks.iter().chain([&third, &admin]) {
        stop(&server, task);
    }
    for task in tasks.iter().chain([&third, &admin]) {
        wait_stopped(&server, CLUSTER, task);
    }
    eventually("scale-in of idle instances", || {
        instances(&server, &every)
            .iter()
            .all(|i| i["status"] == "INACTIVE")
    });
    assert!(listed(&server).is_empty());

    // Deleting the provider takes it out of the cluster; then the cluster can go.
    let deleted = aws(
        &server,
        &[
            "ecs",
            "delete-capacity-provider",
            "--capacity-provider",
            PROVIDER,
            "--cluster",
            CLUSTER,
        ],
    );
    assert_eq!(deleted["capacityProvider"]["status"], "DEPROVISIONING");
    eventually("the provider's deletion", || {
        let shown = aws(
            &server,
            &[
                "ecs",
                "describe-capacity-providers",
                "--capacity-providers",
                PROVIDER,
            ],
        );
        shown["capacityProviders"][0]["status"] == "INACTIVE"
    });
    aws(&server, &["ecs", "delete-cluster", "--cluster", CLUSTER]);
}

#[test]
fn managed_instances_are_replaced_at_the_end_of_their_lifetime() {
    let server = start_with(&["--managed-instance-lifetime", "4"]);
    cluster_with_provider(&server, None, -1);
    register(&server, "mi-app", &[]);
    aws(
        &server,
        &[
            "ecs",
            "create-service",
            "--cluster",
            CLUSTER,
            "--service-name",
            "web",
            "--task-definition",
            "mi-app",
            "--desired-count",
            "1",
            "--capacity-provider-strategy",
            "capacityProvider=mi-cp,weight=1",
            "--network-configuration",
            NETWORK,
        ],
    );
    let running = |server: &Server| -> Vec<Value> {
        let listed = aws(
            server,
            &[
                "ecs",
                "list-tasks",
                "--cluster",
                CLUSTER,
                "--service-name",
                "web",
            ],
        );
        listed["taskArns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| describe(server, CLUSTER, t.as_str().unwrap()))
            .filter(|t| t["lastStatus"] == "RUNNING")
            .collect()
    };
    let mut first = None;
    eventually("the service's first task", || {
        first = running(&server).first().cloned();
        first.is_some()
    });
    let first = first.unwrap();
    let old = first["containerInstanceArn"].as_str().unwrap().to_owned();
    // The instance drains at the end of its lifetime: the service's task moves to a new one
    // and the old instance, emptied, is deregistered.
    eventually("the task's replacement on a new instance", || {
        running(&server)
            .iter()
            .any(|t| t["containerInstanceArn"] != old.as_str())
    });
    let stopped = describe(&server, CLUSTER, first["taskArn"].as_str().unwrap());
    assert_eq!(stopped["stopCode"], "ServiceSchedulerInitiated");
    eventually("the old instance's deregistration", || {
        instances(&server, std::slice::from_ref(&old))[0]["status"] == "INACTIVE"
    });
    aws(
        &server,
        &[
            "ecs",
            "delete-service",
            "--cluster",
            CLUSTER,
            "--service",
            "web",
            "--force",
        ],
    );
    eventually("the service's tasks stopping", || {
        running(&server).is_empty()
    });
    let listed = aws(
        &server,
        &[
            "ecs",
            "list-tasks",
            "--cluster",
            CLUSTER,
            "--desired-status",
            "STOPPED",
        ],
    );
    for task in listed["taskArns"].as_array().unwrap() {
        wait_stopped(&server, CLUSTER, task.as_str().unwrap());
    }
}
