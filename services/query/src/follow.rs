//! The follower: reads the ingest service's `StreamChanges` from the replica's applied sequence
//! and applies each change, for as long as the service runs. When the ingest service goes away
//! the replica keeps answering with what it has and reconnects with capped exponential backoff.
//!
//! When a change cannot be applied (a full disk), the replica keeps answering with what it has,
//! reports NOT_SERVING, and reopens its database once the disk has room again; it then follows
//! from what was durable.
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

use crate::{
    error::Error,
    store::{self, Applied, Database},
};

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
    /// Why the replica cannot follow until an operator acts (the ingest service refuses its
    /// token, the disk is full), or `None`: while there is a reason its health says
    /// NOT_SERVING.
    unable: tokio::sync::watch::Sender<Option<String>>,
}

impl Default for Replication {
    fn default() -> Self {
        Self {
            applied: AtomicU64::new(0),
            upstream_head: AtomicU64::new(0),
            connected: AtomicBool::new(false),
            unable: tokio::sync::watch::Sender::new(None),
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

    /// Why the replica cannot follow until an operator acts, as it changes; `None` while it can.
    pub fn unable(&self) -> tokio::sync::watch::Receiver<Option<String>> {
        self.unable.subscribe()
    }
}

/// Follows one ingest service into one store.
pub struct Follower {
    db: Arc<Database>,
    state: Arc<Replication>,
    events: broadcast::Sender<Arc<Applied>>,
    endpoint: Endpoint,
    url: String,
    token: BearerToken,
}

impl Follower {
    /// A follower of the ingest service at `endpoint` into `db`, publishing applied changes
    /// on `events` and its progress in `state`.
    pub fn new(
        db: Arc<Database>,
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
            .store(store::current(&db)?.applied_sequence()?, Ordering::Release);
        Ok(Self {
            db,
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
                Err(Stop::Store(err)) => {
                    tracing::error!(error = %err, "applying a change failed");
                    tokio::select! {
                        () = self.recover(&err) => continue,
                        () = shutdown.cancelled() => break,
                    }
                }
                Err(Stop::Upstream(err)) => {
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

    /// Reports that the replica cannot apply changes, waits until its disk has room, reopens
    /// its database and follows on from what that holds.
    async fn recover(&self, failure: &Error) {
        let reason = if failure.is_disk_full() {
            "the disk is full: the replica cannot apply changes until space is freed".to_string()
        } else {
            format!("applying changes is paused after a storage failure: {failure}")
        };
        self.state.unable.send_replace(Some(reason));
        let store = self.db.reopen_when_room().await;
        if let Ok(applied) = store.applied_sequence() {
            self.state.applied.store(applied, Ordering::Release);
        }
        self.state.unable.send_replace(None);
        tracing::info!("the database was reopened; the replica follows again");
    }

    /// One connection: open the changefeed after the applied sequence and apply until it ends.
    async fn follow(&self, backoff: &mut Duration) -> Result<(), Stop> {
        let channel = self.endpoint.connect().await.map_err(Stop::upstream)?;
        let mut client = IngestServiceClient::with_interceptor(channel, self.token.clone())
            .max_decoding_message_size(64 << 20);
        let after = store::current(&self.db)?.applied_sequence()?;
        let opened = client
            .stream_changes(StreamChangesRequest {
                after_sequence: after,
            })
            .await;
        let refused = matches!(&opened, Err(status) if matches!(status.code(), Code::Unauthenticated | Code::PermissionDenied));
        let unable = refused.then(|| {
            "the ingest service refuses this replica's token (--ingest-token)".to_string()
        });
        self.state.unable.send_if_modified(|was| {
            let changed = *was != unable;
            *was = unable;
            changed
        });
        let mut changes = opened.map_err(Stop::upstream)?.into_inner();
        self.state.connected.store(true, Ordering::Release);
        *backoff = MIN_BACKOFF;
        tracing::info!(url = %self.url, after, "following the changefeed");
        while let Some(change) = changes.message().await.map_err(Stop::upstream)? {
            self.state
                .upstream_head
                .fetch_max(change.head_sequence, Ordering::AcqRel);
            let extraction = change.extraction.unwrap_or_default();
            if let Some(applied) = store::current(&self.db)?.apply(change.sequence, &extraction)? {
                self.state
                    .applied
                    .store(applied.sequence, Ordering::Release);
                tracing::debug!(
                    sequence = applied.sequence,
                    events = applied.events.len(),
                    "applied"
                );
                // No watcher is fine; a lagging one learns it from its receiver.
                let _ = self.events.send(Arc::new(applied));
            }
        }
        Ok(())
    }
}

/// Why following stopped.
enum Stop {
    /// The ingest service or the connection to it: reconnect after a pause.
    Upstream(anyhow::Error),
    /// The replica's own database: reopen it before following again.
    Store(Error),
}

impl Stop {
    fn upstream(err: impl Into<anyhow::Error>) -> Self {
        Stop::Upstream(err.into())
    }
}

impl From<Error> for Stop {
    fn from(err: Error) -> Self {
        Stop::Store(err)
    }
}
