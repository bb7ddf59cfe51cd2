//! The `hoptac.v1.IngestService` handlers: check the input, extract on a blocking thread, hand
//! the result to the writer, answer once durable. No parsing logic lives here.

use std::{pin::Pin, sync::Arc, time::SystemTime};

use futures::{Stream, StreamExt};
use hoptac_api::v1::{
    ingest_service_server::IngestService, ArticleInput, ExtractArticleRequest,
    ExtractArticleResponse, IngestArticleRequest, IngestArticleResponse, IngestArticlesRequest,
    IngestArticlesResponse, IngestOutcome, ReextractArticlesRequest, ReextractArticlesResponse,
    Rejection, StreamChangesRequest,
};
use tokio::sync::{watch, Mutex, Semaphore};
use tokio_util::sync::CancellationToken;
use tonic::{Request, Response, Status, Streaming};
use tracing::Instrument;

use hoptac_runtime::{limits::oversize, streams::Slots};

use crate::{
    error::{article_limit_hint, Error},
    feed,
    input::{self, Extract},
    metrics::IngestMetrics,
    reextract::{self, Progress},
    store::{self, Database, Pending, Stored, Written},
    writer::{Ack, Writer},
};

/// Articles of one IngestArticles stream in flight at once: enough for them to share flushes,
/// few enough that a stream cannot flood the writer.
const STREAM_WINDOW: usize = 32;

/// The IngestService implementation.
#[derive(Clone)]
pub struct Ingest {
    extractor: Arc<dyn Extract>,
    db: Arc<Database>,
    writer: Writer,
    max_body_bytes: usize,
    shutdown: CancellationToken,
    /// Held while a re-extraction runs: one at a time is enough, two would only race.
    reextracting: Arc<Mutex<()>>,
    /// One permit per core: extraction is CPU work, and more extractions at once than cores only
    /// add blocking threads, each with its stack and allocator heap, and their context switches.
    extracting: Arc<Semaphore>,
    /// The cap on open changefeeds.
    changefeeds: Slots,
    metrics: IngestMetrics,
}

/// What the service refuses beyond.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Bytes of an article's body.
    pub max_body_bytes: usize,
    /// Changefeeds open at once.
    pub max_changefeeds: usize,
}

/// An article checked and extracted, not yet stored.
struct Extracted {
    /// The article as it will be stored, with its records.
    records: hoptac_api::v1::Extraction,
    /// The article as submitted, kept for re-extraction.
    input: ArticleInput,
}

/// The outcome of ingesting one article, before it is put in a response message.
struct Ingested {
    article_id: String,
    written: Written,
    records: hoptac_api::v1::Extraction,
    events: Vec<hoptac_api::v1::EventChange>,
}

impl Ingest {
    /// A service writing through `writer` into `db` within `limits`, counting outcomes in
    /// `metrics`; its changefeeds end when `shutdown` fires.
    pub fn new(
        extractor: Arc<dyn Extract>,
        db: Arc<Database>,
        writer: Writer,
        limits: Limits,
        metrics: IngestMetrics,
        shutdown: CancellationToken,
    ) -> Self {
        Self {
            extractor,
            db,
            writer,
            max_body_bytes: limits.max_body_bytes,
            shutdown,
            reextracting: Arc::new(Mutex::new(())),
            extracting: Arc::new(Semaphore::new(
                std::thread::available_parallelism().map_or(1, usize::from),
            )),
            changefeeds: Slots::new(limits.max_changefeeds, "changefeeds", "--max-changefeeds"),
            metrics,
        }
    }

    /// Counts what became of one submitted article.
    fn tally(&self, done: &Result<Ingested, Error>) {
        match done {
            Ok(Ingested {
                written: Written::New(_),
                ..
            }) => self.metrics.new_article(),
            Ok(Ingested {
                written: Written::Duplicate(_),
                ..
            }) => self.metrics.duplicate(),
            Err(err) if err.field().is_some() => self.metrics.rejected(),
            Err(_) => {}
        }
    }

    /// Checks and extracts an article on a blocking thread (extraction is CPU work).
    async fn extract(
        &self,
        article: Option<ArticleInput>,
        ingested_at: Option<pbjson_types::Timestamp>,
    ) -> Result<Extracted, Error> {
        let submission = input::check(article, self.max_body_bytes)?;
        let extractor = self.extractor.clone();
        let core =
            self.extracting
                .clone()
                .acquire_owned()
                .await
                .map_err(|_| Error::ShuttingDown {
                    resume: "retry the article".into(),
                })?;
        tokio::task::spawn_blocking(move || {
            let _core = core;
            let records = submission.extract(extractor.as_ref(), ingested_at)?;
            Ok(Extracted {
                records,
                input: submission.into_message(),
            })
        })
        .await
        .map_err(|e| Error::Extraction(e.to_string()))?
    }

