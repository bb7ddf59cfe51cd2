//! `hoptac`: the all-in-one launcher and command line of hoptac.
//!
//! `hoptac ingest ...` runs the ingest service's command line (the same as `hoptac-ingest ...`).

use clap::{Parser, Subcommand};

/// hoptac: structured records of Vietnamese subnational international cooperation.
#[derive(Debug, Parser)]
#[command(name = "hoptac", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// The ingest service and its tools (see `hoptac ingest --help`).
    Ingest {
        /// Arguments of `hoptac-ingest`.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let Command::Ingest { args } = Cli::parse().command;
    let argv = std::iter::once("hoptac ingest".to_string()).chain(args);
    let cli = <hoptac_ingest::config::Cli as Parser>::parse_from(argv);
    match hoptac_ingest::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("hoptac: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
