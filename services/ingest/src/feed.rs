//! The changefeed behind `StreamChanges`: a range scan of the log from the caller's sequence up
//! to the durable head, then a wait for the writer to move the head, and again.
//!
//! The wake-up is the writer's `watch` of the durable sequence, bumped after each flush — not
//! sled's `watch_prefix`, which fires before durability and blocks writers when a subscriber is
//! slow. A slow caller only slows its own task: `send` waits on the stream's queue, bounded in
//! bytes (an item is a whole article), which waits on HTTP/2 flow control. How many changefeeds
//! are open at once is capped, so callers who open many and read none cannot exhaust memory.

use std::sync::Arc;

use hoptac_api::v1::StreamChangesResponse;
use hoptac_runtime::streams::{self, Slot};
use prost::Message;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;
use tonic::Status;
use tracing::Instrument;

use crate::{
    error::Error,
    store::{self, Database},
};

/// Entries read from sled per scan.
const CHUNK: usize = 128;

/// Bytes of changes queued per stream ahead of the caller (beside HTTP/2's own send buffer).
const QUEUE_BYTES: usize = 256 * 1024;

/// The response stream of `StreamChanges`.
pub type Changes = streams::Receiver<Result<StreamChangesResponse, Status>>;
type Sender = streams::Sender<Result<StreamChangesResponse, Status>>;

/// How long shutdown waits to queue the final UNAVAILABLE behind a slow caller's backlog.
const SHUTDOWN_NOTICE_WAIT: std::time::Duration = std::time::Duration::from_millis(200);

/// The stream of changes after `after`, live until the caller goes away or `shutdown` fires (then
/// it ends with UNAVAILABLE naming the sequence to resume after); it holds `slot` while open.
pub fn stream_changes(
    db: Arc<Database>,
    mut durable: watch::Receiver<u64>,
    after: u64,
    slot: Slot,
    shutdown: CancellationToken,
) -> Result<Changes, Error> {
    let head = *durable.borrow_and_update();
    if after > head {
        return Err(Error::PastHead { after, head });
    }
    let (tx, rx) = streams::channel(QUEUE_BYTES);
    let task = async move {
        let _slot = slot;
        let mut last_sent = after;
        loop {
            let head = *durable.borrow_and_update();
            while last_sent < head {
                // The store is taken for one scan: the writer may reopen it between two.
                let changes = match store::current(&db)
                    .and_then(|store| store.changes(last_sent, head, CHUNK))
                {
                    Ok(changes) => changes,
                    Err(err) => {
                        tracing::error!(error = %err, "changefeed read failed");
                        let _ = tx.send(Err(err.into()), 0).await;
                        return;
                    }
                };
                for change in changes {
                    let item = StreamChangesResponse {
                        sequence: change.sequence,
                        extraction: Some(change.extraction),
                        head_sequence: head,
                        events: change.events,
                    };
                    let size = item.encoded_len();
                    tokio::select! {
                        sent = tx.send(Ok(item), size) => if sent.is_err() { return },
                        () = shutdown.cancelled() => return end_for_shutdown(&tx, last_sent).await,
                    }
                    last_sent = change.sequence;
                }
            }
            tokio::select! {
                changed = durable.changed() => if changed.is_err() {
                    // The writer is gone: the service is stopping.
                    return end_for_shutdown(&tx, last_sent).await;
                },
                () = shutdown.cancelled() => return end_for_shutdown(&tx, last_sent).await,
                () = tx.closed() => return,
            }
        }
    };
    tokio::spawn(task.instrument(tracing::Span::current()));
    Ok(rx)
}

async fn end_for_shutdown(tx: &Sender, last_sent: u64) {
    let err = Error::ShuttingDown {
        resume: format!("resume with after_sequence={last_sent}"),
    };
    // A caller whose queue is full gets a moment to drain it, not more: shutdown must not hang.
    let _ = tokio::time::timeout(SHUTDOWN_NOTICE_WAIT, tx.send(Err(err.into()), 0)).await;
}
