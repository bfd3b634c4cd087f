//! Task networking, as `awsvpc` gives each Fargate task: a network namespace of its own, shared by
//! the task's containers, with one private IPv4 address on the host's `neargate0` bridge —
//! reachable from the host, and nothing else of the host's network. Made with `ip` (iproute2).

use std::net::Ipv4Addr;
use std::sync::Arc;

use crate::host::Host;

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

fn ip(host: &dyn Host, args: &[&str]) -> Result<(), NetworkError> {
    host.run("ip", args).map_err(|message| NetworkError {
        command: args.join(" "),
        message,
    })
}

/// Runs `ip args -batch -` with `lines`.
fn ip_batch(host: &dyn Host, args: &[&str], lines: &[String]) -> Result<(), NetworkError> {
    host.run_batch("ip", args, lines)
        .map_err(|message| NetworkError {
            command: lines.join("; "),
            message,
        })
}

/// A task's network: its namespace, its interface and its address. Dropping it removes them.
#[derive(Debug)]
pub struct TaskNetwork {
    host: Arc<dyn Host>,
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
    pub fn create(
        host: Arc<dyn Host>,
        task: &str,
        address: Ipv4Addr,
    ) -> Result<Self, NetworkError> {
        let host_ref = host.as_ref();
        if ip(host_ref, &["link", "show", BRIDGE]).is_err() {
            ip(host_ref, &["link", "add", BRIDGE, "type", "bridge"])?;
            ip(
                host_ref,
                &["addr", "add", &format!("{GATEWAY}/{PREFIX}"), "dev", BRIDGE],
            )?;
        }
        let suffix = short(task);
        let namespace = format!("neargate-{suffix}");
        ip(host_ref, &["netns", "add", &namespace])?;
        // From here on, dropping `network` undoes what was made.
        let network = Self {
            host: Arc::clone(&host),
            namespace,
            host_side: format!("ng{suffix}"),
            address,
        };
        let task_side = format!("nt{suffix}");
        // The rest in two processes rather than ten: what is done on the host, then what is
        // done inside the namespace.
        let on_host = [
            format!("link set {BRIDGE} up"),
            format!(
                "link add {} type veth peer name {task_side}",
                network.host_side
            ),
            format!("link set {} master {BRIDGE} up", network.host_side),
            format!("link set {task_side} netns {}", network.namespace),
        ];
        ip_batch(host_ref, &[], &on_host)?;
        let inside = [
            format!("link set {task_side} name eth0"),
            format!("addr add {address}/{PREFIX} dev eth0"),
            "link set eth0 up".to_owned(),
            "link set lo up".to_owned(),
            format!("route add default via {GATEWAY}"),
        ];
        ip_batch(host_ref, &["-n", network.namespace.as_str()], &inside)?;
        Ok(network)
    }

    /// The namespace path the task's containers join.
    pub fn namespace_path(&self) -> String {
        format!("/var/run/netns/{}", self.namespace)
    }
}

/// The name of the network namespace of `task`.
pub fn namespace_of(task: &str) -> String {
    format!("neargate-{}", short(task))
}

/// Removes the interface and namespace an earlier agent made for `task` and left behind.
pub fn remove_left_over(host: &dyn Host, task: &str) {
    remove(host, &format!("ng{}", short(task)), &namespace_of(task));
}

/// Deletes the host side of a task's interface pair (the task side goes with it) and its
/// namespace.
fn remove(host: &dyn Host, host_side: &str, namespace: &str) {
    let _ = ip(host, &["link", "del", host_side]);
    let _ = ip(host, &["netns", "del", namespace]);
}

impl Drop for TaskNetwork {
    fn drop(&mut self) {
        remove(self.host.as_ref(), &self.host_side, &self.namespace);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::host::RecordingHost;

    fn create(host: &Arc<RecordingHost>) -> Result<TaskNetwork, NetworkError> {
        let shared: Arc<dyn Host> = Arc::clone(host) as Arc<dyn Host>;
        TaskNetwork::create(shared, "task-a", Ipv4Addr::new(172, 31, 0, 2))
    }

    #[test]
    fn a_network_is_a_namespace_with_one_veth_on_the_bridge_and_goes_with_its_task() {
        let host = Arc::new(RecordingHost::default());
        let network = create(&host).unwrap();
        let s = short("task-a");
        assert_eq!(
            network.namespace_path(),
            format!("/var/run/netns/neargate-{s}")
        );
        let made = host.calls();
        assert_eq!(
            made,
            [
                format!("ip link show {BRIDGE}"),
                format!("ip link add {BRIDGE} type bridge"),
                format!("ip addr add 172.31.0.1/16 dev {BRIDGE}"),
                format!("ip netns add neargate-{s}"),
                format!("ip link set {BRIDGE} up"),
                format!("ip link add ng{s} type veth peer name nt{s}"),
                format!("ip link set ng{s} master {BRIDGE} up"),
                format!("ip link set nt{s} netns neargate-{s}"),
                format!("ip -n neargate-{s} link set nt{s} name eth0"),
                format!("ip -n neargate-{s} addr add 172.31.0.2/16 dev eth0"),
                format!("ip -n neargate-{s} link set eth0 up"),
                format!("ip -n neargate-{s} link set lo up"),
                format!("ip -n neargate-{s} route add default via 172.31.0.1"),
            ]
        );
        drop(network);
        assert_eq!(
            host.calls()[made.len()..],
            [
                format!("ip link del ng{s}"),
                format!("ip netns del neargate-{s}")
            ]
        );
    }

    #[test]
    fn a_failed_step_undoes_what_was_made_and_names_the_command() {
        let s = short("task-a");
        // The address cannot be added: the pair and namespace made before go again.
        let host = Arc::new(RecordingHost {
            fail_on: Some(format!("ip -n neargate-{s} addr add")),
            bridge_exists: true,
            ..RecordingHost::default()
        });
        let error = create(&host).unwrap_err();
        assert!(
            error.to_string().contains("addr add 172.31.0.2/16"),
            "{error}"
        );
        let calls = host.calls();
        assert!(
            !calls.iter().any(|c| c.contains("type bridge")),
            "the bridge existed"
        );
        assert_eq!(
            calls[calls.len() - 2..],
            [
                format!("ip link del ng{s}"),
                format!("ip netns del neargate-{s}")
            ]
        );
        // The namespace cannot be made: nothing to undo.
        let host = Arc::new(RecordingHost {
            fail_on: Some("ip netns add".into()),
            bridge_exists: true,
            ..RecordingHost::default()
        });
        create(&host).unwrap_err();
        assert!(!host.calls().iter().any(|c| c.contains(" del ")));
    }

    #[test]
    fn interface_names_fit_and_differ() {
        let (a, b) = (short("task-a"), short("task-b"));
        assert_ne!(a, b);
        assert!(format!("ng{a}").len() <= 15);
    }
}
