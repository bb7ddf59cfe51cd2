//! Command line and environment configuration: every flag is also a `HOPTAC_*` variable.

use std::{net::SocketAddr, path::PathBuf, time::Duration};

use clap::{Args, Parser, Subcommand};
pub use hoptac_runtime::telemetry::LogFormat;
use hoptac_runtime::tls::{ClientTlsArgs, ServerTlsArgs};

/// hoptac-ingest: reads Vietnamese news about subnational international cooperation and turns
/// it into durable Agreement and Visit records, served as an ordered changefeed.
#[derive(Debug, Parser)]
#[command(name = "hoptac-ingest", version, propagate_version = true)]
pub struct Cli {
    /// Log line format on stderr (filter with RUST_LOG, e.g. RUST_LOG=hoptac_ingest=debug).
    #[arg(long, global = true, env = "HOPTAC_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the IngestService (gRPC, with reflection and health) until SIGINT or SIGTERM.
    Serve(ServeArgs),
    /// Extract records from article files without a server: one line of proto3 JSON
    /// `hoptac.v1.Extraction` per file, in order, each naming its file in `article.url`. Files
    /// ending in .html, .htm or .shtml are read as HTML. A file that cannot be read is reported
    /// on stderr and skipped; the exit status is then 1.
    Extract(ExtractArgs),
    /// Stream every article file under the given paths, and every line of the given manifests,
    /// into a running ingest service and report how many were new, duplicates and rejected,
    /// naming each rejected file with the reason (exit status 1 when any was).
    Load(LoadArgs),
    /// Re-read every stored article with this build's extractor, with the service stopped, and
    /// log a new change for each article whose records changed (a running query replica picks
    /// them up). To do it while the service runs, call IngestService/ReextractArticles instead.
    Reextract(ReextractArgs),
    /// Exit 0 when the service at --to answers grpc.health.v1 as SERVING (for container probes).
    Healthcheck(HealthcheckArgs),
}

/// Flags of `serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free port (the bound address is printed on stdout).
    #[arg(long, env = "HOPTAC_LISTEN", default_value = "127.0.0.1:50051")]
    pub listen: SocketAddr,
    /// Directory of the service's sled database (created if missing; one process at a time).
    #[arg(long, env = "HOPTAC_DATA_DIR", default_value = "data/ingest")]
    pub data_dir: PathBuf,
    /// Largest article body accepted, in bytes of text or HTML; larger is RESOURCE_EXHAUSTED.
    #[arg(long, env = "HOPTAC_MAX_ARTICLE_BYTES", default_value_t = 2 * 1024 * 1024)]
    pub max_article_bytes: usize,
    /// Largest request message the transport reads, in bytes (raised to the article limit plus
    /// 64 KiB when smaller). Below it an article over --max-article-bytes is answered
    /// RESOURCE_EXHAUSTED (in an IngestArticles stream, a REJECTED answer, and the stream goes
    /// on); a message over it is refused unread with RESOURCE_EXHAUSTED and ends a stream.
    #[arg(long, env = "HOPTAC_MAX_MESSAGE_BYTES", default_value_t = 16 * 1024 * 1024)]
    pub max_message_bytes: usize,
    /// Most StreamChanges streams open at once (query replicas and other followers); one more
    /// is RESOURCE_EXHAUSTED. Each holds up to 256 KiB queued for a caller who does not read.
    #[arg(long, env = "HOPTAC_MAX_CHANGEFEEDS", default_value_t = 64)]
    pub max_changefeeds: usize,
    /// Bearer token every IngestService call (writes and the changefeed) must carry
    /// (`authorization: Bearer TOKEN`); unset or empty means no authentication. Health and
    /// reflection stay open.
    #[arg(long, env = "HOPTAC_INGEST_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Memory sled may use for its page cache, in MiB.
    #[arg(long, env = "HOPTAC_CACHE_MIB", default_value_t = 64)]
    pub cache_mib: u64,
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

/// Flags of `extract`.
#[derive(Debug, Clone, Args)]
pub struct ExtractArgs {
    /// Article files (plain text, or HTML when named *.html / *.htm / *.shtml).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Flags of `load`.
#[derive(Debug, Clone, Args)]
pub struct LoadArgs {
    /// Article files, or folders whose .txt, .html, .htm and .shtml files are loaded
    /// (recursively). A file named here is loaded whatever its extension.
    #[arg(required_unless_present = "manifests")]
    pub paths: Vec<PathBuf>,
    /// A JSONL manifest: one article per line, {"url", "source", "title", "published_on"
    /// ("YYYY-MM-DD", "YYYY-MM" or "YYYY"), and one of "path" (relative to the manifest),
    /// "text" or "html"}. Repeatable; loaded after the paths.
    #[arg(long = "manifest", value_name = "FILE")]
    pub manifests: Vec<PathBuf>,
    /// URL of the ingest service.
    #[arg(
        long,
        env = "HOPTAC_INGEST_URL",
        default_value = "http://127.0.0.1:50051"
    )]
    pub to: String,
    /// Bearer token for the ingest service, when it requires one.
    #[arg(long, env = "HOPTAC_INGEST_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Source name recorded with every article whose manifest line names none (e.g. the
    /// newspaper).
    #[arg(long, default_value = "")]
    pub source: String,
    /// Largest body sent, in bytes; a larger file is rejected by name, unread, and the rest
    /// loads. The default is the service's default transport limit: the service itself answers
    /// a body over its --max-article-bytes with a rejection.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    pub max_file_bytes: u64,
    /// Print each article's outcome as a line of JSON on stdout ({"name", "outcome": "new" |
    /// "duplicate" | "rejected", "article_id", "sequence", "reason"}), the summary on stderr.
    #[arg(long)]
    pub json: bool,
    /// TLS, when --to is https://.
    #[command(flatten)]
    pub tls: ClientTlsArgs,
}

/// Flags of `reextract`.
#[derive(Debug, Clone, Args)]
pub struct ReextractArgs {
    /// Directory of the service's sled database (the one `serve` uses; it must not be running).
    #[arg(long, env = "HOPTAC_DATA_DIR", default_value = "data/ingest")]
    pub data_dir: PathBuf,
    /// Memory sled may use for its page cache, in MiB.
    #[arg(long, env = "HOPTAC_CACHE_MIB", default_value_t = 64)]
    pub cache_mib: u64,
}

/// Flags of `healthcheck`.
#[derive(Debug, Clone, Args)]
pub struct HealthcheckArgs {
    /// URL of the service to probe.
    #[arg(
        long,
        env = "HOPTAC_INGEST_URL",
        default_value = "http://127.0.0.1:50051"
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
    fn serve_defaults_limit_articles_to_two_mebibytes() {
        let cli = Cli::try_parse_from(["hoptac-ingest", "serve"]).expect("parses");
        let Command::Serve(args) = cli.command else {
            panic!("serve expected")
        };
        assert_eq!(args.max_article_bytes, 2 * 1024 * 1024);
        assert_eq!(args.shutdown_grace, Duration::from_secs(10));
    }

    #[test]
    fn a_bad_grace_period_is_refused() {
        let err = Cli::try_parse_from(["hoptac-ingest", "serve", "--shutdown-grace", "soon"])
            .expect_err("refused");
        assert!(err.to_string().contains("not a number of seconds"));
    }
}
