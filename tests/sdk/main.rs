//! End-to-end tests with the official AWS SDK for Rust (and raw signed requests) against the
//! real `neargate` binary.

mod cloudtrail;
mod common;
mod dev_mode;
mod durability;
mod ecs;
mod iam;
mod kms;
mod limits;
mod robustness;
mod signatures;
mod sts;
mod tampering;
mod validation;
