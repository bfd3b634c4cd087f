//! Whole tasks through the agent: data key, encrypted volume, network, bundles, containers, and
//! everything taken down at the end — also after an agent crash. Needs root, `runc` and
//! `mkfs.ext4` (bash .ci/run installs them).

use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use neargate_agent::launch::{Agent, TaskEvent, volumes_dir};
use neargate_agent::task::TaskResult;
use neargate_ephemeral::{DataKey, KeySource};
use neargate_taskspec::{ContainerSpec, MountPoint, TaskSpec};
use neargate_testkit::disk::{HostResources, file_contains, pattern, tree_contains};
use neargate_testkit::images::{busybox_layer, docker_save};

/// One test at a time: they count the host's mounts, loop devices, cgroups and interfaces, and
/// each agent hands out the same first address.
static HOST: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    HOST.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A real 256-bit key, as KMS `Decrypt` through the task's grant would give it.
struct FixedKey;

impl KeySource for FixedKey {
    fn data_key(&self, _volume: &str) -> Result<DataKey, String> {
        Ok(DataKey::from_bytes(&[0x42; 32]).expect("32 bytes"))
    }
}

/// A key source that refuses, as KMS does for a disabled key.
struct Refused;

impl KeySource for Refused {
    fn data_key(&self, _volume: &str) -> Result<DataKey, String> {
        Err("KMSInvalidStateException: the key is disabled".into())
    }
}

/// An agent on a fresh data directory holding `busybox:1.35`.
fn agent(dir: &Path) -> Arc<Agent> {
    let data = dir.join("data");
    let (agent, swept) = Agent::open(&data).unwrap();
    assert!(swept.is_empty());
    let archive = dir.join("busybox.tar");
    std::fs::write(&archive, docker_save(&busybox_layer(), "busybox:1.35")).unwrap();
    agent.images().import(&archive).unwrap();
    Arc::new(agent)
}

/// A task of one essential busybox container running `script`, with a volume `scratch` at
/// `/scratch`.
fn task(id: &str, script: &str) -> TaskSpec {
    TaskSpec {
        id: id.into(),
        containers: vec![ContainerSpec {
            name: "app".into(),
            image: "busybox:1.35".into(),
            entry_point: Some(vec!["/bin/sh".into(), "-c".into()]),
            command: Some(vec![script.into()]),
            essential: true,
            stop_timeout: Duration::from_secs(2),
            mount_points: vec![MountPoint {
                source_volume: "scratch".into(),
                container_path: "/scratch".into(),
                read_only: false,
            }],
            ..ContainerSpec::default()
        }],
        storage_bytes: 1 << 30,
        volumes: vec!["scratch".into()],
        ..TaskSpec::default()
    }
}

fn next(events: &mpsc::Receiver<TaskEvent>) -> TaskEvent {
    events
        .recv_timeout(Duration::from_secs(60))
        .expect("an event within a minute")
}

fn stopped(event: TaskEvent) -> TaskResult {
    match event {
        TaskEvent::Stopped { result, .. } => result,
        other => panic!("expected Stopped, got {other:?}"),
    }
}

