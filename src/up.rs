//! `hoptac up`: everything running on this machine with one command — the ingest service on a
//! fixed port, the seed articles loaded, and commands printed to explore it.

use std::{net::SocketAddr, path::PathBuf, time::Duration};

use anyhow::Context;
use clap::Args;
use hoptac_ingest::{
    config::{LoadArgs, ServeArgs},
    load, server,
};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

/// Flags of `hoptac up`.
#[derive(Debug, Args)]
pub struct UpArgs {
    /// Address of the ingest service; port 0 picks a free port.
    #[arg(long, env = "HOPTAC_LISTEN", default_value = "127.0.0.1:50051")]
    listen: SocketAddr,
    /// Directory holding each service's database (`DIR/ingest`).
    #[arg(long, env = "HOPTAC_DATA_DIR", default_value = "data")]
    data_dir: PathBuf,
    /// Article files or folders loaded at start; articles already stored count as duplicates.
    #[arg(long, default_value = "seeds")]
    seeds: Vec<PathBuf>,
}

/// Runs the services until SIGINT or SIGTERM.
pub async fn run(args: UpArgs) -> anyhow::Result<()> {
    hoptac_ingest::cli::init_tracing(hoptac_ingest::config::LogFormat::Text);
    let listener = TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let addr = listener.local_addr()?;
    let shutdown = CancellationToken::new();
    tokio::spawn(server::cancel_on_signal(shutdown.clone()));
    let serve = ServeArgs {
        listen: addr,
        data_dir: args.data_dir.join("ingest"),
        max_article_bytes: 2 * 1024 * 1024,
        token: None,
        cache_mib: 64,
        shutdown_grace: Duration::from_secs(10),
    };
    let mut service = tokio::spawn(server::serve(serve, listener, shutdown.clone()));

    let url = format!("http://{addr}");
    let files = load::article_files(&args.seeds)?;
    let load_args = LoadArgs {
        paths: args.seeds.clone(),
        to: url.clone(),
        token: None,
        source: String::new(),
    };
    // The listener is bound, so the load's connection waits in its backlog until serving starts.
    let report = tokio::select! {
        report = load::load(&files, &load_args) => report?,
        served = &mut service => return served.context("the ingest service stopped")?,
    };
    print!("loaded seed articles: ");
    report.print(files.len());
    println!(
        "\nhoptac is up. Ingest service: {url} (data in {dir})\nTry:\n  \
         grpcurl -plaintext {addr} list\n  \
         grpcurl -plaintext -d '{{\"after_sequence\": 0}}' {addr} hoptac.v1.IngestService/StreamChanges\n  \
         grpcurl -plaintext -d '{{\"article\": {{\"text\": \"Chiều 3-3, HĐND TP Hà Nội và Hội đồng tỉnh Fukuoka (Nhật Bản) ký kết thỏa thuận hợp tác giai đoạn 2025-2028.\"}}}}' {addr} hoptac.v1.IngestService/ExtractArticle\n\
         Stop with Ctrl-C.",
        dir = args.data_dir.display()
    );
    service.await.context("the ingest service panicked")?
}
