//! `hoptac`: the all-in-one launcher and command line of hoptac.

mod bench;
mod query_cli;
mod render;
mod table;
mod up;

use clap::{Parser, Subcommand};

/// mimalloc rather than the system allocator: extraction makes many small, short-lived
/// allocations per article, and glibc's malloc/free cost about 7 % of its instructions
/// (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// hoptac: structured records of Vietnamese subnational international cooperation — who signed
/// what with whom, and who visited whom — from news articles.
#[derive(Debug, Parser)]
#[command(name = "hoptac", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the services on this machine with data in ./data, loading seeds/ (Ctrl-C stops).
    Up(up::UpArgs),
    #[command(flatten)]
    Records(query_cli::QueryCommand),
    /// Measure hoptac on a generated corpus, each figure next to its ceiling: extraction, durable
    /// ingest, streams, gets, freshness, memory and growth (see BENCHMARKS.md).
    Bench(bench::BenchArgs),
    /// The ingest service and its tools: serve, extract, load, healthcheck
    /// (the same as `hoptac-ingest`; see `hoptac ingest --help`).
    #[command(disable_help_flag = true)]
    Ingest {
        /// Arguments of `hoptac-ingest`.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// The query service and its tools: serve, healthcheck
    /// (the same as `hoptac-query`; see `hoptac query --help`).
    #[command(disable_help_flag = true)]
    Query {
        /// Arguments of `hoptac-query`.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let result = match Cli::parse().command {
        Command::Up(args) => up::run(args).await,
        Command::Records(command) => query_cli::run(command).await,
        Command::Bench(args) => bench::run(args).await,
        Command::Ingest { args } => {
            let argv = std::iter::once("hoptac ingest".to_string()).chain(args);
            let cli = <hoptac_ingest::config::Cli as Parser>::parse_from(argv);
            hoptac_ingest::cli::run(cli).await
        }
        Command::Query { args } => {
            let argv = std::iter::once("hoptac query".to_string()).chain(args);
            let cli = <hoptac_query::config::Cli as Parser>::parse_from(argv);
            hoptac_query::cli::run(cli).await
        }
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("hoptac: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
