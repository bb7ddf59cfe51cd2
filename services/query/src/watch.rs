//! `WatchRecords`: matching events as the follower's changes touch them, optionally first the backlog
//! of changes applied after a sequence.
//!
//! The watcher subscribes to the follower's broadcast *before* reading the backlog, then skips
//! live changes at or below the last sequence it sent: nothing is missed between the two and
//! nothing comes twice. Each watcher has its own task and a queue bounded in bytes; one that
//! falls behind the broadcast's capacity gets a `lagged` event with the sequence to resume
//! after, and its stream ends — the follower never waits for it. How many watchers are open at
//! once is capped by the service, and their backlog reads share the store's few blocking
//! threads.

use std::sync::Arc;

use hoptac_api::v1::{watch_records_response::Event, WatchLagged, WatchRecordsResponse};
use hoptac_runtime::streams::{self, Slot};
use prost::Message;
use tokio::sync::broadcast;
use tokio_util::sync::CancellationToken;
use tonic::Status;
use tracing::Instrument;

use crate::{
    error::Error,
    filter::Query,
    record::Record,
    store::{Applied, Reader},
};

/// Changes read from the backlog per step.
const BACKLOG_CHUNK: usize = 64;
/// Bytes of events queued per watcher before its task waits on the client.
const QUEUE_BYTES: usize = 64 * 1024;

/// The response stream of `WatchRecords`.
pub type Watch = streams::Receiver<Result<WatchRecordsResponse, Status>>;
type Sender = streams::Sender<Result<WatchRecordsResponse, Status>>;

/// The stream of a `WatchRecords` call; it holds `slot` while open.
pub fn watch(
    reader: Reader,
    events: &broadcast::Sender<Arc<Applied>>,
    query: Query,
    after: Option<u64>,
    slot: Slot,
    shutdown: CancellationToken,
) -> Result<Watch, Error> {
    let mut live = events.subscribe();
    let head = reader.store()?.applied_sequence()?;
    // Without a starting sequence, only changes applied from now on.
    let mut last = match after {
        Some(after) if after > head => return Err(Error::PastHead { after, head }),
        Some(after) => after,
        None => head,
    };
    let (tx, rx) = streams::channel(QUEUE_BYTES);
    let task = async move {
        let _slot = slot;
        if after.is_some() {
            loop {
                let backlog = match reader
                    .read(move |store| store.applied_after(last, BACKLOG_CHUNK))
                    .await
                {
                    Ok(backlog) => backlog,
                    Err(err) => return fail(&tx, err.into()).await,
                };
                let done = backlog.len() < BACKLOG_CHUNK;
                for applied in backlog {
                    if !send(&tx, &query, &applied, &shutdown).await {
                        return;
                    }
                    last = applied.sequence;
                }
                if done {
                    break;
                }
            }
        }
        loop {
            tokio::select! {
                event = live.recv() => match event {
                    Ok(applied) => {
                        if applied.sequence <= last {
                            continue;
                        }
                        if !send(&tx, &query, &applied, &shutdown).await {
                            return;
                        }
                        last = applied.sequence;
                    }
                    Err(broadcast::error::RecvError::Lagged(_)) => {
                        let lagged = WatchRecordsResponse {
                            sequence: last,
                            event: Some(Event::Lagged(WatchLagged { resume_after_sequence: last })),
                            ..Default::default()
                        };
                        let _ = tx.send(Ok(lagged), 0).await;
                        return;
                    }
                    Err(broadcast::error::RecvError::Closed) => return shutting_down(&tx, last).await,
                },
                () = shutdown.cancelled() => return shutting_down(&tx, last).await,
                () = tx.closed() => return,
            }
        }
    };
    tokio::spawn(task.instrument(tracing::Span::current()));
    Ok(rx)
}

/// Sends the matching events of one change; false when the stream should end.
async fn send(tx: &Sender, query: &Query, applied: &Applied, shutdown: &CancellationToken) -> bool {
    for touched in applied.events.iter().filter(|t| query.matches(&t.event)) {
        let event = match touched.event.clone() {
            Record::Agreement(a) => Event::Agreement(a),
            Record::Visit(v) => Event::Visit(v),
        };
        let item = WatchRecordsResponse {
            sequence: applied.sequence,
            event: Some(event),
            change: touched.kind as i32,
            previous_ids: touched.previous_ids.clone(),
        };
        let size = item.encoded_len();
        tokio::select! {
            sent = tx.send(Ok(item), size) => if sent.is_err() { return false },
            () = shutdown.cancelled() => {
                // Part of this change was sent: resume from the one before it.
                shutting_down(tx, applied.sequence.saturating_sub(1)).await;
                return false;
            }
        }
    }
    true
}

async fn shutting_down(tx: &Sender, last: u64) {
    let err = Error::ShuttingDown {
        resume: format!("resume with after_sequence={last}"),
    };
    fail(tx, err.into()).await;
}

/// Ends the stream with `status`, waiting only briefly behind a full queue so that shutdown
/// never hangs on a slow client.
async fn fail(tx: &Sender, status: Status) {
    let _ = tokio::time::timeout(
        std::time::Duration::from_millis(200),
        tx.send(Err(status), 0),
    )
    .await;
}
