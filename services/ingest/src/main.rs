//! `hoptac-ingest`: the ingest service and its command line tools.

use clap::Parser;

/// mimalloc rather than the system allocator: extraction makes many small, short-lived
/// allocations per article, and glibc's malloc/free cost about 7 % of its instructions
/// (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
