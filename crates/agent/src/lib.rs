//! The task agent: the local image store that task definitions' images resolve against
//! (imported from OCI image layouts or `docker save` archives, content-addressed, digests
//! verified), OCI bundles made from those images, and tasks run with `runc` — isolated, supervised
//! as ECS does, on an encrypted ephemeral volume that is gone when they stop.

mod bpf;
pub mod bundle;
mod confine;
pub mod health;
pub mod host;
pub mod images;
pub mod launch;
mod ledger;
pub mod logs;
mod mounts;
pub mod network;
pub mod process;
pub mod readiness;
mod reaper;
mod rootfs;
pub mod runc;
pub mod seccomp;
mod syscalls;
pub mod task;
