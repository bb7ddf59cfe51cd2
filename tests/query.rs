//! End to end: the ingest service and a query replica in this test process, on ephemeral ports
//! with temp dirs. The ingest service's records are built by hand ([`common::standin`]): the
//! seeds' are their annotated gold, ../shared/eval/seeds.gold.json, so that these tests check
//! storage, the changefeed and the queries, not the extractor's rules.

mod common;

use std::collections::HashSet;

use common::{pair::*, standin::*, *};
use hoptac_api::v1::{
    stream_timeline_response::Record as TimelineRecord, watch_records_response::Event,
    AgreementStatus, Field, GetAgreementRequest, GetStatsRequest, IngestArticleRequest,
    ListVisitsRequest, PartialDate, RecordFilter, SortOrder, StreamAgreementsRequest,
    StreamTimelineRequest, StreamVisitsRequest, VisitStatus, WatchRecordsRequest,
};
use hoptac_ingest::input::Extract;
use std::sync::Arc;
use tonic::Code;

async fn next_event(
    stream: &mut tonic::Streaming<hoptac_api::v1::WatchRecordsResponse>,
) -> hoptac_api::v1::WatchRecordsResponse {
    tokio::time::timeout(PATIENCE, stream.message())
        .await
        .expect("an event in time")
        .expect("healthy")
        .expect("open")
}

fn places(names: &[&str]) -> RecordFilter {
    RecordFilter {
        places: names.iter().map(|n| n.to_string()).collect(),
        ..Default::default()
    }
}

fn date(year: i32, month: i32, day: i32) -> Option<PartialDate> {
    Some(PartialDate {
        year,
        month,
        day,
        year_inferred: false,
    })
}

