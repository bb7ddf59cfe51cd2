//! The single writer: every write goes through one task that takes all requests waiting at that
//! moment, writes them in one transaction and acknowledges them after one shared flush (group
//! commit). Durability costs one flush per batch, not per article, so concurrent callers share
//! it, and one writer means no transaction conflicts.
//!
//! When a batch fails (a full disk), its callers get the error and the writer stops writing:
//! every article queued meanwhile is refused at once, the service reports that it cannot
//! write, and the writer checks now and then whether the disk has room again. Once it has, the
//! writer reopens the database, which then holds exactly what was durable, and writes again.

use std::sync::Arc;

use tokio::sync::{mpsc, oneshot, watch};

use crate::{
    error::Error,
    store::{self, Database, Pending, Stored, Written},
};

/// Most articles written in one transaction and flush.
const MAX_BATCH: usize = 256;

struct Job {
    pending: Pending,
    reply: oneshot::Sender<Result<Stored, Error>>,
}

/// A cloneable handle to submit writes; the writer stops once every handle is dropped and the
/// queue is drained.
#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
    durable: watch::Receiver<u64>,
    unable: watch::Receiver<Option<String>>,
}

impl Writer {
    /// Starts the writer task over `db`. The returned handle's [`Writer::durable`] reports the
    /// last durable sequence.
    pub fn spawn(db: Arc<Database>) -> Result<(Writer, tokio::task::JoinHandle<()>), Error> {
        let (jobs, queue) = mpsc::channel(MAX_BATCH * 4);
        let (durable_tx, durable) = watch::channel(store::current(&db)?.head()?);
        let (unable_tx, unable) = watch::channel(None);
        let task = tokio::spawn(run(db, queue, durable_tx, unable_tx));
        Ok((
            Writer {
                jobs,
                durable,
                unable,
            },
            task,
        ))
    }

    /// Writes one article and returns once it is durable (or known to be a duplicate, which is
    /// durable already).
    pub async fn write(&self, pending: Pending) -> Result<Stored, Error> {
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

    /// Watches why writes cannot succeed now (a full disk), `None` while they can.
    pub fn unable(&self) -> watch::Receiver<Option<String>> {
        self.unable.clone()
    }
}

/// An article queued for writing; [`Ack::durable`] waits for its flush.
pub struct Ack {
    answer: oneshot::Receiver<Result<Stored, Error>>,
}

impl Ack {
    /// What was written, once durable.
    pub async fn durable(self) -> Result<Stored, Error> {
        self.answer.await.map_err(|_| stopped())?
    }
}

fn stopped() -> Error {
    Error::ShuttingDown {
        resume: "retry the article".into(),
    }
}

async fn run(
    db: Arc<Database>,
    mut queue: mpsc::Receiver<Job>,
    durable: watch::Sender<u64>,
    unable: watch::Sender<Option<String>>,
) {
    let mut jobs = Vec::with_capacity(MAX_BATCH);
    while queue.recv_many(&mut jobs, MAX_BATCH).await > 0 {
        let batch: Vec<Pending> = jobs.iter().map(|j| j.pending.clone()).collect();
        match write(&db, &batch).await {
            Ok(written) => {
                let newest = written.iter().filter_map(|w| match w.written {
                    Written::New(sequence) => Some(sequence),
                    Written::Duplicate(_) => None,
                });
                if let Some(head) = newest.max() {
                    durable.send_replace(head);
                }
                tracing::debug!(articles = jobs.len(), "batch durable");
                for (job, w) in jobs.drain(..).zip(written) {
                    let _ = job.reply.send(Ok(w));
                }
            }
            Err(err) => {
                tracing::error!(error = %err, articles = jobs.len(), "batch failed");
                let failure = Failure::of(&err);
                for job in jobs.drain(..) {
                    let _ = job.reply.send(Err(failure.of_batch()));
                }
                // A batch refused by the store's own checks leaves sled able to write; a failure
                // of sled leaves it refusing every write until it is reopened.
                if !matches!(err, Error::Storage(_)) {
                    continue;
                }
                unable.send_replace(Some(failure.health_reason()));
                if !recover(&db, &mut queue, &failure, &durable).await {
                    return;
                }
                unable.send_replace(None);
                tracing::info!("the database was reopened; writes succeed again");
            }
        }
    }
}

/// Writes and flushes one batch; what each article became.
async fn write(db: &Database, batch: &[Pending]) -> Result<Vec<Stored>, Error> {
    let store = store::current(db)?;
    let written = store.write(batch)?;
    store.flush().await?;
    Ok(written)
}

/// Why a batch failed, in the words each party needs.
enum Failure {
    /// No space left on the disk.
    DiskFull,
    /// Any other storage failure, as sled said it.
    Other(String),
}

impl Failure {
    fn of(err: &Error) -> Self {
        if err.is_disk_full() {
            Failure::DiskFull
        } else {
            Failure::Other(err.to_string())
        }
    }

    /// The error of each article of the batch that failed.
    fn of_batch(&self) -> Error {
        match self {
            Failure::DiskFull => Error::DiskFull,
            Failure::Other(message) => Error::WriteFailed(message.clone()),
        }
    }

    /// The error of each article queued until the database takes writes again.
    fn of_queued(&self) -> Error {
        match self {
            Failure::DiskFull => Error::DiskFull,
            Failure::Other(message) => Error::WritesPaused(message.clone()),
        }
    }

    fn health_reason(&self) -> String {
        match self {
            Failure::DiskFull => "the disk is full: writes are refused until space is freed".into(),
            Failure::Other(message) => {
                format!("writes are paused after a storage failure: {message}")
            }
        }
    }
}

/// Refuses every queued article while the database cannot take writes, until it is reopened
/// once its disk has room; then the durable head is what the reopened store holds. Returns
/// false when every handle is gone meanwhile (the service is stopping).
async fn recover(
    db: &Arc<Database>,
    queue: &mut mpsc::Receiver<Job>,
    failure: &Failure,
    durable: &watch::Sender<u64>,
) -> bool {
    let reopened = db.reopen_when_room();
    tokio::pin!(reopened);
    let mut refused = Vec::with_capacity(MAX_BATCH);
    loop {
        tokio::select! {
            received = queue.recv_many(&mut refused, MAX_BATCH) => {
                if received == 0 {
                    return false;
                }
                for job in refused.drain(..) {
                    let _ = job.reply.send(Err(failure.of_queued()));
                }
            }
            store = &mut reopened => {
                match store.head() {
                    // A batch whose flush reported failure may have reached the disk after all.
                    Ok(head) => durable.send_replace(head),
                    Err(err) => {
                        tracing::error!(error = %err, "the reopened database has no readable head");
                        return false;
                    }
                };
                return true;
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
        let db = Arc::new(Database::open(dir.path(), 8 << 20).expect("opens"));
        let (writer, _task) = Writer::spawn(db).expect("spawns");
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
                ack.durable().await.expect("durable").written,
                Written::New(i as u64 + 1)
            );
        }
    }

    #[tokio::test]
    async fn concurrent_writes_get_distinct_dense_sequences_and_advance_durable() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Arc::new(Database::open(dir.path(), 8 << 20).expect("opens"));
        let (writer, task) = Writer::spawn(db).expect("spawns");
        let mut durable = writer.durable();
        let writes = (0..50).map(|i| {
            let writer = writer.clone();
            tokio::spawn(async move { writer.write(pending(&format!("bai-{}", i % 40))).await })
        });
        let mut sequences = Vec::new();
        for w in writes {
            match w.await.expect("joins").expect("writes").written {
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
