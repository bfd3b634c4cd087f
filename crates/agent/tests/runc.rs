//! Containers really run: a busybox image imported into the store, made into OCI bundles and
//! run by `runc` in their own namespaces. Needs root and `runc` (bash .ci/run installs it).

use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use neargate_agent::bundle::{self, DEFAULT_CAPABILITIES, Process, Sandbox, capabilities};
use neargate_agent::images::ImageStore;
use neargate_agent::logs::{self, DEFAULT_LIMIT, LogFile};
use neargate_agent::runc;
use neargate_agent::task::{self, Container, Control, OUT_OF_MEMORY};
use neargate_common::SystemClock;
use neargate_taskspec::{Condition, Limits};
use neargate_testkit::images::{busybox_layer, docker_save};

/// A store under `dir` holding `busybox:1.35`.
fn store_with_busybox(dir: &Path) -> ImageStore {
    let store = ImageStore::open(&dir.join("data")).unwrap();
    let archive = dir.join("busybox.tar");
    std::fs::write(&archive, docker_save(&busybox_layer(), "busybox:1.35")).unwrap();
    store.import(&archive).unwrap();
    store
}

/// What one test container runs, and how it is confined.
struct Spec<'a> {
    name: &'a str,
    args: &'a [&'a str],
    uid: u32,
    capabilities: Vec<String>,
    readonly_root: bool,
    id_base: u32,
    cgroup: Option<String>,
    privileged: bool,
    network: Option<String>,
}

impl<'a> Spec<'a> {
    /// Root with Docker's default capabilities, in a user namespace mapped from `id_base`.
    fn new(name: &'a str, args: &'a [&'a str], id_base: u32) -> Self {
        Self {
            name,
            args,
            uid: 0,
            capabilities: DEFAULT_CAPABILITIES
                .iter()
                .map(|c| (*c).to_owned())
                .collect(),
            readonly_root: false,
            id_base,
            cgroup: None,
            privileged: false,
            network: None,
        }
    }
}

/// The bundle of `spec` under `dir`.
fn make_bundle(store: &ImageStore, dir: &Path, spec: Spec<'_>) -> PathBuf {
    let image = store.resolve("busybox:1.35").unwrap();
    let bundle_dir = dir.join(spec.name);
    let process = Process {
        args: spec.args.iter().map(|a| (*a).to_owned()).collect(),
        env: vec!["PATH=/bin".into()],
        cwd: "/".into(),
        uid: spec.uid,
        gid: spec.uid,
        capabilities: spec.capabilities,
    };
    let sandbox = Sandbox {
        hostname: spec.name.into(),
        readonly_root: spec.readonly_root,
        id_base: Some(spec.id_base),
        memory_limit: None,
        cpu_shares: Some(256),
        cgroup: spec.cgroup,
        privileged: spec.privileged,
        network: spec.network,
        binds: Vec::new(),
    };
    bundle::make(store, &image, &bundle_dir, &process, &sandbox).unwrap();
    bundle_dir
}

/// Runs a bundle to its end: the exit code, and its log.
fn run(dir: &Path, bundle: &Path, name: &str) -> (i32, String) {
    let id = format!("neargate-test-{}-{name}", std::process::id());
    let path = dir.join(format!("{name}.log"));
    let log = LogFile::open(&path, DEFAULT_LIMIT, Arc::new(SystemClock)).unwrap();
    let exit = runc::run(bundle, &id, &log)
        .expect("runc runs (apt-get install runc; bash .ci/run installs it)");
    (exit.code, logs::read(&path).unwrap())
}

#[test]
fn a_busybox_container_runs_in_its_own_namespaces_and_reports_its_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_busybox(dir.path());
    let script = [
        "/bin/sh",
        "-c",
        "echo hello; echo pid $$; busybox hostname; exit 3",
    ];
    let bundle_dir = make_bundle(&store, dir.path(), Spec::new("task-1", &script, 300_000));
    assert!(bundle_dir.join("rootfs/bin/busybox").exists());

