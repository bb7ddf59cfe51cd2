//! The `hoptac.v1.IngestService` handlers: check the input, extract on a blocking thread, hand
//! the result to the writer, answer once durable. No parsing logic lives here.

use std::{pin::Pin, sync::Arc, time::SystemTime};

use futures::{Stream, StreamExt};
use hoptac_api::v1::{
    ingest_service_server::IngestService, ArticleInput, ExtractArticleRequest,
    ExtractArticleResponse, IngestArticleRequest, IngestArticleResponse, IngestArticlesRequest,
    IngestArticlesResponse, IngestOutcome, Rejection, StreamChangesRequest, StreamChangesResponse,
};
use hoptac_extract::Extractor;
use tokio_stream::wrappers::ReceiverStream;
use tokio_util::sync::CancellationToken;
use tonic::{Request, Response, Status, Streaming};
use tracing::Instrument;

use crate::{
    convert,
    error::Error,
    feed, input,
    store::{Pending, Store, Written},
    writer::{Ack, Writer},
};

/// Articles of one IngestArticles stream in flight at once: enough for them to share flushes,
/// few enough that a stream cannot flood the writer.
const STREAM_WINDOW: usize = 32;

/// The IngestService implementation.
#[derive(Clone)]
pub struct Ingest {
    extractor: Arc<Extractor>,
    store: Arc<Store>,
    writer: Writer,
    max_body_bytes: usize,
    shutdown: CancellationToken,
}

/// The outcome of ingesting one article, before it is put in a response message.
struct Ingested {
    article_id: String,
    written: Written,
    records: hoptac_api::v1::Extraction,
}

impl Ingest {
    /// A service writing through `writer` into `store`, refusing bodies over `max_body_bytes`;
    /// its changefeeds end when `shutdown` fires.
    pub fn new(
        extractor: Arc<Extractor>,
        store: Arc<Store>,
        writer: Writer,
        max_body_bytes: usize,
        shutdown: CancellationToken,
    ) -> Self {
        Self {
            extractor,
            store,
            writer,
            max_body_bytes,
            shutdown,
        }
    }

    /// Checks and extracts an article on a blocking thread (extraction is CPU work).
    async fn extract(
        &self,
        article: Option<ArticleInput>,
        ingested_at: Option<pbjson_types::Timestamp>,
    ) -> Result<hoptac_api::v1::Extraction, Error> {
        let submission = input::check(article, self.max_body_bytes)?;
        let extractor = self.extractor.clone();
        let extraction = tokio::task::spawn_blocking(move || {
            let found = extractor.extract(&submission.as_input());
            if found.text.trim().is_empty() {
                return Err(Error::InvalidArgument {
                    field: submission.body_field(),
                    reason: "holds no article text once markup and site noise are removed".into(),
                });
            }
            Ok(convert::extraction(
                &found,
                &submission.url,
                &submission.source,
                ingested_at,
            ))
        })
        .await
        .map_err(|e| Error::Extraction(e.to_string()))??;
        Ok(extraction)
    }

    async fn ingest(&self, article: Option<ArticleInput>) -> Result<Ingested, Error> {
        let extraction = self.extract(article, Some(now())).await?;
        let ack = self.enqueue(&extraction).await?;
        self.finish(extraction, ack).await
    }

    /// Takes the article's place in the write order.
    async fn enqueue(&self, extraction: &hoptac_api::v1::Extraction) -> Result<Ack, Error> {
        let article = extraction.article.clone().unwrap_or_default();
        self.writer
            .enqueue(Pending {
                article,
                extraction: extraction.clone(),
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
        let written = ack.durable().await?;
        let records = match written {
            Written::New(_) => extraction,
            // Answer with what is stored, which an older extractor may have produced.
            Written::Duplicate(_) => self
                .store
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
        let done = self.ingest(request.into_inner().article).await?;
        let (outcome, sequence) = done.outcome();
        Ok(Response::new(IngestArticleResponse {
            article_id: done.article_id,
            outcome: outcome as i32,
            sequence,
            agreements: done.records.agreements,
            visits: done.records.visits,
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
                    let article = request?.article;
                    Ok::<_, Status>(service.extract(article, Some(now())).await)
                }
                .instrument(span.clone())
            })
            .buffered(STREAM_WINDOW)
            .then(move |extracted| {
                let service = queueing.clone();
                async move {
                    Ok::<_, Status>(match extracted? {
                        Ok(extraction) => {
                            let ack = service.enqueue(&extraction).await?;
                            Ok((extraction, ack))
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
        let extraction = self.extract(request.into_inner().article, None).await?;
        Ok(Response::new(ExtractArticleResponse {
            extraction: Some(extraction),
        }))
    }

    type StreamChangesStream = ReceiverStream<Result<StreamChangesResponse, Status>>;

    async fn stream_changes(
        &self,
        request: Request<StreamChangesRequest>,
    ) -> Result<Response<Self::StreamChangesStream>, Status> {
        let after = request.into_inner().after_sequence;
        let stream = feed::stream_changes(
            self.store.clone(),
            self.writer.durable(),
            after,
            self.shutdown.clone(),
        )?;
        Ok(Response::new(stream))
    }
}
