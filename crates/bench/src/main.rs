//! `neargate-bench`: measures the Neargate endpoint against a bare HTTP server built with the
//! same HTTP stack, with the same load generator and the same signed requests, in one run.
//!
//! Run it with `cargo run --release -p neargate-bench` (it builds nothing itself: point
//! `--neargate` at a release build of the server).

mod agent;
mod bare;
mod ecs;
mod json_api;
mod kms;
mod launch;
mod load;
mod policy;
mod process;
mod volume;

use std::path::PathBuf;
use std::time::Duration;

use clap::{Parser, Subcommand};

use crate::load::{Load, Summary};

#[derive(Debug, Parser)]
#[command(name = "neargate-bench")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The neargate binary to measure.
    #[arg(long, default_value = "target/release/neargate")]
    neargate: PathBuf,
    /// Seconds of load per measurement.
    #[arg(long, default_value_t = 3)]
    seconds: u64,
    /// Rounds; the ratio reported is the median of the rounds'.
    #[arg(long, default_value_t = 5)]
    rounds: usize,
    /// The call measured against the bare server: `GetCallerIdentity`, or IAM `GetUser`,
    /// which the policy engine authorizes.
    #[arg(long, value_enum, default_value = "get-caller-identity")]
    call: Measured,
}

/// The calls the main benchmark can measure.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Measured {
    GetCallerIdentity,
    GetUser,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve a fixed body on the given port with the same HTTP stack (used by the benchmark).
    Bare {
        /// Port to listen on (127.0.0.1).
        port: u16,
    },
    /// Time policy evaluation for a typical request (5 policies, 20 statements, conditions).
    Policy,
    /// KMS GenerateDataKey, Encrypt and Decrypt against moto's server.
    Kms,
    /// The ECS control plane (RunTask, DescribeTasks of 100, ListTasks over 10,000 tasks)
    /// against moto's server.
    Ecs,
    /// The agent: launch latency with a fresh encrypted volume, and memory with idle tasks
    /// (needs root).
    Agent {
        /// Launches timed.
        #[arg(long, default_value_t = 50)]
        launches: usize,
        /// Idle tasks kept running while memory is measured.
        #[arg(long, default_value_t = 100)]
        idle: usize,
        /// Tasks launched and stopped afterwards while counting leaks.
        #[arg(long, default_value_t = 0)]
        churn: usize,
    },
    /// Launch latency through the API: `RunTask` to `RUNNING` seen by `DescribeTasks`, with
    /// the task's phases (needs root and runc).
    Launch {
        /// Launches timed.
        #[arg(long, default_value_t = 30)]
        launches: usize,
        /// Encrypt the volumes under a customer managed key (the KMS grant flow) rather than
        /// the platform's key.
        #[arg(long)]
        customer_key: bool,
    },
    /// Encrypted ephemeral volumes: creation time, and throughput against the same filesystem
    /// unencrypted and against gocryptfs on the same disk (needs root).
    Volume {
        /// Where the volumes and gocryptfs live.
        #[arg(long, default_value = "/var/tmp/neargate-bench")]
        dir: PathBuf,
        /// GiB written and read per measurement.
        #[arg(long, default_value_t = 1)]
        gib: u64,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Bare { port }) => return bare::serve(port),
        Some(Command::Policy) => {
            let ns = policy::run(cli.rounds, 200_000);
            println!(
                "policy evaluation, median of {} rounds: {:.2} µs (target < 5 µs)",
                cli.rounds,
                ns / 1000.0
            );
            return Ok(());
        }
        Some(Command::Kms) => return kms::run(&cli.neargate, cli.seconds, cli.rounds),
        Some(Command::Ecs) => return ecs::run(&cli.neargate, cli.seconds, cli.rounds),
        Some(Command::Agent {
            launches,
            idle,
            churn,
        }) => return agent::run(launches, idle, churn),
        Some(Command::Volume { dir, gib }) => return volume::run(&dir, cli.rounds, gib),
        Some(Command::Launch {
            launches,
            customer_key,
        }) => return launch::run(&cli.neargate, launches, customer_key),
        None => {}
    }
    let duration = Duration::from_secs(cli.seconds);
    let neargate = process::Neargate::start(&cli.neargate)?;
    let idle_rss = neargate.rss_kib()?;
    let bare = process::Bare::start()?;
    let request = match cli.call {
        Measured::GetCallerIdentity => neargate.signed_get_caller_identity(),
        Measured::GetUser => neargate.signed_get_user(),
    };
    let load = |addr: &str, concurrency| {
        Load {
            addr,
            request: &request,
            concurrency,
            duration,
        }
        .run()
    };

    match cli.call {
        Measured::GetCallerIdentity => println!(
            "GetCallerIdentity (SigV4 verified, audited) vs a bare server answering a fixed body"
        ),
        Measured::GetUser => println!(
            "IAM GetUser (SigV4 verified, authorized by the policy engine, read from the store, \
             audited) vs a bare server answering a fixed body"
        ),
    }
    println!(
        "{} rounds; in each, the bare server and Neargate run back to back",
        cli.rounds
    );
    println!(
        "{:<8} {:<22} {:>12} {:>10} {:>10}",
        "round", "run", "requests/s", "p50 ms", "p99 ms"
    );
    let mut ratios = Vec::new();
    let mut p99s = Vec::new();
    for round in 1..=cli.rounds {
        let bare64 = load(bare.addr(), 64)?;
        let near64 = load(neargate.addr(), 64)?;
        let near8 = load(neargate.addr(), 8)?;
        print_row(round, "bare c=64", &bare64);
        print_row(round, "neargate c=64", &near64);
        print_row(round, "neargate c=8", &near8);
        ratios.push(near64.rps / bare64.rps);
        p99s.push(near8.p99_ms);
    }
    let startup = process::startup_median(&cli.neargate, 5)?;
    println!();
    println!(
        "throughput ratio at c=64, median of {}: {:.2} (target >= 0.50; rounds: {})",
        cli.rounds,
        median(&ratios),
        list(&ratios)
    );
    println!(
        "p99 at c=8, median: {:.3} ms (target < 2 ms)",
        median(&p99s)
    );
    println!(
        "idle memory: {:.1} MiB (target < 30 MiB)",
        f64::from(idle_rss) / 1024.0
    );
    println!(
        "start to first response, median of 5: {:.1} ms (target < 100 ms)",
        startup.as_secs_f64() * 1000.0
    );
    Ok(())
}

/// The median of `values`.
pub(crate) fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}

fn list(values: &[f64]) -> String {
    values
        .iter()
        .map(|v| format!("{v:.2}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn print_row(round: usize, name: &str, s: &Summary) {
    println!(
        "{round:<8} {name:<22} {:>12.0} {:>10.3} {:>10.3}",
        s.rps, s.p50_ms, s.p99_ms
    );
}
