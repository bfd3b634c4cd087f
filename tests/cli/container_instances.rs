//! Container instances with the aws CLI: the host's agent registers with the `default`
//! cluster, `EC2` tasks are placed on it by `run-task` (constraints, strategies) and
//! `start-task`, what they hold comes back when they stop, attributes steer placement, and an
//! instance without an agent is refused. Needs root and `runc`, like the other ECS scenarios.

use std::time::Duration;

use neargate_testkit::Server;
use serde_json::{Value, json};

use crate::ecs::{
    assert_invalid, describe, import_busybox, wait_for, wait_for_event, wait_stopped,
};
use crate::{aws, aws_try, start, stderr};

/// A server with busybox and a `default` cluster, and the host's container instance there.
fn host_in_default_cluster() -> (Server, String) {
    let server = start();
    import_busybox(&server);
    aws(
        &server,
        &["ecs", "create-cluster", "--cluster-name", "default"],
    );
    let local = local_instance(&server);
    (server, local)
}

/// Waits for the host's agent to register with `default`; its container instance ARN.
fn local_instance(server: &Server) -> String {
    for _ in 0..40 {
        let listed = aws(
            server,
            &["ecs", "list-container-instances", "--cluster", "default"],
        );
        if let Some(arn) = listed["containerInstanceArns"][0].as_str() {
            return arn.to_owned();
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    panic!("the host never registered as a container instance");
}

fn instance(server: &Server, arn: &str) -> Value {
    let described = aws(
        server,
        &[
            "ecs",
            "describe-container-instances",
            "--cluster",
            "default",
            "--container-instances",
            arn,
        ],
    );
    described["containerInstances"][0].clone()
}

/// Sets the container instance `arn` of `default` `ACTIVE` or `DRAINING`.
fn set_state(server: &Server, arn: &str, status: &str) {
    aws(
        server,
        &[
            "ecs",
            "update-container-instances-state",
            "--cluster",
            "default",
            "--container-instances",
            arn,
            "--status",
            status,
        ],
    );
}

/// The tags of `task` of `default`, as sorted `key=value` texts.
fn tags_of(server: &Server, task: &str) -> Vec<String> {
    let described = aws(
        server,
        &[
            "ecs",
            "describe-tasks",
            "--cluster",
            "default",
            "--tasks",
            task,
            "--include",
            "TAGS",
        ],
    );
    let mut tags: Vec<String> = described["tasks"][0]["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            format!(
                "{}={}",
                t["key"].as_str().unwrap(),
                t["value"].as_str().unwrap()
            )
        })
        .collect();
    tags.sort();
    tags
}

/// The integer value of resource `name`.
fn resource(resources: &Value, name: &str) -> i64 {
    resources
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == name)
        .unwrap()["integerValue"]
        .as_i64()
        .unwrap()
}

/// `run-task --launch-type EC2` of `ec2` with extra arguments.
fn run_ec2(server: &Server, extra: &[&str]) -> Value {
    let mut args = vec![
        "ecs",
        "run-task",
        "--cluster",
        "default",
        "--task-definition",
        "ec2",
        "--launch-type",
        "EC2",
    ];
    args.extend_from_slice(extra);
    aws(server, &args)
}

/// Registers `ec2`: bridge networking, container-level sizes (128 CPU units, 64 MiB).
fn register_ec2_definition(server: &Server) {
    let containers = json!([{
        "name": "app", "image": "busybox:1.35", "cpu": 128, "memory": 64,
        "entryPoint": ["/bin/sh", "-c"], "command": ["trap 'exit 0' TERM; sleep 600 & wait"],
        "stopTimeout": 2
    }]);
    aws(
        server,
        &[
            "ecs",
            "register-task-definition",
            "--family",
            "ec2",
            "--container-definitions",
            &containers.to_string(),
        ],
    );
}

