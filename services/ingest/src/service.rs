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
    writer::Writer,
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
        let article = extraction.article.clone().unwrap_or_default();
        let article_id = article.id.clone();
        let written = self
            .writer
            .write(Pending {
                article,
                extraction: extraction.clone(),
            })
            .await?;
        let records = match written {
            Written::New(_) => extraction,
            // Answer with what is stored, which an older extractor may have produced.
            Written::Duplicate(_) => self
                .store
                .find(&article_id)?
                .map(|c| c.extraction)
                .unwrap_or(extraction),
        };
        tracing::info!(article_id, outcome = ?written, agreements = records.agreements.len(), visits = records.visits.len(), "ingested");
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
        let service = self.clone();
        // tonic enters the request's span only until the response head; the stream's work
        // happens later, so it carries the span itself.
        let span = tracing::Span::current();
        // `buffered` keeps up to STREAM_WINDOW articles in flight (so they share flushes) and
        // yields answers in request order; it pulls requests only as answers are taken, which
        // is the backpressure.
        let answers = request
            .into_inner()
            .map(move |request| {
                let service = service.clone();
                let span = span.clone();
                async move {
                    let request = request?;
                    Ok(match service.ingest(request.article).await {
                        Ok(done) => {
                            let (outcome, sequence) = done.outcome();
                            IngestArticlesResponse {
                                article_id: done.article_id,
                                outcome: outcome as i32,
                                sequence,
                                agreements: done.records.agreements,
                                visits: done.records.visits,
                                rejection: None,
                            }
                        }
                        Err(err) if err.field().is_some() => IngestArticlesResponse {
                            outcome: IngestOutcome::Rejected as i32,
                            rejection: Some(Rejection {
                                code: err.code() as i32,
                                field: err.field().unwrap_or_default().to_string(),
                                message: err.to_string(),
                            }),
                            ..Default::default()
                        },
                        // Not the article's fault (storage, shutdown): end the stream with it.
                        Err(err) => return Err(Status::from(err)),
                    })
                }
                .instrument(span)
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
