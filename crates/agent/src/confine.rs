//! Running a process inside a running container, confined the way the container is: in its
//! cgroups and namespaces (the network namespace first, while the agent still holds the host's
//! privileges, then the container's user namespace and the rest), as its user, in its working
//! directory, with its environment, its capabilities (bounding, permitted, effective and
//! inheritable sets; no ambient ones) and `no_new_privs`. The container's settings are read from
//! its bundle's `config.json`, so the process gets exactly what `runc` gave the container.
//!
//! Joining a PID namespace only moves the children of the caller, so the process forks once
//! inside the namespaces: the first child waits for the second and exits with its status, and
//! the second, killed if the first dies, runs the command. Both are in one process group, which
//! [`Confined::kill`] ends. Last before `exec`, the container's system call filter is installed
//! (compiled by [`crate::bpf`]).
#![allow(unsafe_code)]

use std::ffi::CString;
use std::os::fd::{AsRawFd as _, OwnedFd};
use std::os::unix::process::CommandExt as _;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use serde_json::Value;

use crate::bpf::{self, Insn};

/// Every capability, in the kernel's numbering.
pub(crate) const CAPABILITIES: &[&str] = &[
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_DAC_READ_SEARCH",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_SETGID",
    "CAP_SETUID",
    "CAP_SETPCAP",
    "CAP_LINUX_IMMUTABLE",
    "CAP_NET_BIND_SERVICE",
    "CAP_NET_BROADCAST",
    "CAP_NET_ADMIN",
    "CAP_NET_RAW",
    "CAP_IPC_LOCK",
    "CAP_IPC_OWNER",
    "CAP_SYS_MODULE",
    "CAP_SYS_RAWIO",
    "CAP_SYS_CHROOT",
    "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT",
    "CAP_SYS_ADMIN",
    "CAP_SYS_BOOT",
    "CAP_SYS_NICE",
    "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME",
    "CAP_SYS_TTY_CONFIG",
    "CAP_MKNOD",
    "CAP_LEASE",
    "CAP_AUDIT_WRITE",
    "CAP_AUDIT_CONTROL",
    "CAP_SETFCAP",
    "CAP_MAC_OVERRIDE",
    "CAP_MAC_ADMIN",
    "CAP_SYSLOG",
    "CAP_WAKE_ALARM",
    "CAP_BLOCK_SUSPEND",
    "CAP_AUDIT_READ",
    "CAP_PERFMON",
    "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE",
];

/// The bit set of the capabilities `names` names.
fn capability_mask(names: &[Value]) -> u64 {
    names
        .iter()
        .filter_map(Value::as_str)
        .filter_map(|name| CAPABILITIES.iter().position(|c| *c == name))
        .fold(0, |mask, bit| mask | (1 << bit))
}

/// How a container's processes run, from its `config.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Confinement {
    uid: u32,
    gid: u32,
    groups: Vec<u32>,
    cwd: String,
    env: Vec<(String, String)>,
    capabilities: u64,
    no_new_privs: bool,
    /// Whether the container has a user namespace of its own (not when privileged).
    user_namespace: bool,
    /// Its system call filter (none when privileged).
    filter: Option<Vec<Insn>>,
}