/// Waits until `path` exists.
fn wait_for(path: &Path) {
    for _ in 0..600 {
        if path.exists() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{} never appeared", path.display());
}

/// The decrypted view of a task volume, through the mounted filesystem.
fn volume_dir(data: &Path, task: &str, volume: &str) -> PathBuf {
    volumes_dir(data)
        .join(task)
        .join("data/volumes")
        .join(volume)
}

/// The container writes the 1 MiB pattern `disk::pattern` makes, syncs, and waits to be stopped
/// (leaving with 0 on `SIGTERM`).
const WRITE_PATTERN: &str = "trap 'exit 0' TERM; i=0; while [ $i -lt 32768 ]; do \
    printf 'NEARGATE-PLAINTEXT-%012d\\n' $i; i=$((i+1)); done > /scratch/pattern; \
    cp /scratch/pattern /root-copy; sync; touch /scratch/ready; sleep 600 & wait";

#[test]
fn a_task_writes_only_ciphertext_to_disk_and_its_storage_is_gone_after_stop() {
    let _host = serial();
    let dir = tempfile::tempdir().unwrap();
    let agent = agent(dir.path());
    let data = dir.path().join("data");
    let before = HostResources::count();
    let (tx, events) = mpsc::channel();
    let id = "0123456789abcdef0123456789abcdef";
    let launched = agent
        .launch(task(id, WRITE_PATTERN), &FixedKey, tx)
        .unwrap();
    // An address of its own on the Neargate bridge.
    assert_eq!(launched.address.octets()[..2], [172, 31]);
    assert_eq!(next(&events), TaskEvent::Running { task: id.into() });

    let scratch = volume_dir(&data, id, "scratch");
    wait_for(&scratch.join("ready"));
    let secret = pattern(1 << 20);
    // Through the mounted volume the task's bytes read back as written…
    assert_eq!(std::fs::read(scratch.join("pattern")).unwrap(), secret);
    // …but neither the backing file nor anything else in the data directory on the host's disk
    // holds any of it.
    let backing = volumes_dir(&data).join(format!("{id}.img"));
    assert!(!file_contains(&backing, &secret[..64]).unwrap());
    assert!(!file_contains(&backing, &secret[secret.len() - 64..]).unwrap());
    assert!(!tree_contains(&data, &secret[..64]).unwrap());

    launched.stop();
    let result = stopped(next(&events));
    assert_eq!(result.stop_code.as_deref(), Some("UserInitiated"));
    // The container left on `SIGTERM`, before its stop timeout.
    assert_eq!(result.containers["app"].exit_code, Some(0));
    assert!(!backing.exists());
    assert!(!volumes_dir(&data).join(id).exists());
    assert_eq!(HostResources::count(), before);
    // The logs stay.
    assert!(data.join("tasks").join(id).join("logs/app.log").exists());
}

#[test]
fn an_essential_exit_stops_the_task_and_a_failed_launch_leaves_nothing() {
    let _host = serial();
    let dir = tempfile::tempdir().unwrap();
    let agent = agent(dir.path());
    let before = HostResources::count();
    let (tx, events) = mpsc::channel();
    let id = "11111111111111111111111111111111";
    agent
        .launch(
            task(id, "echo done > /scratch/x; exit 4"),
            &FixedKey,
            tx.clone(),
        )
        .unwrap();
    assert_eq!(next(&events), TaskEvent::Running { task: id.into() });
    let result = stopped(next(&events));
    assert_eq!(result.containers["app"].exit_code, Some(4));
    assert_eq!(
        result.stop_code.as_deref(),
        Some("EssentialContainerExited")
    );
    assert_eq!(HostResources::count(), before);

    // A missing image: ECS's error, and nothing left.
    let mut missing = task("22222222222222222222222222222222", "true");
    missing.containers[0].image = "no-such-image:1".into();
    let error = agent.launch(missing, &FixedKey, tx.clone()).unwrap_err();
    assert!(error.0.starts_with("CannotPullContainerError:"), "{error}");
    // The key source refusing: its reason, and nothing left.
    let error = agent
        .launch(
            task("33333333333333333333333333333333", "true"),
            &Refused,
            tx.clone(),
        )
        .unwrap_err();
    assert!(error.0.contains("KMSInvalidStateException"), "{error}");
    // An unknown user.
    let mut ghost = task("44444444444444444444444444444444", "true");
    ghost.containers[0].user = Some("ghost".into());
    let error = agent.launch(ghost, &FixedKey, tx).unwrap_err();
    assert!(error.0.starts_with("CannotStartContainerError:"), "{error}");
    assert_eq!(HostResources::count(), before);
    // No volume is left, nor the agent's volumes directory.
    assert!(!volumes_dir(&dir.path().join("data")).exists());
}

/// Run only by [`tasks_left_by_a_killed_agent_are_taken_down_by_the_next`], as the agent it
/// kills: starts a task in `NEARGATE_CRASH_DIR` and waits.
#[test]
#[ignore = "a helper process for another test"]
fn crashing_agent() {
    let Some(dir) = std::env::var_os("NEARGATE_CRASH_DIR") else {
        return;
    };
    let dir = PathBuf::from(dir);
    let (agent, _) = Agent::open(&dir.join("data")).unwrap();
    let agent = Arc::new(agent);
    let (tx, events) = mpsc::channel();
    let id = "55555555555555555555555555555555";
    agent
        .launch(
            task(id, "touch /scratch/ready; exec sleep 600"),
            &FixedKey,
            tx,
        )
        .unwrap();
    assert_eq!(next(&events), TaskEvent::Running { task: id.into() });
    std::thread::sleep(Duration::from_secs(600));
}

#[test]
fn tasks_left_by_a_killed_agent_are_taken_down_by_the_next() {
    let _host = serial();
    let dir = tempfile::tempdir().unwrap();
    drop(agent(dir.path()));
    let before = HostResources::count();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", "crashing_agent", "--nocapture"])
        .env("NEARGATE_CRASH_DIR", dir.path())
        .spawn()
        .unwrap();
    let id = "55555555555555555555555555555555";
    wait_for(&volume_dir(&dir.path().join("data"), id, "scratch").join("ready"));
    let dead = child.id().to_string();
    child.kill().unwrap();
    child.wait().unwrap();
    // The container outlives its agent, with its volume, network and cgroups.
    assert_ne!(HostResources::count(), before);

    let (_agent, swept) = Agent::open(&dir.path().join("data")).unwrap();
    assert_eq!(swept, [id]);
    assert_eq!(HostResources::count(), before);
    // The dead agent's claim on its slot (address and id range) is released.
    let claims = std::fs::read_dir("/run/neargate/slots").unwrap();
    assert!(
        claims
            .flatten()
            .all(|c| std::fs::read_to_string(c.path()).unwrap_or_default() != dead)
    );
    let list = std::process::Command::new("runc")
        .args(["list", "-q"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&list.stdout).contains(id));
}

#[test]
fn containers_run_on_an_overlay_of_shared_layers_that_they_cannot_change() {
    use std::os::unix::fs::MetadataExt as _;
    let _host = serial();
    let dir = tempfile::tempdir().unwrap();
    let agent = agent(dir.path());
    let data = dir.path().join("data");
    let before = HostResources::count();
    let (tx, events) = mpsc::channel();
    let script = "trap 'exit 0' TERM; stat -c %u:%g /bin/busybox > /scratch/owner; \
        rm /bin/sh; echo written > /etc-written; touch /scratch/ready; sleep 600 & wait";
    let ids = [
        "55555555555555555555555555555555",
        "66666666666666666666666666666666",
    ];
    let mut launched = Vec::new();
    for id in ids {
        launched.push(
            agent
                .launch(task(id, script), &FixedKey, tx.clone())
                .unwrap(),
        );
        assert_eq!(next(&events), TaskEvent::Running { task: id.into() });
        wait_for(&volume_dir(&data, id, "scratch").join("ready"));
    }
    // Both tasks stand on the one extracted copy of the image's layer, which neither changed:
    // what they wrote and removed is in their own upper layers.
    let layers: Vec<PathBuf> = std::fs::read_dir(data.join("images/layers"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(layers.len(), 1);
    assert!(layers[0].join("bin/sh").exists());
    assert!(!layers[0].join("etc-written").exists());
    assert_eq!(
        std::fs::metadata(layers[0].join("bin/busybox"))
            .unwrap()
            .uid(),
        0
    );
    for id in ids {
        // Inside, the image's files belong to the container's root…
        let owner = std::fs::read_to_string(volume_dir(&data, id, "scratch").join("owner"));
        assert_eq!(owner.unwrap().trim(), "0:0");
        // …and what it writes belongs to its unprivileged host range, on its encrypted volume.
        let upper = volumes_dir(&data)
            .join(id)
            .join("data/containers/app/upper");
        let written = std::fs::metadata(upper.join("etc-written")).unwrap();
        assert!(written.uid() >= 1_000_000, "host owner {}", written.uid());
    }
    for task in &launched {
        task.stop();
        stopped(next(&events));
    }
    assert_eq!(HostResources::count(), before);
}
