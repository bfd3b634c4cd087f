//! The system call filter of a container: Docker's default profile. It is an allow list: a call
//! not named fails with `EPERM`. Ordinary calls are allowed; calls that reach beyond a container
//! (mounts, new namespaces, kernel modules, clocks, tracing other processes, …) only when the
//! container holds the capability Docker's profile names for them; a few are allowed only with
//! harmless arguments (`clone` without namespace flags, `personality` with the values programs
//! use, `socket` of any family but `AF_VSOCK`), and `clone3`, whose flags cannot be inspected,
//! fails with `ENOSYS` so that C libraries fall back to `clone`. `privileged` containers get no
//! filter. Names the host's libseccomp does not know are skipped by `runc`.

use serde_json::{Value, json};

/// Calls every container may make.
#[rustfmt::skip]
const ALLOWED: &[&str] = &[
    "accept", "accept4", "access", "alarm", "arch_prctl", "bind", "brk", "cachestat", "capget",
    "capset", "chdir", "chmod", "chown", "chown32", "clock_getres", "clock_getres_time64",
    "clock_gettime", "clock_gettime64", "clock_nanosleep", "clock_nanosleep_time64", "close",
    "close_range", "connect", "copy_file_range", "creat", "dup", "dup2", "dup3", "epoll_create",
    "epoll_create1", "epoll_ctl", "epoll_ctl_old", "epoll_pwait", "epoll_pwait2", "epoll_wait",
    "epoll_wait_old", "eventfd", "eventfd2", "execve", "execveat", "exit", "exit_group",
    "faccessat", "faccessat2", "fadvise64", "fadvise64_64", "fallocate", "fanotify_mark", "fchdir",
    "fchmod", "fchmodat", "fchmodat2", "fchown", "fchown32", "fchownat", "fcntl", "fcntl64",
    "fdatasync", "fgetxattr", "flistxattr", "flock", "fork", "fremovexattr", "fsetxattr", "fstat",
    "fstat64", "fstatat64", "fstatfs", "fstatfs64", "fsync", "ftruncate", "ftruncate64", "futex",
    "futex_requeue", "futex_time64", "futex_wait", "futex_waitv", "futex_wake", "futimesat",
    "get_robust_list", "get_thread_area", "getcpu", "getcwd", "getdents", "getdents64", "getegid",
    "getegid32", "geteuid", "geteuid32", "getgid", "getgid32", "getgroups", "getgroups32",
    "getitimer", "getpeername", "getpgid", "getpgrp", "getpid", "getppid", "getpriority",
    "getrandom", "getresgid", "getresgid32", "getresuid", "getresuid32", "getrlimit", "getrusage",
    "getsid", "getsockname", "getsockopt", "gettid", "gettimeofday", "getuid", "getuid32",
    "getxattr", "inotify_add_watch", "inotify_init", "inotify_init1", "inotify_rm_watch",
    "io_cancel", "io_destroy", "io_getevents", "io_pgetevents", "io_pgetevents_time64", "io_setup",
    "io_submit", "ioctl", "ioprio_get", "ioprio_set", "ipc", "kill", "landlock_add_rule",
    "landlock_create_ruleset", "landlock_restrict_self", "lchown", "lchown32", "lgetxattr", "link",
    "linkat", "listen", "listxattr", "llistxattr", "_llseek", "lremovexattr", "lseek", "lsetxattr",
    "lstat", "lstat64", "madvise", "map_shadow_stack", "membarrier", "memfd_create",
    "memfd_secret", "mincore", "mkdir", "mkdirat", "mknod", "mknodat", "mlock", "mlock2",
    "mlockall", "mmap", "mmap2", "modify_ldt", "mprotect", "mq_getsetattr", "mq_notify", "mq_open",
    "mq_timedreceive", "mq_timedreceive_time64", "mq_timedsend", "mq_timedsend_time64",
    "mq_unlink", "mremap", "msgctl", "msgget", "msgrcv", "msgsnd", "msync", "munlock",
    "munlockall", "munmap", "nanosleep", "newfstatat", "_newselect", "open", "openat", "openat2",
    "pause", "pidfd_open", "pidfd_send_signal", "pipe", "pipe2", "pkey_alloc", "pkey_free",
    "pkey_mprotect", "poll", "ppoll", "ppoll_time64", "prctl", "pread64", "preadv", "preadv2",
    "prlimit64", "process_mrelease", "pselect6", "pselect6_time64", "ptrace", "pwrite64",
    "pwritev", "pwritev2", "read", "readahead", "readlink", "readlinkat", "readv", "recv",
    "recvfrom", "recvmmsg", "recvmmsg_time64", "recvmsg", "remap_file_pages", "removexattr",
    "rename", "renameat", "renameat2", "restart_syscall", "rmdir", "rseq", "rt_sigaction",
    "rt_sigpending", "rt_sigprocmask", "rt_sigqueueinfo", "rt_sigreturn", "rt_sigsuspend",
    "rt_sigtimedwait", "rt_sigtimedwait_time64", "rt_tgsigqueueinfo", "sched_get_priority_max",
    "sched_get_priority_min", "sched_getaffinity", "sched_getattr", "sched_getparam",
    "sched_getscheduler", "sched_rr_get_interval", "sched_rr_get_interval_time64",
    "sched_setaffinity", "sched_setattr", "sched_setparam", "sched_setscheduler", "sched_yield",
    "seccomp", "select", "semctl", "semget", "semop", "semtimedop", "semtimedop_time64", "send",
    "sendfile", "sendfile64", "sendmmsg", "sendmsg", "sendto", "set_robust_list",
    "set_thread_area", "set_tid_address", "setfsgid", "setfsgid32", "setfsuid", "setfsuid32",
    "setgid", "setgid32", "setgroups", "setgroups32", "setitimer", "setpgid", "setpriority",
    "setregid", "setregid32", "setresgid", "setresgid32", "setresuid", "setresuid32", "setreuid",
    "setreuid32", "setrlimit", "setsid", "setsockopt", "setuid", "setuid32", "setxattr", "shmat",
    "shmctl", "shmdt", "shmget", "shutdown", "sigaltstack", "signalfd", "signalfd4", "sigprocmask",
    "sigreturn", "socketcall", "socketpair", "splice", "stat", "stat64", "statfs", "statfs64",
    "statx", "symlink", "symlinkat", "sync", "sync_file_range", "syncfs", "sysinfo", "tee",
    "tgkill", "time", "timer_create", "timer_delete", "timer_getoverrun", "timer_gettime",
    "timer_gettime64", "timer_settime", "timer_settime64", "timerfd_create", "timerfd_gettime",
    "timerfd_gettime64", "timerfd_settime", "timerfd_settime64", "times", "tkill", "truncate",
    "truncate64", "ugetrlimit", "umask", "uname", "unlink", "unlinkat", "utime", "utimensat",
    "utimensat_time64", "utimes", "vfork", "vmsplice", "wait4", "waitid", "waitpid", "write",
    "writev",
];

