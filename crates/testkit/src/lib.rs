//! Test support: run the real `neargate` binary, record what clients see, and check every
//! response against the botocore service models.

pub mod disk;
pub mod images;
mod models;
mod proxy;
mod raw;
mod server;
mod sign;

pub use raw::{RawResponse, raw_request};
pub use server::{Credentials, Server, ServerOptions};
pub use sign::{SignSpec, now, sign};
