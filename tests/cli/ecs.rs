//! The seed walkthrough with the aws CLI: a cluster whose Fargate ephemeral storage is encrypted
//! with a customer managed key, tasks that really run on it, the key's events in CloudTrail, and
//! the IAM condition key `ecs:fargate-ephemeral-storage-kms-key`. Needs root, `runc` and
//! `mkfs.ext4` (bash .ci/run installs them).

use std::path::Path;
use std::time::Duration;

use neargate_testkit::Server;
use neargate_testkit::disk::{file_contains, pattern};
use neargate_testkit::images::{busybox_layer, docker_save};
use serde_json::{Value, json};

use crate::{aws, aws_as, aws_try, neargate_local, seed_key_policy, start, stderr, user_with_key};

/// Asserts that a command failed with ECS's `InvalidParameterException`.
pub(crate) fn assert_invalid(out: &std::process::Output) {
    assert!(!out.status.success());
    let text = stderr(out);
    assert!(text.contains("InvalidParameterException"), "{text}");
}

/// A cluster configuration naming `key` for Fargate ephemeral storage.
fn storage(key: &str) -> Value {
    json!({"managedStorageConfiguration": {"fargateEphemeralStorageKmsKeyId": key}})
}

/// Imports `busybox:1.35` into the server's image store.
pub(crate) fn import_busybox(server: &Server) {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("busybox.tar");
    std::fs::write(&archive, docker_save(&busybox_layer(), "busybox:1.35")).unwrap();
    let out = neargate_local(
        server.data_dir(),
        &["image", "import", archive.to_str().unwrap()],
    );
    assert!(out.status.success(), "{out:?}");
}

/// Creates a key with the seed's key policy for `cluster`; its ARN.
pub(crate) fn seed_key(server: &Server, dir: &Path, cluster: &str) -> String {
    let policy = dir.join(format!("{cluster}-policy.json"));
    std::fs::write(
        &policy,
        seed_key_policy(&server.credentials().account, cluster),
    )
    .unwrap();
    let policy = format!("file://{}", policy.display());
    let created = aws(server, &["kms", "create-key", "--policy", &policy]);
    created["KeyMetadata"]["Arn"].as_str().unwrap().to_owned()
}

/// A Fargate task definition whose container runs `script` with a volume at `/scratch`.
fn register(server: &Server, family: &str, script: &str) -> String {
    let containers = json!([{
        "name": "app",
        "image": "busybox:1.35",
        "entryPoint": ["/bin/sh", "-c"],
        "command": [script],
        "mountPoints": [{"sourceVolume": "scratch", "containerPath": "/scratch"}],
        "stopTimeout": 2,
        "healthCheck": {"command": ["CMD-SHELL", "test -d /scratch"], "interval": 5, "retries": 1}
    }]);
    register_containers(server, family, &containers)
}

