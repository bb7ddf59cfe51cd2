//! The `hoptac` query subcommands against a stand-in QueryService: what a user sees on stdout
//! and stderr, and the requests the flags turn into. The real query service has its own tests.

use std::{
    pin::Pin,
    process::Output,
    sync::{Arc, Mutex},
};

use hoptac_api::v1::{
    query_service_server::{QueryService, QueryServiceServer},
    stream_timeline_response, watch_records_response, Agreement, AgreementStatus,
    GetAgreementRequest, GetAgreementResponse, GetArticleRequest, GetArticleResponse,
    GetReplicationStatusRequest, GetReplicationStatusResponse, GetStatsRequest, GetStatsResponse,
    GetVisitRequest, GetVisitResponse, ListAgreementsRequest, ListAgreementsResponse,
    ListMentionsRequest, ListMentionsResponse, ListVisitsRequest, ListVisitsResponse, PartialDate,
    Party, Place, StatCount, StreamAgreementsRequest, StreamAgreementsResponse,
    StreamTimelineRequest, StreamTimelineResponse, StreamVisitsRequest, StreamVisitsResponse,
    Visit, WatchLagged, WatchRecordsRequest, WatchRecordsResponse,
};
use tokio::net::TcpListener;
use tokio_stream::{wrappers::TcpListenerStream, Stream};
use tonic::{Request, Response, Status};

/// Agreements the stand-in has for an unlimited query.
const ALL_AGREEMENTS: u32 = 120;

type Boxed<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

/// A QueryService that answers from made-up records and remembers what it was asked.
#[derive(Clone, Default)]
struct StandIn {
    agreement_requests: Arc<Mutex<Vec<StreamAgreementsRequest>>>,
}

fn party(organization: &str, country: &str, region: &str) -> Party {
    Party {
        organization: organization.into(),
        kind: 3,
        place: Some(Place {
            country: country.into(),
            region: region.into(),
            name: String::new(),
            level: 2,
        }),
    }
}

fn agreement(n: u32) -> Agreement {
    Agreement {
        id: format!("art{n}-a1"),
        kind: 1,
        status: AgreementStatus::Signed as i32,
        parties: vec![
            party("HĐND TP Hà Nội", "VN", "VN-HN"),
            party("Hội đồng tỉnh Fukuoka", "JP", "JP-40"),
        ],
        signed_on: Some(PartialDate {
            year: 2000 + i32::try_from(n % 26).unwrap_or(0),
            month: 3,
            day: 3,
            year_inferred: false,
        }),
        fields: vec![1],
        ..Default::default()
    }
}

fn visit() -> Visit {
    Visit {
        id: "art1-v1".into(),
        status: 1,
        guest: Some(party("Hội đồng tỉnh Fukuoka", "JP", "JP-40")),
        host: Some(party("HĐND TP Hà Nội", "VN", "VN-HN")),
        ..Default::default()
    }
}

fn stream_of<T: Send + 'static>(items: Vec<Result<T, Status>>) -> Boxed<T> {
    Box::pin(tokio_stream::iter(items))
}

#[tonic::async_trait]
impl QueryService for StandIn {
    type StreamAgreementsStream = Boxed<StreamAgreementsResponse>;
    type StreamVisitsStream = Boxed<StreamVisitsResponse>;
    type StreamTimelineStream = Boxed<StreamTimelineResponse>;
    type WatchRecordsStream = Boxed<WatchRecordsResponse>;

    async fn stream_agreements(
        &self,
        request: Request<StreamAgreementsRequest>,
    ) -> Result<Response<Self::StreamAgreementsStream>, Status> {
        let request = request.into_inner();
        self.agreement_requests
            .lock()
            .expect("lock")
            .push(request.clone());
        let places = request.filter.map(|f| f.places).unwrap_or_default();
        if places.iter().any(|p| p == "Atlantis") {
            return Err(Status::invalid_argument("unknown place \"Atlantis\""));
        }
        let count = if request.limit == 0 {
            ALL_AGREEMENTS
        } else {
            request.limit
        };
        let items = (1..=count)
            .map(|n| {
                Ok(StreamAgreementsResponse {
                    agreement: Some(agreement(n)),
                    cursor: format!("c{n}"),
                })
            })
            .collect();
        Ok(Response::new(stream_of(items)))
    }

    async fn stream_visits(
        &self,
        _request: Request<StreamVisitsRequest>,
    ) -> Result<Response<Self::StreamVisitsStream>, Status> {
        let items = vec![
            Ok(StreamVisitsResponse {
                visit: Some(visit()),
                cursor: "v1".into(),
            }),
            Err(Status::unavailable("the replica is shutting down")),
        ];
        Ok(Response::new(stream_of(items)))
    }