/// Calls allowed only to containers holding the capability.
#[rustfmt::skip]
const NEED_CAPABILITY: &[(&str, &[&str])] = &[
    ("CAP_SYS_ADMIN", &[
        "bpf", "clone", "clone3", "fanotify_init", "fsconfig", "fsmount", "fsopen", "fspick",
        "lookup_dcookie", "mount", "mount_setattr", "move_mount", "name_to_handle_at", "open_tree",
        "perf_event_open", "quotactl", "quotactl_fd", "setdomainname", "sethostname", "setns",
        "syslog", "umount", "umount2", "unshare",
    ]),
    ("CAP_SYS_BOOT", &["reboot"]),
    ("CAP_SYS_CHROOT", &["chroot"]),
    ("CAP_SYS_MODULE", &["delete_module", "finit_module", "init_module"]),
    ("CAP_SYS_PACCT", &["acct"]),
    ("CAP_SYS_PTRACE", &[
        "kcmp", "pidfd_getfd", "process_madvise", "process_vm_readv", "process_vm_writev",
    ]),
    ("CAP_SYS_RAWIO", &["ioperm", "iopl"]),
    ("CAP_SYS_TIME", &[
        "adjtimex", "clock_adjtime", "clock_adjtime64", "clock_settime", "clock_settime64",
        "settimeofday", "stime",
    ]),
    ("CAP_SYS_TTY_CONFIG", &["vhangup"]),
    ("CAP_SYS_NICE", &["get_mempolicy", "mbind", "set_mempolicy", "set_mempolicy_home_node"]),
    ("CAP_SYSLOG", &["syslog"]),
    ("CAP_BPF", &["bpf"]),
    ("CAP_PERFMON", &["perf_event_open"]),
    ("CAP_DAC_READ_SEARCH", &["open_by_handle_at"]),
];

/// `clone` flags that make new namespaces (`CLONE_NEWNS`, `NEWCGROUP`, `NEWUTS`, `NEWIPC`,
/// `NEWUSER`, `NEWPID`, `NEWNET`): without `CAP_SYS_ADMIN`, `clone` is allowed only without them.
const NAMESPACE_FLAGS: u64 = 0x7E02_0000;

