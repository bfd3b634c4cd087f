//! `neargate-bench ecs`: the ECS control plane against moto's server: `RunTask` (one Fargate
//! task), `DescribeTasks` (100 tasks) and `ListTasks` on a cluster holding 10,000 tasks. Neargate
//! runs with `--no-agent`, so the control plane is measured apart from launches (the agent
//! benchmark measures those).

use std::time::Duration;

use serde_json::json;

use crate::json_api::{Api, Moto};
use crate::load::Load;
use crate::median;
use crate::process::Neargate;

/// ECS's JSON API.
const ECS: Api = Api {
    service: "ecs",
    target_prefix: "AmazonEC2ContainerServiceV20141113",
};

/// Tasks put in the measured cluster.
const TASKS: usize = 10_000;

/// Makes the cluster, the task definition and `TASKS` tasks on one server; the measured requests.
/// `definition` is the task definition the server accepts for Fargate tasks: moto's Fargate
/// `awsvpc` path fails (its network interfaces lack `private_dns_name`), so moto gets a `bridge`
/// definition, where it records the same tasks without interfaces.
fn prepare(
    addr: &str,
    keys: (&str, &str),
    definition: &serde_json::Value,
) -> anyhow::Result<Vec<(&'static str, Vec<u8>)>> {
    ECS.call(addr, keys, "CreateCluster", r#"{"clusterName":"bench"}"#)?;
    ECS.call(
        addr,
        keys,
        "RegisterTaskDefinition",
        &definition.to_string(),
    )?;
    let run = |count: usize| {
        json!({
            "cluster": "bench",
            "taskDefinition": "bench",
            "launchType": "FARGATE",
            "count": count,
            "networkConfiguration": {
                "awsvpcConfiguration": {"subnets": ["subnet-1"], "securityGroups": ["sg-1"]}
            }
        })
        .to_string()
    };
    let mut arns = Vec::new();
    while arns.len() < TASKS {
        let ran = ECS.call(addr, keys, "RunTask", &run(10))?;
        for task in ran["tasks"].as_array().into_iter().flatten() {
            arns.push(task["taskArn"].as_str().unwrap_or_default().to_owned());
        }
    }
    let describe = json!({"cluster": "bench", "tasks": &arns[..100]}).to_string();
    let list =
        json!({"cluster": "bench", "desiredStatus": "STOPPED", "maxResults": 100}).to_string();
    let list_running = json!({"cluster": "bench", "maxResults": 100}).to_string();
    Ok(vec![
        ("RunTask", ECS.request(addr, keys, "RunTask", &run(1))),
        (
            "DescribeTasks(100)",
            ECS.request(addr, keys, "DescribeTasks", &describe),
        ),
        (
            "ListTasks",
            ECS.request(addr, keys, "ListTasks", &list_running),
        ),
        (
            "ListTasks(STOPPED)",
            ECS.request(addr, keys, "ListTasks", &list),
        ),
    ])
}

/// Runs the comparison and prints it.
pub(crate) fn run(binary: &std::path::Path, seconds: u64, rounds: usize) -> anyhow::Result<()> {
    let duration = Duration::from_secs(seconds);
    let neargate = Neargate::start_with(binary, &["--no-agent"])?;
    let moto = Moto::start()?;
    let (key_id, secret) = neargate.admin_keys();
    let keys = (key_id.as_str(), secret.as_str());
    let container = json!([{
        "name": "app", "image": "busybox:1.35", "essential": true, "cpu": 256, "memory": 512
    }]);
    let fargate = json!({
        "family": "bench", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
        "cpu": "256", "memory": "512", "containerDefinitions": container
    });
    let bridge = json!({
        "family": "bench", "networkMode": "bridge", "cpu": "256", "memory": "512",
        "containerDefinitions": container
    });
    let ours = prepare(neargate.addr(), keys, &fargate)?;
    let theirs = prepare(&moto.addr, keys, &bridge)?;
    let load = |addr: &str, request: &[u8]| {
        Load {
            addr,
            request,
            concurrency: 8,
            duration,
        }
        .run()
    };
    println!(
        "ECS control plane, {TASKS} tasks in the cluster, c=8: Neargate (SigV4 verified, \
         authorized, stored durably, audited; --no-agent) vs moto_server"
    );
    println!(
        "{:<8} {:<20} {:>12} {:>16} {:>8}",
        "round", "operation", "moto req/s", "neargate req/s", "ratio"
    );
    for ((name, our), (_, their)) in ours.iter().zip(&theirs) {
        let mut ratios = Vec::new();
        for round in 1..=rounds {
            let moto = load(&moto.addr, their)?;
            let near = load(neargate.addr(), our)?;
            let ratio = near.rps / moto.rps;
            println!(
                "{round:<8} {name:<20} {:>12.1} {:>16.0} {:>8.1}",
                moto.rps, near.rps, ratio
            );
            ratios.push(ratio);
        }
        println!("{name}: median ratio {:.1}x moto", median(&ratios));
    }
    Ok(())
}
