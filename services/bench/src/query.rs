//! Reading back: whole-store streams with and without a place filter, next to a bare tonic
//! server streaming the same messages from memory (the ceiling of any gRPC stream of them on
//! this machine), and `GetAgreement` from 64 concurrent callers.

use std::{
    net::SocketAddr,
    pin::Pin,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::Instant,
};

use futures::Stream;
use hoptac_api::v1::{
    query_service_client::QueryServiceClient,
    query_service_server::{QueryService, QueryServiceServer},
    GetAgreementRequest, GetAgreementResponse, GetArticleRequest, GetArticleResponse,
    GetReplicationStatusRequest, GetReplicationStatusResponse, GetStatsRequest, GetStatsResponse,
    GetVisitRequest, GetVisitResponse, ListAgreementsRequest, ListAgreementsResponse,
    ListMentionsRequest, ListMentionsResponse, ListVisitsRequest, ListVisitsResponse, RecordFilter,
    StreamAgreementsRequest, StreamAgreementsResponse, StreamTimelineRequest,
    StreamTimelineResponse, StreamVisitsRequest, StreamVisitsResponse, WatchRecordsRequest,
    WatchRecordsResponse,
};
use serde::Serialize;
use tokio_util::sync::CancellationToken;
use tonic::{Request, Response, Status};

use crate::{
    error::{Error, Result},
    load::Latencies,
    services::{connect, connections},
    Figure,
};

/// Concurrent `GetAgreement` callers.
pub const GET_CALLERS: usize = 64;

/// Every record of a store as its streams sent them.
#[derive(Debug, Clone, Default)]
pub struct Streamed {
    /// The agreements' messages.
    pub agreements: Vec<StreamAgreementsResponse>,
    /// The visits' messages.
    pub visits: Vec<StreamVisitsResponse>,
    /// Records received, kept or not.
    pub count: usize,
    /// Seconds both streams took, back to back.
    pub seconds: f64,
}

impl Streamed {
    /// Records in all.
    pub fn records(&self) -> usize {
        self.count
    }

    /// Records per second.
    pub fn per_second(&self) -> f64 {
        self.records() as f64 / self.seconds
    }
}

/// Streams every agreement, then every visit, matching `filter` from the query service at
/// `url` (the client decodes each one in full, as any caller does), keeping the messages when
/// `keep` is set.
pub async fn stream_all(url: &str, filter: Option<RecordFilter>, keep: bool) -> Result<Streamed> {
    let mut client = QueryServiceClient::new(connect(url).await?);
    let start = Instant::now();
    let mut agreements = Vec::new();
    let mut count = 0;
    let mut stream = client
        .stream_agreements(StreamAgreementsRequest {
            filter: filter.clone(),
            ..Default::default()
        })
        .await
        .map_err(Error::rpc("StreamAgreements"))?
        .into_inner();
    while let Some(m) = stream
        .message()
        .await
        .map_err(Error::rpc("StreamAgreements"))?
    {
        count += 1;
        if keep {
            agreements.push(m);
        }
    }
    let mut visits = Vec::new();
    let mut stream = client
        .stream_visits(StreamVisitsRequest {
            filter,
            ..Default::default()
        })
        .await
        .map_err(Error::rpc("StreamVisits"))?
        .into_inner();
    while let Some(m) = stream.message().await.map_err(Error::rpc("StreamVisits"))? {
        count += 1;
        if keep {
            visits.push(m);
        }
    }
    Ok(Streamed {
        agreements,
        visits,
        count,
        seconds: start.elapsed().as_secs_f64(),
    })
}

/// The most frequent country other than Viet Nam among the records, as a place filter: a filter
/// real callers use, matching a large share of the store, chosen from the data.
pub async fn busiest_country(url: &str) -> Result<RecordFilter> {
    let mut client = QueryServiceClient::new(connect(url).await?);
    let stats = client
        .get_stats(GetStatsRequest { filter: None })
        .await
        .map_err(Error::rpc("GetStats"))?
        .into_inner();
    let country = stats
        .by_country
        .iter()
        .filter(|c| c.key != "VN")
        .max_by_key(|c| c.agreements + c.visits)
        .map(|c| c.key.clone())
        .ok_or_else(|| Error::Unexpected("the store has no foreign country".into()))?;
    Ok(RecordFilter {
        places: vec![country],
        ..Default::default()
    })
}