impl Confinement {
    /// The confinement of the container whose runtime configuration is `config` (`None` if
    /// it cannot be read, or its filter cannot be compiled).
    pub(crate) fn of_config(config: &Value) -> Option<Self> {
        let process = &config["process"];
        let filter = match config["linux"].get("seccomp") {
            Some(profile) => Some(bpf::compile(profile).ok()?),
            None => None,
        };
        let id = |v: &Value| v.as_u64().and_then(|n| u32::try_from(n).ok());
        Some(Self {
            uid: id(&process["user"]["uid"])?,
            gid: id(&process["user"]["gid"])?,
            groups: process["user"]["additionalGids"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(id)
                .collect(),
            cwd: process["cwd"].as_str().unwrap_or("/").to_owned(),
            env: process["env"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .filter_map(|pair| pair.split_once('='))
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
            capabilities: capability_mask(
                process["capabilities"]["bounding"]
                    .as_array()
                    .map_or(&[][..], Vec::as_slice),
            ),
            no_new_privs: process["noNewPrivileges"] == true,
            user_namespace: config["linux"]["namespaces"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|n| n["type"] == "user"),
            filter,
        })
    }

    /// The confinement of the container whose bundle is `bundle`.
    pub(crate) fn of_bundle(bundle: &Path) -> Option<Self> {
        let text = std::fs::read(bundle.join("config.json")).ok()?;
        Self::of_config(&serde_json::from_slice(&text).ok()?)
    }
}

/// A process started inside a container.
#[derive(Debug)]
pub(crate) struct Confined {
    child: Child,
}

impl Confined {
    /// Whether it has ended, and how: `Some(success)`.
    pub(crate) fn try_wait(&mut self) -> Option<bool> {
        match self.child.try_wait() {
            Ok(Some(status)) => Some(status.success()),
            Ok(None) => None,
            Err(_) => Some(false),
        }
    }

    /// Kills it (both processes) and waits for both.
    pub(crate) fn kill(mut self) {
        let group = libc::pid_t::try_from(self.child.id()).unwrap_or(0);
        if group > 0 {
            // SAFETY: signals the process group the first process made and leads.
            unsafe { libc::kill(-group, libc::SIGKILL) };
        }
        let _ = self.child.wait();
        // The second process, if it outlived the first, was re-parented to this process (a
        // subreaper); collect it.
        loop {
            let mut status = 0;
            // SAFETY: waits on a process of the group, writing into a live integer.
            let reaped = unsafe { libc::waitpid(-group, &raw mut status, 0) };
            if reaped <= 0 {
                break;
            }
        }
    }
}

/// `/proc/<pid>/ns/<name>`, opened.
fn namespace(pid: u32, name: &str) -> std::io::Result<OwnedFd> {
    Ok(std::fs::File::open(format!("/proc/{pid}/ns/{name}"))?.into())
}

/// `capset` for the calling thread: `mask` in every set.
///
/// # Safety
/// Only makes a system call on stack data.
unsafe fn set_capabilities(mask: u64) -> libc::c_long {
    #[repr(C)]
    struct Header {
        version: u32,
        pid: i32,
    }
    #[repr(C)]
    #[derive(Clone, Copy)]
    struct Data {
        effective: u32,
        permitted: u32,
        inheritable: u32,
    }
    let header = Header {
        version: 0x2008_0522, // _LINUX_CAPABILITY_VERSION_3
        pid: 0,
    };
    #[allow(clippy::cast_possible_truncation)]
    let half = |bits: u64| Data {
        effective: bits as u32,
        permitted: bits as u32,
        inheritable: bits as u32,
    };
    let data = [half(mask), half(mask >> 32)];
    // SAFETY: header and data are live, laid out as the kernel expects.
    unsafe { libc::syscall(libc::SYS_capset, &raw const header, data.as_ptr()) }
}

/// Fails with the last OS error when `result` is negative.
fn check(result: libc::c_long) -> std::io::Result<()> {
    if result < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(())
    }
}

/// Starts `argv` inside the container whose init process is `pid`, confined as `confinement`
/// says, first moving into the cgroups whose `cgroup.procs` files are `cgroups`.
pub(crate) fn spawn(
    pid: u32,
    confinement: &Confinement,
    cgroups: Vec<CString>,
    argv: &[String],
) -> std::io::Result<Confined> {
    let (program, args) = argv
        .split_first()
        .ok_or_else(|| std::io::Error::other("no command"))?;
    let net = namespace(pid, "net")?;
    let user = confinement
        .user_namespace
        .then(|| namespace(pid, "user"))
        .transpose()?;
    let others = [
        (namespace(pid, "mnt")?, libc::CLONE_NEWNS),
        (namespace(pid, "uts")?, libc::CLONE_NEWUTS),
        (namespace(pid, "ipc")?, libc::CLONE_NEWIPC),
        (namespace(pid, "pid")?, libc::CLONE_NEWPID),
    ];
    let cwd = CString::new(confinement.cwd.clone()).map_err(std::io::Error::other)?;
    let groups: Vec<libc::gid_t> = confinement.groups.clone();
    let (uid, gid) = (confinement.uid, confinement.gid);
    let capabilities = confinement.capabilities;
    let no_new_privs = confinement.no_new_privs;
    let filter: Option<Vec<libc::sock_filter>> = confinement.filter.as_ref().map(|program| {
        program
            .iter()
            .map(|i| libc::sock_filter {
                code: i.code,
                jt: i.jt,
                jf: i.jf,
                k: i.k,
            })
            .collect()
    });
    let mut command = Command::new(program);
    command
        .args(args)
        .env_clear()
        .envs(confinement.env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0);
    // SAFETY: the closure runs in the forked child before `exec`. It makes only
    // async-signal-safe system calls (`open`, `write`, `close`, `setns`, `fork`, `waitpid`,
    // `prctl`, `chdir`, `setgroups`, `setresgid`, `setresuid`, `capset`, `_exit`) on data made
    // before the fork, and allocates nothing.
    unsafe {
        command.pre_exec(move || {
            for file in &cgroups {
                let fd = libc::open(file.as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC);
                if fd >= 0 {
                    // "0" moves the writing process itself.
                    libc::write(fd, b"0".as_ptr().cast(), 1);
                    libc::close(fd);
                }
            }
            check(libc::setns(net.as_raw_fd(), libc::CLONE_NEWNET).into())?;
            if let Some(user) = &user {
                check(libc::setns(user.as_raw_fd(), libc::CLONE_NEWUSER).into())?;
            }
            for (fd, kind) in &others {
                check(libc::setns(fd.as_raw_fd(), *kind).into())?;
            }
            match libc::fork() {
                -1 => return Err(std::io::Error::last_os_error()),
                0 => {}
                second => {
                    // The first process: wait for the second, end as it ended. Closing every
                    // other descriptor lets the spawner see the `exec` of the second.
                    libc::syscall(libc::SYS_close_range, 3, libc::c_uint::MAX, 0);
                    let mut status = 0;
                    while libc::waitpid(second, &raw mut status, 0) < 0 {}
                    let code = if libc::WIFEXITED(status) {
                        libc::WEXITSTATUS(status)
                    } else {
                        128 + libc::WTERMSIG(status)
                    };
                    libc::_exit(code);
                }
            }
            check(libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0).into())?;
            // The first process is outside the PID namespace, so it shows as 0; had it already
            // died, this one would belong to the container's init.
            if libc::getppid() != 0 {
                libc::_exit(137);
            }
            check(libc::chdir(cwd.as_ptr()).into())?;
            for cap in 0..64 {
                if capabilities & (1 << cap) == 0 {
                    // Capabilities this kernel does not know fail with EINVAL: nothing to drop.
                    libc::prctl(libc::PR_CAPBSET_DROP, cap, 0, 0, 0);
                }
            }
            check(
                libc::prctl(
                    libc::PR_CAP_AMBIENT,
                    libc::PR_CAP_AMBIENT_CLEAR_ALL,
                    0,
                    0,
                    0,
                )
                .into(),
            )?;
            check(libc::setgroups(groups.len(), groups.as_ptr()).into())?;
            check(libc::setresgid(gid, gid, gid).into())?;
            check(libc::setresuid(uid, uid, uid).into())?;
            // Root keeps the container's set; another user keeps none, as after `exec`.
            check(set_capabilities(if uid == 0 { capabilities } else { 0 }))?;
            if no_new_privs {
                check(libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0).into())?;
            }
            if let Some(filter) = &filter {
                let program = libc::sock_fprog {
                    len: u16::try_from(filter.len()).unwrap_or(u16::MAX),
                    filter: filter.as_ptr().cast_mut(),
                };
                check(
                    libc::prctl(
                        libc::PR_SET_SECCOMP,
                        libc::SECCOMP_MODE_FILTER,
                        &raw const program,
                        0,
                        0,
                    )
                    .into(),
                )?;
            }
            Ok(())
        });
    }
    Ok(Confined {
        child: command.spawn()?,
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_containers_settings_come_from_its_configuration() {
        let config = json!({
            "process": {
                "user": {"uid": 1000, "gid": 1001, "additionalGids": [10]},
                "cwd": "/srv",
                "env": ["PATH=/bin", "MODE=a=b"],
                "capabilities": {"bounding": ["CAP_CHOWN", "CAP_KILL", "CAP_NET_RAW", "CAP_BPF"]},
                "noNewPrivileges": true,
            },
            "linux": {"namespaces": [{"type": "pid"}, {"type": "user"}]},
        });
        let confinement = Confinement::of_config(&config).unwrap();
        assert_eq!((confinement.uid, confinement.gid), (1000, 1001));
        assert_eq!(confinement.groups, [10]);
        assert_eq!(confinement.cwd, "/srv");
        assert_eq!(
            confinement.env,
            [
                ("PATH".to_owned(), "/bin".to_owned()),
                ("MODE".to_owned(), "a=b".to_owned())
            ]
        );
        assert_eq!(
            confinement.capabilities,
            (1 << 0) | (1 << 5) | (1 << 13) | (1 << 39)
        );
        assert!(confinement.no_new_privs && confinement.user_namespace);
        let privileged = json!({
            "process": {"user": {"uid": 0, "gid": 0}, "capabilities": {"bounding": []}},
            "linux": {"namespaces": [{"type": "pid"}]},
        });
        let confinement = Confinement::of_config(&privileged).unwrap();
        assert!(!confinement.user_namespace && !confinement.no_new_privs);
        assert_eq!(confinement.cwd, "/");
    }

    #[test]
    fn capability_numbers_follow_the_kernels() {
        assert_eq!(CAPABILITIES[12], "CAP_NET_ADMIN");
        assert_eq!(CAPABILITIES[21], "CAP_SYS_ADMIN");
        assert_eq!(CAPABILITIES[39], "CAP_BPF");
        assert_eq!(CAPABILITIES.len(), 41);
    }
}
