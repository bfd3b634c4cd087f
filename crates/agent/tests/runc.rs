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
