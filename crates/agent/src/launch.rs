//! The agent's side of a task: given a task, it gets the data key, makes the encrypted ephemeral
//! volume, the network and the containers' bundles (their writable root filesystems and the
//! task's volumes live on the encrypted volume), runs the containers, reports, and takes
//! everything down when the task ends — or, after an agent restart, sweeps what a task left.

use std::collections::{BTreeSet, HashSet};
use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, mpsc};

use neargate_ephemeral::{KeySource, Volume};

use crate::bundle::{self, Bind, Process, Sandbox};
use neargate_taskspec::TaskSpec;

use crate::health::Health;
use crate::host::{Host, SystemHost};
use crate::images::ImageStore;
use crate::ledger;
use crate::network::{self, TaskNetwork};
use crate::process::{self, ImageDefaults};
use crate::rootfs::{self, Layout};
use crate::task::{self, Container, Control, TaskResult};

/// What the agent reports about a task it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskEvent {
    /// Every essential container has started.
    Running {
        /// The task id.
        task: String,
    },
    /// A container's health changed.
    Health {
        /// The task id.
        task: String,
        /// The container.
        container: String,
        /// Its health now.
        health: Health,
    },
    /// The task has ended and nothing of it is left but its logs.
    Stopped {
        /// The task id.
        task: String,
        /// How it ended.
        result: TaskResult,
    },
}

/// Why a task could not start: ECS's `stoppedReason` (`CannotPullContainerError: …`,
/// `ResourceInitializationError: …`, `CannotStartContainerError: …`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct LaunchError(pub String);

/// A task that started: its address, and how to stop it.
#[derive(Debug)]
pub struct Launched {
    /// The task's private address.
    pub address: Ipv4Addr,
    control: Control,
}

impl Launched {
    /// Asks the task to stop (ECS `StopTask`); [`TaskEvent::Stopped`] follows.
    pub fn stop(&self) {
        self.control.stop.store(true, Ordering::Relaxed);
    }
}

/// Slots give each running task its own host id range and address.
const FIRST_SLOT: u32 = 2;
const LAST_SLOT: u32 = 65_000;
/// The host id a slot-0 range would start at; each slot maps 65,536 ids above it.
const ID_BASE: u32 = 1_000_000;
const IDS_PER_SLOT: u32 = 65_536;

/// Where task volumes live: outside the data directory, whose mode (0700) would keep a
/// container's mapped root from reaching its own root filesystem on the volume.
const VOLUMES_ROOT: &str = "/var/lib/neargate/volumes";

/// The directory of the task volumes of the agent on `data_dir`: one per data directory, so
/// that agents of several servers on one host never sweep each other's volumes.
pub fn volumes_dir(data_dir: &Path) -> PathBuf {
    use sha2::Digest as _;
    let path = std::fs::canonicalize(data_dir).unwrap_or_else(|_| data_dir.to_owned());
    let digest = sha2::Sha256::digest(path.as_os_str().as_encoded_bytes());
    Path::new(VOLUMES_ROOT).join(hex::encode(&digest[..8]))
}

/// Where agents claim slots, host-wide.
const SLOTS_DIR: &str = "/run/neargate/slots";

/// The task agent on this host.
#[derive(Debug)]
pub struct Agent {
    data_dir: PathBuf,
    images: ImageStore,
    slots: Mutex<BTreeSet<u32>>,
    /// What sandboxes are made with.
    host: Arc<dyn Host>,
}

/// The marker a running task leaves in its directory, removed when it is taken down.
const RUNNING_MARKER: &str = "running";