#[test]
fn ec2_tasks_are_placed_on_the_hosts_container_instance() {
    let (mut server, local) = host_in_default_cluster();
    let shown = instance(&server, &local);
    assert_eq!(shown["status"], "ACTIVE");
    assert_eq!(shown["agentConnected"], true);
    let cpu = resource(&shown["registeredResources"], "CPU");
    let cores = std::thread::available_parallelism().unwrap().get();
    assert_eq!(cpu, 1024 * i64::try_from(cores).unwrap());
    let memory = resource(&shown["registeredResources"], "MEMORY");
    assert!(
        shown["attributes"]
            .as_array()
            .unwrap()
            .contains(&json!({"name": "ecs.os-type", "value": "linux"}))
    );
    let clusters = aws(
        &server,
        &["ecs", "describe-clusters", "--clusters", "default"],
    );
    assert_eq!(
        clusters["clusters"][0]["registeredContainerInstancesCount"],
        1
    );
    // The agent registered itself, as the platform, in the trail.
    let registered = wait_for_event(&server, "RegisterContainerInstance");
    assert_eq!(registered[0]["userIdentity"]["type"], "AWSService");

    register_ec2_definition(&server);

    // A constraint no instance meets: the failure names the instance and the reason.
    let refused = run_ec2(
        &server,
        &[
            "--placement-constraints",
            "type=memberOf,expression=attribute:stack == blue",
        ],
    );
    assert_eq!(refused["tasks"], json!([]));
    assert_eq!(
        refused["failures"],
        json!([{"arn": local, "reason": "MemberOf placement constraint unsatisfied."}])
    );
    // An attribute makes it meet the constraint.
    aws(
        &server,
        &[
            "ecs",
            "put-attributes",
            "--cluster",
            "default",
            "--attributes",
            &format!("name=stack,value=blue,targetType=container-instance,targetId={local}"),
        ],
    );
    let listed = aws(
        &server,
        &[
            "ecs",
            "list-attributes",
            "--cluster",
            "default",
            "--target-type",
            "container-instance",
            "--attribute-name",
            "stack",
        ],
    );
    assert_eq!(
        listed["attributes"],
        json!([{"name": "stack", "value": "blue", "targetType": "container-instance", "targetId": local}])
    );
    let ran = run_ec2(
        &server,
        &[
            "--placement-constraints",
            "type=memberOf,expression=attribute:stack == blue",
            "--placement-strategy",
            "type=binpack,field=memory",
            "--enable-ecs-managed-tags",
            "--tags",
            "key=team,value=blue",
        ],
    );
    assert_eq!(ran["failures"], json!([]));
    let task = ran["tasks"][0]["taskArn"].as_str().unwrap().to_owned();
    assert_eq!(
        tags_of(&server, &task),
        ["aws:ecs:clusterName=default", "team=blue"]
    );
    assert_eq!(ran["tasks"][0]["containerInstanceArn"], local);
    assert_eq!(ran["tasks"][0]["launchType"], "EC2");
    assert!(ran["tasks"][0].get("fargateEphemeralStorage").is_none());
    wait_for(&server, "default", &task, "RUNNING");
    let busy = instance(&server, &local);
    assert_eq!(busy["runningTasksCount"], 1);
    let statistics = aws(
        &server,
        &[
            "ecs",
            "describe-clusters",
            "--clusters",
            "default",
            "--include",
            "STATISTICS",
        ],
    );
    let statistics = &statistics["clusters"][0]["statistics"];
    assert!(
        statistics
            .as_array()
            .unwrap()
            .contains(&json!({"name": "runningEC2TasksCount", "value": "1"})),
        "{statistics}"
    );
    assert_eq!(resource(&busy["remainingResources"], "CPU"), cpu - 128);
    assert_eq!(resource(&busy["remainingResources"], "MEMORY"), memory - 64);
    let id = local.rsplit('/').next().unwrap();
    let on_it = aws(
        &server,
        &[
            "ecs",
            "list-tasks",
            "--cluster",
            "default",
            "--container-instance",
            id,
        ],
    );
    assert_eq!(on_it["taskArns"], json!([task]));

    // An instance registered by hand has no agent behind it; distinctInstance rules the host
    // out for a second task of the group.
    let external = aws(
        &server,
        &[
            "ecs",
            "register-container-instance",
            "--cluster",
            "default",
            "--total-resources",
            "name=CPU,type=INTEGER,integerValue=2048",
            "name=MEMORY,type=INTEGER,integerValue=4096",
        ],
    );
    let external = &external["containerInstance"];
    assert_eq!(external["agentConnected"], false);
    let external_arn = external["containerInstanceArn"].as_str().unwrap();
    let distinct = run_ec2(
        &server,
        &["--placement-constraints", "type=distinctInstance"],
    );
    assert_eq!(distinct["tasks"], json!([]));
    let reasons: Vec<(String, String)> = distinct["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["arn"].as_str().unwrap().to_owned(),
                f["reason"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(reasons.contains(&(
        local.clone(),
        "DistinctInstance placement constraint unsatisfied.".to_owned()
    )));
    assert!(reasons.contains(&(external_arn.to_owned(), "AGENT".to_owned())));

    // StartTask names the instance.
    let started = aws(
        &server,
        &[
            "ecs",
            "start-task",
            "--cluster",
            "default",
            "--task-definition",
            "ec2",
            "--container-instances",
            &local,
        ],
    );
    let second = started["tasks"][0]["taskArn"].as_str().unwrap().to_owned();
    wait_for(&server, "default", &second, "RUNNING");
    assert_eq!(instance(&server, &local)["runningTasksCount"], 2);

    // A draining instance takes no new tasks; a cluster with instances cannot be deleted.
    set_state(&server, &local, "DRAINING");
    let drained = run_ec2(&server, &[]);
    assert_eq!(drained["tasks"], json!([]));
    assert_eq!(
        drained["failures"],
        json!([{"arn": external_arn, "reason": "AGENT"}])
    );
    let out = aws_try(&server, &["ecs", "delete-cluster", "--cluster", "default"]);
    assert!(
        stderr(&out).contains("ClusterContainsContainerInstancesException"),
        "{}",
        stderr(&out)
    );
    let out = aws_try(
        &server,
        &[
            "ecs",
            "deregister-container-instance",
            "--cluster",
            "default",
            "--container-instance",
            &local,
        ],
    );
    assert_invalid(&out);

    // A stopped task gives back what it held.
    aws(
        &server,
        &["ecs", "stop-task", "--cluster", "default", "--task", &task],
    );
    wait_stopped(&server, "default", &task);
    let one_left = instance(&server, &local);
    assert_eq!(resource(&one_left["remainingResources"], "CPU"), cpu - 128);

    // A clean shutdown stops the task still running and takes it down; at the next start the
    // host registers again under the same ARN, with everything given back.
    assert!(server.terminate(), "the server exits cleanly");
    let second_id = second.rsplit('/').next().unwrap();
    let containers = std::process::Command::new("runc")
        .args(["list", "-q"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&containers.stdout).contains(second_id));
    let volumes = neargate_agent::launch::volumes_dir(server.data_dir());
    assert!(!volumes.join(format!("{second_id}.img")).exists());
    server.restart();
    let ended = describe(&server, "default", &second);
    assert_eq!(ended["lastStatus"], "STOPPED");
    assert_eq!(ended["stopCode"], "TerminationNotice");
    assert_eq!(ended["stoppedReason"], "Neargate is shutting down.");
    for _ in 0..40 {
        if instance(&server, &local)["agentConnected"] == true {
            break;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    let idle = instance(&server, &local);
    assert_eq!(idle["agentConnected"], true);
    assert_eq!(idle["runningTasksCount"], 0);
    assert_eq!(resource(&idle["remainingResources"], "CPU"), cpu);
    assert_eq!(resource(&idle["remainingResources"], "MEMORY"), memory);
    let stopped = describe(&server, "default", &task);
    assert_eq!(stopped["containerInstanceArn"], local);
    for arn in [local.as_str(), external_arn] {
        aws(
            &server,
            &[
                "ecs",
                "deregister-container-instance",
                "--cluster",
                "default",
                "--container-instance",
                arn,
            ],
        );
    }
    let listed = aws(
        &server,
        &["ecs", "list-container-instances", "--cluster", "default"],
    );
    assert_eq!(listed["containerInstanceArns"], json!([]));
    aws(&server, &["ecs", "delete-cluster", "--cluster", "default"]);
}

/// The service `name` as `describe-services` shows it.
fn service(server: &Server, name: &str) -> Value {
    let described = aws(
        server,
        &[
            "ecs",
            "describe-services",
            "--cluster",
            "default",
            "--services",
            name,
        ],
    );
    described["services"][0].clone()
}

/// Waits until `check` holds for the service `name`; the service then.
fn wait_service(server: &Server, name: &str, check: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..120 {
        let shown = service(server, name);
        if check(&shown) {
            return shown;
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    panic!(
        "service {name} never got there: {:#}",
        service(server, name)
    );
}

#[test]
fn ec2_services_place_their_tasks_and_move_off_a_draining_instance() {
    let (server, local) = host_in_default_cluster();
    register_ec2_definition(&server);
    let created = aws(
        &server,
        &[
            "ecs",
            "create-service",
            "--service-name",
            "web",
            "--task-definition",
            "ec2",
            "--desired-count",
            "1",
            "--launch-type",
            "EC2",
            "--placement-constraints",
            "type=distinctInstance",
            "--placement-strategy",
            "type=spread,field=attribute:ecs.availability-zone",
            "--deployment-configuration",
            "minimumHealthyPercent=0,maximumPercent=100",
            "--enable-ecs-managed-tags",
            "--propagate-tags",
            "SERVICE",
            "--tags",
            "key=tier,value=web",
        ],
    );
    let created = &created["service"];
    assert_eq!(created["launchType"], "EC2");
    assert_eq!(
        created["placementConstraints"],
        json!([{"type": "distinctInstance"}])
    );
    assert!(created.get("platformVersion").is_none());
    let running = wait_service(&server, "web", |s| s["runningCount"] == 1);
    assert!(
        running["deployments"][0]
            .get("fargateEphemeralStorage")
            .is_none()
    );
    let tasks = aws(
        &server,
        &[
            "ecs",
            "list-tasks",
            "--cluster",
            "default",
            "--service-name",
            "web",
        ],
    );
    let task = tasks["taskArns"][0].as_str().unwrap().to_owned();
    assert_eq!(
        tags_of(&server, &task),
        [
            "aws:ecs:clusterName=default",
            "aws:ecs:serviceName=web",
            "tier=web"
        ]
    );
    assert_eq!(
        describe(&server, "default", &task)["containerInstanceArn"],
        local
    );

    // Scaling to 2 with distinctInstance on one host: the second task has nowhere to go.
    aws(
        &server,
        &[
            "ecs",
            "update-service",
            "--cluster",
            "default",
            "--service",
            "web",
            "--desired-count",
            "2",
        ],
    );
    let blocked = wait_service(&server, "web", |s| {
        s["events"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("unable to place a task"))
    });
    let message = blocked["events"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("DistinctInstance placement constraint unsatisfied."),
        "{message}"
    );
    assert_eq!(blocked["runningCount"], 1);

    // Draining the host stops the service's task; none can start again until it is active.
    set_state(&server, &local, "DRAINING");
    let stopped = wait_stopped(&server, "default", &task);
    assert_eq!(stopped["stoppedReason"], "Container instance is draining.");
    wait_service(&server, "web", |s| {
        s["runningCount"] == 0 && s["pendingCount"] == 0
    });
    set_state(&server, &local, "ACTIVE");
    wait_service(&server, "web", |s| s["runningCount"] == 1);
    aws(
        &server,
        &[
            "ecs",
            "delete-service",
            "--cluster",
            "default",
            "--service",
            "web",
            "--force",
        ],
    );
    // Its tasks stop with it (nothing is left running on the host after the test).
    wait_service(&server, "web", |s| s["status"] == "INACTIVE");
    let left = aws(
        &server,
        &[
            "ecs",
            "list-tasks",
            "--cluster",
            "default",
            "--desired-status",
            "STOPPED",
        ],
    );
    for task in left["taskArns"].as_array().unwrap() {
        wait_stopped(&server, "default", task.as_str().unwrap());
    }
}
