//! The task agent. Today: the local image store that task definitions' images resolve against
//! (imported from OCI image layouts or `docker save` archives, content-addressed, digests
//! verified). Next: OCI bundles run by `runc`, and task supervision.

pub mod images;
