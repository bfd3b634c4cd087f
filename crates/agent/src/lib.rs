//! The task agent: the local image store that task definitions' images resolve against
//! (imported from OCI image layouts or `docker save` archives, content-addressed, digests
//! verified), OCI bundles made from those images, and running them with `runc`. Task
//! supervision, isolation and encrypted volumes come next.

pub mod bundle;
pub mod images;
pub mod logs;
pub mod network;
pub mod runc;
pub mod seccomp;
pub mod task;