/// Streams the same messages as `streamed` from memory through a bare tonic server on loopback,
/// returning the records per second a client receives.
pub async fn bare_stream(streamed: &Streamed) -> Result<f64> {
    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0))).await?;
    let addr = listener.local_addr()?;
    let stop = CancellationToken::new();
    let bare = Bare {
        agreements: Arc::new(streamed.agreements.clone()),
        visits: Arc::new(streamed.visits.clone()),
    };
    let server = tokio::spawn(
        tonic::transport::Server::builder()
            .add_service(QueryServiceServer::new(bare))
            .serve_with_incoming_shutdown(
                hoptac_runtime::listen::incoming(listener),
                stop.clone().cancelled_owned(),
            ),
    );
    let result = stream_all(&format!("http://{addr}"), None, false).await;
    stop.cancel();
    let _ = server.await;
    let again = result?;
    if again.records() != streamed.records() {
        return Err(Error::Unexpected(format!(
            "the bare server sent {} records of {}",
            again.records(),
            streamed.records()
        )));
    }
    Ok(again.per_second())
}

/// `GetAgreement` req/s and latencies with [`GET_CALLERS`] callers, each on its own connection,
/// asking for `total` ids taken in turn from `ids`.
pub async fn get_agreements(url: &str, ids: &[String], total: usize) -> Result<(f64, Latencies)> {
    if ids.is_empty() {
        return Err(Error::Unexpected("no agreement to get".into()));
    }
    let ids: Arc<Vec<String>> = Arc::new(ids.to_vec());
    let channels = connections(url, GET_CALLERS).await?;
    let claimed = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for channel in channels {
        let mut client = QueryServiceClient::new(channel);
        let (ids, claimed) = (ids.clone(), claimed.clone());
        tasks.spawn(async move {
            let mut latencies = Latencies::default();
            loop {
                let n = claimed.fetch_add(1, Ordering::Relaxed);
                if n >= total {
                    return Ok::<_, Error>(latencies);
                }
                let id = ids[n.wrapping_mul(7919) % ids.len()].clone();
                let asked = Instant::now();
                client
                    .get_agreement(GetAgreementRequest { id })
                    .await
                    .map_err(Error::rpc("GetAgreement"))?;
                latencies.push(asked.elapsed());
            }
        });
    }
    let mut all = Latencies::default();
    while let Some(done) = tasks.join_next().await {
        let l = done.map_err(|e| Error::Unexpected(format!("a caller failed: {e}")))??;
        all.extend(l);
    }
    Ok((total as f64 / start.elapsed().as_secs_f64(), all))
}

/// Figures of the query benchmark; the field names are the figures' names.
#[derive(Debug, Clone, Serialize)]
pub struct QueryFigures {
    /// Records in the store streamed.
    pub stream_records: usize,
    /// Records/s of StreamAgreements then StreamVisits, no filter.
    pub stream_rec_s: f64,
    /// The place filter of the filtered streams (the busiest foreign country).
    pub stream_filter_place: String,
    /// Records matching the filter.
    pub stream_filtered_records: usize,
    /// Matching records/s of the same streams with the place filter.
    pub stream_filtered_rec_s: f64,
    /// Records/s of a bare tonic server streaming the same messages from memory.
    pub bare_stream_rec_s: f64,
    /// `stream_rec_s / bare_stream_rec_s`.
    pub stream_vs_bare: f64,
    /// GetAgreement requests/s, 64 callers.
    pub get_req_s: f64,
    /// GetAgreement latency p50 (ms).
    pub get_p50_ms: f64,
    /// GetAgreement latency p99 (ms).
    pub get_p99_ms: f64,
}

