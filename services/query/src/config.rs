//! Command line and environment configuration: every flag is also a `HOPTAC_*` variable.

use std::{net::SocketAddr, path::PathBuf, time::Duration};

use clap::{Args, Parser, Subcommand};
pub use hoptac_runtime::telemetry::LogFormat;
use hoptac_runtime::tls::{ClientTlsArgs, ServerTlsArgs};

/// hoptac-query: a read replica of hoptac's records. It follows the ingest service's changefeed
/// into its own database and answers streaming queries over agreements and visits.
#[derive(Debug, Parser)]
#[command(name = "hoptac-query", version, propagate_version = true)]
pub struct Cli {
    /// Log line format on stderr (filter with RUST_LOG).
    #[arg(long, global = true, env = "HOPTAC_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
// Parsed once at start and matched once: boxing the large variant would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the QueryService (gRPC, with reflection and health) until SIGINT or SIGTERM.
    Serve(ServeArgs),
    /// Exit 0 when the service at --to answers grpc.health.v1 as SERVING (for container probes).
    Healthcheck(HealthcheckArgs),
}

/// Flags of `serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free port (the bound address is printed on stdout).
    #[arg(long, env = "HOPTAC_LISTEN", default_value = "127.0.0.1:50052")]
    pub listen: SocketAddr,
    /// Directory of this replica's sled database (created if missing; one process at a time).
    #[arg(long, env = "HOPTAC_DATA_DIR", default_value = "data/query")]
    pub data_dir: PathBuf,
    /// URL of the ingest service whose changefeed this replica follows.
    #[arg(
        long,
        env = "HOPTAC_INGEST_URL",
        default_value = "http://127.0.0.1:50051"
    )]
    pub ingest_url: String,
    /// Bearer token the follower sends to the ingest service, when it requires one.
    #[arg(long, env = "HOPTAC_INGEST_TOKEN", hide_env_values = true)]
    pub ingest_token: Option<String>,
    /// TLS to the ingest service, when --ingest-url is https://.
    #[command(flatten)]
    pub ingest_tls: ClientTlsArgs,
    /// Bearer token every QueryService call must carry (`authorization: Bearer TOKEN`); unset
    /// or empty means the queries are open. Health and reflection stay open.
    #[arg(long, env = "HOPTAC_QUERY_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Memory sled may use for its page cache, in MiB.
    #[arg(long, env = "HOPTAC_CACHE_MIB", default_value_t = 64)]
    pub cache_mib: u64,
    /// Most WatchRecords streams open at once; one more is RESOURCE_EXHAUSTED. Each holds up to
    /// 64 KiB queued for a caller who does not read.
    #[arg(long, env = "HOPTAC_MAX_WATCHERS", default_value_t = 256)]
    pub max_watchers: usize,
    /// Longest wait, on shutdown, for in-flight requests to finish before the process exits.
    #[arg(long, env = "HOPTAC_SHUTDOWN_GRACE", value_parser = hoptac_runtime::config::parse_seconds, default_value = "10")]
    pub shutdown_grace: Duration,
    /// Address of the Prometheus endpoint (`GET /metrics`, its own port); unset serves none.
    #[arg(long, env = "HOPTAC_METRICS_ADDR")]
    pub metrics_addr: Option<SocketAddr>,
    /// TLS on the gRPC listener.
    #[command(flatten)]
    pub tls: ServerTlsArgs,
}

/// Flags of `healthcheck`.
#[derive(Debug, Clone, Args)]
pub struct HealthcheckArgs {
    /// URL of the service to probe.
    #[arg(
        long,
        env = "HOPTAC_QUERY_URL",
        default_value = "http://127.0.0.1:50052"
    )]
    pub to: String,
    /// TLS, when --to is https://.
    #[command(flatten)]
    pub tls: ClientTlsArgs,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    #[test]
    fn serve_follows_the_local_ingest_service_by_default() {
        let cli = Cli::try_parse_from(["hoptac-query", "serve"]).expect("parses");
        let Command::Serve(args) = cli.command else {
            panic!("serve expected")
        };
        assert_eq!(args.ingest_url, "http://127.0.0.1:50051");
        assert_eq!(args.listen.port(), 50052);
    }
}
