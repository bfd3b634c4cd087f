//! Container health checks as ECS runs them: the check's command runs inside the container every
//! `interval`; a run that fails or outlasts `timeout` counts as a failure
//! (except during `startPeriod`), `retries` failures in a row make the container `UNHEALTHY`, and
//! one success makes it `HEALTHY`.
//!
//! The command runs in the task's cgroups (so that the task's memory and CPU limits hold it
//! too) and in the container's namespaces, as the container's user with its environment,
//! working directory, capabilities, `no_new_privs` and system call filter ([`crate::confine`]).
//! (`runc exec` would join the user namespace first, and then may not join a task's network
//! namespace, which belongs to the host's.) A check still running when the container ends is
//! killed.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use neargate_taskspec::HealthCheck;

use crate::confine::{self, Confinement};

/// A container's health, as ECS names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    /// No verdict yet.
    Unknown,
    /// The last run succeeded.
    Healthy,
    /// `retries` runs failed in a row.
    Unhealthy,
}

impl Health {
    /// ECS's `healthStatus`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unknown => "UNKNOWN",
            Self::Healthy => "HEALTHY",
            Self::Unhealthy => "UNHEALTHY",
        }
    }
}

/// The argument list `runc exec` runs, or `None` for a command ECS would refuse.
fn argv(check: &HealthCheck) -> Option<Vec<String>> {
    match check.command.split_first()? {
        (kind, [line]) if kind == "CMD-SHELL" => {
            Some(vec!["/bin/sh".into(), "-c".into(), line.clone()])
        }
        (kind, rest) if kind == "CMD" && !rest.is_empty() => Some(rest.to_vec()),
        _ => None,
    }
}

/// Runs the check once in the container whose init process is `pid`, confined as the
/// container is: whether it succeeded within the timeout.
fn run_once(
    check: &HealthCheck,
    pid: u32,
    confinement: &Confinement,
    argv: &[String],
    done: &AtomicBool,
) -> bool {
    let Ok(mut run) = confine::spawn(pid, confinement, task_cgroup_procs_files(pid), argv) else {
        return false;
    };
    let deadline = Instant::now() + check.timeout;
    loop {
        match run.try_wait() {
            Some(success) => return success,
            None if Instant::now() < deadline && !done.load(Ordering::Relaxed) => {
                std::thread::sleep(Duration::from_millis(20));
            }
            None => {
                run.kill();
                return false;
            }
        }
    }
}

/// Runs `check` on the container whose init process is `pid` and whose bundle is `bundle` until
/// `done` is set, telling `report` each change of health.
pub fn watch(
    check: &HealthCheck,
    pid: u32,
    bundle: &Path,
    done: &Arc<AtomicBool>,
    mut report: impl FnMut(Health),
) {
    let (Some(argv), Some(confinement)) = (argv(check), Confinement::of_bundle(bundle)) else {
        report(Health::Unhealthy);
        return;
    };
    let begun = Instant::now();
    let mut health = Health::Unknown;
    let mut failures = 0;
    while !done.load(Ordering::Relaxed) {
        let next = if run_once(check, pid, &confinement, &argv, done) {
            failures = 0;
            Health::Healthy
        } else {
            if begun.elapsed() >= check.start_period {
                failures += 1;
            }
            if failures >= check.retries {
                Health::Unhealthy
            } else {
                health
            }
        };
        if next != health && !done.load(Ordering::Relaxed) {
            health = next;
            report(health);
        }
        let until = Instant::now() + check.interval;
        while Instant::now() < until && !done.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(50).min(check.interval));
        }
    }
}

/// The `cgroup.procs` files of the task cgroups above the container whose init is `pid`: the
/// parents of its cgroups, one per hierarchy that has one (a container's cgroup is
/// `/neargate/<task>/<container>`; the task's carries the task's limits).
fn task_cgroup_procs_files(pid: u32) -> Vec<std::ffi::CString> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/cgroup")).unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let mut parts = line.splitn(3, ':');
            let (_, controllers, path) = (parts.next()?, parts.next()?, parts.next()?);
            let hierarchy = match controllers {
                "" => "unified",
                named => named.strip_prefix("name=").unwrap_or(named),
            };
            let parent = std::path::Path::new(path.trim_start_matches('/')).parent()?;
            if parent.as_os_str().is_empty() {
                return None;
            }
            let file = std::path::Path::new("/sys/fs/cgroup")
                .join(hierarchy)
                .join(parent)
                .join("cgroup.procs");
            file.exists()
                .then(|| std::ffi::CString::new(file.into_os_string().into_encoded_bytes()).ok())
                .flatten()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(command: &[&str]) -> HealthCheck {
        HealthCheck {
            command: command.iter().map(|s| (*s).to_owned()).collect(),
            interval: Duration::from_secs(30),
            timeout: Duration::from_secs(5),
            retries: 3,
            start_period: Duration::ZERO,
        }
    }

    #[test]
    fn commands_take_ecs_forms_only() {
        assert_eq!(
            argv(&check(&["CMD-SHELL", "test -f /ok"])).unwrap(),
            ["/bin/sh", "-c", "test -f /ok"]
        );
        assert_eq!(argv(&check(&["CMD", "/bin/true"])).unwrap(), ["/bin/true"]);
        assert!(argv(&check(&["CMD"])).is_none());
        assert!(argv(&check(&["/bin/true"])).is_none());
        assert_eq!(Health::Healthy.as_str(), "HEALTHY");
    }
}
