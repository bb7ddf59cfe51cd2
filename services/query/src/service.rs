//! The `hoptac.v1.QueryService` handlers: check the request, read the replica, stream or page
//! the answer. Streams are fed by a task per call through a bounded channel (backpressure) and
//! end with UNAVAILABLE and the cursor to resume from when the service shuts down.

use std::{collections::BTreeMap, sync::Arc};

use hoptac_api::v1::{
    query_service_server::QueryService, stream_timeline_response, AgreementStatus,
    GetAgreementRequest, GetAgreementResponse, GetArticleRequest, GetArticleResponse,
    GetReplicationStatusRequest, GetReplicationStatusResponse, GetStatsRequest, GetStatsResponse,
    GetVisitRequest, GetVisitResponse, ListAgreementsRequest, ListAgreementsResponse,
    ListMentionsRequest, ListMentionsResponse, ListVisitsRequest, ListVisitsResponse, RecordFilter,
    StatCount, StreamAgreementsRequest, StreamAgreementsResponse, StreamTimelineRequest,
    StreamTimelineResponse, StreamVisitsRequest, StreamVisitsResponse, VisitStatus,
    WatchRecordsRequest,
};
use hoptac_gazetteer::Gazetteer;
use tokio::sync::{broadcast, mpsc};
use tokio_stream::wrappers::ReceiverStream;
use tokio_util::sync::CancellationToken;
use tonic::{Request, Response, Status};
use tracing::Instrument;

use crate::{
    error::Error,
    filter::Query,
    follow::Replication,
    index::Position,
    record::{Kind, Record},
    store::{Applied, Database, Reader},
    watch,
};
use hoptac_runtime::streams::Slots;

/// Records read from the store per step of a stream.
const CHUNK: usize = 128;
/// Page size when a List request gives 0.
const DEFAULT_PAGE_SIZE: usize = 50;
/// Largest page a List request may ask for.
const MAX_PAGE_SIZE: usize = 1000;

/// The QueryService implementation.
#[derive(Clone)]
pub struct Queries {
    /// The store, and its blocking reads off the runtime.
    reader: Reader,
    /// The cap on open WatchRecords streams.
    watchers: Slots,
    gazetteer: Arc<Gazetteer>,
    replication: Arc<Replication>,
    events: broadcast::Sender<Arc<Applied>>,
    upstream_url: String,
    shutdown: CancellationToken,
}

impl Queries {
    /// A service answering from `db`, resolving place names with `gazetteer`, serving at most
    /// `max_watchers` WatchRecords streams at once; its streams end when `shutdown` fires.
    pub fn new(
        db: Arc<Database>,
        max_watchers: usize,
        gazetteer: Arc<Gazetteer>,
        replication: Arc<Replication>,
        events: broadcast::Sender<Arc<Applied>>,
        upstream_url: String,
        shutdown: CancellationToken,
    ) -> Self {
        Self {
            reader: Reader::new(db),
            watchers: Slots::new(max_watchers, "watchers", "--max-watchers"),
            gazetteer,
            replication,
            events,
            upstream_url,
            shutdown,
        }
    }

    fn query(&self, filter: Option<&RecordFilter>, kinds: &[Kind]) -> Result<Query, Error> {
        Query::new(filter, kinds, &self.gazetteer)
    }

    /// Reads one page on a blocking thread (sled reads block).
    async fn page(
        &self,
        query: Query,
        resume: Option<Position>,
        max: usize,
    ) -> Result<Vec<Record>, Error> {
        self.reader
            .read(move |store| store.page(&query, resume.as_ref(), max))
            .await
    }