    let (code, out) = run(dir.path(), &bundle_dir, "task-1");
    assert_eq!(code, 3, "{out}");
    assert!(out.contains("hello"), "{out}");
    // Its own PID namespace (the shell is process 1) and UTS namespace.
    assert!(out.contains(" stdout pid 1\n"), "{out}");
    assert!(out.contains("task-1"), "{out}");
    // Its files belong to the ids its user namespace maps, not to host root.
    let owner = std::fs::metadata(bundle_dir.join("rootfs/bin/busybox")).unwrap();
    assert_eq!((owner.uid(), owner.gid()), (300_000, 300_000));
    // `runc` keeps nothing of the container once it has exited.
    let list = std::process::Command::new("runc")
        .arg("list")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&list.stdout).contains("neargate-test"));
}

#[test]
fn container_root_is_not_host_root_and_capabilities_follow_the_definition() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_busybox(dir.path());

    // Root inside writes a file: on the host it belongs to the mapped id, not to root.
    let write = ["/bin/sh", "-c", "echo x > /created; cat /proc/self/uid_map"];
    let rooted = make_bundle(&store, dir.path(), Spec::new("rooted", &write, 500_000));
    let (code, out) = run(dir.path(), &rooted, "rooted");
    assert_eq!(code, 0, "{out}");
    // Past the time stamp and the stream name.
    let mapping: Vec<&str> = out.split_whitespace().skip(2).collect();
    assert!(mapping.starts_with(&["0", "500000", "65536"]), "{out}");
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
    let without = make_bundle(
        &store,
        dir.path(),
        Spec::new("no-admin", &add_address, 600_000),
    );
    assert_ne!(run(dir.path(), &without, "no-admin").0, 0);
    let with = make_bundle(
        &store,
        dir.path(),
        Spec {
            capabilities: capabilities(&["NET_ADMIN".into()], &[], false),
            ..Spec::new("admin", &add_address, 700_000)
        },
    );
    let (code, out) = run(dir.path(), &with, "admin");
    assert_eq!(code, 0, "{out}");

    // The system call filter refuses new namespaces without CAP_SYS_ADMIN, as Docker's does.
    let nest = ["/bin/busybox", "unshare", "-U", "/bin/busybox", "true"];
    let filtered = make_bundle(&store, dir.path(), Spec::new("nest", &nest, 650_000));
    let (code, out) = run(dir.path(), &filtered, "nest");
    assert_ne!(code, 0, "{out}");
    assert!(out.contains("Operation not permitted"), "{out}");
    // Without the filter (a privileged container) the same call succeeds: the filter refused it.
    let unfiltered = make_bundle(
        &store,
        dir.path(),
        Spec {
            privileged: true,
            ..Spec::new("nest-privileged", &nest, 660_000)
        },
    );
    let (code, out) = run(dir.path(), &unfiltered, "nest-privileged");
    assert_eq!(code, 0, "{out}");

    // A non-root user cannot write a root-owned path; a read-only root refuses even root.
    let touch_bin = ["/bin/busybox", "touch", "/bin/x"];
    let user = make_bundle(
        &store,
        dir.path(),
        Spec {
            uid: 1000,
            ..Spec::new("user", &touch_bin, 800_000)
        },
    );
    assert_ne!(run(dir.path(), &user, "user").0, 0);
    let touch_root = ["/bin/busybox", "touch", "/x"];
    let readonly = make_bundle(
        &store,
        dir.path(),
        Spec {
            readonly_root: true,
            ..Spec::new("readonly", &touch_root, 900_000)
        },
    );
    let (code, out) = run(dir.path(), &readonly, "readonly");
    assert_ne!(code, 0);
    assert!(out.to_ascii_lowercase().contains("read-only"), "{out}");
}