#[tokio::test]
async fn each_query_kind_returns_the_gold_records_of_the_seeds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ingest, query) = seeded_by_hand(&dir).await;
    let mut client = query_client(&query).await;

    // Agreements between Hà Nội and Japan: the 2008 friendship, the 2010/2013/2018 memoranda,
    // two memoranda signed on 2023-11-11 and the 2025-03-03 agreement, oldest first.
    let mut stream = client
        .stream_agreements(StreamAgreementsRequest {
            filter: Some(places(&["ha noi", "JP"])),
            ..Default::default()
        })
        .await
        .expect("accepted")
        .into_inner();
    let mut got = Vec::new();
    while let Some(item) = stream.message().await.expect("healthy") {
        assert!(!item.cursor.is_empty(), "every item carries a cursor");
        let a = item.agreement.expect("agreement");
        let d = a.signed_on.unwrap_or_default();
        got.push((d.year, d.month, d.day, a.status()));
    }
    use AgreementStatus::{Past, Signed};
    assert_eq!(
        got,
        [
            (2008, 0, 0, Past),
            (2010, 0, 0, Past),
            (2013, 0, 0, Past),
            (2018, 0, 0, Past),
            (2023, 11, 11, Signed),
            (2023, 11, 11, Signed),
            (2025, 3, 3, Signed)
        ]
    );

    // Newest first, signed only, within 2023.
    let mut stream = client
        .stream_agreements(StreamAgreementsRequest {
            filter: Some(RecordFilter {
                since: date(2023, 0, 0),
                until: date(2023, 0, 0),
                ..Default::default()
            }),
            statuses: vec![Signed as i32],
            order: SortOrder::NewestFirst as i32,
            ..Default::default()
        })
        .await
        .expect("accepted")
        .into_inner();
    let mut dates = Vec::new();
    while let Some(item) = stream.message().await.expect("healthy") {
        let d = item.agreement.and_then(|a| a.signed_on).unwrap_or_default();
        dates.push((d.month, d.day));
    }
    assert_eq!(
        dates,
        [(11, 16), (11, 16), (11, 11), (11, 11)],
        "Quảng Ninh–Hokkaido on 16/11, Hà Nội's two on 11/11"
    );

    // Visits to Hà Nội: from Fukuoka (2025, and one planned for 2024-01), Osaka, Île-de-France;
    // and Hà Nội's own trip to Fukuoka.
    let hanoi_visits = visit_ids(&mut client, places(&["Hà Nội"])).await;
    assert_eq!(hanoi_visits.len(), 5);
    let mut planned = client
        .stream_visits(StreamVisitsRequest {
            statuses: vec![VisitStatus::Planned as i32],
            ..Default::default()
        })
        .await
        .expect("accepted")
        .into_inner();
    let visit = planned
        .message()
        .await
        .expect("healthy")
        .and_then(|i| i.visit)
        .expect("one planned visit");
    assert_eq!(
        visit.leader.map(|l| l.name).as_deref(),
        Some("Hattori Seitaro")
    );
    assert!(
        planned.message().await.expect("healthy").is_none(),
        "only one"
    );

    // The timeline of the Quảng Ninh–Hokkaido pair: two agreements and the governor's visit.
    let mut timeline = client
        .stream_timeline(StreamTimelineRequest {
            places: vec!["Quảng Ninh".into(), "Hokkaido".into()],
            ..Default::default()
        })
        .await
        .expect("accepted")
        .into_inner();
    let (mut agreements, mut visits) = (0, 0);
    while let Some(item) = timeline.message().await.expect("healthy") {
        match item.record.expect("record") {
            TimelineRecord::Agreement(_) => agreements += 1,
            TimelineRecord::Visit(v) => {
                visits += 1;
                assert_eq!(v.leader.map(|l| l.name).as_deref(), Some("Suzuki Naomichi"));
            }
        }
    }
    assert_eq!((agreements, visits), (2, 1));

    // Counts: 9 agreements (all with Japan) and 6 visits (5 with Japan, 1 with France).
    let stats = client
        .get_stats(GetStatsRequest { filter: None })
        .await
        .expect("stats")
        .into_inner();
    assert_eq!((stats.agreements, stats.visits), (9, 6));
    let count = |key: &str| {
        stats
            .by_country
            .iter()
            .find(|c| c.key == key)
            .map(|c| (c.agreements, c.visits))
    };
    assert_eq!(count("JP"), Some((9, 5)));
    assert_eq!(count("FR"), Some((0, 1)));

    // Pages of two visits, in the stream's order, ending with an empty token.
    let all_visits = visit_ids(&mut client, RecordFilter::default()).await;
    let (mut paged, mut token) = (Vec::new(), String::new());
    loop {
        let page = client
            .list_visits(ListVisitsRequest {
                page_size: 2,
                page_token: token.clone(),
                ..Default::default()
            })
            .await
            .expect("page")
            .into_inner();
        assert!(page.visits.len() <= 2);
        paged.extend(page.visits.into_iter().map(|v| v.id));
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    assert_eq!(paged, all_visits);
    let negative = client
        .list_visits(ListVisitsRequest {
            page_size: -1,
            ..Default::default()
        })
        .await
        .expect_err("refused");
    assert_eq!(negative.code(), Code::InvalidArgument);

    // By id, and the errors a caller can act on.
    let first = agreement_ids(&mut client, RecordFilter::default())
        .await
        .remove(0);
    let got = client
        .get_agreement(GetAgreementRequest { id: first.clone() })
        .await
        .expect("found")
        .into_inner();
    assert_eq!(got.agreement.map(|a| a.id), Some(first));
    let missing = client
        .get_agreement(GetAgreementRequest {
            id: "khong-co-a1".into(),
        })
        .await
        .expect_err("absent");
    assert_eq!(missing.code(), Code::NotFound);
    let unknown = client
        .stream_agreements(StreamAgreementsRequest {
            filter: Some(places(&["Atlantis"])),
            ..Default::default()
        })
        .await
        .expect_err("refused");
    assert_eq!(unknown.code(), Code::InvalidArgument);
    assert!(
        unknown.message().contains("Atlantis"),
        "{}",
        unknown.message()
    );
    // A caller's megabyte of id or place name is not sent back: a short prefix names it.
    let huge = "khong-co-".repeat(100_000);
    let missing = client
        .get_agreement(GetAgreementRequest { id: huge.clone() })
        .await
        .expect_err("absent");
    let unknown = client
        .stream_agreements(StreamAgreementsRequest {
            filter: Some(places(&[&huge])),
            ..Default::default()
        })
        .await
        .expect_err("refused");
    for status in [missing, unknown] {
        assert!(
            status.message().len() < 400 && status.message().contains("khong-co-khong-co-"),
            "{} bytes: {:.200}",
            status.message().len(),
            status.message()
        );
    }

    query.stop().await;
    ingest.stop().await;
}