    async fn ingest(&self, article: Option<ArticleInput>) -> Result<Ingested, Error> {
        let extracted = self.extract(article, Some(now())).await?;
        let ack = self.enqueue(&extracted).await?;
        self.finish(extracted.records, ack).await
    }

    /// Takes the article's place in the write order.
    async fn enqueue(&self, extracted: &Extracted) -> Result<Ack, Error> {
        self.writer
            .enqueue(Pending {
                article: extracted.records.article.clone().unwrap_or_default(),
                extraction: extracted.records.clone(),
                input: Some(extracted.input.clone()),
                replaces: false,
            })
            .await
    }

    /// Waits for the write to be durable and gathers what to answer.
    async fn finish(
        &self,
        extraction: hoptac_api::v1::Extraction,
        ack: Ack,
    ) -> Result<Ingested, Error> {
        let article_id = extraction
            .article
            .as_ref()
            .map(|a| a.id.clone())
            .unwrap_or_default();
        let Stored { written, events } = ack.durable().await?;
        let records = match written {
            Written::New(_) => extraction,
            // Answer with what is stored, which an older extractor may have produced.
            Written::Duplicate(_) => store::current(&self.db)?
                .find(&article_id)?
                .map(|c| c.extraction)
                .unwrap_or(extraction),
        };
        tracing::info!(
            article_id,
            outcome = ?written,
            agreements = records.agreements.len(),
            visits = records.visits.len(),
            "ingested"
        );
        Ok(Ingested {
            article_id,
            written,
            records,
            events,
        })
    }
}

/// The current time as a protobuf timestamp.
fn now() -> pbjson_types::Timestamp {
    let since_epoch = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default();
    pbjson_types::Timestamp {
        seconds: i64::try_from(since_epoch.as_secs()).unwrap_or(i64::MAX),
        nanos: i32::try_from(since_epoch.subsec_nanos()).unwrap_or(0),
    }
}

impl Ingested {
    fn outcome(&self) -> (IngestOutcome, u64) {
        match self.written {
            Written::New(s) => (IngestOutcome::New, s),
            Written::Duplicate(s) => (IngestOutcome::Duplicate, s),
        }
    }
}

/// The answer to one article of an IngestArticles stream: a rejection when the article was at
/// fault, the end of the stream (an error status) when the service was.
fn stream_answer(done: Result<Ingested, Error>) -> Result<IngestArticlesResponse, Status> {
    match done {
        Ok(done) => {
            let (outcome, sequence) = done.outcome();
            Ok(IngestArticlesResponse {
                article_id: done.article_id,
                outcome: outcome as i32,
                sequence,
                agreements: done.records.agreements,
                visits: done.records.visits,
                rejection: None,
                events: done.events,
            })
        }
        Err(err) => match err.field() {
            Some(field) => Ok(IngestArticlesResponse {
                outcome: IngestOutcome::Rejected as i32,
                rejection: Some(Rejection {
                    code: err.code() as i32,
                    field: field.to_string(),
                    message: err.to_string(),
                }),
                ..Default::default()
            }),
            None => Err(Status::from(err)),
        },
    }
}

type ResponseStream<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send + 'static>>;

#[tonic::async_trait]
impl IngestService for Ingest {
    async fn ingest_article(
        &self,
        request: Request<IngestArticleRequest>,
    ) -> Result<Response<IngestArticleResponse>, Status> {
        let done = self.ingest(request.into_inner().article).await;
        self.tally(&done);
        let done = done?;
        let (outcome, sequence) = done.outcome();
        Ok(Response::new(IngestArticleResponse {
            article_id: done.article_id,
            outcome: outcome as i32,
            sequence,
            agreements: done.records.agreements,
            visits: done.records.visits,
            events: done.events,
        }))
    }

    type IngestArticlesStream = ResponseStream<IngestArticlesResponse>;