#[test]
fn containers_start_in_dependency_order_and_an_essential_exit_stops_the_task() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_busybox(dir.path());
    let container = |name: &str, args: &[&str], essential, depends_on| Container {
        name: name.to_owned(),
        bundle: make_bundle(&store, dir.path(), Spec::new(name, args, 400_000)),
        essential,
        depends_on,
        stop_timeout: Duration::from_secs(1),
        health_check: None,
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
            // Alive long enough for the sidecar to start once it has.
            &["/bin/sh", "-c", "echo app; sleep 1; exit 2"],
            true,
            vec![("setup".to_owned(), Condition::Success)],
        ),
        // PID 1 of its namespace ignores SIGTERM: only SIGKILL stops it.
        container(
            "sidecar",
            &["/bin/busybox", "sleep", "30"],
            false,
            vec![("app".to_owned(), Condition::Start)],
        ),
        container(
            "after",
            &["/bin/sh", "-c", "echo after"],
            false,
            vec![("app".to_owned(), Condition::Complete)],
        ),
    ];
    let logs = dir.path().join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let begun = Instant::now();
    let task_id = format!("neargate-task-{}", std::process::id());
    let result = task::run(
        &task_id,
        &containers,
        &logs,
        Limits::default(),
        &Control::default(),
    );
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
    let app_log = logs::read(&logs.join("app.log")).unwrap();
    assert!(app_log.ends_with(" stdout app\n"), "{app_log}");
    assert_eq!(app_log.lines().count(), 1);
}

#[test]
fn a_task_over_its_memory_is_killed_and_reported_as_ecs_does() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_busybox(dir.path());
    let task_id = format!("neargate-oom-{}", std::process::id());
    let hog = [
        "/bin/sh",
        "-c",
        "x=$(busybox head -c 200000000 /dev/zero | busybox tr '\\0' a); echo survived",
    ];
    let bundle_dir = make_bundle(
        &store,
        dir.path(),
        Spec {
            cgroup: Some(task::cgroup_path(&task_id, "hog")),
            ..Spec::new("hog", &hog, 1_000_000)
        },
    );
    let logs = dir.path().join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let containers = [Container {
        name: "hog".into(),
        bundle: bundle_dir,
        essential: true,
        depends_on: vec![],
        stop_timeout: Duration::from_secs(1),
        health_check: None,
    }];
    let limits = Limits {
        memory: Some(32 << 20),
        cpu_units: None,
    };
    let result = task::run(&task_id, &containers, &logs, limits, &Control::default());
    let hog = &result.containers["hog"];
    assert_eq!(hog.exit_code, Some(137), "{hog:?}");
    assert_eq!(hog.reason.as_deref(), Some(OUT_OF_MEMORY));
    // Nothing of the task is left in any cgroup hierarchy.
    for hierarchy in std::fs::read_dir("/sys/fs/cgroup").unwrap().flatten() {
        assert!(!hierarchy.path().join("neargate").join(&task_id).exists());
    }
}

