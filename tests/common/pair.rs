//! Both services in the test process on ephemeral ports, each with its own temp data dir, and a
//! way to stop and restart either on the same directory (and, for ingest, the same port, so the
//! replica's follower finds it again).

use std::{net::SocketAddr, path::PathBuf, time::Duration};

use hoptac_api::v1::{
    query_service_client::QueryServiceClient, watch_records_response::Event,
    GetReplicationStatusRequest, RecordFilter, StreamAgreementsRequest, StreamVisitsRequest,
    WatchRecordsRequest,
};
use hoptac_runtime::listen::Listeners;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use tonic::transport::Channel;

use super::{ingest_all, seeds, standin::StandIn, text_article, PATIENCE};
use hoptac_ingest::input::Extract;
use std::sync::Arc;

/// One running service.
pub struct Running {
    shutdown: CancellationToken,
    task: JoinHandle<anyhow::Result<()>>,
    /// Where it listens.
    pub addr: SocketAddr,
    /// `http://ADDR`.
    pub url: String,
    /// Where its metrics are served, when asked for.
    pub metrics: Option<SocketAddr>,
}

impl Running {
    fn new(
        shutdown: CancellationToken,
        task: JoinHandle<anyhow::Result<()>>,
        addr: SocketAddr,
        metrics: Option<SocketAddr>,
    ) -> Self {
        Running {
            shutdown,
            task,
            addr,
            url: format!("http://{addr}"),
            metrics,
        }
    }

    /// Fires its shutdown and waits for it to finish (it must, within PATIENCE).
    pub async fn stop(self) {
        self.shutdown.cancel();
        tokio::time::timeout(PATIENCE, self.task)
            .await
            .expect("stops promptly, open streams or not")
            .expect("joins")
            .expect("stops cleanly");
    }
}

/// Flags of an ingest service on `addr` (port 0 for any) with data in `dir`, as `serve` defaults
/// them, with a small cache and grace period.
pub fn ingest_args(dir: PathBuf, addr: SocketAddr) -> hoptac_ingest::config::ServeArgs {
    hoptac_ingest::config::ServeArgs {
        listen: addr,
        data_dir: dir,
        max_article_bytes: 2 << 20,
        max_message_bytes: 16 << 20,
        max_changefeeds: 64,
        token: None,
        cache_mib: 16,
        shutdown_grace: Duration::from_secs(5),
        metrics_addr: None,
        tls: Default::default(),
    }
}

/// Flags of a query service with data in `dir`, following the ingest service at `ingest_url`.
pub fn query_args(dir: PathBuf, ingest_url: &str) -> hoptac_query::config::ServeArgs {
    hoptac_query::config::ServeArgs {
        listen: "127.0.0.1:0".parse().expect("addr"),
        data_dir: dir,
        ingest_url: ingest_url.to_string(),
        ingest_token: None,
        ingest_tls: Default::default(),
        token: None,
        cache_mib: 16,
        max_watchers: 256,
        shutdown_grace: Duration::from_secs(5),
        metrics_addr: None,
        tls: Default::default(),
    }
}

/// Starts the ingest service on `addr` (port 0 for any) with data in `dir`.
pub async fn ingest(dir: PathBuf, addr: SocketAddr) -> Running {
    start_ingest(ingest_args(dir, addr)).await
}

/// Starts the query service with data in `dir`, following the ingest service at `ingest_url`.
pub async fn query(dir: PathBuf, ingest_url: &str) -> Running {
    start_query(query_args(dir, ingest_url)).await
}

/// Starts an ingest service with these flags.
pub async fn start_ingest(args: hoptac_ingest::config::ServeArgs) -> Running {
    start_ingest_with(args, Arc::new(hoptac_extract::Extractor::new())).await
}

/// Starts an ingest service with these flags whose records come from `extractor`.
pub async fn start_ingest_with(
    mut args: hoptac_ingest::config::ServeArgs,
    extractor: Arc<dyn Extract>,
) -> Running {
    let (listeners, addr, metrics) = bind(args.listen, args.metrics_addr).await;
    args.listen = addr;
    let shutdown = CancellationToken::new();
    let task = tokio::spawn(hoptac_ingest::server::serve_with(
        args,
        listeners,
        shutdown.clone(),
        extractor,
    ));
    Running::new(shutdown, task, addr, metrics)
}

/// Starts a query service with these flags.
pub async fn start_query(mut args: hoptac_query::config::ServeArgs) -> Running {
    let (listeners, addr, metrics) = bind(args.listen, args.metrics_addr).await;
    args.listen = addr;
    let shutdown = CancellationToken::new();
    let task = tokio::spawn(hoptac_query::server::serve(
        args,
        listeners,
        shutdown.clone(),
    ));
    Running::new(shutdown, task, addr, metrics)
}

async fn bind(
    grpc: SocketAddr,
    metrics: Option<SocketAddr>,
) -> (Listeners, SocketAddr, Option<SocketAddr>) {
    let listeners = Listeners::bind(grpc, metrics).await.expect("binds");
    let addr = listeners.grpc.local_addr().expect("bound");
    let metrics = listeners
        .metrics
        .as_ref()
        .map(|l| l.local_addr().expect("bound"));
    (listeners, addr, metrics)
}

/// A client of a query service.
pub async fn query_client(running: &Running) -> QueryServiceClient<Channel> {
    QueryServiceClient::connect(running.url.clone())
        .await
        .expect("connects")
}

