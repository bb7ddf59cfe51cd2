//! `hoptac up`: everything running on this machine with one command — the ingest service and a
//! query replica following it on fixed ports, the seed articles loaded, and commands printed to
//! explore them.

use std::{net::SocketAddr, path::PathBuf, time::Duration};

use anyhow::Context;
use clap::Args;
use hoptac_api::v1::{query_service_client::QueryServiceClient, GetReplicationStatusRequest};
use hoptac_ingest::{
    config::{LoadArgs, ServeArgs as IngestArgs},
    load,
};
use hoptac_query::config::ServeArgs as QueryArgs;
use hoptac_runtime::listen::Listeners;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

/// Flags of `hoptac up`.
#[derive(Debug, Args)]
pub struct UpArgs {
    /// Address of the ingest service; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:50051")]
    listen: SocketAddr,
    /// Address of the query service; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:50052")]
    query_listen: SocketAddr,
    /// Directory holding each service's database (`DIR/ingest`, `DIR/query`).
    #[arg(long, env = "HOPTAC_DATA_DIR", default_value = "data")]
    data_dir: PathBuf,
    /// Article files or folders loaded at start; articles already stored count as duplicates.
    #[arg(long, default_value = "seeds")]
    seeds: Vec<PathBuf>,
}

/// Longest wait for the replica to apply the seeds before printing the commands anyway.
const CATCH_UP: Duration = Duration::from_secs(30);

/// Runs the services until SIGINT or SIGTERM.
pub async fn run(args: UpArgs) -> anyhow::Result<()> {
    hoptac_runtime::telemetry::init_tracing(hoptac_runtime::telemetry::LogFormat::Text);
    let ingest_listener = bind(args.listen).await?;
    let query_listener = bind(args.query_listen).await?;
    let (ingest_addr, query_addr) = (ingest_listener.local_addr()?, query_listener.local_addr()?);
    let (ingest_url, query_url) = (
        format!("http://{ingest_addr}"),
        format!("http://{query_addr}"),
    );
    let shutdown = CancellationToken::new();
    tokio::spawn(hoptac_runtime::shutdown::cancel_on_signal(shutdown.clone()));
    let grace = Duration::from_secs(10);

    let ingest = IngestArgs {
        listen: ingest_addr,
        data_dir: args.data_dir.join("ingest"),
        max_article_bytes: 2 * 1024 * 1024,
        max_message_bytes: 16 * 1024 * 1024,
        max_changefeeds: 64,
        token: None,
        cache_mib: 64,
        shutdown_grace: grace,
        metrics_addr: None,
        tls: Default::default(),
    };
    let mut ingest = tokio::spawn(hoptac_ingest::server::serve(
        ingest,
        Listeners::grpc_only(ingest_listener),
        shutdown.clone(),
    ));
    let query = QueryArgs {
        listen: query_addr,
        data_dir: args.data_dir.join("query"),
        ingest_url: ingest_url.clone(),
        ingest_token: None,
        ingest_tls: Default::default(),
        token: None,
        cache_mib: 64,
        max_watchers: 256,
        shutdown_grace: grace,
        metrics_addr: None,
        tls: Default::default(),
    };
    let mut query = tokio::spawn(hoptac_query::server::serve(
        query,
        Listeners::grpc_only(query_listener),
        shutdown.clone(),
    ));

    let load_args = LoadArgs {
        paths: args.seeds.clone(),
        manifests: Vec::new(),
        to: ingest_url.clone(),
        token: None,
        source: String::new(),
        max_file_bytes: 16 * 1024 * 1024,
        json: false,
        tls: Default::default(),
    };
    let items = load::items(&load_args)?;
    let count = items.len();
    // The listeners are bound, so connections wait in their backlogs until serving starts.
    let report = tokio::select! {
        report = load::load(items, &load_args, |_| ()) => report?,
        served = &mut ingest => return served.context("the ingest service stopped")?,
        served = &mut query => return served.context("the query service stopped")?,
    };
    println!("loaded seed articles: {}", report.summary(count));
    let head = report.last_sequence;
    match tokio::time::timeout(CATCH_UP, caught_up(&query_url, head)).await {
        Ok(Ok(())) => println!("the query replica has applied every change (sequence {head})"),
        Ok(Err(err)) => println!("cannot ask the query replica how far it is: {err:#}"),
        Err(_) => println!("the query replica is still catching up (the ingest log is at {head})"),
    }
    println!(
        "\nhoptac is up.\n  ingest service: {ingest_url}  (data in {dir}/ingest)\n  query service:  {query_url}  (data in {dir}/query)\nTry:\n  \
         grpcurl -plaintext {query_addr} list\n  \
         grpcurl -plaintext -d '{{\"filter\": {{\"places\": [\"ha noi\", \"JP\"]}}, \"order\": \"SORT_ORDER_NEWEST_FIRST\"}}' {query_addr} hoptac.v1.QueryService/StreamAgreements\n  \
         grpcurl -plaintext -d '{{\"places\": [\"Quảng Ninh\"]}}' {query_addr} hoptac.v1.QueryService/StreamTimeline\n\
         or, as a table: cargo run --release -- agreements --place \"ha noi\" --country JP\n\
         Stop with Ctrl-C.",
        dir = args.data_dir.display()
    );
    let (ingest, query) = tokio::join!(ingest, query);
    ingest.context("the ingest service panicked")??;
    query.context("the query service panicked")?
}

async fn bind(addr: SocketAddr) -> anyhow::Result<TcpListener> {
    TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))
}

/// Waits until the replica at `url` has applied sequence `head`.
async fn caught_up(url: &str, head: u64) -> anyhow::Result<()> {
    let mut client = QueryServiceClient::connect(url.to_string()).await?;
    // The replica has no push notification for its own progress to a client other than a watch;
    // a short poll is the simplest honest wait for a one-off start-up message.
    loop {
        let status = client
            .get_replication_status(GetReplicationStatusRequest {})
            .await?
            .into_inner();
        if status.applied_sequence >= head {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
