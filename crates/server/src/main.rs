//! The `neargate` command: `serve` runs the endpoint, `env` prints what clients need.

mod app;
mod audit;
mod auth;
mod authorize;
mod cli;
mod connection;
mod files;
mod guardrails;
mod http;
mod images;
mod instance;
mod launch;
mod launcher;
mod limits;
mod pipeline;
mod platform;
mod platform_kms;
mod root_key;
mod running;
mod units;

use clap::Parser;

/// mimalloc serves the request path's many small, short-lived allocations with shorter tail
/// latencies than the system allocator (docs/benchmarks.md). It is built without transparent
/// huge pages, which would hold 20 MiB of an idle server's memory.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let cli = cli::Cli::parse();
    match cli.command {
        cli::Command::Serve(args) => http::serve(args),
        cli::Command::Env(args) => files::print_env(&args),
        cli::Command::RootKey(cli::RootKeyCommand::Rotate(args)) => root_key::rotate(&args),
        cli::Command::Image(command) => images::run(command),
        cli::Command::Logs(args) => images::logs(&args),
    }
}
