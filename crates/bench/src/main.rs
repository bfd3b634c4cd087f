//! `neargate-bench`: measures the Neargate endpoint against a bare HTTP server built with the
//! same HTTP stack, with the same load generator and the same signed requests, in one run.
//!
//! Run it with `cargo run --release -p neargate-bench` (it builds nothing itself: point
//! `--neargate` at a release build of the server).

mod bare;
mod load;
mod process;

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
    #[arg(long, default_value_t = 5)]
    seconds: u64,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve a fixed body on the given port with the same HTTP stack (used by the benchmark).
    Bare {
        /// Port to listen on (127.0.0.1).
        port: u16,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if let Some(Command::Bare { port }) = cli.command {
        return bare::serve(port);
    }
    let duration = Duration::from_secs(cli.seconds);
    let neargate = process::Neargate::start(&cli.neargate)?;
    let idle_rss = neargate.rss_kib()?;
    let bare = process::Bare::start()?;
    let request = neargate.signed_get_caller_identity();

    println!("GetCallerIdentity (SigV4 verified, audited) vs a bare server answering a fixed body");
    println!(
        "{:<28} {:>12} {:>10} {:>10}",
        "run", "requests/s", "p50 ms", "p99 ms"
    );
    let mut results = Vec::new();
    for concurrency in [64, 8] {
        for (name, addr) in [("bare", bare.addr()), ("neargate", neargate.addr())] {
            let summary = Load {
                addr,
                request: &request,
                concurrency,
                duration,
            }
            .run()?;
            print_row(&format!("{name} c={concurrency}"), &summary);
            results.push((name, concurrency, summary));
        }
    }
    let find = |n: &str, c: usize| {
        results
            .iter()
            .find(|(name, conc, _)| *name == n && *conc == c)
            .map(|(_, _, s)| s)
    };
    let (Some(bare64), Some(near64), Some(near8)) =
        (find("bare", 64), find("neargate", 64), find("neargate", 8))
    else {
        anyhow::bail!("missing measurements");
    };
    let ratio = near64.rps / bare64.rps;
    let startup = process::startup_median(&cli.neargate, 5)?;
    println!();
    println!("throughput ratio at c=64: {ratio:.2} (target >= 0.50)");
    println!("p99 at c=8: {:.3} ms (target < 2 ms)", near8.p99_ms);
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

fn print_row(name: &str, s: &Summary) {
    println!(
        "{name:<28} {:>12.0} {:>10.3} {:>10.3}",
        s.rps, s.p50_ms, s.p99_ms
    );
}