#[test]
fn a_task_cpu_share_becomes_a_hard_quota_on_its_cgroup() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_busybox(dir.path());
    let task_id = format!("neargate-cpu-{}", std::process::id());
    let sleep = ["/bin/busybox", "sleep", "2"];
    let bundle_dir = make_bundle(
        &store,
        dir.path(),
        Spec {
            cgroup: Some(task::cgroup_path(&task_id, "sleeper")),
            ..Spec::new("sleeper", &sleep, 1_100_000)
        },
    );
    let logs = dir.path().join("logs");
    let containers = vec![Container {
        name: "sleeper".into(),
        bundle: bundle_dir,
        essential: true,
        depends_on: vec![],
        stop_timeout: Duration::from_secs(1),
        health_check: None,
    }];
    let limits = Limits {
        memory: None,
        cpu_units: Some(512),
    };
    let running = {
        let task_id = task_id.clone();
        std::thread::spawn(move || {
            task::run(&task_id, &containers, &logs, limits, &Control::default())
        })
    };
    // Half a vCPU: 50 ms of every 100 ms, on the task's cgroup, while the task runs.
    let quota_file = Path::new("/sys/fs/cgroup/cpu/neargate")
        .join(&task_id)
        .join("cpu.cfs_quota_us");
    let mut quota = String::new();
    for _ in 0..100 {
        if let Ok(text) = std::fs::read_to_string(&quota_file) {
            quota = text;
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(quota.trim(), "50000");
    let result = running.join().unwrap();
    assert_eq!(result.containers["sleeper"].exit_code, Some(0));
    assert!(!quota_file.exists(), "the task's cgroups are removed");
}

#[test]
fn a_failed_launch_leaves_no_container_state_or_cgroup_behind() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_busybox(dir.path());
    let task_id = format!("neargate-fail-{}", std::process::id());
    let missing = ["/bin/no-such-program"];
    let bundle_dir = make_bundle(
        &store,
        dir.path(),
        Spec {
            cgroup: Some(task::cgroup_path(&task_id, "broken")),
            ..Spec::new("broken", &missing, 1_200_000)
        },
    );
    let containers = [Container {
        name: "broken".into(),
        bundle: bundle_dir,
        essential: true,
        depends_on: vec![],
        stop_timeout: Duration::from_secs(1),
        health_check: None,
    }];
    let logs = dir.path().join("logs");
    let result = task::run(
        &task_id,
        &containers,
        &logs,
        Limits::default(),
        &Control::default(),
    );
    let broken = &result.containers["broken"];
    assert_ne!(broken.exit_code, Some(0), "{broken:?}");
    let printed = logs::read(&logs.join("broken.log")).unwrap();
    assert!(printed.contains("no-such-program"), "{printed}");
    // Nothing is left: no runc state, no cgroup in any hierarchy.
    let list = std::process::Command::new("runc")
        .arg("list")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&list.stdout).contains(&task_id));
    for hierarchy in std::fs::read_dir("/sys/fs/cgroup").unwrap().flatten() {
        assert!(!hierarchy.path().join("neargate").join(&task_id).exists());
    }
}