#[tokio::test]
async fn a_place_in_five_spellings_gives_the_same_answer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ingest, query) = seeded_by_hand(&dir).await;
    let mut client = query_client(&query).await;
    let expected = agreement_ids(&mut client, places(&["VN-HN"])).await;
    assert_eq!(
        expected.len(),
        7,
        "gold: seed 000 has one Hà Nội agreement, seed 001 six"
    );
    for spelling in [
        "Hà Nội",
        "ha noi",
        "Hanoi",
        "TP. Hà Nội",
        "thành phố Hà Nội",
    ] {
        assert_eq!(
            agreement_ids(&mut client, places(&[spelling])).await,
            expected,
            "{spelling}"
        );
    }
    for spelling in ["JP", "Nhật Bản", "Japan"] {
        assert_eq!(
            agreement_ids(&mut client, places(&["VN-HN", spelling])).await,
            expected,
            "{spelling}"
        );
    }
    query.stop().await;
    ingest.stop().await;
}

#[tokio::test]
async fn a_stream_resumed_from_its_cursor_continues_with_no_duplicate_and_no_gap() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ingest, query) = seeded_by_hand(&dir).await;
    let mut client = query_client(&query).await;
    for order in [SortOrder::OldestFirst, SortOrder::NewestFirst] {
        let request = |limit, after: String| StreamAgreementsRequest {
            order: order as i32,
            limit,
            after,
            ..Default::default()
        };
        let mut whole = Vec::new();
        let mut stream = client
            .stream_agreements(request(0, String::new()))
            .await
            .expect("accepted")
            .into_inner();
        while let Some(item) = stream.message().await.expect("healthy") {
            whole.push(item.agreement.expect("agreement").id);
        }
        assert_eq!(whole.len(), 9);
        // The stream "breaks" after 4 items; the client resumes from the last cursor it got.
        let (mut resumed, mut cursor) = (Vec::new(), String::new());
        let mut stream = client
            .stream_agreements(request(4, String::new()))
            .await
            .expect("accepted")
            .into_inner();
        while let Some(item) = stream.message().await.expect("healthy") {
            resumed.push(item.agreement.expect("agreement").id);
            cursor = item.cursor;
        }
        let mut stream = client
            .stream_agreements(request(0, cursor))
            .await
            .expect("accepted")
            .into_inner();
        while let Some(item) = stream.message().await.expect("healthy") {
            resumed.push(item.agreement.expect("agreement").id);
        }
        assert_eq!(resumed, whole, "{order:?}");
    }
    let bad = client
        .stream_agreements(StreamAgreementsRequest {
            after: "not-a-cursor".into(),
            ..Default::default()
        })
        .await
        .expect_err("refused");
    assert_eq!(bad.code(), Code::InvalidArgument);
    // An order that is no SortOrder is refused, not taken for the default.
    let bad = client
        .stream_agreements(StreamAgreementsRequest {
            order: 99,
            ..Default::default()
        })
        .await
        .expect_err("refused");
    assert_eq!(bad.code(), Code::InvalidArgument);
    assert!(bad.message().starts_with("order: 99"), "{}", bad.message());
    query.stop().await;
    ingest.stop().await;
}

#[tokio::test]
async fn a_cursor_from_another_query_is_invalid_argument() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ingest, query) = seeded_by_hand(&dir).await;
    let mut client = query_client(&query).await;
    let oldest = |after: String| StreamAgreementsRequest {
        order: SortOrder::OldestFirst as i32,
        limit: 2,
        after,
        ..Default::default()
    };
    let mut stream = client
        .stream_agreements(oldest(String::new()))
        .await
        .expect("accepted")
        .into_inner();
    let mut cursor = String::new();
    while let Some(item) = stream.message().await.expect("healthy") {
        cursor = item.cursor;
    }
    assert!(!cursor.is_empty());
    // The same query resumes from it.
    client
        .stream_agreements(oldest(cursor.clone()))
        .await
        .expect("the cursor's own query resumes");

    let hokkaido = RecordFilter {
        places: vec!["Hokkaido".into()],
        ..Default::default()
    };
    let refusals = vec![
        (
            "another order",
            client
                .stream_agreements(StreamAgreementsRequest {
                    order: SortOrder::NewestFirst as i32,
                    after: cursor.clone(),
                    ..Default::default()
                })
                .await
                .map(drop),
        ),
        (
            "another filter",
            client
                .stream_agreements(StreamAgreementsRequest {
                    filter: Some(hokkaido.clone()),
                    order: SortOrder::OldestFirst as i32,
                    after: cursor.clone(),
                    ..Default::default()
                })
                .await
                .map(drop),
        ),
        (
            "another kind",
            client
                .stream_visits(StreamVisitsRequest {
                    order: SortOrder::OldestFirst as i32,
                    after: cursor.clone(),
                    ..Default::default()
                })
                .await
                .map(drop),
        ),
        (
            "a list of another kind",
            client
                .list_visits(ListVisitsRequest {
                    page_token: cursor.clone(),
                    ..Default::default()
                })
                .await
                .map(drop),
        ),
    ];
    for (what, answer) in refusals {
        let status = answer.expect_err(what);
        assert_eq!(
            status.code(),
            Code::InvalidArgument,
            "{what}: {}",
            status.message()
        );
        assert!(
            status.message().contains("another query"),
            "{what}: {}",
            status.message()
        );
    }
    query.stop().await;
    ingest.stop().await;
}

