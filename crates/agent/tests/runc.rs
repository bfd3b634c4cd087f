//! Containers really run: a busybox image imported into the store, made into an OCI bundle and
//! run by `runc` in its own namespaces. Needs root and `runc` (bash .ci/run installs it).

use neargate_agent::bundle::{self, DEFAULT_CAPABILITIES, Process};
use neargate_agent::images::ImageStore;
use neargate_agent::runc;
use neargate_testkit::images::{busybox_layer, docker_save};

#[test]
fn a_busybox_container_runs_in_its_own_namespaces_and_reports_its_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let store = ImageStore::open(&dir.path().join("data")).unwrap();
    let archive = dir.path().join("busybox.tar");
    std::fs::write(&archive, docker_save(&busybox_layer(), "busybox:1.35")).unwrap();
    store.import(&archive).unwrap();
    let image = store.resolve("busybox:1.35").unwrap();

    let bundle_dir = dir.path().join("bundle");
    let process = Process {
        args: vec![
            "/bin/sh".into(),
            "-c".into(),
            "echo hello; echo pid $$; busybox hostname; exit 3".into(),
        ],
        env: vec!["PATH=/bin".into()],
        cwd: "/".into(),
        uid: 0,
        gid: 0,
        capabilities: DEFAULT_CAPABILITIES
            .iter()
            .map(|c| (*c).to_owned())
            .collect(),
    };
    bundle::make(&store, &image, &bundle_dir, &process, "task-1", false).unwrap();
    assert!(bundle_dir.join("rootfs/bin/busybox").exists());

    let id = format!("neargate-test-{}", std::process::id());
    let (stdout, stderr) = (dir.path().join("stdout"), dir.path().join("stderr"));
    let exit = runc::run(&bundle_dir, &id, &stdout, &stderr)
        .expect("runc runs (apt-get install runc; bash .ci/run installs it)");
    let out = std::fs::read_to_string(&stdout).unwrap();
    let err = std::fs::read_to_string(&stderr).unwrap();
    assert_eq!(exit.code, 3, "stdout: {out}\nstderr: {err}");
    assert!(out.contains("hello"), "{out}");
    // Its own PID namespace (the shell is process 1) and UTS namespace.
    assert!(out.contains("pid 1\n"), "{out}");
    assert!(out.contains("task-1"), "{out}");
    // `runc run` removes the container once it has exited.
    let list = std::process::Command::new("runc")
        .arg("list")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&list.stdout).contains(&id));
}

/// A bundle of the busybox image running `args`.
fn bundle_for(
    store: &ImageStore,
    dir: &std::path::Path,
    name: &str,
    args: &[&str],
) -> std::path::PathBuf {
    let image = store.resolve("busybox:1.35").unwrap();
    let bundle_dir = dir.join(name);
    let process = Process {
        args: args.iter().map(|a| (*a).to_owned()).collect(),
        env: vec!["PATH=/bin".into()],
        cwd: "/".into(),
        uid: 0,
        gid: 0,
        capabilities: DEFAULT_CAPABILITIES
            .iter()
            .map(|c| (*c).to_owned())
            .collect(),
    };
    bundle::make(store, &image, &bundle_dir, &process, name, false).unwrap();
    bundle_dir
}

#[test]
fn containers_start_in_dependency_order_and_an_essential_exit_stops_the_task() {
    use neargate_agent::task::{self, Condition, Container};
    use std::time::{Duration, Instant};

    let dir = tempfile::tempdir().unwrap();
    let store = ImageStore::open(&dir.path().join("data")).unwrap();
    let archive = dir.path().join("busybox.tar");
    std::fs::write(&archive, docker_save(&busybox_layer(), "busybox:1.35")).unwrap();
    store.import(&archive).unwrap();
    let container = |name: &str,
                     args: &[&str],
                     essential: bool,
                     depends_on: Vec<(String, Condition)>| Container {
        name: name.to_owned(),
        bundle: bundle_for(&store, dir.path(), name, args),
        essential,
        depends_on,
        stop_timeout: Duration::from_secs(1),
    };
    let containers = vec![
        container(
            "setup",
            &["/bin/sh", "-c", "echo setup; exit 0"],
            false,
            vec![],
        ),
        container(
            "app",
            &["/bin/sh", "-c", "echo app; exit 2"],
            true,
            vec![("setup".into(), Condition::Success)],
        ),
        // PID 1 of its namespace ignores SIGTERM: only SIGKILL stops it.
        container(
            "sidecar",
            &["/bin/busybox", "sleep", "30"],
            false,
            vec![("app".into(), Condition::Start)],
        ),
        container(
            "after",
            &["/bin/sh", "-c", "echo after"],
            false,
            vec![("app".into(), Condition::Complete)],
        ),
    ];
    let logs = dir.path().join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let begun = Instant::now();
    let task_id = format!("neargate-task-{}", std::process::id());
    let result = task::run(&task_id, &containers, &logs);
    assert!(begun.elapsed() >= Duration::from_secs(1));
    assert!(begun.elapsed() < Duration::from_secs(20));

    assert_eq!(
        result.stop_code.as_deref(),
        Some("EssentialContainerExited")
    );
    assert_eq!(
        result.stopped_reason.as_deref(),
        Some("Essential container in task exited: app")
    );
    let outcome = |name: &str| result.containers[name].clone();
    assert_eq!(outcome("setup").exit_code, Some(0));
    assert_eq!(outcome("app").exit_code, Some(2));
    assert!(outcome("setup").started.unwrap() <= outcome("app").started.unwrap());
    // Stopped by SIGKILL after its stop timeout: 128 + 9.
    assert_eq!(outcome("sidecar").exit_code, Some(137));
    assert!(outcome("after").started.is_none());
    assert_eq!(
        std::fs::read_to_string(logs.join("app.stdout")).unwrap(),
        "app\n"
    );
}
