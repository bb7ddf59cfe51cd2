//! The single writer: every write goes through one task that takes all requests waiting at that
//! moment, writes them in one transaction and acknowledges them after one shared flush (group
//! commit). Durability costs one flush per batch, not per article, so concurrent callers share
//! it, and one writer means no transaction conflicts.

use std::sync::Arc;

use tokio::sync::{mpsc, oneshot, watch};

use crate::{
    error::Error,
    store::{Pending, Store, Written},
};

/// Most articles written in one transaction and flush.
const MAX_BATCH: usize = 256;

struct Job {
    pending: Pending,
    reply: oneshot::Sender<Result<Written, Error>>,
}

/// A cloneable handle to submit writes; the writer stops once every handle is dropped and the
/// queue is drained.
#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
    durable: watch::Receiver<u64>,
}

impl Writer {
    /// Starts the writer task over `store`. The returned handle's [`Writer::durable`] reports the
    /// last durable sequence.
    pub fn spawn(store: Arc<Store>) -> Result<(Writer, tokio::task::JoinHandle<()>), Error> {
        let (jobs, queue) = mpsc::channel(MAX_BATCH * 4);
        let (durable_tx, durable) = watch::channel(store.head()?);
        let task = tokio::spawn(run(store, queue, durable_tx));
        Ok((Writer { jobs, durable }, task))
    }

    /// Writes one article and returns once it is durable (or known to be a duplicate, which is
    /// durable already).
    pub async fn write(&self, pending: Pending) -> Result<Written, Error> {
        self.enqueue(pending).await?.durable().await
    }

    /// Queues one article and returns as soon as it holds its place in the write order (waiting
    /// only while the queue is full); the returned [`Ack`] resolves once it is durable. Callers
    /// that enqueue in order get sequences in that order.
    pub async fn enqueue(&self, pending: Pending) -> Result<Ack, Error> {
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job { pending, reply })
            .await
            .map_err(|_| stopped())?;
        Ok(Ack { answer })
    }

    /// Watches the last durable log sequence; it changes only after a flush.
    pub fn durable(&self) -> watch::Receiver<u64> {
        self.durable.clone()
    }
}

/// An article queued for writing; [`Ack::durable`] waits for its flush.
pub struct Ack {
    answer: oneshot::Receiver<Result<Written, Error>>,
}

impl Ack {
    /// What was written, once durable.
    pub async fn durable(self) -> Result<Written, Error> {
        self.answer.await.map_err(|_| stopped())?
    }
}

fn stopped() -> Error {
    Error::ShuttingDown {
        resume: "retry the article".into(),
    }
}

async fn run(store: Arc<Store>, mut queue: mpsc::Receiver<Job>, durable: watch::Sender<u64>) {
    let mut jobs = Vec::with_capacity(MAX_BATCH);
    while queue.recv_many(&mut jobs, MAX_BATCH).await > 0 {
        let batch: Vec<Pending> = jobs.iter().map(|j| j.pending.clone()).collect();
        let outcome = match store.write(&batch) {
            Ok(written) => store.flush().await.map(|()| written),
            Err(err) => Err(err),
        };
        match outcome {
            Ok(written) => {
                if let Ok(head) = store.head() {
                    durable.send_replace(head);
                }
                tracing::debug!(articles = jobs.len(), "batch durable");
                for (job, w) in jobs.drain(..).zip(written) {
                    let _ = job.reply.send(Ok(w));
                }
            }
            Err(err) => {
                tracing::error!(error = %err, articles = jobs.len(), "batch failed");
                let message = err.to_string();
                for job in jobs.drain(..) {
                    let _ = job.reply.send(Err(Error::WriteFailed(message.clone())));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use hoptac_api::v1::{Article, Extraction};

    use super::*;

    fn pending(id: &str) -> Pending {
        Pending {
            article: Article {
                id: id.into(),
                text: format!("Bài viết {id}"),
                ..Default::default()
            },
            extraction: Extraction::default(),
            input: None,
            replaces: false,
        }
    }

    #[tokio::test]
    async fn articles_enqueued_in_order_get_sequences_in_that_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Arc::new(Store::open(dir.path(), 8 << 20).expect("opens"));
        let (writer, _task) = Writer::spawn(store).expect("spawns");
        let mut acks = Vec::new();
        for i in 0..10 {
            acks.push(
                writer
                    .enqueue(pending(&format!("bai-{i}")))
                    .await
                    .expect("queued"),
            );
        }
        for (i, ack) in acks.into_iter().enumerate().rev() {
            assert_eq!(
                ack.durable().await.expect("durable"),
                Written::New(i as u64 + 1)
            );
        }
    }

    #[tokio::test]
    async fn concurrent_writes_get_distinct_dense_sequences_and_advance_durable() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Arc::new(Store::open(dir.path(), 8 << 20).expect("opens"));
        let (writer, task) = Writer::spawn(store.clone()).expect("spawns");
        let mut durable = writer.durable();
        let writes = (0..50).map(|i| {
            let writer = writer.clone();
            tokio::spawn(async move { writer.write(pending(&format!("bai-{}", i % 40))).await })
        });
        let mut sequences = Vec::new();
        for w in writes {
            match w.await.expect("joins").expect("writes") {
                Written::New(s) => sequences.push(s),
                Written::Duplicate(_) => {}
            }
        }
        sequences.sort_unstable();
        assert_eq!(sequences, (1..=40).collect::<Vec<_>>());
        durable
            .wait_for(|head| *head == 40)
            .await
            .expect("durable reaches the head");
        drop((writer, durable));
        task.await.expect("writer stops when its handles are gone");
    }
}