#[tokio::test]
async fn watchers_get_live_records_and_a_backlog_from_a_sequence_without_repeats() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ingest, query) = seeded_by_hand(&dir).await;
    let mut client = query_client(&query).await;
    let hokkaido = RecordFilter {
        places: vec!["Hokkaido".into()],
        ..Default::default()
    };
    let mut live = client
        .watch_records(WatchRecordsRequest {
            filter: Some(hokkaido.clone()),
            after_sequence: None,
        })
        .await
        .expect("accepted")
        .into_inner();
    let mut from_three = client
        .watch_records(WatchRecordsRequest {
            filter: None,
            after_sequence: Some(3),
        })
        .await
        .expect("accepted")
        .into_inner();

    let mut ingest_client =
        hoptac_api::v1::ingest_service_client::IngestServiceClient::connect(ingest.url.clone())
            .await
            .expect("connects");
    let answer = ingest_client
        .ingest_article(IngestArticleRequest {
            article: Some(text_article(
                "https://baoquangninh.example/6",
                &visit_article(6),
            )),
        })
        .await
        .expect("ingests")
        .into_inner();
    assert_eq!(answer.sequence, 6);

    let event = next_event(&mut live).await;
    assert_eq!(
        event.sequence, 6,
        "the live watcher gets the new record, not the seeds"
    );
    assert!(
        matches!(event.event, Some(Event::Visit(ref v)) if v.guest.as_ref().and_then(|g| g.place.as_ref()).map(|p| p.region.as_str()) == Some("JP-01"))
    );

    // From sequence 3: seed 003's three records and seed 004's visit, then the new one.
    let mut sequences = Vec::new();
    while sequences.last() != Some(&6) {
        sequences.push(next_event(&mut from_three).await.sequence);
    }
    assert_eq!(sequences, [4, 4, 4, 5, 6]);
    query.stop().await;
    ingest.stop().await;
}

#[tokio::test]
async fn a_watch_after_a_sequence_the_replica_has_not_applied_is_out_of_range() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ingest, query) = seeded_by_hand(&dir).await;
    let mut client = query_client(&query).await;
    let past = client
        .watch_records(WatchRecordsRequest {
            filter: None,
            after_sequence: Some(9),
        })
        .await
        .expect_err("refused");
    assert_eq!(past.code(), Code::OutOfRange);
    assert!(
        past.message().contains("(5)"),
        "says how far the replica has applied: {}",
        past.message()
    );
    // From the last applied sequence itself: nothing to replay, the stream waits for new ones.
    client
        .watch_records(WatchRecordsRequest {
            filter: None,
            after_sequence: Some(5),
        })
        .await
        .expect("accepted");
    query.stop().await;
    ingest.stop().await;
}

#[tokio::test]
async fn shutdown_ends_open_streams_with_unavailable_and_where_to_resume() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ingest, query) = seeded_by_hand(&dir).await;
    let mut client = query_client(&query).await;
    let mut watch = client
        .watch_records(WatchRecordsRequest {
            filter: None,
            after_sequence: Some(5),
        })
        .await
        .expect("accepted")
        .into_inner();
    query.stop().await;
    let end = tokio::time::timeout(PATIENCE, watch.message())
        .await
        .expect("ends promptly")
        .expect_err("with a status");
    assert_eq!(end.code(), Code::Unavailable);
    assert!(
        end.message().contains("after_sequence=5"),
        "{}",
        end.message()
    );
    ingest.stop().await;
}

