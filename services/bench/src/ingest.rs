//! Durable ingest over loopback: 1, 8 and 64 concurrent clients, unary and streaming, every
//! article acknowledged only once durable; next to a bare sled loop that writes the same bytes in
//! batches and flushes after each, the ceiling of any durable writer on this disk.

use std::{sync::Arc, time::Instant};

use hoptac_extract::Extractor;
use hoptac_ingest::input;
use prost::Message;
use serde::Serialize;

use crate::{
    error::Result,
    load::{self, Articles, Mode, Sent},
    services::Pair,
    Figure, Progress,
};

/// Client counts measured.
pub const CLIENTS: [usize; 3] = [1, 8, 64];
/// Articles in each batch of the bare sled loop: the batch the service's group commit forms when
/// each of 64 clients has one article waiting.
pub const SLED_BATCH: usize = 64;

/// How many articles each run sends.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    /// Articles per run, by client count (the order of [`CLIENTS`]).
    pub per_run: [usize; 3],
    /// Articles written by the bare sled loop.
    pub sled_articles: usize,
}

/// Figures of the ingest benchmark; the field names are the figures' names.
#[derive(Debug, Clone, Serialize)]
pub struct IngestFigures {
    /// Articles/s acknowledged durable, unary calls, 1 client.
    pub ingest_art_s_1: f64,
    /// Ack latency p50 (ms), unary, 1 client.
    pub ingest_p50_ms_1: f64,
    /// Ack latency p99 (ms), unary, 1 client.
    pub ingest_p99_ms_1: f64,
    /// Articles/s, unary, 8 clients.
    pub ingest_art_s_8: f64,
    /// p50 (ms), unary, 8 clients.
    pub ingest_p50_ms_8: f64,
    /// p99 (ms), unary, 8 clients.
    pub ingest_p99_ms_8: f64,
    /// Articles/s, unary, 64 clients.
    pub ingest_art_s_64: f64,
    /// p50 (ms), unary, 64 clients.
    pub ingest_p50_ms_64: f64,
    /// p99 (ms), unary, 64 clients.
    pub ingest_p99_ms_64: f64,
    /// Articles/s, one IngestArticles stream per client, 1 client.
    pub ingest_stream_art_s_1: f64,
    /// p50 (ms) from sending an article on a stream to its answer, 1 client.
    pub ingest_stream_p50_ms_1: f64,
    /// p99 (ms), stream, 1 client.
    pub ingest_stream_p99_ms_1: f64,
    /// Articles/s, stream, 8 clients.
    pub ingest_stream_art_s_8: f64,
    /// p50 (ms), stream, 8 clients.
    pub ingest_stream_p50_ms_8: f64,
    /// p99 (ms), stream, 8 clients.
    pub ingest_stream_p99_ms_8: f64,
    /// Articles/s, stream, 64 clients.
    pub ingest_stream_art_s_64: f64,
    /// p50 (ms), stream, 64 clients.
    pub ingest_stream_p50_ms_64: f64,
    /// p99 (ms), stream, 64 clients.
    pub ingest_stream_p99_ms_64: f64,
    /// Articles/s of the bare sled loop: the same bytes in batches of [`SLED_BATCH`], a flush
    /// after each.
    pub sled_art_s: f64,
    /// `max(ingest_art_s_64, ingest_stream_art_s_64) / sled_art_s`.
    pub ingest_vs_sled: f64,
}

impl IngestFigures {
    /// The figures as table rows.
    pub fn figures(&self) -> Vec<Figure> {
        let f = Figure::new;
        vec![
            f(
                "ingest_art_s_1",
                self.ingest_art_s_1,
                "articles/s",
                "IngestArticle, 1 client, durable acks",
            ),
            f(
                "ingest_p99_ms_1",
                self.ingest_p99_ms_1,
                "ms",
                "ack latency p99, 1 client (p50 in JSON)",
            ),
            f(
                "ingest_art_s_8",
                self.ingest_art_s_8,
                "articles/s",
                "IngestArticle, 8 clients",
            ),
            f(
                "ingest_p99_ms_8",
                self.ingest_p99_ms_8,
                "ms",
                "ack latency p99, 8 clients",
            ),
            f(
                "ingest_art_s_64",
                self.ingest_art_s_64,
                "articles/s",
                "IngestArticle, 64 clients",
            ),
            f(
                "ingest_p50_ms_64",
                self.ingest_p50_ms_64,
                "ms",
                "ack latency p50, 64 clients",
            ),
            f(
                "ingest_p99_ms_64",
                self.ingest_p99_ms_64,
                "ms",
                "ack latency p99, 64 clients",
            ),
            f(
                "ingest_stream_art_s_1",
                self.ingest_stream_art_s_1,
                "articles/s",
                "IngestArticles stream, 1 client",
            ),
            f(
                "ingest_stream_art_s_8",
                self.ingest_stream_art_s_8,
                "articles/s",
                "IngestArticles streams, 8 clients",
            ),
            f(
                "ingest_stream_art_s_64",
                self.ingest_stream_art_s_64,
                "articles/s",
                "IngestArticles streams, 64 clients",
            ),
            f(
                "ingest_stream_p99_ms_64",
                self.ingest_stream_p99_ms_64,
                "ms",
                "send-to-answer p99, 64 streams",
            ),
            f(
                "sled_art_s",
                self.sled_art_s,
                "articles/s",
                "bare sled: same bytes, batches of 64, flush each",
            ),
            f(
                "ingest_vs_sled",
                self.ingest_vs_sled,
                "ratio",
                "best 64-client ingest / sled_art_s (ceiling 1)",
            ),
        ]
    }
}