impl QueryFigures {
    /// The figures as table rows.
    pub fn figures(&self) -> Vec<Figure> {
        let f = Figure::new;
        vec![
            f(
                "stream_rec_s",
                self.stream_rec_s,
                "records/s",
                "StreamAgreements + StreamVisits, every record",
            ),
            f(
                "stream_filtered_rec_s",
                self.stream_filtered_rec_s,
                "records/s",
                "the same with a place filter (matches/s)",
            ),
            f(
                "bare_stream_rec_s",
                self.bare_stream_rec_s,
                "records/s",
                "bare tonic stream of the same messages from memory",
            ),
            f(
                "stream_vs_bare",
                self.stream_vs_bare,
                "ratio",
                "stream_rec_s / bare_stream_rec_s (ceiling 1)",
            ),
            f(
                "get_req_s",
                self.get_req_s,
                "req/s",
                "GetAgreement, 64 concurrent callers",
            ),
            f(
                "get_p50_ms",
                self.get_p50_ms,
                "ms",
                "GetAgreement latency p50",
            ),
            f(
                "get_p99_ms",
                self.get_p99_ms,
                "ms",
                "GetAgreement latency p99",
            ),
        ]
    }
}

/// Streams from memory; answers nothing else.
struct Bare {
    agreements: Arc<Vec<StreamAgreementsResponse>>,
    visits: Arc<Vec<StreamVisitsResponse>>,
}

type BoxStream<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

fn from_memory<T: Clone + Send + Sync + 'static>(all: Arc<Vec<T>>) -> BoxStream<T> {
    Box::pin(futures::stream::iter(
        (0..all.len()).map(move |i| Ok(all[i].clone())),
    ))
}

fn bare_only<T>() -> Result<Response<T>, Status> {
    Err(Status::unimplemented(
        "the bare benchmark server only streams",
    ))
}

#[tonic::async_trait]
impl QueryService for Bare {
    type StreamAgreementsStream = BoxStream<StreamAgreementsResponse>;
    async fn stream_agreements(
        &self,
        _: Request<StreamAgreementsRequest>,
    ) -> Result<Response<Self::StreamAgreementsStream>, Status> {
        Ok(Response::new(from_memory(self.agreements.clone())))
    }
    type StreamVisitsStream = BoxStream<StreamVisitsResponse>;
    async fn stream_visits(
        &self,
        _: Request<StreamVisitsRequest>,
    ) -> Result<Response<Self::StreamVisitsStream>, Status> {
        Ok(Response::new(from_memory(self.visits.clone())))
    }
    type StreamTimelineStream = BoxStream<StreamTimelineResponse>;
    async fn stream_timeline(
        &self,
        _: Request<StreamTimelineRequest>,
    ) -> Result<Response<Self::StreamTimelineStream>, Status> {
        bare_only()
    }
    type WatchRecordsStream = BoxStream<WatchRecordsResponse>;
    async fn watch_records(
        &self,
        _: Request<WatchRecordsRequest>,
    ) -> Result<Response<Self::WatchRecordsStream>, Status> {
        bare_only()
    }
    async fn list_agreements(
        &self,
        _: Request<ListAgreementsRequest>,
    ) -> Result<Response<ListAgreementsResponse>, Status> {
        bare_only()
    }
    async fn list_visits(
        &self,
        _: Request<ListVisitsRequest>,
    ) -> Result<Response<ListVisitsResponse>, Status> {
        bare_only()
    }
    async fn get_agreement(
        &self,
        _: Request<GetAgreementRequest>,
    ) -> Result<Response<GetAgreementResponse>, Status> {
        bare_only()
    }
    async fn get_visit(
        &self,
        _: Request<GetVisitRequest>,
    ) -> Result<Response<GetVisitResponse>, Status> {
        bare_only()
    }
    async fn get_article(
        &self,
        _: Request<GetArticleRequest>,
    ) -> Result<Response<GetArticleResponse>, Status> {
        bare_only()
    }
    async fn list_mentions(
        &self,
        _: Request<ListMentionsRequest>,
    ) -> Result<Response<ListMentionsResponse>, Status> {
        bare_only()
    }
    async fn get_stats(
        &self,
        _: Request<GetStatsRequest>,
    ) -> Result<Response<GetStatsResponse>, Status> {
        bare_only()
    }
    async fn get_replication_status(
        &self,
        _: Request<GetReplicationStatusRequest>,
    ) -> Result<Response<GetReplicationStatusResponse>, Status> {
        bare_only()
    }
}
