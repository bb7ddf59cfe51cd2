//! The command line of `hoptac-query`, also reachable from the `hoptac` launcher.

use crate::{
    config::{Cli, Command},
    server,
};

/// Runs one parsed command line to completion.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => {
            hoptac_runtime::telemetry::init_tracing(cli.log_format);
            server::run(args).await
        }
        Command::Healthcheck(args) => {
            hoptac_runtime::health::healthcheck(&args.to, &args.tls).await
        }
    }
}