/// Waits until the replica has applied `sequence`: a live watch, opened before the replica's
/// status is read, sees the change arrive if the status does not show it applied yet (every
/// article these tests ingest yields at least one record). Not a watch from just before the
/// sequence: one past what the replica has applied is refused.
pub async fn applied(client: &mut QueryServiceClient<Channel>, sequence: u64) {
    let mut watch = client
        .watch_records(WatchRecordsRequest {
            filter: None,
            after_sequence: None,
        })
        .await
        .expect("watch opens")
        .into_inner();
    let status = client
        .get_replication_status(GetReplicationStatusRequest {})
        .await
        .expect("status")
        .into_inner();
    if status.applied_sequence >= sequence {
        return;
    }
    tokio::time::timeout(PATIENCE, async {
        while let Some(event) = watch.message().await.expect("watch healthy") {
            assert!(!matches!(event.event, Some(Event::Lagged(_))));
            if event.sequence >= sequence {
                return;
            }
        }
        panic!("the watch ended before sequence {sequence}");
    })
    .await
    .expect("the replica applies the change in time");
}

/// Every agreement id matching `filter`, in stream order.
pub async fn agreement_ids(
    client: &mut QueryServiceClient<Channel>,
    filter: RecordFilter,
) -> Vec<String> {
    let mut stream = client
        .stream_agreements(StreamAgreementsRequest {
            filter: Some(filter),
            ..Default::default()
        })
        .await
        .expect("query accepted")
        .into_inner();
    let mut ids = Vec::new();
    while let Some(item) = stream.message().await.expect("stream healthy") {
        ids.push(item.agreement.expect("agreement").id);
    }
    ids
}

/// Every visit id matching `filter`, in stream order.
pub async fn visit_ids(
    client: &mut QueryServiceClient<Channel>,
    filter: RecordFilter,
) -> Vec<String> {
    let mut stream = client
        .stream_visits(StreamVisitsRequest {
            filter: Some(filter),
            ..Default::default()
        })
        .await
        .expect("query accepted")
        .into_inner();
    let mut ids = Vec::new();
    while let Some(item) = stream.message().await.expect("stream healthy") {
        ids.push(item.visit.expect("visit").id);
    }
    ids
}

/// The reports behind every agreement and visit the replica serves: the record id of each
/// mention of each event, agreements first, each in stream order.
pub async fn reports(client: &mut QueryServiceClient<Channel>) -> Vec<String> {
    let mut ids = Vec::new();
    let mut agreements = client
        .stream_agreements(StreamAgreementsRequest::default())
        .await
        .expect("query accepted")
        .into_inner();
    while let Some(item) = agreements.message().await.expect("stream healthy") {
        let agreement = item.agreement.expect("agreement");
        ids.extend(agreement.mentions.into_iter().map(|m| m.record_id));
    }
    let mut visits = client
        .stream_visits(StreamVisitsRequest::default())
        .await
        .expect("query accepted")
        .into_inner();
    while let Some(item) = visits.message().await.expect("stream healthy") {
        let visit = item.visit.expect("visit");
        ids.extend(visit.mentions.into_iter().map(|m| m.record_id));
    }
    ids
}

/// Both services on ephemeral ports, their data in `dir/ingest` and `dir/query`.
pub async fn started(dir: &tempfile::TempDir) -> (Running, Running) {
    let ingest = ingest(
        dir.path().join("ingest"),
        "127.0.0.1:0".parse().expect("addr"),
    )
    .await;
    let query = query(dir.path().join("query"), &ingest.url).await;
    (ingest, query)
}

/// Both services on ephemeral ports, their data in `dir/ingest` and `dir/query`, the ingest
/// service's records made by `extractor`.
pub async fn started_with(
    dir: &tempfile::TempDir,
    extractor: Arc<dyn Extract>,
) -> (Running, Running) {
    let args = ingest_args(
        dir.path().join("ingest"),
        "127.0.0.1:0".parse().expect("addr"),
    );
    let ingest = start_ingest_with(args, extractor).await;
    let query = query(dir.path().join("query"), &ingest.url).await;
    (ingest, query)
}

/// Both services with the seeds in, the replica caught up.
pub async fn seeded(dir: &tempfile::TempDir) -> (Running, Running) {
    let (ingest, query) = started(dir).await;
    seed(ingest, query).await
}

/// Both services with the seeds in, the replica caught up, the seeds' records their annotated
/// gold ([`StandIn::seeds_and_visits`]) rather than the extractor's output.
pub async fn seeded_by_hand(dir: &tempfile::TempDir) -> (Running, Running) {
    seeded_with(dir, Arc::new(StandIn::seeds_and_visits())).await
}

/// Both services with the seeds in, the replica caught up, the records made by `extractor`.
pub async fn seeded_with(
    dir: &tempfile::TempDir,
    extractor: Arc<dyn Extract>,
) -> (Running, Running) {
    let (ingest, query) = started_with(dir, extractor).await;
    seed(ingest, query).await
}

/// Ingests the seeds into `ingest` and waits for `query` to apply them.
async fn seed(ingest: Running, query: Running) -> (Running, Running) {
    let mut client =
        hoptac_api::v1::ingest_service_client::IngestServiceClient::connect(ingest.url.clone())
            .await
            .expect("connects");
    let articles = seeds()
        .iter()
        .map(|(name, text)| text_article(&format!("https://example.vn/{name}"), text))
        .collect();
    assert_eq!(ingest_all(&mut client, articles).await.len(), 5);
    applied(&mut query_client(&query).await, 5).await;
    (ingest, query)
}