    async fn stream_timeline(
        &self,
        request: Request<StreamTimelineRequest>,
    ) -> Result<Response<Self::StreamTimelineStream>, Status> {
        assert_eq!(request.into_inner().places, ["Hà Nội", "JP"]);
        let items = vec![
            Ok(StreamTimelineResponse {
                record: Some(stream_timeline_response::Record::Agreement(agreement(1))),
                cursor: "t1".into(),
            }),
            Ok(StreamTimelineResponse {
                record: Some(stream_timeline_response::Record::Visit(visit())),
                cursor: "t2".into(),
            }),
        ];
        Ok(Response::new(stream_of(items)))
    }

    async fn watch_records(
        &self,
        request: Request<WatchRecordsRequest>,
    ) -> Result<Response<Self::WatchRecordsStream>, Status> {
        assert_eq!(request.into_inner().after_sequence, Some(5));
        let items = vec![
            Ok(WatchRecordsResponse {
                sequence: 6,
                event: Some(watch_records_response::Event::Visit(visit())),
                ..Default::default()
            }),
            Ok(WatchRecordsResponse {
                sequence: 6,
                event: Some(watch_records_response::Event::Lagged(WatchLagged {
                    resume_after_sequence: 6,
                })),
                ..Default::default()
            }),
        ];
        Ok(Response::new(stream_of(items)))
    }

    async fn list_agreements(
        &self,
        _request: Request<ListAgreementsRequest>,
    ) -> Result<Response<ListAgreementsResponse>, Status> {
        Err(Status::unimplemented("not in the stand-in"))
    }

    async fn list_visits(
        &self,
        _request: Request<ListVisitsRequest>,
    ) -> Result<Response<ListVisitsResponse>, Status> {
        Err(Status::unimplemented("not in the stand-in"))
    }

    async fn get_agreement(
        &self,
        _request: Request<GetAgreementRequest>,
    ) -> Result<Response<GetAgreementResponse>, Status> {
        Err(Status::unimplemented("not in the stand-in"))
    }

    async fn get_visit(
        &self,
        _request: Request<GetVisitRequest>,
    ) -> Result<Response<GetVisitResponse>, Status> {
        Err(Status::unimplemented("not in the stand-in"))
    }

    async fn get_article(
        &self,
        _request: Request<GetArticleRequest>,
    ) -> Result<Response<GetArticleResponse>, Status> {
        Err(Status::unimplemented("not in the stand-in"))
    }

    async fn list_mentions(
        &self,
        _request: Request<ListMentionsRequest>,
    ) -> Result<Response<ListMentionsResponse>, Status> {
        Err(Status::unimplemented("not in the stand-in"))
    }

    async fn get_stats(
        &self,
        _request: Request<GetStatsRequest>,
    ) -> Result<Response<GetStatsResponse>, Status> {
        let count = |key: &str, agreements, visits| StatCount {
            key: key.into(),
            agreements,
            visits,
        };
        Ok(Response::new(GetStatsResponse {
            agreements: 3,
            visits: 1,
            by_country: vec![count("JP", 3, 1), count("VN", 3, 1)],
            by_region: vec![count("JP-40", 2, 1), count("VN-HN", 3, 1)],
            by_field: vec![count("FIELD_HEALTH", 1, 0)],
            by_year: vec![count("2025", 3, 1)],
            by_status: vec![count("AGREEMENT_STATUS_SIGNED", 3, 0)],
        }))
    }

    async fn get_replication_status(
        &self,
        _request: Request<GetReplicationStatusRequest>,
    ) -> Result<Response<GetReplicationStatusResponse>, Status> {
        Err(Status::unimplemented("not in the stand-in"))
    }
}

/// Serves a stand-in on a free port; returns its URL.
async fn serve(stand_in: StandIn) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    tokio::spawn(
        tonic::transport::Server::builder()
            .add_service(QueryServiceServer::new(stand_in))
            .serve_with_incoming(TcpListenerStream::new(listener)),
    );
    format!("http://{addr}")
}