/// The `personality` values programs use (Linux, with address randomization off, 32-bit
/// addresses, and queries).
const PERSONALITIES: &[u64] = &[0x0, 0x8, 0x2_0000, 0x2_0008, 0xffff_ffff];

/// `AF_VSOCK`: sockets to the hypervisor.
const AF_VSOCK: u64 = 40;

/// `EPERM`, and `ENOSYS` for `clone3` (so that the caller falls back to `clone`).
const EPERM: u32 = 1;
const ENOSYS: u32 = 38;

/// The `linux.seccomp` section for a container with `capabilities`.
pub fn profile(capabilities: &[String]) -> Value {
    let holds = |capability: &str| capabilities.iter().any(|c| c == capability);
    let mut allowed: Vec<&str> = ALLOWED.to_vec();
    for (capability, calls) in NEED_CAPABILITY {
        if holds(capability) {
            allowed.extend_from_slice(calls);
        }
    }
    allowed.sort_unstable();
    allowed.dedup();
    let mut rules = vec![json!({"names": allowed, "action": "SCMP_ACT_ALLOW"})];
    rules.extend(PERSONALITIES.iter().map(|value| {
        json!({"names": ["personality"], "action": "SCMP_ACT_ALLOW",
               "args": [{"index": 0, "value": value, "op": "SCMP_CMP_EQ"}]})
    }));
    rules.push(json!({
        "names": ["socket"], "action": "SCMP_ACT_ALLOW",
        "args": [{"index": 0, "value": AF_VSOCK, "op": "SCMP_CMP_NE"}]
    }));
    if !holds("CAP_SYS_ADMIN") {
        rules.push(json!({
            "names": ["clone"], "action": "SCMP_ACT_ALLOW",
            "args": [{"index": 0, "value": NAMESPACE_FLAGS, "valueTwo": 0,
                      "op": "SCMP_CMP_MASKED_EQ"}]
        }));
        rules.push(json!({"names": ["clone3"], "action": "SCMP_ACT_ERRNO", "errnoRet": ENOSYS}));
    }
    json!({
        "defaultAction": "SCMP_ACT_ERRNO",
        "defaultErrnoRet": EPERM,
        "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],
        "syscalls": rules
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The calls `profile` allows whatever their arguments.
    fn allowed(profile: &Value) -> Vec<String> {
        profile["syscalls"][0]["names"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap().to_owned())
            .collect()
    }

    /// The rules that apply to `name` beyond the plain allow list.
    fn rules_for<'p>(profile: &'p Value, name: &str) -> Vec<&'p Value> {
        profile["syscalls"].as_array().unwrap()[1..]
            .iter()
            .filter(|r| r["names"] == json!([name]))
            .collect()
    }

    #[test]
    fn the_default_refuses_and_capabilities_let_their_calls_through() {
        let plain = profile(&[]);
        assert_eq!(plain["defaultAction"], "SCMP_ACT_ERRNO");
        let calls = allowed(&plain);
        for ordinary in ["read", "execve", "wait4", "vfork", "ptrace"] {
            assert!(calls.contains(&ordinary.to_owned()), "{ordinary}");
        }
        for beyond in [
            "unshare",
            "mount",
            "keyctl",
            "chroot",
            "process_vm_readv",
            "clone",
        ] {
            assert!(!calls.contains(&beyond.to_owned()), "{beyond}");
        }
        let tracer = allowed(&profile(&["CAP_SYS_PTRACE".to_owned()]));
        assert!(tracer.contains(&"process_vm_readv".to_owned()));
        assert!(!tracer.contains(&"unshare".to_owned()));
        let admin = profile(&["CAP_SYS_ADMIN".to_owned()]);
        assert!(allowed(&admin).contains(&"clone".to_owned()));
        assert!(rules_for(&admin, "clone").is_empty());
        assert!(rules_for(&admin, "clone3").is_empty());
    }

    #[test]
    fn some_calls_are_allowed_only_with_harmless_arguments() {
        let plain = profile(&[]);
        let clone = rules_for(&plain, "clone");
        assert_eq!(clone.len(), 1);
        assert_eq!(clone[0]["args"][0]["op"], "SCMP_CMP_MASKED_EQ");
        assert_eq!(clone[0]["args"][0]["value"], NAMESPACE_FLAGS);
        assert_eq!(rules_for(&plain, "clone3")[0]["errnoRet"], ENOSYS);
        assert_eq!(rules_for(&plain, "personality").len(), PERSONALITIES.len());
        assert_eq!(
            rules_for(&plain, "socket")[0]["args"][0]["op"],
            "SCMP_CMP_NE"
        );
    }
}