impl Agent {
    /// Opens the agent on `data_dir`, first taking down whatever tasks an earlier agent left
    /// running (containers, cgroups, networks, volumes): their ids are returned, to be reported
    /// stopped. Running tasks are not re-adopted.
    pub fn open(data_dir: &Path) -> Result<(Self, Vec<String>), LaunchError> {
        let images = ImageStore::open(data_dir).map_err(|e| LaunchError(e.to_string()))?;
        let host = SystemHost::default();
        let mut swept = Vec::new();
        if let Ok(tasks) = std::fs::read_dir(data_dir.join("tasks")) {
            for entry in tasks.flatten() {
                let marker = entry.path().join(RUNNING_MARKER);
                if !marker.exists() {
                    continue;
                }
                let id = entry.file_name().to_string_lossy().into_owned();
                take_down_left_over(&host, &id);
                let _ = std::fs::remove_file(marker);
                swept.push(id);
            }
        }
        release_dead_claims();
        // What agents of any data directory left behind, their processes gone.
        for id in ledger::take_orphaned_tasks() {
            take_down_left_over(&host, &id);
            if !swept.contains(&id) {
                swept.push(id);
            }
        }
        let mine = volumes_dir(data_dir);
        let sweep = |dir: &Path| {
            neargate_ephemeral::sweep(dir)
                .map_err(|e| LaunchError(format!("sweeping left-over volumes: {e}")))?;
            let _ = std::fs::remove_dir(dir);
            Ok::<_, LaunchError>(())
        };
        for dir in ledger::unclaimed_volumes(Path::new(VOLUMES_ROOT), &mine) {
            sweep(&dir)?;
        }
        sweep(&mine)?;
        ledger::claim_volumes(&mine)
            .map_err(|e| LaunchError(format!("claiming the volumes directory: {e}")))?;
        // No container runs now: layers no image uses any more can go.
        images
            .prune_layers()
            .map_err(|e| LaunchError(format!("pruning extracted layers: {e}")))?;
        let agent = Self {
            data_dir: data_dir.to_owned(),
            images,
            slots: Mutex::new(BTreeSet::new()),
            host: Arc::new(host),
        };
        Ok((agent, swept))
    }

    /// The image store tasks' images resolve against.
    pub fn images(&self) -> &ImageStore {
        &self.images
    }

    /// Prepares `spec` (data key from `keys`, encrypted volume, network, bundles) and starts it;
    /// its [`TaskEvent`]s go to `events`. A failure leaves nothing behind.
    pub fn launch(
        self: &Arc<Self>,
        spec: TaskSpec,
        keys: &dyn KeySource,
        events: mpsc::Sender<TaskEvent>,
    ) -> Result<Launched, LaunchError> {
        let slot = self.take_slot()?;
        let prepared = Prepared {
            agent: Arc::clone(self),
            task: spec.id.clone(),
            slot,
            volume: None,
            network: None,
            rootfs: Vec::new(),
        };
        let (prepared, containers) = self.prepare(prepared, &spec, keys)?;
        let control = Control::default();
        let address = prepared
            .network
            .as_ref()
            .map_or(Ipv4Addr::UNSPECIFIED, |n| n.address);
        let handle = Launched {
            address,
            control: control.clone(),
        };
        let logs = crate::logs::task_logs(&self.data_dir, &spec.id);
        std::thread::spawn(move || supervise(spec, containers, logs, control, prepared, events));
        Ok(handle)
    }

    /// Takes the lowest free slot. Slots are claimed host-wide (a file per slot under
    /// [`SLOTS_DIR`] holding the claiming process's id), so agents of several servers on one
    /// host never share an address or an id range; a claim whose process is gone is free.
    fn take_slot(&self) -> Result<u32, LaunchError> {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        let dir = Path::new(SLOTS_DIR);
        let _ = std::fs::create_dir_all(dir);
        let me = std::process::id().to_string();
        for slot in FIRST_SLOT..=LAST_SLOT {
            if slots.contains(&slot) {
                continue;
            }
            let claim = dir.join(slot.to_string());
            let owner = std::fs::read_to_string(&claim).ok();
            if let Some(owner) = owner {
                if owner == me || Path::new("/proc").join(owner.trim()).exists() {
                    continue;
                }
                let _ = std::fs::remove_file(&claim);
            }
            let Ok(mut file) = std::fs::File::create_new(&claim) else {
                continue;
            };
            use std::io::Write as _;
            if file.write_all(me.as_bytes()).is_err() {
                continue;
            }
            slots.insert(slot);
            return Ok(slot);
        }
        Err(LaunchError(
            "ResourceInitializationError: the agent runs as many tasks as it can".into(),
        ))
    }

    fn release_slot(&self, slot: u32) {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        if slots.remove(&slot) {
            let _ = std::fs::remove_file(Path::new(SLOTS_DIR).join(slot.to_string()));
        }
    }

