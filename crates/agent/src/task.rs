//! Running a task's containers as ECS does: in `dependsOn` order (`START`, `COMPLETE`,
//! `SUCCESS`), and when an essential container exits, stopping the others with `SIGTERM`, then
//! `SIGKILL` once their `stopTimeout` has passed. Nothing restarts.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use neargate_common::SystemClock;

use neargate_taskspec::{Condition, HealthCheck, Limits};

use crate::health::{self, Health};
use crate::logs::LogFile;
use crate::runc;

/// One container of a task, its bundle already made.
#[derive(Debug, Clone)]
pub struct Container {
    /// The container name, unique in the task.
    pub name: String,
    /// The OCI bundle.
    pub bundle: PathBuf,
    /// Whether its exit stops the task.
    pub essential: bool,
    /// The containers it waits for.
    pub depends_on: Vec<(String, Condition)>,
    /// How long it has between `SIGTERM` and `SIGKILL`.
    pub stop_timeout: Duration,
    /// Its `healthCheck`, if any.
    pub health_check: Option<HealthCheck>,
}

/// How one container ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// When it started, relative to the task's start; `None` if it never did.
    pub started: Option<Duration>,
    /// Its exit code, if it ran.
    pub exit_code: Option<i32>,
    /// Why it did not run, or what stopped it.
    pub reason: Option<String>,
    /// Its last health, if it has a health check.
    pub health: Option<Health>,
}

/// How a task ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskResult {
    /// Each container's outcome, by name.
    pub containers: HashMap<String, Outcome>,
    /// ECS's `stopCode`: `EssentialContainerExited` when an essential container's exit stopped it.
    pub stop_code: Option<String>,
    /// ECS's `stoppedReason`.
    pub stopped_reason: Option<String>,
}

/// Where cgroup hierarchies are mounted.
const CGROUPS: &str = "/sys/fs/cgroup";

/// The cgroup of a task's container, relative to each hierarchy's root: under the task's own
/// cgroup, which carries the task-level memory limit.
pub fn cgroup_path(task: &str, name: &str) -> String {
    format!("/neargate/{task}/{name}")
}

/// The CFS period the CPU quota is expressed in, in microseconds.
const CPU_PERIOD_US: u64 = 100_000;

/// Makes the task's cgroups with its limits before its containers start in them.
fn make_task_cgroups(task: &str, limits: Limits) -> std::io::Result<()> {
    let memory = PathBuf::from(CGROUPS).join("memory/neargate").join(task);
    std::fs::create_dir_all(&memory)?;
    if let Some(limit) = limits.memory {
        std::fs::write(memory.join("memory.limit_in_bytes"), limit.to_string())?;
    }
    if let Some(units) = limits.cpu_units {
        let cpu = PathBuf::from(CGROUPS).join("cpu/neargate").join(task);
        std::fs::create_dir_all(&cpu)?;
        std::fs::write(cpu.join("cpu.cfs_period_us"), CPU_PERIOD_US.to_string())?;
        let quota = (units * CPU_PERIOD_US / 1024).max(1000);
        std::fs::write(cpu.join("cpu.cfs_quota_us"), quota.to_string())?;
    }
    Ok(())
}

/// OOM kills counted in a memory cgroup so far.
fn oom_kills(dir: &std::path::Path) -> u64 {
    std::fs::read_to_string(dir.join("memory.oom_control"))
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("oom_kill "))
                .and_then(|n| n.trim().parse().ok())
        })
        .unwrap_or(0)
}

/// Removes the task's cgroups in every hierarchy, once its containers are gone.
pub(crate) fn remove_task_cgroups(task: &str) {
    let Ok(hierarchies) = std::fs::read_dir(CGROUPS) else {
        return;
    };
    for hierarchy in hierarchies.flatten() {
        let dir = hierarchy.path().join("neargate").join(task);
        if let Ok(children) = std::fs::read_dir(&dir) {
            for child in children.flatten() {
                if child.path().is_dir() {
                    let _ = std::fs::remove_dir(child.path());
                }
            }
        }
        let _ = std::fs::remove_dir(&dir);
    }
}

/// How a running task is watched and stopped from outside.
#[derive(Debug, Clone, Default)]
pub struct Control {
    /// Set to stop the task (ECS `StopTask`): its containers get `SIGTERM`, then `SIGKILL` after
    /// their `stopTimeout`, and it ends with `stopCode` `UserInitiated`.
    pub stop: Arc<AtomicBool>,
    /// Told each container's name as it starts.
    pub started: Option<mpsc::Sender<String>>,
    /// Told each change of a container's health.
    pub health: Option<mpsc::Sender<(String, Health)>>,
}

