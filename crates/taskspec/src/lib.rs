//! A task as the control plane hands it to the agent that runs it: its containers, limits,
//! storage and volumes. Both sides use these types; neither compiles the other.

use std::time::Duration;

/// When a dependency lets a container start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// Once the dependency has started.
    Start,
    /// Once it has exited, whatever its code.
    Complete,
    /// Once it has exited with code 0.
    Success,
    /// Once its health check has passed.
    Healthy,
}

/// A task's limits, as its task definition gives them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Limits {
    /// `memory`, in bytes: the task's containers together may use no more.
    pub memory: Option<u64>,
    /// `cpu`, in ECS units (1024 per vCPU): a hard quota, as on Fargate.
    pub cpu_units: Option<u64>,
}

/// A container definition's `healthCheck`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthCheck {
    /// The command: `["CMD-SHELL", "<shell line>"]` or `["CMD", "<program>", "<arg>"...]`.
    pub command: Vec<String>,
    /// Between runs (ECS: 5–300 s, 30 by default).
    pub interval: Duration,
    /// How long one run may take (2–60 s, 5 by default).
    pub timeout: Duration,
    /// Failures in a row that make the container unhealthy (1–10, 3 by default).
    pub retries: u32,
    /// Failures before this much time has passed do not count (0–300 s, 0 by default).
    pub start_period: Duration,
}

/// A container of a task, as its (overridden) container definition gives it.
#[derive(Debug, Clone, Default)]
pub struct ContainerSpec {
    /// `name`, unique in the task.
    pub name: String,
    /// `image`, resolved against the image store.
    pub image: String,
    /// `entryPoint`, replacing the image's.
    pub entry_point: Option<Vec<String>>,
    /// `command`, replacing the image's `Cmd`.
    pub command: Option<Vec<String>>,
    /// `environment`.
    pub environment: Vec<(String, String)>,
    /// `workingDirectory`.
    pub working_directory: Option<String>,
    /// `user`.
    pub user: Option<String>,
    /// `essential`.
    pub essential: bool,
    /// `dependsOn`.
    pub depends_on: Vec<(String, Condition)>,
    /// `stopTimeout`.
    pub stop_timeout: Duration,
    /// `readonlyRootFilesystem`.
    pub readonly_root: bool,
    /// `privileged`.
    pub privileged: bool,
    /// `linuxParameters.capabilities.add`.
    pub add_capabilities: Vec<String>,
    /// `linuxParameters.capabilities.drop`.
    pub drop_capabilities: Vec<String>,
    /// `mountPoints`: task volumes.
    pub mount_points: Vec<MountPoint>,
    /// `memory`, in bytes: the container's hard limit.
    pub memory: Option<u64>,
    /// `cpu` units: the container's share.
    pub cpu: Option<u64>,
    /// `healthCheck`.
    pub health_check: Option<HealthCheck>,
}

/// A task volume seen by a container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MountPoint {
    /// `sourceVolume`: a volume of the task.
    pub source_volume: String,
    /// `containerPath`.
    pub container_path: String,
    /// `readOnly`.
    pub read_only: bool,
}

/// A task as the agent runs it.
#[derive(Debug, Clone, Default)]
pub struct TaskSpec {
    /// The task id (its ARN's last part).
    pub id: String,
    /// Its containers.
    pub containers: Vec<ContainerSpec>,
    /// Its `cpu` and `memory`.
    pub limits: Limits,
    /// The ephemeral volume's size in bytes.
    pub storage_bytes: u64,
    /// The task's volumes (names): directories on its encrypted volume.
    pub volumes: Vec<String>,
}
