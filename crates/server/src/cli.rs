//! Command-line arguments.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Neargate: ECS, KMS, CloudTrail, IAM and STS on your own machines.
#[derive(Debug, Parser)]
#[command(name = "neargate", version)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Run the AWS-compatible endpoint.
    Serve(ServeArgs),
    /// Print the environment variables the aws CLI and the AWS SDKs need.
    Env(EnvArgs),
    /// Manage the root key that wraps all KMS key material.
    #[command(name = "root-key", subcommand)]
    RootKey(RootKeyCommand),
    /// Manage the local image store that task definitions' images resolve against.
    #[command(subcommand)]
    Image(ImageCommand),
    /// Print a task's container logs (each line with its time and stream).
    Logs(LogsArgs),
}

#[derive(Debug, Args)]
pub(crate) struct LogsArgs {
    /// The task id.
    pub(crate) task: String,
    /// One container's logs only.
    pub(crate) container: Option<String>,
    /// The data directory of the server.
    #[arg(long, env = "NEARGATE_DATA_DIR")]
    pub(crate) data_dir: Option<PathBuf>,
}

/// Image store commands.
#[derive(Debug, Subcommand)]
pub(crate) enum ImageCommand {
    /// Import the images of an OCI image layout (tar file or directory) or a `docker save`
    /// archive.
    Import {
        /// The archive.
        file: PathBuf,
        #[command(flatten)]
        store: ImageStoreArgs,
    },
    /// Pull an image from a registry over HTTPS (plain HTTP allowed on loopback).
    Pull {
        /// The image, e.g. `localhost:5000/busybox:1.35`.
        reference: String,
        #[command(flatten)]
        store: ImageStoreArgs,
    },
    /// List the images.
    Ls {
        #[command(flatten)]
        store: ImageStoreArgs,
    },
    /// Remove an image name, and the blobs no other image uses.
    Rm {
        /// The image, as a task definition names it (`busybox:1.35`, `repo@sha256:…`).
        reference: String,
        #[command(flatten)]
        store: ImageStoreArgs,
    },
}

#[derive(Debug, Args)]
pub(crate) struct ImageStoreArgs {
    /// The data directory of the server.
    #[arg(long, env = "NEARGATE_DATA_DIR")]
    pub(crate) data_dir: Option<PathBuf>,
}

/// Root key commands.
#[derive(Debug, Subcommand)]
pub(crate) enum RootKeyCommand {
    /// Create a new root key and re-wrap all key material under it (stop the server first).
    Rotate(RootKeyArgs),
}

#[derive(Debug, Args)]
pub(crate) struct RootKeyArgs {
    /// The data directory of the server.
    #[arg(long, env = "NEARGATE_DATA_DIR")]
    pub(crate) data_dir: Option<PathBuf>,
    /// The root key file, if not `root.key` in the data directory.
    #[arg(long, env = "NEARGATE_ROOT_KEY_FILE")]
    pub(crate) root_key_file: Option<PathBuf>,
}

/// Log line format.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum LogFormat {
    /// Human-readable text.
    Text,
    /// One JSON object per line.
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// Address to listen on; port 0 picks a free port (printed in the ready line).
    #[arg(long, default_value = "127.0.0.1:4566")]
    pub(crate) listen: SocketAddr,
    /// Where state, credentials and the audit trail are kept.
    #[arg(long, env = "NEARGATE_DATA_DIR")]
    pub(crate) data_dir: Option<PathBuf>,
    /// Log format.
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) log_format: LogFormat,
    /// Development mode: any well-formed SigV4 credentials act as the administrator of the
    /// development account, and `POST /_neargate/reset` wipes all state. Never for production.
    #[arg(long)]
    pub(crate) dev: bool,
    /// The account id to create at first start (in development mode, the account every
    /// unknown key acts in). Default: random, or 000000000000 in development mode.
    #[arg(long)]
    pub(crate) account_id: Option<String>,
    /// The region written into the credentials file (and so printed by `neargate env`).
    /// Requests name their own region in their signature.
    #[arg(long, default_value = "us-east-1")]
    pub(crate) region: String,
    /// Seconds a connection may go without starting a request before it is closed (idle
    /// keep-alive connections, clients that never finish a request head).
    #[arg(long, default_value_t = 120, value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) idle_timeout: u64,
    /// A JSON file of account guardrails (service-control-style policies), by account id or
    /// `*`; see docs/authorization.md.
    #[arg(long)]
    pub(crate) guardrails: Option<PathBuf>,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = 1 << 20)]
    pub(crate) max_body_bytes: usize,
    /// The memory all request bodies being read may hold at once, in bytes; requests beyond it
    /// wait for room before their bodies are read.
    #[arg(long, default_value_t = 64 << 20, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1024..))]
    pub(crate) body_memory_bytes: usize,
    /// How many client connections are served at once; further ones wait in the listen queue.
    #[arg(long, default_value_t = 4096, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub(crate) max_connections: usize,
    /// The root key file that wraps all KMS key material (32 bytes, mode 0600). Default:
    /// `root.key` in the data directory, created at first start.
    #[arg(long, env = "NEARGATE_ROOT_KEY_FILE")]
    pub(crate) root_key_file: Option<PathBuf>,
    /// Run the server's clock this many seconds ahead of the system clock, to reach expiry
    /// and deletion windows in tests. Clients must sign with the same shifted time.
    #[arg(long, default_value_t = 0)]
    pub(crate) clock_offset: u64,

    /// Serve the APIs without running tasks (for hosts without root or runc): ECS tasks are
    /// recorded and stop with `TaskFailedToStart`.
    #[arg(long)]
    pub(crate) no_agent: bool,
    /// The cluster this host's agent registers with as an ECS container instance (for `EC2`
    /// launch type tasks), in the first account and the `--region`, once the cluster exists.
    #[arg(long, env = "NEARGATE_INSTANCE_CLUSTER", default_value = "default")]
    pub(crate) instance_cluster: String,
    /// How long a Managed Instances capacity provider's instance lives, in seconds, before
    /// it is drained and replaced (14 days by default, as on AWS).
    #[arg(long, default_value_t = 14 * 24 * 3600)]
    pub(crate) managed_instance_lifetime: u64,
}

#[derive(Debug, Args)]
pub(crate) struct EnvArgs {
    /// The data directory of the server.
    #[arg(long, env = "NEARGATE_DATA_DIR")]
    pub(crate) data_dir: Option<PathBuf>,
}