    fn prepare(
        &self,
        mut prepared: Prepared,
        spec: &TaskSpec,
        keys: &dyn KeySource,
    ) -> Result<(Prepared, Vec<Container>), LaunchError> {
        let init = |what: &str, e: &dyn std::fmt::Display| {
            LaunchError(format!("ResourceInitializationError: {what}: {e}"))
        };
        let task_dir = self.data_dir.join("tasks").join(&spec.id);
        std::fs::create_dir_all(&task_dir).map_err(|e| init("task directory", &e))?;
        std::fs::write(task_dir.join(RUNNING_MARKER), b"")
            .map_err(|e| init("task directory", &e))?;
        ledger::record_task(&spec.id).map_err(|e| init("the host's task ledger", &e))?;
        let key = keys.data_key(&spec.id).map_err(LaunchError)?;
        let volume = Volume::create(
            &volumes_dir(&self.data_dir),
            &spec.id,
            spec.storage_bytes,
            &key,
        )
        .map_err(|e| init("failed to create the task's ephemeral storage", &e))?;
        drop(key);
        let data = volume.path();
        prepared.volume = Some(volume);
        let slot = prepared.slot;
        let [_, _, high, low] = slot.to_be_bytes();
        let address = Ipv4Addr::new(172, 31, high, low);
        prepared.network = Some(
            TaskNetwork::create(Arc::clone(&self.host), &spec.id, address)
                .map_err(|e| init("network", &e))?,
        );
        let id_base = ID_BASE + slot * IDS_PER_SLOT;
        for name in &spec.volumes {
            let dir = data.join("volumes").join(name);
            std::fs::create_dir_all(&dir).map_err(|e| init("task volume", &e))?;
            std::os::unix::fs::chown(&dir, Some(id_base), Some(id_base))
                .map_err(|e| init("task volume", &e))?;
        }
        let hostname = format!("ip-{}", address.to_string().replace('.', "-"));
        let namespace = prepared.network.as_ref().map(TaskNetwork::namespace_path);
        let mut containers = Vec::new();
        for container in &spec.containers {
            let image = self
                .images
                .resolve_or_pull(&container.image)
                .map_err(|e| LaunchError(e.to_string()))?;
            let config: serde_json::Value = std::fs::read(self.images.blob_path(&image.config))
                .ok()
                .and_then(|b| serde_json::from_slice(&b).ok())
                .unwrap_or_default();
            let defaults = ImageDefaults::from_config(&config);
            let bundle_dir = data.join("containers").join(&container.name);
            let layout = Layout::under(&bundle_dir);
            let layers = self
                .images
                .layer_dirs(&image)
                .map_err(|e| init("container root filesystem", &e))?;
            let base = (!container.privileged).then_some(id_base);
            rootfs::mount(self.host.as_ref(), &layers, &layout, base)
                .map_err(|e| init("container root filesystem", &e))?;
            let rootfs = layout.rootfs;
            prepared.rootfs.push(rootfs.clone());
            let user = container.user.as_deref().unwrap_or(&defaults.user);
            let (uid, gid) = process::resolve_user(&rootfs, user)
                .map_err(|e| LaunchError(format!("CannotStartContainerError: {e}")))?;
            let process = Process {
                args: process::arguments(
                    &defaults,
                    container.entry_point.as_deref(),
                    container.command.as_deref(),
                ),
                env: process::environment(&defaults, &container.environment),
                cwd: container
                    .working_directory
                    .clone()
                    .filter(|d| !d.is_empty())
                    .unwrap_or_else(|| match defaults.working_directory.as_str() {
                        "" => "/".to_owned(),
                        dir => dir.to_owned(),
                    }),
                uid,
                gid,
                capabilities: bundle::capabilities(
                    &container.add_capabilities,
                    &container.drop_capabilities,
                    container.privileged,
                ),
            };
            let binds = container
                .mount_points
                .iter()
                .map(|m| {
                    if spec.volumes.contains(&m.source_volume) {
                        Ok(Bind {
                            source: data.join("volumes").join(&m.source_volume),
                            destination: m.container_path.clone(),
                            readonly: m.read_only,
                        })
                    } else {
                        Err(LaunchError(format!(
                            "CannotStartContainerError: volume {} is not a volume of the task",
                            m.source_volume
                        )))
                    }
                })
                .collect::<Result<Vec<_>, _>>()?;
            let sandbox = Sandbox {
                hostname: hostname.clone(),
                readonly_root: container.readonly_root,
                id_base: (!container.privileged).then_some(id_base),
                memory_limit: container.memory,
                cpu_shares: container.cpu,
                cgroup: Some(task::cgroup_path(&spec.id, &container.name)),
                privileged: container.privileged,
                network: namespace.clone(),
                binds,
            };
            bundle::finish(&bundle_dir, &process, &sandbox)
                .map_err(|e| init("container bundle", &e))?;
            containers.push(Container {
                name: container.name.clone(),
                bundle: bundle_dir,
                essential: container.essential,
                depends_on: container.depends_on.clone(),
                stop_timeout: container.stop_timeout,
                health_check: container.health_check.clone(),
            });
        }
        Ok((prepared, containers))
    }
}