    /// Streams the records of `query` after `after`, at most `limit` (0: all), each turned into
    /// a response with its cursor by `item`.
    fn stream<T: Send + 'static>(
        &self,
        query: Query,
        after: &str,
        limit: u32,
        item: fn(Record, String) -> T,
    ) -> Result<ReceiverStream<Result<T, Status>>, Error> {
        let fingerprint = query.fingerprint();
        let mut resume = (!after.is_empty())
            .then(|| Position::from_cursor(after, "after", &fingerprint))
            .transpose()?;
        let limit = if limit == 0 {
            usize::MAX
        } else {
            limit as usize
        };
        let (tx, rx) = mpsc::channel(CHUNK);
        let (service, shutdown) = (self.clone(), self.shutdown.clone());
        let task = async move {
            let mut sent = 0;
            while sent < limit {
                let want = CHUNK.min(limit - sent);
                let records = match service.page(query.clone(), resume.clone(), want).await {
                    Ok(records) => records,
                    Err(err) => {
                        let _ = tx.send(Err(err.into())).await;
                        return;
                    }
                };
                let exhausted = records.len() < want;
                for record in records {
                    let position = Position::of(&record);
                    let response = item(record, position.cursor(&fingerprint));
                    tokio::select! {
                        ok = tx.send(Ok(response)) => if ok.is_err() { return },
                        () = shutdown.cancelled() => {
                            let resume = resume.as_ref().map_or_else(
                                || "repeat the request".to_string(),
                                |p| format!("resume with after={}", p.cursor(&fingerprint)),
                            );
                            let status = Status::from(Error::ShuttingDown { resume });
                            let _ = tokio::time::timeout(std::time::Duration::from_millis(200), tx.send(Err(status))).await;
                            return;
                        }
                    }
                    resume = Some(position);
                    sent += 1;
                }
                if exhausted {
                    break;
                }
            }
        };
        tokio::spawn(task.instrument(tracing::Span::current()));
        Ok(ReceiverStream::new(rx))
    }

    /// One page of a List call (AIP-158): the records and the next page's token.
    async fn list(
        &self,
        query: Query,
        page_size: i32,
        page_token: &str,
    ) -> Result<(Vec<Record>, String), Error> {
        let size = match page_size {
            0 => DEFAULT_PAGE_SIZE,
            n if n < 0 => {
                return Err(Error::InvalidArgument {
                    field: "page_size",
                    reason: "must not be negative".into(),
                })
            }
            n => (n as usize).min(MAX_PAGE_SIZE),
        };
        let fingerprint = query.fingerprint();
        let resume = (!page_token.is_empty())
            .then(|| Position::from_cursor(page_token, "page_token", &fingerprint))
            .transpose()?;
        let mut records = self.page(query, resume, size + 1).await?;
        let next = if records.len() > size {
            records.truncate(size);
            records
                .last()
                .map(|r| Position::of(r).cursor(&fingerprint))
                .unwrap_or_default()
        } else {
            String::new()
        };
        Ok((records, next))
    }
}

fn is_agreement_status(s: i32) -> bool {
    AgreementStatus::try_from(s).is_ok()
}

fn is_visit_status(s: i32) -> bool {
    VisitStatus::try_from(s).is_ok()
}

fn agreements(records: Vec<Record>) -> Vec<hoptac_api::v1::Agreement> {
    records
        .into_iter()
        .filter_map(|r| match r {
            Record::Agreement(a) => Some(a),
            Record::Visit(_) => None,
        })
        .collect()
}

fn visits(records: Vec<Record>) -> Vec<hoptac_api::v1::Visit> {
    records
        .into_iter()
        .filter_map(|r| match r {
            Record::Visit(v) => Some(v),
            Record::Agreement(_) => None,
        })
        .collect()
}

fn agreement_item(record: Record, cursor: String) -> StreamAgreementsResponse {
    let agreement = match record {
        Record::Agreement(a) => Some(a),
        Record::Visit(_) => None,
    };
    StreamAgreementsResponse { agreement, cursor }
}

fn visit_item(record: Record, cursor: String) -> StreamVisitsResponse {
    let visit = match record {
        Record::Visit(v) => Some(v),
        Record::Agreement(_) => None,
    };
    StreamVisitsResponse { visit, cursor }
}

fn timeline_item(record: Record, cursor: String) -> StreamTimelineResponse {
    let record = match record {
        Record::Agreement(a) => stream_timeline_response::Record::Agreement(a),
        Record::Visit(v) => stream_timeline_response::Record::Visit(v),
    };
    StreamTimelineResponse {
        record: Some(record),
        cursor,
    }
}

type Stream<T> = ReceiverStream<Result<T, Status>>;

#[tonic::async_trait]
impl QueryService for Queries {
    type StreamAgreementsStream = Stream<StreamAgreementsResponse>;