/// A Fargate task definition (0.25 vCPU, 512 MiB, a volume `scratch`) of `containers`; its ARN.
fn register_containers(server: &Server, family: &str, containers: &Value) -> String {
    let registered = aws(
        server,
        &[
            "ecs",
            "register-task-definition",
            "--family",
            family,
            "--network-mode",
            "awsvpc",
            "--requires-compatibilities",
            "FARGATE",
            "--cpu",
            "256",
            "--memory",
            "512",
            "--volumes",
            r#"[{"name":"scratch"}]"#,
            "--container-definitions",
            &containers.to_string(),
        ],
    );
    registered["taskDefinition"]["taskDefinitionArn"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Runs one Fargate task of `definition` on `cluster`; its ARN.
fn run_task(server: &Server, cluster: &str, definition: &str) -> String {
    let ran = aws(
        server,
        &[
            "ecs",
            "run-task",
            "--cluster",
            cluster,
            "--task-definition",
            definition,
            "--launch-type",
            "FARGATE",
            "--network-configuration",
            "awsvpcConfiguration={subnets=[subnet-12345678],assignPublicIp=DISABLED}",
        ],
    );
    assert_eq!(ran["failures"], json!([]));
    ran["tasks"][0]["taskArn"].as_str().unwrap().to_owned()
}

/// The task as `describe-tasks` shows it.
pub(crate) fn describe(server: &Server, cluster: &str, task: &str) -> Value {
    let described = aws(
        server,
        &[
            "ecs",
            "describe-tasks",
            "--cluster",
            cluster,
            "--tasks",
            task,
        ],
    );
    described["tasks"][0].clone()
}

/// Waits until the task's `lastStatus` is `status`; the task then.
pub(crate) fn wait_for(server: &Server, cluster: &str, task: &str, status: &str) -> Value {
    for _ in 0..120 {
        let shown = describe(server, cluster, task);
        if shown["lastStatus"] == status {
            return shown;
        }
        assert_ne!(shown["lastStatus"], "STOPPED", "stopped early: {shown:#}");
        std::thread::sleep(Duration::from_millis(500));
    }
    panic!("task {task} never reached {status}");
}

/// The CloudTrail records of `event_name`, newest first.
fn trail(server: &Server, event_name: &str) -> Vec<Value> {
    let found = aws(
        server,
        &[
            "cloudtrail",
            "lookup-events",
            "--lookup-attributes",
            &format!("AttributeKey=EventName,AttributeValue={event_name}"),
        ],
    );
    found["Events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| serde_json::from_str(e["CloudTrailEvent"].as_str().unwrap()).unwrap())
        .collect()
}

/// Waits until the trail holds a record of `event_name` (records are written in batches).
pub(crate) fn wait_for_event(server: &Server, event_name: &str) -> Vec<Value> {
    for _ in 0..40 {
        let records = trail(server, event_name);
        if !records.is_empty() {
            return records;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    panic!("no {event_name} event in the trail");
}

/// The container writes the 1 MiB pattern `disk::pattern` makes to its volume and waits.
const WRITE_PATTERN: &str = "trap 'exit 0' TERM; i=0; while [ $i -lt 32768 ]; do \
    printf 'NEARGATE-PLAINTEXT-%012d\\n' $i; i=$((i+1)); done > /scratch/pattern; sync; \
    touch /scratch/ready; sleep 600 & wait";

#[test]
fn the_seed_walkthrough_encrypts_task_storage_with_the_clusters_key() {
    let server = start();
    import_busybox(&server);
    let dir = tempfile::tempdir().unwrap();
    let key = seed_key(&server, dir.path(), "seed-cluster");
    let configuration = storage(&key);

    // The cluster names the key; describe-clusters shows it with CONFIGURATIONS.
    let created = aws(
        &server,
        &[
            "ecs",
            "create-cluster",
            "--cluster-name",
            "seed-cluster",
            "--configuration",
            &configuration.to_string(),
        ],
    );
    assert_eq!(created["cluster"]["status"], "ACTIVE");
    let described = aws(
        &server,
        &[
            "ecs",
            "describe-clusters",
            "--clusters",
            "seed-cluster",
            "--include",
            "CONFIGURATIONS",
        ],
    );
    assert_eq!(described["clusters"][0]["configuration"], configuration);

    // A task runs; describe-tasks shows the key and the task's address.
    let definition = register(&server, "seed", WRITE_PATTERN);
    let task = run_task(&server, "seed-cluster", &definition);
    let running = wait_for(&server, "seed-cluster", &task, "RUNNING");
    assert_eq!(
        running["fargateEphemeralStorage"],
        json!({"sizeInGiB": 20, "kmsKeyId": key})
    );
    let details = &running["attachments"][0]["details"];
    assert!(
        details
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["name"] == "privateIPv4Address"
                && d["value"].as_str().unwrap().starts_with("172.31.")),
        "{running:#}"
    );

    // Its health check runs inside the container.
    let mut health = Value::Null;
    for _ in 0..40 {
        health = describe(&server, "seed-cluster", &task)["healthStatus"].clone();
        if health == "HEALTHY" {
            break;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    assert_eq!(health, "HEALTHY");

    // The task's storage is ciphertext on disk.
    let id = task.rsplit('/').next().unwrap();
    let volume = neargate_agent::launch::volumes_dir(server.data_dir());
    let scratch = volume.join(id).join("data/volumes/scratch");
    for _ in 0..600 {
        if scratch.join("ready").exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let secret = pattern(1 << 20);
    assert_eq!(std::fs::read(scratch.join("pattern")).unwrap(), secret);
    let backing = volume.join(format!("{id}.img"));
    assert!(!file_contains(&backing, &secret[..64]).unwrap());

    // The platform's key calls are in the trail as Fargate's.
    let grants = wait_for_event(&server, "CreateGrant");
    let grant = &grants[0];
    assert_eq!(grant["userIdentity"]["type"], "AWSService");
    assert_eq!(grant["userIdentity"]["invokedBy"], "fargate.amazonaws.com");
    let request = &grant["requestParameters"];
    assert_eq!(request["granteePrincipal"], "fargate.amazonaws.com");
    assert_eq!(request["retiringPrincipal"], "ec2.amazonaws.com");
    assert_eq!(request["operations"], json!(["Decrypt"]));
    let subset = &request["constraints"]["encryptionContextSubset"];
    assert_eq!(subset["aws:ecs:clusterName"], "seed-cluster");
    assert_eq!(
        subset["aws:ecs:clusterAccount"],
        server.credentials().account
    );
    assert!(subset["aws:ebs:id"].as_str().unwrap().starts_with("vol-"));
    assert_eq!(grant["resources"][0]["ARN"], key);
    let generated = wait_for_event(&server, "GenerateDataKeyWithoutPlaintext");
    assert_eq!(
        generated[0]["requestParameters"]["encryptionContext"]["aws:ecs:clusterName"],
        "seed-cluster"
    );
    let decrypted = wait_for_event(&server, "Decrypt");
    assert_eq!(
        decrypted[0]["userIdentity"]["invokedBy"],
        "fargate.amazonaws.com"
    );

    // Stopping deletes the storage and retires the grant.
    let stopping = aws(
        &server,
        &[
            "ecs",
            "stop-task",
            "--cluster",
            "seed-cluster",
            "--task",
            &task,
        ],
    );
    assert_eq!(stopping["task"]["desiredStatus"], "STOPPED");
    let stopped = wait_for(&server, "seed-cluster", &task, "STOPPED");
    assert_eq!(stopped["stopCode"], "UserInitiated");
    assert_eq!(stopped["containers"][0]["exitCode"], 0);
    assert!(!backing.exists());
    wait_for_event(&server, "RetireGrant");
    let left = aws(&server, &["kms", "list-grants", "--key-id", &key]);
    assert_eq!(left["Grants"], json!([]));
    let listed = aws(
        &server,
        &[
            "ecs",
            "list-tasks",
            "--cluster",
            "seed-cluster",
            "--desired-status",
            "STOPPED",
        ],
    );
    assert_eq!(listed["taskArns"], json!([task]));
}

#[test]
fn key_states_and_key_policies_decide_whether_new_tasks_start() {
    let server = start();
    import_busybox(&server);
    let dir = tempfile::tempdir().unwrap();
    let key = seed_key(&server, dir.path(), "guarded");
    let configuration = storage(&key).to_string();
    aws(
        &server,
        &[
            "ecs",
            "create-cluster",
            "--cluster-name",
            "guarded",
            "--configuration",
            &configuration,
        ],
    );
    let definition = register(&server, "sleeper", "trap 'exit 0' TERM; sleep 600 & wait");
    let first = run_task(&server, "guarded", &definition);
    wait_for(&server, "guarded", &first, "RUNNING");

    // Disabled: a new task fails to start, naming the KMS error; the running one goes on.
    aws(&server, &["kms", "disable-key", "--key-id", &key]);
    let second = run_task(&server, "guarded", &definition);
    let failed = wait_stopped(&server, "guarded", &second);
    assert_eq!(failed["stopCode"], "TaskFailedToStart");
    assert!(
        failed["stoppedReason"]
            .as_str()
            .unwrap()
            .contains("DisabledException"),
        "{failed:#}"
    );
    assert_eq!(
        describe(&server, "guarded", &first)["lastStatus"],
        "RUNNING"
    );
    aws(&server, &["kms", "enable-key", "--key-id", &key]);

    // A key policy for another cluster: Fargate may not make the data key.
    let other = seed_key(&server, dir.path(), "someone-else");
    let configuration = storage(&other).to_string();
    aws(
        &server,
        &[
            "ecs",
            "update-cluster",
            "--cluster",
            "guarded",
            "--configuration",
            &configuration,
        ],
    );
    let third = run_task(&server, "guarded", &definition);
    let refused = wait_stopped(&server, "guarded", &third);
    assert_eq!(refused["stopCode"], "TaskFailedToStart");
    assert!(
        refused["stoppedReason"]
            .as_str()
            .unwrap()
            .contains("AccessDeniedException"),
        "{refused:#}"
    );
    // The running task kept its key.
    assert_eq!(
        describe(&server, "guarded", &first)["fargateEphemeralStorage"]["kmsKeyId"],
        key
    );

    // An alias is refused as the cluster key.
    aws(
        &server,
        &[
            "kms",
            "create-alias",
            "--alias-name",
            "alias/storage",
            "--target-key-id",
            &key,
        ],
    );
    let aliased = storage("alias/storage").to_string();
    let out = aws_try(
        &server,
        &[
            "ecs",
            "create-cluster",
            "--cluster-name",
            "aliased",
            "--configuration",
            &aliased,
        ],
    );
    assert_invalid(&out);

    aws(
        &server,
        &["ecs", "stop-task", "--cluster", "guarded", "--task", &first],
    );
    wait_stopped(&server, "guarded", &first);
}

/// Asserts that no container of the task `id` is left in `runc`, and no volume of it on disk.
fn assert_no_container_or_volume(server: &Server, id: &str) {
    let list = std::process::Command::new("runc")
        .args(["list", "-q"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&list.stdout).contains(id));
    let volumes = neargate_agent::launch::volumes_dir(server.data_dir());
    assert!(!volumes.join(format!("{id}.img")).exists());
}

/// Waits until the task has stopped; the task then.
pub(crate) fn wait_stopped(server: &Server, cluster: &str, task: &str) -> Value {
    for _ in 0..120 {
        let shown = describe(server, cluster, task);
        if shown["lastStatus"] == "STOPPED" {
            return shown;
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    panic!("task {task} never stopped");
}

#[test]
fn the_condition_key_limits_which_key_a_cluster_may_be_created_with() {
    let server = start();
    let dir = tempfile::tempdir().unwrap();
    let allowed = seed_key(&server, dir.path(), "a");
    let other = seed_key(&server, dir.path(), "b");
    let (akid, secret) = user_with_key(&server, "platform-team");
    let policy = json!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Action": "ecs:CreateCluster",
                "Resource": "*",
                "Condition": {"StringEquals": {"ecs:fargate-ephemeral-storage-kms-key": allowed}}
            },
            {"Effect": "Allow", "Action": "kms:DescribeKey", "Resource": "*"}
        ]
    });
    aws(
        &server,
        &[
            "iam",
            "put-user-policy",
            "--user-name",
            "platform-team",
            "--policy-name",
            "only-key-a",
            "--policy-document",
            &policy.to_string(),
        ],
    );
    let create = |name: &str, key: Option<&str>| {
        let mut args = vec!["ecs", "create-cluster", "--cluster-name", name];
        let configuration = key.map(|k| storage(k).to_string());
        if let Some(configuration) = &configuration {
            args.extend(["--configuration", configuration.as_str()]);
        }
        aws_as(&server, &akid, &secret, None, &args)
    };
    // IAM changes reach the authorizer at once, but give the key a moment to be usable.
    let ok = create("with-a", Some(&allowed));
    assert!(ok.status.success(), "{}", stderr(&ok));
    for (name, key) in [("with-b", Some(other.as_str())), ("without", None)] {
        let denied = create(name, key);
        assert!(!denied.status.success());
        let text = stderr(&denied);
        assert!(text.contains("AccessDeniedException"), "{text}");
        assert!(text.contains("ecs:CreateCluster"), "{text}");
    }
}

/// The service's tasks that are running, with each one's key (`None`: the platform's).
fn running_tasks(server: &Server, cluster: &str) -> Vec<(String, Option<String>)> {
    let listed = aws(server, &["ecs", "list-tasks", "--cluster", cluster]);
    let arns: Vec<&str> = listed["taskArns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    if arns.is_empty() {
        return Vec::new();
    }
    let mut args = vec!["ecs", "describe-tasks", "--cluster", cluster, "--tasks"];
    args.extend(&arns);
    aws(server, &args)["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["lastStatus"] == "RUNNING")
        .map(|t| {
            (
                t["taskArn"].as_str().unwrap().to_owned(),
                t["fargateEphemeralStorage"]["kmsKeyId"]
                    .as_str()
                    .map(str::to_owned),
            )
        })
        .collect()
}

/// The service as `describe-services` shows it.
fn service(server: &Server, cluster: &str, name: &str) -> Value {
    aws(
        server,
        &[
            "ecs",
            "describe-services",
            "--cluster",
            cluster,
            "--services",
            name,
        ],
    )["services"][0]
        .clone()
}

/// Polls until `done` holds for the service, checking `each` on every look; the service then.
fn watch_service(
    server: &Server,
    cluster: &str,
    name: &str,
    mut each: impl FnMut(&Value),
    done: impl Fn(&Value) -> bool,
) -> Value {
    for _ in 0..240 {
        let shown = service(server, cluster, name);
        each(&shown);
        if done(&shown) {
            return shown;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    panic!(
        "service {name} never got there: {:#}",
        service(server, cluster, name)
    );
}

#[test]
fn services_keep_their_deployments_key_until_a_new_deployment() {
    let server = start();
    import_busybox(&server);
    let dir = tempfile::tempdir().unwrap();
    aws(&server, &["ecs", "create-cluster", "--cluster-name", "svc"]);
    let definition = register(&server, "web", "trap 'exit 0' TERM; sleep 600 & wait");
    let created = aws(
        &server,
        &[
            "ecs",
            "create-service",
            "--cluster",
            "svc",
            "--service-name",
            "web",
            "--task-definition",
            &definition,
            "--desired-count",
            "1",
            "--launch-type",
            "FARGATE",
            "--network-configuration",
            "awsvpcConfiguration={subnets=[subnet-12345678]}",
        ],
    );
    assert_eq!(created["service"]["deployments"][0]["status"], "PRIMARY");
    let steady = |s: &Value| {
        s["deployments"].as_array().unwrap().len() == 1
            && s["deployments"][0]["rolloutState"] == "COMPLETED"
    };
    watch_service(
        &server,
        "svc",
        "web",
        |_| {},
        |s| steady(s) && s["runningCount"] == 1,
    );
    assert_eq!(running_tasks(&server, "svc")[0].1, None);

    // The cluster gets a key: scaling up keeps the deployment's (none).
    let key = seed_key(&server, dir.path(), "svc");
    let configuration = storage(&key).to_string();
    aws(
        &server,
        &[
            "ecs",
            "update-cluster",
            "--cluster",
            "svc",
            "--configuration",
            &configuration,
        ],
    );
    aws(
        &server,
        &[
            "ecs",
            "update-service",
            "--cluster",
            "svc",
            "--service",
            "web",
            "--desired-count",
            "2",
        ],
    );
    watch_service(&server, "svc", "web", |_| {}, |s| s["runningCount"] == 2);
    let tasks = running_tasks(&server, "svc");
    assert_eq!(tasks.len(), 2);
    assert!(tasks.iter().all(|(_, k)| k.is_none()), "{tasks:?}");

    // A new deployment takes the cluster's key, never running fewer than minimumHealthyPercent
    // (100%: two tasks).
    let updated = aws(
        &server,
        &[
            "ecs",
            "update-service",
            "--cluster",
            "svc",
            "--service",
            "web",
            "--force-new-deployment",
        ],
    );
    let deployments = &updated["service"]["deployments"];
    assert_eq!(deployments.as_array().unwrap().len(), 2);
    assert_eq!(deployments[0]["fargateEphemeralStorage"]["kmsKeyId"], key);
    let mut fewest = usize::MAX;
    let done = watch_service(
        &server,
        "svc",
        "web",
        |_| fewest = fewest.min(running_tasks(&server, "svc").len()),
        |s| steady(s) && s["runningCount"] == 2,
    );
    assert!(fewest >= 2, "the service dropped to {fewest} running tasks");
    let tasks = running_tasks(&server, "svc");
    assert_eq!(tasks.len(), 2);
    assert!(
        tasks
            .iter()
            .all(|(_, k)| k.as_deref() == Some(key.as_str())),
        "{tasks:?}"
    );
    let events = done["events"].as_array().unwrap();
    assert!(
        events
            .iter()
            .any(|e| e["message"].as_str().unwrap().contains("steady state"))
    );

    // Deleting needs force while scaled up, then drains it.
    let refused = aws_try(
        &server,
        &[
            "ecs",
            "delete-service",
            "--cluster",
            "svc",
            "--service",
            "web",
        ],
    );
    assert_invalid(&refused);
    aws(
        &server,
        &[
            "ecs",
            "delete-service",
            "--cluster",
            "svc",
            "--service",
            "web",
            "--force",
        ],
    );
    watch_service(&server, "svc", "web", |_| {}, |s| s["status"] == "INACTIVE");
    assert!(running_tasks(&server, "svc").is_empty());
    aws(&server, &["ecs", "delete-cluster", "--cluster", "svc"]);
}

#[test]
fn a_restart_keeps_ecs_state_and_reports_tasks_it_could_not_keep() {
    let mut server = start();
    import_busybox(&server);
    let dir = tempfile::tempdir().unwrap();
    let key = seed_key(&server, dir.path(), "kept");
    let configuration = storage(&key);
    aws(
        &server,
        &[
            "ecs",
            "create-cluster",
            "--cluster-name",
            "kept",
            "--configuration",
            &configuration.to_string(),
        ],
    );
    let definition = register(&server, "kept", "trap 'exit 0' TERM; sleep 600 & wait");
    let task = run_task(&server, "kept", &definition);
    wait_for(&server, "kept", &task, "RUNNING");
    let id = task.rsplit('/').next().unwrap().to_owned();

    // A crash: the server dies with the task running.
    server.kill9();
    server.restart();
    let described = aws(
        &server,
        &[
            "ecs",
            "describe-clusters",
            "--clusters",
            "kept",
            "--include",
            "CONFIGURATIONS",
        ],
    );
    assert_eq!(described["clusters"][0]["configuration"], configuration);
    let shown = aws(
        &server,
        &[
            "ecs",
            "describe-task-definition",
            "--task-definition",
            "kept",
        ],
    );
    assert_eq!(shown["taskDefinition"]["taskDefinitionArn"], definition);
    let stopped = describe(&server, "kept", &task);
    assert_eq!(stopped["lastStatus"], "STOPPED");
    assert_eq!(stopped["stopCode"], "TerminationNotice");
    assert!(
        stopped["stoppedReason"]
            .as_str()
            .unwrap()
            .contains("restarted"),
        "{stopped:#}"
    );
    // Nothing of the task is left: container, volume, grant.
    assert_no_container_or_volume(&server, &id);
    let grants = aws(&server, &["kms", "list-grants", "--key-id", &key]);
    assert_eq!(grants["Grants"], json!([]));
}

#[test]
fn account_settings_layer_principal_over_account_over_aws_defaults() {
    let server = start();
    let account = server.credentials().account;
    let root = format!("arn:aws:iam::{account}:root");
    let effective = |name: &str| {
        aws(
            &server,
            &[
                "ecs",
                "list-account-settings",
                "--name",
                name,
                "--effective-settings",
            ],
        )["settings"][0]
            .clone()
    };
    // AWS's default first.
    let waited = effective("fargateTaskRetirementWaitPeriod");
    assert_eq!(waited["value"], "7");
    assert_eq!(waited["type"], "aws_managed");
    // The Fargate settings are changed for the whole account only.
    let refused = aws_try(
        &server,
        &[
            "ecs",
            "put-account-setting",
            "--name",
            "fargateFIPSMode",
            "--value",
            "enabled",
        ],
    );
    assert_invalid(&refused);
    for (name, value) in [
        ("fargateFIPSMode", "enabled"),
        ("fargateTaskRetirementWaitPeriod", "14"),
        ("fargateEventWindows", "enabled"),
    ] {
        let set = aws(
            &server,
            &[
                "ecs",
                "put-account-setting-default",
                "--name",
                name,
                "--value",
                value,
            ],
        );
        assert_eq!(set["setting"]["principalArn"], root);
        assert_eq!(effective(name)["value"], value);
    }
    let bad = aws_try(
        &server,
        &[
            "ecs",
            "put-account-setting-default",
            "--name",
            "fargateTaskRetirementWaitPeriod",
            "--value",
            "3",
        ],
    );
    assert_invalid(&bad);
    // A principal's own setting wins over the account's, until it is deleted.
    aws(
        &server,
        &[
            "ecs",
            "put-account-setting-default",
            "--name",
            "containerInsights",
            "--value",
            "enabled",
        ],
    );
    aws(
        &server,
        &[
            "ecs",
            "put-account-setting",
            "--name",
            "containerInsights",
            "--value",
            "enhanced",
        ],
    );
    assert_eq!(effective("containerInsights")["value"], "enhanced");
    let own = aws(&server, &["ecs", "list-account-settings"]);
    assert_eq!(own["settings"].as_array().unwrap().len(), 1);
    aws(
        &server,
        &[
            "ecs",
            "delete-account-setting",
            "--name",
            "containerInsights",
        ],
    );
    assert_eq!(effective("containerInsights")["value"], "enabled");
}

#[test]
fn services_replace_tasks_that_fail_their_health_checks() {
    let server = start();
    import_busybox(&server);
    aws(
        &server,
        &["ecs", "create-cluster", "--cluster-name", "sick"],
    );
    let containers = json!([{
        "name": "app",
        "image": "busybox:1.35",
        "entryPoint": ["/bin/sh", "-c"],
        "command": ["trap 'exit 0' TERM; sleep 600 & wait"],
        "healthCheck": {"command": ["CMD-SHELL", "exit 1"], "interval": 5, "retries": 1}
    }]);
    let definition = register_containers(&server, "sick", &containers);
    aws(
        &server,
        &[
            "ecs",
            "create-service",
            "--cluster",
            "sick",
            "--service-name",
            "sick",
            "--task-definition",
            &definition,
            "--desired-count",
            "1",
            "--launch-type",
            "FARGATE",
            "--network-configuration",
            "awsvpcConfiguration={subnets=[subnet-12345678]}",
        ],
    );
    let replaced = |s: &Value| {
        s["events"].as_array().unwrap().iter().any(|e| {
            e["message"]
                .as_str()
                .unwrap()
                .contains("failed container health checks")
        })
    };
    watch_service(&server, "sick", "sick", |_| {}, replaced);
    let stopped = aws(
        &server,
        &[
            "ecs",
            "list-tasks",
            "--cluster",
            "sick",
            "--desired-status",
            "STOPPED",
        ],
    );
    let first = stopped["taskArns"][0].as_str().unwrap().to_owned();
    let shown = describe(&server, "sick", &first);
    assert_eq!(
        shown["stoppedReason"],
        "Task failed container health checks"
    );
    assert_eq!(shown["stopCode"], "ServiceSchedulerInitiated");
    aws(
        &server,
        &[
            "ecs",
            "delete-service",
            "--cluster",
            "sick",
            "--service",
            "sick",
            "--force",
        ],
    );
    watch_service(
        &server,
        "sick",
        "sick",
        |_| {},
        |s| s["status"] == "INACTIVE",
    );
}

#[test]
fn without_an_agent_tasks_are_recorded_and_fail_to_start() {
    let server = crate::start_with(&["--no-agent"]);
    aws(
        &server,
        &["ecs", "create-cluster", "--cluster-name", "api-only"],
    );
    let definition = register(&server, "api-only", "true");
    let task = run_task(&server, "api-only", &definition);
    // Ten at once: each is recorded as failed to start in the write that makes it, and
    // shown as first made.
    let ran = aws(
        &server,
        &[
            "ecs",
            "run-task",
            "--cluster",
            "api-only",
            "--task-definition",
            &definition,
            "--count",
            "10",
            "--launch-type",
            "FARGATE",
            "--network-configuration",
            "awsvpcConfiguration={subnets=[subnet-12345678],assignPublicIp=DISABLED}",
        ],
    );
    for shown in ran["tasks"].as_array().unwrap() {
        assert_eq!(shown["lastStatus"], "PROVISIONING", "{shown:#}");
        assert_eq!(shown["desiredStatus"], "RUNNING", "{shown:#}");
    }
    let mut tasks = vec![task];
    tasks.extend(
        ran["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["taskArn"].as_str().unwrap().to_owned()),
    );
    assert_eq!(tasks.len(), 11);
    for task in &tasks {
        let stopped = wait_stopped(&server, "api-only", task);
        assert_eq!(stopped["stopCode"], "TaskFailedToStart");
        assert_eq!(stopped["desiredStatus"], "STOPPED");
        assert!(stopped["stoppedAt"].is_number(), "{stopped:#}");
        assert!(
            stopped["stoppedReason"]
                .as_str()
                .unwrap()
                .contains("--no-agent"),
            "{stopped:#}"
        );
    }
}

#[test]
fn a_development_reset_stops_the_tasks_running_here() {
    let server = crate::start_with(&["--dev"]);
    import_busybox(&server);
    aws(&server, &["ecs", "create-cluster", "--cluster-name", "dev"]);
    let definition = register(&server, "dev", "trap 'exit 0' TERM; sleep 600 & wait");
    let task = run_task(&server, "dev", &definition);
    wait_for(&server, "dev", &task, "RUNNING");
    let id = task.rsplit('/').next().unwrap().to_owned();
    let reset = neargate_testkit::raw_request(
        server.direct_addr(),
        b"POST /_neargate/reset HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
    )
    .unwrap();
    assert_eq!(reset.status, 200);
    // Nothing of the task is left on the host, and nothing of it in the state.
    assert_no_container_or_volume(&server, &id);
    let clusters = aws(&server, &["ecs", "list-clusters"]);
    assert_eq!(clusters["clusterArns"], json!([]));
}

#[test]
fn a_host_that_cannot_run_tasks_says_so_and_its_tasks_say_why() {
    // No runc on the PATH (the server itself is started by its full path).
    let options = neargate_testkit::ServerOptions {
        env: vec![("PATH".into(), "/nonexistent".into())],
        ..Default::default()
    };
    let server = Server::start_with(env!("CARGO_BIN_EXE_neargate"), options);
    assert!(
        server
            .tasks_line()
            .starts_with("neargate tasks: cannot run here: CannotStartContainerError: "),
        "{}",
        server.tasks_line()
    );
    aws(
        &server,
        &["ecs", "create-cluster", "--cluster-name", "bare"],
    );
    let definition = register(&server, "bare", "true");
    let task = run_task(&server, "bare", &definition);
    let stopped = wait_stopped(&server, "bare", &task);
    assert_eq!(stopped["stopCode"], "TaskFailedToStart");
    let reason = stopped["stoppedReason"].as_str().unwrap();
    assert!(
        reason.starts_with("CannotStartContainerError: ")
            && (reason.contains("runc") || reason.contains("root")),
        "{stopped:#}"
    );
}

/// Creates the service `name` of `definition` in `cluster` on Fargate, with `extra` arguments.
fn create_service(server: &Server, cluster: &str, name: &str, definition: &str, extra: &[&str]) {
    let mut args = vec![
        "ecs",
        "create-service",
        "--cluster",
        cluster,
        "--service-name",
        name,
        "--task-definition",
        definition,
        "--launch-type",
        "FARGATE",
        "--network-configuration",
        "awsvpcConfiguration={subnets=[subnet-12345678]}",
    ];
    args.extend_from_slice(extra);
    aws(server, &args);
}

/// The stopped tasks a service started.
fn stopped_tasks_of(server: &Server, cluster: &str, name: &str) -> usize {
    aws(
        server,
        &[
            "ecs",
            "list-tasks",
            "--cluster",
            cluster,
            "--service-name",
            name,
            "--desired-status",
            "STOPPED",
        ],
    )["taskArns"]
        .as_array()
        .unwrap()
        .len()
}

fn has_event(service: &Value, text: &str) -> bool {
    service["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["message"].as_str().unwrap().contains(text))
}

#[test]
fn services_whose_tasks_cannot_start_are_throttled_and_their_breaker_trips() {
    let server = crate::start_with(&["--no-agent"]);
    aws(
        &server,
        &["ecs", "create-cluster", "--cluster-name", "failing"],
    );
    let definition = register(&server, "failing", "true");
    create_service(
        &server,
        "failing",
        "retrying",
        &definition,
        &["--desired-count", "2"],
    );
    create_service(
        &server,
        "failing",
        "breaking",
        &definition,
        &[
            "--desired-count",
            "3",
            "--deployment-configuration",
            "deploymentCircuitBreaker={enable=true,rollback=false}",
        ],
    );
    let started = std::time::Instant::now();
    let throttled = watch_service(
        &server,
        "failing",
        "retrying",
        |_| {},
        |s| has_event(s, "is unable to consistently start tasks successfully"),
    );
    let broken = watch_service(
        &server,
        "failing",
        "breaking",
        |_| {},
        |s| s["deployments"][0]["rolloutState"] == "FAILED",
    );
    assert_eq!(
        broken["deployments"][0]["rolloutStateReason"],
        "ECS deployment circuit breaker: tasks failed to start."
    );
    assert!(has_event(
        &broken,
        "deployment failed: tasks failed to start"
    ));
    // Twenty seconds of failing: at full speed 2 tasks a second, throttled a few rounds.
    std::thread::sleep(Duration::from_secs(20).saturating_sub(started.elapsed()));
    let retried = stopped_tasks_of(&server, "failing", "retrying");
    assert!(
        (4..=12).contains(&retried),
        "{retried} tasks started in 20 s: {throttled:#}"
    );
    // The tripped breaker starts no more tasks.
    let failed = stopped_tasks_of(&server, "failing", "breaking");
    assert!((3..=6).contains(&failed), "{failed} tasks");
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(stopped_tasks_of(&server, "failing", "breaking"), failed);
}

#[test]
fn a_failing_deployment_rolls_back_when_its_breaker_says_so() {
    let server = start();
    import_busybox(&server);
    aws(
        &server,
        &["ecs", "create-cluster", "--cluster-name", "rollback"],
    );
    let good = register(&server, "rollback", "trap 'exit 0' TERM; sleep 600 & wait");
    create_service(
        &server,
        "rollback",
        "web",
        &good,
        &[
            "--desired-count",
            "1",
            "--deployment-configuration",
            "deploymentCircuitBreaker={enable=true,rollback=true}",
        ],
    );
    watch_service(
        &server,
        "rollback",
        "web",
        |_| {},
        |s| s["deployments"][0]["rolloutState"] == "COMPLETED",
    );
    let containers = json!([{
        "name": "app", "image": "nosuch-image:1",
        "entryPoint": ["/bin/sh", "-c"], "command": ["sleep 600"]
    }]);
    let bad = register_containers(&server, "rollback", &containers);
    aws(
        &server,
        &[
            "ecs",
            "update-service",
            "--cluster",
            "rollback",
            "--service",
            "web",
            "--task-definition",
            &bad,
        ],
    );
    let rolled = watch_service(
        &server,
        "rollback",
        "web",
        |_| {},
        |s| {
            has_event(s, "deployment failed: tasks failed to start")
                && s["deployments"][0]["taskDefinition"] == good.as_str()
        },
    );
    // The service is back on the definition that works (its task kept running meanwhile).
    assert_eq!(rolled["taskDefinition"], good.as_str(), "{rolled:#}");
    let healthy = watch_service(
        &server,
        "rollback",
        "web",
        |_| {},
        |s| s["deployments"].as_array().unwrap().len() == 1 && s["runningCount"] == 1,
    );
    assert_eq!(healthy["deployments"][0]["taskDefinition"], good.as_str());
}

#[test]
fn what_a_server_killed_mid_launch_left_is_swept_by_the_next_one() {
    let mut first = start();
    import_busybox(&first);
    aws(
        &first,
        &["ecs", "create-cluster", "--cluster-name", "killed"],
    );
    let definition = register(&first, "killed", "sleep 600");
    let ran = aws(
        &first,
        &[
            "ecs",
            "run-task",
            "--cluster",
            "killed",
            "--task-definition",
            &definition,
            "--count",
            "6",
            "--launch-type",
            "FARGATE",
            "--network-configuration",
            "awsvpcConfiguration={subnets=[subnet-12345678]}",
        ],
    );
    let ids: Vec<String> = ran["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            t["taskArn"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect();
    let volumes = neargate_agent::launch::volumes_dir(first.data_dir());
    // Killed once launches are under way: the first volume exists.
    for _ in 0..100 {
        if std::fs::read_dir(&volumes).is_ok_and(|mut d| d.next().is_some()) {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    first.kill9();
    std::fs::remove_dir_all(first.data_dir()).unwrap();

    let _second = start();
    assert!(!volumes.exists(), "{} is left", volumes.display());
    let netns = std::process::Command::new("ip")
        .args(["netns", "list"])
        .output()
        .unwrap();
    let netns = String::from_utf8_lossy(&netns.stdout);
    let containers = std::process::Command::new("runc")
        .args(["list", "-q"])
        .output()
        .unwrap();
    let containers = String::from_utf8_lossy(&containers.stdout);
    let mounts = std::fs::read_to_string("/proc/self/mountinfo").unwrap();
    let volumes_text = volumes.to_string_lossy();
    assert!(!mounts.contains(volumes_text.as_ref()), "a mount is left");
    for id in &ids {
        assert!(
            !netns.contains(&neargate_agent::network::namespace_of(id)),
            "the network namespace of {id} is left"
        );
        assert!(
            !containers.lines().any(|c| c.starts_with(&format!("{id}-"))),
            "a container of {id} is left"
        );
        assert!(
            !std::path::Path::new("/run/neargate/tasks")
                .join(id)
                .exists()
        );
    }
    let loops = std::fs::read_dir("/sys/block").unwrap();
    for device in loops.flatten() {
        let backing =
            std::fs::read_to_string(device.path().join("loop/backing_file")).unwrap_or_default();
        assert!(
            !backing.contains(volumes_text.as_ref()),
            "a loop device is left: {backing}"
        );
    }
}
