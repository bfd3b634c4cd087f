//! Written by `neargate-codegen` from botocore 1.43.11; do not edit.

#[rustfmt::skip]
pub mod cloudtrail;
#[rustfmt::skip]
pub mod ecs;
#[rustfmt::skip]
pub mod iam;
#[rustfmt::skip]
pub mod kms;
#[rustfmt::skip]
pub mod sts;