/// Why a task is stopping.
enum Stopping {
    /// An essential container exited.
    Essential(String),
    /// It was asked to stop.
    Requested,
}

/// What ECS reports for a container killed for using too much memory.
pub const OUT_OF_MEMORY: &str = "OutOfMemoryError: Container killed due to memory usage";

/// The runtime id of a task's container.
pub(crate) fn container_id(task: &str, name: &str) -> String {
    format!("{task}-{name}")
}

/// What a container's thread reports.
enum Event {
    /// The container is running, its init process this one.
    Started(String, u32),
    /// It exited with this code, after this many OOM kills in its cgroup.
    Exited(String, i32, u64),
    /// Its health changed.
    Health(String, Health),
}

/// Sends `signal` to a running container (it may have exited already).
fn kill(task: &str, name: &str, signal: &str) {
    let _ = Command::new("runc")
        .args(["kill", &container_id(task, name), signal])
        .output();
}

/// Runs the containers of task `task` (their bundles in the cgroups [`cgroup_path`] names),
/// their output in `<logs>/<container>.log`, within the task-level `limits`, until all have ended.
pub fn run(
    task: &str,
    containers: &[Container],
    logs: &std::path::Path,
    limits: Limits,
    control: &Control,
) -> TaskResult {
    let begun = Instant::now();

    let (events, received) = mpsc::channel::<Event>();
    let mut outcomes: HashMap<String, Outcome> = containers
        .iter()
        .map(|c| {
            (
                c.name.clone(),
                Outcome {
                    started: None,
                    exit_code: None,
                    reason: None,
                    health: None,
                },
            )
        })
        .collect();
    if let Err(e) = make_task_cgroups(task, limits) {
        remove_task_cgroups(task);
        for outcome in outcomes.values_mut() {
            outcome.reason = Some("The task did not start.".to_owned());
        }
        return TaskResult {
            containers: outcomes,
            stop_code: Some("TaskFailedToStart".to_owned()),
            stopped_reason: Some(format!("The task's limits could not be set: {e}")),
        };
    }
    let mut running: Vec<&Container> = Vec::new();
    let mut pending: Vec<&Container> = containers.iter().collect();
    let mut stopping: Option<(Instant, Stopping)> = None;
    // The health checks running, by container, and their threads.
    let mut watching: HashMap<String, Arc<AtomicBool>> = HashMap::new();
    let mut watchers = Vec::new();
    let mut killed = false;
    loop {
        // Start whatever may start; refuse whatever never can.
        if stopping.is_none() {
            let mut still = Vec::new();
            for container in pending {
                match readiness(container, &outcomes) {
                    Readiness::Ready => {
                        let (tx, name) = (events.clone(), container.name.clone());
                        let (bundle, id) = (container.bundle.clone(), container_id(task, &name));
                        let log = LogFile::open(
                            &logs.join(format!("{name}.log")),
                            crate::logs::DEFAULT_LIMIT,
                            Arc::new(SystemClock),
                        );
                        let leaf = PathBuf::from(CGROUPS)
                            .join("memory")
                            .join(cgroup_path(task, &name).trim_start_matches('/'));
                        std::thread::spawn(move || {
                            let started = |pid| {
                                let _ = tx.send(Event::Started(name.clone(), pid));
                            };
                            let (code, ooms) = log
                                .and_then(|log| {
                                    runc::run_then(&bundle, &id, &log, started, || oom_kills(&leaf))
                                })
                                .map_or((-1, 0), |(exit, ooms)| (exit.code, ooms));
                            let _ = tx.send(Event::Exited(name, code, ooms));
                        });
                        running.push(container);
                    }
                    Readiness::Waiting => still.push(container),
                    Readiness::Never(reason) => {
                        if let Some(o) = outcomes.get_mut(&container.name) {
                            o.reason = Some(reason);
                        }
                        // An essential container that can never start ends the task.
                        if container.essential && stopping.is_none() {
                            stopping =
                                Some((Instant::now(), Stopping::Essential(container.name.clone())));
                        }
                    }
                }
            }
            pending = still;
            if stopping.is_some() {
                begin_stop(task, &running, &mut pending, &mut outcomes);
            }
        }
        if running.is_empty() {
            break;
        }
        let wait = match &stopping {
            Some((since, _)) if !killed => {
                let limit = running
                    .iter()
                    .map(|c| c.stop_timeout)
                    .max()
                    .unwrap_or_default();
                limit
                    .saturating_sub(since.elapsed())
                    .max(Duration::from_millis(1))
            }
            _ => Duration::from_millis(200),
        };
        match received.recv_timeout(wait) {
            Ok(Event::Started(name, pid)) => {
                if let Some(o) = outcomes.get_mut(&name) {
                    o.started = Some(begun.elapsed());
                }
                if let Some((check, bundle)) = containers
                    .iter()
                    .find(|c| c.name == name)
                    .and_then(|c| Some((c.health_check.clone()?, c.bundle.clone())))
                {
                    let done = Arc::new(AtomicBool::new(false));
                    watching.insert(name.clone(), Arc::clone(&done));
                    let (tx, watched) = (events.clone(), name.clone());
                    watchers.push(std::thread::spawn(move || {
                        health::watch(&check, pid, &bundle, &done, |health| {
                            let _ = tx.send(Event::Health(watched.clone(), health));
                        });
                    }));
                }
                if let Some(started) = &control.started {
                    let _ = started.send(name);
                }
            }
            Ok(Event::Health(name, health)) => {
                if let Some(o) = outcomes.get_mut(&name) {
                    o.health = Some(health);
                }
                if let Some(report) = &control.health {
                    let _ = report.send((name, health));
                }
            }
            Ok(Event::Exited(name, code, ooms)) => {
                if let Some(done) = watching.remove(&name) {
                    done.store(true, Ordering::Relaxed);
                }
                running.retain(|c| c.name != name);
                let essential = containers.iter().any(|c| c.name == name && c.essential);
                // The kernel counts an OOM kill in the killed process's own memory cgroup.
                let killed_for_memory = code == 137 && ooms > 0;
                if let Some(o) = outcomes.get_mut(&name) {
                    o.exit_code = Some(code);
                    if killed_for_memory {
                        o.reason = Some(OUT_OF_MEMORY.to_owned());
                    }
                }
                if essential && stopping.is_none() {
                    stopping = Some((Instant::now(), Stopping::Essential(name.clone())));
                    begin_stop(task, &running, &mut pending, &mut outcomes);
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                if stopping.is_none() && control.stop.load(Ordering::Relaxed) {
                    stopping = Some((Instant::now(), Stopping::Requested));
                    begin_stop(task, &running, &mut pending, &mut outcomes);
                } else if let Some((since, _)) = &stopping
                    && !killed
                    && running.iter().all(|c| since.elapsed() >= c.stop_timeout)
                {
                    for other in &running {
                        kill(task, &other.name, "KILL");
                    }
                    killed = true;
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    // No check may still be in the task's cgroups when they go.
    for done in watching.values() {
        done.store(true, Ordering::Relaxed);
    }
    for watcher in watchers {
        let _ = watcher.join();
    }
    remove_task_cgroups(task);
    let (stop_code, stopped_reason) = match stopping {
        Some((_, Stopping::Essential(name))) => (
            Some("EssentialContainerExited".to_owned()),
            Some(format!("Essential container in task exited: {name}")),
        ),
        Some((_, Stopping::Requested)) => (Some("UserInitiated".to_owned()), None),
        None => (None, None),
    };
    TaskResult {
        containers: outcomes,
        stop_code,
        stopped_reason,
    }
}

/// Sends `SIGTERM` to the running containers and gives up on those not started yet.
fn begin_stop(
    task: &str,
    running: &[&Container],
    pending: &mut Vec<&Container>,
    outcomes: &mut HashMap<String, Outcome>,
) {
    for other in running {
        kill(task, &other.name, "TERM");
    }
    for waiting in pending.iter() {
        if let Some(o) = outcomes.get_mut(&waiting.name) {
            o.reason = Some("The task stopped before the container started.".into());
        }
    }
    pending.clear();
}

enum Readiness {
    Ready,
    Waiting,
    Never(String),
}

fn readiness(container: &Container, outcomes: &HashMap<String, Outcome>) -> Readiness {
    for (dependency, condition) in &container.depends_on {
        let Some(outcome) = outcomes.get(dependency) else {
            return Readiness::Never(format!("Dependency {dependency} is not in the task."));
        };
        if outcome.reason.is_some() && outcome.started.is_none() {
            return Readiness::Never(format!("Dependency {dependency} did not start."));
        }
        match (condition, outcome.started, outcome.exit_code) {
            (Condition::Healthy, _, _) if outcome.health == Some(Health::Healthy) => {}
            (Condition::Healthy, _, Some(_)) => {
                return Readiness::Never(format!(
                    "Dependency {dependency} exited before it was healthy (HEALTHY)."
                ));
            }
            (Condition::Start, Some(_), _) => {}
            (Condition::Complete, _, Some(_)) => {}
            (Condition::Success, _, Some(0)) => {}
            (Condition::Success, _, Some(code)) => {
                return Readiness::Never(format!(
                    "Dependency {dependency} exited with code {code}, not 0 (SUCCESS)."
                ));
            }
            _ => return Readiness::Waiting,
        }
    }
    Readiness::Ready
}