#[tokio::test]
async fn after_restarts_of_either_side_the_replica_holds_exactly_the_ingest_records() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ingest_dir = dir.path().join("ingest");
    let query_dir = dir.path().join("query");
    let by_hand: Arc<dyn Extract> = Arc::new(StandIn::seeds_and_visits());
    let start_ingest = |addr: std::net::SocketAddr| {
        start_ingest_with(ingest_args(ingest_dir.clone(), addr), by_hand.clone())
    };
    let mut ingest_side = start_ingest("127.0.0.1:0".parse().expect("addr")).await;
    let ingest_addr = ingest_side.addr;
    let mut query_side = query(query_dir.clone(), &ingest_side.url).await;
    let write = |url: String, range: std::ops::Range<usize>| async move {
        let mut client = hoptac_api::v1::ingest_service_client::IngestServiceClient::connect(url)
            .await
            .expect("connects");
        let articles = range
            .map(|n| text_article(&format!("https://example.vn/{n}"), &visit_article(n)))
            .collect();
        ingest_all(&mut client, articles)
            .await
            .last()
            .map(|a| a.sequence)
            .expect("answers")
    };

    // The replica stops while changes are still arriving, and restarts on its directory.
    let writer = tokio::spawn(write(ingest_side.url.clone(), 0..60));
    applied(&mut query_client(&query_side).await, 10).await;
    query_side.stop().await;
    let head = writer.await.expect("joins");
    query_side = query(query_dir.clone(), &ingest_side.url).await;

    // The ingest side stops and restarts on the same address while the replica runs.
    ingest_side.stop().await;
    ingest_side = start_ingest(ingest_addr).await;
    let head = head.max(write(ingest_side.url.clone(), 60..70).await);
    applied(&mut query_client(&query_side).await, head).await;

    // Every record the ingest side holds is on the replica, once, and nothing else is.
    let mut ingest_client = hoptac_api::v1::ingest_service_client::IngestServiceClient::connect(
        ingest_side.url.clone(),
    )
    .await
    .expect("connects");
    let mut feed = changes(&mut ingest_client, 0).await;
    let mut expected = HashSet::new();
    for _ in 0..head {
        let extraction = next_change(&mut feed).await.extraction.expect("extraction");
        expected.extend(extraction.agreements.into_iter().map(|a| a.id));
        expected.extend(extraction.visits.into_iter().map(|v| v.id));
    }
    let mut client = query_client(&query_side).await;
    let held = reports(&mut client).await;
    let unique: HashSet<String> = held.iter().cloned().collect();
    assert_eq!(unique.len(), held.len(), "no record twice");
    assert_eq!(unique, expected);
    assert!(expected.len() >= 70, "each visit article yields a record");
    query_side.stop().await;
    ingest_side.stop().await;
}

#[tokio::test]
async fn a_field_filter_reads_the_field_index() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "UBND tỉnh Quảng Ninh và tỉnh Hokkaido ký kết thỏa thuận hợp tác trong lĩnh vực y tế\n\
                Chiều 16/11/2023, tại thành phố Hạ Long, UBND tỉnh Quảng Ninh và Chính quyền tỉnh Hokkaido (Nhật Bản) \
                đã ký kết thỏa thuận hợp tác trong lĩnh vực y tế.\n";
    let health = gold_agreement(
        &hoptac_extract::Gazetteer::builtin(),
        &serde_json::json!({
            "parties": ["VN-13", "JP-01"], "kind": "AGREEMENT", "status": "SIGNED",
            "date": "2023-11-16", "fields": ["HEALTH"],
            "orgs": ["UBND tỉnh Quảng Ninh", "Chính quyền tỉnh Hokkaido"]
        }),
    );
    let by_hand = StandIn::default().with(text, vec![health], Vec::new());
    let (ingest, query) = started_with(&dir, Arc::new(by_hand)).await;
    let mut client =
        hoptac_api::v1::ingest_service_client::IngestServiceClient::connect(ingest.url.clone())
            .await
            .expect("connects");
    let answer = client
        .ingest_article(IngestArticleRequest {
            article: Some(text_article("https://baoquangninh.example/yte", text)),
        })
        .await
        .expect("ingests")
        .into_inner();
    let fields: Vec<i32> = answer
        .agreements
        .iter()
        .flat_map(|a| a.fields.clone())
        .collect();
    assert!(
        fields.contains(&(Field::Health as i32)),
        "the service answers with the record's fields: {answer:?}"
    );
    let mut q = query_client(&query).await;
    applied(&mut q, answer.sequence).await;
    let health = RecordFilter {
        fields: vec![Field::Health as i32],
        ..Default::default()
    };
    assert_eq!(
        agreement_ids(&mut q, health).await.len(),
        answer.agreements.len()
    );
    let tourism = RecordFilter {
        fields: vec![Field::Tourism as i32],
        ..Default::default()
    };
    assert!(agreement_ids(&mut q, tourism).await.is_empty());
    query.stop().await;
    ingest.stop().await;
}