/// Runs every client count in both modes against `pair`, then the bare sled loop; returns the
/// figures, the last sequence acknowledged and the records stored.
pub async fn run(
    pair: &Pair,
    articles: &Arc<Articles>,
    sizes: Sizes,
    cache_mib: u64,
    progress: &Progress,
) -> Result<(IngestFigures, u64, usize)> {
    let mut runs: Vec<Sent> = Vec::with_capacity(6);
    let mut last_sequence = 0;
    let mut records = 0;
    for mode in [Mode::Unary, Mode::Stream] {
        for (clients, total) in CLIENTS.into_iter().zip(sizes.per_run) {
            let bar = progress.bar(
                total as u64,
                &format!("ingest: {clients} {mode:?} client(s)"),
            );
            let tick = bar.ticker();
            let sent = load::send(&pair.ingest.url, articles, clients, mode, total, tick).await?;
            bar.finish();
            last_sequence = last_sequence.max(sent.last_sequence);
            records += sent.records;
            runs.push(sent);
        }
    }
    let sled_art_s = sled_loop(articles, sizes.sled_articles, cache_mib).await?;
    let r = |i: usize| {
        (
            runs[i].per_second(),
            runs[i].latencies.percentile(50.0),
            runs[i].latencies.percentile(99.0),
        )
    };
    let (u1, u8, u64_, s1, s8, s64) = (r(0), r(1), r(2), r(3), r(4), r(5));
    let figures = IngestFigures {
        ingest_art_s_1: u1.0,
        ingest_p50_ms_1: u1.1,
        ingest_p99_ms_1: u1.2,
        ingest_art_s_8: u8.0,
        ingest_p50_ms_8: u8.1,
        ingest_p99_ms_8: u8.2,
        ingest_art_s_64: u64_.0,
        ingest_p50_ms_64: u64_.1,
        ingest_p99_ms_64: u64_.2,
        ingest_stream_art_s_1: s1.0,
        ingest_stream_p50_ms_1: s1.1,
        ingest_stream_p99_ms_1: s1.2,
        ingest_stream_art_s_8: s8.0,
        ingest_stream_p50_ms_8: s8.1,
        ingest_stream_p99_ms_8: s8.2,
        ingest_stream_art_s_64: s64.0,
        ingest_stream_p50_ms_64: s64.1,
        ingest_stream_p99_ms_64: s64.2,
        sled_art_s,
        ingest_vs_sled: u64_.0.max(s64.0) / sled_art_s,
    };
    Ok((figures, last_sequence, records))
}

/// Articles/s of a bare loop over sled: the entries the ingest store writes for each article
/// (the article with its cleaned text, its records, its source, its log entry), prepared
/// before the clock starts, applied [`SLED_BATCH`] articles at a time with a flush after each.
async fn sled_loop(articles: &Articles, count: usize, cache_mib: u64) -> Result<f64> {
    let extractor = Extractor::new();
    let mut entries = Vec::with_capacity(count);
    for n in 0..count {
        let submission = input::check(Some(articles.next()), usize::MAX)?;
        let extraction = submission.extract(&extractor, None)?;
        let article = extraction.article.clone().unwrap_or_default();
        let mut records = extraction.clone();
        records.article = None;
        let seq = (n as u64 + 1).to_be_bytes();
        let mut value = seq.to_vec();
        records
            .encode(&mut value)
            .map_err(|e| crate::error::Error::Unexpected(e.to_string()))?;
        let id = article.id.clone();
        entries.push([
            (format!("a/{id}").into_bytes(), article.encode_to_vec()),
            (format!("e/{id}").into_bytes(), value),
            (
                format!("s/{id}").into_bytes(),
                submission.into_message().encode_to_vec(),
            ),
            ([b"l/".as_slice(), &seq].concat(), id.into_bytes()),
        ]);
    }
    let dir = tempfile::tempdir()?;
    let db = sled::Config::new()
        .path(dir.path())
        .cache_capacity(cache_mib * 1024 * 1024)
        .open()?;
    let start = Instant::now();
    for chunk in entries.chunks(SLED_BATCH) {
        let mut batch = sled::Batch::default();
        for article in chunk {
            for (k, v) in article {
                batch.insert(k.as_slice(), v.as_slice());
            }
        }
        db.apply_batch(batch)?;
        db.flush_async().await?;
    }
    Ok(count as f64 / start.elapsed().as_secs_f64())
}
