//! The follower: reads the ingest service's `StreamChanges` from the replica's applied sequence
//! and applies each change, for as long as the service runs. When the ingest service goes away
//! the replica keeps answering with what it has and reconnects with capped exponential backoff.
//!
//! Each applied change is also broadcast to `WatchRecords` streams. The broadcast never waits for
//! a watcher: one that falls more than the channel's capacity behind is told it lagged.

use std::{
    sync::{
        atomic::{AtomicBool, AtomicU64, Ordering},
        Arc,
    },
    time::Duration,
};

use hoptac_api::v1::{ingest_service_client::IngestServiceClient, StreamChangesRequest};
use hoptac_runtime::auth::BearerToken;
use tokio::sync::broadcast;
use tokio_util::sync::CancellationToken;
use tonic::{transport::Endpoint, Code};

use crate::store::{Applied, Store};

/// First wait before reconnecting; it doubles on each failure up to [`MAX_BACKOFF`].
const MIN_BACKOFF: Duration = Duration::from_millis(100);
/// Longest wait between reconnection attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(5);
/// How often the follower pings the ingest service, and how long it waits for the answer, on
/// an open changefeed. A changefeed can be quiet for hours, and a connection whose network was
/// cut sends no error: only an unanswered ping shows it is dead, so the follower reconnects.
const KEEPALIVE: Duration = Duration::from_secs(5);

/// How far the replica has followed, readable by `GetReplicationStatus`.
#[derive(Debug)]
pub struct Replication {
    applied: AtomicU64,
    upstream_head: AtomicU64,
    connected: AtomicBool,
    /// Whether the ingest service refuses this replica's token: the replica cannot follow until
    /// an operator fixes it, so its health says NOT_SERVING.
    refused: tokio::sync::watch::Sender<bool>,
}

impl Default for Replication {
    fn default() -> Self {
        Self {
            applied: AtomicU64::new(0),
            upstream_head: AtomicU64::new(0),
            connected: AtomicBool::new(false),
            refused: tokio::sync::watch::Sender::new(false),
        }
    }
}

impl Replication {
    /// The last sequence applied.
    pub fn applied(&self) -> u64 {
        self.applied.load(Ordering::Acquire)
    }

    /// The latest sequence the ingest service reported.
    pub fn upstream_head(&self) -> u64 {
        self.upstream_head.load(Ordering::Acquire)
    }

    /// Whether a changefeed is open now.
    pub fn connected(&self) -> bool {
        self.connected.load(Ordering::Acquire)
    }

    /// Whether the ingest service refuses this replica's token, as it changes.
    pub fn refused(&self) -> tokio::sync::watch::Receiver<bool> {
        self.refused.subscribe()
    }
}

/// Follows one ingest service into one store.
pub struct Follower {
    store: Arc<Store>,
    state: Arc<Replication>,
    events: broadcast::Sender<Arc<Applied>>,
    endpoint: Endpoint,
    url: String,
    token: BearerToken,
}

impl Follower {
    /// A follower of the ingest service at `endpoint` into `store`, publishing applied changes
    /// on `events` and its progress in `state`.
    pub fn new(
        store: Arc<Store>,
        state: Arc<Replication>,
        events: broadcast::Sender<Arc<Applied>>,
        endpoint: Endpoint,
        token: BearerToken,
    ) -> Result<Self, crate::error::Error> {
        let url = endpoint.uri().to_string();
        let endpoint = endpoint
            .connect_timeout(Duration::from_secs(3))
            .http2_keep_alive_interval(KEEPALIVE)
            .keep_alive_timeout(KEEPALIVE)
            .keep_alive_while_idle(true);
        state
            .applied
            .store(store.applied_sequence()?, Ordering::Release);
        Ok(Self {
            store,
            state,
            events,
            endpoint,
            url,
            token,
        })
    }

    /// Follows until `shutdown` fires, reconnecting whenever the stream breaks.
    pub async fn run(self, shutdown: CancellationToken) {
        let mut backoff = MIN_BACKOFF;
        loop {
            let outcome = tokio::select! {
                outcome = self.follow(&mut backoff) => outcome,
                () = shutdown.cancelled() => break,
            };
            self.state.connected.store(false, Ordering::Release);
            match outcome {
                Ok(()) => tracing::info!(url = %self.url, "the changefeed ended; reconnecting"),
                Err(err) => {
                    tracing::warn!(url = %self.url, error = %err, retry_in = ?backoff, "following failed")
                }
            }
            tokio::select! {
                () = tokio::time::sleep(backoff) => {}
                () = shutdown.cancelled() => break,
            }
            backoff = (backoff * 2).min(MAX_BACKOFF);
        }
        self.state.connected.store(false, Ordering::Release);
    }

    /// One connection: open the changefeed after the applied sequence and apply until it ends.
    async fn follow(&self, backoff: &mut Duration) -> anyhow::Result<()> {
        let channel = self.endpoint.connect().await?;
        let mut client = IngestServiceClient::with_interceptor(channel, self.token.clone())
            .max_decoding_message_size(64 << 20);
        let after = self.store.applied_sequence()?;
        let opened = client
            .stream_changes(StreamChangesRequest {
                after_sequence: after,
            })
            .await;
        let refused = matches!(&opened, Err(status) if matches!(status.code(), Code::Unauthenticated | Code::PermissionDenied));
        self.state.refused.send_if_modified(|was| {
            let changed = *was != refused;
            *was = refused;
            changed
        });
        let mut changes = opened?.into_inner();
        self.state.connected.store(true, Ordering::Release);
        *backoff = MIN_BACKOFF;
        tracing::info!(url = %self.url, after, "following the changefeed");
        while let Some(change) = changes.message().await? {
            self.state
                .upstream_head
                .fetch_max(change.head_sequence, Ordering::AcqRel);
            let extraction = change.extraction.unwrap_or_default();
            if let Some(applied) = self.store.apply(change.sequence, &extraction)? {
                self.state
                    .applied
                    .store(applied.sequence, Ordering::Release);
                tracing::debug!(
                    sequence = applied.sequence,
                    records = applied.records.len(),
                    "applied"
                );
                // No watcher is fine; a lagging one learns it from its receiver.
                let _ = self.events.send(Arc::new(applied));
            }
        }
        Ok(())
    }
}
