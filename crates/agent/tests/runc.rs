//! Containers really run: a busybox image imported into the store, made into an OCI bundle and
//! run by `runc` in its own namespaces. Needs root and `runc` (bash .ci/run installs it).

use neargate_agent::bundle::{self, DEFAULT_CAPABILITIES, Process, Sandbox};
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
    let sandbox = Sandbox {
        hostname: "task-1".into(),
        readonly_root: false,
        id_base: Some(300_000),
        memory_limit: Some(64 << 20),
        cpu_shares: Some(256),
        cgroup: None,
    };
    bundle::make(&store, &image, &bundle_dir, &process, &sandbox).unwrap();
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
    // Its files belong to the ids its user namespace maps, not to host root.
    use std::os::unix::fs::MetadataExt as _;
    let owner = std::fs::metadata(bundle_dir.join("rootfs/bin/busybox")).unwrap();
    assert_eq!((owner.uid(), owner.gid()), (300_000, 300_000));
    // `runc run` removes the container once it has exited.
    let list = std::process::Command::new("runc")
        .arg("list")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&list.stdout).contains(&id));
}

/// A bundle of the busybox image running `args` as `uid` with `capabilities`, in a user
/// namespace mapped from `id_base`.
#[allow(clippy::too_many_arguments)]
fn isolated_bundle(
    store: &ImageStore,
    dir: &std::path::Path,
    name: &str,
    args: &[&str],
    uid: u32,
    capabilities: Vec<String>,
    readonly_root: bool,
    id_base: u32,
) -> std::path::PathBuf {
    let image = store.resolve("busybox:1.35").unwrap();
    let bundle_dir = dir.join(name);
    let process = Process {
        args: args.iter().map(|a| (*a).to_owned()).collect(),
        env: vec!["PATH=/bin".into()],
        cwd: "/".into(),
        uid,
        gid: uid,
        capabilities,
    };
    let sandbox = Sandbox {
        hostname: name.into(),
        readonly_root,
        id_base: Some(id_base),
        memory_limit: None,
        cpu_shares: None,
        cgroup: None,
    };
    bundle::make(store, &image, &bundle_dir, &process, &sandbox).unwrap();
    bundle_dir
}

