//! The agent: launch latency from "assigned" to "all essential containers running" (fresh
//! encrypted 20 GiB volume, network, bundle, runc), and the agent's memory with 100 idle tasks.
//! Needs root, runc and mkfs.ext4.

use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use neargate_agent::launch::{Agent, Launched, TaskEvent};
use neargate_ephemeral::{DataKey, KeySource};
use neargate_taskspec::{ContainerSpec, TaskSpec};
use neargate_testkit::disk::HostResources;
use neargate_testkit::images::{busybox_layer, docker_save};

use crate::median;

/// A fixed key: the benchmark measures the agent, not KMS.
struct BenchKey;

impl KeySource for BenchKey {
    fn data_key(&self, _volume: &str) -> Result<DataKey, String> {
        DataKey::from_bytes(&[7; 32]).ok_or_else(|| "no key".into())
    }
}

fn task(n: usize) -> TaskSpec {
    TaskSpec {
        id: format!("bench{n:027}"),
        containers: vec![ContainerSpec {
            name: "app".into(),
            image: "busybox:1.35".into(),
            entry_point: Some(vec!["/bin/sh".into(), "-c".into()]),
            command: Some(vec!["trap 'exit 0' TERM; sleep 3600 & wait".into()]),
            essential: true,
            stop_timeout: Duration::from_secs(1),
            ..ContainerSpec::default()
        }],
        storage_bytes: 20 << 30,
        ..TaskSpec::default()
    }
}

/// Resident memory of process `pid` in KiB.
fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// Resident memory of every `runc` process on the host, in KiB (the per-container supervisors).
fn runc_rss_kib() -> u64 {
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return 0;
    };
    procs
        .flatten()
        .filter_map(|p| p.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.trim() == "runc")
        })
        .map(rss_kib)
        .sum()
}

/// Launches `spec` and waits until it runs; the time it took.
fn launch_one(
    agent: &Arc<Agent>,
    spec: TaskSpec,
) -> anyhow::Result<(Duration, Launched, mpsc::Receiver<TaskEvent>)> {
    let (tx, events) = mpsc::channel();
    let begun = Instant::now();
    let launched = agent
        .launch(spec, &BenchKey, tx)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    match events.recv_timeout(Duration::from_secs(60))? {
        TaskEvent::Running { .. } => Ok((begun.elapsed(), launched, events)),
        other => anyhow::bail!("task did not run: {other:?}"),
    }
}

/// Stops a task and waits until everything of it is gone.
fn stop(launched: &Launched, events: &mpsc::Receiver<TaskEvent>) -> anyhow::Result<()> {
    launched.stop();
    loop {
        if let TaskEvent::Stopped { .. } = events.recv_timeout(Duration::from_secs(60))? {
            return Ok(());
        }
    }
}

/// Runs the measurements and prints them; `churn` more tasks are then launched and stopped one
/// after another, counting what the host holds before and after.
pub(crate) fn run(launches: usize, idle: usize, churn: usize) -> anyhow::Result<()> {
    let dir = tempfile::tempdir_in("/var/tmp")?;
    let (agent, _) = Agent::open(&dir.path().join("data")).map_err(|e| anyhow::anyhow!("{e}"))?;
    let archive = dir.path().join("busybox.tar");
    std::fs::write(&archive, docker_save(&busybox_layer(), "busybox:1.35"))?;
    agent.images().import(&archive)?;
    let agent = Arc::new(agent);

    let mut latencies = Vec::new();
    for n in 0..launches {
        let (took, launched, events) = launch_one(&agent, task(n))?;
        latencies.push(took.as_secs_f64() * 1000.0);
        stop(&launched, &events)?;
    }
    let mut sorted = latencies.clone();
    sorted.sort_by(f64::total_cmp);
    let p99 = sorted[(sorted.len() * 99 / 100).min(sorted.len() - 1)];
    println!(
        "launch to running ({launches} launches, fresh encrypted 20 GiB volume each): median \
         {:.1} ms (target < 150 ms), p99 {p99:.1} ms (target < 500 ms)",
        median(&latencies)
    );

    let before = rss_kib(std::process::id());
    let mut running = Vec::new();
    for n in 0..idle {
        let (_, launched, events) = launch_one(&agent, task(launches + n))?;
        running.push((launched, events));
    }
    std::thread::sleep(Duration::from_secs(2));
    for (_, events) in &running {
        if let Ok(event) = events.try_recv() {
            anyhow::bail!("an idle task ended: {event:?}");
        }
    }
    let agent_kib = rss_kib(std::process::id());
    let runc_kib = runc_rss_kib();
    println!(
        "{idle} idle tasks: agent resident memory {:.1} MiB (target < 50 MiB; {:.1} MiB before \
         them); runc supervisors, one per container, {:.1} MiB in all",
        agent_kib as f64 / 1024.0,
        before as f64 / 1024.0,
        runc_kib as f64 / 1024.0
    );
    for (launched, events) in &running {
        stop(launched, events)?;
    }

    if churn > 0 {
        let before = HostResources::count();
        for n in 0..churn {
            let (_, launched, events) = launch_one(&agent, task(launches + idle + n))?;
            stop(&launched, &events)?;
        }
        let after = HostResources::count();
        println!(
            "{churn} more tasks launched and stopped: host before {before:?}, after {after:?}{}",
            if before == after {
                " (nothing leaked)"
            } else {
                " (LEAKED)"
            }
        );
    }
    Ok(())
}