#[test]
fn a_task_has_a_private_address_reachable_from_the_host() {
    use neargate_agent::network::TaskNetwork;
    use std::io::Read as _;

    let dir = tempfile::tempdir().unwrap();
    let store = store_with_busybox(dir.path());
    let task_id = format!("neargate-net-{}", std::process::id());
    let address = std::net::Ipv4Addr::new(172, 31, 7, 9);
    let host = std::sync::Arc::new(neargate_agent::host::SystemHost::default());
    let network = TaskNetwork::create(host, &task_id, address).unwrap();
    // The task answers one connection on port 8080, then exits.
    let serve = ["/bin/sh", "-c", "echo from-task | busybox nc -l -p 8080"];
    let bundle_dir = make_bundle(
        &store,
        dir.path(),
        Spec {
            network: Some(network.namespace_path()),
            ..Spec::new("server", &serve, 1_300_000)
        },
    );
    let logs = dir.path().join("logs");
    let containers = vec![Container {
        name: "server".into(),
        bundle: bundle_dir,
        essential: true,
        depends_on: vec![],
        stop_timeout: Duration::from_secs(1),
        health_check: None,
    }];
    let running = {
        let task_id = task_id.clone();
        std::thread::spawn(move || {
            task::run(
                &task_id,
                &containers,
                &logs,
                Limits::default(),
                &Control::default(),
            )
        })
    };
    let mut answer = String::new();
    for _ in 0..100 {
        if let Ok(mut stream) = std::net::TcpStream::connect((address, 8080)) {
            stream.read_to_string(&mut answer).unwrap();
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let result = running.join().unwrap();
    let printed = logs::read(&dir.path().join("logs/server.log")).unwrap_or_default();
    assert_eq!(answer, "from-task\n", "{result:?}\n{printed}");
    assert_eq!(result.containers["server"].exit_code, Some(0));
    // Its interface and namespace go with the network.
    drop(network);
    let links = std::process::Command::new("ip")
        .args(["-o", "link"])
        .output()
        .unwrap();
    let namespaces = std::process::Command::new("ip")
        .args(["netns", "list"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&namespaces.stdout).contains("neargate-"));
    assert_eq!(
        String::from_utf8_lossy(&links.stdout)
            .matches("master neargate0")
            .count(),
        0
    );
}

#[test]
fn health_checks_gate_healthy_dependencies_and_report_unhealthy_containers() {
    use neargate_agent::health::Health;
    use neargate_taskspec::HealthCheck;

    let dir = tempfile::tempdir().unwrap();
    let store = store_with_busybox(dir.path());
    let check = |line: &str| HealthCheck {
        command: vec!["CMD-SHELL".into(), line.into()],
        interval: Duration::from_millis(300),
        timeout: Duration::from_secs(2),
        retries: 2,
        start_period: Duration::ZERO,
    };
    let task_id = format!("neargate-health-{}", std::process::id());
    let container = |name: &str, args: &[&str], essential, depends_on, health_check| Container {
        name: name.to_owned(),
        bundle: make_bundle(
            &store,
            dir.path(),
            Spec {
                cgroup: Some(task::cgroup_path(&task_id, name)),
                ..Spec::new(name, args, 600_000)
            },
        ),
        essential,
        depends_on,
        stop_timeout: Duration::from_secs(1),
        health_check,
    };
    let containers = vec![
        // Healthy once it has made /ready, a second after it starts. The check notes its
        // cgroups, status, environment and process id, the container its own.
        container(
            "db",
            &[
                "/bin/sh",
                "-c",
                "trap 'exit 0' TERM; cat /proc/self/cgroup > /own-cgroups; \
                 cat /proc/self/status > /own-status; \
                 (unshare -U true 2>/dev/null && echo allowed || echo denied) > /own-unshare; \
                 sleep 1; touch /ready; sleep 60 & wait",
            ],
            false,
            vec![],
            Some(check(
                "test -f /ready && cat /proc/self/cgroup > /check-cgroups && \
                 cat /proc/self/status > /check-status && env > /check-env && \
                 readlink /proc/self > /check-pid && \
                 (unshare -U true 2>/dev/null && echo allowed || echo denied) > /check-unshare",
            )),
        ),
        // Its check never ends: each run is killed at its timeout, or when the task ends.
        container(
            "slow",
            &["/bin/sh", "-c", "trap 'exit 0' TERM; sleep 60 & wait"],
            false,
            vec![],
            Some(check("sleep 31")),
        ),
        // Checked as its own unprivileged user: no capabilities.
        {
            let bundle = make_bundle(
                &store,
                dir.path(),
                Spec {
                    uid: 1000,
                    cgroup: Some(task::cgroup_path(&task_id, "plain")),
                    ..Spec::new(
                        "plain",
                        &["/bin/sh", "-c", "trap 'exit 0' TERM; sleep 60 & wait"],
                        600_000,
                    )
                },
            );
            let out = bundle.join("rootfs/out");
            std::fs::create_dir(&out).unwrap();
            std::fs::set_permissions(&out, std::os::unix::fs::PermissionsExt::from_mode(0o777))
                .unwrap();
            Container {
                name: "plain".to_owned(),
                bundle,
                essential: false,
                depends_on: vec![],
                stop_timeout: Duration::from_secs(1),
                health_check: Some(check(
                    "id -u > /out/check && grep -E '^Cap(Prm|Eff)' /proc/self/status >> /out/check",
                )),
            }
        },
        // Never healthy.
        container(
            "sick",
            &["/bin/sh", "-c", "trap 'exit 0' TERM; sleep 60 & wait"],
            false,
            vec![],
            Some(check("false")),
        ),
        container(
            "app",
            &["/bin/sh", "-c", "echo up"],
            true,
            vec![("db".to_owned(), Condition::Healthy)],
            None,
        ),
    ];
    let logs = dir.path().join("logs");
    let (health, healths) = std::sync::mpsc::channel();
    let control = Control {
        health: Some(health),
        ..Control::default()
    };
    let result = task::run(&task_id, &containers, &logs, Limits::default(), &control);
    drop(control);
    let app = &result.containers["app"];
    let db = &result.containers["db"];
    assert_eq!(app.exit_code, Some(0), "{app:?}");
    assert_eq!(db.health, Some(Health::Healthy));
    // The app waited for the database to be healthy, not just started.
    assert!(app.started.unwrap() >= db.started.unwrap() + Duration::from_secs(1));
    assert_eq!(result.containers["sick"].health, Some(Health::Unhealthy));
    let reported: Vec<(String, Health)> = healths.try_iter().collect();
    assert!(
        reported.contains(&("sick".to_owned(), Health::Unhealthy)),
        "{reported:?}"
    );
    assert!(
        reported.contains(&("db".to_owned(), Health::Healthy)),
        "{reported:?}"
    );
    // The check ran in the task's cgroup, under the task's limits, above the container's own.
    let rootfs = dir.path().join("db/rootfs");
    let own = std::fs::read_to_string(rootfs.join("own-cgroups")).unwrap();
    let checked = std::fs::read_to_string(rootfs.join("check-cgroups")).unwrap();
    let memory = |text: &str| {
        text.lines()
            .find_map(|l| l.split_once(":memory:").map(|(_, path)| path.to_owned()))
            .unwrap()
    };
    assert_eq!(memory(&own), task::cgroup_path(&task_id, "db"));
    assert_eq!(memory(&checked), format!("/neargate/{task_id}"));
    // It ran confined as the container is: its capabilities, no_new_privs, its user, its
    // environment only, inside its PID namespace.
    let status = |file: &str| std::fs::read_to_string(rootfs.join(file)).unwrap();
    let field = |text: &str, name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name} in {text}"))
            .to_owned()
    };
    let (own, checked) = (status("own-status"), status("check-status"));
    for name in [
        "CapBnd:",
        "CapEff:",
        "CapPrm:",
        "CapAmb:",
        "Uid:",
        "Gid:",
        "NoNewPrivs:",
    ] {
        assert_eq!(field(&checked, name), field(&own, name), "{name}");
    }
    assert_eq!(field(&checked, "NoNewPrivs:"), "NoNewPrivs:\t1");
    assert_ne!(field(&checked, "CapBnd:"), "CapBnd:\t000001ffffffffff");
    let env = status("check-env");
    assert!(
        !env.contains("CARGO"),
        "the agent's environment leaked: {env}"
    );
    let pid: u32 = status("check-pid").trim().parse().unwrap();
    assert!(pid > 1 && pid < 100, "{pid}");
    // Under the container's system call filter: no new namespaces without CAP_SYS_ADMIN.
    assert_eq!(status("own-unshare"), "denied\n");
    assert_eq!(status("check-unshare"), "denied\n");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plain/rootfs/out/check")).unwrap(),
        "1000\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\n"
    );
    // Killed checks leave neither a process nor a zombie behind.
    let me = std::process::id().to_string();
    let zombies: Vec<String> = std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path().join("stat")).ok())
        .filter(|stat| {
            let after = stat.rsplit_once(") ").map_or("", |(_, rest)| rest);
            let mut fields = after.split(' ');
            fields.next() == Some("Z") && fields.next() == Some(me.as_str())
        })
        .collect();
    assert!(zombies.is_empty(), "{zombies:?}");
    let cmdlines = std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| std::fs::read(e.ok()?.path().join("cmdline")).ok())
        .filter(|c| c == b"sleep\x0031\x00")
        .count();
    assert_eq!(cmdlines, 0);
}