/// Takes down the containers, cgroups and network an earlier agent left of `task`.
fn take_down_left_over(host: &dyn Host, task: &str) {
    crate::runc::delete_prefixed(&format!("{task}-"));
    task::remove_task_cgroups(task);
    network::remove_left_over(host, task);
}

/// Removes the slot claims of processes that are gone.
fn release_dead_claims() {
    let Ok(claims) = std::fs::read_dir(SLOTS_DIR) else {
        return;
    };
    for claim in claims.flatten() {
        let owner = std::fs::read_to_string(claim.path()).unwrap_or_default();
        if owner.trim().is_empty() || !Path::new("/proc").join(owner.trim()).exists() {
            let _ = std::fs::remove_file(claim.path());
        }
    }
}

/// What a task holds on the host; dropping it gives everything back.
#[derive(Debug)]
struct Prepared {
    agent: Arc<Agent>,
    task: String,
    slot: u32,
    volume: Option<Volume>,
    network: Option<TaskNetwork>,
    /// The containers' root filesystems mounted on the volume.
    rootfs: Vec<PathBuf>,
}

impl Drop for Prepared {
    fn drop(&mut self) {
        for rootfs in self.rootfs.drain(..) {
            self.agent.host.unmount(&rootfs);
        }
        self.network.take();
        if let Some(volume) = self.volume.take() {
            let _ = volume.destroy();
            // The agent's volumes directory goes when its last volume does.
            let _ = std::fs::remove_dir(volumes_dir(&self.agent.data_dir));
        }
        let task_dir = self.agent.data_dir.join("tasks").join(&self.task);
        let _ = std::fs::remove_file(task_dir.join(RUNNING_MARKER));
        ledger::forget_task(&self.task);
        self.agent.release_slot(self.slot);
    }
}

/// Runs the task to its end, reporting `Running` once its essential containers have started,
/// then takes it down and reports `Stopped`.
fn supervise(
    spec: TaskSpec,
    containers: Vec<Container>,
    logs: PathBuf,
    mut control: Control,
    prepared: Prepared,
    events: mpsc::Sender<TaskEvent>,
) {
    let (started, starts) = mpsc::channel();
    control.started = Some(started);
    let (health, healths) = mpsc::channel::<(String, Health)>();
    control.health = Some(health);
    let forwarder = {
        let (events, task) = (events.clone(), spec.id.clone());
        std::thread::spawn(move || {
            for (container, health) in healths {
                let task = task.clone();
                let _ = events.send(TaskEvent::Health {
                    task,
                    container,
                    health,
                });
            }
        })
    };
    let essential: HashSet<String> = containers
        .iter()
        .filter(|c| c.essential)
        .map(|c| c.name.clone())
        .collect();
    let watcher = {
        let (events, task) = (events.clone(), spec.id.clone());
        std::thread::spawn(move || {
            let mut seen = HashSet::new();
            for name in starts {
                seen.insert(name);
                if essential.is_subset(&seen) {
                    let _ = events.send(TaskEvent::Running { task });
                    break;
                }
            }
        })
    };
    let result = task::run(&spec.id, &containers, &logs, spec.limits, &control);
    drop(control);
    let _ = watcher.join();
    let _ = forwarder.join();
    drop(prepared);
    let _ = events.send(TaskEvent::Stopped {
        task: spec.id,
        result,
    });
}
