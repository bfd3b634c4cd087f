//! The system call filter of a container, after Docker's default profile: calls that reach
//! beyond a container (kernel modules, key rings, clocks, mounts, new namespaces, tracing other
//! processes, …) fail with `EPERM`, unless the container holds the capability that Docker's
//! profile lets them through for. `privileged` containers get no filter.

use serde_json::{Value, json};

/// Calls refused whatever the container's capabilities.
const ALWAYS_REFUSED: &[&str] = &[
    "add_key",
    "get_kernel_syms",
    "kexec_file_load",
    "kexec_load",
    "keyctl",
    "nfsservctl",
    "query_module",
    "request_key",
    "uselib",
    "userfaultfd",
    "ustat",
    "vm86",
    "vm86old",
];

/// Calls refused unless the container holds the capability.
const NEED_CAPABILITY: &[(&str, &[&str])] = &[
    (
        "CAP_SYS_ADMIN",
        &[
            "bpf",
            "fanotify_init",
            "lookup_dcookie",
            "mount",
            "name_to_handle_at",
            "perf_event_open",
            "quotactl",
            "setdomainname",
            "sethostname",
            "setns",
            "syslog",
            "umount",
            "umount2",
            "unshare",
        ],
    ),
    ("CAP_SYS_BOOT", &["reboot"]),
    (
        "CAP_SYS_MODULE",
        &[
            "create_module",
            "delete_module",
            "finit_module",
            "init_module",
        ],
    ),
    ("CAP_SYS_PACCT", &["acct"]),
    (
        "CAP_SYS_PTRACE",
        &["kcmp", "process_vm_readv", "process_vm_writev", "ptrace"],
    ),
    ("CAP_SYS_RAWIO", &["ioperm", "iopl"]),
    (
        "CAP_SYS_TIME",
        &[
            "adjtimex",
            "clock_adjtime",
            "clock_settime",
            "settimeofday",
            "stime",
        ],
    ),
    ("CAP_DAC_READ_SEARCH", &["open_by_handle_at"]),
    (
        "CAP_SYS_NICE",
        &["get_mempolicy", "mbind", "move_pages", "set_mempolicy"],
    ),
];

/// The `linux.seccomp` section for a container with `capabilities`.
pub fn profile(capabilities: &[String]) -> Value {
    let mut refused: Vec<&str> = ALWAYS_REFUSED.to_vec();
    for (capability, calls) in NEED_CAPABILITY {
        if !capabilities.iter().any(|c| c == capability) {
            refused.extend_from_slice(calls);
        }
    }
    refused.sort_unstable();
    json!({
        "defaultAction": "SCMP_ACT_ALLOW",
        "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],
        "syscalls": [{
            "names": refused,
            "action": "SCMP_ACT_ERRNO",
            "errnoRet": 1
        }]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(profile: &Value) -> Vec<String> {
        profile["syscalls"][0]["names"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap().to_owned())
            .collect()
    }

    #[test]
    fn capabilities_let_their_calls_through() {
        let plain = refused(&profile(&[]));
        assert!(plain.contains(&"unshare".to_owned()));
        assert!(plain.contains(&"ptrace".to_owned()));
        assert!(plain.contains(&"keyctl".to_owned()));
        let tracer = refused(&profile(&["CAP_SYS_PTRACE".to_owned()]));
        assert!(!tracer.contains(&"ptrace".to_owned()));
        assert!(tracer.contains(&"keyctl".to_owned()));
    }
}