    async fn ingest_articles(
        &self,
        request: Request<Streaming<IngestArticlesRequest>>,
    ) -> Result<Response<Self::IngestArticlesStream>, Status> {
        // Three stages, each keeping request order: extract up to STREAM_WINDOW articles at
        // once, take their places in the write order one by one (so sequences follow the
        // requests), then wait for up to STREAM_WINDOW acknowledgements at once (so they share
        // flushes). `buffered` pulls a request only when there is room: that is the backpressure.
        // tonic enters the request's span only until the response head; the stream's work
        // happens later, so it carries the span itself.
        let (span, finish_span) = (tracing::Span::current(), tracing::Span::current());
        let (extracting, queueing, finishing) = (self.clone(), self.clone(), self.clone());
        let answers = request
            .into_inner()
            .map(move |request| {
                let service = extracting.clone();
                async move {
                    // A message over the transport limit was not read: the stream cannot go
                    // past it, but its end says what the limit is.
                    let article = request
                        .map_err(|status| {
                            oversize(&status, &article_limit_hint(service.max_body_bytes))
                                .unwrap_or(status)
                        })?
                        .article;
                    Ok::<_, Status>(service.extract(article, Some(now())).await)
                }
                .instrument(span.clone())
            })
            .buffered(STREAM_WINDOW)
            .then(move |extracted| {
                let service = queueing.clone();
                async move {
                    Ok::<_, Status>(match extracted? {
                        Ok(extracted) => {
                            let ack = service.enqueue(&extracted).await?;
                            Ok((extracted.records, ack))
                        }
                        Err(rejected) => Err(rejected),
                    })
                }
            })
            .map(move |queued| {
                let service = finishing.clone();
                async move {
                    let done = match queued? {
                        Ok((extraction, ack)) => service.finish(extraction, ack).await,
                        Err(rejected) => Err(rejected),
                    };
                    service.tally(&done);
                    stream_answer(done)
                }
                .instrument(finish_span.clone())
            })
            .buffered(STREAM_WINDOW);
        Ok(Response::new(Box::pin(answers)))
    }

    async fn extract_article(
        &self,
        request: Request<ExtractArticleRequest>,
    ) -> Result<Response<ExtractArticleResponse>, Status> {
        let extracted = self.extract(request.into_inner().article, None).await?;
        Ok(Response::new(ExtractArticleResponse {
            extraction: Some(extracted.records),
        }))
    }

    type StreamChangesStream = feed::Changes;

    async fn stream_changes(
        &self,
        request: Request<StreamChangesRequest>,
    ) -> Result<Response<Self::StreamChangesStream>, Status> {
        let after = request.into_inner().after_sequence;
        let slot = self.changefeeds.try_take().map_err(Error::from)?;
        let stream = feed::stream_changes(
            self.db.clone(),
            self.writer.durable(),
            after,
            slot,
            self.shutdown.clone(),
        )?;
        Ok(Response::new(stream))
    }

    type ReextractArticlesStream = ResponseStream<ReextractArticlesResponse>;

    async fn reextract_articles(
        &self,
        _request: Request<ReextractArticlesRequest>,
    ) -> Result<Response<Self::ReextractArticlesStream>, Status> {
        let running = self.reextracting.clone().try_lock_owned().map_err(|_| {
            Error::Busy("a re-extraction is already running; wait for it to finish".into())
        })?;
        let (progress, watching) = watch::channel(Progress::default());
        let (db, writer, extractor, shutdown) = (
            self.db.clone(),
            self.writer.clone(),
            self.extractor.clone(),
            self.shutdown.clone(),
        );
        // The work is its own task, so a caller who hangs up does not stop it halfway.
        let task = tokio::spawn(
            async move {
                let _running = running;
                let outcome = reextract::run(db, writer, extractor, &progress, &shutdown).await;
                match &outcome {
                    Ok(tally) => tracing::info!(
                        examined = tally.examined,
                        changed = tally.changed,
                        "re-extraction done"
                    ),
                    Err(err) => tracing::warn!(error = %err, "re-extraction stopped"),
                }
                outcome
            }
            .in_current_span(),
        );
        let durable = self.writer.durable();
        let reports =
            futures::stream::unfold((watching, Some(task)), move |(mut watching, task)| {
                let durable = durable.clone();
                async move {
                    let task = task?;
                    let answer = |p: Progress| ReextractArticlesResponse {
                        examined: p.examined,
                        total: p.total,
                        changed: p.changed,
                        head_sequence: *durable.borrow(),
                        done: p.done,
                    };
                    if watching.changed().await.is_ok() {
                        let now = *watching.borrow_and_update();
                        let next = (!now.done).then_some(task);
                        return Some((Ok(answer(now)), (watching, next)));
                    }
                    // The task ended: report how, once.
                    let last = match task.await {
                        Ok(Ok(tally)) => Ok(answer(tally)),
                        Ok(Err(err)) => Err(Status::from(err)),
                        Err(panicked) => Err(Status::from(Error::Extraction(panicked.to_string()))),
                    };
                    Some((last, (watching, None)))
                }
            });
        Ok(Response::new(Box::pin(reports)))
    }
}