/// A bundle of the busybox image running `args` as root with the default capabilities.
fn bundle_for(
    store: &ImageStore,
    dir: &std::path::Path,
    name: &str,
    args: &[&str],
) -> std::path::PathBuf {
    let defaults = DEFAULT_CAPABILITIES
        .iter()
        .map(|c| (*c).to_owned())
        .collect();
    isolated_bundle(store, dir, name, args, 0, defaults, false, 400_000)
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
    let result = task::run(&task_id, &containers, &logs, None);
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

#[test]
fn container_root_is_not_host_root_and_capabilities_follow_the_definition() {
    use neargate_agent::bundle::capabilities;
    use std::os::unix::fs::MetadataExt as _;

    let dir = tempfile::tempdir().unwrap();
    let store = ImageStore::open(&dir.path().join("data")).unwrap();
    let archive = dir.path().join("busybox.tar");
    std::fs::write(&archive, docker_save(&busybox_layer(), "busybox:1.35")).unwrap();
    store.import(&archive).unwrap();
    let run = |bundle: &std::path::Path, name: &str| {
        let id = format!("neargate-iso-{}-{name}", std::process::id());
        let (out, err) = (
            dir.path().join(format!("{name}.out")),
            dir.path().join(format!("{name}.err")),
        );
        let exit = runc::run(bundle, &id, &out, &err).unwrap();
        (
            exit.code,
            std::fs::read_to_string(&out).unwrap() + &std::fs::read_to_string(&err).unwrap(),
        )
    };
    let defaults: Vec<String> = DEFAULT_CAPABILITIES
        .iter()
        .map(|c| (*c).to_owned())
        .collect();

    // Root inside writes a file: on the host it belongs to the mapped id, not to root.
    let rooted = isolated_bundle(
        &store,
        dir.path(),
        "rooted",
        &["/bin/sh", "-c", "echo x > /created; cat /proc/self/uid_map"],
        0,
        defaults.clone(),
        false,
        500_000,
    );
    let (code, out) = run(&rooted, "rooted");
    assert_eq!(code, 0, "{out}");
    assert!(
        out.split_whitespace()
            .collect::<Vec<_>>()
            .starts_with(&["0", "500000", "65536"]),
        "{out}"
    );
    let created = std::fs::metadata(rooted.join("rootfs/created")).unwrap();
    assert_eq!(created.uid(), 500_000);

    // NET_ADMIN: without it an address cannot be added; with it, it can.
    let add_address = [
        "/bin/busybox",
        "ip",
        "addr",
        "add",
        "10.9.9.9/32",
        "dev",
        "lo",
    ];
    let without = isolated_bundle(
        &store,
        dir.path(),
        "no-admin",
        &add_address,
        0,
        defaults.clone(),
        false,
        600_000,
    );
    assert_ne!(run(&without, "no-admin").0, 0);
    let with = isolated_bundle(
        &store,
        dir.path(),
        "admin",
        &add_address,
        0,
        capabilities(&["NET_ADMIN".into()], &[], false),
        false,
        700_000,
    );
    let (code, out) = run(&with, "admin");
    assert_eq!(code, 0, "{out}");

    // A non-root user cannot write a root-owned path; a read-only root refuses even root.
    let user = isolated_bundle(
        &store,
        dir.path(),
        "user",
        &["/bin/busybox", "touch", "/bin/x"],
        1000,
        defaults.clone(),
        false,
        800_000,
    );
    assert_ne!(run(&user, "user").0, 0);
    let readonly = isolated_bundle(
        &store,
        dir.path(),
        "readonly",
        &["/bin/busybox", "touch", "/x"],
        0,
        defaults,
        true,
        900_000,
    );
    let (code, out) = run(&readonly, "readonly");
    assert_ne!(code, 0);
    assert!(out.to_ascii_lowercase().contains("read-only"), "{out}");
}

#[test]
fn a_task_over_its_memory_is_killed_and_reported_as_ecs_does() {
    use neargate_agent::task::{self, Container, OUT_OF_MEMORY};
    use std::time::Duration;

    let dir = tempfile::tempdir().unwrap();
    let store = ImageStore::open(&dir.path().join("data")).unwrap();
    let archive = dir.path().join("busybox.tar");
    std::fs::write(&archive, docker_save(&busybox_layer(), "busybox:1.35")).unwrap();
    store.import(&archive).unwrap();
    let task_id = format!("neargate-oom-{}", std::process::id());
    let image = store.resolve("busybox:1.35").unwrap();
    let bundle_dir = dir.path().join("hog");
    let process = Process {
        args: vec![
            "/bin/sh".into(),
            "-c".into(),
            "x=$(busybox head -c 200000000 /dev/zero | busybox tr '\\0' a); echo survived".into(),
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
    let sandbox = Sandbox {
        hostname: "hog".into(),
        readonly_root: false,
        id_base: Some(1_000_000),
        memory_limit: None,
        cpu_shares: None,
        cgroup: Some(task::cgroup_path(&task_id, "hog")),
    };
    bundle::make(&store, &image, &bundle_dir, &process, &sandbox).unwrap();
    let logs = dir.path().join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let containers = [Container {
        name: "hog".into(),
        bundle: bundle_dir,
        essential: true,
        depends_on: vec![],
        stop_timeout: Duration::from_secs(1),
    }];
    let result = task::run(&task_id, &containers, &logs, Some(32 << 20));
    let hog = &result.containers["hog"];
    assert_eq!(hog.exit_code, Some(137), "{hog:?}");
    assert_eq!(hog.reason.as_deref(), Some(OUT_OF_MEMORY));
    // Nothing of the task is left in any cgroup hierarchy.
    for hierarchy in std::fs::read_dir("/sys/fs/cgroup").unwrap().flatten() {
        assert!(!hierarchy.path().join("neargate").join(&task_id).exists());
    }
}