async fn hoptac(url: &str, args: &[&str]) -> Output {
    tokio::process::Command::new(env!("CARGO_BIN_EXE_hoptac"))
        .args(args)
        .env("HOPTAC_QUERY_URL", url)
        .output()
        .await
        .expect("hoptac runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

#[tokio::test]
async fn agreements_print_as_a_table_with_the_tally_on_stderr() {
    let stand_in = StandIn::default();
    let url = serve(stand_in.clone()).await;
    let out = hoptac(&url, &["agreements"]).await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1 + ALL_AGREEMENTS as usize, "{stdout}");
    assert!(lines[0].starts_with("DATE "), "{stdout}");
    assert_eq!(lines.iter().filter(|l| l.starts_with("DATE ")).count(), 1);
    assert!(
        lines[1].contains("VN-HN HĐND TP Hà Nội ↔ JP-40 Hội đồng tỉnh Fukuoka"),
        "{stdout}"
    );
    assert_eq!(text(&out.stderr), "120 agreements\n");
}

#[tokio::test]
async fn flags_become_the_request_and_a_limit_tells_where_to_continue() {
    let stand_in = StandIn::default();
    let url = serve(stand_in.clone()).await;
    let out = hoptac(
        &url,
        &[
            "agreements",
            "--place",
            "ha noi",
            "--country",
            "JP",
            "--field",
            "science-technology",
            "--status",
            "past",
            "--newest-first",
            "--limit",
            "3",
            "--after",
            "c0",
            "--json",
        ],
    )
    .await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    for line in &lines {
        let record: Agreement = serde_json::from_str(line).expect("an Agreement per line");
        assert_eq!(record.parties.len(), 2);
    }
    assert_eq!(
        text(&out.stderr),
        "3 agreements (--limit 3); continue with --after c3\n"
    );
    let requests = stand_in.agreement_requests.lock().expect("lock").clone();
    let request = requests.first().expect("one request");
    let filter = request.filter.clone().expect("a filter");
    assert_eq!(filter.places, ["ha noi", "JP"]);
    assert_eq!(filter.fields, [12]);
    assert_eq!(request.statuses, [AgreementStatus::Past as i32]);
    assert_eq!(request.order, 2);
    assert_eq!((request.limit, request.after.as_str()), (3, "c0"));
}

#[tokio::test]
async fn a_grpc_error_shows_code_and_message_and_fails() {
    let url = serve(StandIn::default()).await;
    let out = hoptac(&url, &["agreements", "--place", "Atlantis"]).await;
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr),
        "hoptac: INVALID_ARGUMENT: unknown place \"Atlantis\"\n"
    );
}

#[tokio::test]
async fn a_broken_stream_keeps_what_came_and_says_where_to_continue() {
    let url = serve(StandIn::default()).await;
    let out = hoptac(&url, &["visits"]).await;
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("JP-40 Hội đồng tỉnh Fukuoka → VN-HN HĐND TP Hà Nội"),
        "{stdout}"
    );
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("1 visit before the error; continue with --after v1\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("UNAVAILABLE: the replica is shutting down"),
        "{stderr}"
    );
}

#[tokio::test]
async fn a_timeline_mixes_agreements_and_visits() {
    let url = serve(StandIn::default()).await;
    let out = hoptac(&url, &["timeline", "--place", "Hà Nội", "--country", "JP"]).await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let types: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.split_whitespace().nth(1))
        .collect();
    assert_eq!(types, ["TYPE", "agreement", "visit"], "{stdout}");
    assert_eq!(text(&out.stderr), "2 records\n");
}

#[tokio::test]
async fn a_lagging_watch_tells_how_to_resume_and_fails() {
    let url = serve(StandIn::default()).await;
    let out = hoptac(&url, &["watch", "--after-sequence", "5", "--json"]).await;
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let events: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(events.len(), 2, "{stdout}");
    assert_eq!(events[0]["visit"]["id"], "art1-v1");
    assert_eq!(events[1]["lagged"]["resumeAfterSequence"], "6");
    let stderr = text(&out.stderr);
    assert!(stderr.contains("--after-sequence 6"), "{stderr}");
}

#[tokio::test]
async fn stats_print_totals_then_sections() {
    let url = serve(StandIn::default()).await;
    let out = hoptac(&url, &["stats"]).await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("3 agreements, 1 visit\n"), "{stdout}");
    for section in ["COUNTRY", "REGION", "FIELD", "YEAR", "STATUS"] {
        assert!(
            stdout.lines().any(|l| l.starts_with(section)),
            "{section}: {stdout}"
        );
    }
    assert!(stdout.contains("VN-HN            3       1"), "{stdout}");
    let json = hoptac(&url, &["stats", "--json"]).await;
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("one object");
    assert_eq!(value["byRegion"][0]["key"], "JP-40");
}

#[tokio::test]
async fn an_unreachable_service_says_how_to_start_it() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    drop(listener);
    let out = hoptac(&url, &["stats"]).await;
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!("cannot reach the query service at {url}")),
        "{stderr}"
    );
    assert!(stderr.contains("hoptac up"), "{stderr}");
}
