//! Freshness: how long after the ingest service acknowledges an article its records arrive on
//! an open `WatchRecords` stream of the replica — what a backend that writes then watches waits.

use std::{sync::Arc, time::Instant};

use hoptac_api::v1::{
    ingest_service_client::IngestServiceClient, query_service_client::QueryServiceClient,
    IngestArticleRequest, WatchRecordsRequest,
};
use serde::Serialize;
use tokio::sync::mpsc;

use crate::{
    error::{Error, Result},
    load::{Articles, Latencies},
    services::Pair,
    Figure, Progress,
};

/// Longest wait for one article's records on the watch.
const PATIENCE: std::time::Duration = std::time::Duration::from_secs(30);

/// Figures of the freshness benchmark; the field names are the figures' names.
#[derive(Debug, Clone, Serialize)]
pub struct FreshFigures {
    /// Articles timed.
    pub fresh_samples: usize,
    /// Ack-to-watch delay p50 (ms).
    pub fresh_p50_ms: f64,
    /// Ack-to-watch delay p99 (ms).
    pub fresh_p99_ms: f64,
    /// Share of the articles whose first record reached the watch before their ack reached the
    /// caller (counted as 0 ms above).
    pub fresh_before_ack: f64,
    /// From sending the article to its first record on the watch, p50 (ms): extraction, the
    /// durable write, replication and the watch together.
    pub fresh_send_p50_ms: f64,
    /// The same, p99 (ms).
    pub fresh_send_p99_ms: f64,
}

impl FreshFigures {
    /// The figures as table rows.
    pub fn figures(&self) -> Vec<Figure> {
        let f = Figure::new;
        vec![
            f(
                "fresh_p50_ms",
                self.fresh_p50_ms,
                "ms",
                "IngestArticle ack → record on the replica's WatchRecords, p50",
            ),
            f("fresh_p99_ms", self.fresh_p99_ms, "ms", "the same, p99"),
            f(
                "fresh_before_ack",
                self.fresh_before_ack,
                "share",
                "records that reached the watch before the ack",
            ),
            f(
                "fresh_send_p99_ms",
                self.fresh_send_p99_ms,
                "ms",
                "IngestArticle sent → record on the watch, p99",
            ),
        ]
    }
}

/// Ingests `samples` articles one at a time, each once the last one's records have arrived, and
/// times each from its acknowledgement to the arrival of its first record on the watch (zero
/// when the record came first: the replica can apply a change before the ack reaches its caller).
pub async fn run(
    pair: &Pair,
    articles: &Arc<Articles>,
    samples: usize,
    progress: &Progress,
) -> Result<FreshFigures> {
    let mut query = QueryServiceClient::new(pair.query.connect().await?);
    let mut ingest = IngestServiceClient::new(pair.ingest.connect().await?);
    let mut watch = query
        .watch_records(WatchRecordsRequest {
            filter: None,
            after_sequence: None,
        })
        .await
        .map_err(Error::rpc("WatchRecords"))?
        .into_inner();
    // The watch is read on its own task, so that an arrival is timed when it happens, not when
    // this loop gets to it.
    let (arrivals, mut arrived) = mpsc::unbounded_channel();
    let reader = tokio::spawn(async move {
        while let Ok(Some(event)) = watch.message().await {
            if arrivals.send((event.sequence, Instant::now())).is_err() {
                break;
            }
        }
    });
    let bar = progress.bar(samples as u64, "freshness");
    let mut delays = Latencies::default();
    let mut from_send = Latencies::default();
    let mut before_ack = 0;
    for _ in 0..samples {
        let sent = Instant::now();
        let answer = ingest
            .ingest_article(IngestArticleRequest {
                article: Some(articles.next()),
            })
            .await
            .map_err(Error::rpc("IngestArticle"))?
            .into_inner();
        let acked = Instant::now();
        let came = tokio::time::timeout(PATIENCE, async {
            while let Some((sequence, at)) = arrived.recv().await {
                if sequence == answer.sequence {
                    return Some(at);
                }
            }
            None
        })
        .await
        .map_err(|_| {
            Error::Timeout(format!(
                "the records of sequence {} did not arrive on the watch in {PATIENCE:?}",
                answer.sequence
            ))
        })?
        .ok_or_else(|| Error::Unexpected("the watch ended".into()))?;
        delays.push(came.saturating_duration_since(acked));
        from_send.push(came.saturating_duration_since(sent));
        before_ack += usize::from(came < acked);
        // The article's other records arrive right behind; skip them with the next recv.
        bar.inc();
    }
    bar.finish();
    reader.abort();
    Ok(FreshFigures {
        fresh_samples: samples,
        fresh_p50_ms: delays.percentile(50.0),
        fresh_p99_ms: delays.percentile(99.0),
        fresh_before_ack: before_ack as f64 / samples.max(1) as f64,
        fresh_send_p50_ms: from_send.percentile(50.0),
        fresh_send_p99_ms: from_send.percentile(99.0),
    })
}