    async fn stream_agreements(
        &self,
        request: Request<StreamAgreementsRequest>,
    ) -> Result<Response<Self::StreamAgreementsStream>, Status> {
        let r = request.into_inner();
        let query = self
            .query(r.filter.as_ref(), &[Kind::Agreement])?
            .with_statuses(&r.statuses, is_agreement_status, "statuses")?
            .with_order(r.order)?;
        Ok(Response::new(self.stream(
            query,
            &r.after,
            r.limit,
            agreement_item,
        )?))
    }

    type StreamVisitsStream = Stream<StreamVisitsResponse>;

    async fn stream_visits(
        &self,
        request: Request<StreamVisitsRequest>,
    ) -> Result<Response<Self::StreamVisitsStream>, Status> {
        let r = request.into_inner();
        let query = self
            .query(r.filter.as_ref(), &[Kind::Visit])?
            .with_statuses(&r.statuses, is_visit_status, "statuses")?
            .with_order(r.order)?;
        Ok(Response::new(
            self.stream(query, &r.after, r.limit, visit_item)?,
        ))
    }

    type StreamTimelineStream = Stream<StreamTimelineResponse>;

    async fn stream_timeline(
        &self,
        request: Request<StreamTimelineRequest>,
    ) -> Result<Response<Self::StreamTimelineStream>, Status> {
        let r = request.into_inner();
        if !(1..=2).contains(&r.places.len()) {
            return Err(Error::InvalidArgument {
                field: "places",
                reason: format!("give one place or a pair of places, not {}", r.places.len()),
            }
            .into());
        }
        let filter = RecordFilter {
            places: r.places,
            since: r.since,
            until: r.until,
            ..Default::default()
        };
        let query = self.query(Some(&filter), &[])?.with_order(r.order)?;
        Ok(Response::new(self.stream(
            query,
            &r.after,
            r.limit,
            timeline_item,
        )?))
    }

    type WatchRecordsStream = watch::Watch;

    async fn watch_records(
        &self,
        request: Request<WatchRecordsRequest>,
    ) -> Result<Response<Self::WatchRecordsStream>, Status> {
        let r = request.into_inner();
        let query = self.query(r.filter.as_ref(), &[])?;
        let slot = self.watchers.try_take().map_err(Error::from)?;
        let stream = watch::watch(
            self.reader.clone(),
            &self.events,
            query,
            r.after_sequence,
            slot,
            self.shutdown.clone(),
        )?;
        Ok(Response::new(stream))
    }

    async fn list_agreements(
        &self,
        request: Request<ListAgreementsRequest>,
    ) -> Result<Response<ListAgreementsResponse>, Status> {
        let r = request.into_inner();
        let query = self
            .query(r.filter.as_ref(), &[Kind::Agreement])?
            .with_statuses(&r.statuses, is_agreement_status, "statuses")?
            .with_order(r.order)?;
        let (records, next_page_token) = self.list(query, r.page_size, &r.page_token).await?;
        Ok(Response::new(ListAgreementsResponse {
            agreements: agreements(records),
            next_page_token,
        }))
    }

    async fn list_visits(
        &self,
        request: Request<ListVisitsRequest>,
    ) -> Result<Response<ListVisitsResponse>, Status> {
        let r = request.into_inner();
        let query = self
            .query(r.filter.as_ref(), &[Kind::Visit])?
            .with_statuses(&r.statuses, is_visit_status, "statuses")?
            .with_order(r.order)?;
        let (records, next_page_token) = self.list(query, r.page_size, &r.page_token).await?;
        Ok(Response::new(ListVisitsResponse {
            visits: visits(records),
            next_page_token,
        }))
    }

    async fn get_agreement(
        &self,
        request: Request<GetAgreementRequest>,
    ) -> Result<Response<GetAgreementResponse>, Status> {
        let id = request.into_inner().id;
        match self.reader.store()?.event(&id)? {
            Some(Record::Agreement(agreement)) => Ok(Response::new(GetAgreementResponse {
                agreement: Some(agreement),
            })),
            _ => Err(Error::NotFound {
                what: "agreement",
                id,
            }
            .into()),
        }
    }

    async fn get_visit(
        &self,
        request: Request<GetVisitRequest>,
    ) -> Result<Response<GetVisitResponse>, Status> {
        let id = request.into_inner().id;
        match self.reader.store()?.event(&id)? {
            Some(Record::Visit(visit)) => {
                Ok(Response::new(GetVisitResponse { visit: Some(visit) }))
            }
            _ => Err(Error::NotFound { what: "visit", id }.into()),
        }
    }

