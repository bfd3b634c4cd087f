//! `neargate-bench launch`: launch latency as a user sees it, through the API: from sending
//! `RunTask` to `DescribeTasks` showing `RUNNING`, each task with a fresh encrypted 20 GiB
//! volume, under the platform's key or a customer managed key; with the phases the task's own
//! timestamps give. Needs root and `runc`, as tasks do.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::json_api::Api;
use crate::median;
use crate::process::Neargate;

const ECS: Api = Api {
    service: "ecs",
    target_prefix: "AmazonEC2ContainerServiceV20141113",
};
const KMS: Api = Api {
    service: "kms",
    target_prefix: "TrentService",
};

/// How often `DescribeTasks` is asked while a task starts.
const POLL: Duration = Duration::from_millis(2);

/// One launch: what the client saw, and the task's own phases (from `createdAt`).
struct Launch {
    observed: Duration,
    pull_started: f64,
    pull_stopped: f64,
    started: f64,
}

/// Runs `launches` launches on a fresh server, and prints the medians.
pub(crate) fn run(
    binary: &std::path::Path,
    launches: usize,
    customer_key: bool,
) -> anyhow::Result<()> {
    let neargate = Neargate::start(binary)?;
    import_busybox(binary, &neargate)?;
    let addr = neargate.addr().to_owned();
    let (key, secret) = neargate.admin_keys();
    let keys = (key.as_str(), secret.as_str());
    let configuration = if customer_key {
        let account = neargate.account();
        let policy = json!({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "fargate.amazonaws.com"},
             "Action": ["kms:GenerateDataKeyWithoutPlaintext", "kms:CreateGrant"], "Resource": "*"},
            {"Effect": "Allow", "Principal": {"AWS": format!("arn:aws:iam::{account}:root")},
             "Action": "kms:*", "Resource": "*"}]});
        let created = KMS.call(
            &addr,
            keys,
            "CreateKey",
            &json!({"Policy": policy.to_string()}).to_string(),
        )?;
        let arn = created["KeyMetadata"]["Arn"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        json!({"managedStorageConfiguration": {"fargateEphemeralStorageKmsKeyId": arn}})
    } else {
        json!({})
    };
    ECS.call(
        &addr,
        keys,
        "CreateCluster",
        &json!({"clusterName": "launch", "configuration": configuration}).to_string(),
    )?;
    let definition = json!({
        "family": "launch", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
        "cpu": "256", "memory": "512",
        "containerDefinitions": [{"name": "app", "image": "busybox:1.35",
            "entryPoint": ["/bin/sh", "-c"], "command": ["trap 'exit 0' TERM; sleep 600 & wait"]}]
    });
    ECS.call(
        &addr,
        keys,
        "RegisterTaskDefinition",
        &definition.to_string(),
    )?;
    let mut measured = Vec::new();
    for _ in 0..launches {
        measured.push(launch_once(&addr, keys)?);
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mut observed: Vec<f64> = measured.iter().map(|l| ms(l.observed)).collect();
    observed.sort_by(f64::total_cmp);
    let p90 = observed[(observed.len() * 9 / 10).min(observed.len() - 1)];
    let phase = |f: fn(&Launch) -> f64| {
        let values: Vec<f64> = measured.iter().map(|l| f(l) * 1000.0).collect();
        median(&values)
    };
    println!(
        "RunTask to RUNNING seen by DescribeTasks ({launches} launches, {} key, fresh encrypted \
         20 GiB volume each, polled every {} ms): median {:.1} ms, p90 {p90:.1} ms (target < 150 ms)",
        if customer_key {
            "customer managed"
        } else {
            "platform"
        },
        POLL.as_millis(),
        median(&observed),
    );
    println!(
        "  phases from createdAt, medians: pullStartedAt {:.1} ms, pullStoppedAt {:.1} ms, \
         startedAt {:.1} ms",
        phase(|l| l.pull_started),
        phase(|l| l.pull_stopped),
        phase(|l| l.started),
    );
    Ok(())
}

/// Launches one task, waits until it runs, then stops it and waits until it has stopped.
fn launch_once(addr: &str, keys: (&str, &str)) -> anyhow::Result<Launch> {
    let run = json!({"cluster": "launch", "taskDefinition": "launch", "launchType": "FARGATE",
        "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"]}}});
    let begun = Instant::now();
    let ran = ECS.call(addr, keys, "RunTask", &run.to_string())?;
    let arn = ran["tasks"][0]["taskArn"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let running = wait_for(addr, keys, &arn, "RUNNING")?;
    let observed = begun.elapsed();
    let at = |name: &str| running[name].as_f64().unwrap_or(0.0);
    let created = at("createdAt");
    let launch = Launch {
        observed,
        pull_started: at("pullStartedAt") - created,
        pull_stopped: at("pullStoppedAt") - created,
        started: at("startedAt") - created,
    };
    ECS.call(
        addr,
        keys,
        "StopTask",
        &json!({"cluster": "launch", "task": arn}).to_string(),
    )?;
    wait_for(addr, keys, &arn, "STOPPED")?;
    Ok(launch)
}

/// Polls `DescribeTasks` until the task shows `status`; the task then.
fn wait_for(addr: &str, keys: (&str, &str), arn: &str, status: &str) -> anyhow::Result<Value> {
    let describe = json!({"cluster": "launch", "tasks": [arn]}).to_string();
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let shown = ECS.call(addr, keys, "DescribeTasks", &describe)?;
        let task = &shown["tasks"][0];
        if task["lastStatus"] == status {
            return Ok(task.clone());
        }
        anyhow::ensure!(
            task["lastStatus"] != "STOPPED",
            "the task stopped: {}",
            task["stoppedReason"]
        );
        std::thread::sleep(POLL);
    }
    anyhow::bail!("the task never showed {status}")
}

/// Imports `busybox:1.35` (from Debian's busybox-static) into the server's image store.
fn import_busybox(binary: &std::path::Path, neargate: &Neargate) -> anyhow::Result<()> {
    use neargate_testkit::images::{busybox_layer, docker_save};
    let dir = tempfile::tempdir()?;
    let archive = dir.path().join("busybox.tar");
    std::fs::write(&archive, docker_save(&busybox_layer(), "busybox:1.35"))?;
    let out = std::process::Command::new(binary)
        .args(["image", "import"])
        .arg(&archive)
        .env("NEARGATE_DATA_DIR", neargate.data_dir())
        .output()?;
    anyhow::ensure!(out.status.success(), "image import: {out:?}");
    Ok(())
}
