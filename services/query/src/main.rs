//! `hoptac-query`: the query service and its command line tools.

use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = hoptac_query::config::Cli::parse();
    match hoptac_query::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("hoptac-query: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