    async fn get_article(
        &self,
        request: Request<GetArticleRequest>,
    ) -> Result<Response<GetArticleResponse>, Status> {
        let id = request.into_inner().id;
        let store = self.reader.store()?;
        match store.article(&id)? {
            Some(article) => {
                let records = store.article_records(&id)?;
                Ok(Response::new(GetArticleResponse {
                    article: Some(article),
                    agreements: agreements(records.clone()),
                    visits: visits(records),
                }))
            }
            None => Err(Error::NotFound {
                what: "article",
                id,
            }
            .into()),
        }
    }

    async fn list_mentions(
        &self,
        request: Request<ListMentionsRequest>,
    ) -> Result<Response<ListMentionsResponse>, Status> {
        let id = request.into_inner().event_id;
        let store = self.reader.store()?;
        let Some(event) = store.record(&id)? else {
            return Err(Error::NotFound { what: "event", id }.into());
        };
        let event = event.resolvable();
        let mut records = Vec::new();
        for mention in event.mentions() {
            records.extend(store.mention(&mention.record_id)?);
        }
        Ok(Response::new(ListMentionsResponse {
            agreements: agreements(records.clone()),
            visits: visits(records),
        }))
    }

    async fn get_stats(
        &self,
        request: Request<GetStatsRequest>,
    ) -> Result<Response<GetStatsResponse>, Status> {
        let query = self.query(request.into_inner().filter.as_ref(), &[])?;
        let mut stats = Tally::default();
        let mut resume = None;
        loop {
            let records = self.page(query.clone(), resume.clone(), 1024).await?;
            let done = records.len() < 1024;
            for record in &records {
                stats.add(record);
            }
            resume = records.last().map(Position::of);
            if done {
                break;
            }
        }
        Ok(Response::new(stats.into_response()))
    }

    async fn get_replication_status(
        &self,
        _request: Request<GetReplicationStatusRequest>,
    ) -> Result<Response<GetReplicationStatusResponse>, Status> {
        Ok(Response::new(GetReplicationStatusResponse {
            applied_sequence: self.replication.applied(),
            upstream_head_sequence: self.replication.upstream_head(),
            connected: self.replication.connected(),
            upstream_url: self.upstream_url.clone(),
        }))
    }
}

/// Record counts by key, per kind.
#[derive(Default)]
struct Tally {
    agreements: u64,
    visits: u64,
    by_country: BTreeMap<String, (u64, u64)>,
    by_region: BTreeMap<String, (u64, u64)>,
    by_field: BTreeMap<String, (u64, u64)>,
    by_year: BTreeMap<String, (u64, u64)>,
    by_status: BTreeMap<String, (u64, u64)>,
}

impl Tally {
    fn add(&mut self, record: &Record) {
        let is_agreement = record.kind() == Kind::Agreement;
        let bump = |map: &mut BTreeMap<String, (u64, u64)>, key: &str| {
            let entry = map.entry(key.to_string()).or_default();
            if is_agreement {
                entry.0 += 1
            } else {
                entry.1 += 1
            }
        };
        if is_agreement {
            self.agreements += 1
        } else {
            self.visits += 1
        }
        for code in record.place_codes() {
            let map = if code.contains('-') {
                &mut self.by_region
            } else {
                &mut self.by_country
            };
            bump(map, code);
        }
        for field in record.fields() {
            if let Ok(f) = hoptac_api::v1::Field::try_from(*field) {
                bump(
                    &mut self.by_field,
                    f.as_str_name().trim_start_matches("FIELD_"),
                );
            }
        }
        if let Some(year) = record.date().map(|d| d.year).filter(|y| *y > 0) {
            bump(&mut self.by_year, &year.to_string());
        }
        bump(&mut self.by_status, record.status_name());
    }

    fn into_response(self) -> GetStatsResponse {
        let counts = |map: BTreeMap<String, (u64, u64)>| {
            map.into_iter()
                .map(|(key, (agreements, visits))| StatCount {
                    key,
                    agreements,
                    visits,
                })
                .collect()
        };
        GetStatsResponse {
            agreements: self.agreements,
            visits: self.visits,
            by_country: counts(self.by_country),
            by_region: counts(self.by_region),
            by_field: counts(self.by_field),
            by_year: counts(self.by_year),
            by_status: counts(self.by_status),
        }
    }
}
