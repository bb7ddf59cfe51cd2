//! `hoptac-ingest`: the ingest service and its command line tools.

use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = hoptac_ingest::config::Cli::parse();
    match hoptac_ingest::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("hoptac-ingest: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
