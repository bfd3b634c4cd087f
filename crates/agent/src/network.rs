//! Task networking, as `awsvpc` gives each Fargate task: a network namespace of its own, shared by
//! the task's containers, with one private IPv4 address on the host's `neargate0` bridge —
//! reachable from the host, and nothing else of the host's network. Made with `ip` (iproute2).

use std::net::Ipv4Addr;
use std::process::Command;

/// The bridge every task's interface hangs off.
pub const BRIDGE: &str = "neargate0";
/// The bridge's own address; tasks get others in its /16.
pub const GATEWAY: Ipv4Addr = Ipv4Addr::new(172, 31, 0, 1);
const PREFIX: u8 = 16;

/// Why the network could not be set up.
#[derive(Debug, thiserror::Error)]
#[error("network set-up failed: `ip {command}`: {message}")]
pub struct NetworkError {
    command: String,
    message: String,
}

fn ip(args: &[&str]) -> Result<(), NetworkError> {
    let failed = |message: String| NetworkError {
        command: args.join(" "),
        message,
    };
    let out = Command::new("ip")
        .args(args)
        .output()
        .map_err(|e| failed(e.to_string()))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(failed(
            String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        ))
    }
}

/// A task's network: its namespace, its interface and its address. Dropping it removes them.
#[derive(Debug)]
pub struct TaskNetwork {
    namespace: String,
    host_side: String,
    /// The task's private address (`privateIPv4Address` of its ENI attachment).
    pub address: Ipv4Addr,
}

/// Interface names are at most 15 bytes: a short stable suffix from the task id.
fn short(task: &str) -> String {
    let hash = task.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    format!("{:010x}", hash & 0xff_ffff_ffff)
}

impl TaskNetwork {
    /// Makes the namespace of `task` with `address` (a host in the bridge's /16), making the
    /// bridge first if it does not exist.
    pub fn create(task: &str, address: Ipv4Addr) -> Result<Self, NetworkError> {
        if ip(&["link", "show", BRIDGE]).is_err() {
            ip(&["link", "add", BRIDGE, "type", "bridge"])?;
            ip(&["addr", "add", &format!("{GATEWAY}/{PREFIX}"), "dev", BRIDGE])?;
        }
        ip(&["link", "set", BRIDGE, "up"])?;
        let suffix = short(task);
        let network = Self {
            namespace: format!("neargate-{suffix}"),
            host_side: format!("ng{suffix}"),
            address,
        };
        let task_side = format!("nt{suffix}");
        ip(&["netns", "add", &network.namespace])?;
        // From here on, dropping `network` undoes what was made.
        ip(&[
            "link",
            "add",
            &network.host_side,
            "type",
            "veth",
            "peer",
            "name",
            &task_side,
        ])?;
        ip(&["link", "set", &network.host_side, "master", BRIDGE, "up"])?;
        ip(&["link", "set", &task_side, "netns", &network.namespace])?;
        let inside = |args: &[&str]| {
            let mut all = vec!["-n", network.namespace.as_str()];
            all.extend_from_slice(args);
            ip(&all)
        };
        inside(&["link", "set", &task_side, "name", "eth0"])?;
        inside(&["addr", "add", &format!("{address}/{PREFIX}"), "dev", "eth0"])?;
        inside(&["link", "set", "eth0", "up"])?;
        inside(&["link", "set", "lo", "up"])?;
        inside(&["route", "add", "default", "via", &GATEWAY.to_string()])?;
        Ok(network)
    }

    /// The namespace path the task's containers join.
    pub fn namespace_path(&self) -> String {
        format!("/var/run/netns/{}", self.namespace)
    }
}

/// Removes the interface and namespace an earlier agent made for `task` and left behind.
pub fn remove_left_over(task: &str) {
    let suffix = short(task);
    remove(&format!("ng{suffix}"), &format!("neargate-{suffix}"));
}

/// Deletes the host side of a task's interface pair (the task side goes with it) and its
/// namespace.
fn remove(host_side: &str, namespace: &str) {
    let _ = ip(&["link", "del", host_side]);
    let _ = ip(&["netns", "del", namespace]);
}

impl Drop for TaskNetwork {
    fn drop(&mut self) {
        remove(&self.host_side, &self.namespace);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interface_names_fit_and_differ() {
        let (a, b) = (short("task-a"), short("task-b"));
        assert_ne!(a, b);
        assert!(format!("ng{a}").len() <= 15);
    }
}
